package reconcile

import (
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

// itemsTable is a table of three projects in million đồng.
func itemsTable(t *testing.T) *frame.Frame {
	t.Helper()
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "no", Kind: frame.Int64},
		{Name: "project", Kind: frame.String},
		{Name: "total_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{int64(1), "Mạng nội bộ", 24000.0, 2502},
		{int64(2), "Thư điện tử", 3613.0, 2522},
		{int64(3), "Số hóa văn bản", 4000.0, 2742},
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTextItems: items that are their rows pass; the items' sum short of
// the stated total by a row no item is names that row and says it is the
// difference exactly; an item whose amount differs from its row is a
// finding at the item's line; an item naming a row the table lacks is an
// error, not a finding.
func TestTextItems(t *testing.T) {
	f := itemsTable(t)
	defer f.Release()
	items := []TextItem{
		{Line: 235, Name: "1.1. Mạng nội bộ", Text: "24 tỷ đồng", Amount: 24000, Row: "1"},
		{Line: 351, Name: "2.2. Thư điện tử", Text: "3,613 tỷ đồng", Amount: 3613, Row: "2"},
	}
	r, err := TextItems("p", f, "no", "project", "total_mvnd", items, ItemTotal{Subject: "total", Text: "31.613.000.000 đồng", Amount: 31613, Line: 639})
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 3 || len(r.Findings) != 1 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	g := r.Findings[0]
	if g.SourceLine != 639 || g.Reported != 31613 || g.Computed != 27613 || g.Difference != 4000 ||
		!strings.Contains(g.DetailVI, "STT 3 «Số hóa văn bản» (4.000, dòng 2742) — đúng bằng phần chênh") ||
		!strings.Contains(g.DetailVI, "cộng lại 27.613 triệu đồng") {
		t.Errorf("finding %+v", g)
	}

	// All rows named, the sum right: no finding.
	all := append(items, TextItem{Line: 309, Name: "2.3. Số hóa", Text: "4 tỷ đồng", Amount: 4000, Row: "3"})
	r, err = TextItems("p", f, "no", "project", "total_mvnd", all, ItemTotal{Amount: 31613, Line: 639})
	if err != nil || r.Checks != 4 || len(r.Findings) != 0 {
		t.Fatalf("%v: %d checks, findings %+v", err, r.Checks, r.Findings)
	}

	// An item's amount differs from its row; no total to check.
	bad := []TextItem{{Line: 351, Name: "2.2. Thư điện tử", Text: "3,163 tỷ đồng", Amount: 3163, Row: "2"}}
	r, err = TextItems("p", f, "no", "project", "total_mvnd", bad, ItemTotal{Amount: math.NaN()})
	if err != nil || r.Checks != 1 || len(r.Findings) != 1 || r.Findings[0].SourceLine != 351 || r.Findings[0].Difference != -450 {
		t.Fatalf("%v: %d checks, findings %+v", err, r.Checks, r.Findings)
	}

	// A row the table does not have.
	if _, err := TextItems("p", f, "no", "project", "total_mvnd", []TextItem{{Line: 1, Row: "14"}}, ItemTotal{Amount: math.NaN()}); err == nil || !strings.Contains(err.Error(), `"14"`) {
		t.Errorf("unknown row: %v", err)
	}
}
