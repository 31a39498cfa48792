package budget

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// Values of the match column of Change.
const (
	MatchBoth     = "both"      // the pillar is in both Frames
	MatchFromOnly = "from_only" // only in the earlier Frame
	MatchToOnly   = "to_only"   // only in the later Frame
)

// Change compares each pillar's budget in two plans, matched by pillar_no:
// from's amount at fromPhase (e.g. soctrang-2023-dx-pillars, Planned) with
// to's at toPhase (e.g. soctrang-2024-dx-pillars, NoPhase):
//
//	change_mvnd  = to_mvnd − from_mvnd
//	change_ratio = change_mvnd / from_mvnd   (0.5 = +50 %)
//
// Amounts are row amounts (the sums of the pillar's source columns).
// A pillar found in one Frame only is kept, with match from_only or to_only
// and the other side, the change and the ratio null; pillars in both have
// match both. Rows follow from's order, then the pillars only in to, in to's
// order. change_ratio is null when from_mvnd is 0 (a pillar that starts from
// nothing has no relative change) or unknown; a null amount makes the change
// null. pillar is from's name (to's when only in to), pillar_to to's name,
// so that a pillar renamed under the same number shows. Columns: pillar_no,
// pillar, pillar_key, pillar_to, match, from_mvnd, to_mvnd, change_mvnd,
// change_ratio, source_line_from, source_line_to. A null or repeated
// pillar_no is an error.
func Change(from *frame.Frame, fromPhase string, to *frame.Frame, toPhase string) (*frame.Frame, error) {
	pf, err := readPillars(from)
	if err != nil {
		return nil, err
	}
	pt, err := readPillars(to)
	if err != nil {
		return nil, err
	}
	af, err := rowAmounts(from, fromPhase)
	if err != nil {
		return nil, err
	}
	at, err := rowAmounts(to, toPhase)
	if err != nil {
		return nil, err
	}
	lf, lt := lines(from), lines(to)
	idxFrom, err := pillarIndex(from, pf, lf)
	if err != nil {
		return nil, err
	}
	idxTo, err := pillarIndex(to, pt, lt)
	if err != nil {
		return nil, err
	}
	var rows [][]any
	for i, no := range pf.no {
		j, ok := idxTo[no]
		if !ok {
			rows = append(rows, []any{no, pf.name[i], pf.key[i], nil, MatchFromOnly, num(af[i]), nil, nil, nil, lineValue(lf[i]), nil})
			continue
		}
		key := pf.key[i]
		if key == nil {
			key = pt.key[j]
		}
		d := at[j] - af[i]
		rows = append(rows, []any{no, pf.name[i], key, pt.name[j], MatchBoth, num(af[i]), num(at[j]), num(d), num(ratio(d, af[i])), lineValue(lf[i]), lineValue(lt[j])})
	}
	for j, no := range pt.no {
		if _, ok := idxFrom[no]; !ok {
			rows = append(rows, []any{no, pt.name[j], pt.key[j], pt.name[j], MatchToOnly, nil, num(at[j]), nil, nil, nil, lineValue(lt[j])})
		}
	}
	fromLabel, toLabel := periodLabel(from, fromPhase), periodLabel(to, toPhase)
	meta := outMeta("Change", "pillars matched by pillar_no; change_mvnd = to_mvnd - from_mvnd; change_ratio = change_mvnd / from_mvnd (null if from_mvnd is 0 or unknown)",
		"Thay đổi kinh phí theo lĩnh vực: "+fromLabel+" → "+toLabel, from, to)
	meta["from_phase"], meta["to_phase"] = fromPhase, toPhase
	specs := []frame.FieldSpec{specPillarNo, specPillar, specPillarKey,
		{Name: "pillar_to", Kind: frame.String, LabelVI: "Tên lĩnh vực trong kế hoạch sau"},
		{Name: "match", Kind: frame.String, LabelVI: "Có trong: both (cả hai), from_only (kỳ trước), to_only (kỳ sau)"},
		{Name: "from_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí " + fromLabel, Unit: "million_vnd"},
		{Name: "to_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí " + toLabel, Unit: "million_vnd"},
		{Name: "change_mvnd", Kind: frame.Float64, LabelVI: "Tăng (+) / giảm (−)", Unit: "million_vnd"},
		{Name: "change_ratio", Kind: frame.Float64, LabelVI: "Tăng / giảm so với kỳ trước (tỷ lệ)", Unit: "ratio"},
		{Name: "source_line_from", Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn (kỳ trước)"},
		{Name: "source_line_to", Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn (kỳ sau)"},
	}
	return build(from, meta, specs, rows)
}

// pillarIndex maps pillar_no to its row; a null or repeated number is an
// error naming the row's source line.
func pillarIndex(f *frame.Frame, p pillars, ls []int64) (map[int64]int, error) {
	idx := make(map[int64]int, len(p.no))
	for i, no := range p.no {
		if !p.valid[i] {
			return nil, fmt.Errorf("budget: %s: row %d (source line %d) has no pillar_no: pillars are matched by number", describe(f), i+1, ls[i])
		}
		if j, dup := idx[no]; dup {
			return nil, fmt.Errorf("budget: %s: pillar_no %d appears twice (source lines %d and %d)", describe(f), no, ls[j], ls[i])
		}
		idx[no] = i
	}
	return idx, nil
}

// periodLabel names a Frame's amounts in a column label: its period (schema
// metadata) and phase, e.g. "2023 (được giao theo kế hoạch)".
func periodLabel(f *frame.Frame, phase string) string {
	p := f.Meta(frame.MetaPeriod)
	if p == "" {
		p = describe(f)
	}
	return p + phaseVI(phase)
}
