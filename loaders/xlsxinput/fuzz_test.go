package xlsxinput

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
)

var fuzzLayouts = []loaders.Layout{loaders.ITStaff, loaders.Computers, loaders.Projects2009, loaders.ProjectsPlan}

// checkResult is the property of both fuzz targets: values or positioned
// errors. rows is the number of rows of the sheet.
func checkResult(t *testing.T, tb *loaders.Table, err error, rows int) {
	if err != nil {
		for _, e := range loaders.Errors(err) {
			if e.Err == nil || e.Line < 0 || e.Cell < 0 || e.Line > rows {
				t.Fatalf("bad error %+v in %v", e, err)
			}
		}
		var ce *CellError
		if errors.As(err, &ce) && ce.Ref != "" && ce.Err.Line < 1 {
			t.Fatalf("cell %s without a row: %v", ce.Ref, err)
		}
		return
	}
	defer tb.Release()
	if tb.Frame.NumRows() == 0 {
		t.Fatal("success with no rows")
	}
	for _, line := range tb.Frame.Col("source_line").Int64s() {
		if line < 1 || int(line) > rows {
			t.Fatalf("source_line %d outside rows 1..%d", line, rows)
		}
	}
}

// FuzzParse feeds workbooks: the property is no panic, no hang, and a
// table of rows of the sheet or errors with positions.
func FuzzParse(f *testing.F) {
	rows := provincial(f)
	f.Add(workbook(f, rows, numbers, 1), uint8(1))
	f.Add(workbook(f, rows[:10], allText, 3), uint8(1))
	f.Add(workbook(f, rows[:8], numbersPct, 2), uint8(0))
	f.Add([]byte("PK\x03\x04"), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		l := fuzzLayouts[int(which)%len(fuzzLayouts)]
		tb, err := Parse(bytes.NewReader(data), "", l, loaders.Options{File: "fuzz.xlsx"})
		checkResult(t, tb, err, 1<<20)
	})
}

// FuzzParseSheetXML feeds worksheets: the XML of the sheet of a workbook
// built from Phụ lục 2 is replaced by the input (the zip stays valid, so
// that the mutations reach excelize's and this package's reading).
func FuzzParseSheetXML(f *testing.F) {
	rows := provincial(f)
	book := workbook(f, rows, allText, 1)
	f.Add(part(f, book, sheetPart), uint8(1))
	f.Add(part(f, workbook(f, rows[:12], numbersPct, 2), sheetPart), uint8(1))
	f.Add(part(f, workbook(f, rows[:9], numbers, 1), sheetPart), uint8(3))
	f.Fuzz(func(t *testing.T, xml []byte, which uint8) {
		l := fuzzLayouts[int(which)%len(fuzzLayouts)]
		tb, err := Parse(bytes.NewReader(setPart(t, book, sheetPart, xml)), "", l, loaders.Options{File: "fuzz.xlsx"})
		checkResult(t, tb, err, 1<<20)
	})
}

// FuzzParseCells feeds sheets without the zip: rows on lines, cells
// separated by tabs; "#v" is a number cell of value v, "%v" one with a
// percent format, "=f" a formula without a cached value, anything else a
// text cell.
func FuzzParseCells(f *testing.F) {
	var b strings.Builder
	for i, r := range provincial(f) {
		for j, v := range r {
			if j > 0 {
				b.WriteByte('\t')
			}
			if _, err := strconv.ParseFloat(v, 64); err == nil && i%2 == 0 {
				v = "#" + v
			}
			b.WriteString(v)
		}
		b.WriteByte('\n')
	}
	f.Add(b.String(), uint8(1), uint8(0))
	f.Add("Mã số\tTên\n#1\tSở Y tế\t1.234\t#1234\t#830\t#816\t#1.234\t0,5\t%0.5\n", uint8(1), uint8(0))
	f.Add("\t\t1\tSở\t=C1\t#0\t#1\t#0\t6\t17\t7\t25\nTỔNG CỘNG\t\t\t33\n", uint8(0), uint8(2))
	f.Add("Đơn vị tính: triệu đồng\n#1\tDự án\tMục tiêu\t2011-2015\t8.580\t#6883.5\t1.697\t0\t0\tghi chú\n", uint8(3), uint8(1))
	f.Fuzz(func(t *testing.T, grid string, which, conv uint8) {
		l := fuzzLayouts[int(which)%len(fuzzLayouts)]
		s := &xlsxio.SheetCells{Sheet: "Sheet1", Sheets: []string{"Sheet1"}}
		lines := strings.Split(grid, "\n")
		for i, line := range lines {
			for j, v := range strings.Split(line, "\t") {
				c := xlsxio.SheetCell{Row: i + 1, Col: j + 1, Kind: xlsxio.TextCell, Value: v}
				if len(v) > 1 && (v[0] == '#' || v[0] == '%') {
					if x, err := strconv.ParseFloat(v[1:], 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
						c.Kind, c.Value, c.Percent = xlsxio.NumberCell, strconv.FormatFloat(x, 'f', -1, 64), v[0] == '%'

					}
				}
				if strings.HasPrefix(v, "=") {
					c.Value, c.Formula = "", v[1:]
				}
				if c.Value == "" && c.Formula == "" {
					continue
				}
				s.Cells = append(s.Cells, c)
			}
		}
		tb, err := ParseCells(s, l, loaders.Options{File: "fuzz.xlsx", Convention: loaders.Convention(conv % 3)})
		checkResult(t, tb, err, len(lines))
	})
}
