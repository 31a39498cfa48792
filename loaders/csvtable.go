package loaders

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ParseCSV parses a table given as CSV, one source row per record, the cells
// in the layout's order (the row number first). Records before the first
// data row are the header (an "Đơn vị tính: …" cell there sets the money
// unit); a record whose only text is a heading such as "I. CÁC SỞ, NGÀNH
// TỈNH" opens a section; a record labelled "TỔNG CỘNG" (in its first or
// second cell) is a reported total, its figures in the same columns as the
// data. Trailing empty fields are ignored; a data record with more or fewer
// cells than the layout is an ErrCellCount at its line.
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
	errs := NewErrorList(o.File)
	n := len(l.Cells)
	var rows []rawRow
	var all []Cell
	unit, group, started := "", "", false
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.Add(&Error{Line: pe.Line, Err: ErrUnexpectedCell, Expected: "well-formed CSV (" + pe.Err.Error() + ")"})
				return nil, errs.Err()
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		cells := make([]Cell, len(rec))
		last := -1
		for i, f := range rec {
			fl, _ := cr.FieldPos(i)
			cells[i] = Cell{Line: fl, Text: CleanText(f)}
			if cells[i].Text != "" {
				last = i
			}
		}
		if last < 0 {
			continue
		}
		if len(all)+len(cells) > MaxCells {
			return nil, &Error{File: o.File, Line: line, Err: ErrLimit, Expected: fmt.Sprintf("at most %d cells", MaxCells)}
		}
		all = append(all, cells[:last+1]...)
		first := cells[0].Text
		switch {
		case l.Sections && last == firstNonEmpty(cells) && isSection(cells[last].Text):
			group, started = cells[last].Text, true
		case digitsRe.MatchString(first):
			started = true
			if last >= n {
				errs.Add(&Error{Line: line, Text: first, Err: ErrCellCount, Expected: fmt.Sprintf("%d cells in the row numbered %s (layout %s), found %d", n, first, l.Name, last+1)})
				continue
			}
			if len(cells) < n {
				errs.Add(&Error{Line: line, Text: first, Err: ErrCellCount, Expected: fmt.Sprintf("%d cells in the row numbered %s (layout %s), found %d", n, first, l.Name, len(cells))})
				continue
			}
			rows = append(rows, rawRow{kind: dataRow, line: line, cells: cells[:n], group: group})
		case isTotal(first) || (len(cells) > 1 && first == "" && isTotal(cells[1].Text)):
			started = true
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
	if !started && len(errs.errs) == 0 {
		errs.Add(&Error{Line: 1, Err: ErrTruncated, Expected: fmt.Sprintf("data rows starting with a row number (layout %s)", l.Name)})
		return nil, errs.Err()
	}
	return buildTable(rows, unit, all, l, o, errs)
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
