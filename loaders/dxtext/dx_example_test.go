package dxtext_test

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The PDF text of a results table: each figure is followed by one space and
// an empty cell leaves two, so "    10.000       1.200   " is planned and
// spent development investment (ĐTPT), the third and seventh of the eight
// cells. The pillar row reports the subtotals. Every dotted figure has
// three digits after the dot (10.000 is ten thousand, or ten): no figure
// decides the convention, so the caller gives it (ictplan parse --numbers
// dot-thousands); without it, ParseText returns an ErrAmbiguousNumber.
const resultsPDF = `PHỤ LỤC 01
ĐVT: Triệu đồng
TT Nhiệm vụ/dự án Mục tiêu
1 Dữ liệu số   96 0 10.000 0 96 0 1.200 0  
1.1 
Xây dựng kho cơ sở dữ liệu 
dùng chung tỉnh 
Tạo lập nguồn tài nguyên số tổng hợp tất cả 
    10.000       1.200   
Tỷ lệ giải 
ngân đạt 
1.2 
Khảo sát camera 
Thu thập thông tin, kết nối các camera công cộng 
96       96       
  TỔNG CỘNG   96 0 10.000 0 96 0 1.200 0  
`

func ExampleParseText_dxResults() {
	l, _ := loaders.LookupLayout("dx-results")
	t, err := loaders.ParseText([]byte(resultsPDF), l, loaders.Options{File: "results.txt", Appendix: "01", Convention: loaders.DotThousands})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Release()
	f := t.Frame
	cell := func(i int, col string) string {
		if f.Col(col).IsNull(i) {
			return "null"
		}
		return f.Row(i).String(col)
	}
	for i := 0; i < f.NumRows(); i++ {
		fmt.Printf("%s %s | planned ĐTPT %s, spent ĐTPT %s, planned NSĐP %s | %s\n", cell(i, "code"), cell(i, "task"),
			cell(i, "planned_invest_mvnd"), cell(i, "spent_invest_mvnd"), cell(i, "planned_local_mvnd"), cell(i, "assignment"))
	}
	// The claims: the pillar's subtotals, scoped to its rows (the items
	// Frame names the scope column in its metadata), and the grand total.
	fmt.Println("scope column:", f.Meta(dxtext.MetaScopeColumn))
	for _, tot := range t.Totals {
		v, _ := tot.Get("planned_invest_mvnd")
		fmt.Printf("%s (line %d, scope %q): planned ĐTPT %v\n", tot.Label, tot.Line, tot.Group, v.Value)
	}
	// Output:
	// 1.1 Xây dựng kho cơ sở dữ liệu dùng chung tỉnh | planned ĐTPT 10000, spent ĐTPT 1200, planned NSĐP null | layout
	// 1.2 Khảo sát camera | planned ĐTPT null, spent ĐTPT null, planned NSĐP 96 | layout
	// scope column: pillar
	// 1 Dữ liệu số (line 4, scope "Dữ liệu số"): planned ĐTPT 10000
	// TỔNG CỘNG (line 16, scope ""): planned ĐTPT 10000
}

// The PDF text of a plan table: the figures follow the period, one or
// more per line, and an empty cell leaves one space, so the line of three
// spaces is NSTW, ĐTPT and other empty; the last figure is the total.
// Below, 1.2's figures lost their spacing ("80 80"): the pillar's
// subtotals leave one placement for them, which ReadDX and Infer find.
const planPDF = `PHỤ LỤC 2
ĐVT: Triệu đồng
TT
Nhiệm vụ/dự án
1 Nhận thức số         130 - - 675 805 
1.1 
Tổ chức sự kiện “Ngày 
Chuyển đổi số”. 
Mới Sở TT&TT 
- Tuyên truyền về chủ trương, đường lối 
Hàng 
năm 
50 
   
50 
1.2 
Tổ chức hội thảo 
Mới Sở TT&TT 
- Trao đổi kinh nghiệm 
2024 80 80 
1.3 
Tuyên truyền trên báo, đài 
Chuyển tiếp Sở TT&TT 
Thực hiện tuyên truyền 
Hàng 
năm    
675 675 
  TỔNG CỘNG         130 - - 675 805 
`

func ExampleReadDX() {
	t, err := dxtext.ReadDX([]byte(planPDF), dxtext.DXPlan, loaders.Options{File: "plan.txt"})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := t.Infer(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("columns:", strings.Join(t.Columns, " "))
	for _, it := range t.Items {
		var cells []string
		for _, a := range it.Amounts {
			if a.Set {
				cells = append(cells, a.Text)
			} else {
				cells = append(cells, "·")
			}
		}
		fmt.Printf("%s %s (%s, %s, %s): %s [%s]\n", it.Code, it.Task, it.Status, it.LeadUnit, it.Period, strings.Join(cells, " "), it.Assignment)
	}
	p := t.Pillars[0]
	fmt.Println("pillar", p.No, p.Name, "line", p.Line)
	// Output:
	// columns: local_mvnd central_mvnd invest_mvnd other_mvnd total_mvnd
	// 1.1 Tổ chức sự kiện “Ngày Chuyển đổi số”. (new, Sở TT&TT, Hàng năm): 50 · · · 50 [layout]
	// 1.2 Tổ chức hội thảo (new, Sở TT&TT, 2024): 80 · · · 80 [inferred]
	// 1.3 Tuyên truyền trên báo, đài (continuing, Sở TT&TT, Hàng năm): · · · 675 675 [layout]
	// pillar 1 Nhận thức số line 5
}

// Importing dxtext registers its two layouts with loaders, beside the
// built-in ones, and loaders.ParseText reads them with dxtext's reader.
func Example_layouts() {
	for _, l := range loaders.Layouts() {
		fmt.Println(l.Name, l.Read != nil)
	}
	// Output:
	// computers false
	// dx-plan true
	// dx-results true
	// it-staff false
	// projects-2009 false
	// projects-plan false
}

// The planned and spent columns of the results layout, source by source.
func ExampleResultColumns() {
	planned, spent := dxtext.ResultColumns()
	fmt.Println(planned)
	fmt.Println(spent)
	// Output:
	// [planned_local_mvnd planned_central_mvnd planned_invest_mvnd planned_other_mvnd]
	// [spent_local_mvnd spent_central_mvnd spent_invest_mvnd spent_other_mvnd]
}
