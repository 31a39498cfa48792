package frame

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

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

// naiveNullGroups returns the groups (keyed as naiveGroup keys them) with a
// null in col.
func naiveNullGroups(f *Frame, keys []string, col string) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < f.NumRows(); i++ {
		if !f.Col(col).IsNull(i) {
			continue
		}
		k := ""
		for _, key := range keys {
			k += fmt.Sprintf("%v|", f.Col(key).Value(i))
		}
		out[k] = true
	}
	return out
}

func randomFrame(t *testing.T, mem memory.Allocator, n int, seed uint64) *Frame {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	b := NewBuilder(nil,
		[]FieldSpec{{Name: "province", Kind: String, LabelVI: "Tỉnh"},
			{Name: "year", Kind: Int64, Unit: "year"},
			{Name: "big", Kind: Int64},
			{Name: "staff", Kind: Int64, Unit: "people"},
			{Name: "ratio", Kind: Float64, Unit: "ratio"},
			{Name: "code", Kind: Int64}}, WithAllocator(mem))
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
				for _, op := range []AggOp{OpSum, OpMean, OpMin, OpMax, OpCount, OpCountRows, OpFirst, -OpSum, -OpMean, -OpMin, -OpMax} {
					strict := op < 0 // the same aggregation, Strict
					op = max(op, -op)
					if n > 1000 && (strict || op != OpSum && op != OpMean || len(keys) != 2 || keys[0] == "big") {
						continue
					}
					agg := Agg{Column: col, Op: op}
					if op == OpCountRows {
						agg = CountRows()
					}
					if strict {
						agg = agg.Strict()
					}
					g, err := f.GroupBy(keys, agg)
					if err != nil {
						t.Fatal(err)
					}
					order, want := naiveGroup(f, keys, col, op)
					if strict {
						for k := range naiveNullGroups(f, keys, col) {
							want[k] = nil
						}
					}
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
							t.Fatalf("n=%d keys=%v %s(%s) strict %v group %q: got %v, want %v", n, keys, opNames[op], col, strict, k, got, w)
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
	if err := WriteCSV(&b, f, CSVWriteOptions{}); err != nil {
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
		f, err := FromColumns(map[string]string{MetaDataset: "fused"}, []FieldSpec{
			{Name: "year", Kind: Int64}, {Name: "code", Kind: Int64}, {Name: "unit", Kind: Int64},
			{Name: "staff", Kind: Int64, Unit: "people", LabelVI: "Biên chế"}, {Name: "ratio", Kind: Float64, Unit: "ratio"},
			{Name: "name", Kind: String},
		}, []any{year, code, unit, staff, ratio, name}, WithAllocator(mem))
		if err != nil {
			t.Fatal(err)
		}
		aggs := []Agg{Sum("staff"), Mean("staff"), Min("staff"), Max("staff"), Count("staff"),
			Sum("ratio"), Mean("ratio"), Count("ratio"), Count("name"), CountRows(),
			MeanRatio("staff", "unit"), MeanRatio("ratio", "staff"), MeanRatio("unit", "ratio"),
			// Strict: the same on null-free columns, except for the groups
			// of a mean ratio with a zero denominator (unit and staff have
			// zeros)
			Sum("staff").Strict().Named("s1"), Mean("staff").Strict().Named("s2"), Min("staff").Strict().Named("s3"),
			Max("staff").Strict().Named("s4"), Sum("ratio").Strict().Named("s5"), Mean("ratio").Strict().Named("s6"),
			MeanRatio("staff", "unit").Strict().Named("s7"), MeanRatio("ratio", "staff").Strict().Named("s8"),
			MeanRatio("unit", "ratio").Strict().Named("s9")}
		nulls, values := 0, 0
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
			// Strict changes a mean ratio only where a row has no ratio
			for _, c := range [][2]string{{"staff_per_unit_mean", "s7"}, {"ratio_per_staff_mean", "s8"}, {"unit_per_ratio_mean", "s9"}} {
				lax, strict := got.Col(c[0]), got.Col(c[1])
				for g := range lax.Len() {
					if !strict.IsNull(g) && lax.Value(g) != strict.Value(g) {
						t.Fatalf("n=%d keys=%v group %d: %s %v, strict %v", n, keys, g, c[0], lax.Value(g), strict.Value(g))
					}
				}
				nulls += strict.NullN()
				values += strict.Len() - strict.NullN()
			}
			got.Release()
			want.Release()
		}
		if n >= 1000 && (nulls == 0 || values == 0) {
			t.Errorf("n=%d: strict mean ratios: %d nulls, %d values: the data misses its purpose", n, nulls, values)
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

// TestGroupByStrict: a null in the group makes a Strict aggregation null;
// the default skips it. Both paths: the general one (columns with nulls)
// and the one-pass one (null-free columns, where only a zero denominator
// of a mean ratio differs).
func TestGroupByStrict(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := NewBuilder(nil,
		[]FieldSpec{{Name: "g", Kind: Int64}, {Name: "tỉnh", Kind: String},
			{Name: "staff", Kind: Int64, Unit: "people"}, {Name: "ratio", Kind: Float64},
			{Name: "day", Kind: Date}, {Name: "computers", Kind: Int64}}, WithAllocator(mem))
	defer b.Release()
	for _, r := range [][]any{
		// g=1 complete; g=2 a null in each column; g=3 nothing but nulls;
		// g=4 complete with a zero denominator
		{1, "Sóc Trăng", 159, 0.5, time.Date(2015, 3, 31, 0, 0, 0, 0, time.UTC), 142},
		{1, "Sóc Trăng", 48, 1.5, time.Date(2016, 1, 2, 0, 0, 0, 0, time.UTC), 42},
		{2, "Khánh Hòa", 36, nil, nil, 44},
		{2, "Khánh Hòa", nil, 2.0, time.Date(2014, 5, 5, 0, 0, 0, 0, time.UTC), nil},
		{2, "Khánh Hòa", 80, 4.0, time.Date(2013, 5, 5, 0, 0, 0, 0, time.UTC), 47},
		{3, "Huế", nil, nil, nil, nil},
		{4, "Đà Nẵng", 0, 1.0, time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), 3},
		{4, "Đà Nẵng", 10, 3.0, time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC), 5},
	} {
		if err := b.AppendRow(r...); err != nil {
			t.Fatal(err)
		}
	}
	f, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	d := func(y int) any { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		agg       Agg
		lax, want []any // per group 1..4
	}{
		{Sum("staff"), []any{int64(207), int64(116), nil, int64(10)}, []any{int64(207), nil, nil, int64(10)}},
		{Mean("ratio"), []any{1.0, 3.0, nil, 2.0}, []any{1.0, nil, nil, 2.0}},
		{Min("staff"), []any{int64(48), int64(36), nil, int64(0)}, []any{int64(48), nil, nil, int64(0)}},
		{Max("ratio"), []any{1.5, 4.0, nil, 3.0}, []any{1.5, nil, nil, 3.0}},
		{Min("day"), []any{time.Date(2015, 3, 31, 0, 0, 0, 0, time.UTC), time.Date(2013, 5, 5, 0, 0, 0, 0, time.UTC), nil, d(2011)},
			[]any{time.Date(2015, 3, 31, 0, 0, 0, 0, time.UTC), nil, nil, d(2011)}},
		{Max("day"), []any{time.Date(2016, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2014, 5, 5, 0, 0, 0, 0, time.UTC), nil, d(2012)},
			[]any{time.Date(2016, 1, 2, 0, 0, 0, 0, time.UTC), nil, nil, d(2012)}},
		// group 4: 3/0 has no ratio, so the lax mean is 5/10 alone
		{MeanRatio("computers", "staff"), []any{(142.0/159 + 42.0/48) / 2, (44.0/36 + 47.0/80) / 2, nil, 0.5},
			[]any{(142.0/159 + 42.0/48) / 2, nil, nil, nil}},
	} {
		for _, strict := range []bool{false, true} {
			a, want := tc.agg.Named("out"), tc.lax
			if strict {
				a, want = a.Strict(), tc.want
			}
			g, err := f.GroupBy([]string{"g"}, a)
			if err != nil {
				t.Fatal(err)
			}
			if got := g.Col("out"); !reflect.DeepEqual(columnValues(got), want) {
				t.Errorf("%s(%s) strict %v: %v, want %v", opNames[tc.agg.Op], tc.agg.Column, strict, columnValues(got), want)
			}
			g.Release()
		}
	}
	// the one-pass path: groups 1 and 4 are null-free
	for _, fused := range []bool{true, false} {
		fusedGroupBy = fused
		sub := f.Take([]int{0, 1, 6, 7})
		g, err := sub.GroupBy([]string{"g"}, MeanRatio("computers", "staff").Strict().Named("s"), MeanRatio("computers", "staff").Named("l"),
			Sum("staff").Strict().Named("sum"))
		fusedGroupBy = true
		if err != nil {
			t.Fatal(err)
		}
		if got, want := columnValues(g.Col("s")), []any{(142.0/159 + 42.0/48) / 2, nil}; !reflect.DeepEqual(got, want) {
			t.Errorf("fused %v: strict mean ratio %v, want %v", fused, got, want)
		}
		if got, want := columnValues(g.Col("l")), []any{(142.0/159 + 42.0/48) / 2, 0.5}; !reflect.DeepEqual(got, want) {
			t.Errorf("fused %v: mean ratio %v, want %v", fused, got, want)
		}
		if got, want := columnValues(g.Col("sum")), []any{int64(207), int64(10)}; !reflect.DeepEqual(got, want) {
			t.Errorf("fused %v: strict sum %v, want %v", fused, got, want)
		}
		g.Release()
		sub.Release()
	}
	for _, a := range []Agg{Count("staff").Strict(), CountRows().Strict(), First("tỉnh").Strict()} {
		if g, err := f.GroupBy([]string{"g"}, a); err == nil || !strings.Contains(err.Error(), "Strict applies to sum, mean, min, max and mean ratio") {
			if g != nil {
				g.Release()
			}
			t.Errorf("%s Strict: error %v", opNames[a.Op], err)
		}
	}
}

func columnValues(c Column) []any {
	out := make([]any, c.Len())
	for i := range out {
		out[i] = c.Value(i)
	}
	return out
}

// TestGroupByFusedGrowingKeys checks the one-pass path where its cell
// layout has to grow as the rows go (keys rising, falling, negative, an
// outlier late in the frame), where the keys turn out too wide for it
// (the general path then answers), and where a key has nulls (the one-pass
// path is not taken), with one, two and three keys, on one worker and on
// several: each result equals the general path's.
func TestGroupByFusedGrowingKeys(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, n := range []int{1, 3000, 1<<20 + 5} {
		r := rand.New(rand.NewPCG(uint64(n), 7))
		rising, falling, late, wide, small := make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n), make([]int64, n)
		staff := make([]int64, n)
		ratio := make([]float64, n)
		nullable := make([]any, n)
		for i := range n {
			rising[i] = int64(i / 700)
			falling[i] = -int64(i/900) - 1_000_000_000_000
			late[i] = int64(r.IntN(5))
			if i == n-n/3-1 {
				late[i] = 60 // one row far outside the range seen so far
			}
			wide[i] = int64(r.IntN(3))
			if i == n-2 {
				wide[i] = math.MaxInt64 // too wide for a dense table
			}
			if i == n-1 {
				wide[i] = math.MinInt64
			}
			small[i] = int64(r.IntN(4)) - 2
			staff[i] = int64(r.IntN(300)) - 20
			ratio[i] = r.Float64() * 3
			if r.IntN(10) > 0 {
				nullable[i] = int64(r.IntN(3))
			}
		}
		f, err := FromColumns(nil, []FieldSpec{
			{Name: "rising", Kind: Int64}, {Name: "falling", Kind: Int64}, {Name: "late", Kind: Int64},
			{Name: "wide", Kind: Int64}, {Name: "small", Kind: Int64}, {Name: "nullable", Kind: Int64},
			{Name: "staff", Kind: Int64}, {Name: "ratio", Kind: Float64},
		}, []any{rising, falling, late, wide, small, nullable, staff, ratio}, WithAllocator(mem))
		if err != nil {
			t.Fatal(err)
		}
		aggs := []Agg{Sum("staff"), Mean("staff"), Min("staff"), Max("staff"), Count("staff"),
			Sum("ratio"), Mean("ratio"), CountRows(), MeanRatio("ratio", "staff"), MeanRatio("staff", "small").Strict()}
		for _, c := range []struct {
			keys  []string
			fused bool
		}{
			{[]string{"rising"}, true},
			{[]string{"falling"}, true},
			{[]string{"late"}, true},
			{[]string{"small", "rising"}, true},
			{[]string{"falling", "late"}, true},
			{[]string{"late", "small", "falling"}, true},
			{[]string{"rising", "late", "small"}, true},
			{[]string{"wide"}, n < 2},
			{[]string{"small", "wide"}, n < 2},
			{[]string{"late", "nullable"}, n < 2 && nullable[0] != nil},
		} {
			cols := make([]Column, len(c.keys))
			for i, k := range c.keys {
				cols[i] = f.Col(k)
			}
			probe, ok := f.groupByFused(c.keys, cols, aggs)
			if ok != c.fused {
				t.Errorf("n=%d keys=%v: one-pass path taken %v, want %v", n, c.keys, ok, c.fused)
			}
			if ok {
				probe.Release()
			}
			got, err := f.GroupBy(c.keys, aggs...)
			if err != nil {
				t.Fatal(err)
			}
			fusedGroupBy = false
			want, err := f.GroupBy(c.keys, aggs...)
			fusedGroupBy = true
			if err != nil {
				t.Fatal(err)
			}
			if !Equal(got, want) {
				t.Errorf("n=%d keys=%v: one-pass result differs\n%s\nwant\n%s", n, c.keys, got.Head(5), want.Head(5))
			}
			got.Release()
			want.Release()
		}
		f.Release()
	}
}
