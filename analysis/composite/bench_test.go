package composite

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

// fourProvinces is the worked example of the tests: x1 higher is better,
// x2 lower is better (a cost), source lines 11..14.
//
//	province  x1  x2
//	A         10   2
//	B         40   6
//	C         20   4
//	D         30  10
func fourProvinces(t *testing.T, mem memory.Allocator) *frame.Frame {
	t.Helper()
	f, err := frame.FromColumns(map[string]string{frame.MetaDataset: "example"}, []frame.FieldSpec{
		{Name: "province", Kind: frame.String},
		{Name: "x1", Kind: frame.Float64, Unit: "percent", LabelVI: "Chỉ tiêu 1"},
		{Name: "x2", Kind: frame.Int64, Unit: "count"},
		{Name: "source_line", Kind: frame.Int64},
	}, []any{
		[]string{"A", "B", "C", "D"},
		[]float64{10, 40, 20, 30},
		[]int64{2, 6, 4, 10},
		[]int64{11, 12, 13, 14},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var specs4 = []Indicator{{Column: "x1"}, {Column: "x2", Direction: LowerBetter}}

func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-6*max(1, math.Abs(b))
}

func wantFloats(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s[%d] = %v, want %v", what, i, got[i], want[i])
		}
	}
}

func wantRanks(t *testing.T, f *frame.Frame, want []int64) {
	t.Helper()
	c := f.Col("rank")
	got := c.Int64s()
	for i := range want {
		if want[i] == 0 {
			if !c.IsNull(i) {
				t.Errorf("rank[%d] = %d, want null", i, got[i])
			}
			continue
		}
		if c.IsNull(i) || got[i] != want[i] {
			t.Errorf("rank[%d] = %d (null %v), want %d", i, got[i], c.IsNull(i), want[i])
		}
	}
}

func TestNormaliseMinMax(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := fourProvinces(t, mem)
	defer f.Release()
	n, err := Normalise(f, specs4, MinMax)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Release()
	// x1: min 10, max 40: (x−10)/30×100 = 0, 100, 33.33, 66.67
	wantFloats(t, "x1", n.Col("x1").Float64s(), []float64{0, 100, 100.0 / 3, 200.0 / 3})
	// x2 lower is better: min 2, max 10: (10−x)/8×100 = 100, 50, 75, 0
	wantFloats(t, "x2", n.Col("x2").Float64s(), []float64{100, 50, 75, 0})
	if u := n.Col("x2").Unit(); u != "score" {
		t.Errorf("unit %q", u)
	}
	if got := n.Col("source_line").Int64s(); got[3] != 14 {
		t.Errorf("source_line not carried: %v", got)
	}
	if n.Meta(frame.MetaDerivedFrom) != "example" || n.Meta(frame.MetaMethod) != "min-max [0,100]" {
		t.Errorf("metadata %v", n.Metadata())
	}
}

func TestNormaliseZScore(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := fourProvinces(t, mem)
	defer f.Release()
	n, err := Normalise(f, specs4, ZScore)
	if err != nil {
		t.Fatal(err)
	}
	defer n.Release()
	// x1: mean 25, deviations −15, 15, −5, 5; Σd² = 500; s = √(500/3) = 12.909944
	// z = d/s: −1.161895, 1.161895, −0.387298, 0.387298
	wantFloats(t, "x1", n.Col("x1").Float64s(), []float64{-1.161895, 1.161895, -0.387298, 0.387298})
	// x2: mean 5.5, deviations −3.5, 0.5, −1.5, 4.5; Σd² = 35; s = √(35/3) = 3.415650
	// lower is better: (mean − x)/s = 1.024695, −0.146385, 0.439155, −1.317465
	wantFloats(t, "x2", n.Col("x2").Float64s(), []float64{1.024695, -0.146385, 0.439155, -1.317465})
}

func TestComposite(t *testing.T) {
	cases := []struct {
		name  string
		opts  Options
		specs []Indicator
		score []float64
		rank  []int64
	}{
		{
			// (0+100)/2 = 50; (100+50)/2 = 75; (33.33+75)/2 = 54.17; (66.67+0)/2 = 33.33
			name: "minmax arithmetic equal weights", specs: specs4,
			score: []float64{50, 75, 325.0 / 6, 100.0 / 3}, rank: []int64{3, 1, 2, 4},
		},
		{
			// weights 3:1 = 0.75, 0.25: A 0×.75+100×.25 = 25; B 75+12.5 = 87.5;
			// C 25+18.75 = 43.75; D 50+0 = 50
			name:  "minmax arithmetic weights 3:1",
			specs: []Indicator{{Column: "x1", Weight: 3}, {Column: "x2", Direction: LowerBetter, Weight: 1}},
			score: []float64{25, 87.5, 43.75, 50}, rank: []int64{4, 1, 3, 2},
		},
		{
			// z-scores above: A (−1.161895+1.024695)/2 = −0.0686; B (1.161895−0.146385)/2 = 0.507755;
			// C (−0.387298+0.439155)/2 = 0.0259285; D (0.387298−1.317465)/2 = −0.4650835
			name: "zscore arithmetic", opts: Options{Normalisation: ZScore}, specs: specs4,
			score: []float64{-0.0686, 0.507755, 0.0259285, -0.4650835}, rank: []int64{3, 1, 2, 4},
		},
		{
			// [1,100]: x1 = 1, 100, 34, 67; x2 = 100, 50.5, 75.25, 1
			// √(1×100) = 10; √(100×50.5) = 71.063352; √(34×75.25) = 50.581617; √(67×1) = 8.185353
			name: "minmax1 geometric", opts: Options{Normalisation: MinMaxFrom1, Aggregation: Geometric}, specs: specs4,
			score: []float64{10, 71.063352, 50.581617, 8.185353}, rank: []int64{3, 1, 2, 4},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
			defer mem.AssertSize(t, 0)
			f := fourProvinces(t, mem)
			defer f.Release()
			g, err := Composite(f, tc.specs, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			wantFloats(t, "score", g.Col("score").Float64s(), tc.score)
			wantRanks(t, g, tc.rank)
			if got := g.Col("indicators_used").Int64s(); got[0] != 2 {
				t.Errorf("indicators_used %v", got)
			}
		})
	}
}

func TestGeometricZero(t *testing.T) {
	f := fourProvinces(t, nil)
	defer f.Release()
	// MinMax gives A 0 on x1 (its minimum): ln 0 is −∞, so an error naming A and x1.
	_, err := Composite(f, specs4, Options{Aggregation: Geometric})
	if !errors.Is(err, ErrNotPositive) || !strings.Contains(err.Error(), "A has x1 = 0") {
		t.Fatalf("err = %v", err)
	}
	// z-scores are negative below the mean: the same error.
	_, err = Composite(f, specs4, Options{Normalisation: ZScore, Aggregation: Geometric})
	if !errors.Is(err, ErrNotPositive) {
		t.Fatalf("z-score geometric: err = %v", err)
	}
}

func TestTies(t *testing.T) {
	if got, want := rankScores([]float64{5, 7, 7, math.NaN(), 3, 7 + 1e-12}), []int64{4, 1, 1, 0, 5, 1}; !equalInts(got, want) {
		t.Errorf("Ranks = %v, want %v", got, want)
	}
	// P (0, 100), Q (100, 0), R (50, 50) score 50 each; S (100, 100) scores 100.
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "a", Kind: frame.Float64}, {Name: "b", Kind: frame.Float64},
	}, [][]any{{"P", 0.0, 10.0}, {"Q", 10.0, 0.0}, {"R", 5.0, 5.0}, {"S", 10.0, 10.0}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	g, err := Composite(f, []Indicator{{Column: "a"}, {Column: "b"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	wantFloats(t, "score", g.Col("score").Float64s(), []float64{50, 50, 50, 100})
	wantRanks(t, g, []int64{2, 2, 2, 1})
}

func equalInts(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestNulls(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f, err := frame.FromColumns(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "x1", Kind: frame.Float64}, {Name: "x2", Kind: frame.Float64},
	}, []any{
		[]string{"A", "B", "C", "D", "E", "F"},
		[]float64{10, 40, 20, 30, 25, math.NaN()},
		[]float64{2, 6, 4, 10, math.NaN(), math.NaN()},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	g, err := Composite(f, specs4, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	// E: x1 (25−10)/30×100 = 50, x2 null: score 50 on one indicator; F: no value, no score.
	wantFloats(t, "x2", g.Col("x2").Float64s(), []float64{100, 50, 75, 0, math.NaN(), math.NaN()})
	wantFloats(t, "score", g.Col("score").Float64s(), []float64{50, 75, 325.0 / 6, 100.0 / 3, 50, math.NaN()})
	wantRanks(t, g, []int64{3, 1, 2, 5, 3, 0})
	if got := g.Col("indicators_used").Int64s(); !equalInts(got, []int64{2, 2, 2, 2, 1, 0}) {
		t.Errorf("indicators_used %v", got)
	}
}

func TestErrors(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "a", Kind: frame.Float64}, {Name: "flat", Kind: frame.Float64},
		{Name: "one", Kind: frame.Float64}, {Name: "inf", Kind: frame.Float64},
	}, [][]any{{"P", 1.0, 3.0, 1.0, 1.0}, {"Q", 2.0, 3.0, nil, math.Inf(1)}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	cases := []struct {
		name   string
		method Normalisation
		specs  []Indicator
		is     error
		text   string
	}{
		{"no indicators", MinMax, nil, nil, "no indicators"},
		{"unknown column", MinMax, []Indicator{{Column: "zz"}}, nil, "zz"},
		{"text column", MinMax, []Indicator{{Column: "province"}}, nil, "not a number"},
		{"twice", MinMax, []Indicator{{Column: "a"}, {Column: "a"}}, nil, "twice"},
		{"negative weight", MinMax, []Indicator{{Column: "a", Weight: -1}}, nil, "weight"},
		{"NaN weight", MinMax, []Indicator{{Column: "a", Weight: math.NaN()}}, nil, "weight"},
		{"bad direction", MinMax, []Indicator{{Column: "a", Direction: 7}}, nil, "direction"},
		{"flat minmax", MinMax, []Indicator{{Column: "flat"}}, ErrNoSpread, "flat"},
		{"flat zscore", ZScore, []Indicator{{Column: "flat"}}, ErrNoSpread, "flat"},
		{"single value", MinMax, []Indicator{{Column: "one"}}, ErrNoSpread, "1 value"},
		{"infinite", MinMax, []Indicator{{Column: "inf"}}, nil, "infinite"},
		{"unknown method", 9, []Indicator{{Column: "a"}}, nil, "unknown normalisation"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Normalise(f, tc.specs, tc.method)
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("err %v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.text) {
				t.Errorf("err %q does not say %q", err, tc.text)
			}
		})
	}
}

func TestZeroWeightExcludes(t *testing.T) {
	f := fourProvinces(t, nil)
	defer f.Release()
	// x2 weight 0, x1 weight 1: the score is x1 alone: 0, 100, 33.33, 66.67.
	g, err := Composite(f, []Indicator{{Column: "x1", Weight: 1}, {Column: "x2", Direction: LowerBetter}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	wantFloats(t, "score", g.Col("score").Float64s(), []float64{0, 100, 100.0 / 3, 200.0 / 3})
	wantRanks(t, g, []int64{4, 1, 3, 2})
}

func TestPerCapitaAndStaff(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f, err := frame.FromColumns(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String},
		{Name: "total_mvnd", Kind: frame.Float64, Unit: "million_vnd", LabelVI: "Tổng mức đầu tư"},
		{Name: "population", Kind: frame.Int64, Unit: "people"},
	}, []any{
		[]string{"A", "B", "C", "D"},
		[]float64{100, 50, math.NaN(), 30},
		[]any{int64(1000), int64(0), int64(500), int64(2000)},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	g, err := PerCapita(f, "total_mvnd", "population", 1000)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	// 100/1000×1000 = 100; B population 0: null; C value null: null; 30/2000×1000 = 15
	c := g.Col("total_mvnd_per_1000_people")
	wantFloats(t, "per 1000", c.Float64s(), []float64{100, math.NaN(), math.NaN(), 15})
	if c.Unit() != "million_vnd/1000 people" || c.LabelVI() != "Tổng mức đầu tư trên 1.000 dân" {
		t.Errorf("unit %q label %q", c.Unit(), c.LabelVI())
	}
	h, err := PerStaff(f, "total_mvnd", "population", 1)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Release()
	// 100/1000 = 0.1; 30/2000 = 0.015
	wantFloats(t, "per staff", h.Col("total_mvnd_per_staff").Float64s(), []float64{0.1, math.NaN(), math.NaN(), 0.015})

	neg, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "province", Kind: frame.String}, {Name: "v", Kind: frame.Float64}, {Name: "p", Kind: frame.Float64}},
		[][]any{{"X", 1.0, -5.0}})
	defer neg.Release()
	if _, err := PerCapita(neg, "v", "p", 1); err == nil || !strings.Contains(err.Error(), "X has p = -5") {
		t.Errorf("negative population: %v", err)
	}
	if _, err := PerCapita(neg, "v", "p", 0); err == nil {
		t.Error("per 0 accepted")
	}
	if _, err := PerCapita(neg, "v", "province", 1); err == nil {
		t.Error("text denominator accepted")
	}
}
