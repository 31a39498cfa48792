package dxtext

// The rows of a dx-results table (layout dx-results): a task's title,
// note and figures, read from their positions on one line.

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/loaders"
)

// resultsItem reads a dx-results row: the title, the note, and the
// figures from the positions on their line.
func (r *dxReader) resultsItem(row *dxRawRow, wt float64) DXItem {
	it := DXItem{Pillar: row.pillar, Code: row.code, Line: row.line}
	vi := -1
	for k, l := range row.lines {
		if l.text != "" && !l.pageNo && cellish(l.raw) {
			vi = k
			break
		}
	}
	var before, after []dxLine
	if row.head.text != "" {
		before = append(before, row.head)
	}
	for k, l := range row.lines {
		if l.text == "" || k == vi || l.pageNo {
			continue
		}
		if vi >= 0 && k > vi && cellish(l.raw) && len(strings.Fields(l.raw)) > 1 {
			r.errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell,
				Expected: fmt.Sprintf("one line of figures for task %s (its figures are at line %d): a task may have lost its number", itemName(row), row.lines[vi].no)})
		}
		if vi < 0 || k < vi {
			before = append(before, l)
		} else {
			after = append(after, l)
		}
	}
	if vi < 0 {
		r.errs.Add(&loaders.Error{Line: row.line, Text: row.code, Err: loaders.ErrTruncated,
			Expected: fmt.Sprintf("a line of %d figures for task %s", r.n, itemName(row))})
	} else {
		r.resultsFigures(&it, row.lines[vi])
	}
	// The title: the first lines before the figures, up to the objective.
	var title []string
	k := 0
	for ; k < len(before); k++ {
		cur := before[k].text
		if k > 0 && endsParagraph(title[len(title)-1], cur, wt) {
			break
		}
		title = append(title, cur)
	}
	// After the figures: the note's first lines (a narrow column), then
	// the other columns' continuations, each starting with a space.
	var note []string
	a := 0
	for ; a < len(after); a++ {
		l := after[a]
		if strings.HasPrefix(l.raw, " ") || runeLen(l.text) > noteRunes {
			break
		}
		note = append(note, l.text)
	}
	rest := after[a:]
	if len(title) > 0 && len(rest) > 0 && strings.HasPrefix(rest[0].raw, " ") {
		first := rest[0].text
		last := title[len(title)-1]
		if first[0] != '-' && textWidth(first) <= wt*titleSlack && textWidth(last+" "+firstWord(first)) > wt*paraSlack {
			// The title goes on below the figures.
			title = append(title, first)
			c := 1
			for ; c < len(rest) && !endsParagraph(title[len(title)-1], rest[c].text, wt); c++ {
				title = append(title, rest[c].text)
			}
			it.Unsure = append(it.Unsure, fmt.Sprintf("task: continued below the figures, lines %d–%d", rest[0].no, rest[c-1].no))
			rest = rest[c:]
		}
	}
	if len(note) > 0 {
		// The note's last lines may come after the objective's.
		e := len(rest)
		for e > 0 && !strings.HasPrefix(rest[e-1].raw, " ") && runeLen(rest[e-1].text) <= noteRunes {
			e--
		}
		for _, l := range rest[e:] {
			note = append(note, l.text)
		}
	}
	it.Task = joinWrapped(title)
	it.Note = joinWrapped(note)
	if it.Task == "" {
		r.errs.Add(&loaders.Error{Line: row.line, Text: row.code, Err: loaders.ErrUnexpectedCell, Expected: "the title of task " + itemName(row)})
	}
	return it
}

// resultsFigures reads a task's line of figures vl: each figure in the
// column its position gives (Assignment AssignLayout) when the line's
// cells fit the table's columns, else every figure unplaced.
func (r *dxReader) resultsFigures(it *DXItem, vl dxLine) {
	it.ValueLine = vl.no
	cells, rest, ok := positionalCells(vl.raw, 2, 4*r.n+8)
	if ok && strings.TrimSpace(rest) == "" && len(cells) >= r.n && allEmpty(cells[r.n:]) {
		it.Assignment = AssignLayout
		it.Amounts = make([]DXAmount, r.n)
		for c := 0; c < r.n; c++ {
			if cells[c] != "" {
				it.Amounts[c] = DXAmount{Set: true, DXValue: DXValue{Text: cells[c], Line: vl.no}}
			}
		}
		return
	}
	for _, w := range strings.Fields(vl.raw) {
		it.Unplaced = append(it.Unplaced, DXValue{Text: w, Line: vl.no})
	}
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}
