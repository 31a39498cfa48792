package chart

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

func TestRankedBarsFromFrame(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	c, err := RankedBarsFromFrame(f, "unit", "computers_per_staff_reported", RankedBars{Target: 0.9, Lang: EN})
	if err != nil {
		t.Fatal(err)
	}
	// The reported ratios: 1.22222 (Sở Tư pháp, line 1527) first; the
	// source reports 0 for Văn phòng Đoàn Đại biểu Quốc hội (0 staff), so
	// it is last with 0.000, not "no data".
	labels := labelsOf(c)
	if labels[0] != "Sở Tư pháp" || labels[26] != "Văn phòng Đoàn Đại biểu Quốc hội" {
		t.Errorf("labels %q", labels)
	}
	texts := c.Texts()
	for _, want := range []string{"1.222", "0.000", "0.897", "Target 0.900"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q in %q", want, texts)
		}
	}
	if _, err := RankedBarsFromFrame(f, "unit", "no_such_column", RankedBars{}); !errors.Is(err, ErrColumn) {
		t.Errorf("missing column: %v", err)
	}
	if _, err := RankedBarsFromFrame(f, "unit", "unit", RankedBars{}); !errors.Is(err, ErrColumn) {
		t.Errorf("text column as values: %v", err)
	}
}

func TestFromFrameNulls(t *testing.T) {
	specs := []frame.FieldSpec{
		{Name: "province", Kind: frame.String},
		{Name: "a", Kind: frame.Float64, LabelVI: "Chỉ tiêu A"},
		{Name: "b", Kind: frame.Float64},
		{Name: "year", Kind: frame.Int64},
		{Name: "kind", Kind: frame.String},
	}
	f, err := frame.FromRows(nil, specs, [][]any{
		{"Sóc Trăng", 10.0, nil, int64(2023), "actual"},
		{"Khánh Hòa", nil, 5.0, int64(2024), "target"},
		{"Sóc Trăng", 10.0, 1.0, int64(2023), "actual"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	// A null part makes the sum unknown: planned a+b is NaN in every row
	// but the last (10+1 = 11).
	got, err := sumColumns(f, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(got[0]) || !math.IsNaN(got[1]) || got[2] != 11 {
		t.Errorf("sums %v, want [NaN NaN 11]", got)
	}
	c, err := ProvinceComparisonFromFrame(f, "province", []string{"a", "b"}, nil, ProvinceComparison{})
	if err != nil {
		t.Fatal(err)
	}
	texts := c.Texts()
	if !slices.Contains(texts, "Chỉ tiêu A") || !slices.Contains(texts, "b") {
		t.Errorf("indicator names from label_vi or the column: %q", texts)
	}
	// Restated figure (10 twice for Sóc Trăng 2023) is kept once; a
	// conflicting one is an error.
	if _, err := LinesFromFrame(f, "year", "province", "a", "kind", "", Lines{}); err != nil {
		t.Errorf("restated value: %v", err)
	}
	g, err := frame.FromRows(nil, specs, [][]any{
		{"Sóc Trăng", 10.0, nil, int64(2023), "actual"},
		{"Sóc Trăng", 12.0, nil, int64(2023), "actual"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if _, err := LinesFromFrame(g, "year", "province", "a", "kind", "", Lines{}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("conflicting values: %v", err)
	}
}
