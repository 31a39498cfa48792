package xlsxio

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/ictplan/ictplan/internal/ziptest"
	"github.com/xuri/excelize/v2"
)

// cellsBook is a sheet with one cell of each kind, a merged range, and a
// second sheet.
func cellsBook(t testing.TB) []byte {
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
	_, err = ReadCells(strings.NewReader("Mã số,Tên đơn vị\n"), "")
	if !errors.Is(err, ErrMalformed) || !errors.Is(err, ErrNotZip) ||
		err.Error() != `xlsxio: not a readable .xlsx workbook: not a zip archive (an .xlsx workbook is a zip of XML parts): it starts with "Mã số,Tên đơn vị\n"` {
		t.Errorf("CSV: %v", err)
	}
	if _, err := ReadCells(bytes.NewReader(book[:len(book)/2]), ""); !errors.Is(err, ErrMalformed) {
		t.Errorf("cut file: %v", err)
	}
	for _, c := range []struct {
		name string
		lim  CellLimits
	}{
		{"file", CellLimits{FileSize: 100}},
		{"unzip", CellLimits{UnzipSize: 1000}},
		{"cells", CellLimits{Cells: 3}},
		{"positions", CellLimits{Positions: 4}},
		{"shared text", CellLimits{SharedText: 5}},
	} {
		// in place (a bytes.Reader) and read into memory (a plain reader)
		for _, r := range []io.Reader{bytes.NewReader(book), struct{ io.Reader }{bytes.NewReader(book)}} {
			if _, err := ReadCellsLimited(r, "", c.lim); !errors.Is(err, ErrTooLarge) {
				t.Errorf("%s limit: %v", c.name, err)
			}
		}
	}
}

// setPart returns the workbook with a part replaced.
func setPart(t testing.TB, book []byte, name string, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			w.Write(data)
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, r)
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func getPart(t testing.TB, book []byte, name string) []byte { return ziptest.Part(t, book, name) }

const sheetPart = "xl/worksheets/sheet1.xml"

func TestReadCellsHiddenValue(t *testing.T) {
	// excelize clears the cells it merges: the XML is written by hand,
	// as other programs write it
	x := excelize.NewFile()
	defer x.Close()
	x.SetSheetRow("Sheet1", "C6", &[]any{"Trong đó", "cũng ẩn"})
	x.SetSheetRow("Sheet1", "C7", &[]any{"ẩn", nil, "thấy"})
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	xml := strings.Replace(string(getPart(t, b.Bytes(), sheetPart)), "</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="D7:C6"/></mergeCells>`, 1)
	book := setPart(t, b.Bytes(), sheetPart, []byte(xml))
	_, err := ReadCells(bytes.NewReader(book), "")
	var ce *CellError
	if !errors.Is(err, ErrHiddenValue) || !errors.As(err, &ce) || ce.Cell != "D6" || ce.Sheet != "Sheet1" {
		t.Fatalf("hidden value: %v", err)
	}
	want := `Sheet1!D6: "cũng ẩn": a value hidden under a merged range: D6 is inside the merged range C6:D7, which shows only C6 (and 1 more cells of merged ranges hold values)`
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

// TestReadCellsMergesOverlap: ranges that overlap, nest or repeat are
// counted right, and a top-left cell of two ranges is not hidden.
func TestReadCellsMergesOverlap(t *testing.T) {
	cr := &cellReader{sheet: "S", cells: []SheetCell{{Row: 1, Col: 1, Value: "a"}, {Row: 2, Col: 3, Value: "b"}, {Row: 9, Col: 2, Value: "c"}}}
	cr.merges = []rect{{1, 1, 2, 2}, {1, 1, 1, 3}, {1, 1, 2, 2}, {3, 2, 4, 2}, {5, 5, 5, 5}}
	if err := cr.checkMerges(); err != nil {
		t.Errorf("top-left cells: %v", err)
	}
	cr.merges = append(cr.merges, rect{2, 3, 2, 9})
	if err := cr.checkMerges(); err == nil || !strings.Contains(err.Error(), "S!B9: \"c\": a value hidden under a merged range: B9 is inside the merged range B3:B9") {
		t.Errorf("B9: %v", err)
	}
}

func TestReadCellsSharedStringIndex(t *testing.T) {
	book := cellsBook(t)
	xml := string(getPart(t, book, sheetPart))
	// A2 is the shared string "1.234": point it past the table
	i := strings.Index(xml, `<c r="A2"`)
	j := i + strings.Index(xml[i:], "<v>")
	k := j + strings.Index(xml[j:], "</v>")
	bad := xml[:j] + "<v>999</v>" + xml[k+len("</v>"):]
	_, err := ReadCells(bytes.NewReader(setPart(t, book, sheetPart, []byte(bad))), "")
	var ce *CellError
	if !errors.Is(err, ErrMalformed) || !errors.As(err, &ce) || ce.Cell != "A2" {
		t.Fatalf("index 999: %v", err)
	}
	if want := `'Phụ lục 2'!A2: "999": not a readable .xlsx workbook: a shared string index, of the 2 strings of the workbook (0 to 1)`; err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
}

// TestReadCellsZipBomb: a part that declares more than the unzip limit is
// refused before it is read; one that lies about its size is refused
// when it outgrows what it declared.
func TestReadCellsZipBomb(t *testing.T) {
	book := cellsBook(t)
	huge := bytes.Repeat([]byte("<row/>"), 1<<20) // 6 MB, deflates to some kB
	honest := setPart(t, book, sheetPart, huge)
	if _, err := ReadCellsLimited(bytes.NewReader(honest), "", CellLimits{UnzipSize: 1 << 20}); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), "xl/worksheets/sheet1.xml unzips to 6291456 bytes") {
		t.Errorf("declared size: %v", err)
	}
	// the same part, its header saying 100 bytes
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	zr, _ := zip.NewReader(bytes.NewReader(honest), int64(len(honest)))
	for _, f := range zr.File {
		h := f.FileHeader
		raw, _ := f.OpenRaw()
		if f.Name == sheetPart {
			h.UncompressedSize64 = 100
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, raw)
	}
	zw.Close()
	_, err := ReadCellsLimited(bytes.NewReader(z.Bytes()), "", CellLimits{UnzipSize: 1 << 20})
	if !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) {
		t.Errorf("lying size: %v", err)
	}
}

func TestReadCellsEscapes(t *testing.T) {
	book := cellsBook(t)
	xml := string(getPart(t, book, sheetPart))
	i := strings.Index(xml, "</sheetData>")
	xml = xml[:i] + `<row r="9"><c r="A9" t="inlineStr"><is><r><t>a_x000D_b</t></r><r><t xml:space="preserve"> c_x005F_x0041_</t></r><rPh><t>phonetic</t></rPh></is></c><c r="B9" t="str"><f>A9</f><v>x</v></c></row>` + xml[i:]
	s, err := ReadCells(bytes.NewReader(setPart(t, book, sheetPart, []byte(xml))), "")
	if err != nil {
		t.Fatal(err)
	}
	got := s.Cells[len(s.Cells)-2:]
	want := []SheetCell{{Row: 9, Col: 1, Kind: TextCell, Value: "a\rb c_x0041_"}, {Row: 9, Col: 2, Kind: TextCell, Value: "x", Formula: "A9"}}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%+v, want %+v", got[k], want[k])
		}
	}
}

// bigBook is a workbook of rows rows of two number cells, made without
// excelize (which would take long).
func bigBook(t testing.TB, rows int) []byte {
	t.Helper()
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>%d.5</v></c></row>`, i, i, i, i, i*7)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return setPart(t, cellsBook(t), sheetPart, sheet.Bytes())
}

// BenchmarkReadCellsRefused reads workbooks of more rows than the cell
// limit (10 000 cells): the bytes allocated do not grow with the rows
// refused, as the reading stops at the limit.
func BenchmarkReadCellsRefused(b *testing.B) {
	for _, rows := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			book := bigBook(b, rows)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadCellsLimited(bytes.NewReader(book), "", CellLimits{Cells: 10_000}); !errors.Is(err, ErrTooLarge) {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(book))/(1<<20), "MB-file")
		})
	}
}

func BenchmarkReadCells(b *testing.B) {
	for _, rows := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			book := bigBook(b, rows)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ReadCells(bytes.NewReader(book), ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestReadCellsBombs: a part that unzips to more than 100 times its size
// (plus 1 MB), and one whose text has a run of more than 1 MB without
// markup, are refused: the first before it is read, the second as soon as
// the run passes 1 MB.
func TestReadCellsBombs(t *testing.T) {
	book := cellsBook(t)
	blanks := append(append([]byte("<worksheet><sheetData>"), bytes.Repeat([]byte(" "), 8<<20)...), "</sheetData></worksheet>"...)
	_, err := ReadCells(bytes.NewReader(setPart(t, book, sheetPart, blanks)), "")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "more than 100 times as many (a zip bomb?)") {
		t.Errorf("ratio: %v", err)
	}
	blanks = append(append([]byte("<worksheet><sheetData>"), bytes.Repeat([]byte(" "), 1<<20+1)...), "</sheetData></worksheet>"...)
	_, err = ReadCells(bytes.NewReader(setPart(t, book, sheetPart, blanks)), "")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml has a text or tag of more than 1048576 bytes") {
		t.Errorf("run: %v", err)
	}
	blanks = append(append([]byte("<worksheet><sheetData>"), bytes.Repeat([]byte(" "), 1<<20-20)...), "</sheetData></worksheet>"...)
	if _, err = ReadCells(bytes.NewReader(setPart(t, book, sheetPart, blanks)), ""); err != nil {
		t.Errorf("a run within the limit: %v", err)
	}
}
