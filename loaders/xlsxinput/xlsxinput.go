package xlsxinput

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
)

// MetaSourceSheet is the schema metadata key of the sheet a Frame was
// read from (its source_line column counts that sheet's rows).
const MetaSourceSheet = "source_sheet"

// Sentinel errors of workbooks, besides those of package loaders.
var (
	// ErrUncalculated: a formula cell whose result the file does not hold
	// (a workbook written by a program that does not compute formulas).
	// Opening the workbook in Excel or LibreOffice and saving it stores
	// the results.
	ErrUncalculated = loaders.NewSentinel("formula without a cached value", "công thức chưa có kết quả lưu sẵn (mở tệp bằng Excel hoặc LibreOffice rồi lưu lại)")
	// ErrNotWorkbook: the file is not an .xlsx workbook (not a zip, or its
	// parts are not a workbook's): a CSV or an old .xls renamed .xlsx, a
	// damaged file. It is loaders.ErrNotWorkbook.
	ErrNotWorkbook = loaders.ErrNotWorkbook
	// ErrMissingSheet: the workbook has no sheet of the name asked for. It
	// is xlsxio.ErrNoSheet (one condition, one sentinel: errors.Is finds
	// either name).
	ErrMissingSheet = xlsxio.ErrNoSheet
)

// CellError is a problem at a cell or a row of a worksheet. Err is the
// problem as package loaders reports it (errors.Is reaches its sentinel;
// loaders.Errors returns it), with Line the sheet's row number and Cell its
// column number (1 for column A; 0 when the problem is the whole row).
type CellError struct {
	File  string
	Sheet string
	// Ref is the cell reference, such as "C7": the cell of the problem,
	// or for a problem of the whole row (a cell too many or too few) the
	// first cell of the table in that row; "" when there is no position.
	Ref string
	Err *loaders.Error
}

// Error reads "plan.xlsx: Sheet1!C7: (staff) not a number: found …".
func (e *CellError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Sheet != "" {
		b.WriteString(xlsxio.Ref(e.Sheet, e.Ref))
		b.WriteString(": ")
	}
	in := *e.Err
	in.File, in.Line, in.Cell = "", 0, 0
	b.WriteString(in.Error())
	return b.String()
}

// Unwrap returns the loaders error.
func (e *CellError) Unwrap() error { return e.Err }

// Position returns the file, sheet and cell of the error.
func (e *CellError) Position() frame.Position { return frame.SheetPosition(e.File, e.Sheet, e.Ref) }

// Parse reads the table of a layout from a sheet of a workbook: sheet ""
// is the first sheet. It is ParseCells on xlsxio.ReadCells. A file that is
// not a workbook is an ErrNotWorkbook, one too large a
// loaders.ErrLimit, a sheet not there an ErrMissingSheet; each wrapped in
// a *CellError naming the file.
func Parse(r io.Reader, sheet string, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	s, err := xlsxio.ReadCellsLimited(r, sheet, xlsxio.CellLimits{Cells: loaders.MaxCells})
	if err != nil {
		e := &loaders.Error{File: o.File}
		var ns *xlsxio.NoSheetError
		var ce *xlsxio.CellError
		switch {
		case errors.As(err, &ce):
			// A problem of one cell: name it as any other.
			col, row := cellPos(ce.Cell)
			e.Line, e.Cell, e.Text = row, col, ce.Text
			e.Err, e.Expected = loaders.ErrNotWorkbook, strings.TrimPrefix(ce.Err.Error(), "xlsxio: ")
			if errors.Is(ce.Err, xlsxio.ErrHiddenValue) {
				e.Err = loaders.ErrUnexpectedCell
			}
			return nil, &CellError{File: o.File, Sheet: ce.Sheet, Ref: ce.Cell, Err: e}
		case errors.As(err, &ns):
			e.Err, e.Text, e.Expected = ErrMissingSheet, ns.Sheet, "a sheet of the workbook: "+quoted(ns.Sheets)
		case errors.Is(err, xlsxio.ErrTooLarge):
			e.Err, e.Expected = loaders.ErrLimit, "a smaller workbook ("+strings.TrimPrefix(err.Error(), "xlsxio: ")+")"
		case errors.Is(err, xlsxio.ErrMalformed):
			e.Err, e.Expected = ErrNotWorkbook, "a workbook saved as .xlsx by Excel or LibreOffice ("+strings.TrimPrefix(err.Error(), "xlsxio: ")+")"
		default:
			return nil, fmt.Errorf("%s: %w", o.File, err)
		}
		return nil, &CellError{File: o.File, Err: e}
	}
	return ParseCells(s, l, o)
}

// ParseCells reads the table of a layout from the cells of a sheet: each
// sheet row is a row of loaders.ParseRows (its line is the row number, the
// numbering of its rows is checked the same way); the table's first column
// is the first column that holds anything (columns empty in every row
// before it are not cells of the table), and a row has as many cells as the
// layout, the cells the sheet does not store being empty (a row whose last
// cell, a note, is empty is a whole row).
//
// A cell becomes a loaders.Cell as follows:
//   - a text cell: its text as stored, as typed ("1.234" stays "1.234"
//     and is read in the table's convention, as in a CSV file);
//   - a number cell: its exact value, never the text Excel shows (whose
//     marks are those of the program that rendered it): a Number cell,
//     written Plain with up to 15 significant digits (Excel's precision:
//     a sum stored as 1234.5600000000002 is 1234.56), read as exactly
//     that value whatever the table's convention — 12.345 in a staff
//     column is not a whole number, never 12345. A cell with a percent
//     format (shown "89.31%") is its value × 100 with "%" ("89.308%"), as
//     "89,308%" is read from a text or CSV source;
//   - a formula: its result cached in the file; a formula without one is
//     an ErrUncalculated at its cell;
//   - a TRUE/FALSE cell "TRUE" or "FALSE", a date cell its day 2006-01-02,
//     a formula error its code ("#DIV/0!"): read as text, so that in a
//     number column they are errors at their cell;
//   - of a merged range only the top-left cell (the others are empty).
//
// Empty rows are skipped. The number convention (Options.Convention
// Undecided) is decided by the cells typed as text only: a number cell is
// no evidence of how the official writes numbers. When no text figure
// decides it, the number cells are still read exactly, and a text figure
// that reads two ways ("1.234") is an loaders.ErrAmbiguousNumber naming
// its cell and both readings.
//
// Errors are *CellError values naming the file, the sheet and the cell,
// joined in row and column order; each wraps the *loaders.Error of
// ParseRows (its sentinel for errors.Is). Options.Appendix does not apply
// to a sheet (it is an error); the Frame's schema metadata gets the sheet
// name under MetaSourceSheet.
func ParseCells(s *xlsxio.SheetCells, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	if o.Appendix != "" {
		return nil, fmt.Errorf("%s: an appendix (%q) does not apply to a worksheet: choose the sheet instead", o.File, o.Appendix)
	}
	p := newSheetTable(s, l, o)
	meta := map[string]string{}
	for k, v := range o.Meta {
		meta[k] = v
	}
	meta[MetaSourceSheet] = s.Sheet
	o.Meta = meta
	t, err := loaders.ParseRows(p.records(), l, o)
	if err != nil || len(p.errs) > 0 {
		if t != nil {
			t.Release()
		}
		return nil, p.join(err)
	}
	switch m := detectedRe.FindStringSubmatch(t.ConventionReason); {
	case m != nil:
		// Name the cell, not the row.
		text, _ := strconv.Unquote(m[1])
		row, _ := strconv.Atoi(m[2])
		if col := p.find(row, text); col > 0 {
			t.ConventionReason = fmt.Sprintf("detected from %s at %s (a cell typed as text)", m[1], xlsxio.Ref(p.sheet, cellRef(col, row)))
		}
	case t.Convention == loaders.Undecided && p.numbers:
		t.ConventionReason = reasonNumbersOnly
	}
	return t, nil
}

var detectedRe = regexp.MustCompile(`^detected from ("(?:[^"\\]|\\.)*") at line ([0-9]+)$`)

const reasonNumbersOnly = "no cell typed as text decides it; the number cells are read exactly"

// item is a cell of the sheet on its way to a record.
type item struct {
	row, col int
	cell     loaders.Cell
}

type sheetTable struct {
	sheet, file string
	layout      loaders.Layout
	items       []item // by row, then column
	offset      int    // columns before the table's first
	numbers     bool   // a number cell in the table
	errs        []*CellError
	merged      []xlsxio.CellRange
}

func newSheetTable(s *xlsxio.SheetCells, l loaders.Layout, o loaders.Options) *sheetTable {
	p := &sheetTable{sheet: s.Sheet, file: o.File, layout: l, merged: s.Merged}
	first := 0
	for _, c := range s.Cells {
		if c.Formula != "" && c.Value == "" {
			p.fail(&loaders.Error{Line: c.Row, Cell: c.Col, Text: "=" + c.Formula, Err: ErrUncalculated,
				Expected: "the formula's result saved in the workbook (open it in Excel or LibreOffice and save it)"})
			continue
		}
		cell := loaders.Cell{Line: c.Row, Text: loaders.CleanText(c.Value)}
		if c.Kind == xlsxio.NumberCell {
			cell.Number, p.numbers = true, true
			cell.Text = excelPrecision(c.Value)
			if c.Percent {
				cell.Text = shiftPoint(cell.Text, 2) + "%"
			}
		}
		if cell.Text != "" && (first == 0 || c.Col < first) {
			first = c.Col
		}
		p.items = append(p.items, item{row: c.Row, col: c.Col, cell: cell})
	}
	if first > 0 {
		p.offset = first - 1
	}
	return p
}

// excelPrecision writes a number cell's value with at most 15 significant
// digits, as Excel computes and shows it: "1234.5600000000002" is
// "1234.56". A value that is not a number is returned as it is.
func excelPrecision(v string) string {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

func (p *sheetTable) fail(e *loaders.Error) {
	e.File = p.file
	ref := ""
	switch {
	case e.Cell > 0:
		ref = cellRef(e.Cell, e.Line)
	case e.Line > 0:
		ref = cellRef(p.offset+1, e.Line)
	}
	p.errs = append(p.errs, &CellError{File: p.file, Sheet: p.sheet, Ref: ref, Err: e})
}

// rows calls fn with the items of each sheet row, in order.
func (p *sheetTable) rows(fn func(row int, items []item)) {
	for i := 0; i < len(p.items); {
		j := i
		for j < len(p.items) && p.items[j].row == p.items[i].row {
			j++
		}
		fn(p.items[i].row, p.items[i:j])
		i = j
	}
}

// pos is the 0-based position of a column in the table's records.
func (p *sheetTable) pos(col int) int { return col - p.offset - 1 }

// records returns the rows of the table, each at least as wide as the
// layout (the cells a sheet does not store are empty).
func (p *sheetTable) records() [][]loaders.Cell {
	var out [][]loaders.Cell
	width := len(p.layout.Cells)
	p.rows(func(row int, items []item) {
		n := width
		if k := p.pos(items[len(items)-1].col) + 1; k > n {
			n = k
		}
		rec := make([]loaders.Cell, n)
		for k := range rec {
			rec[k].Line = row
		}
		for _, it := range items {
			if k := p.pos(it.col); k >= 0 {
				rec[k] = it.cell
			}
		}
		// the cells a merged range covers below or right of its first
		for _, m := range p.merged {
			for k := range rec {
				if col := k + 1 + p.offset; m.Contains(row, col) && !(row == m.FirstRow && col == m.FirstCol) {
					rec[k].Merged = true
				}
			}
		}
		out = append(out, rec)
	})
	return out
}

// join turns the errors of ParseRows into CellErrors and joins them with
// the sheet's own, in row and column order.
func (p *sheetTable) join(err error) error {
	es := loaders.Errors(err)
	if err != nil && len(es) == 0 {
		return err // not about a position (an invalid layout or unit)
	}
	for _, e := range es {
		switch {
		case e.Cell > 0:
			e.Cell += p.offset
		case e.Line > 0 && e.Text != "":
			// A problem of a row found at one of its cells (a mixed
			// convention): name that cell.
			e.Cell = p.find(e.Line, e.Text)
		}
		e.Expected = atLineRe.ReplaceAllString(e.Expected, "at row $1")
		p.fail(e)
	}
	sort.SliceStable(p.errs, func(i, j int) bool {
		a, b := p.errs[i].Err, p.errs[j].Err
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Cell < b.Cell
	})
	out := make([]error, len(p.errs))
	for i, e := range p.errs {
		out[i] = e
	}
	return errors.Join(out...)
}

var atLineRe = regexp.MustCompile(`\bat line ([0-9]+)`)

// find returns the column of the first cell of a row whose text is text
// (0: none), for a problem of a row that names the text it found.
func (p *sheetTable) find(row int, text string) int {
	i := sort.Search(len(p.items), func(i int) bool { return p.items[i].row >= row })
	for ; i < len(p.items) && p.items[i].row == row; i++ {
		it := p.items[i]
		t := it.cell.Text
		if t == text {
			return it.col
		}
	}
	return 0
}

// shiftPoint multiplies a decimal number written with a decimal point by
// 10^n, exactly, by moving the point: shiftPoint("0.89308", 2) is "89.308".
func shiftPoint(s string, n int) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for len(frac) < n {
		frac += "0"
	}
	intPart, frac = intPart+frac[:n], frac[n:]
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	if frac != "" {
		intPart += "." + frac
	}
	if intPart == "0" {
		sign = ""
	}
	return sign + intPart
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// cellPos is the column and row of a reference such as "C7" (0, 0 if it
// is not one).
func cellPos(ref string) (col, row int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	r, err := strconv.Atoi(ref[i:])
	if err != nil || i == 0 {
		return 0, 0
	}
	return col, r
}

func cellRef(col, row int) string {
	return xlsxio.SheetCell{Row: row, Col: col}.Ref()
}
