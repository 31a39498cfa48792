package composite

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/ictplan/ictplan/frame"
)

// SensitivityOptions control Sensitivity.
type SensitivityOptions struct {
	// Draws is the number of random weight sets (0: 1000; at most
	// 1 000 000).
	Draws int
	// Seed makes the draws reproducible: the same seed, Frame and specs
	// give the same result on every machine (math/rand/v2's PCG).
	Seed int64
	// Spread is how far each weight may move: each draw multiplies weight
	// wⱼ by (1 + uⱼ), uⱼ uniform on [−Spread, +Spread], then renormalises
	// (COINr's get_noisy_weights with NoiseFactor = Spread). 0 means 0.5
	// (±50%); it must be below 1 so that no weight reaches 0.
	Spread float64
	// Normalisation and Aggregation as in Options.
	Normalisation Normalisation
	Aggregation   Aggregation
	// Key names the rows in the output (default: "province", else "unit",
	// else the first string column).
	Key string
}

// Sensitivity tests how much the ranking of Composite depends on the
// weights, by Monte Carlo: the indicators are normalised once, then the
// score and rank of every row are recomputed for Draws random weight sets
// (see SensitivityOptions.Spread). The result has one row per row of f, in
// f's order:
//
//   - the key column (and source_line when f has one);
//   - nominal_score, nominal_rank: Composite with the given weights;
//   - median_rank, rank_p05, rank_p95: the median and the 5th and 95th
//     percentiles of the row's rank over the draws (linear interpolation
//     between order statistics, R's quantile type 7, so a median may end
//     in .5), as COINr's uncertainty analysis reports them;
//   - rank_min, rank_max: the best and worst rank drawn;
//   - rank_changed_percent: the share of draws in which the rank differs
//     from the nominal rank, in percent.
//
// A row with a null score has null ranks throughout. A province better
// than every other on every indicator keeps rank 1 under any weights
// (0% changed); provinces whose order depends on the weights show it.
// This is the uncertainty analysis of the Handbook's step 7 restricted to
// the weights; it does not vary the normalisation or aggregation.
func Sensitivity(f *frame.Frame, specs []Indicator, o SensitivityOptions) (*frame.Frame, error) {
	w, err := checkSpecs(f, specs)
	if err != nil {
		return nil, err
	}
	draws, spread := o.Draws, o.Spread
	if draws == 0 {
		draws = 1000
	}
	if spread == 0 {
		spread = 0.5
	}
	if draws < 0 || draws > 1_000_000 {
		return nil, fmt.Errorf("composite: Draws %d outside 1..1000000", draws)
	}
	if !(spread > 0 && spread < 1) {
		return nil, fmt.Errorf("composite: Spread %v outside (0, 1)", spread)
	}
	key := o.Key
	if key == "" {
		key = defaultKey(f)
	}
	if key != "" && !f.Has(key) {
		return nil, fmt.Errorf("composite: no key column %q", key)
	}
	cols, err := normalisedColumns(f, o.Normalisation, specs)
	if err != nil {
		return nil, err
	}
	names := rowNames(f, key)
	nominal, _, err := aggregateRows(cols, w, o.Aggregation, names, specs)
	if err != nil {
		return nil, err
	}
	nomRank := rankScores(nominal)

	n := f.NumRows()
	ranks := make([][]float64, n) // ranks[i][d]
	for i := range ranks {
		if nomRank[i] > 0 {
			ranks[i] = make([]float64, 0, draws)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(o.Seed), 0x9e3779b97f4a7c15))
	wd := make([]float64, len(w))
	for d := 0; d < draws; d++ {
		for j := range w {
			wd[j] = w[j] * (1 + spread*(2*rng.Float64()-1))
		}
		s, _, err := aggregateRows(cols, wd, o.Aggregation, names, specs)
		if err != nil {
			return nil, err
		}
		for i, r := range rankScores(s) {
			if r > 0 {
				ranks[i] = append(ranks[i], float64(r))
			}
		}
	}

	med, p05, p95, lo, hi, changed := nan(n), nan(n), nan(n), nan(n), nan(n), nan(n)
	for i, rs := range ranks {
		if len(rs) == 0 {
			continue
		}
		c := 0
		for _, r := range rs {
			if r != float64(nomRank[i]) {
				c++
			}
		}
		changed[i] = 100 * float64(c) / float64(len(rs))
		slices.Sort(rs)
		med[i], p05[i], p95[i] = quantile7(rs, 0.5), quantile7(rs, 0.05), quantile7(rs, 0.95)
		lo[i], hi[i] = rs[0], rs[len(rs)-1]
	}
	return sensitivityFrame(f, key, o, spread, draws, specs, w, nominal, nomRank, [][]float64{med, p05, p95, lo, hi, changed})
}

func nan(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = math.NaN()
	}
	return x
}

// quantile7 is R's default quantile (type 7) of sorted x: with h =
// (len−1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
func quantile7(x []float64, p float64) float64 {
	h := float64(len(x)-1) * p
	lo := int(math.Floor(h))
	if lo+1 >= len(x) {
		return x[len(x)-1]
	}
	return x[lo] + (h-float64(lo))*(x[lo+1]-x[lo])
}

func sensitivityFrame(f *frame.Frame, key string, o SensitivityOptions, spread float64, draws int, specs []Indicator,
	w, nominal []float64, nomRank []int64, stats [][]float64) (*frame.Frame, error) {
	var specsOut []frame.FieldSpec
	var values []any
	if key != "" {
		c := f.Col(key)
		specsOut = append(specsOut, c.Spec())
		values = append(values, colValues(c))
	}
	if c, err := f.Column(frame.ColSourceLine); err == nil && key != frame.ColSourceLine {
		specsOut = append(specsOut, c.Spec())
		values = append(values, colValues(c))
	}
	nr := make([]any, len(nomRank))
	for i, r := range nomRank {
		if r > 0 {
			nr[i] = r
		}
	}
	specsOut = append(specsOut,
		frame.FieldSpec{Name: "nominal_score", Kind: frame.Float64, LabelVI: "Điểm tổng hợp (trọng số gốc)", Unit: "score"},
		frame.FieldSpec{Name: "nominal_rank", Kind: frame.Int64, LabelVI: "Thứ hạng (trọng số gốc)"},
		frame.FieldSpec{Name: "median_rank", Kind: frame.Float64, LabelVI: "Thứ hạng trung vị"},
		frame.FieldSpec{Name: "rank_p05", Kind: frame.Float64, LabelVI: "Thứ hạng, phân vị 5%"},
		frame.FieldSpec{Name: "rank_p95", Kind: frame.Float64, LabelVI: "Thứ hạng, phân vị 95%"},
		frame.FieldSpec{Name: "rank_min", Kind: frame.Float64, LabelVI: "Thứ hạng tốt nhất"},
		frame.FieldSpec{Name: "rank_max", Kind: frame.Float64, LabelVI: "Thứ hạng kém nhất"},
		frame.FieldSpec{Name: "rank_changed_percent", Kind: frame.Float64, LabelVI: "Tỷ lệ lần thứ hạng thay đổi", Unit: "percent"},
	)
	values = append(values, nominal, nr)
	for _, s := range stats {
		values = append(values, s)
	}
	method := fmt.Sprintf("%s; %s; weights %s; %d draws, each weight × (1 + U(−%g, %g)), seed %d",
		o.Normalisation, o.Aggregation, weightText(specs, w), draws, spread, spread, o.Seed)
	return frame.FromColumns(derivedMeta(f, "Độ nhạy của thứ hạng theo trọng số (rank sensitivity to weights)", method),
		specsOut, values, frame.WithAllocator(f.Allocator()))
}

// colValues returns a column as a []any with nil for null.
func colValues(c frame.Column) []any {
	out := make([]any, c.Len())
	for i := range out {
		out[i] = c.Value(i)
	}
	return out
}
