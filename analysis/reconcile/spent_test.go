package reconcile

import (
	"testing"

	"github.com/ictplan/ictplan/frame"
)

// TestSpentWithinGiven: items 8.7, 8.8 and 8.9 of Sóc Trăng's 2023
// results spent 943 of 770, 179 of 150 and 848 of 825 (lines 4097, 4119,
// 4146 of the 2024 draft); 8.10 spent less; an item given money from one
// source and spending it from another is compared by its sums.
func TestSpentWithinGiven(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "code", Kind: frame.String},
		{Name: "planned_local_mvnd", Kind: frame.Float64}, {Name: "planned_central_mvnd", Kind: frame.Float64},
		{Name: "spent_local_mvnd", Kind: frame.Float64}, {Name: "spent_central_mvnd", Kind: frame.Float64},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"8.7", 770.0, nil, 943.0, nil, 4075},
		{"8.8", 150.0, nil, 179.0, nil, 4101},
		{"8.9", 825.0, nil, 848.0, nil, 4123},
		{"8.10", 500.0, nil, 480.0, nil, 4150},
		{"x", nil, 100.0, 100.0, nil, 4200},
		{"y", nil, nil, nil, nil, 4210},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	r, err := SpentWithinGiven("items", f, "code", []string{"planned_local_mvnd", "planned_central_mvnd"}, []string{"spent_local_mvnd", "spent_central_mvnd"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 5 || len(r.Findings) != 3 || r.Findings[0].Subject != "8.7" || r.Findings[0].Difference != 173 || r.Findings[2].SourceLine != 4123 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
}
