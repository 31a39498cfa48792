package periods

import (
	"math"

	"github.com/ictplan/ictplan/frame"
)

// table builds an output Frame column by column name.
type table struct{ b *frame.Builder }

func newTable(f *frame.Frame, meta map[string]string, specs []frame.FieldSpec) *table {
	return &table{b: frame.NewBuilder(meta, specs, frame.WithAllocator(f.Allocator()))}
}

func (t *table) str(name, v string, ok bool) {
	i := t.b.Index(name)
	if !ok {
		t.b.AppendNull(i)
		return
	}
	t.b.AppendString(i, v)
}

// num appends v, NaN as null.
func (t *table) num(name string, v float64) { t.b.AppendFloat64(t.b.Index(name), v) }

func (t *table) whole(name string, v int64, ok bool) {
	i := t.b.Index(name)
	if !ok {
		t.b.AppendNull(i)
		return
	}
	t.b.AppendInt64(i, v)
}

func (t *table) flag(name string, v, ok bool) {
	i := t.b.Index(name)
	if !ok {
		t.b.AppendNull(i)
		return
	}
	t.b.AppendBool(i, v)
}

func (t *table) frame() (*frame.Frame, error) {
	defer t.b.Release()
	return t.b.Frame()
}

// provenance returns the schema metadata of an output: the input's
// provenance, what was computed and how.
func provenance(in *frame.Frame, title, titleEN, method string) map[string]string {
	meta := map[string]string{
		frame.MetaTitle:   title,
		frame.MetaTitleEN: titleEN,
		"method":          method,
	}
	for _, k := range []string{frame.MetaDataset, frame.MetaSourceFile, frame.MetaDocument,
		frame.MetaDocumentDate, frame.MetaProvince, frame.MetaPeriod} {
		if v := in.Meta(k); v != "" {
			meta[k] = v
		}
	}
	if id := in.Meta(frame.MetaDataset); id != "" {
		meta["derived_from"] = id
	}
	return meta
}

// percent returns 100 × v (NaN stays NaN).
func percent(v float64) float64 {
	if math.IsNaN(v) {
		return v
	}
	return 100 * v
}
