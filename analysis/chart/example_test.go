package chart_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// describe prints what a report needs to know of a saved chart.
func describe(c *chart.Chart, path string) {
	st, err := os.Stat(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	w, _ := c.Size()
	fmt.Printf("%s: %s, %.0f cm wide, written: %v\n", filepath.Ext(path), c.Kind(), float64(w)/72*2.54, st.Size() > 0)
}

// Computers per civil servant in the 27 provincial departments of Sóc Trăng
// (2010), against the plan's 2015 target of 90%.
func ExampleNewRankedBars() {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	staff, computers := f.Col("staff").Float64s(), f.Col("computers").Float64s()
	ratio := make([]float64, len(staff))
	for i := range staff {
		ratio[i] = computers[i] / staff[i] // 0/0 is NaN: no ratio
	}
	c, err := chart.NewRankedBars(chart.RankedBars{
		Title:  "Tỷ lệ máy tính trên cán bộ, công chức (2010)",
		Labels: f.Col("unit").Strings(), Values: ratio, Target: 0.9,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, _ := os.MkdirTemp("", "chart")
	defer os.RemoveAll(dir)
	for _, name := range []string{"ratio.png", "ratio.svg"} {
		path := filepath.Join(dir, name)
		if err := c.Save(path); err != nil {
			fmt.Println(err)
		}
		describe(c, path)
	}
	texts := c.Texts()
	fmt.Println(strings.Join(texts[3:6], " | "))
	var last string
	for _, b := range c.Boxes() {
		if b.Role == "label" {
			last = b.Text
		}
	}
	fmt.Println(last, "...", strings.Contains(c.SVG(), "Sở Thông tin và Truyền thông"))
	// Output:
	// .png: ranked-bars, 16 cm wide, written: true
	// .svg: ranked-bars, 16 cm wide, written: true
	// Mục tiêu 0,900 | 1,222 | 1,094
	// Văn phòng Đoàn Đại biểu Quốc hội ... true
}

// The 2023 budget of Sóc Trăng's digital-transformation plan by pillar and
// funding source, from the Frame.
func ExampleStackedBarsFromFrame() {
	f := datasets.MustLoad("soctrang-2023-dx-pillars")
	c, err := chart.StackedBarsFromFrame(f, "pillar",
		[]string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd"},
		[]string{"NSĐP", "NSTW", "ĐTPT", "Nguồn khác"},
		chart.StackedBars{Title: "Kinh phí được giao năm 2023", XLabel: "Triệu đồng", SortByTotal: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Kind(), c.Texts()[1:5])
	// Output:
	// stacked-bars [NSĐP NSTW ĐTPT Nguồn khác]
}

// Planned against spent in 2023, the four sources added up per pillar.
func ExamplePlannedSpentFromFrame() {
	f := datasets.MustLoad("soctrang-2023-dx-pillars")
	c, err := chart.PlannedSpentFromFrame(f, "pillar",
		[]string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd"},
		[]string{"spent_local_mvnd", "spent_central_mvnd", "spent_invest_mvnd", "spent_other_mvnd"},
		chart.PlannedSpent{Title: "Digital transformation 2023: planned and spent", Lang: chart.EN, XLabel: "Million VND"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range c.Boxes() {
		if b.Text == "Hạ tầng số" || b.Text == "7,843" || b.Text == "4,682" || b.Text == "60%" {
			fmt.Print(b.Text, "; ")
		}
	}
	fmt.Println()
	// Output:
	// 7,843; 4,682; Hạ tầng số; 60%;
}

// The 2023 plan against the 2024 draft, pillar by pillar.
func ExampleNewDumbbell() {
	f23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	f24 := datasets.MustLoad("soctrang-2024-dx-pillars")
	planned := make([]float64, f23.NumRows())
	for _, col := range []string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd"} {
		for i, v := range f23.Col(col).Float64s() {
			planned[i] += v
		}
	}
	c, err := chart.NewDumbbell(chart.Dumbbell{
		Title:  "Kinh phí theo lĩnh vực: 2023 và 2024",
		Labels: f24.Col("pillar").Strings(), From: planned, To: f24.Col("total_mvnd").Float64s(),
		FromLabel: "2023", ToLabel: "2024", XLabel: "Triệu đồng",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Kind(), len(c.PNG()) > 0)
	// Output:
	// dumbbell true
}

// Targets and results of one indicator of vn-dx-indicators, by level.
func ExampleLinesFromFrame() {
	f := datasets.MustLoad("vn-dx-indicators")
	f = f.Filter(func(r frame.Row) bool {
		return r.String("indicator") == "e_documents_exchanged" && r.String("level") != "all"
	})
	c, err := chart.LinesFromFrame(f, "year", "level", "value", "kind", "comparator", chart.Lines{
		Title:  "Văn bản trao đổi dưới dạng điện tử",
		Format: chart.Percent, Lang: chart.EN,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var years []string
	for _, b := range c.Boxes() {
		if b.Role == "tick" && !strings.HasSuffix(b.Text, "%") {
			years = append(years, b.Text)
		}
	}
	fmt.Println(c.Texts()[1:7])
	fmt.Println(years)
	// Output:
	// [province district commune Result Target Target: above (>)]
	// [2012 2013 2014 2023 2024]
}

// Provincial departments against district offices, 2010.
func ExampleNewProvinceComparison() {
	ratios := func(id string) []float64 {
		f := datasets.MustLoad(id)
		sum := func(col string) float64 {
			s := 0.0
			for _, v := range f.Col(col).Float64s() {
				s += v
			}
			return s
		}
		staff, comp := sum("staff"), sum("computers")
		return []float64{comp / staff, sum("internet_computers") / comp, sum("lan_computers") / comp}
	}
	c, err := chart.NewProvinceComparison(chart.ProvinceComparison{
		Indicators: []string{"Máy tính / CBCC", "Máy tính nối Internet", "Máy tính nối mạng LAN"},
		Provinces:  []string{"Cấp tỉnh", "Cấp huyện"},
		Values:     [][]float64{ratios("soctrang-2010-computers-provincial"), ratios("soctrang-2010-computers-district")},
		Format:     chart.Share, ShowValues: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var values []string
	for _, b := range c.Boxes() {
		if b.Role == "value" {
			values = append(values, b.Text)
		}
	}
	fmt.Println(values, math.Round(1001.0/1215*1000)/10)
	// Output:
	// [82,4% 62,2% 82,9% 64,5% 81,5% 47,1%] 82.4
}
