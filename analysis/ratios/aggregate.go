package ratios

import (
	"errors"
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
)

// Aggregate computes, for each group of f's rows by groupCol (all rows in
// one group when groupCol is ""), each ratio of specs as the sum of the parts
// over the sum of the wholes:
//
//	ratio(g) = Σ numerator(u) / Σ denominator(u),  u in g with both present
//
// — the group's own ratio, in which every unit weighs by its denominator
// (for computers per staff: all the computers of the group over all its
// staff). A unit with a null numerator or denominator is left out of both
// sums and counted in units_excluded; a unit with denominator 0 is kept (it
// adds its parts, and a unit of 0 computers and 0 staff adds nothing). The
// ratio is null when no unit is left or the denominator sum is 0.
//
// The result has one row per spec and group — groups in order of first
// appearance, a null group key being a group of its own — with the columns:
// the group column (unless groupCol is ""), measure, units (rows in the
// group), units_excluded, numerator and denominator (the sums, null when no
// unit is left), ratio, source_lines (the source lines of the units added
// up, "1401,1419,…") and excluded_lines (those left out).
//
// This is not the mean of the unit ratios; for that, see MeanOfRatios.
func Aggregate(f *frame.Frame, groupCol string, specs ...Spec) (*frame.Frame, error) {
	if len(specs) == 0 {
		return nil, errors.New("ratios: Aggregate needs at least one Spec")
	}
	tally := &groupTally{}
	var (
		num, den, ratio    []float64
		numSpecs, denSpecs []frame.FieldSpec
		first              []int
	)
	for k, s := range specs {
		u, err := computeSpec(f, s)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			numSpecs, denSpecs = u.numSpecs, u.denSpecs
		}
		counts := make([]bool, len(u.num))
		for i := range counts {
			counts[i] = !math.IsNaN(u.num[i]) && !math.IsNaN(u.den[i])
		}
		g, err := groupUnits(f, groupCol, counts, u.num, u.den)
		if err != nil {
			return nil, err
		}
		first = g.first
		tally.add(s.Name, g)
		num = append(num, g.sums[0]...)
		den = append(den, g.sums[1]...)
		for j := range g.sums[0] {
			ratio = append(ratio, quotient(g.sums[0][j], g.sums[1][j]))
		}
	}
	base, err := groupKeys(f, groupCol, first, len(specs))
	if err != nil {
		return nil, err
	}
	if base != nil {
		defer base.Release()
	}
	numLabel, numUnit := "Tổng tử số", ""
	denLabel, denUnit := "Tổng mẫu số", ""
	if len(specs) == 1 {
		numLabel, numUnit = partLabel(numSpecs)
		denLabel, denUnit = partLabel(denSpecs)
		numLabel, denLabel = "Tổng — "+numLabel, "Tổng — "+denLabel
	}
	cols := tally.columns("thiếu số liệu",
		column{spec: frame.FieldSpec{Name: ColNumerator, Kind: frame.Float64, LabelVI: numLabel, Unit: numUnit}, values: num},
		column{spec: frame.FieldSpec{Name: ColDenominator, Kind: frame.Float64, LabelVI: denLabel, Unit: denUnit}, values: den},
		column{spec: frame.FieldSpec{Name: ColRatio, Kind: frame.Float64, LabelVI: ratioLabel(specs, "Tỷ lệ") + " (tổng tử số / tổng mẫu số)", Unit: "ratio"}, values: ratio},
	)
	meta := outputMeta(f, "Tỷ lệ theo nhóm (tổng tử số / tổng mẫu số)", "Ratios by group (sum of parts over sum of wholes)",
		fmt.Sprintf("by %s: %s; ratio = sum of numerators / sum of denominators over the units with both present", groupName(groupCol), specsText(specs)))
	return assemble(f, base, meta, cols)
}

// MeanOfRatios computes, for each group of f's rows by groupCol (all rows
// when groupCol is ""), the unweighted arithmetic mean of the unit ratios:
//
//	mean_of_ratios(g) = (1/n) Σ ratio(u),  u in g with a ratio
//
// Every unit weighs the same whatever its size, so this is not the group's
// ratio (Aggregate computes that); use it only when the mean of the units'
// ratios is what is asked. Units whose ratio is null (a null input, or a
// denominator of 0) are left out and counted in units_excluded; the mean of
// no ratio is null.
//
// The result has one row per spec and group, in order of first appearance,
// with the columns: the group column (unless groupCol is ""), measure,
// units, units_excluded, mean_of_ratios, source_lines and excluded_lines.
func MeanOfRatios(f *frame.Frame, groupCol string, specs ...Spec) (*frame.Frame, error) {
	if len(specs) == 0 {
		return nil, errors.New("ratios: MeanOfRatios needs at least one Spec")
	}
	tally := &groupTally{}
	var (
		mean  []float64
		first []int
	)
	for _, s := range specs {
		u, err := computeSpec(f, s)
		if err != nil {
			return nil, err
		}
		counts := make([]bool, len(u.ratio))
		for i := range counts {
			counts[i] = !math.IsNaN(u.ratio[i])
		}
		g, err := groupUnits(f, groupCol, counts, u.ratio)
		if err != nil {
			return nil, err
		}
		first = g.first
		tally.add(s.Name, g)
		for j, sum := range g.sums[0] {
			m := math.NaN()
			if in := g.units[j] - g.excluded[j]; in > 0 {
				m = sum / float64(in)
			}
			mean = append(mean, m)
		}
	}
	base, err := groupKeys(f, groupCol, first, len(specs))
	if err != nil {
		return nil, err
	}
	if base != nil {
		defer base.Release()
	}
	cols := tally.columns("không có tỷ lệ",
		column{spec: frame.FieldSpec{Name: ColMeanOfRatios, Kind: frame.Float64, LabelVI: "Trung bình cộng các tỷ lệ của đơn vị (không trọng số)", Unit: "ratio"}, values: mean},
	)
	meta := outputMeta(f, "Trung bình cộng các tỷ lệ theo nhóm (không trọng số)", "Mean of unit ratios by group (unweighted)",
		fmt.Sprintf("by %s: %s; mean_of_ratios = unweighted mean of the unit ratios, units without a ratio left out", groupName(groupCol), specsText(specs)))
	return assemble(f, base, meta, cols)
}

// groupTally gathers what Aggregate and MeanOfRatios both report of each
// spec × group (spec-major): the measure, the units of the group, those
// left out, and the source lines of the units that count and of those left
// out.
type groupTally struct {
	measure         []string
	units, excluded []int64
	used, left      []string
}

// add appends one spec's groups.
func (t *groupTally) add(name string, g unitGroups) {
	for range g.units {
		t.measure = append(t.measure, name)
	}
	t.units = append(t.units, g.units...)
	t.excluded = append(t.excluded, g.excluded...)
	t.used = append(t.used, g.used...)
	t.left = append(t.left, g.left...)
}

func (t *groupTally) columns(why string, figures ...column) []column {
	cols := []column{
		{spec: frame.FieldSpec{Name: ColMeasure, Kind: frame.String, LabelVI: "Chỉ số"}, values: t.measure},
		{spec: frame.FieldSpec{Name: ColUnits, Kind: frame.Int64, LabelVI: "Số đơn vị", Unit: "count"}, values: t.units},
		{spec: frame.FieldSpec{Name: ColExcluded, Kind: frame.Int64, LabelVI: "Số đơn vị không tính (" + why + ")", Unit: "count"}, values: t.excluded},
	}
	cols = append(cols, figures...)
	return append(cols,
		column{spec: frame.FieldSpec{Name: ColSourceLines, Kind: frame.String, LabelVI: "Các dòng trong văn bản nguồn"}, values: t.used},
		column{spec: frame.FieldSpec{Name: ColExcludedLines, Kind: frame.String, LabelVI: "Các dòng không tính (" + why + ")"}, values: t.left},
	)
}

func groupName(col string) string {
	if col == "" {
		return "all rows"
	}
	return col
}

// unitGroups are f's units (rows) by group, as frame.GroupBy makes the
// groups (first appearance, a null key a group of its own): per group its
// first row, its units, those left out, the source lines of the units that
// count ("1401,1419") and of those left out, and the sums of each values
// slice over the units that count (NaN where none counts).
type unitGroups struct {
	first           []int
	units, excluded []int64
	used, left      []string
	sums            [][]float64
}

// groupUnits groups f's rows by groupCol (all rows in one group when it is
// ""), the rows where counts is true counting.
func groupUnits(f *frame.Frame, groupCol string, counts []bool, values ...[]float64) (unitGroups, error) {
	n := f.NumRows()
	if groupCol == "" && n == 0 {
		// all rows of an empty Frame: one group of no unit
		out := unitGroups{first: []int{0}, units: []int64{0}, excluded: []int64{0}, used: []string{""}, left: []string{""}}
		for range values {
			out.sums = append(out.sums, []float64{math.NaN()})
		}
		return out, nil
	}
	const (
		all, rowCol, inCol, usedCol, leftCol = "\x00all", "\x00row", "\x00in", "\x00used", "\x00left"
	)
	key := groupCol
	var w *frame.Frame
	var err error
	if groupCol == "" {
		key = all
		w, err = frame.FromColumns(nil, []frame.FieldSpec{{Name: all, Kind: frame.Int64}}, []any{make([]int64, n)})
	} else {
		w, err = f.Select(groupCol)
	}
	if err != nil {
		return unitGroups{}, fmt.Errorf("ratios: group: %w", err)
	}
	lines, linesValid := sourceLines(f)
	row := make([]int64, n)
	lineIn, lineOut := make([]bool, n), make([]bool, n)
	for i := range row {
		row[i] = int64(i)
		lineIn[i], lineOut[i] = counts[i] && linesValid[i], !counts[i] && linesValid[i]
	}
	add := []struct {
		spec   frame.FieldSpec
		values any
		valid  []bool
	}{
		{frame.FieldSpec{Name: rowCol, Kind: frame.Int64}, row, nil},
		{frame.FieldSpec{Name: inCol, Kind: frame.Int64}, row, counts},
		{frame.FieldSpec{Name: usedCol, Kind: frame.Int64}, lines, lineIn},
		{frame.FieldSpec{Name: leftCol, Kind: frame.Int64}, lines, lineOut},
	}
	aggs := []frame.Agg{frame.First(rowCol).Named("first"), frame.CountRows().Named("units"), frame.Count(inCol).Named("in"),
		frame.Collect(usedCol, ",").Named("used"), frame.Collect(leftCol, ",").Named("left")}
	for k, v := range values {
		name := fmt.Sprintf("\x00v%d", k)
		add = append(add, struct {
			spec   frame.FieldSpec
			values any
			valid  []bool
		}{frame.FieldSpec{Name: name, Kind: frame.Float64}, v, counts})
		aggs = append(aggs, frame.Sum(name).Named(fmt.Sprintf("s%d", k)))
	}
	for _, a := range add {
		x, err := w.WithColumn(a.spec, a.values, a.valid)
		w.Release()
		if err != nil {
			return unitGroups{}, fmt.Errorf("ratios: group: %w", err)
		}
		w = x
	}
	defer w.Release()
	g, err := w.GroupBy([]string{key}, aggs...)
	if err != nil {
		return unitGroups{}, fmt.Errorf("ratios: group by %s: %w", groupCol, err)
	}
	defer g.Release()
	out := unitGroups{units: g.Col("units").Int64s(), used: g.Col("used").Strings(), left: g.Col("left").Strings()}
	in := g.Col("in").Int64s()
	for j, r := range g.Col("first").Int64s() {
		out.first = append(out.first, int(r))
		out.excluded = append(out.excluded, out.units[j]-in[j])
	}
	for k := range values {
		out.sums = append(out.sums, g.Col(fmt.Sprintf("s%d", k)).Float64s())
	}
	return out, nil
}

// groupKeys returns the group column at each group's first row, repeated
// times times; nil when grouping by all rows.
func groupKeys(f *frame.Frame, groupCol string, first []int, times int) (*frame.Frame, error) {
	if groupCol == "" {
		return nil, nil
	}
	idx := make([]int, 0, len(first)*times)
	for range times {
		idx = append(idx, first...)
	}
	return keyFrame(f, []string{groupCol}, idx)
}
