package frame_test

import (
	"fmt"
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
				g, err := f.WithRatio(frame.FieldSpec{Name: "ratio"}, "computers", "staff", ratio)
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
