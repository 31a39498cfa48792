package datasets

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The 2024 plan: Phụ lục 2 of the draft 2024 plan (tasks by pillar, by
// funding source with their total), and the amounts its text states.

const (
	dx2024Pillars = "soctrang-2024-dx-pillars"
	dx2024Items   = "soctrang-2024-dx-items"
)

func init() {
	common := Entry{
		Province: "Sóc Trăng", Period: "2024", Source: dxSource, Document: dxDoc, DocumentDate: "2024",
		Appendix: "Phụ lục 2", Layout: dxtext.DXPlan.Name,
		Convention: loaders.DotThousands, ConventionNote: dxConv,
	}
	pillars, items := common, common
	pillars.ID, pillars.Rows = dx2024Pillars, 10
	pillars.TitleVI = "Kinh phí chuyển đổi số dự kiến năm 2024 theo lĩnh vực và nguồn vốn"
	pillars.TitleEN = "Digital-transformation budget planned for 2024 by pillar and funding source, with totals, Sóc Trăng"
	pillars.build, pillars.check = buildDX2024Pillars, checkDX2024Pillars
	items.ID = dx2024Items
	items.TitleVI = "Danh mục nhiệm vụ, dự án dự kiến triển khai chuyển đổi số năm 2024"
	items.TitleEN = "Digital-transformation tasks planned for 2024: new or continuing, lead unit, period, cost by funding source, Sóc Trăng"
	items.build, items.check = buildDX2024Items, checkDX2024Items
	catalogue = append(catalogue, pillars, items)
}

func dx2024Table() (*dxtext.DXTable, error) {
	return dxTable(&dxPlanRead, dxtext.DXPlan, "2", dxCurated2024)
}

func buildDX2024Pillars(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2024Table()
	if err != nil {
		return nil, nil, err
	}
	return dxPillars(e, t)
}

func buildDX2024Items(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2024Table()
	if err != nil {
		return nil, nil, err
	}
	return dxItems(e, t, dxCurated2024)
}

var dx2024Parts = reconcile.Parts{Whole: "total_mvnd", Parts: []string{"local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd"}}

// checkDX2024Pillars checks each pillar's total against its sources, the
// grand total's too, and flags figures beyond the five columns.
func checkDX2024Pillars(e Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: e.ID}
	t, err := dx2024Table()
	if err != nil {
		return r, err
	}
	pr, err := reconcile.PartsWithinWhole(e.ID, data, "pillar", dx2024Parts)
	if err != nil {
		return r, err
	}
	r.Add(pr)
	if tot := t.Total; tot != nil && len(tot.Values) == 5 {
		sum := 0.0
		for _, v := range tot.Values[:4] {
			sum += v.Value
		}
		r.Add(reconcile.Pairs(e.ID, reconcile.Pair{Rule: reconcile.RuleParts, Subject: tot.Label, Column: "local_mvnd+central_mvnd+invest_mvnd+other_mvnd",
			Reported: tot.Values[4].Value, Computed: sum, Line: tot.Line,
			Detail:   fmt.Sprintf("%s: the sources add up to %s; the total column says %s", tot.Label, frame.FormatVI(sum, -1), tot.Values[4].Text),
			DetailVI: fmt.Sprintf("%s: các nguồn cộng lại %s; cột tổng ghi %s", tot.Label, frame.FormatVI(sum, -1), tot.Values[4].Text)}))
	}
	r.Add(dxExtraFigures(e.ID, t))
	return r, nil
}

// checkDX2024Items compares the items with their pillars' subtotals, each
// item's total with its sources, and the amounts the text states (lines
// 2632–2642, again 6905–6911, with 152.703 also in words) with the items.
func checkDX2024Items(e Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	r, err := dxItemsVsPillars(e.ID, data, dx2024Pillars, dxtext.DXPlan)
	if err != nil {
		return r, err
	}
	pr, err := reconcile.PartsWithinWhole(e.ID, data, "task", dx2024Parts)
	if err != nil {
		return r, err
	}
	r.Add(pr)
	frames := map[string]*frame.Frame{e.ID: data}
	col := func(c string) []reconcile.ColumnRef { return []reconcile.ColumnRef{{Dataset: e.ID, Column: c}} }
	var claims []dxClaim
	for _, at := range []struct{ total, local, invest, other int }{{2632, 2638, 2640, 2642}, {6905, 6907, 6909, 6911}} {
		claims = append(claims,
			dxClaim{First: at.total, Last: at.total, Quote: "Tổng kinh phí thực hiện: 152.703 triệu đồng", Figure: "152.703",
				Subject: "tổng kinh phí thực hiện 2024 (total cost)", Numerator: col("total_mvnd")},
			dxClaim{First: at.local, Last: at.local, Quote: "18.023 triệu đồng", Figure: "18.023",
				Subject: "nguồn vốn kinh phí ứng dụng CNTT, chuyển đổi số năm 2024 (NSĐP)", Numerator: col("local_mvnd")},
			dxClaim{First: at.invest, Last: at.invest, Quote: "Nguồn vốn trung hạn: 128.225 triệu đồng", Figure: "128.225",
				Subject: "nguồn vốn trung hạn (ĐTPT)", Numerator: col("invest_mvnd")},
			dxClaim{First: at.other, Last: at.other, Quote: "Nguồn vốn sự nghiệp khác: 6.455 triệu đồng", Figure: "6.455",
				Subject: "nguồn vốn sự nghiệp khác (other)", Numerator: col("other_mvnd")})
	}
	cr, err := dxClaims(e.ID, frames, claims)
	if err != nil {
		return r, err
	}
	r.Add(cr)
	words := "Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng"
	pairs, err := dxWordPairs(e.ID, []dxWords{
		{First: 2632, Last: 2634, Subject: "tổng kinh phí thực hiện 2024 (total cost), Phần II", Digits: "152.703 triệu đồng", Words: words},
		{First: 6905, Last: 6905, Subject: "tổng kinh phí thực hiện 2024 (total cost), after Phụ lục 2", Digits: "152.703 triệu đồng", Words: words},
	})
	if err != nil {
		return r, err
	}
	r.Add(reconcile.Pairs(e.ID, pairs...))
	return r, nil
}
