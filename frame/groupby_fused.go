package frame

import (
	"math"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// fusedGroupBy switches the one-pass path off in tests that compare it with
// the general one.
var fusedGroupBy = true

// fusedBlock is the number of rows whose group ids are computed at a time by
// the one-pass path: small enough for the ids to stay in the L1 cache.
const fusedBlock = 2048

// fusedAgg is one aggregation of the one-pass path, on a null-free int64 or
// float64 column (or none, for row counts). Min and Max of float64 columns
// are left to the general path, which orders NaN values its own way.
type fusedAgg struct {
	agg Agg
	iv  []int64
	fv  []float64
	// the denominator of a mean ratio
	div []int64
	dfv []float64
}

// fusedParts are one worker's accumulators: rows and first row per cell, and
// per aggregation an int64 or float64 slot per cell.
type fusedPart struct {
	rows  []int64
	first []int
	isum  [][]int64
	fsum  [][]float64
	cnt   [][]int64 // rows counted by a mean ratio
	sink  int64     // what touch read
}

// groupByFused is GroupBy for dense int64 keys and aggregations over
// null-free numeric columns: one pass over the rows, block by block, computes
// each block's cells and feeds every aggregation from them, without a group
// id per row in memory. ok is false when the frame does not qualify.
//
// Its columns having no null, Strict changes only MeanRatio: a group with a
// row whose denominator is 0 (or whose ratio is NaN) is null.
func (f *Frame) groupByFused(keys []string, keyCols []Column, aggs []Agg) (*Frame, bool) {
	if !fusedGroupBy || f.nrows == 0 {
		return nil, false
	}
	fa, ok := f.fusedAggs(aggs)
	if !ok {
		return nil, false
	}
	keyVals := make([][]int64, len(keyCols))
	for k, c := range keyCols {
		a, ok := c.arr.(*array.Int64)
		if !ok || a.NullN() > 0 {
			return nil, false
		}
		keyVals[k] = a.Int64Values()
	}
	tot, nc, ok := fusedPass(keyVals, fa, f.nrows)
	if !ok {
		return nil, false
	}
	order := tot.groupOrder()
	firstRow := make([]int, len(order))
	for g, c := range order {
		firstRow[g] = tot.first[c]
	}
	out := make([]arrow.Array, 0, len(keys)+len(aggs))
	fields := make([]arrow.Field, 0, len(keys)+len(aggs))
	for i, c := range keyCols {
		out = append(out, takeArray(f, c.arr, firstRow))
		fields = append(fields, f.schema.Field(f.index[keys[i]]))
	}
	for i, a := range fa {
		field, arr := f.fusedColumn(tot, i, a.agg, order, nc)
		out = append(out, arr)
		fields = append(fields, field)
	}
	md := f.schema.Metadata()
	return newFrame(f.mem, arrow.NewSchema(fields, &md), out, len(order)), true
}

// fusedAggs returns the aggregations aggs with the values they read, for
// the one-pass path; ok is false when one does not qualify: an operation
// it does not do, a column with a null, a column of another kind than
// int64 or float64 (except for a count), or Min and Max of a float64
// column.
func (f *Frame) fusedAggs(aggs []Agg) (fa []fusedAgg, ok bool) {
	fa = make([]fusedAgg, len(aggs))
	for i, a := range aggs {
		fa[i].agg = a
		switch a.Op {
		case OpCountRows:
			continue
		case OpSum, OpMean, OpMin, OpMax, OpCount:
		case OpMeanRatio:
			d := f.Col(a.Denominator)
			if d.arr.NullN() > 0 {
				return nil, false
			}
			switch x := d.arr.(type) {
			case *array.Int64:
				fa[i].div = x.Int64Values()
			case *array.Float64:
				fa[i].dfv = x.Float64Values()
			}
		default:
			return nil, false
		}
		c := f.Col(a.Column)
		if c.arr.NullN() > 0 {
			return nil, false
		}
		switch x := c.arr.(type) {
		case *array.Int64:
			fa[i].iv = x.Int64Values()
		case *array.Float64:
			if a.Op == OpMin || a.Op == OpMax { // NaN ordering stays with the general path
				return nil, false
			}
			fa[i].fv = x.Float64Values()
		default:
			if a.Op != OpCount {
				return nil, false
			}
		}
	}
	return fa, true
}

// groupOrder returns the cells that hold rows, in the order of their
// first row: the groups of the result.
func (tot *fusedPart) groupOrder() []int32 {
	order := make([]int32, 0, 64)
	for c, r := range tot.rows {
		if r > 0 {
			order = append(order, int32(c))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return tot.first[a] - tot.first[b] })
	return order
}

// fusedColumn returns the field and the column of aggregation i (agg) of
// the one-pass path, from the totals of its nc cells, one value per group
// of order. A count is int64, a mean ratio float64 with the unit "ratio";
// the others keep their column's field metadata.
func (f *Frame) fusedColumn(tot *fusedPart, i int, agg Agg, order []int32, nc int) (arrow.Field, arrow.Array) {
	field := arrow.Field{Name: agg.name(), Nullable: true}
	if agg.Op == OpMeanRatio {
		field.Metadata = arrow.NewMetadata([]string{MetaUnit}, []string{"ratio"})
	} else if agg.Op != OpCountRows && agg.Op != OpCount {
		if src := f.schema.Field(f.index[agg.Column]); src.HasMetadata() {
			field.Metadata = src.Metadata
		}
	}
	var arr arrow.Array
	switch {
	case agg.Op == OpCountRows || agg.Op == OpCount:
		field.Type = arrow.PrimitiveTypes.Int64
		arr = int64Array(f.mem, gather(tot.rows, order), nil)
	case agg.Op == OpMeanRatio:
		m := make([]float64, len(order))
		valid := make([]bool, len(order))
		for g, c := range order {
			// Strict: every row of the group must have had a ratio
			if n := tot.cnt[i][c]; n > 0 && (!agg.strict || n == tot.rows[c]) {
				m[g], valid[g] = tot.fsum[i][c]/float64(n), true
			}
		}
		field.Type = arrow.PrimitiveTypes.Float64
		arr = float64Array(f.mem, m, valid)
	case tot.isum[i] != nil:
		field.Type = arrow.PrimitiveTypes.Int64
		arr = int64Array(f.mem, gather(tot.isum[i], order), nil)
	case agg.Op == OpMean:
		s := gather(tot.fsum[i], order)
		if len(order) == nc { // gather returned the accumulator itself
			s = slices.Clone(s)
		}
		for g, c := range order {
			s[g] /= float64(tot.rows[c])
		}
		field.Type = arrow.PrimitiveTypes.Float64
		arr = float64Array(f.mem, s, nil)
	default:
		field.Type = arrow.PrimitiveTypes.Float64
		arr = float64Array(f.mem, gather(tot.fsum[i], order), nil)
	}
	return field, arr
}

// fusedPass runs the one pass over n rows, each worker on its share of the
// rows with a cell layout of its own, grown as it meets keys; the workers'
// cells are then added, in row order, into a layout covering the cells that
// occur. ok is false when the keys need more cells than the one-pass path
// keeps (the general path then takes over).
func fusedPass(keys [][]int64, fa []fusedAgg, n int) (tot *fusedPart, cells int, ok bool) {
	limit := int64(min(max(4*n, 1<<16), 1<<20))
	nw := min(runtime.GOMAXPROCS(0), 8)
	parts, layouts := make([]*fusedPart, nw), make([]cellLayout, nw)
	var abort atomic.Bool
	icols, fcols := slices.Clone(keys), [][]float64(nil)
	for _, a := range fa {
		for _, c := range [][]int64{a.iv, a.div} {
			if c != nil {
				icols = append(icols, c)
			}
		}
		for _, c := range [][]float64{a.fv, a.dfv} {
			if c != nil {
				fcols = append(fcols, c)
			}
		}
	}
	// A mean ratio is bound by its divisions: it fetches the next block of
	// every column as it goes, where otherwise each block is fetched first.
	ahead := slices.ContainsFunc(fa, func(a fusedAgg) bool { return a.agg.Op == OpMeanRatio })
	used := parallelRows(n, func(p, lo, hi int) {
		l := newCellLayout(len(keys))
		x := newFusedPart(fa, 0)
		var buf [fusedBlock]int32
		for b := lo; b < hi; b += fusedBlock {
			if abort.Load() {
				return
			}
			e := min(b+fusedBlock, hi)
			if b == lo || !ahead {
				x.sink += touch(icols, fcols, b, e)
			}
			ids := buf[:e-b]
			if !l.fillChecked(keys, ids, b, e) {
				g, ok := l.grown(keys, b, e, limit)
				if !ok {
					abort.Store(true)
					return
				}
				nx := newFusedPart(fa, g.cells)
				nx.add(x, fa, remap(&l, &g, x.rows))
				l, x = g, nx
				l.fillChecked(keys, ids, b, e)
			}
			var next touching
			if ahead {
				next = touching{icols: icols, fcols: fcols, lo: e, hi: min(e+fusedBlock, hi)}
			}
			x.feed(fa, ids, b, e, next)
		}
		parts[p], layouts[p] = x, l
	})
	if abort.Load() {
		return nil, 0, false
	}
	if used == 1 { // one worker: its layout is the result's
		return parts[0], layouts[0].cells, true
	}
	nk := len(keys)
	glo, ghi := make([]int64, nk), make([]int64, nk)
	for k := range glo {
		glo[k], ghi[k] = math.MaxInt64, math.MinInt64
	}
	for p := range used {
		lo, hi, _ := layouts[p].occupied(parts[p].rows)
		for k := range glo {
			glo[k], ghi[k] = min(glo[k], lo[k]), max(ghi[k], hi[k])
		}
	}
	g := newCellLayout(nk)
	if !g.setRanges(glo, ghi, limit) {
		return nil, 0, false
	}
	tot = newFusedPart(fa, g.cells)
	for p := range used {
		tot.add(parts[p], fa, remap(&layouts[p], &g, parts[p].rows))
	}
	return tot, g.cells, true
}

// touch reads one value per cache line of rows lo..hi-1 of every column, all
// columns in the same loop, so that their lines are fetched from memory
// together rather than one column after the other by the loops that follow.
func touch(icols [][]int64, fcols [][]float64, lo, hi int) int64 {
	var s int64
	for r := lo; r < hi; r += 8 {
		for _, c := range icols {
			s += c[r]
		}
		for _, c := range fcols {
			s += int64(math.Float64bits(c[r]))
		}
	}
	return s
}

// newFusedPart makes the slots of nc cells, each aggregation's starting at
// its identity (the largest int64 for Min, the smallest for Max, else 0).
func newFusedPart(fa []fusedAgg, nc int) *fusedPart {
	x := &fusedPart{rows: make([]int64, nc), first: make([]int, nc), isum: make([][]int64, len(fa)), fsum: make([][]float64, len(fa)), cnt: make([][]int64, len(fa))}
	fillSlice(x.first, -1)
	for i, a := range fa {
		switch {
		case a.iv != nil && (a.agg.Op == OpSum || a.agg.Op == OpMin || a.agg.Op == OpMax):
			x.isum[i] = make([]int64, nc)
			if a.agg.Op == OpMin {
				fillSlice(x.isum[i], math.MaxInt64)
			} else if a.agg.Op == OpMax {
				fillSlice(x.isum[i], math.MinInt64)
			}
		case a.agg.Op == OpSum || a.agg.Op == OpMean:
			x.fsum[i] = make([]float64, nc)
		case a.agg.Op == OpMeanRatio:
			x.fsum[i] = make([]float64, nc)
			x.cnt[i] = make([]int64, nc)
		}
	}
	return x
}

// feed adds rows lo..hi-1, of cells ids, to x; the first mean ratio touches
// next as it goes (the lines of the next block, when the pass asks).
func (x *fusedPart) feed(fa []fusedAgg, ids []int32, lo, hi int, next touching) {
	countCells(x.rows, x.first, ids, lo)
	for i, a := range fa {
		if a.agg.Op == OpMeanRatio {
			x.sink += accumulateRatio(a, x.fsum[i], x.cnt[i], ids, lo, hi, next)
			next = touching{} // once is enough
			continue
		}
		accumulate(a, x.isum[i], x.fsum[i], ids, lo, hi)
	}
}

// add folds the cells of x, which come after t's rows in row order, into t:
// cell c of x is cell to[c] of t (none when to[c] is -1, for empty cells).
func (t *fusedPart) add(x *fusedPart, fa []fusedAgg, to []int32) {
	for c, d := range to {
		if d < 0 {
			continue
		}
		if t.rows[d] == 0 {
			t.first[d] = x.first[c]
		}
		t.rows[d] += x.rows[c]
	}
	for i, a := range fa {
		if ti, xi := t.isum[i], x.isum[i]; ti != nil {
			for c, d := range to {
				if d < 0 {
					continue
				}
				switch a.agg.Op {
				case OpSum:
					ti[d] += xi[c]
				case OpMin:
					ti[d] = min(ti[d], xi[c])
				case OpMax:
					ti[d] = max(ti[d], xi[c])
				}
			}
		}
		if tf, xf := t.fsum[i], x.fsum[i]; tf != nil {
			for c, d := range to {
				if d >= 0 {
					tf[d] += xf[c]
				}
			}
		}
		if tc, xc := t.cnt[i], x.cnt[i]; tc != nil {
			for c, d := range to {
				if d >= 0 {
					tc[d] += xc[c]
				}
			}
		}
	}
}

func fillSlice[T any](s []T, v T) {
	for i := range s {
		s[i] = v
	}
}

// accumulate feeds rows lo..hi-1 (cells ids) of one aggregation into its
// per-cell slots.
func accumulate(a fusedAgg, is []int64, fs []float64, ids []int32, lo, hi int) {
	switch op := a.agg.Op; {
	case is != nil:
		v := a.iv[lo:hi]
		switch op {
		case OpSum:
			sumCells(is, ids, v)
		case OpMin:
			minCells(is, ids, v)
		case OpMax:
			maxCells(is, ids, v)
		}
	case fs != nil && a.fv != nil: // sum or mean
		sumCells(fs, ids, a.fv[lo:hi])
	case fs != nil: // mean of an int64 column
		sumFloatCells(fs, ids, a.iv[lo:hi])
	}
}

// The kernels of the one-pass path, each a loop over a block of rows: kept
// out of line, so that each loop has the registers to itself.

// countCells counts the rows of each cell and notes the first (lo is the
// row of ids[0]).
//
//go:noinline
func countCells(rows []int64, first []int, ids []int32, lo int) {
	for j, c := range ids {
		if rows[c] == 0 {
			first[c] = lo + j
		}
		rows[c]++
	}
}

//go:noinline
func sumCells[T int64 | float64](s []T, ids []int32, v []T) {
	v = v[:len(ids)]
	for j, c := range ids {
		s[c] += v[j]
	}
}

//go:noinline
func sumFloatCells(s []float64, ids []int32, v []int64) {
	v = v[:len(ids)]
	for j, c := range ids {
		s[c] += float64(v[j])
	}
}

//go:noinline
func minCells(s []int64, ids []int32, v []int64) {
	v = v[:len(ids)]
	for j, c := range ids {
		s[c] = min(s[c], v[j])
	}
}

//go:noinline
func maxCells(s []int64, ids []int32, v []int64) {
	v = v[:len(ids)]
	for j, c := range ids {
		s[c] = max(s[c], v[j])
	}
}

// accumulateRatio feeds rows lo..hi-1 of a mean ratio: the ratio of each row
// whose denominator is not 0, and the count of such rows.
func accumulateRatio(a fusedAgg, fs []float64, cnt []int64, ids []int32, lo, hi int, t touching) int64 {
	switch {
	case a.iv != nil && a.div != nil:
		return ratioInto(fs, cnt, ids, a.iv[lo:hi], a.div[lo:hi], t)
	case a.iv != nil:
		return ratioInto(fs, cnt, ids, a.iv[lo:hi], a.dfv[lo:hi], t)
	case a.div != nil:
		return ratioInto(fs, cnt, ids, a.fv[lo:hi], a.div[lo:hi], t)
	default:
		return ratioInto(fs, cnt, ids, a.fv[lo:hi], a.dfv[lo:hi], t)
	}
}

// touching is what a kernel touches as it goes: rows lo..hi-1 of the
// columns, one value per cache line.
type touching struct {
	icols  [][]int64
	fcols  [][]float64
	lo, hi int
}

// ratioInto adds the ratio num/den of each row to its cell, and counts it,
// where den is not 0 and the ratio is not NaN.
//
//go:noinline
func ratioInto[N, D int64 | float64](fs []float64, cnt []int64, ids []int32, num []N, den []D, t touching) int64 {
	num, den = num[:len(ids)], den[:len(ids)]
	var sink int64
	for j0 := 0; j0 < len(ids); j0 += 8 {
		if r := t.lo + j0; r < t.hi {
			for _, c := range t.icols {
				sink += c[r]
			}
			for _, c := range t.fcols {
				sink += int64(math.Float64bits(c[r]))
			}
		}
		j1 := min(j0+8, len(ids))
		for j, c := range ids[j0:j1] {
			d := float64(den[j0+j])
			if d == 0 {
				continue
			}
			v := float64(num[j0+j]) / d
			if v != v { // a NaN operand: null, as Ratios has it
				continue
			}
			fs[c] += v
			cnt[c]++
		}
	}
	return sink
}
