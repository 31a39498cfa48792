package checks

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// Check reconciles a dataset: reported totals against the sums of their
// columns, reported ratios against recomputed ones, parts against their
// whole in each row, and the figures the document's text states about the
// dataset against the tables. Findings are data: an error means the
// dataset (or one a claim refers to) could not be loaded.
func Check(id string) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: id}
	e, err := datasets.Lookup(id)
	if err != nil {
		return r, err
	}
	f, err := datasets.Load(id)
	if err != nil {
		return r, err
	}
	defer f.Release()
	claims, err := datasets.Claims(id)
	if err != nil {
		return r, err
	}
	defer claims.Release()
	tot, err := reconcile.Totals(id, f, claims)
	if err != nil {
		return r, err
	}
	r.Add(tot)
	rl := byDataset[id]
	if len(rl.ratios) > 0 {
		rr, err := reconcile.Ratios(id, f, claims, rl.subject, rl.ratios...)
		if err != nil {
			return r, err
		}
		r.Add(rr)
	}
	if len(rl.parts) > 0 {
		pr, err := reconcile.PartsWithinWhole(id, f, rl.subject, rl.parts...)
		if err != nil {
			return r, err
		}
		r.Add(pr)
	}
	if len(rl.claims) > 0 {
		frames := map[string]*frame.Frame{}
		for _, c := range rl.claims {
			for _, ref := range append(append([]reconcile.ColumnRef{}, c.Numerator...), c.Denominator...) {
				if _, ok := frames[ref.Dataset]; ok {
					continue
				}
				g, err := datasets.Load(ref.Dataset)
				if err != nil {
					return r, err
				}
				defer g.Release()
				frames[ref.Dataset] = g
			}
		}
		cr, err := reconcile.Claims(id, frames, rl.claims...)
		if err != nil {
			return r, err
		}
		r.Add(cr)
	}
	if rl.hook != nil {
		xr, err := rl.hook(e, f, claims)
		if err != nil {
			return r, err
		}
		r.Add(xr)
	}
	if rl.items != nil {
		ir, err := itemsReport(e, f, rl.subject, rl.items)
		if err != nil {
			return r, err
		}
		r.Add(ir)
	}
	if len(rl.words) > 0 {
		pairs, err := wordPairs(e, rl.words)
		if err != nil {
			return r, err
		}
		r.Add(reconcile.Pairs(id, pairs...))
	}
	for i := range r.Findings {
		if r.Findings[i].SourceFile == "" {
			r.Findings[i].SourceFile = e.Source
		}
	}
	reconcile.Sort(r.Findings)
	return r, nil
}

// CheckAll checks every dataset of the catalogue, in id order.
func CheckAll() (reconcile.Report, error) {
	all := reconcile.Report{Dataset: "all"}
	for _, id := range datasets.IDs() {
		r, err := Check(id)
		if err != nil {
			return all, err
		}
		all.Add(r)
	}
	return all, nil
}

// wordPairs parses each amount of the text twice, from digits and from
// words, after checking that both are on the line the catalogue says.
func wordPairs(e datasets.Entry, words []wordAmount) ([]reconcile.Pair, error) {
	var out []reconcile.Pair
	for _, w := range words {
		line, err := datasets.Line(e.Source, w.Line)
		if err != nil {
			return nil, err
		}
		if !strings.Contains(line, w.Digits) || !strings.Contains(line, w.Words) {
			return nil, fmt.Errorf("checks: %s: line %d does not hold %q and %q", e.ID, w.Line, w.Digits, w.Words)
		}
		d, err := loaders.ParseAmount(w.Digits, loaders.DotThousands, loaders.UnknownUnit, false)
		if err != nil {
			return nil, fmt.Errorf("checks: %s: line %d: %w", e.ID, w.Line, err)
		}
		v, err := loaders.ParseAmountWords(w.Words)
		if err != nil {
			return nil, fmt.Errorf("checks: %s: line %d: %w", e.ID, w.Line, err)
		}
		out = append(out, reconcile.Pair{Rule: reconcile.RuleWords, Subject: w.Subject, Column: "amount_mvnd",
			Reported: d.Million, Computed: v, Line: w.Line,
			Detail:   fmt.Sprintf("%q = %s million đồng; in words %q = %s million đồng", w.Digits, frame.FormatVI(d.Million, -1), w.Words, frame.FormatVI(v, -1)),
			DetailVI: fmt.Sprintf("%q = %s triệu đồng; bằng chữ %q = %s triệu đồng", w.Digits, frame.FormatVI(d.Million, -1), w.Words, frame.FormatVI(v, -1))})
	}
	return out, nil
}

// itemsReport checks the items of a document's text against the table,
// after checking that each item's words are on the line the rule says.
func itemsReport(e datasets.Entry, data *frame.Frame, subject string, t *textItems) (reconcile.Report, error) {
	for _, it := range t.items {
		line, err := datasets.Line(e.Source, it.Line)
		if err != nil {
			return reconcile.Report{}, err
		}
		if !strings.Contains(line, it.Text) {
			return reconcile.Report{}, fmt.Errorf("checks: %s: line %d does not hold %q", e.ID, it.Line, it.Text)
		}
	}
	line, err := datasets.Line(e.Source, t.total.Line)
	if err != nil {
		return reconcile.Report{}, err
	}
	for _, part := range strings.Split(t.total.Text, " … ") {
		if !strings.Contains(line, part) {
			return reconcile.Report{}, fmt.Errorf("checks: %s: line %d does not hold %q", e.ID, t.total.Line, part)
		}
	}
	return reconcile.TextItems(e.ID, data, t.key, subject, t.amount, t.items, t.total)
}
