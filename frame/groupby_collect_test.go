package frame_test

import (
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func TestCollect(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Provinces(t, mem)
	defer f.Release()
	g, err := f.GroupBy([]string{"year"},
		frame.Collect("province", "; "), frame.Collect("ratio", "|"), frame.Collect("reported", ","), frame.Collect("staff", ","))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	// years in first-appearance order: 2015, 2016, 2014
	want := [][]any{
		{int64(2015), "Đà Nẵng; Cà Mau", "0.89308|0.5|0.1", "2015-03-31,2015-12-01", "1201,7"},
		{int64(2016), "An Giang; Bạc Liêu", "1.25", "2016-06-30,2016-01-02", "45,300"},
		{int64(2014), "Bà Rịa", "0.75", "2014-05-05", "45"},
	}
	if g.NumRows() != len(want) {
		t.Fatalf("%d groups, want %d", g.NumRows(), len(want))
	}
	for i, w := range want {
		for j, name := range g.Names() {
			if got := g.ColumnAt(j).Value(i); got != w[j] {
				t.Errorf("row %d %s = %v, want %v", i, name, got, w[j])
			}
		}
	}
	// a group without a value is null
	nulls := f.Filter(func(r frame.Row) bool { return r.IsNull("staff") })
	defer nulls.Release()
	h, err := nulls.GroupBy([]string{"year"}, frame.Collect("staff", ","))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Release()
	if h.NumRows() != 1 || !h.Col("staff_list").IsNull(0) {
		t.Errorf("Collect of a group without a value: %v", h)
	}
	if _, err := f.GroupBy([]string{"year"}, frame.Collect("staff", ",").Strict()); err == nil {
		t.Error("Strict Collect: no error")
	}
}
