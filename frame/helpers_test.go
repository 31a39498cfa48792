package frame_test

import (
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// provinces is a small Frame of every kind, used by the ops tests.
var provinceSpecs = []frame.FieldSpec{
	{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
	{Name: "year", Kind: frame.Int64, Unit: "year"},
	{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
	{Name: "ratio", Kind: frame.Float64, Unit: "ratio"},
	{Name: "online", Kind: frame.Bool},
	{Name: "reported", Kind: frame.Date},
}

var provinceRows = [][]any{
	{"Đà Nẵng", int64(2015), int64(1201), 0.89308, true, day(2015, time.March, 31)},
	{"An Giang", int64(2016), int64(45), nil, false, day(2016, time.June, 30)},
	{"Cà Mau", int64(2015), nil, 0.5, nil, nil},
	{"Bạc Liêu", int64(2016), int64(300), 1.25, true, day(2016, time.January, 2)},
	{nil, int64(2015), int64(7), 0.1, false, day(2015, time.December, 1)},
	{"Bà Rịa", int64(2014), int64(45), 0.75, true, day(2014, time.May, 5)},
}

var provinceMeta = map[string]string{frame.MetaDataset: "provinces", frame.MetaTitle: "Tỉnh mẫu"}

func provinces(t testing.TB, mem memory.Allocator) *frame.Frame {
	t.Helper()
	return frametest.Build(t, mem, provinceMeta, provinceSpecs, provinceRows...)
}

// col returns the named column's values (nil for null), for comparisons.
func col(f *frame.Frame, name string) []any {
	c := f.Col(name)
	out := make([]any, c.Len())
	for i := range out {
		out[i] = c.Value(i)
	}
	return out
}
