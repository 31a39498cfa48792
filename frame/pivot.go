package frame

import (
	"errors"
	"fmt"
	"math"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// PivotOptions are the parameters of Pivot.
type PivotOptions struct {
	// Index names the columns that identify a row of the result (one or
	// more). The result has one row per distinct combination of their
	// values, in order of first appearance.
	Index []string
	// Columns names the text column whose distinct values become the new
	// columns, in order of first appearance.
	Columns string
	// Values names the column that gives the values of the new columns.
	Values string
	// Allocator builds the new columns; nil means the Frame's.
	Allocator memory.Allocator
}

// Pivot turns a long Frame (one row per index and variable) into a wide one
// (one row per index, one column per variable): the long table of
// indicators by province becomes one row per province.
//
//   - The result has the Index columns (with their field metadata), then
//     one column per distinct value of Columns. A new column has the kind
//     and the unit of Values; its label is its name.
//   - An (index, column) pair absent from f is null in the result.
//   - A pair given twice is an error naming the index values, the column
//     value and both rows (1-based): a value is never chosen silently.
//   - A null (or empty) value of Columns is an error naming the row; so is
//     a new column whose name is that of an Index column.
//   - A null in an Index column is a value of its own, as in GroupBy.
//     Index columns may be string, int64, bool or date (not float64).
//
// The schema metadata is f's. Melt undoes Pivot.
func (f *Frame) Pivot(o PivotOptions) (*Frame, error) {
	if len(o.Index) == 0 {
		return nil, errors.New("frame: Pivot needs at least one Index column")
	}
	if f.nrows > math.MaxInt32 {
		return nil, fmt.Errorf("frame: Pivot: more than %d rows", math.MaxInt32)
	}
	index, isIndex, err := f.pivotIndex(o.Index)
	if err != nil {
		return nil, err
	}
	cc, vc, err := f.pivotColumnsValues(o, isIndex)
	if err != nil {
		return nil, err
	}
	names := cc.arr.(*array.String)

	rowOf, firstRow := hashedGroupIDs(index, f.nrows)
	colOf, ncols := keyIDs(cc, f.nrows)
	colName := firstValues(names, colOf, ncols)
	for _, name := range colName {
		if isIndex[name] {
			return nil, fmt.Errorf("frame: Pivot: %s value %q would be a new column, but the Index has a column of that name", o.Columns, name)
		}
	}
	cells, err := pivotCells(o, index, names, rowOf, colOf, len(firstRow), ncols)
	if err != nil {
		return nil, err
	}
	mem := o.Allocator
	if mem == nil {
		mem = f.mem
	}
	return f.pivotResult(mem, o, index, vc, firstRow, colName, cells)
}

// pivotIndex returns the Index columns of a Pivot, and the set of their
// names; a name given twice and a float64 column are errors.
func (f *Frame) pivotIndex(names []string) ([]Column, map[string]bool, error) {
	index := make([]Column, len(names))
	isIndex := map[string]bool{}
	for i, name := range names {
		if isIndex[name] {
			return nil, nil, fmt.Errorf("frame: Pivot: Index column %q named twice", name)
		}
		isIndex[name] = true
		c, err := f.Column(name)
		if err != nil {
			return nil, nil, fmt.Errorf("frame: Pivot: %w", err)
		}
		if c.Kind() == Float64 {
			return nil, nil, fmt.Errorf("frame: Pivot: Index column %q is float64; use an int64 or text column", name)
		}
		index[i] = c
	}
	return index, isIndex, nil
}

// pivotColumnsValues returns the Columns and Values columns of a Pivot,
// after checking that Columns is text with a name in every row, and that
// the two are distinct columns, neither of them in the Index.
func (f *Frame) pivotColumnsValues(o PivotOptions, isIndex map[string]bool) (cc, vc Column, err error) {
	cc, err = f.Column(o.Columns)
	if err != nil {
		return Column{}, Column{}, fmt.Errorf("frame: Pivot: Columns: %w", err)
	}
	if cc.Kind() != String {
		return Column{}, Column{}, fmt.Errorf("frame: Pivot: Columns %q is %s, not text", o.Columns, cc.Kind())
	}
	vc, err = f.Column(o.Values)
	if err != nil {
		return Column{}, Column{}, fmt.Errorf("frame: Pivot: Values: %w", err)
	}
	if isIndex[o.Columns] || isIndex[o.Values] || o.Columns == o.Values {
		return Column{}, Column{}, fmt.Errorf("frame: Pivot: Index %v, Columns %q and Values %q must be distinct columns", o.Index, o.Columns, o.Values)
	}
	names := cc.arr.(*array.String)
	for i := 0; i < f.nrows; i++ {
		if names.IsNull(i) || names.Value(i) == "" {
			return Column{}, Column{}, fmt.Errorf("frame: Pivot: %s is empty in row %d: a column needs a name", o.Columns, i+1)
		}
	}
	return cc, vc, nil
}

// firstValues returns, for each of the ncols ids of ids (keyIDs of a text
// column without null or empty value), the text of the first row with
// that id.
func firstValues(text *array.String, ids []int32, ncols int) []string {
	first := make([]string, ncols)
	named := 0
	for i := 0; i < len(ids) && named < ncols; i++ {
		if j := ids[i]; first[j] == "" {
			first[j] = text.Value(i)
			named++
		}
	}
	return first
}

// pivotCells places the rows of a Pivot's input: cells[j][r] is the row
// whose value goes to new column j of result row r, or -1 when no row
// does; rowOf and colOf give each row's result row and new column. Two
// rows for one cell are an error naming the index, the column and both
// rows.
func pivotCells(o PivotOptions, index []Column, names *array.String, rowOf, colOf []int32, nrows, ncols int) ([][]int32, error) {
	cells := make([][]int32, ncols)
	for j := range cells {
		cells[j] = make([]int32, nrows)
		fillSlice(cells[j], -1)
	}
	for i := range rowOf {
		cell := &cells[colOf[i]][rowOf[i]]
		if prev := *cell; prev >= 0 {
			vals := make([]any, len(index))
			for k, c := range index {
				vals[k] = c.Value(i)
			}
			return nil, fmt.Errorf("frame: Pivot: %s has %s %q twice (rows %d and %d)",
				describeKey(o.Index, vals), o.Columns, names.Value(i), prev+1, i+1)
		}
		*cell = int32(i)
	}
	return cells, nil
}

// pivotResult builds the wide Frame of a Pivot: the Index columns, taken
// at the first row of each result row, then one column per name of
// colName, the values vc gathered at its cells.
func (f *Frame) pivotResult(mem memory.Allocator, o PivotOptions, index []Column, vc Column, firstRow []int, colName []string, cells [][]int32) (*Frame, error) {
	nrows := len(firstRow)
	fields := make([]arrow.Field, 0, len(index)+len(colName))
	cols := make([]arrow.Array, 0, len(index)+len(colName))
	release := func() {
		for _, c := range cols {
			c.Release()
		}
	}
	first := make([]int32, nrows)
	for r, i := range firstRow {
		first[r] = int32(i)
	}
	for k, c := range index {
		a, err := gatherArray(mem, c.arr, first)
		if err != nil {
			release()
			return nil, fmt.Errorf("frame: Pivot: %w", err)
		}
		cols = append(cols, a)
		fields = append(fields, f.schema.Field(f.index[o.Index[k]]))
	}
	for j, name := range colName {
		a, err := gatherArray(mem, vc.arr, cells[j])
		if err != nil {
			release()
			return nil, fmt.Errorf("frame: Pivot: %w", err)
		}
		cols = append(cols, a)
		fields = append(fields, FieldSpec{Name: name, Kind: vc.Kind(), LabelVI: name, Unit: vc.Unit()}.arrowField())
	}
	md := f.schema.Metadata()
	return newFrame(mem, arrow.NewSchema(fields, &md), cols, nrows), nil
}

// MeltOptions are the parameters of Melt.
type MeltOptions struct {
	// ID names the columns kept on every row.
	ID []string
	// Values names the columns turned into rows; nil means every column
	// not in ID, in f's order.
	Values []string
	// Variable is the name of the column holding the former column's name;
	// "" means "variable".
	Variable string
	// Value is the name of the value column; "" means "value".
	Value string
	// Allocator builds the new columns; nil means the Frame's.
	Allocator memory.Allocator
}

// Melt turns a wide Frame (one column per variable) into a long one (one row
// per variable): the inverse of Pivot.
//
//   - The result has the ID columns (with their field metadata), the
//     Variable column (text: the name of the melted column) and the Value
//     column.
//   - Rows come in f's order, and for each row of f the Values columns in
//     their order: row i of f gives rows i×m … i×m+m−1 of the result, for
//     m Values columns.
//   - The Values columns must share one kind, or all be numeric (int64 and
//     float64 give float64). A null stays null. The Value column has the
//     unit of the melted columns if they all share it, no unit otherwise.
//
// Melt(Pivot(x)) gives x back when x is a complete long table (every index
// with every column) in the order Pivot reads it. The schema metadata is
// f's.
func (f *Frame) Melt(o MeltOptions) (*Frame, error) {
	variable, value := o.Variable, o.Value
	if variable == "" {
		variable = "variable"
	}
	if value == "" {
		value = "value"
	}
	if variable == value {
		return nil, fmt.Errorf("frame: Melt: Variable and Value are both %q", value)
	}
	isID, err := f.meltIDs(o.ID)
	if err != nil {
		return nil, err
	}
	if isID[variable] || isID[value] {
		return nil, fmt.Errorf("frame: Melt: an ID column is named %q, the name of the %s column", pick(isID[variable], variable, value), pick(isID[variable], "Variable", "Value"))
	}
	melted, vcols, err := f.meltValues(o.Values, isID)
	if err != nil {
		return nil, err
	}
	kind, unit, err := meltKind(vcols)
	if err != nil {
		return nil, err
	}
	n, m := f.nrows, len(vcols)
	if n*m > math.MaxInt32 {
		return nil, fmt.Errorf("frame: Melt: %d×%d rows: more than %d", n, m, math.MaxInt32)
	}
	mem := o.Allocator
	if mem == nil {
		mem = f.mem
	}
	stacked, err := stackColumns(mem, vcols, kind)
	if err != nil {
		return nil, fmt.Errorf("frame: Melt: %w", err)
	}
	defer stacked.Release()
	valueField := FieldSpec{Name: value, Kind: kind, Unit: unit}.arrowField()
	return f.meltResult(mem, o.ID, variable, melted, valueField, stacked)
}

// meltIDs returns the set of the ID columns of a Melt, each of which f
// must have, named once.
func (f *Frame) meltIDs(ids []string) (map[string]bool, error) {
	isID := map[string]bool{}
	for _, name := range ids {
		if isID[name] {
			return nil, fmt.Errorf("frame: Melt: ID column %q named twice", name)
		}
		if !f.Has(name) {
			return nil, fmt.Errorf("frame: Melt: ID: no column %q (have %v)", name, f.Names())
		}
		isID[name] = true
	}
	return isID, nil
}

// meltValues returns the names and the columns that a Melt turns into
// rows: values, or, when it is nil, every column not in isID, in f's
// order. A column named twice, or also an ID column, is an error, and so
// is no column at all.
func (f *Frame) meltValues(values []string, isID map[string]bool) ([]string, []Column, error) {
	melted := values
	if melted == nil {
		for _, name := range f.Names() {
			if !isID[name] {
				melted = append(melted, name)
			}
		}
	}
	if len(melted) == 0 {
		return nil, nil, errors.New("frame: Melt: no column to melt")
	}
	seen := map[string]bool{}
	vcols := make([]Column, len(melted))
	for j, name := range melted {
		switch {
		case seen[name]:
			return nil, nil, fmt.Errorf("frame: Melt: Values column %q named twice", name)
		case isID[name]:
			return nil, nil, fmt.Errorf("frame: Melt: column %q is both ID and Values", name)
		}
		seen[name] = true
		c, err := f.Column(name)
		if err != nil {
			return nil, nil, fmt.Errorf("frame: Melt: Values: %w", err)
		}
		vcols[j] = c
	}
	return melted, vcols, nil
}

// meltKind returns the kind and the unit of the Value column of a Melt of
// vcols: their kind if they share one, float64 if they mix int64 and
// float64 (any other mix is an error naming two columns of different
// kinds); their unit if they share it, none otherwise.
func meltKind(vcols []Column) (Kind, string, error) {
	kind, unit := vcols[0].Kind(), vcols[0].Unit()
	for _, c := range vcols[1:] {
		if c.Kind() != kind {
			if !kind.Numeric() || !c.Kind().Numeric() {
				return 0, "", fmt.Errorf("frame: Melt: column %q is %s but %q is %s: the melted columns must share one kind, or all be numbers",
					vcols[0].Name(), vcols[0].Kind(), c.Name(), c.Kind())
			}
			kind = Float64
		}
		if c.Unit() != unit {
			unit = ""
		}
	}
	return kind, unit, nil
}

// stackColumns returns the values of cols, column after column, in one
// array of kind: int64 columns are converted when kind is float64.
func stackColumns(mem memory.Allocator, cols []Column, kind Kind) (arrow.Array, error) {
	parts := make([]arrow.Array, len(cols))
	for j, c := range cols {
		if kind == Float64 && c.Kind() == Int64 {
			parts[j] = int64sAsFloat64s(mem, c.arr.(*array.Int64))
		} else {
			parts[j] = c.arr
			parts[j].Retain()
		}
	}
	stacked, err := array.Concatenate(parts, mem)
	for _, p := range parts {
		p.Release()
	}
	return stacked, err
}

// meltResult builds the long Frame of a Melt: for each row i of f and
// each melted column j, a row with the ID columns of row i, the name of
// column j (in the column named variable) and its value in row i (in the
// column of field value), taken from stacked, which holds the values of
// the melted columns column after column.
func (f *Frame) meltResult(mem memory.Allocator, ids []string, variable string, melted []string, value arrow.Field, stacked arrow.Array) (*Frame, error) {
	n, m := f.nrows, len(melted)
	nb := array.NewStringBuilder(mem)
	nb.AppendValues(melted, nil)
	varNames := nb.NewArray()
	nb.Release()
	defer varNames.Release()

	// the row of f, the melted column and the place of the value in
	// stacked of each row of the result
	row, which, at := make([]int32, n*m), make([]int32, n*m), make([]int32, n*m)
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			row[i*m+j], which[i*m+j], at[i*m+j] = int32(i), int32(j), int32(j*n+i)
		}
	}
	fields := make([]arrow.Field, 0, len(ids)+2)
	cols := make([]arrow.Array, 0, len(ids)+2)
	add := func(field arrow.Field, src arrow.Array, idx []int32) error {
		a, err := gatherArray(mem, src, idx)
		if err != nil {
			return fmt.Errorf("frame: Melt: %w", err)
		}
		fields, cols = append(fields, field), append(cols, a)
		return nil
	}
	var err error
	for _, name := range ids {
		k := f.index[name]
		if err = add(f.schema.Field(k), f.cols[k], row); err != nil {
			break
		}
	}
	if err == nil {
		err = add(FieldSpec{Name: variable, Kind: String}.arrowField(), varNames, which)
	}
	if err == nil {
		err = add(value, stacked, at)
	}
	if err != nil {
		for _, c := range cols {
			c.Release()
		}
		return nil, err
	}
	md := f.schema.Metadata()
	return newFrame(mem, arrow.NewSchema(fields, &md), cols, n*m), nil
}

// int64sAsFloat64s converts an int64 array to float64, nulls kept.
func int64sAsFloat64s(mem memory.Allocator, a *array.Int64) arrow.Array {
	b := array.NewFloat64Builder(mem)
	defer b.Release()
	b.Reserve(a.Len())
	for i, v := range a.Int64Values() {
		if a.IsNull(i) {
			b.AppendNull()
		} else {
			b.UnsafeAppend(float64(v))
		}
	}
	return b.NewArray()
}
