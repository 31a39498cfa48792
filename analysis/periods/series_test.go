package periods

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/datasets"
)

func TestSeriesIndicators(t *testing.T) {
	in, err := datasets.Load("vn-dx-indicators")
	if err != nil {
		t.Fatal(err)
	}
	defer in.Release()

	// Online applications (golden CSV): actual 35,32% in 2023 (line 83),
	// target at least 50% for 2023 (line 85) and for 2024 (line 1986).
	s, err := Series(in, "online_application_share", "Sóc Trăng")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	var got []string
	for i := 0; i < s.NumRows(); i++ {
		r := s.Row(i)
		got = append(got, fmt.Sprintf("%d %s %s%v line %d", r.Int64("year"), r.String("kind"),
			r.String("comparator"), r.Float64("value"), r.Int64("source_line")))
	}
	w := []string{"2023 target >=50 line 85", "2023 actual =35.32 line 83", "2024 target >=50 line 1986"}
	if strings.Join(got, "|") != strings.Join(w, "|") {
		t.Errorf("series\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(w, "\n"))
	}

	// Smart loudspeaker clusters: 224 stated on lines 282, 787 and 940; the
	// last two are restatements.
	s2, err := Series(in, "smart_loudspeaker_clusters", "")
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Release()
	if fmt.Sprint(s2.Col("restated").Bools()) != "[false true true]" ||
		fmt.Sprint(s2.Col("source_line").Int64s()) != "[282 787 940]" {
		t.Errorf("restated %v lines %v", s2.Col("restated").Bools(), s2.Col("source_line").Int64s())
	}

	// e-documents: 2012-2014 targets by level, the 2015 target, 2023 targets
	// then actuals, 2024 targets — 17 figures in year order.
	s3, err := Series(in, "e_documents_exchanged", "Sóc Trăng")
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Release()
	years := fmt.Sprint(s3.Col("year").Int64s())
	if years != "[2012 2012 2013 2013 2014 2014 2015 2023 2023 2023 2023 2023 2023 2023 2024 2024 2024]" {
		t.Errorf("years %s", years)
	}
	if k := strings.Join(s3.Col("kind").Strings()[7:14], " "); k != "target target target actual actual actual actual" {
		t.Errorf("2023 kinds %s", k)
	}

	if _, err := Series(in, "no_such_indicator", ""); !errors.Is(err, ErrNoFigures) {
		t.Errorf("unknown indicator: %v", err)
	}
	if _, err := Series(in, "online_application_share", "Khánh Hòa"); !errors.Is(err, ErrNoFigures) {
		t.Errorf("other province: %v", err)
	}
}

func TestSeriesAllocator(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	in := input(t, mem, [][]any{
		{"P", "x", "all", 2023, "actual", 5.0, "percent", ">=", "f", 1, 6.0, true},
		{"P", "x", "all", 2010, "baseline", 1.0, "percent", "=", "f", 2},
		{"Q", "x", "all", 2015, "target", 3.0, "percent", "=", "f", 3},
		{"P", "y", "all", 2015, "target", 3.0, "count", "=", "f", 4},
	})
	defer in.Release()
	s, err := Series(in, "x", "P")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	if s.NumRows() != 2 {
		t.Fatalf("%d rows", s.NumRows())
	}
	check(t, s.Row(0), want{"year": 2010, "kind": "baseline", "value_upper": nan, "approximate": nil})
	check(t, s.Row(1), want{"year": 2023, "value": 5.0, "value_upper": 6.0, "approximate": true, "comparator": ">="})
}
