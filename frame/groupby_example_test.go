package frame_test

import (
	"fmt"
	"sort"

	"github.com/ictplan/ictplan/frame"
)

// Group units by level and add up staff and computers: sums of parts, then
// the ratio of the sums (not a mean of ratios).
func ExampleFrame_GroupBy() {
	f, _ := frame.FromColumns(nil,
		[]frame.FieldSpec{
			{Name: "level", Kind: frame.String},
			{Name: "unit", Kind: frame.String},
			{Name: "staff", Kind: frame.Int64, Unit: "people"},
			{Name: "computers", Kind: frame.Int64, Unit: "count"},
		},
		[]any{
			[]string{"tỉnh", "huyện", "tỉnh", "huyện"},
			[]string{"Tỉnh ủy", "Huyện ủy", "Sở Nội vụ", "Phòng Nội vụ"},
			[]int64{159, 303, 48, 73},
			[]int64{142, 228, 42, 45},
		})
	defer f.Release()
	g, _ := f.GroupBy([]string{"level"}, frame.Sum("staff"), frame.Sum("computers"), frame.CountRows())
	defer g.Release()
	staff, comp := g.Col("staff_sum").Float64s(), g.Col("computers_sum").Float64s()
	for i, lvl := range g.Col("level").Strings() {
		fmt.Printf("%s: %d units, %s computers per staff\n", lvl, g.Col("rows").Int64s()[i], frame.FormatVI(comp[i]/staff[i], 3))
	}
	// Output:
	// tỉnh: 2 units, 0,889 computers per staff
	// huyện: 2 units, 0,726 computers per staff
}

// MeanRatio averages the units' own ratios (each unit weighs the same),
// beside the group's ratio of sums (each staff member weighs the same):
// (142/159 + 42/48) / 2 = 0,8840 against 184/207 = 0,8889.
func ExampleMeanRatio() {
	f, _ := frame.FromColumns(nil,
		[]frame.FieldSpec{{Name: "level", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}, {Name: "computers", Kind: frame.Int64}},
		[]any{[]string{"tỉnh", "tỉnh", "huyện"}, []int64{159, 48, 303}, []int64{142, 42, 228}})
	defer f.Release()
	g, _ := f.GroupBy([]string{"level"}, frame.MeanRatio("computers", "staff"), frame.Sum("computers"), frame.Sum("staff"))
	defer g.Release()
	mean := g.Col("computers_per_staff_mean").Float64s()
	comp, staff := g.Col("computers_sum").Float64s(), g.Col("staff_sum").Float64s()
	for i, lvl := range g.Col("level").Strings() {
		fmt.Printf("%s: mean of unit ratios %s, ratio of sums %s\n", lvl, frame.FormatVI(mean[i], 4), frame.FormatVI(comp[i]/staff[i], 4))
	}
	// Output:
	// tỉnh: mean of unit ratios 0,8840, ratio of sums 0,8889
	// huyện: mean of unit ratios 0,7525, ratio of sums 0,7525
}

// By default a group's Sum skips its nulls, so a district with a missing
// figure gets a total that looks complete; Strict makes it null instead.
// (Counts for illustration.)
func ExampleAgg_Strict() {
	f, _ := frame.FromRows(nil,
		[]frame.FieldSpec{{Name: "district", Kind: frame.String}, {Name: "unit", Kind: frame.String}, {Name: "computers", Kind: frame.Int64}},
		[][]any{
			{"Cù Lao Dung", "Huyện ủy", 21}, {"Cù Lao Dung", "Phòng Nội vụ", nil},
			{"Long Phú", "Huyện ủy", 25}, {"Long Phú", "Phòng Nội vụ", 6},
		})
	defer f.Release()
	g, _ := f.GroupBy([]string{"district"}, frame.Sum("computers"), frame.Sum("computers").Strict().Named("computers_complete"))
	defer g.Release()
	fmt.Print(g)
	// Output:
	// district     computers_sum  computers_complete
	// -----------  -------------  ------------------
	// Cù Lao Dung             21
	// Long Phú                31                  31
}

// Collect lists a group's values: here the source lines each level adds up.
func ExampleCollect() {
	f := frame.Must(frame.FromRows(nil, []frame.FieldSpec{
		{Name: "level", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"province", int64(120), int64(1401)},
		{"district", int64(35), int64(1950)},
		{"province", int64(80), int64(1419)},
		{"district", nil, nil},
	}))
	defer f.Release()
	g := frame.Must(f.GroupBy([]string{"level"}, frame.Sum("staff"), frame.Collect("source_line", ",").Named("source_lines")))
	defer g.Release()
	for i := 0; i < g.NumRows(); i++ {
		r := g.Row(i)
		fmt.Println(r.String("level"), r.Int64("staff_sum"), r.String("source_lines"))
	}
	// Output:
	// province 200 1401,1419
	// district 35 1950
}

// Groups gives the rows of each group, for an aggregation GroupBy does not
// offer: here the median of each level, a null key a group of its own.
func ExampleFrame_Groups() {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "level", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
	}, [][]any{{"tỉnh", 159}, {"huyện", 303}, {"tỉnh", 48}, {nil, 12}, {"tỉnh", 60}, {"huyện", 73}})
	defer f.Release()
	groups, _ := f.Groups("level")
	level, staff := f.Col("level").Strings(), f.Col("staff").Int64s()
	for _, rows := range groups {
		v := make([]int64, len(rows))
		for k, i := range rows {
			v[k] = staff[i]
		}
		sort.Slice(v, func(a, b int) bool { return v[a] < v[b] })
		median := float64(v[len(v)/2])
		if len(v)%2 == 0 {
			median = float64(v[len(v)/2-1]+v[len(v)/2]) / 2
		}
		fmt.Printf("%q rows %v, median %g\n", level[rows[0]], rows, median)
	}
	// Output:
	// "tỉnh" rows [0 2 4], median 60
	// "huyện" rows [1 5], median 188
	// "" rows [3], median 12
}
