package reconcile

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// RuleResult is the rule of a result a document's text states as
// achieved for a task whose row in the results table says it was not
// carried out.
const RuleResult = "result-vs-status"

// Result is a result a document's text reports as achieved in the year
// ("Các hệ thống thông tin … được chuyển đổi từ địa chỉ IPv4 sang IPv6"),
// and the task of the year's results table that is the same work.
type Result struct {
	Line int    // the line of the words that state the result
	Text string // the words, as written
	Task string // the task's key in the results table
	// Carried is the line of the next year's plan that carries the task
	// over ("Chuyển tiếp"), 0 if none; it is said in the finding.
	Carried int
}

// Results checks each result the text states against its task's row: a
// task that was given money (the planned columns add up to more than 0)
// and spent none of it was not carried out as the table reports it, and
// the text that says it was is a finding at the text's line, quoting the
// row's note (why it was not done). A task that spent money, or that was
// given none (work done without a budget line), agrees with the text. The
// row is named by subject; key names the column of task keys, note the
// column of the rows' notes ("" for none).
func Results(dataset string, data *frame.Frame, key, subject, note string, planned, spent []string, results ...Result) (Report, error) {
	r := Report{Dataset: dataset}
	keys, err := keyStrings(data, key)
	if err != nil {
		return r, err
	}
	names, namesVI, err := rowNames(data, subject)
	if err != nil {
		return r, err
	}
	p, s, err := givenAndSpent(data, planned, spent)
	if err != nil {
		return r, err
	}
	var notes []string
	if note != "" {
		c, err := data.Column(note)
		if err != nil {
			return r, err
		}
		notes = c.Strings()
	}
	lines := data.Col(frame.ColSourceLine).Int64s()
	rowOf := map[string]int{}
	for i, k := range keys {
		rowOf[k] = i
	}
	first := map[string]int{} // task → line of the first result stated for it
	for _, res := range results {
		i, ok := rowOf[res.Task]
		if !ok {
			return r, fmt.Errorf("reconcile: %s: the result at line %d names task %q, which the table does not have", dataset, res.Line, res.Task)
		}
		given, used := zeroNaN(p[i]), zeroNaN(s[i])
		why, whyVI := "", ""
		if notes != nil && strings.TrimSpace(notes[i]) != "" {
			why = fmt.Sprintf("; its note: %q", strings.TrimSpace(notes[i]))
			whyVI = fmt.Sprintf("; ghi chú của dòng: «%s»", strings.TrimSpace(notes[i]))
		}
		if res.Carried > 0 {
			why += fmt.Sprintf("; the next year's plan carries it over (line %d)", res.Carried)
			whyVI += fmt.Sprintf("; kế hoạch năm sau chuyển tiếp nhiệm vụ này (dòng %d)", res.Carried)
		}
		f := Finding{Rule: RuleResult, Subject: names[i], SubjectVI: differing(namesVI[i], names[i]), Column: "spent",
			Reported: used, Computed: given, Difference: used - given, SourceLine: res.Line,
			Detail: fmt.Sprintf("the text states %q as done; task %s (%s, line %d) spent %s of %s given%s",
				res.Text, res.Task, names[i], lines[i], frame.FormatVI(used, -1), frame.FormatVI(given, -1), why),
			DetailVI: fmt.Sprintf("lời văn nêu là đã làm: «%s»; nhiệm vụ %s (%s, dòng %d) thực hiện %s trên %s được giao%s",
				res.Text, res.Task, namesVI[i], lines[i], vi(used), vi(given), whyVI)}
		if l, ok := first[res.Task]; ok {
			f.Class = ClassFollows
			f.Detail += fmt.Sprintf(" — the text states it again (first at line %d)", l)
			f.DetailVI += fmt.Sprintf(" — lời văn nêu lại (lần đầu ở dòng %d)", l)
		} else {
			first[res.Task] = res.Line
		}
		r.check(!(given > 0 && used == 0), f)
	}
	return r, nil
}

func zeroNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
