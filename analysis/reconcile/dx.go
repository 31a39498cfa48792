package reconcile

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// Rules of the budget tables by pillar and funding source.
const (
	// RuleExtraFigure: a row writes more figures than its table has
	// columns; the figures beyond the columns are reported, not read.
	RuleExtraFigure = "extra-figure"
	// RuleLabel: a row's label names another column than the one its
	// position (and its figures) give it.
	RuleLabel = "label-vs-position"
)

// Flag records a check that found a disagreement by itself (an extra
// figure, a wrong label): one check, one finding.
func (r *Report) Flag(f Finding) {
	r.check(false, f)
}

// Subtotals compares reported subtotals with the data rows they cover:
// each row of subtotals names a group by its key column (e.g. pillar_no)
// and reports, for each of columns, the sum of the data rows with the same
// key. Nulls are left out of the sums (and said in the detail). A figure
// is compared within half a unit of the last decimal it shows. label, if
// not "", is the subtotals' column that names the group in findings. The
// rule is RuleTotal; the subject is the group and "(subtotal)".
func Subtotals(dataset string, data, subtotals *frame.Frame, key, label string, columns ...string) (Report, error) {
	r := Report{Dataset: dataset}
	dk, err := data.Column(key)
	if err != nil {
		return r, err
	}
	sk, err := subtotals.Column(key)
	if err != nil {
		return r, err
	}
	var names []string
	if label != "" {
		c, err := subtotals.Column(label)
		if err != nil {
			return r, err
		}
		names = c.Strings()
	}
	lines := subtotals.Col(frame.ClaimLine).Int64s()
	dkeys := make([]string, dk.Len())
	for i := range dkeys {
		dkeys[i] = fmt.Sprint(dk.Value(i))
	}
	for _, col := range columns {
		dc, err := data.Column(col)
		if err != nil {
			return r, err
		}
		sc, err := subtotals.Column(col)
		if err != nil {
			return r, err
		}
		dv, sv := dc.Float64s(), sc.Float64s()
		for g := range sv {
			if math.IsNaN(sv[g]) {
				continue
			}
			k := fmt.Sprint(sk.Value(g))
			sum, n, nulls := 0.0, 0, 0
			for i, v := range dv {
				if dkeys[i] != k {
					continue
				}
				n++
				if math.IsNaN(v) {
					nulls++
					continue
				}
				sum += v
			}
			subject := k
			if names != nil {
				subject += " " + names[g]
			}
			subject += " (subtotal)"
			en, vn := unitAfter(dc.Unit(), "en"), unitAfter(dc.Unit(), "vi")
			detail := fmt.Sprintf("%s reports %s = %s%s; its %d rows add up to %s%s", subject, col, frame.FormatVI(sv[g], -1), en, n, frame.FormatVI(sum, -1), en)
			detailVI := fmt.Sprintf("dòng cộng %s ghi %s = %s%s; cộng %d dòng được %s%s", strings.TrimSuffix(subject, " (subtotal)"), colLabel(data, col), vi(sv[g]), vn, n, vi(sum), vn)
			if nulls > 0 {
				detail += fmt.Sprintf(" (%d empty cells left out)", nulls)
				detailVI += fmt.Sprintf(" (không tính %d ô trống)", nulls)
			}
			r.check(approx.Equal(sv[g], sum, approx.HalfUnit(approx.Decimals(sv[g]))), Finding{
				Rule: RuleTotal, Subject: subject, Column: col,
				Reported: sv[g], Computed: sum, Difference: sv[g] - sum,
				SourceLine: int(lines[g]), Detail: detail, DetailVI: detailVI,
			})
		}
	}
	return r, nil
}
