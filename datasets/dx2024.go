package datasets

import (
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
	pillars.build = buildDX2024Pillars
	items.ID = dx2024Items
	items.TitleVI = "Danh mục nhiệm vụ, dự án dự kiến triển khai chuyển đổi số năm 2024"
	items.TitleEN = "Digital-transformation tasks planned for 2024: new or continuing, lead unit, period, cost by funding source, Sóc Trăng"
	items.build = buildDX2024Items
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
