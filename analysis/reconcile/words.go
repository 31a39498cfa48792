package reconcile

import (
	"regexp"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// ruleNames are the rules' names for readers, in Vietnamese and English.
var ruleNames = map[string][2]string{
	RuleTotal:           {"tổng khác cộng các dòng", "total vs sum of rows"},
	RuleRatio:           {"tỷ lệ khác tỷ lệ tính lại", "ratio vs recomputed"},
	RuleParts:           {"thành phần không khớp tổng", "parts vs whole"},
	RuleText:            {"lời văn khác bảng", "text vs table"},
	RuleWords:           {"số bằng chữ khác số bằng số", "amount in words vs digits"},
	RuleFunding:         {"các nguồn vốn khác tổng", "funding vs total"},
	RuleComponents:      {"các thành phần khác tổng", "components vs total"},
	RuleCopies:          {"hai bản khác nhau", "copies disagree"},
	RuleExtraFigure:     {"số liệu thừa", "extra figure"},
	RuleLabel:           {"nhãn khác vị trí", "label vs position"},
	RuleSpent:           {"thực hiện vượt kinh phí giao", "spent more than given"},
	RuleMean:            {"số bình quân khác bình quân các dòng", "mean vs its rows"},
	RuleNote:            {"tỷ lệ ghi chú khác số liệu của dòng", "note vs the row's figures"},
	RuleItems:           {"các mục của lời văn khác bảng", "text's items vs table"},
	RuleResult:          {"kết quả nêu trong lời văn khác bảng", "result in the text vs the table"},
	"restated-figure":   {"số liệu nêu lại khác", "restated figure differs"},
	"target-two-levels": {"mục tiêu nêu hai mức", "target set at two levels"},
	"index-vs-formula":  {"chỉ số khác công thức", "index vs its formula"},
	"competition-rank":  {"thứ hạng không liền mạch", "ranks out of order"},
	"rank-vs-score":     {"thứ hạng ngược điểm số", "rank vs score"},
}

// RuleName returns a rule's name for readers in lang ("vi", else
// English); an unknown rule, its code.
func RuleName(rule, lang string) string {
	n, ok := ruleNames[rule]
	switch {
	case !ok:
		return rule
	case lang == "vi":
		return n[0]
	}
	return n[1]
}

// Rules lists the rules RuleName names, sorted.
func Rules() []string {
	out := make([]string, 0, len(ruleNames))
	for r := range ruleNames {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// Sentence returns the finding's explanation in lang: DetailVI for "vi"
// when the rule wrote one, else Detail.
func (f Finding) Sentence(lang string) string {
	if lang == "vi" && f.DetailVI != "" {
		return f.DetailVI
	}
	return f.Detail
}

// SubjectIn returns the finding's subject in lang: the words some rules
// add to a row's name ("(subtotal)", "(reported totals)") in Vietnamese
// for "vi".
func (f Finding) SubjectIn(lang string) string {
	if lang != "vi" {
		return f.Subject
	}
	if f.SubjectVI != "" {
		return f.SubjectVI
	}
	return rowAtLine.ReplaceAllString(subjectVI.Replace(f.Subject), "dòng $1")
}

// rowAtLine is the subject of a row that has no name (NoteRates).
var rowAtLine = regexp.MustCompile(`^the row at line ([0-9]+)$`)

var subjectVI = strings.NewReplacer(" (subtotal)", " (dòng cộng)", " (reported totals)", " (các số tổng báo cáo)")

// colLabel is the Vietnamese label of a column of data, quoted, or its name
// when it has none.
func colLabel(data *frame.Frame, name string) string {
	if data != nil {
		if c, err := data.Column(name); err == nil && c.Spec().LabelVI != "" {
			return "«" + c.Spec().LabelVI + "»"
		}
	}
	return name
}

// colLabels are the labels of columns, joined by sep.
func colLabels(data *frame.Frame, names []string, sep string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += sep
		}
		out += colLabel(data, n)
	}
	return out
}

// relVI says a relation between parts and their whole.
var relVI = map[string]string{"=": "bằng", "≤": "không quá"}

// vi writes a number as a Vietnamese reader reads it (1.234,5).
func vi(v float64) string { return frame.FormatVI(v, -1) }

// Grouped returns the findings in their order, except that each finding
// of ClassFollows comes right after the first finding of another class
// with the same dataset and subject (the one it follows: a total row's
// ratio after the total row's own discrepancy), and Parent[i] is the index
// in the result of the finding row i follows (-1 for the others).
func Grouped(fs []Finding) (out []Finding, parent []int) {
	placed := make([]bool, len(fs))
	for i, f := range fs {
		if placed[i] || f.Class == ClassFollows && hasParent(fs, i) {
			continue
		}
		out, parent = append(out, f), append(parent, -1)
		placed[i] = true
		p := len(out) - 1
		for j, g := range fs {
			if !placed[j] && g.Class == ClassFollows && g.Dataset == f.Dataset && g.Subject == f.Subject && f.Class != ClassFollows {
				out, parent = append(out, g), append(parent, p)
				placed[j] = true
			}
		}
	}
	for i, f := range fs { // a follower whose parent came after it in fs
		if !placed[i] {
			out, parent = append(out, f), append(parent, -1)
		}
	}
	return out, parent
}

// hasParent reports whether another finding of fs than i, not a follower,
// has the dataset and subject of fs[i].
func hasParent(fs []Finding, i int) bool {
	for j, g := range fs {
		if j != i && g.Class != ClassFollows && g.Dataset == fs[i].Dataset && g.Subject == fs[i].Subject {
			return true
		}
	}
	return false
}
