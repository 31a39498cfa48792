package ratios

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/ictplan/ictplan/frame"
)

// Output column names.
const (
	ColMeasure       = "measure"           // the Spec's Name
	ColNumerator     = "numerator"         // sum of the numerator columns
	ColDenominator   = "denominator"       // sum of the denominator columns
	ColRatio         = "ratio"             // numerator / denominator
	ColRank          = "rank"              // 1 = highest ratio
	ColSourceLine    = frame.ColSourceLine // line of the unit in the source text
	ColSourceLines   = "source_lines"      // lines of the units a group adds up
	ColExcludedLines = "excluded_lines"    // lines of the units left out of a group
	ColUnits         = "units"             // units (rows) in a group
	ColExcluded      = "units_excluded"    // units left out of a group's figure
	ColMeanOfRatios  = "mean_of_ratios"    // unweighted mean of unit ratios
	ColReported      = "reported"          // ratio as the source reports it
	ColRecomputed    = "recomputed"        // ratio recomputed from its parts
	ColDifference    = "difference"        // reported − recomputed
	ColAgrees        = "agrees"            // |difference| ≤ tolerance
	ColTarget        = "target"            // target ratio
	ColGap           = "gap"               // ratio − target
	ColMet           = "met"               // whether the ratio reaches the target
	ColLevel         = "level"             // level of a unit (ConcatLevels)
)

// DefaultKeys are the columns that identify a unit, carried from the input
// to the output of ByUnit and Compare when present (in the input's order).
func DefaultKeys() []string {
	return []string{"province", "year", ColLevel, "group", "code", "no", "unit"}
}

// presentKeys returns the columns of keys that f has, in f's column order.
func presentKeys(f *frame.Frame, keys []string) []string {
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	var out []string
	for _, n := range f.Names() {
		if want[n] {
			out = append(out, n)
		}
	}
	return out
}

// sumColumns returns, row by row, the sum of the named numeric columns, NaN
// where any of them is null or NaN, and the specs of the columns.
func sumColumns(f *frame.Frame, names []string) ([]float64, []frame.FieldSpec, error) {
	var sum []float64
	specs := make([]frame.FieldSpec, 0, len(names))
	for _, name := range names {
		c, err := f.Column(name)
		if err != nil {
			return nil, nil, fmt.Errorf("ratios: %w", err)
		}
		if !c.Kind().Numeric() {
			return nil, nil, fmt.Errorf("ratios: column %q is %s, not a number", name, c.Kind())
		}
		specs = append(specs, c.Spec())
		v := c.Float64s() // a copy, NaN for null
		if sum == nil {
			sum = v
			continue
		}
		for i := range sum {
			sum[i] += v[i] // NaN stays NaN
		}
	}
	return sum, specs, nil
}

// quotient is num/den, NaN when either is NaN or den is 0.
func quotient(num, den float64) float64 {
	if math.IsNaN(num) || math.IsNaN(den) || den == 0 {
		return math.NaN()
	}
	return num / den
}

// sourceLines returns f's source_line column as int64 with validity, or all
// null when f has none.
func sourceLines(f *frame.Frame) ([]int64, []bool) {
	n := f.NumRows()
	c, err := f.Column(ColSourceLine)
	if err != nil || !c.Kind().Numeric() {
		return make([]int64, n), make([]bool, n)
	}
	return c.Int64s(), c.Valid()
}

// joinLines writes source lines as "1401,1419".
func joinLines(lines []int64) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(l, 10))
	}
	return b.String()
}

// partLabel is the label and unit of a numerator or denominator column: the
// input column's when the sum is of one column, a composed one otherwise.
func partLabel(specs []frame.FieldSpec) (label, unit string) {
	if len(specs) == 1 {
		return specs[0].LabelVI, specs[0].Unit
	}
	labels := make([]string, len(specs))
	unit = specs[0].Unit
	for i, s := range specs {
		labels[i] = s.LabelVI
		if s.Name != "" && labels[i] == "" {
			labels[i] = s.Name
		}
		if s.Unit != unit {
			unit = ""
		}
	}
	return "Tổng: " + strings.Join(labels, " + "), unit
}

// column is one output column: its spec, its values (as for
// frame.FromColumns) and, if not nil, its validity (false = null).
type column struct {
	spec   frame.FieldSpec
	values any
	valid  []bool
}

// assemble returns a Frame with the columns of base (may be nil) followed by
// cols, with schema metadata meta. It balances its own references.
func assemble(f *frame.Frame, base *frame.Frame, meta map[string]string, cols []column) (*frame.Frame, error) {
	specs := make([]frame.FieldSpec, len(cols))
	vals := make([]any, len(cols))
	for i, c := range cols {
		specs[i], vals[i] = c.spec, c.values
	}
	extra, err := frame.FromColumns(nil, specs, vals, frame.WithAllocator(f.Allocator()))
	if err != nil {
		return nil, fmt.Errorf("ratios: %w", err)
	}
	for _, c := range cols {
		if c.valid == nil {
			continue
		}
		next, err := extra.WithColumn(c.spec, c.values, c.valid)
		extra.Release()
		if err != nil {
			return nil, fmt.Errorf("ratios: %w", err)
		}
		extra = next
	}
	defer extra.Release()
	var fields []arrow.Field
	var arrays []arrow.Array
	if base != nil {
		fields = append(fields, base.Schema().Fields()...)
		for i := 0; i < base.NumCols(); i++ {
			arrays = append(arrays, base.ColumnAt(i).Array())
		}
	}
	fields = append(fields, extra.Schema().Fields()...)
	for i := 0; i < extra.NumCols(); i++ {
		arrays = append(arrays, extra.ColumnAt(i).Array())
	}
	md := arrow.MetadataFrom(meta)
	out, err := frame.FromArrays(arrow.NewSchema(fields, &md), arrays, frame.WithAllocator(f.Allocator()))
	if err != nil {
		return nil, fmt.Errorf("ratios: %w", err)
	}
	return out, nil
}

// outputMeta is f's provenance with a new title and the method.
func outputMeta(f *frame.Frame, titleVI, titleEN, method string) map[string]string {
	m := f.Metadata()
	delete(m, frame.MetaLayout)
	if id := m[frame.MetaDataset]; id != "" {
		m[frame.MetaDerivedFrom] = id
	}
	m[frame.MetaTitle] = titleVI
	m[frame.MetaTitleEN] = titleEN
	m[frame.MetaMethod] = method
	return m
}

// specsText joins the formulas of specs for metadata.
func specsText(specs []Spec) string {
	parts := make([]string, len(specs))
	for i, s := range specs {
		parts[i] = s.Name + " = " + s.Formula()
	}
	return strings.Join(parts, "; ")
}

// ratioLabel is the label of the ratio column: the Spec's when there is one.
func ratioLabel(specs []Spec, generic string) string {
	if len(specs) == 1 && specs[0].LabelVI != "" {
		return specs[0].LabelVI
	}
	return generic
}
