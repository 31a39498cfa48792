package periods

import "math"

// Difference returns actual − baseline, the absolute change in the indicator's
// own unit (percentage points for a percentage). It is NaN (null) when
// either figure is NaN.
func Difference(baseline, actual float64) float64 {
	return actual - baseline
}

// RelativeDifference returns (actual − baseline) / |baseline|, the change as a
// fraction of the baseline (0.25 is +25 %). Dividing by |baseline| keeps the
// sign of the change for a negative baseline. It is NaN (null) when the
// baseline is 0 or either figure is NaN or infinite.
func RelativeDifference(baseline, actual float64) float64 {
	if !finite(baseline) || !finite(actual) || baseline == 0 {
		return math.NaN()
	}
	return (actual - baseline) / math.Abs(baseline)
}

// CAGR returns the compound annual growth rate from a baseline of year
// baselineYear to a figure of a later year:
//
//	(actual / baseline)^(1 / (actualYear − baselineYear)) − 1
//
// as a fraction (0.05 is 5 % a year). It is NaN (null) when the years are
// equal or the figure's year is earlier (no span to grow over), when the
// baseline is ≤ 0 (no growth factor from zero or a negative), when the
// figure is negative (no real root), or when either figure is NaN or
// infinite. A figure of 0 after a positive baseline gives −1 (−100 %).
func CAGR(baseline float64, baselineYear int, actual float64, actualYear int) float64 {
	span := actualYear - baselineYear
	if span <= 0 || !finite(baseline) || !finite(actual) || baseline <= 0 || actual < 0 {
		return math.NaN()
	}
	return math.Pow(actual/baseline, 1/float64(span)) - 1
}

// Gap returns actual − target, in the indicator's unit: negative when the
// result falls short of a higher target. It is NaN (null) when either
// figure is NaN. The arguments come in the order of Met's: the result,
// then what it is measured against.
func Gap(actual, target float64) float64 {
	return actual - target
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Figure is one figure as a source states it: a value, the comparator the
// wording gives it ("=", ">=", ">", "<=", "<"; "" is "=") and, for a range
// ("10-20%", "5-7%"), the upper end. Upper counts only when it is greater
// than Value: leave it 0 (or NaN) for a single figure.
type Figure struct {
	Value      float64
	Upper      float64
	Comparator string
}

// interval is the set of values a figure allows: from lo to hi, each end
// open or closed; ±Inf for an unbounded side.
type interval struct {
	lo, hi         float64
	loOpen, hiOpen bool
}

// allowed returns the values an actual figure allows: "=" v is v (or the
// range v..Upper), ">=" v is [v, Upper or ∞), ">" v is (v, Upper or ∞),
// "<=" v is (−∞, v], "<" v is (−∞, v). ok is false for another comparator.
func (f Figure) allowed() (iv interval, ok bool) {
	hi := math.Inf(1)
	if f.Upper > f.Value {
		hi = f.Upper
	}
	switch f.Comparator {
	case "", "=":
		if f.Upper > f.Value {
			return interval{lo: f.Value, hi: f.Upper}, true
		}
		return interval{lo: f.Value, hi: f.Value}, true
	case ">=":
		return interval{lo: f.Value, hi: hi}, true
	case ">":
		return interval{lo: f.Value, hi: hi, loOpen: true}, true
	case "<=":
		return interval{lo: math.Inf(-1), hi: f.Value}, true
	case "<":
		return interval{lo: math.Inf(-1), hi: f.Value, hiOpen: true}, true
	}
	return interval{}, false
}

// Met reports whether the actual figure meets the target. known is false
// when the answer cannot be told: a value is NaN, a comparator is not one
// of "", "=", ">=", ">", "<=", "<", or the actual figure, being a bound or
// a range, allows values on both sides of the target.
//
// The target's region is x ≥ t for "=" and ">=" (the plans state targets as
// levels to reach; see the package documentation), x > t for ">", x ≤ t for
// "<=" and x < t for "<"; a target range is reached at its lower end. The
// actual figure allows the values described at Figure: "= 90" only 90,
// "> 90" anything above 90, "5-7" anything from 5 to 7. Met is true when all
// of them lie in the region, false when none does. No tolerance is applied.
//
// Examples: 92.27 against ">= 90" is met; 88.11 against "= 30" is met;
// 60 against "> 90" is not; "> 90" against ">= 90" is met; "5-6" against
// "= 8" is not; "> 50" against "= 70" is unknown.
func Met(actual, target Figure) (met, known bool) {
	if math.IsNaN(actual.Value) || math.IsNaN(target.Value) {
		return false, false
	}
	iv, ok := actual.allowed()
	if !ok {
		return false, false
	}
	t := target.Value
	switch target.Comparator {
	case "", "=", ">=", ">":
		open := target.Comparator == ">"
		// every allowed value ≥ t (> t when open)
		if iv.lo > t || (iv.lo == t && (!open || iv.loOpen)) {
			return true, true
		}
		// no allowed value ≥ t (> t when open)
		if iv.hi < t || (iv.hi == t && (open || iv.hiOpen)) {
			return false, true
		}
	case "<=", "<":
		open := target.Comparator == "<"
		if iv.hi < t || (iv.hi == t && (!open || iv.hiOpen)) {
			return true, true
		}
		if iv.lo > t || (iv.lo == t && (open || iv.loOpen)) {
			return false, true
		}
	}
	return false, false
}
