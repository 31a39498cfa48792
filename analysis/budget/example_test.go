package budget_test

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/budget"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// show prints the named columns of f as an aligned table.
func show(f *frame.Frame, err error, cols ...string) {
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer f.Release()
	s, err := f.Select(cols...)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	defer s.Release()
	fmt.Print(s.Text(frame.TextOptions{}))
}

// The share of each pillar in the 2023 budget as planned (Phụ lục 01).
func ExampleShares() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	f, err := budget.Shares(p23, budget.ByPillar, budget.Planned)
	show(f, err, "pillar_no", "pillar_key", "amount_mvnd", "share", "source_line")
	// Output:
	// pillar_no  pillar_key              amount_mvnd     share  source_line
	// ---------  ----------------------  -----------  --------  -----------
	//         1  digital_awareness               960  0,019589         2917
	//         2  digital_institutions            500  0,010202         3044
	//         3  digital_infrastructure        7.843  0,160035         3115
	//         4  digital_data                 11.002  0,224494         3365
	//         5  digital_platforms            10.000  0,204048         3579
	//         6  digital_workforce               480  0,009794         3627
	//         7  cybersecurity                 1.025  0,020915         3668
	//         8  digital_government           15.272  0,311623         3811
	//         9  digital_society               1.726  0,035219         4266
	//        10  digital_economy                 200  0,004081         4404
}

// Shares by source, from the source columns of the pillar table and from
// the funding table (row form): the two agree. The funding table's second
// row is labelled "Nguồn vốn sự nghiệp địa phương" but stands where NSTW
// stands; it is kept as written, keyed by its position.
func ExampleShares_bySource() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	f, err := budget.Shares(p23, budget.BySource, budget.Planned)
	show(f, err, "source", "source_vi", "amount_mvnd", "share")
	fu := datasets.MustLoad("soctrang-2023-dx-funding")
	defer fu.Release()
	g, err := budget.Shares(fu, budget.BySource, budget.Planned)
	show(g, err, "source", "source_vi", "amount_mvnd", "share", "source_lines")
	// Output:
	// source   source_vi                    amount_mvnd     share
	// -------  ---------------------------  -----------  --------
	// local    NSĐP (ngân sách địa phương)       18.970   0,38708
	// central  NSTW (ngân sách trung ương)            0         0
	// invest   ĐTPT (đầu tư phát triển)          27.900  0,569295
	// other    Nguồn khác                         2.138  0,043626
	// source   source_vi                       amount_mvnd     share  source_lines
	// -------  ------------------------------  -----------  --------  ------------
	// local    Sự nghiệp địa phương                 18.970   0,38708  4461
	// central  Nguồn vốn sự nghiệp địa phương            0         0  4463
	// invest   Vốn đầu tư phát triển                27.900  0,569295  4465
	// other    Nguồn vốn khác                        2.138  0,043626  4467
}

// The long form behind a stacked bar chart of the 2024 plan: one row per
// pillar × source (here the non-zero ones of the first four pillars).
func ExampleShares_byPillarSource() {
	p24 := datasets.MustLoad("soctrang-2024-dx-pillars")
	defer p24.Release()
	f, err := budget.Shares(p24, budget.ByPillarSource, budget.NoPhase)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Release()
	nz := f.Filter(func(r frame.Row) bool { return r.Float64("amount_mvnd") != 0 && r.Int64("pillar_no") <= 4 })
	show(nz, nil, "pillar_no", "source", "amount_mvnd", "share_of_pillar", "share_of_total")
	// Output:
	// pillar_no  source  amount_mvnd  share_of_pillar  share_of_total
	// ---------  ------  -----------  ---------------  --------------
	//         1  local           130         0,161491        0,000851
	//         1  other           675         0,838509         0,00442
	//         2  local           500                1        0,003274
	//         3  local         8.236         0,178033        0,053935
	//         3  invest       38.025         0,821967        0,249013
	//         4  invest       42.000         0,965517        0,275044
	//         4  other         1.500         0,034483        0,009823
}

// Execution of the 2023 budget by pillar: spent / planned.
func ExampleExecution() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	f, err := budget.Execution(p23, budget.ByPillar)
	show(f, err, "pillar_no", "pillar", "planned_mvnd", "spent_mvnd", "rate")
	// Output:
	// pillar_no  pillar                  planned_mvnd  spent_mvnd      rate
	// ---------  ----------------------  ------------  ----------  --------
	//         1  Nhận thức số                     960         810   0,84375
	//         2  Thể chế số                       500           0         0
	//         3  Hạ tầng số                     7.843       4.682  0,596965
	//         4  Dữ liệu số                    11.002       1.502  0,136521
	//         5  Nền tảng số                   10.000       3.600      0,36
	//         6  Nhân lực số                      480         480         1
	//         7  An toàn thông tin mạng         1.025         554  0,540488
	//         8  Chính quyền số                15.272      14.227  0,931574
	//         9  Xã hội số                      1.726       1.476  0,855156
	//        10  Kinh tế số                       200         200         1
}

// Execution by source from the funding table, next to the rate it reports
// (in percent, rounded by the document). Nothing was planned from the
// second source: its rate is null, not 0.
func ExampleExecution_bySource() {
	fu := datasets.MustLoad("soctrang-2023-dx-funding")
	defer fu.Release()
	f, err := budget.Execution(fu, budget.BySource)
	show(f, err, "source", "planned_mvnd", "spent_mvnd", "rate", "rate_percent_reported")
	// Output:
	// source   planned_mvnd  spent_mvnd      rate  rate_percent_reported
	// -------  ------------  ----------  --------  ---------------------
	// local          18.970      12.693  0,669109                     67
	// central             0           0                                0
	// invest         27.900      12.700  0,455197                     46
	// other           2.138       2.138         1                    100
}

// Planned against spent for each pillar and source: here the pairs of the
// pillar Dữ liệu số with a planned amount.
func ExampleExecution_byPillarSource() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	f, err := budget.Execution(p23, budget.ByPillarSource)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Release()
	d := f.Filter(func(r frame.Row) bool { return r.Int64("pillar_no") == 4 && r.Float64("planned_mvnd") > 0 })
	show(d, nil, "pillar", "source", "planned_mvnd", "spent_mvnd", "rate")
	// Output:
	// pillar      source  planned_mvnd  spent_mvnd      rate
	// ----------  ------  ------------  ----------  --------
	// Dữ liệu số  local            894         194  0,217002
	// Dữ liệu số  invest        10.000       1.200      0,12
	// Dữ liệu số  other            108         108         1
}

// Each pillar's 2023 budget as planned against the 2024 plan.
func ExampleChange() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	p24 := datasets.MustLoad("soctrang-2024-dx-pillars")
	defer p24.Release()
	f, err := budget.Change(p23, budget.Planned, p24, budget.NoPhase)
	show(f, err, "pillar_no", "match", "from_mvnd", "to_mvnd", "change_mvnd", "change_ratio")
	// Output:
	// pillar_no  match  from_mvnd  to_mvnd  change_mvnd  change_ratio
	// ---------  -----  ---------  -------  -----------  ------------
	//         1  both         960      805         -155     -0,161458
	//         2  both         500      500            0             0
	//         3  both       7.843   46.261       38.418      4,898381
	//         4  both      11.002   43.500       32.498      2,953827
	//         5  both      10.000   26.970       16.970         1,697
	//         6  both         480      480            0             0
	//         7  both       1.025   10.585        9.560      9,326829
	//         8  both      15.272   20.992        5.720      0,374542
	//         9  both       1.726    1.410         -316     -0,183082
	//        10  both         200    1.200        1.000             5
}

// The 2011–2015 programme, the 2023 budget and the 2024 plan per year of
// plan, nominal and in 2024 prices.
func ExamplePerYear() {
	pr := datasets.MustLoad("soctrang-2011-2015-projects")
	defer pr.Release()
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	p24 := datasets.MustLoad("soctrang-2024-dx-pillars")
	defer p24.Release()
	cpi := datasets.MustLoad("vn-cpi")
	defer cpi.Release()
	py, err := budget.PerYear(
		budget.Plan{Label: "2011–2015", Frame: pr},
		budget.Plan{Label: "2023 (kế hoạch)", Frame: p23, Phase: budget.Planned},
		budget.Plan{Label: "2023 (thực hiện)", Frame: p23, Phase: budget.Spent},
		budget.Plan{Label: "2024", Frame: p24},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer py.Release()
	f, err := budget.RealTermsPeriod(py, "per_year_mvnd", "period_start", "period_end", cpi, 2024)
	show(f, err, "plan", "years", "total_mvnd", "per_year_mvnd", "price_index", "per_year_real_mvnd")
	// Output:
	// plan              years  total_mvnd  per_year_mvnd  price_index  per_year_real_mvnd
	// ----------------  -----  ----------  -------------  -----------  ------------------
	// 2011–2015             5     109.045         21.809   134,142642       30.855,469154
	// 2023 (kế hoạch)       1      49.008         49.008     183,1377       50.786,990799
	// 2023 (thực hiện)      1      27.531         27.531     183,1377       28.530,375524
	// 2024                  1     152.703        152.703     189,7856             152.703
}

// Programmes of several provinces per year of their own period (or of the
// number of years the document gives, as Thừa Thiên Huế's 4 years).
func ExamplePerYearByRow() {
	inv := datasets.MustLoad("vn-dx-investments")
	defer inv.Release()
	f, err := budget.PerYearByRow(inv, budget.NoPhase)
	show(f, err, "province", "period_start", "period_end", "years", "total_mvnd", "per_year_mvnd")
	// Output:
	// province        period_start  period_end  years  total_mvnd  per_year_mvnd
	// --------------  ------------  ----------  -----  ----------  -------------
	// Sóc Trăng               2011        2015      5     109.045         21.809
	// Thừa Thiên Huế                                4     100.000         25.000
	// Khánh Hòa               2023        2025      3      22.955   7.651,666667
	// Sóc Trăng               2024        2026      3      30.500  10.166,666667
}

// The 2023 pillar budgets in 2024 prices: a year column, then RealTerms.
func ExampleRealTerms() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	cpi := datasets.MustLoad("vn-cpi")
	defer cpi.Release()
	s, err := budget.Shares(p23, budget.ByPillar, budget.Planned)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Release()
	year := make([]int64, s.NumRows())
	for i := range year {
		year[i] = 2023
	}
	y, err := s.WithColumn(frame.FieldSpec{Name: "year", Kind: frame.Int64, Unit: "year"}, year, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer y.Release()
	f, err := budget.RealTerms(y.Head(3), "amount_mvnd", "year", cpi, 2024)
	show(f, err, "pillar_no", "amount_mvnd", "price_index", "amount_real_mvnd")
	// Output:
	// pillar_no  amount_mvnd  price_index  amount_real_mvnd
	// ---------  -----------  -----------  ----------------
	//         1          960     183,1377        994,848008
	//         2          500     183,1377        518,150004
	//         3        7.843     183,1377      8.127,700964
}

// Which columns hold money, of which phase and source.
func ExampleAmountColumns() {
	p23 := datasets.MustLoad("soctrang-2023-dx-pillars")
	defer p23.Release()
	for _, c := range budget.AmountColumns(p23)[:5] {
		fmt.Printf("%s: phase %q, source %q\n", c.Name, c.Phase, c.Source)
	}
	pr := datasets.MustLoad("soctrang-2011-2015-projects")
	defer pr.Release()
	fmt.Println(budget.Sources(pr, budget.NoPhase))
	total, _ := budget.Total(pr, budget.NoPhase)
	fmt.Println(total)
	// Output:
	// planned_local_mvnd: phase "planned", source "local"
	// planned_central_mvnd: phase "planned", source "central"
	// planned_invest_mvnd: phase "planned", source "invest"
	// planned_other_mvnd: phase "planned", source "other"
	// spent_local_mvnd: phase "spent", source "local"
	// [invest_central invest_local recurrent_central recurrent_local]
	// 109045
}
