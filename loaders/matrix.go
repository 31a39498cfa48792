package loaders

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ictplan/ictplan/vntext"
)

// A matrix table (Layout.Matrix) holds one measure at several keys, one
// column per key: an indicator per row, a year per column. It is read as
// a table of the layout's cells and one cell per key column (the wide
// layout), so that its rows are numbered, counted and typed as any other,
// then turned long: one row per row and key.

// matrixColumn is a key column of a matrix table.
type matrixColumn struct {
	cell int    // its index among the wide layout's cells
	key  string // its key: a year "2020", or the header's text
	head string // its header as written
}

// headerYearRe finds the year of a matrix header: "2020", "Năm 2020",
// "2025 (ước)", "KH 2021".
var headerYearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// matrixKey reads a key column's header: its year for a Year key (ok false
// when it names none, or two), its text for a Text key.
func matrixKey(head string, kind CellKind) (string, bool) {
	if head == "" {
		return "", false
	}
	if kind == Text {
		return head, true
	}
	m := headerYearRe.FindAllStringSubmatch(head, -1)
	if len(m) != 1 {
		return "", false
	}
	return m[0][1], true
}

// matrixColumns returns the wide layout of a matrix table and its key
// columns. A table matched by its headers (match) has the layout's cells,
// then its other columns as extra text cells: those whose header reads as
// a key become key columns. A table read by position has its key columns
// after the layout's cells, their keys in the last header row (the rows
// before body, the first data row) that has a text there.
func matrixColumns(records [][]Cell, l Layout, match *ColumnMatch, body int, o Options) (Layout, []matrixColumn, error) {
	m := l.Matrix
	wide := l
	wide.Matrix = nil
	wide.Cells = append([]CellSpec(nil), l.Cells...)
	var cols []matrixColumn
	seen := map[string]string{}
	add := func(cell int, head string, line, column int) error {
		key, _ := matrixKey(head, m.Key.Kind)
		if prev, dup := seen[key]; dup {
			return &Error{File: o.File, Line: line, Cell: column, Text: head, Err: ErrHeaders,
				Expected: fmt.Sprintf("each %s once in the header: %q and %q both give %s", m.Key.Name, prev, head, key)}
		}
		seen[key] = head
		cols = append(cols, matrixColumn{cell: cell, key: key, head: head})
		wide.Cells[cell] = CellSpec{Kind: m.Value.Kind, Name: m.Value.Name + "@" + key, LabelVI: m.Value.LabelVI + " " + key, Unit: m.Value.Unit, matrixKey: key}
		return nil
	}
	if match != nil {
		line := 0
		if len(match.HeaderLines) > 0 {
			line = match.HeaderLines[len(match.HeaderLines)-1]
		}
		fixed := len(l.Cells) - len(match.Extra)
		if body == 0 {
			body = firstKeyRow(records, l)
		}
		other := 0
		for i, x := range match.Extra {
			head := x.Header
			if _, ok := matrixKey(head, m.Key.Kind); !ok && m.Key.Kind == Year {
				// a header of two rows whose keys are in the row under the
				// one matched: "Kết quả thực hiện" over 2021, 2022, 2023
				head = columnHeader(records[:body], fixed+i)
			}
			if _, ok := matrixKey(head, m.Key.Kind); ok {
				if err := add(fixed+i, head, line, x.Column); err != nil {
					return l, nil, err
				}
				match.Extra[i].Cell, match.Extra[i].Header = wide.Cells[fixed+i].Name, head
				match.Extra[i].Key = cols[len(cols)-1].key
				continue
			}
			// the columns kept as text are numbered among themselves
			other++
			name := fmt.Sprintf("extra_%d", other)
			match.Extra[i].Cell, wide.Cells[fixed+i].Name = name, name
		}
	} else {
		if body == 0 {
			body = firstKeyRow(records, l)
		}
		n := len(l.Cells)
		head := -1
		for i := body - 1; i >= 0 && head < 0; i-- {
			if len(records[i]) > n && records[i][n].Text != "" {
				head = i
			}
		}
		if head < 0 {
			line := 1
			if body < len(records) {
				line = lineOf(records[body])
			}
			return l, nil, &Error{File: o.File, Line: line, Err: ErrHeaders,
				Expected: fmt.Sprintf("a header row above the data naming the %s of each column after the %d cells of layout %s", m.Key.Name, n, l.Name)}
		}
		row := records[head]
		last := len(row) - 1
		for last >= n && row[last].Text == "" {
			last--
		}
		for k := n; k <= last; k++ {
			if _, ok := matrixKey(row[k].Text, m.Key.Kind); !ok {
				return l, nil, &Error{File: o.File, Line: row[k].Line, Cell: k + 1, Text: row[k].Text, Err: ErrHeaders,
					Expected: fmt.Sprintf("a %s heading column %d (a matrix's columns after the layout's %d cells are one %s each)", m.Key.Kind, k+1, n, m.Key.Name)}
			}
			wide.Cells = append(wide.Cells, CellSpec{})
			if err := add(k, row[k].Text, row[k].Line, k+1); err != nil {
				return l, nil, err
			}
		}
	}
	if len(cols) == 0 {
		return l, nil, &Error{File: o.File, Err: ErrHeaders, Expected: fmt.Sprintf("at least one column headed by a %s (layout %s reads a matrix)", m.Key.Kind, l.Name)}
	}
	if wide.TotalFrom == "" {
		wide.TotalFrom = wide.Cells[cols[0].cell].Name
	}
	return wide, cols, nil
}

// columnHeader joins the texts of column k in the header rows, each text
// once, in order.
func columnHeader(header [][]Cell, k int) string {
	var parts []string
	for _, r := range header {
		if k < len(r) && r[k].Text != "" && (len(parts) == 0 || parts[len(parts)-1] != r[k].Text) {
			parts = append(parts, r[k].Text)
		}
	}
	return strings.Join(parts, " ")
}

// firstKeyRow is the index of the first record whose first cell keys a
// data row (a row number or a year), or len(records).
func firstKeyRow(records [][]Cell, l Layout) int {
	re := digitsRe
	if l.Cells[0].Kind == Year {
		re = yearRe
	}
	for i, cells := range records {
		if len(cells) > 0 && re.MatchString(cells[0].Text) && !columnNumbers(cells) {
			return i
		}
	}
	return len(records)
}

// longRows turns the rows of a matrix table read with its wide layout into
// long rows: for each data row, one row per key column with the layout's
// other cells, the key and the figure; for each total or mean row, one
// per key column that has a figure, scoped to that key. It returns the
// long layout and the name of the scope column.
func longRows(wide Layout, m Matrix, rows []rawRow, cols []matrixColumn, errs *ErrorList) (Layout, []rawRow, string) {
	isKey := make([]bool, len(wide.Cells))
	for _, c := range cols {
		isKey[c.cell] = true
	}
	long := wide
	long.Cells = nil
	var keep []int
	for i, c := range wide.Cells {
		if !isKey[i] {
			long.Cells = append(long.Cells, c)
			keep = append(keep, i)
		}
	}
	long.Cells = append(long.Cells, m.Key, m.Value)
	long.TotalFrom = m.Value.Name
	n := len(long.Cells)
	var out []rawRow
	for _, r := range rows {
		if r.kind == noteRow {
			out = append(out, rawRow{kind: noteRow, line: r.line, cells: make([]Cell, n), label: r.label, group: r.group})
			continue
		}
		grand := r.kind == totalRow && grandTotalRe.MatchString(vntext.Fold(r.label))
		if r.kind != dataRow && r.group != "" && !grand {
			errs.Add(&Error{Line: r.line, Text: r.label, Err: ErrUnexpectedCell,
				Expected: "a grand total (\"Tổng cộng\"): the subtotals and means of a matrix table's sections are not read (its claims are scoped by " + m.Key.Name + ")"})
			continue
		}
		for _, c := range cols {
			cells := make([]Cell, n)
			if r.kind == dataRow {
				for j, i := range keep {
					cells[j] = r.cells[i]
				}
			} else {
				if r.cells[c.cell].Empty() {
					continue
				}
				for j := range cells {
					cells[j] = Cell{Line: r.line}
				}
			}
			cells[n-2] = Cell{Line: r.line, Text: c.key}
			cells[n-1] = r.cells[c.cell]
			lr := rawRow{kind: r.kind, line: r.line, cells: cells, label: r.label, group: r.group}
			if r.kind != dataRow {
				lr.scope = c.key
			}
			out = append(out, lr)
		}
	}
	return long, out, m.Key.Name
}
