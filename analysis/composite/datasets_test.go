package composite_test

import (
	"testing"

	"github.com/ictplan/ictplan/analysis/composite"
	"github.com/ictplan/ictplan/datasets"
)

// The catalogue's crosswalk: 63 former units, 34 new ones (Resolution
// 202/2025/QH15: 52 units into 23, 11 not arranged). No two former names
// share a key in any matching mode, so MatchFolded is safe on it, and
// vn-provinces regroups into 34 complete units holding 63 provinces.
func TestCrosswalk2025(t *testing.T) {
	cw, err := datasets.Load("vn-provinces-2025")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []composite.Matching{composite.MatchExact, composite.MatchTones, composite.MatchFolded} {
		keys := map[string]string{}
		for _, n := range cw.Col("old_province").Strings() {
			k := composite.MatchKey(n, m)
			if prev, dup := keys[k]; dup {
				t.Errorf("%s: %q and %q share the key %q", m, prev, n, k)
			}
			keys[k] = n
		}
		if len(keys) != 63 {
			t.Errorf("%s: %d former units", m, len(keys))
		}
	}
	prov, err := datasets.Load("vn-provinces")
	if err != nil {
		t.Fatal(err)
	}
	// complete counts values: a new unit is complete when each of its
	// former provinces has a population (vn-provinces leaves a figure
	// without a citable source null).
	withValue := map[string]bool{}
	for i, n := range prov.Col("province").Strings() {
		if !prov.Col("population").IsNull(i) {
			withValue[composite.MatchKey(n, composite.MatchTones)] = true
		}
	}
	for _, m := range []composite.Matching{composite.MatchTones, composite.MatchFolded} {
		g, err := composite.Reaggregate(prov, cw, composite.Reaggregation{Sums: []string{"population"}, Matching: m})
		if err != nil {
			t.Fatal(err)
		}
		if g.NumRows() != 34 {
			t.Errorf("%s: %d new units, want 34", m, g.NumRows())
		}
		total := int64(0)
		for i, n := range g.Col("old_provinces").Int64s() {
			total += n
			full := g.Col("complete").Bools()[i]
			if full != (n == g.Col("old_provinces_expected").Int64s()[i]) || full == g.Col("population").IsNull(i) {
				t.Errorf("%s: %s: %d of %d former provinces with a population, complete %v, population null %v", m,
					g.Col("new_province").Strings()[i], n, g.Col("old_provinces_expected").Int64s()[i], full, g.Col("population").IsNull(i))
			}
		}
		if total != int64(len(withValue)) {
			t.Errorf("%s: %d former provinces with a population in the 34 units, want %d", m, total, len(withValue))
		}
		g.Release()
	}
}
