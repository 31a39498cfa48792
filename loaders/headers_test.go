package loaders

import (
	"errors"
	"strings"
	"testing"
)

// otherProvince is a computers table as another province might write it:
// a title, a two-row header (a merged "Trong đó" over Internet and LAN),
// staff after the computers, no ratios, a note column.
const otherProvince = "BIỂU TỔNG HỢP HIỆN TRẠNG MÁY TÍNH,,,,,,\n" +
	"STT,\"Cơ quan, đơn vị\",Số máy tính,Trong đó,,Số CBCC,Ghi chú\n" +
	",,,Kết nối Internet,Mạng LAN/nội bộ,,\n" +
	"1,Sở Y tế,45,40,38,50,\n" +
	"2,Sở Tài chính,46,46,46,45,mới trang bị\n" +
	"Tổng cộng,,91,86,84,95,\n"

func TestMatchHeadersOtherOrder(t *testing.T) {
	tb, err := ParseCSV(strings.NewReader(otherProvince), Computers, Options{File: "other.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	f := tb.Frame
	if got := f.Col("staff").Int64s(); got[0] != 50 || got[1] != 45 {
		t.Errorf("staff %v, want 50, 45 (column 6)", got)
	}
	if got := f.Col("computers").Int64s(); got[0] != 45 || got[1] != 46 {
		t.Errorf("computers %v", got)
	}
	if got := f.Col("lan_computers").Int64s(); got[0] != 38 {
		t.Errorf("LAN %v", got)
	}
	if !f.Col("computers_per_staff_reported").IsNull(0) {
		t.Error("a ratio the table lacks is not null")
	}
	if n := f.Col("extra_1"); !n.IsNull(0) || n.Strings()[1] != "mới trang bị" {
		t.Errorf("note kept as extra_1: %v", n)
	}
	m := tb.Columns
	if m == nil || !m.Reordered || len(m.HeaderLines) != 2 || m.HeaderLines[0] != 2 || m.Cells[2].Column != 6 || m.Cells[4].Header != "Trong đó Kết nối Internet" {
		t.Fatalf("match %+v", m)
	}
	if v, _ := tb.Totals[0].Get("staff"); v.Value != 95 {
		t.Errorf("total staff %+v", v)
	}
	if !strings.Contains(m.String(), `staff                          column 6 "Số CBCC"`) {
		t.Errorf("explanation:\n%s", m)
	}
}

func TestMatchHeadersMissing(t *testing.T) {
	in := "STT,Đơn vị,Số máy tính,Số CBCC\n1,Sở Y tế,45,50\n"
	_, err := ParseCSV(strings.NewReader(in), Computers, Options{File: "other.csv"})
	es := Errors(err)
	if !errors.Is(err, ErrHeaders) || len(es) != 1 || es[0].Line != 1 ||
		!strings.Contains(err.Error(), "no column for internet_computers") || !strings.Contains(err.Error(), `3 "Số máy tính"`) {
		t.Fatalf("err = %v", err)
	}
}

// TestMatchHeadersPositional: a header in the layout's order, even an
// abbreviated one that names LAN twice, is read by position as before.
func TestMatchHeadersPositional(t *testing.T) {
	tb, err := ParseCSV(strings.NewReader(csvComputers), Computers, Options{File: "p2.csv"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if tb.Columns != nil {
		t.Errorf("matched by header: %v", tb.Columns)
	}
}
