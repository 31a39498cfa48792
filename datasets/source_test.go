package datasets_test

import (
	"encoding/csv"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// This file checks the golden CSV files against the source text with plain
// string processing, independently of package loaders, so that a loader
// bug cannot hide in a golden file.

const source2010 = "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"

// csvTable is a golden CSV file: its header and records.
type csvTable struct {
	header []string
	rows   [][]string
}

func (c csvTable) col(name string) int {
	for i, h := range c.header {
		if h == name {
			return i
		}
	}
	return -1
}

// get returns the value of column name in the row whose column key is val.
func (c csvTable) get(t *testing.T, key, val, name string) string {
	t.Helper()
	k, j := c.col(key), c.col(name)
	if k < 0 || j < 0 {
		t.Fatalf("no column %q or %q in %v", key, name, c.header)
	}
	for _, r := range c.rows {
		if r[k] == val {
			return r[j]
		}
	}
	t.Fatalf("no row with %s = %q", key, val)
	return ""
}

func readGolden(t *testing.T, id string) csvTable {
	t.Helper()
	f, err := os.Open(goldenPath(id))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", goldenPath(id), err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", goldenPath(id))
	}
	return csvTable{header: recs[0], rows: recs[1:]}
}

// sourceLines reads the source file itself (not through package datasets):
// lines[n-1] is line n.
func sourceLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("sources/" + source2010)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// srcCell is a cell of the source: a non-blank line. A line holding only
// no-break spaces is an empty cell (text "").
type srcCell struct {
	line int
	text string
}

func cellText(l string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(l, "\u00a0", " ")), " ")
}

func isBlankLine(l string) bool { return strings.Trim(l, " \t\r") == "" }

// cellsFrom returns the n cells starting at line from (1-based), skipping
// blank lines.
func cellsFrom(lines []string, from, n int) []srcCell {
	var out []srcCell
	for i := from - 1; i < len(lines) && len(out) < n; i++ {
		if isBlankLine(lines[i]) {
			continue
		}
		out = append(out, srcCell{i + 1, cellText(lines[i])})
	}
	return out
}

// How a source cell maps to CSV columns.
type cellRule struct {
	kind string // text, int, decimal, dong, mvnd, period, dong-or-text
	cols []string
}

func ruleText(c string) cellRule          { return cellRule{"text", []string{c}} }
func ruleInt(c string) cellRule           { return cellRule{"int", []string{c}} }
func ruleDecimal(c string) cellRule       { return cellRule{"decimal", []string{c}} }
func ruleDong(c string) cellRule          { return cellRule{"dong", []string{c}} }
func ruleMvnd(c string) cellRule          { return cellRule{"mvnd", []string{c}} }
func rulePeriod(a, b string) cellRule     { return cellRule{"period", []string{a, b}} }
func ruleDongOrText(a, b string) cellRule { return cellRule{"dong-or-text", []string{a, b}} }

var computersRules = []cellRule{
	ruleInt("code"), ruleText("unit"), ruleInt("staff"), ruleInt("computers"), ruleInt("internet_computers"), ruleInt("lan_computers"),
	ruleDecimal("computers_per_staff_reported"), ruleDecimal("lan_share_reported"), ruleDecimal("internet_share_reported"),
}

// sourceTables: for each 2010 dataset, its rows in the source, the
// appendix lines and the label of the total row that follows the last row.
var sourceTables = []struct {
	id         string
	from, to   int // the appendix, heading to last line
	rules      []cellRule
	rows       int
	totalLabel string
}{
	{"soctrang-2010-it-staff", 683, 1357, []cellRule{
		ruleInt("no"), ruleText("unit"), ruleInt("staff_total"), ruleInt("it_university"), ruleInt("it_college"), ruleInt("it_vocational"),
		ruleInt("cert_b"), ruleInt("cert_a"), ruleInt("basic_user"), ruleInt("email_users"),
	}, 31, "TỔNG CỘNG"},
	{"soctrang-2010-computers-provincial", 1358, 1904, computersRules, 27, "TỔNG/BÌNH QUÂN"},
	{"soctrang-2010-computers-district", 1905, 2361, computersRules, 22, "TỔNG/BÌNH QUÂN"},
	{"soctrang-2009-2010-projects", 2362, 2474, []cellRule{
		ruleInt("no"), ruleText("project"), ruleText("objective"), rulePeriod("period_start", "period_end"), ruleDong("planned_mvnd"),
		ruleText("status"), ruleDongOrText("funded_mvnd", "funding_text"), ruleText("note"),
	}, 5, "TỔNG CỘNG"},
	{"soctrang-2011-2015-projects", 2475, 2772, []cellRule{
		ruleInt("no"), ruleText("project"), ruleText("objective"), rulePeriod("period_start", "period_end"), ruleMvnd("total_mvnd"),
		ruleMvnd("invest_central_mvnd"), ruleMvnd("invest_local_mvnd"), ruleMvnd("recurrent_central_mvnd"), ruleMvnd("recurrent_local_mvnd"), ruleText("note"),
	}, 13, "TỔNG CỘNG"},
}

var (
	plainNumberRe = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$|^[0-9]+(\.[0-9]+)?$`)
	sectionRe     = regexp.MustCompile(`^[IVX]+\. `)
	periodRe      = regexp.MustCompile(`^([0-9]{4})-([0-9]{4})$`)
)

// rat reads a source figure (comma thousands, point decimals) exactly.
func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	if !plainNumberRe.MatchString(s) {
		t.Fatalf("%q is not a figure of the source", s)
	}
	r, ok := new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
	if !ok {
		t.Fatalf("cannot read %q", s)
	}
	return r
}

// csvRat reads a CSV number exactly.
func csvRat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("CSV value %q is not a number", s)
	}
	return r
}

var million = big.NewRat(1_000_000, 1)

// TestGoldenAgainstSource: every row of each golden CSV starts at its
// source_line with its row number, and the cells that follow in the source
// are its values: numbers equal exactly (thousands commas removed, đồng
// divided by a million), an empty source cell an empty field. Rows are
// numbered 1…n without a gap, each row is followed by the next row's
// number (or a section heading), and the last one by the total row.
func TestGoldenAgainstSource(t *testing.T) {
	lines := sourceLines(t)
	for _, st := range sourceTables {
		t.Run(st.id, func(t *testing.T) {
			g := readGolden(t, st.id)
			if len(g.rows) != st.rows {
				t.Fatalf("%d rows, want %d", len(g.rows), st.rows)
			}
			slCol := g.col("source_line")
			if slCol != len(g.header)-1 {
				t.Fatalf("source_line is not the last column: %v", g.header)
			}
			// the columns the rules fill, plus group and source_line, are all the columns
			covered := map[string]bool{"source_line": true}
			for _, r := range st.rules {
				for _, c := range r.cols {
					covered[c] = true
				}
			}
			if g.col("group") >= 0 {
				covered["group"] = true
			}
			if len(covered) != len(g.header) {
				t.Fatalf("header %v: the source rules cover %d columns", g.header, len(covered))
			}
			for i, row := range g.rows {
				sl, err := strconv.Atoi(row[slCol])
				if err != nil || sl < st.from || sl > st.to {
					t.Fatalf("row %d: source_line %q outside the appendix (%d–%d)", i+1, row[slCol], st.from, st.to)
				}
				if got := cellText(lines[sl-1]); got != strconv.Itoa(i+1) {
					t.Fatalf("row %d: line %d holds %q, want the row number %d", i+1, sl, lines[sl-1], i+1)
				}
				cells := cellsFrom(lines, sl, len(st.rules)+1)
				for k, rule := range st.rules {
					checkCell(t, g, row, rule, cells[k])
				}
				// what follows the row
				next := cells[len(st.rules)]
				switch {
				case i+1 < len(g.rows):
					nextLine, _ := strconv.Atoi(g.rows[i+1][slCol])
					if sectionRe.MatchString(next.text) {
						after := cellsFrom(lines, next.line+1, 1)[0]
						if after.line != nextLine {
							t.Errorf("row %d: after the heading at line %d the next row is at line %d, CSV says %d", i+1, next.line, after.line, nextLine)
						}
					} else if next.line != nextLine {
						t.Errorf("row %d: the cell after it is %q at line %d, but the next CSV row starts at line %d", i+1, next.text, next.line, nextLine)
					}
				default:
					if next.text != st.totalLabel {
						t.Errorf("last row: followed by %q at line %d, want %q", next.text, next.line, st.totalLabel)
					}
				}
				// the section heading above the row
				if gc := g.col("group"); gc >= 0 {
					heading := ""
					for l := sl - 1; l >= st.from; l-- {
						if sectionRe.MatchString(cellText(lines[l-1])) {
							heading = cellText(lines[l-1])
							break
						}
					}
					if row[gc] != heading {
						t.Errorf("row %d: group %q, the heading above line %d is %q", i+1, row[gc], sl, heading)
					}
				}
			}
		})
	}
}

func checkCell(t *testing.T, g csvTable, row []string, rule cellRule, c srcCell) {
	t.Helper()
	field := func(name string) string { return row[g.col(name)] }
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("line %d (%q) → %v: "+format, append([]any{c.line, c.text, rule.cols}, args...)...)
	}
	if c.text == "" { // an empty source cell is an empty field, never 0
		for _, col := range rule.cols {
			if field(col) != "" {
				fail("empty source cell, CSV has %q", field(col))
			}
		}
		return
	}
	col := rule.cols[0]
	switch rule.kind {
	case "text":
		if field(col) != c.text {
			fail("CSV has %q", field(col))
		}
	case "int", "decimal", "mvnd":
		if field(col) == "" || rat(t, c.text).Cmp(csvRat(t, field(col))) != 0 {
			fail("CSV has %q", field(col))
		}
		if rule.kind == "int" && strings.Contains(field(col), ".") {
			fail("a count written with decimals: %q", field(col))
		}
	case "dong":
		want := new(big.Rat).Quo(rat(t, c.text), million)
		if field(col) == "" || want.Cmp(csvRat(t, field(col))) != 0 {
			fail("CSV has %q million, want %s", field(col), want.FloatString(6))
		}
	case "dong-or-text":
		if plainNumberRe.MatchString(c.text) {
			want := new(big.Rat).Quo(rat(t, c.text), million)
			if field(col) == "" || want.Cmp(csvRat(t, field(col))) != 0 || field(rule.cols[1]) != "" {
				fail("CSV has %q, %q; want %s million and no text", field(col), field(rule.cols[1]), want.FloatString(6))
			}
		} else if field(col) != "" || field(rule.cols[1]) != c.text {
			fail("CSV has %q, %q; want no amount and the text", field(col), field(rule.cols[1]))
		}
	case "period":
		m := periodRe.FindStringSubmatch(c.text)
		if m == nil || field(rule.cols[0]) != m[1] || field(rule.cols[1]) != m[2] {
			fail("CSV has %q–%q", field(rule.cols[0]), field(rule.cols[1]))
		}
	default:
		t.Fatalf("unknown rule %q", rule.kind)
	}
}

// TestSpotChecks quotes figures from the document with their line numbers
// and finds them in the loaded datasets.
func TestSpotChecks(t *testing.T) {
	cases := []struct {
		line     int
		lineText string // the source line, trimmed ("" for an empty cell)
		id       string
		key, val string // the row
		column   string
		want     string // CSV form; "" is null
	}{
		{1413, "0.89308", "soctrang-2010-computers-provincial", "unit", "Tỉnh ủy", "computers_per_staff_reported", "0.89308"},
		{1405, "159", "soctrang-2010-computers-provincial", "unit", "Tỉnh ủy", "staff", "159"},
		{1441, "0", "soctrang-2010-computers-provincial", "code", "3", "staff", "0"},
		{1869, "27", "soctrang-2010-computers-provincial", "code", "27", "unit", "Hội Cựu Chiến binh"},
		{978, "", "soctrang-2010-it-staff", "unit", "Sở Y tế tỉnh Sóc Trăng", "staff_total", ""},
		{980, "0", "soctrang-2010-it-staff", "unit", "Sở Y tế tỉnh Sóc Trăng", "it_university", "0"},
		{852, "", "soctrang-2010-it-staff", "no", "7", "email_users", ""},
		{850, "4", "soctrang-2010-it-staff", "no", "7", "basic_user", "4"},
		{1160, "22", "soctrang-2010-it-staff", "unit", "Văn phòng HĐND & UBND huyện Vĩnh Châu", "staff_total", "22"},
		{1162, "", "soctrang-2010-it-staff", "unit", "Văn phòng HĐND & UBND huyện Vĩnh Châu", "it_university", ""},
		{1176, "24", "soctrang-2010-it-staff", "no", "24", "unit", "Văn phòng HĐND & UBND huyện Cù Lao Dung"},
		{1216, "III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC", "soctrang-2010-it-staff", "no", "26", "group", "III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC"},
		{2220, "Phòng Dân tộc", "soctrang-2010-computers-district", "code", "16", "unit", "Phòng Dân tộc"},
		{2338, "0.59563", "soctrang-2010-computers-district", "code", "22", "computers_per_staff_reported", "0.59563"},
		{2391, "9,189,899,000", "soctrang-2009-2010-projects", "no", "1", "planned_mvnd", "9189.899"},
		{2395, "750,000,000", "soctrang-2009-2010-projects", "no", "1", "funded_mvnd", "750"},
		{2411, "Chưa được bố trí", "soctrang-2009-2010-projects", "no", "2", "funding_text", "Chưa được bố trí"},
		{2411, "Chưa được bố trí", "soctrang-2009-2010-projects", "no", "2", "funded_mvnd", ""},
		{2389, "2009-2010", "soctrang-2009-2010-projects", "no", "1", "period_start", "2009"},
		{2510, "24,000", "soctrang-2011-2015-projects", "no", "1", "total_mvnd", "24000"},
		{2554, "1,697", "soctrang-2011-2015-projects", "no", "3", "invest_local_mvnd", "1697"},
		{2620, "", "soctrang-2011-2015-projects", "no", "6", "note", ""},
		{2548, "2011-2015", "soctrang-2011-2015-projects", "no", "3", "period_end", "2015"},
	}
	for _, tc := range cases {
		line, err := datasets.Line(source2010, tc.line)
		if err != nil {
			t.Fatal(err)
		}
		if got := cellText(line); got != tc.lineText {
			t.Errorf("line %d is %q, want %q", tc.line, got, tc.lineText)
			continue
		}
		got := csvTable{}
		recs, err := csv.NewReader(strings.NewReader(string(loadCSV(t, tc.id)))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		got.header, got.rows = recs[0], recs[1:]
		if v := got.get(t, tc.key, tc.val, tc.column); v != tc.want {
			t.Errorf("line %d: %s %s=%s: %s = %q, want %q", tc.line, tc.id, tc.key, tc.val, tc.column, v, tc.want)
		}
	}
}

// TestClaimsSpotChecks: reported totals are claims, not rows, each at the
// line of its figure.
func TestClaimsSpotChecks(t *testing.T) {
	cases := []struct {
		line   int
		text   string
		id     string
		column string
		value  string
	}{
		{1340, "1,201", "soctrang-2010-it-staff", "staff_total", "1201"},
		{1889, "1215", "soctrang-2010-computers-provincial", "staff", "1215"},
		{1897, "0.82387", "soctrang-2010-computers-provincial", "computers_per_staff_reported", "0.82387"},
		{2346, "2025", "soctrang-2010-computers-district", "staff", "2025"},
		{2465, "34,594,621,000", "soctrang-2009-2010-projects", "planned_mvnd", "34594.621"},
		{2469, "3,750,000,000", "soctrang-2009-2010-projects", "funded_mvnd", "3750"},
		{2764, "109,045", "soctrang-2011-2015-projects", "total_mvnd", "109045"},
		{2772, "25,500", "soctrang-2011-2015-projects", "recurrent_local_mvnd", "25500"},
	}
	for _, tc := range cases {
		if line, _ := datasets.Line(source2010, tc.line); cellText(line) != tc.text {
			t.Errorf("line %d is %q, want %q", tc.line, line, tc.text)
		}
		f, err := datasets.Claims(tc.id)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := frame.WriteCSV(&b, f, frame.CSVWriteOptions{}); err != nil {
			t.Fatal(err)
		}
		f.Release()
		recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		c := csvTable{recs[0], recs[1:]}
		if got := c.get(t, "source_line", strconv.Itoa(tc.line), "column"); got != tc.column {
			t.Errorf("claim at line %d is for %q, want %q", tc.line, got, tc.column)
		}
		if got := c.get(t, "source_line", strconv.Itoa(tc.line), "value"); got != tc.value {
			t.Errorf("claim at line %d = %q, want %q", tc.line, got, tc.value)
		}
		if got := c.get(t, "source_line", strconv.Itoa(tc.line), "text"); got != tc.text {
			t.Errorf("claim at line %d written %q, want %q", tc.line, got, tc.text)
		}
	}
}
