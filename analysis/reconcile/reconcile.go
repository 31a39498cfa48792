package reconcile

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// Rule names, stable in CSV output.
const (
	RuleTotal = "total-vs-sum"
	RuleRatio = "ratio-vs-recomputed"
	RuleParts = "parts-vs-whole"
	RuleText  = "text-vs-table"
)

// Finding is one disagreement between figures of the sources.
type Finding struct {
	Dataset string
	Rule    string
	Subject string // the row: unit name, code, or the total's label
	// SubjectVI names the row in Vietnamese where Subject is a code of
	// the data ("" where Subject is already the row's own words).
	SubjectVI  string
	Column     string
	Reported   float64 // the figure as the source states it (NaN if none)
	Computed   float64 // the figure recomputed from its parts (NaN if undefined)
	Difference float64 // Reported - Computed (NaN if either is)
	SourceLine int
	// SourceFile is the source the line is in, when the dataset draws on
	// several (checks.Check fills in the dataset's own source otherwise).
	SourceFile string
	// Quote is the source's own text where the finding is, when its place
	// is not a line of a text (a row of a PDF's table: its cells joined
	// by " | "); "" otherwise.
	Quote  string
	Detail string // a sentence for people, in English
	// DetailVI is the same sentence in Vietnamese, the columns named by
	// their Vietnamese labels ("" where a rule writes none: Sentence
	// falls back to Detail).
	DetailVI string
	// Class says what kind of finding it is: "" a discrepancy of the
	// source; ClassNote a figure that is no discrepancy but worth a word
	// (a ratio written 0 where it is undefined, 0 of 0); ClassFollows a
	// discrepancy that follows from another finding of the same row (a
	// total row's ratio that agrees with its own totals, which disagree
	// with the rows).
	Class string
}

// The classes of findings (Finding.Class).
const (
	ClassNote    = "note"
	ClassFollows = "follows"
)

// Report is the result of checking one dataset: how many comparisons were
// made and the findings among them.
type Report struct {
	Dataset  string
	Checks   int
	Findings []Finding
}

// Add appends another report's checks and findings.
func (r *Report) Add(o Report) {
	r.Checks += o.Checks
	r.Findings = append(r.Findings, o.Findings...)
}

func (r *Report) check(ok bool, f Finding) {
	r.Checks++
	if !ok {
		f.Dataset = r.Dataset
		r.Findings = append(r.Findings, f)
	}
}

// Sort orders findings by dataset, then source line, then rule and column.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Dataset != b.Dataset {
			return a.Dataset < b.Dataset
		}
		if a.SourceLine != b.SourceLine {
			return a.SourceLine < b.SourceLine
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Column < b.Column
	})
}

// claimCols are the columns of a claims Frame, read.
type claimCols struct {
	labels, scopes, cols []string
	vals                 []float64
	decs, lines          []int64
}

func readClaims(claims *frame.Frame) claimCols {
	return claimCols{
		labels: claims.Col(frame.ClaimLabel).Strings(), scopes: claims.Col(frame.ClaimScope).Strings(),
		cols: claims.Col(frame.ClaimColumn).Strings(), vals: claims.Col(frame.ClaimValue).Float64s(),
		decs: claims.Col(frame.ClaimDecimals).Int64s(), lines: claims.Col(frame.ClaimLine).Int64s(),
	}
}

// scopeGroups returns the column of data that a claim's scope names rows
// by — the one its schema metadata names under "scope_column", else
// "group" — and its values (nil when data has no such column).
func scopeGroups(data *frame.Frame) (string, []string) {
	scopeCol := "group"
	if name := data.Meta("scope_column"); name != "" {
		scopeCol = name
	}
	if !data.Has(scopeCol) {
		return scopeCol, nil
	}
	return scopeCol, data.Col(scopeCol).Strings()
}

// Totals compares each reported total in claims (a Frame of
// frame.ClaimFields) with the sum of its column
// in data over the rows of its scope: all rows for a grand total (scope
// ""); for a subtotal, the rows whose scope column holds the scope. The
// scope column is the one data's schema metadata names under the key
// "scope_column" (the dx tables set "pillar": a pillar's subtotal covers
// its tasks), and "group" without that key (the section heading of the
// cell-per-line layouts). A subtotal in data without that column is an
// error, never a sum of no rows. Columns whose unit is ratio or percent
// are not summed: Ratio rules check them. Nulls are left out of the sum and
// said in the detail; a subtotal none of whose rows is left (its rows cut
// away) is a finding against 0.
func Totals(dataset string, data, claims *frame.Frame) (Report, error) {
	r := Report{Dataset: dataset}
	if claims == nil || claims.NumRows() == 0 {
		return r, nil
	}
	cl := readClaims(claims)
	labels, scopes, cols, vals, decs, lines := cl.labels, cl.scopes, cl.cols, cl.vals, cl.decs, cl.lines
	scopeCol, groups := scopeGroups(data)
	for i := range labels {
		if math.IsNaN(vals[i]) {
			continue
		}
		c, err := data.Column(cols[i])
		if err != nil {
			return r, fmt.Errorf("reconcile: claim at line %d: %w", lines[i], err)
		}
		if !c.Kind().Numeric() || c.Unit() == "ratio" || c.Unit() == "percent" {
			continue
		}
		if scopes[i] != "" && groups == nil {
			return r, fmt.Errorf("reconcile: claim at line %d: %s is a subtotal of %q, but the data has no column %q to find its rows in", lines[i], labels[i], scopes[i], scopeCol)
		}
		sum, nulls, n := 0.0, 0, 0
		for k, v := range c.Float64s() {
			if scopes[i] != "" && groups[k] != scopes[i] {
				continue
			}
			n++
			if math.IsNaN(v) {
				nulls++
				continue
			}
			sum += v
		}
		en, vn := unitAfter(c.Unit(), "en"), unitAfter(c.Unit(), "vi")
		detail := fmt.Sprintf("%s reports %s = %s%s; its %d rows add up to %s%s", labels[i], cols[i], frame.FormatVI(vals[i], -1), en, n, frame.FormatVI(sum, -1), en)
		detailVI := fmt.Sprintf("%s ghi %s = %s%s; cộng %d dòng được %s%s", labels[i], colLabel(data, cols[i]), vi(vals[i]), vn, n, vi(sum), vn)
		if nulls > 0 {
			detail += fmt.Sprintf(" (%d empty cells left out)", nulls)
			detailVI += fmt.Sprintf(" (không tính %d ô trống)", nulls)
		}
		r.check(approx.Equal(vals[i], sum, approx.HalfUnit(int(decs[i]))), Finding{
			Rule: RuleTotal, Subject: labels[i], Column: cols[i],
			Reported: vals[i], Computed: sum, Difference: vals[i] - sum,
			SourceLine: int(lines[i]), Detail: detail, DetailVI: detailVI,
		})
	}
	return r, nil
}

// Ratio is a reported ratio column and the columns it is the quotient of.
type Ratio struct {
	Reported    string // e.g. computers_per_staff_reported
	Numerator   string // e.g. computers
	Denominator string // e.g. staff
}

// Ratios compares, row by row, each reported ratio with numerator /
// denominator, within half a unit of the last decimal the column is written
// with (its most precise cell: a column written to five decimals is checked
// to ±0.000005). A reported column whose unit is "percent" holds numbers
// of percent: 31,9 is compared as 0,319 (± 0,0005). A reported ratio whose denominator is zero is a finding
// (the ratio is undefined); a null anywhere skips the row. subject names the
// column that identifies rows in findings. With claims, the reported ratios
// of total rows are checked too, against the ratio of the column sums.
func Ratios(dataset string, data, claims *frame.Frame, subject string, specs ...Ratio) (Report, error) {
	r := Report{Dataset: dataset}
	subj, err := data.Column(subject)
	if err != nil {
		return r, err
	}
	names := subj.Strings()
	lines := data.Col(frame.ColSourceLine).Int64s()
	for _, s := range specs {
		rep, err1 := data.Column(s.Reported)
		num, err2 := data.Column(s.Numerator)
		den, err3 := data.Column(s.Denominator)
		if err := firstErr(err1, err2, err3); err != nil {
			return r, err
		}
		rv, nv, dv := rep.Float64s(), num.Float64s(), den.Float64s()
		d := 0
		for _, v := range rv {
			if !math.IsNaN(v) {
				d = max(d, approx.Decimals(v))
			}
		}
		tol := approx.HalfUnit(d)
		k := 1.0
		if unitOf(data, s.Reported) == "percent" {
			// 31,9 (%) is the ratio 0,319, to three decimals.
			k = 0.01
			rv = scaled(rv, k)
			tol = approx.HalfUnit(d + 2)
		}
		for i := range rv {
			if math.IsNaN(rv[i]) || math.IsNaN(nv[i]) || math.IsNaN(dv[i]) {
				continue
			}
			if dv[i] == 0 {
				f := Finding{Rule: RuleRatio, Subject: names[i], Column: s.Reported,
					Reported: rv[i], Computed: math.NaN(), Difference: math.NaN(), SourceLine: int(lines[i]),
					Detail:   fmt.Sprintf("%s reports %s = %s but %s is 0: the ratio is undefined", names[i], s.Reported, frame.FormatVI(rv[i], -1), s.Denominator),
					DetailVI: fmt.Sprintf("%s ghi %s = %s nhưng %s bằng 0: tỷ lệ không xác định", names[i], colLabel(data, s.Reported), vi(rv[i]), colLabel(data, s.Denominator))}
				if rv[i] == 0 && nv[i] == 0 {
					f.Class = ClassNote // 0 of 0 written 0: how tables write it
				}
				r.check(false, f)
				continue
			}
			q := nv[i] / dv[i]
			r.check(approx.Equal(rv[i], q, tol), Finding{Rule: RuleRatio, Subject: names[i], Column: s.Reported,
				Reported: rv[i], Computed: q, Difference: rv[i] - q, SourceLine: int(lines[i]),
				Detail:   fmt.Sprintf("%s reports %s = %s; %s/%s = %s/%s = %s (tolerance ±%g)", names[i], s.Reported, frame.FormatVI(rv[i], -1), s.Numerator, s.Denominator, frame.FormatVI(nv[i], -1), frame.FormatVI(dv[i], -1), frame.FormatVI(q, -1), tol),
				DetailVI: fmt.Sprintf("%s ghi %s = %s; tính lại %s / %s = %s / %s = %s (sai số cho phép ±%s)", names[i], colLabel(data, s.Reported), vi(rv[i]), colLabel(data, s.Numerator), colLabel(data, s.Denominator), vi(nv[i]), vi(dv[i]), vi(q), vi(tol))})
		}
		if claims != nil {
			r.Add(totalRatio(dataset, data, claims, s, tol, k))
		}
	}
	return r, nil
}

// unitOf returns the unit in a column's metadata ("" if none or no such
// column).
func unitOf(f *frame.Frame, col string) string {
	for _, fs := range f.Fields() {
		if fs.Name == col {
			return fs.Unit
		}
	}
	return ""
}

// scaled returns vs × k in a new slice.
func scaled(vs []float64, k float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = v * k
	}
	return out
}

// totalRatio checks a total row's reported ratio (× k: 0,01 for a column
// in percent) against both the ratio of the reported totals and the ratio
// of the column sums.
func totalRatio(dataset string, data, claims *frame.Frame, s Ratio, tol, k float64) Report {
	r := Report{Dataset: dataset}
	labels := claims.Col(frame.ClaimLabel).Strings()
	cols := claims.Col(frame.ClaimColumn).Strings()
	vals := claims.Col(frame.ClaimValue).Float64s()
	lines := claims.Col(frame.ClaimLine).Int64s()
	scopes := claims.Col(frame.ClaimScope).Strings()
	find := func(label, col string) (float64, bool) {
		for i := range cols {
			if labels[i] == label && cols[i] == col && !math.IsNaN(vals[i]) {
				return vals[i], true
			}
		}
		return 0, false
	}
	for i := range cols {
		if cols[i] != s.Reported || math.IsNaN(vals[i]) || scopes[i] != "" {
			continue
		}
		rep := vals[i] * k
		sumN, sumD := sumOf(data.Col(s.Numerator)), sumOf(data.Col(s.Denominator))
		q := sumN / sumD
		rows := Finding{Rule: RuleRatio, Subject: labels[i], Column: s.Reported,
			Reported: rep, Computed: q, Difference: rep - q, SourceLine: int(lines[i]),
			Detail:   fmt.Sprintf("%s reports %s = %s; the rows give %s/%s = %s/%s = %s", labels[i], s.Reported, frame.FormatVI(vals[i], -1), s.Numerator, s.Denominator, frame.FormatVI(sumN, -1), frame.FormatVI(sumD, -1), frame.FormatVI(q, -1)),
			DetailVI: fmt.Sprintf("%s ghi %s = %s; cộng các dòng cho %s / %s = %s / %s = %s", labels[i], colLabel(data, s.Reported), vi(vals[i]), colLabel(data, s.Numerator), colLabel(data, s.Denominator), vi(sumN), vi(sumD), vi(q))}
		if n, ok1 := find(labels[i], s.Numerator); ok1 {
			if d, ok2 := find(labels[i], s.Denominator); ok2 && d != 0 {
				q2 := n / d
				own := approx.Equal(rep, q2, tol)
				if own {
					// The ratio is its own totals': the discrepancy is
					// theirs against the rows, a finding of its own.
					rows.Class = ClassFollows
					rows.Detail += fmt.Sprintf(" — it agrees with the row's own totals (%s/%s), which disagree with the rows", frame.FormatVI(n, -1), frame.FormatVI(d, -1))
					rows.DetailVI += fmt.Sprintf(" — khớp với chính các số tổng của dòng (%s / %s), vốn khác tổng các dòng", vi(n), vi(d))
				}
				r.check(own, Finding{Rule: RuleRatio, Subject: labels[i] + " (reported totals)", Column: s.Reported,
					Reported: rep, Computed: q2, Difference: rep - q2, SourceLine: int(lines[i]),
					Detail:   fmt.Sprintf("%s reports %s = %s; its own totals give %s/%s = %s", labels[i], s.Reported, frame.FormatVI(vals[i], -1), frame.FormatVI(n, -1), frame.FormatVI(d, -1), frame.FormatVI(q2, -1)),
					DetailVI: fmt.Sprintf("%s ghi %s = %s; chính các số tổng của dòng cho %s / %s = %s", labels[i], colLabel(data, s.Reported), vi(vals[i]), vi(n), vi(d), vi(q2))})
			}
		}
		r.check(approx.Equal(rep, q, tol), rows)
	}
	return r
}

func sumOf(c frame.Column) float64 {
	s := 0.0
	for _, v := range c.Float64s() {
		if !math.IsNaN(v) {
			s += v
		}
	}
	return s
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// Parts says that, in every row, the parts add up to at most the whole
// (AtMost) or exactly to it.
type Parts struct {
	Whole  string
	Parts  []string
	AtMost bool
}

// PartsWithinWhole checks each row: the sum of the parts against the whole
// (at most, or equal). Null parts count as absent; a null whole skips the
// row.
func PartsWithinWhole(dataset string, data *frame.Frame, subject string, specs ...Parts) (Report, error) {
	r := Report{Dataset: dataset}
	subj, err := data.Column(subject)
	if err != nil {
		return r, err
	}
	names := subj.Strings()
	lines := data.Col(frame.ColSourceLine).Int64s()
	for _, s := range specs {
		w, err := data.Column(s.Whole)
		if err != nil {
			return r, err
		}
		wv := w.Float64s()
		parts := make([][]float64, len(s.Parts))
		for k, p := range s.Parts {
			c, err := data.Column(p)
			if err != nil {
				return r, err
			}
			parts[k] = c.Float64s()
		}
		rel := "="
		if s.AtMost {
			rel = "≤"
		}
		for i := range wv {
			if math.IsNaN(wv[i]) {
				continue
			}
			sum, seen := 0.0, 0
			for _, p := range parts {
				if !math.IsNaN(p[i]) {
					sum += p[i]
					seen++
				}
			}
			if seen == 0 {
				continue
			}
			ok := approx.Equal(sum, wv[i], 0)
			if s.AtMost {
				ok = sum <= wv[i]+1e-9
			}
			r.check(ok, Finding{Rule: RuleParts, Subject: names[i], Column: strings.Join(s.Parts, "+"),
				Reported: wv[i], Computed: sum, Difference: wv[i] - sum, SourceLine: int(lines[i]),
				Detail:   fmt.Sprintf("%s: %s = %s should be %s %s = %s", names[i], strings.Join(s.Parts, " + "), frame.FormatVI(sum, -1), rel, s.Whole, frame.FormatVI(wv[i], -1)),
				DetailVI: fmt.Sprintf("%s: %s = %s, lẽ ra %s %s = %s", names[i], colLabels(data, s.Parts, " + "), vi(sum), relVI[rel], colLabel(data, s.Whole), vi(wv[i]))})
		}
	}
	return r, nil
}

// unitAfter is the unit of a money or people column as written after a
// figure in a finding (" triệu đồng", " million VND"): a total read from a
// table in đồng or tỷ đồng is stated in the column's unit, and says so. ""
// for a count and for units a figure is not followed by.
func unitAfter(unit, lang string) string {
	switch unit {
	case "million_vnd", "people", "thousand_people":
		t, _ := frame.UnitText(unit, lang)
		return " " + t
	}
	return ""
}
