package checks

import (
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
)

var claimFigureRe = regexp.MustCompile(`([0-9][0-9.]*)\s*(%|đồng)`)

// TestCatalogueClaimsInSource: every text claim of the rules quotes its
// source line, and its Value is the last figure of the quote (an amount in
// đồng as million đồng, a percentage as is), read here without the loaders.
func TestCatalogueClaimsInSource(t *testing.T) {
	n := 0
	for id, rl := range byDataset {
		e, err := datasets.Lookup(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range rl.claims {
			n++
			line, err := datasets.Line(e.Source, c.Line)
			if err != nil {
				t.Errorf("%s: claim %q: %v", e.ID, c.Subject, err)
				continue
			}
			if !strings.Contains(line, c.Text) {
				t.Errorf("%s: line %d does not contain %q:\n%s", e.ID, c.Line, c.Text, line)
				continue
			}
			ms := claimFigureRe.FindAllStringSubmatch(c.Text, -1)
			if len(ms) == 0 {
				t.Errorf("%s: no figure in %q", e.ID, c.Text)
				continue
			}
			m := ms[len(ms)-1]
			v, ok := new(big.Rat).SetString(strings.ReplaceAll(m[1], ".", ""))
			if !ok {
				t.Fatalf("cannot read %q", m[1])
			}
			if m[2] == "đồng" {
				v.Quo(v, big.NewRat(1_000_000, 1))
			}
			if m[2] == "%" != c.Percent {
				t.Errorf("%s line %d: Percent = %v for %q", e.ID, c.Line, c.Percent, m[0])
			}
			if f, _ := v.Float64(); f != c.Value {
				t.Errorf("%s line %d: Value %v, the text says %s (%v)", e.ID, c.Line, c.Value, m[0], f)
			}
			for _, ref := range append(append([]reconcile.ColumnRef{}, c.Numerator...), c.Denominator...) {
				f, err := datasets.Load(ref.Dataset)
				if err != nil {
					t.Errorf("%s line %d: %v", e.ID, c.Line, err)
					continue
				}
				if !f.Has(ref.Column) {
					t.Errorf("%s line %d: %s has no column %q", e.ID, c.Line, ref.Dataset, ref.Column)
				}
				f.Release()
			}
		}
	}
	if n != 10 {
		t.Errorf("%d claims in the catalogue, want 10", n)
	}
}
