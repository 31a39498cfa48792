package dxtext

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ictplan/ictplan/loaders"
)

// DXTable is a budget table of a provincial digital-transformation plan
// read from PDF text with layout dx-results or dx-plan: its tasks (items),
// its pillar rows (subtotals, as reported) and its grand total.
//
// Figures are read from their positions (see PDFResults and PDFPlan).
// An item whose spacing does not give the layout's number of cells keeps
// its figures, in written order, in Unplaced and an empty Assignment:
// Infer places them when the pillar subtotals allow exactly one placement;
// otherwise they need a reviewed transcription (AssignCurated), which the
// caller supplies.
type DXTable struct {
	Layout   loaders.Layout
	File     string
	Appendix string
	// FirstLine and LastLine bound the table in the source.
	FirstLine, LastLine int
	// Convention of the numbers, and why.
	Convention       loaders.Convention
	ConventionReason string
	// MoneyUnit the figures are written in.
	MoneyUnit loaders.MoneyUnit
	// Columns are the amount columns, in order (the layout's Money cells).
	Columns []string
	Pillars []DXPillar
	Items   []DXItem
	// Total is the "TỔNG CỘNG" row; nil when the table has none.
	Total *DXTotal
	// Funding is the summary by funding source that follows a dx-results
	// table ("Nguồn vốn … Tỷ lệ thực hiện (%)"); nil when there is none.
	Funding *FundingSummary
}

// DXValue is one figure as the source writes it.
type DXValue struct {
	Text     string  // as written ("1.200", "6900", "-")
	Value    float64 // in million đồng for amounts; "-" is 0
	Line     int
	Decimals int // digits written after the decimal mark
}

// DXPillar is a pillar row: the pillar's number and name and the figures
// it reports, which are subtotals of its items.
type DXPillar struct {
	No   int
	Name string
	Line int
	// Values are the reported figures of the amount columns, in order.
	Values []DXValue
	// Extra are figures written beyond the amount columns: reported, not
	// read into any column.
	Extra []DXValue
}

// DXTotal is the grand-total row.
type DXTotal struct {
	Label  string
	Line   int
	Values []DXValue
	Extra  []DXValue
}

// DXAmount is one amount cell of an item.
type DXAmount struct {
	Set bool // a figure is written ("-" included); false for an empty cell
	DXValue
}

// DXTextCell is text written where a figure belongs ("Xin bổ sung kinh
// phí …"): the amount is null and the text is kept here.
type DXTextCell struct {
	Column int // index into DXTable.Columns
	Text   string
	Line   int
}

// DXItem is a task (a data row).
type DXItem struct {
	Pillar int    // the pillar's number
	Code   string // "3.6"; "" for a pillar's unnumbered task
	Line   int    // where the row starts
	Task   string // the title, re-joined from its wrapped lines
	// Note is the "Ghi chú" of a dx-results row.
	Note string
	// Status ("new" or "continuing"), LeadUnit and Period of a dx-plan row.
	Status, LeadUnit, Period string
	// Amounts has one cell per amount column.
	Amounts []DXAmount
	// Assignment says how the figures reached their columns: AssignLayout,
	// AssignInferred, AssignCurated, or "" while Unplaced.
	Assignment string
	// Unplaced are the figures, in written order, of a row whose spacing
	// did not give the layout's cells.
	Unplaced  []DXValue
	TextCells []DXTextCell
	// ValueLine is the line of the (first) figures.
	ValueLine int
	// Unsure lists the text fields the reader could not settle from the
	// text alone, each as the column name, a colon and the reason ("task:
	// may go on after the page break at line 4831 …", "lead_unit: written
	// on line 5923 with the text after it …"). A reviewed transcription
	// should settle them.
	Unsure []string
}

// dxLine is a line of a row, with whether a page break came before it.
type dxLine struct {
	pdfLine
	afterBreak bool
	// pageNo: a line of one to three digits right before a repeated page
	// header, a page number unless the row still needs a figure.
	pageNo bool
}

type dxRawRow struct {
	pillar int // pillar number
	code   string
	line   int
	head   dxLine // text on the code line after the code (text == "" if none)
	lines  []dxLine
}

type rawFigures struct {
	label string
	line  int
	toks  []rawTok
}

type rawTok struct {
	text string
	line int
}

var (
	codeRe         = regexp.MustCompile(`^([0-9]{1,2})\.([0-9]{1,2})(?:\s+(.*))?$`)
	grandTotalDXRe = regexp.MustCompile(`^(?i:tổng\s+cộng)\b`)
	statusRe       = regexp.MustCompile(`(?:^|\s)(Mới|Chuyển tiếp)(?:\s|$)`)
	yearRe         = regexp.MustCompile(`^(?:19|20)[0-9]{2}(?:[-–](?:19|20)[0-9]{2})?$`)
)

// Text heuristics of the dx readers: a title column is narrower than the
// objective beside it, so its lines are no wider than the widest first
// line of a title (times titleSlack); a line that had room for the next
// word (narrower than that width times paraSlack) ended its paragraph.
const (
	titleSlack = 1.03
	paraSlack  = 0.97
	// noteRunes is the widest line of a dx-results note ("Ghi chú"), a
	// narrow column.
	noteRunes = 16
	// leadRunes is the widest line of a dx-plan lead unit written under
	// its status ("Mới" / "Công an" / "tỉnh").
	leadRunes = 12
)

// dxReader reads one table.
type dxReader struct {
	file   string
	l      loaders.Layout
	form   loaders.TextForm
	n      int // amount columns
	errs   *loaders.ErrorList
	header pageHeader
	unit   string

	pillars []rawFigures
	rows    []*dxRawRow
	total   *rawFigures
	after   []pdfLine // lines after the grand total
	// convReported: the table's undecided convention was reported (an
	// ErrAmbiguousNumber at its first figure that reads two ways); the
	// other such figures are not reported again, one by one.
	convReported bool
}

// ReadDX reads a dx-results or dx-plan table (or another layout of those
// forms) from PDF text, with Options.Appendix selecting the table under
// "PHỤ LỤC <Appendix>". The figures are parsed in Options.Convention, else
// in the layout's (Layout.Numbers), else in the convention a figure of the
// table decides (a decimal part, 58,68, or several groups, 1.401.524);
// the reason is in ConventionReason. When no figure decides, one that
// reads two ways (18.970: 18970 or 18,97) is an ErrAmbiguousNumber at the
// first of them, never a guess; when none reads two ways the convention
// stays Undecided, as nothing needs deciding. A table that ends before its grand
// total ("TỔNG CỘNG") is an ErrTruncated: it was cut short. Problems are
// positioned *Error values joined in line order, and the table read so far
// is returned with them; items whose figures could not be placed are not
// errors here (see Infer).
func ReadDX(text []byte, l loaders.Layout, o loaders.Options) (*DXTable, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if l.Form != loaders.PDFResults && l.Form != loaders.PDFPlan {
		return nil, fmt.Errorf("layout %q reads %s, not a PDF budget table", l.Name, l.Form)
	}
	lines, err := splitRawLines(o.File, text)
	if err != nil {
		return nil, err
	}
	region, err := pdfAppendix(o.File, lines, o.Appendix)
	if err != nil {
		return nil, err
	}
	normalizeLines(region)
	r := &dxReader{file: o.File, l: l, form: l.Form, n: len(moneyCells(l)), errs: loaders.NewErrorList(o.File)}
	r.read(region)
	t := r.build(o)
	if err := r.errs.Err(); err != nil {
		return t, err
	}
	return t, nil
}

// pdfAppendix returns the lines of appendix id (raw lines, see
// splitRawLines): from its heading to the next appendix heading. With id
// "", a text with one appendix or none is taken whole, and a text with
// several is an error asking for a choice.
func pdfAppendix(file string, lines []pdfLine, id string) ([]pdfLine, error) {
	var heads []int
	for i, l := range lines {
		if headingID(l.raw) != "" {
			heads = append(heads, i)
		}
	}
	if id == "" {
		if len(heads) > 1 {
			ids := make([]string, len(heads))
			for k, h := range heads {
				ids[k] = headingID(lines[h].raw)
			}
			return nil, &loaders.Error{File: file, Line: lines[heads[0]].no, Err: loaders.ErrMissingAppendix,
				Expected: fmt.Sprintf("a choice of appendix (Options.Appendix, ictplan parse --appendix): the text holds appendices %s", strings.Join(ids, ", "))}
		}
		return lines, nil
	}
	want := strings.TrimLeft(strings.ToUpper(strings.TrimSpace(id)), "0")
	for k, h := range heads {
		if headingID(lines[h].raw) != want || want == "" {
			continue
		}
		end := len(lines)
		if k+1 < len(heads) {
			end = heads[k+1]
		}
		return lines[h:end], nil
	}
	last := 0
	if len(lines) > 0 {
		last = lines[len(lines)-1].no
	}
	return nil, &loaders.Error{File: file, Line: last, Err: loaders.ErrMissingAppendix, Expected: fmt.Sprintf("a heading \"PHỤ LỤC %s\"", id)}
}

// headingID is appendixID for a raw line: only a line whose first
// non-blank letter is P can be a heading "PHỤ LỤC …", so the others are not
// cleaned.
func headingID(raw string) string {
	t := strings.TrimLeftFunc(raw, loaders.IsBlank)
	if t == "" || (t[0] != 'P' && t[0] != 'p') {
		return ""
	}
	return loaders.AppendixID(loaders.CleanText(rawLine(t)))
}

// pillarLine reads a pillar row: its number (want), its name and at least
// half as many figures as there are amount columns.
func (r *dxReader) pillarLine(l pdfLine, want int) (rawFigures, bool) {
	ws := strings.Fields(l.text)
	if len(ws) < 3 || len(ws[0]) > 2 || ws[0] != strconv.Itoa(want) {
		return rawFigures{}, false
	}
	k := len(ws)
	for k > 1 && isAmountToken(ws[k-1]) {
		k--
	}
	if k < 2 || len(ws)-k < (r.n+1)/2 {
		return rawFigures{}, false
	}
	name := strings.Join(ws[1:k], " ")
	if strings.IndexFunc(name, unicode.IsLetter) < 0 {
		return rawFigures{}, false
	}
	f := rawFigures{label: name, line: l.no}
	for _, w := range ws[k:] {
		f.toks = append(f.toks, rawTok{w, l.no})
	}
	return f, true
}

// totalLine reads the grand-total row ("TỔNG CỘNG 18.970 0 …").
func (r *dxReader) totalLine(l pdfLine) (rawFigures, bool) {
	m := grandTotalDXRe.FindStringIndex(l.text)
	if m == nil {
		return rawFigures{}, false
	}
	ws := strings.Fields(l.text[m[1]:])
	if len(ws) == 0 {
		return rawFigures{}, false
	}
	f := rawFigures{label: strings.TrimSpace(l.text[:m[1]]), line: l.no}
	for _, w := range ws {
		if !isAmountToken(w) {
			return rawFigures{}, false
		}
		f.toks = append(f.toks, rawTok{w, l.no})
	}
	return f, true
}

// read reads the lines of a dx table: its header, then its pillar rows,
// tasks and the grand total, into r.
func (r *dxReader) read(lines []pdfLine) {
	i, ok := r.readHeader(lines)
	if !ok {
		return
	}
	b := dxBody{r: r, expect: 1}
	for ; i < len(lines); i++ {
		l := lines[i]
		if l.raw == "" {
			continue
		}
		if l.text != "" && len(r.header.words) >= minHeaderWords && firstWord(l.text) == r.header.words[0] {
			if next, rest, ok := r.header.match(lines, i); ok {
				if b.cur != nil {
					b.cur.markPageNumber()
				}
				b.pendingBreak = true
				i = next - 1
				if rest != nil {
					// The header's last line goes on with the table: read
					// that part as a line of its own (it is shorter than
					// the line, so this ends).
					lines[next-1] = *rest
					i = next - 2
				}
				continue
			}
		}
		if l.text == "" {
			if b.cur != nil {
				b.add(l)
			}
			continue
		}
		if f, ok := r.pillarLine(l, b.pillar+1); ok {
			b.closeRow()
			r.pillars = append(r.pillars, f)
			b.pillar++
			b.expect = 1
			b.pendingBreak = false
			continue
		}
		if f, ok := r.totalLine(l); ok {
			b.closeRow()
			r.total = &f
			r.after = lines[i+1:]
			return
		}
		if b.task(l) {
			continue
		}
		if b.cur == nil {
			// A pillar's unnumbered task ("-" in its TT cell, or none).
			b.cur = &dxRawRow{pillar: b.pillar, line: l.no}
			b.pendingBreak = false
			if l.text == "-" {
				continue
			}
		}
		b.add(l)
	}
	b.closeRow()
	r.truncated(lines, b.pillar)
}

// readHeader reads the lines before the first pillar row: the unit line
// and the header, whose words it learns, to recognise the page headers the
// PDF repeats. It returns the index of the first pillar row, or false
// (with an error) when the table has none.
func (r *dxReader) readHeader(lines []pdfLine) (int, bool) {
	i := 0
	if len(lines) > 0 && loaders.AppendixID(lines[0].text) != "" {
		i = 1
	}
	var hw []string
	inHeader := false
	for ; i < len(lines); i++ {
		l := lines[i]
		if l.text == "" {
			continue
		}
		if _, ok := r.pillarLine(l, 1); ok {
			break
		}
		if u, ok := loaders.UnitLine(l.text); ok {
			r.unit = u
			continue
		}
		if !inHeader && firstWord(l.text) == "TT" {
			inHeader = true
		}
		if inHeader {
			hw = append(hw, strings.Fields(l.text)...)
		}
	}
	r.header = pageHeader{words: hw}
	if i == len(lines) {
		line := 0
		if len(lines) > 0 {
			line = lines[0].no
		}
		r.errs.Add(&loaders.Error{Line: line, Err: loaders.ErrTruncated, Expected: fmt.Sprintf("a pillar row such as \"1 Nhận thức số\" followed by its figures (layout %s)", r.l.Name)})
		return i, false
	}
	return i, true
}

// dxBody is the state of reading a dx table's body: the task being read,
// the pillar it is in, the number of the next task, and whether a page
// break came before the next line of text.
type dxBody struct {
	r            *dxReader
	cur          *dxRawRow
	pillar       int
	expect       int
	pendingBreak bool
}

// closeRow ends the task being read.
func (b *dxBody) closeRow() {
	if b.cur != nil {
		b.r.rows = append(b.r.rows, b.cur)
		b.cur = nil
	}
}

// add adds a line to the task being read, marked when a page break came
// before it.
func (b *dxBody) add(l pdfLine) {
	dl := dxLine{pdfLine: l}
	if l.text != "" {
		dl.afterBreak, b.pendingBreak = b.pendingBreak, false
	}
	b.cur.lines = append(b.cur.lines, dl)
}

// task starts a new task when l begins with the next task number of the
// pillar ("3.2 …") and reports whether it did. A number that skips tasks
// starts the task with an error; a task of the next pillar before that
// pillar's row is an error (the row was lost or garbled) and is read as
// text of the task above.
func (b *dxBody) task(l pdfLine) bool {
	m := codeRe.FindStringSubmatch(l.text)
	if m == nil {
		return false
	}
	major, _ := strconv.Atoi(m[1])
	minor, _ := strconv.Atoi(m[2])
	if major == b.pillar && minor >= b.expect && minor > 0 {
		if minor > b.expect {
			b.r.errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell,
				Expected: fmt.Sprintf("task %d.%d (tasks are numbered in sequence)", b.pillar, b.expect)})
		}
		b.closeRow()
		b.cur = &dxRawRow{pillar: b.pillar, code: m[1] + "." + m[2], line: l.no}
		if m[3] != "" {
			ws := wordsOfRaw(l.raw)
			b.cur.head = dxLine{pdfLine: pdfLine{no: l.no, raw: l.raw[ws[1].start:], text: m[3]}, afterBreak: b.pendingBreak}
		}
		b.pendingBreak = false
		b.expect = minor + 1
		return true
	}
	if major == b.pillar+1 && minor >= 1 && len(m[3]) < 200 {
		b.r.errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell,
			Expected: fmt.Sprintf("the row of pillar %d (its number, name and figures) before its task %d.%d", b.pillar+1, major, minor)})
	}
	return false
}

// truncated reports a table that ended without its grand total: cut
// short, perhaps in the middle of a pillar whose subtotal its rows no
// longer add up to.
func (r *dxReader) truncated(lines []pdfLine, pillar int) {
	k := len(lines) - 1
	for k > 0 && lines[k].text == "" {
		k--
	}
	last := lines[k]
	after := fmt.Sprintf("the row of pillar %d", pillar)
	if n := len(r.rows); n > 0 && r.rows[n-1].pillar == pillar {
		after = fmt.Sprintf("task %s (pillar %d)", itemName(r.rows[n-1]), pillar)
	}
	r.errs.Add(&loaders.Error{Line: last.no, Text: last.text, Err: loaders.ErrTruncated,
		Expected: fmt.Sprintf("the grand-total row (TỔNG CỘNG) of layout %s: the table ends after %s, cut short or with its total row lost", r.l.Name, after)})
}

// markPageNumber marks the last line of a row when it is a lone number
// of one to three digits (blank lines after it aside): it stood at the
// foot of a page, before a repeated header.
func (row *dxRawRow) markPageNumber() {
	k := len(row.lines)
	for k > 0 && row.lines[k-1].text == "" {
		k--
	}
	if k > 0 {
		t := row.lines[k-1].text
		if len(t) <= 3 && strings.Trim(t, "0123456789") == "" {
			row.lines[k-1].pageNo = true
		}
	}
}

// build turns the raw rows into the table: it parses the figures, places
// them by position and reads the text fields.
func (r *dxReader) build(o loaders.Options) *DXTable {
	t := &DXTable{Layout: r.l, File: r.file, Appendix: o.Appendix, MoneyUnit: r.l.MoneyUnit}
	for _, k := range moneyCells(r.l) {
		t.Columns = append(t.Columns, r.l.Cells[k].Name)
	}
	if len(r.pillars) == 0 {
		return t
	}
	t.FirstLine = r.pillars[0].line
	t.LastLine = t.FirstLine
	t.MoneyUnit = r.moneyUnit(o)
	wt := r.titleWidth()
	for _, row := range r.rows {
		var it DXItem
		if r.form == loaders.PDFResults {
			it = r.resultsItem(row, wt)
		} else {
			it = r.planItem(row, wt)
		}
		t.Items = append(t.Items, it)
		if it.Line > t.LastLine {
			t.LastLine = it.Line
		}
	}
	var funding []fundingRaw
	if r.total != nil && r.form == loaders.PDFResults {
		funding = scanFunding(r.after, r.errs)
	}
	r.finish(t, o, funding)
	return t
}

// finish reads the figures of a table whose rows are sorted: the number
// convention from all of them, the pillar rows' and the total's values,
// the funding summary's, and each item's amounts.
func (r *dxReader) finish(t *DXTable, o loaders.Options, funding []fundingRaw) {
	var e *loaders.Error
	t.Convention, t.ConventionReason, e = numberConvention(r.figureTokens(t, funding), o.Convention, r.l.Numbers, r.l.Name)
	if e != nil {
		r.errs.Add(e)
		r.convReported = e.Err == loaders.ErrAmbiguousNumber
	}
	for _, p := range r.pillars {
		no := len(t.Pillars) + 1
		vals := r.values(p.toks, t)
		dp := DXPillar{No: no, Name: p.label, Line: p.line}
		if len(p.toks) < r.n {
			r.errs.Add(&loaders.Error{Line: p.line, Text: p.label, Err: loaders.ErrCellCount,
				Expected: fmt.Sprintf("%d figures in the row of pillar %d, found %d", r.n, no, len(p.toks))})
		}
		dp.Values, dp.Extra = splitAt(vals, r.n)
		t.Pillars = append(t.Pillars, dp)
	}
	if r.total != nil {
		vals := r.values(r.total.toks, t)
		if len(r.total.toks) < r.n {
			r.errs.Add(&loaders.Error{Line: r.total.line, Text: r.total.label, Err: loaders.ErrCellCount,
				Expected: fmt.Sprintf("%d figures in the total row, found %d", r.n, len(r.total.toks))})
		}
		tt := &DXTotal{Label: r.total.label, Line: r.total.line}
		tt.Values, tt.Extra = splitAt(vals, r.n)
		t.Total = tt
		t.LastLine = r.total.line
		if r.form == loaders.PDFResults {
			t.Funding = parseFunding(funding, func(tk rawTok) (DXValue, error) { return r.fundingFigure(tk, t.Convention) })
		}
	}
	for i := range t.Items {
		r.parseItemFigures(&t.Items[i], t)
	}
	if len(t.Items) == 0 {
		r.errs.Add(&loaders.Error{Line: t.FirstLine, Err: loaders.ErrTruncated, Expected: "at least one task under the pillar rows"})
	}
}

func splitAt(v []DXValue, n int) (head, extra []DXValue) {
	if len(v) <= n {
		return v, nil
	}
	return v[:n], v[n:]
}

// values parses figures of a pillar or total row.
func (r *dxReader) values(toks []rawTok, t *DXTable) []DXValue {
	out := make([]DXValue, 0, len(toks))
	for _, tk := range toks {
		v, err := r.figure(tk, t)
		if err != nil {
			continue
		}
		out = append(out, v)
	}
	return out
}

// figure parses one figure; a problem is added to the errors.
func (r *dxReader) figure(tk rawTok, t *DXTable) (DXValue, error) {
	a, err := loaders.ParseAmount(tk.text, t.Convention, t.MoneyUnit, true)
	if err != nil {
		r.figureError(tk, "an amount of money ", err)
		return DXValue{}, err
	}
	return DXValue{Text: tk.text, Value: a.Million, Line: tk.line, Decimals: a.Decimals}, nil
}

// figureTokens are the figures of the table, as written, that decide its
// number convention: those of the pillar rows, the grand total, the items
// (placed or not) and the funding summary.
func (r *dxReader) figureTokens(t *DXTable, funding []fundingRaw) []rawTok {
	var toks []rawTok
	for _, p := range r.pillars {
		toks = append(toks, p.toks...)
	}
	if r.total != nil {
		toks = append(toks, r.total.toks...)
	}
	for _, it := range t.Items {
		for _, a := range it.Amounts {
			if a.Set {
				toks = append(toks, rawTok{a.Text, a.Line})
			}
		}
		for _, u := range it.Unplaced {
			toks = append(toks, rawTok{u.Text, u.Line})
		}
	}
	for _, f := range funding {
		toks = append(toks, f.toks...)
	}
	return toks
}

func (r *dxReader) moneyUnit(o loaders.Options) loaders.MoneyUnit {
	if o.Unit != "" {
		if u, ok := loaders.ParseMoneyUnit(o.Unit); ok {
			return u
		}
		r.errs.Add(&loaders.Error{Err: loaders.ErrNotNumber, Text: o.Unit, Expected: "a money unit such as \"triệu đồng\""})
	}
	if r.unit != "" {
		if u, ok := loaders.ParseMoneyUnit(r.unit); ok {
			return u
		}
	}
	return r.l.MoneyUnit
}

// titleWidth is the widest first line of a title in the table: a bound on
// the width of the title column.
func (r *dxReader) titleWidth() float64 {
	w := 0.0
	for _, row := range r.rows {
		first := ""
		switch {
		case row.head.text != "":
			first = row.head.text
			if r.form == loaders.PDFPlan {
				if m := statusRe.FindStringIndex(first); m != nil {
					first = strings.TrimSpace(first[:m[0]])
				}
			}
		default:
			for _, l := range row.lines {
				if l.text != "" {
					first = l.text
					break
				}
			}
		}
		if first != "" && !cellish(first) {
			w = max(w, textWidth(first))
		}
	}
	return w
}

// endsParagraph reports whether cur does not continue the paragraph of
// prev in a column of width wt: cur is a list item, is too wide for the
// column, or prev had room for cur's first word.
func endsParagraph(prev, cur string, wt float64) bool {
	if cur == "" {
		return true
	}
	switch cur[0] {
	case '-', '+', '*':
		return true
	}
	if strings.HasPrefix(cur, "–") || strings.HasPrefix(cur, "•") {
		return true
	}
	if textWidth(cur) > wt*titleSlack {
		return true
	}
	return textWidth(prev+" "+firstWord(cur)) <= wt*paraSlack
}

// joinWrapped joins the wrapped lines of a cell: with a space, except
// after a hyphen that ends a word ("2020-" + "2025" is "2020-2025").
func joinWrapped(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = loaders.CleanText(l)
		if l == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			s := b.String()
			if !(strings.HasSuffix(s, "-") && len(s) > 1 && s[len(s)-2] != ' ') {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return loaders.CleanText(b.String())
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func itemName(row *dxRawRow) string {
	if row.code != "" {
		return row.code
	}
	return fmt.Sprintf("of pillar %d (unnumbered)", row.pillar)
}

// parseItemFigures parses the figure texts of an item in the table's
// convention.
func (r *dxReader) parseItemFigures(it *DXItem, t *DXTable) {
	for c := range it.Amounts {
		a := &it.Amounts[c]
		if !a.Set {
			continue
		}
		v, err := r.figure(rawTok{a.Text, a.Line}, t)
		if err != nil {
			a.Set = false
			continue
		}
		a.DXValue = v
	}
	for u := range it.Unplaced {
		v, err := r.figure(rawTok{it.Unplaced[u].Text, it.Unplaced[u].Line}, t)
		if err == nil {
			it.Unplaced[u] = v
		}
	}
}

// figureError reports a figure that does not read, unless it reads two
// ways and the table's undecided convention was reported already.
func (r *dxReader) figureError(tk rawTok, what string, err error) {
	cause, detail := loaders.ErrorCause(err)
	if cause == loaders.ErrAmbiguousNumber && r.convReported {
		return
	}
	r.errs.Add(&loaders.Error{Line: tk.line, Text: tk.text, Err: cause, Expected: what + detail})
}
