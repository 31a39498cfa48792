package pdfinput_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
	"github.com/ictplan/ictplan/numtext"
)

// TestDraftTables reads the two appendix tables of the 2024 draft plan
// printed whole (draft2024-libreoffice.pdf, 109 pages: its text as
// paragraphs, each appendix a table over thirty pages whose rows run
// onto the next page, the header repeated on each) and compares them
// cell by cell with the golden CSVs they were laid out from: Phụ lục 01,
// the 2023 tasks (12 columns: a "Mục tiêu" of up to 900 characters
// beside the task, eight amounts, a note), and Phụ lục 2, the 2024 tasks
// (11 columns, three of them narrow text: new or continuing, the lead
// unit, the period). The short paragraph after Phụ lục 01's total
// ("Chi tiết:") and the funding table under it are not rows of it.
func TestDraftTables(t *testing.T) {
	r, size := open(t, "draft2024-libreoffice.pdf")
	gs, err := pdfinput.ReadGrids(r, size, "draft2024-libreoffice.pdf")
	if err != nil {
		t.Fatal(err)
	}
	byHeading := map[string]*pdfinput.Grid{}
	for _, g := range gs {
		byHeading[g.Heading] = g
	}
	figure := func(s string) string { // "1.116" → "1116"; "-" → "0"
		if s == "-" {
			return "0"
		}
		v, err := numtext.ParseNumber(s, loaders.DotThousands)
		if err != nil {
			return s
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	cells := 0
	compare := func(g *pdfinput.Grid, row int, what string, col int, want string, norm func(string) string) {
		t.Helper()
		cells++
		got := g.Cells[row][col].Text
		if norm != nil {
			got, want = norm(got), norm(want)
		}
		if got != want {
			t.Errorf("%s, page %d, %s: column %d reads %q, golden %q", g.Heading, g.RowPages[row], what, col+1, got, want)
		}
	}
	amount := func(s string) string {
		if s == "" {
			return ""
		}
		return figure(s)
	}

	t.Run("PHỤ LỤC 01", func(t *testing.T) {
		g := byHeading["PHỤ LỤC 01"]
		if g == nil || g.Columns != 12 || g.Rows != 54 || g.Pages[0] != 43 || g.Pages[len(g.Pages)-1] != 72 {
			t.Fatalf("PHỤ LỤC 01: %+v", g)
		}
		amounts := []string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd", "spent_local_mvnd", "spent_central_mvnd", "spent_invest_mvnd", "spent_other_mvnd"}
		ph, pillars := golden(t, "soctrang-2023-dx-pillars")
		ih, items := golden(t, "soctrang-2023-dx-items")
		row := 2 // after the unit's row and the header's
		for _, p := range pillars {
			pv := record(ph, p)
			compare(g, row, "pillar "+pv["pillar_no"], 0, pv["pillar_no"], nil)
			compare(g, row, "pillar "+pv["pillar_no"], 1, pv["pillar"], nil)
			for k, a := range amounts {
				compare(g, row, "pillar "+pv["pillar_no"]+" "+a, 3+k, pv[a], amount)
			}
			row++
			for _, it := range items {
				iv := record(ih, it)
				if iv["pillar_no"] != pv["pillar_no"] {
					continue
				}
				what := "task " + iv["code"]
				compare(g, row, what, 0, iv["code"], nil)
				compare(g, row, what, 1, iv["task"], nil)
				if g.Cells[row][2].Text == "" {
					t.Errorf("%s: no Mục tiêu", what)
				}
				for k, a := range amounts {
					compare(g, row, what+" "+a, 3+k, iv[a], amount)
				}
				compare(g, row, what, 11, iv["note"], nil)
				row++
			}
		}
		compare(g, row, "total", 1, "TỔNG CỘNG", nil)
		for k, want := range []string{"18970", "0", "27900", "2138", "12693", "0", "12700", "2138"} {
			compare(g, row, "total "+amounts[k], 3+k, want, amount)
		}
	})

	t.Run("PHỤ LỤC 2", func(t *testing.T) {
		g := byHeading["PHỤ LỤC 2"]
		if g == nil || g.Columns != 11 || g.Rows != 61 || g.Pages[0] != 73 || g.Pages[len(g.Pages)-1] != 109 {
			t.Fatalf("PHỤ LỤC 2: %+v", g)
		}
		amounts := []string{"local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd", "total_mvnd"}
		status := map[string]string{"new": "Mới", "continuing": "Chuyển tiếp"}
		// a narrow column breaks a word where it must ("Sở TT&T" then
		// "T"): the lead unit is compared without its spaces
		unspaced := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		ph, pillars := golden(t, "soctrang-2024-dx-pillars")
		ih, items := golden(t, "soctrang-2024-dx-items")
		row := 2
		for _, p := range pillars {
			pv := record(ph, p)
			compare(g, row, "pillar "+pv["pillar_no"], 0, pv["pillar_no"], nil)
			compare(g, row, "pillar "+pv["pillar_no"], 1, pv["pillar"], nil)
			for k, a := range amounts {
				compare(g, row, "pillar "+pv["pillar_no"]+" "+a, 6+k, pv[a], amount)
			}
			row++
			for _, it := range items {
				iv := record(ih, it)
				if iv["pillar_no"] != pv["pillar_no"] {
					continue
				}
				what := "task " + iv["code"]
				compare(g, row, what, 0, iv["code"], nil)
				compare(g, row, what, 1, iv["task"], nil)
				compare(g, row, what, 2, status[iv["status"]], nil)
				compare(g, row, what, 3, iv["lead_unit"], unspaced)
				if g.Cells[row][4].Text == "" {
					t.Errorf("%s: no Mục tiêu", what)
				}
				compare(g, row, what, 5, iv["period"], nil)
				for k, a := range amounts {
					compare(g, row, what+" "+a, 6+k, iv[a], amount)
				}
				row++
			}
		}
		compare(g, row, "total", 1, "TỔNG CỘNG", nil)
		for k, want := range []string{"18023", "0", "128225", "6455", "152703"} {
			compare(g, row, "total "+amounts[k], 6+k, want, amount)
		}
	})
	t.Logf("%d cells compared with the golden CSVs", cells)
}

// record is a golden row by column name.
func record(head, row []string) map[string]string {
	m := make(map[string]string, len(head))
	for i, h := range head {
		m[h] = row[i]
	}
	return m
}
