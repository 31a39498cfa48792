package frame_test

import (
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// provinces is the small Frame of every kind the ops tests use
// (frametest.Provinces).
var (
	provinceSpecs = frametest.ProvinceSpecs
	provinceRows  = frametest.ProvinceRows
	provinceMeta  = frametest.ProvinceMeta
)

func provinces(t testing.TB, mem memory.Allocator) *frame.Frame {
	t.Helper()
	return frametest.Provinces(t, mem)
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
