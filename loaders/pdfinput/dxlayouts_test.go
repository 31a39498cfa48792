package pdfinput_test

import (
	"strconv"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// TestDraftDXLayouts reads the two appendix tables of the 2024 draft
// printed to PDF with the dx layouts (their cells, dxtext.ReadCells) and
// compares every column the layouts give with the datasets, which are
// read from the draft's text: Phụ lục 01 (dx-results, the 2023 tasks) and
// Phụ lục 2 (dx-plan, the 2024 tasks), figures as numbers, text exactly —
// the lead units that a narrow cell broke inside a word ("Sở TT&T T")
// rejoined and said so in the item's Unsure notes.
func TestDraftDXLayouts(t *testing.T) {
	r, size := open(t, "draft2024-libreoffice.pdf")
	gs, err := pdfinput.ReadGrids(r, size, "draft2024-libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	byHeading := map[string]*pdfinput.Grid{}
	for _, g := range gs {
		byHeading[g.Heading] = g
	}
	for _, tc := range []struct {
		heading string
		layout  loaders.Layout
		golden  string
		rows    int
	}{
		{"PHỤ LỤC 01", dxtext.DXResults, "soctrang-2023-dx-items", 41},
		{"PHỤ LỤC 2", dxtext.DXPlan, "soctrang-2024-dx-items", 48},
	} {
		g := byHeading[tc.heading]
		if g == nil {
			t.Fatalf("no table under %s", tc.heading)
		}
		tb, err := g.Parse(tc.layout, loaders.Options{File: "draft2024-libreoffice.pdf", Convention: loaders.DotThousands})
		if err != nil {
			t.Fatalf("%s: %v", tc.heading, err)
		}
		head, rows := frameCSV(t, tb)
		tb.Release()
		ghead, grows := golden(t, tc.golden)
		if len(rows) != tc.rows || len(grows) != tc.rows {
			t.Fatalf("%s: %d rows read, %d in the dataset, want %d", tc.heading, len(rows), len(grows), tc.rows)
		}
		gcol := map[string]int{}
		for i, h := range ghead {
			gcol[h] = i
		}
		cells := 0
		for i, h := range head {
			j, ok := gcol[h]
			if !ok || h == "source_line" {
				continue
			}
			for k := range rows {
				cells++
				got, want := rows[k][i], grows[k][j]
				if got == want {
					continue
				}
				a, err1 := strconv.ParseFloat(got, 64)
				b, err2 := strconv.ParseFloat(want, 64)
				if err1 == nil && err2 == nil && a == b {
					continue
				}
				t.Errorf("%s, task %s, %s: read %q, the dataset has %q", tc.heading, grows[k][gcol["code"]], h, got, want)
			}
		}
		if cells < 500 {
			t.Errorf("%s: only %d cells compared", tc.heading, cells)
		}
	}
}
