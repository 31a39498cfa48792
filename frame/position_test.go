package frame_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

func TestPositionString(t *testing.T) {
	for _, c := range []struct {
		p    frame.Position
		want string
	}{
		{frame.Position{File: "plan.csv", Line: 7}, "plan.csv:7"},
		{frame.Position{File: "plan.csv", Line: 7, Cell: 3}, "plan.csv:7, cell 3"},
		{frame.Position{Line: 7}, "line 7"},
		{frame.Position{File: "plan.xlsx", Sheet: "Phụ lục 2", Line: 7, Cell: 3}, "plan.xlsx: 'Phụ lục 2'!C7"},
		{frame.Position{Sheet: "Sheet1", Line: 12, Cell: 28}, "Sheet1!AB12"},
		{frame.Position{Sheet: "O'Brien"}, "'O''Brien'"},
		{frame.Position{File: "plan.docx", Table: 2, Line: 7, Cell: 4}, "plan.docx: table 2, row 7, cell 4"},
		{frame.Position{File: "plan.pdf", Page: 3, Table: 2, Line: 14, Cell: 5}, "plan.pdf: page 3, table 2, row 14, cell 5"},
		{frame.Position{File: "plan.pdf", Page: 3}, "plan.pdf: page 3"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
	for _, c := range []struct {
		p    frame.Position
		want string
	}{
		{frame.Position{File: "plan.csv", Line: 7, Cell: 3}, "dòng 7, ô 3"},
		{frame.Position{File: "plan.xlsx", Sheet: "Phụ lục 2", Line: 7, Cell: 3}, "trang tính 'Phụ lục 2', ô C7"},
		{frame.Position{Sheet: "Sheet1", Line: 12}, "trang tính Sheet1, hàng 12"},
		{frame.Position{File: "plan.docx", Table: 2, Line: 7, Cell: 4}, "bảng 2, hàng 7, ô 4"},
		{frame.Position{File: "plan.pdf", Page: 3, Table: 2, Line: 14, Cell: 5}, "trang 3, bảng 2, hàng 14, ô 5"},
		{frame.Position{File: "plan.pdf"}, ""},
	} {
		if got := c.p.StringVI(); got != c.want {
			t.Errorf("%+v: StringVI %q, want %q", c.p, got, c.want)
		}
	}
	for ref, want := range map[string]frame.Position{
		"C7":   {File: "f", Sheet: "S", Line: 7, Cell: 3},
		"AB12": {File: "f", Sheet: "S", Line: 12, Cell: 28},
		"":     {File: "f", Sheet: "S"},
		"7C":   {File: "f", Sheet: "S"},
	} {
		if got := frame.SheetPosition("f", "S", ref); got != want {
			t.Errorf("SheetPosition(%q) = %+v, want %+v", ref, got, want)
		}
	}
}

// Every reader's error has a Position; PositionOf finds it in a chain.
func ExamplePositionOf() {
	_, err := frame.ReadCSV(strings.NewReader("unit,staff\nSở Y tế,50\nSở Tư pháp,l42\n"), frame.CSVOptions{
		File:   "plan.csv",
		Fields: []frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}},
	})
	if p, ok := frame.PositionOf(err); ok {
		fmt.Println(p, "|", p.Line)
	}
	// Output:
	// plan.csv:3 | 3
}
