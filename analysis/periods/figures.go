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
	cols, err := figureColumns(f)
	if err != nil {
		return nil, err
	}
	n := f.NumRows()
	figs := make([]figure, 0, n)
	var errs []error
	for i := 0; i < n; i++ {
		g := cols.figure(i)
		errs = append(errs, cols.check(&g, i)...)
		figs = append(figs, g)
	}
	return figs, errors.Join(errs...)
}

// figureCols are the columns of a Frame of figures, read once; a missing
// optional column is nil.
type figureCols struct {
	province, indicator, kind, level         []string
	provinceOK, indicatorOK, kindOK, levelOK []bool
	unit, cmp, file, labelVI, labelEN, text  []string
	year, value, upper, line                 []float64
	approx, approxOK                         []bool
}

// figureColumns checks that f has the required columns and that every
// column it has is of its kind, and reads them.
func figureColumns(f *frame.Frame) (*figureCols, error) {
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
	var c figureCols
	c.province, c.provinceOK = strs("province")
	c.indicator, c.indicatorOK = strs("indicator")
	c.kind, c.kindOK = strs("kind")
	c.level, c.levelOK = strs("level")
	c.unit, _ = strs("unit")
	c.cmp, _ = strs("comparator")
	c.file, _ = strs(frame.ColSourceFile)
	c.labelVI, _ = strs("label_vi")
	c.labelEN, _ = strs("label_en")
	c.text, _ = strs("text")
	c.year = cols["year"].Float64s()
	c.value = cols["value"].Float64s()
	if u, ok := cols["value_upper"]; ok {
		c.upper = u.Float64s()
	}
	if a, ok := cols["approximate"]; ok {
		c.approx, c.approxOK = a.Bools(), a.Valid()
	}
	if l, ok := cols[frame.ColSourceLine]; ok {
		c.line = l.Float64s()
	}
	return &c, nil
}

// figure is row i as a figure (its year is set by check).
func (c *figureCols) figure(i int) figure {
	at := func(s []string) string {
		if s == nil {
			return ""
		}
		return s[i]
	}
	g := figure{
		row: i, province: c.province[i], indicator: c.indicator[i], kind: c.kind[i],
		level: at(c.level), unit: at(c.unit), cmp: at(c.cmp), file: at(c.file),
		labelVI: at(c.labelVI), labelEN: at(c.labelEN), text: at(c.text),
		value: c.value[i], upper: math.NaN(),
	}
	g.levelNull = c.levelOK == nil || !c.levelOK[i]
	if c.upper != nil {
		g.upper = c.upper[i]
	}
	if c.approx != nil && c.approxOK[i] {
		g.approx, g.approxKnown = c.approx[i], true
	}
	if c.line != nil && !math.IsNaN(c.line[i]) {
		g.line, g.lineKnown = int64(c.line[i]), true
	}
	if g.cmp == "" {
		g.cmp = "="
	}
	return g
}

// check returns the problems of row i (figure g): a null province,
// indicator or kind, a kind other than baseline, target or actual, a year
// that is not a whole year, an unknown comparator. It sets g's year.
func (c *figureCols) check(g *figure, i int) []error {
	var errs []error
	if !c.provinceOK[i] {
		errs = append(errs, fmt.Errorf("%w: %s: province is null", ErrInput, g.where()))
	}
	if !c.indicatorOK[i] || g.indicator == "" {
		errs = append(errs, fmt.Errorf("%w: %s: indicator is null", ErrInput, g.where()))
	}
	switch {
	case !c.kindOK[i]:
		errs = append(errs, fmt.Errorf("%w: %s: kind is null", ErrInput, g.where()))
	case g.kind != KindBaseline && g.kind != KindTarget && g.kind != KindActual:
		errs = append(errs, fmt.Errorf("%w: %s: kind %q, want baseline, target or actual", ErrInput, g.where(), g.kind))
	}
	y := c.year[i]
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
	return errs
}
