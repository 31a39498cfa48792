package frame

import (
	"math"

	"github.com/apache/arrow-go/v18/arrow/array"
)

// cellLayout maps tuples of int64 keys to the cells of a dense table: key k
// covers lo[k] .. lo[k]+span[k]-1, and the cell of a tuple is its row-major
// index (the last key varies fastest). The one-pass path grows a layout as
// it meets keys, so that the keys are read once: each block of rows is
// mapped to cells and checked against the layout in the same loop, and only
// a block with a key outside it makes the layout grow.
type cellLayout struct {
	lo, span, mult []int64
	cells          int
}

func newCellLayout(nkeys int) cellLayout {
	return cellLayout{lo: make([]int64, nkeys), span: make([]int64, nkeys), mult: make([]int64, nkeys)}
}

// setRanges makes the layout cover lo[k]..hi[k] for each key; it is false
// when the product of the ranges is over limit (cells) or a range overflows.
func (l *cellLayout) setRanges(lo, hi []int64, limit int64) bool {
	cells := int64(1)
	for k := range lo {
		w := hi[k] - lo[k]
		if w < 0 || w >= limit {
			return false
		}
		if cells *= w + 1; cells > limit {
			return false
		}
	}
	m := int64(1)
	for k := len(lo) - 1; k >= 0; k-- {
		l.lo[k], l.span[k], l.mult[k] = lo[k], hi[k]-lo[k]+1, m
		m *= l.span[k]
	}
	l.cells = int(cells)
	return true
}

// cellKey returns the value of key k in cell c.
func (l *cellLayout) cellKey(c, k int) int64 {
	return (int64(c)/l.mult[k])%l.span[k] + l.lo[k]
}

// fillChecked writes the cells of rows lo..hi-1 of the keys to ids[0:hi-lo],
// key by key, and reports whether every key was inside the layout (when it
// is not, ids are meaningless). The check is arithmetic, without a branch:
// for x = v-lo and s = span-1 < 2³¹, x | (s-x) has a bit of 2³¹ or above
// set exactly when x is outside 0..s, as an unsigned number.
func (l *cellLayout) fillChecked(keys [][]int64, ids []int32, lo, hi int) bool {
	if l.cells == 0 {
		return false
	}
	var bad uint64
	for k, vals := range keys {
		v := vals[lo:hi]
		if k == 0 {
			bad |= cellsSet(ids, v[:len(ids)], l.lo[k], uint64(l.span[k]-1), int32(l.mult[k]))
		} else {
			bad |= cellsAdd(ids, v[:len(ids)], l.lo[k], uint64(l.span[k]-1), int32(l.mult[k]))
		}
	}
	return bad>>31 == 0
}

// cellsSet sets ids[i] to (v[i]-lo)·m and returns the bits of the range check
// of fillChecked. It and cellsAdd are kept out of line so that their loops
// have the registers to themselves.
//
//go:noinline
func cellsSet(ids []int32, v []int64, lo int64, s uint64, m int32) uint64 {
	var bad uint64
	ids = ids[:len(v)]
	for i, x := range v {
		d := uint64(x - lo)
		bad |= d | (s - d)
		ids[i] = int32(d) * m
	}
	return bad
}

// cellsAdd adds (v[i]-lo)·m to ids[i], as cellsSet.
//
//go:noinline
func cellsAdd(ids []int32, v []int64, lo int64, s uint64, m int32) uint64 {
	var bad uint64
	ids = ids[:len(v)]
	for i, x := range v {
		d := uint64(x - lo)
		bad |= d | (s - d)
		ids[i] += int32(d) * m
	}
	return bad
}

// grown returns the layout widened to the keys of rows lo..hi-1 with room
// to spare on the sides that grew (as much again as the new range, so that
// keys rising row after row make it grow a logarithmic number of times),
// within limit cells; ok is false when the keys need more than limit cells.
func (l *cellLayout) grown(keys [][]int64, lo, hi int, limit int64) (g cellLayout, ok bool) {
	nk := len(keys)
	los, his := make([]int64, nk), make([]int64, nk)
	for k, vals := range keys {
		los[k], his[k] = minMaxLanes(vals[lo:hi])
		if l.cells > 0 {
			los[k], his[k] = min(los[k], l.lo[k]), max(his[k], l.lo[k]+l.span[k]-1)
		}
	}
	g = newCellLayout(nk)
	if !g.setRanges(los, his, limit) {
		return g, false
	}
	if l.cells == 0 {
		return g, true
	}
	slo, shi := make([]int64, nk), make([]int64, nk)
	for k := range keys {
		w := his[k] - los[k] + 1
		slo[k], shi[k] = los[k], his[k]
		if los[k] < l.lo[k] && los[k] >= math.MinInt64+w {
			slo[k] -= w
		}
		if his[k] > l.lo[k]+l.span[k]-1 && his[k] <= math.MaxInt64-w {
			shi[k] += w
		}
	}
	if s := newCellLayout(nk); s.setRanges(slo, shi, limit) {
		return s, true
	}
	return g, true
}

// occupied is the smallest layout holding the cells of l where rows > 0.
func (l *cellLayout) occupied(rows []int64) (lo, hi []int64, any bool) {
	nk := len(l.lo)
	lo, hi = make([]int64, nk), make([]int64, nk)
	for k := range lo {
		lo[k], hi[k] = math.MaxInt64, math.MinInt64
	}
	for c, r := range rows {
		if r == 0 {
			continue
		}
		any = true
		for k := range lo {
			v := l.cellKey(c, k)
			lo[k], hi[k] = min(lo[k], v), max(hi[k], v)
		}
	}
	return lo, hi, any
}

// remap returns, for each cell of from where rows > 0, its cell in to (which
// covers it), and -1 for the other cells.
func remap(from, to *cellLayout, rows []int64) []int32 {
	m := make([]int32, from.cells)
	for c := range m {
		if rows[c] == 0 {
			m[c] = -1
			continue
		}
		var id int64
		for k := range from.lo {
			id += (from.cellKey(c, k) - to.lo[k]) * to.mult[k]
		}
		m[c] = int32(id)
	}
	return m
}

// denseKeys maps rows to the cells of the product of small int64 key ranges
// (row-major: the last key varies fastest).
type denseKeys struct {
	vals  [][]int64
	los   []int64
	mult  []int64
	cells int
}

// planDense returns the dense cell map of the keys when every key is a
// null-free int64 column and the product of their ranges is small.
func planDense(keys []Column, n int) (*denseKeys, bool) {
	d := &denseKeys{vals: make([][]int64, len(keys)), los: make([]int64, len(keys)), mult: make([]int64, len(keys))}
	strides := make([]int64, len(keys))
	limit := int64(max(4*n, 1<<16))
	cells := int64(1)
	for k, c := range keys {
		a, ok := c.arr.(*array.Int64)
		if !ok || a.NullN() > 0 || n == 0 {
			return nil, false
		}
		d.vals[k] = a.Int64Values()
		lo, hi := minMax(d.vals[k])
		if hi-lo < 0 || hi-lo >= limit { // overflow or too wide
			return nil, false
		}
		d.los[k] = lo
		strides[k] = hi - lo + 1
		cells *= strides[k]
		if cells > limit || cells > math.MaxInt32 {
			return nil, false
		}
	}
	m := int64(1)
	for k := len(keys) - 1; k >= 0; k-- {
		d.mult[k] = m
		m *= strides[k]
	}
	d.cells = int(cells)
	return d, true
}

// fill writes the cells of rows lo..hi-1 to ids[0:hi-lo].
func (d *denseKeys) fill(ids []int32, lo, hi int) {
	switch len(d.vals) {
	case 1:
		v0, l0 := d.vals[0][lo:hi], d.los[0]
		for i, x := range v0 {
			ids[i] = int32(x - l0)
		}
	case 2:
		v0, v1 := d.vals[0][lo:hi], d.vals[1][lo:hi]
		l0, l1, m0 := d.los[0], d.los[1], d.mult[0]
		ids = ids[:len(v0)]
		for i := range ids {
			ids[i] = int32((v0[i]-l0)*m0 + (v1[i] - l1))
		}
	default:
		for i := lo; i < hi; i++ {
			var id int64
			for k := range d.vals {
				id += (d.vals[k][i] - d.los[k]) * d.mult[k]
			}
			ids[i-lo] = int32(id)
		}
	}
}
