package reconcile

import (
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// RuleMean is the rule of a reported mean ("Tỷ lệ trung bình", "Bình
// quân") against the mean of its column's rows.
const RuleMean = "mean-vs-rows"

// Means compares each reported mean in means (a claims Frame, of
// frame.ClaimFields, as loaders.Table.MeansFrame makes) with the arithmetic mean of its column over
// the rows of its scope (as Totals finds them: all rows, or those whose
// scope column holds the claim's scope), the empty cells left out, within
// half a unit of the figure's last written digit.
//
// A "tỷ lệ trung bình" of a reported ratio column is written either way by
// officials: the mean of the rows' ratios, or the ratio of the column
// sums (total computers over total staff). For a column that is the
// Reported column of one of ratios, a mean that agrees with either is no
// finding, and the detail of a finding gives both.
func Means(dataset string, data, means *frame.Frame, ratios ...Ratio) (Report, error) {
	r := Report{Dataset: dataset}
	if means == nil || means.NumRows() == 0 {
		return r, nil
	}
	cl := readClaims(means)
	labels, scopes, cols, vals, decs, lines := cl.labels, cl.scopes, cl.cols, cl.vals, cl.decs, cl.lines
	scopeCol, groups := scopeGroups(data)
	inScope := func(i, k int) bool { return scopes[i] == "" || groups[k] == scopes[i] }
	for i := range labels {
		if math.IsNaN(vals[i]) {
			continue
		}
		c, err := data.Column(cols[i])
		if err != nil {
			return r, fmt.Errorf("reconcile: mean at line %d: %w", lines[i], err)
		}
		if !c.Kind().Numeric() {
			continue
		}
		if scopes[i] != "" && groups == nil {
			return r, fmt.Errorf("reconcile: mean at line %d: %s covers %q, but the data has no column %q to find its rows in", lines[i], labels[i], scopes[i], scopeCol)
		}
		sum, n, nulls := 0.0, 0, 0
		for k, v := range c.Float64s() {
			if !inScope(i, k) {
				continue
			}
			if math.IsNaN(v) {
				nulls++
				continue
			}
			sum += v
			n++
		}
		mean := math.NaN()
		if n > 0 {
			mean = sum / float64(n)
		}
		tol := approx.HalfUnit(int(decs[i]))
		ok := n > 0 && approx.Equal(vals[i], mean, tol)
		detail := fmt.Sprintf("%s reports %s = %s; the mean of its %d rows is %s", labels[i], cols[i], frame.FormatVI(vals[i], -1), n, frame.FormatVI(mean, -1))
		detailVI := fmt.Sprintf("%s ghi %s = %s; bình quân %d dòng là %s", labels[i], colLabel(data, cols[i]), vi(vals[i]), n, vi(mean))
		if nulls > 0 {
			detail += fmt.Sprintf(" (%d empty cells left out)", nulls)
			detailVI += fmt.Sprintf(" (không tính %d ô trống)", nulls)
		}
		computed := mean
		for _, s := range ratios {
			if s.Reported != cols[i] {
				continue
			}
			num, err := data.Column(s.Numerator)
			if err != nil {
				return r, fmt.Errorf("reconcile: mean at line %d: %w", lines[i], err)
			}
			den, err := data.Column(s.Denominator)
			if err != nil {
				return r, fmt.Errorf("reconcile: mean at line %d: %w", lines[i], err)
			}
			ns, ds := 0.0, 0.0
			nv, dv := num.Float64s(), den.Float64s()
			for k := range nv {
				if inScope(i, k) && !math.IsNaN(nv[k]) && !math.IsNaN(dv[k]) {
					ns += nv[k]
					ds += dv[k]
				}
			}
			if ds == 0 {
				break
			}
			q := ns / ds
			if c.Unit() == "percent" {
				q *= 100
			}
			detail += fmt.Sprintf(", and %s / %s over them is %s", s.Numerator, s.Denominator, frame.FormatVI(q, -1))
			detailVI += fmt.Sprintf(", và %s / %s trên các dòng đó là %s", colLabel(data, s.Numerator), colLabel(data, s.Denominator), vi(q))
			if !ok && approx.Equal(vals[i], q, tol) {
				ok = true
			}
			if !ok && (n == 0 || math.Abs(vals[i]-q) < math.Abs(vals[i]-mean)) {
				computed = q
			}
			break
		}
		r.check(ok, Finding{
			Rule: RuleMean, Subject: labels[i], Column: cols[i],
			Reported: vals[i], Computed: computed, Difference: vals[i] - computed,
			SourceLine: int(lines[i]), Detail: detail, DetailVI: detailVI,
		})
	}
	return r, nil
}
