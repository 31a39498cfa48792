package frame

import (
	"math"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

func TestRatios(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	// Tỉnh ủy 142/159, Hội đồng Nhân dân 35/32 (soctrang-2010-computers-provincial),
	// then a zero denominator and nulls on either side.
	f, err := FromRows(nil, []FieldSpec{{Name: "computers", Kind: Int64}, {Name: "staff", Kind: Int64}, {Name: "w", Kind: Float64}},
		[][]any{{int64(142), int64(159), 2.0}, {int64(35), int64(32), 0.5}, {int64(3), int64(0), 0.0}, {nil, int64(4), 1.0}, {int64(4), nil, nil}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	got := Ratios(nil, f.Col("computers"), f.Col("staff"))
	want := []float64{142.0 / 159, 35.0 / 32, math.NaN(), math.NaN(), math.NaN()}
	for i := range want {
		if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Errorf("row %d: %v, want %v", i, got[i], want[i])
		}
	}
	// float over int, int over float, and dst reuse
	dst := make([]float64, 0, 10)
	got = Ratios(dst, f.Col("w"), f.Col("staff"))
	if &got[0] != &dst[:1][0] || got[0] != 2.0/159 || got[1] != 0.5/32 || !math.IsNaN(got[4]) {
		t.Errorf("float/int: %v", got)
	}
	got = Ratios(nil, f.Col("staff"), f.Col("w"))
	if got[0] != 159/2.0 || !math.IsNaN(got[2]) || !math.IsNaN(got[4]) {
		t.Errorf("int/float: %v", got)
	}
	for _, bad := range []func(){
		func() { Ratios(nil, f.Col("computers"), f.Slice(0, 2).Col("staff")) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("Ratios of columns of different lengths did not panic")
				}
			}()
			bad()
		}()
	}
}

func TestRatiosParallel(t *testing.T) {
	n := 1<<20 + 5
	num, den := make([]int64, n), make([]int64, n)
	for i := range num {
		num[i], den[i] = int64(i), int64(i%7)
	}
	f, err := FromColumns(nil, []FieldSpec{{Name: "a", Kind: Int64}, {Name: "b", Kind: Int64}}, []any{num, den})
	if err != nil {
		t.Fatal(err)
	}
	got := Ratios(nil, f.Col("a"), f.Col("b"))
	for i := range got {
		want := float64(i) / float64(i%7)
		if i%7 == 0 {
			want = math.NaN()
		}
		if !(got[i] == want || math.IsNaN(got[i]) && math.IsNaN(want)) {
			t.Fatalf("row %d: %v, want %v", i, got[i], want)
		}
	}
}

func TestHasNaN(t *testing.T) {
	for _, n := range []int{0, 1, 3, 4, 5, 1<<20 + 9} {
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(i)
		}
		if hasNaN(v) {
			t.Errorf("n=%d: NaN found in a clean slice", n)
		}
		if n == 0 {
			continue
		}
		v[n-1] = math.Inf(1) // an infinity poisons the sum but is not a NaN
		if hasNaN(v) {
			t.Errorf("n=%d: +Inf taken for NaN", n)
		}
		v[n/2] = math.NaN()
		if !hasNaN(v) {
			t.Errorf("n=%d: NaN at %d missed", n, n/2)
		}
	}
}

// Nulls in a frame large enough to be split across CPUs land on their own
// rows, in Ratios and in WithRatio.
func TestRatiosParallelNulls(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	n := 1<<20 + 7
	b := NewBuilder(nil, []FieldSpec{{Name: "a", Kind: Int64}, {Name: "b", Kind: Float64}}, WithAllocator(mem))
	for i := range n {
		if i%1000 == 3 {
			b.AppendNull(0)
		} else {
			b.AppendInt64(0, int64(i))
		}
		switch {
		case i%777 == 5:
			b.AppendNull(1)
		case i%10 == 0:
			b.AppendFloat64(1, 0)
		default:
			b.AppendFloat64(1, float64(i%10))
		}
	}
	f, err := b.Frame()
	b.Release()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	want := func(i int) float64 {
		if i%1000 == 3 || i%777 == 5 || i%10 == 0 {
			return math.NaN()
		}
		return float64(i) / float64(i%10)
	}
	got := Ratios(nil, f.Col("a"), f.Col("b"))
	g, err := f.WithRatio(FieldSpec{Name: "r"}, "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	col := g.Col("r")
	nulls := 0
	for i := range n {
		w := want(i)
		if math.IsNaN(w) {
			nulls++
		}
		if !(got[i] == w || math.IsNaN(got[i]) && math.IsNaN(w)) {
			t.Fatalf("Ratios row %d: %v, want %v", i, got[i], w)
		}
		if col.IsNull(i) != math.IsNaN(w) {
			t.Fatalf("WithRatio row %d: null %v, want %v", i, col.IsNull(i), math.IsNaN(w))
		}
	}
	if col.NullN() != nulls || col.Unit() != "ratio" || col.Kind() != Float64 {
		t.Errorf("WithRatio: %d nulls (want %d), unit %q, kind %s", col.NullN(), nulls, col.Unit(), col.Kind())
	}
}

func TestWithRatio(t *testing.T) {
	f, err := FromRows(nil, []FieldSpec{{Name: "computers", Kind: Int64}, {Name: "staff", Kind: Int64}, {Name: "unit", Kind: String}},
		[][]any{{int64(142), int64(159), "Tỉnh ủy"}, {int64(35), int64(32), "HĐND"}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	dst := make([]float64, 2)
	g, err := f.WithRatioBuffer(FieldSpec{Name: "cps", LabelVI: "Máy tính/CBCC"}, "computers", "staff", dst)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if v := g.Col("cps").Float64s(); v[0] != 142.0/159 || v[1] != 35.0/32 || g.Col("cps").NullN() != 0 || dst[0] != 142.0/159 {
		t.Errorf("cps %v, dst %v", v, dst)
	}
	for _, bad := range []struct {
		spec     FieldSpec
		num, den string
	}{
		{FieldSpec{Name: "x"}, "computers", "nope"},
		{FieldSpec{Name: "x"}, "unit", "staff"},
		{FieldSpec{Name: "x", Kind: Int64}, "computers", "staff"},
	} {
		if _, err := f.WithRatio(bad.spec, bad.num, bad.den); err == nil {
			t.Errorf("WithRatio(%v, %s, %s): no error", bad.spec, bad.num, bad.den)
		}
	}
}
