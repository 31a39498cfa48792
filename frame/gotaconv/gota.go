// Package gotaconv converts frame.Frames to and from gota DataFrames
// (github.com/go-gota/gota), for users who know gota. Gota is an
// interchange target, not ictplan's storage.
//
// It lives apart from frame so that importing frame does not compile gota
// and the gonum packages gota needs.
package gotaconv

import (
	"fmt"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"github.com/ictplan/ictplan/frame"
)

// ToGota converts f to a gota DataFrame for users who know gota: string and
// date columns become String series (dates as 2006-01-02), int64 Int,
// float64 Float, bool Bool; nulls become gota's NaN elements. Labels, units
// and provenance are not carried (gota has no metadata).
func ToGota(f *frame.Frame) dataframe.DataFrame {
	ss := make([]series.Series, f.NumCols())
	for j := range ss {
		c := f.ColumnAt(j)
		vals := make([]any, c.Len())
		var t series.Type
		switch c.Kind() {
		case frame.Int64:
			t = series.Int
		case frame.Float64:
			t = series.Float
		case frame.Bool:
			t = series.Bool
		default:
			t = series.String
		}
		for i := range vals {
			switch v := c.Value(i).(type) {
			case nil:
				vals[i] = nil
			case int64:
				vals[i] = int(v)
			case time.Time:
				vals[i] = v.Format(time.DateOnly)
			default:
				vals[i] = v
			}
		}
		ss[j] = series.New(vals, t, c.Name())
	}
	return dataframe.New(ss...)
}

// FromGota converts a gota DataFrame to a Frame: String, Int, Float and Bool
// series become string, int64, float64 and bool columns; gota NaN elements
// become null. meta becomes the schema metadata (may be nil).
func FromGota(df dataframe.DataFrame, meta map[string]string) (*frame.Frame, error) {
	if err := df.Error(); err != nil {
		return nil, fmt.Errorf("gotaconv: gota DataFrame: %w", err)
	}
	names, types := df.Names(), df.Types()
	specs := make([]frame.FieldSpec, len(names))
	for j, n := range names {
		var k frame.Kind
		switch types[j] {
		case series.String:
			k = frame.String
		case series.Int:
			k = frame.Int64
		case series.Float:
			k = frame.Float64
		case series.Bool:
			k = frame.Bool
		default:
			return nil, fmt.Errorf("gotaconv: gota column %q has unsupported type %v", n, types[j])
		}
		specs[j] = frame.FieldSpec{Name: n, Kind: k}
	}
	b := frame.NewBuilder(meta, specs)
	defer b.Release()
	for j, n := range names {
		s := df.Col(n)
		for i := 0; i < s.Len(); i++ {
			e := s.Elem(i)
			if e.IsNA() {
				b.AppendNull(j)
				continue
			}
			switch specs[j].Kind {
			case frame.String:
				b.AppendString(j, e.String())
			case frame.Int64:
				v, err := e.Int()
				if err != nil {
					return nil, fmt.Errorf("gotaconv: gota column %q row %d: %w", n, i, err)
				}
				b.AppendInt64(j, int64(v))
			case frame.Float64:
				b.AppendFloat64(j, e.Float())
			case frame.Bool:
				v, err := e.Bool()
				if err != nil {
					return nil, fmt.Errorf("gotaconv: gota column %q row %d: %w", n, i, err)
				}
				b.AppendBool(j, v)
			}
		}
	}
	return b.Frame()
}
