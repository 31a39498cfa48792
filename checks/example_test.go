package checks_test

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/checks"
)

func ExampleCheck() {
	r, err := checks.Check("soctrang-2010-computers-district")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(r.Findings), "findings")
	f := r.Findings[0]
	fmt.Printf("%s:%d: %s: %s %s reported %v, the rows add up to %v\n", f.Dataset, f.SourceLine, f.Rule, f.Subject, f.Column, f.Reported, f.Computed)
	// Output:
	// 7 findings
	// soctrang-2010-computers-district:2346: total-vs-sum: TỔNG/BÌNH QUÂN staff reported 2025, the rows add up to 2163
}

// The discrepancies the 2023 summary by funding source shows, in the
// text and again in Phụ lục 01: a row labelled with one source whose
// figures are another's, and the rate it reports (0 % of 0, a note); the
// appendix's summary repeats them, its findings follow the text's.
func ExampleCheck_dxFunding() {
	rep, err := checks.Check("soctrang-2023-dx-funding")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range rep.Findings {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("line %d: %s %s", x.SourceLine, x.Rule, x.Class)))
	}
	// Output:
	// line 1647: label-vs-position
	// line 1647: ratio-vs-recomputed note
	// line 4463: label-vs-position follows
	// line 4463: ratio-vs-recomputed follows
}

// CheckAll runs the rules of every dataset of the catalogue.
func ExampleCheckAll() {
	r, err := checks.CheckAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Checks, "checks,", len(r.Findings), "findings")
	// Output:
	// 956 checks, 37 findings
}
