package datasets_test

import (
	"sort"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// emptyTextPending lists the datasets whose builders still pass an empty
// cell of the source table on as "" rather than null, with the columns
// concerned. The list only shrinks: a dataset listed here that has no ""
// left fails the test, so that its entry is removed.
var emptyTextPending = map[string][]string{}

// TestNoEmptyText: an empty cell is null, never "" — in every text column
// of every dataset of the catalogue (a "" would count as a value: present
// in Valid, a group of its own in GroupBy, a source that is not there).
func TestNoEmptyText(t *testing.T) {
	for _, e := range datasets.Catalogue() {
		f, err := datasets.Load(e.ID)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		var cols []string
		for _, s := range f.Fields() {
			if s.Kind != frame.String {
				continue
			}
			c := f.Col(s.Name)
			vals := c.Strings()
			n, first := 0, -1
			for i, v := range vals {
				if v == "" && !c.IsNull(i) {
					if first < 0 {
						first = i
					}
					n++
				}
			}
			if n == 0 {
				continue
			}
			cols = append(cols, s.Name)
			if _, pending := emptyTextPending[e.ID]; !pending {
				line := "unknown"
				if _, err := f.Column(frame.ColSourceLine); err == nil {
					line = f.Row(first).String(frame.ColSourceLine)
				}
				t.Errorf("%s: column %q has %d empty texts instead of null (first in row %d, source line %s)", e.ID, s.Name, n, first+1, line)
			}
		}
		if want, pending := emptyTextPending[e.ID]; pending {
			sort.Strings(cols)
			if len(cols) == 0 {
				t.Errorf("%s: no empty text is left: remove it from emptyTextPending", e.ID)
			} else if !equalStrings(cols, want) {
				t.Errorf("%s: empty texts in columns %q, listed %q", e.ID, cols, want)
			}
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
