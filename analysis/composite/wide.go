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
	keys, inds, vals := kc.Strings(), ic.Strings(), vc.Float64s()
	var lines []string
	if c, err := long.Column(frame.ColSourceLine); err == nil {
		lines = c.Strings()
	}
	var units, labels []string
	if c, err := long.Column("unit"); err == nil && c.Kind() == frame.String {
		units = c.Strings()
	}
	if c, err := long.Column("label_vi"); err == nil && c.Kind() == frame.String {
		labels = c.Strings()
	}

	rowOf, colOf := map[string]int{}, map[string]int{}
	var rowKeys, colNames []string
	seen := map[[2]int]int{} // (row, col) -> long row
	for i := range keys {
		if kc.IsNull(i) || ic.IsNull(i) || inds[i] == "" {
			return nil, fmt.Errorf("composite: Wide: row %d has no %s or no %s", i+1, key, indicator)
		}
		if _, ok := rowOf[keys[i]]; !ok {
			rowOf[keys[i]] = len(rowKeys)
			rowKeys = append(rowKeys, keys[i])
		}
		if _, ok := colOf[inds[i]]; !ok {
			if inds[i] == key || inds[i] == "source_lines" {
				return nil, fmt.Errorf("composite: Wide: indicator %q would replace a column of the result", inds[i])
			}
			colOf[inds[i]] = len(colNames)
			colNames = append(colNames, inds[i])
		}
		rc := [2]int{rowOf[keys[i]], colOf[inds[i]]}
		if prev, dup := seen[rc]; dup {
			return nil, fmt.Errorf("composite: Wide: %s %q has indicator %q twice (rows %d and %d)", key, keys[i], inds[i], prev+1, i+1)
		}
		seen[rc] = i
	}

	grid := make([][]float64, len(colNames))
	for j := range grid {
		grid[j] = nan(len(rowKeys))
	}
	rowLines := make([][]string, len(rowKeys))
	for rc, i := range seen {
		grid[rc[1]][rc[0]] = vals[i]
	}
	if lines != nil {
		for i := range keys {
			r := rowOf[keys[i]]
			rowLines[r] = append(rowLines[r], lines[i])
		}
	}

	specs := []frame.FieldSpec{kc.Spec()}
	values := []any{rowKeys}
	for j, name := range colNames {
		fs := frame.FieldSpec{Name: name, Kind: frame.Float64}
		fs.Unit = single(units, inds, name)
		fs.LabelVI = single(labels, inds, name)
		specs = append(specs, fs)
		values = append(values, grid[j])
	}
	if lines != nil {
		specs = append(specs, frame.FieldSpec{Name: "source_lines", Kind: frame.String, LabelVI: "Dòng nguồn"})
		joined := make([]string, len(rowKeys))
		for r, ls := range rowLines {
			joined[r] = strings.Join(ls, ";")
		}
		values = append(values, joined)
	}
	meta := derivedMeta(long, "Bảng rộng tỉnh × chỉ tiêu (wide province × indicator table)",
		fmt.Sprintf("Wide(%s, %s, %s)", key, indicator, value))
	return frame.FromColumns(long.Allocator(), meta, specs, values)
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
