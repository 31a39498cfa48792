package composite

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// Wide turns a long Frame (one row per province × indicator: key,
// indicator, value) into the wide form the other functions take: one row
// per distinct key, in order of first appearance; the key column, then one
// float64 column per distinct indicator (named by it, in order of first
// appearance), then source_lines when long has source_line.
//
//   - A key × indicator pair the long Frame lacks, or whose value is null,
//     is null.
//   - A pair given twice is an error naming the key, the indicator and
//     both rows: a value is never chosen silently.
//   - If long has a "unit" column (or "label_vi") with a single value per
//     indicator, it becomes the unit (or Vietnamese label) of that column.
//   - source_lines lists, for each key, the source_line of its rows in
//     row order, separated by ";" ("59;61;63").
//
// The key and indicator columns must be text; value must be numeric.
func Wide(long *frame.Frame, key, indicator, value string) (*frame.Frame, error) {
	kc, err := long.Column(key)
	if err != nil {
		return nil, fmt.Errorf("composite: %w", err)
	}
	ic, err := long.Column(indicator)
	if err != nil {
		return nil, fmt.Errorf("composite: %w", err)
	}
	vc, err := long.Column(value)
	if err != nil {
		return nil, fmt.Errorf("composite: %w", err)
	}
	if kc.Kind() != frame.String || ic.Kind() != frame.String {
		return nil, fmt.Errorf("composite: Wide needs text key and indicator columns (%s is %s, %s is %s)", key, kc.Kind(), indicator, ic.Kind())
	}
	if !vc.Kind().Numeric() {
		return nil, fmt.Errorf("composite: Wide: value column %q is %s, not a number", value, vc.Kind())
	}
	keys, inds := kc.Strings(), ic.Strings()
	for i := range keys {
		if kc.IsNull(i) || ic.IsNull(i) || inds[i] == "" {
			return nil, fmt.Errorf("composite: Wide: row %d has no %s or no %s", i+1, key, indicator)
		}
		if inds[i] == "source_lines" {
			return nil, fmt.Errorf("composite: Wide: indicator %q would replace a column of the result", inds[i])
		}
	}
	// the values as float64, whatever their numeric kind
	fl, err := long.Select(key, indicator)
	if err != nil {
		return nil, fmt.Errorf("composite: Wide: %w", err)
	}
	defer fl.Release()
	in, err := fl.WithColumn(frame.FieldSpec{Name: "value", Kind: frame.Float64}, vc.Float64s(), nil)
	if err != nil {
		return nil, fmt.Errorf("composite: Wide: %w", err)
	}
	defer in.Release()
	w, err := in.Pivot(frame.PivotOptions{Index: []string{key}, Columns: indicator, Values: "value"})
	if err != nil {
		return nil, fmt.Errorf("composite: Wide: %w", err)
	}
	defer w.Release()

	var units, labels []string
	if c, err := long.Column("unit"); err == nil && c.Kind() == frame.String {
		units = c.Strings()
	}
	if c, err := long.Column("label_vi"); err == nil && c.Kind() == frame.String {
		labels = c.Strings()
	}
	specs := []frame.FieldSpec{kc.Spec()}
	values := []any{w.Col(key).Strings()}
	for _, name := range w.Names()[1:] {
		fs := frame.FieldSpec{Name: name, Kind: frame.Float64}
		fs.Unit = single(units, inds, name)
		fs.LabelVI = single(labels, inds, name)
		specs = append(specs, fs)
		values = append(values, w.Col(name).Float64s())
	}
	// source_lines: the lines of each key's rows, in row order
	if c, err := long.Column(frame.ColSourceLine); err == nil {
		lines := c.Strings()
		rowOf := map[string]int{}
		for i, k := range w.Col(key).Strings() {
			rowOf[k] = i
		}
		rowLines := make([][]string, w.NumRows())
		for i, k := range keys {
			rowLines[rowOf[k]] = append(rowLines[rowOf[k]], lines[i])
		}
		joined := make([]string, len(rowLines))
		for r, ls := range rowLines {
			joined[r] = strings.Join(ls, ";")
		}
		specs = append(specs, frame.FieldSpec{Name: "source_lines", Kind: frame.String, LabelVI: "Dòng nguồn"})
		values = append(values, joined)
	}
	meta := derivedMeta(long, "Bảng rộng tỉnh × chỉ tiêu (wide province × indicator table)",
		fmt.Sprintf("Wide(%s, %s, %s)", key, indicator, value))
	return frame.FromColumns(meta, specs, values, frame.WithAllocator(long.Allocator()))
}

// single returns the one value attr takes on the rows of indicator name,
// "" when attr is nil or the rows disagree.
func single(attr, inds []string, name string) string {
	if attr == nil {
		return ""
	}
	v, found := "", false
	for i, ind := range inds {
		if ind != name {
			continue
		}
		if found && attr[i] != v {
			return ""
		}
		v, found = attr[i], true
	}
	return v
}
