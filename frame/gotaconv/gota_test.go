package gotaconv_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/gotaconv"
	"github.com/ictplan/ictplan/internal/frametest"
)

// col returns the named column's values (nil for null), for comparisons.
func col(f *frame.Frame, name string) []any {
	c := f.Col(name)
	out := make([]any, c.Len())
	for i := range out {
		out[i] = c.Value(i)
	}
	return out
}

func TestGotaRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Provinces(t, mem)
	defer f.Release()

	df := gotaconv.ToGota(f)
	if err := df.Error(); err != nil {
		t.Fatal(err)
	}
	if got, want := df.Types(), []series.Type{series.String, series.Int, series.Int, series.Float, series.Bool, series.String}; !reflect.DeepEqual(got, want) {
		t.Errorf("gota types %v, want %v", got, want)
	}
	if r, c := df.Dims(); r != 6 || c != 6 {
		t.Errorf("gota dims %d×%d", r, c)
	}
	if e := df.Col("staff").Elem(2); !e.IsNA() {
		t.Errorf("null staff is %v in gota, want NaN", e)
	}

	back, err := gotaconv.FromGota(df, frametest.ProvinceMeta)
	if err != nil {
		t.Fatal(err)
	}
	defer back.Release()
	// Values come back; dates come back as their text (gota has no date
	// type) and labels and units are lost (gota has no metadata).
	for _, name := range []string{"province", "year", "staff", "ratio", "online"} {
		if got, want := col(back, name), col(f, name); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
	if got, want := back.Col("reported").Strings(), f.Col("reported").Strings(); !reflect.DeepEqual(got, want) {
		t.Errorf("reported: %q, want %q", got, want)
	}
	if got, want := back.Col("reported").Value(1), "2016-06-30"; got != want {
		t.Errorf("reported date in gota: %v, want %q", got, want)
	}
	if back.Col("reported").Kind() != frame.String || back.Meta(frame.MetaDataset) != "provinces" {
		t.Errorf("reported kind %v, metadata %v", back.Col("reported").Kind(), back.Metadata())
	}
}

func TestFromGotaErrors(t *testing.T) {
	bad := dataframe.New(series.New([]int{1}, series.Int, "a")).Filter(dataframe.F{Colname: "nope", Comparator: series.Eq, Comparando: 1})
	if _, err := gotaconv.FromGota(bad, nil); err == nil {
		t.Errorf("gota DataFrame with an error: no error")
	}
}

// A Frame as a gota DataFrame, and back.
func ExampleToGota() {
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String},
		{Name: "computers", Kind: frame.Int64},
	}, [][]any{{"Sở Tài chính", int64(41)}, {"Sở Y tế", nil}})
	if err != nil {
		panic(err)
	}
	defer f.Release()
	df := gotaconv.ToGota(f)
	fmt.Println(df.Col("computers").Elem(0), df.Col("computers").Elem(1).IsNA())
	back, err := gotaconv.FromGota(df, nil)
	if err != nil {
		panic(err)
	}
	defer back.Release()
	fmt.Println(back.NumRows(), back.Col("computers").IsNull(1))
	// Output:
	// 41 true
	// 2 true
}
