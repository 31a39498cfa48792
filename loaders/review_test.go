package loaders_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

// Tables a reviewer made as other provinces write them, that were read
// silently wrong before: each is now read right or refused at its cell.

// TestMoneyUnitForms: the unit of the amounts however the table names it —
// "(Đơn vị: tỷ đồng)", "Đơn vị tính: tỷ VNĐ", "Đơn vị tính: 1.000.000.000
// đồng", or only in a money column's header "(tỷ đồng)".
func TestMoneyUnitForms(t *testing.T) {
	const head = "STT,Tên dự án,Mục tiêu,Thời gian,Tổng mức đầu tư%s,ĐTPT NSTW,ĐTPT NSĐP,Sự nghiệp NSTW,Sự nghiệp NSĐP,Ghi chú\n"
	const rows = "1,Cổng thông tin,Nâng cấp,2021-2025,24,10,14,0,0,\n2,Một cửa,Mở rộng,2022-2023,\"1,5\",0,\"1,5\",0,0,\n"
	for _, tc := range []struct{ name, before, header string }{
		{"(Đơn vị: tỷ đồng)", "(Đơn vị: tỷ đồng)\n", ""},
		{"Đơn vị: tỷ đồng", "Đơn vị: tỷ đồng\n", ""},
		{"tỷ VNĐ", "Đơn vị tính: tỷ VNĐ\n", ""},
		{"1.000.000.000 đồng", "\"Đơn vị tính: 1.000.000.000 đồng\"\n", ""},
		{"in the header", "", " (tỷ đồng)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			csv := tc.before + strings.Replace(head, "%s", tc.header, 1) + rows
			tb, err := loaders.ParseCSV(strings.NewReader(csv), loaders.ProjectsPlan, loaders.Options{File: "p.csv", Convention: loaders.DotThousands})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Release()
			if got := column(tb.Frame, "total_mvnd"); got != "24000|1500" || tb.MoneyUnit != loaders.Billion {
				t.Errorf("total_mvnd %s, unit %v", got, tb.MoneyUnit)
			}
		})
	}
}

// TestPercentHeader: a ratio column whose header says "(%)" holds
// percentages even without their % sign; one whose figures are all at most
// 1,5 reads both ways and is refused.
func TestPercentHeader(t *testing.T) {
	head := "STT,Tên đơn vị,Số CBCC,Số máy tính,Kết nối Internet,Mạng LAN,Tỷ lệ máy tính/CBCC (%)\n"
	tb, err := loaders.ParseCSV(strings.NewReader(head+"1,Sở A,40,35,30,20,\"87,5\"\n2,Sở B,20,21,20,21,105\n"), loaders.Computers, loaders.Options{File: "c.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := column(tb.Frame, "computers_per_staff_reported"); got != "0.875|1.05" {
		t.Errorf("ratios %s", got)
	}
	_, err = loaders.ParseCSV(strings.NewReader(head+"1,Sở A,40,35,30,20,\"0,875\"\n2,Sở B,20,21,20,21,\"1,05\"\n"), loaders.Computers, loaders.Options{File: "c.csv"})
	var e *loaders.Error
	if !errors.As(err, &e) || !errors.Is(err, loaders.ErrAmbiguousNumber) || e.Line != 2 || e.Cell != 7 {
		t.Errorf("ratios under a %% header: %v", err)
	}
}

// TestRowWithoutNumber: a row with a name and figures before the first
// numbered row is not header: it is refused at its line (it was dropped).
func TestRowWithoutNumber(t *testing.T) {
	csv := "STT,Tên đơn vị,Số CBCC,Số máy tính,Kết nối Internet,Mạng LAN\n" +
		",Văn phòng Tỉnh ủy,99,88,77,66\n" +
		"1,Sở A,40,35,30,20\n"
	_, err := loaders.ParseCSV(strings.NewReader(csv), loaders.Computers, loaders.Options{File: "c.csv"})
	var e *loaders.Error
	if !errors.As(err, &e) || !errors.Is(err, loaders.ErrUnexpectedCell) || e.Line != 2 || !strings.Contains(e.Expected, "the row has 4 figures") {
		t.Errorf("err = %v", err)
	}
}

// TestMeasureOverChildren: a header of two rows whose parents are the
// measures ("Kết nối Internet", "Mạng LAN") over "Số lượng | Tỷ lệ": each
// child is matched to its cell (the ratios were left as unnamed extras).
func TestMeasureOverChildren(t *testing.T) {
	csv := "STT,Tên đơn vị,Số CBCC,Số máy tính,Kết nối Internet,,Mạng LAN,\n" +
		",,,,Số lượng,Tỷ lệ,Số lượng,Tỷ lệ\n" +
		"1,Sở A,40,35,30,\"0,857\",20,\"0,571\"\n"
	tb, err := loaders.ParseCSV(strings.NewReader(csv), loaders.Computers, loaders.Options{File: "c.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := column(tb.Frame, "internet_share_reported") + " " + column(tb.Frame, "lan_share_reported") + " " + column(tb.Frame, "lan_computers"); got != "0.857 0.571 20" {
		t.Errorf("got %s\n%s", got, tb.Columns)
	}
}

// TestNumberMarksAndProvinceTotal: rows numbered "1." or "2)" are data
// rows, and "Toàn tỉnh" is the table's total.
func TestNumberMarksAndProvinceTotal(t *testing.T) {
	csv := "STT,Tên đơn vị,Số CBCC,Số máy tính,Kết nối Internet,Mạng LAN\n" +
		"1.,Sở A,40,35,30,20\n2),Sở B,20,21,20,21\nToàn tỉnh,,60,56,50,41\n"
	tb, err := loaders.ParseCSV(strings.NewReader(csv), loaders.Computers, loaders.Options{File: "c.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := column(tb.Frame, "code"); got != "1|2" || len(tb.Totals) != 1 || tb.Totals[0].Group != "" {
		t.Errorf("codes %s, totals %+v", got, tb.Totals)
	}
}

// TestNotesUnderTable: the source or a remark written under a table's rows
// is kept as a note, not refused as a row without a number nor read as
// data; a dash where the layout does not read it as 0 is refused with what
// to do, and read as 0 with dash_zero.
func TestNotesUnderTable(t *testing.T) {
	csv := "STT,Tên đơn vị,Số CBCC,Số máy tính,Kết nối Internet,Mạng LAN\n" +
		"1,Sở A,40,35,30,20\n2,Sở B,20,21,20,-\nTổng cộng,,60,56,50,20\n" +
		"Nguồn: Sở Thông tin và Truyền thông tổng hợp.\n(*) Số liệu đến 30/9/2023\n"
	_, err := loaders.ParseCSV(strings.NewReader(csv), loaders.Computers, loaders.Options{File: "c.csv"})
	if !errors.Is(err, loaders.ErrNotNumber) || !strings.Contains(err.Error(), "c.csv:3: cell 6") || !strings.Contains(err.Error(), "dash_zero = true") {
		t.Fatalf("a dash in a count: %v", err)
	}
	l := loaders.Computers
	l.DashZero = true
	tb, err := loaders.ParseCSV(strings.NewReader(csv), l, loaders.Options{File: "c.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := column(tb.Frame, "lan_computers"); got != "20|0" {
		t.Errorf("lan_computers %s", got)
	}
	if len(tb.Notes) != 2 || tb.Notes[0].Line != 5 || tb.Notes[0].Text != "Nguồn: Sở Thông tin và Truyền thông tổng hợp." ||
		tb.Notes[1].Line != 6 || !strings.HasPrefix(tb.Notes[1].Text, "(*)") {
		t.Errorf("notes %+v", tb.Notes)
	}
	if tb.Frame.NumRows() != 2 || len(tb.Totals) != 1 {
		t.Errorf("%d rows, %d totals", tb.Frame.NumRows(), len(tb.Totals))
	}
	// a row of one cell that is not a note is still refused
	_, err = loaders.ParseCSV(strings.NewReader(strings.Replace(csv, "Nguồn:", "Xem thêm", 1)), l, loaders.Options{File: "c.csv"})
	if !errors.Is(err, loaders.ErrUnexpectedCell) || !strings.Contains(err.Error(), "c.csv:5") {
		t.Errorf("a text row that is not a note: %v", err)
	}
}
