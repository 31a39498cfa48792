package checks_test

import (
	"fmt"

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

// The discrepancies the 2023 summary by funding source shows, in Phụ lục
// 01 and in its copy in the text: a row labelled with one source whose
// figures are another's, and the rate it reports.
func ExampleCheck_dxFunding() {
	rep, err := checks.Check("soctrang-2023-dx-funding")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range rep.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Rule)
	}
	// Output:
	// line 1647: label-vs-position
	// line 1647: ratio-vs-recomputed
	// line 4463: label-vs-position
	// line 4463: ratio-vs-recomputed
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
	// 941 checks, 36 findings
}
