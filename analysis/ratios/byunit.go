package ratios

import (
	"errors"
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// ByUnit computes each ratio of specs for every row (unit) of f. The result
// has one row per unit and spec — all the units for the first spec, then
// all for the next, each block in f's row order — with the columns:
//
//   - the unit's key columns: those of DefaultKeys that f has (province,
//     year, level, group, code, no, unit), in f's order;
//   - measure: the Spec's Name;
//   - numerator, denominator: the sums of the Spec's columns (float64);
//   - ratio = numerator / denominator, null when either is null or the
//     denominator is 0;
//   - rank among the units of the same measure: 1 for the highest ratio,
//     "competition" ranking (equal ratios share the smallest rank, the next
//     rank skips: 1, 2, 2, 4); equal fractions (42/48 and 28/32) are equal
//     ratios; a null ratio has a null rank;
//   - source_line: the unit's line in the source (null when f has no
//     source_line column).
//
// With one Spec the ratio column carries its label and the numerator and
// denominator columns those of their input columns. An empty f gives an
// empty result; a missing or non-numeric column is an error.
func ByUnit(f *frame.Frame, specs ...Spec) (*frame.Frame, error) {
	return byUnit(f, presentKeys(f, DefaultKeys()), specs)
}

// ByUnitKeys is ByUnit with the key columns chosen: keys are carried to the
// output in the given order (every one must be in f; nil carries none).
func ByUnitKeys(f *frame.Frame, keys []string, specs ...Spec) (*frame.Frame, error) {
	for _, k := range keys {
		if _, err := f.Column(k); err != nil {
			return nil, fmt.Errorf("ratios: key: %w", err)
		}
	}
	return byUnit(f, keys, specs)
}

// unitRatios holds the computed columns of one Spec.
type unitRatios struct {
	num, den, ratio []float64
	numSpecs        []frame.FieldSpec
	denSpecs        []frame.FieldSpec
}

func computeSpec(f *frame.Frame, s Spec) (unitRatios, error) {
	if err := s.validate(); err != nil {
		return unitRatios{}, err
	}
	num, ns, err := sumColumns(f, s.Numerator)
	if err != nil {
		return unitRatios{}, fmt.Errorf("%w (numerator of %s)", err, s.Name)
	}
	den, ds, err := sumColumns(f, s.Denominator)
	if err != nil {
		return unitRatios{}, fmt.Errorf("%w (denominator of %s)", err, s.Name)
	}
	r := make([]float64, len(num))
	for i := range r {
		r[i] = quotient(num[i], den[i])
	}
	return unitRatios{num: num, den: den, ratio: r, numSpecs: ns, denSpecs: ds}, nil
}

func byUnit(f *frame.Frame, keys []string, specs []Spec) (*frame.Frame, error) {
	if len(specs) == 0 {
		return nil, errors.New("ratios: ByUnit needs at least one Spec")
	}
	n := f.NumRows()
	total := n * len(specs)
	measure := make([]string, 0, total)
	num := make([]float64, 0, total)
	den := make([]float64, 0, total)
	ratio := make([]float64, 0, total)
	rank := make([]int64, 0, total)
	rankValid := make([]bool, 0, total)
	var first unitRatios
	for k, s := range specs {
		u, err := computeSpec(f, s)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			first = u
		}
		for range n {
			measure = append(measure, s.Name)
		}
		num = append(num, u.num...)
		den = append(den, u.den...)
		ratio = append(ratio, u.ratio...)
		r, ok := frame.Ranks(u.ratio, frame.RankOptions{Method: frame.Competition}) // exact ties; NaN unranked
		rank = append(rank, r...)
		rankValid = append(rankValid, ok...)
	}
	lines, linesValid := sourceLines(f)
	idx := repeatRows(n, len(specs))
	base, err := keyFrame(f, keys, idx)
	if err != nil {
		return nil, err
	}
	if base != nil {
		defer base.Release()
	}
	numLabel, numUnit := "Tử số", ""
	denLabel, denUnit := "Mẫu số", ""
	if len(specs) == 1 {
		numLabel, numUnit = partLabel(first.numSpecs)
		denLabel, denUnit = partLabel(first.denSpecs)
	}
	cols := []column{
		{spec: frame.FieldSpec{Name: ColMeasure, Kind: frame.String, LabelVI: "Chỉ số"}, values: measure},
		{spec: frame.FieldSpec{Name: ColNumerator, Kind: frame.Float64, LabelVI: numLabel, Unit: numUnit}, values: num},
		{spec: frame.FieldSpec{Name: ColDenominator, Kind: frame.Float64, LabelVI: denLabel, Unit: denUnit}, values: den},
		{spec: frame.FieldSpec{Name: ColRatio, Kind: frame.Float64, LabelVI: ratioLabel(specs, "Tỷ lệ"), Unit: "ratio"}, values: ratio},
		{spec: frame.FieldSpec{Name: ColRank, Kind: frame.Int64, LabelVI: "Thứ hạng (1 = cao nhất)"}, values: rank, valid: rankValid},
		{spec: frame.FieldSpec{Name: ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"}, values: repeatInt64(lines, len(specs)), valid: repeatBool(linesValid, len(specs))},
	}
	meta := outputMeta(f, "Tỷ lệ theo đơn vị", "Ratios by unit",
		"by unit: "+specsText(specs)+"; null when an input is null or the denominator is 0; rank 1 = highest, ties share the smallest rank")
	return assemble(f, base, meta, cols)
}

// keyFrame selects the key columns of f and, when idx is not nil, takes
// those rows. It returns nil when there are no keys.
func keyFrame(f *frame.Frame, keys []string, idx []int) (*frame.Frame, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	sel, err := f.Select(keys...)
	if err != nil {
		return nil, fmt.Errorf("ratios: %w", err)
	}
	if idx == nil {
		return sel, nil
	}
	defer sel.Release()
	return sel.Take(idx), nil
}

// repeatRows returns the row indices 0..n-1 repeated times times, or nil
// when times is 1 (no take needed).
func repeatRows(n, times int) []int {
	if times == 1 {
		return nil
	}
	idx := make([]int, 0, n*times)
	for range times {
		for i := range n {
			idx = append(idx, i)
		}
	}
	return idx
}

func repeatInt64(v []int64, times int) []int64 {
	out := make([]int64, 0, len(v)*times)
	for range times {
		out = append(out, v...)
	}
	return out
}

func repeatBool(v []bool, times int) []bool {
	out := make([]bool, 0, len(v)*times)
	for range times {
		out = append(out, v...)
	}
	return out
}
