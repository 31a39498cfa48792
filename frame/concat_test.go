package frame_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func TestConcat(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	all := provinces(t, mem) // every kind, nulls in each column
	defer all.Release()
	head, tail := all.Slice(0, 2), all.Slice(2, all.NumRows()) // arrays with offsets
	defer head.Release()
	defer tail.Release()
	// the same columns with other labels and provenance
	district := frametest.Build(t, mem,
		map[string]string{frame.MetaDataset: "huyện", frame.MetaTitle: "Tỉnh mẫu", frame.MetaSourceFile: "huyen.txt", frame.MetaProvince: ""},
		[]frame.FieldSpec{
			{Name: "province", Kind: frame.String, LabelVI: "Huyện"},
			{Name: "year", Kind: frame.Int64},
			{Name: "staff", Kind: frame.Int64, Unit: "person"},
			{Name: "ratio", Kind: frame.Float64},
			{Name: "online", Kind: frame.Bool},
			{Name: "reported", Kind: frame.Date},
		},
		[]any{"Huyện Cù Lao Dung", 2016, nil, nil, nil, nil},
		[]any{nil, nil, 12, 0.25, true, day(2016, time.July, 1)},
	)
	defer district.Release()
	empty := district.Head(0)
	defer empty.Release()

	g, err := frame.Concat([]*frame.Frame{head, empty, district, tail}, frame.ConcatOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	want := append(append(rowsOf(head), rowsOf(district)...), rowsOf(tail)...)
	if got := rowsOf(g); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%v\nwant\n%v", got, want)
	}
	if !reflect.DeepEqual(g.Fields(), all.Fields()) {
		t.Errorf("fields %+v, want the first Frame's", g.Fields())
	}
	wantMeta := map[string]string{
		frame.MetaDataset:    "provinces; huyện",
		frame.MetaTitle:      "Tỉnh mẫu",
		frame.MetaSourceFile: "huyen.txt",
	}
	if !reflect.DeepEqual(g.Metadata(), wantMeta) {
		t.Errorf("metadata %v, want %v", g.Metadata(), wantMeta)
	}
	if g.Allocator() != mem {
		t.Error("not the first Frame's allocator")
	}

	one, err := frame.Concat([]*frame.Frame{district}, frame.ConcatOptions{})
	if err != nil || one != district {
		t.Errorf("Concat of one Frame: %p, %v; want the Frame itself", one, err)
	}
	one.Release()

	other := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer other.AssertSize(t, 0)
	h, err := frame.Concat([]*frame.Frame{empty, empty}, frame.ConcatOptions{Allocator: other})
	if err != nil {
		t.Fatal(err)
	}
	if h.NumRows() != 0 || h.NumCols() != 6 || h.Allocator() != other {
		t.Errorf("empty Concat: %d rows, %d columns", h.NumRows(), h.NumCols())
	}
	h.Release()
}

func TestConcatErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	fewer, _ := f.Drop("online")
	defer fewer.Release()
	renamed, _ := f.Rename("staff", "can_bo")
	defer renamed.Release()
	retyped := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "year", Kind: frame.String}, {Name: "staff", Kind: frame.Int64},
		{Name: "ratio", Kind: frame.Float64}, {Name: "online", Kind: frame.Bool}, {Name: "reported", Kind: frame.Date},
	}, []any{"Cà Mau", "2016", 1, 1.0, true, nil})
	defer retyped.Release()

	for _, tc := range []struct {
		name   string
		frames []*frame.Frame
		want   string
	}{
		{"none", nil, "frame: Concat of no Frame"},
		{"nil", []*frame.Frame{f, nil}, "frame: Concat: Frame 2 is nil"},
		{"fewer columns", []*frame.Frame{f, f, fewer}, "frame: Concat: Frame 3: 5 columns, want 6 (province, year, staff, ratio, online, reported)"},
		{"another name", []*frame.Frame{f, renamed}, `frame: Concat: Frame 2: column 3 is "can_bo", want "staff"`},
		{"another kind", []*frame.Frame{f, retyped}, `frame: Concat: Frame 2: column "year" is string, want int64`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := frame.Concat(tc.frames, frame.ConcatOptions{})
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
	if _, err := frame.Concat([]*frame.Frame{f, fewer}, frame.ConcatOptions{}); !strings.Contains(err.Error(), "Frame 2") {
		t.Errorf("error %v does not name the Frame", err)
	}
}
