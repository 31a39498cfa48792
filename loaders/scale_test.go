package loaders

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
)

const computersHead = "Mã số,Tên đơn vị,CBCC,Máy tính,Internet,LAN,Tỷ lệ,LAN,Internet\n"

// TestRatioColumnPercent: a percentage in a column of ratios is divided by
// 100; a column that mixes the two forms is an error at the cell written
// the other way.
func TestRatioColumnPercent(t *testing.T) {
	t.Run("percentages", func(t *testing.T) {
		in := computersHead +
			"1,Tỉnh ủy,159,142,16,87,\"89,31%\",\"61,27%\",0%\n" +
			"2,HĐND,32,35,26,26,\"109,38%\",\"74,29%\",\"74,29%\"\n" +
			"TỔNG CỘNG,,191,177,42,113,\"92,7%\",,\n"
		tb, err := ParseCSV(strings.NewReader(in), Computers, Options{File: "p2.csv"})
		if err != nil {
			t.Fatal(err)
		}
		defer tb.Release()
		got := tb.Frame.Col("computers_per_staff_reported").Float64s()
		if got[0] != 0.8931 || got[1] != 1.0938 {
			t.Errorf("ratios %v, want 0.8931, 1.0938", got)
		}
		v, _ := tb.Totals[0].Get("computers_per_staff_reported")
		if v.Value != 0.927 || v.Decimals != 1 || v.Scale != -2 {
			t.Errorf("total %+v, want 0.927 written to 1 decimal of percent", v)
		}
		claims, err := tb.TotalsFrame(nil)
		if err != nil {
			t.Fatal(err)
		}
		defer claims.Release()
		// 92,7% is 0,927 to three decimals of a ratio.
		for i, c := range claims.Col("column").Strings() {
			if c == "computers_per_staff_reported" && claims.Col("decimals").Int64s()[i] != 3 {
				t.Errorf("claims:\n%s", claims)
			}
		}
	})
	t.Run("mixed", func(t *testing.T) {
		in := computersHead +
			"1,Tỉnh ủy,159,142,16,87,\"0,73\",\"0,56\",0\n" +
			"2,HĐND,32,35,26,26,\"71,14%\",\"0,81\",1\n"
		_, err := ParseCSV(strings.NewReader(in), Computers, Options{File: "p2.csv"})
		es := Errors(err)
		if len(es) != 1 || !errors.Is(err, ErrNotNumber) || es[0].Line != 3 || es[0].Cell != 7 || es[0].Text != "71,14%" ||
			!strings.Contains(err.Error(), `a ratio, as "0,73" at line 2`) {
			t.Fatalf("err = %v; want one error at line 3, cell 7", err)
		}
	})
}

// TestCountSignAndPercent: a count is never negative and never a
// percentage.
func TestCountSignAndPercent(t *testing.T) {
	for _, c := range []struct{ cell, want string }{
		{"-5", "a count, not negative"},
		{"142%", "is a percentage, not a whole number"},
	} {
		in := computersHead + "1,Tỉnh ủy,159," + c.cell + ",16,87,0.5,0.5,0.5\n"
		_, err := ParseCSV(strings.NewReader(in), Computers, Options{File: "p2.csv"})
		es := Errors(err)
		if len(es) != 1 || es[0].Column != "computers" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.cell, err, c.want)
		}
	}
	in := computersHead + "1,Tỉnh ủy,159,142,16,87,0.5,0.5,0.5\nTỔNG CỘNG,,-159,142,16,87,,,\n"
	if _, err := ParseCSV(strings.NewReader(in), Computers, Options{File: "p2.csv"}); !strings.Contains(fmtErr(err), "is negative, and a count is not") {
		t.Errorf("negative total: err = %v", err)
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestTotalsPrecision: a total is checked to half a unit of its last
// written digit, in the table's own unit: in đồng a total 300.000 đồng off
// its rows is a finding; in tỷ đồng "33,4" against rows adding to 33,43 is
// not (the total is rounded to 0,1 tỷ), but "33,3" is.
func TestTotalsPrecision(t *testing.T) {
	const head = "STT,Tên dự án,Mục tiêu,Thời gian,Tổng,TW,ĐP,TW,ĐP,Ghi chú\n"
	for _, c := range []struct {
		name, unit, rows, total string
		findings                int
	}{
		{"đồng, off by 300.000", "đồng", "1,A,x,2011,\"1.500.000.000\",0,0,0,0,\n2,B,x,2012,\"2.000.000.000\",0,0,0,0,\n", "\"3.500.300.000\"", 1},
		{"đồng, exact", "đồng", "1,A,x,2011,\"1.500.000.000\",0,0,0,0,\n2,B,x,2012,\"2.000.000.000\",0,0,0,0,\n", "\"3.500.000.000\"", 0},
		{"triệu, rounded total", "triệu đồng", "1,A,x,2011,\"1.500,4\",0,0,0,0,\n2,B,x,2012,\"2.000,4\",0,0,0,0,\n", "\"3.501\"", 0},
		{"triệu, off by 2", "triệu đồng", "1,A,x,2011,\"1.500\",0,0,0,0,\n2,B,x,2012,\"2.001\",0,0,0,0,\n", "\"3.503\"", 1},
		{"tỷ, rounded to 0,1", "tỷ đồng", "1,A,x,2011,\"20,13\",0,0,0,0,\n2,B,x,2012,\"13,3\",0,0,0,0,\n", "\"33,4\"", 0},
		{"tỷ, off by 0,13", "tỷ đồng", "1,A,x,2011,\"20,13\",0,0,0,0,\n2,B,x,2012,\"13,3\",0,0,0,0,\n", "\"33,3\"", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := "Đơn vị tính: " + c.unit + "\n" + head + c.rows + "TỔNG CỘNG,,,," + c.total + ",0,0,0,0\n"
			tb, err := ParseCSV(strings.NewReader(in), ProjectsPlan, Options{File: "p5.csv", Convention: DotThousands})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Release()
			claims, err := tb.TotalsFrame(nil)
			if err != nil {
				t.Fatal(err)
			}
			defer claims.Release()
			r, err := reconcile.Totals("p5", tb.Frame, claims)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Findings) != c.findings {
				t.Errorf("%d findings, want %d: %+v", len(r.Findings), c.findings, r.Findings)
			}
		})
	}
}

// TestMoneyBound: a money cell written as a bound ("hơn 195 tỷ") is not a
// figure of the table: an error naming the cell.
func TestMoneyBound(t *testing.T) {
	in := "STT,Tên dự án,Mục tiêu,Thời gian,Tổng,TW,ĐP,TW,ĐP,Ghi chú\n1,A,x,2011,hơn 195 tỷ,0,0,0,0,\n"
	_, err := ParseCSV(strings.NewReader(in), ProjectsPlan, Options{File: "p5.csv", Convention: DotThousands})
	es := Errors(err)
	if len(es) != 1 || es[0].Column != "total_mvnd" || !strings.Contains(err.Error(), "is a bound") {
		t.Fatalf("err = %v", err)
	}
}
