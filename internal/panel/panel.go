// Package panel makes the synthetic national panel of the benchmarks: n rows
// of province × year × unit with staff and computers, from a formula (no
// random generator) that the pandas, polars and DuckDB scripts repeat
// exactly:
//
//	province  = i % 63 + 1
//	year      = 2010 + (i / 63) % 15
//	unit      = i / 945
//	staff     = 5 + (7*i + i/945) % 200
//	computers = staff * (30 + (13*i) % 91) / 100   (integer division)
//
// for i = 0 … n-1, in 64-bit integers.
package panel

import (
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/frame"
)

// Columns returns the panel's columns as slices.
func Columns(n int) (province, year, unit, staff, computers []int64) {
	province, year, unit = make([]int64, n), make([]int64, n), make([]int64, n)
	staff, computers = make([]int64, n), make([]int64, n)
	for i := 0; i < n; i++ {
		k := int64(i)
		province[i] = k%63 + 1
		year[i] = 2010 + (k/63)%15
		unit[i] = k / 945
		staff[i] = 5 + (7*k+k/945)%200
		computers[i] = staff[i] * (30 + (13*k)%91) / 100
	}
	return
}

// Frame returns the panel as a Frame.
func Frame(mem memory.Allocator, n int) (*frame.Frame, error) {
	p, y, u, s, c := Columns(n)
	return frame.FromColumns(map[string]string{frame.MetaDataset: "synthetic-panel"},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.Int64},
			{Name: "year", Kind: frame.Int64, Unit: "year"},
			{Name: "unit", Kind: frame.Int64},
			{Name: "staff", Kind: frame.Int64, Unit: "people"},
			{Name: "computers", Kind: frame.Int64, Unit: "count"},
		},
		[]any{p, y, u, s, c}, frame.WithAllocator(mem))
}

// Cells is the result of HandLoop: per cell of province × year (cell =
// 15·(province−1) + (year−2010)), the row count and the sums of staff,
// computers and the ratio computers/staff.
type Cells struct {
	Rows, Staff, Computers []int64
	Ratio                  []float64
}

// HandLoop is the panel's group-by written for these two keys and nothing
// else: one pass over province, year, staff and computers, the ratio
// computed in the pass and never stored. It is the floor a general GroupBy
// is measured against (frame's BenchmarkPanelHandLoop, bench/gopeak), not a
// replacement for it.
func HandLoop(prov, year, staff, comp []int64) Cells {
	const cells = 63 * 15
	s := Cells{make([]int64, cells), make([]int64, cells), make([]int64, cells), make([]float64, cells)}
	comp, prov, year = comp[:len(staff)], prov[:len(staff)], year[:len(staff)]
	for i, st := range staff {
		c := 15*(prov[i]-1) + (year[i] - 2010)
		s.Rows[c]++
		s.Staff[c] += st
		s.Computers[c] += comp[i]
		s.Ratio[c] += float64(comp[i]) / float64(st)
	}
	return s
}
