package reconcile

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// TestTotalsScopeColumn: a subtotal adds up the rows whose scope column
// holds its scope — "group" by default, the column the schema metadata
// names under "scope_column" otherwise.
func TestTotalsScopeColumn(t *testing.T) {
	rows := [][]any{
		{"a", "Nhận thức số", int64(10), 1},
		{"a", "Nhận thức số", int64(20), 2},
		{"b", "Hạ tầng số", int64(5), 3},
	}
	data, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "group", Kind: frame.String},
		{Name: "pillar", Kind: frame.String},
		{Name: "amount", Kind: frame.Int64, Unit: "million_vnd"},
		{Name: frame.ColSourceLine, Kind: frame.Int64},
	}, rows)
	if err != nil {
		t.Fatal(err)
	}
	defer data.Release()
	c := claims(t, [][]any{
		{"1 Nhận thức số", "Nhận thức số", "amount", 30.0, "30", 0, 100}, // 10+20
		{"3 Hạ tầng số", "Hạ tầng số", "amount", 6.0, "6", 0, 101},       // 5: off by 1
		{"I", "a", "amount", 30.0, "30", 0, 102},                         // group a: 10+20
		{"TỔNG CỘNG", "", "amount", 35.0, "35", 0, 103},                  // all rows
	})
	defer c.Release()

	// Without the key, scopes are matched against "group": the pillar
	// names match no group, so their subtotals are findings against 0.
	r, err := Totals("d", data, c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 4 || len(r.Findings) != 2 || r.Findings[0].SourceLine != 100 || r.Findings[0].Computed != 0 ||
		!strings.Contains(r.Findings[0].Detail, "its 0 rows") || r.Findings[1].SourceLine != 101 {
		t.Errorf("by group: %d checks, %+v", r.Checks, r.Findings)
	}

	// With scope_column = pillar, the pillars' subtotals cover their rows
	// and the group's matches none.
	byPillar := data.WithMeta("scope_column", "pillar")
	defer byPillar.Release()
	r, err = Totals("d", byPillar, c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 4 || len(r.Findings) != 2 {
		t.Fatalf("by pillar: %d checks, %+v", r.Checks, r.Findings)
	}
	if f := r.Findings[0]; f.SourceLine != 101 || f.Reported != 6 || f.Computed != 5 || f.Subject != "3 Hạ tầng số" || !strings.Contains(f.Detail, "its 1 rows add up to 5") {
		t.Errorf("pillar 3: %+v", f)
	}
	if f := r.Findings[1]; f.SourceLine != 102 || f.Computed != 0 {
		t.Errorf("group a: %+v", f)
	}

	// A subtotal whose scope column the data lacks is an error, not a sum
	// of no rows.
	noColumn := data.WithMeta("scope_column", "pillar_no")
	defer noColumn.Release()
	if _, err := Totals("d", noColumn, c); err == nil || !strings.Contains(err.Error(), `no column "pillar_no"`) || !strings.Contains(err.Error(), "line 100") {
		t.Errorf("missing scope column: %v", err)
	}
	// Grand totals need no scope column.
	grand := claims(t, [][]any{{"TỔNG CỘNG", "", "amount", 35.0, "35", 0, 103}})
	defer grand.Release()
	if r, err := Totals("d", noColumn, grand); err != nil || r.Checks != 1 || len(r.Findings) != 0 {
		t.Errorf("grand total: %+v, %v", r, err)
	}
}

const dxSourcePath = "../../datasets/sources/soctrang-2024-dx-plan-draft-with-2023-results.txt"

// dxText returns the 2024 Sóc Trăng draft plan with the lines of edits
// (1-based line number to new text) replaced, cut after line cut when cut
// is not 0.
func dxText(t *testing.T, cut int, edits map[int][2]string) []byte {
	t.Helper()
	b, err := os.ReadFile(dxSourcePath)
	if err != nil {
		t.Fatal(err)
	}
	ls := strings.Split(string(b), "\n")
	for n, e := range edits {
		if !strings.Contains(ls[n-1], e[0]) {
			t.Fatalf("line %d is %q, without %q", n, ls[n-1], e[0])
		}
		ls[n-1] = strings.Replace(ls[n-1], e[0], e[1], 1)
	}
	if cut > 0 {
		ls = ls[:cut]
	}
	return []byte(strings.Join(ls, "\n"))
}

// dxCheck reads a table of the text as ictplan parse --totals does
// (ReadDX, Infer, Table, TotalsFrame) and reconciles its claims; readErr
// is ReadDX's error, the table being read all the same.
func dxCheck(t *testing.T, text []byte, l loaders.Layout, appendix string) (r Report, readErr error) {
	t.Helper()
	dx, readErr := dxtext.ReadDX(text, l, loaders.Options{File: "dx.txt", Appendix: appendix, Convention: loaders.DotThousands})
	if dx == nil {
		t.Fatalf("ReadDX: %v", readErr)
	}
	if err := dx.Infer(); err != nil {
		t.Fatal(err)
	}
	tab, err := dx.Table(loaders.Options{File: "dx.txt"})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Release()
	c, err := tab.TotalsFrame(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	r, err = Totals("dx", tab.Frame, c)
	if err != nil {
		t.Fatal(err)
	}
	return r, readErr
}

// TestTotalsDXPillars checks the pillar subtotals of the 2024 Sóc Trăng
// draft plan against their tasks. As published, every subtotal, the grand
// total and the funding summary agree with the rows of Phụ lục 01 (10
// pillars × 8 columns + 8 + 4 sources × 2 = 96 checks) and Phụ lục 2
// (10 × 5 + 5 = 55). One edited figure is one finding at its line, and
// only in the pillar it belongs to.
func TestTotalsDXPillars(t *testing.T) {
	type want struct {
		line               int
		subject, column    string
		reported, computed float64
	}
	for _, tc := range []struct {
		name     string
		layout   loaders.Layout
		appendix string
		edits    map[int][2]string
		checks   int
		want     []want
	}{
		{"Phụ lục 01 as published", dxtext.DXResults, "01", nil, 96, nil},
		{"Phụ lục 2 as published", dxtext.DXPlan, "2", nil, 55, nil},
		// Line 2917 "1 Nhận thức số 210 0 0 750 60 0 0 750": 1.1 (60,
		// line 2956), 1.2 (150, 2992) and 1.3 (none) add up to 210.
		{"pillar 1 subtotal 210 → 999", dxtext.DXResults, "01",
			map[int][2]string{2917: {"210 0 0 750", "999 0 0 750"}}, 96,
			[]want{{2917, "1 Nhận thức số", "planned_local_mvnd", 999, 210}}},
		// Line 3277 "1.200 1.079", task 3.5's spent NSĐP: pillar 3 (line
		// 3115, 4.682), the grand total (4442, 12.693) and the funding
		// summary's first row (4461, 12.693) no longer agree; pillar 4
		// and the other columns still do.
		{"task 3.5 spent 1.079 → 1.080", dxtext.DXResults, "01",
			map[int][2]string{3277: {"1.079", "1.080"}}, 96,
			[]want{
				{3115, "3 Hạ tầng số", "spent_local_mvnd", 4682, 4683},
				{4442, "TỔNG CỘNG", "spent_local_mvnd", 12693, 12694},
				{4461, "Sự nghiệp địa phương (funding summary, row 1)", "spent_local_mvnd", 12693, 12694},
			}},
		// Line 4785 "3 Hạ tầng số 8.236 - 38.025 - 46.261".
		{"Phụ lục 2, pillar 3 total 46.261 → 46.262", dxtext.DXPlan, "2",
			map[int][2]string{4785: {"46.261", "46.262"}}, 55,
			[]want{{4785, "3 Hạ tầng số", "total_mvnd", 46262, 46261}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := dxCheck(t, dxText(t, 0, tc.edits), tc.layout, tc.appendix)
			if err != nil {
				t.Fatal(err)
			}
			if r.Checks != tc.checks || len(r.Findings) != len(tc.want) {
				t.Fatalf("%d checks, findings %+v; want %d checks, %d findings", r.Checks, r.Findings, tc.checks, len(tc.want))
			}
			for i, w := range tc.want {
				f := r.Findings[i]
				if f.SourceLine != w.line || f.Subject != w.subject || f.Column != w.column || f.Reported != w.reported || f.Computed != w.computed || f.Rule != RuleTotal {
					t.Errorf("finding %d: %+v; want %+v", i, f, w)
				}
			}
		})
	}
}

// TestTotalsDXCut: Phụ lục 01 cut after task 3.6 (the text ends at line
// 3331, before "3.7" at 3332). Reading it is an error at its last line,
// 3330 ("tiến độ"): the table has no grand total. Its claims say what is
// missing: pillar 3 (line 3115) reports 7.843 planned NSĐP, and its tasks
// 3.1–3.6 add up to 935 + 318 + 1.300 + 1.130 + 1.200 + 1.800 = 6.683
// (lines 3144–3285; 3.7's 1.160, line 3355, is cut away); its spent
// NSĐP, 4.682, is still whole (3.7 spent 0).
func TestTotalsDXCut(t *testing.T) {
	r, err := dxCheck(t, dxText(t, 3331, nil), dxtext.DXResults, "01")
	es := loaders.Errors(err)
	if len(es) != 1 || !errors.Is(es[0], loaders.ErrTruncated) || es[0].Line != 3330 || !strings.Contains(es[0].Expected, "TỔNG CỘNG") || !strings.Contains(es[0].Expected, "task 3.6 (pillar 3)") {
		t.Errorf("ReadDX: %v", err)
	}
	if r.Checks != 3*8 || len(r.Findings) != 1 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	f := r.Findings[0]
	if f.SourceLine != 3115 || f.Subject != "3 Hạ tầng số" || f.Column != "planned_local_mvnd" || f.Reported != 7843 || f.Computed != 6683 ||
		!strings.Contains(f.Detail, "its 6 rows add up to 6.683") {
		t.Errorf("finding %+v", f)
	}
}
