package ratios_test

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// Computers per staff member for each provincial unit of Sóc Trăng in 2010,
// the five highest. Văn phòng Đoàn Đại biểu Quốc hội, with 0 staff, has no
// ratio and no rank.
func ExampleByUnit() {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	r, err := ratios.ByUnit(f, ratios.ComputersPerStaff())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer r.Release()
	top, _ := r.SortBy(frame.Asc("rank"))
	defer top.Release()
	for i := range 5 {
		row := top.Row(i)
		fmt.Printf("%d %-24s %3.0f/%3.0f = %.5f  line %d\n", row.Int64("rank"), row.String("unit"),
			row.Float64("numerator"), row.Float64("denominator"), row.Float64("ratio"), row.Int64("source_line"))
	}
	last := top.Row(top.NumRows() - 1)
	fmt.Printf("%s: ratio null %v, rank null %v\n", last.String("unit"), last.IsNull("ratio"), last.IsNull("rank"))
	// Output:
	// 1 Sở Tư pháp                44/ 36 = 1.22222  line 1491
	// 2 Hội đồng Nhân dân         35/ 32 = 1.09375  line 1419
	// 3 Sở Tài chính              46/ 45 = 1.02222  line 1527
	// 4 Sở Giáo dục và Đào tạo    77/ 76 = 1.01316  line 1707
	// 5 Sở Xây dựng               44/ 44 = 1.00000  line 1599
	// Văn phòng Đoàn Đại biểu Quốc hội: ratio null true, rank null true
}

// The provincial and district tables stacked with a level column, and the
// ratios of each level as sums of parts over sums of wholes. The provincial
// figures are those of the table's own total row (0.82387 at line 1897); the
// district total row of the source (0.61728) does not add up to its rows,
// which package reconcile reports.
func ExampleAggregate() {
	all, err := ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{
		datasets.MustLoad("soctrang-2010-computers-provincial"),
		datasets.MustLoad("soctrang-2010-computers-district"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer all.Release()
	byLevel, err := ratios.Aggregate(all, "level", ratios.ComputerSpecs()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer byLevel.Release()
	for i := range byLevel.NumRows() {
		r := byLevel.Row(i)
		fmt.Printf("%-8s %-19s %4.0f/%4.0f = %.5f (%d units)\n", r.String("level"), r.String("measure"),
			r.Float64("numerator"), r.Float64("denominator"), r.Float64("ratio"), r.Int64("units"))
	}
	// Output:
	// province computers_per_staff 1001/1215 = 0.82387 (27 units)
	// district computers_per_staff 1345/2163 = 0.62182 (22 units)
	// province lan_share            816/1001 = 0.81518 (27 units)
	// district lan_share            634/1345 = 0.47138 (22 units)
	// province internet_share       830/1001 = 0.82917 (27 units)
	// district internet_share       868/1345 = 0.64535 (22 units)
}

// The mean of the unit ratios weighs a unit of 9 staff as much as one of
// 114: it is shown here beside the group's own ratio (Aggregate) for the
// IT-qualified share, by section of Phụ lục 1.
func ExampleMeanOfRatios() {
	f := datasets.MustLoad("soctrang-2010-it-staff")
	agg, _ := ratios.Aggregate(f, "group", ratios.ITQualifiedShare())
	defer agg.Release()
	mean, err := ratios.MeanOfRatios(f, "group", ratios.ITQualifiedShare())
	if err != nil {
		fmt.Println(err)
		return
	}
	defer mean.Release()
	for i := range mean.NumRows() {
		a, m := agg.Row(i), mean.Row(i)
		fmt.Printf("%-30s sum/sum %.4f  mean of ratios %.4f  left out: %q\n", m.String("group"),
			a.Float64("ratio"), m.Float64("mean_of_ratios"), m.String("excluded_lines"))
	}
	// Output:
	// I. CÁC SỞ, NGÀNH TỈNH          sum/sum 0.0477  mean of ratios 0.0512  left out: "974"
	// II. CÁC HUYỆN, THÀNH PHỐ       sum/sum 0.0254  mean of ratios 0.0202  left out: "1156"
	// III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC sum/sum 0.0818  mean of ratios 0.1098  left out: ""
}

// The 2015 target of the 2010 plan — 90 % computers per civil servant — as
// vn-dx-indicators records it, and the gap of the 2010 tables to it: all
// provincial and district units together have 2346 computers for 3378 staff,
// the "about 69 %" the plan's text states as its baseline.
func ExampleGapToTarget() {
	target, err := ratios.LookupTarget(datasets.MustLoad("vn-dx-indicators"), "Sóc Trăng", "computers_per_civil_servant", 2015)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("target:", target.Value, target.Comparator, "line", target.SourceLine)
	all, _ := ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{
		datasets.MustLoad("soctrang-2010-computers-provincial"),
		datasets.MustLoad("soctrang-2010-computers-district"),
	})
	defer all.Release()
	total, _ := ratios.Aggregate(all, "", ratios.ComputersPerStaff())
	defer total.Release()
	g, err := ratios.GapToTarget(total, target)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer g.Release()
	r := g.Row(0)
	fmt.Printf("%.0f/%.0f = %.4f, gap %.4f, met %v\n", r.Float64("numerator"), r.Float64("denominator"),
		r.Float64("ratio"), r.Float64("gap"), r.Value("met"))
	// Output:
	// target: 0.9 = line 191
	// 2346/3378 = 0.6945, gap -0.2055, met false
}

// Recomputed and reported LAN shares side by side: every reported figure is
// its ratio rounded to five decimals, except the 0 reported for a unit with
// no computer, where the share is undefined.
func ExampleAgainstReported() {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	c, err := ratios.AgainstReported(f, ratios.LANShare(), "lan_share_reported", -1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Release()
	fmt.Println("tolerance", c.Meta("tolerance"))
	r := c.Row(0)
	fmt.Printf("%s: %.0f/%.0f = %.6f, reported %.5f, agrees %v\n", r.String("unit"),
		r.Float64("numerator"), r.Float64("denominator"), r.Float64("recomputed"), r.Float64("reported"), r.Value("agrees"))
	bad := c.Filter(func(r frame.Row) bool { return !r.IsNull("agrees") && r.Value("agrees") == false })
	defer bad.Release()
	for i := range bad.NumRows() {
		r := bad.Row(i)
		fmt.Printf("line %d %s: reported %v, recomputed null %v\n", r.Int64("source_line"), r.String("unit"),
			r.Value("reported"), r.IsNull("recomputed"))
	}
	// Output:
	// tolerance 5e-06
	// Tỉnh ủy: 87/142 = 0.612676, reported 0.61268, agrees true
	// line 1437 Văn phòng Đoàn Đại biểu Quốc hội: reported 0, recomputed null true
}

// A researcher's table with its own column names works once they are mapped
// to the names of the presets.
func ExampleUseColumns() {
	csv := "don_vi,so_can_bo,so_may_tinh\nSở A,40,30\nSở B,10,\nSở C,25,25\n"
	mine, err := frame.ReadCSV(strings.NewReader(csv), frame.CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer mine.Release()
	f, err := ratios.UseColumns(mine, map[string]string{"unit": "don_vi", "staff": "so_can_bo", "computers": "so_may_tinh"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Release()
	r, _ := ratios.ByUnit(f, ratios.ComputersPerStaff())
	defer r.Release()
	fmt.Println(r.Col("unit").Strings(), r.Col("ratio").Float64s(), r.Col("rank").Strings())
	total, _ := ratios.Aggregate(f, "", ratios.ComputersPerStaff())
	defer total.Release()
	fmt.Println(total.Col("ratio").Float64s(), "excluded", total.Col("units_excluded").Int64s())
	// Output:
	// [Sở A Sở B Sở C] [0.75 NaN 1] [2  1]
	// [0.8461538461538461] excluded [1]
}

// The provincial and district tables as one Frame with a first column
// level; the schema metadata names both datasets.
func ExampleConcatLevels() {
	all, err := ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{
		datasets.MustLoad("soctrang-2010-computers-provincial"),
		datasets.MustLoad("soctrang-2010-computers-district"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer all.Release()
	fmt.Println(all.NumRows(), all.Names()[:3])
	fmt.Println(all.Meta(frame.MetaDataset))
	fmt.Println(all.Meta(frame.MetaAppendix))
	// Output:
	// 49 [level code unit]
	// soctrang-2010-computers-provincial; soctrang-2010-computers-district
	// Phụ lục 2; Phụ lục 3
}
