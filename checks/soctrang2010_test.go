package checks_test

import (
	"encoding/csv"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/checks"
	"github.com/ictplan/ictplan/datasets"
)

// The findings of Sóc Trăng's 2010 plan (Kế hoạch 21/KH-UBND), worked out
// here independently of the rules: from the datasets' golden CSV files
// (datasets/testdata, compared byte for byte with datasets.Load by the
// tests of package datasets) and from the source text, read with plain
// string processing.

const source2010 = "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"

// ids2010 are the datasets of the 2010 plan.
var ids2010 = []string{
	"soctrang-2010-it-staff",
	"soctrang-2010-computers-provincial",
	"soctrang-2010-computers-district",
	"soctrang-2009-2010-projects",
	"soctrang-2011-2015-projects",
}

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

// readGolden reads the golden CSV file of a dataset, in package datasets'
// testdata.
func readGolden(t *testing.T, id string) csvTable {
	t.Helper()
	path := filepath.Join("..", "datasets", "testdata", id+".csv")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s is empty", path)
	}
	return csvTable{header: recs[0], rows: recs[1:]}
}

func cellText(l string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(l, "\u00a0", " ")), " ")
}

var plainNumberRe = regexp.MustCompile(`^[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$|^[0-9]+(\.[0-9]+)?$`)

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

// wantFinding is a finding expected from checks.Check (the findings of
// the datasets, worked out here from their golden files): its rule, row,
// column and line, with the reported and computed figures worked out here
// from the source text and the golden CSV files (NaN: undefined).
type wantFinding struct {
	rule, subject, column string
	line                  int
	reported, computed    float64
}

// colSum adds up a column of a golden CSV exactly (empty fields left out).
func colSum(t *testing.T, g csvTable, col string) float64 {
	t.Helper()
	j := g.col(col)
	if j < 0 {
		t.Fatalf("no column %q", col)
	}
	sum := new(big.Rat)
	for _, r := range g.rows {
		if r[j] != "" {
			sum.Add(sum, csvRat(t, r[j]))
		}
	}
	f, _ := sum.Float64()
	return f
}

// sourceFigure reads the figure on a source line (comma thousands).
func sourceFigure(t *testing.T, line int) float64 {
	t.Helper()
	l, err := datasets.Line(source2010, line)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := rat(t, cellText(l)).Float64()
	return f
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

func expectedFindings(t *testing.T) map[string][]wantFinding {
	staff := readGolden(t, "soctrang-2010-it-staff")
	prov := readGolden(t, "soctrang-2010-computers-provincial")
	dist := readGolden(t, "soctrang-2010-computers-district")

	// Phụ lục 1: qualification counts above the unit's staff.
	parts := []string{"it_university", "it_college", "it_vocational", "cert_b", "cert_a", "basic_user"}
	var staffFindings []wantFinding
	for _, unit := range []string{
		"Sở Giao thông vận tải tỉnh Sóc Trăng", "Sở Văn hóa, Thể thao và Du lịch tỉnh Sóc Trăng", "Sở Xây dựng tỉnh Sóc Trăng",
		"Văn phòng HĐND & UBND huyện Cù Lao Dung", "Ban Quản lý các Công trình Xây dựng",
	} {
		sum := 0.0
		for _, p := range parts {
			sum += num(t, staff.get(t, "unit", unit, p))
		}
		line, _ := strconv.Atoi(staff.get(t, "unit", unit, "source_line"))
		staffFindings = append(staffFindings, wantFinding{reconcile.RuleParts, unit, strings.Join(parts, "+"), line,
			num(t, staff.get(t, "unit", unit, "staff_total")), sum})
	}

	// Phụ lục 2: the text's "khoảng 60%" of computers on the Internet
	// (line 63) against Phụ lục 2 + 3; and the office with no staff and no
	// computers whose ratios are written 0.
	internet := 100 * (colSum(t, prov, "internet_computers") + colSum(t, dist, "internet_computers")) /
		(colSum(t, prov, "computers") + colSum(t, dist, "computers"))
	nan := math.NaN()
	provFindings := []wantFinding{
		{reconcile.RuleText, "máy tính kết nối Internet (share of computers on the Internet), Phụ lục 2 + 3",
			"(soctrang-2010-computers-provincial:internet_computers + soctrang-2010-computers-district:internet_computers) / (soctrang-2010-computers-provincial:computers + soctrang-2010-computers-district:computers) × 100",
			63, 60, internet},
		{reconcile.RuleRatio, "Văn phòng Đoàn Đại biểu Quốc hội", "computers_per_staff_reported", 1437, 0, nan},
		{reconcile.RuleRatio, "Văn phòng Đoàn Đại biểu Quốc hội", "internet_share_reported", 1437, 0, nan},
		{reconcile.RuleRatio, "Văn phòng Đoàn Đại biểu Quốc hội", "lan_share_reported", 1437, 0, nan},
	}

	// Phụ lục 3: the reported totals (lines 2346–2352) are not the sums of
	// the 22 rows, and so the total ratios (2354–2358) are off.
	sum := func(c string) float64 { return colSum(t, dist, c) }
	distFindings := []wantFinding{
		{reconcile.RuleTotal, "TỔNG/BÌNH QUÂN", "staff", 2346, sourceFigure(t, 2346), sum("staff")},
		{reconcile.RuleTotal, "TỔNG/BÌNH QUÂN", "computers", 2348, sourceFigure(t, 2348), sum("computers")},
		{reconcile.RuleTotal, "TỔNG/BÌNH QUÂN", "internet_computers", 2350, sourceFigure(t, 2350), sum("internet_computers")},
		{reconcile.RuleTotal, "TỔNG/BÌNH QUÂN", "lan_computers", 2352, sourceFigure(t, 2352), sum("lan_computers")},
		{reconcile.RuleRatio, "TỔNG/BÌNH QUÂN", "computers_per_staff_reported", 2354, sourceFigure(t, 2354), sum("computers") / sum("staff")},
		{reconcile.RuleRatio, "TỔNG/BÌNH QUÂN", "lan_share_reported", 2356, sourceFigure(t, 2356), sum("lan_computers") / sum("computers")},
		{reconcile.RuleRatio, "TỔNG/BÌNH QUÂN", "internet_share_reported", 2358, sourceFigure(t, 2358), sum("internet_computers") / sum("computers")},
	}
	return map[string][]wantFinding{
		"soctrang-2010-it-staff":             staffFindings,
		"soctrang-2010-computers-provincial": provFindings,
		"soctrang-2010-computers-district":   distFindings,
		"soctrang-2009-2010-projects":        nil,
		"soctrang-2011-2015-projects":        {sectionVCosts(t)},
	}
}

// sectionVCosts: section V of the plan (lines 203–551) gives its work
// items a cost each ("Kinh phí dự kiến: 8,580 tỷ đồng"); read here from
// the source lines, they add up to less than the total of section VIII
// (line 639, in đồng).
func sectionVCosts(t *testing.T) wantFinding {
	t.Helper()
	cost := regexp.MustCompile(`^- (?:Kinh phí dự kiến|Dự kiến kinh phí): ([0-9]+(?:,[0-9]+)?) tỷ đồng`)
	sum, n := 0.0, 0
	for l := 203; l < 551; l++ {
		line, err := datasets.Line(source2010, l)
		if err != nil {
			t.Fatal(err)
		}
		if m := cost.FindStringSubmatch(line); m != nil {
			sum += 1000 * num(t, strings.Replace(m[1], ",", ".", 1))
			n++
		}
	}
	if n != 12 {
		t.Fatalf("section V: %d costs, want 12", n)
	}
	total, err := datasets.Line(source2010, 639)
	if err != nil || !strings.Contains(total, "là 109.045.000.000 đồng") {
		t.Fatalf("line 639: %q, %v", total, err)
	}
	return wantFinding{reconcile.RuleItems, "kinh phí các mục của phần V (costs of section V's items)", "total_mvnd", 639, 109045, math.Round(sum*1000) / 1000}
}

func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// TestCheckFindings: the findings of each 2010 dataset are exactly the
// known disagreements of the document, with figures recomputed here.
func TestCheckFindings(t *testing.T) {
	want := expectedFindings(t)
	for _, id := range ids2010 {
		t.Run(id, func(t *testing.T) {
			r, err := checks.Check(id)
			if err != nil {
				t.Fatal(err)
			}
			if r.Dataset != id || r.Checks == 0 {
				t.Errorf("report for %q with %d checks", r.Dataset, r.Checks)
			}
			w := want[id]
			if len(r.Findings) != len(w) {
				for _, f := range r.Findings {
					t.Logf("%s:%d %s %s %s", f.Dataset, f.SourceLine, f.Rule, f.Subject, f.Column)
				}
				t.Fatalf("%d findings, want %d", len(r.Findings), len(w))
			}
			for i, f := range r.Findings {
				e := w[i]
				if f.Dataset != id || f.Rule != e.rule || f.Subject != e.subject || f.Column != e.column || f.SourceLine != e.line {
					t.Errorf("finding %d: %s %q %q line %d\nwant      %s %q %q line %d", i, f.Rule, f.Subject, f.Column, f.SourceLine, e.rule, e.subject, e.column, e.line)
				}
				if !sameFloat(f.Reported, e.reported) || !sameFloat(f.Computed, e.computed) {
					t.Errorf("finding %d (line %d): reported %v computed %v, want %v and %v", i, f.SourceLine, f.Reported, f.Computed, e.reported, e.computed)
				}
				if !math.IsNaN(e.computed) && !sameFloat(f.Difference, e.reported-e.computed) {
					t.Errorf("finding %d: difference %v, want %v", i, f.Difference, e.reported-e.computed)
				}
				if f.Detail == "" {
					t.Errorf("finding %d has no detail", i)
				}
			}
			// Stable: a second check gives the same findings.
			r2, err := checks.Check(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(r2.Findings) != len(r.Findings) || r2.Checks != r.Checks {
				t.Fatalf("second check: %d findings of %d checks, first %d of %d", len(r2.Findings), r2.Checks, len(r.Findings), r.Checks)
			}
			for i := range r.Findings {
				a, b := r.Findings[i], r2.Findings[i]
				if a.Rule != b.Rule || a.Subject != b.Subject || a.Column != b.Column || a.SourceLine != b.SourceLine || a.Detail != b.Detail {
					t.Errorf("finding %d changed: %+v then %+v", i, a, b)
				}
			}
		})
	}
}

// TestCheckDistrictTotal spells out the headline finding: Phụ lục 3 reports
// 2025 staff at line 2346, its 22 rows add up to 2163.
func TestCheckDistrictTotal(t *testing.T) {
	line, _ := datasets.Line(source2010, 2346)
	if line != "2025" {
		t.Fatalf("line 2346 = %q, want 2025", line)
	}
	if got := colSum(t, readGolden(t, "soctrang-2010-computers-district"), "staff"); got != 2163 {
		t.Fatalf("district staff rows add up to %v, want 2163", got)
	}
	r, err := checks.Check("soctrang-2010-computers-district")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.SourceLine == 2346 && f.Rule == reconcile.RuleTotal && f.Column == "staff" {
			if f.Reported != 2025 || f.Computed != 2163 || f.Difference != -138 {
				t.Errorf("finding %+v, want 2025 vs 2163", f)
			}
			return
		}
	}
	t.Error("no total-vs-sum finding for staff at line 2346")
}

func TestCheckAll(t *testing.T) {
	all, err := checks.CheckAll()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, fs := range expectedFindings(t) {
		n += len(fs)
	}
	got := 0
	for _, f := range all.Findings {
		for _, id := range ids2010 {
			if f.Dataset == id {
				got++
			}
		}
	}
	if got != n {
		t.Errorf("CheckAll: %d findings on the 2010 datasets, want %d", got, n)
	}
}
