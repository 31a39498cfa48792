package composite_test

import (
	"math"
	"testing"

	"github.com/ictplan/ictplan/analysis/composite"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
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

// dtiSpecs are the eight sub-indices of the provincial DTI with the
// weights of its published formula, PDTI = (100 × the five foundation
// sub-indices + 200 × government + 150 × economy + 150 × society) / 1000.
var dtiSpecs = []composite.Indicator{
	{Column: "awareness", Weight: 100}, {Column: "institutions", Weight: 100}, {Column: "infrastructure", Weight: 100},
	{Column: "human_resources", Weight: 100}, {Column: "cybersecurity", Weight: 100},
	{Column: "government_activity", Weight: 200}, {Column: "economy_activity", Weight: 150}, {Column: "society_activity", Weight: 150},
}

// TestDTIRaw: the published PDTI of 2022 is the weighted arithmetic mean
// of the raw sub-indices (Raw): Composite gives it back for every province
// whose sub-indices the table holds, within the rounding of the published
// figures (each sub-index and the PDTI to four decimals: ± 0,00005 from
// the parts, ± 0,00005 from the score; Hồ Chí Minh 0,716355 against the
// published 0,7163), and ranks them as published.
func TestDTIRaw(t *testing.T) {
	dti, err := datasets.Load("vn-dti")
	if err != nil {
		t.Fatal(err)
	}
	defer dti.Release()
	with := dti.Filter(func(r frame.Row) bool { return !r.IsNull("pdti") && !r.IsNull("awareness") })
	defer with.Release()
	if with.NumRows() < 5 {
		t.Fatalf("%d provinces with sub-indices", with.NumRows())
	}
	c, err := composite.Composite(with, dtiSpecs, composite.Options{Normalisation: composite.Raw, Aggregation: composite.Arithmetic})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	score, pdti, ranks := c.Col("score").Float64s(), c.Col("pdti").Float64s(), c.Col("rank").Int64s()
	names, pub := c.Col("province").Strings(), with.Col("rank").Int64s()
	for i := range score {
		if math.Abs(score[i]-pdti[i]) > 0.0001+1e-12 {
			t.Errorf("%s: score %.6f, published PDTI %.4f", names[i], score[i], pdti[i])
		}
	}
	// the composite's ranks among these provinces keep the published order
	for i := range ranks {
		for j := range ranks {
			if (pub[i] < pub[j]) != (ranks[i] < ranks[j]) && pub[i] != pub[j] {
				t.Errorf("%s (published %d) and %s (published %d): ranks %d, %d", names[i], pub[i], names[j], pub[j], ranks[i], ranks[j])
			}
		}
	}
	if _, err := composite.Composite(with, []composite.Indicator{{Column: "awareness", Direction: composite.LowerBetter}}, composite.Options{Normalisation: composite.Raw}); err == nil {
		t.Error("Raw with a lower-is-better indicator: no error")
	}
}
