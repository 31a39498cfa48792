package checks

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
)

// BenchmarkCheckAll runs every reconciliation rule on cached datasets.
func BenchmarkCheckAll(b *testing.B) {
	if _, err := CheckAll(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CheckAll(); err != nil {
			b.Fatal(err)
		}
	}
}

// The check finds the figures the 2024 draft states twice with different
// values and the stated shares that its own counts contradict, and no more.
func TestIndicatorCheckFindings(t *testing.T) {
	r, err := Check("vn-dx-indicators")
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks < 30 {
		t.Errorf("%d checks", r.Checks)
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, fmt.Sprintf("%d %s %s", f.SourceLine, f.Rule, strings.Fields(f.Subject)[0]))
	}
	sort.Strings(got)
	want := []string{
		// 2.250/3.718 = 60,52%, stated as 60%
		"256 " + reconcile.RuleRatio + " businesses_using_e_contracts",
		// 260.929/322.200 = 80,98%, stated as 80%
		"268 " + reconcile.RuleRatio + " fibre_household_coverage",
		// Co.opmart 14,4% (line 246), then khoảng 18% (line 403)
		"403 " + RuleRestated + " cashless_share_coopmart",
		// WinMart and Bách hoá xanh khoảng 5-7% (lines 248-250), then
		// khoảng 10% (line 405)
		"405 " + RuleRestated + " cashless_share_winmart_bhx",
		// "Tất cả các văn bản chỉ đạo, điều hành ở cấp tỉnh đều được đưa lên
		// …" and, in the next sentence, "… ở các cơ quan cấp tỉnh trên 90%"
		"627 " + RuleTwoLevels + " directive_documents_on_portal",
		// 997/2.939 = 33,923%, stated as 33,93%
		"874 " + reconcile.RuleRatio + " mobile_base_stations_2g_share",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestInvestmentFindings pins the findings of the three datasets: the
// draft submission's copy of the module table moved a line of module 3
// into module 4 at a page break (a note), and the Thừa Thiên Huế
// components (990,277 read as 990.277 million) add up to 100.000,277
// million, within the total as written, "100.000 triệu đồng" (no finding).
func TestInvestmentFindings(t *testing.T) {
	want := map[string][]string{
		"vn-dx-investments":           nil,
		"vn-dx-investment-funding":    nil,
		"vn-dx-investment-components": {"277 copies-agree description"},
	}
	for id, w := range want {
		r, err := Check(id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range r.Findings {
			got = append(got, fmt.Sprintf("%d %s %s", f.SourceLine, f.Rule, f.Column))
		}
		if strings.Join(got, "; ") != strings.Join(w, "; ") {
			t.Errorf("%s: findings %q, want %q", id, got, w)
		}
		if r.Checks == 0 {
			t.Errorf("%s: no checks", id)
		}
		for _, f := range r.Findings {
			if f.Rule == reconcile.RuleCopies && (f.Class != reconcile.ClassNote || !strings.Contains(f.Detail, `"- Thống kê, kết xuất các báo cáo theo mẫu"`) || !strings.Contains(f.Detail, "dự thảo Tờ trình")) {
				t.Errorf("copies-agree detail: %s", f.Detail)
			}
		}
	}
}

// Example (the investment decisions): the one finding on the components
// of the four programmes is a note — a line of Khánh Hòa's module table
// that a page break moved from module 3 to module 4 in one copy.
// Thừa Thiên Huế's components add up to 100.000,277 million đồng, within
// its total as written, "100.000 triệu đồng".
func Example_investments() {
	rep, err := Check("vn-dx-investment-components")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range rep.Findings {
		fmt.Printf("%s:%d: %s (%s)\n", x.SourceFile, x.SourceLine, reconcile.RuleName(x.Rule, "en"), x.Class)
	}
	// Output:
	// khanhhoa-2023-party-leadership-information-system-proposal.txt:277: copies disagree (note)
}
