package reconcile

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
	"github.com/ictplan/ictplan/numtext"
	"github.com/ictplan/ictplan/vntext"
)

// RuleNote is the rule of a rate a row's note states ("Tỷ lệ giải ngân đạt
// 11,91%") against the rate of the row's own figures.
const RuleNote = "note-vs-row"

// NoteRate is a rate that the note of a row may state, and the columns of
// the row it is the quotient of.
type NoteRate struct {
	// Words are the words that introduce the rate in the note, any of
	// them, compared folded (case and diacritics ignored): "tỷ lệ giải
	// ngân". The first percentage after them, within the same sentence,
	// is the rate.
	Words []string
	// Numerator and Denominator are summed over the row (nulls left out):
	// the spent and the planned columns of every funding source.
	Numerator, Denominator []string
}

// notePercentRe finds a percentage in a note, in the Vietnamese writing
// ("11,91%", "36,12 %", "100%").
var notePercentRe = regexp.MustCompile(`[0-9][0-9.,]*\s*%`)

// NoteRates compares, row by row, each rate a row's note states with 100 ×
// numerator / denominator of the row's own figures, within half a unit of
// the rate's last written decimal (11,91% is checked to ± 0,005 points).
// A note is read in the Vietnamese convention (a decimal comma). A rate
// whose denominator is zero or null is not checked. subject names the
// column that identifies rows in findings; note the column of notes.
func NoteRates(dataset string, data *frame.Frame, subject, note string, specs ...NoteRate) (Report, error) {
	r := Report{Dataset: dataset}
	names, namesVI, err := rowNames(data, subject, note)
	if err != nil {
		return r, err
	}
	notes, err := data.Column(note)
	if err != nil {
		return r, err
	}
	lines, err := data.Column(frame.ColSourceLine)
	if err != nil {
		return r, err
	}
	texts, rows := notes.Strings(), lines.Int64s()
	for _, s := range specs {
		num, err := sumColumns(data, s.Numerator)
		if err != nil {
			return r, err
		}
		den, err := sumColumns(data, s.Denominator)
		if err != nil {
			return r, err
		}
		for i, text := range texts {
			if text == "" || math.IsNaN(den[i]) || den[i] == 0 || math.IsNaN(num[i]) {
				continue
			}
			figure, ok := noteRate(text, s.Words)
			if !ok {
				continue
			}
			d, err := numtext.ParseDecimal(figure, numtext.DotThousands, false)
			if err != nil {
				continue
			}
			stated := d.Float(0)
			computed := 100 * num[i] / den[i]
			name, nameVI := names[i], namesVI[i]
			r.check(approx.Equal(stated, computed, approx.HalfUnit(d.Decimals)), Finding{
				Rule: RuleNote, Subject: name, SubjectVI: differing(nameVI, name), Column: note,
				Reported: stated, Computed: computed, Difference: stated - computed,
				SourceLine: int(rows[i]),
				Detail: fmt.Sprintf("%s: the note says %q; the row's figures give %s / %s = %s%%", name, text,
					frame.FormatVI(num[i], -1), frame.FormatVI(den[i], -1), frame.FormatVI(computed, 2)),
				DetailVI: fmt.Sprintf("%s: ghi chú viết %q; số liệu của dòng cho %s / %s = %s%%", nameVI, text,
					vi(num[i]), vi(den[i]), frame.FormatVI(computed, 2)),
			})
		}
	}
	return r, nil
}

// noteRate returns the first percentage after one of words in text, within
// its sentence.
func noteRate(text string, words []string) (string, bool) {
	folded := vntext.Fold(text)
	for _, w := range words {
		fw := vntext.Fold(w)
		at := strings.Index(folded, fw)
		if fw == "" || at < 0 {
			continue
		}
		rest := folded[at+len(fw):]
		// a dot before a blank, or a semicolon, ends the sentence (a
		// dot between digits is a thousands mark)
		if end := strings.Index(rest, ". "); end >= 0 {
			rest = rest[:end]
		}
		if end := strings.IndexByte(rest, ';'); end >= 0 {
			rest = rest[:end]
		}
		if m := notePercentRe.FindString(rest); m != "" {
			return strings.ReplaceAll(strings.TrimSuffix(m, "%"), " ", "") + "%", true
		}
	}
	return "", false
}

// sumColumns adds up columns row by row; a row where every one is null is
// NaN.
func sumColumns(data *frame.Frame, cols []string) ([]float64, error) {
	out := make([]float64, data.NumRows())
	seen := make([]bool, len(out))
	for _, name := range cols {
		c, err := data.Column(name)
		if err != nil {
			return nil, err
		}
		for i, v := range c.Float64s() {
			if !math.IsNaN(v) {
				out[i] += v
				seen[i] = true
			}
		}
	}
	for i := range out {
		if !seen[i] {
			out[i] = math.NaN()
		}
	}
	return out, nil
}
