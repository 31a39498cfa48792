package periods_test

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/periods"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// show prints the rows of f that keep accepts, in the named columns, as an
// aligned table with texts cut at 28 characters.
func show(f *frame.Frame, err error, keep func(frame.Row) bool, cols ...string) {
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Release()
	kept := f.Filter(keep)
	defer kept.Release()
	t, err := kept.Select(cols...)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer t.Release()
	fmt.Print(t.Text(frame.TextOptions{MaxWidth: 28}))
}

// The 2023 results of Sóc Trăng's digital-transformation plan against the
// targets set for 2023, with the source line of each figure.
func ExampleCompare() {
	in := datasets.MustLoad("vn-dx-indicators")
	defer in.Release()
	c, err := periods.Compare(in)
	show(c, err, func(r frame.Row) bool { return !r.IsNull("met") },
		"indicator", "level", "year", "target_comparator", "target_value", "target_line",
		"actual_value", "actual_line", "gap", "status")
	// Output:
	// indicator                     level     year  target_comparator  target_value  target_line  actual_value  actual_line     gap  status
	// ----------------------------  --------  ----  -----------------  ------------  -----------  ------------  -----------  ------  -------
	// e_documents_exchanged         province  2023  =                           100          156            89          155     -11  not_met
	// e_documents_exchanged         district  2023  =                            90          156            88          155      -2  not_met
	// online_services_full_process  all       2023  =                            70           57         58,68           57  -11,32  not_met
	// online_application_share      all       2023  >=                           50           85         35,32           83  -14,68  not_met
	// one_stop_records_synced       all       2023  =                           100           91         52,33           89  -47,67  not_met
	// public_service_satisfaction   all       2023  >=                           90           93         92,27           91    2,27  met
	// eid_authenticated_users       all       2023  =                            20          103             1          103     -19  not_met
	// e_documents_exchanged         commune   2023  =                            70          158            83          156      13  met
	// businesses_using_e_contracts  all       2023  >                            90          258            60          256     -30  not_met
	// payment_account_15plus        all       2023  =                            30          278         88,11          276   58,11  met
}

// A baseline linked to a later figure: the share of agencies with a LAN
// (about 90% in 2010, 100% in 2023), the computers per civil servant
// (about 69% in 2010, 90% targeted for 2015) and the share of procedures
// online at level 2 (all of them in 2010, all targeted for 2012 and 2015).
func ExampleCompare_baseline() {
	in := datasets.MustLoad("vn-dx-indicators")
	defer in.Release()
	c, err := periods.Compare(in)
	show(c, err, func(r frame.Row) bool { return !r.IsNull("baseline_value") && !r.IsNull("year") },
		"indicator", "baseline_year", "baseline_value", "baseline_approximate", "year",
		"target_value", "actual_value", "change", "cagr_percent", "target_cagr_percent")
	// Output:
	// indicator                     baseline_year  baseline_value  baseline_approximate  year  target_value  actual_value  change  cagr_percent  target_cagr_percent
	// ----------------------------  -------------  --------------  --------------------  ----  ------------  ------------  ------  ------------  -------------------
	// agencies_with_lan                      2010              90  có                    2023                         100      10      0,813759
	// computers_per_civil_servant            2010              69  có                    2015            90                                                 5,457794
	// procedures_online_level2_sh…           2010             100  không                 2012           100                                                        0
	// procedures_online_level2_sh…           2010             100  không                 2015           100                                                        0
}

// The figures of one indicator in year order, ready for a line chart of the
// result against its targets.
func ExampleSeries() {
	in := datasets.MustLoad("vn-dx-indicators")
	defer in.Release()
	s, err := periods.Series(in, "online_services_full_process", "Sóc Trăng")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Release()
	t, _ := s.Select("year", "kind", "comparator", "value", "unit", "source_line", "restated")
	defer t.Release()
	fmt.Print(t)
	// Output:
	// year  kind    comparator  value  unit     source_line  restated
	// ----  ------  ----------  -----  -------  -----------  --------
	// 2023  target  =              70  percent           57  không
	// 2023  actual  =           58,68  percent           57  không
	// 2024  target  =              70  percent         1980  không
}

// A target stated as a level to reach ("= 30%") is met by any result at or
// above it; a result that is only a bound may leave the answer open.
func ExampleMet() {
	show := func(actual, target periods.Figure) {
		met, known := periods.Met(actual, target)
		fmt.Printf("%s%v against %s%v: met %v, known %v\n", actual.Comparator, actual.Value,
			target.Comparator, target.Value, met, known)
	}
	show(periods.Figure{Value: 88.11, Comparator: "="}, periods.Figure{Value: 30, Comparator: "="})
	show(periods.Figure{Value: 60, Comparator: "="}, periods.Figure{Value: 90, Comparator: ">"})
	show(periods.Figure{Value: 90, Comparator: ">"}, periods.Figure{Value: 90, Comparator: ">="})
	show(periods.Figure{Value: 50, Comparator: ">"}, periods.Figure{Value: 70, Comparator: "="})
	// Output:
	// =88.11 against =30: met true, known true
	// =60 against >90: met false, known true
	// >90 against >=90: met true, known true
	// >50 against =70: met false, known false
}

// Computers per civil servant: about 69% in 2010, 90% targeted for 2015.
func ExampleCAGR() {
	r := periods.CAGR(69, 2010, 90, 2015)
	fmt.Printf("%.2f%% a year\n", 100*r)
	fmt.Println(periods.CAGR(90, 2023, 100, 2023)) // no span: null
	// Output:
	// 5.46% a year
	// NaN
}

// The targets against the latest earlier figure — the 2015 target of the
// 2010 plan against its 2010 baseline, the 2024 targets of the draft plan
// against the 2023 results it reports: what is already reached and what is
// still to go.
func ExampleOutlook() {
	in := datasets.MustLoad("vn-dx-indicators")
	defer in.Release()
	o, err := periods.Outlook(in)
	show(o, err, func(r frame.Row) bool { return !r.IsNull("last_actual_value") },
		"indicator", "level", "last_actual_value", "target_comparator", "target_value", "to_go", "status")
	// Output:
	// indicator                     level     last_actual_value  target_comparator  target_value  to_go  status
	// ----------------------------  --------  -----------------  -----------------  ------------  -----  -------
	// computers_per_civil_servant   all                      69  =                            90     21  to_go
	// procedures_online_level2_sh…  all                     100  =                           100      0  reached
	// procedures_online_level2_sh…  all                     100  =                           100      0  reached
	// e_documents_exchanged         province                 89  =                           100     11  to_go
	// e_documents_exchanged         district                 88  =                            90      2  to_go
	// online_services_full_process  all                   58,68  =                            70  11,32  to_go
	// online_application_share      all                   35,32  >=                           50  14,68  to_go
	// one_stop_records_synced       all                   52,33  =                           100  47,67  to_go
	// public_service_satisfaction   all                   92,27  >=                           90  -2,27  reached
	// eid_authenticated_users       all                       1  =                            20     19  to_go
	// e_documents_exchanged         commune                  83  =                            70    -13  reached
	// datacenter_monitored          all                     100  =                           100      0  reached
	// computers_with_antimalware    all                      90  >=                           90      0  reached
	// ecommerce_retail_share        all                       5  =                             8      3  to_go
	// businesses_using_e_contracts  all                      60  >                            70     10  to_go
	// digital_economy_grdp_share    all                    7,41  =                            10   2,59  to_go
	// fibre_household_coverage      all                      80  =                            80      0  reached
	// payment_account_15plus        all                   88,11  =                            80  -8,11  reached
}

// Each target against the results of its year or later: the targets of the
// 2010 plan for 2012-2015 checked against the 2023 results of the 2024
// draft, and the 2023 targets against the results of 2023.
func ExampleAttainment() {
	in := datasets.MustLoad("vn-dx-indicators")
	defer in.Release()
	a, err := periods.Attainment(in)
	show(a, err, func(r frame.Row) bool { return !r.IsNull("actual_year") },
		"indicator", "level", "year", "target_comparator", "target_value", "target_line",
		"actual_year", "actual_value", "actual_line", "years_late", "gap", "status")
	// Output:
	// indicator                     level     year  target_comparator  target_value  target_line  actual_year  actual_value  actual_line  years_late     gap  status
	// ----------------------------  --------  ----  -----------------  ------------  -----------  -----------  ------------  -----------  ----------  ------  -----------
	// main_portals                  all       2011  =                             1           91         2023             1         1202          12       0  met_later
	// component_portals             all       2011  =                            28           91         2023            31         1202          12       3  met_later
	// special_network_agencies      all       2011  =                           100          245         2023           100          890          12       0  met_later
	// special_network_agencies      all       2015  =                            90          161         2023           100          890           8      10  met_later
	// e_documents_exchanged         all       2015  =                            70          169         2023            87          154           8      17  met_later
	// e_documents_exchanged         province  2012  >                            30          595         2023            89          155          11      59  met_later
	// e_documents_exchanged         province  2013  >                            60          611         2023            89          155          10      29  met_later
	// e_documents_exchanged         province  2014  >                            70          625         2023            89          155           9      19  met_later
	// e_documents_exchanged         province  2023  =                           100          156         2023            89          155           0     -11  not_met
	// e_documents_exchanged         district  2012  >                            15          595         2023            88          155          11      73  met_later
	// e_documents_exchanged         district  2013  >                            30          611         2023            88          155          10      58  met_later
	// e_documents_exchanged         district  2014  >                            50          625         2023            88          155           9      38  met_later
	// e_documents_exchanged         district  2023  =                            90          156         2023            88          155           0      -2  not_met
	// online_services_full_process  all       2023  =                            70           57         2023         58,68           57           0  -11,32  not_met
	// online_application_share      all       2023  >=                           50           85         2023         35,32           83           0  -14,68  not_met
	// one_stop_records_synced       all       2023  =                           100           91         2023         52,33           89           0  -47,67  not_met
	// public_service_satisfaction   all       2023  >=                           90           93         2023         92,27           91           0    2,27  met_on_time
	// eid_authenticated_users       all       2023  =                            20          103         2023             1          103           0     -19  not_met
	// e_documents_exchanged         commune   2023  =                            70          158         2023            83          156           0      13  met_on_time
	// businesses_using_e_contracts  all       2023  >                            90          258         2023            60          256           0     -30  not_met
	// payment_account_15plus        all       2023  =                            30          278         2023         88,11          276           0   58,11  met_on_time
}
