package reconcile_test

import (
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
)

// TestNoteRates: the rates the notes of the 2023 results state against the
// rows' own figures, on a table built as the dataset holds them (lines of
// the 2024 draft): task 4.1, 1.200 spent of 10.000, "Tỷ lệ giải ngân đạt
// 11,91%" (line 3411; the row starts at 3367) is 12,00%; the pillar 5 task
// without a code, 3.600 of 10.000, "36,12%" (line 3625; row 3583) is
// 36,00%; a rate that agrees, a note with no rate and a rate of nothing
// planned are no findings.
func TestNoteRates(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "code", Kind: frame.String},
		{Name: "planned_local_mvnd", Kind: frame.Float64},
		{Name: "planned_invest_mvnd", Kind: frame.Float64},
		{Name: "spent_local_mvnd", Kind: frame.Float64},
		{Name: "spent_invest_mvnd", Kind: frame.Float64},
		{Name: "note", Kind: frame.String},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"4.1", nil, 10000.0, nil, 1200.0, "Tỷ lệ giải ngân đạt 11,91%", 3367},
		{"", nil, 10000.0, nil, 3600.0, "Tỷ lệ giải ngân đạt 36,12%", 3583},
		{"4.2", 200.0, 100.0, 150.0, nil, "Tỷ lệ giải ngân đạt 50%; còn lại chuyển nguồn", 3700},
		{"4.3", 800.0, nil, 0.0, nil, "Không thực hiện", 3750},
		{"4.4", nil, nil, nil, nil, "Tỷ lệ giải ngân đạt 10%", 3800},
		{"4.5", 1000.0, nil, 333.0, nil, "Đã nghiệm thu. Tỷ lệ giải ngân: 33,3 %", 3850},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	r, err := reconcile.NoteRates("d", f, "code", "note", reconcile.NoteRate{
		Words:       []string{"tỷ lệ giải ngân"},
		Numerator:   []string{"spent_local_mvnd", "spent_invest_mvnd"},
		Denominator: []string{"planned_local_mvnd", "planned_invest_mvnd"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks != 4 || len(r.Findings) != 2 {
		t.Fatalf("%d checks, findings %+v", r.Checks, r.Findings)
	}
	a, b := r.Findings[0], r.Findings[1]
	if a.Rule != reconcile.RuleNote || a.Subject != "4.1" || a.SourceLine != 3367 || a.Reported != 11.91 || a.Computed != 12 ||
		a.Detail != `4.1: the note says "Tỷ lệ giải ngân đạt 11,91%"; the row's figures give 1.200 / 10.000 = 12,00%` {
		t.Errorf("4.1: %+v", a)
	}
	if b.Subject != "the row at line 3583" || b.Reported != 36.12 || math.Abs(b.Computed-36) > 1e-12 {
		t.Errorf("pillar 5 task: %+v", b)
	}
}

// A row without a code is named by its own words: the texts before the
// code column and the first text column after it; a row with no words
// there by its line.
func TestNoteRatesUnnumberedRow(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "pillar", Kind: frame.String},
		{Name: "code", Kind: frame.String},
		{Name: "task", Kind: frame.String},
		{Name: "planned", Kind: frame.Float64},
		{Name: "spent", Kind: frame.Float64},
		{Name: "note", Kind: frame.String},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"Nền tảng số", "", "Xây dựng phần mềm nền tảng", 10000.0, 3600.0, "Tỷ lệ giải ngân đạt 36,12%", 3583},
		{"", "", "", 100.0, 50.0, "Tỷ lệ giải ngân đạt 40%", 3600},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	r, err := reconcile.NoteRates("d", f, "code", "note", reconcile.NoteRate{
		Words: []string{"tỷ lệ giải ngân"}, Numerator: []string{"spent"}, Denominator: []string{"planned"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 2 {
		t.Fatalf("findings %+v", r.Findings)
	}
	a, b := r.Findings[0], r.Findings[1]
	if a.Subject != "«Nền tảng số: Xây dựng phần mềm nền tảng»" || a.SubjectIn("vi") != a.Subject ||
		!strings.HasPrefix(a.DetailVI, "«Nền tảng số: Xây dựng phần mềm nền tảng»: ghi chú viết") {
		t.Errorf("named by its words: %+v", a)
	}
	if b.Subject != "the row at line 3600" || b.SubjectIn("vi") != "dòng 3600" || !strings.HasPrefix(b.DetailVI, "dòng 3600: ghi chú") {
		t.Errorf("named by its line: %+v", b)
	}
}
