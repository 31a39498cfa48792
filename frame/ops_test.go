package frame_test

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
	"github.com/ictplan/ictplan/vntext"
)

func TestSelectDropRename(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()

	for _, tc := range []struct {
		name string
		op   func() (*frame.Frame, error)
		want []string // column names, nil for an error
	}{
		{"select reorders", func() (*frame.Frame, error) { return f.Select("staff", "province") }, []string{"staff", "province"}},
		{"select none", func() (*frame.Frame, error) { return f.Select() }, []string{}},
		{"select missing", func() (*frame.Frame, error) { return f.Select("province", "nope") }, nil},
		{"select twice", func() (*frame.Frame, error) { return f.Select("year", "year") }, nil},
		{"drop", func() (*frame.Frame, error) { return f.Drop("ratio", "online") }, []string{"province", "year", "staff", "reported"}},
		{"drop missing", func() (*frame.Frame, error) { return f.Drop("nope") }, nil},
		{"rename", func() (*frame.Frame, error) { return f.Rename("staff", "can_bo") }, []string{"province", "year", "can_bo", "ratio", "online", "reported"}},
		{"rename to itself", func() (*frame.Frame, error) { return f.Rename("staff", "staff") }, f.Names()},
		{"rename onto another", func() (*frame.Frame, error) { return f.Rename("staff", "year") }, nil},
		{"rename missing", func() (*frame.Frame, error) { return f.Rename("nope", "x") }, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := tc.op()
			if tc.want == nil {
				if err == nil {
					g.Release()
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			if got := g.Names(); !slices.Equal(got, tc.want) {
				t.Errorf("columns %q, want %q", got, tc.want)
			}
			if g.NumRows() != f.NumRows() || g.Meta(frame.MetaDataset) != "provinces" {
				t.Errorf("rows %d, metadata %v", g.NumRows(), g.Metadata())
			}
		})
	}

	// Rename keeps the label, unit and values.
	g, err := f.Rename("staff", "can_bo")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	c := g.Col("can_bo")
	if c.LabelVI() != "Số cán bộ" || c.Unit() != "people" || !reflect.DeepEqual(col(g, "can_bo"), col(f, "staff")) {
		t.Errorf("renamed column %+v", c.Spec())
	}
	// The receiver is unchanged.
	if !f.Has("staff") || f.Has("can_bo") {
		t.Errorf("Rename changed its receiver")
	}
}

func TestRows(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	all := []any{"Đà Nẵng", "An Giang", "Cà Mau", "Bạc Liêu", nil, "Bà Rịa"}

	for _, tc := range []struct {
		name string
		op   func() *frame.Frame
		want []any // province column
	}{
		{"head", func() *frame.Frame { return f.Head(2) }, all[:2]},
		{"head beyond", func() *frame.Frame { return f.Head(100) }, all},
		{"head negative", func() *frame.Frame { return f.Head(-1) }, all[:0]},
		{"slice", func() *frame.Frame { return f.Slice(2, 5) }, all[2:5]},
		{"slice empty", func() *frame.Frame { return f.Slice(6, 6) }, all[:0]},
		{"take repeats and reorders", func() *frame.Frame { return f.Take([]int{5, 0, 5, 4}) }, []any{"Bà Rịa", "Đà Nẵng", "Bà Rịa", nil}},
		{"take none", func() *frame.Frame { return f.Take(nil) }, all[:0]},
		{"filter", func() *frame.Frame {
			return f.Filter(func(r frame.Row) bool { return r.Int64("year") == 2015 })
		}, []any{"Đà Nẵng", "Cà Mau", nil}},
		{"filter on null", func() *frame.Frame {
			return f.Filter(func(r frame.Row) bool { return r.Float64("staff") > 40 })
		}, []any{"Đà Nẵng", "An Giang", "Bạc Liêu", "Bà Rịa"}},
		{"filter all out", func() *frame.Frame { return f.Filter(func(frame.Row) bool { return false }) }, all[:0]},
		{"slice of a slice", func() *frame.Frame {
			s := f.Slice(1, 5)
			defer s.Release()
			return s.Slice(1, 3)
		}, all[2:4]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.op()
			defer g.Release()
			if got := col(g, "province"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("province %q, want %q", got, tc.want)
			}
			if g.NumCols() != f.NumCols() || !g.Schema().Equal(f.Schema()) || g.Meta(frame.MetaTitle) != "Tỉnh mẫu" {
				t.Errorf("schema changed: %v", g.Schema())
			}
		})
	}

	// Row ops keep every column aligned.
	g := f.Take([]int{3, 2})
	defer g.Release()
	want := frametest.Build(t, mem, provinceMeta, provinceSpecs, provinceRows[3], provinceRows[2])
	defer want.Release()
	if !frame.Equal(g, want) {
		t.Errorf("Take:\n%v\nwant\n%v", g, want)
	}

	for _, tc := range []struct {
		name string
		call func()
	}{
		{"slice past the end", func() { f.Slice(2, 7) }},
		{"slice reversed", func() { f.Slice(3, 2) }},
		{"take out of range", func() { f.Take([]int{0, 6}) }},
		{"take negative", func() { f.Take([]int{-1}) }},
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

func TestSortBy(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()

	for _, tc := range []struct {
		name string
		keys []frame.SortKey
		want []any // province column after sorting
	}{
		{"text, Vietnamese order, null last", []frame.SortKey{frame.Asc("province")},
			[]any{"An Giang", "Bà Rịa", "Bạc Liêu", "Cà Mau", "Đà Nẵng", nil}},
		{"text descending, null still last", []frame.SortKey{frame.Desc("province")},
			[]any{"Đà Nẵng", "Cà Mau", "Bạc Liêu", "Bà Rịa", "An Giang", nil}},
		// Ties on staff (45) keep their order: An Giang (row 1) before Bà Rịa (row 5).
		{"int, stable, null last", []frame.SortKey{frame.Asc("staff")},
			[]any{nil, "An Giang", "Bà Rịa", "Bạc Liêu", "Đà Nẵng", "Cà Mau"}},
		{"int descending, stable, null last", []frame.SortKey{frame.Desc("staff")},
			[]any{"Đà Nẵng", "Bạc Liêu", "An Giang", "Bà Rịa", nil, "Cà Mau"}},
		{"two keys", []frame.SortKey{frame.Desc("year"), frame.Asc("province")},
			[]any{"An Giang", "Bạc Liêu", "Cà Mau", "Đà Nẵng", nil, "Bà Rịa"}},
		{"float with null", []frame.SortKey{frame.Asc("ratio")},
			[]any{nil, "Cà Mau", "Bà Rịa", "Đà Nẵng", "Bạc Liêu", "An Giang"}},
		{"bool: false first, null last", []frame.SortKey{frame.Asc("online"), frame.Asc("year")},
			[]any{nil, "An Giang", "Bà Rịa", "Đà Nẵng", "Bạc Liêu", "Cà Mau"}},
		{"date descending", []frame.SortKey{frame.Desc("reported")},
			[]any{"An Giang", "Bạc Liêu", nil, "Đà Nẵng", "Bà Rịa", "Cà Mau"}},
		{"no keys keeps the order", nil, []any{"Đà Nẵng", "An Giang", "Cà Mau", "Bạc Liêu", nil, "Bà Rịa"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := f.SortBy(tc.keys...)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			if got := col(g, "province"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
	if _, err := f.SortBy(frame.Asc("nope")); err == nil {
		t.Errorf("SortBy(nope): no error")
	}
}

func TestVietnameseOrder(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	// Each list is in Vietnamese dictionary order: the letters
	// a ă â b c d đ e ê ... o ô ơ ... u ư, tones after the base letter in
	// the order ngang, huyền, hỏi, ngã, sắc, nặng, case ignored (ties in
	// case go upper case first).
	for _, want := range [][]string{
		{"An Giang", "Bà Rịa", "Bạc Liêu", "Cà Mau", "Đà Nẵng", "Điện Biên"},
		{"a", "ă", "â", "b"},
		{"Az", "Ăn", "Ân", "Ba"},
		{"d", "dz", "đ", "e"},
		{"Dương", "Đắk Lắk", "Đắk Nông"},
		{"o", "ô", "ơ", "p"},
		{"u", "ư", "v"},
		{"ba", "bà", "bả", "bã", "bá", "bạ"},
		{"An Giang", "an giang", "ANH"},
		{"Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên"},
	} {
		for i := 0; i+1 < len(want); i++ {
			if c := vntext.Compare(want[i], want[i+1]); c > 0 {
				t.Errorf("vntext.Compare(%q, %q) = %d, want <= 0", want[i], want[i+1], c)
			}
		}
		shuffled := slices.Clone(want)
		slices.Reverse(shuffled)
		rows := make([][]any, len(shuffled))
		for i, s := range shuffled {
			rows[i] = []any{s}
		}
		f := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "name", Kind: frame.String}}, rows...)
		g, err := f.SortBy(frame.Asc("name"))
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Col("name").Strings(); !slices.Equal(got, want) {
			t.Errorf("SortBy gives %q, want %q", got, want)
		}
		g.Release()
		f.Release()
	}
	if vntext.Compare("An Giang", "an giang") != 0 {
		t.Errorf("case is not ignored")
	}
}

func TestSortByConcurrent(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			g, err := f.SortBy(frame.Asc("province"))
			if err != nil {
				t.Error(err)
				return
			}
			defer g.Release()
			if got := g.Col("province").Value(0); got != "An Giang" {
				t.Errorf("first %v", got)
			}
		})
	}
	wg.Wait()
}

func TestWithColumn(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	nan := math.NaN()
	perK := frame.FieldSpec{Name: "per_k", Kind: frame.Float64, Unit: "ratio", LabelVI: "Tỷ lệ"}

	for _, tc := range []struct {
		name   string
		spec   frame.FieldSpec
		values any
		valid  []bool
		want   []any
		err    string
	}{
		{"float64 with NaN as null", perK, []float64{1, nan, 3, 4, 5, 6}, nil, []any{1.0, nil, 3.0, 4.0, 5.0, 6.0}, ""},
		{"int64 with valid", frame.FieldSpec{Name: "n", Kind: frame.Int64}, []int64{1, 2, 3, 4, 5, 6},
			[]bool{true, true, false, true, true, false}, []any{int64(1), int64(2), nil, int64(4), int64(5), nil}, ""},
		{"[]int", frame.FieldSpec{Name: "n", Kind: frame.Int64}, []int{1, 2, 3, 4, 5, 6}, nil,
			[]any{int64(1), int64(2), int64(3), int64(4), int64(5), int64(6)}, ""},
		{"strings", frame.FieldSpec{Name: "s", Kind: frame.String}, []string{"a", "", "c", "d", "e", "f"}, nil,
			[]any{"a", "", "c", "d", "e", "f"}, ""},
		{"bools", frame.FieldSpec{Name: "b", Kind: frame.Bool}, []bool{true, false, true, false, true, false}, nil,
			[]any{true, false, true, false, true, false}, ""},
		{"dates, zero is null", frame.FieldSpec{Name: "d", Kind: frame.Date},
			[]time.Time{day(2020, 1, 1), {}, day(2020, 1, 3), {}, {}, {}}, nil,
			[]any{day(2020, 1, 1), nil, day(2020, 1, 3), nil, nil, nil}, ""},
		{"any with nil", frame.FieldSpec{Name: "x", Kind: frame.Float64}, []any{1, nil, 2.5, int64(3), nil, 0.0}, nil,
			[]any{1.0, nil, 2.5, 3.0, nil, 0.0}, ""},
		{"wrong length", perK, []float64{1, 2}, nil, nil, "2 values for 6 rows"},
		{"wrong valid length", perK, []float64{1, 2, 3, 4, 5, 6}, []bool{true}, nil, "1 validity flags for 6 rows"},
		{"wrong kind", frame.FieldSpec{Name: "x", Kind: frame.Int64}, []string{"a", "b", "c", "d", "e", "f"}, nil, nil, "cannot append string"},
		{"unsupported slice", perK, []float32{1, 2, 3, 4, 5, 6}, nil, nil, "unsupported values type []float32"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := f.WithColumn(tc.spec, tc.values, tc.valid)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					if g != nil {
						g.Release()
					}
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			if got := col(g, tc.spec.Name); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("values %v, want %v", got, tc.want)
			}
			if g.NumCols() != f.NumCols()+1 || g.Names()[g.NumCols()-1] != tc.spec.Name {
				t.Errorf("columns %q: want %q added at the end", g.Names(), tc.spec.Name)
			}
			if got := g.Col(tc.spec.Name).Spec(); !reflect.DeepEqual(got, tc.spec) {
				t.Errorf("spec %+v, want %+v", got, tc.spec)
			}
			if g.Meta(frame.MetaDataset) != "provinces" || f.NumCols() != 6 {
				t.Errorf("metadata lost or receiver changed")
			}
		})
	}

	// Replacing a column keeps its position.
	g, err := f.WithColumn(frame.FieldSpec{Name: "staff", Kind: frame.Float64, Unit: "people"}, f.Col("staff").Float64s(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if !slices.Equal(g.Names(), f.Names()) || g.Col("staff").Kind() != frame.Float64 || !g.Col("staff").IsNull(2) {
		t.Errorf("replace: %q %v", g.Names(), g.Col("staff").Kind())
	}
}

func TestWithColumnFunc(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()

	perRatio, err := f.WithColumnFunc(frame.FieldSpec{Name: "staff_x_ratio", Kind: frame.Float64},
		func(r frame.Row) any { return r.Float64("staff") * r.Float64("ratio") })
	if err != nil {
		t.Fatal(err)
	}
	defer perRatio.Release()
	// float64 arithmetic at run time, not exact constant arithmetic
	mul := func(a, b float64) float64 { return a * b }
	want := []any{mul(1201, 0.89308), nil, nil, 375.0, mul(7, 0.1), mul(45, 0.75)}
	if got := col(perRatio, "staff_x_ratio"); !reflect.DeepEqual(got, want) {
		t.Errorf("new column %v, want %v (NaN from a null is null)", got, want)
	}

	label, err := f.WithColumnFunc(frame.FieldSpec{Name: "province", Kind: frame.String},
		func(r frame.Row) any {
			if r.IsNull("province") {
				return nil
			}
			return strings.ToUpper(r.String("province"))
		})
	if err != nil {
		t.Fatal(err)
	}
	defer label.Release()
	if got := col(label, "province"); !reflect.DeepEqual(got, []any{"ĐÀ NẴNG", "AN GIANG", "CÀ MAU", "BẠC LIÊU", nil, "BÀ RỊA"}) {
		t.Errorf("replaced column %q", got)
	}
	if label.Names()[0] != "province" {
		t.Errorf("replaced column moved: %q", label.Names())
	}

	if _, err := f.WithColumnFunc(frame.FieldSpec{Name: "x", Kind: frame.Int64},
		func(r frame.Row) any { return "text" }); err == nil {
		t.Errorf("wrong type: no error")
	}
}

func TestWithMeta(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	g := f.WithMeta(frame.MetaProvince, "Cần Thơ", frame.MetaTitle, "")
	defer g.Release()
	want := map[string]string{frame.MetaDataset: "provinces", frame.MetaProvince: "Cần Thơ"}
	if got := g.Metadata(); !reflect.DeepEqual(got, want) {
		t.Errorf("metadata %v, want %v", got, want)
	}
	if f.Meta(frame.MetaTitle) != "Tỉnh mẫu" || f.Meta(frame.MetaProvince) != "" {
		t.Errorf("WithMeta changed its receiver: %v", f.Metadata())
	}
	if frame.Equal(f, g) {
		t.Errorf("Equal ignores schema metadata")
	}
	// Metadata returns a copy.
	g.Metadata()[frame.MetaDataset] = "changed"
	if g.Meta(frame.MetaDataset) != "provinces" {
		t.Errorf("Metadata shares its map")
	}
	defer func() {
		if recover() == nil {
			t.Errorf("odd arguments: no panic")
		}
	}()
	f.WithMeta("key")
}

func TestRetainRelease(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	g := f.Retain()
	f.Release()
	if mem.CurrentAlloc() == 0 {
		t.Fatalf("released with a reference left")
	}
	if g.Col("province").Value(0) != "Đà Nẵng" {
		t.Errorf("retained Frame unreadable")
	}
	// A derived Frame holds its own references.
	h := g.Head(2)
	g.Release()
	if h.Col("province").Value(1) != "An Giang" {
		t.Errorf("Head after its parent's release")
	}
	h.Release()
	defer func() {
		if recover() == nil {
			t.Errorf("over-release: no panic")
		}
	}()
	h.Release()
}

func TestEqual(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	same := provinces(t, mem)
	defer same.Release()
	if !frame.Equal(f, same) {
		t.Errorf("equal Frames differ")
	}
	otherValue := slices.Clone(provinceRows)
	otherValue[2] = []any{"Cà Mau", int64(2015), int64(0), 0.5, nil, nil}
	otherLabel := slices.Clone(provinceSpecs)
	otherLabel[2].LabelVI = "Cán bộ"
	for _, tc := range []struct {
		name string
		g    *frame.Frame
	}{
		{"value (null vs 0)", frametest.Build(t, mem, provinceMeta, provinceSpecs, otherValue...)},
		{"label", frametest.Build(t, mem, provinceMeta, otherLabel, provinceRows...)},
		{"schema metadata", frametest.Build(t, mem, nil, provinceSpecs, provinceRows...)},
		{"rows", frametest.Build(t, mem, provinceMeta, provinceSpecs, provinceRows[:5]...)},
	} {
		if frame.Equal(f, tc.g) {
			t.Errorf("%s: Frames that differ are Equal", tc.name)
		}
		tc.g.Release()
	}
}
