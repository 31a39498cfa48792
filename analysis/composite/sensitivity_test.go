package composite

import (
	"math"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

func TestSensitivityDeterministic(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := fourProvinces(t, mem)
	defer f.Release()
	o := SensitivityOptions{Draws: 500, Seed: 42}
	a, err := Sensitivity(f, specs4, o)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	b, err := Sensitivity(f, specs4, o)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Release()
	if !frame.Equal(a, b) {
		t.Errorf("same seed, different results:\n%v\n%v", a, b)
	}
	// Nominal = Composite with equal weights: ranks A 3, B 1, C 2, D 4.
	if got := a.Col("nominal_rank").Int64s(); !equalInts(got, []int64{3, 1, 2, 4}) {
		t.Errorf("nominal ranks %v", got)
	}
	if got := a.Col("source_line").Int64s(); !equalInts(got, []int64{11, 12, 13, 14}) {
		t.Errorf("source_line %v", got)
	}
}

// Two provinces: P (100, 0) and Q (0, 100) after min-max, weights 0.6 : 0.4,
// so P is first. P loses first place when 0.6(1+u1) < 0.4(1+u2), i.e.
// 3u1 − 2u2 < −1 with u1, u2 uniform on [−0.5, 0.5]. With a = 3u1 uniform
// on [−1.5, 1.5] and b = 2u2 uniform on [−1, 1]:
// P(a < b − 1) = ∫_{−0.5}^{1} (b + 0.5)/3 db / 2 = (1.5²/6)/2 = 0.1875.
// So both ranks change in 18.75% of the draws (±0.28 points, one standard
// error, at 20 000 draws).
func TestSensitivityShare(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "a", Kind: frame.Float64}, {Name: "b", Kind: frame.Float64},
	}, [][]any{{"P", 10.0, 0.0}, {"Q", 0.0, 10.0}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	s, err := Sensitivity(f, []Indicator{{Column: "a", Weight: 0.6}, {Column: "b", Weight: 0.4}},
		SensitivityOptions{Draws: 20000, Seed: 7, Spread: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	ch := s.Col("rank_changed_percent").Float64s()
	for i, v := range ch {
		if math.Abs(v-18.75) > 1.2 {
			t.Errorf("row %d changed in %.2f%% of draws, want 18.75%% ± 1.2", i, v)
		}
	}
	// Ranks 1 in 81% of draws: median 1, 5th percentile 1, 95th 2.
	wantFloats(t, "P median/p05/p95/min/max", []float64{
		s.Col("median_rank").Float64s()[0], s.Col("rank_p05").Float64s()[0], s.Col("rank_p95").Float64s()[0],
		s.Col("rank_min").Float64s()[0], s.Col("rank_max").Float64s()[0],
	}, []float64{1, 1, 2, 1, 2})
	wantFloats(t, "nominal score", s.Col("nominal_score").Float64s(), []float64{60, 40})
}

// A province best on every indicator scores 100 on each after min-max, so
// 100 whatever the weights: its rank never changes.
func TestSensitivityDominant(t *testing.T) {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "a", Kind: frame.Float64}, {Name: "b", Kind: frame.Float64},
		{Name: "cost", Kind: frame.Float64},
	}, [][]any{
		{"A", 3.0, 1.0, 5.0},
		{"B", 1.0, 3.0, 5.0},
		{"C", 2.0, 2.0, 5.0},
		{"D", 10.0, 10.0, 1.0},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	for _, agg := range []Options{{}, {Normalisation: MinMaxFrom1, Aggregation: Geometric}} {
		s, err := Sensitivity(f, []Indicator{{Column: "a"}, {Column: "b"}, {Column: "cost", Direction: LowerBetter}},
			SensitivityOptions{Draws: 2000, Seed: 1, Normalisation: agg.Normalisation, Aggregation: agg.Aggregation})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Release()
		d := 3
		if got := s.Col("nominal_rank").Int64s()[d]; got != 1 {
			t.Errorf("%v: D nominal rank %d", agg, got)
		}
		if got := s.Col("rank_changed_percent").Float64s()[d]; got != 0 {
			t.Errorf("%v: D changed rank in %v%% of draws", agg, got)
		}
		if got := s.Col("rank_p95").Float64s()[d]; got != 1 {
			t.Errorf("%v: D 95th percentile rank %v", agg, got)
		}
		// A, B and C tie under equal weights (a and b are mirror images) and
		// trade places as soon as the weights of a and b differ.
		moved := 0.0
		for _, v := range s.Col("rank_changed_percent").Float64s()[:3] {
			moved += v
		}
		if moved == 0 {
			t.Errorf("%v: no rank of A, B, C ever changed", agg)
		}
	}
}

func TestSensitivityOptions(t *testing.T) {
	f := fourProvinces(t, nil)
	defer f.Release()
	for _, o := range []SensitivityOptions{{Spread: 1}, {Spread: -0.1}, {Draws: -1}, {Draws: 2_000_000}, {Key: "nope"}} {
		if s, err := Sensitivity(f, specs4, o); err == nil {
			s.Release()
			t.Errorf("%+v accepted", o)
		}
	}
	s, err := Sensitivity(f, specs4, SensitivityOptions{Draws: 10, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	if m := s.Meta(frame.MetaMethod); m == "" || s.Meta(frame.MetaDerivedFrom) != "example" {
		t.Errorf("metadata %v", s.Metadata())
	}
}

func TestQuantile7(t *testing.T) {
	// R: quantile(c(1, 2, 3, 4), c(.05, .5, .95)) = 1.15, 2.5, 3.85
	x := []float64{1, 2, 3, 4}
	wantFloats(t, "q", []float64{quantile7(x, 0.05), quantile7(x, 0.5), quantile7(x, 0.95)}, []float64{1.15, 2.5, 3.85})
	if quantile7([]float64{7}, 0.95) != 7 {
		t.Error("single value")
	}
}
