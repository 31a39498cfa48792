package chart

import (
	"fmt"
	"math"
	"sort"

	"github.com/ictplan/ictplan/frame"
)

// The ...FromFrame constructors read a chart's data from columns of a
// Frame, then lay it out like their New... counterparts; the other fields
// of the spec (title, format, language...) are used as given and the data
// fields it may hold are replaced. A null number is NaN (a missing value,
// never zero); a null label is "".

// floats returns a numeric column as float64 with NaN for null.
func floats(f *frame.Frame, name string) ([]float64, error) {
	c, err := f.Column(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrColumn, err)
	}
	if !c.Kind().Numeric() {
		return nil, fmt.Errorf("%w: %q is %s, not a number", ErrColumn, name, c.Kind())
	}
	return c.Float64s(), nil
}

// labels returns a column as text: strings as they are (null ""), numbers
// in the chart's language.
func labels(f *frame.Frame, name string, lang Lang) ([]string, error) {
	c, err := f.Column(name)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrColumn, err)
	}
	if c.Kind() == frame.String {
		return c.Strings(), nil
	}
	out := make([]string, c.Len())
	for i := range out {
		if !c.IsNull(i) {
			out[i] = fmt.Sprint(c.Value(i))
		}
	}
	return out, nil
}

// sumColumns adds columns row by row; a row with a null in any of them is
// NaN (a sum with a missing part is unknown).
func sumColumns(f *frame.Frame, names []string) ([]float64, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no columns to add", ErrColumn)
	}
	var out []float64
	for _, n := range names {
		vs, err := floats(f, n)
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = vs
			continue
		}
		for i, v := range vs {
			out[i] += v // NaN stays NaN
		}
	}
	return out, nil
}

// seriesName is a column's name in a legend: names[i] when given, else
// its Vietnamese header (label_vi) for VI, else the column name.
func seriesName(f *frame.Frame, col string, names []string, i int, lang Lang) string {
	if i < len(names) && names[i] != "" {
		return names[i]
	}
	if c, err := f.Column(col); err == nil && lang == VI && c.LabelVI() != "" {
		return c.LabelVI()
	}
	return col
}

// RankedBarsFromFrame draws labelCol against valueCol, one bar per row.
func RankedBarsFromFrame(f *frame.Frame, labelCol, valueCol string, s RankedBars) (*Chart, error) {
	var err error
	if s.Labels, err = labels(f, labelCol, s.Lang); err != nil {
		return nil, err
	}
	if s.Values, err = floats(f, valueCol); err != nil {
		return nil, err
	}
	return NewRankedBars(s)
}

// StackedBarsFromFrame draws one bar per row of categoryCol with one
// segment per column of valueCols. Segment names are names[i] when given,
// else the column's label_vi (VI) or its name.
func StackedBarsFromFrame(f *frame.Frame, categoryCol string, valueCols, names []string, s StackedBars) (*Chart, error) {
	var err error
	if s.Categories, err = labels(f, categoryCol, s.Lang); err != nil {
		return nil, err
	}
	s.Series = nil
	for i, col := range valueCols {
		vs, err := floats(f, col)
		if err != nil {
			return nil, err
		}
		s.Series = append(s.Series, Series{Name: seriesName(f, col, names, i, s.Lang), Values: vs})
	}
	return NewStackedBars(s)
}

// PlannedSpentFromFrame draws, per row of labelCol, the sum of the
// plannedCols against the sum of the spentCols (e.g. the four funding
// sources of soctrang-2023-dx-pillars). A row with a null among the
// columns summed has that amount missing.
func PlannedSpentFromFrame(f *frame.Frame, labelCol string, plannedCols, spentCols []string, s PlannedSpent) (*Chart, error) {
	var err error
	if s.Labels, err = labels(f, labelCol, s.Lang); err != nil {
		return nil, err
	}
	if s.Planned, err = sumColumns(f, plannedCols); err != nil {
		return nil, err
	}
	if s.Spent, err = sumColumns(f, spentCols); err != nil {
		return nil, err
	}
	return NewPlannedSpent(s)
}

// DumbbellFromFrame draws fromCol against toCol, one row per row of
// labelCol (join the two years' Frames first).
func DumbbellFromFrame(f *frame.Frame, labelCol, fromCol, toCol string, s Dumbbell) (*Chart, error) {
	var err error
	if s.Labels, err = labels(f, labelCol, s.Lang); err != nil {
		return nil, err
	}
	if s.From, err = floats(f, fromCol); err != nil {
		return nil, err
	}
	if s.To, err = floats(f, toCol); err != nil {
		return nil, err
	}
	return NewDumbbell(s)
}

// ProvinceComparisonFromFrame draws a Frame of province × indicator: one
// marker per row of provinceCol, one chart row per column of
// indicatorCols, named names[i] when given, else by the column's label_vi
// (VI) or its name.
func ProvinceComparisonFromFrame(f *frame.Frame, provinceCol string, indicatorCols, names []string, s ProvinceComparison) (*Chart, error) {
	var err error
	if s.Provinces, err = labels(f, provinceCol, s.Lang); err != nil {
		return nil, err
	}
	s.Indicators = nil
	s.Values = make([][]float64, f.NumRows())
	for p := range s.Values {
		s.Values[p] = make([]float64, len(indicatorCols))
	}
	for i, col := range indicatorCols {
		vs, err := floats(f, col)
		if err != nil {
			return nil, err
		}
		s.Indicators = append(s.Indicators, seriesName(f, col, names, i, s.Lang))
		for p, v := range vs {
			s.Values[p][i] = v
		}
	}
	return NewProvinceComparison(s)
}

// LinesFromFrame reads a long Frame — one row per series × year, like
// vn-dx-indicators — into a Lines chart. seriesCol names the series ("" =
// one series, named after valueCol); kindCol, when given, marks the rows
// whose kind is "target" as targets (other kinds — baseline, actual — are
// values); comparatorCol gives a target's comparator ("" = "="). Years
// are the distinct years of the value rows, ascending (the target years
// when there is no value row); series keep their order of first
// appearance. A null value is skipped; a null year is ErrColumn; two
// different values for one series and year are ErrDuplicate (equal ones,
// a figure restated, are kept once).
func LinesFromFrame(f *frame.Frame, yearCol, seriesCol, valueCol, kindCol, comparatorCol string, s Lines) (*Chart, error) {
	years, err := floats(f, yearCol)
	if err != nil {
		return nil, err
	}
	values, err := floats(f, valueCol)
	if err != nil {
		return nil, err
	}
	n := f.NumRows()
	series := make([]string, n)
	if seriesCol != "" {
		if series, err = labels(f, seriesCol, s.Lang); err != nil {
			return nil, err
		}
	} else {
		name := seriesName(f, valueCol, nil, 0, s.Lang)
		for i := range series {
			series[i] = name
		}
	}
	kinds := make([]string, n)
	if kindCol != "" {
		if kinds, err = labels(f, kindCol, s.Lang); err != nil {
			return nil, err
		}
	}
	cmps := make([]string, n)
	if comparatorCol != "" {
		if cmps, err = labels(f, comparatorCol, s.Lang); err != nil {
			return nil, err
		}
	}
	type key struct {
		series string
		year   int
	}
	points := map[key]float64{}
	var order []string
	seen := map[string]bool{}
	yearSet := map[int]bool{}
	s.Targets = nil
	for i := 0; i < n; i++ {
		if math.IsNaN(years[i]) {
			return nil, fmt.Errorf("%w: %q is null in row %d", ErrColumn, yearCol, i)
		}
		yr := int(years[i])
		if !seen[series[i]] {
			seen[series[i]] = true
			order = append(order, series[i])
		}
		if math.IsNaN(values[i]) {
			continue
		}
		if kinds[i] == "target" {
			s.Targets = append(s.Targets, TargetPoint{Series: series[i], Year: yr, Value: values[i], Comparator: cmps[i]})
			continue
		}
		k := key{series[i], yr}
		if old, ok := points[k]; ok && old != values[i] {
			return nil, fmt.Errorf("%w: %q in %d is %g and %g", ErrDuplicate, series[i], yr, old, values[i])
		}
		points[k] = values[i]
		yearSet[yr] = true
	}
	if len(yearSet) == 0 {
		for _, t := range s.Targets {
			yearSet[t.Year] = true
		}
	}
	s.Years = s.Years[:0:0]
	for yr := range yearSet {
		s.Years = append(s.Years, yr)
	}
	sort.Ints(s.Years)
	s.Series = nil
	for _, name := range order {
		vs := make([]float64, len(s.Years))
		any := false
		for j, yr := range s.Years {
			v, ok := points[key{name, yr}]
			if !ok {
				v = math.NaN()
			}
			any = any || ok
			vs[j] = v
		}
		if any || hasTarget(s.Targets, name) {
			s.Series = append(s.Series, Series{Name: name, Values: vs})
		}
	}
	return NewLines(s)
}

func hasTarget(ts []TargetPoint, series string) bool {
	for _, t := range ts {
		if t.Series == series {
			return true
		}
	}
	return false
}
