package checks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/checks"
)

// The findings of the digital-transformation datasets of Sóc Trăng's 2024
// draft (2023 results, 2024 plan), each a real discrepancy of the document
// at its line.

// TestDX2023Check lists the findings of the 2023 datasets: each is a real
// discrepancy of the document, at its line.
func TestDX2023Check(t *testing.T) {
	for id, want := range map[string][]string{
		"soctrang-2023-dx-pillars": {
			"3115 extra-figure 3 Hạ tầng số",
			"3811 extra-figure 8 Chính quyền số",
		},
		// Items that spent more than they were given, NSĐP: 943 of 770
		// (line 4097), 179 of 150 (line 4119), 848 of 825 (line 4146),
		// each named at its item's first line; and two notes that state a
		// disbursement rate the row's figures do not give: item 4.1 (row
		// at line 3367) "Tỷ lệ giải ngân đạt 11,91%" (line 3411) for 1.200
		// of 10.000 (12,00%), the pillar 5 task without a number (row at
		// line 3583) "36,12%" (line 3625) for 3.600 of 10.000 (36,00%).
		// And a result the text states twice as achieved, the data
		// centre's systems moved from IPv4 to IPv6 (lines 916–918,
		// 1134–1136), for task 3.6, which spent 0 of 1.800 and was "Không
		// thực hiện" (line 3281); the second statement follows the first.
		"soctrang-2023-dx-items": {
			"918 result-vs-status Triển khai Ipv6",
			"1136 result-vs-status Triển khai Ipv6",
			"3367 note-vs-row 4.1",
			"3583 note-vs-row «Nền tảng số: Xây dựng phần mềm nền tảng; CSDL chuyên ngành của tỉnh k…»",
			"4075 spent-vs-given 8.7",
			"4101 spent-vs-given 8.8",
			"4123 spent-vs-given 8.9",
		},
		"soctrang-2023-dx-funding": {
			"1647 label-vs-position Nguồn vốn sự nghiệp địa phương (row 2: central)",
			"1647 ratio-vs-recomputed Nguồn vốn sự nghiệp địa phương (row 2: central)",
			"4463 label-vs-position Nguồn vốn sự nghiệp địa phương (row 2: central)",
			"4463 ratio-vs-recomputed Nguồn vốn sự nghiệp địa phương (row 2: central)",
		},
	} {
		r, err := checks.Check(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		var got []string
		for _, f := range r.Findings {
			got = append(got, fmt.Sprintf("%d %s %s", f.SourceLine, f.Rule, f.Subject))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s findings:\n%s\nwant\n%s", id, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// + one spent-vs-given check a row: 40 items with figures, 10
		// pillars; + one note-vs-row check a note that states a rate (2);
		// + one result-vs-status check a result the text states (2);
		// + one spent-vs-given check a funding source with figures (3 of
		// 4: the central source gave and spent 0)
		minChecks := map[string]int{"soctrang-2023-dx-pillars": 20, "soctrang-2023-dx-items": 132, "soctrang-2023-dx-funding": 38}[id]
		if r.Checks != minChecks {
			t.Errorf("%s: %d checks, want %d", id, r.Checks, minChecks)
		}
	}
	// The text's 49.008 (line 1621) and the summaries' totals 49.008 and
	// 27.531 (lines 1656, 4469) agree with Phụ lục 01 and were checked.
	all, err := reconcileClaimsAt("soctrang-2023-dx-funding", 1621, 1656, 4469)
	if err != nil {
		t.Fatal(err)
	}
	if all != 0 {
		t.Errorf("%d findings at the lines of 49.008 and 27.531", all)
	}
}

// reconcileClaimsAt counts the findings of a dataset at the given lines.
func reconcileClaimsAt(id string, lines ...int) (int, error) {
	r, err := checks.Check(id)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, f := range r.Findings {
		for _, l := range lines {
			if f.SourceLine == l {
				n++
			}
		}
	}
	return n, nil
}

// TestDX2024Check: the 2024 plan's datasets agree with themselves.
func TestDX2024Check(t *testing.T) {
	for id, want := range map[string]int{"soctrang-2024-dx-pillars": 16, "soctrang-2024-dx-items": 112} {
		r, err := checks.Check(id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if len(r.Findings) != 0 || r.Checks != want {
			t.Errorf("%s: %d checks, findings %+v; want %d checks, none", id, r.Checks, r.Findings, want)
		}
	}
}
