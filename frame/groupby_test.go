package frame

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
)

// naiveGroup is the reference: a map keyed by the printed key values.
func naiveGroup(f *Frame, keys []string, col string, op AggOp) (order []string, vals map[string]any) {
	vals = map[string]any{}
	sums, cnts := map[string]float64{}, map[string]int{}
	rows := map[string]int{}
	for i := 0; i < f.NumRows(); i++ {
		k := ""
		for _, key := range keys {
			v := f.Col(key).Value(i)
			k += fmt.Sprintf("%v|", v)
		}
		if _, ok := rows[k]; !ok {
			order = append(order, k)
		}
		rows[k]++
		v := f.Col(col).Value(i)
		if v == nil {
			continue
		}
		var x float64
		switch t := v.(type) {
		case int64:
			x = float64(t)
		case float64:
			x = t
		}
		switch op {
		case OpSum, OpMean:
			sums[k] += x
		case OpMin:
			if cnts[k] == 0 || x < sums[k] {
				sums[k] = x
			}
		case OpMax:
			if cnts[k] == 0 || x > sums[k] {
				sums[k] = x
			}
		case OpFirst:
			if cnts[k] == 0 {
				sums[k] = x
			}
		}
		cnts[k]++
	}
	for _, k := range order {
		switch {
		case op == OpCount:
			vals[k] = float64(cnts[k])
		case op == OpCountRows:
			vals[k] = float64(rows[k])
		case cnts[k] == 0:
			vals[k] = nil
		case op == OpMean:
			vals[k] = sums[k] / float64(cnts[k])
		default:
			vals[k] = sums[k]
		}
	}
	return order, vals
}

func randomFrame(t *testing.T, mem memory.Allocator, n int, seed uint64) *Frame {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	b := NewBuilder(mem, nil,
		FieldSpec{Name: "province", Kind: String, LabelVI: "Tỉnh"},
		FieldSpec{Name: "year", Kind: Int64, Unit: "year"},
		FieldSpec{Name: "big", Kind: Int64},
		FieldSpec{Name: "staff", Kind: Int64, Unit: "people"},
		FieldSpec{Name: "ratio", Kind: Float64, Unit: "ratio"},
		FieldSpec{Name: "code", Kind: Int64})
	defer b.Release()
	provs := []string{"Sóc Trăng", "Khánh Hòa", "Huế", "An Giang"}
	for i := 0; i < n; i++ {
		if r.IntN(10) == 0 {
			b.AppendNull(0)
		} else {
			b.AppendString(0, provs[r.IntN(len(provs))])
		}
		b.AppendInt64(1, int64(2010+r.IntN(4)))
		b.AppendInt64(2, r.Int64N(3)*1_000_000_000_000) // sparse: hashed path
		if r.IntN(5) == 0 {
			b.AppendNull(3)
		} else {
			b.AppendInt64(3, int64(r.IntN(100)))
		}
		if r.IntN(4) == 0 {
			b.AppendNull(4)
		} else {
			b.AppendFloat64(4, r.Float64())
		}
		b.AppendInt64(5, int64(-3+r.IntN(7)))
	}
	f, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestGroupByMatchesNaive(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, n := range []int{0, 1, 17, 500, 1<<20 + 3} { // the last splits across goroutines
		f := randomFrame(t, mem, n, uint64(n))
		for _, keys := range [][]string{{"province"}, {"year"}, {"province", "year"}, {"big", "province"}, {"code", "year"}, {"year", "code", "big"}} {
			for _, col := range []string{"staff", "ratio"} {
				for _, op := range []AggOp{OpSum, OpMean, OpMin, OpMax, OpCount, OpCountRows, OpFirst} {
					if n > 1000 && (op != OpSum && op != OpMean || len(keys) != 2 || keys[0] == "big") {
						continue
					}
					agg := Agg{Column: col, Op: op}
					if op == OpCountRows {
						agg = CountRows()
					}
					g, err := f.GroupBy(keys, agg)
					if err != nil {
						t.Fatal(err)
					}
					order, want := naiveGroup(f, keys, col, op)
					if g.NumRows() != len(order) {
						t.Fatalf("n=%d keys=%v: %d groups, want %d", n, keys, g.NumRows(), len(order))
					}
					out := g.ColumnAt(len(keys))
					for r, k := range order {
						got := out.Value(r)
						var gf any
						switch x := got.(type) {
						case int64:
							gf = float64(x)
						case float64:
							gf = x
						}
						w := want[k]
						if (w == nil) != (gf == nil) || (w != nil && math.Abs(w.(float64)-gf.(float64)) > 1e-9*math.Max(1, math.Abs(w.(float64)))) {
							t.Fatalf("n=%d keys=%v %s(%s) group %q: got %v, want %v", n, keys, opNames[op], col, k, got, w)
						}
						// key columns hold the group's key
						key := ""
						for j := range keys {
							key += fmt.Sprintf("%v|", g.ColumnAt(j).Value(r))
						}
						if key != k {
							t.Fatalf("group %d key %q, want %q (first-appearance order)", r, key, k)
						}
					}
					g.Release()
				}
			}
		}
		f.Release()
	}
}

func TestGroupByOutput(t *testing.T) {
	f, err := FromRows(map[string]string{MetaDataset: "x"}, []FieldSpec{
		{Name: "group", Kind: String},
		{Name: "staff", Kind: Int64, Unit: "people", LabelVI: "Số CB"},
		{Name: "day", Kind: Date},
	}, [][]any{{"II", 3, nil}, {"I", 2, nil}, {"II", nil, nil}, {nil, 5, nil}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	g, err := f.GroupBy([]string{"group"}, Sum("staff"), Mean("staff").Named("avg"), CountRows(), Count("staff"), Max("day"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	want := "group,staff_sum,avg,rows,staff_count,day_max\nII,3,3,2,1,\nI,2,2,1,1,\n,5,5,1,1,\n"
	if got := csvOf(t, g); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if g.Col("staff_sum").LabelVI() != "Số CB" || g.Col("staff_sum").Unit() != "people" || g.Meta(MetaDataset) != "x" {
		t.Error("labels, units or provenance lost")
	}
	for _, bad := range [][]any{
		{[]string{}, []Agg{Sum("staff")}},
		{[]string{"nope"}, []Agg{Sum("staff")}},
		{[]string{"group"}, []Agg{Sum("group")}},
		{[]string{"group"}, []Agg{Sum("staff"), Sum("staff")}},
		{[]string{"group"}, []Agg{Mean("nope")}},
	} {
		if _, err := f.GroupBy(bad[0].([]string), bad[1].([]Agg)...); err == nil {
			t.Errorf("GroupBy%v: no error", bad)
		}
	}
}

func csvOf(t *testing.T, f *Frame) string {
	t.Helper()
	var b stringsBuilder
	if err := f.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

type stringsBuilder struct{ s []byte }

func (b *stringsBuilder) Write(p []byte) (int, error) { b.s = append(b.s, p...); return len(p), nil }
func (b *stringsBuilder) String() string              { return string(b.s) }

// TestGroupByFusedMatchesGeneral runs the one-pass path (dense int64 keys,
// null-free numeric columns) and the general path on the same frames and
// wants identical results, floating-point bits included: both add each
// worker's rows in row order and merge workers in order.
func TestGroupByFusedMatchesGeneral(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, n := range []int{1, 2, 1000, 1<<20 + 3} {
		r := rand.New(rand.NewPCG(uint64(n), 11))
		year, code, unit, staff := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
		ratio := make([]float64, n)
		name := make([]string, n)
		for i := range n {
			year[i] = int64(2010 + r.IntN(15))
			code[i] = int64(-3 + r.IntN(7))
			unit[i] = int64(r.IntN(40))
			staff[i] = int64(r.IntN(300)) - 20
			ratio[i] = r.Float64() * 3
			name[i] = fmt.Sprint("u", r.IntN(5))
		}
		f, err := FromColumns(mem, map[string]string{MetaDataset: "fused"}, []FieldSpec{
			{Name: "year", Kind: Int64}, {Name: "code", Kind: Int64}, {Name: "unit", Kind: Int64},
			{Name: "staff", Kind: Int64, Unit: "people", LabelVI: "Biên chế"}, {Name: "ratio", Kind: Float64, Unit: "ratio"},
			{Name: "name", Kind: String},
		}, []any{year, code, unit, staff, ratio, name})
		if err != nil {
			t.Fatal(err)
		}
		aggs := []Agg{Sum("staff"), Mean("staff"), Min("staff"), Max("staff"), Count("staff"),
			Sum("ratio"), Mean("ratio"), Count("ratio"), Count("name"), CountRows(),
			MeanRatio("staff", "unit"), MeanRatio("ratio", "staff"), MeanRatio("unit", "ratio")}
		for _, keys := range [][]string{{"year"}, {"code"}, {"year", "code"}, {"code", "year"}, {"year", "code", "unit"}} {
			got, err := f.GroupBy(keys, aggs...)
			if err != nil {
				t.Fatal(err)
			}
			cols := make([]Column, len(keys))
			for i, k := range keys {
				cols[i] = f.Col(k)
			}
			probe, ok := f.groupByFused(keys, cols, aggs)
			if !ok {
				t.Fatalf("n=%d keys=%v: the one-pass path was not taken", n, keys)
			}
			probe.Release()
			fusedGroupBy = false
			want, err := f.GroupBy(keys, aggs...)
			fusedGroupBy = true
			if err != nil {
				t.Fatal(err)
			}
			if !Equal(got, want) {
				t.Errorf("n=%d keys=%v: one-pass result differs\n%s\nwant\n%s", n, keys, got.Head(5), want.Head(5))
			}
			got.Release()
			want.Release()
		}
		f.Release()
	}
}

func TestGroupByMeanRatio(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	// Tỉnh ủy 142/159 and HĐND 35/32 in group 1; a unit without staff and a
	// missing figure in group 2 (no ratio: null); group 3 mixes both.
	f, err := FromRows(nil, []FieldSpec{{Name: "g", Kind: Int64}, {Name: "computers", Kind: Int64}, {Name: "staff", Kind: Int64}},
		[][]any{{1, 142, 159}, {1, 35, 32}, {2, 3, 0}, {2, nil, 4}, {3, 10, 20}, {3, 5, 0}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	for _, fused := range []bool{true, false} {
		fusedGroupBy = fused
		g, err := f.GroupBy([]string{"g"}, MeanRatio("computers", "staff"), MeanRatio("computers", "staff").Named("r"))
		fusedGroupBy = true
		if err != nil {
			t.Fatal(err)
		}
		got := g.Col("computers_per_staff_mean").Float64s()
		want := []float64{(142.0/159 + 35.0/32) / 2, math.NaN(), 0.5}
		for i := range want {
			if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
				t.Errorf("fused=%v group %d: %v, want %v", fused, i+1, got[i], want[i])
			}
		}
		if !g.Has("r") || g.Col("computers_per_staff_mean").Unit() != "ratio" {
			t.Errorf("names or unit: %v %q", g.Names(), g.Col("computers_per_staff_mean").Unit())
		}
		g.Release()
	}
	if _, err := f.GroupBy([]string{"g"}, MeanRatio("computers", "nope")); err == nil {
		t.Error("missing denominator accepted")
	}
}
