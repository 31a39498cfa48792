package periods

import (
	"fmt"
	"math"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

func TestOutlookIndicators(t *testing.T) {
	o := onIndicators(t, Outlook)
	// 100 key × year pairs with a target (90 without a result of the year,
	// 10 with one). The 15 targets of 2024 whose key has a 2023 result have
	// an earlier figure, and so have the 2015 target of computers per civil
	// servant (the 2010 baseline, 69%) and the 2012 and 2015 targets of
	// procedures online at level 2 (all of them in 2010, line 99 of the
	// 2010 plan); by hand, 8 are already reached (92,27 ≥ 90, 83 ≥ 70,
	// 100 ≥ 100 three times, 90 ≥ 90, 80 ≥ 80, 88,11 ≥ 80) and 10 are not.
	if o.NumRows() != 100 {
		t.Errorf("%d rows, want 100", o.NumRows())
	}
	count := statusCount(o)
	if w := map[Status]int{StatusReached: 8, StatusToGo: 10, StatusNoResult: 82}; fmt.Sprint(count) != fmt.Sprint(w) {
		t.Errorf("statuses %v, want %v", count, w)
	}
	// Digital economy share of GRDP: 7,41% in 2023 (line 260), 10% targeted
	// for 2024 (line 2069): 2,59 points to go, 10/7,41 − 1 = 34,9528% in a year.
	check(t, rowOf(t, o, "digital_economy_grdp_share", "all", 2024), want{
		"target_value": 10.0, "target_line": 2069, "last_actual_year": 2023, "last_actual_value": 7.41,
		"last_actual_line": 260, "to_go": 10 - 7.41, "required_cagr_percent": 100 * (10/7.41 - 1),
		"reached": false, "status": string(StatusToGo),
	})
	// Adults with a payment account: 88,11% in 2023 already above the 80%
	// of 2024 (line 2085): to_go 80 − 88,11 = −8,11.
	check(t, rowOf(t, o, "payment_account_15plus", "all", 2024), want{
		"to_go": 80 - 88.11, "reached": true, "status": string(StatusReached),
	})
	// E-commerce share of retail: "khoảng 5%-6%" in 2023 (line 232) against
	// 8% for 2024: even the upper end falls short; to_go from the lower end 3.
	check(t, rowOf(t, o, "ecommerce_retail_share", "all", 2024), want{
		"last_actual_value": 5.0, "last_actual_upper": 6.0, "last_actual_approximate": true,
		"to_go": 3.0, "required_cagr_percent": 60.0, "reached": false,
	})
	// The 2015 target of computers per civil servant (90%, line 191)
	// against the "khoảng 69%" of 2010 (line 65), a baseline: 21 points to
	// go, (90/69)^(1/5) − 1 = 5,458% a year.
	check(t, rowOf(t, o, "computers_per_civil_servant", "all", 2015), want{
		"last_actual_year": 2010, "last_actual_kind": KindBaseline, "last_actual_value": 69.0, "last_actual_line": 65,
		"to_go": 21.0, "required_cagr_percent": 100 * (math.Pow(90.0/69, 0.2) - 1), "reached": false, "status": string(StatusToGo),
	})
}

func TestOutlookEdges(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	in := input(t, mem, [][]any{
		{"P", "x", "all", 2020, "actual", 40.0, "percent", "=", "f", 1},
		{"P", "x", "all", 2022, "actual", 50.0, "percent", ">", "f", 2},
		{"P", "x", "all", 2022, "target", 45.0, "percent", "=", "f", 3},
		{"P", "x", "all", 2024, "target", 70.0, "percent", "=", "f", 4},
		{"P", "y", "all", 2023, "actual", 0.0, "count", "=", "f", 5},
		{"P", "y", "all", 2023, "target", 5.0, "count", "=", "f", 6},
		{"P", "y", "all", 2025, "target", 5.0, "count", "=", "f", 7},
		{"P", "z", "all", 2010, "baseline", 5.0, "count", "=", "f", 8},
	})
	defer in.Release()
	o, err := Outlook(in)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Release()
	if o.NumRows() != 4 {
		t.Fatalf("%d rows, want 4 (z has no target)", o.NumRows())
	}
	// 2022 target: the 2022 result is of the same year (Compare's pair), so
	// the latest earlier one is 40 of 2020: 45 − 40 = 5 to go,
	// (45/40)^(1/2) − 1 = 6,066%.
	check(t, o.Row(0), want{"year": 2022, "last_actual_year": 2020, "to_go": 5.0,
		"required_cagr_percent": 6.066017177982119, "status": string(StatusToGo)})
	// 2024 target 70 against "> 50" of 2022: undetermined; to go from the bound 20.
	check(t, o.Row(1), want{"year": 2024, "last_actual_year": 2022, "last_actual_comparator": ">",
		"to_go": 20.0, "reached": nil, "status": string(StatusUndetermined)})
	// y: nothing before 2023; for 2025 a result of 0: growth from zero undefined.
	check(t, o.Row(2), want{"year": 2023, "status": string(StatusNoResult), "to_go": nan})
	check(t, o.Row(3), want{"year": 2025, "to_go": 5.0, "required_cagr_percent": nan, "reached": false})
}
