package frame_test

import (
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
)

// Ranks ranks the highest value 1. Sở Nội vụ's 42/48 and a reported 0,875
// tie; Competition ranking then skips a rank, Dense does not. NaN is
// unranked.
func ExampleRanks() {
	ratio := []float64{0.875, 0.89308, 42.0 / 48, 0.5875, math.NaN()}
	for _, m := range []frame.RankMethod{frame.Competition, frame.Dense} {
		r, ok := frame.Ranks(ratio, frame.RankOptions{Method: m})
		fmt.Println(r, ok)
	}
	// Output:
	// [2 1 2 4 0] [true true true true false]
	// [2 1 2 3 0] [true true true true false]
}

// WithRank adds the rank of each unit by computers per staff member (1 for
// the most computers per person).
func ExampleFrame_WithRank() {
	f := computers()
	defer f.Release()
	r, err := f.WithRank("computers_per_staff_reported", frame.RankOptions{Name: "rank"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Release()
	fmt.Print(columns(r, "unit", "computers_per_staff_reported", "rank"))
	fmt.Println(r.Col("rank").LabelVI())
	// Output:
	// unit            computers_per_staff_reported  rank
	// --------------  ----------------------------  ----
	// Tỉnh ủy                              0,89308     3
	// Sở Nội vụ                              0,875     4
	// Sở Tư pháp                           1,22222     1
	// Sở Công thương                        0,5875     5
	// Sở Tài chính                         1,02222     2
	// Thứ hạng (1 = cao nhất)
}
