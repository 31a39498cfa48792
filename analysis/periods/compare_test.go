package periods

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

// inputFields are the columns of a small hand-made input.
var inputFields = []frame.FieldSpec{
	{Name: "province", Kind: frame.String},
	{Name: "indicator", Kind: frame.String},
	{Name: "level", Kind: frame.String},
	{Name: "year", Kind: frame.Int64},
	{Name: "kind", Kind: frame.String},
	{Name: "value", Kind: frame.Float64},
	{Name: "unit", Kind: frame.String},
	{Name: "comparator", Kind: frame.String},
	{Name: "source_file", Kind: frame.String},
	{Name: "source_line", Kind: frame.Int64},
	{Name: "value_upper", Kind: frame.Float64},
	{Name: "approximate", Kind: frame.Bool},
}

// input builds a Frame of inputFields with mem; rows give the first ten
// columns (value_upper and approximate null unless given).
func input(t *testing.T, mem memory.Allocator, rows [][]any) *frame.Frame {
	t.Helper()
	padded := make([][]any, len(rows))
	for i, r := range rows {
		for len(r) < len(inputFields) {
			r = append(r, nil)
		}
		padded[i] = r
	}
	return frametest.Build(t, mem, map[string]string{frame.MetaDataset: "test"}, inputFields, padded...)
}

// rowOf finds the row of indicator × level × year (year 0: the row without
// year) and fails the test if there is not exactly one.
func rowOf(t *testing.T, f *frame.Frame, indicator, level string, year int64) frame.Row {
	t.Helper()
	var found []frame.Row
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		y := int64(0)
		if !r.IsNull("year") {
			y = r.Int64("year")
		}
		if r.String("indicator") == indicator && r.String("level") == level && y == year {
			found = append(found, r)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d rows for %s/%s/%d, want 1", len(found), indicator, level, year)
	}
	return found[0]
}

// want is a cell expected in a row: a float64 (NaN: null), int, string,
// bool, or nil for null.
type want map[string]any

func check(t *testing.T, r frame.Row, w want) {
	t.Helper()
	for col, v := range w {
		switch v := v.(type) {
		case nil:
			if !r.IsNull(col) {
				t.Errorf("row %d %s = %v, want null", r.Index(), col, r.Value(col))
			}
		case float64:
			got := r.Float64(col)
			if math.IsNaN(v) {
				if !r.IsNull(col) {
					t.Errorf("row %d %s = %v, want null", r.Index(), col, got)
				}
			} else if r.IsNull(col) || !near(got, v) {
				t.Errorf("row %d %s = %v, want %v", r.Index(), col, r.Value(col), v)
			}
		case int:
			if r.IsNull(col) || r.Int64(col) != int64(v) {
				t.Errorf("row %d %s = %v, want %d", r.Index(), col, r.Value(col), v)
			}
		case string:
			if r.IsNull(col) || r.String(col) != v {
				t.Errorf("row %d %s = %v, want %q", r.Index(), col, r.Value(col), v)
			}
		case bool:
			if r.IsNull(col) || r.Value(col) != v {
				t.Errorf("row %d %s = %v, want %v", r.Index(), col, r.Value(col), v)
			}
		default:
			t.Fatalf("bad want %T", v)
		}
	}
}

const (
	plan2010 = "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"
	draft24  = "soctrang-2024-dx-plan-draft-with-2023-results.txt"
)

// onIndicators applies fn to dataset vn-dx-indicators; both frames are
// released when the test ends.
func onIndicators(t *testing.T, fn func(*frame.Frame) (*frame.Frame, error)) *frame.Frame {
	t.Helper()
	in, err := datasets.Load("vn-dx-indicators")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(in.Release)
	out, err := fn(in)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(out.Release)
	return out
}

// statusCount counts the rows of each status.
func statusCount(f *frame.Frame) map[string]int {
	count := map[string]int{}
	for _, s := range f.Col("status").Strings() {
		count[s]++
	}
	return count
}

// TestCompareIndicators checks Compare on vn-dx-indicators against figures
// read from the golden CSV (datasets/testdata/vn-dx-indicators.csv) and
// worked out by hand.
func TestCompareIndicators(t *testing.T) {
	c := onIndicators(t, Compare)

	// 324 figures: 17 baselines (no key has two at one level), and 280
	// distinct key × level × year pairs with a target or an actual (5
	// figures restate another of their pair); 3 of the
	// baselines are used by such pairs (agencies_with_lan 2023,
	// computers_per_civil_servant 2015, procedures_online_level2_share 2012
	// and 2015), so 14 stay alone: 280 + 14 = 294 rows.
	if c.NumRows() != 294 {
		t.Errorf("%d rows, want 294", c.NumRows())
	}
	// 10 key × year pairs have both a target and an actual (all in 2023);
	// by hand: met 92,27 ≥ 90, 83 ≥ 70, 88,11 ≥ 30; not met 58,68 < 70,
	// 35,32 < 50, 52,33 < 100, 1 < 20, 89 < 100, 88 < 90, 60 ≤ 90.
	// 180 pairs have only an actual, 90 only a target (the 98 units of
	// Kế hoạch 65 for 2025, line 220 of the draft, a target).
	count := statusCount(c)
	wantCount := map[Status]int{StatusMet: 3, StatusNotMet: 7, StatusActualOnly: 180, StatusTargetOnly: 90, StatusBaselineOnly: 14}
	if fmt.Sprint(count) != fmt.Sprint(wantCount) {
		t.Errorf("statuses %v, want %v", count, wantCount)
	}

	// LAN in agencies: about 90% in 2010 (line 61), 100% in 2023 (line 188,
	// restated on line 896). change 100 − 90 = 10 points; relative
	// 10/90 = 11,11%; CAGR (100/90)^(1/13) − 1 = 0,8138% a year.
	check(t, rowOf(t, c, "agencies_with_lan", "all", 2023), want{
		"baseline_year": 2010, "baseline_value": 90.0, "baseline_approximate": true,
		"baseline_file": plan2010, "baseline_line": 61,
		"target_value": nan, "target_line": nil, "target_comparator": nil,
		"actual_value": 100.0, "actual_approximate": false, "actual_file": draft24, "actual_line": 188,
		"actual_restated": "line 896: 100", "restated_differ": false,
		"change": 10.0, "change_percent": 100 * 10.0 / 90, "cagr_percent": 0.813758667370923,
		"target_cagr_percent": nan, "gap": nan, "met": nil, "status": string(StatusActualOnly),
		"unit": "percent", "label_vi": "Tỷ lệ cơ quan có mạng nội bộ (LAN)",
	})
	// Computers per civil servant: about 69% in 2010 (line 65), target 90%
	// for 2015 (line 191), no result: the target required
	// (90/69)^(1/5) − 1 = 5,4578% a year.
	check(t, rowOf(t, c, "computers_per_civil_servant", "all", 2015), want{
		"baseline_year": 2010, "baseline_value": 69.0, "baseline_approximate": true, "baseline_line": 65,
		"target_value": 90.0, "target_comparator": "=", "target_line": 191, "target_file": plan2010,
		"actual_value": nan, "change": nan, "cagr_percent": nan, "gap": nan,
		"target_cagr_percent": 5.457794330579446, "met": nil, "status": string(StatusTargetOnly),
	})
	// Fully online services 2023: 58,68% (line 57) against a target of 70%
	// (same line): gap 58,68 − 70 = −11,32, not met; no baseline.
	check(t, rowOf(t, c, "online_services_full_process", "all", 2023), want{
		"baseline_year": nil, "baseline_value": nan, "target_value": 70.0, "target_line": 57,
		"actual_value": 58.68, "actual_line": 57, "gap": -11.32, "change": nan,
		"met": false, "status": string(StatusNotMet),
	})
	// and its 2024 target (line 1980) is a row of its own.
	check(t, rowOf(t, c, "online_services_full_process", "all", 2024), want{
		"target_value": 70.0, "target_line": 1980, "actual_value": nan, "met": nil, "status": string(StatusTargetOnly),
	})
	// Online applications: 35,32% (line 83) against at least 50% (line 85):
	// gap −14,68, not met.
	check(t, rowOf(t, c, "online_application_share", "all", 2023), want{
		"target_comparator": ">=", "target_line": 85, "actual_line": 83, "gap": 35.32 - 50, "met": false,
	})
	// Satisfaction: 92,27% (line 91) against at least 90% (line 93): met, gap 2,27.
	check(t, rowOf(t, c, "public_service_satisfaction", "all", 2023), want{
		"gap": 92.27 - 90, "met": true, "status": string(StatusMet),
	})
	// Adults with a payment account: 88,11% (line 276) against "= 30%"
	// (line 278), read as a level to reach: met, gap 58,11.
	check(t, rowOf(t, c, "payment_account_15plus", "all", 2023), want{
		"target_comparator": "=", "gap": 88.11 - 30, "met": true, "status": string(StatusMet),
	})
	// Businesses with e-contracts: 60% (line 256) against "trên 90%" (line
	// 258): gap −30, not met.
	check(t, rowOf(t, c, "businesses_using_e_contracts", "all", 2023), want{
		"target_comparator": ">", "gap": -30.0, "met": false, "status": string(StatusNotMet),
	})
	// E-documents by level, 2023 (lines 155-158): province 89 vs 100,
	// district 88 vs 90 not met; commune 83 vs 70 met.
	check(t, rowOf(t, c, "e_documents_exchanged", "province", 2023), want{"gap": -11.0, "met": false})
	check(t, rowOf(t, c, "e_documents_exchanged", "district", 2023), want{"gap": -2.0, "met": false})
	check(t, rowOf(t, c, "e_documents_exchanged", "commune", 2023), want{"gap": 13.0, "met": true, "target_line": 158, "actual_line": 156})
	// The 2015 target (line 169) and the 2023 result (line 154) of the
	// whole province are of different years: two rows, not a pair.
	check(t, rowOf(t, c, "e_documents_exchanged", "all", 2015), want{"target_value": 70.0, "actual_value": nan, "status": string(StatusTargetOnly)})
	check(t, rowOf(t, c, "e_documents_exchanged", "all", 2023), want{"actual_value": 87.0, "target_value": nan, "status": string(StatusActualOnly)})
	// Co.opmart cashless share: 14,4% (line 244), restated as about 18%
	// (line 401): the first is used, the second listed and flagged.
	check(t, rowOf(t, c, "cashless_share_coopmart", "all", 2023), want{
		"actual_value": 14.4, "actual_line": 244, "actual_restated": "line 401: ~18", "restated_differ": true,
	})
	// E-commerce share of retail 2023: "khoảng 5%-6%" (line 232), a range.
	check(t, rowOf(t, c, "ecommerce_retail_share", "all", 2023), want{
		"actual_value": 5.0, "actual_upper": 6.0, "actual_comparator": ">=", "actual_approximate": true,
	})
	// Security levels 2024: stated twice with the same 100% (lines 2057, 2335).
	check(t, rowOf(t, c, "info_systems_security_level_approved", "all", 2024), want{
		"target_line": 2057, "target_restated": "line 2335: 100", "restated_differ": false,
	})
	// A baseline nothing follows: "hơn 90%" of staff computer-literate in 2010 (line 103).
	check(t, rowOf(t, c, "staff_computer_literate", "all", 0), want{
		"year": nil, "baseline_year": 2010, "baseline_value": 90.0, "baseline_comparator": ">",
		"baseline_line": 103, "status": string(StatusBaselineOnly), "met": nil,
	})

	if c.Meta(frame.MetaDataset) != "vn-dx-indicators" || c.Meta("derived_from") != "vn-dx-indicators" || c.Meta("method") == "" {
		t.Errorf("metadata %v", c.Metadata())
	}
	for _, s := range c.Fields() {
		if s.LabelVI == "" {
			t.Errorf("column %s has no Vietnamese label", s.Name)
		}
	}
}

// TestCompareEdges runs Compare on small inputs built by hand.
func TestCompareEdges(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)

	type rowWant struct {
		indicator string
		year      int64
		w         want
	}
	for _, tc := range []struct {
		name  string
		rows  [][]any
		nrows int
		want  []rowWant
	}{
		{
			name: "missing baseline",
			rows: [][]any{
				{"P", "x", "all", 2023, "actual", 40.0, "percent", "=", "f", 10},
				{"P", "x", "all", 2023, "target", 50.0, "percent", ">=", "f", 11},
			},
			nrows: 1,
			want: []rowWant{{"x", 2023, want{"baseline_year": nil, "baseline_value": nan, "change": nan,
				"change_percent": nan, "cagr_percent": nan, "gap": -10.0, "met": false, "status": string(StatusNotMet)}}},
		},
		{
			name: "zero baseline",
			rows: [][]any{
				{"P", "x", "all", 2010, "baseline", 0.0, "count", "=", "f", 1},
				{"P", "x", "all", 2015, "actual", 8.0, "count", "=", "f", 2},
			},
			nrows: 1,
			// change 8 − 0 = 8; relative change and CAGR need a baseline > 0
			want: []rowWant{{"x", 2015, want{"baseline_value": 0.0, "change": 8.0, "change_percent": nan,
				"cagr_percent": nan, "met": nil, "status": string(StatusActualOnly)}}},
		},
		{
			name: "equal years",
			rows: [][]any{
				{"P", "x", "all", 2023, "baseline", 50.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2023, "actual", 60.0, "percent", "=", "f", 2},
				{"P", "x", "all", 2023, "target", 55.0, "percent", ">", "f", 3},
			},
			nrows: 1,
			// change 10, relative 10/50 = 20%; no span for a CAGR; 60 > 55 met
			want: []rowWant{{"x", 2023, want{"baseline_year": 2023, "change": 10.0, "change_percent": 20.0,
				"cagr_percent": nan, "target_cagr_percent": nan, "gap": 5.0, "met": true, "status": string(StatusMet)}}},
		},
		{
			name: "null value is no zero",
			rows: [][]any{
				{"P", "x", "all", 2010, "baseline", 20.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2015, "actual", nil, "percent", "=", "f", 2},
				{"P", "x", "all", 2015, "target", 30.0, "percent", "=", "f", 3},
			},
			nrows: 1,
			want: []rowWant{{"x", 2015, want{"actual_value": nan, "actual_line": 2, "change": nan,
				"cagr_percent": nan, "gap": nan, "met": nil, "status": string(StatusUndetermined),
				"target_cagr_percent": 100 * (math.Pow(1.5, 0.2) - 1)}}}, // (30/20)^(1/5) − 1 = 8,4472%
		},
		{
			name: "several targets and baselines",
			rows: [][]any{
				{"P", "x", "all", 2010, "baseline", 10.0, "percent", "=", "f", 1},
				{"P", "x", "all", 2012, "baseline", 20.0, "percent", "=", "f", 2},
				{"P", "x", "all", 2015, "target", 80.0, "percent", "=", "f", 3},
				{"P", "x", "all", 2023, "target", 90.0, "percent", ">=", "g", 4},
				{"P", "x", "all", 2023, "actual", 95.0, "percent", "=", "g", 5},
				{"P", "x", "all", 2011, "target", 15.0, "percent", "=", "f", 6},
				{"P", "x", "all", 2009, "baseline", 5.0, "percent", "=", "f", 7},
			},
			// 2011 takes the 2010 baseline, 2015 and 2023 the 2012 one; 2009 is left alone
			nrows: 4,
			want: []rowWant{
				{"x", 0, want{"baseline_year": 2009, "baseline_value": 5.0, "status": string(StatusBaselineOnly)}},
				{"x", 2011, want{"baseline_year": 2010, "target_value": 15.0, "target_cagr_percent": 50.0}}, // 15/10 − 1
				{"x", 2015, want{"baseline_year": 2012, "target_value": 80.0, "target_line": 3, "status": string(StatusTargetOnly),
					"target_cagr_percent": 100 * (math.Cbrt(4) - 1)}}, // (80/20)^(1/3) − 1 = 58,74%
				{"x", 2023, want{"baseline_year": 2012, "target_value": 90.0, "actual_value": 95.0, "target_file": "g",
					"change": 75.0, "change_percent": 375.0, // (95 − 20)/20
					"cagr_percent": 100 * (math.Pow(95.0/20, 1.0/11) - 1), "gap": 5.0, "met": true}},
			},
		},
		{
			name: "restated with another value",
			rows: [][]any{
				{"P", "x", "all", 2023, "actual", 14.4, "percent", "=", "f", 244},
				{"P", "x", "all", 2023, "actual", 18.0, "percent", "=", "f", 401, nil, true},
				{"P", "x", "all", 2023, "actual", 14.4, "percent", ">", "g", 9},
			},
			nrows: 1,
			want: []rowWant{{"x", 2023, want{"actual_value": 14.4, "actual_line": 244,
				"actual_restated": "line 401: ~18; g:line 9: > 14.4", "restated_differ": true}}},
		},
		{
			name: "levels and provinces do not link",
			rows: [][]any{
				{"P", "x", "all", 2010, "baseline", 10.0, "percent", "=", "f", 1},
				{"P", "x", "province", 2023, "actual", 20.0, "percent", "=", "f", 2},
				{"Q", "x", "all", 2023, "actual", 30.0, "percent", "=", "f", 3},
			},
			nrows: 3,
		},
		{
			name:  "empty input",
			nrows: 0,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := input(t, mem, tc.rows)
			defer in.Release()
			c, err := Compare(in)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Release()
			if c.NumRows() != tc.nrows {
				t.Fatalf("%d rows, want %d\n%s", c.NumRows(), tc.nrows, c)
			}
			if len(c.Fields()) != len(compareFields()) {
				t.Errorf("%d columns, want %d", len(c.Fields()), len(compareFields()))
			}
			for _, rw := range tc.want {
				check(t, rowOf(t, c, rw.indicator, "all", rw.year), rw.w)
			}
		})
	}
}

func TestCompareRowOrder(t *testing.T) {
	in := input(t, nil, [][]any{
		{"P", "b", "all", 2023, "actual", 1.0, "count", "=", "f", 1},
		{"P", "a", "all", 2024, "target", 1.0, "count", "=", "f", 2},
		{"P", "b", "all", 2015, "target", 1.0, "count", "=", "f", 3},
		{"P", "a", "all", 2010, "baseline", 1.0, "count", "=", "f", 4},
		{"P", "b", "all", 2016, "baseline", 1.0, "count", "=", "f", 5},
	})
	defer in.Release()
	c, err := Compare(in)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	// keys by first appearance (b, a), then year; b's 2016 baseline serves 2023
	var got []string
	for i := 0; i < c.NumRows(); i++ {
		r := c.Row(i)
		got = append(got, r.String("indicator")+r.String("year"))
	}
	if w := "b2015 b2023 a2024"; strings.Join(got, " ") != w {
		t.Errorf("order %v, want %s", got, w)
	}
}

func TestCompareErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]any
		msg  string
	}{
		{"unknown kind", [][]any{{"P", "x", "all", 2010, "plan", 1.0, "count", "=", "f", 7}}, `row 1 (f:7): kind "plan"`},
		{"null kind", [][]any{{"P", "x", "all", 2010, nil, 1.0, "count", "=", "f", 7}}, "kind is null"},
		{"null year", [][]any{{"P", "x", "all", nil, "actual", 1.0, "count", "=", "f", 7}}, "year is null"},
		{"unknown comparator", [][]any{{"P", "x", "all", 2010, "actual", 1.0, "count", "≈", "f", 7}}, `comparator "≈"`},
		{"null indicator", [][]any{{"P", nil, "all", 2010, "actual", 1.0, "count", "=", "f", 7}}, "indicator is null"},
		{"two units", [][]any{
			{"P", "x", "all", 2010, "baseline", 1.0, "count", "=", "f", 7},
			{"P", "x", "all", 2023, "actual", 1.0, "percent", "=", "f", 8},
		}, `in "percent" here and in "count" before`},
		{"all problems at once", [][]any{
			{"P", "x", "all", nil, "actual", 1.0, "count", "=", "f", 7},
			{"P", "x", "all", 2010, "plan", 1.0, "count", "=", "f", 8},
		}, "row 1 (f:7): year is null\nperiods: input: row 2 (f:8): kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := input(t, nil, tc.rows)
			defer in.Release()
			_, err := Compare(in)
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
		if _, err := Compare(f); !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), `no column "province"`) {
			t.Errorf("error %v", err)
		}
	})
	t.Run("wrong column kind", func(t *testing.T) {
		specs := append([]frame.FieldSpec(nil), inputFields...)
		specs[5] = frame.FieldSpec{Name: "value", Kind: frame.String}
		f, err := frame.FromRows(nil, specs, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Release()
		if _, err := Compare(f); !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), `column "value" is string`) {
			t.Errorf("error %v", err)
		}
	})
	t.Run("nil frame", func(t *testing.T) {
		if _, err := Compare(nil); !errors.Is(err, ErrInput) {
			t.Errorf("error %v", err)
		}
	})
}

// TestCompareMinimalColumns: only the required columns; comparator "=" and
// no provenance.
func TestCompareMinimalColumns(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String},
		{Name: "indicator", Kind: frame.String},
		{Name: "year", Kind: frame.Float64},
		{Name: "kind", Kind: frame.String},
		{Name: "value", Kind: frame.Int64},
	}, [][]any{
		{"P", "x", 2020.0, "baseline", 100},
		{"P", "x", 2022.0, "actual", 121},
		{"P", "x", 2022.0, "target", 120},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	c, err := Compare(f)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	if c.NumRows() != 1 {
		t.Fatalf("%d rows", c.NumRows())
	}
	// (121/100)^(1/2) − 1 = 10%; 121 ≥ 120 met
	check(t, c.Row(0), want{"level": nil, "unit": nil, "cagr_percent": 10.0, "met": true,
		"target_comparator": "=", "actual_line": nil, "actual_file": nil, "actual_approximate": nil})
}
