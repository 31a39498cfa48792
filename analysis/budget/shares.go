package budget

import (
	"math"

	"github.com/ictplan/ictplan/frame"
)

// phaseVI is the phase in Vietnamese, for titles.
func phaseVI(phase string) string {
	switch phase {
	case Planned:
		return " (được giao theo kế hoạch)"
	case Spent:
		return " (đã thực hiện)"
	}
	return ""
}

// Total returns the amount of all of f's rows at a phase: the sum of the row
// amounts (see the package documentation). It is NaN when any part is null
// (an unknown part makes the total unknown) and 0 for a Frame without rows.
// A Frame without amount columns for the phase is an error.
func Total(f *frame.Frame, phase string) (float64, error) {
	v, err := rowAmounts(f, phase)
	if err != nil {
		return math.NaN(), err
	}
	return sum(v, allRows(len(v))), nil
}

// sharesByPillar returns one row per pillar (row of f, in f's order) with
// its amount at the phase and its share of the total:
//
//	amount_mvnd = Σ sources of the pillar (or its row amount)
//	share       = amount_mvnd / Σ amount_mvnd of all pillars
//
// Columns: pillar_no, pillar, pillar_key (the English key from the
// pillar_keys metadata; null when there is none), amount_mvnd, share,
// source_line. A null cell makes the pillar's amount null, and then the
// total and every share are null; a total of 0 makes every share null.
// f needs pillar_no (int64) and pillar (text) columns; an empty f gives an
// empty Frame.
func sharesByPillar(f *frame.Frame, phase string) (*frame.Frame, error) {
	p, err := readPillars(f)
	if err != nil {
		return nil, err
	}
	amount, err := rowAmounts(f, phase)
	if err != nil {
		return nil, err
	}
	total := sum(amount, allRows(len(amount)))
	ls := lines(f)
	rows := make([][]any, len(amount))
	for i, a := range amount {
		rows[i] = []any{p.noValue(i), p.name[i], p.key[i], num(a), num(ratio(a, total)), lineValue(ls[i])}
	}
	meta := outMeta("Shares(ByPillar)", "amount_mvnd = sum of the pillar's "+phaseName(phase)+" source columns; share = amount_mvnd / sum over pillars (null if the total is 0 or unknown)",
		"Tỷ trọng kinh phí theo lĩnh vực"+phaseVI(phase), f)
	meta[MetaPhase] = phase
	return build(f, meta, []frame.FieldSpec{specPillarNo, specPillar, specPillarKey, specAmount, specShare, specSourceLine}, rows)
}

// sharesBySource returns one row per funding source with its amount at the
// phase and its share of the total:
//
//	amount_mvnd = Σ over the rows of f of the source's column
//	share       = amount_mvnd / Σ amount_mvnd of all sources
//
// Sources are the columns <phase>_<source>_mvnd (<source>_mvnd for NoPhase)
// in column order; source_vi is the column's Vietnamese label without the
// heading all the labels share. A Frame in row form (a text column source
// and a row amount <phase>_mvnd, as soctrang-2023-dx-funding) gives one row
// per row of f, keyed by the metadata source_keys, with source_vi as
// written. Columns: source, source_vi, amount_mvnd, share, source_lines
// (the lines of the rows added). Nulls: a null cell makes its source's
// amount null, and then the total and every share are null; a total of 0
// makes every share null.
func sharesBySource(f *frame.Frame, phase string) (*frame.Frame, error) {
	if err := checkPhase(phase); err != nil {
		return nil, err
	}
	ls := lines(f)
	type src struct {
		key, label string
		amount     float64
		idx        []int
	}
	var srcs []src
	if cols := columnSources(f, phase); len(cols) > 0 {
		all := allRows(f.NumRows())
		for _, c := range cols {
			srcs = append(srcs, src{c.key, c.labelVI, sum(c.values, all), all})
		}
	} else {
		keys, labels, err := rowFormSources(f)
		if err != nil {
			return nil, err
		}
		amount, err := rowAmounts(f, phase)
		if err != nil {
			return nil, err
		}
		for i := range keys {
			srcs = append(srcs, src{keys[i], labels[i], amount[i], []int{i}})
		}
	}
	total := 0.0
	for _, s := range srcs {
		total += s.amount
	}
	rows := make([][]any, len(srcs))
	for i, s := range srcs {
		rows[i] = []any{s.key, s.label, num(s.amount), num(ratio(s.amount, total)), joinLines(ls, s.idx)}
	}
	meta := outMeta("Shares(BySource)", "amount_mvnd = sum over rows of the source's "+phaseName(phase)+" column; share = amount_mvnd / sum over sources (null if the total is 0 or unknown)",
		"Tỷ trọng kinh phí theo nguồn vốn"+phaseVI(phase), f)
	meta[MetaPhase] = phase
	return build(f, meta, []frame.FieldSpec{specSource, specSourceVI, specAmount, specShare, specSourceLines}, rows)
}

// sharesByPillarSource is the long form for stacked bars: one row per
// pillar × source (pillar-major, in f's row order then column order) with
// the amount and two shares:
//
//	share_of_pillar = amount_mvnd / amount of the pillar (all its sources)
//	share_of_total  = amount_mvnd / amount of all pillars and sources
//
// Columns: pillar_no, pillar, pillar_key, source, source_vi, amount_mvnd,
// share_of_pillar, share_of_total, source_line. Every pair is listed, zero
// amounts included. Nulls: a null cell is a null amount; it makes its
// pillar's shares and every share_of_total null; a zero denominator gives
// a null share. f needs pillar_no and pillar and source columns
// (<phase>_<source>_mvnd).
func sharesByPillarSource(f *frame.Frame, phase string) (*frame.Frame, error) {
	if err := checkPhase(phase); err != nil {
		return nil, err
	}
	p, err := readPillars(f)
	if err != nil {
		return nil, err
	}
	cols := columnSources(f, phase)
	if len(cols) == 0 {
		return nil, errNoSources(f, phase)
	}
	pillarAmount, _ := rowAmounts(f, phase)
	total := sum(pillarAmount, allRows(len(pillarAmount)))
	ls := lines(f)
	var rows [][]any
	for i := range p.no {
		for _, c := range cols {
			a := c.values[i]
			rows = append(rows, []any{p.noValue(i), p.name[i], p.key[i], c.key, c.labelVI, num(a),
				num(ratio(a, pillarAmount[i])), num(ratio(a, total)), lineValue(ls[i])})
		}
	}
	meta := outMeta("Shares(ByPillarSource)", "share_of_pillar = amount_mvnd / sum of the pillar's "+phaseName(phase)+" sources; share_of_total = amount_mvnd / sum of all pillars and sources (null if the denominator is 0 or unknown)",
		"Kinh phí theo lĩnh vực và nguồn vốn"+phaseVI(phase), f)
	meta[MetaPhase] = phase
	return build(f, meta, []frame.FieldSpec{specPillarNo, specPillar, specPillarKey, specSource, specSourceVI, specAmount,
		{Name: "share_of_pillar", Kind: frame.Float64, LabelVI: "Tỷ trọng trong kinh phí của lĩnh vực", Unit: "ratio"},
		{Name: "share_of_total", Kind: frame.Float64, LabelVI: "Tỷ trọng trong tổng kinh phí", Unit: "ratio"},
		specSourceLine}, rows)
}
