package loaders

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
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
	t, err := parseRows(records, l, o)
	if t != nil {
		t.Columns = match
	}
	return t, err
}

func parseRows(records [][]Cell, l Layout, o Options) (*Table, error) {
	errs := o.ErrorList()
	n := len(l.Cells)
	var rows []rawRow
	var bounds []Cell // the first and the last cell with text, for the table's lines
	cellCount := 0
	unit, group, started := "", "", false
	seq := newSequence()
	for _, cells := range records {
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
			return nil, &Error{File: o.File, Line: line, Err: ErrLimit, Expected: fmt.Sprintf("at most %d cells", MaxCells)}
		}
		if len(bounds) == 0 {
			bounds = append(bounds, cells[0], cells[last])
		}
		bounds[1] = cells[last]
		first := cells[0].Text
		switch {
		case l.Sections && last == firstNonEmpty(cells) && isSection(cells[last].Text):
			group, started = cells[last].Text, true
			seq.restart()
		case !started && columnNumbers(cells[:last+1]):
			// the header's row of column numbers (1), (2) … or 1, 2 …
		case digitsRe.MatchString(first):
			started = true
			seq.check(errs, cells[0])
			if last >= n {
				errs.Add(&Error{Line: line, Cell: last + 1, Text: cells[last].Text, Err: ErrCellCount, Expected: fmt.Sprintf("%d cells in the row numbered %s (layout %s), found %d", n, first, l.Name, last+1)})
				continue
			}
			if len(cells) < n {
				errs.Add(&Error{Line: line, Text: first, Err: ErrCellCount, Expected: fmt.Sprintf("%d cells in the row numbered %s (layout %s), found %d", n, first, l.Name, len(cells))})
				continue
			}
			rows = append(rows, rawRow{kind: dataRow, line: line, cells: cells[:n], group: group})
		case isTotal(first) || (len(cells) > 1 && first == "" && isTotal(cells[1].Text)):
			started = true
			seq.restart()
			label := first
			if label == "" {
				label = cells[1].Text
			}
			aligned := make([]Cell, n)
			for k := range aligned {
				aligned[k] = Cell{Line: line}
			}
			for k := l.totalFrom(); k < len(cells); k++ {
				if k < n {
					aligned[k] = cells[k]
				} else if cells[k].Text != "" {
					errs.Add(&Error{Line: line, Cell: k + 1, Text: cells[k].Text, Err: ErrCellCount, Expected: fmt.Sprintf("at most %d cells", n)})
				}
			}
			rows = append(rows, rawRow{kind: totalRow, line: line, cells: aligned, label: label, group: group})
		case !started:
			for _, c := range cells {
				if m := unitRe.FindStringSubmatch(c.Text); m != nil {
					unit = m[1]
				}
			}
		default:
			errs.Add(&Error{Line: line, Text: cells[firstNonEmpty(cells)].Text, Err: ErrUnexpectedCell, Expected: "a row number in the first cell, a section heading or a total row"})
		}
	}
	if !started && errs.Err() == nil {
		errs.Add(&Error{Line: 1, Err: ErrTruncated, Expected: fmt.Sprintf("data rows starting with a row number (layout %s)", l.Name)})
		return nil, errs.Err()
	}
	return buildTable(rows, unit, bounds, l, o, errs)
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
