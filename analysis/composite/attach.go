package composite

import (
	"errors"
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
	// the reference side: its key, the columns asked for, and the line of
	// each reference row as ref_source_line
	right, err := ref.Select(append([]string{refKey}, columns...)...)
	if err != nil {
		return nil, fmt.Errorf("composite: Attach: reference: %w", err)
	}
	defer right.Release()
	if lc, err := ref.Column(frame.ColSourceLine); err == nil {
		spec := frame.FieldSpec{Name: "ref_source_line", Kind: lc.Kind(), LabelVI: "Dòng trong bảng tham chiếu",
			Extra: map[string]string{frame.MetaDescription: "source_line of the row of " + datasetName(ref) + " the attached values come from"}}
		withLine, err := right.WithColumn(spec, colValues(lc), nil)
		if err != nil {
			return nil, err
		}
		defer withLine.Release()
		right = withLine
	}
	for _, name := range right.Names()[1:] {
		if f.Has(name) {
			return nil, fmt.Errorf("composite: Attach: the Frame already has a column %q", name)
		}
	}
	const matched = "\x00matched"
	j, err := f.Join(right, frame.JoinOptions{Kind: frame.LeftJoin, On: []string{key}, RightOn: []string{refKey},
		Normalise: func(s string) string { return MatchKey(s, m) }, Matched: matched})
	var dup *frame.DuplicateKeyError
	if errors.As(err, &dup) {
		return nil, fmt.Errorf("composite: Attach: reference rows %d and %d are both %q under matching %s", dup.Rows[0], dup.Rows[1], dup.Key[0], m)
	}
	if err != nil {
		return nil, fmt.Errorf("composite: Attach: %w", err)
	}
	ue := &UnmatchedError{Matching: m}
	seen := map[string]bool{}
	names := kc.Strings()
	for i, ok := range j.Col(matched).Bools() {
		if !ok && !seen[names[i]] {
			seen[names[i]] = true
			ue.Names, ue.Rows = append(ue.Names, names[i]), append(ue.Rows, i+1)
		}
	}
	if len(ue.Names) > 0 {
		j.Release()
		return nil, ue
	}
	out, err := j.Drop(matched)
	j.Release()
	return out, err
}
