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
	return frame.FromColumns(mem, map[string]string{frame.MetaDataset: "synthetic-panel"},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.Int64},
			{Name: "year", Kind: frame.Int64, Unit: "year"},
			{Name: "unit", Kind: frame.Int64},
			{Name: "staff", Kind: frame.Int64, Unit: "people"},
			{Name: "computers", Kind: frame.Int64, Unit: "count"},
		},
		[]any{p, y, u, s, c})
}
