package frame_test

import (
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/ictplan/ictplan/frame"
)

func TestGotaRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()

	df := f.ToGota()
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

	back, err := frame.FromGota(df, provinceMeta)
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
	if back.Col("reported").Kind() != frame.String || back.Meta(frame.MetaDataset) != "provinces" {
		t.Errorf("reported kind %v, metadata %v", back.Col("reported").Kind(), back.Metadata())
	}
}

func TestFromGotaErrors(t *testing.T) {
	bad := dataframe.New(series.New([]int{1}, series.Int, "a")).Filter(dataframe.F{Colname: "nope", Comparator: series.Eq, Comparando: 1})
	if _, err := frame.FromGota(bad, nil); err == nil {
		t.Errorf("gota DataFrame with an error: no error")
	}
}
