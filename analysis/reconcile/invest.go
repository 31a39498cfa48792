package reconcile

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// Rules of investment decisions, stable in CSV output. Amounts in words
// against digits use RuleWords.
const (
	// RuleFunding: the funding sources of a programme against its total.
	RuleFunding = "funding-vs-total"
	// RuleComponents: the components (sub-projects, projects of a plan)
	// of a programme against its total.
	RuleComponents = "components-vs-total"
	// RuleCopies: the copies of a table or a figure that one document
	// repeats (a proposal, the draft submission, the draft resolution)
	// against the first copy.
	RuleCopies = "copies-agree"
)

// Breakdown is a reported total and the parts a document splits it into:
// the funding sources of a programme, or its components.
type Breakdown struct {
	Rule    string // RuleFunding or RuleComponents
	Subject string // the programme
	Column  string
	Total   float64 // the reported total; NaN skips the check
	Line    int     // the line of the total
	// Tolerance is how far the parts' sum may be from the total: half the
	// unit of the total's last written digit for a total written rounded
	// ("100.000 triệu đồng" against parts with đồng); 0 for exactly.
	Tolerance float64
	Parts     []float64
	// PartLines are the lines of the parts (for the detail; may be nil).
	PartLines []int
	// Rest says that one part is stated as "the rest" (phần còn lại) and
	// has no amount (NaN in Parts): the other parts must then add up to at
	// most the total.
	Rest bool
}

// Breakdowns checks each breakdown: the parts must add up to the total
// exactly (within float rounding and the breakdown's Tolerance), or
// to at most the total when one part is the rest. Amounts are million
// đồng: the sum and the difference are rounded to the đồng (1e-6). A breakdown whose parts
// lack amounts, other than the one rest, cannot be checked and is skipped
// (no check is counted): a component list without amounts says nothing
// about the total.
func Breakdowns(dataset string, bs ...Breakdown) Report {
	r := Report{Dataset: dataset}
	for _, b := range bs {
		if math.IsNaN(b.Total) || len(b.Parts) == 0 {
			continue
		}
		sum, missing := 0.0, 0
		for _, p := range b.Parts {
			if math.IsNaN(p) {
				missing++
				continue
			}
			sum += p
		}
		sum = roundDong(sum)
		switch {
		case missing == 0 && !b.Rest:
			r.check(approx.Equal(b.Total, sum, b.Tolerance), Finding{Rule: b.Rule, Subject: b.Subject, Column: b.Column,
				Reported: b.Total, Computed: sum, Difference: roundDong(b.Total - sum), SourceLine: b.Line,
				Detail: fmt.Sprintf("%s: the %d parts%s add up to %s; the total at line %d is %s (difference %s)",
					b.Subject, len(b.Parts), linesOf(b.PartLines), frame.FormatVI(sum, -1), b.Line,
					frame.FormatVI(b.Total, -1), frame.FormatVI(roundDong(b.Total-sum), -1)),
				DetailVI: fmt.Sprintf("%s: %d phần%s cộng lại %s; tổng ở dòng %d là %s (chênh %s)",
					b.Subject, len(b.Parts), linesOfVI(b.PartLines), vi(sum), b.Line, vi(b.Total), vi(roundDong(b.Total-sum)))})
		case missing == 1 && b.Rest:
			r.check(sum <= b.Total || approx.Equal(b.Total, sum, 0), Finding{Rule: b.Rule, Subject: b.Subject, Column: b.Column,
				Reported: b.Total, Computed: sum, Difference: roundDong(b.Total - sum), SourceLine: b.Line,
				Detail: fmt.Sprintf("%s: the %d parts with an amount%s add up to %s, more than the total at line %d (%s), leaving nothing for the rest",
					b.Subject, len(b.Parts)-1, linesOf(b.PartLines), frame.FormatVI(sum, -1), b.Line, frame.FormatVI(b.Total, -1)),
				DetailVI: fmt.Sprintf("%s: %d phần có số tiền%s cộng lại %s, vượt tổng ở dòng %d (%s), không còn gì cho phần còn lại",
					b.Subject, len(b.Parts)-1, linesOfVI(b.PartLines), vi(sum), b.Line, vi(b.Total))})
		}
	}
	return r
}

// roundDong rounds an amount in million đồng to the đồng.
func roundDong(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// linesOfVI is linesOf for a Vietnamese sentence.
func linesOfVI(ls []int) string {
	if len(ls) == 0 {
		return ""
	}
	return " (dòng" + strings.TrimPrefix(linesOf(ls), " (lines")
}

func linesOf(ls []int) string {
	if len(ls) == 0 {
		return ""
	}
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = fmt.Sprint(l)
	}
	return " (lines " + strings.Join(s, ", ") + ")"
}

// TableCopy is one copy of a table (or of a single figure) that a document
// repeats.
type TableCopy struct {
	Label string // which part of the document holds it, e.g. "dự thảo Nghị quyết"
	Line  int    // where the copy starts
	Rows  []CopyRow
}

// CopyRow is a row of a TableCopy.
type CopyRow struct {
	Key     string // matches the rows of two copies (e.g. the row number)
	Subject string // names the row in findings ("" uses Key)
	Line    int
	// Cells are compared as given, in the order of the columns: normalise
	// them first (markup, bullets, blanks) so that only wording differs.
	Cells []string
}

// CopiesAgree compares each other copy with ref, cell by cell: a cell that
// differs, a row of ref missing from a copy and a row a copy adds are
// findings, at the line of the copy's row (or of the copy when the row is
// missing). The detail says which words one copy has and the other lacks.
// Reported and Computed are NaN: the figures are text.
func CopiesAgree(dataset string, columns []string, ref TableCopy, others ...TableCopy) Report {
	r := Report{Dataset: dataset}
	nan := math.NaN()
	for _, o := range others {
		byKey := make(map[string]CopyRow, len(o.Rows))
		for _, row := range o.Rows {
			byKey[row.Key] = row
		}
		seen := make(map[string]bool, len(ref.Rows))
		explained := map[[2]int]bool{} // ref row, column: a boundary moved into it
		for i, want := range ref.Rows {
			seen[want.Key] = true
			subject := want.Subject
			if subject == "" {
				subject = want.Key
			}
			got, ok := byKey[want.Key]
			r.check(ok, Finding{Rule: RuleCopies, Subject: subject, Reported: nan, Computed: nan, Difference: nan,
				SourceLine: o.Line,
				Detail: fmt.Sprintf("%s: the row of the copy at line %d (%s) is missing from the copy at line %d (%s)",
					subject, want.Line, ref.Label, o.Line, o.Label),
				DetailVI: fmt.Sprintf("%s: dòng của bản ở dòng %d (%s) không có trong bản ở dòng %d (%s)",
					subject, want.Line, ref.Label, o.Line, o.Label)})
			if !ok {
				continue
			}
			for c, name := range columns {
				a, b := cell(want.Cells, c), cell(got.Cells, c)
				if a != b && explained[[2]int{i, c}] {
					r.check(true, Finding{})
					continue
				}
				if a != b && i+1 < len(ref.Rows) {
					next := ref.Rows[i+1]
					if gotNext, ok := byKey[next.Key]; ok {
						if moved, ok := boundaryMoved(a, cell(next.Cells, c), b, cell(gotNext.Cells, c)); ok {
							explained[[2]int{i + 1, c}] = true
							nextSubject := next.Subject
							if nextSubject == "" {
								nextSubject = next.Key
							}
							r.check(false, Finding{Rule: RuleCopies, Subject: subject, Column: name, Class: ClassNote,
								Reported: nan, Computed: nan, Difference: nan, SourceLine: got.Line,
								Detail: fmt.Sprintf("%s, %s: the copy at line %d (%s) ends this row and begins the next (%s, line %d) at another place than the copy at line %d (%s): %q moves from one row to the other; the two rows together have the same words in the same order",
									subject, name, got.Line, o.Label, nextSubject, gotNext.Line, want.Line, ref.Label, moved),
								DetailVI: fmt.Sprintf("%s, %s: bản ở dòng %d (%s) ngắt giữa hàng này và hàng sau (%s, dòng %d) ở chỗ khác với bản ở dòng %d (%s): «%s» chuyển từ hàng này sang hàng kia; hai hàng gộp lại có cùng các chữ, cùng thứ tự",
									subject, name, got.Line, o.Label, nextSubject, gotNext.Line, want.Line, ref.Label, moved)})
							continue
						}
					}
				}
				r.check(a == b, Finding{Rule: RuleCopies, Subject: subject, Column: name,
					Reported: nan, Computed: nan, Difference: nan, SourceLine: got.Line,
					Detail: fmt.Sprintf("%s, %s: the copy at line %d (%s) differs from the copy at line %d (%s): %s",
						subject, name, got.Line, o.Label, want.Line, ref.Label, WordDiff(a, b)),
					DetailVI: fmt.Sprintf("%s, %s: bản ở dòng %d (%s) khác bản ở dòng %d (%s): %s",
						subject, name, got.Line, o.Label, want.Line, ref.Label, WordDiffIn(a, b, "vi"))})
			}
		}
		for _, row := range o.Rows {
			if seen[row.Key] {
				continue
			}
			subject := row.Subject
			if subject == "" {
				subject = row.Key
			}
			r.check(false, Finding{Rule: RuleCopies, Subject: subject, Reported: nan, Computed: nan, Difference: nan,
				SourceLine: row.Line,
				Detail: fmt.Sprintf("%s: the copy at line %d (%s) has a row that the copy at line %d (%s) lacks",
					subject, o.Line, o.Label, ref.Line, ref.Label),
				DetailVI: fmt.Sprintf("%s: bản ở dòng %d (%s) có một dòng mà bản ở dòng %d (%s) không có",
					subject, o.Line, o.Label, ref.Line, ref.Label)})
		}
	}
	return r
}

// boundaryMoved says whether two consecutive cells a1, a2 of one copy and
// b1, b2 of another hold the same words in the same order, only split at
// another place (a bullet that ends one row in a copy begins the next in
// the other, as a page break can leave it), and returns the moved words.
func boundaryMoved(a1, a2, b1, b2 string) (string, bool) {
	x1, x2, y1, y2 := strings.Fields(a1), strings.Fields(a2), strings.Fields(b1), strings.Fields(b2)
	if len(x1)+len(x2) != len(y1)+len(y2) || len(x1) == len(y1) {
		return "", false
	}
	all := append(append([]string{}, x1...), x2...)
	if strings.Join(all, " ") != strings.Join(append(append([]string{}, y1...), y2...), " ") {
		return "", false
	}
	lo, hi := min(len(x1), len(y1)), max(len(x1), len(y1))
	return strings.Join(all[lo:hi], " "), true
}

func cell(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// maxDiffWords bounds the word diff (its cost is the product of the two
// lengths); longer texts are only said to differ.
const maxDiffWords = 500

// WordDiff says how text b differs from text a, word by word: the runs of
// words b lacks and the runs b adds, in order, each quoted. Equal texts
// give "no difference".
func WordDiff(a, b string) string { return WordDiffIn(a, b, "en") }

// WordDiffIn is WordDiff in lang: "vi" says "thiếu" and "thêm".
func WordDiffIn(a, b, lang string) string {
	vi := lang == "vi"
	if a == b {
		return pick(vi, "không khác", "no difference")
	}
	x, y := strings.Fields(a), strings.Fields(b)
	if len(x) > maxDiffWords || len(y) > maxDiffWords {
		return fmt.Sprintf(pick(vi, "hai đoạn khác nhau (%d và %d từ)", "the texts differ (%d and %d words)"), len(x), len(y))
	}
	// Two alignments with the most words in common: one that matches
	// equal words as early as possible, one as late as possible. The one
	// with fewer runs of differing words reads better (a run deleted at
	// the end, or inserted before a repeated word, stays whole); on a tie,
	// the one whose runs more often start at a list mark ("- …"), then the
	// late one.
	early, late := diffRuns(x, y, false), diffRuns(x, y, true)
	runs := late
	if len(early) < len(late) || (len(early) == len(late) && listStarts(early) > listStarts(late)) {
		runs = early
	}
	var parts []string
	for _, r := range runs {
		verb := pick(vi, "thiếu", "lacks")
		if r.add {
			verb = pick(vi, "thêm", "adds")
		}
		parts = append(parts, fmt.Sprintf("%s %q", verb, strings.Join(r.words, " ")))
	}
	if len(parts) == 0 {
		return pick(vi, "hai đoạn chỉ khác nhau ở khoảng trắng", "the texts differ only in blanks")
	}
	return strings.Join(parts, "; ")
}

func pick(vi bool, a, b string) string {
	if vi {
		return a
	}
	return b
}

// diffRun is a run of words that one text lacks or adds.
type diffRun struct {
	add   bool
	words []string
}

// diffRuns aligns x and y on a longest common subsequence of words and
// returns the runs of words in between, in text order: the words of x
// that y lacks and the words y adds. late matches equal words as late as
// possible, else as early as possible.
func diffRuns(x, y []string, late bool) []diffRun {
	n, m := len(x), len(y)
	// With late, lcs[i][j] is the LCS length of x[:i] and y[:j]; else of
	// x[i:] and y[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	if late {
		for i := 1; i <= n; i++ {
			for j := 1; j <= m; j++ {
				if x[i-1] == y[j-1] {
					lcs[i][j] = lcs[i-1][j-1] + 1
				} else {
					lcs[i][j] = max(lcs[i-1][j], lcs[i][j-1])
				}
			}
		}
	} else {
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if x[i] == y[j] {
					lcs[i][j] = lcs[i+1][j+1] + 1
				} else {
					lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
				}
			}
		}
	}
	type step struct {
		kind int // 0 match, 1 add, 2 lack
		word string
	}
	var steps []step
	if late {
		for i, j := n, m; i > 0 || j > 0; {
			switch {
			case i > 0 && j > 0 && x[i-1] == y[j-1]:
				steps = append(steps, step{0, ""})
				i, j = i-1, j-1
			case j > 0 && (i == 0 || lcs[i][j-1] >= lcs[i-1][j]):
				steps = append(steps, step{1, y[j-1]})
				j--
			default:
				steps = append(steps, step{2, x[i-1]})
				i--
			}
		}
		for a, b := 0, len(steps)-1; a < b; a, b = a+1, b-1 {
			steps[a], steps[b] = steps[b], steps[a]
		}
	} else {
		for i, j := 0, 0; i < n || j < m; {
			switch {
			case i < n && j < m && x[i] == y[j]:
				steps = append(steps, step{0, ""})
				i, j = i+1, j+1
			case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
				steps = append(steps, step{2, x[i]})
				i++
			default:
				steps = append(steps, step{1, y[j]})
				j++
			}
		}
	}
	// group the words between matches: lacks first, then adds
	var out []diffRun
	var lack, add []string
	flush := func() {
		if len(lack) > 0 {
			out = append(out, diffRun{false, lack})
		}
		if len(add) > 0 {
			out = append(out, diffRun{true, add})
		}
		lack, add = nil, nil
	}
	for _, s := range steps {
		switch s.kind {
		case 0:
			flush()
		case 1:
			add = append(add, s.word)
		case 2:
			lack = append(lack, s.word)
		}
	}
	flush()
	return out
}

// listStarts counts the runs that begin with a list mark.
func listStarts(runs []diffRun) int {
	n := 0
	for _, r := range runs {
		switch r.words[0] {
		case "-", "+", "o", "○", "•", "–":
			n++
		}
	}
	return n
}
