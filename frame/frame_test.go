package frame_test

import (
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

func TestFromArrays(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()

	// Record and FromRecord give back the same Frame.
	rec := f.Record()
	g, err := frame.FromRecord(rec, frame.WithAllocator(mem))
	rec.Release()
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if !frame.Equal(f, g) {
		t.Errorf("FromRecord(Record()) differs")
	}

	ints := array.NewInt64Builder(mem)
	ints.AppendValues([]int64{1, 2}, nil)
	two := ints.NewArray()
	ints.AppendValues([]int64{1}, nil)
	one := ints.NewArray()
	ints.Release()
	defer two.Release()
	defer one.Release()
	f64 := arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Float64}
	i64 := arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Int64}
	i64b := arrow.Field{Name: "b", Type: arrow.PrimitiveTypes.Int64}
	u8 := arrow.Field{Name: "a", Type: arrow.PrimitiveTypes.Uint8}
	for _, tc := range []struct {
		name   string
		schema *arrow.Schema
		cols   []arrow.Array
		want   string
	}{
		{"nil schema", nil, nil, "nil schema"},
		{"count", arrow.NewSchema([]arrow.Field{i64}, nil), nil, "0 arrays for 1 fields"},
		{"duplicate", arrow.NewSchema([]arrow.Field{i64, i64}, nil), []arrow.Array{two, two}, `duplicate column name "a"`},
		{"unsupported", arrow.NewSchema([]arrow.Field{u8}, nil), []arrow.Array{two}, "unsupported type uint8"},
		{"type mismatch", arrow.NewSchema([]arrow.Field{f64}, nil), []arrow.Array{two}, "array type int64, field type float64"},
		{"length", arrow.NewSchema([]arrow.Field{i64, i64b}, nil), []arrow.Array{two, one}, `column "b" has 1 rows, want 2`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := frame.FromArrays(tc.schema, tc.cols, frame.WithAllocator(mem))
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}

	// FromTable concatenates chunks.
	s := arrow.NewSchema([]arrow.Field{i64}, nil)
	tbl := array.NewTableFromSlice(s, [][]arrow.Array{{two, one, two}})
	defer tbl.Release()
	h, err := frame.FromTable(tbl, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Release()
	if got := h.Col("a").Int64s(); len(got) != 5 || got[2] != 1 || got[4] != 2 {
		t.Errorf("FromTable: %v", got)
	}
	if h.Allocator() != mem {
		t.Errorf("Allocator")
	}
}
