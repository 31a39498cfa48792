package dxtext

// A dx table given as cells — a PDF's table (pdfinput), a Word table, a
// worksheet — rather than as PDF text: the rows are whole, each figure
// in its cell, so nothing is placed by spacing.

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/loaders"
)

// pillarNoRe is the number of a pillar row in its first cell ("3", "3.").
var pillarNoRe = regexp.MustCompile(`^([0-9]{1,2})\.?$`)

// taskCodeRe is the number of a task in its first cell ("3.2", "3.2.").
var taskCodeRe = regexp.MustCompile(`^([0-9]{1,2})\.([0-9]{1,2})\.?$`)

// ReadCells reads a dx table (layout dx-results or dx-plan) given as rows
// of cells. The table's rows are: a pillar row — its number ("1"), its
// name and a figure in every amount column (the pillar's subtotals); its
// tasks — a number "1.2" (or none, or "-") and the task's title, then the
// figures, each in its column; and the grand total "TỔNG CỘNG". The amount
// columns are found from the first pillar row: the first cell after the
// name that holds a figure begins them. A dx-plan row's third and
// fourth cells are its status and lead unit, the cell before the amounts
// its period (its objective, between them, is not read, nor a
// dx-results row's); a dx-results row's cell after the amounts is its
// note. A money unit line
// above the table ("ĐVT: Triệu đồng") sets the unit. Problems are
// positioned errors; the table read so far is returned with them.
func ReadCells(rows [][]loaders.Cell, l loaders.Layout, o loaders.Options) (*DXTable, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if l.Form != loaders.PDFResults && l.Form != loaders.PDFPlan {
		return nil, fmt.Errorf("layout %q reads %s, not a budget table by pillar", l.Name, l.Form)
	}
	r := &dxReader{file: o.File, l: l, form: l.Form, n: len(moneyCells(l)), errs: loaders.NewErrorList(o.File)}
	t := &DXTable{Layout: l, File: o.File, Appendix: o.Appendix, MoneyUnit: l.MoneyUnit}
	for _, k := range moneyCells(l) {
		t.Columns = append(t.Columns, l.Cells[k].Name)
	}
	start, money := -1, -1
	for i, row := range rows {
		if u, ok := unitOfRow(row); ok && start < 0 {
			r.unit = u
		}
		if money = firstFigure(row); pillarNoRe.MatchString(cellText(row, 0)) && cellText(row, 1) != "" && money >= 2 {
			start = i
			break
		}
	}
	if start < 0 {
		line := 0
		if len(rows) > 0 && len(rows[0]) > 0 {
			line = rows[0][0].Line
		}
		r.errs.Add(&loaders.Error{Line: line, Err: loaders.ErrTruncated,
			Expected: fmt.Sprintf("a pillar row such as \"1 | Nhận thức số | figures\" (layout %s)", l.Name)})
		return t, r.errs.Err()
	}
	t.FirstLine = lineOf(rows[start])
	t.MoneyUnit = r.moneyUnit(o)
	c := cellTable{r: r, t: t, money: money}
	for _, row := range rows[start:] {
		if c.row(row) {
			break
		}
	}
	if !c.numberedTask {
		// no row numbered as a task ("1.1"): not a dx table at all (a
		// table of projects numbered 1, 2, 3 looks like pillar rows)
		errs := loaders.NewErrorList(o.File)
		errs.Add(&loaders.Error{Line: t.FirstLine, Err: loaders.ErrTruncated,
			Expected: fmt.Sprintf("tasks numbered 1.1, 1.2 … under pillar rows (layout %s)", l.Name)})
		return t, errs.Err()
	}
	if r.total == nil {
		last := rows[len(rows)-1]
		r.errs.Add(&loaders.Error{Line: lineOf(last), Err: loaders.ErrTruncated,
			Expected: fmt.Sprintf("the grand-total row (TỔNG CỘNG) of layout %s: the table ends without it", l.Name)})
	}
	r.finish(t, o, nil)
	if err := r.errs.Err(); err != nil {
		return t, err
	}
	return t, nil
}

// cellTable is the state of ReadCells: the reader, the table being made,
// where its amounts begin and the pillar the rows are in.
type cellTable struct {
	r      *dxReader
	t      *DXTable
	money  int // index of the first amount column
	pillar int
	expect int // the next task's number in the pillar
	// numberedTask: a row numbered as a task ("1.2") was read
	numberedTask bool
}

// row sorts one row into a pillar, a task or the grand total; it reports
// true at the grand total, the table's end.
func (c *cellTable) row(row []loaders.Cell) bool {
	first, name, line := cellText(row, 0), cellText(row, 1), lineOf(row)
	if first == "" && name == "" {
		return false
	}
	switch {
	case first == "" && grandTotalDXRe.MatchString(name), grandTotalDXRe.MatchString(first):
		label := name
		if first != "" {
			label = first
		}
		c.r.total = &rawFigures{label: label, line: line, toks: c.figures(row)}
		c.t.LastLine = line
		return true
	case pillarNoRe.MatchString(first) && name != "":
		no, _ := strconv.Atoi(pillarNoRe.FindStringSubmatch(first)[1])
		if no != c.pillar+1 {
			c.r.errs.Add(&loaders.Error{Line: line, Text: first, Err: loaders.ErrUnexpectedCell,
				Expected: fmt.Sprintf("pillar %d (pillars are numbered in sequence)", c.pillar+1)})
		}
		c.pillar, c.expect = no, 1
		c.r.pillars = append(c.r.pillars, rawFigures{label: name, line: line, toks: c.figures(row)})
	case taskCodeRe.MatchString(first):
		m := taskCodeRe.FindStringSubmatch(first)
		major, _ := strconv.Atoi(m[1])
		minor, _ := strconv.Atoi(m[2])
		if major != c.pillar || minor != c.expect {
			c.r.errs.Add(&loaders.Error{Line: line, Text: first, Err: loaders.ErrUnexpectedCell,
				Expected: fmt.Sprintf("task %d.%d (tasks are numbered in sequence within their pillar)", c.pillar, c.expect)})
		}
		c.expect = minor + 1
		c.numberedTask = true
		c.task(row, m[1]+"."+m[2])
	case first == "" || loaders.IsDash(first):
		c.task(row, "") // a pillar's unnumbered task
	default:
		c.r.errs.Add(&loaders.Error{Line: line, Text: first, Err: loaders.ErrUnexpectedCell,
			Expected: "a pillar's number (\"3\"), a task's (\"3.2\"), none, or the grand total (TỔNG CỘNG)"})
	}
	if line > c.t.LastLine {
		c.t.LastLine = line
	}
	return false
}

// figures are the figures of a pillar or total row, in its amount
// columns: every cell there must hold one.
func (c *cellTable) figures(row []loaders.Cell) []rawTok {
	var toks []rawTok
	for k := c.money; k < c.money+c.r.n; k++ {
		if k >= len(row) || !isAmountToken(row[k].Text) {
			text := ""
			if k < len(row) {
				text = row[k].Text
			}
			c.r.errs.Add(&loaders.Error{Line: lineOf(row), Cell: k + 1, Text: text, Err: loaders.ErrNotNumber,
				Expected: fmt.Sprintf("a figure in each of the %d amount columns of a pillar or total row", c.r.n)})
			continue
		}
		toks = append(toks, rawTok{row[k].Text, row[k].Line})
	}
	for k := c.money + c.r.n; k < len(row); k++ {
		if isAmountToken(strings.TrimSpace(row[k].Text)) {
			c.r.errs.Add(&loaders.Error{Line: lineOf(row), Cell: k + 1, Text: row[k].Text, Err: loaders.ErrCellCount,
				Expected: fmt.Sprintf("%d amount columns (layout %s), found a figure after them", c.r.n, c.r.l.Name)})
			break
		}
	}
	return toks
}

// task reads a task row: its title, the plan's status, lead unit and
// period or the results' note, and each figure in its column (an empty
// cell is no figure; text where a figure belongs is kept as such).
func (c *cellTable) task(row []loaders.Cell, code string) {
	line := lineOf(row)
	it := DXItem{Pillar: c.pillar, Code: code, Line: line, ValueLine: line, Task: cellText(row, 1), Assignment: AssignLayout}
	if c.r.form == loaders.PDFPlan && c.money >= 5 {
		// TT | task | status | lead unit | (objective) | period | amounts
		if s := cellText(row, 2); s != "" {
			it.Status = statusOf(s)
		}
		it.LeadUnit, it.Period = cellText(row, 3), cellText(row, c.money-1)
		if joined := rejoinAbbreviation(it.LeadUnit); joined != it.LeadUnit {
			it.Unsure = append(it.Unsure, fmt.Sprintf("lead unit: %q read as %q, an abbreviation broken at the end of a line of its cell", it.LeadUnit, joined))
			it.LeadUnit = joined
		}
	}
	if c.r.form == loaders.PDFResults {
		it.Note = cellText(row, c.money+c.r.n)
	}
	it.Amounts = make([]DXAmount, c.r.n)
	for k := 0; k < c.r.n; k++ {
		text := cellText(row, c.money+k)
		switch {
		case text == "":
		case isAmountToken(text):
			it.Amounts[k] = DXAmount{Set: true, DXValue: DXValue{Text: text, Line: line}}
		default:
			it.TextCells = append(it.TextCells, DXTextCell{Column: k, Text: text, Line: line})
		}
	}
	if it.Task == "" {
		c.r.errs.Add(&loaders.Error{Line: line, Text: code, Err: loaders.ErrUnexpectedCell, Expected: "the title of task " + code})
	}
	c.t.Items = append(c.t.Items, it)
}

// brokenAbbrevRe is an abbreviation with "&" cut at the end of a line of
// a narrow cell and its rest on the next line: "Sở TT&T T", "Sở NN&P TNT".
var brokenAbbrevRe = regexp.MustCompile(`(^|\s)(\p{Lu}+)&(\p{Lu}*) (\p{Lu}+)(\s|$)`)

// rejoinAbbreviation joins an abbreviation broken at a line end: where
// the part after "&" is shorter than the part before it ("TT&T" of
// "TT&TT") and the next word is capitals only, that word is its rest.
// A whole abbreviation ("Sở KH&CN UBND") is left as it is.
func rejoinAbbreviation(s string) string {
	m := brokenAbbrevRe.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	before, after := s[m[4]:m[5]], s[m[6]:m[7]]
	if len([]rune(after)) >= len([]rune(before)) {
		return s
	}
	return s[:m[7]] + s[m[8]:]
}

// firstFigure is the index of the first cell after the first two that
// holds a figure, -1 if none.
func firstFigure(row []loaders.Cell) int {
	for k := 2; k < len(row); k++ {
		if isAmountToken(strings.TrimSpace(row[k].Text)) {
			return k
		}
	}
	return -1
}

// unitOfRow reads a money unit line in a row ("ĐVT: Triệu đồng").
func unitOfRow(row []loaders.Cell) (string, bool) {
	for _, c := range row {
		if u, ok := loaders.UnitLine(c.Text); ok {
			return u, true
		}
	}
	return "", false
}

func cellText(row []loaders.Cell, k int) string {
	if k < 0 || k >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[k].Text)
}

func lineOf(row []loaders.Cell) int {
	for _, c := range row {
		if c.Line > 0 {
			return c.Line
		}
	}
	return 0
}
