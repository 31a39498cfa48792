package periods

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/frame"
)

// TestAttainmentIndicators checks Attainment on vn-dx-indicators against
// figures read from the golden CSV (datasets/testdata/vn-dx-indicators.csv).
func TestAttainmentIndicators(t *testing.T) {
	a := onIndicators(t, Attainment)
	// 100 key × year pairs with a target (as Outlook). 21 have a result of
	// their year or later, each a single result (all of 2023):
	//   met on time, 2023 against 2023: 92,27 ≥ 90, 83 ≥ 70, 88,11 ≥ 30;
	//   not met, 2023 against 2023: 89 < 100, 88 < 90, 58,68 < 70,
	//     35,32 < 50, 52,33 < 100, 1 < 20, 60 ≤ 90 (Compare's 3 + 7);
	//   met later, 2023 against an earlier target: e-documents of the whole
	//     province 87 ≥ 70 (2015), of the province level 89 > 30, 60, 70
	//     (2012, 2013, 2014), of the district level 88 > 15, 30, 50 (2012,
	//     2013, 2014), agencies on the special network 100 ≥ 90 (2015)
	//     and 100 ≥ all (2011, line 245 of the 2010 plan), component
	//     portals 31 ≥ the 28 planned for 2011 (line 91) and the main
	//     portal 01 ≥ the 01 planned (line 91; line 1202 of the draft).
	// The other 100 − 21 = 79 have no result of their year or later (the
	// 98 units of Kế hoạch 65 to support onto e-commerce platforms by 2025,
	// line 220 of the draft, among them).
	if a.NumRows() != 100 {
		t.Errorf("%d rows, want 100", a.NumRows())
	}
	count := statusCount(a)
	wantCount := map[Status]int{StatusMetOnTime: 3, StatusNotMet: 7, StatusMetLater: 11, StatusNoResult: 79}
	if fmt.Sprint(count) != fmt.Sprint(wantCount) {
		t.Errorf("statuses %v, want %v", count, wantCount)
	}
	// E-documents exchanged electronically, whole province: 70% targeted for
	// 2015 (line 169 of the 2010 plan), 87% reported for 2023 (line 154 of
	// the 2024 draft): met, 2023 − 2015 = 8 years late, gap 87 − 70 = 17.
	check(t, rowOf(t, a, "e_documents_exchanged", "all", 2015), want{
		"target_value": 70.0, "target_comparator": "=", "target_file": plan2010, "target_line": 169,
		"actual_year": 2023, "actual_value": 87.0, "actual_file": draft24, "actual_line": 154,
		"years_late": 8, "gap": 17.0, "met": true, "status": string(StatusMetLater), "results": 1,
	})
	// Province level: "trên 30%" for 2012 (line 595) and "trên 70%" for 2014
	// (line 625) against 89% in 2023 (line 155): 89 > 30 and 89 > 70, 11 and
	// 9 years late, gaps 59 and 19.
	check(t, rowOf(t, a, "e_documents_exchanged", "province", 2012), want{
		"target_comparator": ">", "target_value": 30.0, "target_line": 595, "actual_line": 155,
		"years_late": 11, "gap": 59.0, "met": true, "status": string(StatusMetLater),
	})
	check(t, rowOf(t, a, "e_documents_exchanged", "province", 2014), want{
		"target_value": 70.0, "target_line": 625, "years_late": 9, "gap": 19.0, "status": string(StatusMetLater),
	})
	// Its 2023 target of 100% (line 156): 89% the same year, not met, gap −11.
	check(t, rowOf(t, a, "e_documents_exchanged", "province", 2023), want{
		"target_line": 156, "actual_year": 2023, "actual_value": 89.0, "years_late": 0, "gap": -11.0,
		"met": false, "status": string(StatusNotMet), "results": 1,
	})
	// and its 2024 target (line 2025): no result of 2024 or later.
	check(t, rowOf(t, a, "e_documents_exchanged", "province", 2024), want{
		"target_line": 2025, "actual_year": nil, "actual_value": nan, "actual_line": nil,
		"years_late": nil, "gap": nan, "met": nil, "status": string(StatusNoResult), "results": 0,
	})
	// Commune level 2023: 83% (line 156) against 70% (line 158): met on time, gap 13.
	check(t, rowOf(t, a, "e_documents_exchanged", "commune", 2023), want{
		"target_line": 158, "actual_line": 156, "years_late": 0, "gap": 13.0, "met": true, "status": string(StatusMetOnTime),
	})
	// Agencies on the special data network: 90% for 2015 (line 161), 100%
	// in 2023 (line 890): met 8 years late, gap 10.
	check(t, rowOf(t, a, "special_network_agencies", "all", 2015), want{
		"target_line": 161, "actual_line": 890, "years_late": 8, "gap": 10.0, "status": string(StatusMetLater),
	})
	// Computers per civil servant: 90% for 2015 (line 191), never reported.
	check(t, rowOf(t, a, "computers_per_civil_servant", "all", 2015), want{
		"target_line": 191, "actual_year": nil, "status": string(StatusNoResult), "met": nil,
	})

	if a.Meta(frame.MetaDataset) != "vn-dx-indicators" || a.Meta("derived_from") != "vn-dx-indicators" || a.Meta("method") == "" {
		t.Errorf("metadata %v", a.Metadata())
	}
	for _, s := range a.Fields() {
		if s.LabelVI == "" {
			t.Errorf("column %s has no Vietnamese label", s.Name)
		}
	}
}

// TestAttainmentEdges runs Attainment on small inputs built by hand; every
// input has the one target of 2015 (or none) of indicator x.
func TestAttainmentEdges(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)

	for _, tc := range []struct {
		name  string
		rows  [][]any
		nrows int
		w     want // the 2015 row of x
	}{
		{
			name: "no later result",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2014, "actual", 80.0, "percent", "=", "f", 2},
				{"P", "x", "all", 2010, "baseline", 20.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			// an earlier result (Outlook's) is not a result of the target
			w: want{"actual_year": nil, "actual_value": nan, "years_late": nil, "gap": nan,
				"met": nil, "status": string(StatusNoResult), "results": 0},
		},
		{
			name: "result of the same year",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", ">=", "f", 1},
				{"P", "x", "all", 2015, "actual", 70.0, "percent", "=", "f", 2},
			},
			nrows: 1,
			// 70 ≥ 70: met, 0 years late, gap 0
			w: want{"actual_year": 2015, "actual_line": 2, "years_late": 0, "gap": 0.0,
				"met": true, "status": string(StatusMetOnTime), "results": 1},
		},
		{
			name: "missed in its year, met later",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2015, "actual", 60.0, "percent", "=", "f", 2},
				{"P", "x", "all", 2018, "actual", 65.0, "percent", "=", "f", 3},
				{"P", "x", "all", 2020, "actual", 75.0, "percent", "=", "f", 4},
				{"P", "x", "all", 2023, "actual", 72.0, "percent", "=", "f", 5},
			},
			nrows: 1,
			// first result ≥ 70 is 75 of 2020: 5 years late, gap 75 − 70 = 5
			w: want{"actual_year": 2020, "actual_value": 75.0, "actual_line": 4, "years_late": 5,
				"gap": 5.0, "met": true, "status": string(StatusMetLater), "results": 4},
		},
		{
			name: "several later results, none meets",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 90.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2016, "actual", 50.0, "percent", "=", "f", 2},
				{"P", "x", "all", 2019, "actual", 80.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			// the latest, 80 of 2019: still 80 − 90 = −10 short 4 years on
			w: want{"actual_year": 2019, "actual_value": 80.0, "years_late": 4, "gap": -10.0,
				"met": false, "status": string(StatusNotMet), "results": 2},
		},
		{
			name: "bound undetermined",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2017, "actual", 50.0, "percent", ">", "f", 2},
			},
			nrows: 1,
			// "> 50" may or may not reach 70; gap from the bound 50 − 70 = −20
			w: want{"actual_year": 2017, "actual_comparator": ">", "years_late": 2, "gap": -20.0,
				"met": nil, "status": string(StatusUndetermined)},
		},
		{
			name: "undetermined before a miss",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2017, "actual", 50.0, "percent", ">", "f", 2},
				{"P", "x", "all", 2019, "actual", 60.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			// the 2017 bound is the earliest year 70 may have been reached
			w: want{"actual_year": 2017, "actual_line": 2, "met": nil, "status": string(StatusUndetermined), "results": 2},
		},
		{
			name: "undetermined before a meet",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2017, "actual", 50.0, "percent", ">", "f", 2},
				{"P", "x", "all", 2019, "actual", 75.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			// 75 ≥ 70 settles it: met by 2019, 4 years late
			w: want{"actual_year": 2019, "years_late": 4, "gap": 5.0, "met": true, "status": string(StatusMetLater)},
		},
		{
			name: "result range across the target",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 8.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2016, "actual", 5.0, "percent", "=", "f", 2, 9.0, true},
			},
			nrows: 1,
			// "khoảng 5-9%" against 8: either answer; gap from the lower end −3
			w: want{"actual_value": 5.0, "actual_upper": 9.0, "actual_approximate": true, "gap": -3.0,
				"met": nil, "status": string(StatusUndetermined)},
		},
		{
			name: "target range reached at its lower end",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 10.0, "percent", "=", "f", 1, 20.0},
				{"P", "x", "all", 2021, "actual", 12.0, "percent", "=", "f", 2},
			},
			nrows: 1,
			// 12 ≥ 10: met 6 years late, gap 2
			w: want{"target_upper": 20.0, "years_late": 6, "gap": 2.0, "met": true, "status": string(StatusMetLater)},
		},
		{
			name: "at most target",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 5.0, "percent", "<=", "f", 1},
				{"P", "x", "all", 2015, "actual", 7.0, "percent", "=", "f", 2},
				{"P", "x", "all", 2020, "actual", 3.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			// 7 > 5 misses, 3 ≤ 5 meets: 5 years late, gap 3 − 5 = −2
			w: want{"actual_year": 2020, "years_late": 5, "gap": -2.0, "met": true, "status": string(StatusMetLater)},
		},
		{
			name: "null result is no zero",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2016, "actual", nil, "percent", "=", "f", 2},
			},
			nrows: 1,
			w: want{"actual_year": 2016, "actual_value": nan, "actual_line": 2, "gap": nan,
				"met": nil, "status": string(StatusUndetermined)},
		},
		{
			name: "restated result",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 15.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2023, "actual", 14.4, "percent", "=", "f", 244},
				{"P", "x", "all", 2023, "actual", 18.0, "percent", "=", "f", 401, nil, true},
			},
			nrows: 1,
			// the first statement, 14,4, is used: 14,4 − 15 = −0,6, not met
			w: want{"actual_value": 14.4, "actual_line": 244, "actual_restated": "line 401: ~18",
				"gap": 14.4 - 15, "met": false, "status": string(StatusNotMet), "results": 1},
		},
		{
			name: "levels and provinces do not link",
			rows: [][]any{
				{"P", "x", "all", 2015, "target", 70.0, "percent", "=", "f", 1},
				{"P", "x", "province", 2023, "actual", 90.0, "percent", "=", "f", 2},
				{"Q", "x", "all", 2023, "actual", 90.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			w:     want{"actual_year": nil, "status": string(StatusNoResult)},
		},
		{
			name:  "no target",
			rows:  [][]any{{"P", "x", "all", 2023, "actual", 90.0, "percent", "=", "f", 1}},
			nrows: 0,
		},
		{
			name:  "empty input",
			nrows: 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := input(t, mem, tc.rows)
			defer in.Release()
			a, err := Attainment(in)
			if err != nil {
				t.Fatal(err)
			}
			defer a.Release()
			if a.NumRows() != tc.nrows {
				t.Fatalf("%d rows, want %d\n%s", a.NumRows(), tc.nrows, a)
			}
			if len(a.Fields()) != len(attainmentFields()) {
				t.Errorf("%d columns, want %d", len(a.Fields()), len(attainmentFields()))
			}
			if tc.nrows > 0 {
				check(t, rowOf(t, a, "x", "all", 2015), tc.w)
			}
		})
	}
}

func TestAttainmentRowOrder(t *testing.T) {
	in := input(t, nil, [][]any{
		{"P", "b", "all", 2023, "actual", 1.0, "count", "=", "f", 1},
		{"P", "a", "all", 2024, "target", 1.0, "count", "=", "f", 2},
		{"P", "b", "all", 2015, "target", 1.0, "count", "=", "f", 3},
		{"P", "a", "all", 2012, "target", 1.0, "count", "=", "f", 4},
		{"P", "b", "all", 2012, "target", 1.0, "count", "=", "f", 5},
	})
	defer in.Release()
	a, err := Attainment(in)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	// keys by first appearance (b, a), then target year
	var got []string
	for i := 0; i < a.NumRows(); i++ {
		r := a.Row(i)
		got = append(got, r.String("indicator")+r.String("year")+":"+r.String("status"))
	}
	if w := "b2012:met_later b2015:met_later a2012:no_result a2024:no_result"; strings.Join(got, " ") != w {
		t.Errorf("order %v, want %s", got, w)
	}
}

// TestAttainmentErrors: the input problems of Compare are Attainment's.
func TestAttainmentErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]any
		msg  string
	}{
		{"unknown kind", [][]any{{"P", "x", "all", 2010, "plan", 1.0, "count", "=", "f", 7}}, `row 1 (f:7): kind "plan"`},
		{"null year", [][]any{{"P", "x", "all", nil, "target", 1.0, "count", "=", "f", 7}}, "year is null"},
		{"two units", [][]any{
			{"P", "x", "all", 2010, "target", 1.0, "count", "=", "f", 7},
			{"P", "x", "all", 2023, "actual", 1.0, "percent", "=", "f", 8},
		}, `in "percent" here and in "count" before`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := input(t, nil, tc.rows)
			defer in.Release()
			_, err := Attainment(in)
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %v, want ErrInput with %q", err, tc.msg)
			}
		})
	}
	t.Run("missing column", func(t *testing.T) {
		f, err := frame.FromRows(nil, []frame.FieldSpec{{Name: "indicator", Kind: frame.String}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Release()
		if _, err := Attainment(f); !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), `no column "province"`) {
			t.Errorf("error %v", err)
		}
	})
	t.Run("nil frame", func(t *testing.T) {
		if _, err := Attainment(nil); !errors.Is(err, ErrInput) {
			t.Errorf("error %v", err)
		}
	})
}
