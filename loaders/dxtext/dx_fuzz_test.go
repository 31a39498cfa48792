package dxtext

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

// FuzzReadDX is seeded with the two appendices of the 2024 Sóc Trăng plan
// (Phụ lục 01, lines 2892–4476, and Phụ lục 2, lines 4477–6911), pieces of
// them, and a small table in the template. Each input is read with both
// layouts. The property: no panic, no hang; every problem is a positioned
// *Error; a table read without error has, for every item, one cell per
// amount column or its figures kept as unplaced; inference and the Frame
// never panic.
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
			tb, err := ReadDX([]byte(doc), l, loaders.Options{File: "f.txt"})
			checkPositioned(t, err)
			if tb == nil {
				continue
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
				continue
			}
			checkPositioned(t, tb.Infer())
			f, err := tb.ItemsFrame(loaders.Options{})
			if err != nil {
				checkPositioned(t, err)
				continue
			}
			if f.NumRows() != len(tb.Items) {
				t.Fatalf("%d rows for %d items", f.NumRows(), len(tb.Items))
			}
			f.Release()
			if p, err := tb.PillarsFrame(loaders.Options{}); err == nil {
				p.Release()
			} else {
				t.Fatalf("PillarsFrame: %v", err)
			}
		}
	})
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
