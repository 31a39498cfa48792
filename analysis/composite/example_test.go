package composite_test

import (
	"fmt"
	"os"

	"github.com/ictplan/ictplan/analysis/composite"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// districtOffices returns the 22 kinds of district office of Sóc Trăng's
// 2010 plan (Phụ lục 3) with computers, LAN-connected and
// Internet-connected computers per civil servant.
func districtOffices() *frame.Frame {
	f, err := datasets.Load("soctrang-2010-computers-district")
	if err != nil {
		panic(err)
	}
	for _, c := range []string{"computers", "lan_computers", "internet_computers"} {
		g, err := composite.PerStaff(f, c, "staff", 1)
		if err != nil {
			panic(err)
		}
		f = g
	}
	return f
}

var officeIndicators = []composite.Indicator{
	{Column: "computers_per_staff"},
	{Column: "lan_computers_per_staff"},
	{Column: "internet_computers_per_staff"},
}

// Computers per civil servant in the district offices of Sóc Trăng, 2010:
// Phòng Quản lý đô thị has 8 computers for 10 staff, all 8 on the LAN and
// the Internet (8/10 = 0.8 each).
func ExamplePerStaff() {
	f, _ := datasets.Load("soctrang-2010-computers-district")
	g, err := composite.PerStaff(f, "computers", "staff", 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := g.Col("computers_per_staff")
	fmt.Println(c.LabelVI(), "|", c.Unit())
	for _, i := range []int{12, 15} {
		r := g.Row(i)
		fmt.Printf("%s: %d / %d = %.4f (line %d)\n", r.String("unit"), r.Int64("computers"), r.Int64("staff"),
			r.Float64("computers_per_staff"), r.Int64("source_line"))
	}
	// Output:
	// Số lượng máy vi tính đang sử dụng bình quân một cán bộ, công chức | count/staff
	// Phòng Quản lý đô thị: 8 / 10 = 0.8000 (line 2164)
	// Phòng Dân tộc: 2 / 3 = 0.6667 (line 2218)
}

// Min-max normalisation of computers per staff: the lowest office (Phòng
// Y tế, 48/234 = 0.2051) gets 0, the highest (Phòng Giáo dục và Đào tạo,
// 97/107 = 0.9065) 100, and Phòng Quản lý đô thị (8/10 = 0.8)
// (0.8 − 0.2051)/(0.9065 − 0.2051) × 100 = 84.8.
func ExampleNormalise() {
	f := districtOffices()
	n, err := composite.Normalise(f, officeIndicators[:1], composite.MinMax)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, i := range []int{9, 8, 12} {
		r := n.Row(i)
		fmt.Printf("%-26s %5.1f\n", r.String("unit"), r.Float64("computers_per_staff"))
	}
	fmt.Println(n.Meta(frame.MetaMethod), "|", n.Meta(frame.MetaDerivedFrom))
	// Output:
	// Phòng Y tế                   0.0
	// Phòng Giáo dục và Đào tạo  100.0
	// Phòng Quản lý đô thị        84.8
	// min-max [0,100] | soctrang-2010-computers-district
}

// The three indicators, min-max normalised and averaged with equal
// weights; the same figures computed independently (Python, from the
// golden CSV) give 94.9368, 75.2607, 74.5734 for the first three and
// 3.3832 for the last.
func ExampleComposite() {
	f := districtOffices()
	g, err := composite.Composite(f, officeIndicators, composite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := g.SortBy(frame.Asc("rank"))
	for _, i := range []int{0, 1, 2, 21} {
		r := s.Row(i)
		fmt.Printf("%2d %-34s %7.4f (line %d)\n", r.Int64("rank"), r.String("unit"), r.Float64("score"), r.Int64("source_line"))
	}
	// Output:
	//  1 Phòng Quản lý đô thị               94.9368 (line 2164)
	//  2 Phòng Nông nghiệp và PT nông thôn  75.2607 (line 2182)
	//  3 Phòng Giáo dục và Đào tạo          74.5734 (line 2092)
	// 22 Phòng Y tế                          3.3832 (line 2110)
}

// Geometric aggregation needs positive values: min-max onto [1, 100].
// Phòng Quản lý đô thị: computers 1 + 0.8482 × 99 = 84.97, LAN and
// Internet 100 each (it has the highest shares), so
// (84.97 × 100 × 100)^(1/3) = 94.71.
func ExampleScore() {
	f := districtOffices()
	n, err := composite.Normalise(f, officeIndicators, composite.MinMaxFrom1)
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := composite.Score(n, officeIndicators, composite.Geometric)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := g.Row(12)
	fmt.Printf("%s: %.2f, rank %d\n", r.String("unit"), r.Float64("score"), r.Int64("rank"))
	_, err = composite.Composite(f, officeIndicators, composite.Options{Aggregation: composite.Geometric})
	fmt.Println(err)
	// Output:
	// Phòng Quản lý đô thị: 94.71, rank 1
	// composite: geometric mean needs positive values: Phòng Y tế has computers_per_staff = 0 (normalise with MinMaxFrom1, or aggregate arithmetically)
}

// How stable is the ranking of the district offices when each weight may
// move by ±50%? Phòng Quản lý đô thị scores at least 0.6 × 84.8 + 0.4 ×
// 100 = 90.9 under any such weights and no other office can reach 0.6 ×
// 100 + 0.2 × 47.9 + 0.2 × 75.6 = 84.7, so it never loses first place; the
// offices behind it, close together, trade places.
func ExampleSensitivity() {
	f := districtOffices()
	s, err := composite.Sensitivity(f, officeIndicators, composite.SensitivityOptions{Draws: 1000, Seed: 2010})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ = s.SortBy(frame.Asc("nominal_rank"))
	for i := 0; i < 5; i++ {
		r := s.Row(i)
		fmt.Printf("%-34s nominal %d, median %g, 5–95%% %g–%g, changed %.1f%%\n", r.String("unit"), r.Int64("nominal_rank"),
			r.Float64("median_rank"), r.Float64("rank_p05"), r.Float64("rank_p95"), r.Float64("rank_changed_percent"))
	}
	// Output:
	// Phòng Quản lý đô thị               nominal 1, median 1, 5–95% 1–1, changed 0.0%
	// Phòng Nông nghiệp và PT nông thôn  nominal 2, median 3, 5–95% 2–4, changed 59.3%
	// Phòng Giáo dục và Đào tạo          nominal 3, median 3, 5–95% 2–5, changed 57.8%
	// Phòng Kinh tế                      nominal 4, median 4, 5–95% 2–6, changed 83.7%
	// Văn phòng HĐND và UBND             nominal 5, median 4, 5–95% 2–6, changed 69.5%
}

// The programmes of the three provinces per 1,000 inhabitants, with the
// 2023 population of vn-provinces (the only year it holds): Sóc Trăng's
// 2011–2015 plan, 109,045 million đồng for 1,198,798 people, is
// 109045 / 1198.798 = 90.96 million đồng per 1,000 people.
func ExamplePerCapita() {
	inv, _ := datasets.Load("vn-dx-investments")
	prov, _ := datasets.Load("vn-provinces")
	f, err := composite.Attach(inv, prov, "province", "province", []string{"population"}, composite.MatchTones)
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := composite.PerCapita(f, "total_mvnd", "population", 1000)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := 0; i < g.NumRows(); i++ {
		r := g.Row(i)
		fmt.Printf("%-15s %s %9.0f / %9d × 1000 = %6.2f (lines %d, %d)\n", r.String("province"), r.String("date"),
			r.Float64("total_mvnd"), r.Int64("population"), r.Float64("total_mvnd_per_1000_people"), r.Int64("source_line"), r.Int64("ref_source_line"))
	}
	// Output:
	// Sóc Trăng       2010-11-02    109045 /   1198798 × 1000 =  90.96 (lines 639, 89)
	// Thừa Thiên Huế  2021-10-14    100000 /   1166547 × 1000 =  85.72 (lines 31, 59)
	// Khánh Hòa       2023-07-14     22955 /   1260623 × 1000 =  18.21 (lines 79, 65)
	// Sóc Trăng       2024-08-28     30500 /   1198798 × 1000 =  25.44 (lines 51, 89)
}

// The 63 provinces regrouped into the units of 2025: Khánh Hòa + Ninh
// Thuận = 1,260,600 + 601,200 = 1,861,800 people on 5,199.6 + 3,355.7 =
// 8,555.3 km², 217.6 people per km² (the density of the sums, not the mean
// of the two densities). The new Cần Thơ stays null: vn-provinces has no
// citable figure for Cần Thơ and Hậu Giang, and a total with unknown
// parts is unknown.
func ExampleReaggregate() {
	prov, _ := datasets.Load("vn-provinces")
	cw, _ := datasets.Load("vn-provinces-2025")
	g, err := composite.Reaggregate(prov, cw, composite.Reaggregation{
		Sums:   []string{"population", "area_km2"},
		Ratios: []composite.RatioSpec{{As: "density", Numerator: "population", Denominator: "area_km2", Unit: "people/km2", LabelVI: "Mật độ dân số"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.NumRows(), "units")
	for i := 0; i < g.NumRows(); i++ {
		r := g.Row(i)
		switch r.String("new_province") {
		case "Khánh Hòa", "Huế", "Cần Thơ":
			fmt.Printf("%s = %s: population %v, area %v, density %.1f\n", r.String("new_province"), r.String("old_province_names"),
				r.Value("population"), r.Value("area_km2"), r.Float64("density"))
		}
	}
	// Output:
	// 34 units
	// Huế = Thừa Thiên Huế: population 1166547, area 4947.1099, density 235.8
	// Khánh Hòa = Khánh Hòa; Ninh Thuận: population 1861840, area 8555.3246, density 217.6
	// Cần Thơ = Cần Thơ; Hậu Giang; Sóc Trăng: population 3185968, area 6360.8338, density 500.9
}

// The programmes of the sources under the 2025 units: each row says how
// many of the new unit's former provinces the figures cover. Sóc Trăng's
// two programmes, 109,045 + 30,500 = 139,545 million đồng, are 1 of the 3
// parts of the new Cần Thơ: not a total for Cần Thơ.
func ExampleReaggregate_investments() {
	inv, _ := datasets.Load("vn-dx-investments")
	cw, _ := datasets.Load("vn-provinces-2025")
	g, err := composite.Reaggregate(inv, cw, composite.Reaggregation{Sums: []string{"total_mvnd"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := 0; i < g.NumRows(); i++ {
		r := g.Row(i)
		fmt.Printf("%-9s %6.0f  %d of %d former provinces, complete %v, lines %s\n", r.String("new_province"), r.Float64("total_mvnd"),
			r.Int64("old_provinces"), r.Int64("old_provinces_expected"), r.Value("complete"), r.String("source_lines"))
	}
	// Output:
	// Huế       100000  1 of 1 former provinces, complete true, lines 31
	// Khánh Hòa  22955  1 of 2 former provinces, complete false, lines 79
	// Cần Thơ   139545  1 of 3 former provinces, complete false, lines 639;51
}

// Names match whatever the tone-mark placement, prefix or former name.
func ExampleMatchKey() {
	for _, n := range []string{"Tỉnh Khánh Hòa", "Khánh Hoà", "Thừa Thiên Huế", "TP. Hồ Chí Minh"} {
		fmt.Printf("%s -> %s | %s\n", n, composite.MatchKey(n, composite.MatchTones), composite.MatchKey(n, composite.MatchFolded))
	}
	// Output:
	// Tỉnh Khánh Hòa -> khánh hoà | khanh hoa
	// Khánh Hoà -> khánh hoà | khanh hoa
	// Thừa Thiên Huế -> huế | hue
	// TP. Hồ Chí Minh -> hồ chí minh | ho chi minh
}

// A long Frame (one row per indicator) made wide: the 2010 baselines of
// Sóc Trăng's plan for the whole province, one column per indicator, with
// the source lines of the figures.
func ExampleWide() {
	ind, _ := datasets.Load("vn-dx-indicators")
	base := ind.Filter(func(r frame.Row) bool {
		return r.Int64("year") == 2010 && r.String("kind") == "baseline" && r.String("level") == "all"
	})
	w, err := composite.Wide(base, "province", "indicator", "value")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := w.Row(0)
	fmt.Println(w.NumRows(), "row,", w.NumCols(), "columns")
	fmt.Println(r.String("province"), r.Float64("procedures_online_level2"), w.Col("procedures_online_level2").Unit())
	fmt.Println(r.String("source_lines"))
	// Output:
	// 1 row, 12 columns
	// Sóc Trăng 1611 count
	// 57;59;61;63;65;89;99;99;103;105
}

// A researcher's own CSV: testdata/synthetic-provinces.csv holds invented
// figures for four invented provinces (every name and column says
// "synthetic"); the same calls work on a CSV of all 63 provinces.
// A (80, 5 days), B (60, 2 days), C (40, 8 days), D (70, 3 days):
// online share min-max 100, 50, 0, 75; processing days (lower is better)
// (8 − x)/6 × 100 = 50, 100, 0, 83.3; weights 2:1 give 83.3, 66.7, 0, 77.8.
func ExampleComposite_researcherCSV() {
	in, err := os.Open("testdata/synthetic-provinces.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer in.Close()
	f, err := frame.ReadCSV(in, frame.CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := composite.Composite(f,

		[]composite.Indicator{
			{Column: "synthetic_online_share", Weight: 2},
			{Column: "synthetic_processing_days", Direction: composite.LowerBetter, Weight: 1},
		}, composite.Options{})

	if err != nil {
		fmt.Println(err)
		return
	}
	for i := 0; i < g.NumRows(); i++ {
		r := g.Row(i)
		fmt.Printf("%s %.1f %d\n", r.String("province"), r.Float64("score"), r.Int64("rank"))
	}
	// Output:
	// Synthetic province A 83.3 1
	// Synthetic province B 66.7 3
	// Synthetic province C 0.0 4
	// Synthetic province D 77.8 2
}

// The provincial DTI's score is the weighted mean of its eight raw
// sub-indices (Raw: no normalisation), here reproduced from vn-dti for the
// provinces whose sub-indices the table holds; then the same provinces
// ranked with equal weights.
func ExampleComposite_raw() {
	dti, _ := datasets.Load("vn-dti")
	defer dti.Release()
	with := dti.Filter(func(r frame.Row) bool { return !r.IsNull("awareness") })
	defer with.Release()
	specs := []composite.Indicator{
		{Column: "awareness", Weight: 100}, {Column: "institutions", Weight: 100}, {Column: "infrastructure", Weight: 100},
		{Column: "human_resources", Weight: 100}, {Column: "cybersecurity", Weight: 100},
		{Column: "government_activity", Weight: 200}, {Column: "economy_activity", Weight: 150}, {Column: "society_activity", Weight: 150},
	}
	published, _ := composite.Composite(with, specs, composite.Options{Normalisation: composite.Raw})
	defer published.Release()
	for i := range specs {
		specs[i].Weight = 1
	}
	equal, _ := composite.Composite(with, specs, composite.Options{Normalisation: composite.Raw})
	defer equal.Release()
	names, pdti := published.Col("province").Strings(), published.Col("pdti").Float64s()
	score, rank, rankEq := published.Col("score").Float64s(), published.Col("rank").Int64s(), equal.Col("rank").Int64s()
	for i := range names {
		fmt.Printf("%-18s PDTI %.4f, recomputed %.4f, rank %d; equal weights: rank %d\n", names[i], pdti[i], score[i], rank[i], rankEq[i])
	}
	// Output:
	// TP. Đà Nẵng        PDTI 0.8002, recomputed 0.8002, rank 1; equal weights: rank 1
	// TP. Hồ Chí Minh    PDTI 0.7163, recomputed 0.7164, rank 2; equal weights: rank 2
	// Quảng Ninh         PDTI 0.7024, recomputed 0.7024, rank 3; equal weights: rank 4
	// Thừa Thiên - Huế   PDTI 0.6975, recomputed 0.6975, rank 4; equal weights: rank 5
	// TP. Cần Thơ        PDTI 0.6924, recomputed 0.6924, rank 5; equal weights: rank 3
}
