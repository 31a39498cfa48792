package periods

import (
	"math"

	"github.com/ictplan/ictplan/frame"
)

// Attainment sets each target against the results of the same province ×
// indicator × level of its year or later and tells whether, and by which
// result, the target was reached: the 2015 target of 70% of documents
// exchanged electronically (line 169 of the 2010 plan) against the 87% the
// 2024 draft reports for 2023 (line 154) is met, 8 years late. It
// complements Compare, which pairs a target only with the result of its own
// year, and Outlook, which looks from a result forward to later targets. The
// input is read as by Compare.
//
// The result a row uses answers "was the target reached, and by when do we
// know": of the results of year ≥ y, in year order, it is the first that
// meets the target (Met true); failing that, the first whose figures leave
// the answer open (a bound, a range or a null value: Met unknown), the
// earliest year the target may have been reached; failing that, the latest
// result, which says the target is still not met as of its year. A result
// that meets the target and a later one that falls back below it give
// met_*: Series shows the whole course. results counts the result years
// looked at, so that a not_met resting on one result can be told from one
// resting on several.
//
// With t the target of year y and a the result used, of year ya ≥ y:
//
//	years_late = ya − y                  (0: the target year's own result)
//	gap        = a − t                   (the same as Compare's gap)
//	met        = Met(a, t)               null when undetermined
//	status     = met_on_time   met and ya = y
//	             met_later     met and ya > y
//	             not_met       every result of year ≥ y falls short
//	             undetermined  none meets, one at least leaves it open
//	             no_result     no result of year ≥ y
//
// One row per key × target year, by key in order of first appearance, then
// year. Columns: province, indicator, level, label_vi, label_en, unit,
// year (of the target), the target_* figure columns of Compare (value,
// upper, comparator, approximate, file, line, restated), actual_year and
// the actual_* figure columns of the result used, years_late, gap, met,
// status and results. A target with no result of its year or later keeps its
// row with the actual columns, years_late, gap and met null and results 0.
//
// An empty input gives an empty Frame with these columns. Data problems are
// returned together as an error wrapping ErrInput, as by Compare. The result
// is built with the input's allocator; the caller releases it.
func Attainment(f *frame.Frame) (*frame.Frame, error) {
	ms, err := measuresOf(f)
	if err != nil {
		return nil, err
	}
	t := newTable(f, provenance(f,
		"Mục tiêu so với kết quả cùng năm hoặc các năm sau",
		"Targets against the results of their year or later",
		"periods.Attainment: each target against the actuals of the same key of its year or later; "+
			"the first actual that meets the target, else the first that leaves it undetermined, else the latest; "+
			"years_late = actual_year - year; gap = actual - target; "+
			"met: '=' and '>=' targets reached at x >= target, '>' at x > target; no tolerance"),
		attainmentFields())
	for _, m := range ms {
		actuals := m.kinds[KindActual]
		aYears := years(actuals)
		for _, y := range years(m.kinds[KindTarget]) {
			target := m.kinds[KindTarget][y]
			var later []*statement
			for _, ya := range aYears {
				if ya >= y {
					later = append(later, actuals[ya])
				}
			}
			used, met, known := attained(target.first.asFigure(), later)
			writeAttainment(t, m, y, target, used, met, known, len(later))
		}
	}
	return t.frame()
}

// attained picks the result that answers for the target among results in
// year order (see Attainment): the first that meets it, else the first that
// leaves it open, else the last. It is nil when there are no results.
func attained(target Figure, results []*statement) (used *statement, met, known bool) {
	var open *statement
	for _, r := range results {
		m, k := Met(r.first.asFigure(), target)
		if k && m {
			return r, true, true
		}
		if !k && open == nil {
			open = r
		}
	}
	if open != nil {
		return open, false, false
	}
	if len(results) == 0 {
		return nil, false, false
	}
	return results[len(results)-1], false, true
}

func attainmentFields() []frame.FieldSpec {
	specs := append(keyFields(), frame.FieldSpec{Name: "year", Kind: frame.Int64, LabelVI: "Năm mục tiêu", Unit: "year"})
	specs = append(specs, figureFields("target", "Mục tiêu")...)
	specs = append(specs, frame.FieldSpec{Name: "actual_year", Kind: frame.Int64, LabelVI: "Năm của kết quả dùng để đối chiếu", Unit: "year"})
	specs = append(specs, figureFields("actual", "Kết quả (cùng năm hoặc năm sau)")...)
	return append(specs,
		frame.FieldSpec{Name: "years_late", Kind: frame.Int64, LabelVI: "Số năm sau năm mục tiêu", Unit: "year",
			Extra: map[string]string{frame.MetaDescription: "actual_year - year; 0 for the target year's own result"}},
		frame.FieldSpec{Name: "gap", Kind: frame.Float64, LabelVI: "Chênh lệch kết quả so với mục tiêu", Extra: inUnit},
		frame.FieldSpec{Name: "met", Kind: frame.Bool, LabelVI: "Đạt mục tiêu"},
		frame.FieldSpec{Name: "status", Kind: frame.String, LabelVI: "Tình trạng"},
		frame.FieldSpec{Name: "results", Kind: frame.Int64, LabelVI: "Số năm có kết quả từ năm mục tiêu", Unit: "count"},
	)
}

func writeAttainment(t *table, m *measure, y int, target, used *statement, met, known bool, results int) {
	writeKey(t, m)
	t.whole("year", int64(y), true)
	writeStatement(t, "target", target)
	writeStatement(t, "actual", used)
	status := StatusNoResult
	if used == nil {
		t.whole("actual_year", 0, false)
		t.whole("years_late", 0, false)
		t.num("gap", math.NaN())
	} else {
		ya := used.first.year
		t.whole("actual_year", int64(ya), true)
		t.whole("years_late", int64(ya-y), true)
		t.num("gap", Gap(used.first.value, target.first.value))
		switch {
		case !known:
			status = StatusUndetermined
		case met && ya == y:
			status = StatusMetOnTime
		case met:
			status = StatusMetLater
		default:
			status = StatusNotMet
		}
	}
	t.flag("met", met, known)
	t.str("status", string(status), true)
	t.whole("results", int64(results), true)
}
