package frame_test

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

func TestBuilderAppend(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	hanoi := time.FixedZone("ICT", 7*3600)
	specs := []frame.FieldSpec{
		{Name: "s", Kind: frame.String},
		{Name: "i", Kind: frame.Int64},
		{Name: "f", Kind: frame.Float64},
		{Name: "b", Kind: frame.Bool},
		{Name: "d", Kind: frame.Date},
	}
	for _, tc := range []struct {
		name string
		row  []any
		want []any // values read back; nil is null
		err  string
	}{
		{"every kind", []any{"x", int64(3), 1.5, true, day(2020, 1, 2)},
			[]any{"x", int64(3), 1.5, true, day(2020, 1, 2)}, ""},
		{"nulls", []any{nil, nil, nil, nil, nil}, []any{nil, nil, nil, nil, nil}, ""},
		{"int to int64 and float64", []any{"", 4, 5, false, day(1970, 1, 1)},
			[]any{"", int64(4), 5.0, false, day(1970, 1, 1)}, ""},
		{"int64 to float64", []any{"a", int64(1), int64(2), false, nil}, []any{"a", int64(1), 2.0, false, nil}, ""},
		{"NaN is null", []any{"a", 1, math.NaN(), true, nil}, []any{"a", int64(1), nil, true, nil}, ""},
		// The calendar day in the time's own location: 23:30 in Hà Nội on
		// 31 Dec is still 31 Dec, though it is 16:30 UTC.
		{"date in its location", []any{"a", 1, 1.0, true, time.Date(2019, 12, 31, 23, 30, 0, 0, hanoi)},
			[]any{"a", int64(1), 1.0, true, day(2019, 12, 31)}, ""},
		{"float to int64", []any{"a", 1.5, 1.0, true, nil}, nil, `column "i" is int64: cannot append float64`},
		{"string to float64", []any{"a", 1, "1,5", true, nil}, nil, `column "f" is float64: cannot append string`},
		{"int to string", []any{1, 1, 1.0, true, nil}, nil, `column "s" is string: cannot append int`},
		{"string to date", []any{"a", 1, 1.0, true, "2020-01-02"}, nil, `column "d" is date: cannot append string`},
		{"too few values", []any{"a", 1}, nil, "row has 2 values for 5 columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := frame.NewBuilder(nil, specs, frame.WithAllocator(mem))
			defer b.Release()
			err := b.AppendRow(tc.row...)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			// A failed row leaves the columns aligned (padded with nulls)
			// or untouched, so that the Builder stays usable.
			f, err := b.Frame()
			if err != nil {
				t.Fatalf("Frame after AppendRow: %v", err)
			}
			defer f.Release()
			if tc.err != "" {
				return
			}
			if f.NumRows() != 1 {
				t.Fatalf("%d rows", f.NumRows())
			}
			for j, s := range specs {
				if got := f.Col(s.Name).Value(0); !reflect.DeepEqual(got, tc.want[j]) {
					t.Errorf("%s = %#v, want %#v", s.Name, got, tc.want[j])
				}
			}
		})
	}
}

func TestBuilderFrame(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	b := frame.NewBuilder(map[string]string{"dataset": "x"},
		[]frame.FieldSpec{{Name: "a", Kind: frame.Int64}, {Name: "b", Kind: frame.String}}, frame.WithAllocator(mem))
	defer b.Release()
	b.AppendInt64(0, 1)
	b.AppendInt64(0, 2)
	b.AppendString(1, "x")
	if b.Len(0) != 2 || b.Len(1) != 1 {
		t.Fatalf("Len = %d, %d", b.Len(0), b.Len(1))
	}
	if _, err := b.Frame(); err == nil || !strings.Contains(err.Error(), `column "b" has 1 values`) {
		t.Fatalf("unequal columns: error %v", err)
	}
	// Frame resets the Builder: the next Frame starts empty.
	b.AppendString(1, "y")
	f, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if f.NumRows() != 2 || f.Meta("dataset") != "x" {
		t.Errorf("rows %d meta %v", f.NumRows(), f.Metadata())
	}
	g, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if g.NumRows() != 0 || g.NumCols() != 2 {
		t.Errorf("after reset: %d rows %d cols", g.NumRows(), g.NumCols())
	}
}

func TestNewBuilderPanics(t *testing.T) {
	for _, tc := range []struct {
		name  string
		specs []frame.FieldSpec
	}{
		{"duplicate name", []frame.FieldSpec{{Name: "a", Kind: frame.Int64}, {Name: "a", Kind: frame.String}}},
		{"invalid kind", []frame.FieldSpec{{Name: "a"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("no panic")
				}
			}()
			b := frame.NewBuilder(nil, tc.specs)
			b.Release()
		})
	}
}

func TestFromRows(t *testing.T) {
	f, err := frame.FromRows(provinceMeta, provinceSpecs, provinceRows)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if f.NumRows() != 6 || f.NumCols() != 6 {
		t.Fatalf("%d×%d", f.NumRows(), f.NumCols())
	}
	if got := f.Names(); !reflect.DeepEqual(got, []string{"province", "year", "staff", "ratio", "online", "reported"}) {
		t.Errorf("Names = %q", got)
	}
	if !reflect.DeepEqual(f.Fields(), provinceSpecs) {
		t.Errorf("Fields = %+v", f.Fields())
	}
	if f.Meta(frame.MetaDataset) != "provinces" || f.Meta("missing") != "" {
		t.Errorf("Meta: %v", f.Metadata())
	}
	if !f.Has("staff") || f.Has("Staff") {
		t.Errorf("Has")
	}

	_, err = frame.FromRows(nil, provinceSpecs, [][]any{provinceRows[0], {"x", "2015"}})
	if err == nil || !strings.HasPrefix(err.Error(), "row 1: ") {
		t.Errorf("bad row: error %v, want it to name row 1", err)
	}
}

func TestKind(t *testing.T) {
	for _, k := range []frame.Kind{frame.String, frame.Int64, frame.Float64, frame.Bool, frame.Date} {
		got, err := frame.ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), got, err)
		}
	}
	if _, err := frame.ParseKind("invalid"); err == nil {
		t.Errorf("ParseKind(invalid): no error")
	}
	if s := frame.Kind(42).String(); s != "Kind(42)" {
		t.Errorf("Kind(42) = %q", s)
	}
	if !frame.Int64.Numeric() || !frame.Float64.Numeric() || frame.Date.Numeric() {
		t.Errorf("Numeric")
	}
}
