package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/frame"
)

// Options control a table parse.
type Options struct {
	// File names the source in diagnostics and in the Frame's metadata.
	File string
	// Convention of the numbers; Undecided detects it from the table's
	// tokens and reports ambiguous ones.
	Convention Convention
	// Unit of Money cells, overriding the layout and any "Đơn vị tính"
	// line: "đồng", "triệu đồng", "tỷ đồng" ... ("" keeps them).
	Unit string
	// Appendix, if set, selects the table under the heading "PHỤ LỤC
	// <Appendix>" of a text document; otherwise the whole input is the
	// table.
	Appendix string
	// Meta is added to the Frame's schema metadata (dataset id, document,
	// province ...).
	Meta map[string]string
	// Allocator for the Frame (nil: memory.DefaultAllocator).
	Allocator memory.Allocator
}

// Table is a parsed table: its data rows as a Frame and its reported totals
// as claims for reconciliation (they are not data rows).
type Table struct {
	Frame  *frame.Frame
	Totals []Total
	// Convention used for the numbers, and why.
	Convention       Convention
	ConventionReason string
	// MoneyUnit the Money cells were written in.
	MoneyUnit MoneyUnit
	Layout    string
	File      string
	// FirstLine and LastLine bound the table in the source.
	FirstLine, LastLine int
}

// Release releases the Frame.
func (t *Table) Release() {
	if t != nil && t.Frame != nil {
		t.Frame.Release()
	}
}

// Total is a reported total row ("TỔNG CỘNG"), kept as a claim.
type Total struct {
	Label  string
	Line   int
	Group  string // the section a subtotal ("Cộng") closes; "" for a grand total ("TỔNG CỘNG")
	Values []TotalValue
}

// TotalValue is one reported figure of a total row.
type TotalValue struct {
	Column   string  // output column it totals
	Value    float64 // in the column's unit (million đồng for money)
	Text     string  // as written
	Line     int
	Decimals int // digits written after the decimal mark
	IsText   bool
}

// Get returns the reported value for a column.
func (t Total) Get(column string) (TotalValue, bool) {
	for _, v := range t.Values {
		if v.Column == column {
			return v, true
		}
	}
	return TotalValue{}, false
}

// rawRow is a segmented row before typing.
type rawRow struct {
	kind  rowKind
	line  int
	cells []Cell // for data and total rows: aligned to layout cells
	label string // total label or section heading
	group string
}

type rowKind int

const (
	dataRow rowKind = iota
	totalRow
)

var (
	sectionRe = regexp.MustCompile(`^([IVXLC]+|[A-Z])\s*[.)]\s*\S`)
	totalRe   = regexp.MustCompile(`^(?i:tổng|cộng)`)
	unitRe    = regexp.MustCompile(`^\(?\s*(?i:đơn vị tính|đvt)\s*:\s*(.+?)\s*\)?$`)
	digitsRe  = regexp.MustCompile(`^[0-9]{1,5}$`)
)

// isSection reports a heading such as "I. CÁC SỞ, NGÀNH TỈNH": a Roman
// numeral or capital letter, a dot, and upper-case text.
func isSection(s string) bool {
	if !sectionRe.MatchString(s) || len(s) > 200 {
		return false
	}
	return strings.ToUpper(s) == s
}

func isTotal(s string) bool { return totalRe.MatchString(s) && len(s) < 80 }

func isNumberLike(s string) bool {
	if isDash(s) {
		return true
	}
	n, _ := splitUnit(s)
	return n != "" && bareNumber(n) != ""
}

// ParseText parses a table in the "one cell per line" text form (see
// SplitCells) with a layout. With Options.Appendix it first finds that
// appendix in the document.
func ParseText(text []byte, l Layout, o Options) (*Table, error) {
	if err := l.validate(); err != nil {
		return nil, err
	}
	cells, err := SplitCells(o.File, text)
	if err != nil {
		return nil, err
	}
	if o.Appendix != "" {
		if cells, err = FindAppendix(o.File, cells, o.Appendix); err != nil {
			return nil, err
		}
	}
	errs := &errorList{file: o.File}
	rows, unit := segmentCells(cells, l, errs)
	return buildTable(rows, unit, cells, l, o, errs)
}

// segmentCells cuts a cell stream into rows by the layout's cell count,
// checking every row boundary.
func segmentCells(cells []Cell, l Layout, errs *errorList) ([]rawRow, string) {
	n := len(l.Cells)
	textSecond := len(l.Cells) > 1 && l.Cells[1].Kind == Text
	isText := func(c Cell) bool { return !c.Empty() && !isNumberLike(c.Text) }
	plausible := func(i int) bool {
		if i >= len(cells) || !digitsRe.MatchString(cells[i].Text) {
			return false
		}
		if textSecond {
			return i+1 < len(cells) && isText(cells[i+1])
		}
		return true
	}
	// totalAt: a total label followed by a figure (a header cell such as
	// "Tổng số CB trong ĐV" is followed by more header text).
	totalAt := func(i int) bool {
		if i >= len(cells) || !isTotal(cells[i].Text) {
			return false
		}
		for j := i + 1; j < len(cells); j++ {
			if !cells[j].Empty() {
				return isNumberLike(cells[j].Text)
			}
		}
		return false
	}
	boundary := func(i int) bool {
		if i >= len(cells) {
			return true
		}
		return (l.Sections && isSection(cells[i].Text)) || totalAt(i) || plausible(i)
	}
	// header: up to the first section heading, total or plausible row
	unit := ""
	start := 0
	for start < len(cells) && !boundary(start) {
		if m := unitRe.FindStringSubmatch(cells[start].Text); m != nil {
			unit = m[1]
		}
		start++
	}
	if start == len(cells) {
		line := 0
		if len(cells) > 0 {
			line = cells[0].Line
		}
		errs.add(&Error{Line: line, Err: ErrTruncated, Expected: fmt.Sprintf("data rows starting with a row number (layout %s)", l.Name)})
		return nil, unit
	}
	var rows []rawRow
	group := ""
	next := 0 // expected next row number, 0 = any
	// resync finds the next boundary after i, preferring the expected row
	// number.
	resync := func(i int) int {
		for j := i + 1; j < len(cells); j++ {
			t := cells[j].Text
			if (l.Sections && isSection(t)) || totalAt(j) {
				return j
			}
			if plausible(j) && (next == 0 || t == strconv.Itoa(next)) {
				return j
			}
		}
		return len(cells)
	}
	i := start
	for i < len(cells) {
		c := cells[i]
		switch {
		case c.Empty():
			i++ // an empty cell between rows carries no figure
		case l.Sections && isSection(c.Text):
			group = c.Text
			i++
		case totalAt(i):
			j := i + 1
			for j < len(cells) && !((l.Sections && isSection(cells[j].Text)) || totalAt(j) || plausible(j)) {
				j++
			}
			from := l.totalFrom()
			vals := cells[i+1 : j]
			aligned := make([]Cell, n)
			for k := range aligned {
				aligned[k] = Cell{Line: c.Line}
			}
			for k, v := range vals {
				if from+k < n {
					aligned[from+k] = v
				} else if !v.Empty() {
					errs.add(&Error{Line: v.Line, Text: v.Text, Err: ErrCellCount, Expected: fmt.Sprintf("at most %d cells after the total label %q", n-from, c.Text)})
				}
			}
			rows = append(rows, rawRow{kind: totalRow, line: c.Line, cells: aligned, label: c.Text, group: group})
			i = j
		case digitsRe.MatchString(c.Text):
			if i+n > len(cells) {
				errs.add(&Error{Line: c.Line, Text: c.Text, Err: ErrTruncated, Expected: fmt.Sprintf("%d cells in row %s, found %d before the end of the table", n, c.Text, len(cells)-i)})
				return rows, unit
			}
			if !boundary(i + n) {
				j := resync(i)
				errs.add(&Error{Line: c.Line, Text: c.Text, Err: ErrCellCount,
					Expected: fmt.Sprintf("%d cells in the row numbered %s (layout %s), found %d before the next row at line %d", n, c.Text, l.Name, j-i, lineAt(cells, j))})
				i = j
				if no, err := strconv.Atoi(c.Text); err == nil {
					next = no + 1
				}
				continue
			}
			rows = append(rows, rawRow{kind: dataRow, line: c.Line, cells: cells[i : i+n], group: group})
			if no, err := strconv.Atoi(c.Text); err == nil {
				next = no + 1
			}
			i += n
		default:
			j := resync(i)
			errs.add(&Error{Line: c.Line, Text: c.Text, Err: ErrUnexpectedCell, Expected: "a row number, a section heading or a total row"})
			i = j
		}
	}
	return rows, unit
}

func lineAt(cells []Cell, j int) int {
	if j < len(cells) {
		return cells[j].Line
	}
	if len(cells) > 0 {
		return cells[len(cells)-1].Line
	}
	return 0
}

// TotalsFrame returns the reported totals as a Frame, one row per reported
// figure, with the columns label, scope, column, value, text, decimals and
// source_line (the claims form package analysis/reconcile reads). meta is its
// schema metadata.
func (t *Table) TotalsFrame(meta map[string]string) (*frame.Frame, error) {
	b := frame.NewBuilder(nil, meta,
		frame.FieldSpec{Name: "label", Kind: frame.String, LabelVI: "Dòng tổng"},
		frame.FieldSpec{Name: "scope", Kind: frame.String, LabelVI: "Phạm vi (đề mục)"},
		frame.FieldSpec{Name: "column", Kind: frame.String, LabelVI: "Cột"},
		frame.FieldSpec{Name: "value", Kind: frame.Float64, LabelVI: "Số liệu báo cáo"},
		frame.FieldSpec{Name: "text", Kind: frame.String, LabelVI: "Số liệu như ghi trong văn bản"},
		frame.FieldSpec{Name: "decimals", Kind: frame.Int64, LabelVI: "Số chữ số thập phân"},
		frame.FieldSpec{Name: "source_line", Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"})
	defer b.Release()
	for _, tot := range t.Totals {
		for _, v := range tot.Values {
			var val any
			if !v.IsText {
				val = v.Value
			}
			if err := b.AppendRow(tot.Label, tot.Group, v.Column, val, v.Text, int64(v.Decimals), int64(v.Line)); err != nil {
				return nil, err
			}
		}
	}
	return b.Frame()
}
