package composite

import (
	"fmt"
	"math"
	"strconv"

	"github.com/ictplan/ictplan/frame"
)

// PerCapita returns f with a column value / population × per added at the
// end, named valueCol_per_capita when per is 1 and valueCol_per_<per>_people
// otherwise (total_mvnd_per_100000_people), labelled in Vietnamese
// ("… bình quân đầu người", "… trên 100.000 dân") with unit
// "<value unit>/person" or "<value unit>/<per> people".
//
// A null value or population, or a population of 0, gives null (never 0
// or ±Inf). A negative population is an error naming the row; so is a
// per ≤ 0, a missing column or a non-numeric one.
func PerCapita(f *frame.Frame, valueCol, populationCol string, per float64) (*frame.Frame, error) {
	return perUnit(f, valueCol, populationCol, per, "capita", "people", "person",
		"bình quân đầu người", "dân")
}

// PerStaff is PerCapita with a staff count as the denominator (computers
// per civil servant, training places per IT officer): the column is named
// valueCol_per_staff when per is 1 and valueCol_per_<per>_staff otherwise,
// labelled "… bình quân một cán bộ, công chức" / "… trên <per> cán bộ,
// công chức". The same rules for nulls, 0 and negative denominators apply.
func PerStaff(f *frame.Frame, valueCol, staffCol string, per float64) (*frame.Frame, error) {
	return perUnit(f, valueCol, staffCol, per, "staff", "staff", "staff",
		"bình quân một cán bộ, công chức", "cán bộ, công chức")
}

func perUnit(f *frame.Frame, valueCol, denCol string, per float64, one, many, unitOne, labelOne, labelMany string) (*frame.Frame, error) {
	if !(per > 0) || math.IsInf(per, 0) {
		return nil, fmt.Errorf("composite: per must be a finite number > 0, not %v", per)
	}
	vc, err := f.Column(valueCol)
	if err != nil {
		return nil, fmt.Errorf("composite: %w", err)
	}
	dc, err := f.Column(denCol)
	if err != nil {
		return nil, fmt.Errorf("composite: %w", err)
	}
	for _, c := range []frame.Column{vc, dc} {
		if !c.Kind().Numeric() {
			return nil, fmt.Errorf("composite: %q is a %s column, not a number", c.Name(), c.Kind())
		}
	}
	x, d := vc.Float64s(), dc.Float64s()
	names := rowNames(f, "")
	out := make([]float64, len(x))
	for i := range x {
		switch {
		case d[i] < 0:
			return nil, fmt.Errorf("composite: %s has %s = %v: a denominator cannot be negative", names[i], denCol, d[i])
		case math.IsNaN(x[i]) || math.IsNaN(d[i]) || d[i] == 0:
			out[i] = math.NaN()
		default:
			out[i] = x[i] / d[i] * per
		}
	}
	perText := strconv.FormatFloat(per, 'f', -1, 64)
	name := valueCol + "_per_" + one
	label := labelOf(vc) + " " + labelOne
	unit := vc.Unit() + "/" + unitOne
	if per != 1 {
		name = valueCol + "_per_" + perText + "_" + many
		label = labelOf(vc) + " trên " + frame.FormatVI(per, -1) + " " + labelMany
		unit = vc.Unit() + "/" + perText + " " + many
	}
	if vc.Unit() == "" {
		unit = unit[1:]
	}
	spec := frame.FieldSpec{Name: name, Kind: frame.Float64, LabelVI: label, Unit: unit,
		Extra: map[string]string{frame.MetaDescription: fmt.Sprintf("%s / %s × %s; null where either is null or %s is 0",
			valueCol, denCol, perText, denCol)}}
	return f.WithColumn(spec, out, nil)
}

func labelOf(c frame.Column) string {
	if l := c.LabelVI(); l != "" {
		return l
	}
	return c.Name()
}
