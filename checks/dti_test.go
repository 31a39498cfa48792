package checks

import (
	"strconv"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// fieldsOf returns the columns of a dataset, to build a planted table of
// the same shape.
func fieldsOf(t *testing.T, id string) []frame.FieldSpec {
	t.Helper()
	f, err := datasets.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	return f.Fields()
}

// TestDTICheck: the published table reconciles: 5 formulas, 63 competition
// ranks, 6 scored rows in rank order, no finding.
func TestDTICheck(t *testing.T) {
	r, err := Check("vn-dti")
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 5+63+6 || len(r.Findings) != 0 {
		t.Errorf("%d checks, findings %+v; want 74 checks and none", r.Checks, r.Findings)
	}
}

// TestDTICheckFindings feeds the checks a table with faults planted: a PDTI
// off its formula, a tie that does not skip the next rank, and ranks out of
// the order of the scores; each is a finding naming its row.
func TestDTICheckFindings(t *testing.T) {
	subs := []any{1.0, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197}
	none := []any{nil, nil, nil, nil, nil, nil, nil, nil}
	row := func(code, name string, rank int64, s []any, pdti any, line int64) []any {
		out := append([]any{code, name, rank}, s...)
		return append(out, pdti, "src", "dti.gov.vn/xep-hang-2022", "q", "", "", "", line)
	}
	data, err := frame.FromRows(nil, fieldsOf(t, "vn-dti"), [][]any{
		row("48", "TP. Đà Nẵng", 1, subs, 0.8004, 10), // formula gives 0,800175
		row("79", "TP. Hồ Chí Minh", 1, none, nil, 11),
		row("22", "Quảng Ninh", 2, none, 0.7000, 12), // two ranked 1st: the next is 3rd
		row("84", "Trà Vinh", 3, none, 0.7100, 13),   // above Quảng Ninh by score
	})
	if err != nil {
		t.Fatal(err)
	}
	defer data.Release()
	rep, err := checkDTI(datasets.Entry{ID: "test"}, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[f.Rule+" "+f.Subject+" "+strconv.Itoa(f.SourceLine)] = true
	}
	for _, want := range []string{
		RuleDTIFormula + " TP. Đà Nẵng (48) 10",
		RuleCompetitionRank + " Quảng Ninh (22) 12",
		RuleCompetitionRank + " Trà Vinh (84) 13",
		RuleRankScore + " Quảng Ninh (22) 12",
		RuleRankScore + " Trà Vinh (84) 13",
	} {
		if !got[want] {
			t.Errorf("no finding %q in %v", want, got)
		}
	}
	if len(rep.Findings) != 5 {
		t.Errorf("%d findings, want 5: %v", len(rep.Findings), got)
	}
}

// dtiYearsChecks is the number of comparisons vn-dti-years makes, counted
// by hand from the table: 11 statements of a 2022 rank and 1 of a 2022
// PDTI against vn-dti; 5 repeated statements (Đà Nẵng 2020, Sóc Trăng
// 2020, Yên Bái 2021, Hà Nội 2022, Đà Nẵng 2024) against the first; the
// rows with a score in each ranking, by rank against by score: 3 (2020) +
// 3 (2021) + 1 (2022) + 1 (2023) + 2 (2024 of 63) + 4 (2024 of 34).
const dtiYearsChecks = 12 + 5 + 14

// TestDTIYearsCheck: the statements agree with vn-dti and with each other.
func TestDTIYearsCheck(t *testing.T) {
	r, err := Check("vn-dti-years")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 0 {
		t.Errorf("findings %+v", r.Findings)
	}
	if r.Checks != dtiYearsChecks {
		t.Errorf("%d checks, want %d", r.Checks, dtiYearsChecks)
	}
}

// TestDTIYearsCheckFindings plants a 2022 statement that contradicts vn-dti
// and a repeated statement that contradicts the first.
func TestDTIYearsCheckFindings(t *testing.T) {
	row := func(year, outOf int64, code, name string, rank int64, pdti any, line int64) []any {
		return []any{year, outOf, code, name, rank, pdti, nil, nil, "s", "p", "q", line}
	}
	data, err := frame.FromRows(nil, fieldsOf(t, "vn-dti-years"), [][]any{
		row(2022, 63, "94", "Sóc Trăng", 35, nil, 5),   // vn-dti: 36
		row(2022, 63, "84", "Trà Vinh", 25, 0.6078, 6), // vn-dti: 0,6077
		row(2021, 63, "48", "Đà Nẵng", 1, nil, 7),      //
		row(2021, 63, "48", "TP. Đà Nẵng", 2, nil, 8),  // line 7 says 1
		row(2024, 34, "", "TP Hà Nội", 1, 0.7000, 9),   //
		row(2024, 34, "", "Khanh Hoa", 16, 0.7071, 10), // a better score ranked lower
	})
	if err != nil {
		t.Fatal(err)
	}
	defer data.Release()
	rep, err := checkDTIYears(datasets.Entry{ID: "test"}, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range rep.Findings {
		got[f.Rule+" "+f.Column+" "+strconv.Itoa(f.SourceLine)] = true
	}
	for _, want := range []string{
		reconcile.RuleText + " rank 5",
		reconcile.RuleText + " pdti 6",
		reconcile.RuleCopies + " rank 8",
		RuleRankScore + " rank 9",
		RuleRankScore + " rank 10",
	} {
		if !got[want] {
			t.Errorf("no finding %q in %v", want, got)
		}
	}
}
