package reporting_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/reporting"
)

// A review page for an appraisal council: the tables of a draft and what
// the checks found, with the line of each finding.
func ExampleWriteReview() {
	var b bytes.Buffer
	err := reporting.WriteReview(&b, reporting.Review{
		File:   "du-thao.docx",
		Tables: []reporting.ReviewTable{{Where: "table 1 (PHỤ LỤC 2)", Layout: "computers", Rows: 27, Totals: 1}},
		Checks: 150,
		Findings: []reconcile.Finding{{Dataset: "table 1 (PHỤ LỤC 2), layout computers", Rule: reconcile.RuleTotal,
			Subject: "TỔNG CỘNG", Reported: 1215, Computed: 1211, Difference: 4, SourceLine: 31, SourceFile: "du-thao.docx"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	page := b.String()
	fmt.Println(strings.Contains(page, "Thẩm định số liệu: du-thao.docx"), strings.Contains(page, "bảng 1 (PHỤ LỤC 2)"), strings.Contains(page, "tổng khác cộng các dòng"))
	// Output: true true true
}
