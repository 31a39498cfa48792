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

// FundingSummary is a table of planned and spent amounts by funding
// source with the reported rate of execution.
type FundingSummary struct {
	Rows  []FundingRow
	Total *FundingRow // the "Tổng" row, nil when absent
}

// FundingRow is one row of a FundingSummary.
type FundingRow struct {
	Source               string
	Line                 int
	Planned, Spent, Rate DXValue
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

func (r *dxReader) read(lines []pdfLine) {
	i := 0
	if len(lines) > 0 && loaders.AppendixID(lines[0].text) != "" {
		i = 1
	}
	// The header: up to the first pillar row. Its words are learnt, to
	// recognise the page headers the PDF repeats.
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
		return
	}
	var cur *dxRawRow
	pillar, expect := 0, 1
	pendingBreak := false
	closeRow := func() {
		if cur != nil {
			r.rows = append(r.rows, cur)
			cur = nil
		}
	}
	add := func(l pdfLine) {
		dl := dxLine{pdfLine: l}
		if l.text != "" {
			dl.afterBreak, pendingBreak = pendingBreak, false
		}
		cur.lines = append(cur.lines, dl)
	}
	for ; i < len(lines); i++ {
		l := lines[i]
		if l.raw == "" {
			continue
		}
		if l.text != "" && len(r.header.words) >= minHeaderWords && firstWord(l.text) == r.header.words[0] {
			if next, rest, ok := r.header.match(lines, i); ok {
				if cur != nil {
					cur.markPageNumber()
				}
				pendingBreak = true
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
			if cur != nil {
				add(l)
			}
			continue
		}
		if f, ok := r.pillarLine(l, pillar+1); ok {
			closeRow()
			r.pillars = append(r.pillars, f)
			pillar++
			expect = 1
			pendingBreak = false
			continue
		}
		if f, ok := r.totalLine(l); ok {
			closeRow()
			r.total = &f
			r.after = lines[i+1:]
			return
		}
		if m := codeRe.FindStringSubmatch(l.text); m != nil {
			major, _ := strconv.Atoi(m[1])
			minor, _ := strconv.Atoi(m[2])
			if major == pillar && minor >= expect && minor > 0 {
				if minor > expect {
					r.errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell,
						Expected: fmt.Sprintf("task %d.%d (tasks are numbered in sequence)", pillar, expect)})
				}
				closeRow()
				cur = &dxRawRow{pillar: pillar, code: m[1] + "." + m[2], line: l.no}
				if m[3] != "" {
					ws := wordsOfRaw(l.raw)
					cur.head = dxLine{pdfLine: pdfLine{no: l.no, raw: l.raw[ws[1].start:], text: m[3]}, afterBreak: pendingBreak}
				}
				pendingBreak = false
				expect = minor + 1
				continue
			}
			if major == pillar+1 && minor >= 1 && len(m[3]) < 200 {
				// A task of the next pillar before that pillar's row: the
				// row was lost or garbled, and its tasks would be read as
				// text of the task above.
				r.errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell,
					Expected: fmt.Sprintf("the row of pillar %d (its number, name and figures) before its task %d.%d", pillar+1, major, minor)})
			}
		}
		if cur == nil {
			// A pillar's unnumbered task ("-" in its TT cell, or none).
			cur = &dxRawRow{pillar: pillar, line: l.no}
			pendingBreak = false
			if l.text == "-" {
				continue
			}
		}
		add(l)
	}
	closeRow()
	// The table ended without its grand total: cut short, perhaps in the
	// middle of a pillar whose subtotal its rows no longer add up to.
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
	return t
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
		vl := row.lines[vi]
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
		} else {
			for _, w := range strings.Fields(vl.raw) {
				it.Unplaced = append(it.Unplaced, DXValue{Text: w, Line: vl.no})
			}
		}
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

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

func itemName(row *dxRawRow) string {
	if row.code != "" {
		return row.code
	}
	return fmt.Sprintf("of pillar %d (unnumbered)", row.pillar)
}

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
	// Status and lead unit: the first "Mới" or "Chuyển tiếp"; before it on
	// its line and on the lines above is the title.
	var title []string
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
	it.Task = joinWrapped(title)
	if it.Task == "" {
		r.errs.Add(&loaders.Error{Line: row.line, Text: row.code, Err: loaders.ErrUnexpectedCell, Expected: "the title of task " + itemName(row)})
	}
	body := lines[si+1:]
	// The period and the figures: the last period that is followed by
	// exactly the layout's cells.
	type cand struct {
		k      int
		period string
		tail   string
		open   bool // "Hằng" whose "năm" comes later
	}
	var cands []cand
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
				cands = append(cands, cand{k, wd.text, tail, false})
			case wd.text == "năm" && (prev == "Hàng" || prev == "Hằng"):
				cands = append(cands, cand{k, prev + " năm", tail, false})
			case (wd.text == "Hàng" || wd.text == "Hằng") && hasToken(tail):
				cands = append(cands, cand{k, wd.text, tail, true})
			}
		}
	}
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
		r.planContinuation(&it, title, body[end:], wt)
		break
	}
	if !placed {
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
	return it
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

// fundingRaw is a row of a funding summary before its figures are read.
type fundingRaw struct {
	label string
	line  int
	toks  []rawTok // planned, spent, rate
}

// scanFunding finds the rows of a summary by funding source (see
// ReadFundingSummary) in lines, up to its "Tổng" row or the next appendix:
// a source's name, possibly wrapped over the lines above, and three
// figures.
func scanFunding(lines []pdfLine, errs *loaders.ErrorList) []fundingRaw {
	var rows []fundingRaw
	var pending []string
	pendingLine := 0
	started := false
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if loaders.AppendixID(l.text) != "" {
			break
		}
		ws := strings.Fields(l.text)
		k := len(ws)
		for k > 0 && isAmountToken(ws[k-1]) {
			k--
		}
		if len(ws)-k != 3 {
			if len(ws)-k > 0 && started {
				errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrCellCount, Expected: "a funding source with three figures: planned, spent, rate (%)"})
			}
			if len(pending) == 0 {
				pendingLine = l.no
			}
			pending = append(pending, l.text)
			continue
		}
		label := strings.Join(ws[:k], " ")
		line := l.no
		if started && len(pending) > 0 {
			label = strings.TrimSpace(strings.Join(pending, " ") + " " + label)
			line = pendingLine
		}
		if label == "" {
			errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell, Expected: "the name of a funding source before its figures"})
			pending = nil
			continue
		}
		started = true
		pending = nil
		row := fundingRaw{label: label, line: line}
		for _, w := range ws[k:] {
			row.toks = append(row.toks, rawTok{w, l.no})
		}
		rows = append(rows, row)
		if isFundingTotal(label) {
			break
		}
	}
	return rows
}

// parseFunding reads the figures of the rows scanFunding found with
// figure, which reports its problems; a row with a figure that does not
// read is left out. nil when no row is left.
func parseFunding(rows []fundingRaw, figure func(rawTok) (DXValue, error)) *FundingSummary {
	var s FundingSummary
	for _, raw := range rows {
		vals := make([]DXValue, 3)
		bad := false
		for i, tk := range raw.toks {
			v, err := figure(tk)
			if err != nil {
				bad = true
				continue
			}
			vals[i] = v
		}
		if bad {
			continue
		}
		row := FundingRow{Source: raw.label, Line: raw.line, Planned: vals[0], Spent: vals[1], Rate: vals[2]}
		if isFundingTotal(raw.label) {
			s.Total = &row
			break
		}
		s.Rows = append(s.Rows, row)
	}
	if len(s.Rows) == 0 && s.Total == nil {
		return nil
	}
	return &s
}

// fundingFigure reads a figure of a funding summary in convention c: an
// amount in million đồng, or a rate in percent, as written.
func (r *dxReader) fundingFigure(tk rawTok, c loaders.Convention) (DXValue, error) {
	a, err := loaders.ParseAmount(tk.text, c, loaders.Million, true)
	if err != nil {
		r.figureError(tk, "a figure ", err)
		return DXValue{}, err
	}
	return DXValue{Text: tk.text, Value: a.Value, Line: tk.line, Decimals: a.Decimals}, nil
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

func isFundingTotal(label string) bool {
	f := foldVI(label)
	return f == "tong" || f == "tong cong" || f == "cong"
}

// ReadFundingSummary reads a summary by funding source ("Sự nghiệp địa
// phương 18.970 12.693 67 … Tổng 49.008 27.531 56") from lines first to
// last (1-based, inclusive) of a text: one row per source with its planned
// and spent amounts (million đồng) and rate of execution in percent, the
// source name possibly wrapped over the lines above its figures; header
// lines before the first row are skipped; the row labelled "Tổng" is the
// total. The figures are read in convention c; with Undecided, in the one
// a figure of the summary decides, and a figure that reads two ways when
// none decides is an ErrAmbiguousNumber.
func ReadFundingSummary(file string, text []byte, first, last int, c loaders.Convention) (*FundingSummary, error) {
	lines, err := splitRawLines(file, text)
	if err != nil {
		return nil, err
	}
	if first < 1 || last > len(lines) || first > last {
		return nil, &loaders.Error{File: file, Line: first, Err: loaders.ErrTruncated, Expected: fmt.Sprintf("lines %d–%d within the %d lines of the text", first, last, len(lines))}
	}
	region := lines[first-1 : last]
	normalizeLines(region)
	r := &dxReader{file: file, errs: loaders.NewErrorList(file)}
	rows := scanFunding(region, r.errs)
	var toks []rawTok
	for _, row := range rows {
		toks = append(toks, row.toks...)
	}
	c, _, e := numberConvention(toks, c, loaders.Undecided, "")
	if e != nil {
		r.errs.Add(e)
		r.convReported = e.Err == loaders.ErrAmbiguousNumber
	}
	s := parseFunding(rows, func(tk rawTok) (DXValue, error) { return r.fundingFigure(tk, c) })
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	if s == nil {
		return nil, &loaders.Error{File: file, Line: first, Err: loaders.ErrTruncated, Expected: "rows of a funding source with planned, spent and rate (%)"}
	}
	return s, nil
}
