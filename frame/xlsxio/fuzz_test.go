package xlsxio

import (
	"bytes"
	"errors"
	"testing"
)

// checkCells is the property of the fuzz targets: cells in row then
// column order, inside the sheet, within the limits, each with a value
// or a formula; or an error of this package.
func checkCells(t *testing.T, s *SheetCells, err error, lim CellLimits) {
	if err != nil {
		var ce *CellError
		var ns *NoSheetError
		if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) && !errors.As(err, &ns) && !(errors.As(err, &ce) && ce.Cell != "") {
			t.Fatalf("error of no kind: %v", err)
		}
		return
	}
	if len(s.Cells) > lim.Cells {
		t.Fatalf("%d cells, limit %d", len(s.Cells), lim.Cells)
	}
	for i, c := range s.Cells {
		if c.Row < 1 || c.Col < 1 || c.Row > 1<<20 || c.Col > 1<<14 {
			t.Fatalf("cell %+v outside the sheet", c)
		}
		if c.Value == "" && c.Formula == "" {
			t.Fatalf("empty cell %+v", c)
		}
		if c.Kind < TextCell || c.Kind > ErrorCell {
			t.Fatalf("cell %+v of no kind", c)
		}
		if i > 0 {
			p := s.Cells[i-1]
			if p.Row > c.Row || p.Row == c.Row && p.Col >= c.Col {
				t.Fatalf("cell %s after %s", c.Ref(), p.Ref())
			}
		}
	}
}

var fuzzLimits = CellLimits{FileSize: 1 << 20, UnzipSize: 4 << 20, Cells: 1 << 12, Positions: 1 << 14, SharedText: 1 << 20}.withDefaults()

// FuzzReadCells feeds whole files: the property is no panic, no hang,
// and cells in order or an error of this package.
func FuzzReadCells(f *testing.F) {
	book := cellsBook(f)
	f.Add(book)
	f.Add(bigBook(f, 20))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("Mã số,Tên đơn vị\n1,Sở Y tế\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ReadCellsLimited(bytes.NewReader(data), "", fuzzLimits)
		checkCells(t, s, err, fuzzLimits)
	})
}

// FuzzReadCellsSheetXML feeds worksheets: the XML of the first sheet of a
// workbook is replaced by the input, so that the mutations reach the
// reading of the sheet rather than the zip.
func FuzzReadCellsSheetXML(f *testing.F) {
	book := cellsBook(f)
	f.Add(getPart(f, book, sheetPart))
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c t="inlineStr"><is><t>a_x000D_</t></is></c><c r="A2" s="2"><v>1e3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:C3"/></mergeCells></worksheet>`))
	f.Add([]byte(`<worksheet><sheetData><row><c><f>A1</f></c><c t="b"><v>1</v></c><c t="d"><v>2011-03-01T00:00:00</v></c><c t="e"><v>#N/A</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, xml []byte) {
		data := setPart(t, book, sheetPart, xml)
		s, err := ReadCellsLimited(bytes.NewReader(data), "", fuzzLimits)
		checkCells(t, s, err, fuzzLimits)
	})
}
