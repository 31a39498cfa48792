package composite

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// Options choose the methods of Composite and Sensitivity. The zero value
// is MinMax with Arithmetic aggregation.
type Options struct {
	Normalisation Normalisation
	Aggregation   Aggregation
}

// Score combines already normalised indicator columns of f (the
// output of Normalise, or a researcher's own scores) into a composite
// score and a rank, and returns f with three columns added at the end:
//
//   - score (float64, unit "score"): the weighted arithmetic or geometric
//     mean of the row's non-null indicators (see Arithmetic, Geometric);
//     weights are renormalised over the indicators the row has, as COINr's
//     a_amean and a_gmean do; null when the row has none;
//   - rank (int64): 1 for the highest score; ties share the smallest rank
//     of their group and the next rank skips ("1, 2, 2, 4", R's
//     ties.method = "min", as COINr ranks); null for a null score;
//   - indicators_used (int64): how many indicators entered the score, so
//     that a row scored on fewer indicators than the others is visible.
//
// Scores that differ by no more than 1e-9 × max(1, |score|) are ties (the
// same score reached by different sums can differ in the last bits).
// Rows keep their order; sort by rank with SortBy(frame.Asc("rank")).
// Directions are not applied here: the columns must already be
// higher-is-better. Geometric aggregation of a value ≤ 0 is an error
// (ErrNotPositive) naming the row and the indicator.
func Score(f *frame.Frame, specs []Indicator, method Aggregation) (*frame.Frame, error) {
	w, err := checkSpecs(f, specs)
	if err != nil {
		return nil, err
	}
	cols := make([][]float64, len(specs))
	for j, s := range specs {
		cols[j] = f.Col(s.Column).Float64s()
	}
	names := rowNames(f, "")
	score, used, err := aggregateRows(cols, w, method, names, specs)
	if err != nil {
		return nil, err
	}
	g, err := withScore(f, score, used, method, specs, w)
	if err != nil {
		return nil, err
	}
	return withMeta(g, derivedMeta(f, "Chỉ số tổng hợp và xếp hạng (composite score and rank)",
		method.String()+"; weights "+weightText(specs, w))), nil
}

// Composite normalises the indicators of f (Normalise) and aggregates them
// (Aggregate) in one step: the result is f with the indicator columns
// normalised in place and score, rank and indicators_used at the end.
func Composite(f *frame.Frame, specs []Indicator, opts Options) (*frame.Frame, error) {
	n, err := Normalise(f, specs, opts.Normalisation)
	if err != nil {
		return nil, err
	}
	defer n.Release()
	g, err := Score(n, specs, opts.Aggregation)
	if err != nil {
		return nil, err
	}
	w, _ := checkSpecs(f, specs)
	return withMeta(g, derivedMeta(f, "Chỉ số tổng hợp và xếp hạng (composite score and rank)",
		opts.Normalisation.String()+"; "+opts.Aggregation.String()+"; weights "+weightText(specs, w))), nil
}

// weightText writes the effective weights as "a=0.5, b=0.5".
func weightText(specs []Indicator, w []float64) string {
	sum := 0.0
	for _, v := range w {
		sum += v
	}
	parts := make([]string, len(specs))
	for j, s := range specs {
		parts[j] = fmt.Sprintf("%s=%.4g", s.Column, w[j]/sum)
	}
	return strings.Join(parts, ", ")
}

func withScore(f *frame.Frame, score []float64, used []int64, method Aggregation, specs []Indicator, w []float64) (*frame.Frame, error) {
	rank := rankScores(score)
	rv := make([]bool, len(rank))
	for i, r := range rank {
		rv[i] = r > 0
	}
	g, err := f.WithColumn(frame.FieldSpec{Name: "score", Kind: frame.Float64, LabelVI: "Điểm tổng hợp", Unit: "score",
		Extra: map[string]string{frame.MetaDescription: method.String() + " of " + weightText(specs, w)}}, score, nil)
	if err != nil {
		return nil, err
	}
	h, err := g.WithColumn(frame.FieldSpec{Name: "rank", Kind: frame.Int64, LabelVI: "Thứ hạng",
		Extra: map[string]string{frame.MetaDescription: "1 = highest score; ties share the smallest rank"}}, rank, rv)
	g.Release()
	if err != nil {
		return nil, err
	}
	k, err := h.WithColumn(frame.FieldSpec{Name: "indicators_used", Kind: frame.Int64, LabelVI: "Số chỉ tiêu có số liệu", Unit: "count"}, used, nil)
	h.Release()
	return k, err
}

// aggregateRows computes the score of each row from the columns (NaN =
// null) with weights w (0 = not used); names name the rows for errors.
func aggregateRows(cols [][]float64, w []float64, method Aggregation, names []string, specs []Indicator) ([]float64, []int64, error) {
	if len(cols) == 0 {
		return nil, nil, nil
	}
	n := len(cols[0])
	score := make([]float64, n)
	used := make([]int64, n)
	for i := 0; i < n; i++ {
		num, den := 0.0, 0.0
		for j, c := range cols {
			v := c[i]
			if w[j] == 0 || math.IsNaN(v) {
				continue
			}
			switch method {
			case 0, Arithmetic:
				num += w[j] * v
			case Geometric:
				if v <= 0 {
					return nil, nil, fmt.Errorf("%w: %s has %s = %v (normalise with MinMaxFrom1, or aggregate arithmetically)",
						ErrNotPositive, names[i], specs[j].Column, v)
				}
				num += w[j] * math.Log(v)
			default:
				return nil, nil, fmt.Errorf("composite: unknown aggregation %d", int(method))
			}
			den += w[j]
			used[i]++
		}
		switch {
		case den == 0:
			score[i] = math.NaN()
		case method == Geometric:
			score[i] = math.Exp(num / den)
		default:
			score[i] = num / den
		}
	}
	return score, used, nil
}

// scoreRanks are the ranks of composite scores: competition ranks from the
// highest (1, 2, 2, 4: R's rank(-x, ties.method = "min"), COINr's), two
// scores tying when they differ by no more than approx.Slack × max(1, |a|,
// |b|) (the same score computed by two routes); a NaN (null) score has rank
// 0, no rank.
var scoreRanks = frame.RankOptions{Method: frame.Competition, Tolerance: approx.Slack}

// rankScores ranks scores with scoreRanks.
func rankScores(scores []float64) []int64 {
	r, _ := frame.Ranks(scores, scoreRanks)
	return r
}
