package frame

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
)

// Column is a read-only view of one column of a Frame. It is valid while the
// Frame is (until its last Release); the slices its methods return are
// copies and stay valid after that.
type Column struct {
	spec FieldSpec
	arr  arrow.Array
}

// Column returns the named column, or an error naming the columns there are.
func (f *Frame) Column(name string) (Column, error) {
	i, err := f.colIndex(name)
	if err != nil {
		return Column{}, err
	}
	return Column{spec: specOf(f.schema.Field(i)), arr: f.cols[i]}, nil
}

// Col returns the named column and panics if there is none: a shorthand for
// notebooks and examples, where a wrong name is a programmer error.
func (f *Frame) Col(name string) Column {
	c, err := f.Column(name)
	if err != nil {
		panic(err)
	}
	return c
}

// ColumnAt returns the i-th column (0-based); it panics if i is out of range.
func (f *Frame) ColumnAt(i int) Column {
	return Column{spec: specOf(f.schema.Field(i)), arr: f.cols[i]}
}

// Name returns the column name.
func (c Column) Name() string { return c.spec.Name }

// Kind returns the column kind.
func (c Column) Kind() Kind { return c.spec.Kind }

// Spec returns the column's name, kind, label and unit.
func (c Column) Spec() FieldSpec { return c.spec }

// LabelVI returns the Vietnamese header of the column in its source.
func (c Column) LabelVI() string { return c.spec.LabelVI }

// Unit returns the column unit ("" when none applies).
func (c Column) Unit() string { return c.spec.Unit }

// Len returns the number of values.
func (c Column) Len() int { return c.arr.Len() }

// NullN returns the number of nulls.
func (c Column) NullN() int { return c.arr.NullN() }

// IsNull reports whether value i is null.
func (c Column) IsNull(i int) bool { return c.arr.IsNull(i) }

// Array returns the underlying Arrow array, borrowed: Retain it to keep it
// beyond the Frame's life.
func (c Column) Array() arrow.Array { return c.arr }

// Valid returns, for each row, whether the value is present (not null).
func (c Column) Valid() []bool {
	out := make([]bool, c.arr.Len())
	for i := range out {
		out[i] = c.arr.IsValid(i)
	}
	return out
}

// Float64s returns the values of a numeric column as float64, with NaN for
// null. It panics for a non-numeric column (a programmer error).
func (c Column) Float64s() []float64 {
	out := make([]float64, c.arr.Len())
	switch a := c.arr.(type) {
	case *array.Float64:
		copy(out, a.Float64Values())
	case *array.Int64:
		for i, v := range a.Int64Values() {
			out[i] = float64(v)
		}
	default:
		panic(fmt.Sprintf("frame: column %q is %s, not numeric", c.spec.Name, c.spec.Kind))
	}
	for i := range out {
		if c.arr.IsNull(i) {
			out[i] = math.NaN()
		}
	}
	return out
}

// Int64s returns the values of an int64 column, with 0 for null (see Valid).
// A float64 column whose values are all whole numbers (within ±2⁵³) gives
// them as int64; a value with a fraction is never truncated: Int64s panics
// naming the row, as it does for other kinds (a programmer's mistake: use
// Float64s).
func (c Column) Int64s() []int64 {
	out := make([]int64, c.arr.Len())
	switch a := c.arr.(type) {
	case *array.Int64:
		copy(out, a.Int64Values())
	case *array.Float64:
		for i, v := range a.Float64Values() {
			if a.IsNull(i) {
				continue
			}
			out[i] = wholeNumber(c.spec.Name, i, v)
		}
	default:
		panic(fmt.Sprintf("frame: column %q is %s, not numeric", c.spec.Name, c.spec.Kind))
	}
	for i := range out {
		if c.arr.IsNull(i) {
			out[i] = 0
		}
	}
	return out
}

// Strings returns the values as text: a string column as is, other kinds in
// the plain form of CSV export (Go number syntax, true/false, 2006-01-02).
// Null is "".
func (c Column) Strings() []string {
	out := make([]string, c.arr.Len())
	for i := range out {
		out[i] = c.plain(i)
	}
	return out
}

// Bools returns the values of a bool column (false for null); it panics for
// other kinds.
func (c Column) Bools() []bool {
	a, ok := c.arr.(*array.Boolean)
	if !ok {
		panic(fmt.Sprintf("frame: column %q is %s, not bool", c.spec.Name, c.spec.Kind))
	}
	out := make([]bool, a.Len())
	for i := range out {
		out[i] = a.IsValid(i) && a.Value(i)
	}
	return out
}

// Dates returns the values of a date column as UTC midnights (the zero Time
// for null); it panics for other kinds.
func (c Column) Dates() []time.Time {
	a, ok := c.arr.(*array.Date32)
	if !ok {
		panic(fmt.Sprintf("frame: column %q is %s, not date", c.spec.Name, c.spec.Kind))
	}
	out := make([]time.Time, a.Len())
	for i := range out {
		if a.IsValid(i) {
			out[i] = a.Value(i).ToTime()
		}
	}
	return out
}

// Value returns value i as string, int64, float64, bool or time.Time, or nil
// for null.
func (c Column) Value(i int) any {
	if c.arr.IsNull(i) {
		return nil
	}
	switch a := c.arr.(type) {
	case *array.String:
		return a.Value(i)
	case *array.Int64:
		return a.Value(i)
	case *array.Float64:
		return a.Value(i)
	case *array.Boolean:
		return a.Value(i)
	case *array.Date32:
		return a.Value(i).ToTime()
	}
	return nil
}

// plain formats value i the CSV way.
func (c Column) plain(i int) string {
	if c.arr.IsNull(i) {
		return ""
	}
	switch a := c.arr.(type) {
	case *array.String:
		return a.Value(i)
	case *array.Int64:
		return strconv.FormatInt(a.Value(i), 10)
	case *array.Float64:
		return strconv.FormatFloat(a.Value(i), 'f', -1, 64)
	case *array.Boolean:
		return strconv.FormatBool(a.Value(i))
	case *array.Date32:
		return a.Value(i).ToTime().Format(time.DateOnly)
	}
	return ""
}

// float returns value i as float64 and whether it is present; ok is false
// for null and for non-numeric kinds.
func (c Column) float(i int) (float64, bool) {
	if c.arr.IsNull(i) {
		return 0, false
	}
	switch a := c.arr.(type) {
	case *array.Float64:
		return a.Value(i), true
	case *array.Int64:
		return float64(a.Value(i)), true
	}
	return 0, false
}

// Row is one row of a Frame, as passed to Filter and WithColumnFunc
// predicates. Accessors panic on an unknown column name.
type Row struct {
	f *Frame
	i int
}

// rowCol is the named column for Row accessors, without the field
// metadata (which Column parses on each call): Filter and WithColumnFunc
// call it once per row. It panics on an unknown name, as Col does.
func (f *Frame) rowCol(name string) Column {
	i, err := f.colIndex(name)
	if err != nil {
		panic(err)
	}
	a := f.cols[i]
	return Column{spec: FieldSpec{Name: name, Kind: kindOf(a.DataType())}, arr: a}
}

// Row returns row i (0-based) of f.
func (f *Frame) Row(i int) Row { return Row{f: f, i: i} }

// Index returns the row's 0-based position in its Frame.
func (r Row) Index() int { return r.i }

// IsNull reports whether the named cell is null.
func (r Row) IsNull(name string) bool { return r.f.rowCol(name).IsNull(r.i) }

// Value returns the named cell (see Column.Value).
func (r Row) Value(name string) any { return r.f.rowCol(name).Value(r.i) }

// String returns the named cell as text ("" for null).
func (r Row) String(name string) string { return r.f.rowCol(name).plain(r.i) }

// Float64 returns the named numeric cell, NaN for null.
func (r Row) Float64(name string) float64 {
	c := r.f.rowCol(name)
	if !c.spec.Kind.Numeric() {
		panic(fmt.Sprintf("frame: column %q is %s, not numeric", name, c.spec.Kind))
	}
	v, ok := c.float(r.i)
	if !ok {
		return math.NaN()
	}
	return v
}

// Int64 returns the named numeric cell as int64, 0 for null (Int64OK tells
// the two apart). A float64 cell must hold a whole number: a fraction is
// never truncated, Int64 panics.
func (r Row) Int64(name string) int64 {
	v, _ := r.Int64OK(name)
	return v
}

// Int64OK returns the named numeric cell as int64 and true, or 0 and false
// for null; a float64 cell with a fraction panics, as Int64.
func (r Row) Int64OK(name string) (int64, bool) {
	c := r.f.rowCol(name)
	switch a := c.arr.(type) {
	case *array.Int64:
		if a.IsNull(r.i) {
			return 0, false
		}
		return a.Value(r.i), true
	case *array.Float64:
		if a.IsNull(r.i) {
			return 0, false
		}
		return wholeNumber(name, r.i, a.Value(r.i)), true
	}
	panic(fmt.Sprintf("frame: column %q is %s, not numeric", name, c.spec.Kind))
}

// Float64OK returns the named numeric cell and true, or NaN and false for
// null.
func (r Row) Float64OK(name string) (float64, bool) {
	v := r.Float64(name)
	return v, !r.f.rowCol(name).IsNull(r.i)
}

// StringOK returns the named cell as text (as String) and true, or "" and
// false for null.
func (r Row) StringOK(name string) (string, bool) {
	c := r.f.rowCol(name)
	return c.plain(r.i), !c.IsNull(r.i)
}

// Bool returns the named bool cell, false for null (BoolOK tells the two
// apart). It panics for another kind.
func (r Row) Bool(name string) bool {
	v, _ := r.BoolOK(name)
	return v
}

// BoolOK returns the named bool cell and true, or false and false for null.
func (r Row) BoolOK(name string) (bool, bool) {
	c := r.f.rowCol(name)
	a, ok := c.arr.(*array.Boolean)
	if !ok {
		panic(fmt.Sprintf("frame: column %q is %s, not bool", name, c.spec.Kind))
	}
	if a.IsNull(r.i) {
		return false, false
	}
	return a.Value(r.i), true
}

// Date returns the named date cell (UTC midnight), the zero time for null
// (DateOK tells the two apart). It panics for another kind.
func (r Row) Date(name string) time.Time {
	v, _ := r.DateOK(name)
	return v
}

// DateOK returns the named date cell and true, or the zero time and false
// for null.
func (r Row) DateOK(name string) (time.Time, bool) {
	c := r.f.rowCol(name)
	if c.spec.Kind != Date {
		panic(fmt.Sprintf("frame: column %q is %s, not date", name, c.spec.Kind))
	}
	if c.IsNull(r.i) {
		return time.Time{}, false
	}
	return c.Value(r.i).(time.Time), true
}

// wholeNumber returns v as int64 when it is a whole number within ±2⁵³,
// and otherwise panics naming the column and the row (1-based).
func wholeNumber(col string, i int, v float64) int64 {
	if v != math.Trunc(v) || math.Abs(v) > 1<<53 {
		panic(fmt.Sprintf("frame: column %q row %d holds %v, not a whole number: read it with Float64s or Float64, never truncated", col, i+1, v))
	}
	return int64(v)
}

// Float64Values returns the Arrow buffer of a float64 column without
// copying: fast, but borrowed (valid while the Frame is, and not to be
// modified), and the value in a null slot is undefined — check Valid or
// IsNull. It panics for other kinds.
func (c Column) Float64Values() []float64 {
	a, ok := c.arr.(*array.Float64)
	if !ok {
		panic(fmt.Sprintf("frame: column %q is %s, not float64", c.spec.Name, c.spec.Kind))
	}
	return a.Float64Values()
}

// Int64Values is Float64Values for an int64 column.
func (c Column) Int64Values() []int64 {
	a, ok := c.arr.(*array.Int64)
	if !ok {
		panic(fmt.Sprintf("frame: column %q is %s, not int64", c.spec.Name, c.spec.Kind))
	}
	return a.Int64Values()
}
