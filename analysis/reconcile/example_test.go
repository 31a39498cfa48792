package reconcile_test

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
)

// A reported ratio is compared with the ratio of its parts, within half a
// unit of the last decimal the column is written with.
func ExampleRatios() {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
		{Name: "computers", Kind: frame.Int64},
		{Name: "computers_per_staff_reported", Kind: frame.Float64, Unit: "ratio"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"Tỉnh ủy", 159, 142, 0.89308, 1401},
		{"Sở X", 20, 9, 0.40000, 1500},
	})
	defer f.Release()
	r, _ := reconcile.Ratios("example", f, nil, "unit",
		reconcile.Ratio{Reported: "computers_per_staff_reported", Numerator: "computers", Denominator: "staff"})
	fmt.Println(r.Checks, "checks")
	for _, x := range r.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Detail)
	}
	// Output:
	// 2 checks
	// line 1500: Sở X reports computers_per_staff_reported = 0,4; computers/staff = 9/20 = 0,45 (tolerance ±5e-06)
}

// A row of means ("Tỷ lệ trung bình") is compared with the mean of its
// column's rows, and, for a reported ratio, with the ratio of the sums:
// officials write it either way.
func ExampleMeans() {
	data, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
		{Name: "computers", Kind: frame.Int64},
		{Name: "per_staff", Kind: frame.Float64, Unit: "percent"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"Sở Y tế", 50, 40, 80.0, 3},
		{"Sở Tư pháp", 30, 21, 70.0, 4},
	})
	defer data.Release()
	means, _ := frame.FromRows(nil, frame.ClaimFields(), [][]any{
		{"Tỷ lệ trung bình", "", "per_staff", 75.0, "75,0", 1, 5},
		{"Bình quân", "", "staff", 45.0, "45", 0, 6},
	})
	defer means.Release()
	r, _ := reconcile.Means("example", data, means,
		reconcile.Ratio{Reported: "per_staff", Numerator: "computers", Denominator: "staff"})
	fmt.Println(r.Checks, "checks")
	for _, x := range r.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Detail)
	}
	// Output:
	// 2 checks
	// line 6: Bình quân reports staff = 45; the mean of its 2 rows is 40
}
