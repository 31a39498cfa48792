// Package periods links the figures of one indicator across years —
// baseline, target and actual — and measures the way between them: absolute
// and relative change, compound annual growth, the gap to a target and
// whether the target was met.
//
// It reads any Frame shaped like the vn-dx-indicators dataset (one figure per
// province × indicator × level × year × kind) and returns Frames: Compare
// gives one row per province × indicator × level × year with the linked
// figures side by side, Outlook each target against the latest result of an
// earlier year (a plan's 2024 targets against its 2023 results), Attainment
// each target against the results of its year or later (was the 2015 target
// reached, and by which result), Series the figures of one indicator in year
// order for a line chart with its targets. Every figure keeps its source
// file and line, its comparator (=, >=, >) and whether the text called it
// approximate ("khoảng 69%").
//
// # Linking
//
// Figures link by their key: province, indicator and level. For each year
// that has a target or an actual figure, Compare pairs the target and the
// actual of that same year (never a target of another year: Compare does not
// take the 2015 target of a measure as the yardstick of its 2023 result) and
// takes as baseline the latest baseline of a year not after it. A figure
// that finds no partner stays visible in a row of its own: a target without
// result, a result without target, a baseline no later figure uses. Two
// functions look across years: Outlook from a result to the targets that
// follow it, Attainment from a target to the results of its year and after
// (the 2015 target to the 2023 result: met, 8 years late).
//
// A figure stated twice for the same key, year and kind (the text repeats
// itself) is used once: the first in the input's row order, which for the
// catalogue's datasets is document order. The other statements are listed
// in the row (baseline_restated, target_restated, actual_restated) and
// restated_differ flags a repetition with another value.
//
// # Formulas
//
// With b the baseline of year yb, t the target and a the actual of year y,
// all in the indicator's own unit (percentage points for a percentage):
//
//	change              = a − b
//	change_percent      = 100 × (a − b) / |b|                null if b = 0
//	cagr_percent        = 100 × ((a / b)^(1/(y − yb)) − 1)   null if y ≤ yb, b ≤ 0 or a < 0
//	target_cagr_percent = the same with t for a              (the yearly growth the target required)
//	gap                 = a − t
//
// A missing figure (or a null value) makes every measure that uses it null,
// never 0. Figures are used as written: a bound ("trên 90%", "tối thiểu 50%")
// or the lower end of a range ("10-20%") stands for the figure, and the
// comparator columns say which it was.
//
// # Met
//
// A target is met when every value the actual figure allows lies in the
// target's region, not met when none does, and undetermined (null) when the
// figures, being bounds or ranges, allow both. The regions are x ≥ t for
// ">=", x > t for ">", x ≤ t for "<=", x < t for "<", and x ≥ t for "=":
// the plans state their targets as levels to reach ("đạt 80%", "100% cơ
// quan …", "mục tiêu năm 2023 là 70%"), and the 2024 draft itself reports a
// result above such a target (88,11% of adults with a payment account
// against a 2023 target of 30%, line 276) as an achievement, not a miss. A
// target range ("10-20%") is reached at its lower end. No tolerance is
// applied: figures are compared as the sources write them. See Met.
//
// The package computes; it does not judge sources. It is not a forecasting
// tool (no interpolation between years) and never fills a missing figure.
package periods
