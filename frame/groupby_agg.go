package frame

import (
	"runtime"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// The aggregations of the general path of GroupBy: each one pass over its
// column with a cell id per row.

// aggregate computes one aggregation per cell, then returns it per output
// group (order[g] is the cell of group g).
func aggregate(f *Frame, ids []int32, ncells int, order []int32, a Agg) (arrow.Array, arrow.Field, error) {
	field := arrow.Field{Name: a.name(), Nullable: true}
	switch a.Op {
	case OpCountRows:
		field.Type = arrow.PrimitiveTypes.Int64
		return int64Array(f.mem, gather(countCellRows(ids, ncells, nil), order), nil), field, nil
	case OpMeanRatio:
		return meanRatio(f, ids, ncells, order, a)
	}
	c := f.Col(a.Column)
	if a.Op == OpCount {
		field.Type = arrow.PrimitiveTypes.Int64
		return int64Array(f.mem, gather(countCellRows(ids, ncells, c.arr), order), nil), field, nil
	}
	if a.Op == OpCollect {
		field.Type = arrow.BinaryTypes.String
		return collect(f.mem, c, ids, ncells, order, a.Sep), field, nil
	}
	if src := f.schema.Field(f.index[a.Column]); src.HasMetadata() {
		field.Metadata = src.Metadata
	}
	if a.Op == OpFirst {
		field.Type = c.arr.DataType()
		return takeArrayNull(f, c.arr, gather(firstValidRows(ids, ncells, c.arr), order)), field, nil
	}
	if d, ok := c.arr.(*array.Date32); ok { // min/max of dates
		field.Type = arrow.FixedWidthTypes.Date32
		return dateExtremes(f.mem, d, ids, ncells, order, a), field, nil
	}
	arr := numericAggregate(f.mem, c.arr, ids, ncells, order, a)
	field.Type = arr.DataType()
	return arr, field, nil
}

// countCellRows counts the rows of each cell, or, given a column, the rows
// where it is not null.
func countCellRows(ids []int32, ncells int, c arrow.Array) []int64 {
	counts := make([]int64, ncells)
	if c == nil || c.NullN() == 0 {
		for _, g := range ids {
			counts[g]++
		}
		return counts
	}
	for i, g := range ids {
		if c.IsValid(i) {
			counts[g]++
		}
	}
	return counts
}

// firstValidRows is, per cell, the first row where c is not null (-1 if
// none).
func firstValidRows(ids []int32, ncells int, c arrow.Array) []int {
	rows := make([]int, ncells)
	fillSlice(rows, -1)
	left := ncells
	for i, g := range ids {
		if rows[g] < 0 && c.IsValid(i) {
			rows[g] = i
			if left--; left == 0 {
				break
			}
		}
	}
	return rows
}

// dateExtremes is the Min or Max of a date column per output group.
func dateExtremes(mem memory.Allocator, d *array.Date32, ids []int32, ncells int, order []int32, a Agg) arrow.Array {
	vals := make([]int32, ncells)
	has := make([]bool, ncells)
	for i, g := range ids {
		if d.IsNull(i) {
			continue
		}
		v := int32(d.Value(i))
		if !has[g] || (a.Op == OpMin && v < vals[g]) || (a.Op == OpMax && v > vals[g]) {
			vals[g], has[g] = v, true
		}
	}
	if a.strict {
		for i, g := range ids {
			if d.IsNull(i) {
				has[g] = false
			}
		}
	}
	b := array.NewDate32Builder(mem)
	defer b.Release()
	for _, g := range order {
		if has[g] {
			b.Append(arrow.Date32(vals[g]))
		} else {
			b.AppendNull()
		}
	}
	return b.NewArray()
}

// numericAcc holds one worker's accumulators of a numeric aggregation: per
// cell the count of non-null values and the one slot its operation needs —
// float64 sums (Sum of float64, Mean), int64 sums (Sum of int64), or the
// extreme so far (Min, Max, as int64 or float64 like the column).
type numericAcc struct {
	op   AggOp
	fsum []float64
	isum []int64
	cnt  []int64
	ext  []float64
	iext []int64
}

func newNumericAcc(op AggOp, ints bool, ncells int) *numericAcc {
	x := &numericAcc{op: op, cnt: make([]int64, ncells)}
	switch op {
	case OpSum, OpMean:
		if ints && op == OpSum {
			x.isum = make([]int64, ncells)
		} else {
			x.fsum = make([]float64, ncells)
		}
	case OpMin, OpMax:
		if ints {
			x.iext = make([]int64, ncells)
		} else {
			x.ext = make([]float64, ncells)
		}
	}
	return x
}

// addRows feeds rows lo..hi-1 (values iv or fv, validity bitmap valid at
// offset off, nil when the column has no null).
func (x *numericAcc) addRows(ids []int32, iv []int64, fv []float64, valid []byte, off, lo, hi int) {
	if valid == nil { // the common case, specialised
		switch {
		case x.isum != nil:
			for i := lo; i < hi; i++ {
				g := ids[i]
				x.isum[g] += iv[i]
				x.cnt[g]++
			}
			return
		case x.fsum != nil && fv != nil:
			for i := lo; i < hi; i++ {
				g := ids[i]
				x.fsum[g] += fv[i]
				x.cnt[g]++
			}
			return
		case x.fsum != nil:
			for i := lo; i < hi; i++ {
				g := ids[i]
				x.fsum[g] += float64(iv[i])
				x.cnt[g]++
			}
			return
		}
	}
	for i := lo; i < hi; i++ {
		if valid != nil && !bitutil.BitIsSet(valid, off+i) {
			continue
		}
		g := ids[i]
		switch {
		case x.isum != nil:
			x.isum[g] += iv[i]
		case x.fsum != nil && fv != nil:
			x.fsum[g] += fv[i]
		case x.fsum != nil:
			x.fsum[g] += float64(iv[i])
		case x.iext != nil:
			v := iv[i]
			if x.cnt[g] == 0 || (x.op == OpMin && v < x.iext[g]) || (x.op == OpMax && v > x.iext[g]) {
				x.iext[g] = v
			}
		default:
			v := fv[i]
			if x.cnt[g] == 0 || (x.op == OpMin && v < x.ext[g]) || (x.op == OpMax && v > x.ext[g]) {
				x.ext[g] = v
			}
		}
		x.cnt[g]++
	}
}

// merge folds the accumulators of a later worker into t.
func (t *numericAcc) merge(x *numericAcc) {
	for g := range t.cnt {
		if x.cnt[g] == 0 {
			continue
		}
		switch {
		case t.isum != nil:
			t.isum[g] += x.isum[g]
		case t.fsum != nil:
			t.fsum[g] += x.fsum[g]
		case t.iext != nil:
			if t.cnt[g] == 0 || (t.op == OpMin && x.iext[g] < t.iext[g]) || (t.op == OpMax && x.iext[g] > t.iext[g]) {
				t.iext[g] = x.iext[g]
			}
		default:
			if t.cnt[g] == 0 || (t.op == OpMin && x.ext[g] < t.ext[g]) || (t.op == OpMax && x.ext[g] > t.ext[g]) {
				t.ext[g] = x.ext[g]
			}
		}
		t.cnt[g] += x.cnt[g]
	}
}

// numericAggregate is Sum, Mean, Min or Max of a numeric column per output
// group, accumulated in float64 (Sum of int64 in int64), one worker per
// share of the rows.
func numericAggregate(mem memory.Allocator, c arrow.Array, ids []int32, ncells int, order []int32, a Agg) arrow.Array {
	var fv []float64
	var iv []int64
	switch x := c.(type) {
	case *array.Float64:
		fv = x.Float64Values()
	case *array.Int64:
		iv = x.Int64Values()
	}
	var valid []byte
	if c.NullN() > 0 {
		valid = c.Data().Buffers()[0].Bytes()
	}
	off := c.Data().Offset()
	accs := make([]*numericAcc, min(runtime.GOMAXPROCS(0), 8))
	parts := parallelRows(len(ids), func(p, lo, hi int) {
		accs[p] = newNumericAcc(a.Op, iv != nil, ncells)
		accs[p].addRows(ids, iv, fv, valid, off, lo, hi)
	})
	tot := accs[0]
	for p := 1; p < parts; p++ {
		tot.merge(accs[p])
	}
	validOut := make([]bool, ncells)
	for g := range validOut {
		validOut[g] = tot.cnt[g] > 0
	}
	if a.strict && valid != nil {
		strictNulls(validOut, ids, valid, off)
	}
	switch {
	case tot.isum != nil:
		return int64Array(mem, gather(tot.isum, order), gather(validOut, order))
	case tot.iext != nil:
		return int64Array(mem, gather(tot.iext, order), gather(validOut, order))
	case a.Op == OpMean:
		for g := range tot.fsum {
			if tot.cnt[g] > 0 {
				tot.fsum[g] /= float64(tot.cnt[g])
			}
		}
		return float64Array(mem, gather(tot.fsum, order), gather(validOut, order))
	case tot.fsum != nil:
		return float64Array(mem, gather(tot.fsum, order), gather(validOut, order))
	default:
		return float64Array(mem, gather(tot.ext, order), gather(validOut, order))
	}
}

// strictNulls marks invalid the cells of the rows whose bit in the validity
// bitmap (at offset off) is clear.
func strictNulls(out []bool, ids []int32, valid []byte, off int) {
	for i, g := range ids {
		if !bitutil.BitIsSet(valid, off+i) {
			out[g] = false
		}
	}
}

// meanRatio is the general path of MeanRatio: the ratios of the rows, then
// their mean per cell, summed worker by worker in row order as the one-pass
// path does.
func meanRatio(f *Frame, ids []int32, ng int, order []int32, a Agg) (arrow.Array, arrow.Field, error) {
	r := Ratios(nil, f.Col(a.Column), f.Col(a.Denominator))
	sums, cnts := make([][]float64, 8), make([][]int64, 8)
	parts := parallelRows(len(ids), func(p, lo, hi int) {
		s, c := make([]float64, ng), make([]int64, ng)
		for i := lo; i < hi; i++ {
			if v := r[i]; v == v {
				s[ids[i]] += v
				c[ids[i]]++
			}
		}
		sums[p], cnts[p] = s, c
	})
	for p := 1; p < parts; p++ {
		for g := range ng {
			sums[0][g] += sums[p][g]
			cnts[0][g] += cnts[p][g]
		}
	}
	valid := make([]bool, ng)
	for g := range ng {
		if cnts[0][g] > 0 {
			sums[0][g] /= float64(cnts[0][g])
			valid[g] = true
		}
	}
	if a.strict {
		for i, v := range r {
			if v != v {
				valid[ids[i]] = false
			}
		}
	}
	field := arrow.Field{Name: a.name(), Type: arrow.PrimitiveTypes.Float64, Nullable: true,
		Metadata: arrow.NewMetadata([]string{MetaUnit}, []string{"ratio"})}
	return float64Array(f.mem, gather(sums[0], order), gather(valid, order)), field, nil
}

// collect joins, per output group, the plain text of c's non-null values in
// row order with sep; null for a group without a value.
func collect(mem memory.Allocator, c Column, ids []int32, ncells int, order []int32, sep string) arrow.Array {
	texts := make([][]byte, ncells)
	some := make([]bool, ncells)
	for i, g := range ids {
		if c.arr.IsNull(i) {
			continue
		}
		if some[g] {
			texts[g] = append(texts[g], sep...)
		}
		texts[g] = append(texts[g], c.plain(i)...)
		some[g] = true
	}
	b := array.NewStringBuilder(mem)
	defer b.Release()
	b.Reserve(len(order))
	for _, g := range order {
		if some[g] {
			b.Append(string(texts[g]))
		} else {
			b.AppendNull()
		}
	}
	return b.NewArray()
}
