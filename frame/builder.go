package frame

import (
	"fmt"
	"math"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// Builder assembles a Frame row by row or cell by cell. Append to every
// column, then call Frame; Release the Builder when done with it.
type Builder struct {
	mem    memory.Allocator
	schema *arrow.Schema
	specs  []FieldSpec
	bs     []array.Builder
}

// NewBuilder returns a Builder for columns of the given specs and schema
// metadata (provenance; may be nil). It allocates with the option
// WithAllocator (memory.DefaultAllocator without it). It panics on an
// invalid kind or a duplicate column name, both programmer errors.
func NewBuilder(meta map[string]string, specs []FieldSpec, opts ...Option) *Builder {
	mem := allocator(opts)
	fields := make([]arrow.Field, len(specs))
	seen := map[string]bool{}
	for i, s := range specs {
		if s.Kind.arrowType() == nil {
			panic(fmt.Sprintf("frame: column %q has invalid kind %v", s.Name, s.Kind))
		}
		if seen[s.Name] {
			panic(fmt.Sprintf("frame: duplicate column name %q", s.Name))
		}
		seen[s.Name] = true
		fields[i] = s.arrowField()
	}
	var md *arrow.Metadata
	if len(meta) > 0 {
		m := metadataOf(meta)
		md = &m
	}
	schema := arrow.NewSchema(fields, md)
	bs := make([]array.Builder, len(specs))
	for i, fl := range fields {
		bs[i] = array.NewBuilder(mem, fl.Type)
	}
	return &Builder{mem: mem, schema: schema, specs: specs, bs: bs}
}

// Index returns the position of the column of that name, for the Append
// methods, or -1 when the Builder has none.
func (b *Builder) Index(name string) int {
	if ix := b.schema.FieldIndices(name); len(ix) > 0 {
		return ix[0]
	}
	return -1
}

// Release frees the Builder's pending buffers.
func (b *Builder) Release() {
	for _, x := range b.bs {
		x.Release()
	}
}

// Len returns the number of values appended to column i.
func (b *Builder) Len(i int) int { return b.bs[i].Len() }

// AppendNull appends a null to column i.
func (b *Builder) AppendNull(i int) { b.bs[i].AppendNull() }

// AppendString appends to string column i; it panics if the column is of
// another kind.
func (b *Builder) AppendString(i int, v string) { b.bs[i].(*array.StringBuilder).Append(v) }

// AppendInt64 appends to int64 column i.
func (b *Builder) AppendInt64(i int, v int64) { b.bs[i].(*array.Int64Builder).Append(v) }

// AppendFloat64 appends to float64 column i; NaN is appended as null.
func (b *Builder) AppendFloat64(i int, v float64) {
	if math.IsNaN(v) {
		b.bs[i].AppendNull()
		return
	}
	b.bs[i].(*array.Float64Builder).Append(v)
}

// AppendBool appends to bool column i.
func (b *Builder) AppendBool(i int, v bool) { b.bs[i].(*array.BooleanBuilder).Append(v) }

// AppendDate appends the calendar day of t (in t's location) to date column i.
func (b *Builder) AppendDate(i int, t time.Time) {
	y, m, d := t.Date()
	b.bs[i].(*array.Date32Builder).Append(arrow.Date32FromTime(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)))
}

// Append appends v to column i: nil is null; string, int, int64, float64,
// bool and time.Time go to columns of the matching kind (an int to a
// float64 column too). Other combinations are an error.
func (b *Builder) Append(i int, v any) error {
	k := b.specs[i].Kind
	switch x := v.(type) {
	case nil:
		b.AppendNull(i)
		return nil
	case string:
		if k == String {
			b.AppendString(i, x)
			return nil
		}
	case int:
		switch k {
		case Int64:
			b.AppendInt64(i, int64(x))
			return nil
		case Float64:
			b.AppendFloat64(i, float64(x))
			return nil
		}
	case int64:
		switch k {
		case Int64:
			b.AppendInt64(i, x)
			return nil
		case Float64:
			b.AppendFloat64(i, float64(x))
			return nil
		}
	case float64:
		if k == Float64 {
			b.AppendFloat64(i, x)
			return nil
		}
	case bool:
		if k == Bool {
			b.AppendBool(i, x)
			return nil
		}
	case time.Time:
		if k == Date {
			b.AppendDate(i, x)
			return nil
		}
	}
	return fmt.Errorf("frame: column %q is %s: cannot append %T", b.specs[i].Name, k, v)
}

// AppendRow appends one value per column (see Append).
func (b *Builder) AppendRow(vals ...any) error {
	if len(vals) != len(b.bs) {
		return fmt.Errorf("frame: row has %d values for %d columns", len(vals), len(b.bs))
	}
	for i, v := range vals {
		if err := b.Append(i, v); err != nil {
			// keep columns aligned: pad the rest of this row
			for j := i; j < len(vals); j++ {
				b.AppendNull(j)
			}
			return err
		}
	}
	return nil
}

// Frame returns the Frame built so far and resets the Builder. All columns
// must have the same length.
func (b *Builder) Frame() (*Frame, error) {
	n := 0
	for i, x := range b.bs {
		if i == 0 {
			n = x.Len()
		} else if x.Len() != n {
			return nil, fmt.Errorf("frame: column %q has %d values, column %q has %d", b.specs[i].Name, x.Len(), b.specs[0].Name, n)
		}
	}
	cols := make([]arrow.Array, len(b.bs))
	for i, x := range b.bs {
		cols[i] = x.NewArray()
	}
	return newFrame(b.mem, b.schema, cols, n), nil
}

// FromRows builds a Frame from rows of values (see Builder.Append for the
// accepted types; nil is null). It is the simplest way to make a small
// Frame by hand. Options: WithAllocator.
func FromRows(meta map[string]string, specs []FieldSpec, rows [][]any, opts ...Option) (*Frame, error) {
	b := NewBuilder(meta, specs, opts...)
	defer b.Release()
	for r, row := range rows {
		if err := b.AppendRow(row...); err != nil {
			return nil, fmt.Errorf("row %d: %w", r, err)
		}
	}
	return b.Frame()
}

// FromColumns builds a Frame from whole columns: values[i] is a []string,
// []int64, []int, []float64 (NaN is null), []bool, []time.Time (zero is
// null) or []any (nil is null) for specs[i]. All columns must have the same
// length. Typed slices of the spec's kind are copied in bulk, so this is the
// fast way to make a large Frame. Options: WithAllocator.
func FromColumns(meta map[string]string, specs []FieldSpec, values []any, opts ...Option) (*Frame, error) {
	mem := allocator(opts)
	if len(specs) != len(values) {
		return nil, fmt.Errorf("frame: FromColumns: %d specs for %d columns", len(specs), len(values))
	}
	if len(specs) == 0 {
		return nil, fmt.Errorf("frame: FromColumns: no columns")
	}
	n := -1
	for i, v := range values {
		_, l, err := valuesOf(v)
		if err != nil {
			return nil, fmt.Errorf("frame: FromColumns %q: %w", specs[i].Name, err)
		}
		if n >= 0 && l != n {
			return nil, fmt.Errorf("frame: FromColumns: column %q has %d values, %q has %d", specs[i].Name, l, specs[0].Name, n)
		}
		n = l
	}
	// an empty frame of n rows to add columns to
	b := NewBuilder(meta, specs, WithAllocator(mem))
	schema := b.schema
	b.Release()
	base := newFrame(mem, arrow.NewSchema(nil, metaPtr(schema)), nil, n)
	defer base.Release()
	cur := base.Retain()
	for i, spec := range specs {
		next, err := cur.WithColumn(spec, values[i], nil)
		cur.Release()
		if err != nil {
			return nil, err
		}
		cur = next
	}
	return cur, nil
}

func metaPtr(s *arrow.Schema) *arrow.Metadata {
	md := s.Metadata()
	return &md
}
