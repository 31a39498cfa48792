package composite

import (
	"fmt"

	"github.com/ictplan/ictplan/frame"
)

// Attach returns f with columns of a reference Frame (population and area
// from vn-provinces, say) added at the end, the rows matched by province
// name: f's key column against ref's refKey column, compared by MatchKey
// in mode m, so "Khánh Hoà" in a researcher's CSV finds "Khánh Hòa".
// When ref has source_line, a column ref_source_line (the line of the
// reference row each value came from) is added too, so that a per-capita
// figure stays traceable to both of its sources.
//
// Every row of f must find a row of ref (else *UnmatchedError listing the
// names, errors.Is ErrUnmatched); two rows of ref with the same key are an
// error; a column name f already has is an error. A null in ref stays null.
func Attach(f, ref *frame.Frame, key, refKey string, columns []string, m Matching) (*frame.Frame, error) {
	kc, err := f.Column(key)
	if err != nil {
		return nil, fmt.Errorf("composite: Attach: %w", err)
	}
	rc, err := ref.Column(refKey)
	if err != nil {
		return nil, fmt.Errorf("composite: Attach: reference: %w", err)
	}
	if kc.Kind() != frame.String || rc.Kind() != frame.String {
		return nil, fmt.Errorf("composite: Attach: key columns must be text")
	}
	rowOf := map[string]int{}
	for i, n := range rc.Strings() {
		k := MatchKey(n, m)
		if prev, dup := rowOf[k]; dup {
			return nil, fmt.Errorf("composite: Attach: reference rows %d and %d are both %q under matching %s", prev+1, i+1, n, m)
		}
		rowOf[k] = i
	}
	names := kc.Strings()
	take := make([]int, len(names))
	ue := &UnmatchedError{Matching: m}
	seen := map[string]bool{}
	for i, n := range names {
		r, ok := rowOf[MatchKey(n, m)]
		if !ok || kc.IsNull(i) {
			if !seen[n] {
				seen[n] = true
				ue.Names, ue.Rows = append(ue.Names, n), append(ue.Rows, i+1)
			}
			continue
		}
		take[i] = r
	}
	if len(ue.Names) > 0 {
		return nil, ue
	}
	cols := append([]string{}, columns...)
	if ref.Has(frame.ColSourceLine) {
		cols = append(cols, frame.ColSourceLine)
	}
	picked := ref.Take(take)
	defer picked.Release()
	g := f.Retain()
	for _, name := range cols {
		c, err := picked.Column(name)
		if err != nil {
			g.Release()
			return nil, fmt.Errorf("composite: Attach: reference: %w", err)
		}
		spec := c.Spec()
		if name == frame.ColSourceLine {
			spec = frame.FieldSpec{Name: "ref_source_line", Kind: c.Kind(), LabelVI: "Dòng trong bảng tham chiếu",
				Extra: map[string]string{frame.MetaDescription: "source_line of the row of " + datasetName(ref) + " the attached values come from"}}
		}
		if g.Has(spec.Name) {
			g.Release()
			return nil, fmt.Errorf("composite: Attach: the Frame already has a column %q", spec.Name)
		}
		h, err := g.WithColumn(spec, colValues(c), nil)
		g.Release()
		if err != nil {
			return nil, err
		}
		g = h
	}
	return g, nil
}
