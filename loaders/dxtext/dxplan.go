package dxtext

// The rows of a dx-plan table (layout dx-plan): a task's status, lead
// unit, period and figures, which may run over several lines.

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ictplan/ictplan/loaders"
)

// statusOf maps the Vietnamese status to new/continuing.
func statusOf(s string) string {
	if s == "Mới" {
		return "new"
	}
	return "continuing"
}

// planItem reads a dx-plan row: title, status, lead unit, period and the
// figures that follow the period.
func (r *dxReader) planItem(row *dxRawRow, wt float64) DXItem {
	it := DXItem{Pillar: row.pillar, Code: row.code, Line: row.line}
	lines := make([]dxLine, 0, len(row.lines)+1)
	if row.head.text != "" {
		lines = append(lines, row.head)
	}
	lines = append(lines, row.lines...)
	title, si := r.planStatus(&it, row, lines)
	it.Task = joinWrapped(title)
	if it.Task == "" {
		r.errs.Add(&loaders.Error{Line: row.line, Text: row.code, Err: loaders.ErrUnexpectedCell, Expected: "the title of task " + itemName(row)})
	}
	body := lines[si+1:]
	cands := periodCandidates(body)
	if !r.placePlanFigures(&it, body, cands, title, wt) {
		r.unplacedPlanFigures(&it, row, body, cands)
	}
	return it
}

// planStatus reads the status and lead unit of a dx-plan row into it and
// returns the title's lines and the index of the last line they take
// (-1 when the status is missing: an error).
func (r *dxReader) planStatus(it *DXItem, row *dxRawRow, lines []dxLine) (title []string, si int) {
	// Status and lead unit: the first "Mới" or "Chuyển tiếp"; before it on
	// its line and on the lines above is the title.
	si, found := -1, false
	for k, l := range lines {
		if l.text == "" {
			continue
		}
		m := statusRe.FindStringSubmatchIndex(l.raw)
		if m == nil {
			title = append(title, l.text)
			continue
		}
		si, found = k, true
		if pre := strings.TrimSpace(l.raw[:m[2]]); pre != "" {
			title = append(title, pre)
		}
		it.Status = statusOf(l.raw[m[2]:m[3]])
		post := l.raw[m[3]:]
		ws := wordsOfRaw(post)
		cut := len(ws)
		for w := 2; w < len(ws); w++ {
			if r0, _ := utf8.DecodeRuneInString(ws[w].text); unicode.IsUpper(r0) || unicode.IsDigit(r0) {
				cut = w
				break
			}
		}
		if cut > 0 {
			it.LeadUnit = loaders.CleanText(post[:ws[cut-1].end])
		}
		if cut < len(ws) {
			// The line goes on with the objective (and perhaps the
			// period and figures): keep that part as a line of its own.
			restRaw := post[ws[cut].start:]
			lines[k] = dxLine{pdfLine: pdfLine{no: l.no, raw: restRaw, text: loaders.CleanText(restRaw)}}
			it.Unsure = append(it.Unsure, fmt.Sprintf("lead_unit: written on line %d with the text after it, cut before %q", l.no, ws[cut].text))
			si = k - 1
		} else if cut == 0 {
			// "Mới" alone: the unit is on the next, short lines.
			var unit []string
			for j := k + 1; j < len(lines) && len(unit) < 3; j++ {
				u := lines[j]
				if u.text == "" {
					continue
				}
				if runeLen(u.text) > leadRunes || u.text[0] == '-' || cellish(u.raw) || u.afterBreak {
					break
				}
				unit = append(unit, u.text)
				si = j
			}
			it.LeadUnit = joinWrapped(unit)
		}
		break
	}
	if !found {
		r.errs.Add(&loaders.Error{Line: row.line, Text: row.code, Err: loaders.ErrUnexpectedCell,
			Expected: fmt.Sprintf("the status \"Mới\" or \"Chuyển tiếp\" of task %s", itemName(row))})
		title = nil
		for _, l := range lines {
			if l.text != "" && !l.afterBreak {
				title = append(title, l.text)
				break
			}
		}
		si = -1
	}
	return title, si
}

// periodCand is a place where the period and the figures of a dx-plan
// row may start: a year, "Hàng năm", or "Hằng" whose "năm" comes later,
// followed on its line by cells.
type periodCand struct {
	k      int
	period string
	tail   string
	open   bool // "Hằng" whose "năm" comes later
}

// periodCandidates lists the places in body where the period may be.
func periodCandidates(body []dxLine) []periodCand {
	// The period and the figures: the last period that is followed by
	// exactly the layout's cells.
	var cands []periodCand
	for k, l := range body {
		if l.text == "" {
			continue
		}
		ws := wordsOfRaw(l.raw)
		for w, wd := range ws {
			tail := l.raw[wd.end:]
			if strings.HasPrefix(tail, " ") {
				tail = tail[1:]
			}
			if !cellish(tail) {
				continue
			}
			prev := ""
			if w > 0 {
				prev = ws[w-1].text
			} else {
				for j := k - 1; j >= 0; j-- {
					if body[j].text != "" {
						prev = lastWord(body[j].text)
						break
					}
				}
			}
			switch {
			case yearRe.MatchString(wd.text):
				cands = append(cands, periodCand{k, wd.text, tail, false})
			case wd.text == "năm" && (prev == "Hàng" || prev == "Hằng"):
				cands = append(cands, periodCand{k, prev + " năm", tail, false})
			case (wd.text == "Hàng" || wd.text == "Hằng") && hasToken(tail):
				cands = append(cands, periodCand{k, wd.text, tail, true})
			}
		}
	}
	return cands
}

// placePlanFigures reads the period and the figures from the last of the
// candidates (of the 16 last) followed by exactly the layout's cells, and
// reports whether one was.
func (r *dxReader) placePlanFigures(it *DXItem, body []dxLine, cands []periodCand, title []string, wt float64) bool {
	placed := false
	for c := len(cands) - 1; c >= 0 && c >= len(cands)-16; c-- {
		cd := cands[c]
		cells, texts, end, ok := r.planCells(body, cd.k, cd.tail)
		if !ok {
			continue
		}
		placed = true
		it.Period = cd.period
		if cd.open {
			for _, l := range body[end:] {
				if l.text == "năm" {
					it.Period += " năm"
					break
				}
			}
		}
		it.Assignment = AssignLayout
		it.Amounts = cells
		it.TextCells = texts
		it.ValueLine = body[cd.k].no
		r.planContinuation(it, title, body[end:], wt)
		break
	}
	return placed
}

// unplacedPlanFigures keeps the figures of a row whose cells could not be
// placed, as Unplaced, or reports a row without them.
func (r *dxReader) unplacedPlanFigures(it *DXItem, row *dxRawRow, body []dxLine, cands []periodCand) {
	from := 0
	if len(cands) > 0 {
		cd := cands[len(cands)-1]
		it.Period = cd.period
		from = cd.k + 1
		for _, w := range strings.Fields(cd.tail) {
			it.Unplaced = append(it.Unplaced, DXValue{Text: w, Line: body[cd.k].no})
		}
		it.ValueLine = body[cd.k].no
	}
	for _, l := range body[from:] {
		if l.text == "" || l.pageNo || !cellish(l.raw) {
			if len(it.Unplaced) > 0 {
				break
			}
			continue
		}
		if it.ValueLine == 0 {
			it.ValueLine = l.no
		}
		for _, w := range strings.Fields(l.raw) {
			it.Unplaced = append(it.Unplaced, DXValue{Text: w, Line: l.no})
		}
	}
	if len(it.Unplaced) == 0 {
		r.errs.Add(&loaders.Error{Line: row.line, Text: row.code, Err: loaders.ErrTruncated,
			Expected: fmt.Sprintf("a period (a year or \"Hàng năm\") and %d figures for task %s", r.n, itemName(row))})
	}
}

// planCells reads the cells that follow a period: the rest of its line,
// then the next lines, each figure followed by one space and each empty
// cell one space; text where a figure belongs is a text cell. ok when it
// finds exactly the layout's number of cells.
func (r *dxReader) planCells(body []dxLine, k int, tail string) (cells []DXAmount, texts []DXTextCell, end int, ok bool) {
	cells = make([]DXAmount, 0, r.n)
	feed := func(s string, line int) bool {
		cs, _, _ := positionalCells(s, 1, r.n+1)
		for _, c := range cs {
			if len(cells) == r.n {
				if c != "" {
					return false // a figure too many
				}
				continue
			}
			a := DXAmount{}
			if c != "" {
				a = DXAmount{Set: true, DXValue: DXValue{Text: c, Line: line}}
			}
			cells = append(cells, a)
		}
		return true
	}
	if !feed(tail, body[k].no) {
		return nil, nil, 0, false
	}
	j := k + 1
	lastText := false
	var parts [][]string
	for ; j < len(body); j++ {
		l := body[j]
		if l.afterBreak {
			break
		}
		isCells := l.text == "" || cellish(l.raw)
		if len(cells) == r.n && !(lastText && !isCells) {
			if l.pageNo {
				continue
			}
			if isCells && hasToken(l.raw) {
				return nil, nil, 0, false // a figure too many
			}
			if isCells {
				continue
			}
			break
		}
		if isCells {
			lastText = false
			if !feed(l.raw, l.no) {
				return nil, nil, 0, false
			}
			continue
		}
		if lastText {
			parts[len(parts)-1] = append(parts[len(parts)-1], l.text)
			continue
		}
		texts = append(texts, DXTextCell{Column: len(cells), Line: l.no})
		parts = append(parts, []string{l.text})
		cells = append(cells, DXAmount{})
		lastText = true
	}
	if len(cells) != r.n {
		return nil, nil, 0, false
	}
	for i := range texts {
		texts[i].Text = joinWrapped(parts[i])
	}
	return cells, texts, j, true
}

// planContinuation marks a title that may go on after a page break: the
// text after the break belongs to the title or to the objective, which the
// PDF text does not tell apart when the title's last line was full.
func (r *dxReader) planContinuation(it *DXItem, title []string, rest []dxLine, wt float64) {
	if len(title) == 0 {
		return
	}
	for _, l := range rest {
		if l.text == "" || !l.afterBreak {
			continue
		}
		if l.text == "năm" && strings.HasSuffix(it.Period, " năm") {
			continue
		}
		last := title[len(title)-1]
		if textWidth(last+" "+firstWord(l.text)) > wt*paraSlack {
			it.Unsure = append(it.Unsure, fmt.Sprintf("task: may go on after the page break at line %d (%q)", l.no, loaders.Clip(l.text, 60)))
		}
		return
	}
}
