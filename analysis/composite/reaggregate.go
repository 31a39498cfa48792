package composite

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// RatioSpec is a ratio Reaggregate recomputes for each new unit from the
// sums of its parts: As = Σ Numerator / Σ Denominator × Per. Per 0 means 1.
// LabelVI and Unit label the output column (Unit defaults to "ratio").
type RatioSpec struct {
	As          string
	Numerator   string
	Denominator string
	Per         float64
	LabelVI     string
	Unit        string
}

// MeanSpec is a mean Reaggregate computes for each new unit over its old
// provinces: the plain mean of Column, or with Weight the weighted mean
// Σ Weight × Column / Σ Weight (a rate weighted by population). As names
// the output column (default Column); LabelVI and Unit label it (default
// Column's).
type MeanSpec struct {
	Column  string
	Weight  string
	As      string
	LabelVI string
	Unit    string
}

// Reaggregation says what Reaggregate does.
type Reaggregation struct {
	// Key is the province column of the Frame (default "province").
	Key string
	// By are further grouping columns kept in the output (e.g. "year" for
	// a province × year panel); may be empty.
	By []string
	// Sums are the columns added up per new unit: counts, money, people.
	Sums []string
	// Ratios are recomputed from the sums of their parts, never averaged.
	Ratios []RatioSpec
	// Means are averaged over the old provinces, weighted or not: for a
	// figure that is neither a sum nor a ratio of sums (an index, a score,
	// a rate without its parts).
	Means []MeanSpec
	// Matching compares the Frame's province names with the crosswalk's
	// old_province (default MatchTones).
	Matching Matching
}

// UnmatchedError lists the provinces of a Frame that the crosswalk does
// not know, with the 1-based rows where each first appears.
type UnmatchedError struct {
	Names    []string
	Rows     []int
	Matching Matching
}

// Error lists the names.
func (e *UnmatchedError) Error() string {
	parts := make([]string, len(e.Names))
	for i, n := range e.Names {
		parts[i] = fmt.Sprintf("%q (row %d)", n, e.Rows[i])
	}
	return fmt.Sprintf("composite: %d province(s) not in the crosswalk (matching %s): %s",
		len(e.Names), e.Matching, strings.Join(parts, ", "))
}

// Unwrap returns ErrUnmatched.
func (e *UnmatchedError) Unwrap() error { return ErrUnmatched }

// crosswalkEntry is one new unit of a crosswalk.
type crosswalkEntry struct {
	name, kind string
	olds       map[string]bool // match keys of its old provinces
}

// Reaggregate regroups a Frame of the old provinces (one row per province,
// or per province × By) into the new units of a crosswalk, such as the
// 2025 reorganisation of 63 provinces into 34 (Resolution 202/2025/QH15,
// dataset vn-provinces-2025). The crosswalk needs text columns
// old_province and new_province (new_kind is carried when present).
//
// The result has one row per new unit (× By values) that has data, in the
// crosswalk's order of new units (then first appearance of the By
// values), with the columns:
//
//   - new_province, then new_kind (if the crosswalk has it), then By;
//   - old_provinces: how many distinct old provinces of the Frame went
//     into the row with a value in every column aggregated (Sums, the
//     parts of Ratios, Means and their weights); old_provinces_expected:
//     how many the crosswalk maps to the new unit; complete: whether the
//     two agree — a row with complete = false adds up only part of the new
//     unit (a province missing, or present with a null) and must not be
//     read as its total;
//   - old_province_names: the old names as the Frame writes them, "; "
//     between;
//   - each of Sums: Σ over the rows of the group, int64 or float64 as the
//     column; null when any of the rows has a null (an unknown part makes
//     the total unknown);
//   - each of Ratios: Σ numerator / Σ denominator × Per over the group;
//     null when a part is null or Σ denominator is 0;
//   - each of Means: the mean of its column over the group's rows, or
//     Σ weight × value / Σ weight; null when a value or weight is null or
//     Σ weight is 0;
//   - source_lines when the Frame has source_line: its lines, ";" between.
//
// Names are compared with MatchKey in the given Matching mode. Provinces
// the crosswalk lacks are an error (*UnmatchedError, errors.Is
// ErrUnmatched) listing all of them; so is a crosswalk that maps one old
// province to two new units.
func Reaggregate(f, crosswalk *frame.Frame, spec Reaggregation) (*frame.Frame, error) {
	key := spec.Key
	if key == "" {
		key = "province"
	}
	kc, byCols, err := reaggregateColumns(f, key, spec)
	if err != nil {
		return nil, err
	}
	entries, index, err := readCrosswalk(crosswalk, spec.Matching)
	if err != nil {
		return nil, err
	}

	// Assign each row to a group.
	rowUnit, err := assignUnits(kc, index, spec.Matching)
	if err != nil {
		return nil, err
	}
	groups, err := groupRows(f, rowUnit, spec.By)
	if err != nil {
		return nil, err
	}

	// Output columns: the new unit and its members, then the figures.
	var out columnSet
	newName, newKind, olds, expected, complete, members := membership(f, groups, entries, kc.Strings(), spec)
	out.add(frame.FieldSpec{Name: "new_province", Kind: frame.String, LabelVI: "Tỉnh, thành phố (sau sắp xếp năm 2025)"}, newName)
	if crosswalk.Has("new_kind") {
		out.add(frame.FieldSpec{Name: "new_kind", Kind: frame.String, LabelVI: "Loại đơn vị"}, newKind)
	}
	for _, c := range byCols {
		v := make([]any, len(groups))
		for gi, g := range groups {
			v[gi] = c.Value(g.first)
		}
		out.add(c.Spec(), v)
	}
	out.add(frame.FieldSpec{Name: "old_provinces", Kind: frame.Int64, LabelVI: "Số tỉnh cũ có số liệu", Unit: "count"}, olds)
	out.add(frame.FieldSpec{Name: "old_provinces_expected", Kind: frame.Int64, LabelVI: "Số tỉnh cũ hợp thành", Unit: "count"}, expected)
	out.add(frame.FieldSpec{Name: "complete", Kind: frame.Bool, LabelVI: "Đủ số liệu các tỉnh cũ"}, complete)
	out.add(frame.FieldSpec{Name: "old_province_names", Kind: frame.String, LabelVI: "Các tỉnh cũ"}, members)
	groupFigures(&out, f, groups, spec)
	if err := out.unique(); err != nil {
		return nil, err
	}
	method := fmt.Sprintf("regrouped by the crosswalk %s (matching %s); sums of %s; ratios recomputed from sums",
		datasetName(crosswalk), spec.Matching, strings.Join(spec.Sums, ", "))
	meta := derivedMeta(f, "Số liệu theo đơn vị hành chính sau sắp xếp năm 2025 (regrouped to the new provinces)", method)
	return frame.FromColumns(meta, out.specs, out.values, frame.WithAllocator(f.Allocator()))
}

// reaggregateColumns checks the columns a Reaggregation names: the key
// (text), every column it sums, divides or averages (numbers), the names
// of its ratios, and its By columns, which it returns.
func reaggregateColumns(f *frame.Frame, key string, spec Reaggregation) (kc frame.Column, byCols []frame.Column, err error) {
	kc, err = f.Column(key)
	if err != nil {
		return kc, nil, fmt.Errorf("composite: Reaggregate: %w", err)
	}
	if kc.Kind() != frame.String {
		return kc, nil, fmt.Errorf("composite: Reaggregate: key %q is %s, not text", key, kc.Kind())
	}
	for _, c := range aggregated(spec) {
		col, err := f.Column(c)
		if err != nil {
			return kc, nil, fmt.Errorf("composite: Reaggregate: %w", err)
		}
		if !col.Kind().Numeric() {
			return kc, nil, fmt.Errorf("composite: Reaggregate: %q is %s, not a number", c, col.Kind())
		}
	}
	for _, r := range spec.Ratios {
		if r.As == "" {
			return kc, nil, fmt.Errorf("composite: Reaggregate: the ratio %s/%s needs a name (As)", r.Numerator, r.Denominator)
		}
	}
	byCols = make([]frame.Column, len(spec.By))
	for i, b := range spec.By {
		if byCols[i], err = f.Column(b); err != nil {
			return kc, nil, fmt.Errorf("composite: Reaggregate: %w", err)
		}
	}
	return kc, byCols, nil
}

// columnSet is the columns of a result being built, in order.
type columnSet struct {
	specs  []frame.FieldSpec
	values []any
}

func (c *columnSet) add(spec frame.FieldSpec, values any) {
	c.specs = append(c.specs, spec)
	c.values = append(c.values, values)
}

// unique refuses a result with two columns of one name.
func (c *columnSet) unique() error {
	for i := range c.specs {
		for j := 0; j < i; j++ {
			if c.specs[i].Name == c.specs[j].Name {
				return fmt.Errorf("composite: Reaggregate: column %q would appear twice in the result", c.specs[i].Name)
			}
		}
	}
	return nil
}

// groupFigures adds the figures of each group: the sums, the ratios of
// sums, the means, and the source lines the group adds up.
func groupFigures(out *columnSet, f *frame.Frame, groups []*rowGroup, spec Reaggregation) {
	rowsets := groups2rows(groups)
	for _, s := range spec.Sums {
		c := f.Col(s)
		fs := c.Spec()
		fs.Extra = copyExtra(fs.Extra, "sum over the old provinces of the new unit; null if any is null")
		out.add(fs, groupSums(c, rowsets))
	}
	for _, r := range spec.Ratios {
		out.add(groupRatio(f, r, rowsets))
	}
	for _, m := range spec.Means {
		out.add(groupMeans(f, m, rowsets))
	}
	if c, err := f.Column(frame.ColSourceLine); err == nil {
		lines := c.Strings()
		sl := make([]string, len(groups))
		for gi, g := range groups {
			var ls []string
			for _, i := range g.rows {
				if lines[i] != "" {
					ls = append(ls, lines[i])
				}
			}
			sl[gi] = strings.Join(ls, ";")
		}
		out.add(frame.FieldSpec{Name: "source_lines", Kind: frame.String, LabelVI: "Dòng nguồn"}, sl)
	}
}

func datasetName(c *frame.Frame) string {
	if id := c.Meta(frame.MetaDataset); id != "" {
		return id
	}
	return "given"
}

// aggregated lists the columns Reaggregate aggregates: sums, the parts of
// ratios, means and their weights.
func aggregated(spec Reaggregation) []string {
	out := append(append([]string{}, spec.Sums...), ratioColumns(spec.Ratios)...)
	for _, m := range spec.Means {
		out = append(out, m.Column)
		if m.Weight != "" {
			out = append(out, m.Weight)
		}
	}
	return out
}

// hasValues reports whether row i has a value in every one of cols.
func hasValues(f *frame.Frame, cols []string, i int) bool {
	for _, c := range cols {
		if f.Col(c).IsNull(i) {
			return false
		}
	}
	return true
}

// groupMeans is the column of a MeanSpec: per group the plain or weighted
// mean, null when a value or weight is null or the weights add up to 0.
func groupMeans(f *frame.Frame, m MeanSpec, rowsets [][]int) (frame.FieldSpec, []any) {
	c := f.Col(m.Column)
	x := c.Float64s()
	var w []float64
	if m.Weight != "" {
		w = f.Col(m.Weight).Float64s()
	}
	out := make([]any, len(rowsets))
	for gi, rows := range rowsets {
		sum, den := 0.0, 0.0
		ok := len(rows) > 0
		for _, i := range rows {
			wi := 1.0
			if w != nil {
				wi = w[i]
			}
			if math.IsNaN(x[i]) || math.IsNaN(wi) {
				ok = false
				break
			}
			sum += wi * x[i]
			den += wi
		}
		if ok && den != 0 {
			out[gi] = sum / den
		}
	}
	fs := c.Spec()
	fs.Kind = frame.Float64
	if m.As != "" {
		fs.Name = m.As
	}
	if m.LabelVI != "" {
		fs.LabelVI = m.LabelVI
	}
	if m.Unit != "" {
		fs.Unit = m.Unit
	}
	desc := "mean over the old provinces of the new unit; null if any is null"
	if m.Weight != "" {
		desc = fmt.Sprintf("Σ %s × %s / Σ %s over the old provinces of the new unit; null if a value or weight is null or Σ %s is 0", m.Weight, m.Column, m.Weight, m.Weight)
	}
	fs.Extra = copyExtra(fs.Extra, desc)
	return fs, out
}

func ratioColumns(rs []RatioSpec) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Numerator, r.Denominator)
	}
	return out
}

func copyExtra(m map[string]string, desc string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	out[frame.MetaDescription] = desc
	return out
}

// assignUnits returns the crosswalk entry of each row's province, or an
// *UnmatchedError listing every province the crosswalk lacks.
func assignUnits(kc frame.Column, index map[string]int, matching Matching) ([]int, error) {
	names := kc.Strings()
	unmatched := &UnmatchedError{Matching: matching}
	seenUnmatched := map[string]bool{}
	rowUnit := make([]int, len(names))
	for i, n := range names {
		u, ok := index[MatchKey(n, matching)]
		if kc.IsNull(i) || !ok {
			if !seenUnmatched[n] {
				seenUnmatched[n] = true
				unmatched.Names = append(unmatched.Names, n)
				unmatched.Rows = append(unmatched.Rows, i+1)
			}
			continue
		}
		rowUnit[i] = u
	}
	if len(unmatched.Names) > 0 {
		return nil, unmatched
	}
	return rowUnit, nil
}

// membership returns, per group, its new unit's name and kind, how many
// distinct old provinces have a value in every aggregated column, how many
// the crosswalk maps to the unit, whether the two agree, and the old
// names as the Frame writes them.
func membership(f *frame.Frame, groups []*rowGroup, entries []crosswalkEntry, names []string, spec Reaggregation) (newName, newKind []string, olds, expected []int64, complete []bool, members []string) {
	ng := len(groups)
	newName, newKind = make([]string, ng), make([]string, ng)
	olds, expected = make([]int64, ng), make([]int64, ng)
	complete, members = make([]bool, ng), make([]string, ng)
	cols := aggregated(spec)
	for gi, g := range groups {
		e := entries[g.unit]
		newName[gi], newKind[gi] = e.name, e.kind
		seen, valued := map[string]bool{}, map[string]bool{}
		var ms []string
		for _, i := range g.rows {
			k := MatchKey(names[i], spec.Matching)
			if !seen[k] {
				seen[k] = true
				ms = append(ms, names[i])
			}
			if hasValues(f, cols, i) {
				valued[k] = true
			}
		}
		olds[gi], expected[gi] = int64(len(valued)), int64(len(e.olds))
		complete[gi] = olds[gi] == expected[gi]
		members[gi] = strings.Join(ms, "; ")
	}
	return
}

// groupRatio is the column of a RatioSpec: per group Σ numerator /
// Σ denominator × Per, null when a part is null or Σ denominator is 0.
func groupRatio(f *frame.Frame, r RatioSpec, rowsets [][]int) (frame.FieldSpec, []any) {
	per := r.Per
	if per == 0 {
		per = 1
	}
	num := groupSums(f.Col(r.Numerator), rowsets)
	den := groupSums(f.Col(r.Denominator), rowsets)
	out := make([]any, len(rowsets))
	for gi := range rowsets {
		nv, dv := toFloat(num, gi), toFloat(den, gi)
		if math.IsNaN(nv) || math.IsNaN(dv) || dv == 0 {
			continue
		}
		out[gi] = nv / dv * per
	}
	unit := r.Unit
	if unit == "" {
		unit = "ratio"
	}
	return frame.FieldSpec{Name: r.As, Kind: frame.Float64, LabelVI: r.LabelVI, Unit: unit,
		Extra: map[string]string{frame.MetaDescription: fmt.Sprintf("Σ %s / Σ %s × %g over the old provinces; null if a part is null or Σ %s is 0",
			r.Numerator, r.Denominator, per, r.Denominator)}}, out
}

// groupRows groups the rows of f by their new unit and the By columns
// (frame.Groups: a null By value is a value of its own), in the order of
// the new units, then of first appearance.
func groupRows(f *frame.Frame, rowUnit []int, by []string) ([]*rowGroup, error) {
	units := make([]int64, len(rowUnit))
	for i, u := range rowUnit {
		units[i] = int64(u)
	}
	const unitCol = "\x00new_unit"
	g, err := f.WithColumn(frame.FieldSpec{Name: unitCol, Kind: frame.Int64}, units, nil)
	if err != nil {
		return nil, fmt.Errorf("composite: Reaggregate: %w", err)
	}
	defer g.Release()
	sets, err := g.Groups(append([]string{unitCol}, by...)...)
	if err != nil {
		return nil, fmt.Errorf("composite: Reaggregate: %w", err)
	}
	groups := make([]*rowGroup, len(sets))
	for i, rows := range sets {
		groups[i] = &rowGroup{unit: rowUnit[rows[0]], first: rows[0], rows: rows}
	}
	sort.SliceStable(groups, func(a, b int) bool {
		if groups[a].unit != groups[b].unit {
			return groups[a].unit < groups[b].unit
		}
		return groups[a].first < groups[b].first
	})
	return groups, nil
}

// rowGroup is the rows of one output row of Reaggregate: its new unit
// (index into the crosswalk entries) and its first row.
type rowGroup struct {
	unit, first int
	rows        []int
}

func groups2rows(gs []*rowGroup) [][]int {
	out := make([][]int, len(gs))
	for i, g := range gs {
		out[i] = g.rows
	}
	return out
}

// readCrosswalk reads old_province -> new_province: the new units in
// order of first appearance, and the index of each old match key.
func readCrosswalk(cw *frame.Frame, m Matching) ([]crosswalkEntry, map[string]int, error) {
	oc, err := cw.Column("old_province")
	if err != nil {
		return nil, nil, fmt.Errorf("composite: crosswalk: %w", err)
	}
	nc, err := cw.Column("new_province")
	if err != nil {
		return nil, nil, fmt.Errorf("composite: crosswalk: %w", err)
	}
	if oc.Kind() != frame.String || nc.Kind() != frame.String {
		return nil, nil, fmt.Errorf("composite: crosswalk: old_province and new_province must be text")
	}
	var kinds []string
	if kc, err := cw.Column("new_kind"); err == nil {
		kinds = kc.Strings()
	}
	olds, news := oc.Strings(), nc.Strings()
	var entries []crosswalkEntry
	unitOf := map[string]int{}  // new key -> entry
	index := map[string]int{}   // old key -> entry
	oldName := map[string]int{} // old key -> crosswalk row
	for i := range olds {
		if oc.IsNull(i) || nc.IsNull(i) || strings.TrimSpace(olds[i]) == "" || strings.TrimSpace(news[i]) == "" {
			return nil, nil, fmt.Errorf("composite: crosswalk row %d has no old_province or no new_province", i+1)
		}
		nk := MatchKey(news[i], m)
		u, ok := unitOf[nk]
		if !ok {
			u = len(entries)
			unitOf[nk] = u
			e := crosswalkEntry{name: strings.Join(strings.Fields(news[i]), " "), olds: map[string]bool{}}
			if kinds != nil {
				e.kind = kinds[i]
			}
			entries = append(entries, e)
		}
		ok2 := MatchKey(olds[i], m)
		if prev, dup := index[ok2]; dup && prev != u {
			return nil, nil, fmt.Errorf("composite: crosswalk maps %q (row %d) to %q and to %q (row %d) under matching %s",
				olds[i], i+1, entries[prev].name, entries[u].name, oldName[ok2]+1, m)
		}
		index[ok2] = u
		oldName[ok2] = i
		entries[u].olds[ok2] = true
	}
	return entries, index, nil
}

// groupSums adds column c over each group of rows: []int64 or []float64
// wrapped as []any with nil where a row of the group is null.
func groupSums(c frame.Column, groups [][]int) []any {
	out := make([]any, len(groups))
	if c.Kind() == frame.Int64 {
		v := c.Int64s()
		for gi, rows := range groups {
			var s int64
			null := false
			for _, i := range rows {
				if c.IsNull(i) {
					null = true
					break
				}
				s += v[i]
			}
			if !null {
				out[gi] = s
			}
		}
		return out
	}
	v := c.Float64s()
	for gi, rows := range groups {
		s := 0.0
		for _, i := range rows {
			s += v[i]
		}
		if !math.IsNaN(s) {
			out[gi] = s
		}
	}
	return out
}

func toFloat(v []any, i int) float64 {
	switch x := v[i].(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return math.NaN()
}
