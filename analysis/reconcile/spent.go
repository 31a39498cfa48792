package reconcile

import (
	"fmt"
	"math"

	"github.com/ictplan/ictplan/frame"
)

// RuleSpent is the rule of an item (or a group) that spent more than it
// was given.
const RuleSpent = "spent-vs-given"

// SpentWithinGiven checks, row by row, that the amounts spent (the sum of
// the spent columns) are at most the amounts planned (the sum of the
// planned columns): an item that spent more than it was given is a finding
// at its line. The sums are compared, not the columns pair by pair, since a
// task may be given money from one source and spend it from another. Null
// cells count as 0; a row with nothing planned and nothing spent is not
// checked.
func SpentWithinGiven(dataset string, data *frame.Frame, subject string, planned, spent []string) (Report, error) {
	r := Report{Dataset: dataset}
	names, namesVI, err := rowNames(data, subject)
	if err != nil {
		return r, err
	}
	lines := data.Col(frame.ColSourceLine).Int64s()
	p, s, err := givenAndSpent(data, planned, spent)
	if err != nil {
		return r, err
	}
	for i := range p {
		if math.IsNaN(p[i]) {
			p[i] = 0
		}
		if math.IsNaN(s[i]) {
			s[i] = 0
		}
		if p[i] == 0 && s[i] == 0 {
			continue
		}
		r.check(s[i] <= p[i]+1e-9, Finding{Rule: RuleSpent, Subject: names[i], SubjectVI: differing(namesVI[i], names[i]), Column: "spent",
			Reported: s[i], Computed: p[i], Difference: s[i] - p[i], SourceLine: int(lines[i]),
			Detail:   fmt.Sprintf("%s spent %s of %s planned (%s more than it was given)", names[i], frame.FormatVI(s[i], -1), frame.FormatVI(p[i], -1), frame.FormatVI(s[i]-p[i], -1)),
			DetailVI: fmt.Sprintf("%s đã thực hiện %s trên %s được giao (vượt %s)", namesVI[i], vi(s[i]), vi(p[i]), vi(s[i]-p[i]))})
	}
	return r, nil
}

// givenAndSpent adds up, row by row, the planned columns and the spent
// columns of data.
func givenAndSpent(data *frame.Frame, planned, spent []string) (p, s []float64, err error) {
	if p, err = sumColumns(data, planned); err != nil {
		return nil, nil, err
	}
	if s, err = sumColumns(data, spent); err != nil {
		return nil, nil, err
	}
	return p, s, nil
}
