// Package approx is the library's one rule for "equal up to rounding",
// used wherever a figure of a source is checked against one computed from
// other figures: totals against their rows, reported ratios against their
// parts, subtotals against their items, ranks that tie.
//
// A figure written with d decimals stands for anything within half a unit
// of its last decimal (HalfUnit); the computation adds float64 rounding of
// decimal figures on top, which Equal allows as a slack of 1e-9 of the
// larger magnitude (at least 1).
//
// gonum's floats/scalar.EqualWithinAbsOrRel is not this rule: it accepts a
// difference within the absolute tolerance OR within a relative one, so a
// difference of 0.010000000000000009 against a tolerance of 0.01 (0.5 −
// 0.49 in float64) fails it, while a figure rounded to 0.01 must pass.
package approx

import (
	"math"
	"strconv"
	"strings"
)

// Slack is the relative allowance for float64 rounding in Equal.
const Slack = 1e-9

// Equal reports whether |a−b| ≤ tol + Slack·max(1, |a|, |b|). With tol 0 it
// is equality up to float64 rounding. NaN is equal to nothing.
func Equal(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol+Slack*max(1, math.Abs(a), math.Abs(b))
}

// HalfUnit is the rounding tolerance of a figure written with d decimals:
// 0.5 for a whole number, 0.005 for two decimals.
func HalfUnit(d int) float64 { return 0.5 * math.Pow10(-d) }

// Decimals is the number of decimals the shortest form of v shows (0 for
// NaN and infinities).
func Decimals(v float64) int {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// MaxDecimals is the largest Decimals of the values: the precision a column
// of reported figures is written with, taken from its most precise cell.
func MaxDecimals(v []float64) int {
	d := 0
	for _, x := range v {
		d = max(d, Decimals(x))
	}
	return d
}
