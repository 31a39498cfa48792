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
	parallelRows(n, func(_, lo, hi int) {
		divide(dst[lo:hi], num.arr, den.arr, lo, hi)
		if num.arr.NullN() == 0 && den.arr.NullN() == 0 {
			return
		}
		for i := lo; i < hi; i++ {
			if num.arr.IsNull(i) || den.arr.IsNull(i) {
				dst[i-lo] = math.NaN()
			}
		}
	})
	return dst
}

// divide computes rows lo..hi-1 of a/b into out, NaN where b is 0.
func divide(out []float64, a, b any, lo, hi int) {
	switch x := a.(type) {
	case *array.Int64:
		switch y := b.(type) {
		case *array.Int64:
			divideSlices(out, x.Int64Values()[lo:hi], y.Int64Values()[lo:hi])
		case *array.Float64:
			divideSlices(out, x.Int64Values()[lo:hi], y.Float64Values()[lo:hi])
		}
	case *array.Float64:
		switch y := b.(type) {
		case *array.Int64:
			divideSlices(out, x.Float64Values()[lo:hi], y.Int64Values()[lo:hi])
		case *array.Float64:
			divideSlices(out, x.Float64Values()[lo:hi], y.Float64Values()[lo:hi])
		}
	}
}

func divideSlices[N, D int64 | float64](out []float64, num []N, den []D) {
	num = num[:len(out)]
	den = den[:len(out)]
	for i := range out {
		d := float64(den[i])
		if d == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = float64(num[i]) / d
	}
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
