package frame

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// JoinKind says which rows of the left Frame a Join keeps.
type JoinKind int

const (
	// InnerJoin keeps the left rows that find a right row.
	InnerJoin JoinKind = iota
	// LeftJoin keeps every left row; the right columns of a row that finds
	// none are null.
	LeftJoin
)

// String returns "inner" or "left".
func (k JoinKind) String() string {
	switch k {
	case InnerJoin:
		return "inner"
	case LeftJoin:
		return "left"
	}
	return fmt.Sprintf("JoinKind(%d)", int(k))
}

// JoinOptions are the parameters of Join.
type JoinOptions struct {
	Kind JoinKind
	// On names the key columns of the left Frame (one or more).
	On []string
	// RightOn names the key columns of the right Frame, in the order of On;
	// nil means the same names as On.
	RightOn []string
	// Normalise, if set, is applied to the text keys of both sides before
	// they are compared (vntext.Fold, say, so that "Khánh Hoà" finds
	// "Khánh Hòa"); nil compares text exactly. It must be safe for
	// concurrent use: large Frames are probed by several goroutines.
	Normalise func(string) string
	// Suffix is appended to the name of a right column that the left Frame
	// already has; "" makes such a clash an error naming the column.
	Suffix string
	// Matched, if set, adds a bool column of that name: whether the left
	// row found a right row (with LeftJoin, filter on it to list the
	// unmatched rows).
	Matched string
	// Allocator builds the new columns; nil means the left Frame's.
	Allocator memory.Allocator
}

// ErrDuplicateKey is the error a *DuplicateKeyError unwraps to.
var ErrDuplicateKey = errors.New("frame: duplicate key")

// DuplicateKeyError reports two rows of the right Frame of a Join with the
// same key (after Normalise, when set).
type DuplicateKeyError struct {
	// Columns are the right Frame's key columns.
	Columns []string
	// Key holds the key values of the first of the two rows, as
	// Column.Value gives them.
	Key []any
	// Rows are the two rows, 1-based.
	Rows [2]int
}

func (e *DuplicateKeyError) Error() string {
	return fmt.Sprintf("frame: duplicate key %s in rows %d and %d of the right Frame of a join",
		describeKey(e.Columns, e.Key), e.Rows[0], e.Rows[1])
}

// Unwrap returns ErrDuplicateKey.
func (e *DuplicateKeyError) Unwrap() error { return ErrDuplicateKey }

// describeKey writes name=value pairs: province="Sóc Trăng", year=2015.
func describeKey(names []string, vals []any) string {
	parts := make([]string, len(vals))
	for i, v := range vals {
		name := ""
		if i < len(names) {
			name = names[i] + "="
		}
		parts[i] = name + describeValue(v)
	}
	return strings.Join(parts, ", ")
}

func describeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("%q", x)
	case time.Time:
		return x.Format(time.DateOnly)
	}
	return fmt.Sprint(v)
}

// Join adds to each row of f the columns of the row of right with the same
// key: a many-to-one join, the lookup of a province's population, say.
//
//   - Every key of right must be unique, whether or not a row of f uses it:
//     a key twice is a *DuplicateKeyError (errors.Is ErrDuplicateKey)
//     naming the key and both rows.
//   - The result has f's rows in f's order (InnerJoin drops those without
//     a match) and the columns of f, then the columns of right that are not
//     keys, in their order; the right key columns are dropped (f's key
//     text is the one kept when Normalise is set). A right column whose
//     name f has gets Suffix, or is an error when Suffix is "". Matched
//     adds a bool column at the end.
//   - Each column keeps its field metadata (label, unit); the schema
//     metadata (provenance) is f's.
//   - A null key never matches: a row of f with a null in a key column is
//     unmatched, a row of right with one is never found.
//   - Keys may be string, int64, bool or date columns, each of the same kind
//     on both sides. float64 keys are refused: equality of computed floats
//     is a matter of rounding; join on an int64 code or on text.
//
// The right Frame is indexed (a dense table for int64 and date keys of a
// small range, a hash map otherwise), then f is probed, and the new columns
// written, in parallel chunks when f is large. The left columns are shared
// with f, not copied, unless InnerJoin drops rows.
func (f *Frame) Join(right *Frame, o JoinOptions) (*Frame, error) {
	if right == nil {
		return nil, errors.New("frame: Join: nil right Frame")
	}
	if o.Kind != InnerJoin && o.Kind != LeftJoin {
		return nil, fmt.Errorf("frame: Join: unknown kind %d", int(o.Kind))
	}
	if len(o.On) == 0 {
		return nil, errors.New("frame: Join needs at least one key column (On)")
	}
	rightOn := o.RightOn
	if rightOn == nil {
		rightOn = o.On
	}
	if len(rightOn) != len(o.On) {
		return nil, fmt.Errorf("frame: Join: %d left key columns %v for %d right ones %v", len(o.On), o.On, len(rightOn), rightOn)
	}
	if f.nrows > math.MaxInt32 || right.nrows > math.MaxInt32 {
		return nil, fmt.Errorf("frame: Join: more than %d rows", math.MaxInt32)
	}
	lk, rk, err := joinKeyPairs(f, right, o.On, rightOn)
	if err != nil {
		return nil, err
	}
	// the output columns, names checked before any work
	fields, rightCols, err := joinFields(f, right, rightOn, o)
	if err != nil {
		return nil, err
	}

	idx, err := joinRows(lk, rk, rightOn, o.Normalise)
	if err != nil {
		return nil, err
	}
	mem := o.Allocator
	if mem == nil {
		mem = f.mem
	}
	n := f.nrows
	ridx := idx
	var lrows []int32 // nil: every left row, shared
	if o.Kind == InnerJoin {
		lrows, ridx = matchedRows(idx)
		if lrows != nil {
			n = len(lrows)
		}
	}
	cols, err := joinColumns(mem, f, right, rightCols, lrows, ridx, o.Matched != "")
	if err != nil {
		return nil, err
	}
	md := f.schema.Metadata()
	return newFrame(mem, arrow.NewSchema(fields, &md), cols, n), nil
}

// joinColumns builds the columns of a Join's result: f's, shared when
// lrows is nil and gathered at lrows otherwise; right's columns rightCols,
// gathered at ridx; and, if matched is set, whether each row found a right
// row.
func joinColumns(mem memory.Allocator, f, right *Frame, rightCols []int, lrows, ridx []int32, matched bool) ([]arrow.Array, error) {
	cols := make([]arrow.Array, 0, len(f.cols)+len(rightCols)+1)
	release := func() {
		for _, c := range cols {
			c.Release()
		}
	}
	for _, c := range f.cols {
		if lrows == nil {
			c.Retain()
			cols = append(cols, c)
			continue
		}
		a, err := gatherArray(mem, c, lrows)
		if err != nil {
			release()
			return nil, fmt.Errorf("frame: Join: %w", err)
		}
		cols = append(cols, a)
	}
	for _, j := range rightCols {
		a, err := gatherArray(mem, right.cols[j], ridx)
		if err != nil {
			release()
			return nil, fmt.Errorf("frame: Join: %w", err)
		}
		cols = append(cols, a)
	}
	if matched {
		cols = append(cols, matchedArray(mem, ridx))
	}
	return cols, nil
}

// joinKeyPairs returns the key columns of both sides of a Join, in the
// order of on and rightOn, after checking that each pair shares one kind
// and that no key is float64.
func joinKeyPairs(left, right *Frame, on, rightOn []string) (lk, rk []Column, err error) {
	if lk, err = joinKeys(left, on, "left"); err != nil {
		return nil, nil, err
	}
	if rk, err = joinKeys(right, rightOn, "right"); err != nil {
		return nil, nil, err
	}
	for i := range lk {
		lkind, rkind := lk[i].Kind(), rk[i].Kind()
		if lkind == Float64 || rkind == Float64 {
			return nil, nil, fmt.Errorf("frame: Join: key %q is float64: floating-point keys would match only when computed to the same bits; join on an int64 code or on text", pick(lkind == Float64, on[i], rightOn[i]))
		}
		if lkind != rkind {
			return nil, nil, fmt.Errorf("frame: Join: left key %q is %s but right key %q is %s", on[i], lkind, rightOn[i], rkind)
		}
	}
	return lk, rk, nil
}

// joinFields returns the fields of a Join's result — f's, then right's
// other than its keys rightOn (renamed with o.Suffix where f has the
// name), then o.Matched's — and the positions in right of the columns it
// takes. A name the result would have twice is an error.
func joinFields(f, right *Frame, rightOn []string, o JoinOptions) (fields []arrow.Field, rightCols []int, err error) {
	fields = slices.Clone(f.schema.Fields())
	names := make(map[string]bool, len(fields))
	for _, fl := range fields {
		names[fl.Name] = true
	}
	isKey := make(map[string]bool, len(rightOn))
	for _, k := range rightOn {
		isKey[k] = true
	}
	for j, fl := range right.schema.Fields() {
		if isKey[fl.Name] {
			continue
		}
		if names[fl.Name] {
			if o.Suffix == "" {
				return nil, nil, fmt.Errorf("frame: Join: both Frames have a column %q (set Suffix, or rename or drop it)", fl.Name)
			}
			fl.Name += o.Suffix
			if names[fl.Name] {
				return nil, nil, fmt.Errorf("frame: Join: column %q with Suffix %q clashes with a column %q", right.schema.Field(j).Name, o.Suffix, fl.Name)
			}
		}
		names[fl.Name] = true
		fields = append(fields, fl)
		rightCols = append(rightCols, j)
	}
	if o.Matched != "" {
		if names[o.Matched] {
			return nil, nil, fmt.Errorf("frame: Join: Matched column %q clashes with a column of the result", o.Matched)
		}
		fields = append(fields, arrow.Field{Name: o.Matched, Type: arrow.FixedWidthTypes.Boolean, Nullable: true})
	}
	return fields, rightCols, nil
}

// matchedRows keeps the rows of an InnerJoin: given the right row of each
// left row (-1: none), it returns the left rows that found one and their
// right rows, in order. When every left row found one it returns nil and
// idx itself: the left columns are then shared, not gathered.
func matchedRows(idx []int32) (lrows, ridx []int32) {
	matched := 0
	for _, r := range idx {
		if r >= 0 {
			matched++
		}
	}
	if matched == len(idx) {
		return nil, idx
	}
	lrows, ridx = make([]int32, 0, matched), make([]int32, 0, matched)
	for i, r := range idx {
		if r >= 0 {
			lrows, ridx = append(lrows, int32(i)), append(ridx, r)
		}
	}
	return lrows, ridx
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

// joinKeys returns the named key columns of a side of a Join.
func joinKeys(f *Frame, names []string, side string) ([]Column, error) {
	cols := make([]Column, len(names))
	seen := map[string]bool{}
	for i, name := range names {
		if seen[name] {
			return nil, fmt.Errorf("frame: Join: %s key %q named twice", side, name)
		}
		seen[name] = true
		j, ok := f.index[name]
		if !ok {
			return nil, fmt.Errorf("frame: Join: the %s Frame has no column %q (have %v)", side, name, f.Names())
		}
		cols[i] = Column{spec: FieldSpec{Name: name, Kind: kindOf(f.cols[j].DataType())}, arr: f.cols[j]}
	}
	return cols, nil
}

// joinRows returns, for each left row, the right row with its key, or -1.
func joinRows(lk, rk []Column, rightOn []string, norm func(string) string) ([]int32, error) {
	dup := func(prev, r int) error {
		key := make([]any, len(rk))
		for k, c := range rk {
			key[k] = c.Value(prev)
		}
		return &DuplicateKeyError{Columns: slices.Clone(rightOn), Key: key, Rows: [2]int{prev + 1, r + 1}}
	}
	if len(lk) == 1 {
		switch l := lk[0].arr.(type) {
		case *array.Int64:
			return joinInts(l.Int64Values(), rk[0].arr.(*array.Int64).Int64Values(), l, rk[0].arr, dup)
		case *array.Date32:
			return joinInts(l.Date32Values(), rk[0].arr.(*array.Date32).Date32Values(), l, rk[0].arr, dup)
		case *array.String:
			return joinStrings(l, rk[0].arr.(*array.String), norm, dup)
		}
	}
	return joinEncoded(lk, rk, norm, dup)
}

// validBits returns the validity bitmap of a and its offset, or nil when a
// has no null.
func validBits(a arrow.Array) ([]byte, int) {
	if a.NullN() == 0 {
		return nil, 0
	}
	return a.NullBitmapBytes(), a.Data().Offset()
}

// joinInts joins on one int64 or date key: a table indexed by value when
// the right keys span a small range, a map otherwise.
func joinInts[T ~int32 | ~int64](left, right []T, la, ra arrow.Array, dup func(prev, r int) error) ([]int32, error) {
	rbits, roff := validBits(ra)
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for r, v := range right {
		if rbits == nil || bitutil.BitIsSet(rbits, roff+r) {
			lo, hi = min(lo, int64(v)), max(hi, int64(v))
		}
	}
	idx := make([]int32, len(left))
	lbits, loff := validBits(la)
	if lo > hi { // no right key
		fillSlice(idx, -1)
		return idx, nil
	}
	span := uint64(hi) - uint64(lo)
	if span < uint64(max(4*len(right), 1<<16)) {
		table := make([]int32, span+1)
		fillSlice(table, -1)
		for r, v := range right {
			if rbits != nil && !bitutil.BitIsSet(rbits, roff+r) {
				continue
			}
			p := uint64(v) - uint64(lo)
			if prev := table[p]; prev >= 0 {
				return nil, dup(int(prev), r)
			}
			table[p] = int32(r)
		}
		parallelRows(len(left), func(_, a, b int) {
			for i := a; i < b; i++ {
				// below lo, the difference wraps around beyond span
				p := uint64(left[i]) - uint64(lo)
				r := int32(-1)
				if p <= span && (lbits == nil || bitutil.BitIsSet(lbits, loff+i)) {
					r = table[p]
				}
				idx[i] = r
			}
		})
		return idx, nil
	}
	m := make(map[T]int32, len(right))
	for r, v := range right {
		if rbits != nil && !bitutil.BitIsSet(rbits, roff+r) {
			continue
		}
		if prev, ok := m[v]; ok {
			return nil, dup(int(prev), r)
		}
		m[v] = int32(r)
	}
	parallelRows(len(left), func(_, a, b int) {
		for i := a; i < b; i++ {
			r, ok := m[left[i]]
			if !ok || lbits != nil && !bitutil.BitIsSet(lbits, loff+i) {
				r = -1
			}
			idx[i] = r
		}
	})
	return idx, nil
}

// normMemo remembers Normalise's answers for one goroutine, up to a bound,
// since a key column repeats a few names over many rows.
type normMemo struct {
	norm func(string) string
	m    map[string]string
}

func (n *normMemo) apply(s string) string {
	if v, ok := n.m[s]; ok {
		return v
	}
	v := n.norm(s)
	if n.m == nil {
		n.m = map[string]string{}
	}
	if len(n.m) < 1<<16 {
		n.m[s] = v
	}
	return v
}

// joinStrings joins on one text key.
func joinStrings(l, r *array.String, norm func(string) string, dup func(prev, r int) error) ([]int32, error) {
	m := make(map[string]int32, r.Len())
	for i := 0; i < r.Len(); i++ {
		if r.IsNull(i) {
			continue
		}
		k := strings.Clone(r.Value(i))
		if norm != nil {
			k = norm(k)
		}
		if prev, ok := m[k]; ok {
			return nil, dup(int(prev), i)
		}
		m[k] = int32(i)
	}
	idx := make([]int32, l.Len())
	lbits, loff := validBits(l)
	parallelRows(l.Len(), func(_, a, b int) {
		memo := normMemo{norm: norm}
		for i := a; i < b; i++ {
			if lbits != nil && !bitutil.BitIsSet(lbits, loff+i) {
				idx[i] = -1
				continue
			}
			s := l.Value(i)
			if norm != nil {
				s = memo.apply(s)
			}
			r, ok := m[s]
			if !ok {
				r = -1
			}
			idx[i] = r
		}
	})
	return idx, nil
}

// joinEncoded joins on several keys, or on a bool key: each row's key
// values are written to bytes (text with its length before it) and the
// bytes compared.
func joinEncoded(lk, rk []Column, norm func(string) string, dup func(prev, r int) error) ([]int32, error) {
	m := make(map[string]int32, rk[0].Len())
	memos := make([]normMemo, len(rk))
	for k := range memos {
		memos[k].norm = norm
	}
	var buf []byte
	for r := 0; r < rk[0].Len(); r++ {
		var ok bool
		if buf, ok = encodeKey(buf[:0], rk, r, memos); !ok {
			continue
		}
		if prev, found := m[string(buf)]; found {
			return nil, dup(int(prev), r)
		}
		m[string(buf)] = int32(r)
	}
	n := lk[0].Len()
	idx := make([]int32, n)
	parallelRows(n, func(_, a, b int) {
		memos := make([]normMemo, len(lk))
		for k := range memos {
			memos[k].norm = norm
		}
		var buf []byte
		for i := a; i < b; i++ {
			var ok bool
			buf, ok = encodeKey(buf[:0], lk, i, memos)
			r, found := m[string(buf)]
			if !ok || !found {
				r = -1
			}
			idx[i] = r
		}
	})
	return idx, nil
}

// encodeKey appends the key of row i to buf; ok is false when a key value
// is null.
func encodeKey(buf []byte, keys []Column, i int, memos []normMemo) ([]byte, bool) {
	for k, c := range keys {
		if c.arr.IsNull(i) {
			return buf, false
		}
		switch a := c.arr.(type) {
		case *array.Int64:
			buf = binary.LittleEndian.AppendUint64(buf, uint64(a.Value(i)))
		case *array.Date32:
			buf = binary.LittleEndian.AppendUint32(buf, uint32(a.Value(i)))
		case *array.Boolean:
			buf = append(buf, byte(b2i(a.Value(i))))
		case *array.String:
			s := a.Value(i)
			if memos[k].norm != nil {
				s = memos[k].apply(s)
			}
			buf = binary.AppendUvarint(buf, uint64(len(s)))
			buf = append(buf, s...)
		}
	}
	return buf, true
}

// parallelBlocks is parallelRows with chunk bounds on multiples of 64
// rows, so that goroutines writing a bitmap never share a byte. It returns
// the number of chunks.
func parallelBlocks(n int, fn func(part, lo, hi int)) int { return parallelChunks(n, 64, fn) }

// gatherArray returns the values of c at the rows idx, in that order; an
// index of -1 gives null. It writes the Arrow buffers directly, in parallel
// chunks for large outputs.
func gatherArray(mem memory.Allocator, c arrow.Array, idx []int32) (arrow.Array, error) {
	if len(idx) == 0 {
		b := array.NewBuilder(mem, c.DataType())
		defer b.Release()
		return b.NewArray(), nil
	}
	switch a := c.(type) {
	case *array.Int64:
		return gatherFixed(mem, c, a.Int64Values(), 8, idx), nil
	case *array.Float64:
		return gatherFixed(mem, c, a.Float64Values(), 8, idx), nil
	case *array.Date32:
		return gatherFixed(mem, c, a.Date32Values(), 4, idx), nil
	case *array.Boolean:
		return gatherBool(mem, a, idx), nil
	case *array.String:
		return gatherString(mem, a, idx)
	}
	return nil, fmt.Errorf("unsupported column type %s", c.DataType())
}

// newBitmap returns a buffer of n bits (contents undefined).
func newBitmap(mem memory.Allocator, n int) *memory.Buffer {
	b := memory.NewResizableBuffer(mem)
	b.Resize(int(bitutil.BytesForBits(int64(n))))
	return b
}

// makeArray assembles an array from its buffers, releasing the caller's
// references to them; a validity buffer with no null is dropped.
func makeArray(dt arrow.DataType, n int, valid *memory.Buffer, nulls int, bufs ...*memory.Buffer) arrow.Array {
	if nulls == 0 && valid != nil {
		valid.Release()
		valid = nil
	}
	data := array.NewData(dt, n, append([]*memory.Buffer{valid}, bufs...), nil, nulls, 0)
	if valid != nil {
		valid.Release()
	}
	for _, b := range bufs {
		b.Release()
	}
	defer data.Release()
	return array.MakeFromData(data)
}

func gatherFixed[T int64 | float64 | arrow.Date32](mem memory.Allocator, c arrow.Array, src []T, size int, idx []int32) arrow.Array {
	n := len(idx)
	sbits, soff := validBits(c)
	vals := memory.NewResizableBuffer(mem)
	vals.Resize(n * size)
	dst := arrow.GetData[T](vals.Bytes())[:n]
	valid := newBitmap(mem, n)
	vb := valid.Bytes()
	nulls := make([]int, 8)
	used := parallelBlocks(n, func(p, lo, hi int) {
		clear(vb[lo/8 : (hi+7)/8])
		k := 0
		for i := lo; i < hi; i++ {
			r := idx[i]
			if r < 0 || sbits != nil && !bitutil.BitIsSet(sbits, soff+int(r)) {
				var zero T
				dst[i] = zero
				k++
				continue
			}
			dst[i] = src[r]
			vb[i>>3] |= 1 << (i & 7)
		}
		nulls[p] = k
	})
	return makeArray(c.DataType(), n, valid, sumInts(nulls[:used]), vals)
}

func sumInts(v []int) int {
	s := 0
	for _, x := range v {
		s += x
	}
	return s
}

func gatherBool(mem memory.Allocator, a *array.Boolean, idx []int32) arrow.Array {
	n := len(idx)
	sbits, soff := validBits(a)
	vals, valid := newBitmap(mem, n), newBitmap(mem, n)
	db, vb := vals.Bytes(), valid.Bytes()
	nulls := make([]int, 8)
	used := parallelBlocks(n, func(p, lo, hi int) {
		clear(db[lo/8 : (hi+7)/8])
		clear(vb[lo/8 : (hi+7)/8])
		k := 0
		for i := lo; i < hi; i++ {
			r := int(idx[i])
			if r < 0 || sbits != nil && !bitutil.BitIsSet(sbits, soff+r) {
				k++
				continue
			}
			vb[i>>3] |= 1 << (i & 7)
			if a.Value(r) {
				db[i>>3] |= 1 << (i & 7)
			}
		}
		nulls[p] = k
	})
	return makeArray(a.DataType(), n, valid, sumInts(nulls[:used]), vals)
}

// gatherString copies the picked strings in two passes: their sizes per
// chunk, then the bytes, each chunk at its place.
func gatherString(mem memory.Allocator, a *array.String, idx []int32) (arrow.Array, error) {
	n := len(idx)
	sbits, soff := validBits(a)
	sizes := make([]int, 8)
	used := parallelBlocks(n, func(p, lo, hi int) {
		s := 0
		for _, r := range idx[lo:hi] {
			if r >= 0 && (sbits == nil || bitutil.BitIsSet(sbits, soff+int(r))) {
				s += a.ValueLen(int(r))
			}
		}
		sizes[p] = s
	})
	total := sumInts(sizes[:used])
	if total > math.MaxInt32 {
		return nil, fmt.Errorf("%d bytes of text: more than a string column holds", total)
	}
	offsets := memory.NewResizableBuffer(mem)
	offsets.Resize((n + 1) * 4)
	ob := arrow.GetData[int32](offsets.Bytes())[:n+1]
	data := memory.NewResizableBuffer(mem)
	data.Resize(total)
	db := data.Bytes()
	valid := newBitmap(mem, n)
	vb := valid.Bytes()
	nulls := make([]int, 8)
	parallelBlocks(n, func(p, lo, hi int) {
		pos := sumInts(sizes[:p])
		clear(vb[lo/8 : (hi+7)/8])
		k := 0
		for i := lo; i < hi; i++ {
			ob[i] = int32(pos)
			r := int(idx[i])
			if r < 0 || sbits != nil && !bitutil.BitIsSet(sbits, soff+r) {
				k++
				continue
			}
			pos += copy(db[pos:], a.Value(r))
			vb[i>>3] |= 1 << (i & 7)
		}
		nulls[p] = k
	})
	ob[n] = int32(total)
	return makeArray(a.DataType(), n, valid, sumInts(nulls[:used]), offsets, data), nil
}

// matchedArray is the Matched column: whether each row found a right row.
func matchedArray(mem memory.Allocator, idx []int32) arrow.Array {
	n := len(idx)
	if n == 0 {
		b := array.NewBooleanBuilder(mem)
		defer b.Release()
		return b.NewArray()
	}
	vals := newBitmap(mem, n)
	db := vals.Bytes()
	parallelBlocks(n, func(_, lo, hi int) {
		clear(db[lo/8 : (hi+7)/8])
		for i := lo; i < hi; i++ {
			if idx[i] >= 0 {
				db[i>>3] |= 1 << (i & 7)
			}
		}
	})
	return makeArray(arrow.FixedWidthTypes.Boolean, n, nil, 0, vals)
}
