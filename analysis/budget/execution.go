package budget

import (
	"math"

	"github.com/ictplan/ictplan/frame"
)

const rateMethod = "rate = spent_mvnd / planned_mvnd (a ratio, 1 = all spent); null when planned_mvnd is 0 or either amount is unknown"

// executionByPillar returns, for each pillar (row of f, in order), the
// planned and spent amounts (the sums of its planned_<source>_mvnd and
// spent_<source>_mvnd columns) and the execution rate:
//
//	rate = spent_mvnd / planned_mvnd
//
// a ratio (0.84375, not 84.4). The rate is null when planned_mvnd is 0
// (nothing was planned: spending against it has no rate) or when either
// amount is null; an amount is null when any of its cells is. Columns:
// pillar_no, pillar, pillar_key, planned_mvnd, spent_mvnd, rate,
// source_line.
func executionByPillar(f *frame.Frame) (*frame.Frame, error) {
	p, err := readPillars(f)
	if err != nil {
		return nil, err
	}
	planned, spent, err := plannedAndSpent(f)
	if err != nil {
		return nil, err
	}
	ls := lines(f)
	rows := make([][]any, len(planned))
	for i := range planned {
		rows[i] = []any{p.noValue(i), p.name[i], p.key[i], num(planned[i]), num(spent[i]), num(ratio(spent[i], planned[i])), lineValue(ls[i])}
	}
	meta := outMeta("Execution(ByPillar)", "planned_mvnd, spent_mvnd = sums of the pillar's planned_/spent_ source columns; "+rateMethod,
		"Tỷ lệ thực hiện kinh phí theo lĩnh vực", f)
	return build(f, meta, []frame.FieldSpec{specPillarNo, specPillar, specPillarKey, specPlanned, specSpent, specRate, specSourceLine}, rows)
}

// plannedAndSpent returns the planned and the spent amount of every row of
// f (see rowAmounts).
func plannedAndSpent(f *frame.Frame) (planned, spent []float64, err error) {
	if planned, err = rowAmounts(f, Planned); err != nil {
		return nil, nil, err
	}
	if spent, err = rowAmounts(f, Spent); err != nil {
		return nil, nil, err
	}
	return planned, spent, nil
}

// executionSources pairs the planned and spent columns of each source:
// planned sources in column order, then sources only spent; a side with no
// column is all null.
func executionSources(f *frame.Frame) (keys, labels []string, planned, spent [][]float64) {
	ps, ss := columnSources(f, Planned), columnSources(f, Spent)
	nulls := make([]float64, f.NumRows())
	for i := range nulls {
		nulls[i] = math.NaN()
	}
	spentOf := map[string][]float64{}
	for _, s := range ss {
		spentOf[s.key] = s.values
	}
	seen := map[string]bool{}
	for _, s := range ps {
		keys, labels, planned = append(keys, s.key), append(labels, s.labelVI), append(planned, s.values)
		if v, ok := spentOf[s.key]; ok {
			spent = append(spent, v)
		} else {
			spent = append(spent, nulls)
		}
		seen[s.key] = true
	}
	for _, s := range ss {
		if !seen[s.key] {
			keys, labels, planned, spent = append(keys, s.key), append(labels, s.labelVI), append(planned, nulls), append(spent, s.values)
		}
	}
	return keys, labels, planned, spent
}

// executionBySource returns, for each funding source, the planned and spent
// amounts over all rows of f and the execution rate
//
//	rate = Σ spent / Σ planned
//
// (a ratio; the rate of the sums, not a mean of the rows' rates). Sources
// are the columns planned_<source>_mvnd and spent_<source>_mvnd paired by
// source (a source with only one of them has the other null). A Frame in
// row form (source, planned_mvnd, spent_mvnd, as soctrang-2023-dx-funding)
// gives one row per row of f, keyed by the metadata source_keys, and keeps
// its rate_percent_reported next to the recomputed rate, as reported.
// Columns: source, source_vi, planned_mvnd, spent_mvnd, rate,
// [rate_percent_reported,] source_lines. The rate is null when planned is
// 0 or either amount is null; a null cell makes its sum null.
func executionBySource(f *frame.Frame) (*frame.Frame, error) {
	ls := lines(f)
	specs := []frame.FieldSpec{specSource, specSourceVI, specPlanned, specSpent, specRate}
	var rows [][]any
	if keys, labels, planned, spent := executionSources(f); len(keys) > 0 {
		all := allRows(f.NumRows())
		for i := range keys {
			pl, sp := sum(planned[i], all), sum(spent[i], all)
			rows = append(rows, []any{keys[i], labels[i], num(pl), num(sp), num(ratio(sp, pl)), joinLines(ls, all)})
		}
	} else {
		keys, labels, err := rowFormSources(f)
		if err != nil {
			return nil, err
		}
		planned, spent, err := plannedAndSpent(f)
		if err != nil {
			return nil, err
		}
		var reported []float64
		if c, err := f.Column(colReported); err == nil && c.Kind().Numeric() {
			reported = c.Float64s()
			specs = append(specs, specReported)
		}
		for i := range keys {
			r := []any{keys[i], labels[i], num(planned[i]), num(spent[i]), num(ratio(spent[i], planned[i]))}
			if reported != nil {
				r = append(r, num(reported[i]))
			}
			rows = append(rows, append(r, joinLines(ls, []int{i})))
		}
	}
	specs = append(specs, specSourceLines)
	meta := outMeta("Execution(BySource)", "planned_mvnd, spent_mvnd = sums over rows of the source's planned_/spent_ columns (or the row's own, in row form); "+rateMethod,
		"Tỷ lệ thực hiện kinh phí theo nguồn vốn", f)
	return build(f, meta, specs, rows)
}

// executionByPillarSource is the long form of planned against spent: one
// row per pillar × source (pillar-major) with
//
//	rate = spent_<source>_mvnd / planned_<source>_mvnd
//
// Columns: pillar_no, pillar, pillar_key, source, source_vi, planned_mvnd,
// spent_mvnd, rate, source_line. Every pair is listed, zeros included; the
// rate is null when planned is 0 or either cell is null.
func executionByPillarSource(f *frame.Frame) (*frame.Frame, error) {
	p, err := readPillars(f)
	if err != nil {
		return nil, err
	}
	keys, labels, planned, spent := executionSources(f)
	if len(keys) == 0 {
		return nil, errNoSources(f, Planned)
	}
	ls := lines(f)
	var rows [][]any
	for i := range p.no {
		for s := range keys {
			pl, sp := planned[s][i], spent[s][i]
			rows = append(rows, []any{p.noValue(i), p.name[i], p.key[i], keys[s], labels[s], num(pl), num(sp), num(ratio(sp, pl)), lineValue(ls[i])})
		}
	}
	meta := outMeta("Execution(ByPillarSource)", rateMethod, "Kinh phí được giao và đã thực hiện theo lĩnh vực và nguồn vốn", f)
	return build(f, meta, []frame.FieldSpec{specPillarNo, specPillar, specPillarKey, specSource, specSourceVI, specPlanned, specSpent, specRate, specSourceLine}, rows)
}
