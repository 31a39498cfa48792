package reconcile

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

func units(t *testing.T) *frame.Frame {
	t.Helper()
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64, Unit: "people"},
		{Name: "computers", Kind: frame.Int64, Unit: "count"},
		{Name: "lan", Kind: frame.Int64, Unit: "count"},
		{Name: "ratio", Kind: frame.Float64, Unit: "ratio"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"A", 10, 8, 8, 0.8, 10},
		{"B", 4, 5, 6, 1.25, 20},    // LAN > computers
		{"C", 3, 1, 1, 0.33333, 30}, // 1/3 = 0.333333: within ±0.000005
		{"D", 0, 0, 0, 0.0, 40},     // 0/0 reported as 0
		{"E", nil, 2, 1, nil, 50},   // nulls skip the row
		{"F", 7, 3, 2, 0.42, 60},    // 3/7 = 0.428571: off
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func claims(t *testing.T, rows [][]any) *frame.Frame {
	t.Helper()
	f, err := frame.FromRows(nil, frame.ClaimFields(), rows)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestTotals(t *testing.T) {
	f := units(t)
	defer f.Release()
	c := claims(t, [][]any{
		{"TỔNG CỘNG", "", "staff", 24.0, "24", 0, 100},     // 10+4+3+0+7 = 24: ok
		{"TỔNG CỘNG", "", "computers", 20.0, "20", 0, 101}, // 19: finding
		{"TỔNG CỘNG", "", "ratio", 0.8, "0.8", 1, 102},     // ratio: not summed
		{"TỔNG CỘNG", "", "lan", nil, "", 0, 103},          // text: skipped
	})
	defer c.Release()
	r, err := Totals("d", f, c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 2 || len(r.Findings) != 1 {
		t.Fatalf("checks %d findings %+v", r.Checks, r.Findings)
	}
	g := r.Findings[0]
	if g.Column != "computers" || g.Reported != 20 || g.Computed != 19 || g.Difference != 1 || g.SourceLine != 101 || g.Rule != RuleTotal || g.Dataset != "d" {
		t.Errorf("finding %+v", g)
	}
	if !strings.Contains(r.Findings[0].Detail, "19") {
		t.Errorf("detail %q", g.Detail)
	}
}

func TestRatios(t *testing.T) {
	f := units(t)
	defer f.Release()
	r, err := Ratios("d", f, nil, "unit", Ratio{Reported: "ratio", Numerator: "computers", Denominator: "staff"})
	if err != nil {
		t.Fatal(err)
	}
	// A, B, C, D, F checked (E has nulls); D undefined, F off.
	if r.Checks != 5 {
		t.Errorf("checks %d, want 5", r.Checks)
	}
	got := map[string]Finding{}
	for _, x := range r.Findings {
		got[x.Subject] = x
	}
	if len(got) != 2 {
		t.Fatalf("findings %+v", r.Findings)
	}
	if d := got["D"]; !math.IsNaN(d.Computed) || d.SourceLine != 40 {
		t.Errorf("D: %+v", d)
	}
	if x := got["F"]; math.Abs(x.Computed-3.0/7) > 1e-12 || x.SourceLine != 60 {
		t.Errorf("F: %+v", x)
	}
}

func TestRatiosTotalRow(t *testing.T) {
	f := units(t)
	defer f.Release()
	// Reported total ratio 0.79167 = 19/24 (row sums), and totals 19 / 24.
	c := claims(t, [][]any{
		{"TỔNG", "", "staff", 24.0, "24", 0, 100},
		{"TỔNG", "", "computers", 19.0, "19", 0, 101},
		{"TỔNG", "", "ratio", 0.79167, "0.79167", 5, 102},
	})
	defer c.Release()
	r, err := Ratios("d", f, c, "unit", Ratio{Reported: "ratio", Numerator: "computers", Denominator: "staff"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range r.Findings {
		if strings.HasPrefix(x.Subject, "TỔNG") {
			t.Errorf("unexpected total finding %+v", x)
		}
	}
	if r.Checks != 7 { // 5 rows + 2 total checks
		t.Errorf("checks %d, want 7", r.Checks)
	}
}

func TestPartsWithinWhole(t *testing.T) {
	f := units(t)
	defer f.Release()
	r, err := PartsWithinWhole("d", f, "unit", Parts{Whole: "computers", Parts: []string{"lan"}, AtMost: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 || r.Findings[0].Subject != "B" || r.Findings[0].Computed != 6 || r.Findings[0].Reported != 5 {
		t.Fatalf("findings %+v", r.Findings)
	}
	r, err = PartsWithinWhole("d", f, "unit", Parts{Whole: "computers", Parts: []string{"lan"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 3 { // B (6≠5), F (2≠3), E (1≠2)
		t.Fatalf("exact: findings %+v", r.Findings)
	}
}

func TestClaims(t *testing.T) {
	f := units(t)
	defer f.Release()
	frames := map[string]*frame.Frame{"d": f}
	ref := func(c string) []ColumnRef { return []ColumnRef{{Dataset: "d", Column: c}} }
	r, err := Claims("d", frames,
		Claim{Subject: "about 79%", Value: 79, Tolerance: 0.5, Percent: true, Numerator: ref("computers"), Denominator: ref("staff"), Line: 1}, // 19/24 = 79.17%
		Claim{Subject: "about 60%", Value: 60, Tolerance: 0.5, Percent: true, Numerator: ref("computers"), Denominator: ref("staff"), Line: 2},
		Claim{Subject: "more than 70%", Value: 70, Comparator: ">", Percent: true, Numerator: ref("computers"), Denominator: ref("staff"), Line: 3},
		Claim{Subject: "staff 24", Value: 24, Numerator: ref("staff"), Line: 4},
	)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 4 || len(r.Findings) != 1 || r.Findings[0].SourceLine != 2 {
		t.Fatalf("checks %d findings %+v", r.Checks, r.Findings)
	}
	if _, err := Claims("d", frames, Claim{Numerator: []ColumnRef{{Dataset: "x", Column: "staff"}}}); err == nil {
		t.Error("claim on a missing dataset: no error")
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	fs := []Finding{
		{Dataset: "d", Rule: RuleRatio, Subject: "Sở \"A\", B", Column: "ratio", Reported: 0, Computed: math.NaN(), Difference: math.NaN(), SourceLine: 7, Class: ClassNote},
		{Dataset: "d", Rule: RuleTotal, Subject: "=HYPERLINK(\"x\")", Column: "staff", Reported: -1, Computed: 2, Difference: -3, SourceLine: 8},
	}
	if err := WriteCSV(&b, fs, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	const head = "dataset,rule,subject,column,reported,computed,difference,source_line,class\nd,ratio-vs-recomputed,\"Sở \"\"A\"\", B\",ratio,0,,,7,note\n"
	want := head + "d,total-vs-sum,\"=HYPERLINK(\"\"x\"\")\",staff,-1,2,-3,8,\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
	// for a spreadsheet, a text that is a formula is quoted; numbers never
	b.Reset()
	if err := WriteCSV(&b, fs, frame.CSVWriteOptions{QuoteFormulas: true}); err != nil {
		t.Fatal(err)
	}
	want = head + "d,total-vs-sum,\"'=HYPERLINK(\"\"x\"\")\",staff,-1,2,-3,8,\n"
	if b.String() != want {
		t.Errorf("quoted: got %q\nwant %q", b.String(), want)
	}
}

func TestPairs(t *testing.T) {
	r := Pairs("d",
		Pair{Rule: RuleWords, Subject: "same", Reported: 30500, Computed: 30500, Line: 1},
		Pair{Rule: RuleWords, Subject: "differs", Reported: 22955, Computed: 22950, Line: 2})
	if r.Checks != 2 || len(r.Findings) != 1 || r.Findings[0].Subject != "differs" || r.Findings[0].Difference != 5 {
		t.Fatalf("%+v", r)
	}
}

// TestRuleNames: every rule of the package has a name in both languages,
// and a finding's Vietnamese sentence names columns by their labels.
func TestRuleNames(t *testing.T) {
	for _, r := range []string{RuleTotal, RuleRatio, RuleParts, RuleText, RuleWords, RuleFunding, RuleComponents, RuleCopies, RuleExtraFigure, RuleLabel, RuleSpent, RuleMean, RuleNote} {
		if vi, en := RuleName(r, "vi"), RuleName(r, "en"); vi == r || en == r || vi == en {
			t.Errorf("%s: %q / %q", r, vi, en)
		}
	}
	if RuleName("no-such-rule", "vi") != "no-such-rule" || len(Rules()) < 13 {
		t.Error("unknown rule")
	}
	if s := (Finding{Subject: "3 Hạ tầng số (subtotal)"}).SubjectIn("vi"); s != "3 Hạ tầng số (dòng cộng)" {
		t.Errorf("SubjectIn: %q", s)
	}
	f := Finding{Detail: "en", DetailVI: "vi"}
	if f.Sentence("vi") != "vi" || f.Sentence("en") != "en" || (Finding{Detail: "en"}).Sentence("vi") != "en" {
		t.Error("Sentence")
	}
}

func TestWordDiffIn(t *testing.T) {
	if got := WordDiffIn("a b c", "a c d", "vi"); got != `thiếu "b"; thêm "d"` {
		t.Errorf("vi: %q", got)
	}
	if got := WordDiffIn("a b c", "a c d", "en"); got != `lacks "b"; adds "d"` || WordDiff("a b c", "a c d") != got {
		t.Errorf("en: %q", got)
	}
}

// TestGrouped: a finding that follows from another comes right under it;
// one without a parent stays where it is.
func TestGrouped(t *testing.T) {
	fs := []Finding{
		{Dataset: "d", Subject: "TỔNG", Rule: RuleTotal, SourceLine: 1},
		{Dataset: "d", Subject: "Sở A", Rule: RuleRatio, SourceLine: 2},
		{Dataset: "d", Subject: "TỔNG", Rule: RuleRatio, SourceLine: 3, Class: ClassFollows},
		{Dataset: "d", Subject: "Sở B", Rule: RuleRatio, SourceLine: 4, Class: ClassFollows},
	}
	out, parent := Grouped(fs)
	var lines []int
	for _, f := range out {
		lines = append(lines, f.SourceLine)
	}
	if fmt.Sprint(lines) != "[1 3 2 4]" || fmt.Sprint(parent) != "[-1 0 -1 -1]" {
		t.Errorf("lines %v, parents %v", lines, parent)
	}
}
