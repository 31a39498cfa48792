package pdfinput

import (
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/vntext"
)

// This file finds the tables of a document from the positions of its
// words (stream mode: no ruling is needed): lines by baseline, the
// running heads and page numbers dropped, columns from the gaps that the
// body rows share, rows from the vertical gaps between cells.

// line is the words of a page on one baseline, left to right.
type line struct {
	page  int
	y     float64 // baseline from the top of the page
	size  float64 // the largest font size on the line
	words []word
}

func (l line) text() string {
	s := make([]string, len(l.words))
	for i, w := range l.words {
		s[i] = w.text
	}
	return strings.Join(s, " ")
}

// segment is a run of words of a line separated by word spaces only: the
// text of one cell on that line (or of a heading that spans cells).
type segment struct {
	text   string
	x0, x1 float64
	words  []word
}

// segments splits a line where the gap between two words is wider than
// 0.45 em (a word space is about 0.25 em; cells are further apart).
func (l line) segments() []segment {
	var out []segment
	for i, w := range l.words {
		if i > 0 && w.x0-out[len(out)-1].x1 <= 0.45*math.Min(w.size, l.words[i-1].size) {
			s := &out[len(out)-1]
			s.text += " " + w.text
			s.x1 = math.Max(s.x1, w.x1)
			s.words = append(s.words, w)
			continue
		}
		out = append(out, segment{text: w.text, x0: w.x0, x1: w.x1, words: []word{w}})
	}
	return out
}

// pageLines groups the words of a page into lines: words whose baselines
// are within 0.3 em of the line's first word.
func pageLines(p page) []line {
	ws := append([]word(nil), p.words...)
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].y < ws[j].y })
	var out []line
	for _, w := range ws {
		if n := len(out); n > 0 && math.Abs(w.y-out[n-1].y) <= 0.3*math.Min(w.size, out[n-1].size) {
			out[n-1].words = append(out[n-1].words, w)
			out[n-1].size = math.Max(out[n-1].size, w.size)
			continue
		}
		out = append(out, line{page: p.no, y: w.y, size: w.size, words: []word{w}})
	}
	for i := range out {
		sort.SliceStable(out[i].words, func(a, b int) bool { return out[i].words[a].x0 < out[i].words[b].x0 })
	}
	return out
}

var (
	pageNumberRe = regexp.MustCompile(`^(?i:(trang|page)\s*)?[-–—]?\s*[0-9]{1,4}\s*[-–—]?(\s*(/|of|trên)\s*[0-9]{1,4})?$`)
	digitRunRe   = regexp.MustCompile(`[0-9]+`)
	headingRe    = regexp.MustCompile(`^phu luc\s+([0-9]{1,3}|[ivxlc]{1,7})\b`)
	rowNumberRe  = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9]{1,3})*\.?$`)
	labelRe      = regexp.MustCompile(`^(?i:tổng|cộng)`)
	sectionRe    = regexp.MustCompile(`^[IVXLC]{1,6}[.)]?\s+\p{Lu}`)
)

// runningKey is a line's text with its numbers masked, so that "Trang 3"
// and "Trang 4", or a date header, are one running line.
func runningKey(l line) string {
	return digitRunRe.ReplaceAllString(l.text(), "#")
}

// bodyLines returns the lines of the document in reading order without
// its running heads: a line in the top or bottom 6.5% of its page that
// recurs (numbers aside) on another page in the same band, and a page
// number ("Trang 3", "3/5", "- 3 -") in the top or bottom 10%.
func bodyLines(doc *document) []line {
	type band struct {
		top bool
		key string
	}
	perPage := make([][]line, len(doc.pages))
	count := map[band]int{}
	for i, p := range doc.pages {
		perPage[i] = pageLines(p)
		seen := map[band]bool{}
		for _, l := range perPage[i] {
			if b, ok := inBand(l, p, 0.065); ok && !seen[band{b, runningKey(l)}] {
				seen[band{b, runningKey(l)}] = true
				count[band{b, runningKey(l)}]++
			}
		}
	}
	var out []line
	for i, p := range doc.pages {
		for _, l := range perPage[i] {
			if b, ok := inBand(l, p, 0.065); ok && count[band{b, runningKey(l)}] >= 2 {
				continue
			}
			if _, ok := inBand(l, p, 0.10); ok && pageNumberRe.MatchString(l.text()) {
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// inBand reports whether a line is in the top (top true) or bottom
// fraction f of its page.
func inBand(l line, p page, f float64) (top, ok bool) {
	switch {
	case l.y < f*p.height:
		return true, true
	case l.y > (1-f)*p.height:
		return false, true
	}
	return false, false
}

// region is the lines under one heading "PHỤ LỤC n" (or the whole
// document when it has none).
type region struct {
	heading string // "PHỤ LỤC 2" as written; "" for the whole document
	number  string // "2", "01", "IV"; "" when no heading
	lines   []line // after the heading line
}

// regions splits the lines at each heading "PHỤ LỤC n".
func regions(lines []line) []region {
	var out []region
	cur := region{}
	for _, l := range lines {
		t := l.text()
		if len(t) >= 40 { // a heading is short: fold no other line
			cur.lines = append(cur.lines, l)
			continue
		}
		if m := headingRe.FindStringSubmatch(vntext.Fold(t)); m != nil {
			if len(cur.lines) > 0 || cur.heading != "" {
				out = append(out, cur)
			}
			cur = region{heading: t, number: m[1]}
			continue
		}
		cur.lines = append(cur.lines, l)
	}
	if len(cur.lines) > 0 || cur.heading != "" {
		out = append(out, cur)
	}
	return out
}

// grid is a table read from a region: its rows of cells (the text of
// each cell's lines joined), the page of each row, and where it is.
type grid struct {
	heading, number, title string
	cols                   int
	rows                   [][]string
	pages                  []int // page of each row's first line
}

// isRowNumber reports a first cell that numbers a data row: "1", "12.",
// "1.2", "8.10".
func isRowNumber(s string) bool { return rowNumberRe.MatchString(s) }

// isLabel reports a segment that labels a total or a section and may
// span the first columns.
func isLabel(s string) bool { return labelRe.MatchString(s) || sectionRe.MatchString(s) }

// tableEnd returns the index of the first line after the table that
// starts at line start: a line of one segment wider than 60% of the
// extent of the numbered rows (a paragraph of text after the table);
// after the last numbered row, a line of one segment that begins at or
// left of the row numbers and is neither a label nor the wrapped end of
// one (a short paragraph after the table, "Chi tiết:", before a table
// of its own); or the end of the region.
func tableEnd(lines []line, start int) int {
	lo, hi := math.Inf(1), math.Inf(-1)
	last := start
	for i, l := range lines[start:] {
		if segs := l.segments(); len(segs) >= 2 && isRowNumber(segs[0].text) {
			lo, hi = math.Min(lo, segs[0].x0), math.Max(hi, segs[len(segs)-1].x1)
			if !figureRe.MatchString(segs[1].text) {
				last = start + i // a numbered row with its name, not "0 0 0"
			}
		}
	}
	var label *line // the last label's line after the last numbered row
	var labelX float64
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		segs := l.segments()
		if len(segs) == 1 && segs[0].x1-segs[0].x0 > 0.6*(hi-lo) {
			return i
		}
		if i <= last || len(segs) == 0 {
			continue
		}
		s := segs[0]
		switch {
		case isLabel(s.text):
			label, labelX = &lines[i], s.x0
		case label != nil && label.page == l.page && l.y-label.y < 2*l.size && math.Abs(s.x0-labelX) < 1:
			label = &lines[i] // "TỔNG/BÌNH" then "QUÂN"
		case len(segs) == 1 && s.x0 <= lo+1 && !isRowNumber(s.text):
			return i
		}
	}
	return len(lines)
}

// findGrid reads the table of a region; nil when the region holds no
// table (no line that starts with a row number and has three cells).
func findGrid(r region) *grid {
	start := -1
	for i, l := range r.lines {
		segs := l.segments()
		if len(segs) >= 3 && isRowNumber(segs[0].text) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	body := tableBody(r.lines, start)
	plain := withoutLabels(body)
	blocks := splitRivers(columnBlocks(plain), plain)
	if len(blocks) < 2 {
		return nil
	}
	seps := separators(blocks)
	g := &grid{heading: r.heading, number: r.number, cols: len(blocks)}
	titles, header := titleAndHeader(r.lines, start, seps)
	g.title = strings.Join(titles, " ")
	g.fill(append(append([]line(nil), header...), body...), len(header), seps)
	return g
}

// tableBody is the lines of the table's body, from its first row to its
// end, without the header lines a later page repeats at its top: the
// words above the body on its first page, at the same x (the lines may
// break at other heights).
func tableBody(lines []line, start int) []line {
	first := lines[start]
	headerWords := map[string][]float64{}
	for _, l := range lines[:start] {
		if l.page == first.page {
			for _, w := range l.words {
				headerWords[w.text] = append(headerWords[w.text], w.x0)
			}
		}
	}
	repeats := func(w word) bool {
		for _, x := range headerWords[w.text] {
			if math.Abs(x-w.x0) <= 2 {
				return true
			}
		}
		return false
	}
	var body []line
	page, top := first.page, false
	for _, l := range lines[start:tableEnd(lines, start)] {
		if l.page != page {
			page, top = l.page, true
		}
		if top {
			repeated := true
			for _, w := range l.words {
				if !repeats(w) {
					repeated = false
					break
				}
			}
			if repeated {
				continue
			}
			top = false
		}
		body = append(body, l)
	}
	return body
}

// titleAndHeader splits the lines before the body on its page (and the
// page before) into the title and the header (with a unit line). The
// title lines are those down to the last line that is one segment across
// half the columns or more.
func titleAndHeader(lines []line, start int, seps []float64) (titles []string, header []line) {
	first := lines[start]
	var pre []line
	for _, l := range lines[:start] {
		if l.page == first.page || l.page == first.page-1 {
			pre = append(pre, l)
		}
	}
	hstart := 0
	for i, l := range pre {
		if segs := l.segments(); len(segs) == 1 && !unitLine(l.text()) {
			if crossed := column(seps, segs[0].x1) - column(seps, segs[0].x0); crossed >= max(2, len(seps)/2) {
				hstart = i + 1
			}
		}
	}
	for i, l := range pre {
		if i >= hstart || unitLine(l.text()) {
			header = append(header, l)
		} else {
			titles = append(titles, l.text())
		}
	}
	return titles, header
}

// fill cuts the lines (the first nheader of them the header) into cells
// by the column separators and adds the grid's rows. The rows before the
// first body row are the header: one row of every header cell's lines (a
// merged cell at the start of its span, its children's text after it), a
// unit line and a line of column numbers kept as rows of their own.
func (g *grid) fill(lines []line, nheader int, seps []float64) {
	ncol := len(seps) + 1
	cells := make([][]placed, len(lines))
	for i, l := range lines {
		cells[i] = cellsOf(l, seps, i < nheader)
	}
	var merged []int
	headerDone := false
	for _, idx := range groupRows(lines, cells, ncol, nheader) {
		if !headerDone && idx[len(idx)-1] < nheader {
			for _, i := range idx {
				if unitLine(lines[i].text()) || columnNumberLine(cells[i]) {
					g.add(rowCells([]int{i}, cells, ncol), lines[i].page)
					continue
				}
				merged = append(merged, i)
			}
			continue
		}
		if !headerDone {
			headerDone = true
			if len(merged) > 0 {
				sort.Ints(merged)
				g.insertHeader(rowCells(merged, cells, ncol), lines[merged[0]].page)
			}
		}
		g.add(rowCells(idx, cells, ncol), lines[idx[0]].page)
	}
}

func (g *grid) add(row []string, page int) {
	g.rows = append(g.rows, row)
	g.pages = append(g.pages, page)
}

// insertHeader puts the header row before the column-number rows that
// follow it (a unit row stays first).
func (g *grid) insertHeader(row []string, page int) {
	at := len(g.rows)
	for at > 0 && !unitRow(g.rows[at-1]) {
		at--
	}
	g.rows = append(g.rows[:at], append([][]string{row}, g.rows[at:]...)...)
	g.pages = append(g.pages[:at], append([]int{page}, g.pages[at:]...)...)
}

func unitRow(row []string) bool {
	for _, c := range row {
		if c != "" {
			return unitLine(c)
		}
	}
	return false
}

func unitLine(s string) bool {
	f := vntext.Fold(s)
	return strings.HasPrefix(f, "don vi tinh") || strings.HasPrefix(f, "(don vi tinh") || strings.HasPrefix(f, "dvt")
}

func firstNonUnit(ls []line) int {
	for i, l := range ls {
		if !unitLine(l.text()) {
			return i
		}
	}
	return len(ls)
}

// columnBlocks returns the x-extents of the table's columns: the union of
// the body's segments (labels of totals and sections, which may span the
// first columns, left out), merged where they overlap.
func columnBlocks(body []line) [][2]float64 {
	var iv [][2]float64
	for _, l := range body {
		for _, s := range l.segments() {
			iv = append(iv, [2]float64{s.x0, s.x1})
		}
	}
	return mergeIntervals(iv)
}

// withoutLabels returns the body lines less the first segment of the
// lines that label a total or a section ("TỔNG CỘNG", "I. CÁC SỞ"), and
// of the lines that wrap such a label ("TỔNG/BÌNH" then "QUÂN"): a label
// may span the first columns.
func withoutLabels(body []line) []line {
	out := make([]line, 0, len(body))
	var label *line // the last label's line, whose next lines may wrap it
	var labelX float64
	for i, l := range body {
		segs := l.segments()
		if len(segs) == 0 {
			continue
		}
		s := segs[0]
		skip := false
		switch {
		case isLabel(s.text):
			label, labelX, skip = &body[i], s.x0, true
		case label != nil && label.page == l.page && l.y-label.y < 2*l.size && math.Abs(s.x0-labelX) < 1:
			label, skip = &body[i], true
		}
		if skip {
			// Drop the label's words.
			rest := l
			rest.words = nil
			for _, w := range l.words {
				if w.x0 > s.x1 {
					rest.words = append(rest.words, w)
				}
			}
			out = append(out, rest)
			continue
		}
		out = append(out, l)
	}
	return out
}

// splitRivers splits a column block where two columns of text were set
// closer than a cell gap: at a "river", an x-range of at least 0.2 em that
// no word of any body line covers, when the words that end at its left
// are ragged (their right edges spread over more than 1 em: the end of
// wrapped text, not one word repeated in every row, as "Không thực hiện"
// in a status column) and at least three lines have words on both sides.
func splitRivers(blocks [][2]float64, body []line) [][2]float64 {
	var out [][2]float64
	for _, b := range blocks {
		var iv [][2]float64
		size := 0.0
		for _, l := range body {
			for _, w := range l.words {
				if w.x0 >= b[0]-0.5 && w.x1 <= b[1]+0.5 {
					iv = append(iv, [2]float64{w.x0, w.x1})
					size = math.Max(size, w.size)
				}
			}
		}
		cover := mergeIntervals(iv)
		start := b[0]
		for i := 1; i < len(cover); i++ {
			gap0, gap1 := cover[i-1][1], cover[i][0]
			if gap1-gap0 < 0.2*size || !raggedLeft(body, gap0, gap1, start, size) {
				continue
			}
			out = append(out, [2]float64{start, gap0})
			start = gap1
		}
		out = append(out, [2]float64{start, b[1]})
	}
	return out
}

// raggedLeft reports whether the lines with words on both sides of the
// gap (x0, x1) are three or more and the right edges of their last words
// before it (from lo) spread over more than 1 em.
func raggedLeft(body []line, x0, x1, lo, size float64) bool {
	n := 0
	minR, maxR := math.Inf(1), math.Inf(-1)
	for _, l := range body {
		left, right := math.Inf(-1), false
		for _, w := range l.words {
			switch {
			case w.x1 <= x0+0.01 && w.x0 >= lo-0.5:
				left = math.Max(left, w.x1)
			case w.x0 >= x1-0.01:
				right = true
			}
		}
		if !math.IsInf(left, -1) && right {
			n++
			minR, maxR = math.Min(minR, left), math.Max(maxR, left)
		}
	}
	return n >= 3 && maxR-minR > size
}

func mergeIntervals(iv [][2]float64) [][2]float64 {
	sort.Slice(iv, func(i, j int) bool { return iv[i][0] < iv[j][0] })
	var out [][2]float64
	for _, v := range iv {
		if n := len(out); n > 0 && v[0] <= out[n-1][1]+0.5 {
			out[n-1][1] = math.Max(out[n-1][1], v[1])
			continue
		}
		out = append(out, v)
	}
	return out
}

// separators are the x-positions between columns: the middles of the
// gaps between blocks.
func separators(blocks [][2]float64) []float64 {
	out := make([]float64, 0, len(blocks)-1)
	for i := 1; i < len(blocks); i++ {
		out = append(out, (blocks[i-1][1]+blocks[i][0])/2)
	}
	return out
}

// column returns the column (0-based) of x.
func column(seps []float64, x float64) int {
	return sort.SearchFloat64s(seps, x)
}

// placed is a segment in its column.
type placed struct {
	col  int
	text string
	y    float64
	size float64
}

// cellsOf places the segments of a line in columns. A segment within one
// column is in that column; one that spans columns (a merged cell) is,
// in the header (centred), in the first column of the span that is
// centred on it, in the body in the column where it starts.
func cellsOf(l line, seps []float64, header bool) []placed {
	var out []placed // in order of x: a column's texts are consecutive
	for k, s := range l.segments() {
		c0, c1 := column(seps, s.x0), column(seps, s.x1)
		c := c0
		if c0 != c1 && !header && !(k == 0 && isLabel(s.text)) {
			// Two cells set closer than a cell gap ("… truyền số 2012"):
			// each word in the column of its middle.
			for _, w := range s.words {
				wc := column(seps, (w.x0+w.x1)/2)
				if n := len(out); n > 0 && out[n-1].col == wc {
					out[n-1].text += " " + w.text
					continue
				}
				out = append(out, placed{col: wc, text: w.text, y: l.y, size: l.size})
			}
			continue
		}
		if c0 != c1 && header {
			c = spanStart(seps, s)
			if c1 == c0+1 {
				// Across one separator, mostly on one side: a header
				// wider than its column's figures, not a merged cell.
				left, right := seps[c0]-s.x0, s.x1-seps[c0]
				switch {
				case left < 0.25*(left+right):
					c = c1
				case right < 0.25*(left+right):
					c = c0
				}
			}
		}
		out = append(out, placed{col: c, text: s.text, y: l.y, size: l.size})
	}
	return out
}

// spanStart returns the first column of the span of columns whose middle
// is nearest the middle of a centred segment and that holds it.
func spanStart(seps []float64, s segment) int {
	c0, c1 := column(seps, s.x0), column(seps, s.x1)
	mid := (s.x0 + s.x1) / 2
	left := func(c int) float64 {
		if c == 0 {
			return s.x0
		}
		return seps[c-1]
	}
	right := func(c int) float64 {
		if c >= len(seps) {
			return s.x1
		}
		return seps[c]
	}
	best, bestD := c0, math.Inf(1)
	for a := max(0, c0-1); a <= c0; a++ {
		for b := c1; b <= min(len(seps), c1+1); b++ {
			if d := math.Abs((left(a)+right(b))/2 - mid); d < bestD-1e-9 {
				best, bestD = a, d
			}
		}
	}
	return best
}

// groupRows groups the lines into table rows: it returns the indexes of
// each row's lines. Within a column, lines no further apart than the line
// pitch are one cell; a row ends where no column's cell goes on past that
// line. A page break ends a row, except that a body row broken over two
// pages (the next page starts without a row number where the table
// numbers its rows) is joined. Lines before nHeader are the header's.
func groupRows(lines []line, cells [][]placed, ncol, nHeader int) [][]int {
	pitch := linePitch(lines, cells)
	// cont[i]: line i+1 continues a cell of a line at or before i.
	cont := make([]bool, len(lines))
	lastY := make([]float64, ncol)
	lastPage := make([]int, ncol)
	lastLine := make([]int, ncol)
	for c := range lastLine {
		lastLine[c] = -1
	}
	for i, l := range lines {
		for _, p := range cells[i] {
			c := p.col
			if lastLine[c] >= 0 && lastPage[c] == l.page && l.y-lastY[c] <= pitch {
				for k := lastLine[c]; k < i; k++ {
					cont[k] = true
				}
			}
			lastY[c], lastPage[c], lastLine[c] = l.y, l.page, i
		}
	}
	numbered := false
	for i := nHeader; i < len(lines); i++ {
		if len(cells[i]) > 0 && cells[i][0].col == 0 && isRowNumber(cells[i][0].text) {
			numbered = true
			break
		}
	}
	var rows [][]int
	var cur []int
	for i, l := range lines {
		newPage := i > 0 && l.page != lines[i-1].page
		switch {
		case newPage && cur != nil && numbered && cur[len(cur)-1] >= nHeader && !startsRow(lines, cells, cont, i) && !figuresClash(cur, lines, cells, cont, i):
			// A row broken over the page break: go on.
		case i == 0 || !cont[i-1] || newPage:
			if cur != nil {
				rows = append(rows, cur)
			}
			cur = nil
		}
		cur = append(cur, i)
	}
	if cur != nil {
		rows = append(rows, cur)
	}
	return rows
}

// rowCells joins the lines of each cell of a row.
func rowCells(idx []int, cells [][]placed, ncol int) []string {
	parts := make([][]string, ncol)
	for _, i := range idx {
		for _, p := range cells[i] {
			parts[p.col] = append(parts[p.col], p.text)
		}
	}
	row := make([]string, ncol)
	for c, ps := range parts {
		row[c] = joinLines(ps)
	}
	return row
}

// columnNumberLine reports a header line that numbers the columns:
// "(1) (2) (3)" or "A B C", "1 2 3".
func columnNumberLine(cells []placed) bool {
	if len(cells) < 3 {
		return false
	}
	for _, p := range cells {
		if !columnNumberRe.MatchString(p.text) {
			return false
		}
	}
	return true
}

var columnNumberRe = regexp.MustCompile(`^\(?([0-9]{1,2}|[A-Z])\)?$`)

// figuresClash reports whether the row group that begins at line i has a
// figure in a column where the row cur has one: then it is a row of its
// own (a row without a number), not the rest of a row broken by the page.
func figuresClash(cur []int, lines []line, cells [][]placed, cont []bool, i int) bool {
	have := map[int]bool{}
	for _, k := range cur {
		for _, p := range cells[k] {
			if figureRe.MatchString(p.text) {
				have[p.col] = true
			}
		}
	}
	for k := i; k < len(lines); k++ {
		for _, p := range cells[k] {
			if have[p.col] && figureRe.MatchString(p.text) {
				return true
			}
		}
		if !cont[k] || (k+1 < len(lines) && lines[k+1].page != lines[k].page) {
			break
		}
	}
	return false
}

var figureRe = regexp.MustCompile(`^([0-9][0-9.,]*%?|[-–—])$`)

// startsRow reports whether the row group that begins at line i has a
// row number (or a label) in its first column.
func startsRow(lines []line, cells [][]placed, cont []bool, i int) bool {
	for k := i; k < len(lines); k++ {
		for _, p := range cells[k] {
			if p.col == 0 {
				return true
			}
		}
		if !cont[k] || (k+1 < len(lines) && lines[k+1].page != lines[k].page) {
			break
		}
	}
	return false
}

// linePitch is the most that the baselines of two lines of one cell are
// apart: the smallest gap between successive lines of a column (its 5th
// percentile among those at least 0.9 em apart) and 0.1 em more, which
// the padding of a cell's border exceeds; at most 1.35 em (when no cell
// has two lines, the smallest gap is between rows).
func linePitch(lines []line, cells [][]placed) float64 {
	var gaps []float64
	last := map[int]int{}
	var size float64
	for i, l := range lines {
		size = math.Max(size, l.size)
		for _, p := range cells[i] {
			if k, ok := last[p.col]; ok && lines[k].page == l.page {
				if d := l.y - lines[k].y; d >= 0.9*l.size && d <= 3*l.size {
					gaps = append(gaps, d)
				}
			}
			last[p.col] = i
		}
	}
	if len(gaps) == 0 {
		return 1.35 * size
	}
	sort.Float64s(gaps)
	return math.Min(gaps[len(gaps)/20]+0.1*size, 1.35*size)
}

// joinLines joins the lines of a cell with a space, or with nothing after
// a line that ends in a hyphen joined to its word ("07-" + "NQ/TU").
func joinLines(parts []string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			prev := parts[i-1]
			if !(strings.HasSuffix(prev, "-") && len(prev) > 1 && prev[len(prev)-2] != ' ') {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return loaders.CleanText(b.String())
}

// sameNumber reports whether two appendix numbers are the same: "01" and
// "1", "IV" and "iv".
func sameNumber(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if x, err := strconv.Atoi(a); err == nil {
		if y, err := strconv.Atoi(b); err == nil {
			return x == y
		}
	}
	return a == b
}
