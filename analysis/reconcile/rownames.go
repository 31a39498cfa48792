package reconcile

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// rowNames are the names of the rows of data in findings, in English and
// in Vietnamese: the subject column's text, or for a row that has none (a
// task a table does not number) the row's own words, quoted — the texts of
// the text columns before the subject column and of the first text column
// after it («Nền tảng số: Xây dựng phần mềm nền tảng; CSDL…») — and only
// when the row has no text there its line ("the row at line 3583",
// "dòng 3583"). Columns of provenance and skip are not read.
func rowNames(data *frame.Frame, subject string, skip ...string) (en, vi []string, err error) {
	subj, err := data.Column(subject)
	if err != nil {
		return nil, nil, err
	}
	names := subj.Strings()
	en, vi = append([]string(nil), names...), append([]string(nil), names...)
	var lines []int64
	var before, after [][]string
	seenSubject := false
	for _, s := range data.Fields() {
		switch {
		case s.Name == subject:
			seenSubject = true
			continue
		case s.Kind != frame.String || s.Name == frame.ColSourceFile || s.Name == "group" || strings.HasSuffix(s.Name, "_line") || strings.HasSuffix(s.Name, "_file") || contains(skip, s.Name):
			continue
		}
		texts := data.Col(s.Name).Strings()
		if seenSubject {
			if after == nil {
				after = append(after, texts)
			}
		} else {
			before = append(before, texts)
		}
	}
	for i, n := range names {
		if strings.TrimSpace(n) != "" {
			continue
		}
		var words []string
		for _, c := range before {
			if t := strings.TrimSpace(c[i]); t != "" {
				words = append(words, t)
			}
		}
		for _, c := range after {
			if t := strings.TrimSpace(c[i]); t != "" {
				words = append(words, t)
			}
		}
		if len(words) > 0 {
			q := "«" + clip(strings.Join(words, ": "), 70) + "»"
			en[i], vi[i] = q, q
			continue
		}
		if lines == nil {
			c, err := data.Column(frame.ColSourceLine)
			if err != nil {
				return nil, nil, err
			}
			lines = c.Int64s()
		}
		en[i], vi[i] = fmt.Sprintf("the row at line %d", lines[i]), fmt.Sprintf("dòng %d", lines[i])
	}
	return en, vi, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// clip cuts s to n characters, the last one "…" when s was longer.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// differing is vi when it differs from en, else "" (a Finding's SubjectVI
// is set only where the Vietnamese differs).
func differing(vi, en string) string {
	if vi == en {
		return ""
	}
	return vi
}
