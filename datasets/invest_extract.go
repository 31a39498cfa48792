package datasets

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/loaders"
)

// This file reads the parts of investment decisions that have a regular
// form: the numbered "label: value" lines of a decision (Nhóm dự án,
// Tổng mức đầu tư, Thời gian thực hiện, Chủ đầu tư, Tên dự án), the
// numbered component projects of a programme (2.N. … 2.N.4. Tổng mức đầu
// tư: X triệu đồng), the tab-separated module table of a proposal with
// its copies, and the "- item: description" lists of an investment's
// scope. Each function takes the lines of one source and returns what it
// read with the line it read it on, or errors that name file and line.

// component is one component of an investment as read from its source.
type component struct {
	No          string // "2.7", "3", "" for an unnumbered item
	Kind        string // sub_project, module, scope_item, project
	Name        string
	Owner       string
	Amount      float64 // million đồng; NaN when the source gives none
	AmountText  string
	AmountLine  int
	Description string
	PeriodStart int // 0: none
	PeriodEnd   int
	Line        int
}

// Component kinds.
const (
	kindSubProject = "sub_project" // a numbered component project of a programme
	kindModule     = "module"      // a module (phân hệ) of an information system
	kindScopeItem  = "scope_item"  // an item of the investment's scope (quy mô đầu tư)
	kindProject    = "project"     // a project of a plan's project list
)

var (
	topHeadingRE = regexp.MustCompile(`^\s*(\d+)\.\s+\S`)
	twoLevelRE   = regexp.MustCompile(`^\s*(\d+)\.(\d+)\.\s+(.*\S)\s*$`)
	threeLevelRE = regexp.MustCompile(`^\s*(\d+)\.(\d+)\.(\d+)\.\s*(.*?)\s*$`)
	pageNumberRE = regexp.MustCompile(`^\s*\d{1,3}\s*$`)
	scopeRE      = regexp.MustCompile(`^\s*(\d+)\.\s*Quy mô đầu tư:?\s*$`)
	groupRE      = regexp.MustCompile(`(?i)nhóm\s+([A-C])\b`)
	durationRE   = regexp.MustCompile(`^(\d{1,2})\s+năm\b`)
	amountRE     = regexp.MustCompile(`\**\s*[0-9][0-9.,]*\s*\**\s*(?:tỷ đồng|triệu đồng|nghìn đồng|đồng)`)
)

// labels are the numbered "label: value" lines of a decision that code
// reads; the first submatch is the value.
var labels = []struct {
	field string
	re    *regexp.Regexp
}{
	{"title", regexp.MustCompile(`^\s*\d+\.\s*Tên dự án:\s*(.*\S)\s*$`)},
	{"owner", regexp.MustCompile(`^\s*\d+\.\s*Chủ đầu tư:\s*(.*\S)\s*$`)},
	{"project_group", regexp.MustCompile(`^\s*\d+\.\s*Nhóm dự án:\s*(.*\S)\s*$`)},
	{"total", regexp.MustCompile(`^\s*\d+\.\s*(?:Dự kiến\s+)?[Tt]ổng mức đầu tư[^:]*:\s*(.*\S)\s*$`)},
	{"period", regexp.MustCompile(`^\s*\d+\.\s*Thời gian (?:và tiến độ )?thực hiện(?: dự án)?:\s*(.*\S)\s*$`)},
}

// labelledReadings finds the numbered label lines of a decision (only
// single-level numbers: "4. Tổng mức đầu tư dự án: …", not the "2.1.4."
// of a component). A document that repeats its decision (proposal, draft
// submission, draft resolution) gives one reading per copy, in line order.
func labelledReadings(record, file string, lines []string) ([]reading, error) {
	var out []reading
	var errs []error
	for i, raw := range lines {
		l := loaders.CleanText(raw)
		for _, lb := range labels {
			m := lb.re.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			r := reading{Record: record, Field: lb.field, File: file, Line: i + 1, Text: m[1], ByCode: true}
			switch lb.field {
			case "title", "owner":
				r.Text = strings.TrimSuffix(m[1], ".")
			case "project_group":
				g := groupRE.FindStringSubmatch(m[1])
				if g == nil {
					errs = append(errs, &loaders.Error{File: file, Line: i + 1, Column: lb.field, Text: m[1], Expected: "Nhóm A, B or C", Err: loaders.ErrUnexpectedCell})
					continue
				}
				r.Text, r.Value = strings.TrimSuffix(m[1], "."), strings.ToUpper(g[1])
			case "total":
				a := amountRE.FindString(m[1])
				if a == "" {
					errs = append(errs, &loaders.Error{File: file, Line: i + 1, Column: lb.field, Text: m[1], Expected: "an amount in đồng, triệu đồng or tỷ đồng", Err: loaders.ErrNotNumber})
					continue
				}
				r.Text = strings.TrimSpace(a)
			case "period":
				if p := periodRE.FindString(m[1]); p != "" {
					r.Text = p
				} else if d := durationRE.FindString(m[1]); d != "" {
					r.Field, r.Text = "duration", d
				} else {
					errs = append(errs, &loaders.Error{File: file, Line: i + 1, Column: lb.field, Text: m[1], Expected: "two years (2023 - 2025) or a duration (04 năm)", Err: loaders.ErrUnexpectedCell})
					continue
				}
			}
			out = append(out, r)
		}
	}
	return out, errors.Join(errs...)
}

// duration reads "04 năm" as 4 years.
func (r reading) duration() (int, error) {
	m := durationRE.FindStringSubmatch(loaders.CleanText(r.Text))
	if m == nil {
		return 0, r.errorf(loaders.ErrNotNumber, "a duration such as 04 năm")
	}
	n, _ := strconv.Atoi(m[1])
	return n, nil
}

// programmeComponents reads the numbered component projects under the
// "N. Quy mô đầu tư" heading of a programme: "N.k. <title>" (over one or
// more lines), then "N.k.1. Mục tiêu", "N.k.2. Nội dung: …", "N.k.3. Chủ
// đầu tư: <owner>" and "N.k.4. Tổng mức đầu tư: <amount>". Page numbers
// left between lines by the PDF conversion are skipped. Amounts are read
// with dot thousands and a decimal comma (the convention is the
// document's; see the catalogue note).
func programmeComponents(file string, lines []string) ([]component, error) {
	start, parent := -1, ""
	for i, l := range lines {
		if m := scopeRE.FindStringSubmatch(l); m != nil {
			start, parent = i+1, m[1]
			break
		}
	}
	if start < 0 {
		return nil, &loaders.Error{File: file, Expected: `a heading "N. Quy mô đầu tư"`, Err: loaders.ErrMissingAppendix}
	}
	c := componentReader{file: file, parent: parent}
	for i := start; i < len(lines); i++ {
		l := loaders.CleanText(lines[i])
		if l == "" || pageNumberRE.MatchString(l) {
			continue
		}
		if m := topHeadingRE.FindStringSubmatch(l); m != nil && m[1] != parent && !twoLevelRE.MatchString(l) && !threeLevelRE.MatchString(l) {
			break // the next section of the decision
		}
		if m := twoLevelRE.FindStringSubmatch(l); m != nil && m[1] == parent {
			c.begin(i+1, l, m[2], m[3])
			continue
		}
		if c.cur == nil {
			continue // text of the heading before the first component
		}
		if m := threeLevelRE.FindStringSubmatch(l); m != nil && m[1] == parent && parent+"."+m[2] == c.cur.No {
			c.field(i+1, l, m[4])
			continue
		}
		switch c.part {
		case "title":
			c.title = append(c.title, l)
		case "content":
			c.content = append(c.content, l)
		}
	}
	c.finish()
	for k := range c.out {
		c.out[k].Name = strings.TrimRight(loaders.CleanText(c.out[k].Name), " :.")
	}
	if len(c.out) == 0 && len(c.errs) == 0 {
		c.errs = append(c.errs, &loaders.Error{File: file, Line: start, Expected: "component projects " + parent + ".1, " + parent + ".2 …", Err: loaders.ErrTruncated})
	}
	return c.out, errors.Join(c.errs...)
}

// componentReader is the state of programmeComponents: the components
// read, the one being read and the part of it the lines go on (title,
// objective, content, other).
type componentReader struct {
	file, parent   string
	out            []component
	errs           []error
	cur            *component
	part           string
	content, title []string
}

// begin starts component parent.no at line n (l its text, title its
// first words), after finishing the one before; the components are
// numbered in sequence.
func (c *componentReader) begin(n int, l, no, title string) {
	c.finish()
	want := strconv.Itoa(len(c.out) + 1)
	if no != want {
		c.errs = append(c.errs, &loaders.Error{File: c.file, Line: n, Text: l, Expected: "component " + c.parent + "." + want, Err: loaders.ErrUnexpectedCell})
	}
	c.cur = &component{No: c.parent + "." + no, Kind: kindSubProject, Amount: math.NaN(), Line: n}
	c.title = []string{title}
	c.part = "title"
}

// field reads a numbered line of the component at line n ("N.k.2. Nội
// dung: …"; rest is what follows the number): it starts the objective or
// the content, or gives the owner or the amount, each once.
func (c *componentReader) field(n int, l, rest string) {
	label, value, _ := strings.Cut(rest, ":")
	label, value = strings.TrimSpace(label), strings.TrimSpace(value)
	switch {
	case strings.HasPrefix(label, "Mục tiêu"):
		c.part = "objective"
	case strings.HasPrefix(label, "Nội dung"):
		c.part = "content"
		if value != "" {
			c.content = append(c.content, value)
		}
	case strings.HasPrefix(label, "Chủ đầu tư"):
		c.part = "other"
		if c.cur.Owner != "" {
			c.errs = append(c.errs, &loaders.Error{File: c.file, Line: n, Column: "owner", Text: l, Expected: "one owner per component", Err: loaders.ErrUnexpectedCell})
		}
		c.cur.Owner = strings.TrimSuffix(value, ".")
	case strings.HasPrefix(label, "Tổng mức đầu tư"):
		c.part = "other"
		text := strings.TrimSpace(strings.TrimSuffix(value, "."))
		if c.cur.AmountText != "" {
			c.errs = append(c.errs, &loaders.Error{File: c.file, Line: n, Column: "amount_mvnd", Text: l, Expected: "one amount per component", Err: loaders.ErrUnexpectedCell})
		}
		a, err := loaders.ParseAmount(text, loaders.DotThousands, loaders.UnknownUnit, false)
		if err != nil {
			c.errs = append(c.errs, &loaders.Error{File: c.file, Line: n, Column: "amount_mvnd", Text: text, Expected: "an amount such as 21.500 triệu đồng", Err: loaders.ErrNotNumber})
		} else {
			c.cur.Amount = a.Million
		}
		c.cur.AmountText, c.cur.AmountLine = text, n
	default:
		c.errs = append(c.errs, &loaders.Error{File: c.file, Line: n, Text: l, Expected: "Mục tiêu, Nội dung, Chủ đầu tư or Tổng mức đầu tư", Err: loaders.ErrUnexpectedCell})
	}
}

// finish ends the component being read: its name and description, and
// an error for a missing owner or amount.
func (c *componentReader) finish() {
	cur := c.cur
	if cur == nil {
		return
	}
	cur.Name = strings.Join(c.title, " ")
	cur.Description = loaders.CleanText(strings.Join(c.content, " "))
	if cur.Owner == "" {
		c.errs = append(c.errs, &loaders.Error{File: c.file, Line: cur.Line, Column: "owner", Text: cur.No + ". " + cur.Name, Expected: `a line "` + cur.No + `.3. Chủ đầu tư: …"`, Err: loaders.ErrTruncated})
	}
	if cur.AmountText == "" {
		c.errs = append(c.errs, &loaders.Error{File: c.file, Line: cur.Line, Column: "amount_mvnd", Text: cur.No + ". " + cur.Name, Expected: `a line "` + cur.No + `.4. Tổng mức đầu tư: …"`, Err: loaders.ErrTruncated})
	}
	c.out = append(c.out, *cur)
	c.cur, c.content, c.title = nil, nil, nil
}

// scopeItems reads the "- item: description" list under the "N. Quy mô
// đầu tư:" heading (up to the next numbered heading): "+ …" lines are
// sub-items that go into their item's description, other lines continue
// the line before them.
func scopeItems(file string, lines []string) ([]component, error) {
	start := -1
	for i, l := range lines {
		if scopeRE.MatchString(l) {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return nil, &loaders.Error{File: file, Expected: `a heading "N. Quy mô đầu tư:"`, Err: loaders.ErrMissingAppendix}
	}
	var texts [][]string
	var starts []int
	for i := start; i < len(lines); i++ {
		l := loaders.CleanText(lines[i])
		if l == "" || pageNumberRE.MatchString(l) {
			continue
		}
		if topHeadingRE.MatchString(l) {
			break
		}
		switch {
		case strings.HasPrefix(l, "- "):
			texts = append(texts, []string{strings.TrimPrefix(l, "- ")})
			starts = append(starts, i+1)
		case len(texts) == 0:
			return nil, &loaders.Error{File: file, Line: i + 1, Text: l, Expected: `an item "- …"`, Err: loaders.ErrUnexpectedCell}
		default:
			texts[len(texts)-1] = append(texts[len(texts)-1], l)
		}
	}
	if len(texts) == 0 {
		return nil, &loaders.Error{File: file, Line: start, Expected: `items "- …"`, Err: loaders.ErrTruncated}
	}
	out := make([]component, len(texts))
	for k, t := range texts {
		out[k] = itemComponent(strings.Join(t, " "), starts[k])
	}
	return out, nil
}

// itemComponent splits "name: description" (at the first colon) into a
// scope item; without a colon the whole text is the name.
func itemComponent(text string, line int) component {
	text = stripMarkup(text)
	c := component{Kind: kindScopeItem, Amount: math.NaN(), Line: line}
	name, desc, ok := strings.Cut(text, ":")
	c.Name = strings.TrimSpace(name)
	if ok {
		c.Description = strings.TrimSpace(desc)
	} else {
		c.Name = strings.TrimRight(c.Name, ".")
	}
	return c
}

// moduleCopy is one copy of a module table with the scope items listed
// after it.
type moduleCopy struct {
	Label string // the part of the document that holds the copy
	Line  int    // the table's first header line
	Rows  []component
}

// moduleTables reads every copy of the module table ("Stt <TAB> Các phân
// hệ phần mềm <TAB> Mô tả chức năng cơ bản") and the "- item: …" lines
// after it, up to the next numbered heading. A row starts with its number;
// a line whose first cell is empty continues the row before it (a page
// break); a page break repeats the header and may leave stamp fragments
// (lines without tabs) just before the header, which are skipped. HTML
// tags and emphasis asterisks are removed from the cells.
func moduleTables(file string, lines []string) ([]moduleCopy, error) {
	var out []moduleCopy
	var errs []error
	var parts []docPart
	partsRead := false
	for i := 0; i < len(lines); i++ {
		if !isModuleHeader(lines[i]) {
			continue
		}
		if !partsRead {
			parts, partsRead = docParts(lines), true
		}
		c := moduleCopy{Label: partAt(parts, i), Line: i + 1}
		var names, descs [][]string
		j := i + 1
	rows:
		for ; j < len(lines); j++ {
			raw := lines[j]
			switch {
			case isModuleHeader(raw):
				continue
			case strings.TrimSpace(raw) == "":
				continue
			case !strings.Contains(raw, "\t"):
				if k := nextTabLine(lines, j+1); k >= 0 && isModuleHeader(lines[k]) {
					j = k - 1 // stamp fragments before a repeated header
					continue
				}
				break rows
			}
			cells := strings.Split(raw, "\t")
			if len(cells) != 3 {
				errs = append(errs, &loaders.Error{File: file, Line: j + 1, Text: raw, Expected: "3 tab-separated cells", Err: loaders.ErrCellCount})
				continue
			}
			no := strings.TrimSpace(cells[0])
			switch {
			case no != "" && isDigits(no):
				c.Rows = append(c.Rows, component{No: no, Kind: kindModule, Amount: math.NaN(), Line: j + 1})
				names, descs = append(names, []string{cells[1]}), append(descs, []string{cells[2]})
			case no == "" && len(c.Rows) > 0:
				k := len(c.Rows) - 1
				names[k], descs[k] = append(names[k], cells[1]), append(descs[k], cells[2])
			default:
				errs = append(errs, &loaders.Error{File: file, Line: j + 1, Cell: 1, Text: raw, Expected: "a row number, or an empty cell continuing the row before", Err: loaders.ErrUnexpectedCell})
			}
		}
		for k := range c.Rows {
			c.Rows[k].Name = stripMarkup(strings.Join(names[k], " "))
			c.Rows[k].Description = stripMarkup(strings.Join(descs[k], " "))
		}
		// the "- item: …" lines after the table
		var texts [][]string
		var starts []int
		for ; j < len(lines); j++ {
			l := loaders.CleanText(lines[j])
			if l == "" || pageNumberRE.MatchString(l) {
				continue
			}
			if topHeadingRE.MatchString(l) || isModuleHeader(lines[j]) {
				break
			}
			switch {
			case strings.HasPrefix(l, "- "):
				texts = append(texts, []string{strings.TrimPrefix(l, "- ")})
				starts = append(starts, j+1)
			case len(texts) > 0:
				texts[len(texts)-1] = append(texts[len(texts)-1], l)
			default:
				errs = append(errs, &loaders.Error{File: file, Line: j + 1, Text: l, Expected: `an item "- …" after the table`, Err: loaders.ErrUnexpectedCell})
			}
		}
		for k, t := range texts {
			c.Rows = append(c.Rows, itemComponent(strings.Join(t, " "), starts[k]))
		}
		if len(c.Rows) == 0 {
			errs = append(errs, &loaders.Error{File: file, Line: i + 1, Expected: "rows under the header", Err: loaders.ErrTruncated})
		}
		out = append(out, c)
		i = j - 1
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, &loaders.Error{File: file, Expected: "a table headed Stt, Các phân hệ phần mềm", Err: loaders.ErrMissingAppendix})
	}
	return out, errors.Join(errs...)
}

func isModuleHeader(raw string) bool {
	cells := strings.Split(raw, "\t")
	return len(cells) >= 2 && strings.EqualFold(strings.TrimSpace(cells[0]), "Stt") &&
		strings.HasPrefix(strings.ToLower(loaders.CleanText(cells[1])), "các phân hệ")
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// maxStampLines is how many lines without tabs (stamp fragments, page
// marks) may stand between a table's rows and its repeated header.
const maxStampLines = 6

// nextTabLine returns the next line from from on that holds a tab, if at
// most maxStampLines non-blank lines without tabs come before it; else -1.
func nextTabLine(lines []string, from int) int {
	for k, n := from, 0; k < len(lines) && n < maxStampLines; k++ {
		switch {
		case strings.Contains(lines[k], "\t"):
			return k
		case strings.TrimSpace(lines[k]) != "":
			n++
		}
	}
	return -1
}

// docPart is the heading of a part of a file that holds several
// documents (a proposal, the draft submission, the draft resolution).
type docPart struct {
	Line  int // 0-based line of the heading
	Label string
}

// docParts finds the headings "TỜ TRÌNH" and "NGHỊ QUYẾT" of a file,
// marked as drafts when "DỰ THẢO" stands just above (within three
// non-blank lines).
func docParts(lines []string) []docPart {
	var out []docPart
	for k, raw := range lines {
		h := strings.TrimSpace(strings.Trim(strings.TrimSpace(raw), "*"))
		if len(h) > 24 {
			continue // longer than any heading looked for
		}
		var name string
		switch strings.ToUpper(loaders.CleanText(h)) {
		case "TỜ TRÌNH":
			name = "Tờ trình"
		case "NGHỊ QUYẾT":
			name = "Nghị quyết"
		default:
			continue
		}
		for p, n := k-1, 0; p >= 0 && n < 3; p-- {
			t := strings.TrimSpace(lines[p])
			if t == "" {
				continue
			}
			n++
			if len(t) <= 24 && strings.ToUpper(loaders.CleanText(t)) == "DỰ THẢO" {
				name = "dự thảo " + name
				break
			}
		}
		out = append(out, docPart{Line: k, Label: fmt.Sprintf("%s, dòng %d", name, k+1)})
	}
	return out
}

// partAt names the part that line i (0-based) belongs to: the nearest
// heading above it.
func partAt(parts []docPart, i int) string {
	k := sort.Search(len(parts), func(k int) bool { return parts[k].Line > i })
	if k == 0 {
		return "the document"
	}
	return parts[k-1].Label
}

// partLabel names the part of a file that line i (0-based) belongs to.
func partLabel(lines []string, i int) string { return partAt(docParts(lines), i) }

// copyText is the form in which the copies of a cell are compared: the
// list bullets "○" and "o" are one mark, and a blank before a comma, full
// stop, ellipsis, colon, semicolon or closing bracket (or after an opening
// one) is typography, not wording; markup is gone already.
func copyText(s string) string {
	s = loaders.CleanText(strings.ReplaceAll(s, "○", "o"))
	s = blankBeforePunct.ReplaceAllString(s, "$1")
	return blankAfterOpen.ReplaceAllString(s, "(")
}

var (
	blankBeforePunct = regexp.MustCompile(` ([,.;:)…])`)
	blankAfterOpen   = regexp.MustCompile(`\( `)
)
