package reconcile_test

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
)

// A reported ratio is compared with the ratio of its parts, within half a
// unit of the last decimal the column is written with.
func ExampleRatios() {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
		{Name: "computers", Kind: frame.Int64},
		{Name: "computers_per_staff_reported", Kind: frame.Float64, Unit: "ratio"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"Tỉnh ủy", 159, 142, 0.89308, 1401},
		{"Sở X", 20, 9, 0.40000, 1500},
	})
	defer f.Release()
	r, _ := reconcile.Ratios("example", f, nil, "unit",
		reconcile.Ratio{Reported: "computers_per_staff_reported", Numerator: "computers", Denominator: "staff"})
	fmt.Println(r.Checks, "checks")
	for _, x := range r.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Detail)
	}
	// Output:
	// 2 checks
	// line 1500: Sở X reports computers_per_staff_reported = 0,4; computers/staff = 9/20 = 0,45 (tolerance ±5e-06)
}

// A row of means ("Tỷ lệ trung bình") is compared with the mean of its
// column's rows, and, for a reported ratio, with the ratio of the sums:
// officials write it either way.
func ExampleMeans() {
	data, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "staff", Kind: frame.Int64},
		{Name: "computers", Kind: frame.Int64},
		{Name: "per_staff", Kind: frame.Float64, Unit: "percent"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"Sở Y tế", 50, 40, 80.0, 3},
		{"Sở Tư pháp", 30, 21, 70.0, 4},
	})
	defer data.Release()
	means, _ := frame.FromRows(nil, frame.ClaimFields(), [][]any{
		{"Tỷ lệ trung bình", "", "per_staff", 75.0, "75,0", 1, 5},
		{"Bình quân", "", "staff", 45.0, "45", 0, 6},
	})
	defer means.Release()
	r, _ := reconcile.Means("example", data, means,
		reconcile.Ratio{Reported: "per_staff", Numerator: "computers", Denominator: "staff"})
	fmt.Println(r.Checks, "checks")
	for _, x := range r.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Detail)
	}
	// Output:
	// 2 checks
	// line 6: Bình quân reports staff = 45; the mean of its 2 rows is 40
}

// The work items of a plan's text, each with the amount the text gives
// it, against the projects of its appendix: the items' sum falls short of
// the plan's total by exactly the project no item is.
func ExampleTextItems() {
	projects, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "no", Kind: frame.Int64},
		{Name: "project", Kind: frame.String},
		{Name: "total_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{1, "Hoàn thiện hệ thống mạng nội bộ", 24000.0, 2502},
		{2, "Xây dựng hệ thống thư điện tử", 3613.0, 2522},
		{3, "Số hóa nguồn thông tin", 4000.0, 2742},
	})
	defer projects.Release()
	items := []reconcile.TextItem{
		{Line: 235, Name: "1.1. Hoàn thiện hệ thống mạng nội bộ", Text: "Kinh phí dự kiến: 24 tỷ đồng", Amount: 24000, Row: "1"},
		{Line: 351, Name: "2.2. Xây dựng hệ thống thư điện tử", Text: "Kinh phí dự kiến: 3,613 tỷ đồng", Amount: 3613, Row: "2"},
	}
	r, _ := reconcile.TextItems("example", projects, "no", "project", "total_mvnd", items,
		reconcile.ItemTotal{Subject: "total", Text: "31.613.000.000 đồng", Amount: 31613, Line: 639})
	fmt.Println(r.Checks, "checks")
	for _, x := range r.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Detail)
	}
	// Output:
	// 3 checks
	// line 639: the text's 2 items with an amount (lines 235–351) add up to 27.613 million VND; the total it states is 31.613 million VND ("31.613.000.000 đồng", difference 4.000); the table costs what no item is: row no. 3 "Số hóa nguồn thông tin" (4.000, line 2742) — the difference exactly
}

// A result the text reports as achieved, against the task of the results
// table that is the same work: the task spent nothing of what it was
// given, and its note says why.
func ExampleResults() {
	items, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "code", Kind: frame.String},
		{Name: "task", Kind: frame.String},
		{Name: "planned_local_mvnd", Kind: frame.Float64},
		{Name: "spent_local_mvnd", Kind: frame.Float64},
		{Name: "note", Kind: frame.String},
		{Name: "source_line", Kind: frame.Int64},
	}, [][]any{
		{"3.6", "Triển khai Ipv6", 1800.0, 0.0, "Không thực hiện do thời gian triển khai cuối năm không đảm bảo tiến độ", 3281},
	})
	defer items.Release()
	r, _ := reconcile.Results("example", items, "code", "task", "note",
		[]string{"planned_local_mvnd"}, []string{"spent_local_mvnd"},
		reconcile.Result{Line: 918, Text: "được chuyển đổi tử địa chỉ IPv4 sang IPv6", Task: "3.6", Carried: 5024})
	fmt.Println(r.Checks, "check")
	for _, x := range r.Findings {
		fmt.Printf("line %d: %s\n", x.SourceLine, x.Sentence("vi"))
	}
	// Output:
	// 1 check
	// line 918: lời văn nêu là đã làm: «được chuyển đổi tử địa chỉ IPv4 sang IPv6»; nhiệm vụ 3.6 (Triển khai Ipv6, dòng 3281) thực hiện 0 trên 1.800 được giao; ghi chú của dòng: «Không thực hiện do thời gian triển khai cuối năm không đảm bảo tiến độ»; kế hoạch năm sau chuyển tiếp nhiệm vụ này (dòng 5024)
}
