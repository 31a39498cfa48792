package main

import (
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/panel"
)

// panelColumns and panelFrame are the library's panel generator
// (internal/panel), the same one frame's benchmarks use.
func panelColumns(n int) (province, year, unit, staff, computers []int64) {
	return panel.Columns(n)
}

func panelFrame(n int) (*frame.Frame, error) { return panel.Frame(nil, n) }

// The two ways the benchmark writes the same computation: variantColumn is
// BenchmarkPanelGroupBy (the ratio made a column first, then Mean), as pandas
// and polars do it; variantMeanRatio is BenchmarkPanelGroupByRatio (the ratio
// computed inside the GroupBy pass by MeanRatio), as DuckDB's
// avg(computers / staff) does it.
const (
	variantColumn    = "column"
	variantMeanRatio = "meanratio"
)

// groupPanel is one iteration of BenchmarkPanelGroupBy: the column ratio =
// computers/staff written into the caller's buffer by WithRatio (len(ratio) =
// rows), then GroupBy province × year into staff_sum, computers_sum,
// ratio_mean and rows.
func groupPanel(f *frame.Frame, ratio []float64) (*frame.Frame, error) {
	g, err := f.WithRatioBuffer(frame.FieldSpec{Name: "ratio"}, "computers", "staff", ratio)
	if err != nil {
		return nil, err
	}
	defer g.Release()
	return g.GroupBy([]string{"province", "year"},
		frame.Sum("staff"), frame.Sum("computers"), frame.Mean("ratio"), frame.CountRows())
}

// groupPanelRatio is one iteration of BenchmarkPanelGroupByRatio: GroupBy
// province × year into staff_sum, computers_sum, ratio_mean = the mean of
// computers/staff over the group's rows (MeanRatio, no ratio column) and
// rows. Its result equals groupPanel's.
func groupPanelRatio(f *frame.Frame) (*frame.Frame, error) {
	return f.GroupBy([]string{"province", "year"},
		frame.Sum("staff"), frame.Sum("computers"),
		frame.MeanRatio("computers", "staff").Named("ratio_mean"), frame.CountRows())
}

// groupVariant runs one computation of the variant on f; ratio is
// groupPanel's buffer (unused by variantMeanRatio, which may be given nil).
func groupVariant(variant string, f *frame.Frame, ratio []float64) (*frame.Frame, error) {
	switch variant {
	case variantColumn:
		return groupPanel(f, ratio)
	case variantMeanRatio:
		return groupPanelRatio(f)
	}
	return nil, fmt.Errorf("variant %q: want %q or %q", variant, variantColumn, variantMeanRatio)
}

// checksum summarises a group-by result independently of its row order, in
// the words every engine of bench/run prints:
//
//	groups    = number of groups
//	rows      = Σ rows
//	staff     = Σ staff_sum
//	computers = Σ computers_sum
//	keyed     = Σ cell × computers_sum, cell = 15·(province−1) + (year−2010) + 1
//	ratio     = Σ ratio_mean            (9 decimals)
//	kratio    = Σ cell × ratio_mean     (6 decimals)
//
// keyed and kratio catch sums attached to the wrong group. A null mean is an
// error (no group of the panel is empty).
func checksum(out *frame.Frame) (string, error) {
	prov, year := out.Col("province").Int64Values(), out.Col("year").Int64Values()
	staff, comp := out.Col("staff_sum").Int64Values(), out.Col("computers_sum").Int64Values()
	rows, mean := out.Col("rows").Int64Values(), out.Col("ratio_mean").Float64s()
	var nrows, nstaff, ncomp, keyed int64
	var ratio, kratio float64
	for g := range prov {
		if math.IsNaN(mean[g]) {
			return "", fmt.Errorf("group %d/%d: mean ratio is null", prov[g], year[g])
		}
		cell := 15*(prov[g]-1) + (year[g] - 2010) + 1
		nrows += rows[g]
		nstaff += staff[g]
		ncomp += comp[g]
		keyed += cell * comp[g]
		ratio += mean[g]
		kratio += float64(cell) * mean[g]
	}
	return fmt.Sprintf("groups=%d rows=%d staff=%d computers=%d keyed=%d ratio=%.9f kratio=%.6f",
		len(prov), nrows, nstaff, ncomp, keyed, ratio, kratio), nil
}
