package frame

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// AggOp is an aggregation of GroupBy.
type AggOp int

// The aggregations. Nulls are skipped: Sum, Mean, Min and Max of a group with
// no value are null (not 0: an empty cell is not a zero); Count counts the
// non-null values, CountRows the rows of the group; First is the first
// non-null value in row order. Agg.Strict makes a null in the group give a
// null result instead.
const (
	OpSum AggOp = iota + 1
	OpMean
	OpMin
	OpMax
	OpCount
	OpCountRows
	OpFirst
	// OpMeanRatio averages the per-row ratio of two columns (MeanRatio).
	OpMeanRatio
	// OpCollect lists the values of a column as text (Collect).
	OpCollect
)

var opNames = map[AggOp]string{OpSum: "sum", OpMean: "mean", OpMin: "min", OpMax: "max", OpCount: "count", OpCountRows: "rows", OpFirst: "first", OpMeanRatio: "mean", OpCollect: "list"}

// Agg is one aggregation of a GroupBy: an operation on a column, written to
// the output column As (default: column_op, e.g. staff_sum).
type Agg struct {
	Column string
	Op     AggOp
	As     string
	// Denominator is the second column of MeanRatio.
	Denominator string
	// Sep separates the values of Collect.
	Sep string
	// strict: a null in the group makes the result null (Strict).
	strict bool
}

// Sum adds the values of a numeric column per group.
func Sum(column string) Agg { return Agg{Column: column, Op: OpSum} }

// Mean averages the non-null values of a numeric column per group.
func Mean(column string) Agg { return Agg{Column: column, Op: OpMean} }

// Min is the smallest value of a numeric or date column per group.
func Min(column string) Agg { return Agg{Column: column, Op: OpMin} }

// Max is the largest value of a numeric or date column per group.
func Max(column string) Agg { return Agg{Column: column, Op: OpMax} }

// Count counts the non-null values of a column per group.
func Count(column string) Agg { return Agg{Column: column, Op: OpCount} }

// CountRows counts the rows of each group (As defaults to "rows").
func CountRows() Agg { return Agg{Op: OpCountRows, As: "rows"} }

// First takes the first non-null value of a column per group.
func First(column string) Agg { return Agg{Column: column, Op: OpFirst} }

// MeanRatio averages, per group, the ratio numerator/denominator of each
// row — the ratio Ratios computes — over the rows where both values are
// present and the denominator is not 0, without making the ratio a column
// first. The output (float64, unit ratio) is named
// numerator_per_denominator_mean by default, and is null for a group
// without such a row. It is the mean of the rows' ratios, each row weighing
// the same; the group's own ratio (sum over sum) is Sum of each column.
func MeanRatio(numerator, denominator string) Agg {
	return Agg{Column: numerator, Denominator: denominator, Op: OpMeanRatio}
}

// Collect lists, per group, the non-null values of a column in row order as
// one text, each value in its plain form (as Row.String writes it: 1401,
// 0.5, 2015-03-31) and sep between two: the source lines a group adds up,
// say ("1401,1419,1437"). The output (string) is named column_list by
// default, and is null for a group without a value.
func Collect(column, sep string) Agg { return Agg{Column: column, Op: OpCollect, Sep: sep} }

// Named returns a with output column name as.
func (a Agg) Named(as string) Agg { a.As = as; return a }

// Strict returns a with the strict null rule: a null value in the group
// makes the result null, where by default nulls are skipped. It applies to
// Sum, Mean, Min and Max, and to MeanRatio, whose result is then null when
// a row of the group has no ratio (a null in either column, or a
// denominator of 0: the rows a Mean of the Ratios column would see as
// null). Count, CountRows and First are null-aware already: Strict on them
// is an error of GroupBy. A NaN stored as a float64 value is a value, not a
// null, in both rules (it makes a Sum or Mean NaN).
func (a Agg) Strict() Agg { a.strict = true; return a }

func (a Agg) name() string {
	if a.As != "" {
		return a.As
	}
	if a.Op == OpMeanRatio {
		return a.Column + "_per_" + a.Denominator + "_mean"
	}
	return a.Column + "_" + opNames[a.Op]
}

// GroupBy groups the rows by the key columns and aggregates each group. The
// result has the key columns (with their labels and units), then one column
// per aggregation, and one row per distinct key combination in order of
// first appearance (deterministic). A null key is a group of its own. Keys
// may be string, int64, bool or date columns (float64 keys are refused: use
// a rounded int64). Sum and Mean of int64 columns give float64 for Mean and
// int64 for Sum; Min, Max and First keep the column's kind.
//
// Nulls in the aggregated columns are skipped by default: Sum, Mean, Min
// and Max are computed over the group's non-null values, and are null only
// when the group has none (a Sum is then null, not 0); Mean divides by the
// number of non-null values; MeanRatio averages the rows that have a ratio.
// An aggregation made Strict (Sum("staff").Strict()) is null instead as soon
// as one value of the group is null, so that a total over an incomplete
// group is never mistaken for a complete one.
//
// It works column-wise on the Arrow buffers: group ids are computed once
// (dense tables for small integer ranges, hashing otherwise), then each
// aggregation is one pass over its column, split across CPUs for large
// frames.
func (f *Frame) GroupBy(keys []string, aggs ...Agg) (*Frame, error) {
	if len(keys) == 0 {
		return nil, fmt.Errorf("frame: GroupBy needs at least one key column")
	}
	keyCols := make([]Column, len(keys))
	seen := map[string]bool{}
	for i, k := range keys {
		c, err := f.Column(k)
		if err != nil {
			return nil, err
		}
		if c.Kind() == Float64 {
			return nil, fmt.Errorf("frame: GroupBy: key %q is float64; group by an int64 or string column", k)
		}
		keyCols[i] = c
		seen[k] = true
	}
	for _, a := range aggs {
		if seen[a.name()] {
			return nil, fmt.Errorf("frame: GroupBy: output column %q named twice", a.name())
		}
		seen[a.name()] = true
		if a.strict && (a.Op == OpCount || a.Op == OpCountRows || a.Op == OpFirst || a.Op == OpCollect) {
			return nil, fmt.Errorf("frame: GroupBy: %s: Strict applies to sum, mean, min, max and mean ratio, not %s", a.name(), opNames[a.Op])
		}
		if a.Op == OpCountRows {
			continue
		}
		c, err := f.Column(a.Column)
		if err != nil {
			return nil, err
		}
		switch a.Op {
		case OpSum, OpMean:
			if !c.Kind().Numeric() {
				return nil, fmt.Errorf("frame: GroupBy: %s of %s column %q", opNames[a.Op], c.Kind(), a.Column)
			}
		case OpMin, OpMax:
			if !c.Kind().Numeric() && c.Kind() != Date {
				return nil, fmt.Errorf("frame: GroupBy: %s of %s column %q", opNames[a.Op], c.Kind(), a.Column)
			}
		case OpCount, OpFirst, OpCollect:
		case OpMeanRatio:
			d, err := f.Column(a.Denominator)
			if err != nil {
				return nil, err
			}
			if !c.Kind().Numeric() || !d.Kind().Numeric() {
				return nil, fmt.Errorf("frame: GroupBy: mean ratio of %s column %q over %s column %q", c.Kind(), a.Column, d.Kind(), a.Denominator)
			}
		default:
			return nil, fmt.Errorf("frame: GroupBy: unknown aggregation %d", a.Op)
		}
	}
	if out, ok := f.groupByFused(keys, keyCols, aggs); ok {
		return out, nil
	}
	ids, ncells, order, firstRow := groupIDs(keyCols, f.nrows)
	ng := len(firstRow)
	// output: key columns taken at each group's first row
	out := make([]arrow.Array, 0, len(keys)+len(aggs))
	fields := make([]arrow.Field, 0, len(keys)+len(aggs))
	release := func() {
		for _, a := range out {
			a.Release()
		}
	}
	for i, c := range keyCols {
		out = append(out, takeArray(f, c.arr, firstRow))
		fields = append(fields, f.schema.Field(f.index[keys[i]]))
	}
	for _, a := range aggs {
		arr, field, err := aggregate(f, ids, ncells, order, a)
		if err != nil {
			release()
			return nil, err
		}
		out = append(out, arr)
		fields = append(fields, field)
	}
	md := f.schema.Metadata()
	return newFrame(f.mem, arrow.NewSchema(fields, &md), out, ng), nil
}

// Groups returns the rows of each group of rows that share the values of
// the key columns (a null is a value of its own), the groups in order of
// first appearance and each group's rows in order: the grouping of
// GroupBy, for an aggregation GroupBy does not offer. The keys are int64,
// string, bool or date columns.
func (f *Frame) Groups(keys ...string) ([][]int, error) {
	if len(keys) == 0 {
		return nil, fmt.Errorf("frame: Groups needs at least one key column")
	}
	keyCols := make([]Column, len(keys))
	for i, k := range keys {
		c, err := f.Column(k)
		if err != nil {
			return nil, err
		}
		if c.Kind() == Float64 {
			return nil, fmt.Errorf("frame: Groups: key %q is float64; group by an int64 or string column", k)
		}
		keyCols[i] = c
	}
	ids, ncells, order, firstRow := groupIDs(keyCols, f.nrows)
	group := make([]int, ncells) // cell -> output group
	for g, cell := range order {
		group[cell] = g
	}
	out := make([][]int, len(firstRow))
	for i, id := range ids {
		g := group[id]
		out[g] = append(out[g], i)
	}
	return out, nil
}

// groupIDs assigns each row a cell id (0..ncells-1) and returns the cells
// that occur, in order of first appearance (order[g] is the cell of output
// group g), with the first row of each group. Small integer keys map rows to
// cells by arithmetic (a dense table over the key ranges); other keys are
// numbered by hashing, and then cells are groups.
func groupIDs(keys []Column, n int) (ids []int32, ncells int, order []int32, firstRow []int) {
	if ids, ncells, ok := denseCells(keys, n); ok {
		order, firstRow = cellOrder(ids, ncells)
		return ids, ncells, order, firstRow
	}
	ids, firstRow = hashedGroupIDs(keys, n)
	order = make([]int32, len(firstRow))
	for g := range order {
		order[g] = int32(g)
	}
	return ids, len(firstRow), order, firstRow
}

// denseCells maps rows to cells of the product of the keys' value ranges
// when every key is a null-free int64 column and the product is small.
func denseCells(keys []Column, n int) ([]int32, int, bool) {
	d, ok := planDense(keys, n)
	if !ok {
		return nil, 0, false
	}
	ids := make([]int32, n)
	parallelRows(n, func(_, lo, hi int) { d.fill(ids[lo:hi], lo, hi) })
	return ids, d.cells, true
}

func minMax(v []int64) (lo, hi int64) {
	parts := min(runtime.GOMAXPROCS(0), 8)
	los, his := make([]int64, parts), make([]int64, parts)
	for p := range los {
		los[p], his[p] = math.MaxInt64, math.MinInt64
	}
	used := parallelRows(len(v), func(p, a, b int) {
		los[p], his[p] = minMaxLanes(v[a:b])
	})
	lo, hi = los[0], his[0]
	for p := 1; p < used; p++ {
		lo, hi = min(lo, los[p]), max(hi, his[p])
	}
	return lo, hi
}

// minMaxLanes is the smallest and largest of v, kept in four independent
// lanes so that the comparisons of neighbouring values overlap.
func minMaxLanes(v []int64) (int64, int64) {
	var l, h [4]int64
	for k := range l {
		l[k], h[k] = math.MaxInt64, math.MinInt64
	}
	i := 0
	for ; i+4 <= len(v); i += 4 {
		w := v[i : i+4 : i+4]
		l[0], h[0] = min(l[0], w[0]), max(h[0], w[0])
		l[1], h[1] = min(l[1], w[1]), max(h[1], w[1])
		l[2], h[2] = min(l[2], w[2]), max(h[2], w[2])
		l[3], h[3] = min(l[3], w[3]), max(h[3], w[3])
	}
	for ; i < len(v); i++ {
		l[0], h[0] = min(l[0], v[i]), max(h[0], v[i])
	}
	return min(l[0], l[1], l[2], l[3]), max(h[0], h[1], h[2], h[3])
}

// cellOrder finds the cells that occur and orders them by first row.
func cellOrder(ids []int32, ncells int) ([]int32, []int) {
	parts := min(runtime.GOMAXPROCS(0), 8)
	firsts := make([][]int, parts)
	used := parallelRows(len(ids), func(p, lo, hi int) {
		fr := make([]int, ncells)
		for i := range fr {
			fr[i] = -1
		}
		for i := lo; i < hi; i++ {
			if c := ids[i]; fr[c] < 0 {
				fr[c] = i
			}
		}
		firsts[p] = fr
	})
	first := firsts[0]
	for p := 1; p < used; p++ {
		for c, r := range firsts[p] {
			if first[c] < 0 {
				first[c] = r
			}
		}
	}
	var order []int32
	for c, r := range first {
		if r >= 0 {
			order = append(order, int32(c))
		}
	}
	slices.SortFunc(order, func(a, b int32) int { return first[a] - first[b] })
	rows := make([]int, len(order))
	for g, c := range order {
		rows[g] = first[c]
	}
	return order, rows
}

// hashedGroupIDs numbers the groups by first appearance, key by key.
func hashedGroupIDs(keys []Column, n int) ([]int32, []int) {
	ids := make([]int32, n)
	card := 0
	for k, c := range keys {
		kid, kcard := keyIDs(c, n)
		if k == 0 {
			ids, card = kid, kcard
			continue
		}
		// combine (ids, kid) into new dense ids
		if uint64(card)*uint64(kcard) <= uint64(max(4*n, 1<<16)) {
			table := make([]int32, card*kcard)
			for i := range table {
				table[i] = -1
			}
			next := int32(0)
			for i := range ids {
				p := int(ids[i])*kcard + int(kid[i])
				g := table[p]
				if g < 0 {
					g = next
					table[p] = g
					next++
				}
				ids[i] = g
			}
			card = int(next)
		} else {
			m := make(map[uint64]int32)
			for i := range ids {
				p := uint64(ids[i])<<32 | uint64(uint32(kid[i]))
				g, ok := m[p]
				if !ok {
					g = int32(len(m))
					m[p] = g
				}
				ids[i] = g
			}
			card = len(m)
		}
	}
	// Every numbering pass above hands out ids in row order, so ids are in
	// order of first appearance: group g starts at the first row holding g.
	perm := make([]int, 0, card)
	for i := 0; i < n && len(perm) < card; i++ {
		if int(ids[i]) == len(perm) {
			perm = append(perm, i)
		}
	}
	return ids, perm
}

// keyIDs gives dense ids (0..card-1, first appearance order) for one key
// column; null is an id of its own.
func keyIDs(c Column, n int) ([]int32, int) {
	k := &keyNumbering{ids: make([]int32, n), nullID: -1, nulls: c.arr.NullN() > 0}
	switch a := c.arr.(type) {
	case *array.Int64:
		k.int64s(a)
	case *array.String:
		k.strings(a)
	case *array.Date32:
		k.dates(a)
	case *array.Boolean:
		k.bools(a)
	}
	return k.ids, int(k.next)
}

// keyNumbering is keyIDs at work: the id of each row so far, handed out
// in order of first appearance.
type keyNumbering struct {
	ids    []int32
	next   int32 // the next new id
	nullID int32 // the id of null, -1 until a null is met
	nulls  bool  // whether the column has a null
}

// newID returns the next new id.
func (k *keyNumbering) newID() int32 {
	g := k.next
	k.next++
	return g
}

// null gives row i the id of null, new at the first null met.
func (k *keyNumbering) null(i int) {
	if k.nullID < 0 {
		k.nullID = k.newID()
	}
	k.ids[i] = k.nullID
}

// int64s numbers the rows of an int64 column: through a table indexed by
// value when the values span fewer than max(4n, 2¹⁶) numbers for n rows,
// else through a map.
func (k *keyNumbering) int64s(a *array.Int64) {
	vals, ids, n, nulls := a.Int64Values(), k.ids, len(k.ids), k.nulls
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for i, v := range vals {
		if nulls && a.IsNull(i) {
			continue
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo <= hi && uint64(hi-lo) < uint64(max(4*n, 1<<16)) {
		table := make([]int32, hi-lo+1)
		for i := range table {
			table[i] = -1
		}
		for i, v := range vals {
			if nulls && a.IsNull(i) {
				k.null(i)
				continue
			}
			g := table[v-lo]
			if g < 0 {
				g = k.newID()
				table[v-lo] = g
			}
			ids[i] = g
		}
		return
	}
	m := map[int64]int32{}
	for i, v := range vals {
		if nulls && a.IsNull(i) {
			k.null(i)
			continue
		}
		g, ok := m[v]
		if !ok {
			g = k.newID()
			m[v] = g
		}
		ids[i] = g
	}
}

// strings numbers the rows of a text column through a map of copies of
// the texts (not of the column's memory).
func (k *keyNumbering) strings(a *array.String) {
	m := map[string]int32{}
	ids, nulls := k.ids, k.nulls
	for i := range ids {
		if nulls && a.IsNull(i) {
			k.null(i)
			continue
		}
		v := a.Value(i)
		g, ok := m[v]
		if !ok {
			g = k.newID()
			m[string([]byte(v))] = g
		}
		ids[i] = g
	}
}

// dates numbers the rows of a date column through a map.
func (k *keyNumbering) dates(a *array.Date32) {
	m := map[arrow.Date32]int32{}
	ids, nulls := k.ids, k.nulls
	for i := range ids {
		if nulls && a.IsNull(i) {
			k.null(i)
			continue
		}
		v := a.Value(i)
		g, ok := m[v]
		if !ok {
			g = k.newID()
			m[v] = g
		}
		ids[i] = g
	}
}

// bools numbers the rows of a bool column.
func (k *keyNumbering) bools(a *array.Boolean) {
	t := [2]int32{-1, -1}
	ids, nulls := k.ids, k.nulls
	for i := range ids {
		if nulls && a.IsNull(i) {
			k.null(i)
			continue
		}
		b := b2i(a.Value(i))
		if t[b] < 0 {
			t[b] = k.newID()
		}
		ids[i] = t[b]
	}
}

// parallelRows runs fn over [lo, hi) chunks of rows, one per CPU for large
// inputs, each with its own partial accumulator index. It returns the
// number of chunks.
func parallelRows(n int, fn func(part, lo, hi int)) int { return parallelChunks(n, 1, fn) }

// parallelChunks runs fn over [lo, hi) chunks of rows whose bounds are
// multiples of align: one chunk for fewer than 2²⁰ rows, else one per CPU
// (at most 8). It returns the number of chunks.
func parallelChunks(n, align int, fn func(part, lo, hi int)) int {
	parts := 1
	if n >= 1<<20 {
		parts = min(runtime.GOMAXPROCS(0), 8)
	}
	if parts == 1 {
		fn(0, 0, n)
		return 1
	}
	step := ((n+parts-1)/parts + align - 1) / align * align
	var wg sync.WaitGroup
	used := 0
	for p := 0; p*step < n; p++ {
		lo, hi := p*step, min(n, (p+1)*step)
		used++
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(p, lo, hi)
		}()
	}
	wg.Wait()
	return used
}

func int64Array(mem memory.Allocator, v []int64, valid []bool) arrow.Array {
	b := array.NewInt64Builder(mem)
	defer b.Release()
	b.AppendValues(v, valid)
	return b.NewArray()
}

func float64Array(mem memory.Allocator, v []float64, valid []bool) arrow.Array {
	b := array.NewFloat64Builder(mem)
	defer b.Release()
	b.AppendValues(v, valid)
	return b.NewArray()
}

// takeArrayNull is takeArray where an index of -1 gives null.
func takeArrayNull(f *Frame, c arrow.Array, idx []int) arrow.Array {
	valid := make([]int, 0, len(idx))
	for _, i := range idx {
		if i >= 0 {
			valid = append(valid, i)
		}
	}
	if len(valid) == len(idx) {
		return takeArray(f, c, idx)
	}
	b := array.NewBuilder(f.mem, c.DataType())
	defer b.Release()
	for _, i := range idx {
		if i < 0 || c.IsNull(i) {
			b.AppendNull()
			continue
		}
		appendFrom(b, c, i)
	}
	return b.NewArray()
}

func appendFrom(b array.Builder, c arrow.Array, i int) {
	switch a := c.(type) {
	case *array.String:
		b.(*array.StringBuilder).Append(a.Value(i))
	case *array.Int64:
		b.(*array.Int64Builder).Append(a.Value(i))
	case *array.Float64:
		b.(*array.Float64Builder).Append(a.Value(i))
	case *array.Boolean:
		b.(*array.BooleanBuilder).Append(a.Value(i))
	case *array.Date32:
		b.(*array.Date32Builder).Append(a.Value(i))
	}
}

// gather returns v[order[0]], v[order[1]], ... (identity orders are returned
// as is).
func gather[T any](v []T, order []int32) []T {
	identity := len(order) == len(v)
	for g, c := range order {
		if int(c) != g {
			identity = false
			break
		}
	}
	if identity {
		return v
	}
	out := make([]T, len(order))
	for g, c := range order {
		out[g] = v[c]
	}
	return out
}
