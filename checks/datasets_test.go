package checks

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
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
		// Co.opmart 14,4% (line 244), then khoảng 18%
		"401 " + RuleRestated + " cashless_share_coopmart",
		// WinMart and Bách hoá xanh khoảng 5-7% (line 248), then khoảng 10%
		"403 " + RuleRestated + " cashless_share_winmart_bhx",
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
// Thừa Thiên Huế components (990,277 read as 990.277 million) exceed the
// total by 0,277 million, and the draft submission's copy of the module
// table moved a line of module 3 into module 4 at a page break.
func TestInvestmentFindings(t *testing.T) {
	want := map[string][]string{
		"vn-dx-investments":           nil,
		"vn-dx-investment-funding":    nil,
		"vn-dx-investment-components": {"277 copies-agree description", "280 copies-agree description", "892 components-vs-total amount_mvnd"},
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
			if f.Rule == reconcile.RuleComponents && (f.Reported != 100000 || f.Computed != 100000.277 || f.Difference != -0.277) {
				t.Errorf("components-vs-total: %+v", f)
			}
			if f.Rule == reconcile.RuleCopies && (!strings.Contains(f.Detail, `"- Thống kê, kết xuất các báo cáo theo mẫu"`) || !strings.Contains(f.Detail, "dự thảo Tờ trình")) {
				t.Errorf("copies-agree detail: %s", f.Detail)
			}
		}
	}
}

// Example (the investment decisions): the finding on Thừa Thiên Huế's
// components, whose amounts add up to more than the programme's total.
func Example_investments() {
	rep, err := Check("vn-dx-investment-components")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range rep.Findings {
		if x.Rule == reconcile.RuleComponents {
			fmt.Printf("%s:%d: the total is %s, the components add up to %s\n", x.SourceFile, x.SourceLine, frame.FormatVI(x.Reported, -1), frame.FormatVI(x.Computed, -1))
		}
	}
	// Output:
	// thuathienhue-2021-hdnd-digital-transformation-programme.txt:892: the total is 100.000, the components add up to 100.000,277
}
