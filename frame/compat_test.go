package frame_test

// The analysis packages have their own copies of Concat, Pivot, Join and
// Ranks, to be replaced by frame's. These tests check that frame's give the
// same answers on the same data; they go when the copies do.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/analysis/composite"
	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

// tiedScores draws values with many ties: equal fractions, values a
// rounding apart, NaN.
func tiedScores(rng *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		switch rng.IntN(8) {
		case 0:
			v[i] = math.NaN()
		case 1:
			v[i] = 0.1 + 0.2 // 0.30000000000000004
		case 2:
			v[i] = 0.3
		case 3:
			v[i] = float64(rng.IntN(5)) * (1 + float64(rng.IntN(3))*3e-10) // chains of near ties
		default:
			v[i] = float64(rng.IntN(12)) / float64(1+rng.IntN(4))
		}
	}
	return v
}

func TestRanksMatchComposite(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	for trial := range 500 {
		v := tiedScores(rng, rng.IntN(60))
		want := composite.Ranks(v)
		got, valid := frame.Ranks(v, frame.RankOptions{Tolerance: 1e-9})
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: %v\nranks %v\ncomposite.Ranks %v", trial, v, got, want)
		}
		for i, ok := range valid {
			if ok == math.IsNaN(v[i]) {
				t.Fatalf("trial %d: value %v valid %v", trial, v[i], ok)
			}
		}
	}
}

// TestRanksMatchByUnit compares with the rank column of ratios.ByUnit
// (exact ties): ratios of small integers, many of them equal fractions,
// nulls and zero denominators.
func TestRanksMatchByUnit(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	rng := rand.New(rand.NewPCG(17, 19))
	for trial := range 100 {
		n := rng.IntN(80)
		var rows [][]any
		for i := range n {
			var c, s any = int64(rng.IntN(12)), int64(rng.IntN(6))
			if rng.IntN(9) == 0 {
				c = nil
			}
			if rng.IntN(9) == 0 {
				s = nil
			}
			rows = append(rows, []any{fmt.Sprintf("Đơn vị %d", i), c, s})
		}
		f := frametest.Build(t, mem, nil, []frame.FieldSpec{
			{Name: "unit", Kind: frame.String}, {Name: "computers", Kind: frame.Int64}, {Name: "staff", Kind: frame.Int64},
		}, rows...)
		r, err := ratios.ByUnit(f, ratios.ComputersPerStaff())
		if err != nil {
			t.Fatal(err)
		}
		got, valid := frame.Ranks(r.Col("ratio").Float64s(), frame.RankOptions{})
		want := r.Col("rank")
		for i := range got {
			if valid[i] != !want.IsNull(i) || valid[i] && got[i] != want.Int64Values()[i] {
				t.Fatalf("trial %d row %d: ratio %v rank %d (%v), ByUnit %v", trial, i, r.Col("ratio").Value(i), got[i], valid[i], want.Value(i))
			}
		}
		r.Release()
		f.Release()
	}
}

func TestConcatMatchesRatios(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	all := provinces(t, mem)
	defer all.Release()
	a, b := all.Slice(0, 4), all.Slice(4, all.NumRows())
	defer a.Release()
	defer b.Release()
	c := b.WithMeta(frame.MetaDataset, "huyện", frame.MetaSourceFile, "huyen.txt")
	defer c.Release()
	none := a.Head(0)
	defer none.Release()
	for _, frames := range [][]*frame.Frame{{a}, {a, b}, {a, c, b}, {c, a, none}} {
		got, err := frame.Concat(frames, frame.ConcatOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want, err := ratios.Concat(frames...)
		if err != nil {
			t.Fatal(err)
		}
		if !frame.Equal(got, want) {
			t.Errorf("Concat of %d frames:\n%s %v\nratios.Concat:\n%s %v", len(frames), got, got.Metadata(), want, want.Metadata())
		}
		got.Release()
		want.Release()
	}
	frames := []*frame.Frame{a, b}
	wrong, _ := b.Drop("ratio")
	defer wrong.Release()
	frames = append(frames, wrong)
	if _, err := frame.Concat(frames, frame.ConcatOptions{}); err == nil {
		t.Error("no error")
	}
	if _, err := ratios.Concat(frames...); err == nil {
		t.Error("ratios: no error")
	}
}

// TestPivotMatchesWide compares the values of Pivot and composite.Wide on
// long tables with missing pairs and nulls.
func TestPivotMatchesWide(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	rng := rand.New(rand.NewPCG(23, 29))
	provs := []string{"Sóc Trăng", "Khánh Hòa", "Thừa Thiên Huế", "Đà Nẵng", "An Giang"}
	inds := []string{"dân_số", "máy_tính", "cán_bộ", "dịch_vụ_công"}
	for trial := range 50 {
		var rows [][]any
		for _, p := range provs {
			for _, ind := range inds {
				if rng.IntN(4) == 0 {
					continue
				}
				var v any = float64(rng.IntN(1000)) / 8
				if rng.IntN(6) == 0 {
					v = nil
				}
				rows = append(rows, []any{p, ind, v})
			}
		}
		rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		long := frametest.Build(t, mem, nil, []frame.FieldSpec{
			{Name: "province", Kind: frame.String}, {Name: "indicator", Kind: frame.String}, {Name: "value", Kind: frame.Float64},
		}, rows...)
		got, err := long.Pivot(frame.PivotOptions{Index: []string{"province"}, Columns: "indicator", Values: "value"})
		if err != nil {
			t.Fatal(err)
		}
		want, err := composite.Wide(long, "province", "indicator", "value")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Names(), want.Names()) || !reflect.DeepEqual(rowsOf(got), rowsOf(want)) {
			t.Errorf("trial %d: Pivot\n%s\ncomposite.Wide\n%s", trial, got, want)
		}
		got.Release()
		want.Release()
		long.Release()
	}
}

// TestJoinMatchesAttach compares Join, with composite.MatchKey as
// Normalise, and composite.Attach on names written in several ways.
func TestJoinMatchesAttach(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	ref := frametest.Build(t, mem, map[string]string{frame.MetaDataset: "vn-provinces"},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.String},
			{Name: "population", Kind: frame.Float64, Unit: "thousand_people"},
			{Name: "area_km2", Kind: frame.Float64, Unit: "km2"},
		},
		[]any{"Thừa Thiên Huế", 1166.5, 4947.1},
		[]any{"Đà Nẵng", 1245.2, 1284.7},
		[]any{"Khánh Hòa", 1260.6, 5199.6},
		[]any{"Sóc Trăng", 1198.798, 3298.2},
		[]any{"An Giang", nil, nil},
	)
	defer ref.Release()
	f := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "tinh", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}},
		[]any{"Tỉnh Khánh Hoà", 45}, []any{"Thành phố Đà Nẵng", 1201}, []any{"  sóc   trăng ", nil}, []any{"AN GIANG", 7}, []any{"Khánh Hòa", 3})
	defer f.Release()
	for _, m := range []composite.Matching{composite.MatchTones, composite.MatchFolded} {
		want, err := composite.Attach(f, ref, "tinh", "province", []string{"population", "area_km2"}, m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.Join(ref, frame.JoinOptions{Kind: frame.LeftJoin, On: []string{"tinh"}, RightOn: []string{"province"},
			Normalise: func(s string) string { return composite.MatchKey(s, m) }})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rowsOf(got), rowsOf(want)) || !reflect.DeepEqual(got.Fields(), want.Fields()) {
			t.Errorf("%v: Join\n%s\ncomposite.Attach\n%s", m, got, want)
		}
		got.Release()
		want.Release()
	}
}
