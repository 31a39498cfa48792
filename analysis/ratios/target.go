package ratios

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/vntext"
)

// Target is a target ratio and where it was stated.
type Target struct {
	// Value is the target as a fraction (0.9 for 90 %).
	Value float64
	// Comparator is how a ratio meets it: ">=" (also for "=" and ""): at
	// least Value; ">": above Value.
	Comparator string
	// Indicator, Province, Year: the indicator key of vn-dx-indicators and
	// the province and year the target is set for (may be empty).
	Indicator string
	Province  string
	Year      int
	// Text is the phrase of the source; SourceFile and SourceLine where it is.
	Text       string
	SourceFile string
	SourceLine int
}

// String describes the target: "computers_per_civil_servant 2015 >= 0.9
// (soctrang-2010-….txt:191)".
func (t Target) String() string {
	var b strings.Builder
	if t.Indicator != "" {
		b.WriteString(t.Indicator + " ")
	}
	if t.Year != 0 {
		b.WriteString(strconv.Itoa(t.Year) + " ")
	}
	b.WriteString(t.comparator() + " " + strconv.FormatFloat(t.Value, 'g', -1, 64))
	if t.SourceFile != "" {
		fmt.Fprintf(&b, " (%s:%d)", t.SourceFile, t.SourceLine)
	}
	return b.String()
}

func (t Target) comparator() string {
	if t.Comparator == ">" {
		return ">"
	}
	return ">="
}

// meets reports whether ratio r reaches the target.
func (t Target) meets(r float64) bool {
	if t.Comparator == ">" {
		return r > t.Value
	}
	return r >= t.Value
}

// LookupTarget finds the target of an indicator for a province and year in
// a Frame of the form of dataset vn-dx-indicators (columns province,
// indicator, year, kind, value, unit, comparator, text, source_file,
// source_line): the one row with kind "target". province matches after
// trimming and NFC normalisation, ignoring case ("" matches any); when no
// row matches so, the names are compared without diacritics (đ as d), so
// that "Soc Trang" and "Khánh Hoà" find "Sóc Trăng" and "Khánh Hòa". A value in per cent is divided
// by 100, a value in ratio is kept; any other unit, no row, or several rows
// (e.g. one per level) are errors, as is a null value.
func LookupTarget(indicators *frame.Frame, province, indicator string, year int) (Target, error) {
	for _, c := range []string{"province", "indicator", "year", "kind", "value", "unit"} {
		if _, err := indicators.Column(c); err != nil {
			return Target{}, fmt.Errorf("ratios: LookupTarget: %w", err)
		}
	}
	want := norm.NFC.String(strings.TrimSpace(province))
	match := func(same func(a, b string) bool) *frame.Frame {
		return indicators.Filter(func(r frame.Row) bool {
			return r.String("indicator") == indicator && r.String("kind") == "target" &&
				!r.IsNull("year") && r.Int64("year") == int64(year) &&
				(want == "" || same(norm.NFC.String(strings.TrimSpace(r.String("province"))), want))
		})
	}
	rows := match(strings.EqualFold)
	if rows.NumRows() == 0 && want != "" {
		rows.Release()
		rows = match(func(a, b string) bool { return vntext.Fold(a) == vntext.Fold(b) })
	}
	defer rows.Release()
	what := fmt.Sprintf("target %s for %d (province %q)", indicator, year, province)
	switch rows.NumRows() {
	case 0:
		return Target{}, fmt.Errorf("ratios: no %s", what)
	case 1:
	default:
		return Target{}, fmt.Errorf("ratios: %d rows hold the %s (lines %s): filter the Frame first", rows.NumRows(), what, strings.Join(optStrings(rows, frame.ColSourceLine), ", "))
	}
	r := rows.Row(0)
	v := r.Float64("value")
	if math.IsNaN(v) {
		return Target{}, fmt.Errorf("ratios: the %s has no value", what)
	}
	switch u := r.String("unit"); u {
	case "percent":
		v /= 100
	case "ratio":
	default:
		return Target{}, fmt.Errorf("ratios: the %s is in %q, not percent or ratio", what, u)
	}
	t := Target{Value: v, Indicator: indicator, Province: r.String("province"), Year: year}
	if rows.Has("comparator") {
		t.Comparator = r.String("comparator")
	}
	if rows.Has("text") {
		t.Text = r.String("text")
	}
	if rows.Has(frame.ColSourceFile) {
		t.SourceFile = r.String(frame.ColSourceFile)
	}
	if rows.Has(frame.ColSourceLine) {
		t.SourceLine = int(r.Int64(frame.ColSourceLine))
	}
	return t, nil
}

func optStrings(f *frame.Frame, col string) []string {
	if !f.Has(col) {
		return nil
	}
	return f.Col(col).Strings()
}

// GapToTarget returns f with three columns added after its own:
//
//	target = t.Value
//	gap    = ratio − target   (negative: short of the target)
//	met    = ratio ≥ target   (ratio > target when t.Comparator is ">")
//
// gap and met are null where the ratio is null. f needs a ratio column
// (the output of ByUnit or Aggregate); the target's source is added to the
// schema metadata (target, target_source, target_text).
func GapToTarget(f *frame.Frame, t Target) (*frame.Frame, error) {
	c, err := f.Column(ColRatio)
	if err != nil {
		return nil, fmt.Errorf("ratios: GapToTarget: %w", err)
	}
	if !c.Kind().Numeric() {
		return nil, fmt.Errorf("ratios: GapToTarget: column %q is %s, not a number", ColRatio, c.Kind())
	}
	if math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
		return nil, errors.New("ratios: GapToTarget: the target has no value")
	}
	r := c.Float64s()
	n := len(r)
	target := make([]float64, n)
	gap := make([]float64, n)
	met := make([]bool, n)
	metValid := make([]bool, n)
	for i, x := range r {
		target[i] = t.Value
		gap[i] = x - t.Value // NaN stays NaN
		if !math.IsNaN(x) {
			met[i], metValid[i] = t.meets(x), true
		}
	}
	cols := []column{
		{spec: frame.FieldSpec{Name: ColTarget, Kind: frame.Float64, LabelVI: "Mục tiêu", Unit: "ratio"}, values: target},
		{spec: frame.FieldSpec{Name: ColGap, Kind: frame.Float64, LabelVI: "Chênh lệch so với mục tiêu (tỷ lệ − mục tiêu)", Unit: "ratio"}, values: gap},
		{spec: frame.FieldSpec{Name: ColMet, Kind: frame.Bool, LabelVI: "Đạt mục tiêu"}, values: met, valid: metValid},
	}
	meta := f.Metadata()
	meta["target"] = t.String()
	if t.SourceFile != "" {
		meta["target_source"] = fmt.Sprintf("%s:%d", t.SourceFile, t.SourceLine)
	}
	if t.Text != "" {
		meta["target_text"] = t.Text
	}
	meta[frame.MetaMethod] = strings.TrimPrefix(meta[frame.MetaMethod]+"; ", "; ") + "gap = ratio − target, met = ratio " + t.comparator() + " target"
	return assemble(f, f, meta, cols)
}
