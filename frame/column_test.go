package frame_test

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func TestColumnAccessors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	nan := math.NaN()

	staff := f.Col("staff")
	if staff.Name() != "staff" || staff.Kind() != frame.Int64 || staff.LabelVI() != "Số cán bộ" || staff.Unit() != "people" {
		t.Errorf("spec %+v", staff.Spec())
	}
	if staff.Len() != 6 || staff.NullN() != 1 || !staff.IsNull(2) || staff.IsNull(0) {
		t.Errorf("Len %d NullN %d", staff.Len(), staff.NullN())
	}
	if staff.Array().Len() != 6 {
		t.Errorf("Array")
	}

	for _, tc := range []struct {
		name string
		got  any
		want any
	}{
		{"Float64s of int64", f.Col("staff").Float64s(), []float64{1201, 45, nan, 300, 7, 45}},
		{"Float64s of float64", f.Col("ratio").Float64s(), []float64{0.89308, nan, 0.5, 1.25, 0.1, 0.75}},
		{"Int64s of int64", f.Col("staff").Int64s(), []int64{1201, 45, 0, 300, 7, 45}},
		{"Strings of string", f.Col("province").Strings(), []string{"Đà Nẵng", "An Giang", "Cà Mau", "Bạc Liêu", "", "Bà Rịa"}},
		{"Strings of int64", f.Col("staff").Strings(), []string{"1201", "45", "", "300", "7", "45"}},
		{"Strings of float64", f.Col("ratio").Strings(), []string{"0.89308", "", "0.5", "1.25", "0.1", "0.75"}},
		{"Strings of bool", f.Col("online").Strings(), []string{"true", "false", "", "true", "false", "true"}},
		{"Strings of date", f.Col("reported").Strings(), []string{"2015-03-31", "2016-06-30", "", "2016-01-02", "2015-12-01", "2014-05-05"}},
		{"Bools", f.Col("online").Bools(), []bool{true, false, false, true, false, true}},
		{"Dates", f.Col("reported").Dates(), []time.Time{day(2015, 3, 31), day(2016, 6, 30), {}, day(2016, 1, 2), day(2015, 12, 1), day(2014, 5, 5)}},
		{"Valid", f.Col("ratio").Valid(), []bool{true, false, true, true, true, true}},
		{"Value", col(f, "online"), []any{true, false, nil, true, false, true}},
		{"Value of date", f.Col("reported").Value(0), day(2015, 3, 31)},
		{"Value of null", f.Col("province").Value(4), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !sameValues(tc.got, tc.want) {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}

	// A float64 column of whole numbers reads as int64; a fraction is never
	// truncated: Int64s and Row.Int64 panic naming the row.
	whole := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "n", Kind: frame.Float64}}, []any{2.0}, []any{nil}, []any{-3.0})
	defer whole.Release()
	if got := whole.Col("n").Int64s(); !sameValues(got, []int64{2, 0, -3}) {
		t.Errorf("Int64s of whole floats = %v", got)
	}
	for _, read := range []func(){
		func() { f.Col("ratio").Int64s() },
		func() { f.Row(0).Int64("ratio") },
		func() { f.Row(0).Bool("ratio") },
		func() { f.Row(0).Date("ratio") },
	} {
		func() {
			defer func() {
				if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), `"ratio"`) {
					t.Errorf("panic %v, want one naming the column", p)
				}
			}()
			read()
		}()
	}

	// Row accessors: the value, and whether it is there.
	r0, r2 := f.Row(0), f.Row(2)
	if v, ok := r0.Int64OK("staff"); v != 1201 || !ok {
		t.Errorf("Int64OK = %v, %v", v, ok)
	}
	if v, ok := r2.Int64OK("staff"); v != 0 || ok {
		t.Errorf("Int64OK of null = %v, %v", v, ok)
	}
	if v, ok := r2.Float64OK("ratio"); v != 0.5 || !ok {
		t.Errorf("Float64OK = %v, %v", v, ok)
	}
	if v, ok := f.Row(1).Float64OK("ratio"); !math.IsNaN(v) || ok {
		t.Errorf("Float64OK of null = %v, %v", v, ok)
	}
	if r0.Bool("online") != true || r0.Date("reported") != day(2015, 3, 31) {
		t.Errorf("Bool, Date = %v, %v", r0.Bool("online"), r0.Date("reported"))
	}
	if v, ok := r2.BoolOK("online"); v || ok {
		t.Errorf("BoolOK of null = %v, %v", v, ok)
	}
	if v, ok := r2.DateOK("reported"); !v.IsZero() || ok {
		t.Errorf("DateOK of null = %v, %v", v, ok)
	}
	if v, ok := f.Row(4).StringOK("province"); v != "" || ok {
		t.Errorf("StringOK of null = %q, %v", v, ok)
	}
	if v, ok := r0.StringOK("province"); v != "Đà Nẵng" || !ok {
		t.Errorf("StringOK = %q, %v", v, ok)
	}

	// The slices are copies: they outlive the Frame and do not write to it.
	s := f.Col("staff").Int64s()
	s[0] = -1
	if f.Col("staff").Int64s()[0] != 1201 {
		t.Errorf("Int64s shares memory with the Frame")
	}
	if ix := f.ColumnAt(3); ix.Name() != "ratio" {
		t.Errorf("ColumnAt(3) = %q", ix.Name())
	}
}

// sameValues is reflect.DeepEqual with NaN equal to NaN.
func sameValues(a, b any) bool {
	fa, ok1 := a.([]float64)
	fb, ok2 := b.([]float64)
	if !ok1 || !ok2 {
		return reflect.DeepEqual(a, b)
	}
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		if fa[i] != fb[i] && !(math.IsNaN(fa[i]) && math.IsNaN(fb[i])) {
			return false
		}
	}
	return true
}

func TestColumnErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	if _, err := f.Column("nope"); err == nil {
		t.Errorf("Column(nope): no error")
	}
	for _, tc := range []struct {
		name string
		call func()
	}{
		{"Col of a missing name", func() { f.Col("nope") }},
		{"Float64s of string", func() { f.Col("province").Float64s() }},
		{"Int64s of bool", func() { f.Col("online").Int64s() }},
		{"Bools of int64", func() { f.Col("staff").Bools() }},
		{"Dates of string", func() { f.Col("province").Dates() }},
		{"Row.Float64 of string", func() { f.Row(0).Float64("province") }},
		{"Row.Int64 of date", func() { f.Row(0).Int64("reported") }},
		{"Row of a missing name", func() { f.Row(0).Value("nope") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			tc.call()
		})
	}
}

func TestRow(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	r := f.Row(2)
	if r.Index() != 2 || r.String("province") != "Cà Mau" || !r.IsNull("staff") || r.IsNull("ratio") {
		t.Errorf("row 2: %v %q", r.Index(), r.String("province"))
	}
	if v := r.Float64("staff"); !math.IsNaN(v) {
		t.Errorf("Float64 of null = %v", v)
	}
	if v := r.Int64("staff"); v != 0 {
		t.Errorf("Int64 of null = %v", v)
	}
	if v := f.Row(0).Float64("staff"); v != 1201 {
		t.Errorf("Float64 of int64 = %v", v)
	}
	if v := f.Row(0).Value("reported"); v != day(2015, 3, 31) {
		t.Errorf("Value of date = %v", v)
	}
}
