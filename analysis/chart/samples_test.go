package chart

import (
	"math"
	"testing"
)

// withNaN returns a copy of vs with vs[i] missing.
func withNaN(vs []float64, i int) []float64 {
	out := append([]float64(nil), vs...)
	out[i] = math.NaN()
	return out
}

// sampleCharts builds the charts of the golden tests.
func sampleCharts(t *testing.T) map[string]*Chart {
	t.Helper()
	out := map[string]*Chart{}
	add := func(name string, c *Chart, err error) {
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = c
	}
	c, err := NewRankedBars(RankedBars{
		Title:  "Tỷ lệ máy tính trên cán bộ, công chức ở các sở, ban ngành tỉnh Sóc Trăng (2010)",
		Note:   "Nguồn: Kế hoạch 21/KH-UBND ngày 02/11/2010, Phụ lục 2. Tỷ lệ = số máy tính / số cán bộ, công chức.",
		Labels: provincialUnits, Values: computersPerStaff(), Target: 0.9,
		XLabel: "Máy tính trên một cán bộ, công chức",
	})
	add("ranked_vi", c, err)
	c, err = NewRankedBars(RankedBars{
		Title:  "Computers per civil servant in the provincial departments of Sóc Trăng (2010)",
		Labels: provincialUnits, Values: computersPerStaff(), Target: 0.9, Format: Share,
		Lang: EN, TargetLabel: "2015 target",
	})
	add("ranked_en", c, err)
	c, err = NewStackedBars(StackedBars{
		Title:      "Kinh phí chuyển đổi số được giao năm 2023 theo lĩnh vực và nguồn vốn, tỉnh Sóc Trăng",
		Note:       "Nguồn: dự thảo kế hoạch chuyển đổi số năm 2024, Phụ lục 01. NSTW: 0 ở mọi lĩnh vực.",
		Categories: pillars,
		Series: []Series{
			{Name: "Ngân sách địa phương", Values: planned2023Local},
			{Name: "Đầu tư phát triển", Values: planned2023Invest},
			{Name: "Nguồn khác", Values: planned2023Other},
		},
		XLabel: "Triệu đồng", SortByTotal: true,
	})
	add("stacked_vi", c, err)
	c, err = NewPlannedSpent(PlannedSpent{
		Title:   "Kinh phí chuyển đổi số năm 2023: kế hoạch và thực hiện theo lĩnh vực",
		Labels:  pillars,
		Planned: planned2023Total, Spent: spent2023Total,
		XLabel: "Triệu đồng",
	})
	add("plannedspent_vi", c, err)
	c, err = NewDumbbell(Dumbbell{
		Title:  "Kinh phí chuyển đổi số theo lĩnh vực: kế hoạch 2023 và dự kiến 2024",
		Labels: pillars, From: planned2023Total, To: total2024,
		FromLabel: "2023 (được giao)", ToLabel: "2024 (dự kiến)", XLabel: "Triệu đồng",
	})
	add("dumbbell_vi", c, err)
	c, err = NewDumbbell(Dumbbell{
		Title:  "Budget by pillar: 2023 plan and 2024 plan",
		Note:   "Million VND. Nhận thức số falls from 960 to 805, Xã hội số from 1,726 to 1,410; Thể chế số and Nhân lực số stay at 500 and 480.",
		Labels: pillars, From: planned2023Total, To: total2024,
		FromLabel: "2023 plan", ToLabel: "2024 plan", XLabel: "million VND", SortByChange: true, ShowChange: true, Lang: EN,
	})
	add("dumbbell_en", c, err)
	c, err = NewLines(Lines{
		Title: "Tỷ lệ văn bản trao đổi dưới dạng điện tử giữa các cơ quan nhà nước: mục tiêu và kết quả",
		Note:  "Nguồn: Kế hoạch 21/KH-UBND (lộ trình 2011–2015); dự thảo kế hoạch chuyển đổi số năm 2024 (kết quả 2023, mục tiêu 2023 và 2024).",
		Years: eDocYears, Series: eDocSeries, Targets: eDocTargets,
		Format: Percent, YLabel: "Tỷ lệ (%)",
	})
	add("lines_vi", c, err)
	c, err = NewProvinceComparison(ProvinceComparison{
		Title:      "Máy tính và kết nối mạng: cấp tỉnh và cấp huyện, Sóc Trăng 2010",
		Indicators: []string{"Tỷ lệ máy tính trên cán bộ, công chức", "Tỷ lệ máy tính kết nối Internet", "Tỷ lệ máy tính kết nối mạng nội bộ (LAN)"},
		Provinces:  []string{"Sở, ban ngành tỉnh", "Phòng, ban cấp huyện"},
		// Sums over the units of soctrang-2010-computers-provincial (27
		// units: 1215 staff, 1001 computers, 830 on the Internet, 816 on a
		// LAN) and -district (22 kinds of unit: 2163, 1345, 868, 634):
		// 1001/1215, 830/1001, 816/1001 and 1345/2163, 868/1345, 634/1345.
		Values: [][]float64{{1001.0 / 1215, 830.0 / 1001, 816.0 / 1001}, {1345.0 / 2163, 868.0 / 1345, 634.0 / 1345}},
		Format: Share, Highlight: "Sở, ban ngành tỉnh", ShowValues: true,
	})
	add("provinces_vi", c, err)
	c, err = NewRankedBars(RankedBars{
		Title:  "Các dự án của Chương trình chuyển đổi số tỉnh Thừa Thiên Huế (2021)",
		Note:   "Nguồn: Nghị quyết HĐND tỉnh Thừa Thiên Huế ngày 14/10/2021 (vn-dx-investment-components).",
		Labels: tthProjects, Values: tthAmounts, XLabel: "Triệu đồng",
	})
	add("ranked_long_vi", c, err)
	c, err = NewStackedBars(StackedBars{
		Title:      "Digital-transformation funds spent in 2023 by pillar and source, Sóc Trăng",
		Categories: pillars,
		Series: []Series{
			{Name: "Local budget", Values: spent2023Local},
			{Name: "Development investment", Values: spent2023Invest},
			{Name: "Other sources", Values: withNaN(spent2023Other, 0)},
		},
		XLabel: "Million VND", Lang: EN,
	})
	add("stacked_en", c, err)
	c, err = NewLines(Lines{
		Title: "Sóc Trăng: chỉ tiêu ứng dụng CNTT, 2010–2024",
		Note:  "Nguồn: KH 21/KH-UBND (2010) và dự thảo KH chuyển đổi số 2024 (kết quả 2023).",
		Years: timelineYears, Series: timelineSeries, Targets: timelineTargets,
		Format: Percent, YLabel: "%",
	})
	add("lines_timeline_vi", c, err)
	c, err = NewProvinceComparison(ProvinceComparison{
		Title:      "4 programmes of vn-dx-investments: min-max 0–100 over these 4",
		Indicators: []string{"Total / 1,000 people", "Per year / 1,000 people", "Per year / 100 km²", "Composite index"},
		Provinces:  programmeNames, Values: programmeScores, Decimals: -1,
		XLabel: "score (0–100)", Lang: EN,
	})
	add("provinces_scores_en", c, err)
	c, err = NewRankedBars(RankedBars{
		Title:  "IT budget per year of plan in 2024 prices, by kind of programme",
		Note:   "Million VND a year; right-hand column: nominal. Source: vn-dx-investments, vn-cpi.",
		Labels: programmeNames, Values: programmeReal, Groups: programmeKinds, Decimals: -1,
		Column: programmeNominal, ColumnHeader: "Nominal", XLabel: "million VND a year, 2024 prices", Lang: EN,
	})
	add("ranked_groups_en", c, err)
	c, err = NewRankedBars(RankedBars{
		Title:  "Máy tính trên cán bộ, công chức — cấp huyện, 2010",
		Labels: nearTargetUnits, Values: nearTargetValues, Target: 90, TargetLabel: "Mục tiêu 2015",
		Format: Percent,
	})
	add("ranked_near_target_vi", c, err)
	return out
}
