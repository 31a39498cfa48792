package xlsxinput

import (
	"os"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/loaders"
)

// TestLibreOfficeWorkbook reads a workbook LibreOffice wrote
// (testdata/libreoffice-plan.xlsx, from libreoffice-plan.fods by
// `soffice --headless --convert-to xlsx libreoffice-plan.fods`): amounts
// typed as numbers with a grouping format (12,345 shown, 12345 stored),
// 243.234 million stored as a number, a row without a note, and a total
// row of SUM formulas whose results LibreOffice saved.
func TestLibreOfficeWorkbook(t *testing.T) {
	data, err := os.ReadFile("testdata/libreoffice-plan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := parseBook(t, data, "", loaders.ProjectsPlan, loaders.Options{File: "libreoffice-plan.xlsx"})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	f := tb.Frame
	total, local := f.Col("total_mvnd").Float64s(), f.Col("invest_local_mvnd").Float64s()
	if f.NumRows() != 2 || total[0] != 12345 || total[1] != 243.234 || local[0] != 7345 || local[1] != 243.234 {
		t.Fatalf("rows:\n%s", f)
	}
	if !f.Col("note").IsNull(0) || f.Col("note").Strings()[1] != "Đã có chủ trương" {
		t.Errorf("notes %v", f.Col("note"))
	}
	v, ok := tb.Totals[0].Get("total_mvnd")
	if !ok || v.Value != 12588.234 || v.Line != 6 {
		t.Errorf("total %+v", v)
	}
	claims, err := tb.TotalsFrame(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer claims.Release()
	r, err := reconcile.Totals("libreoffice-plan", f, claims)
	if err != nil || r.Checks != 5 || len(r.Findings) != 0 {
		t.Errorf("totals: %d checks, %v, %v", r.Checks, r.Findings, err)
	}
}
