package ratios

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/ictplan/ictplan/frame"
)

// ConcatLevels stacks frames with the same columns (frame.Concat), each
// given a first column level (string) holding levels[i] for the rows of
// frames[i]: for
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
	return frame.Concat(withLevel, frame.ConcatOptions{})
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
	lf, err := frame.FromColumns(nil,
		[]frame.FieldSpec{{Name: ColLevel, Kind: frame.String, LabelVI: "Cấp"}}, []any{vals}, frame.WithAllocator(f.Allocator()))
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
	return frame.FromArrays(arrow.NewSchema(fields, &md), arrays, frame.WithAllocator(f.Allocator()))
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
	out, err := frame.FromArrays(arrow.NewSchema(fields, &md), arrays, frame.WithAllocator(f.Allocator()))
	if err != nil {
		return nil, fmt.Errorf("ratios: UseColumns: %w", err)
	}
	return out, nil
}
