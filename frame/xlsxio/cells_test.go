package xlsxio

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// cellsBook is a sheet with one cell of each kind, a merged range with a
// value hidden under it, and a second sheet.
func cellsBook(t *testing.T) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	s := "Phụ lục 2"
	x.SetSheetName("Sheet1", s)
	x.NewSheet("Ghi chú")
	pct, _ := x.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	thou, _ := x.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	day, _ := x.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yy
	x.SetCellStr(s, "A1", "Trong đó")                 // merged over A1:B1
	x.SetCellStr(s, "B1", "hidden")                   // under the merge
	x.MergeCell(s, "A1", "B1")                        //
	x.SetCellStr(s, "A2", "1.234")                    // text as typed
	x.SetCellFloat(s, "B2", 1234, -1, 64)             // number shown 1,234
	x.SetCellStyle(s, "B2", "B2", thou)               //
	x.SetCellFloat(s, "C2", 0.89308, -1, 64)          // number shown 89.31%
	x.SetCellStyle(s, "C2", "C2", pct)                //
	x.SetCellBool(s, "D2", true)                      //
	x.SetCellFloat(s, "E2", 40603, -1, 64)            // 2011-03-01 in the 1900 system
	x.SetCellStyle(s, "E2", "E2", day)                //
	x.SetCellFormula(s, "F2", "B2*2")                 // no cached value
	x.SetCellFloat(s, "A4", -2.5, -1, 64)             // a negative number
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadCells(t *testing.T) {
	s, err := ReadCells(bytes.NewReader(cellsBook(t)), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Sheet != "Phụ lục 2" || strings.Join(s.Sheets, "|") != "Phụ lục 2|Ghi chú" {
		t.Errorf("sheet %q of %q", s.Sheet, s.Sheets)
	}
	want := []SheetCell{
		{Row: 1, Col: 1, Kind: TextCell, Value: "Trong đó"},
		{Row: 2, Col: 1, Kind: TextCell, Value: "1.234"},
		{Row: 2, Col: 2, Kind: NumberCell, Value: "1234"},
		{Row: 2, Col: 3, Kind: NumberCell, Value: "0.89308", Percent: true},
		{Row: 2, Col: 4, Kind: BoolCell, Value: "TRUE"},
		{Row: 2, Col: 5, Kind: DateCell, Value: "2011-03-01"},
		{Row: 2, Col: 6, Kind: TextCell, Formula: "B2*2"},
		{Row: 4, Col: 1, Kind: NumberCell, Value: "-2.5"},
	}
	if len(s.Cells) != len(want) {
		t.Fatalf("cells %+v", s.Cells)
	}
	for i, c := range s.Cells {
		if c != want[i] {
			t.Errorf("%s = %+v, want %+v", c.Ref(), c, want[i])
		}
	}
	if _, err := time.Parse(time.DateOnly, s.Cells[5].Value); err != nil {
		t.Error(err)
	}
}

func TestReadCellsErrors(t *testing.T) {
	book := cellsBook(t)
	if s, err := ReadCells(bytes.NewReader(book), "ghi CHÚ"); err != nil || s.Sheet != "Ghi chú" || len(s.Cells) != 0 {
		t.Errorf("sheet by name: %v, %+v", err, s)
	}
	_, err := ReadCells(bytes.NewReader(book), "Phụ lục 9")
	var ns *NoSheetError
	if !errors.Is(err, ErrNoSheet) || !errors.As(err, &ns) || ns.Sheet != "Phụ lục 9" || len(ns.Sheets) != 2 {
		t.Errorf("missing sheet: %v", err)
	}
	if _, err := ReadCells(strings.NewReader("Mã số,Tên đơn vị\n"), ""); !errors.Is(err, ErrMalformed) {
		t.Errorf("CSV: %v", err)
	}
	if _, err := ReadCells(bytes.NewReader(book[:len(book)/2]), ""); !errors.Is(err, ErrMalformed) {
		t.Errorf("cut file: %v", err)
	}
	for _, c := range []struct {
		name             string
		lim              limits
		cells, positions int
	}{
		{"file", limits{file: 100, unzip: MaxUnzipSize, xmlInMemory: maxXMLInMemory}, MaxSheetCells, MaxSheetPositions},
		{"unzip", limits{file: MaxFileSize, unzip: 1000, xmlInMemory: 1000}, MaxSheetCells, MaxSheetPositions},
		{"cells", defaultLimits, 3, MaxSheetPositions},
		{"positions", defaultLimits, MaxSheetCells, 4},
	} {
		if _, err := readCells(bytes.NewReader(book), "", c.lim, c.cells, c.positions); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s limit: %v", c.name, err)
		}
	}
}
