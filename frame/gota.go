package frame

import (
	"fmt"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// ToGota converts f to a gota DataFrame for users who know gota: string and
// date columns become String series (dates as 2006-01-02), int64 Int,
// float64 Float, bool Bool; nulls become gota's NaN elements. Labels, units
// and provenance are not carried (gota has no metadata). Gota is an
// interchange target, not ictplan's storage.
func (f *Frame) ToGota() dataframe.DataFrame {
	ss := make([]series.Series, len(f.cols))
	for j := range f.cols {
		c := f.ColumnAt(j)
		vals := make([]any, c.Len())
		var t series.Type
		switch c.Kind() {
		case Int64:
			t = series.Int
		case Float64:
			t = series.Float
		case Bool:
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
			default:
				if c.Kind() == Date {
					vals[i] = c.plain(i)
				} else {
					vals[i] = v
				}
			}
		}
		ss[j] = series.New(vals, t, c.Name())
	}
	return dataframe.New(ss...)
}

// FromGota converts a gota DataFrame to a Frame: String, Int, Float and Bool
// series become string, int64, float64 and bool columns; gota NaN elements
// become null. meta becomes the schema metadata (may be nil).
func FromGota(df dataframe.DataFrame, meta map[string]string) (*Frame, error) {
	if err := df.Error(); err != nil {
		return nil, fmt.Errorf("frame: gota DataFrame: %w", err)
	}
	names, types := df.Names(), df.Types()
	specs := make([]FieldSpec, len(names))
	for j, n := range names {
		var k Kind
		switch types[j] {
		case series.String:
			k = String
		case series.Int:
			k = Int64
		case series.Float:
			k = Float64
		case series.Bool:
			k = Bool
		default:
			return nil, fmt.Errorf("frame: gota column %q has unsupported type %v", n, types[j])
		}
		specs[j] = FieldSpec{Name: n, Kind: k}
	}
	b := NewBuilder(nil, meta, specs...)
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
			case String:
				b.AppendString(j, e.String())
			case Int64:
				v, err := e.Int()
				if err != nil {
					return nil, fmt.Errorf("frame: gota column %q row %d: %w", n, i, err)
				}
				b.AppendInt64(j, int64(v))
			case Float64:
				b.AppendFloat64(j, e.Float())
			case Bool:
				v, err := e.Bool()
				if err != nil {
					return nil, fmt.Errorf("frame: gota column %q row %d: %w", n, i, err)
				}
				b.AppendBool(j, v)
			}
		}
	}
	return b.Frame()
}
