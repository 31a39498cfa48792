package frame_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

// indicators is a long table of e-government indicators: a missing pair
// (Sóc Trăng has no chu_ky_so in 2015), a null value, a null province.
func indicators(t testing.TB, mem memory.Allocator, extra ...[]any) *frame.Frame {
	t.Helper()
	rows := [][]any{
		{"Sóc Trăng", 2015, "dvc_truc_tuyen", 12.5},
		{"Sóc Trăng", 2015, "ho_so_dien_tu", nil},
		{"Khánh Hòa", 2015, "dvc_truc_tuyen", 30.0},
		{nil, 2016, "ho_so_dien_tu", 7.0},
		{"Sóc Trăng", 2016, "chu_ky_so", 88.0},
		{"Khánh Hòa", 2015, "chu_ky_so", 41.5},
	}
	return frametest.Build(t, mem, map[string]string{frame.MetaDataset: "chỉ-số", frame.MetaPeriod: "2015–2016"},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
			{Name: "year", Kind: frame.Int64, Unit: "year"},
			{Name: "indicator", Kind: frame.String, LabelVI: "Chỉ tiêu"},
			{Name: "value", Kind: frame.Float64, LabelVI: "Giá trị", Unit: "percent", Extra: map[string]string{frame.MetaDescription: "tỷ lệ"}},
		}, append(rows, extra...)...)
}

func TestPivot(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	long := indicators(t, mem)
	defer long.Release()
	w, err := long.Pivot(frame.PivotOptions{Index: []string{"province", "year"}, Columns: "indicator", Values: "value"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	if want := []string{"province", "year", "dvc_truc_tuyen", "ho_so_dien_tu", "chu_ky_so"}; !slices.Equal(w.Names(), want) {
		t.Errorf("columns %q, want %q", w.Names(), want)
	}
	i := func(v int64) any { return v }
	want := [][]any{
		{"Sóc Trăng", i(2015), 12.5, nil, nil},
		{"Khánh Hòa", i(2015), 30.0, nil, 41.5},
		{nil, i(2016), nil, 7.0, nil},
		{"Sóc Trăng", i(2016), nil, nil, 88.0},
	}
	if got := rowsOf(w); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%v\nwant\n%v", got, want)
	}
	if got, want := w.Col("chu_ky_so").Spec(), (frame.FieldSpec{Name: "chu_ky_so", Kind: frame.Float64, LabelVI: "chu_ky_so", Unit: "percent"}); !reflect.DeepEqual(got, want) {
		t.Errorf("new column %+v, want %+v", got, want)
	}
	if got := w.Col("province").Spec(); got.LabelVI != "Tỉnh" || w.Col("year").Unit() != "year" {
		t.Errorf("index column %+v", got)
	}
	if !reflect.DeepEqual(w.Metadata(), long.Metadata()) {
		t.Errorf("metadata %v", w.Metadata())
	}

	// values of other kinds keep their kind
	for _, tc := range []struct {
		spec frame.FieldSpec
		a, b any
	}{
		{frame.FieldSpec{Name: "v", Kind: frame.Int64, Unit: "people"}, int64(1201), nil},
		{frame.FieldSpec{Name: "v", Kind: frame.String}, "Sở Nội vụ", nil},
		{frame.FieldSpec{Name: "v", Kind: frame.Bool}, true, false},
		{frame.FieldSpec{Name: "v", Kind: frame.Date}, day(2016, time.June, 30), nil},
	} {
		f := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "k", Kind: frame.Date}, {Name: "c", Kind: frame.String}, tc.spec},
			[]any{day(2015, 1, 1), "một", tc.a}, []any{day(2015, 1, 1), "hai", tc.b}, []any{nil, "hai", tc.a})
		g, err := f.Pivot(frame.PivotOptions{Index: []string{"k"}, Columns: "c", Values: "v"})
		if err != nil {
			t.Fatal(err)
		}
		want := [][]any{{day(2015, 1, 1), tc.a, tc.b}, {nil, nil, tc.a}}
		if got := rowsOf(g); !reflect.DeepEqual(got, want) {
			t.Errorf("%s values: %v, want %v", tc.spec.Kind, got, want)
		}
		if g.Col("hai").Kind() != tc.spec.Kind || g.Col("hai").Unit() != tc.spec.Unit {
			t.Errorf("%s values: spec %+v", tc.spec.Kind, g.Col("hai").Spec())
		}
		g.Release()
		f.Release()
	}
}

func TestPivotErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	long := indicators(t, mem)
	defer long.Release()
	twice := indicators(t, mem, []any{"Khánh Hòa", 2015, "chu_ky_so", nil})
	defer twice.Release()
	nullName := indicators(t, mem, []any{"Khánh Hòa", 2016, nil, 1.0})
	defer nullName.Release()
	emptyName := indicators(t, mem, []any{"Khánh Hòa", 2016, "", 1.0})
	defer emptyName.Release()
	clash := indicators(t, mem, []any{"Khánh Hòa", 2016, "year", 1.0})
	defer clash.Release()
	ok := frame.PivotOptions{Index: []string{"province", "year"}, Columns: "indicator", Values: "value"}
	with := func(f func(*frame.PivotOptions)) frame.PivotOptions { o := ok; f(&o); return o }

	for _, tc := range []struct {
		name string
		f    *frame.Frame
		o    frame.PivotOptions
		want string
	}{
		{"pair twice", twice, ok, `frame: Pivot: province="Khánh Hòa", year=2015 has indicator "chu_ky_so" twice (rows 6 and 7)`},
		{"null column name", nullName, ok, "frame: Pivot: indicator is empty in row 7"},
		{"empty column name", emptyName, ok, "frame: Pivot: indicator is empty in row 7"},
		{"clash with the index", clash, ok, `frame: Pivot: indicator value "year" would be a new column, but the Index has a column of that name`},
		{"no index", long, with(func(o *frame.PivotOptions) { o.Index = nil }), "frame: Pivot needs at least one Index column"},
		{"index twice", long, with(func(o *frame.PivotOptions) { o.Index = []string{"year", "year"} }), `Index column "year" named twice`},
		{"float index", long, with(func(o *frame.PivotOptions) { o.Index = []string{"value"}; o.Values = "year" }), `Index column "value" is float64`},
		{"numeric columns", long, with(func(o *frame.PivotOptions) { o.Index = []string{"province"}; o.Columns = "year" }), `Columns "year" is int64, not text`},
		{"unknown index", long, with(func(o *frame.PivotOptions) { o.Index = []string{"tỉnh"} }), `no column "tỉnh"`},
		{"unknown columns", long, with(func(o *frame.PivotOptions) { o.Columns = "chỉ_tiêu" }), `no column "chỉ_tiêu"`},
		{"unknown values", long, with(func(o *frame.PivotOptions) { o.Values = "giá_trị" }), `no column "giá_trị"`},
		{"columns in the index", long, with(func(o *frame.PivotOptions) { o.Index = []string{"indicator"} }), "must be distinct columns"},
		{"values in the index", long, with(func(o *frame.PivotOptions) { o.Index = []string{"province"}; o.Values = "province" }), "must be distinct columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := tc.f.Pivot(tc.o)
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "frame: ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
}

// wide is a table of staff by year and a ratio: int64 and float64 columns,
// nulls in each.
func wide(t testing.TB, mem memory.Allocator) *frame.Frame {
	t.Helper()
	return frametest.Build(t, mem, map[string]string{frame.MetaDataset: "cán-bộ"},
		[]frame.FieldSpec{
			{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "staff_2015", Kind: frame.Int64, LabelVI: "Số cán bộ 2015", Unit: "people"},
			{Name: "staff_2016", Kind: frame.Int64, LabelVI: "Số cán bộ 2016", Unit: "people"},
			{Name: "ratio", Kind: frame.Float64, Unit: "ratio"},
			{Name: "online", Kind: frame.Bool},
		},
		[]any{"Tỉnh ủy", 159, 162, 0.89308, true},
		[]any{"Sở Nội vụ", nil, 48, nil, false},
		[]any{nil, 36, nil, 1.22222, nil},
	)
}

func TestMelt(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	w := wide(t, mem)
	defer w.Release()
	i := func(v int64) any { return v }

	for _, tc := range []struct {
		name  string
		o     frame.MeltOptions
		names []string
		value frame.FieldSpec
		rows  [][]any
	}{
		{"int64 columns", frame.MeltOptions{ID: []string{"unit"}, Values: []string{"staff_2015", "staff_2016"}, Variable: "year", Value: "staff"},
			[]string{"unit", "year", "staff"}, frame.FieldSpec{Name: "staff", Kind: frame.Int64, Unit: "people"},
			[][]any{
				{"Tỉnh ủy", "staff_2015", i(159)}, {"Tỉnh ủy", "staff_2016", i(162)},
				{"Sở Nội vụ", "staff_2015", nil}, {"Sở Nội vụ", "staff_2016", i(48)},
				{nil, "staff_2015", i(36)}, {nil, "staff_2016", nil},
			}},
		{"int64 and float64, defaults", frame.MeltOptions{ID: []string{"unit", "online"}},
			[]string{"unit", "online", "variable", "value"}, frame.FieldSpec{Name: "value", Kind: frame.Float64},
			[][]any{
				{"Tỉnh ủy", true, "staff_2015", 159.0}, {"Tỉnh ủy", true, "staff_2016", 162.0}, {"Tỉnh ủy", true, "ratio", 0.89308},
				{"Sở Nội vụ", false, "staff_2015", nil}, {"Sở Nội vụ", false, "staff_2016", 48.0}, {"Sở Nội vụ", false, "ratio", nil},
				{nil, nil, "staff_2015", 36.0}, {nil, nil, "staff_2016", nil}, {nil, nil, "ratio", 1.22222},
			}},
		{"no ID, order of Values", frame.MeltOptions{Values: []string{"staff_2016", "staff_2015"}},
			[]string{"variable", "value"}, frame.FieldSpec{Name: "value", Kind: frame.Int64, Unit: "people"},
			[][]any{
				{"staff_2016", i(162)}, {"staff_2015", i(159)},
				{"staff_2016", i(48)}, {"staff_2015", nil},
				{"staff_2016", nil}, {"staff_2015", i(36)},
			}},
		{"one text column", frame.MeltOptions{ID: []string{"ratio"}, Values: []string{"unit"}},
			[]string{"ratio", "variable", "value"}, frame.FieldSpec{Name: "value", Kind: frame.String},
			[][]any{{0.89308, "unit", "Tỉnh ủy"}, {nil, "unit", "Sở Nội vụ"}, {1.22222, "unit", nil}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := w.Melt(tc.o)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Release()
			if !slices.Equal(g.Names(), tc.names) {
				t.Errorf("columns %q, want %q", g.Names(), tc.names)
			}
			if got := rowsOf(g); !reflect.DeepEqual(got, tc.rows) {
				t.Errorf("rows\n%v\nwant\n%v", got, tc.rows)
			}
			if got := g.Col(tc.value.Name).Spec(); !reflect.DeepEqual(got, tc.value) {
				t.Errorf("value column %+v, want %+v", got, tc.value)
			}
			for _, id := range tc.o.ID {
				if !reflect.DeepEqual(g.Col(id).Spec(), w.Col(id).Spec()) {
					t.Errorf("ID column %+v", g.Col(id).Spec())
				}
			}
			if !reflect.DeepEqual(g.Metadata(), w.Metadata()) {
				t.Errorf("metadata %v", g.Metadata())
			}
		})
	}

	for _, tc := range []struct {
		name string
		o    frame.MeltOptions
		want string
	}{
		{"text and numbers", frame.MeltOptions{ID: []string{"online"}}, `column "unit" is string but "staff_2015" is int64`},
		{"bool and numbers", frame.MeltOptions{Values: []string{"ratio", "online"}}, `column "ratio" is float64 but "online" is bool`},
		{"nothing to melt", frame.MeltOptions{ID: w.Names()}, "no column to melt"},
		{"ID twice", frame.MeltOptions{ID: []string{"unit", "unit"}}, `ID column "unit" named twice`},
		{"unknown ID", frame.MeltOptions{ID: []string{"đơn_vị"}}, `no column "đơn_vị"`},
		{"unknown value", frame.MeltOptions{ID: []string{"unit"}, Values: []string{"staff_2017"}}, `no column "staff_2017"`},
		{"value twice", frame.MeltOptions{Values: []string{"ratio", "ratio"}}, `Values column "ratio" named twice`},
		{"ID and value", frame.MeltOptions{ID: []string{"unit"}, Values: []string{"unit"}}, `column "unit" is both ID and Values`},
		{"Variable is an ID", frame.MeltOptions{ID: []string{"unit"}, Values: []string{"ratio"}, Variable: "unit"}, `an ID column is named "unit", the name of the Variable column`},
		{"Value is an ID", frame.MeltOptions{ID: []string{"unit"}, Values: []string{"ratio"}, Value: "unit"}, `the name of the Value column`},
		{"Variable is Value", frame.MeltOptions{Values: []string{"ratio"}, Variable: "x", Value: "x"}, `Variable and Value are both "x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := w.Melt(tc.o)
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "frame: Melt") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
}

// TestMeltPivot: Melt undoes Pivot on a complete long table (every index
// with every column, in the order Pivot reads it), and Pivot undoes Melt.
func TestMeltPivot(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	specs := []frame.FieldSpec{
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
		{Name: "year", Kind: frame.Int64, Unit: "year"},
		{Name: "indicator", Kind: frame.String},
		{Name: "value", Kind: frame.Float64, Unit: "percent"},
	}
	var rows [][]any
	for _, p := range []any{"Sóc Trăng", "Khánh Hòa", nil, "Thừa Thiên Huế"} {
		for _, y := range []int64{2015, 2016} {
			for k, ind := range []string{"dvc_truc_tuyen", "ho_so_dien_tu", "chu_ky_so"} {
				var v any = float64(y-2000) + float64(k)/4
				if len(rows)%5 == 3 {
					v = nil
				}
				rows = append(rows, []any{p, y, ind, v})
			}
		}
	}
	long := frametest.Build(t, mem, map[string]string{frame.MetaDataset: "chỉ-số"}, specs, rows...)
	defer long.Release()
	w, err := long.Pivot(frame.PivotOptions{Index: []string{"province", "year"}, Columns: "indicator", Values: "value"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Release()
	if w.NumRows() != 8 || w.NumCols() != 5 {
		t.Fatalf("pivot: %d×%d", w.NumRows(), w.NumCols())
	}
	back, err := w.Melt(frame.MeltOptions{ID: []string{"province", "year"}, Variable: "indicator", Value: "value"})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Release()
	if !frame.Equal(back, long) {
		t.Errorf("Melt(Pivot(x)) differs from x:\n%s\nwant\n%s", back, long)
	}
	again, err := back.Pivot(frame.PivotOptions{Index: []string{"province", "year"}, Columns: "indicator", Values: "value"})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Release()
	if !frame.Equal(again, w) {
		t.Errorf("Pivot(Melt(w)) differs from w:\n%s\nwant\n%s", again, w)
	}
}
