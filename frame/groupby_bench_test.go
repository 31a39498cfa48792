package frame_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/panel"
)

// BenchmarkPanelGroupBy is the national-panel benchmark: the ratio
// computers/staff for every row, then a group-by province × year into
// sum(staff), sum(computers), mean(ratio) and the row count (945 groups).
// The panel is built outside the timer.
func BenchmarkPanelGroupBy(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000, 10_000_000} {
		b.Run(fmt.Sprintf("rows=%.0e", float64(n)), func(b *testing.B) {
			f, err := panel.Frame(nil, n)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Release()
			ratio := make([]float64, n) // reused between iterations
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				g, err := f.WithRatioBuffer(frame.FieldSpec{Name: "ratio"}, "computers", "staff", ratio)
				if err != nil {
					b.Fatal(err)
				}
				out, err := g.GroupBy([]string{"province", "year"},
					frame.Sum("staff"), frame.Sum("computers"), frame.Mean("ratio"), frame.CountRows())
				if err != nil {
					b.Fatal(err)
				}
				if out.NumRows() != min(945, n) {
					b.Fatalf("%d groups", out.NumRows())
				}
				out.Release()
				g.Release()
			}
		})
	}
}

// BenchmarkPanelGroupByRatio is the same computation with the ratio computed
// inside the aggregation (MeanRatio) rather than made a column first — as an
// SQL engine runs avg(computers / staff).
func BenchmarkPanelGroupByRatio(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000, 10_000_000} {
		b.Run(fmt.Sprintf("rows=%.0e", float64(n)), func(b *testing.B) {
			f, err := panel.Frame(nil, n)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Release()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				out, err := f.GroupBy([]string{"province", "year"},
					frame.Sum("staff"), frame.Sum("computers"), frame.MeanRatio("computers", "staff").Named("ratio_mean"), frame.CountRows())
				if err != nil {
					b.Fatal(err)
				}
				if out.NumRows() != min(945, n) {
					b.Fatalf("%d groups", out.NumRows())
				}
				out.Release()
			}
		})
	}
}

// BenchmarkPanelHandLoop is the floor BenchmarkPanelGroupByRatio is measured
// against: the same computation written by hand for these two keys only
// (cell = 15·(province−1) + (year−2010)), one pass over the four int64
// columns it needs with the ratio computed in the pass, the rows split in
// two halves on two goroutines whose cells are then added.
func BenchmarkPanelHandLoop(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000, 10_000_000} {
		b.Run(fmt.Sprintf("rows=%.0e", float64(n)), func(b *testing.B) {
			f, err := panel.Frame(nil, n)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Release()
			prov, year := f.Col("province").Int64Values(), f.Col("year").Int64Values()
			staff, comp := f.Col("staff").Int64Values(), f.Col("computers").Int64Values()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var parts [2]panel.Cells
				var wg sync.WaitGroup
				half := n / 2
				for p, r := range [2][2]int{{0, half}, {half, n}} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						parts[p] = panel.HandLoop(prov[r[0]:r[1]], year[r[0]:r[1]], staff[r[0]:r[1]], comp[r[0]:r[1]])
					}()
				}
				wg.Wait()
				s := parts[0]
				groups := 0
				for c := range s.Rows {
					s.Rows[c] += parts[1].Rows[c]
					s.Staff[c] += parts[1].Staff[c]
					s.Computers[c] += parts[1].Computers[c]
					s.Ratio[c] += parts[1].Ratio[c]
					if s.Rows[c] > 0 {
						s.Ratio[c] /= float64(s.Rows[c])
						groups++
					}
				}
				if groups != min(945, n) {
					b.Fatalf("%d groups", groups)
				}
			}
		})
	}
}
