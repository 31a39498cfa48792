package frame

import (
	"fmt"
	"math"

	"github.com/apache/arrow-go/v18/arrow/array"
)

// Ratios writes num[i] / den[i] for every row to dst and returns it (dst is
// reallocated when shorter than the columns). The result is NaN — null, in
// the Float64s convention — where either value is null or den is 0; an
// int64 or float64 column may be on either side. Large columns are split
// across CPUs. Reusing dst between calls avoids touching fresh memory, which
// is what dominates on large frames.
//
// Use it with WithColumnShared to add the ratio to a frame without a copy:
//
//	r := frame.Ratios(nil, f.Col("computers"), f.Col("staff"))
//	g, err := f.WithColumnShared(frame.FieldSpec{Name: "ratio", Kind: frame.Float64, Unit: "ratio"}, r, nil)
//
// Ratios panics if the columns differ in length or are not numeric: that is
// a programming error, not a data problem.
func Ratios(dst []float64, num, den Column) []float64 {
	n := num.Len()
	if den.Len() != n {
		panic(fmt.Sprintf("frame.Ratios: %q has %d rows, %q %d", num.Name(), n, den.Name(), den.Len()))
	}
	if !num.Kind().Numeric() || !den.Kind().Numeric() {
		panic(fmt.Sprintf("frame.Ratios: %q (%s) and %q (%s) must be numeric", num.Name(), num.Kind(), den.Name(), den.Kind()))
	}
	if cap(dst) < n {
		dst = make([]float64, n)
	}
	dst = dst[:n]
	ratiosInto(dst, num, den)
	return dst
}

// ratiosInto computes Ratios into dst (of the columns' length) and returns
// how many of the results are NaN (null).
func ratiosInto(dst []float64, num, den Column) int {
	var nans [8]int
	parts := parallelRows(len(dst), func(p, lo, hi int) {
		nans[p] = divide(dst[lo:hi], num.arr, den.arr, lo, hi)
		if num.arr.NullN() == 0 && den.arr.NullN() == 0 {
			return
		}
		for i := lo; i < hi; i++ {
			if (num.arr.IsNull(i) || den.arr.IsNull(i)) && !math.IsNaN(dst[i]) {
				dst[i] = math.NaN()
				nans[p]++
			}
		}
	})
	total := 0
	for p := range parts {
		total += nans[p]
	}
	return total
}

// WithRatio returns f with a float64 column num / den for every row — the
// ratio Ratios computes, null where either value is null or den is 0 —
// named and labelled by spec (Kind may be left 0; Unit defaults to
// "ratio"). Unlike Ratios followed by WithColumnShared, the nulls are
// counted while dividing, so no second pass looks for them.
func (f *Frame) WithRatio(spec FieldSpec, num, den string) (*Frame, error) {
	return f.WithRatioBuffer(spec, num, den, nil)
}

// WithRatioBuffer is WithRatio writing the values to dst when it is long
// enough: the new Frame shares that memory, so do not write to dst while
// the Frame is in use. Reusing one buffer between calls on frames of
// millions of rows saves touching fresh memory, which dominates the cost
// there (the panel benchmarks do).
func (f *Frame) WithRatioBuffer(spec FieldSpec, num, den string, dst []float64) (*Frame, error) {
	nc, err := f.Column(num)
	if err != nil {
		return nil, err
	}
	dc, err := f.Column(den)
	if err != nil {
		return nil, err
	}
	if !nc.Kind().Numeric() || !dc.Kind().Numeric() {
		return nil, fmt.Errorf("frame: WithRatio %q: %q (%s) and %q (%s) must be numeric", spec.Name, num, nc.Kind(), den, dc.Kind())
	}
	if spec.Kind == Invalid {
		spec.Kind = Float64
	}
	if spec.Kind != Float64 {
		return nil, fmt.Errorf("frame: WithRatio %q: a ratio is a float64 column, not %s", spec.Name, spec.Kind)
	}
	if spec.Unit == "" {
		spec.Unit = "ratio"
	}
	if cap(dst) < f.nrows {
		dst = make([]float64, f.nrows)
	}
	dst = dst[:f.nrows]
	nulls := ratiosInto(dst, nc, dc)
	return f.withFloat64Shared(spec, dst, nulls > 0), nil
}

// divide computes rows lo..hi-1 of a/b into out, NaN where b is 0, and
// returns how many NaN it wrote.
func divide(out []float64, a, b any, lo, hi int) int {
	switch x := a.(type) {
	case *array.Int64:
		switch y := b.(type) {
		case *array.Int64:
			return divideSlices(out, x.Int64Values()[lo:hi], y.Int64Values()[lo:hi])
		case *array.Float64:
			return divideSlices(out, x.Int64Values()[lo:hi], y.Float64Values()[lo:hi])
		}
	case *array.Float64:
		switch y := b.(type) {
		case *array.Int64:
			return divideSlices(out, x.Float64Values()[lo:hi], y.Int64Values()[lo:hi])
		case *array.Float64:
			return divideSlices(out, x.Float64Values()[lo:hi], y.Float64Values()[lo:hi])
		}
	}
	return 0
}

func divideSlices[N, D int64 | float64](out []float64, num []N, den []D) int {
	num = num[:len(out)]
	den = den[:len(out)]
	nans := 0
	for i := range out {
		d := float64(den[i])
		if d == 0 {
			out[i] = math.NaN()
			nans++
			continue
		}
		v := float64(num[i]) / d
		if v != v { // a NaN operand, or ±Inf / ±Inf
			nans++
		}
		out[i] = v
	}
	return nans
}

// hasNaN reports whether v holds a NaN. It multiplies every value by 0 into
// four running sums — NaN (and ±Inf, which turn into NaN) poison a sum — so
// the common clean case runs without a branch per value; a poisoned sum is
// confirmed value by value, since an infinity is not a NaN.
func hasNaN(v []float64) bool {
	found := make([]bool, 8)
	parts := parallelRows(len(v), func(p, lo, hi int) {
		s := v[lo:hi]
		var a, b, c, d float64
		i := 0
		for ; i+4 <= len(s); i += 4 {
			a += s[i] * 0
			b += s[i+1] * 0
			c += s[i+2] * 0
			d += s[i+3] * 0
		}
		for ; i < len(s); i++ {
			a += s[i] * 0
		}
		if t := a + b + c + d; t == t {
			return
		}
		for _, x := range s {
			if x != x {
				found[p] = true
				return
			}
		}
	})
	for p := range parts {
		if found[p] {
			return true
		}
	}
	return false
}
