package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/numtext"
	"github.com/ictplan/ictplan/vntext"
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
	// MaxErrors caps the errors a parse reports (ErrorList.SetMax): 0 is
	// DefaultMaxErrors (100), a negative number no cap.
	MaxErrors int
}

// ErrorList returns an empty error list for the options' file, capped at
// MaxErrors.
func (o Options) ErrorList() *ErrorList {
	l := NewErrorList(o.File)
	switch {
	case o.MaxErrors > 0:
		l.SetMax(o.MaxErrors)
	case o.MaxErrors < 0:
		l.SetMax(0)
	}
	return l
}

// Table is a parsed table: its data rows as a Frame and its reported totals
// as claims for reconciliation (they are not data rows).
type Table struct {
	Frame  *frame.Frame
	Totals []Total
	// Means are the reported rows of means ("Tỷ lệ trung bình"), kept as
	// claims as totals are: a figure of such a row is the mean of its
	// column over the rows it covers.
	Means []Total
	// Convention used for the numbers, and why.
	Convention       Convention
	ConventionReason string
	// MoneyUnit the Money cells were written in.
	MoneyUnit MoneyUnit
	Layout    string
	File      string
	// FirstLine and LastLine bound the table in the source.
	FirstLine, LastLine int
	// Columns is how the table's columns were matched to the layout by
	// their headers; nil when it was read by position.
	Columns *ColumnMatch
	// Notes are the notes written under the table's rows, a row of one
	// cell that begins "Nguồn", "Ghi chú", "Chú thích", "Lưu ý" or "(*)"
	// (its source, a remark): kept as written, not read as data.
	Notes []Note
}

// A Note is a line of text written under a table: its line (a sheet's
// row) and its text.
type Note struct {
	Line int
	Text string
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
	// Scale is the power of ten from the figure as written to Value: 3
	// for a figure written in tỷ đồng in a column of million đồng, −6 for
	// one in đồng, −2 for a percentage in a column of ratios. The figure
	// is rounded to 10^(Scale−Decimals) of its column's unit.
	Scale  int
	IsText bool
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
	scope string // the key a matrix's total or mean covers ("" otherwise)
}

type rowKind int

const (
	dataRow rowKind = iota
	totalRow
	meanRow
	noteRow // a note written under the table: "Nguồn: …", "Ghi chú: …"
)

var (
	sectionRe = regexp.MustCompile(`^([IVXLC]+|[A-Z])\s*[.)]\s*\S`)
	totalRe   = regexp.MustCompile(`^(?i:tổng|cộng|toàn tỉnh|cả tỉnh)`)
	unitRe    = regexp.MustCompile(`^\(?\s*(?i:đơn vị tính|đơn vị|đvt)\s*:\s*(.+?)\s*\)?$`)
	digitsRe  = regexp.MustCompile(`^[0-9]{1,5}$`)
	yearRe    = regexp.MustCompile(`^(?:19|20)[0-9]{2}$`)
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

// isTotalLabel reports a label that begins a total row of the layout's
// tables (Layout.TotalLabels, or isTotal).
func isTotalLabel(s string, l Layout) bool {
	if l.TotalLabels == nil {
		return isTotal(s)
	}
	return hasLabelPrefix(s, l.TotalLabels)
}

// isMeanLabel reports a label that begins a row of means (Layout.MeanLabels
// or DefaultMeanLabels).
func isMeanLabel(s string, l Layout) bool {
	labels := l.MeanLabels
	if labels == nil {
		labels = DefaultMeanLabels
	}
	return hasLabelPrefix(s, labels)
}

// hasLabelPrefix reports whether s, folded, begins with one of labels,
// folded, followed by the end or a non-letter (so that "Cộng" does not
// begin "Cộng đồng").
func hasLabelPrefix(s string, labels []string) bool {
	if len(s) >= 80 {
		return false
	}
	fs := vntext.Fold(s)
	for _, l := range labels {
		fl := vntext.Fold(CleanText(l))
		if fl == "" || !strings.HasPrefix(fs, fl) {
			continue
		}
		rest := fs[len(fl):]
		if rest == "" || !unicode.IsLetter([]rune(rest)[0]) {
			return true
		}
	}
	return false
}

func isNumberLike(s string) bool {
	if IsDash(s) {
		return true
	}
	n, _ := splitUnit(s)
	return n != "" && numtext.BareNumber(n) != ""
}

// ParseText parses a table in the "one cell per line" text form (see
// SplitCells) with a layout. With Options.Appendix it first finds that
// appendix in the document.
//
// Data rows start with their row number and are numbered in sequence (1, 2,
// 3 ...; the numbering may restart at 1 after a section heading or a total
// row): a row out of sequence is an ErrUnexpectedCell, since a cell lost,
// added or moved across a row boundary can leave every row with the right
// number of cells.
func ParseText(text []byte, l Layout, o Options) (*Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if l.Form != CellPerLine {
		if l.Read == nil {
			return nil, fmt.Errorf("layout %q reads %s and has no reader (Layout.Read)", l.Name, l.Form)
		}
		return l.Read(text, l, o)
	}
	cells, err := splitCells(o.File, text, l.EmptyLines)
	if err != nil {
		return nil, err
	}
	return ParseCells(cells, l, o)
}

// ParseCells is ParseText on cells already split by SplitCells (to parse
// several appendices of one document without splitting it again).
func ParseCells(cells []Cell, l Layout, o Options) (*Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if l.Form != CellPerLine {
		return nil, fmt.Errorf("layout %q reads %s, not cells: use ParseText", l.Name, l.Form)
	}
	if k := l.Cells[0].Kind; k != RowNumber || l.Matrix != nil {
		what := "a matrix"
		if k != RowNumber {
			what = "rows keyed by " + keyWord(k)
		}
		return nil, fmt.Errorf("layout %q reads %s: such a table is read from a table with columns (CSV, XLSX, DOCX, PDF), not from one-cell-per-line text", l.Name, what)
	}
	if len(l.EmptyTexts) > 0 {
		cells = blankEmptyTexts([][]Cell{cells}, l.EmptyTexts)[0]
	}
	var err error
	if o.Appendix == "" {
		if ids := appendixIDs(cells); len(ids) > 1 {
			return nil, &Error{File: o.File, Line: cells[0].Line, Err: ErrMissingAppendix,
				Expected: fmt.Sprintf("a choice of appendix (Options.Appendix, ictplan parse --appendix): the text holds appendices %s", strings.Join(ids, ", "))}
		}
	}
	if o.Appendix != "" {
		if cells, err = FindAppendix(o.File, cells, o.Appendix); err != nil {
			return nil, err
		}
	}
	errs := o.ErrorList()
	rows, unit := segmentCells(cells, l, errs)
	return buildTable(rows, unit, cells, l, o, errs)
}

// segmentCells cuts a cell stream into rows by the layout's cell count,
// checking every row boundary.
func segmentCells(cells []Cell, l Layout, errs *ErrorList) ([]rawRow, string) {
	sg := &segmenter{cells: cells, l: l, n: len(l.Cells), errs: errs, want: 1, restart: true}
	sg.textSecond = len(l.Cells) > 1 && l.Cells[1].Kind == Text
	unit, start, strayNumber := sg.header()
	sg.inBody = true
	if start == len(cells) {
		line := 0
		if len(cells) > 0 {
			line = cells[0].Line
		}
		errs.Add(&Error{Line: line, Err: ErrTruncated, Expected: fmt.Sprintf("data rows starting with a row number (layout %s)", l.Name)})
		return nil, unit
	}
	i := start
	for i < len(cells) {
		c := cells[i]
		switch {
		case c.Empty():
			i++ // an empty cell between rows carries no figure
		case l.Sections && isSection(c.Text):
			sg.group = c.Text
			sg.restart = true
			i++
		case sg.totalAt(i):
			i = sg.totalRow(i)
		case digitsRe.MatchString(c.Text):
			next, ok := sg.dataRow(i, strayNumber)
			if !ok {
				return sg.rows, unit
			}
			i = next
		default:
			j := sg.resync(i)
			errs.Add(&Error{Line: c.Line, Text: c.Text, Err: ErrUnexpectedCell, Expected: "a row number, a section heading or a total row"})
			i = j
		}
	}
	return sg.rows, unit
}

// segmenter is the state of segmentCells.
//
// Rows are numbered in sequence: 1, 2, 3 ... The numbering may restart at
// 1 at the start of the table, after a section heading and after a total
// row. A row out of sequence means cells were lost, added or moved across
// a row boundary, which the cell count alone cannot always see.
type segmenter struct {
	cells      []Cell
	l          Layout
	n          int // cells of a row
	textSecond bool
	errs       *ErrorList
	inBody     bool // past the header
	want       int  // the number the next row should have; 0 = any
	restart    bool // whether 1 is also acceptable
	group      string
	rows       []rawRow
}

func (sg *segmenter) isText(c Cell) bool { return !c.Empty() && !isNumberLike(c.Text) }

// plausible: a row number at i (followed by a text when the layout's second
// cell is one).
func (sg *segmenter) plausible(i int) bool {
	cells := sg.cells
	if i >= len(cells) || !digitsRe.MatchString(cells[i].Text) {
		return false
	}
	if sg.textSecond {
		return i+1 < len(cells) && sg.isText(cells[i+1])
	}
	return true
}

// totalAt: a total label followed by a figure (a header cell such as "Tổng
// số CB trong ĐV" is followed by more header text). After the header the
// label alone is enough, so that a total whose first figure is not a
// number is still read as a total (and its figure reported).
func (sg *segmenter) totalAt(i int) bool {
	cells := sg.cells
	if i >= len(cells) || !isTotal(cells[i].Text) {
		return false
	}
	if sg.inBody {
		return true
	}
	for j := i + 1; j < len(cells); j++ {
		if !cells[j].Empty() {
			// A header cell such as "Tổng số cán bộ" right before the
			// first row is followed by that row's number.
			return isNumberLike(cells[j].Text) && !(sg.textSecond && sg.plausible(j))
		}
	}
	return false
}

func (sg *segmenter) boundary(i int) bool {
	if i >= len(sg.cells) {
		return true
	}
	return (sg.l.Sections && isSection(sg.cells[i].Text)) || sg.totalAt(i) || sg.plausible(i)
}

func (sg *segmenter) inSequence(no int) bool {
	return sg.want == 0 || no == sg.want || (sg.restart && no == 1)
}

// rowAt: a plausible row start whose number may come next (after a total,
// that is the expected number or 1).
func (sg *segmenter) rowAt(j int) bool {
	if !sg.plausible(j) {
		return false
	}
	no, _ := strconv.Atoi(sg.cells[j].Text)
	return sg.want == 0 || no == sg.want || no == 1
}

// resync finds the next boundary after i: the row with the expected
// number, else the next section heading or total row (the numbering is
// then unknown).
func (sg *segmenter) resync(i int) int {
	for j := i + 1; j < len(sg.cells); j++ {
		t := sg.cells[j].Text
		if (sg.l.Sections && isSection(t)) || sg.totalAt(j) {
			sg.want = 0
			return j
		}
		if sg.plausible(j) && (sg.want == 0 || t == strconv.Itoa(sg.want)) {
			return j
		}
	}
	sg.want = 0
	return len(sg.cells)
}

// header reads up to the first section heading, total or plausible row:
// the unit an "Đơn vị tính" cell names, where the body starts, and the
// first figure met in the header (a row that lost its number or name).
func (sg *segmenter) header() (unit string, start int, strayNumber *Cell) {
	cells := sg.cells
	for start < len(cells) && !sg.boundary(start) {
		if m := unitRe.FindStringSubmatch(cells[start].Text); m != nil {
			unit = m[1]
		} else if strayNumber == nil && !cells[start].Empty() && isNumberLike(cells[start].Text) {
			c := cells[start]
			strayNumber = &c
		}
		start++
	}
	return unit, start, strayNumber
}

// totalRow reads the total row whose label is at i and returns where the
// next row starts.
func (sg *segmenter) totalRow(i int) int {
	cells, n, c := sg.cells, sg.n, sg.cells[i]
	j := i + 1
	for j < len(cells) && !((sg.l.Sections && isSection(cells[j].Text)) || sg.totalAt(j) || sg.rowAt(j)) {
		j++
	}
	from := sg.l.totalFrom()
	vals := cells[i+1 : j]
	aligned := make([]Cell, n)
	for k := range aligned {
		aligned[k] = Cell{Line: c.Line}
	}
	for k, v := range vals {
		if from+k < n {
			aligned[from+k] = v
		} else if !v.Empty() {
			sg.errs.Add(&Error{Line: v.Line, Text: v.Text, Err: ErrCellCount, Expected: fmt.Sprintf("at most %d cells after the total label %q", n-from, c.Text)})
		}
	}
	sg.rows = append(sg.rows, rawRow{kind: totalRow, line: c.Line, cells: aligned, label: c.Text, group: sg.group})
	sg.restart = true
	return j
}

// dataRow reads the data row whose number is at i and returns where the
// next row starts; ok is false when the table ends inside the row.
func (sg *segmenter) dataRow(i int, strayNumber *Cell) (next int, ok bool) {
	cells, n, c, l, errs := sg.cells, sg.n, sg.cells[i], sg.l, sg.errs
	no, _ := strconv.Atoi(c.Text) // at most five digits
	if i+n > len(cells) {
		errs.Add(&Error{Line: c.Line, Text: c.Text, Err: ErrTruncated, Expected: fmt.Sprintf("%d cells in row %s, found %d before the end of the table", n, c.Text, len(cells)-i)})
		return 0, false
	}
	if !sg.inSequence(no) {
		switch {
		case len(sg.rows) == 0 && strayNumber != nil:
			errs.Add(&Error{Line: strayNumber.Line, Text: strayNumber.Text, Err: ErrUnexpectedCell,
				Expected: fmt.Sprintf("header text before the first row (the first row found is numbered %s, at line %d: a row before it may have lost its number or name)", c.Text, c.Line)})
		case sg.restart && sg.want != 1:
			errs.Add(&Error{Line: c.Line, Text: c.Text, Err: ErrUnexpectedCell,
				Expected: fmt.Sprintf("the row numbered %d or 1 (rows are numbered in sequence)", sg.want)})
		default:
			errs.Add(&Error{Line: c.Line, Text: c.Text, Err: ErrUnexpectedCell,
				Expected: fmt.Sprintf("the row numbered %d (rows are numbered in sequence)", sg.want)})
		}
	}
	// The row is complete when a boundary follows it, or when the next row
	// number in sequence is the last cell (that row was cut off: reported
	// as truncated on the next turn).
	complete := sg.boundary(i+n) || (i+n == len(cells)-1 && cells[i+n].Text == strconv.Itoa(no+1))
	if !complete {
		sg.want, sg.restart = no+1, false
		j := sg.resync(i)
		errs.Add(&Error{Line: c.Line, Text: c.Text, Err: ErrCellCount,
			Expected: fmt.Sprintf("%d cells in the row numbered %s (layout %s), found %d before the next row at line %d", n, c.Text, l.Name, j-i, lineAt(cells, j))})
		return j, true
	}
	sg.rows = append(sg.rows, rawRow{kind: dataRow, line: c.Line, cells: cells[i : i+n], group: sg.group})
	if sg.inSequence(no) {
		sg.want = no + 1
	} else {
		sg.want = 0 // one report is enough: take the next row as it comes
	}
	sg.restart = false
	return i + n, true
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

// TotalsFrame returns the reported totals as a claims Frame (the columns
// of frame.ClaimFields: label, scope, column, value, text, decimals,
// source_line), one row per reported figure. meta is its schema metadata.
// decimals is the precision of the figure in its column's unit (Decimals −
// Scale): a total written "33,4" in a table in tỷ đồng is 33.400 million
// đồng to −2 decimals (to the hundred million), so that it is checked to
// ± 50 million đồng, half a unit of its last written digit; a total in
// đồng is checked to ± 0,5 đồng.
func (t *Table) TotalsFrame(meta map[string]string) (*frame.Frame, error) {
	return claimsFrame(t.Totals, meta)
}

// MeansFrame returns the reported means (Table.Means) as a claims Frame
// of the same columns as TotalsFrame.
func (t *Table) MeansFrame(meta map[string]string) (*frame.Frame, error) {
	return claimsFrame(t.Means, meta)
}

func claimsFrame(totals []Total, meta map[string]string) (*frame.Frame, error) {
	b := frame.NewBuilder(meta, frame.ClaimFields())
	defer b.Release()
	for _, tot := range totals {
		for _, v := range tot.Values {
			var val any
			if !v.IsText {
				val = v.Value
			}
			if err := b.AppendRow(tot.Label, tot.Group, v.Column, val, v.Text, int64(v.Decimals-v.Scale), int64(v.Line)); err != nil {
				return nil, err
			}
		}
	}
	return b.Frame()
}

// appendixIDs lists the appendix headings of a text, in order.
func appendixIDs(cells []Cell) []string {
	var ids []string
	for _, c := range cells {
		if id := AppendixID(c.Text); id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// UnitLine returns the unit an "Đơn vị tính: …" (or "ĐVT: …") line of a
// table names, and whether text is such a line.
func UnitLine(text string) (string, bool) {
	if m := unitRe.FindStringSubmatch(text); m != nil {
		return m[1], true
	}
	return "", false
}
