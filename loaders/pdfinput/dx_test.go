package pdfinput_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
	"github.com/ictplan/ictplan/numtext"
)

// TestDX2023Columns reads the 2023 budget table (Phụ lục 01 of Sóc Trăng's
// 2024 plan) from the page layout and compares it with the golden
// soctrang-2023-dx-items.csv, whose amounts package loaders/dxtext placed
// in their columns by its spacing rule on the extracted text (assignment
// "layout"): the columns the page shows must be the same, figure by
// figure, and the pillar rows must be the golden pillars' subtotals.
func TestDX2023Columns(t *testing.T) {
	amounts := []string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd", "spent_local_mvnd", "spent_central_mvnd", "spent_invest_mvnd", "spent_other_mvnd"}
	itemHead, items := golden(t, "soctrang-2023-dx-items")
	pillarHead, pillars := golden(t, "soctrang-2023-dx-pillars")
	at := func(head []string, name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s", name)
		return -1
	}
	for _, p := range producers {
		name := "dx2023-" + p + ".pdf"
		t.Run(p, func(t *testing.T) {
			r, size := open(t, name)
			g, err := pdfinput.ReadGrid(r, size, 0, "01", name)
			if err != nil {
				t.Fatal(err)
			}
			if g.Columns != 11 {
				t.Fatalf("%d columns, want 11 (TT, task, 4 planned, 4 spent, note)", g.Columns)
			}
			var gotItems, gotPillars [][]loaders.Cell
			var total []loaders.Cell
			for _, row := range g.Cells {
				first, second := row[0].Text, row[1].Text
				switch {
				case strings.HasPrefix(second, "TỔNG CỘNG"):
					total = row
				case first != "" && !strings.Contains(first, ".") && second != "" && row[2].Text != "" && numtext.BareNumber(first) == first && len(gotPillars) < len(pillars) && second == pillars[len(gotPillars)][at(pillarHead, "pillar")]:
					gotPillars = append(gotPillars, row)
				case len(gotPillars) > 0 && second != "":
					gotItems = append(gotItems, row)
				}
			}
			if len(gotItems) != len(items) || len(gotPillars) != len(pillars) {
				t.Fatalf("%d items and %d pillars, golden %d and %d", len(gotItems), len(gotPillars), len(items), len(pillars))
			}
			cells, figures := 0, 0
			check := func(what string, row []loaders.Cell, want string, col int, page int) {
				cells++
				got := row[col].Text
				if want != "" && got != "" {
					figures++
					v, err := numtext.ParseNumber(got, loaders.DotThousands)
					if err == nil && strconv.FormatFloat(v, 'f', -1, 64) == want {
						return
					}
				}
				if got != want {
					t.Errorf("%s page %d, %s: column %d reads %q, golden %q", name, page, what, col+1, got, want)
				}
			}
			for i, row := range gotItems {
				w := items[i]
				page := g.RowPages[row[0].Line-1]
				what := "item " + w[at(itemHead, "code")] + " " + w[at(itemHead, "task")][:min(30, len(w[at(itemHead, "task")]))]
				check(what, row, w[at(itemHead, "code")], 0, page)
				check(what, row, w[at(itemHead, "task")], 1, page)
				for k, a := range amounts {
					check(what+" "+a, row, w[at(itemHead, a)], 2+k, page)
				}
				check(what, row, w[at(itemHead, "note")], 10, page)
			}
			for i, row := range gotPillars {
				w := pillars[i]
				page := g.RowPages[row[0].Line-1]
				for k, a := range amounts {
					check("pillar "+w[0]+" "+a, row, w[at(pillarHead, a)], 2+k, page)
				}
			}
			// TỔNG CỘNG: the pillars add up to it (18.970 0 27.900 2.138
			// 12.693 0 12.700 2.138 in the plan, its line 4442).
			want := []string{"18970", "0", "27900", "2138", "12693", "0", "12700", "2138"}
			if total == nil {
				t.Fatal("no TỔNG CỘNG row")
			}
			for k := range amounts {
				check("TỔNG CỘNG "+amounts[k], total, want[k], 2+k, 0)
			}
			t.Logf("%s: %d items and %d pillars, %d cells compared (%d figures) with the golden CSVs", name, len(gotItems), len(gotPillars), cells, figures)
		})
	}
}
