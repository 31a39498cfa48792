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
}

// Section is one part of the analysis: a title, a short text, its charts and
// its tables.
type Section struct {
	ID      string // HTML anchor
	TitleVI string
	TitleEN string
	Text    string // Vietnamese paragraph (escaped)
	TextEN  string
	Charts  []Chart
	Tables  []Table
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

// sectionsHTML renders the sections: each chart as an embedded PNG (the page
// needs no other file) with links to its PNG and SVG, each table with its
// provenance.
func sectionsHTML(w *bytes.Buffer, secs []Section, pngs map[string][]byte, lineText func(string, int) string) {
	for _, s := range secs {
		fmt.Fprintf(w, "<h2 id=\"%s\">%s <span class=\"en\">· %s</span></h2>\n", esc(s.ID), esc(s.TitleVI), esc(s.TitleEN))
		if s.Text != "" || s.TextEN != "" {
			fmt.Fprintf(w, "<p>%s <span class=\"muted\">%s</span></p>\n", esc(s.Text), esc(s.TextEN))
		}
		for _, c := range s.Charts {
			fmt.Fprintf(w, "<figure id=\"chart-%s\"><img src=\"data:image/png;base64,%s\" alt=\"%s\">\n<figcaption>%s <span class=\"muted\">· %s</span><br><span class=\"muted\">Tệp · files: <a href=\"charts/%s.png\">PNG</a> · <a href=\"charts/%s.svg\">SVG</a>%s</span></figcaption></figure>\n",
				esc(c.Name), base64.StdEncoding.EncodeToString(pngs[c.Name]), esc(c.Caption), esc(c.Caption), esc(c.CaptionEN), esc(c.Name), esc(c.Name), provenanceHTML(c.Sources, lineText))
		}
		for _, t := range s.Tables {
			fmt.Fprintf(w, "<div class=\"tbl\"><p><b>%s</b> <span class=\"muted\">· %s · <a href=\"tables/%s.csv\">CSV</a></span></p>\n%s</div>\n",
				esc(t.Caption), esc(t.CaptionEN), esc(t.Name), tableHTML(t.Frame, t.MaxRows, t.Hide, lineText))
		}
	}
}

// provenanceHTML lists the source lines of a chart, each with its text on
// hover.
func provenanceHTML(ps []Provenance, lineText func(string, int) string) string {
	if len(ps) == 0 {
		return ""
	}
	var parts []string
	for _, p := range ps {
		var lines []string
		for _, l := range p.Lines {
			lines = append(lines, lineRef(p.File, l, lineText))
		}
		parts = append(parts, fmt.Sprintf("<code>%s</code> dòng · lines %s", esc(p.File), strings.Join(lines, ", ")))
	}
	return "<br>Nguồn · source: " + strings.Join(parts, "; ")
}

// lineRef is a line number with the text of the line as its title. A table
// row of the sources starts with a short line (its number, one cell per
// line): the following lines are joined to it, " | " between, up to about
// 120 characters, so that the title shows the row.
func lineRef(file string, line int, lineText func(string, int) string) string {
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

// tableHTML renders a frame with Vietnamese number formats; line columns
// carry the text of their source line on hover.
func tableHTML(f *frame.Frame, maxRows int, hide []string, lineText func(string, int) string) string {
	rows := f.NumRows()
	if maxRows > 0 && rows > maxRows {
		rows = maxRows
	}
	var b strings.Builder
	b.WriteString("<table class=\"list\"><thead><tr>")
	var fields []frame.FieldSpec
	for _, s := range f.Fields() {
		if !slices.Contains(hide, s.Name) {
			fields = append(fields, s)
		}
	}
	for _, s := range fields {
		label := s.LabelVI
		if label == "" {
			label = s.Name
		}
		unit := ""
		if s.Unit != "" {
			unit = " (" + s.Unit + ")"
		}
		fmt.Fprintf(&b, "<th>%s<br><span class=\"muted\"><code>%s</code>%s</span></th>", esc(label), esc(s.Name), esc(unit))
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
		for _, s := range fields {
			v := row.Value(s.Name)
			isLine := isLineColumn(s.Name)
			class := ""
			if s.Kind == frame.String {
				class = " class=\"text\""
				if isCode(s.Name) {
					class = " class=\"code\""
				}
			}
			switch x := v.(type) {
			case nil:
				b.WriteString("<td></td>")
			case int64:
				if isLine {
					fmt.Fprintf(&b, "<td class=\"num\">%s</td>", lineRef(lineFile(f, row, s.Name, file), int(x), lineText))
				} else if s.Name == "year" || strings.HasSuffix(s.Name, "_year") || s.Name == "period_start" || s.Name == "period_end" {
					fmt.Fprintf(&b, "<td class=\"num\">%d</td>", x)
				} else {
					fmt.Fprintf(&b, "<td class=\"num\">%s</td>", frame.FormatIntVI(x))
				}
			case float64:
				fmt.Fprintf(&b, "<td class=\"num\">%s</td>", frame.FormatVI(x, decimalsFor(s.Unit, x)))
			case time.Time:
				fmt.Fprintf(&b, "<td>%s</td>", x.Format("02/01/2006"))
			case bool:
				mark := "✗"
				if x {
					mark = "✓"
				}
				fmt.Fprintf(&b, "<td>%s</td>", mark)
			default:
				fmt.Fprintf(&b, "<td%s>%s</td>", class, esc(fmt.Sprint(x)))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table>")
	if rows < f.NumRows() {
		fmt.Fprintf(&b, "<p class=\"muted\">… %d dòng nữa trong tệp CSV · %d more rows in the CSV file</p>", f.NumRows()-rows, f.NumRows()-rows)
	}
	return b.String()
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
