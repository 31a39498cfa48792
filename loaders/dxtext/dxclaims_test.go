package dxtext

import (
	"errors"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

// totalTexts renders a claim's figures as written, "col=text …".
func totalTexts(tot loaders.Total) string {
	var b []string
	for _, v := range tot.Values {
		b = append(b, v.Column+"="+v.Text)
	}
	return strings.Join(b, " ")
}

// TestDXClaims: the pillar rows are subtotals scoped to their pillar, the
// funding summary's rows totals of the columns their position gives.
func TestDXClaims(t *testing.T) {
	tb := readDX(t, DXResults, "01")
	ps := tb.PillarTotals()
	if len(ps) != 10 {
		t.Fatalf("%d pillar totals", len(ps))
	}
	// Line 3115: "3 Hạ tầng số 7.843 0 0 0 4.682 0 0 0 0", a ninth
	// figure beyond the eight columns, which is no claim.
	if p := ps[2]; p.Label != "3 Hạ tầng số" || p.Line != 3115 || p.Group != "Hạ tầng số" ||
		totalTexts(p) != "planned_local_mvnd=7.843 planned_central_mvnd=0 planned_invest_mvnd=0 planned_other_mvnd=0 spent_local_mvnd=4.682 spent_central_mvnd=0 spent_invest_mvnd=0 spent_other_mvnd=0" {
		t.Errorf("pillar 3: %+v", p)
	}
	if v, _ := ps[2].Get("planned_local_mvnd"); v.Value != 7843 || v.Line != 3115 {
		t.Errorf("pillar 3 planned NSĐP %+v", v)
	}
	// Lines 4461–4467: four sources; the second is labelled "Nguồn vốn
	// sự nghiệp địa phương" (line 4463) but stands, with 0 0, where
	// the central budget (NSTW) does: it is placed by position.
	fs := tb.FundingTotals()
	if len(fs) != 4 {
		t.Fatalf("%d funding totals: %+v", len(fs), fs)
	}
	for i, w := range []struct {
		label string
		line  int
		texts string
	}{
		{"Sự nghiệp địa phương (funding summary, row 1)", 4461, "planned_local_mvnd=18.970 spent_local_mvnd=12.693"},
		{"Nguồn vốn sự nghiệp địa phương (funding summary, row 2)", 4463, "planned_central_mvnd=0 spent_central_mvnd=0"},
		{"Vốn đầu tư phát triển (funding summary, row 3)", 4465, "planned_invest_mvnd=27.900 spent_invest_mvnd=12.700"},
		{"Nguồn vốn khác (funding summary, row 4)", 4467, "planned_other_mvnd=2.138 spent_other_mvnd=2.138"},
	} {
		if f := fs[i]; f.Label != w.label || f.Line != w.line || f.Group != "" || totalTexts(f) != w.texts {
			t.Errorf("funding row %d: %+v", i+1, f)
		}
	}
	f, err := tb.ItemsFrame(loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if got := f.Meta(MetaScopeColumn); got != "pillar" {
		t.Errorf("scope column %q", got)
	}
	if i := findRow(t, f, "code", "3.6"); f.Row(i).String("pillar") != ps[2].Group {
		t.Errorf("3.6 is in pillar %q, pillar 3's scope is %q", f.Row(i).String("pillar"), ps[2].Group)
	}

	// Phụ lục 2: five columns, no funding summary. Line 4785: "3 Hạ tầng
	// số 8.236 - 38.025 - 46.261".
	plan := readDX(t, DXPlan, "2")
	pp := plan.PillarTotals()
	if len(pp) != 10 || pp[2].Line != 4785 || totalTexts(pp[2]) != "local_mvnd=8.236 central_mvnd=- invest_mvnd=38.025 other_mvnd=- total_mvnd=46.261" {
		t.Errorf("plan pillar 3: %+v", pp[2])
	}
	if plan.FundingTotals() != nil {
		t.Errorf("plan funding totals %+v", plan.FundingTotals())
	}

	// Two pillar rows of one name: the scope is the pillar's number.
	doc := strings.Replace(dxResultsDoc, "1.3 \nSự kiện khác \n      750       750 \n",
		"2 Nhận thức số   0 0 0 750 0 0 0 750  \n2.1 \nSự kiện khác \n      750       750 \n", 1)
	doc = strings.Replace(doc, "1 Nhận thức số   210 0 0 750 60", "1 Nhận thức số   210 0 0 0 60", 1)
	dup, err := ReadDX([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := dup.Table(loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Release()
	if got := tab.Frame.Meta(MetaScopeColumn); got != "pillar_no" || len(tab.Totals) != 3 || tab.Totals[1].Group != "2" || tab.Totals[1].Label != "2 Nhận thức số" {
		t.Errorf("scope column %q, totals %+v", got, tab.Totals)
	}
}

// TestDXConvention: the caller's convention, else the layout's, else the
// one a figure decides; a table whose figures read two ways and that
// nothing decides is an error at the first of them, never a guess.
func TestDXConvention(t *testing.T) {
	src := dxSource(t)
	for _, tc := range []struct {
		name       string
		layout     loaders.Layout
		appendix   string
		given      loaders.Convention
		line       int // of the ErrAmbiguousNumber; 0 for none
		token      string
		readings   string
		convention loaders.Convention
		reason     string
		pillar3    float64 // pillar 3's first figure as read
	}{
		// Line 3115 "3 Hạ tầng số 7.843 …" is the first figure that
		// reads two ways: pillars 1 and 2 and their tasks (2917–3113)
		// write 60, 150, 210, 500, 750 …
		{"Phụ lục 01, nothing decides", DXResults, "01", loaders.Undecided, 3115, "7.843", "7843 (dot-thousands) or as the decimal 7.843", loaders.Undecided, "reads two ways", 0},
		// Line 4785 "3 Hạ tầng số 8.236 - 38.025 - 46.261".
		{"Phụ lục 2, nothing decides", DXPlan, "2", loaders.Undecided, 4785, "8.236", "8236 (dot-thousands) or as the decimal 8.236", loaders.Undecided, "reads two ways", 0},
		{"Phụ lục 01, dot-thousands given", DXResults, "01", loaders.DotThousands, 0, "", "", loaders.DotThousands, "given by the caller", 7843},
		// The caller is obeyed, even against the document's sense.
		{"Phụ lục 01, comma-thousands given", DXResults, "01", loaders.CommaThousands, 0, "", "", loaders.CommaThousands, "given by the caller", 7.843},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := ReadDX(src, tc.layout, loaders.Options{File: "dx.txt", Appendix: tc.appendix, Convention: tc.given})
			if tc.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if v := tb.Pillars[2].Values[0].Value; v != tc.pillar3 {
					t.Errorf("pillar 3 reads %v, want %v", v, tc.pillar3)
				}
			} else {
				es := loaders.Errors(err)
				if len(es) != 1 {
					t.Fatalf("want one error, got %v", err)
				}
				e := es[0]
				if !errors.Is(e, loaders.ErrAmbiguousNumber) || e.Line != tc.line || e.Text != tc.token ||
					!strings.Contains(e.Expected, tc.readings) || !strings.Contains(e.Expected, "--numbers dot-thousands or comma-thousands") || !strings.Contains(e.Expected, "Options.Convention") {
					t.Errorf("error %v", e)
				}
			}
			if tb.Convention != tc.convention || !strings.Contains(tb.ConventionReason, tc.reason) {
				t.Errorf("convention %v (%s)", tb.Convention, tb.ConventionReason)
			}
		})
	}

	// The layout's convention, when the caller gives none.
	l := DXResults
	l.Numbers = loaders.DotThousands
	tb, err := ReadDX(src, l, loaders.Options{File: "dx.txt", Appendix: "01"})
	if err != nil || tb.Convention != loaders.DotThousands || tb.ConventionReason != "given by layout dx-results" || tb.Pillars[2].Values[0].Value != 7843 {
		t.Errorf("layout's convention: %v, %v (%s)", err, tb.Convention, tb.ConventionReason)
	}

	// No figure reads two ways: nothing to decide, no error.
	tb, err = ReadDX([]byte(dxResultsDoc), DXResults, loaders.Options{File: "t.txt"})
	if err != nil || tb.Convention != loaders.Undecided || tb.ConventionReason != "no figure decides, and none reads two ways" {
		t.Errorf("unambiguous table: %v, %v (%s)", err, tb.Convention, tb.ConventionReason)
	}
	// A decimal comma decides (line 18: 1.2's planned NSĐP).
	doc := strings.Replace(dxResultsDoc, "150       0       ", "149,5       0       ", 1)
	tb, err = ReadDX([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	if err != nil || tb.Convention != loaders.DotThousands || tb.ConventionReason != `detected from "149,5" at line 18` {
		t.Errorf("decided: %v, %v (%s)", err, tb.Convention, tb.ConventionReason)
	}

	// The funding summary in the text (lines 1627–1656) reads the same
	// way: "18.970" on line 1645 reads two ways.
	_, err = ReadFundingSummary("dx.txt", src, 1627, 1656, loaders.Undecided)
	if es := loaders.Errors(err); len(es) != 1 || !errors.Is(es[0], loaders.ErrAmbiguousNumber) || es[0].Line != 1645 || es[0].Text != "18.970" {
		t.Errorf("funding summary without a convention: %v", err)
	}
}

// TestDXTruncated: a table that ends before its grand total is an error at
// its last line, naming the last task read.
func TestDXTruncated(t *testing.T) {
	// dxResultsDoc without its last line (TỔNG CỘNG, line 24): the table
	// ends with task 1.3's figures on line 23.
	doc := strings.Replace(dxResultsDoc, "  TỔNG CỘNG   210 0 0 750 60 0 0 750  \n", "", 1)
	tb, err := ReadDX([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	es := loaders.Errors(err)
	if len(es) != 1 || !errors.Is(es[0], loaders.ErrTruncated) || es[0].Line != 23 || !strings.Contains(es[0].Expected, "after task 1.3 (pillar 1)") {
		t.Errorf("no grand total: %v", err)
	}
	if tb == nil || len(tb.Items) != 3 || tb.Total != nil {
		t.Errorf("table %+v", tb)
	}
	// Cut right after a pillar's row.
	doc = strings.Split(dxResultsDoc, "1.1 \n")[0]
	_, err = ReadDX([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	found := false
	for _, e := range loaders.Errors(err) {
		found = found || (errors.Is(e, loaders.ErrTruncated) && e.Line == 9 && strings.Contains(e.Expected, "TỔNG CỘNG") && strings.Contains(e.Expected, "after the row of pillar 1"))
	}
	if !found {
		t.Errorf("cut after the pillar row: %v", err)
	}
}
