package composite

import (
	"errors"
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
)

// Direction says which way an indicator is good.
type Direction int

const (
	// HigherBetter: a larger value is a better performance (computers per
	// staff, share of services online). It is the zero value.
	HigherBetter Direction = iota
	// LowerBetter: a smaller value is better (cost per user, processing
	// days). Normalisation turns it round so that every normalised
	// indicator is higher-is-better.
	LowerBetter
)

// String names the direction.
func (d Direction) String() string {
	if d == LowerBetter {
		return "lower is better"
	}
	return "higher is better"
}

// Indicator is one column of a province × indicator Frame as it enters a
// composite: its name, its direction and its weight.
//
// Weights are relative: they are divided by their sum over the indicators
// a row has values for (COINr's a_amean and a_gmean do the same). If every
// weight is 0 the indicators are weighted equally; if only some are 0,
// those indicators take no part in the score. A negative, NaN or infinite
// weight is an error.
type Indicator struct {
	Column    string
	Direction Direction
	Weight    float64
}

// Normalisation is a method that brings indicators onto one scale.
// The zero value means MinMax.
type Normalisation int

const (
	// MinMax rescales each indicator onto [0, 100], COINr's default
	// (n_minmax with l_u = c(0, 100)):
	//
	//	y = (x − min) / (max − min) × 100            higher is better
	//	y = (max − x) / (max − min) × 100            lower is better
	//
	// min and max over the non-null values of the column.
	MinMax Normalisation = iota + 1
	// MinMaxFrom1 rescales onto [1, 100]: y = 1 + (x − min)/(max − min) × 99
	// (reversed for lower is better). Every value is then positive, as
	// geometric aggregation needs; COINr's documentation normalises onto
	// [1, 100] before a geometric or harmonic mean for the same reason.
	MinMaxFrom1
	// ZScore standardises each indicator to mean 0 and standard deviation
	// 1 (COINr's n_zscore with m_sd = c(0, 1)):
	//
	//	y = (x − mean) / s            higher is better
	//	y = (mean − x) / s            lower is better
	//
	// with s the sample standard deviation, √(Σ(x − mean)² / (n − 1)), over
	// the n non-null values (R's sd, which n_zscore calls). z-scores are
	// negative below the mean: aggregate them arithmetically, never
	// geometrically.
	ZScore
	// Raw keeps the values as they are: for indicators already on one
	// scale and higher-is-better, such as the eight sub-indices of the
	// provincial DTI (each in [0, 1]), whose published score is their
	// weighted arithmetic mean. A LowerBetter indicator is an error with
	// Raw (nothing turns it round), as is an infinite value; a column
	// without spread is allowed.
	Raw
)

// String names the method as it appears in output metadata.
func (n Normalisation) String() string {
	switch n {
	case 0, MinMax:
		return "min-max [0,100]"
	case MinMaxFrom1:
		return "min-max [1,100]"
	case ZScore:
		return "z-score (sample sd)"
	case Raw:
		return "raw values (no normalisation)"
	}
	return fmt.Sprintf("Normalisation(%d)", int(n))
}

// Aggregation is a way of combining normalised indicators into a score.
// The zero value means Arithmetic.
type Aggregation int

const (
	// Arithmetic is the weighted arithmetic mean (COINr's a_amean):
	//
	//	score = Σ wᵢ yᵢ / Σ wᵢ
	//
	// over the indicators i the row has a value for. It is fully
	// compensatory: a low value is offset by a high one.
	Arithmetic Aggregation = iota + 1
	// Geometric is the weighted geometric mean (COINr's a_gmean):
	//
	//	score = exp(Σ wᵢ ln yᵢ / Σ wᵢ) = Π yᵢ^(wᵢ/Σw)
	//
	// It compensates less: a value near 0 pulls the score towards 0.
	// It is defined only for positive values. Like a_gmean, which stops
	// with "Negative or zero values found", a zero or negative normalised
	// value is an error here (ErrNotPositive), never shifted in silence:
	// normalise with MinMaxFrom1 (every value in [1, 100]) or use
	// Arithmetic. Note that MinMax gives 0 to the worst province of each
	// indicator, so MinMax with Geometric fails on any real data.
	Geometric
)

// String names the method as it appears in output metadata.
func (a Aggregation) String() string {
	switch a {
	case 0, Arithmetic:
		return "weighted arithmetic mean"
	case Geometric:
		return "weighted geometric mean"
	}
	return fmt.Sprintf("Aggregation(%d)", int(a))
}

// Errors of the package, for errors.Is.
var (
	// ErrNoSpread: an indicator has the same value in every row (or a
	// single value), so min-max (max − min = 0) or z-score (s = 0) is
	// 0/0. Drop the indicator: it cannot tell provinces apart.
	ErrNoSpread = errors.New("composite: indicator has no spread")
	// ErrNotPositive: geometric aggregation met a value ≤ 0.
	ErrNotPositive = errors.New("composite: geometric mean needs positive values")
	// ErrUnmatched: provinces of a Frame are not in the crosswalk.
	ErrUnmatched = errors.New("composite: provinces not in the crosswalk")
)

// checkSpecs validates the indicator specs against f and returns the
// effective weights (equal when all are 0).
func checkSpecs(f *frame.Frame, specs []Indicator) ([]float64, error) {
	if len(specs) == 0 {
		return nil, errors.New("composite: no indicators given")
	}
	seen := map[string]bool{}
	w := make([]float64, len(specs))
	sum := 0.0
	for i, s := range specs {
		if seen[s.Column] {
			return nil, fmt.Errorf("composite: indicator %q given twice", s.Column)
		}
		seen[s.Column] = true
		c, err := f.Column(s.Column)
		if err != nil {
			return nil, fmt.Errorf("composite: indicator: %w", err)
		}
		if !c.Kind().Numeric() {
			return nil, fmt.Errorf("composite: indicator %q is a %s column, not a number", s.Column, c.Kind())
		}
		if s.Direction != HigherBetter && s.Direction != LowerBetter {
			return nil, fmt.Errorf("composite: indicator %q: unknown direction %d", s.Column, int(s.Direction))
		}
		if math.IsNaN(s.Weight) || math.IsInf(s.Weight, 0) || s.Weight < 0 {
			return nil, fmt.Errorf("composite: indicator %q: weight %v is not a finite number ≥ 0", s.Column, s.Weight)
		}
		w[i] = s.Weight
		sum += s.Weight
	}
	if sum == 0 {
		for i := range w {
			w[i] = 1
		}
	}
	return w, nil
}

// rowNames returns a name for each row, for messages and outputs: the
// values of key if given, else of "province", "unit" or the first string
// column, else "row N".
func rowNames(f *frame.Frame, key string) []string {
	if key == "" {
		key = defaultKey(f)
	}
	if key != "" {
		if c, err := f.Column(key); err == nil {
			return c.Strings()
		}
	}
	out := make([]string, f.NumRows())
	for i := range out {
		out[i] = fmt.Sprintf("row %d", i+1)
	}
	return out
}

// defaultKey is the column naming the rows when none is given: "province",
// else "unit", else the first string column ("" if none).
func defaultKey(f *frame.Frame) string {
	for _, n := range []string{"province", "unit"} {
		if c, err := f.Column(n); err == nil && c.Kind() == frame.String {
			return n
		}
	}
	for _, fs := range f.Fields() {
		if fs.Kind == frame.String {
			return fs.Name
		}
	}
	return ""
}

// derivedMeta is the schema metadata of an output computed from f.
func derivedMeta(f *frame.Frame, title, method string) map[string]string {
	from := f.Meta(frame.MetaDataset)
	if from == "" {
		from = f.Meta(frame.MetaTitle)
	}
	m := map[string]string{frame.MetaTitle: title, frame.MetaMethod: method}
	if from != "" {
		m[frame.MetaDerivedFrom] = from
	}
	for _, k := range []string{frame.MetaSourceFile, frame.MetaDocument, frame.MetaProvince, frame.MetaPeriod} {
		if v := f.Meta(k); v != "" {
			m[k] = v
		}
	}
	return m
}

// withMeta replaces the schema metadata of g (which it releases) by m.
func withMeta(g *frame.Frame, m map[string]string) *frame.Frame {
	var kv []string
	for k := range g.Metadata() {
		if _, ok := m[k]; !ok {
			kv = append(kv, k, "")
		}
	}
	for k, v := range m {
		kv = append(kv, k, v)
	}
	h := g.WithMeta(kv...)
	g.Release()
	return h
}
