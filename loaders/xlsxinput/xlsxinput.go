package xlsxinput

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
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
	ErrUncalculated = errors.New("formula without a cached value")
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

// Parse reads the table of a layout from a sheet of a workbook: sheet ""
// is the first sheet. It is ParseCells on xlsxio.ReadCells. A file that is
// not a workbook is an loaders.ErrEncoding, one too large a
// loaders.ErrLimit, a sheet not there an ErrMissingSheet; each wrapped in
// a *CellError naming the file.
func Parse(r io.Reader, sheet string, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	s, err := xlsxio.ReadCells(r, sheet)
	if err != nil {
		e := &loaders.Error{File: o.File}
		var ns *xlsxio.NoSheetError
		switch {
		case errors.As(err, &ns):
			e.Err, e.Text, e.Expected = ErrMissingSheet, ns.Sheet, "a sheet of the workbook: "+quoted(ns.Sheets)
		case errors.Is(err, xlsxio.ErrTooLarge):
			e.Err, e.Expected = loaders.ErrLimit, "a smaller workbook ("+strings.TrimPrefix(err.Error(), "xlsxio: ")+")"
		case errors.Is(err, xlsxio.ErrMalformed):
			e.Err, e.Expected = loaders.ErrEncoding, "an .xlsx workbook ("+strings.TrimPrefix(err.Error(), "xlsxio: ")+")"
		default:
			return nil, fmt.Errorf("%s: %w", o.File, err)
		}
		return nil, &CellError{File: o.File, Err: e}
	}
	return ParseCells(s, l, o)
}

// ParseCells reads the table of a layout from the cells of a sheet. Each
// sheet row is a record of loaders.ParseCSV (its line is the row number);
// the table's first column is the first column that holds anything
// (columns empty in every row before it are not cells of the table).
//
// A cell becomes text as follows:
//   - a text cell: its text as stored, as typed ("1.234" stays "1.234"
//     and is read in the table's convention, as in a CSV file);
//   - a number cell: its exact value (xlsxio.NumberCell), never the text
//     Excel shows: the number format's marks are those of the program
//     that rendered it, not the official's, and re-formatting 1234 as
//     "1,234" or 1.234 as "1.234" could be misread. It is written without
//     thousands separators and with the decimal mark of the table's
//     convention, so that it reads as exactly its value; a cell with a
//     percent format (shown "89.31%") is its value × 100 with "%"
//     ("89.308%"), as "89,308%" would be read from a text or CSV source;
//   - a formula: its result cached in the file; a formula without one is
//     an ErrUncalculated at its cell;
//   - a TRUE/FALSE cell "TRUE" or "FALSE", a date cell its day 2006-01-02,
//     a formula error its code ("#DIV/0!"): read as text, so that in a
//     number column they are errors at their cell;
//   - of a merged range only the top-left cell (the others are empty).
//
// Empty rows are skipped. The number convention (Options.Convention
// Undecided) is decided by the cells typed as text only, as ParseCSV
// decides it: a number cell is no evidence of how the official writes
// numbers, since Excel stores every number with a decimal point. When no
// text cell decides it, the numbers with a fraction are written with a
// decimal point and the table is read as comma-thousands (the reason says
// so); but a text figure that reads two ways ("1.234") is then still an
// loaders.ErrAmbiguousNumber, never settled by the number cells.
//
// Errors are *CellError values naming the file, the sheet and the cell,
// joined in row and column order; each wraps the *loaders.Error of
// ParseCSV (its sentinel for errors.Is). Options.Appendix does not apply
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
	d := p.decide(o.Convention)
	for {
		oc := o
		oc.Convention = d.conv
		t, err := loaders.ParseCSV(bytes.NewReader(p.csv(d)), l, oc)
		if err == nil && d.placeholders {
			// The text figures that looked ambiguous were not read as
			// such: read the real numbers (with a decimal point).
			t.Release()
			d = decision{conv: loaders.CommaThousands, mark: '.', reason: reasonNumbersOnly}
			continue
		}
		if err != nil || len(p.errs) > 0 {
			if t != nil {
				t.Release()
			}
			return nil, p.join(err)
		}
		if d.reason != "" {
			t.ConventionReason = d.reason
		}
		return t, nil
	}
}

const reasonNumbersOnly = "no cell typed as text decides it; the number cells are exact, written with a decimal point"

// item is a cell of the sheet on its way to a record.
type item struct {
	row, col int
	text     string // the cell's text; for a number, its value with a decimal point (and "%")
	number   bool
	fraction bool // a number with a decimal point
	evidence bool // in a number column of a data or total row
}

type sheetTable struct {
	sheet, file string
	layout      loaders.Layout
	items       []item // by row, then column
	offset      int    // columns before the table's first
	errs        []*CellError
}

var (
	digitsRe = regexp.MustCompile(`^[0-9]{1,5}$`)
	totalRe  = regexp.MustCompile(`^(?i:tổng|cộng)`)
)

func newSheetTable(s *xlsxio.SheetCells, l loaders.Layout, o loaders.Options) *sheetTable {
	p := &sheetTable{sheet: s.Sheet, file: o.File, layout: l}
	first := 0
	for _, c := range s.Cells {
		if c.Formula != "" && c.Value == "" {
			p.fail(&loaders.Error{Line: c.Row, Cell: c.Col, Text: "=" + c.Formula, Err: ErrUncalculated,
				Expected: "the formula's result saved in the workbook (open it in Excel or LibreOffice and save it)"})
			continue
		}
		it := item{row: c.Row, col: c.Col, text: c.Value}
		if c.Kind == xlsxio.NumberCell {
			it.number = true
			if c.Percent {
				it.text = shiftPoint(c.Value, 2) + "%"
			}
			it.fraction = strings.Contains(it.text, ".")
		}
		if loaders.CleanText(it.text) != "" && (first == 0 || c.Col < first) {
			first = c.Col
		}
		p.items = append(p.items, it)
	}
	if first > 0 {
		p.offset = first - 1
	}
	p.markEvidence()
	return p
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

// markEvidence marks the cells ParseCSV reads as figures of number
// columns: those of data rows (the first cell a row number) and of total
// rows from the layout's TotalFrom cell on.
func (p *sheetTable) markEvidence() {
	n := len(p.layout.Cells)
	from := 1
	for i, c := range p.layout.Cells {
		if c.Name == p.layout.TotalFrom {
			from = i
		}
	}
	p.rows(func(row int, items []item) {
		at := func(k int) string {
			for _, it := range items {
				if p.pos(it.col) == k {
					return loaders.CleanText(it.text)
				}
			}
			return ""
		}
		first, second := at(0), at(1)
		start := -1
		switch {
		case digitsRe.MatchString(first):
			start = 0
		case isTotal(first) || (first == "" && isTotal(second)):
			start = from
		}
		if start < 0 {
			return
		}
		for i := range items {
			k := p.pos(items[i].col)
			if k >= start && k < n && numericKind(p.layout.Cells[k].Kind) {
				items[i].evidence = true
			}
		}
	})
}

func isTotal(s string) bool { return totalRe.MatchString(s) && len(s) < 80 }

func numericKind(k loaders.CellKind) bool {
	return k == loaders.Count || k == loaders.Ratio || k == loaders.Money || k == loaders.MoneyOrText
}

// decision is how the numbers of a sheet are written and read.
type decision struct {
	conv         loaders.Convention // passed to ParseCSV
	mark         byte               // decimal mark of number cells
	reason       string             // replaces ParseCSV's reason, if set
	placeholders bool               // number cells with a fraction in number columns written "0"
}

// decide picks the convention from the text cells (see ParseCells).
func (p *sheetTable) decide(given loaders.Convention) decision {
	switch given {
	case loaders.DotThousands:
		return decision{conv: given, mark: ','}
	case loaders.CommaThousands:
		return decision{conv: given, mark: '.'}
	}
	var first [3]*item
	ambiguous, fractions := false, false
	for i := range p.items {
		it := &p.items[i]
		if !it.evidence {
			continue
		}
		if it.number {
			fractions = fractions || it.fraction
			continue
		}
		ev, amb := numtext.Evidence(numberPart(loaders.CleanText(it.text)))
		ambiguous = ambiguous || amb
		if ev != loaders.Undecided && first[ev] == nil {
			first[ev] = it
		}
	}
	dot, comma := first[loaders.DotThousands], first[loaders.CommaThousands]
	switch {
	case dot != nil && comma != nil:
		// ParseCSV reports the mixture; the number cells take the
		// convention of the first text figure.
		mark := byte('.')
		if dot.row < comma.row || (dot.row == comma.row && dot.col < comma.col) {
			mark = ','
		}
		return decision{conv: loaders.Undecided, mark: mark}
	case dot != nil:
		return decision{conv: loaders.DotThousands, mark: ',', reason: p.detected(dot)}
	case comma != nil:
		return decision{conv: loaders.CommaThousands, mark: '.', reason: p.detected(comma)}
	case !fractions:
		return decision{conv: loaders.Undecided, mark: '.'}
	case ambiguous:
		return decision{conv: loaders.Undecided, mark: '.', placeholders: true}
	}
	return decision{conv: loaders.CommaThousands, mark: '.', reason: reasonNumbersOnly}
}

func (p *sheetTable) detected(it *item) string {
	return fmt.Sprintf("detected from %q at %s!%s (a cell typed as text)", loaders.CleanText(it.text), xlsxio.Ref(p.sheet, ""), cellRef(it.col, it.row))
}

// numberPart is the leading number of "990,277 triệu đồng".
func numberPart(s string) string {
	i := 0
	for i < len(s) && strings.IndexByte("0123456789.,+-%", s[i]) >= 0 {
		i++
	}
	return strings.TrimSpace(s[:i])
}

// csv writes the records: line r is sheet row r, every field quoted, line
// breaks inside a cell turned into spaces (CleanText would do the same).
func (p *sheetTable) csv(d decision) []byte {
	var b bytes.Buffer
	line := 1
	p.rows(func(row int, items []item) {
		for ; line < row; line++ {
			b.WriteByte('\n')
		}
		next := 0 // position of the next field
		for _, it := range items {
			k := p.pos(it.col)
			if k < 0 {
				continue // cannot happen: the offset is the first column used
			}
			for ; next <= k; next++ {
				if next > 0 {
					b.WriteByte(',')
				}
				if next < k {
					b.WriteString(`""`)
				}
			}
			text := it.text
			switch {
			case it.number && it.fraction && d.placeholders && it.evidence:
				text = "0"
			case it.number && d.mark == ',':
				text = strings.Replace(text, ".", ",", 1)
			}
			text = strings.NewReplacer("\r", " ", "\n", " ", `"`, `""`).Replace(text)
			b.WriteString(`"` + text + `"`)
		}
		b.WriteByte('\n')
		line++
	})
	return b.Bytes()
}

// join turns the errors of ParseCSV into CellErrors and joins them with
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
		t := loaders.CleanText(it.text)
		if t == text || (it.number && strings.Replace(t, ".", ",", 1) == text) {
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

func cellRef(col, row int) string {
	return xlsxio.SheetCell{Row: row, Col: col}.Ref()
}
