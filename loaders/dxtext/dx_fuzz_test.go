package dxtext

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/loaders"
)

// FuzzReadDX is seeded with the two appendices of the 2024 Sóc Trăng plan
// (Phụ lục 01, lines 2892–4476, and Phụ lục 2, lines 4477–6911), pieces of
// them, and a small table in the template. Each input is read with both
// layouts, with the convention undecided and given (dot-thousands). The
// property: no panic, no hang; every problem is a positioned *Error; a
// table read without error has, for every item, one cell per amount
// column or its figures kept as unplaced; inference and the Frames never
// panic; the claims of a table read in full are scoped to pillars its rows
// carry, and reconcile.Totals checks them without error.
func FuzzReadDX(f *testing.F) {
	f.Add(dxLines(f, 2892, 4476))
	f.Add(dxLines(f, 4477, 6911))
	f.Add(dxLines(f, 2892, 3115))
	f.Add(dxLines(f, 4477, 4800))
	f.Add(dxLines(f, 5900, 6110))
	f.Add(dxLines(f, 4440, 4470))
	f.Add(dxResultsDoc)
	f.Add("PHỤ LỤC 2\nTT\n1 Nhận thức số   130 - - 675 805\n1.1\nViệc\nMới Sở TT&TT\nHàng\nnăm\n50 \n   \n50 \nTỔNG CỘNG 130 - - 675 805\n")
	f.Fuzz(func(t *testing.T, doc string) {
		for _, l := range []loaders.Layout{DXResults, DXPlan} {
			for _, c := range []loaders.Convention{loaders.Undecided, loaders.DotThousands} {
				fuzzRead(t, doc, l, c)
			}
		}
	})
}

func fuzzRead(t *testing.T, doc string, l loaders.Layout, c loaders.Convention) {
	tb, err := ReadDX([]byte(doc), l, loaders.Options{File: "f.txt", Convention: c})
	checkPositioned(t, err)
	if tb == nil {
		return
	}
	n := len(tb.Columns)
	for _, it := range tb.Items {
		if it.Assignment != "" && len(it.Amounts) != n {
			t.Fatalf("%s: item %q placed with %d cells, want %d", l.Name, it.Code, len(it.Amounts), n)
		}
		if it.Assignment == "" && len(it.Amounts) != 0 {
			t.Fatalf("%s: item %q unplaced with cells", l.Name, it.Code)
		}
	}
	if err != nil {
		return
	}
	if tb.Total == nil {
		t.Fatalf("%s: a table without its grand total read without error", l.Name)
	}
	checkPositioned(t, tb.Infer())
	if p, err := tb.PillarsFrame(loaders.Options{}); err == nil {
		p.Release()
	} else {
		t.Fatalf("PillarsFrame: %v", err)
	}
	tab, err := tb.Table(loaders.Options{})
	if err != nil {
		checkPositioned(t, err)
		return
	}
	defer tab.Release()
	if tab.Frame.NumRows() != len(tb.Items) {
		t.Fatalf("%d rows for %d items", tab.Frame.NumRows(), len(tb.Items))
	}
	scope := tab.Frame.Meta(MetaScopeColumn)
	rows := map[string]bool{}
	for _, v := range tab.Frame.Col(scope).Strings() {
		rows[v] = true
	}
	for _, tot := range tab.Totals {
		if tot.Group != "" && !rows[tot.Group] && tb.itemsOf(tot.Line) > 0 {
			t.Fatalf("%s: subtotal %q at line %d is scoped to %q, which no row of its pillar carries in %s", l.Name, tot.Label, tot.Line, tot.Group, scope)
		}
	}
	claims, err := tab.TotalsFrame(nil)
	if err != nil {
		t.Fatalf("TotalsFrame: %v", err)
	}
	defer claims.Release()
	if _, err := reconcile.Totals("f", tab.Frame, claims); err != nil {
		t.Fatalf("reconcile.Totals: %v", err)
	}
}

// itemsOf counts the items of the pillar whose row is at line.
func (t *DXTable) itemsOf(line int) int {
	n := 0
	for _, p := range t.Pillars {
		if p.Line != line {
			continue
		}
		for _, it := range t.Items {
			if it.Pillar == p.No {
				n++
			}
		}
	}
	return n
}

func checkPositioned(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	es := loaders.Errors(err)
	if len(es) == 0 {
		t.Fatalf("an error without position: %v", err)
	}
	for _, e := range es {
		if e.Err == nil || e.File != "f.txt" || e.Line < 0 {
			t.Fatalf("error %#v", e)
		}
		if !errors.Is(e, e.Err) || strings.TrimSpace(e.Error()) == "" {
			t.Fatalf("error %v", e)
		}
	}
}
