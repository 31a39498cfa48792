package main

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// The Join and the Concat of the side-by-side benchmark, the computations of
// frame's BenchmarkJoin (key=int64) and BenchmarkConcat
// (frame/join_bench_test.go, frame/concat_bench_test.go):
//
//	join    the panel of n rows, LeftJoin on its int64 province code to the
//	        63-row province table (province → population), keeping the five
//	        panel columns and adding population; every row finds its province
//	concat  ten references to one panel of n/10 rows stacked into one Frame
//	        of n rows (frame.Concat copies the columns into new buffers)
const (
	opGroupBy = "groupby"
	opJoin    = "join"
	opConcat  = "concat"
)

// concatParts is the number of Frames Concat stacks.
const concatParts = 10

// provinceTable is the right side of the Join, the table of frame's
// BenchmarkJoin without the name column: province = 1 … 63 (int64) and
// population = 500 + 37.5·(province − 1) (float64, thousand people; every
// value, and every sum of them, is a multiple of 0.5 and exact in float64).
func provinceTable() (*frame.Frame, error) {
	code, pop := make([]int64, 63), make([]float64, 63)
	for i := range code {
		code[i] = int64(i + 1)
		pop[i] = 500 + 37.5*float64(i)
	}
	return frame.FromColumns(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.Int64},
		{Name: "population", Kind: frame.Float64, Unit: "thousand_people"},
	}, []any{code, pop})
}

// joinOptions is the Join of the benchmark: LeftJoin on province.
var joinOptions = frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"province"}}

// joinPanel is one iteration of the Join benchmark.
func joinPanel(panel, provinces *frame.Frame) (*frame.Frame, error) {
	return panel.Join(provinces, joinOptions)
}

// concatFrames returns the argument of Concat: concatParts references to part.
func concatFrames(part *frame.Frame) []*frame.Frame {
	frames := make([]*frame.Frame, concatParts)
	for i := range frames {
		frames[i] = part
	}
	return frames
}

// concatPanel is one iteration of the Concat benchmark.
func concatPanel(frames []*frame.Frame) (*frame.Frame, error) {
	return frame.Concat(frames, frame.ConcatOptions{})
}

// joinChecksum summarises the result of the Join independently of its row
// order, in the words every engine of bench/run prints:
//
//	rows       = number of rows
//	columns    = the column names, in order
//	staff      = Σ staff
//	computers  = Σ computers
//	population = Σ population             (1 decimal: every sum is exact)
//	keyed      = Σ province × population  (1 decimal)
//
// keyed catches a population attached to the wrong province; a null
// population (a row that found no province) is an error.
func joinChecksum(out *frame.Frame) (string, error) {
	if n := out.Col("population").NullN(); n != 0 {
		return "", fmt.Errorf("join: %d rows without a population", n)
	}
	prov, pop := out.Col("province").Int64Values(), out.Col("population").Float64Values()
	staff, comp := out.Col("staff").Int64Values(), out.Col("computers").Int64Values()
	var nstaff, ncomp int64
	var population, keyed float64
	for i := range prov {
		nstaff += staff[i]
		ncomp += comp[i]
		population += pop[i]
		keyed += float64(prov[i]) * pop[i]
	}
	return fmt.Sprintf("rows=%d columns=%s staff=%d computers=%d population=%.1f keyed=%.1f",
		out.NumRows(), strings.Join(out.Names(), ","), nstaff, ncomp, population, keyed), nil
}

// concatChecksum summarises the result of the Concat independently of its
// row order: the row count, the column names and the sum of each column.
func concatChecksum(out *frame.Frame) (string, error) {
	names := out.Names()
	var b strings.Builder
	fmt.Fprintf(&b, "rows=%d columns=%s", out.NumRows(), strings.Join(names, ","))
	for _, name := range names {
		c := out.Col(name)
		if c.NullN() != 0 {
			return "", fmt.Errorf("concat: column %s has %d nulls", name, c.NullN())
		}
		var s int64
		for _, v := range c.Int64Values() {
			s += v
		}
		fmt.Fprintf(&b, " %s=%d", name, s)
	}
	return b.String(), nil
}
