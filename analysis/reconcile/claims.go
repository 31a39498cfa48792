package reconcile

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// ColumnRef names a column of a dataset.
type ColumnRef struct {
	Dataset string
	Column  string
}

// Claim is a figure the text of a document states, with the table columns
// it summarises: the claimed value is compared with sum(Numerator) /
// sum(Denominator) (×100 when Percent), or with sum(Numerator) alone when
// there is no denominator. Nulls are left out of sums.
type Claim struct {
	Subject    string  // what the figure is, in a few words
	Text       string  // the source phrase
	Line       int     // its source line
	Value      float64 // the figure as stated (in percent when Percent)
	Comparator string  // "=" (within Tolerance), ">", ">=", "<", "<="
	Tolerance  float64 // for "=": "khoảng 69%" is ±0.5 point, an exact amount 0
	Percent    bool
	Numerator  []ColumnRef
	// Denominator, if any, makes the claim a ratio.
	Denominator []ColumnRef
}

// Claims checks text claims against the frames they summarise (keyed by
// dataset id).
func Claims(dataset string, frames map[string]*frame.Frame, claims ...Claim) (Report, error) {
	r := Report{Dataset: dataset}
	for _, c := range claims {
		num, err := sumRefs(frames, c.Numerator)
		if err != nil {
			return r, fmt.Errorf("reconcile: claim at line %d: %w", c.Line, err)
		}
		v, expr := num, refsString(c.Numerator)
		if len(c.Denominator) > 0 {
			den, err := sumRefs(frames, c.Denominator)
			if err != nil {
				return r, fmt.Errorf("reconcile: claim at line %d: %w", c.Line, err)
			}
			v = num / den
			if c.Percent {
				v *= 100
			}
			expr = "(" + expr + ") / (" + refsString(c.Denominator) + ")"
			if c.Percent {
				expr += " × 100"
			}
		}
		var ok bool
		switch c.Comparator {
		case ">":
			ok = v > c.Value
		case ">=":
			ok = v >= c.Value
		case "<":
			ok = v < c.Value
		case "<=":
			ok = v <= c.Value
		default:
			ok = approx.Equal(c.Value, v, c.Tolerance)
		}
		cmp := c.Comparator
		if cmp == "" {
			cmp = "="
		}
		detail := fmt.Sprintf("the text says %q (%s %s", c.Text, cmp, frame.FormatVI(c.Value, -1))
		if cmp == "=" && c.Tolerance > 0 {
			detail += fmt.Sprintf(" ± %s", frame.FormatVI(c.Tolerance, -1))
		}
		detail += fmt.Sprintf("); the tables give %s = %s", expr, frame.FormatVI(v, -1))
		detailVI := fmt.Sprintf("lời văn ghi %q (%s %s", c.Text, cmp, vi(c.Value))
		if cmp == "=" && c.Tolerance > 0 {
			detailVI += fmt.Sprintf(" ± %s", vi(c.Tolerance))
		}
		detailVI += fmt.Sprintf("); các bảng cho %s", vi(v)) // the expression names columns by code: English only
		r.check(ok, Finding{Rule: RuleText, Subject: c.Subject, Column: expr,
			Reported: c.Value, Computed: v, Difference: c.Value - v, SourceLine: c.Line, Detail: detail, DetailVI: detailVI})
	}
	return r, nil
}

func sumRefs(frames map[string]*frame.Frame, refs []ColumnRef) (float64, error) {
	s := 0.0
	for _, ref := range refs {
		f, ok := frames[ref.Dataset]
		if !ok {
			return 0, fmt.Errorf("dataset %q not given", ref.Dataset)
		}
		c, err := f.Column(ref.Column)
		if err != nil {
			return 0, err
		}
		for _, v := range c.Float64s() {
			if !math.IsNaN(v) {
				s += v
			}
		}
	}
	return s, nil
}

func refsString(refs []ColumnRef) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = r.Dataset + ":" + r.Column
	}
	return strings.Join(parts, " + ")
}

// RuleWords is the rule of an amount written in words against the same
// amount in digits.
const RuleWords = "words-vs-digits"

// Pair is a comparison made outside this package (for example an amount in
// words against the amount in digits, both parsed by package loaders):
// Reported against Computed within Tolerance.
type Pair struct {
	Rule      string
	Subject   string
	SubjectVI string // the subject in Vietnamese ("": Subject serves)
	Column    string
	Reported  float64
	Computed  float64
	Tolerance float64
	Line      int
	Detail    string
	DetailVI  string // the same in Vietnamese ("": none)
}

// Pairs checks each pair.
func Pairs(dataset string, pairs ...Pair) Report {
	r := Report{Dataset: dataset}
	for _, p := range pairs {
		r.check(approx.Equal(p.Reported, p.Computed, p.Tolerance), Finding{Rule: p.Rule, Subject: p.Subject, SubjectVI: p.SubjectVI, Column: p.Column,
			Reported: p.Reported, Computed: p.Computed, Difference: p.Reported - p.Computed, SourceLine: p.Line, Detail: p.Detail, DetailVI: p.DetailVI})
	}
	return r
}
