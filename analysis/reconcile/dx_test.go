package reconcile

import (
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

func TestSubtotals(t *testing.T) {
	items, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "pillar_no", Kind: frame.Int64},
		{Name: "planned_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "spent_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{1, 60.0, 60.0, 11},
		{1, 150.0, nil, 12}, // an empty cell: left out, said in the detail
		{2, 200.0, 0.0, 21},
		{2, 300.0, 0.0, 22},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer items.Release()
	subs, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "pillar_no", Kind: frame.Int64},
		{Name: "pillar", Kind: frame.String},
		{Name: "planned_mvnd", Kind: frame.Float64},
		{Name: "spent_mvnd", Kind: frame.Float64},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{1, "Nhận thức số", 210.0, 60.0, 10},
		{2, "Thể chế số", 500.0, nil, 20}, // no subtotal: not compared
		{3, "Hạ tầng số", 7.0, 0.0, 30},   // no items: 0
	})
	if err != nil {
		t.Fatal(err)
	}
	defer subs.Release()
	r, err := Subtotals("d", items, subs, "pillar_no", "pillar", "planned_mvnd", "spent_mvnd")
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 5 || len(r.Findings) != 1 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	f := r.Findings[0]
	if f.Rule != RuleTotal || f.Subject != "3 Hạ tầng số (subtotal)" || f.Column != "planned_mvnd" || f.Reported != 7 || f.Computed != 0 || f.SourceLine != 30 || f.Dataset != "d" {
		t.Errorf("finding %+v", f)
	}
	r, _ = Subtotals("d", items, subs, "pillar_no", "", "spent_mvnd")
	if r.Checks != 2 || len(r.Findings) != 0 {
		t.Errorf("spent: %+v", r)
	}
	if _, err := Subtotals("d", items, subs, "pillar_no", "pillar", "total_mvnd"); err == nil {
		t.Error("no error for an unknown column")
	}
	if _, err := Subtotals("d", items, subs, "code", "", "spent_mvnd"); err == nil {
		t.Error("no error for an unknown key")
	}
}

func TestFlag(t *testing.T) {
	r := Report{Dataset: "d"}
	r.Flag(Finding{Rule: RuleExtraFigure, Subject: "3 Hạ tầng số", Reported: 0, Computed: math.NaN(), Difference: math.NaN(), SourceLine: 3115})
	if r.Checks != 1 || len(r.Findings) != 1 || r.Findings[0].Dataset != "d" {
		t.Errorf("%+v", r)
	}
	var b strings.Builder
	if err := WriteCSV(&b, r.Findings, frame.CSVWriteOptions{}); err != nil || !strings.Contains(b.String(), "d,extra-figure,3 Hạ tầng số,,0,,,3115") {
		t.Errorf("CSV %q, %v", b.String(), err)
	}
}
