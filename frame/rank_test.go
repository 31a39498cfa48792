package frame_test

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func TestRanks(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		name   string
		values []float64
		o      frame.RankOptions
		want   []int64 // 0: unranked
	}{
		{"empty", nil, frame.RankOptions{}, []int64{}},
		{"competition", []float64{0.5, 0.9, 0.7, 0.9}, frame.RankOptions{}, []int64{4, 1, 3, 1}},
		{"dense", []float64{0.5, 0.9, 0.7, 0.9}, frame.RankOptions{Method: frame.Dense}, []int64{3, 1, 2, 1}},
		{"ascending", []float64{0.5, 0.9, 0.7, 0.9}, frame.RankOptions{Ascending: true}, []int64{1, 3, 2, 3}},
		{"ascending dense", []float64{0.5, 0.9, 0.7, 0.9, 0.5}, frame.RankOptions{Ascending: true, Method: frame.Dense}, []int64{1, 3, 2, 3, 1}},
		{"NaN unranked", []float64{nan, 2, nan, 1}, frame.RankOptions{}, []int64{0, 1, 0, 2}},
		{"all NaN", []float64{nan, nan}, frame.RankOptions{}, []int64{0, 0}},
		{"equal fractions are equal", []float64{42.0 / 48, 28.0 / 32, 0.875}, frame.RankOptions{}, []int64{1, 1, 1}},
		{"exact: near values differ", []float64{1, 1 + 1e-12, 2}, frame.RankOptions{}, []int64{3, 2, 1}},
		{"tolerance: near values tie", []float64{1, 1 + 1e-12, 2}, frame.RankOptions{Tolerance: 1e-9}, []int64{2, 2, 1}},
		{"tolerance is relative", []float64{1e6, 1e6 + 1e-4, 1e6 + 1e-2}, frame.RankOptions{Tolerance: 1e-9}, []int64{2, 2, 1}},
		{"tolerance of small values is absolute", []float64{1e-12, 2e-12, 0}, frame.RankOptions{Tolerance: 1e-9}, []int64{1, 1, 1}},
		{"tolerance chains", []float64{1, 1 + 0.8e-9, 1 + 1.6e-9, 1 + 5e-9}, frame.RankOptions{Tolerance: 1e-9}, []int64{2, 2, 2, 1}},
		{"tolerance chains, dense", []float64{1 + 5e-9, 1 + 1.6e-9, 1, 1 + 0.8e-9, 0}, frame.RankOptions{Tolerance: 1e-9, Method: frame.Dense}, []int64{1, 2, 2, 2, 3}},
		{"negative tolerance is exact", []float64{1, 1 + 1e-12}, frame.RankOptions{Tolerance: -1}, []int64{2, 1}},
		{"zeros of both signs tie", []float64{math.Copysign(0, -1), 0, -1}, frame.RankOptions{}, []int64{1, 1, 3}},
		{"infinities", []float64{inf, -inf, 3, inf}, frame.RankOptions{Tolerance: 1e-9}, []int64{1, 4, 3, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, valid := frame.Ranks(tc.values, tc.o)
			if !slices.Equal(got, tc.want) {
				t.Errorf("ranks %v, want %v", got, tc.want)
			}
			for i, v := range valid {
				if v != (tc.want[i] != 0) {
					t.Errorf("value %d valid %v", i, v)
				}
			}
		})
	}
}

func TestRanksUnknownMethod(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	frame.Ranks([]float64{1}, frame.RankOptions{Method: 9})
}

// TestRanksOrderFree: shuffling the values shuffles the ranks, whatever
// the ties.
func TestRanksOrderFree(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := rng.IntN(40)
		v := make([]float64, n)
		for i := range v {
			switch rng.IntN(6) {
			case 0:
				v[i] = math.NaN()
			case 1:
				v[i] = 1 + float64(rng.IntN(3))*0.6e-9 // chained near-ties
			default:
				v[i] = float64(rng.IntN(8)) / float64(1+rng.IntN(3))
			}
		}
		for _, o := range []frame.RankOptions{{}, {Method: frame.Dense}, {Tolerance: 1e-9}, {Tolerance: 1e-9, Ascending: true, Method: frame.Dense}} {
			want, wantValid := frame.Ranks(v, o)
			perm := rng.Perm(n)
			w := make([]float64, n)
			for i, p := range perm {
				w[i] = v[p]
			}
			got, valid := frame.Ranks(w, o)
			for i, p := range perm {
				if got[i] != want[p] || valid[i] != wantValid[p] {
					t.Fatalf("trial %d %+v: value %v ranked %d, %d in the other order", trial, o, v[p], got[i], want[p])
				}
			}
		}
	}
}

func TestWithRank(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Build(t, mem, map[string]string{frame.MetaDataset: "tỷ-lệ"},
		[]frame.FieldSpec{
			{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "staff", Kind: frame.Int64, Unit: "people"},
			{Name: "ratio", Kind: frame.Float64, Unit: "ratio"},
		},
		[]any{"Tỉnh ủy", 159, 0.89308},
		[]any{"Sở Nội vụ", 48, 0.875},
		[]any{"Sở Tư pháp", nil, 1.22222},
		[]any{"Sở Tài chính", 45, nil},
		[]any{"Sở Công thương", 48, 0.875},
	)
	defer f.Release()
	i := func(v int64) any { return v }
	for _, tc := range []struct {
		name   string
		column string
		o      frame.RankOptions
		col    string
		label  string
		want   []any
	}{
		{"ratio", "ratio", frame.RankOptions{}, "ratio_rank", "Thứ hạng (1 = cao nhất)", []any{i(2), i(3), i(1), nil, i(3)}},
		{"ratio dense, named", "ratio", frame.RankOptions{Method: frame.Dense, Name: "hạng"}, "hạng", "Thứ hạng (1 = cao nhất)", []any{i(2), i(3), i(1), nil, i(3)}},
		{"staff ascending", "staff", frame.RankOptions{Ascending: true}, "staff_rank", "Thứ hạng (1 = thấp nhất)", []any{i(4), i(2), nil, i(1), i(2)}},
		{"staff ascending dense", "staff", frame.RankOptions{Ascending: true, Method: frame.Dense}, "staff_rank", "Thứ hạng (1 = thấp nhất)", []any{i(3), i(2), nil, i(1), i(2)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := f.WithRank(tc.column, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			if want := append(f.Names(), tc.col); !slices.Equal(g.Names(), want) {
				t.Errorf("columns %q, want %q", g.Names(), want)
			}
			if got := col(g, tc.col); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ranks %v, want %v", got, tc.want)
			}
			if c := g.Col(tc.col); c.Kind() != frame.Int64 || c.LabelVI() != tc.label || c.Unit() != "" {
				t.Errorf("rank column %+v", c.Spec())
			}
			if g.Meta(frame.MetaDataset) != "tỷ-lệ" {
				t.Error("metadata lost")
			}
		})
	}
	for _, tc := range []struct {
		column string
		o      frame.RankOptions
		want   string
	}{
		{"unit", frame.RankOptions{}, `frame: WithRank: column "unit" is string, not numeric`},
		{"tỷ_lệ", frame.RankOptions{}, `no column "tỷ_lệ"`},
		{"ratio", frame.RankOptions{Name: "staff"}, `frame: WithRank: the Frame already has a column "staff"`},
		{"ratio", frame.RankOptions{Method: 9}, "unknown method 9"},
	} {
		g, err := f.WithRank(tc.column, tc.o)
		if err == nil {
			g.Release()
			t.Errorf("WithRank(%q, %+v): no error", tc.column, tc.o)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %q, want %q", err, tc.want)
		}
	}
}
