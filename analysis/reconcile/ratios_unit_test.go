package reconcile

import (
	"testing"

	"github.com/ictplan/ictplan/frame"
)

// TestRatiosPercentColumn: a reported column in percent (31,9) is compared
// with the ratio of its parts (0,319), in rows and in the total.
func TestRatiosPercentColumn(t *testing.T) {
	data, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "item", Kind: frame.String},
		{Name: "spent", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "planned", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "rate", Kind: frame.Float64, Unit: "percent"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"1.1", 319.0, 1000.0, 31.9, 10},    // 31,9% = 319/1000
		{"1.2", 1200.0, 10000.0, 11.91, 20}, // 12,00%: off
	})
	if err != nil {
		t.Fatal(err)
	}
	defer data.Release()
	cl := claims(t, [][]any{{"TỔNG CỘNG", "", "rate", 13.67, "13,67", int64(2), int64(30)}})
	defer cl.Release()
	r, err := Ratios("x", data, cl, "item", Ratio{Reported: "rate", Numerator: "spent", Denominator: "planned"})
	if err != nil {
		t.Fatal(err)
	}
	// 1519/11000 = 13,81%: the total 13,67% is off too.
	if len(r.Findings) != 2 || r.Findings[0].SourceLine != 20 || r.Findings[1].SourceLine != 30 {
		t.Fatalf("findings %+v, want lines 20 and 30", r.Findings)
	}
	if f := r.Findings[0]; f.Reported != 0.1191 || f.Computed != 0.12 {
		t.Errorf("finding %+v, want 0,1191 against 0,12", f)
	}
}
