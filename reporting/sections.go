package reporting

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ictplan/ictplan/frame"
)

// Figure is a chart as the report needs it: a PNG for the page and an SVG
// beside it. The charts of analysis/chart satisfy it.
type Figure interface {
	PNG() []byte
	SVG() string
}

// Chart is one chart of a section, written to DIR/charts/<Name>.png and .svg
// and shown on the page with its caption and provenance.
type Chart struct {
	Name      string // file stem: letters, digits, '-' and '_'
	Caption   string // Vietnamese caption
	CaptionEN string
	Figure    Figure
	// Sources lists where the chart's figures come from.
	Sources []Provenance
}

// Provenance names the lines of a source file that hold a set of figures.
type Provenance struct {
	File  string
	Lines []int
}

// Table is one table of a section, written to DIR/tables/<Name>.csv and a
// sheet of ictplan.xlsx, and shown on the page. Columns named source_line or
// ending in _line are shown with the quoted source line on hover; their file
// is the frame's source_file metadata or a source_file column.
type Table struct {
	Name      string
	Caption   string
	CaptionEN string
	Frame     *frame.Frame
	// MaxRows limits the rows shown on the page (0 = all); the files hold
	// every row.
	MaxRows int
	// Hide names columns left off the page (keys repeated on every row, the
	// label in the other language); the files keep them.
	Hide []string
	// Show names the answer columns the page shows first, in this order
	// (nil: every column not hidden and not secondary — codes, files,
	// keys, the flags of a figure); the other columns are behind a
	// disclosure under the table, and the files keep every column.
	Show []string
	// Exact shows ratios as decimals with every digit they were written
	// with (0,89308) instead of percentages (89,3%): for a table that
	// compares reported with recomputed ratios.
	Exact bool
}

// Section is one part of the analysis: a title, its headline figures, a
// short text, its charts and its tables.
type Section struct {
	ID      string // HTML anchor
	TitleVI string
	TitleEN string
	// Headlines are the section's answers, shown first as figures.
	Headlines []Headline
	Text      string // Vietnamese paragraph (escaped)
	TextEN    string
	Charts    []Chart
	Tables    []Table
}

// Headline is one answer of a section, computed from the data: a figure
// ("69,4%") and what it is ("máy tính trên cán bộ, công chức, toàn tỉnh,
// 2010"), in both languages, with the lines it comes from.
type Headline struct {
	Value, ValueEN string
	Label, LabelEN string
	Sources        []Provenance
}

// validName reports whether s is a safe file stem.
func validName(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// checkSections refuses duplicate or unsafe names before anything is written.
func checkSections(secs []Section) error {
	charts, tables := map[string]bool{}, map[string]bool{}
	for _, s := range secs {
		for _, c := range s.Charts {
			if !validName(c.Name) || charts[c.Name] {
				return fmt.Errorf("reporting: section %q: chart name %q is empty, unsafe or used twice", s.ID, c.Name)
			}
			if c.Figure == nil {
				return fmt.Errorf("reporting: section %q: chart %q has no figure", s.ID, c.Name)
			}
			charts[c.Name] = true
		}
		for _, t := range s.Tables {
			if !validName(t.Name) || tables[t.Name] {
				return fmt.Errorf("reporting: section %q: table name %q is empty, unsafe or used twice", s.ID, t.Name)
			}
			if t.Frame == nil {
				return fmt.Errorf("reporting: section %q: table %q has no frame", s.ID, t.Name)
			}
			tables[t.Name] = true
		}
	}
	return nil
}

// writeCharts writes DIR/charts/<name>.png and .svg for every chart and
// returns the PNGs by name for the page.
func writeCharts(dir string, secs []Section) (map[string][]byte, error) {
	pngs := map[string][]byte{}
	if len(secs) == 0 {
		return pngs, nil
	}
	charts := filepath.Join(dir, "charts")
	if err := os.MkdirAll(charts, 0o755); err != nil {
		return nil, err
	}
	for _, s := range secs {
		for _, c := range s.Charts {
			png := c.Figure.PNG()
			if len(png) == 0 {
				return nil, fmt.Errorf("reporting: chart %q rendered no PNG", c.Name)
			}
			svg := c.Figure.SVG()
			if svg == "" {
				return nil, fmt.Errorf("reporting: chart %q rendered no SVG", c.Name)
			}
			if err := writeFile(filepath.Join(charts, c.Name+".png"), func(w *bytes.Buffer) error { _, err := w.Write(png); return err }); err != nil {
				return nil, err
			}
			if err := writeFile(filepath.Join(charts, c.Name+".svg"), func(w *bytes.Buffer) error { _, err := w.WriteString(svg); return err }); err != nil {
				return nil, err
			}
			pngs[c.Name] = png
		}
	}
	return pngs, nil
}

// sectionsHTMLIn renders the sections in a language ("vi" or "en"): each
// chart as an embedded PNG (the page needs no other file) with links to its
// PNG and SVG, each table with its provenance.
func sectionsHTMLIn(w *bytes.Buffer, secs []Section, pngs map[string][]byte, lineText func(string, int) string, lang string) {
	for _, s := range secs {
		fmt.Fprintf(w, "<h2 id=\"%s\">%s</h2>\n", esc(s.ID), esc(tr(lang, s.TitleVI, s.TitleEN)))
		if len(s.Headlines) > 0 {
			w.WriteString("<div class=\"summary headlines\">")
			for _, h := range s.Headlines {
				fmt.Fprintf(w, "<div><b>%s</b>%s<br>%s</div>", esc(tr(lang, h.Value, h.ValueEN)), esc(tr(lang, h.Label, h.LabelEN)), headlineSources(h.Sources, lang, lineText))
			}
			w.WriteString("</div>\n")
		}
		if text := tr(lang, s.Text, s.TextEN); text != "" {
			fmt.Fprintf(w, "<p>%s</p>\n", esc(text))
		}
		for _, c := range s.Charts {
			caption := tr(lang, c.Caption, c.CaptionEN)
			fmt.Fprintf(w, "<figure id=\"chart-%s\"><img src=\"data:image/png;base64,%s\" alt=\"%s\">\n<figcaption>%s<br><span class=\"muted\">%s: <a href=\"charts/%s.png\">PNG</a> · <a href=\"charts/%s.svg\">SVG</a>%s</span></figcaption></figure>\n",
				esc(c.Name), base64.StdEncoding.EncodeToString(pngs[c.Name]), esc(caption), esc(caption), tr(lang, "Tệp", "Files"), esc(c.Name), esc(c.Name), provenanceHTML(c.Sources, lang, lineText))
		}
		for _, t := range s.Tables {
			fmt.Fprintf(w, "<div class=\"tbl\"><p><b>%s</b> <span class=\"muted\">· <a href=\"tables/%s.csv\">CSV</a></span></p>\n%s</div>\n",
				esc(tr(lang, t.Caption, t.CaptionEN)), esc(t.Name), tableHTML(t, lang, lineText))
		}
	}
}

// headlineSources names the lines of a headline figure, each with its
// text on hover.
func headlineSources(ps []Provenance, lang string, lineText func(string, int) string) string {
	var lines []string
	for _, p := range ps {
		for _, l := range p.Lines {
			lines = append(lines, lineRef(p.File, l, lineText))
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return "<span class=\"muted\">" + tr(lang, "dòng ", "line ") + strings.Join(lines, ", ") + "</span>"
}

// provenanceHTML lists the source lines of a chart, each with its text on
// hover.
func provenanceHTML(ps []Provenance, lang string, lineText func(string, int) string) string {
	if len(ps) == 0 {
		return ""
	}
	var parts []string
	for _, p := range ps {
		var lines []string
		for _, l := range p.Lines {
			lines = append(lines, lineRef(p.File, l, lineText))
		}
		parts = append(parts, fmt.Sprintf("<code>%s</code> %s %s", esc(p.File), tr(lang, "dòng", "lines"), strings.Join(lines, ", ")))
	}
	return "<br>" + tr(lang, "Nguồn", "Source") + ": " + strings.Join(parts, "; ")
}

// lineRef is a line number with the text of the line as its title. A table
// row of the sources starts with a short line (its number, one cell per
// line): the following lines are joined to it, " | " between, up to about
// 120 characters, so that the title shows the row.
func lineRef(file string, line int, lineText func(string, int) string) string {
	if line <= 0 {
		// a place named otherwise (a PDF's page and row, in the finding)
		return ""
	}
	t := ""
	if lineText != nil && file != "" {
		t = strings.TrimSpace(lineText(file, line))
		if len([]rune(t)) < 20 {
			parts := []string{t}
			n := len([]rune(t))
			for k := 1; k <= 12 && n < 120; k++ {
				next := strings.TrimSpace(lineText(file, line+k))
				if next == "" {
					continue
				}
				parts = append(parts, next)
				n += len([]rune(next)) + 3
			}
			t = strings.Join(parts, " | ")
		}
	}
	if t == "" {
		return strconv.Itoa(line)
	}
	return fmt.Sprintf("<span class=\"line\" title=\"%s\">%d</span>", esc(clip(t, 300)), line)
}

// tableHTML renders a table for the page in its language: the answer
// columns (Table.Show, or the columns that are not secondary) with their
// labels and units in words, coded values in words, ratios as percentages
// and gaps in percentage points, a target's comparator before its value;
// then, behind a disclosure, every column. On paper a table is printed
// with every column, the answers first (print stylesheet). Line columns
// carry the text of their source line on hover.
func tableHTML(t Table, lang string, lineText func(string, int) string) string {
	f := t.Frame
	main, all := pageColumns(t, lang)
	var b strings.Builder
	if len(all) == len(main) {
		b.WriteString(renderTable(t, main, lang, lineText, "list"))
	} else {
		// On screen the answer columns, every column behind a disclosure;
		// on paper every column, the answers first, on a landscape page.
		full := renderTable(t, answersFirst(main, all), lang, lineText, "list wide")
		fmt.Fprintf(&b, "<div class=\"screen\">%s<details class=\"cols\"><summary>%s</summary><div class=\"scroll\">%s</div></details></div><div class=\"paper\">%s</div>",
			renderTable(t, main, lang, lineText, "list"), esc(tr(lang, fmt.Sprintf("Tất cả %d cột", len(all)), fmt.Sprintf("All %d columns", len(all)))), full, full)
	}
	if n := t.MaxRows; n > 0 && f.NumRows() > n {
		fmt.Fprintf(&b, "<p class=\"muted\">%s</p>", esc(tr(lang,
			fmt.Sprintf("… %d dòng nữa trong tệp CSV và XLSX", f.NumRows()-n),
			fmt.Sprintf("… %d more rows in the CSV and XLSX files", f.NumRows()-n))))
	}
	return b.String()
}

// answersFirst orders all columns with the answer columns first.
func answersFirst(main, all []frame.FieldSpec) []frame.FieldSpec {
	out := append([]frame.FieldSpec{}, main...)
	for _, s := range all {
		if !slices.ContainsFunc(main, func(m frame.FieldSpec) bool { return m.Name == s.Name }) {
			out = append(out, s)
		}
	}
	return out
}

// pageColumns returns the columns a table shows first and all its columns
// (less those hidden), in the page's language.
func pageColumns(t Table, lang string) (main, all []frame.FieldSpec) {
	for _, s := range t.Frame.Fields() {
		if !slices.Contains(t.Hide, s.Name) && !(s.Name == "label_en" && lang != "en") && !(s.Name == "label_vi" && lang == "en") {
			all = append(all, s)
		}
	}
	if len(t.Show) > 0 {
		for _, name := range t.Show {
			for _, s := range all {
				if s.Name == name {
					main = append(main, s)
				}
			}
		}
		return main, all
	}
	for _, s := range all {
		if !secondary(t.Frame, s.Name) {
			main = append(main, s)
		}
	}
	return main, all
}

// secondary reports a column the page keeps behind the disclosure: codes
// and keys, file names, the flags of a figure (approximate, upper bound,
// restated), a comparator shown before its value, a unit shown with its
// values.
func secondary(f *frame.Frame, name string) bool {
	switch name {
	case "indicator", "source_file", "dataset", "units_excluded", "excluded_lines", "rows", "province":
		return true
	case "unit":
		return rowUnits(f) != nil
	}
	for _, suf := range []string{"_file", "_key", "_restated", "_approximate", "_upper", "_comparator", "_lines"} {
		if strings.HasSuffix(name, suf) {
			return true
		}
	}
	return false
}

// rowUnits returns the column "unit" when it holds a unit per row
// (percent, count …) rather than the name of an organisational unit.
func rowUnits(f *frame.Frame) []string {
	if !f.Has("unit") || f.Col("unit").Kind() != frame.String {
		return nil
	}
	us := f.Col("unit").Strings()
	for i, u := range us {
		if !knownUnit(u) && !f.Col("unit").IsNull(i) {
			return nil
		}
	}
	return us
}

// renderTable writes the rows of t (up to MaxRows) with the given columns.
func renderTable(t Table, fields []frame.FieldSpec, lang string, lineText func(string, int) string, class string) string {
	f := t.Frame
	rows := f.NumRows()
	if t.MaxRows > 0 && rows > t.MaxRows {
		rows = t.MaxRows
	}
	units := rowUnits(f)
	var b strings.Builder
	fmt.Fprintf(&b, "<table class=\"%s\"><thead><tr>", class)
	for _, s := range fields {
		fmt.Fprintf(&b, "<th title=\"%s\">%s</th>", esc(s.Name), headerHTML(t, s, lang))
	}
	b.WriteString("</tr></thead><tbody>\n")
	fileCol := f.Has(frame.ColSourceFile)
	for r := 0; r < rows; r++ {
		b.WriteString("<tr>")
		row := f.Row(r)
		file := f.Meta(frame.MetaSourceFile)
		if fileCol {
			if v, ok := row.Value(frame.ColSourceFile).(string); ok && v != "" {
				file = v
			}
		}
		unit := ""
		if units != nil {
			unit = units[r]
		}
		for _, s := range fields {
			b.WriteString(cellHTML(t, row, s, unit, file, lang, lineText))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table>")
	return b.String()
}

// headerHTML is a column's label in the page's language and its unit in
// words.
func headerHTML(t Table, s frame.FieldSpec, lang string) string {
	label := s.LabelVI
	if lang == "en" || label == "" {
		label = englishLabel(s.Name)
	}
	unit := unitWord(s.Unit, lang)
	if isRatioUnit(s.Unit) && t.Exact {
		unit = ""
	}
	if isRatioUnit(s.Unit) && !t.Exact && isDifference(s.Name) {
		unit = tr(lang, "điểm %", "points")
	}
	if unit == "" || strings.Contains(label, "("+unit+")") {
		return esc(label)
	}
	return fmt.Sprintf("%s <span class=\"unit\">(%s)</span>", esc(label), esc(unit))
}

// englishLabel makes a label of a column name: "planned_mvnd" is
// "planned", "per_year_real_mvnd" "per year real".
func englishLabel(name string) string {
	name = strings.TrimSuffix(name, "_mvnd")
	name = strings.ReplaceAll(name, "_mvnd_", " ")
	return strings.ReplaceAll(name, "_", " ")
}

// isDifference reports a column that holds a difference of ratios (shown
// in percentage points).
func isDifference(name string) bool {
	return name == "gap" || name == "difference" || name == "to_go" || strings.HasPrefix(name, "change")
}

// valueColumn reports a column whose figures are in the row's unit.
func valueColumn(name string) bool {
	return strings.HasSuffix(name, "_value") || name == "gap" || name == "to_go" || name == "change"
}

// cellHTML writes one cell.
func cellHTML(t Table, row frame.Row, s frame.FieldSpec, rowUnit, file, lang string, lineText func(string, int) string) string {
	v := row.Value(s.Name)
	switch x := v.(type) {
	case nil:
		return "<td></td>"
	case string:
		if w, ok := codeWord(s.Name, x, lang); ok {
			return "<td class=\"word\">" + esc(w) + "</td>"
		}
		class := "text"
		if isCode(s.Name) {
			class = "code"
		}
		return fmt.Sprintf("<td class=\"%s\">%s</td>", class, esc(x))
	case bool:
		if w, ok := boolWords[s.Name]; ok {
			i := 0
			if x {
				i = 1
			}
			return "<td class=\"word\">" + esc(w[i].in(lang)) + "</td>"
		}
		if x {
			return "<td>✓</td>"
		}
		return "<td>✗</td>"
	case time.Time:
		return "<td>" + x.Format("02/01/2006") + "</td>"
	case int64:
		switch {
		case isLineColumn(s.Name):
			return fmt.Sprintf("<td class=\"num\">%s</td>", lineRef(lineFile(t.Frame, row, s.Name, file), int(x), lineText))
		case s.Unit == "year" || s.Name == "year" || strings.HasSuffix(s.Name, "_year") || s.Name == "period_start" || s.Name == "period_end":
			return fmt.Sprintf("<td class=\"num\">%d</td>", x)
		}
		return fmt.Sprintf("<td class=\"num\">%s</td>", numberIn(lang, float64(x), 0))
	case float64:
		text := ""
		switch {
		case rowUnit != "" && valueColumn(s.Name):
			text = valueIn(lang, x, rowUnit, isDifference(s.Name))
		case isRatioUnit(s.Unit) && !t.Exact:
			text = numberIn(lang, 100*x, 1)
			if !isDifference(s.Name) {
				text += "%"
			}
		default:
			text = numberIn(lang, x, decimalsFor(s.Unit, x))
		}
		if cmp := strings.TrimSuffix(s.Name, "_value") + "_comparator"; strings.HasSuffix(s.Name, "_value") && t.Frame.Has(cmp) {
			if c, ok := row.Value(cmp).(string); ok && comparatorWords[c] != "" {
				text = comparatorWords[c] + "\u00a0" + text
			}
		}
		return fmt.Sprintf("<td class=\"num\">%s</td>", esc(text))
	}
	return "<td>" + esc(fmt.Sprint(v)) + "</td>"
}

// valueIn writes a figure in its unit: 90%, 1.234 người; a difference of
// percentages in points.
func valueIn(lang string, v float64, unit string, difference bool) string {
	switch unit {
	case "percent":
		if difference {
			return numberIn(lang, v, decimalsFor(unit, v)) + " " + tr(lang, "điểm %", "points")
		}
		return numberIn(lang, v, decimalsFor(unit, v)) + "%"
	case "count", "":
		return numberIn(lang, v, decimalsFor(unit, v))
	}
	return numberIn(lang, v, decimalsFor(unit, v)) + " " + unitWord(unit, lang)
}

// numberIn writes v with the given decimals in the language's format:
// 1.234,5 in Vietnamese, 1,234.5 in English.
func numberIn(lang string, v float64, decimals int) string {
	s := frame.FormatVI(v, decimals)
	if lang != "en" {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s)
}

// tr picks the words of the page's language.
func tr(lang, vi, en string) string {
	if lang == "en" {
		return en
	}
	return vi
}

// decimalsFor picks how many decimals a value of a unit is shown with on the
// page (the files keep every digit): ratios 3, per cent and scores 1,
// amounts 0 or 1, other units by size (≥ 100: 1, ≥ 1: 2, else 3).
func decimalsFor(unit string, v float64) int {
	switch unit {
	case "ratio":
		return 3
	case "percent", "share_percent", "score":
		return 1
	case "million_vnd":
		if v == float64(int64(v)) {
			return 0
		}
		return 1
	}
	switch a := math.Abs(v); {
	case v == float64(int64(v)) && a < 1e15:
		return 0
	case a >= 100:
		return 1
	case a >= 1:
		return 2
	}
	return 3
}

// lineFile is the source file of a line column's value: the row's X_file
// for a column X_line (baseline_line, baseline_file), else the row's
// source_file or the frame's (def).
func lineFile(f *frame.Frame, row frame.Row, col, def string) string {
	if stem, ok := strings.CutSuffix(col, "_line"); ok && stem != "source" && f.Has(stem+"_file") {
		if v, ok := row.Value(stem + "_file").(string); ok && v != "" {
			return v
		}
	}
	return def
}

// isLineColumn reports whether a column holds source line numbers.
func isLineColumn(name string) bool {
	return strings.HasPrefix(name, frame.ColSourceLine) || strings.HasSuffix(name, "_line")
}

// isCode reports whether a text column holds codes or keys, kept on one line.
func isCode(name string) bool {
	return name == "code" || name == frame.ColSourceFile || strings.HasSuffix(name, "_key") || strings.HasSuffix(name, "_file") || name == "indicator" || name == "measure" || name == "status" || name == "match"
}
