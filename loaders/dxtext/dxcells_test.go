package dxtext

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

// cellRows makes rows of cells from lines of cells separated by "|", the
// line of each row its number from 1.
func cellRows(s string) [][]loaders.Cell {
	var out [][]loaders.Cell
	for i, l := range strings.Split(strings.TrimSpace(s), "\n") {
		var row []loaders.Cell
		for _, c := range strings.Split(l, "|") {
			row = append(row, loaders.Cell{Line: i + 1, Text: strings.TrimSpace(c)})
		}
		out = append(out, row)
	}
	return out
}

// A dx-results table of two pillars as cells, as a PDF's or a Word
// table's: a unit line and a header above it, an unnumbered task, a
// note, a dash for 0.
const resultsCells = `
 |  |  |  |  |  |  |  |  |  | ĐVT: Triệu đồng
TT | Nhiệm vụ/dự án | NSĐP | NSTW | ĐTPT | Khác | NSĐP | NSTW | ĐTPT | Khác | Ghi chú
1 | Nhận thức số | 210 | 0 | 0 | 750 | 60 | 0 | 0 | 750 |
1.1 | Tổ chức sự kiện | 60 |  |  |  | 60 |  |  |  |
1.2 | Tổ chức hội nghị | 150 |  |  |  | 0 |  |  |  | Không thực hiện
 | Tuyên truyền |  |  |  | 750 |  |  |  | 750 |
2 | Thể chế số | 1.500 | - | 0 | 0 | 1.600 | 0 | 0 | 0 |
2.1 | Quản lý | 1.500 |  |  |  | 1.600 |  |  |  | Tỷ lệ giải ngân đạt 100%
 | TỔNG CỘNG | 1.710 | 0 | 0 | 750 | 1.660 | 0 | 0 | 750 |
`

func TestReadCells(t *testing.T) {
	tb, err := ReadCells(cellRows(resultsCells), DXResults, loaders.Options{File: "t.pdf", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Pillars) != 2 || len(tb.Items) != 4 || tb.Total == nil || tb.MoneyUnit != loaders.Million {
		t.Fatalf("pillars %d, items %d, total %v, unit %v", len(tb.Pillars), len(tb.Items), tb.Total, tb.MoneyUnit)
	}
	if p := tb.Pillars[1]; p.Name != "Thể chế số" || p.Values[0].Value != 1500 || p.Values[1].Value != 0 || p.Line != 7 {
		t.Errorf("pillar 2: %+v", p)
	}
	it := tb.Items[2]
	if it.Code != "" || it.Pillar != 1 || it.Task != "Tuyên truyền" || it.Amounts[3].Value != 750 || it.Amounts[0].Set {
		t.Errorf("unnumbered task: %+v", it)
	}
	if it := tb.Items[3]; it.Code != "2.1" || it.Note != "Tỷ lệ giải ngân đạt 100%" || it.Amounts[4].Value != 1600 || it.Assignment != AssignLayout {
		t.Errorf("task 2.1: %+v", it)
	}
	table, err := tb.Table(loaders.Options{File: "t.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	defer table.Release()
	if table.Frame.NumRows() != 4 || len(table.Totals) != 3 {
		t.Errorf("%d rows, %d totals", table.Frame.NumRows(), len(table.Totals))
	}
}

// TestReadCellsRefused: what does not fit is refused at its row and cell.
func TestReadCellsRefused(t *testing.T) {
	o := loaders.Options{File: "t.pdf", Convention: loaders.DotThousands}
	for _, tc := range []struct {
		name, change, with string
		layout             loaders.Layout
		want               error
		where              string
	}{
		{"no pillar row", "1 | Nhận thức số", "x | Nhận thức số", DXResults, loaders.ErrUnexpectedCell, "t.pdf:7: unexpected cell: found \"2\", expected pillar 1"},
		{"only a header", "1 | Nhận thức số", "", DXResults, loaders.ErrTruncated, "t.pdf:1"},
		{"no total", " | TỔNG CỘNG", " | Cộng", DXResults, loaders.ErrTruncated, ""},
		{"task out of sequence", "1.2 |", "1.3 |", DXResults, loaders.ErrUnexpectedCell, "t.pdf:5"},
		{"figure missing in a pillar row", "2 | Thể chế số | 1.500", "2 | Thể chế số | ", DXResults, loaders.ErrNotNumber, "t.pdf:7"},
		{"a results table read as a plan", "", "", DXPlan, loaders.ErrCellCount, "t.pdf:3"},
	} {
		in := resultsCells
		switch {
		case tc.name == "only a header":
			in = strings.Join(strings.Split(strings.TrimSpace(in), "\n")[:2], "\n")
		case tc.change != "":
			in = strings.Replace(in, tc.change, tc.with, 1)
		}
		_, err := ReadCells(cellRows(in), tc.layout, o)
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.where) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

func TestRejoinAbbreviation(t *testing.T) {
	for in, want := range map[string]string{
		"Sở TT&T T":         "Sở TT&TT",
		"Sở NN&P TNT":       "Sở NN&PTNT",
		"Sở GD&Đ T":         "Sở GD&ĐT",
		"Sở KH&CN UBND":     "Sở KH&CN UBND", // whole: left as it is
		"Sở TT&TT, Công an": "Sở TT&TT, Công an",
		"UBND các huyện":    "UBND các huyện",
	} {
		if got := rejoinAbbreviation(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// FuzzReadCells reads any rows of cells with both dx layouts: no panic,
// and every error is positioned with a sentinel.
func FuzzReadCells(f *testing.F) {
	f.Add(resultsCells)
	f.Add(strings.Replace(resultsCells, "1.2 |", "1.3 |", 1))
	f.Add("1 | A | 1 | 2 | 3 | 4 | 5\n1.1 | B | 1 | | | | 1\n | Tổng cộng | 1 | 2 | 3 | 4 | 5")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			return
		}
		for _, l := range []loaders.Layout{DXResults, DXPlan} {
			tb, err := ReadCells(cellRows(s), l, loaders.Options{File: "f.pdf"})
			if err != nil {
				for _, e := range loaders.Errors(err) {
					if e.Err == nil {
						t.Fatalf("an error without a sentinel: %v", e)
					}
				}
				continue
			}
			table, err := tb.Table(loaders.Options{File: "f.pdf"})
			if err == nil {
				table.Release()
			}
		}
	})
}
