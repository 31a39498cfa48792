package ratios_test

import (
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/frame"
)

var nan = math.NaN()

// small builds, on the allocator mem, a frame of units with columns group
// (nil = all null), unit, a = num (float64, NaN = null), b = 1 on every row,
// d = den (int64, nil = null) and source_line = 100, 101, ….
func small(t *testing.T, mem memory.Allocator, units []string, num []float64, den []any, groups []any) *frame.Frame {
	t.Helper()
	lines := make([]int64, len(units))
	for i := range lines {
		lines[i] = int64(100 + i)
	}
	specs := []frame.FieldSpec{
		{Name: "group", Kind: frame.String},
		{Name: "unit", Kind: frame.String},
		{Name: "a", Kind: frame.Float64, Unit: "count"},
		{Name: "b", Kind: frame.Int64, Unit: "count"},
		{Name: "d", Kind: frame.Int64, Unit: "people"},
		{Name: "source_line", Kind: frame.Int64},
	}
	if groups == nil {
		groups = make([]any, len(units))
	}
	b := make([]any, len(units))
	for i := range b {
		b[i] = int64(1) // one more in every numerator where a is used with b
	}
	f, err := frame.FromColumns(map[string]string{frame.MetaDataset: "test"}, specs, []any{groups, units, num, b, den, lines}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var (
	specA  = ratios.Spec{Name: "a_per_d", Numerator: []string{"a"}, Denominator: []string{"d"}}
	specAB = ratios.Spec{Name: "ab_per_d", Numerator: []string{"a", "b"}, Denominator: []string{"d"}}
)

func TestByUnitEdges(t *testing.T) {
	tests := []struct {
		name      string
		num       []float64
		den       []any
		spec      ratios.Spec
		wantRatio []float64 // NaN = null
		wantRank  []any     // nil = null
	}{
		{"zero denominator is null", []float64{1, 0, 2}, []any{int64(2), int64(0), int64(0)}, specA,
			[]float64{0.5, nan, nan}, []any{int64(1), nil, nil}},
		{"null numerator is null, not 0", []float64{nan, 1}, []any{int64(4), int64(4)}, specA,
			[]float64{nan, 0.25}, []any{nil, int64(1)}},
		{"null denominator", []float64{3, 1}, []any{nil, int64(4)}, specA,
			[]float64{nan, 0.25}, []any{nil, int64(1)}},
		// competition ranking: 3/4, 1/2, 2/4, 1/4 → 1, 2, 2, 4
		{"ties share the smallest rank", []float64{3, 1, 2, 1}, []any{int64(4), int64(2), int64(4), int64(4)}, specA,
			[]float64{0.75, 0.5, 0.5, 0.25}, []any{int64(1), int64(2), int64(2), int64(4)}},
		// (a + b)/d with b = 1: (1+1)/4, (null+1)/4 → 0.5, null
		{"sum of parts with a null part is null", []float64{1, nan}, []any{int64(4), int64(4)}, specAB,
			[]float64{0.5, nan}, []any{int64(1), nil}},
		{"all null", []float64{nan, nan}, []any{nil, nil}, specA,
			[]float64{nan, nan}, []any{nil, nil}},
		{"empty", []float64{}, []any{}, specA, []float64{}, []any{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			units := make([]string, len(tc.num))
			for i := range units {
				units[i] = string(rune('A' + i))
			}
			f := small(t, mem, units, tc.num, tc.den, nil)
			defer f.Release()
			r, err := ratios.ByUnit(f, tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Release()
			if got := strings.Join(r.Names(), ","); got != "group,unit,measure,numerator,denominator,ratio,rank,source_line" {
				t.Fatalf("columns %s", got)
			}
			ratio := r.Col("ratio")
			rank := r.Col("rank")
			for i, w := range tc.wantRatio {
				if math.IsNaN(w) {
					if !ratio.IsNull(i) {
						t.Errorf("row %d: ratio %v, want null", i, ratio.Value(i))
					}
				} else if ratio.Value(i) != w {
					t.Errorf("row %d: ratio %v, want %v", i, ratio.Value(i), w)
				}
				if rank.Value(i) != tc.wantRank[i] {
					t.Errorf("row %d: rank %v, want %v", i, rank.Value(i), tc.wantRank[i])
				}
				if r.Col("source_line").Int64s()[i] != int64(100+i) {
					t.Errorf("row %d: source_line %v", i, r.Col("source_line").Value(i))
				}
			}
		})
	}
}

func TestByUnitErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := small(t, mem, []string{"A"}, []float64{1}, []any{int64(2)}, nil)
	defer f.Release()
	tests := []struct {
		name  string
		specs []ratios.Spec
		want  string
	}{
		{"no spec", nil, "at least one Spec"},
		{"no name", []ratios.Spec{{Numerator: []string{"a"}, Denominator: []string{"d"}}}, "needs a Name"},
		{"no denominator", []ratios.Spec{{Name: "x", Numerator: []string{"a"}}}, "numerator and denominator"},
		{"missing column", []ratios.Spec{{Name: "x", Numerator: []string{"zz"}, Denominator: []string{"d"}}}, `"zz"`},
		{"text column", []ratios.Spec{{Name: "x", Numerator: []string{"unit"}, Denominator: []string{"d"}}}, "not a number"},
		{"preset on other names", []ratios.Spec{ratios.ComputersPerStaff()}, `"computers"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, call := range []func() (*frame.Frame, error){
				func() (*frame.Frame, error) { return ratios.ByUnit(f, tc.specs...) },
				func() (*frame.Frame, error) { return ratios.Aggregate(f, "group", tc.specs...) },
				func() (*frame.Frame, error) { return ratios.MeanOfRatios(f, "", tc.specs...) },
			} {
				r, err := call()
				if err == nil {
					r.Release()
					t.Fatal("no error")
				}
				if !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error %q, want %q", err, tc.want)
				}
			}
		})
	}
	if _, err := ratios.ByUnitKeys(f, []string{"nope"}, specA); err == nil {
		t.Error("ByUnitKeys with a missing key: no error")
	}
	if _, err := ratios.Aggregate(f, "nope", specA); err == nil {
		t.Error("Aggregate by a missing column: no error")
	}
}

func TestByUnitKeys(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := small(t, mem, []string{"A", "B"}, []float64{1, 2}, []any{int64(2), int64(4)}, nil)
	defer f.Release()
	r, err := ratios.ByUnitKeys(f, []string{"unit"}, specA, specAB)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	// two specs: all units for the first, then all for the second
	if got := strings.Join(r.Col("unit").Strings(), ","); got != "A,B,A,B" {
		t.Errorf("units %s", got)
	}
	if got := strings.Join(r.Col("measure").Strings(), ","); got != "a_per_d,a_per_d,ab_per_d,ab_per_d" {
		t.Errorf("measures %s", got)
	}
	// 1/2, 2/4 tie (rank 1, 1); (1+1)/2 = 1, (2+1)/4 = 0.75 → 1, 2
	if got := strings.Join(r.Col("rank").Strings(), ","); got != "1,1,1,2" {
		t.Errorf("ranks %s", got)
	}
	if r.Col("ratio").LabelVI() != "Tỷ lệ" || r.Col("numerator").LabelVI() != "Tử số" {
		t.Errorf("generic labels: %q %q", r.Col("ratio").LabelVI(), r.Col("numerator").LabelVI())
	}
	none, err := ratios.ByUnitKeys(f, nil, specA)
	if err != nil {
		t.Fatal(err)
	}
	defer none.Release()
	if none.Names()[0] != "measure" || none.NumRows() != 2 {
		t.Errorf("no keys: %v", none.Names())
	}
}

func TestAggregateEdges(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	// groups: x (rows 0, 1, 4), null (row 2), y (row 3)
	f := small(t, mem, []string{"A", "B", "C", "D", "E"},
		[]float64{3, nan, 5, 0, 1},
		[]any{int64(4), int64(10), int64(0), int64(0), int64(0)},
		[]any{"x", "x", nil, "y", "x"})
	defer f.Release()
	a, err := ratios.Aggregate(f, "group", specA)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	want := []struct {
		group         any
		num, den      float64 // NaN = null
		ratio         float64
		units, excl   int64
		used, dropped string
	}{
		// x: A 3/4 and E 1/0 (kept: its parts add up), B left out (null a):
		// (3 + 1)/(4 + 0) = 1
		{"x", 4, 4, 1, 3, 1, "100,104", "101"},
		// null group: C 5/0 → denominator sum 0 → null ratio
		{nil, 5, 0, nan, 1, 0, "102", ""},
		// y: D 0/0 → null
		{"y", 0, 0, nan, 1, 0, "103", ""},
	}
	if a.NumRows() != len(want) {
		t.Fatalf("rows %d: %v", a.NumRows(), a)
	}
	for i, w := range want {
		r := a.Row(i)
		ratioOK := math.IsNaN(w.ratio) && r.IsNull("ratio") || r.Float64("ratio") == w.ratio
		if r.Value("group") != w.group || r.Float64("numerator") != w.num || r.Float64("denominator") != w.den || !ratioOK ||
			r.Int64("units") != w.units || r.Int64("units_excluded") != w.excl || r.String("source_lines") != w.used ||
			r.String("excluded_lines") != w.dropped {
			t.Errorf("row %d: %v", i, a.Slice(i, i+1))
		}
	}
	m, err := ratios.MeanOfRatios(f, "group", specA)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Release()
	// x: only A has a ratio (3/4): mean 0.75; B (null) and E (1/0) left out.
	r := m.Row(0)
	if r.Float64("mean_of_ratios") != 0.75 || r.Int64("units_excluded") != 2 || r.String("excluded_lines") != "101,104" {
		t.Errorf("mean x: %v", m)
	}
	// null group: no ratio → null mean, not 0.
	if !m.Row(1).IsNull("mean_of_ratios") {
		t.Errorf("mean of no ratio: %v", m.Row(1).Value("mean_of_ratios"))
	}
	// empty frame, all rows: one row of 0 units and null sums.
	e := f.Slice(0, 0)
	defer e.Release()
	ea, err := ratios.Aggregate(e, "", specA)
	if err != nil {
		t.Fatal(err)
	}
	defer ea.Release()
	if ea.NumRows() != 1 || ea.Row(0).Int64("units") != 0 || !ea.Row(0).IsNull("numerator") || !ea.Row(0).IsNull("ratio") {
		t.Errorf("empty: %v", ea)
	}
	eg, err := ratios.Aggregate(e, "group", specA)
	if err != nil {
		t.Fatal(err)
	}
	defer eg.Release()
	if eg.NumRows() != 0 {
		t.Errorf("empty by group: %d rows", eg.NumRows())
	}
}

func TestGapToTargetEdges(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	// ratios 9/10 = 0.9 exactly, 8/10, null (0 denominator), 10/10
	f := small(t, mem, []string{"A", "B", "C", "D"}, []float64{9, 8, 1, 10},
		[]any{int64(10), int64(10), int64(0), int64(10)}, nil)
	defer f.Release()
	r, err := ratios.ByUnit(f, specA)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	tests := []struct {
		name string
		t    ratios.Target
		met  []any
	}{
		{"at least", ratios.Target{Value: 0.9}, []any{true, false, nil, true}},
		{"equals means at least", ratios.Target{Value: 0.9, Comparator: "="}, []any{true, false, nil, true}},
		{"above", ratios.Target{Value: 0.9, Comparator: ">"}, []any{false, false, nil, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ratios.GapToTarget(r, tc.t)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			for i, w := range tc.met {
				if got := g.Col("met").Value(i); got != w {
					t.Errorf("row %d: met %v, want %v", i, got, w)
				}
			}
			// gaps: 0.9 − 0.9 = 0, 0.8 − 0.9 = −0.1, null, 1 − 0.9 = 0.1
			gap := g.Col("gap").Float64s()
			if gap[0] != 0 || !near(gap[1], -0.1, 1e-15) || !math.IsNaN(gap[2]) || !near(gap[3], 0.1, 1e-15) {
				t.Errorf("gaps %v", gap)
			}
		})
	}
	if _, err := ratios.GapToTarget(f, ratios.Target{Value: 0.9}); err == nil {
		t.Error("a frame without ratio: no error")
	}
	if _, err := ratios.GapToTarget(r, ratios.Target{Value: nan}); err == nil {
		t.Error("a NaN target: no error")
	}
}

func TestLookupTargetEdges(t *testing.T) {
	specs := []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "indicator", Kind: frame.String},
		{Name: "year", Kind: frame.Int64}, {Name: "kind", Kind: frame.String},
		{Name: "value", Kind: frame.Float64}, {Name: "unit", Kind: frame.String},
		{Name: "source_line", Kind: frame.Int64},
	}
	ind, err := frame.FromRows(nil, specs, [][]any{
		{"P", "share", 2015, "target", 0.8, "ratio", 10},
		{"P", "share", 2015, "baseline", 0.5, "ratio", 11},
		{"P", "two", 2020, "target", 50, "percent", 12},
		{"P", "two", 2020, "target", 60, "percent", 13},
		{"P", "count", 2020, "target", 50, "count", 14},
		{"P", "empty", 2020, "target", nil, "percent", 15},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer ind.Release()
	got, err := ratios.LookupTarget(ind, "", "share", 2015)
	if err != nil || got.Value != 0.8 || got.SourceLine != 10 {
		t.Errorf("share: %+v %v", got, err)
	}
	for _, tc := range []struct {
		indicator string
		year      int
		want      string
	}{
		{"share", 2016, "no target"},
		{"two", 2020, "2 rows"},
		{"count", 2020, `"count"`},
		{"empty", 2020, "no value"},
	} {
		if _, err := ratios.LookupTarget(ind, "P", tc.indicator, tc.year); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %d: error %v, want %q", tc.indicator, tc.year, err, tc.want)
		}
	}
	if _, err := ratios.LookupTarget(ind, "Q", "share", 2015); err == nil {
		t.Error("other province: no error")
	}
}

func TestCompareEdges(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	specs := []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "a", Kind: frame.Int64}, {Name: "d", Kind: frame.Int64},
		{Name: "rep", Kind: frame.Float64, LabelVI: "Tỷ lệ"},
	}
	f, err := frame.FromColumns(nil, specs, []any{
		[]string{"ok", "off", "zero den", "no report", "null part", "rounded"},
		[]any{int64(1), int64(1), int64(0), int64(1), nil, int64(2)},
		[]any{int64(3), int64(3), int64(0), int64(3), int64(3), int64(3)},
		// 1/3 = 0.333333…; 0.3334 is 0.000067 off; 2/3 = 0.666667 written 0.6667
		[]float64{0.3333, 0.3334, 0, nan, 0.5, 0.6667},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	spec := ratios.Spec{Name: "x", Numerator: []string{"a"}, Denominator: []string{"d"}}
	tests := []struct {
		name string
		tol  float64
		want []any
	}{
		// written to 4 decimals → ±0.00005: 0.3333 (−0.0000333) and 0.6667
		// (+0.0000333) agree, 0.3334 (+0.0000667) does not; 0/0 reported is
		// false; nothing reported or a null part → null.
		{"from precision", -1, []any{true, false, false, nil, nil, true}},
		{"tight", 1e-5, []any{false, false, false, nil, nil, false}},
		{"loose", 1e-4, []any{true, true, false, nil, nil, true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ratios.AgainstReported(f, spec, "rep", tc.tol)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Release()
			for i, w := range tc.want {
				if got := c.Col("agrees").Value(i); got != w {
					t.Errorf("%s: agrees %v, want %v", c.Col("unit").Strings()[i], got, w)
				}
			}
			if !c.Col("source_line").IsNull(0) {
				t.Error("source_line without a source_line column should be null")
			}
			if d := c.Col("difference").Float64s(); !near(d[1], 0.3334-1.0/3, 1e-15) || !math.IsNaN(d[2]) || !math.IsNaN(d[3]) {
				t.Errorf("differences %v", d)
			}
		})
	}
	if _, err := ratios.AgainstReported(f, spec, "unit", -1); err == nil {
		t.Error("text reported column: no error")
	}
}

func TestConcat(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	a := small(t, mem, []string{"A"}, []float64{1}, []any{int64(2)}, nil)
	defer a.Release()
	b := small(t, mem, []string{"B", "C"}, []float64{nan, 3}, []any{int64(4), nil}, nil)
	defer b.Release()
	b2 := b.WithMeta(frame.MetaDataset, "other", frame.MetaProvince, "P")
	defer b2.Release()
	c, err := ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{a, b2})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	if got := strings.Join(c.Col("level").Strings(), ","); got != "province,district,district" {
		t.Errorf("levels %s", got)
	}
	if got := strings.Join(c.Col("unit").Strings(), ","); got != "A,B,C" {
		t.Errorf("units %s", got)
	}
	if !c.Col("a").IsNull(1) || !c.Col("d").IsNull(2) {
		t.Error("nulls lost in Concat")
	}
	if c.Meta(frame.MetaDataset) != "test; other" || c.Meta(frame.MetaProvince) != "P" {
		t.Errorf("metadata %v", c.Metadata())
	}
	if c.Col("d").Unit() != "people" {
		t.Error("field metadata lost")
	}
	one, err := frame.Concat([]*frame.Frame{a}, frame.ConcatOptions{})
	if err != nil {
		t.Fatal(err)
	}
	one.Release()
	if _, err := frame.Concat(nil, frame.ConcatOptions{}); err == nil {
		t.Error("Concat(): no error")
	}
	ab, _ := a.Select("unit", "a")
	defer ab.Release()
	if _, err := frame.Concat([]*frame.Frame{a, ab}, frame.ConcatOptions{}); err == nil {
		t.Error("different columns: no error")
	}
	ren, _ := a.Rename("d", "e")
	defer ren.Release()
	if _, err := frame.Concat([]*frame.Frame{a, ren}, frame.ConcatOptions{}); err == nil {
		t.Error("different names: no error")
	}
	if _, err := ratios.ConcatLevels([]string{"x"}, []*frame.Frame{a, b}); err == nil {
		t.Error("levels and frames of different lengths: no error")
	}
	if _, err := ratios.WithLevel(c, "again"); err == nil {
		t.Error("a second level column: no error")
	}
}
