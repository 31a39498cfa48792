package frame

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"time"

	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/vntext"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// Select returns a Frame with the named columns, in that order. Columns are
// shared, not copied.
func (f *Frame) Select(names ...string) (*Frame, error) {
	fields := make([]arrow.Field, len(names))
	cols := make([]arrow.Array, len(names))
	seen := map[string]bool{}
	for j, n := range names {
		if seen[n] {
			return nil, fmt.Errorf("frame: Select: column %q named twice", n)
		}
		seen[n] = true
		i, err := f.colIndex(n)
		if err != nil {
			return nil, err
		}
		fields[j], cols[j] = f.schema.Field(i), f.cols[i]
	}
	for _, c := range cols {
		c.Retain()
	}
	md := f.schema.Metadata()
	return newFrame(f.mem, arrow.NewSchema(fields, &md), cols, f.nrows), nil
}

// Drop returns a Frame without the named columns; unknown names are an error.
func (f *Frame) Drop(names ...string) (*Frame, error) {
	drop := map[string]bool{}
	for _, n := range names {
		if _, err := f.colIndex(n); err != nil {
			return nil, err
		}
		drop[n] = true
	}
	keep := []string{}
	for _, n := range f.Names() {
		if !drop[n] {
			keep = append(keep, n)
		}
	}
	return f.Select(keep...)
}

// Rename returns a Frame with column old renamed to new; labels, units and
// values are kept.
func (f *Frame) Rename(old, new string) (*Frame, error) {
	i, err := f.colIndex(old)
	if err != nil {
		return nil, err
	}
	if j, ok := f.index[new]; ok && j != i {
		return nil, fmt.Errorf("frame: Rename: column %q exists", new)
	}
	fields := slices.Clone(f.schema.Fields())
	fields[i].Name = new
	md := f.schema.Metadata()
	return f.withSchema(arrow.NewSchema(fields, &md)), nil
}

// Head returns the first n rows (all of them if n >= NumRows). The rows are
// shared with f (a zero-copy slice).
func (f *Frame) Head(n int) *Frame {
	n = max(0, min(n, f.nrows))
	return f.Slice(0, n)
}

// Slice returns rows [i, j), shared with f. It panics if the range is
// invalid (a programmer error).
func (f *Frame) Slice(i, j int) *Frame {
	if i < 0 || j < i || j > f.nrows {
		panic(fmt.Sprintf("frame: Slice(%d, %d) out of range [0, %d]", i, j, f.nrows))
	}
	cols := make([]arrow.Array, len(f.cols))
	for k, c := range f.cols {
		cols[k] = array.NewSlice(c, int64(i), int64(j))
	}
	return newFrame(f.mem, f.schema, cols, j-i)
}

// Take returns the rows at the given 0-based indices, in that order (an
// index may repeat). It panics on an index out of range.
func (f *Frame) Take(indices []int) *Frame {
	for _, ix := range indices {
		if ix < 0 || ix >= f.nrows {
			panic(fmt.Sprintf("frame: Take: index %d out of range [0, %d)", ix, f.nrows))
		}
	}
	cols := make([]arrow.Array, len(f.cols))
	for k, c := range f.cols {
		cols[k] = takeArray(f, c, indices)
	}
	return newFrame(f.mem, f.schema, cols, len(indices))
}

func takeArray(f *Frame, c arrow.Array, idx []int) arrow.Array {
	b := array.NewBuilder(f.mem, c.DataType())
	defer b.Release()
	b.Reserve(len(idx))
	switch a := c.(type) {
	case *array.String:
		sb := b.(*array.StringBuilder)
		for _, i := range idx {
			if a.IsNull(i) {
				sb.AppendNull()
			} else {
				sb.Append(a.Value(i))
			}
		}
	case *array.Int64:
		takeFixed(b.(*array.Int64Builder), a, idx)
	case *array.Float64:
		takeFixed(b.(*array.Float64Builder), a, idx)
	case *array.Boolean:
		takeFixed(b.(*array.BooleanBuilder), a, idx)
	case *array.Date32:
		takeFixed(b.(*array.Date32Builder), a, idx)
	}
	return b.NewArray()
}

type valueArray[T any] interface {
	IsNull(int) bool
	Value(int) T
}

type valueBuilder[T any] interface {
	Append(T)
	AppendNull()
}

func takeFixed[T any](b valueBuilder[T], a valueArray[T], idx []int) {
	for _, i := range idx {
		if a.IsNull(i) {
			b.AppendNull()
		} else {
			b.Append(a.Value(i))
		}
	}
}

// Filter returns the rows for which keep returns true, in their order.
func (f *Frame) Filter(keep func(r Row) bool) *Frame {
	idx := []int{}
	for i := 0; i < f.nrows; i++ {
		if keep(Row{f: f, i: i}) {
			idx = append(idx, i)
		}
	}
	return f.Take(idx)
}

// SortKey names a sort column and its direction.
type SortKey struct {
	Name string
	Desc bool
}

// Asc sorts by the named column, smallest first.
func Asc(name string) SortKey { return SortKey{Name: name} }

// Desc sorts by the named column, largest first.
func Desc(name string) SortKey { return SortKey{Name: name, Desc: true} }

// SortBy returns f's rows ordered by the keys: the first key decides, ties go
// to the next, and rows equal on every key keep their order (a stable
// sort). Text sorts in Vietnamese dictionary order (a < ă < â < b ... d < đ,
// tones after the base letter, case ignored); nulls come last whatever the
// direction (the order of vntext.Compare).
func (f *Frame) SortBy(keys ...SortKey) (*Frame, error) {
	type keyCol struct {
		col  Column
		desc bool
		text [][]byte
	}
	kc := make([]keyCol, len(keys))
	for k, key := range keys {
		c, err := f.Column(key.Name)
		if err != nil {
			return nil, err
		}
		kc[k] = keyCol{col: c, desc: key.Desc}
		if s, ok := c.arr.(*array.String); ok {
			kc[k].text = make([][]byte, s.Len())
			for i := range kc[k].text {
				if s.IsValid(i) {
					kc[k].text[i] = vntext.Key(s.Value(i))
				}
			}
		}
	}
	idx := make([]int, f.nrows)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		for _, k := range kc {
			ni, nj := k.col.arr.IsNull(i), k.col.arr.IsNull(j)
			switch {
			case ni && nj:
				continue
			case ni:
				return 1
			case nj:
				return -1
			}
			var c int
			switch a := k.col.arr.(type) {
			case *array.String:
				c = bytes.Compare(k.text[i], k.text[j])
				if c == 0 {
					c = cmp.Compare(a.Value(i), a.Value(j))
				}
			case *array.Int64:
				c = cmp.Compare(a.Value(i), a.Value(j))
			case *array.Float64:
				c = cmp.Compare(a.Value(i), a.Value(j))
			case *array.Boolean:
				c = cmp.Compare(b2i(a.Value(i)), b2i(a.Value(j)))
			case *array.Date32:
				c = cmp.Compare(a.Value(i), a.Value(j))
			}
			if k.desc {
				c = -c
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	return f.Take(idx), nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// WithColumn returns f with the column of spec set to the given values: a
// new column at the end, or a replacement in place if the name exists.
// values is a []string, []int64, []float64 (NaN is null), []bool or
// []time.Time matching spec.Kind, or a []any with nil for null; valid, if not
// nil, marks nulls (false) as well. Lengths must equal NumRows.
func (f *Frame) WithColumn(spec FieldSpec, values any, valid []bool) (*Frame, error) {
	n := f.nrows
	if valid != nil && len(valid) != n {
		return nil, fmt.Errorf("frame: WithColumn %q: %d validity flags for %d rows", spec.Name, len(valid), n)
	}
	if arr, ok := fastColumn(f, spec, values, valid); ok {
		if arr == nil {
			return nil, fmt.Errorf("frame: WithColumn %q: %d values for %d rows", spec.Name, reflect.ValueOf(values).Len(), n)
		}
		defer arr.Release()
		return f.withArray(spec.arrowField(), arr), nil
	}
	b := NewBuilder(nil, []FieldSpec{spec}, WithAllocator(f.mem))
	defer b.Release()
	get, length, err := valuesOf(values)
	if err != nil {
		return nil, fmt.Errorf("frame: WithColumn %q: %w", spec.Name, err)
	}
	if length != n {
		return nil, fmt.Errorf("frame: WithColumn %q: %d values for %d rows", spec.Name, length, n)
	}
	for i := 0; i < n; i++ {
		if valid != nil && !valid[i] {
			b.AppendNull(0)
			continue
		}
		if err := b.Append(0, get(i)); err != nil {
			return nil, err
		}
	}
	nf, err := b.Frame()
	if err != nil {
		return nil, err
	}
	defer nf.Release()
	return f.withArray(nf.schema.Field(0), nf.cols[0]), nil
}

func valuesOf(values any) (func(int) any, int, error) {
	switch v := values.(type) {
	case []string:
		return func(i int) any { return v[i] }, len(v), nil
	case []int64:
		return func(i int) any { return v[i] }, len(v), nil
	case []int:
		return func(i int) any { return v[i] }, len(v), nil
	case []float64:
		return func(i int) any {
			if math.IsNaN(v[i]) {
				return nil
			}
			return v[i]
		}, len(v), nil
	case []bool:
		return func(i int) any { return v[i] }, len(v), nil
	case []any:
		return func(i int) any { return v[i] }, len(v), nil
	case []time.Time:
		return func(i int) any {
			if v[i].IsZero() {
				return nil
			}
			return v[i]
		}, len(v), nil
	}
	return nil, 0, fmt.Errorf("unsupported values type %T", values)
}

// WithColumnFunc returns f with a column computed row by row: fn returns the
// value (nil for null) as for Builder.Append.
func (f *Frame) WithColumnFunc(spec FieldSpec, fn func(r Row) any) (*Frame, error) {
	vals := make([]any, f.nrows)
	for i := range vals {
		vals[i] = fn(Row{f: f, i: i})
	}
	return f.WithColumn(spec, vals, nil)
}

// withArray adds or replaces a column (taking a new reference to arr).
func (f *Frame) withArray(field arrow.Field, arr arrow.Array) *Frame {
	fields := slices.Clone(f.schema.Fields())
	cols := slices.Clone(f.cols)
	if i, ok := f.index[field.Name]; ok {
		fields[i], cols[i] = field, arr
	} else {
		fields, cols = append(fields, field), append(cols, arr)
	}
	for _, c := range cols {
		c.Retain()
	}
	md := f.schema.Metadata()
	return newFrame(f.mem, arrow.NewSchema(fields, &md), cols, f.nrows)
}

// fastColumn builds a column straight from a typed slice of the spec's kind
// (one bulk copy); ok is false when values is of another form. A nil array
// with ok means a length mismatch.
func fastColumn(f *Frame, spec FieldSpec, values any, valid []bool) (arrow.Array, bool) {
	n := f.nrows
	switch v := values.(type) {
	case []float64:
		if spec.Kind != Float64 {
			return nil, false
		}
		if len(v) != n {
			return nil, true
		}
		var vb []bool
		for i, x := range v {
			if math.IsNaN(x) || (valid != nil && !valid[i]) {
				if vb == nil {
					vb = make([]bool, n)
					for j := range vb {
						vb[j] = valid == nil || valid[j]
					}
				}
				vb[i] = false
			}
		}
		return float64Array(f.mem, v, vb), true
	case []int64:
		if spec.Kind != Int64 {
			return nil, false
		}
		if len(v) != n {
			return nil, true
		}
		return int64Array(f.mem, v, valid), true
	case []string:
		if spec.Kind != String {
			return nil, false
		}
		if len(v) != n {
			return nil, true
		}
		b := array.NewStringBuilder(f.mem)
		defer b.Release()
		b.AppendValues(v, valid)
		return b.NewArray(), true
	}
	return nil, false
}

// WithColumnShared is WithColumn without the copy: the new column is a view
// of values' memory (a []float64, NaN as null, or a []int64 with valid
// marking nulls when not nil). It is for large derived columns in tight
// loops; the caller must not modify values while the returned Frame, or any
// Frame derived from it, is in use.
func (f *Frame) WithColumnShared(spec FieldSpec, values any, valid []bool) (*Frame, error) {
	n := f.nrows
	var data arrow.ArrayData
	switch v := values.(type) {
	case []float64:
		if spec.Kind != Float64 || len(v) != n || (valid != nil && len(valid) != n) {
			return nil, fmt.Errorf("frame: WithColumnShared %q: want %d float64 values for a float64 column", spec.Name, n)
		}
		if valid == nil {
			return f.withFloat64Shared(spec, v, hasNaN(v)), nil
		}
		bitmap, nulls := nullBitmap(n, func(i int) bool { return math.IsNaN(v[i]) || !valid[i] })
		data = array.NewData(arrow.PrimitiveTypes.Float64, n,
			[]*memory.Buffer{bitmap, memory.NewBufferBytes(arrow.Float64Traits.CastToBytes(v))}, nil, nulls, 0)
	case []int64:
		if spec.Kind != Int64 || len(v) != n || (valid != nil && len(valid) != n) {
			return nil, fmt.Errorf("frame: WithColumnShared %q: want %d int64 values for an int64 column", spec.Name, n)
		}
		bitmap, nulls := nullBitmap(n, func(i int) bool { return valid != nil && !valid[i] })
		data = array.NewData(arrow.PrimitiveTypes.Int64, n,
			[]*memory.Buffer{bitmap, memory.NewBufferBytes(arrow.Int64Traits.CastToBytes(v))}, nil, nulls, 0)
	default:
		return nil, fmt.Errorf("frame: WithColumnShared %q: values must be []float64 or []int64, not %T", spec.Name, values)
	}
	defer data.Release()
	arr := array.MakeFromData(data)
	defer arr.Release()
	return f.withArray(spec.arrowField(), arr), nil
}

// withFloat64Shared adds v as a float64 column without a copy; NaN values
// are nulls, looked for only when mayHaveNaN.
func (f *Frame) withFloat64Shared(spec FieldSpec, v []float64, mayHaveNaN bool) *Frame {
	var bitmap *memory.Buffer
	nulls := 0
	if mayHaveNaN {
		bitmap, nulls = nullBitmap(len(v), func(i int) bool { return math.IsNaN(v[i]) })
	}
	data := array.NewData(arrow.PrimitiveTypes.Float64, len(v),
		[]*memory.Buffer{bitmap, memory.NewBufferBytes(arrow.Float64Traits.CastToBytes(v))}, nil, nulls, 0)
	defer data.Release()
	arr := array.MakeFromData(data)
	defer arr.Release()
	return f.withArray(spec.arrowField(), arr)
}

// nullBitmap returns a validity bitmap (nil when nothing is null).
func nullBitmap(n int, isNull func(int) bool) (*memory.Buffer, int) {
	var bits []byte
	nulls := 0
	for i := 0; i < n; i++ {
		if isNull(i) {
			if bits == nil {
				bits = make([]byte, bitutil.BytesForBits(int64(n)))
				bitutil.SetBitsTo(bits, 0, int64(n), true)
			}
			bitutil.ClearBit(bits, i)
			nulls++
		}
	}
	if bits == nil {
		return nil, 0
	}
	return memory.NewBufferBytes(bits), nulls
}
