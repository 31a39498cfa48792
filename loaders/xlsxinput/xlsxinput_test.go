package xlsxinput

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/ziptest"
	"github.com/ictplan/ictplan/loaders"
)

// provincial is Phụ lục 2 of Sóc Trăng's 2010 plan (21/KH-UBND) as a sheet
// would hold it: two title rows, a two-row header with merged cells, the
// row of column letters, an empty row, the 27 data rows of the golden
// dataset (in the layout's cell order: code, unit, staff, computers,
// Internet, LAN, three ratios) and the total row of source line 1887.
func provincial(t testing.TB) [][]string {
	t.Helper()
	data, err := os.ReadFile("../../datasets/testdata/soctrang-2010-computers-provincial.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]string{
		{"PHỤ LỤC 2"},
		{"SỐ LIỆU THỐNG KÊ HIỆN TRẠNG SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ SỐ MÁY TÍNH Ở CÁC SỞ, BAN NGÀNH TỈNH"},
		{"Mã số", "Tên đơn vị", "Tổng số cán bộ, công chức đang làm việc", "Số lượng máy vi tính đang sử dụng", "Trong đó", "",
			"Tỷ lệ máy tính/ CBCC", "Tỷ lệ máy tính có kết nối mạng nội bộ (LAN)", "Tỷ lệ máy tính có kết nối mạng Internet"},
		{"", "", "", "", "Số lượng máy nối mạng Internet", "Số lượng máy nối mạng nội bộ (LAN)"},
		{"A", "B", "C", "D", "E", "F", "G", "H", "E"},
		{},
	}
	for _, r := range recs[1:] {
		rows = append(rows, r[:9]) // without source_line
	}
	return append(rows, []string{"TỔNG/BÌNH QUÂN", "", "1215", "1001", "830", "816", "0.82387", "0.81518", "0.82917"})
}

// asCSV writes rows as CSV, row r on line r.
func asCSV(t testing.TB, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	return b.Bytes()
}

// cellStyle says how a test workbook stores a cell of rows.
type cellStyle int

const (
	allText    cellStyle = iota // every cell a text cell
	numbers                     // cells that parse as numbers are number cells
	numbersPct                  // as numbers, the ratio cells (columns G to I of the data) with a percent format
)

// workbook builds an .xlsx of rows from column col (1: A), merging the
// header cells as the source table does.
func workbook(t testing.TB, rows [][]string, style cellStyle, col int) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "Sheet1"
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, v := range r {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(col+j, i+1)
			f, ferr := strconv.ParseFloat(v, 64)
			switch {
			case style == allText || ferr != nil:
				err = x.SetCellStr(sheet, ref, v)
			case style == numbersPct && j >= 6 && i >= 6:
				err = x.SetCellFloat(sheet, ref, f, -1, 64)
				if err == nil {
					err = x.SetCellStyle(sheet, ref, ref, pct)
				}
			default:
				err = x.SetCellFloat(sheet, ref, f, -1, 64)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(rows) > 5 && rows[2][0] == "Mã số" {
		name := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(col+c, r); return s }
		for _, m := range [][2]string{
			{name(0, 3), name(0, 4)}, {name(1, 3), name(1, 4)}, {name(2, 3), name(2, 4)}, {name(3, 3), name(3, 4)},
			{name(4, 3), name(5, 3)}, {name(6, 3), name(6, 4)}, {name(7, 3), name(7, 4)}, {name(8, 3), name(8, 4)},
			{name(0, len(rows)), name(1, len(rows))}, // TỔNG/BÌNH QUÂN over A and B
		} {
			if err := x.MergeCell(sheet, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const sheetPart = "xl/worksheets/sheet1.xml"

// part returns a part of a workbook.
func part(t testing.TB, book []byte, name string) []byte { return ziptest.Part(t, book, name) }

// setPart returns the workbook with a part replaced (stored, not
// compressed).
func setPart(t testing.TB, book []byte, name string, data []byte) []byte {
	return ziptest.SetPart(t, book, name, data, zip.Store)
}

// patchSheet replaces from by to in the XML of the first worksheet.
func patchSheet(t testing.TB, book []byte, from, to string) []byte {
	t.Helper()
	xml := part(t, book, sheetPart)
	if !bytes.Contains(xml, []byte(from)) {
		t.Fatalf("%s lacks %s", sheetPart, from)
	}
	return setPart(t, book, sheetPart, bytes.ReplaceAll(xml, []byte(from), []byte(to)))
}

func parseBook(t testing.TB, book []byte, sheet string, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	t.Helper()
	if o.File == "" {
		o.File = "plan.xlsx"
	}
	return Parse(bytes.NewReader(book), sheet, l, o)
}

// TestParseMatchesCSV: the same rows as a workbook (number cells or text
// cells, the table in column A or C) and as CSV give the same Frame.
func TestParseMatchesCSV(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	rows := provincial(t)
	meta := map[string]string{MetaSourceSheet: "Sheet1"}
	want, err := loaders.ParseCSV(bytes.NewReader(asCSV(t, rows)), loaders.Computers, loaders.Options{File: "plan.xlsx", Meta: meta, Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer want.Release()
	for _, c := range []struct {
		name   string
		style  cellStyle
		col    int
		conv   loaders.Convention
		reason string
	}{
		{"text cells", allText, 1, loaders.CommaThousands, `detected from "0.89308" at Sheet1!G7 (a cell typed as text)`},
		// Number cells decide nothing, and need nothing decided.
		{"number cells", numbers, 1, loaders.Undecided, reasonNumbersOnly},
		{"number cells from column C", numbers, 3, loaders.Undecided, reasonNumbersOnly},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseBook(t, workbook(t, rows, c.style, c.col), "", loaders.Computers, loaders.Options{Allocator: mem})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Release()
			w := want.Frame.WithMeta("number_convention", c.conv.String())
			defer w.Release()
			if !frame.Equal(w, got.Frame) {
				t.Fatalf("workbook and CSV differ\nCSV:\n%s\nworkbook:\n%s", want.Frame, got.Frame)
			}
			if got.Convention != c.conv || got.ConventionReason != c.reason {
				t.Errorf("convention %s (%s)", got.Convention, got.ConventionReason)
			}
			// 27 rows from sheet row 7 (Tỉnh ủy) to 33 (Hội Cựu Chiến binh);
			// Tỉnh ủy: 159 staff, 142 computers, 142/159 = 0.89308.
			f := got.Frame
			if f.NumRows() != 27 || got.FirstLine != 1 || got.LastLine != 34 {
				t.Fatalf("%d rows, rows %d–%d", f.NumRows(), got.FirstLine, got.LastLine)
			}
			if f.Col("unit").Strings()[0] != "Tỉnh ủy" || f.Col("staff").Int64s()[0] != 159 ||
				f.Col("computers_per_staff_reported").Float64s()[0] != 0.89308 || f.Col("source_line").Int64s()[0] != 7 {
				t.Errorf("first row: %s", f.Head(1))
			}
			// The total row (sheet row 34, merged over A:B) is a claim:
			// 1215 staff = 159 + 32 + 0 + 82 + … + 16, the sum of the rows.
			var sum int64
			for _, v := range f.Col("staff").Int64s() {
				sum += v
			}
			v, ok := got.Totals[0].Get("staff")
			if len(got.Totals) != 1 || !ok || v.Value != 1215 || sum != 1215 || got.Totals[0].Line != 34 {
				t.Errorf("total %+v, sum of staff %d", got.Totals, sum)
			}
		})
	}
}

// TestNumberCells: a number cell is its exact value whatever the
// convention of the text cells, and never a figure that decides it.
func TestNumberCells(t *testing.T) {
	head := []string{"Mã số", "Tên đơn vị", "CBCC", "Máy tính", "Internet", "LAN", "Tỷ lệ", "Tỷ lệ LAN", "Tỷ lệ Internet"}
	type cell = any // string: a text cell; float64: a number cell
	for _, c := range []struct {
		name   string
		row    []cell
		conv   loaders.Convention
		column string
		want   float64
		wantC  loaders.Convention
		err    error
		ref    string
	}{
		// 1.234 stored as a number, in a table whose text says dot
		// thousands (0,5): written "1,234", read 1.234, not 1234.
		{"number among dot-thousands text", []cell{1.0, "Sở Y tế", 1234.0, 1001.0, 830.0, 816.0, 1.234, "0,5", "1"}, 0, "computers_per_staff_reported", 1.234, loaders.DotThousands, nil, ""},
		{"whole number among dot-thousands text", []cell{1.0, "Sở Y tế", 1234.0, "1.001", 830.0, 816.0, 0.5, "0,5", "1"}, 0, "staff", 1234, loaders.DotThousands, nil, ""},
		{"number among comma-thousands text", []cell{1.0, "Sở Y tế", 1234.0, 1001.0, 830.0, 816.0, 1.234, "0.50", "1"}, 0, "computers_per_staff_reported", 1.234, loaders.CommaThousands, nil, ""},
		{"numbers only", []cell{1.0, "Sở Y tế", 1234.0, 1001.0, 830.0, 816.0, 1.234, 0.5, 1.0}, 0, "computers_per_staff_reported", 1.234, loaders.Undecided, nil, ""},
		// 12.345 typed as a number in a whole-number column is twelve
		// and a fraction, whatever the text cells say: refused, never
		// read as 12345.
		{"fraction of three digits in a count", []cell{1.0, "Sở Y tế", 12.345, 1001.0, 830.0, 816.0, 1.234, 0.5, 1.0}, 0, "", 0, 0, loaders.ErrNotNumber, "C7"},
		{"fraction of three digits in a count, dot-thousands text", []cell{1.0, "Sở Y tế", 12.345, "1.001", 830.0, 816.0, 1.234, "0,5", 1.0}, 0, "", 0, 0, loaders.ErrNotNumber, "C7"},
		{"fraction of three digits in a count, given convention", []cell{1.0, "Sở Y tế", 12.345, 1001.0, 830.0, 816.0, 1.234, 0.5, 1.0}, loaders.DotThousands, "", 0, 0, loaders.ErrNotNumber, "C7"},
		{"given convention", []cell{1.0, "Sở Y tế", 1234.0, 1001.0, 830.0, 816.0, 0.82387, 0.5, 1.0}, loaders.DotThousands, "computers_per_staff_reported", 0.82387, loaders.DotThousands, nil, ""},
		// The text 1.234 reads two ways; the number cell 0.5 does not
		// settle it.
		{"ambiguous text beside a number", []cell{1.0, "Sở Y tế", 1234.0, 1001.0, 830.0, 816.0, "1.234", 0.5, 1.0}, 0, "", 0, 0, loaders.ErrAmbiguousNumber, "G7"},
		{"text in both conventions", []cell{1.0, "Sở Y tế", 1234.0, 1001.0, 830.0, 816.0, "0,82387", "0.5", 1.0}, 0, "", 0, 0, loaders.ErrMixedConvention, "H7"},
		{"fraction in a count", []cell{1.0, "Sở Y tế", 1234.5, 1001.0, 830.0, 816.0, 0.5, 0.5, 1.0}, 0, "", 0, 0, loaders.ErrNotNumber, "C7"},
		{"row number as text", []cell{"1", "Sở Y tế", "1234", "1001", "830", "816", "0.82387", "0.5", "1"}, 0, "staff", 1234, loaders.CommaThousands, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			x := excelize.NewFile()
			defer x.Close()
			x.SetSheetRow("Sheet1", "A1", &[]any{"PHỤ LỤC 2"})
			x.SetSheetRow("Sheet1", "A3", &head)
			row := append([]cell(nil), c.row...)
			x.SetSheetRow("Sheet1", "A7", &row)
			var b bytes.Buffer
			x.Write(&b)
			tb, err := parseBook(t, b.Bytes(), "", loaders.Computers, loaders.Options{Convention: c.conv})
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("err = %v, want %v", err, c.err)
				}
				if !strings.Contains(err.Error(), "plan.xlsx: Sheet1!"+c.ref+": ") {
					t.Errorf("err = %v, want it at %s", err, c.ref)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Release()
			var got float64
			switch col := tb.Frame.Col(c.column); col.Kind() {
			case frame.Int64:
				got = float64(col.Int64s()[0])
			default:
				got = col.Float64s()[0]
			}
			if got != c.want || tb.Convention != c.wantC {
				t.Errorf("%s = %v (%s: %s), want %v (%s)", c.column, got, tb.Convention, tb.ConventionReason, c.want, c.wantC)
			}
		})
	}
}

// TestPercentCells: a ratio stored 0.89308 and shown 89.31% is read as
// "89.308%" would be from a text source: a percentage, which a column of
// ratios holds as 0.89308 — never 89.308 beside 0.5 in the same column.
func TestPercentCells(t *testing.T) {
	rows := provincial(t)
	tb, err := parseBook(t, workbook(t, rows, numbersPct, 1), "", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	// Tỉnh ủy: 0.89308; Văn phòng UBND (row 4): 1.
	got := tb.Frame.Col("computers_per_staff_reported").Float64s()
	lan := tb.Frame.Col("lan_share_reported").Float64s()
	if got[0] != 0.89308 || lan[3] != 1 {
		t.Errorf("ratios %v, %v; want 0.89308, 1", got[0], lan[3])
	}
}

// TestFormulas: a formula is read as its cached result; without one it is
// an error at its cell, and so is a formula error in a number column.
func TestFormulas(t *testing.T) {
	rows := provincial(t)
	book := workbook(t, rows, numbers, 1)
	// G7 (Tỉnh ủy's ratio) as Excel saves =D7/C7: 142/159 with 17 digits,
	// read to Excel's 15 significant digits.
	const g7 = `<c r="G7"><v>0.89308</v></c>`
	cached := patchSheet(t, book, g7, `<c r="G7"><f>D7/C7</f><v>0.89308176100628933</v></c>`)
	tb, err := parseBook(t, cached, "", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := tb.Frame.Col("computers_per_staff_reported").Float64s()[0]; got != 0.893081761006289 {
		t.Errorf("G7 = %v, want 142/159 to 15 digits = 0.893081761006289", got)
	}
	for _, c := range []struct {
		name, cell string
		err        error
		msg        string
	}{
		{"no cached value", `<c r="G7"><f>D7/C7</f></c>`, ErrUncalculated, `plan.xlsx: Sheet1!G7: formula without a cached value: found "=D7/C7"`},
		{"formula error", `<c r="G7" t="e"><f>D7/C7</f><v>#DIV/0!</v></c>`, loaders.ErrNotNumber, `plan.xlsx: Sheet1!G7: (computers_per_staff_reported) not a number: found "#DIV/0!"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseBook(t, patchSheet(t, book, g7, c.cell), "", loaders.Computers, loaders.Options{})
			if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("err = %v, want %q", err, c.msg)
			}
			es := loaders.Errors(err)
			if len(es) != 1 || es[0].Line != 7 || es[0].Cell != 7 {
				t.Errorf("errors %+v", es)
			}
		})
	}
}

// TestCellErrors: every problem names file, sheet and cell, and wraps the
// sentinel ParseCSV gives for the same rows.
func TestCellErrors(t *testing.T) {
	base := provincial(t)
	edit := func(row, col int, v string) [][]string {
		rows := make([][]string, len(base))
		for i := range base {
			rows[i] = append([]string(nil), base[i]...)
		}
		rows[row-1][col-1] = v
		return rows
	}
	drop := func(row, col int) [][]string {
		rows := edit(row, col, "")
		r := rows[row-1]
		rows[row-1] = append(r[:col-1:col-1], r[col:]...)
		return rows
	}
	for _, c := range []struct {
		name  string
		rows  [][]string
		col   int // the table's first column
		sheet string
		err   error
		msg   string
		line  int
	}{
		{"letter for a digit", edit(7, 4, "l42"), 1, "", loaders.ErrNotNumber, `plan.xlsx: Sheet1!D7: (computers) not a number: found "l42"`, 7},
		{"letter for a digit, table from column C", edit(7, 4, "l42"), 3, "", loaders.ErrNotNumber, `plan.xlsx: Sheet1!F7: (computers) not a number: found "l42"`, 7},
		// A cell deleted with "shift cells left": in a sheet the row still
		// has its nine columns, and the shifted ratio is refused where it
		// landed (a CSV row of eight fields is a wrong number of cells).
		{"cell missing", drop(8, 6), 1, "", loaders.ErrNotNumber, `plan.xlsx: Sheet1!F8: (lan_computers) not a number: found "1.09375", expected a whole number`, 0},
		{"stray text", edit(34, 1, "Ghi chú: số liệu tạm"), 1, "", loaders.ErrUnexpectedCell, `plan.xlsx: Sheet1!A34: unexpected cell: found "Ghi chú: số liệu tạm"`, 34},
		{"no sheet", base, 1, "Phụ lục 9", ErrMissingSheet, `plan.xlsx: no such sheet: found "Phụ lục 9", expected a sheet of the workbook: "Sheet1"`, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseBook(t, workbook(t, c.rows, numbers, c.col), c.sheet, loaders.Computers, loaders.Options{})
			if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("err = %v\nwant %v: %s", err, c.err, c.msg)
			}
			// the one position type of every reader, written as the error writes it
			if p, ok := frame.PositionOf(err); !ok || !strings.HasPrefix(c.msg, p.String()+":") {
				t.Errorf("position %v (%v), error %s", p, ok, c.msg)
			}
			if c.line == 0 {
				return
			}
			// The same rows as CSV give the same sentinel at the same line.
			_, cerr := loaders.ParseCSV(bytes.NewReader(asCSV(t, c.rows)), loaders.Computers, loaders.Options{})
			es, ces := loaders.Errors(err), loaders.Errors(cerr)
			if len(es) != len(ces) || es[0].Line != c.line || ces[0].Line != c.line || !errors.Is(ces[0], c.err) {
				t.Errorf("workbook errors %v\nCSV errors %v", err, cerr)
			}
		})
	}
}

func TestParseNotAWorkbook(t *testing.T) {
	_, err := parseBook(t, asCSV(t, provincial(t)), "", loaders.Computers, loaders.Options{})
	if !errors.Is(err, ErrNotWorkbook) || !strings.HasPrefix(err.Error(), "plan.xlsx: not an .xlsx workbook: expected a workbook saved as .xlsx by Excel or LibreOffice (") {
		t.Errorf("err = %v", err)
	}
	_, err = parseBook(t, workbook(t, provincial(t), numbers, 1), "", loaders.Computers, loaders.Options{Appendix: "2"})
	if err == nil || !strings.Contains(err.Error(), "does not apply to a worksheet") {
		t.Errorf("appendix: %v", err)
	}
}

// TestSheetChoice: the first sheet by default, another by name (any case).
func TestSheetChoice(t *testing.T) {
	book := func(rows [][]string) []byte {
		x := excelize.NewFile()
		defer x.Close()
		x.SetSheetRow("Sheet1", "A1", &[]any{"Ghi chú"})
		x.NewSheet("Phụ lục 2")
		for i, r := range rows {
			row := make([]any, len(r))
			for j, v := range r {
				row[j] = v
			}
			x.SetSheetRow("Phụ lục 2", "A"+strconv.Itoa(i+1), &row)
		}
		var b bytes.Buffer
		x.Write(&b)
		return b.Bytes()
	}
	rows := provincial(t)
	if _, err := parseBook(t, book(rows), "", loaders.Computers, loaders.Options{}); !errors.Is(err, loaders.ErrTruncated) {
		t.Errorf("first sheet: %v", err)
	}
	tb, err := parseBook(t, book(rows), "phụ lục 2", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if tb.Frame.NumRows() != 27 || tb.Frame.Metadata()[MetaSourceSheet] != "Phụ lục 2" {
		t.Errorf("%d rows, sheet %q", tb.Frame.NumRows(), tb.Frame.Metadata()[MetaSourceSheet])
	}
	// A problem on a sheet whose name has spaces quotes it, as Excel does.
	rows[6][3] = "l42"
	_, err = parseBook(t, book(rows), "Phụ lục 2", loaders.Computers, loaders.Options{})
	if err == nil || !strings.Contains(err.Error(), "plan.xlsx: 'Phụ lục 2'!D7: ") {
		t.Errorf("err = %v", err)
	}
}

func TestShiftPoint(t *testing.T) {
	for _, c := range [][2]string{
		{"0.89308", "89.308"}, {"1", "100"}, {"0.5", "50"}, {"-0.005", "-0.5"}, {"0", "0"}, {"12.3456", "1234.56"}, {"0.0001", "0.01"},
	} {
		if got := shiftPoint(c[0], 2); got != c[1] {
			t.Errorf("shiftPoint(%s) = %s, want %s", c[0], got, c[1])
		}
	}
}

// TestProjectsByHand: a projects-plan sheet as an official types it in
// Excel: amounts as numbers, some with a thousands format (#,##0.###),
// the note column mostly empty (Excel stores no cell there), the total a
// SUM formula with its cached result. Every figure is its stored value —
// 243.234 million is not 243.234 thousand million — and the total agrees
// with its rows.
func TestProjectsByHand(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	const sh = "Sheet1"
	grouped, err := x.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		t.Fatal(err)
	}
	set := func(ref string, v any) {
		t.Helper()
		if err := x.SetCellValue(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "DANH MỤC DỰ ÁN")
	set("A2", "Đơn vị tính: triệu đồng")
	for i, h := range []string{"STT", "Tên dự án", "Mục tiêu", "Thời gian", "Tổng mức", "TW (ĐTPT)", "ĐP (ĐTPT)", "TW (SN)", "ĐP (SN)", "Ghi chú"} {
		ref, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(ref, h)
	}
	rows := [][]any{
		{1, "Cổng thông tin điện tử", "Công khai thông tin", "2011-2015", 1500, 500, 1000, 0, 0},
		{2, "Trang bị máy tính", "Đủ máy cho cán bộ", "2012", 243.234, 0, 243.234, 0, 0, "Đã có chủ trương"},
		{3, "Đào tạo", "Kỹ năng CNTT", "2013-2014", 12.5, 0, 0, 0, 12.5},
	}
	for i, r := range rows {
		if err := x.SetSheetRow(sh, fmt.Sprintf("A%d", 4+i), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.SetCellStyle(sh, "E4", "I6", grouped); err != nil {
		t.Fatal(err)
	}
	set("A7", "TỔNG CỘNG")
	for _, c := range []string{"E", "F", "G", "H", "I"} {
		if err := x.SetCellFormula(sh, c+"7", fmt.Sprintf("SUM(%s4:%s6)", c, c)); err != nil {
			t.Fatal(err)
		}
	}
	// The results Excel saves with the formulas.
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	book := b.Bytes()
	for c, v := range map[string]string{"E": "1755.7339999999999", "F": "500", "G": "1243.2339999999999", "H": "0", "I": "12.5"} {
		book = patchSheet(t, book, `<c r="`+c+`7" t="str"><f>SUM(`+c+`4:`+c+`6)</f></c>`, `<c r="`+c+`7"><f>SUM(`+c+`4:`+c+`6)</f><v>`+v+`</v></c>`)
	}
	tb, err := parseBook(t, book, "", loaders.ProjectsPlan, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	f := tb.Frame
	if f.NumRows() != 3 {
		t.Fatalf("%d rows, want 3:\n%s", f.NumRows(), f)
	}
	total := f.Col("total_mvnd").Float64s()
	if total[0] != 1500 || total[1] != 243.234 || total[2] != 12.5 {
		t.Errorf("total_mvnd %v, want 1500, 243.234, 12.5", total)
	}
	if notes := f.Col("note"); !notes.IsNull(0) || notes.Strings()[1] != "Đã có chủ trương" {
		t.Errorf("notes %v", notes)
	}
	if s, e := f.Col("period_start").Int64s(), f.Col("period_end").Int64s(); s[0] != 2011 || e[0] != 2015 || s[1] != 2012 || e[1] != 2012 {
		t.Errorf("periods %v–%v", s, e)
	}
	v, ok := tb.Totals[0].Get("total_mvnd")
	if len(tb.Totals) != 1 || !ok || v.Value != 1755.734 || v.Line != 7 {
		t.Fatalf("totals %+v", tb.Totals)
	}
	if sum := total[0] + total[1] + total[2]; math.Abs(sum-v.Value) > 1e-9 {
		t.Errorf("rows add up to %v, the total says %v", sum, v.Value)
	}
}

// TestHeadersMatched: a sheet whose columns are in another order, under a
// two-row header with a merged "Trong đó", is read by its headers.
func TestHeadersMatched(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	const sh = "Sheet1"
	rows := [][]any{
		{"BIỂU TỔNG HỢP HIỆN TRẠNG MÁY TÍNH"},
		{"STT", "Cơ quan, đơn vị", "Số máy tính", "Trong đó", nil, "Số CBCC", "Ghi chú"},
		{nil, nil, nil, "Kết nối Internet", "Mạng LAN/nội bộ"},
		{1, "Sở Y tế", 45, 40, 38, 50},
		{2, "Sở Tài chính", 46, 46, 46, 45, "mới trang bị"},
		{"Tổng cộng", nil, 91, 86, 84, 95},
	}
	for i, r := range rows {
		if err := x.SetSheetRow(sh, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"D2", "E2"}, {"A2", "A3"}, {"B2", "B3"}, {"C2", "C3"}, {"F2", "F3"}, {"G2", "G3"}} {
		if err := x.MergeCell(sh, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	tb, err := parseBook(t, b.Bytes(), "", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	f := tb.Frame
	if s, c, l := f.Col("staff").Int64s(), f.Col("computers").Int64s(), f.Col("lan_computers").Int64s(); s[0] != 50 || c[0] != 45 || l[1] != 46 {
		t.Errorf("staff %v, computers %v, LAN %v", s, c, l)
	}
	if tb.Columns == nil || tb.Columns.Cells[2].Column != 6 {
		t.Errorf("columns %+v", tb.Columns)
	}
}

// TestHiddenValue: a value under a merged range, which Excel does not
// show, is an error naming its cell, not dropped.
func TestHiddenValue(t *testing.T) {
	book := workbook(t, provincial(t), numbers, 1)
	// Sheet row 7 (Tỉnh ủy): merge C7:D7, so that D7's 142 is hidden
	// (the header's merged cells are there already).
	xml := string(part(t, book, sheetPart))
	m := regexp.MustCompile(`<mergeCells count="([0-9]+)">`).FindStringSubmatch(xml)
	if m == nil {
		t.Fatal("the test workbook has no merged cells")
	}
	n, _ := strconv.Atoi(m[1])
	merged := strings.Replace(xml, m[0], fmt.Sprintf(`<mergeCells count="%d"><mergeCell ref="C7:D7"/>`, n+1), 1)
	_, err := parseBook(t, setPart(t, book, sheetPart, []byte(merged)), "", loaders.Computers, loaders.Options{})
	es := loaders.Errors(err)
	if !errors.Is(err, loaders.ErrUnexpectedCell) || len(es) != 1 || es[0].Line != 7 || es[0].Cell != 4 || !strings.Contains(err.Error(), "plan.xlsx: Sheet1!D7:") {
		t.Fatalf("err = %v", err)
	}
}

// TestMergedFigure: a count merged down over two data rows (C2:C3 shows 81
// once for both units) is refused at the second row's cell, not read as 81
// for the first and null for the second.
func TestMergedFigure(t *testing.T) {
	x := excelize.NewFile()
	defer x.Close()
	rows := [][]any{
		{"Mã số", "Tên đơn vị", "CBCC", "Máy tính", "Internet", "LAN"},
		{1, "Sở Tư pháp", 81, 30, 16, 20},
		{2, "Sở Tài chính", nil, 35, 26, 26},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.MergeCell("Sheet1", "C2", "C3"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := parseBook(t, buf.Bytes(), "", loaders.Computers, loaders.Options{})
	if !errors.Is(err, loaders.ErrUnexpectedCell) || !strings.Contains(err.Error(), "plan.xlsx: Sheet1!C3:") || !strings.Contains(err.Error(), "merged with the one above") {
		t.Errorf("got %v", err)
	}
}
