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

	// A total written in whole millions ("100.000 triệu đồng") agrees with
	// parts that add up to within half a million of it; written in đồng, it
	// does not.
	r = reconcile.Breakdowns("d",
		reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: "millions", Total: 100000, Line: 892, Parts: []float64{99010, 990.277}, Tolerance: 0.5},
		reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: "millions, 0,6 off", Total: 100000, Line: 892, Parts: []float64{99010, 990.6}, Tolerance: 0.5},
		reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: "đồng", Total: 100000, Line: 892, Parts: []float64{99010, 990.277}, Tolerance: 0.5e-6},
	)
	if r.Checks != 3 || len(r.Findings) != 2 || r.Findings[0].Subject != "millions, 0,6 off" || r.Findings[1].Subject != "đồng" {
		t.Errorf("tolerance: %d checks, findings %+v", r.Checks, r.Findings)
	}
}

// TestCopiesAgreeBoundary: a bullet that ends a row in one copy and
// begins the next row in another (a page break in between) is one note at
// the first row, not two discrepancies; a bullet dropped from one row and
// a different one added to the next stay discrepancies.
func TestCopiesAgreeBoundary(t *testing.T) {
	ref := reconcile.TableCopy{Label: "a", Line: 101, Rows: []reconcile.CopyRow{
		{Key: "3", Line: 104, Cells: []string{"- Theo dõi nhiệm vụ - Thống kê, kết xuất báo cáo"}},
		{Key: "4", Line: 105, Cells: []string{"- Quản lý nghị quyết"}},
		{Key: "5", Line: 106, Cells: []string{"- Tuyên giáo"}},
	}}
	moved := reconcile.TableCopy{Label: "b", Line: 274, Rows: []reconcile.CopyRow{
		{Key: "3", Line: 277, Cells: []string{"- Theo dõi nhiệm vụ"}},
		{Key: "4", Line: 280, Cells: []string{"- Thống kê, kết xuất báo cáo - Quản lý nghị quyết"}},
		{Key: "5", Line: 283, Cells: []string{"- Tuyên giáo"}},
	}}
	r := reconcile.CopiesAgree("d", []string{"description"}, ref, moved)
	if r.Checks != 6 || len(r.Findings) != 1 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	if f := r.Findings[0]; f.SourceLine != 277 || f.Class != reconcile.ClassNote || !strings.Contains(f.DetailVI, "«- Thống kê, kết xuất báo cáo» chuyển từ hàng này sang hàng kia") {
		t.Errorf("%+v", f)
	}
	changed := moved
	changed.Rows = append([]reconcile.CopyRow(nil), moved.Rows...)
	changed.Rows[1].Cells = []string{"- Thống kê báo cáo - Quản lý nghị quyết"}
	r = reconcile.CopiesAgree("d", []string{"description"}, ref, changed)
	if len(r.Findings) != 2 || r.Findings[0].Class != "" || r.Findings[1].Class != "" {
		t.Errorf("changed words: findings %+v", r.Findings)
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
