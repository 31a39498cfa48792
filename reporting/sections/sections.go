package sections

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
)

// Options choose the language of the words in charts (tables keep their
// column names and Vietnamese labels).
type Options struct {
	Lang chart.Lang
}

// All builds every section, in report order.
func All(o Options) ([]reporting.Section, error) {
	var out []reporting.Section
	for _, build := range []func(Options) (reporting.Section, error){Computers, Budget, Indicators, Provinces} {
		s, err := build(o)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// tr picks the Vietnamese or English text.
func (o Options) tr(vi, en string) string {
	if o.Lang == chart.EN {
		return en
	}
	return vi
}

// load returns a dataset of the catalogue.
func load(id string) (*frame.Frame, error) {
	f, err := datasets.Load(id)
	if err != nil {
		return nil, fmt.Errorf("sections: %w", err)
	}
	return f, nil
}

// lines collects the non-null int64 values of a line column.
func lines(f *frame.Frame, col string) []int {
	c := f.Col(col)
	var out []int
	seen := map[int]bool{}
	for i, v := range c.Int64s() {
		if c.IsNull(i) || seen[int(v)] {
			continue
		}
		seen[int(v)] = true
		out = append(out, int(v))
	}
	return out
}

// provenance names the dataset's source file and the lines of its rows.
func provenance(f *frame.Frame) []reporting.Provenance {
	return []reporting.Provenance{{File: f.Meta(frame.MetaSourceFile), Lines: lines(f, frame.ColSourceLine)}}
}

// linesByFile groups a frame's source lines by its rows' source_file (a
// dataset drawn from several documents), in order of first appearance.
func linesByFile(f *frame.Frame) []reporting.Provenance {
	if !f.Has(frame.ColSourceFile) {
		return provenance(f)
	}
	var out []reporting.Provenance
	at := map[string]int{}
	files, ls := strs(f, frame.ColSourceFile), f.Col(frame.ColSourceLine)
	nums := ls.Int64s()
	for i, file := range files {
		if ls.IsNull(i) {
			continue
		}
		k, ok := at[file]
		if !ok {
			k = len(out)
			at[file] = k
			out = append(out, reporting.Provenance{File: file})
		}
		out[k].Lines = append(out[k].Lines, int(nums[i]))
	}
	return out
}

// strs and nums read a column as strings and floats (NaN for null).
func strs(f *frame.Frame, col string) []string  { return f.Col(col).Strings() }
func nums(f *frame.Frame, col string) []float64 { return f.Col(col).Float64s() }
func finite(v float64) bool                     { return !math.IsNaN(v) && !math.IsInf(v, 0) }

var nan = math.NaN()

// pct writes a fraction as a percentage with one decimal.
func pct(v float64, l chart.Lang) string {
	if !finite(v) {
		return "–"
	}
	if l == chart.EN {
		return fmt.Sprintf("%.1f%%", 100*v)
	}
	return frame.FormatVI(100*v, 1) + "%"
}

// points writes a difference of two ratios in percentage points, with its
// sign: −20,6 or −20.6.
func points(v float64, l chart.Lang) string {
	if !finite(v) {
		return "–"
	}
	if l == chart.EN {
		return fmt.Sprintf("%+.1f", 100*v)
	}
	s := frame.FormatVI(100*v, 1)
	if v > 0 {
		s = "+" + s
	}
	return s
}

// count writes a whole number in the language's format: 2.346 or 2,346.
func count(v float64, l chart.Lang) string {
	s := frame.FormatVI(math.Round(v), 0)
	if l == chart.EN {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}
