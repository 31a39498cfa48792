package ratios

import (
	"fmt"
	"math"
	"strconv"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// AgainstReported puts the ratio of spec, recomputed for every unit of f, beside
// the ratio f reports in column reportedCol. The result has the unit's key
// columns (as ByUnit), measure, numerator, denominator, recomputed,
// reported, and:
//
//	difference = reported − recomputed
//	agrees     = |difference| ≤ tolerance
//
// A negative tolerance means half a unit of the last decimal the reported
// column is written with (its most precise cell): ±0.000005 for a column
// written to five decimals, as package reconcile checks. A floating-point
// slack of 1e-9 times the larger magnitude (at least 1) is allowed on top.
//
// agrees is null when nothing is reported (reported null) or when an input
// of the recomputed ratio is null; it is false when a ratio is reported for
// a denominator of 0 (the ratio is undefined: the Sóc Trăng 2010 tables
// write 0 for a unit with no staff). difference is null whenever either
// ratio is. The source_line column and the tolerance (schema metadata key
// "tolerance") come last and in the metadata.
func AgainstReported(f *frame.Frame, spec Spec, reportedCol string, tolerance float64) (*frame.Frame, error) {
	rc, err := f.Column(reportedCol)
	if err != nil {
		return nil, fmt.Errorf("ratios: Compare: %w", err)
	}
	if !rc.Kind().Numeric() {
		return nil, fmt.Errorf("ratios: Compare: column %q is %s, not a number", reportedCol, rc.Kind())
	}
	u, err := computeSpec(f, spec)
	if err != nil {
		return nil, err
	}
	rep := rc.Float64s()
	if tolerance < 0 || math.IsNaN(tolerance) {
		tolerance = approx.HalfUnit(approx.MaxDecimals(rep))
	}
	n := len(rep)
	diff := make([]float64, n)
	agrees := make([]bool, n)
	agreesValid := make([]bool, n)
	for i := range rep {
		diff[i] = rep[i] - u.ratio[i] // NaN if either is
		switch {
		case math.IsNaN(rep[i]) || math.IsNaN(u.num[i]) || math.IsNaN(u.den[i]):
			// nothing to compare
		case math.IsNaN(u.ratio[i]): // denominator 0
			agreesValid[i] = true
		default:
			agrees[i], agreesValid[i] = approx.Equal(rep[i], u.ratio[i], tolerance), true
		}
	}
	lines, linesValid := sourceLines(f)
	keys := presentKeys(f, DefaultKeys())
	base, err := keyFrame(f, keys, nil)
	if err != nil {
		return nil, err
	}
	if base != nil {
		defer base.Release()
	}
	measure := make([]string, n)
	for i := range measure {
		measure[i] = spec.Name
	}
	numLabel, numUnit := partLabel(u.numSpecs)
	denLabel, denUnit := partLabel(u.denSpecs)
	repLabel := rc.LabelVI()
	if repLabel == "" {
		repLabel = "Tỷ lệ báo cáo"
	}
	cols := []column{
		{spec: frame.FieldSpec{Name: ColMeasure, Kind: frame.String, LabelVI: "Chỉ số"}, values: measure},
		{spec: frame.FieldSpec{Name: ColNumerator, Kind: frame.Float64, LabelVI: numLabel, Unit: numUnit}, values: u.num},
		{spec: frame.FieldSpec{Name: ColDenominator, Kind: frame.Float64, LabelVI: denLabel, Unit: denUnit}, values: u.den},
		{spec: frame.FieldSpec{Name: ColRecomputed, Kind: frame.Float64, LabelVI: "Tỷ lệ tính lại", Unit: "ratio"}, values: u.ratio},
		{spec: frame.FieldSpec{Name: ColReported, Kind: frame.Float64, LabelVI: repLabel + " (báo cáo)", Unit: "ratio"}, values: rep},
		{spec: frame.FieldSpec{Name: ColDifference, Kind: frame.Float64, LabelVI: "Chênh lệch (báo cáo − tính lại)", Unit: "ratio"}, values: diff},
		{spec: frame.FieldSpec{Name: ColAgrees, Kind: frame.Bool, LabelVI: "Khớp (trong sai số làm tròn)"}, values: agrees, valid: agreesValid},
		{spec: frame.FieldSpec{Name: ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"}, values: lines, valid: linesValid},
	}
	tol := strconv.FormatFloat(tolerance, 'g', -1, 64)
	meta := outputMeta(f, "Tỷ lệ tính lại và tỷ lệ báo cáo", "Recomputed and reported ratios",
		fmt.Sprintf("%s = %s beside %s; difference = reported − recomputed; agrees = |difference| <= %s", spec.Name, spec.Formula(), reportedCol, tol))
	meta["tolerance"] = tol
	return assemble(f, base, meta, cols)
}
