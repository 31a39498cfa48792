package reconcile_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
)

// The rules the investment programmes are checked with (package checks
// applies them to vn-dx-investment-*): parts against a total, copies of a
// table, and the words that differ between two copies of a text.

func TestBreakdowns(t *testing.T) {
	nan := math.NaN()
	r := reconcile.Breakdowns("d",
		reconcile.Breakdown{Rule: reconcile.RuleFunding, Subject: "exact", Total: 30500, Line: 128, Parts: []float64{24400, 6100}},
		reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: "over", Total: 100000, Line: 892, Parts: []float64{99010, 990.277}},
		reconcile.Breakdown{Rule: reconcile.RuleFunding, Subject: "rest", Total: 100000, Line: 892, Parts: []float64{20000, nan}, Rest: true},
		reconcile.Breakdown{Rule: reconcile.RuleFunding, Subject: "rest too small", Total: 100, Line: 5, Parts: []float64{120, nan}, Rest: true},
		reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: "no amounts", Total: 22955, Line: 129, Parts: []float64{nan, nan}},
		reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: "no total", Total: nan, Parts: []float64{1}},
	)
	if r.Checks != 4 || len(r.Findings) != 2 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	if f := r.Findings[0]; f.Subject != "over" || f.Difference != -0.277 || f.SourceLine != 892 {
		t.Errorf("%+v", f)
	}
	if f := r.Findings[1]; f.Subject != "rest too small" || f.Difference != -20 {
		t.Errorf("%+v", f)
	}
}

func TestCopiesAgreeRows(t *testing.T) {
	ref := reconcile.TableCopy{Label: "a", Line: 1, Rows: []reconcile.CopyRow{
		{Key: "1", Line: 2, Cells: []string{"x", "one two three"}},
		{Key: "2", Line: 3, Cells: []string{"y", "four"}},
	}}
	same := reconcile.TableCopy{Label: "b", Line: 10, Rows: []reconcile.CopyRow{
		{Key: "1", Line: 11, Cells: []string{"x", "one two three"}},
		{Key: "2", Line: 12, Cells: []string{"y", "four"}},
	}}
	other := reconcile.TableCopy{Label: "c", Line: 20, Rows: []reconcile.CopyRow{
		{Key: "1", Line: 21, Cells: []string{"x", "one three"}},
		{Key: "3", Line: 23, Cells: []string{"z", "five"}},
	}}
	r := reconcile.CopiesAgree("d", []string{"name", "text"}, ref, same, other)
	var got []string
	for _, f := range r.Findings {
		got = append(got, fmt.Sprintf("%d %s %s", f.SourceLine, f.Subject, f.Column))
	}
	want := []string{"21 1 text", "20 2 ", "23 3 "}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings %q, want %q", got, want)
	}
	if !strings.Contains(r.Findings[0].Detail, `lacks "two"`) {
		t.Errorf("detail %s", r.Findings[0].Detail)
	}
}

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"a b c", "a b c", "no difference"},
		{"a b c", "a  b c", "the texts differ only in blanks"},
		{"a b c", "a c", `lacks "b"`},
		{"a c", "a b c", `adds "b"`},
		{"a b c", "a x c", `lacks "b"; adds "x"`},
		{"- Quản lý", "- Thống kê - Quản lý", `adds "- Thống kê"`},
		{"kỳ báo cáo - Thống kê báo cáo", "kỳ báo cáo", `lacks "- Thống kê báo cáo"`},
		{"", "a", `adds "a"`},
	} {
		if got := reconcile.WordDiff(tc.a, tc.b); got != tc.want {
			t.Errorf("WordDiff(%q, %q) = %s, want %s", tc.a, tc.b, got, tc.want)
		}
	}
	long := strings.Repeat("w ", 2000)
	if got := reconcile.WordDiff(long, long+"x"); !strings.Contains(got, "differ") {
		t.Errorf("long texts: %s", got)
	}
}
