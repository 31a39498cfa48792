package checks

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
	"github.com/ictplan/ictplan/vntext"
)

// The DTI reference data (vn-dti, vn-dti-years): each PDTI against the
// formula of its sub-indices, the ranks against a competition ranking and
// against the scores, and the statements of other pages against the table
// and each other.

func init() {
	byDataset["vn-dti"] = rules{hook: checkDTI}
	byDataset["vn-dti-years"] = rules{hook: checkDTIYears}
}

const dtiSource = "reference/vn-dti.csv"

// Rules of the DTI checks, stable in CSV output.
const (
	// RuleDTIFormula: a published PDTI against the PDTI recomputed from its
	// eight sub-indices (DTIFormula).
	RuleDTIFormula = "index-vs-formula"
	// RuleCompetitionRank: a published rank against 1 + the number of
	// provinces ranked before it (ties share a rank and skip the next ones).
	RuleCompetitionRank = "competition-rank"
	// RuleRankScore: a province's place among the provinces with a published
	// score, by rank against by score.
	RuleRankScore = "rank-vs-score"
)

// dtiScored is a row of a ranking with a score: its subject, source line,
// published rank and score.
type dtiScored struct {
	subject string
	line    int
	rank    int64
	score   float64
}

// rankScorePairs compares, among rows that have a score, each row's place
// by rank with its place by score (both competition ranks within those
// rows). Equal published scores may stand in either order: a place by rank
// between the first and last place the score allows is no finding.
func rankScorePairs(rows []dtiScored) []reconcile.Pair {
	var out []reconcile.Pair
	for _, a := range rows {
		byRank, above, equal := int64(1), 0, 0
		for _, b := range rows {
			if b.rank < a.rank {
				byRank++
			}
			switch {
			case b.score > a.score && !approx.Equal(a.score, b.score, 0):
				above++
			case approx.Equal(a.score, b.score, 0):
				equal++ // a itself included
			}
		}
		lo, hi := int64(above+1), int64(above+equal)
		computed := min(max(byRank, lo), hi)
		place := strconv.FormatInt(lo, 10)
		if hi > lo {
			place += "–" + strconv.FormatInt(hi, 10)
		}
		out = append(out, reconcile.Pair{Rule: RuleRankScore, Subject: a.subject, Column: "rank",
			Reported: float64(byRank), Computed: float64(computed), Line: a.line,
			Detail: fmt.Sprintf("%s: ranked %d, %s; among the %d with a published score, %d by rank and %s by score",
				a.subject, a.rank, frame.FormatVI(a.score, datasets.DTIDecimals), len(rows), byRank, place),
			DetailVI: fmt.Sprintf("%s: hạng %d, điểm %s; trong %d tỉnh có điểm công bố, thứ %d theo hạng nhưng thứ %s theo điểm",
				a.subject, a.rank, frame.FormatVI(a.score, datasets.DTIDecimals), len(rows), byRank, place)})
	}
	return out
}

// checkDTI reconciles vn-dti: each PDTI against DTIFormula of its
// sub-indices; each rank against the competition ranking of all ranks; the
// order of ranks against the order of the published scores.
func checkDTI(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	var pairs []reconcile.Pair
	tol := datasets.DTIFormulaTolerance()
	n := data.NumRows()
	ranks := make([]int64, n)
	var scored []dtiScored
	for i := range n {
		r := data.Row(i)
		ranks[i] = r.Int64("rank")
		subject := r.String("province") + " (" + r.String("code") + ")"
		line := int(r.Int64(frame.ColSourceLine))
		pdti, ok := r.Float64OK("pdti")
		if !ok {
			continue
		}
		scored = append(scored, dtiScored{subject, line, ranks[i], pdti})
		subs := make([]float64, len(datasets.DTISubIndices))
		for j, c := range datasets.DTISubIndices {
			subs[j] = r.Float64(c)
		}
		computed := datasets.DTIFormula(subs)
		if math.IsNaN(computed) {
			continue
		}
		pairs = append(pairs, reconcile.Pair{Rule: RuleDTIFormula, Subject: subject, Column: "pdti",
			Reported: pdti, Computed: computed, Tolerance: tol, Line: line,
			Detail: fmt.Sprintf("published PDTI %s; (100 × (%s) + 200 × %s + 150 × %s + 150 × %s) / 1000 = %s (tolerance ±%s, the rounding of the published figures)",
				frame.FormatVI(pdti, datasets.DTIDecimals), dtiJoin(subs[:5], " + "), frame.FormatVI(subs[5], datasets.DTIDecimals),
				frame.FormatVI(subs[6], datasets.DTIDecimals), frame.FormatVI(subs[7], datasets.DTIDecimals),
				frame.FormatVI(computed, 6), frame.FormatVI(tol, -1)),
			DetailVI: fmt.Sprintf("PDTI công bố %s; (100 × (%s) + 200 × %s + 150 × %s + 150 × %s) / 1000 = %s (sai số cho phép ±%s, do các số công bố được làm tròn)",
				frame.FormatVI(pdti, datasets.DTIDecimals), dtiJoin(subs[:5], " + "), frame.FormatVI(subs[5], datasets.DTIDecimals),
				frame.FormatVI(subs[6], datasets.DTIDecimals), frame.FormatVI(subs[7], datasets.DTIDecimals),
				frame.FormatVI(computed, 6), frame.FormatVI(tol, -1))})
	}
	for i := range n {
		r := data.Row(i)
		before := int64(0)
		for _, x := range ranks {
			if x < ranks[i] {
				before++
			}
		}
		pairs = append(pairs, reconcile.Pair{Rule: RuleCompetitionRank, Subject: r.String("province") + " (" + r.String("code") + ")",
			Column: "rank", Reported: float64(ranks[i]), Computed: float64(before + 1), Line: int(r.Int64(frame.ColSourceLine)),
			Detail:   fmt.Sprintf("published rank %d; %d provinces ranked before it", ranks[i], before),
			DetailVI: fmt.Sprintf("hạng công bố %d; có %d tỉnh xếp trên", ranks[i], before)})
	}
	pairs = append(pairs, rankScorePairs(scored)...)
	return reconcile.Pairs(e.ID, pairs...), nil
}

func dtiJoin(vs []float64, sep string) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = frame.FormatVI(v, datasets.DTIDecimals)
	}
	return strings.Join(s, sep)
}

// dtiStatement is a row of vn-dti-years.
type dtiStatement struct {
	year, outOf int64
	code, name  string
	key         string
	rank        int64
	pdti        float64 // NaN if none
	line        int
}

// checkDTIYears reconciles vn-dti-years: each 2022 statement against
// vn-dti (text-vs-table), the statements of one province and year against
// each other (copies-agree), and within a year's ranking the order of
// ranks against the order of stated scores (rank-vs-score).
func checkDTIYears(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	table, err := datasets.Load("vn-dti")
	if err != nil {
		return reconcile.Report{}, err
	}
	defer table.Release()
	type tableRow struct {
		rank int64
		pdti float64
		line int
	}
	byCode := map[string]tableRow{}
	for i := range table.NumRows() {
		r := table.Row(i)
		byCode[r.String("code")] = tableRow{r.Int64("rank"), r.Float64("pdti"), int(r.Int64(frame.ColSourceLine))}
	}
	var sts []dtiStatement
	for i := range data.NumRows() {
		r := data.Row(i)
		sts = append(sts, dtiStatement{year: r.Int64("year"), outOf: r.Int64("out_of"), code: r.String("code"),
			name: r.String("province"), key: vntext.PlaceKey(r.String("province"), true), rank: r.Int64("rank"),
			pdti: r.Float64("pdti"), line: int(r.Int64(frame.ColSourceLine))})
	}
	subject := func(s dtiStatement) string {
		return fmt.Sprintf("%s, DTI %d (of %d)", s.name, s.year, s.outOf)
	}
	var pairs []reconcile.Pair
	for _, s := range sts {
		if s.year != 2022 || s.outOf != 63 {
			continue
		}
		t, ok := byCode[s.code]
		if !ok {
			return reconcile.Report{}, fmt.Errorf("checks: vn-dti-years:%d: code %s not in vn-dti", s.line, s.code)
		}
		pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleText, Subject: subject(s), Column: "rank",
			Reported: float64(s.rank), Computed: float64(t.rank), Line: s.line,
			Detail:   fmt.Sprintf("stated rank %d; vn-dti (%s:%d) ranks it %d", s.rank, dtiSource, t.line, t.rank),
			DetailVI: fmt.Sprintf("trang nêu hạng %d; vn-dti (%s:%d) xếp hạng %d", s.rank, dtiSource, t.line, t.rank)})
		if !math.IsNaN(s.pdti) && !math.IsNaN(t.pdti) {
			pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleText, Subject: subject(s), Column: "pdti",
				Reported: s.pdti, Computed: t.pdti, Line: s.line,
				Detail:   fmt.Sprintf("stated PDTI %s; vn-dti (%s:%d) has %s", frame.FormatVI(s.pdti, datasets.DTIDecimals), dtiSource, t.line, frame.FormatVI(t.pdti, datasets.DTIDecimals)),
				DetailVI: fmt.Sprintf("trang nêu PDTI %s; vn-dti (%s:%d) ghi %s", frame.FormatVI(s.pdti, datasets.DTIDecimals), dtiSource, t.line, frame.FormatVI(t.pdti, datasets.DTIDecimals))})
		}
	}
	// statements of one province in one ranking, against the first of them
	first := map[string]dtiStatement{}
	groups := map[string][]dtiScored{}
	var order []string
	for _, s := range sts {
		k := fmt.Sprintf("%d/%d/%s", s.year, s.outOf, s.key)
		if f, ok := first[k]; ok {
			pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleCopies, Subject: subject(s), Column: "rank",
				Reported: float64(s.rank), Computed: float64(f.rank), Line: s.line,
				Detail:   fmt.Sprintf("stated rank %d; line %d states %d", s.rank, f.line, f.rank),
				DetailVI: fmt.Sprintf("nêu hạng %d; dòng %d nêu hạng %d", s.rank, f.line, f.rank)})
			if !math.IsNaN(s.pdti) && !math.IsNaN(f.pdti) {
				pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleCopies, Subject: subject(s), Column: "pdti",
					Reported: s.pdti, Computed: f.pdti, Line: s.line,
					Detail:   fmt.Sprintf("stated PDTI %s; line %d states %s", frame.FormatVI(s.pdti, datasets.DTIDecimals), f.line, frame.FormatVI(f.pdti, datasets.DTIDecimals)),
					DetailVI: fmt.Sprintf("nêu PDTI %s; dòng %d nêu %s", frame.FormatVI(s.pdti, datasets.DTIDecimals), f.line, frame.FormatVI(f.pdti, datasets.DTIDecimals))})
			}
			continue
		}
		first[k] = s
	}
	// the first stated score of each province, by ranking
	scoredKey := map[string]bool{}
	for _, s := range sts {
		k := fmt.Sprintf("%d/%d/%s", s.year, s.outOf, s.key)
		if math.IsNaN(s.pdti) || scoredKey[k] {
			continue
		}
		scoredKey[k] = true
		g := fmt.Sprintf("%d/%d", s.year, s.outOf)
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], dtiScored{subject(s), s.line, s.rank, s.pdti})
	}
	sort.Strings(order)
	for _, g := range order {
		pairs = append(pairs, rankScorePairs(groups[g])...)
	}
	return reconcile.Pairs(e.ID, pairs...), nil
}
