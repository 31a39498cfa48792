package frame

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// jsonField is a column description in the JSON form.
type jsonField struct {
	Name    string            `json:"name"`
	Type    string            `json:"type"`
	LabelVI string            `json:"label_vi,omitempty"`
	Unit    string            `json:"unit,omitempty"`
	Extra   map[string]string `json:"metadata,omitempty"`
}

// JSONOptions control WriteJSON and ReadJSON.
type JSONOptions struct {
	// Allocator builds the Frame ReadJSON returns (nil:
	// memory.DefaultAllocator).
	Allocator memory.Allocator
}

// WriteJSON writes f as one JSON object:
//
//	{"metadata": {...provenance...},
//	 "fields": [{"name": ..., "type": ..., "label_vi": ..., "unit": ...}, ...],
//	 "rows": [{"column": value, ...}, ...]}
//
// Rows are objects keyed by column name, in column order; null is null,
// numbers are JSON numbers, dates "2006-01-02". ReadJSON reads it back.
func WriteJSON(w io.Writer, f *Frame, o JSONOptions) error {
	var b bytes.Buffer
	b.WriteString("{\"metadata\":")
	md, _ := json.Marshal(f.Metadata())
	b.Write(md)
	b.WriteString(",\n\"fields\":[")
	for j, s := range f.Fields() {
		if j > 0 {
			b.WriteByte(',')
		}
		fj, _ := json.Marshal(jsonField{Name: s.Name, Type: s.Kind.String(), LabelVI: s.LabelVI, Unit: s.Unit, Extra: s.Extra})
		b.Write(fj)
	}
	b.WriteString("],\n\"rows\":[")
	names := make([][]byte, len(f.cols))
	for j, n := range f.Names() {
		names[j], _ = json.Marshal(n)
	}
	for i := 0; i < f.nrows; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n{")
		for j, c := range f.cols {
			if j > 0 {
				b.WriteByte(',')
			}
			b.Write(names[j])
			b.WriteByte(':')
			if c.IsNull(i) {
				b.WriteString("null")
				continue
			}
			switch a := c.(type) {
			case *array.String:
				s, _ := json.Marshal(a.Value(i))
				b.Write(s)
			case *array.Int64:
				b.WriteString(strconv.FormatInt(a.Value(i), 10))
			case *array.Float64:
				v := a.Value(i)
				if math.IsNaN(v) || math.IsInf(v, 0) {
					b.WriteString("null")
				} else {
					b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
				}
			case *array.Boolean:
				b.WriteString(strconv.FormatBool(a.Value(i)))
			case *array.Date32:
				b.WriteString(`"` + a.Value(i).ToTime().Format(time.DateOnly) + `"`)
			}
		}
		b.WriteByte('}')
	}
	b.WriteString("\n]}\n")
	_, err := w.Write(b.Bytes())
	return err
}

// ReadJSON reads the form written by WriteJSON. A row may leave out a
// column (null); a row with a column that is not among the fields is an
// error, as is a value of the wrong type.
func ReadJSON(r io.Reader, o JSONOptions) (*Frame, error) {
	mem := o.Allocator
	var doc struct {
		Metadata map[string]string            `json:"metadata"`
		Fields   []jsonField                  `json:"fields"`
		Rows     []map[string]json.RawMessage `json:"rows"`
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("frame: reading JSON: %w", err)
	}
	specs := make([]FieldSpec, len(doc.Fields))
	known := make(map[string]bool, len(doc.Fields))
	for j, fj := range doc.Fields {
		k, err := ParseKind(fj.Type)
		if err != nil {
			return nil, fmt.Errorf("frame: reading JSON field %q: %w", fj.Name, err)
		}
		if known[fj.Name] {
			return nil, fmt.Errorf("frame: reading JSON: field %q listed twice", fj.Name)
		}
		known[fj.Name] = true
		specs[j] = FieldSpec{Name: fj.Name, Kind: k, LabelVI: fj.LabelVI, Unit: fj.Unit, Extra: fj.Extra}
	}
	b := NewBuilder(doc.Metadata, specs, WithAllocator(mem))
	defer b.Release()
	for i, row := range doc.Rows {
		for name := range row {
			if !known[name] {
				return nil, fmt.Errorf("frame: reading JSON row %d: column %q is not among the fields", i+1, name)
			}
		}
		for j, s := range specs {
			raw, ok := row[s.Name]
			if !ok || string(raw) == "null" {
				b.AppendNull(j)
				continue
			}
			var err error
			switch s.Kind {
			case String:
				var v string
				if err = json.Unmarshal(raw, &v); err == nil {
					b.AppendString(j, v)
				}
			case Int64:
				var v int64
				if err = json.Unmarshal(raw, &v); err == nil {
					b.AppendInt64(j, v)
				}
			case Float64:
				var v float64
				if err = json.Unmarshal(raw, &v); err == nil {
					b.AppendFloat64(j, v)
				}
			case Bool:
				var v bool
				if err = json.Unmarshal(raw, &v); err == nil {
					b.AppendBool(j, v)
				}
			case Date:
				var v string
				if err = json.Unmarshal(raw, &v); err == nil {
					var t time.Time
					if t, err = time.Parse(time.DateOnly, v); err == nil {
						b.AppendDate(j, t)
					}
				}
			}
			if err != nil {
				return nil, fmt.Errorf("frame: reading JSON row %d, column %q (%s): %s: %w", i+1, s.Name, s.Kind, raw, err)
			}
		}
	}
	return b.Frame()
}
