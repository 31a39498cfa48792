package periods

import (
	"errors"
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
)

// The kinds of figure a row of the input may be.
const (
	KindBaseline = "baseline"
	KindTarget   = "target"
	KindActual   = "actual"
)

// ErrInput is wrapped by every error about the input Frame: a missing
// column, a column of the wrong kind, or a row that cannot be placed.
var ErrInput = errors.New("periods: input")

// ErrNoFigures is returned by Series when no row has the indicator (and
// province) asked for.
var ErrNoFigures = errors.New("periods: no figures")

// figure is one input row.
type figure struct {
	row                            int
	province, indicator, level     string
	kind, unit, cmp                string
	labelVI, labelEN, text         string
	year                           int
	value, upper                   float64 // NaN: null
	approx, approxKnown, levelNull bool
	file                           string
	line                           int64
	lineKnown                      bool
}

func (f figure) asFigure() Figure {
	return Figure{Value: f.value, Upper: f.upper, Comparator: f.cmp}
}

// where names the figure's place for error messages.
func (f figure) where() string {
	if f.lineKnown {
		if f.file != "" {
			return fmt.Sprintf("row %d (%s:%d)", f.row+1, f.file, f.line)
		}
		return fmt.Sprintf("row %d (line %d)", f.row+1, f.line)
	}
	return fmt.Sprintf("row %d", f.row+1)
}

// columns of the input: required ones must be there, optional ones may not.
var (
	requiredColumns = []string{"province", "indicator", "year", "kind", "value"}
	optionalColumns = []string{"level", "unit", "comparator", "value_upper", "approximate",
		frame.ColSourceFile, frame.ColSourceLine, "label_vi", "label_en", "text"}
)

func column(f *frame.Frame, name string, want func(frame.Kind) bool, what string) (frame.Column, bool, error) {
	if !f.Has(name) {
		return frame.Column{}, false, nil
	}
	c := f.Col(name)
	if !want(c.Kind()) {
		return c, true, fmt.Errorf("%w: column %q is %s, want %s", ErrInput, name, c.Kind(), what)
	}
	return c, true, nil
}

func isString(k frame.Kind) bool  { return k == frame.String }
func isNumeric(k frame.Kind) bool { return k.Numeric() }
func isBool(k frame.Kind) bool    { return k == frame.Bool }

// readFigures reads every row of f. Data problems are returned together
// (errors.Join) in row order, each wrapping ErrInput.
func readFigures(f *frame.Frame) ([]figure, error) {
	if f == nil {
		return nil, fmt.Errorf("%w: nil Frame", ErrInput)
	}
	for _, name := range requiredColumns {
		if !f.Has(name) {
			return nil, fmt.Errorf("%w: no column %q (need %v; optional %v)", ErrInput, name, requiredColumns, optionalColumns)
		}
	}
	type spec struct {
		name string
		want func(frame.Kind) bool
		what string
	}
	specs := []spec{
		{"province", isString, "string"}, {"indicator", isString, "string"}, {"year", isNumeric, "a number"},
		{"kind", isString, "string"}, {"value", isNumeric, "a number"}, {"level", isString, "string"},
		{"unit", isString, "string"}, {"comparator", isString, "string"}, {"value_upper", isNumeric, "a number"},
		{"approximate", isBool, "bool"}, {frame.ColSourceFile, isString, "string"}, {frame.ColSourceLine, isNumeric, "a number"},
		{"label_vi", isString, "string"}, {"label_en", isString, "string"}, {"text", isString, "string"},
	}
	cols := map[string]frame.Column{}
	for _, s := range specs {
		c, ok, err := column(f, s.name, s.want, s.what)
		if err != nil {
			return nil, err
		}
		if ok {
			cols[s.name] = c
		}
	}
	strs := func(name string) ([]string, []bool) {
		c, ok := cols[name]
		if !ok {
			return nil, nil
		}
		return c.Strings(), c.Valid()
	}
	n := f.NumRows()
	province, provinceOK := strs("province")
	indicator, indicatorOK := strs("indicator")
	kind, kindOK := strs("kind")
	level, levelOK := strs("level")
	unit, _ := strs("unit")
	cmp, _ := strs("comparator")
	file, _ := strs(frame.ColSourceFile)
	labelVI, _ := strs("label_vi")
	labelEN, _ := strs("label_en")
	text, _ := strs("text")
	year := cols["year"].Float64s()
	value := cols["value"].Float64s()
	var upper []float64
	if c, ok := cols["value_upper"]; ok {
		upper = c.Float64s()
	}
	var approx, approxOK []bool
	if c, ok := cols["approximate"]; ok {
		approx, approxOK = c.Bools(), c.Valid()
	}
	var line []float64
	if c, ok := cols[frame.ColSourceLine]; ok {
		line = c.Float64s()
	}

	at := func(s []string, i int) string {
		if s == nil {
			return ""
		}
		return s[i]
	}
	figs := make([]figure, 0, n)
	var errs []error
	for i := 0; i < n; i++ {
		g := figure{
			row: i, province: province[i], indicator: indicator[i], kind: kind[i],
			level: at(level, i), unit: at(unit, i), cmp: at(cmp, i), file: at(file, i),
			labelVI: at(labelVI, i), labelEN: at(labelEN, i), text: at(text, i),
			value: value[i], upper: math.NaN(),
		}
		g.levelNull = levelOK == nil || !levelOK[i]
		if upper != nil {
			g.upper = upper[i]
		}
		if approx != nil && approxOK[i] {
			g.approx, g.approxKnown = approx[i], true
		}
		if line != nil && !math.IsNaN(line[i]) {
			g.line, g.lineKnown = int64(line[i]), true
		}
		if g.cmp == "" {
			g.cmp = "="
		}
		if !provinceOK[i] {
			errs = append(errs, fmt.Errorf("%w: %s: province is null", ErrInput, g.where()))
		}
		if !indicatorOK[i] || g.indicator == "" {
			errs = append(errs, fmt.Errorf("%w: %s: indicator is null", ErrInput, g.where()))
		}
		switch {
		case !kindOK[i]:
			errs = append(errs, fmt.Errorf("%w: %s: kind is null", ErrInput, g.where()))
		case g.kind != KindBaseline && g.kind != KindTarget && g.kind != KindActual:
			errs = append(errs, fmt.Errorf("%w: %s: kind %q, want baseline, target or actual", ErrInput, g.where(), g.kind))
		}
		y := year[i]
		switch {
		case math.IsNaN(y):
			errs = append(errs, fmt.Errorf("%w: %s: year is null", ErrInput, g.where()))
		case y != math.Trunc(y) || y < -1e6 || y > 1e6:
			errs = append(errs, fmt.Errorf("%w: %s: year %v is not a whole year", ErrInput, g.where(), y))
		default:
			g.year = int(y)
		}
		if _, ok := g.asFigure().allowed(); !ok {
			errs = append(errs, fmt.Errorf("%w: %s: comparator %q, want =, >=, >, <= or <", ErrInput, g.where(), g.cmp))
		}
		figs = append(figs, g)
	}
	return figs, errors.Join(errs...)
}
