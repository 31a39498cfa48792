package loaders

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ictplan/ictplan/numtext"
	"github.com/ictplan/ictplan/vntext"
)

// ParseCSV parses a table given as CSV, one source row per record, the cells
// in the layout's order (the row number first): ParseRows on the records.
// A quote left open is an ErrUnexpectedCell at the line where its field
// starts.
func ParseCSV(r io.Reader, l Layout, o Options) (*Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxInputBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxInputBytes {
		return nil, &Error{File: o.File, Err: ErrLimit, Expected: fmt.Sprintf("at most %d bytes", MaxInputBytes)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, &Error{File: o.File, Line: line, Err: ErrEncoding, Expected: "UTF-8 text"}
	}
	cr := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	cr.FieldsPerRecord = -1
	var records [][]Cell
	total := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				e := &Error{File: o.File, Line: pe.StartLine, Err: ErrUnexpectedCell, Expected: "well-formed CSV (" + pe.Err.Error() + ")"}
				if errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line {
					e.Expected = fmt.Sprintf("well-formed CSV (the quote that opens the field on line %d is not closed before line %d)", pe.StartLine, pe.Line)
				}
				return nil, e
			}
			return nil, err
		}
		cells := make([]Cell, len(rec))
		for i, f := range rec {
			fl, _ := cr.FieldPos(i)
			cells[i] = Cell{Line: fl, Text: CleanText(f)}
		}
		if total += len(cells); total > MaxCells {
			return nil, &Error{File: o.File, Line: cells[0].Line, Err: ErrLimit, Expected: fmt.Sprintf("at most %d cells", MaxCells)}
		}
		records = append(records, cells)
	}
	return ParseRows(records, l, o)
}

// ParseRows parses a table given as rows of cells, the cells in the
// layout's order (the row number first), as ParseCSV reads them from a CSV
// file and package loaders/xlsxinput from a worksheet. Each cell carries
// its line (the row's line or sheet row); an error about the k-th cell of a
// row has Cell k+1.
//
// Rows before the first data row are the header (an "Đơn vị tính: …" cell
// there sets the money unit; a row of column numbers 1, 2, 3 … is header
// too); a row whose only text is a heading such as "I. CÁC SỞ, NGÀNH TỈNH"
// opens a section; a row labelled "TỔNG CỘNG" (in its first or second
// cell) is a reported total, its figures in the same columns as the data.
// Empty rows and trailing empty cells are ignored; a data row with more or
// fewer cells than the layout is an ErrCellCount at its line.
//
// A table whose header names the layout's cells in another order, with
// columns of its own or without an optional cell, is read by its headers
// (MatchHeaders): each cell from the column its header names, the other
// columns kept as text columns extra_1, extra_2 …; Table.Columns says how.
// A header that names some cells in other columns but not all the
// required ones is an ErrHeaders naming what it found. Data rows are
// numbered in sequence as in ParseText (1, 2, 3 …, restarting at 1 at the
// start, after a section heading or a total row): a row out of sequence is
// an ErrUnexpectedCell. Cells marked Number are read exactly (Plain),
// whatever the table's convention, and are no evidence of it.
func ParseRows(records [][]Cell, l Layout, o Options) (*Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if l.Form != CellPerLine {
		if l.ReadCells == nil {
			return nil, fmt.Errorf("%w: layout %q reads %s, not a table of cells", ErrUnknownLayout, l.Name, l.Form)
		}
		return l.ReadCells(records, l, o)
	}
	if len(l.EmptyTexts) > 0 {
		records = blankEmptyTexts(records, l.EmptyTexts)
	}
	match, err := MatchHeaders(records, l)
	if err != nil {
		line := 0
		if match != nil && len(match.HeaderLines) > 0 {
			line = match.HeaderLines[0]
		}
		return nil, &Error{File: o.File, Line: line, Err: ErrHeaders, Expected: strings.TrimPrefix(err.Error(), ErrHeaders.Error()+" ")}
	}
	if match != nil {
		l, records = match.Apply(records, l)
	}
	t, err := parseRows(records, l, o, match)
	if t != nil {
		t.Columns = match
	}
	return t, err
}

// blankEmptyTexts returns records with the cells that write one of the
// layout's empty forms made empty.
func blankEmptyTexts(records [][]Cell, forms []string) [][]Cell {
	folded := make(map[string]bool, len(forms))
	for _, f := range forms {
		folded[vntext.Fold(CleanText(f))] = true
	}
	out := make([][]Cell, len(records))
	for i, cells := range records {
		out[i] = cells
		for k, c := range cells {
			if c.Text != "" && folded[vntext.Fold(c.Text)] {
				if out[i] == nil || &out[i][0] == &cells[0] {
					out[i] = append([]Cell(nil), cells...)
				}
				out[i][k] = Cell{Line: c.Line}
			}
		}
	}
	return out
}

func parseRows(records [][]Cell, l Layout, o Options, match *ColumnMatch) (*Table, error) {
	errs := o.ErrorList()
	body := bodyStart(records, l, match)
	var mcols []matrixColumn
	var matrix Matrix
	if l.Matrix != nil {
		matrix = *l.Matrix
		var err error
		if l, mcols, err = matrixColumns(records, l, match, body, o); err != nil {
			return nil, err
		}
	}
	rows, unit, bounds, percentCols, err := collectRows(records, l, o, body, errs)
	if err != nil || rows == nil && errs.Err() != nil {
		if err == nil {
			err = errs.Err()
		}
		return nil, err
	}
	if len(percentCols) > 0 {
		// a ratio column whose header says "%": its bare figures are
		// percentages (87,5 is 0,875) — unless every one is at most 1,5,
		// which reads as ratios as well as percentages: an error
		l.Cells = append([]CellSpec(nil), l.Cells...)
		for k := range percentCols {
			if l.Cells[k].Unit == UnitPercent {
				continue
			}
			big, small := percentFigures(rows, k)
			switch {
			case big > 0:
				l.Cells[k].percentWritten = true
			case small != nil:
				errs.Add(&Error{Line: small.Line, Cell: k + 1, Column: l.Cells[k].Name, Text: small.Text, Err: ErrAmbiguousNumber,
					Expected: "a percentage with its % sign, or a ratio under a header without %: the column's header says %, and every figure of it is at most 1,5, so 0,75 could be 75% or 0,75%"})
			}
		}
	}
	if mcols != nil {
		var scope string
		l, rows, scope = longRows(l, matrix, rows, mcols, errs)
		meta := map[string]string{"scope_column": scope}
		for k, v := range o.Meta {
			meta[k] = v
		}
		o.Meta = meta
	}
	return buildTable(rows, unit, bounds, l, o, errs)
}

// bodyStart returns the index of the record where the table's body begins
// for a layout whose rows are keyed by a name: after the header that was
// matched, else at the first row with a figure in one of the layout's
// number cells (or, for a matrix, in a column after them). For other keys
// the rows tell by their first cell, and it returns 0.
func bodyStart(records [][]Cell, l Layout, match *ColumnMatch) int {
	if l.Cells[0].Kind != Text {
		return 0
	}
	if match != nil && len(match.HeaderLines) > 0 {
		last := match.HeaderLines[len(match.HeaderLines)-1]
		for i, cells := range records {
			if lineOf(cells) > last {
				return i
			}
		}
		return len(records)
	}
	for i, cells := range records {
		for k, c := range cells {
			if k == 0 || c.Empty() {
				continue
			}
			numeric := k >= len(l.Cells) && l.Matrix != nil
			if k < len(l.Cells) {
				numeric = numericKind(l.Cells[k].Kind)
			}
			if numeric && (c.Number || isNumberLike(c.Text)) && !columnNumbers(cells) {
				return i
			}
		}
	}
	return len(records)
}

// rowLabel returns the label of a total or mean row (in its first cell, or
// in its second after an empty first) and the kind of row, or ok false.
func rowLabel(cells []Cell, l Layout) (label string, kind rowKind, ok bool) {
	for i, c := range cells {
		if i > 1 || (i == 1 && cells[0].Text != "") {
			break
		}
		switch {
		case c.Text == "":
			continue
		case isTotalLabel(c.Text, l):
			return c.Text, totalRow, true
		case isMeanLabel(c.Text, l):
			return c.Text, meanRow, true
		}
		break
	}
	return "", 0, false
}

// collectRows sorts the records into header, section headings, data rows,
// totals and means, checking the data rows' keys.
func collectRows(records [][]Cell, l Layout, o Options, body int, errs *ErrorList) (rows []rawRow, unit string, bounds []Cell, percentCols map[int]bool, err error) {
	c := rowCollector{l: l, errs: errs, n: len(l.Cells), key: l.Cells[0].Kind, seq: newSequence(),
		keys: map[string]int{}, percentCols: map[int]bool{}}
	cellCount := 0
	for ri, cells := range records {
		last := -1
		for i, c := range cells {
			if c.Text != "" {
				last = i
			}
		}
		if last < 0 {
			continue
		}
		line := cells[0].Line
		if cellCount += last + 1; cellCount > MaxCells {
			return nil, "", nil, nil, &Error{File: o.File, Line: line, Err: ErrLimit, Expected: fmt.Sprintf("at most %d cells", MaxCells)}
		}
		if len(bounds) == 0 {
			bounds = append(bounds, cells[0], cells[last])
		}
		bounds[1] = cells[last]
		c.record(cells, last, ri >= body)
	}
	if c.unit == "" {
		c.unit = c.headUnit // the unit a money column's header names: "Kinh phí (tỷ đồng)"
	}
	if !c.started && errs.Err() == nil {
		errs.Add(&Error{Line: 1, Err: ErrTruncated, Expected: fmt.Sprintf("data rows starting with %s (layout %s)", keyWord(c.key), l.Name)})
		return nil, c.unit, bounds, c.percentCols, nil
	}
	return c.rows, c.unit, bounds, c.percentCols, nil
}

// noteRe matches the text of a note written under a table: its source
// ("Nguồn: Sở Thông tin và Truyền thông tổng hợp"), a remark ("Ghi chú:
// …", "Chú thích", "Lưu ý") or a footnote ("(*) …", "* …").
var noteRe = regexp.MustCompile(`(?i)^\s*(nguồn\b|ghi chú\b|chú thích\b|chú giải\b|lưu ý\b|\(\*+\)|\*)`)

// rowCollector is the state of collectRows: the section being read,
// whether the data rows have started, the row numbers and keys seen, and
// what the header says (unit, columns in percent).
type rowCollector struct {
	l           Layout
	errs        *ErrorList
	n           int      // cells of a row
	key         CellKind // what the first cell of a data row holds
	group       string   // the section heading above
	started     bool     // the data rows have started
	headUnit    string   // the unit a money column's header names
	unit        string   // the unit a "Đơn vị tính" line names
	seq         *sequence
	keys        map[string]int // section + key -> line, for keys by year or name
	rows        []rawRow
	percentCols map[int]bool
}

// record sorts one record (its last nonempty cell at last; inBody: at or
// after the first row of the table's body).
func (c *rowCollector) record(cells []Cell, last int, inBody bool) {
	first := cells[0].Text
	if c.key == RowNumber && numberedRe.MatchString(first) {
		// "1." or "1)": the row's number with its mark
		cells = append([]Cell(nil), cells...)
		cells[0].Text = strings.TrimRight(first, ".)")
		first = cells[0].Text
	}
	label, labelKind, labelled := rowLabel(cells, c.l)
	isData := false
	switch c.key {
	case RowNumber:
		isData = digitsRe.MatchString(first)
	case Year:
		isData = yearRe.MatchString(first)
	case Text:
		isData = inBody && first != "" && !labelled
	}
	switch {
	case c.l.Sections && last == firstNonEmpty(cells) && isSection(cells[last].Text) && (c.key != Text || inBody):
		c.group, c.started = cells[last].Text, true
		c.seq.restart()
	case !c.started && columnNumbers(cells[:last+1]):
		// the header's row of column numbers (1), (2) … or 1, 2 …
	case isData:
		c.started = true
		c.dataRow(cells, last)
	case labelled && (c.started || c.key != Text || inBody):
		c.started = true
		c.seq.restart()
		c.labelledRow(cells, label, labelKind)
	case !c.started:
		c.headerRow(cells, last)
	case last == firstNonEmpty(cells) && noteRe.MatchString(cells[last].Text):
		empty := make([]Cell, c.n) // a note has no figures: its cells are empty
		for k := range empty {
			empty[k] = Cell{Line: cells[0].Line}
		}
		c.rows = append(c.rows, rawRow{kind: noteRow, line: cells[0].Line, cells: empty, label: cells[last].Text, group: c.group})
	default:
		c.errs.Add(&Error{Line: cells[0].Line, Text: cells[firstNonEmpty(cells)].Text, Err: ErrUnexpectedCell, Expected: fmt.Sprintf("%s in the first cell, a section heading or a total row", keyWord(c.key))})
	}
}

// dataRow checks a data row's key (numbered in sequence, or a year or a
// name once in its section), its number of cells and its merged cells,
// and keeps it.
func (c *rowCollector) dataRow(cells []Cell, last int) {
	first, line, n := cells[0].Text, cells[0].Line, c.n
	switch c.key {
	case RowNumber:
		c.seq.check(c.errs, cells[0])
	default:
		k := c.group + "\x00" + vntext.Fold(first)
		if at, dup := c.keys[k]; dup {
			c.errs.Add(&Error{Line: line, Cell: 1, Text: first, Err: ErrUnexpectedCell,
				Expected: fmt.Sprintf("each %s once in its section: %q is also the row at line %d", map[CellKind]string{Year: "year", Text: "name"}[c.key], first, at)})
		} else {
			c.keys[k] = line
		}
	}
	if last >= n {
		c.errs.Add(&Error{Line: line, Cell: last + 1, Text: cells[last].Text, Err: ErrCellCount, Expected: fmt.Sprintf("%d cells in %s (layout %s), found %d", n, rowName(c.key, first), c.l.Name, last+1)})
		return
	}
	if len(cells) < n {
		c.errs.Add(&Error{Line: line, Text: first, Err: ErrCellCount, Expected: fmt.Sprintf("%d cells in %s (layout %s), found %d", n, rowName(c.key, first), c.l.Name, len(cells))})
		return
	}
	for k := 1; k < n; k++ {
		if cell := cells[k]; cell.Merged && numericKind(c.l.Cells[k].Kind) && c.l.Cells[k].Kind != MoneyOrText || cell.Merged && c.l.Cells[k].matrixKey != "" {
			c.errs.Add(&Error{Line: line, Cell: k + 1, Column: c.l.Cells[k].Name, Err: ErrUnexpectedCell,
				Expected: "a figure of the row's own: the cell is merged with the one above, so the figure written there stands for both rows"})
		}
	}
	c.rows = append(c.rows, rawRow{kind: dataRow, line: line, cells: cells[:n], group: c.group})
}

// labelledRow keeps a total or mean row, its figures aligned with the
// layout's cells from the first one a total holds.
func (c *rowCollector) labelledRow(cells []Cell, label string, kind rowKind) {
	line, n := cells[0].Line, c.n
	aligned := make([]Cell, n)
	for k := range aligned {
		aligned[k] = Cell{Line: line}
	}
	for k := c.l.totalFrom(); k < len(cells); k++ {
		if k < n {
			aligned[k] = cells[k]
		} else if cells[k].Text != "" {
			c.errs.Add(&Error{Line: line, Cell: k + 1, Text: cells[k].Text, Err: ErrCellCount, Expected: fmt.Sprintf("at most %d cells", n)})
		}
	}
	c.rows = append(c.rows, rawRow{kind: kind, line: line, cells: aligned, label: label, group: c.group})
}

// headerRow reads a row before the first data row: the unit it names, the
// ratio columns it marks in percent. A row with a name and figures there
// is refused: a data row that lost its number, or a section's subtotal —
// never header.
func (c *rowCollector) headerRow(cells []Cell, last int) {
	if figures := rowFigures(cells, c.l); figures >= 2 && firstText(cells) != "" && !columnNumbers(cells[:last+1]) {
		c.errs.Add(&Error{Line: cells[0].Line, Text: firstText(cells), Err: ErrUnexpectedCell,
			Expected: fmt.Sprintf("%s in the first cell: the row has %d figures (a data row without its number, or a section's subtotal?)", keyWord(c.key), figures)})
		return
	}
	for k, cell := range cells {
		if m := unitRe.FindStringSubmatch(cell.Text); m != nil {
			c.unit = m[1]
		} else if k < c.n && (c.l.Cells[k].Kind == Money || c.l.Cells[k].Kind == MoneyOrText) && c.headUnit == "" {
			if u := parenUnit(cell.Text); u != "" {
				c.headUnit = u
			}
		}
		if k < c.n && c.l.Cells[k].Kind == Ratio && strings.Contains(cell.Text, "%") {
			c.percentCols[k] = true
		}
	}
}

// percentFigures counts the figures of column k of the data rows written
// without a % sign above 1,5 (read in either convention), and returns the
// first other nonzero one (nil when there is none).
func percentFigures(rows []rawRow, k int) (big int, small *Cell) {
	for _, r := range rows {
		if r.kind != dataRow || k >= len(r.cells) {
			continue
		}
		c := r.cells[k]
		if c.Empty() || strings.HasSuffix(c.Text, "%") || IsDash(c.Text) {
			continue
		}
		v := 0.0
		for _, conv := range []Convention{Plain, DotThousands, CommaThousands} {
			if d, err := numtext.ParseDecimal(c.Text, conv, false); err == nil {
				v = math.Max(v, math.Abs(d.Float(0)))
			}
		}
		switch {
		case v > 1.5:
			big++
		case v > 0 && small == nil:
			cc := c
			small = &cc
		}
	}
	return big, small
}

// rowFigures counts the cells of a row, in the layout's number columns,
// that hold a figure.
func rowFigures(cells []Cell, l Layout) int {
	n := 0
	for k, c := range cells {
		if k > 0 && k < len(l.Cells) && numericKind(l.Cells[k].Kind) && l.Cells[k].matrixKey == "" && !c.Empty() && (c.Number || isNumberLike(c.Text) && !IsDash(c.Text)) {
			n++
		}
	}
	return n
}

// parenUnit is the money unit a header names in parentheses: "Tổng mức
// đầu tư (tỷ đồng)" gives "tỷ đồng"; "" when none.
func parenUnit(s string) string {
	for _, m := range parenUnitRe.FindAllStringSubmatch(s, -1) {
		if _, ok := ParseMoneyUnit(m[1]); ok {
			return m[1]
		}
	}
	return ""
}

var numberedRe = regexp.MustCompile(`^[0-9]{1,5}[.)]$`)

var parenUnitRe = regexp.MustCompile(`\(([^()]{1,30})\)`)

// rowName names a data row by its key.
func rowName(k CellKind, key string) string {
	switch k {
	case Year:
		return "the row of " + key
	case Text:
		return fmt.Sprintf("the row %q", key)
	}
	return "the row numbered " + key
}

// keyWord names what keys a row of that kind.
func keyWord(k CellKind) string {
	switch k {
	case Year:
		return "a year"
	case Text:
		return "a name"
	}
	return "a row number"
}

// columnNumbers reports a header row that numbers the columns: 1, 2, 3 …
// or (1), (2), (3) … in order from 1, at least three of them, nothing else.
func columnNumbers(cells []Cell) bool {
	k := 0
	for _, c := range cells {
		if c.Empty() {
			continue
		}
		t := strings.TrimSuffix(strings.TrimPrefix(c.Text, "("), ")")
		if t != strconv.Itoa(k+1) {
			return false
		}
		k++
	}
	return k >= 3
}

// sequence checks that data rows are numbered 1, 2, 3 …, the numbering
// restarting at 1 at the start of the table, after a section heading and
// after a total row.
type sequence struct {
	want int  // the number the next row should have; 0: any
	anew bool // 1 is also acceptable
}

func newSequence() *sequence { return &sequence{want: 1, anew: true} }

func (s *sequence) restart() { s.anew = true }

// check reports a row number out of sequence (once: the numbering then
// continues from the row found).
func (s *sequence) check(errs *ErrorList, c Cell) {
	no, _ := strconv.Atoi(c.Text) // at most five digits
	if !(s.want == 0 || no == s.want || (s.anew && no == 1)) {
		exp := fmt.Sprintf("the row numbered %d (rows are numbered in sequence)", s.want)
		if s.anew && s.want != 1 {
			exp = fmt.Sprintf("the row numbered %d or 1 (rows are numbered in sequence)", s.want)
		}
		errs.Add(&Error{Line: c.Line, Cell: 1, Text: c.Text, Err: ErrUnexpectedCell, Expected: exp})
	}
	s.want, s.anew = no+1, false
}

func firstNonEmpty(cells []Cell) int {
	for i, c := range cells {
		if c.Text != "" {
			return i
		}
	}
	return 0
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}
