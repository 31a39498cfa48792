package periods

import (
	"math"
	"sort"

	"github.com/ictplan/ictplan/frame"
)

// Outlook sets each target against the latest figure of an earlier year of
// the same province × indicator × level — a result, or a baseline (the
// situation a plan states for its year is a measured figure as a result
// is; of one year the result is preferred): where a plan starts from and
// how far it aims (the 2015 target of 90% computers per civil servant
// against the 69% of 2010; the 2024 targets against the 2023 results). It
// complements Compare, which pairs a target only with the result of its own
// year. The input is read as by Compare.
//
// With a the latest result, of year ya < y, and t the target of year y:
//
//	to_go                  = t − a                              (≤ 0: already there)
//	required_cagr_percent  = 100 × ((t / a)^(1/(y − ya)) − 1)   null if a ≤ 0 or t < 0
//	reached                = Met(a, t)                          null when undetermined
//
// One row per key × target year, by key in order of first appearance, then
// year. Columns: province, indicator, level, label_vi, label_en, unit,
// year (of the target), the target_* and last_actual_* figure columns of
// Compare (value, upper, comparator, approximate, file, line, restated),
// last_actual_year, last_actual_kind (actual or baseline), to_go,
// required_cagr_percent, reached and status
// (reached, to_go, unknown, no_result). A target with no earlier result
// keeps its row with the last_actual columns null.
func Outlook(f *frame.Frame) (*frame.Frame, error) {
	ms, err := measuresOf(f)
	if err != nil {
		return nil, err
	}
	t := newTable(f, provenance(f,
		"Mục tiêu so với kết quả gần nhất trước đó",
		"Targets against the latest earlier result",
		"periods.Outlook: each target against the latest actual of an earlier year of the same key; "+
			"to_go = target - actual; required_cagr_percent = 100 ((target/actual)^(1/(year - actual_year)) - 1); "+
			"reached: '=' and '>=' targets reached at x >= target, '>' at x > target; no tolerance"),
		outlookFields())
	for _, m := range ms {
		actuals, kind := map[int]*statement{}, map[int]string{}
		for _, k := range []string{KindBaseline, KindActual} { // of one year, the result
			for y, st := range m.kinds[k] {
				actuals[y], kind[y] = st, k
			}
		}
		aYears := years(actuals)
		for _, y := range years(m.kinds[KindTarget]) {
			target := m.kinds[KindTarget][y]
			var last *statement
			lastKind := ""
			if i := sort.SearchInts(aYears, y) - 1; i >= 0 {
				last, lastKind = actuals[aYears[i]], kind[aYears[i]]
			}
			writeOutlook(t, m, y, target, last, lastKind)
		}
	}
	return t.frame()
}

func outlookFields() []frame.FieldSpec {
	specs := append(keyFields(), frame.FieldSpec{Name: "year", Kind: frame.Int64, LabelVI: "Năm mục tiêu", Unit: "year"})
	specs = append(specs, figureFields("target", "Mục tiêu")...)
	specs = append(specs, frame.FieldSpec{Name: "last_actual_year", Kind: frame.Int64, LabelVI: "Năm của số liệu gần nhất", Unit: "year"},
		frame.FieldSpec{Name: "last_actual_kind", Kind: frame.String, LabelVI: "Loại số liệu gần nhất (kết quả, hiện trạng)"})
	specs = append(specs, figureFields("last_actual", "Số liệu gần nhất trước đó")...)
	return append(specs,
		frame.FieldSpec{Name: "to_go", Kind: frame.Float64, LabelVI: "Còn phải tăng để đạt mục tiêu", Extra: inUnit},
		frame.FieldSpec{Name: "required_cagr_percent", Kind: frame.Float64, LabelVI: "Tăng trưởng bình quân năm cần đạt (%)", Unit: "percent"},
		frame.FieldSpec{Name: "reached", Kind: frame.Bool, LabelVI: "Đã đạt mục tiêu"},
		frame.FieldSpec{Name: "status", Kind: frame.String, LabelVI: "Tình trạng"},
	)
}

func writeOutlook(t *table, m *measure, y int, target, last *statement, lastKind string) {
	writeKey(t, m)
	t.whole("year", int64(y), true)
	writeStatement(t, "target", target)
	a, ya := math.NaN(), 0
	if last != nil {
		a, ya = last.first.value, last.first.year
		t.whole("last_actual_year", int64(ya), true)
		t.str("last_actual_kind", lastKind, true)
	} else {
		t.whole("last_actual_year", 0, false)
		t.str("last_actual_kind", "", false)
	}
	writeStatement(t, "last_actual", last)
	tv := target.first.value
	t.num("to_go", tv-a)
	if last != nil {
		t.num("required_cagr_percent", percent(CAGR(a, ya, tv, y)))
	} else {
		t.num("required_cagr_percent", math.NaN())
	}
	var reached, known bool
	status := StatusNoResult
	if last != nil {
		reached, known = Met(last.first.asFigure(), target.first.asFigure())
		switch {
		case !known:
			status = StatusUndetermined
		case reached:
			status = StatusReached
		default:
			status = StatusToGo
		}
	}
	t.flag("reached", reached, known)
	t.str("status", string(status), true)
}
