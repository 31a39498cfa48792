package datasets

import (
	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
)

// Check reconciles a dataset: reported totals against the sums of their
// columns, reported ratios against recomputed ones, parts against their
// whole in each row, and the figures the document's text states about the
// dataset against the tables. Findings are data: an error means the
// dataset (or one a claim refers to) could not be loaded.
func Check(id string) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: id}
	e, err := Lookup(id)
	if err != nil {
		return r, err
	}
	f, err := Load(id)
	if err != nil {
		return r, err
	}
	defer f.Release()
	claims, err := Claims(id)
	if err != nil {
		return r, err
	}
	defer claims.Release()
	tot, err := reconcile.Totals(id, f, claims)
	if err != nil {
		return r, err
	}
	r.Add(tot)
	if len(e.ratios) > 0 {
		rr, err := reconcile.Ratios(id, f, claims, e.subject, e.ratios...)
		if err != nil {
			return r, err
		}
		r.Add(rr)
	}
	if len(e.parts) > 0 {
		pr, err := reconcile.PartsWithinWhole(id, f, e.subject, e.parts...)
		if err != nil {
			return r, err
		}
		r.Add(pr)
	}
	if len(e.claims) > 0 {
		frames := map[string]*frame.Frame{}
		for _, c := range e.claims {
			for _, ref := range append(append([]reconcile.ColumnRef{}, c.Numerator...), c.Denominator...) {
				if _, ok := frames[ref.Dataset]; ok {
					continue
				}
				g, err := Load(ref.Dataset)
				if err != nil {
					return r, err
				}
				defer g.Release()
				frames[ref.Dataset] = g
			}
		}
		cr, err := reconcile.Claims(id, frames, e.claims...)
		if err != nil {
			return r, err
		}
		r.Add(cr)
	}
	reconcile.Sort(r.Findings)
	return r, nil
}

// CheckAll checks every dataset of the catalogue, in id order.
func CheckAll() (reconcile.Report, error) {
	all := reconcile.Report{Dataset: "all"}
	for _, id := range IDs() {
		r, err := Check(id)
		if err != nil {
			return all, err
		}
		all.Add(r)
	}
	return all, nil
}
