package loaders

import (
	"errors"
	"strings"
	"testing"
)

const csvComputers = "Mã số,Tên đơn vị,CBCC,Máy tính,Internet,LAN,Tỷ lệ,LAN,Internet\n" +
	"A,B,C,D,E,F,G,H,E\n" +
	"1,Tỉnh ủy,159,142,16,87,0.89308,0.61268,0.11268\n" +
	"2,Hội đồng Nhân dân,32,35,26,26,1.09375,0.74286,0.74286\n" +
	"3,\"Văn phòng Đoàn Đại biểu Quốc hội\",0,0,0,0,0,0,0\n" +
	"TỔNG/BÌNH QUÂN,,191,177,42,113,0.9267,0.63842,0.23729,\n"

func TestParseCSVComputers(t *testing.T) {
	tb, err := ParseCSV(strings.NewReader(csvComputers), Computers, Options{File: "p2.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	f := tb.Frame
	if f.NumRows() != 3 || tb.Convention != CommaThousands {
		t.Fatalf("rows %d convention %s", f.NumRows(), tb.Convention)
	}
	if got := f.Col("computers_per_staff_reported").Float64s()[0]; got != 0.89308 {
		t.Errorf("ratio %v", got)
	}
	if got := f.Col("source_line").Int64s(); got[0] != 3 || got[2] != 5 {
		t.Errorf("source lines %v", got)
	}
	if len(tb.Totals) != 1 || tb.Totals[0].Line != 6 || len(tb.Totals[0].Values) != 7 {
		t.Fatalf("totals %+v", tb.Totals)
	}
	if v, _ := tb.Totals[0].Get("staff"); v.Value != 191 {
		t.Errorf("total staff %v", v)
	}
}

func TestParseCSVSectionsAndUnit(t *testing.T) {
	in := "\ufeffĐơn vị tính: triệu đồng\r\nSTT,Tên dự án,Mục tiêu,Thời gian,Tổng,TW,ĐP,TW,ĐP,Ghi chú\r\n" +
		"1,Mạng nội bộ,Kết nối,2011-2012,\"24,000\",\"10,000\",\"14,000\",0,0,\r\n" +
		"TỔNG CỘNG,,,,\"24,000\",\"10,000\",\"14,000\",0,0\r\n"
	tb, err := ParseCSV(strings.NewReader(in), ProjectsPlan, Options{File: "p5.csv", Convention: CommaThousands})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if tb.MoneyUnit != Million {
		t.Errorf("unit %s", tb.MoneyUnit)
	}
	if got := tb.Frame.Col("total_mvnd").Float64s()[0]; got != 24000 {
		t.Errorf("total %v", got)
	}
	if got := tb.Frame.Col("period_end").Int64s()[0]; got != 2012 {
		t.Errorf("period end %v", got)
	}
	// Without the convention, 24,000 is ambiguous.
	_, err = ParseCSV(strings.NewReader(in), ProjectsPlan, Options{File: "p5.csv"})
	if !errors.Is(err, ErrAmbiguousNumber) {
		t.Fatalf("err = %v, want ErrAmbiguousNumber", err)
	}
	if es := Errors(err); len(es) == 0 || es[0].Line != 3 || es[0].Column != "total_mvnd" {
		t.Errorf("first error %+v", es[0])
	}
}

func TestParseCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name, in string
		line     int
		want     error
	}{
		{"missing cell", strings.Replace(csvComputers, "32,35,26,26,", "32,35,26,", 1), 4, ErrCellCount},
		{"extra cell", strings.Replace(csvComputers, "0.74286,0.74286\n", "0.74286,0.74286,9\n", 1), 4, ErrCellCount},
		{"not a number", strings.Replace(csvComputers, "159,142", "159,l42", 1), 3, ErrNotNumber},
		{"stray text", strings.Replace(csvComputers, "TỔNG/BÌNH QUÂN", "Ghi chú: số liệu tạm", 1), 6, ErrUnexpectedCell},
		{"mixed conventions", strings.Replace(csvComputers, "0.61268", "\"0,61268\"", 1), 3, ErrMixedConvention},
		{"no rows", "Mã số,Tên đơn vị\n", 1, ErrTruncated},
		{"bad quote", "1,\"Tỉnh ủy,159\n", 1, ErrUnexpectedCell},
		{"invalid utf-8", "1,T\xffnh,1,1,1,1,1,1,1\n", 1, ErrEncoding},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCSV(strings.NewReader(c.in), Computers, Options{File: "x.csv"})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			found := false
			for _, e := range Errors(err) {
				if e.Line == c.line && errors.Is(e, c.want) && e.File == "x.csv" {
					found = true
				}
			}
			if !found {
				t.Errorf("no %v at line %d in %v", c.want, c.line, err)
			}
		})
	}
}

func FuzzParseCSV(f *testing.F) {
	f.Add([]byte(csvComputers), uint8(1))
	f.Add([]byte("STT,Tên\nI. NHÓM A\n1,Sở,33,0,1,0,6,17,7,25\nTỔNG CỘNG,,33,0,1,0,6,17,7,25\n"), uint8(0))
	f.Add([]byte("1,Một cửa,Mục tiêu,2009-2010,\"9,189,899,000\",Đang,Chưa được bố trí,Thiếu\n"), uint8(2))
	f.Add([]byte("Đơn vị tính: triệu đồng\n1,Dự án,Mục tiêu,2011-2015,\"8,580\",\"6,883\",\"1,697\",0,0,ghi chú\n"), uint8(3))
	layouts := []Layout{ITStaff, Computers, Projects2009, ProjectsPlan}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		l := layouts[int(which)%len(layouts)]
		tb, err := ParseCSV(strings.NewReader(string(data)), l, Options{File: "fuzz.csv"})
		if err != nil {
			for _, e := range Errors(err) {
				if e.Err == nil || e.Line < 0 {
					t.Fatalf("bad error %+v", e)
				}
				// every condition can be said in Vietnamese
				if conditionVI(e.Err) == "" {
					t.Fatalf("no Vietnamese for the condition of %v", e)
				}
			}
			return
		}
		defer tb.Release()
		n := strings.Count(string(data), "\n") + 1
		if tb.Frame.NumRows() == 0 {
			t.Fatal("success with no rows")
		}
		for _, line := range tb.Frame.Col("source_line").Int64s() {
			if line < 1 || int(line) > n {
				t.Fatalf("source_line %d outside 1..%d", line, n)
			}
		}
	})
}

// TestParseCSVNumbering: CSV rows are numbered in sequence as in the text
// form; a header row of column numbers is header, not a data row.
func TestParseCSVNumbering(t *testing.T) {
	const head = "Mã số,Tên đơn vị,CBCC,Máy tính,Internet,LAN,Tỷ lệ,LAN,Internet\n"
	row := func(no, unit string) string { return no + "," + unit + ",10,5,5,5,0.5,1,1\n" }
	for _, c := range []struct {
		name, in string
		rows     int
		line     int    // the line of the error; 0: none
		text     string // the text it found
	}{
		{"column numbers", head + "1,2,3,4,5,6,7,8,9\n" + row("1", "Tỉnh ủy") + row("2", "HĐND"), 2, 0, ""},
		{"column numbers in parentheses", head + "(1),(2),(3),(4),(5),(6),(7),(8),(9)\n" + row("1", "Tỉnh ủy"), 1, 0, ""},
		{"row repeated", head + row("1", "Tỉnh ủy") + row("2", "HĐND") + row("2", "HĐND"), 0, 4, "2"},
		{"number repeated", head + row("1", "Tỉnh ủy") + row("2", "HĐND") + row("2", "UBND") + row("3", "Sở Y tế"), 0, 4, "2"},
		{"row skipped", head + row("1", "Tỉnh ủy") + row("3", "UBND"), 0, 3, "3"},
		{"restart after a total", head + row("1", "Tỉnh ủy") + "Cộng,,10,5,5,5,,,\n" + row("1", "UBND"), 2, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := ParseCSV(strings.NewReader(c.in), Computers, Options{File: "p2.csv"})
			if c.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				defer tb.Release()
				if tb.Frame.NumRows() != c.rows {
					t.Fatalf("%d rows, want %d:\n%s", tb.Frame.NumRows(), c.rows, tb.Frame)
				}
				return
			}
			es := Errors(err)
			if !errors.Is(err, ErrUnexpectedCell) || len(es) != 1 || es[0].Line != c.line || es[0].Text != c.text || es[0].Cell != 1 {
				t.Fatalf("err = %v; want one ErrUnexpectedCell at line %d, cell 1, found %q", err, c.line, c.text)
			}
		})
	}
}

// TestParseCSVOpenQuote: a quote left open is reported where its field
// starts, not where the reader gave up.
func TestParseCSVOpenQuote(t *testing.T) {
	in := "Mã số,Tên đơn vị,CBCC,Máy tính,Internet,LAN,Tỷ lệ,LAN,Internet\n" +
		"1,\"Tỉnh ủy,159,142,16,87,0.89308,0.61268,0.11268\n" +
		strings.Repeat("2,HĐND,32,35,26,26,1.09375,0.74286,0.74286\n", 15)
	_, err := ParseCSV(strings.NewReader(in), Computers, Options{File: "p2.csv"})
	es := Errors(err)
	if len(es) != 1 || es[0].Line != 2 || !strings.Contains(err.Error(), "opens the field on line 2") {
		t.Fatalf("err = %v; want it at line 2", err)
	}
}
