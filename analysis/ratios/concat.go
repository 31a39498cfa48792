package ratios

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/ictplan/ictplan/frame"
)

// Concat stacks frames with the same columns (names and kinds, in the same
// order) into one, rows in argument order. Column labels and units are the
// first frame's. Schema metadata keys that all frames share with the same
// value are kept; a key whose values differ gets them all, distinct, joined
// with "; " (dataset "a; b"). Concat of one frame returns another reference
// to it; of none, an error.
func Concat(frames ...*frame.Frame) (*frame.Frame, error) {
	if len(frames) == 0 {
		return nil, errors.New("ratios: Concat of no frame")
	}
	first := frames[0]
	if len(frames) == 1 {
		return first.Retain(), nil
	}
	names := first.Names()
	for k, f := range frames[1:] {
		if err := sameColumns(first, f); err != nil {
			return nil, fmt.Errorf("ratios: Concat: frame %d: %w", k+2, err)
		}
	}
	arrays := make([]arrow.Array, len(names))
	defer func() {
		for _, a := range arrays {
			if a != nil {
				a.Release()
			}
		}
	}()
	for c := range names {
		parts := make([]arrow.Array, len(frames))
		for k, f := range frames {
			parts[k] = f.ColumnAt(c).Array()
		}
		a, err := array.Concatenate(parts, first.Allocator())
		if err != nil {
			return nil, fmt.Errorf("ratios: Concat: column %q: %w", names[c], err)
		}
		arrays[c] = a
	}
	md := arrow.MetadataFrom(mergeMeta(frames))
	out, err := frame.FromArrays(first.Allocator(), arrow.NewSchema(first.Schema().Fields(), &md), arrays)
	if err != nil {
		return nil, fmt.Errorf("ratios: Concat: %w", err)
	}
	return out, nil
}

func sameColumns(a, b *frame.Frame) error {
	an, bn := a.Names(), b.Names()
	if len(an) != len(bn) {
		return fmt.Errorf("%d columns, want %d (%s)", len(bn), len(an), strings.Join(an, ", "))
	}
	for i := range an {
		if an[i] != bn[i] {
			return fmt.Errorf("column %d is %q, want %q", i+1, bn[i], an[i])
		}
		if ak, bk := a.ColumnAt(i).Kind(), b.ColumnAt(i).Kind(); ak != bk {
			return fmt.Errorf("column %q is %s, want %s", an[i], bk, ak)
		}
	}
	return nil
}

// mergeMeta keeps the metadata values all frames agree on and joins the
// distinct values of the others with "; ", in frame order.
func mergeMeta(frames []*frame.Frame) map[string]string {
	vals := map[string][]string{}
	for _, f := range frames {
		for k, v := range f.Metadata() {
			if v != "" && !contains(vals[k], v) {
				vals[k] = append(vals[k], v)
			}
		}
	}
	out := make(map[string]string, len(vals))
	for k, vs := range vals {
		out[k] = strings.Join(vs, "; ")
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ConcatLevels stacks frames with the same columns, each given a first
// column level (string) holding levels[i] for the rows of frames[i]: for
// example the provincial and district computers tables as levels
// "province" and "district". A frame that already has a level column is an
// error, as are slices of different lengths.
func ConcatLevels(levels []string, frames []*frame.Frame) (*frame.Frame, error) {
	if len(levels) != len(frames) {
		return nil, fmt.Errorf("ratios: ConcatLevels: %d levels for %d frames", len(levels), len(frames))
	}
	if len(frames) == 0 {
		return nil, errors.New("ratios: ConcatLevels of no frame")
	}
	withLevel := make([]*frame.Frame, 0, len(frames))
	defer func() {
		for _, f := range withLevel {
			f.Release()
		}
	}()
	for i, f := range frames {
		lf, err := WithLevel(f, levels[i])
		if err != nil {
			return nil, err
		}
		withLevel = append(withLevel, lf)
	}
	return Concat(withLevel...)
}

// WithLevel returns f with a first column level holding level on every row
// (label "Cấp"); f must not have a level column.
func WithLevel(f *frame.Frame, level string) (*frame.Frame, error) {
	if f.Has(ColLevel) {
		return nil, fmt.Errorf("ratios: WithLevel: the frame already has a %q column", ColLevel)
	}
	vals := make([]string, f.NumRows())
	for i := range vals {
		vals[i] = level
	}
	lf, err := frame.FromColumns(f.Allocator(), nil,
		[]frame.FieldSpec{{Name: ColLevel, Kind: frame.String, LabelVI: "Cấp"}}, []any{vals})
	if err != nil {
		return nil, fmt.Errorf("ratios: WithLevel: %w", err)
	}
	defer lf.Release()
	fields := append([]arrow.Field{lf.Schema().Field(0)}, f.Schema().Fields()...)
	arrays := []arrow.Array{lf.ColumnAt(0).Array()}
	for i := 0; i < f.NumCols(); i++ {
		arrays = append(arrays, f.ColumnAt(i).Array())
	}
	md := arrow.MetadataFrom(f.Metadata())
	return frame.FromArrays(f.Allocator(), arrow.NewSchema(fields, &md), arrays)
}

// UseColumns renames the columns of f to the names this package and its
// presets use, so that a Frame with other column names (a researcher's CSV)
// works with ComputersPerStaff, ByUnit and the rest. names maps the
// package's name to f's name:
//
//	ratios.UseColumns(f, map[string]string{"computers": "so_may_tinh", "staff": "so_can_bo", "unit": "ten_don_vi"})
//
// Every f's name must be a column of f; the result must not have two
// columns of one name. Values, labels and units are shared, not copied.
// (For ratios of other columns, a Spec of one's own with f's names needs no
// renaming.)
func UseColumns(f *frame.Frame, names map[string]string) (*frame.Frame, error) {
	rename := make(map[string]string, len(names))
	ours := make([]string, 0, len(names))
	for o := range names {
		ours = append(ours, o)
	}
	sort.Strings(ours)
	for _, o := range ours {
		theirs := names[o]
		if !f.Has(theirs) {
			return nil, fmt.Errorf("ratios: UseColumns: no column %q (for %q) among %s", theirs, o, strings.Join(f.Names(), ", "))
		}
		if prev, dup := rename[theirs]; dup {
			return nil, fmt.Errorf("ratios: UseColumns: column %q given for both %q and %q", theirs, prev, o)
		}
		rename[theirs] = o
	}
	fields := f.Schema().Fields()
	arrays := make([]arrow.Array, len(fields))
	for i := range fields {
		if o, ok := rename[fields[i].Name]; ok {
			fields[i].Name = o
		}
		arrays[i] = f.ColumnAt(i).Array()
	}
	md := f.Schema().Metadata()
	out, err := frame.FromArrays(f.Allocator(), arrow.NewSchema(fields, &md), arrays)
	if err != nil {
		return nil, fmt.Errorf("ratios: UseColumns: %w", err)
	}
	return out, nil
}
