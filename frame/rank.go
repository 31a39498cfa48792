package frame

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// RankMethod says how tied values are ranked.
type RankMethod int

const (
	// Competition gives tied values the smallest rank of their run, and
	// the next value skips the ranks they took: 1, 2, 2, 4 (R's
	// ties.method = "min", the ranking of league tables and of COINr).
	Competition RankMethod = iota
	// Dense gives tied values one rank and the next value the next rank:
	// 1, 2, 2, 3.
	Dense
)

// RankOptions are the parameters of Ranks and WithRank.
type RankOptions struct {
	Method RankMethod
	// Ascending ranks the lowest value 1; false (the default) ranks the
	// highest value 1.
	Ascending bool
	// Tolerance makes two values tie when |a−b| ≤ Tolerance × max(1, |a|,
	// |b|), so that figures computed by different routes (42/48 and
	// 0.875) rank together; 0 (or less) means exact equality.
	Tolerance float64
	// Name is the name of the rank column WithRank adds; "" means the
	// column's name followed by "_rank".
	Name string
	// Allocator builds the rank column; nil means the Frame's.
	Allocator memory.Allocator
}

// Ranks ranks values: rank 1 for the highest (the lowest with Ascending),
// ties sharing a rank as Method says. NaN is unranked: its rank is 0 and
// valid false.
//
// The values are sorted, then each is compared with the one before it in
// sorted order: equal, or within Tolerance of it, it takes that value's
// rank. With a Tolerance, ties are thus chained: in 1, 1+0.8e-9, 1+1.6e-9
// with Tolerance 1e-9 all three tie, though the first and last are further
// apart than the Tolerance. Since the sorted order of the values does not
// depend on the order they are given in, neither do the ranks.
//
// With Competition and Tolerance 0 the ranks are those of ratios.ByUnit;
// with Tolerance 1e-9, those of the composite scores (composite.Ranks).
// Infinite values rank first or last, tied only with an equal infinity.
// Ranks panics on an unknown Method (a programmer error).
func Ranks(values []float64, o RankOptions) (ranks []int64, valid []bool) {
	if o.Method != Competition && o.Method != Dense {
		panic(fmt.Sprintf("frame: Ranks: unknown method %d", int(o.Method)))
	}
	ranks, valid = make([]int64, len(values)), make([]bool, len(values))
	order := make([]int, 0, len(values))
	for i, v := range values {
		if !math.IsNaN(v) {
			order = append(order, i)
		}
	}
	if o.Ascending {
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(values[a], values[b]) })
	} else {
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(values[b], values[a]) })
	}
	for p, i := range order {
		valid[i] = true
		switch {
		case p == 0:
			ranks[i] = 1
		case tie(values[order[p-1]], values[i], o.Tolerance):
			ranks[i] = ranks[order[p-1]]
		case o.Method == Dense:
			ranks[i] = ranks[order[p-1]] + 1
		default:
			ranks[i] = int64(p + 1)
		}
	}
	return ranks, valid
}

// tie reports whether a and b rank together. An infinity is within no
// tolerance of a finite value (the formula would say it is: ∞ ≤ tol × ∞).
func tie(a, b, tol float64) bool {
	if a == b {
		return true
	}
	if tol <= 0 || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return false
	}
	return math.Abs(a-b) <= tol*max(1, math.Abs(a), math.Abs(b))
}

// WithRank returns f with an int64 column ranking the values of a numeric
// column (see Ranks), added at the end: null where the value is null (or
// NaN). int64 values are compared as float64, exactly up to 2⁵³. The new
// column is named o.Name (column + "_rank" by default; an existing name is
// an error) and labelled "Thứ hạng (1 = cao nhất)" or, with Ascending,
// "Thứ hạng (1 = thấp nhất)".
func (f *Frame) WithRank(column string, o RankOptions) (*Frame, error) {
	c, err := f.Column(column)
	if err != nil {
		return nil, fmt.Errorf("frame: WithRank: %w", err)
	}
	if !c.Kind().Numeric() {
		return nil, fmt.Errorf("frame: WithRank: column %q is %s, not numeric", column, c.Kind())
	}
	if o.Method != Competition && o.Method != Dense {
		return nil, fmt.Errorf("frame: WithRank: unknown method %d", int(o.Method))
	}
	name := o.Name
	if name == "" {
		name = column + "_rank"
	}
	if f.Has(name) {
		return nil, fmt.Errorf("frame: WithRank: the Frame already has a column %q (set Name)", name)
	}
	mem := o.Allocator
	if mem == nil {
		mem = f.mem
	}
	ranks, valid := Ranks(c.Float64s(), o)
	label := "Thứ hạng (1 = cao nhất)"
	if o.Ascending {
		label = "Thứ hạng (1 = thấp nhất)"
	}
	arr := int64Array(mem, ranks, valid)
	defer arr.Release()
	return f.withArray(FieldSpec{Name: name, Kind: Int64, LabelVI: label}.arrowField(), arr), nil
}
