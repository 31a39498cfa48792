package composite

import (
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
)

// Normalise returns f with each indicator column of specs replaced, in
// place, by its normalised value (float64, unit "score", the method in the
// field description), so that every indicator is higher-is-better and on
// one scale; the other columns (province, source_line ...) are kept as
// they are. See MinMax, MinMaxFrom1, ZScore and Raw for the formulas; the
// statistics (min, max, mean, s) are taken over the non-null values of
// each column, so a null stays null and takes no part.
//
// Weights are not used here. Errors: an unknown or non-numeric column;
// an infinite value; an indicator with fewer than two values or no spread
// (ErrNoSpread, naming the column), because its normalised value would be
// 0/0.
func Normalise(f *frame.Frame, specs []Indicator, method Normalisation) (*frame.Frame, error) {
	if _, err := checkSpecs(f, specs); err != nil {
		return nil, err
	}
	cols, err := normalisedColumns(f, method, specs)
	if err != nil {
		return nil, err
	}
	g := f.Retain()
	for j, s := range specs {
		old := f.Col(s.Column)
		label := old.LabelVI()
		if label == "" {
			label = s.Column
		}
		spec := frame.FieldSpec{
			Name:    s.Column,
			Kind:    frame.Float64,
			LabelVI: label + " (chuẩn hoá)",
			Unit:    "score",
			Extra: map[string]string{frame.MetaDescription: fmt.Sprintf("%s of %s (%s, unit %q)",
				method, s.Column, s.Direction, old.Unit())},
		}
		h, err := g.WithColumn(spec, cols[j], nil)
		g.Release()
		if err != nil {
			return nil, err
		}
		g = h
	}
	return withMeta(g, derivedMeta(f, "Chỉ số chuẩn hoá (normalised indicators)", method.String())), nil
}

// normalisedColumns normalises each indicator of specs (NaN = null).
func normalisedColumns(f *frame.Frame, method Normalisation, specs []Indicator) ([][]float64, error) {
	out := make([][]float64, len(specs))
	for j, s := range specs {
		x := f.Col(s.Column).Float64s()
		y, err := normaliseValues(x, method, s.Direction)
		if err != nil {
			return nil, fmt.Errorf("composite: indicator %q: %w", s.Column, err)
		}
		out[j] = y
	}
	return out, nil
}

// normaliseValues normalises x (NaN is null) into a new slice.
func normaliseValues(x []float64, method Normalisation, dir Direction) ([]float64, error) {
	n := 0
	lo, hi, sum := math.Inf(1), math.Inf(-1), 0.0
	for _, v := range x {
		if math.IsNaN(v) {
			continue
		}
		if math.IsInf(v, 0) {
			return nil, fmt.Errorf("infinite value %v", v)
		}
		n++
		lo, hi, sum = min(lo, v), max(hi, v), sum+v
	}
	if method == Raw {
		if dir == LowerBetter {
			return nil, fmt.Errorf("a lower-is-better indicator cannot be aggregated raw: normalise it")
		}
		return append([]float64(nil), x...), nil
	}
	if n < 2 || lo == hi {
		return nil, fmt.Errorf("%w: %d value(s), min %v, max %v", ErrNoSpread, n, lo, hi)
	}
	y := make([]float64, len(x))
	switch method {
	case 0, MinMax, MinMaxFrom1:
		a, b := 0.0, 100.0
		if method == MinMaxFrom1 {
			a = 1
		}
		for i, v := range x {
			t := (v - lo) / (hi - lo)
			if dir == LowerBetter {
				t = (hi - v) / (hi - lo)
			}
			y[i] = a + t*(b-a)
		}
	case ZScore:
		mean := sum / float64(n)
		ss := 0.0
		for _, v := range x {
			if !math.IsNaN(v) {
				ss += (v - mean) * (v - mean)
			}
		}
		s := math.Sqrt(ss / float64(n-1))
		if s == 0 {
			return nil, fmt.Errorf("%w: standard deviation 0", ErrNoSpread)
		}
		for i, v := range x {
			y[i] = (v - mean) / s
			if dir == LowerBetter {
				y[i] = (mean - v) / s
			}
		}
	default:
		return nil, fmt.Errorf("unknown normalisation %d", int(method))
	}
	return y, nil
}
