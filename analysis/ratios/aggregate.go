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
	g, err := groupRows(f, groupCol)
	if err != nil {
		return nil, err
	}
	tally := newGroupTally(f)
	var (
		num, den, ratio    []float64
		numSpecs, denSpecs []frame.FieldSpec
	)
	for k, s := range specs {
		u, err := computeSpec(f, s)
		if err != nil {
			return nil, err
		}
		if k == 0 {
			numSpecs, denSpecs = u.numSpecs, u.denSpecs
		}
		for _, rows := range g.rows {
			in := tally.add(s.Name, rows, func(i int) bool { return !math.IsNaN(u.num[i]) && !math.IsNaN(u.den[i]) })
			var sn, sd float64
			for _, i := range in {
				sn += u.num[i]
				sd += u.den[i]
			}
			if len(in) == 0 {
				sn, sd = math.NaN(), math.NaN()
			}
			num = append(num, sn)
			den = append(den, sd)
			ratio = append(ratio, quotient(sn, sd))
		}
	}
	base, err := g.keyFrame(f, len(specs))
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
	g, err := groupRows(f, groupCol)
	if err != nil {
		return nil, err
	}
	tally := newGroupTally(f)
	var mean []float64
	for _, s := range specs {
		u, err := computeSpec(f, s)
		if err != nil {
			return nil, err
		}
		for _, rows := range g.rows {
			in := tally.add(s.Name, rows, func(i int) bool { return !math.IsNaN(u.ratio[i]) })
			var sum float64
			for _, i := range in {
				sum += u.ratio[i]
			}
			m := math.NaN()
			if len(in) > 0 {
				m = sum / float64(len(in))
			}
			mean = append(mean, m)
		}
	}
	base, err := g.keyFrame(f, len(specs))
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
// spec × group (spec-major, the order of groups.keyFrame): the measure, the
// units of the group, those left out, and the source lines of the units
// that count and of those left out.
type groupTally struct {
	lines           []int64
	linesValid      []bool
	measure         []string
	units, excluded []int64
	used, left      []string
}

func newGroupTally(f *frame.Frame) *groupTally {
	lines, valid := sourceLines(f)
	return &groupTally{lines: lines, linesValid: valid}
}

// add records the rows of one group for the spec named name and returns,
// in order, those that count (count(i) true); the others are left out.
// Rows without a source line add no line.
func (t *groupTally) add(name string, rows []int, count func(i int) bool) []int {
	var in []int
	var inLines, outLines []int64
	for _, i := range rows {
		if count(i) {
			in = append(in, i)
			if t.linesValid[i] {
				inLines = append(inLines, t.lines[i])
			}
		} else if t.linesValid[i] {
			outLines = append(outLines, t.lines[i])
		}
	}
	t.measure = append(t.measure, name)
	t.units = append(t.units, int64(len(rows)))
	t.excluded = append(t.excluded, int64(len(rows)-len(in)))
	t.used = append(t.used, joinLines(inLines))
	t.left = append(t.left, joinLines(outLines))
	return in
}

// columns returns the tally's columns around the caller's own: measure,
// units, units_excluded, figures..., source_lines, excluded_lines. why
// says (in Vietnamese) why a unit is left out.
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

// groups are f's rows split by a key column, in order of first appearance.
type groups struct {
	col   string
	first []int   // first row of each group
	rows  [][]int // rows of each group
}

// groupRows groups f's rows by col ("" = one group of all rows). A null key
// is a group of its own, distinct from any text.
func groupRows(f *frame.Frame, col string) (groups, error) {
	n := f.NumRows()
	g := groups{col: col}
	if col == "" {
		all := make([]int, n)
		for i := range all {
			all[i] = i
		}
		g.first, g.rows = []int{0}, [][]int{all}
		return g, nil
	}
	c, err := f.Column(col)
	if err != nil {
		return g, fmt.Errorf("ratios: group: %w", err)
	}
	type key struct {
		null bool
		s    string
	}
	at := map[key]int{}
	vals := c.Strings()
	for i := range n {
		k := key{c.IsNull(i), vals[i]}
		if k.null {
			k.s = ""
		}
		j, ok := at[k]
		if !ok {
			j = len(g.rows)
			at[k] = j
			g.first = append(g.first, i)
			g.rows = append(g.rows, nil)
		}
		g.rows[j] = append(g.rows[j], i)
	}
	return g, nil
}

// keyFrame returns the group column, one row per group, repeated times
// times; nil when grouping by all rows.
func (g groups) keyFrame(f *frame.Frame, times int) (*frame.Frame, error) {
	if g.col == "" {
		return nil, nil
	}
	idx := make([]int, 0, len(g.first)*times)
	for range times {
		idx = append(idx, g.first...)
	}
	return keyFrame(f, []string{g.col}, idx)
}
