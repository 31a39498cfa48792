package frame_test

import (
	"fmt"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/panel"
)

// BenchmarkConcat stacks ten copies of the panel.
func BenchmarkConcat(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("frames=10/rows=%.0e", float64(n)), func(b *testing.B) {
			f, err := panel.Frame(nil, n)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Release()
			frames := make([]*frame.Frame, 10)
			for i := range frames {
				frames[i] = f
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				g, err := frame.Concat(frames, frame.ConcatOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if g.NumRows() != 10*n {
					b.Fatalf("%d rows", g.NumRows())
				}
				g.Release()
			}
		})
	}
}
