package frame

import (
	"fmt"
	"sort"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Frame is an immutable table of named, typed columns backed by Arrow arrays.
// See the package documentation for the memory and null rules.
type Frame struct {
	schema *arrow.Schema
	cols   []arrow.Array
	nrows  int
	mem    memory.Allocator
	index  map[string]int
	refs   *atomic.Int64
}

// FromArrays makes a Frame of the given schema and arrays. It takes a new
// reference to each array (the caller keeps its own). Every array must have
// the type of its field, one of the five kinds, and all arrays the same
// length. The Frame allocates with the option WithAllocator
// (memory.DefaultAllocator without it).
func FromArrays(schema *arrow.Schema, cols []arrow.Array, opts ...Option) (*Frame, error) {
	mem := allocator(opts)
	if schema == nil {
		return nil, fmt.Errorf("frame: nil schema")
	}
	if len(cols) != schema.NumFields() {
		return nil, fmt.Errorf("frame: %d arrays for %d fields", len(cols), schema.NumFields())
	}
	n := 0
	seen := map[string]bool{}
	for i, f := range schema.Fields() {
		if seen[f.Name] {
			return nil, fmt.Errorf("frame: duplicate column name %q", f.Name)
		}
		seen[f.Name] = true
		if kindOf(f.Type) == Invalid {
			return nil, fmt.Errorf("frame: column %q has unsupported type %s", f.Name, f.Type)
		}
		if !arrow.TypeEqual(f.Type, cols[i].DataType()) {
			return nil, fmt.Errorf("frame: column %q: array type %s, field type %s", f.Name, cols[i].DataType(), f.Type)
		}
		if i == 0 {
			n = cols[i].Len()
		} else if cols[i].Len() != n {
			return nil, fmt.Errorf("frame: column %q has %d rows, want %d", f.Name, cols[i].Len(), n)
		}
	}
	for _, c := range cols {
		c.Retain()
	}
	return newFrame(mem, schema, cols, n), nil
}

// newFrame adopts cols (no Retain).
func newFrame(mem memory.Allocator, schema *arrow.Schema, cols []arrow.Array, n int) *Frame {
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	idx := make(map[string]int, len(cols))
	for i, f := range schema.Fields() {
		idx[f.Name] = i
	}
	refs := new(atomic.Int64)
	refs.Store(1)
	return &Frame{schema: schema, cols: cols, nrows: n, mem: mem, index: idx, refs: refs}
}

// FromRecord makes a Frame from an Arrow record batch, taking a new reference
// to its columns. The record's schema is kept, metadata included.
func FromRecord(rec arrow.RecordBatch, opts ...Option) (*Frame, error) {
	return FromArrays(rec.Schema(), rec.Columns(), opts...)
}

// FromTable concatenates the chunks of an Arrow table into a Frame.
func FromTable(tbl arrow.Table, opts ...Option) (*Frame, error) {
	mem := allocator(opts)
	n := int(tbl.NumCols())
	for _, fl := range tbl.Schema().Fields() {
		if kindOf(fl.Type) == Invalid {
			return nil, fmt.Errorf("frame: column %q has unsupported type %s", fl.Name, fl.Type)
		}
	}
	cols := make([]arrow.Array, 0, n)
	release := func() {
		for _, c := range cols {
			c.Release()
		}
	}
	for i := 0; i < n; i++ {
		chunks := tbl.Column(i).Data().Chunks()
		var a arrow.Array
		var err error
		switch len(chunks) {
		case 0:
			b := array.NewBuilder(mem, tbl.Schema().Field(i).Type)
			a = b.NewArray()
			b.Release()
		case 1:
			a = chunks[0]
			a.Retain()
		default:
			a, err = array.Concatenate(chunks, mem)
			if err != nil {
				release()
				return nil, fmt.Errorf("frame: column %q: %w", tbl.Schema().Field(i).Name, err)
			}
		}
		cols = append(cols, a)
	}
	f, err := FromArrays(tbl.Schema(), cols, WithAllocator(mem))
	release()
	return f, err
}

// Retain adds a reference to f and returns f.
func (f *Frame) Retain() *Frame {
	f.refs.Add(1)
	return f
}

// Share returns a new Frame over the same columns, without copying them,
// with a reference count of its own: Releasing it ends its own references
// and never those of f. A cache hands out shares of what it keeps, so that
// a caller who releases once too often harms only itself (the extra
// Release panics) and not every later user of the cache.
func (f *Frame) Share() *Frame { return f.withSchema(f.schema) }

// Release ends one reference; the last one releases the column arrays.
// Releasing more often than retained panics (a programmer error).
func (f *Frame) Release() {
	switch n := f.refs.Add(-1); {
	case n == 0:
		for _, c := range f.cols {
			c.Release()
		}
	case n < 0:
		panic("frame: Release called more often than Retain")
	}
}

// Record returns the Frame as an Arrow record batch. The caller owns the
// returned record and must Release it.
func (f *Frame) Record() arrow.RecordBatch {
	return array.NewRecordBatch(f.schema, f.cols, int64(f.nrows))
}

// Schema returns the Arrow schema, with field and schema metadata.
func (f *Frame) Schema() *arrow.Schema { return f.schema }

// Allocator returns the allocator new columns of f are built with.
func (f *Frame) Allocator() memory.Allocator { return f.mem }

// NumRows returns the number of rows.
func (f *Frame) NumRows() int { return f.nrows }

// NumCols returns the number of columns.
func (f *Frame) NumCols() int { return len(f.cols) }

// Names returns the column names in order.
func (f *Frame) Names() []string {
	out := make([]string, len(f.cols))
	for i, fl := range f.schema.Fields() {
		out[i] = fl.Name
	}
	return out
}

// Has reports whether f has a column of that name.
func (f *Frame) Has(name string) bool {
	_, ok := f.index[name]
	return ok
}

// Fields returns the column specifications (name, kind, label, unit).
func (f *Frame) Fields() []FieldSpec {
	out := make([]FieldSpec, len(f.cols))
	for i, fl := range f.schema.Fields() {
		out[i] = specOf(fl)
	}
	return out
}

// Meta returns a schema metadata value ("" when absent).
func (f *Frame) Meta(key string) string {
	md := f.schema.Metadata()
	v, _ := md.GetValue(key)
	return v
}

// Metadata returns a copy of the schema metadata.
func (f *Frame) Metadata() map[string]string {
	md := f.schema.Metadata()
	return md.ToMap()
}

// WithMeta returns a Frame sharing f's columns with schema metadata keys set
// to the given values (pairs key, value; an empty value removes the key).
func (f *Frame) WithMeta(kv ...string) *Frame {
	if len(kv)%2 != 0 {
		panic("frame: WithMeta needs key, value pairs")
	}
	m := f.Metadata()
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(m, kv[i])
		} else {
			m[kv[i]] = kv[i+1]
		}
	}
	md := metadataOf(m)
	s := arrow.NewSchema(f.schema.Fields(), &md)
	return f.withSchema(s)
}

func (f *Frame) withSchema(s *arrow.Schema) *Frame {
	cols := make([]arrow.Array, len(f.cols))
	for i, c := range f.cols {
		c.Retain()
		cols[i] = c
	}
	return newFrame(f.mem, s, cols, f.nrows)
}

func metadataOf(m map[string]string) arrow.Metadata {
	keys := sortedKeys(m)
	vals := make([]string, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return arrow.NewMetadata(keys, vals)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (f *Frame) colIndex(name string) (int, error) {
	i, ok := f.index[name]
	if !ok {
		return -1, fmt.Errorf("frame: no column %q (have %v)", name, f.Names())
	}
	return i, nil
}

// Equal reports whether a and b have the same schema (names, kinds, field and
// schema metadata) and the same values and nulls.
func Equal(a, b *Frame) bool {
	if a.nrows != b.nrows || len(a.cols) != len(b.cols) || !a.schema.Equal(b.schema) {
		return false
	}
	if !a.schema.Metadata().Equal(b.schema.Metadata()) {
		return false
	}
	for i := range a.cols {
		fa, fb := a.schema.Field(i), b.schema.Field(i)
		if !fa.Metadata.Equal(fb.Metadata) {
			return false
		}
		if !array.Equal(a.cols[i], b.cols[i]) {
			return false
		}
	}
	return true
}

// Must returns v when err is nil and panics with err otherwise: for
// programs, tests and examples in which an error is a bug. (A notebook cell
// uses display.Must, which shows the error as one message instead.)
//
//	f := frame.Must(datasets.Load("vn-cpi"))
func Must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
