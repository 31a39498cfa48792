package frame_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
	"github.com/ictplan/ictplan/numtext"
)

// TestRoundTrips writes the sample (every kind, nulls in each, Vietnamese
// text and metadata) and reads it back. JSON keeps everything;
// CSV keeps the values only (it has no place for labels, units or
// provenance) and reads an empty text back as null. The Parquet and XLSX
// round trips (and Arrow IPC) are tested in parquetio, xlsxio and ipcio with the same sample.
func TestRoundTrips(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	sample := frametest.Sample(mem)
	defer sample.Release()
	empty := sample.Head(0)
	defer empty.Release()

	// What CSV gives back: the values, kinds from the spec, no metadata,
	// "" as null.
	csvSpecs := make([]frame.FieldSpec, len(frametest.Specs))
	for i, s := range frametest.Specs {
		csvSpecs[i] = frame.FieldSpec{Name: s.Name, Kind: s.Kind}
	}
	csvRows := make([][]any, len(frametest.Rows))
	for i, r := range frametest.Rows {
		csvRows[i] = append([]any(nil), r...)
		if csvRows[i][0] == "" {
			csvRows[i][0] = nil
		}
	}
	csvWant := frametest.Build(t, mem, nil, csvSpecs, csvRows...)
	defer csvWant.Release()
	csvEmptyWant := csvWant.Head(0)
	defer csvEmptyWant.Release()

	type format struct {
		name  string
		write func(f *frame.Frame, w io.Writer) error
		read  func(r io.Reader) (*frame.Frame, error)
	}
	formats := []format{
		{"JSON", writeJSON, func(r io.Reader) (*frame.Frame, error) { return frame.ReadJSON(r, frame.JSONOptions{Allocator: mem}) }},
		{"CSV with fields", writeCSV, func(r io.Reader) (*frame.Frame, error) {
			return frame.ReadCSV(r, frame.CSVOptions{Fields: csvSpecs, Allocator: mem})
		}},
		{"CSV inferred", writeCSV, func(r io.Reader) (*frame.Frame, error) {
			return frame.ReadCSV(r, frame.CSVOptions{Allocator: mem})
		}},
	}
	for _, ft := range formats {
		for _, tc := range []struct {
			name    string
			f, want *frame.Frame
		}{
			{"sample", sample, sample},
			{"no rows", empty, empty},
		} {
			t.Run(ft.name+"/"+tc.name, func(t *testing.T) {
				want := tc.want
				if strings.HasPrefix(ft.name, "CSV") {
					want = csvWant
					if tc.f.NumRows() == 0 {
						want = csvEmptyWant
						if ft.name == "CSV inferred" {
							// A header alone has no values to infer kinds
							// from: every column comes back as text, empty.
							var buf bytes.Buffer
							if err := ft.write(tc.f, &buf); err != nil {
								t.Fatal(err)
							}
							got, err := ft.read(&buf)
							if err != nil {
								t.Fatal(err)
							}
							defer got.Release()
							if got.NumRows() != 0 || strings.Join(got.Names(), ",") != strings.Join(tc.f.Names(), ",") {
								t.Fatalf("got %d rows, columns %v", got.NumRows(), got.Names())
							}
							for _, s := range got.Fields() {
								if s.Kind != frame.String {
									t.Errorf("column %q inferred as %s, want string", s.Name, s.Kind)
								}
							}
							return
						}
					}
				}
				var buf bytes.Buffer
				if err := ft.write(tc.f, &buf); err != nil {
					t.Fatal(err)
				}
				got, err := ft.read(&buf)
				if err != nil {
					t.Fatal(err)
				}
				defer got.Release()
				if !frame.Equal(got, want) {
					t.Errorf("round trip differs:\ngot  %v\n%v\nwant %v\n%v", got.Schema(), got, want.Schema(), want)
				}
			})
		}
	}
}

func TestWriteCSV(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := provinces(t, mem)
	defer f.Release()
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, f, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `province,year,staff,ratio,online,reported
Đà Nẵng,2015,1201,0.89308,true,2015-03-31
An Giang,2016,45,,false,2016-06-30
Cà Mau,2015,,0.5,,
Bạc Liêu,2016,300,1.25,true,2016-01-02
,2015,7,0.1,false,2015-12-01
Bà Rịa,2014,45,0.75,true,2014-05-05
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestReadCSV(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	nfd := norm.NFD.String("Bạc Liêu")
	for _, tc := range []struct {
		name  string
		in    string
		o     frame.CSVOptions
		kinds []frame.Kind
		want  [][]any
	}{
		{"inferred kinds", "s,i,f,b,d\nx,1,1.5,true,2020-01-02\ny,-2,3,false,2020-02-29\n", frame.CSVOptions{},
			[]frame.Kind{frame.String, frame.Int64, frame.Float64, frame.Bool, frame.Date},
			[][]any{{"x", int64(1), 1.5, true, day(2020, 1, 2)}, {"y", int64(-2), 3.0, false, day(2020, 2, 29)}}},
		{"empty is null", "a,b\n,1\nx,\n", frame.CSVOptions{},
			[]frame.Kind{frame.String, frame.Int64}, [][]any{{nil, int64(1)}, {"x", nil}}},
		{"an all-empty column is string", "a,b\n1,\n2,\n", frame.CSVOptions{},
			[]frame.Kind{frame.Int64, frame.String}, [][]any{{int64(1), nil}, {int64(2), nil}}},
		{"BOM, CRLF, spaces and no-break spaces", "\ufeffa,b\r\n 1 ,\u00a0Cà Mau\u00a0\r\n2,x\r\n", frame.CSVOptions{},
			[]frame.Kind{frame.Int64, frame.String}, [][]any{{int64(1), "Cà Mau"}, {int64(2), "x"}}},
		{"NFC", "name\n" + nfd + "\n", frame.CSVOptions{},
			[]frame.Kind{frame.String}, [][]any{{"Bạc Liêu"}}},
		{"NaN and Inf are text", "a,b\nNaN,Inf\n1,2\n", frame.CSVOptions{},
			[]frame.Kind{frame.String, frame.String}, [][]any{{"NaN", "Inf"}, {"1", "2"}}},
		{"mixed int and float is float", "a\n1\n2.5\n", frame.CSVOptions{},
			[]frame.Kind{frame.Float64}, [][]any{{1.0}, {2.5}}},
		{"bad date is text", "a\n2020-02-30\n", frame.CSVOptions{},
			[]frame.Kind{frame.String}, [][]any{{"2020-02-30"}}},
		{"fields in another order", "b,a\n1,x\n", frame.CSVOptions{Fields: []frame.FieldSpec{{Name: "a", Kind: frame.String}, {Name: "b", Kind: frame.Float64}}},
			[]frame.Kind{frame.String, frame.Float64}, [][]any{{"x", 1.0}}},
		{"semicolons", "a;b\n1;x,y\n", frame.CSVOptions{Comma: ';'},
			[]frame.Kind{frame.Int64, frame.String}, [][]any{{int64(1), "x,y"}}},
		{"quoted newline", "a,b\n\"dòng 1\ndòng 2\",3\n", frame.CSVOptions{},
			[]frame.Kind{frame.String, frame.Int64}, [][]any{{"dòng 1\ndòng 2", int64(3)}}},
		{"empty header names", ",b,\n1,2,3\n", frame.CSVOptions{},
			[]frame.Kind{frame.Int64, frame.Int64, frame.Int64}, [][]any{{int64(1), int64(2), int64(3)}}},
		{"header only", "a,b\n", frame.CSVOptions{},
			[]frame.Kind{frame.String, frame.String}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Allocator = mem
			tc.o.Meta = map[string]string{"dataset": "x"}
			f, err := frame.ReadCSV(strings.NewReader(tc.in), tc.o)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Release()
			var kinds []frame.Kind
			for _, s := range f.Fields() {
				kinds = append(kinds, s.Kind)
			}
			if !reflect.DeepEqual(kinds, tc.kinds) {
				t.Errorf("kinds %v, want %v", kinds, tc.kinds)
			}
			var rows [][]any
			for i := 0; i < f.NumRows(); i++ {
				var row []any
				for _, n := range f.Names() {
					row = append(row, f.Row(i).Value(n))
				}
				rows = append(rows, row)
			}
			if !reflect.DeepEqual(rows, tc.want) {
				t.Errorf("rows %q, want %q", rows, tc.want)
			}
			if f.Meta("dataset") != "x" {
				t.Errorf("Meta option ignored")
			}
		})
	}
}

// A Frame of one column writes a null row as "" (a blank line would be
// skipped on reading).
func TestCSVOneColumnNull(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "n", Kind: frame.Int64}}, []any{nil}, []any{int64(0)}, []any{nil})
	defer f.Release()
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, f, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if want := "n\n\"\"\n0\n\"\"\n"; buf.String() != want {
		t.Errorf("WriteCSV = %q, want %q", buf.String(), want)
	}
	g, err := frame.ReadCSV(&buf, frame.CSVOptions{Allocator: mem, Fields: f.Fields()})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if !frame.Equal(f, g) {
		t.Errorf("read back\n%v", g)
	}
}

func TestReadCSVErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	typed := []frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64}, {Name: "day", Kind: frame.Date}}
	for _, tc := range []struct {
		name string
		in   string
		o    frame.CSVOptions
		want []string // the errors, in line order
	}{
		{"bad values in typed columns", "unit,staff,day\nA,12,2020-01-01\nB,1.234,2020-01-01\nC,7,31/12/2020\nD,x,\n",
			frame.CSVOptions{Fields: typed},
			[]string{
				`line 3: column "staff": "1.234": ambiguous number: reads as 1234 (dot-thousands) or 1.234 (comma-thousands), and no other number of the file decides; set CSVOptions.Numbers`,
				`line 4: column "day": "31/12/2020": expected a date 2006-01-02`,
				`line 5: column "staff": "x": expected an integer`,
			}},
		{"plain numbers: 1.234 is a fraction", "unit,staff,day\nA,12,2020-01-01\nB,1.234,2020-01-01\n",
			frame.CSVOptions{Fields: typed, Numbers: numtext.Plain},
			[]string{`line 3: column "staff": "1.234": expected an integer`}},
		{"the file named, as the loaders do", "unit,staff,day\nB,1.234,2020-01-01\n", frame.CSVOptions{Fields: typed, File: "plan.csv", Numbers: numtext.Plain},
			[]string{`plan.csv:2: column "staff": "1.234": expected an integer`}},
		{"ragged rows", "a,b\n1,2\n3\n4,5,6\n", frame.CSVOptions{},
			[]string{`line 3: 1 fields, header has 2`, `line 4: 3 fields, header has 2`}},
		{"line numbers count a quoted newline", "a,b\n\"x\ny\",1\nz,w\n", frame.CSVOptions{Fields: []frame.FieldSpec{{Name: "a", Kind: frame.String}, {Name: "b", Kind: frame.Int64}}},
			[]string{`line 4: column "b": "w": expected an integer`}},
		{"CRLF line numbers", "a,b\r\n1,2\r\n1,x\r\n", frame.CSVOptions{Fields: []frame.FieldSpec{{Name: "a", Kind: frame.Int64}, {Name: "b", Kind: frame.Int64}}},
			[]string{`line 3: column "b": "x": expected an integer`}},
		{"empty input", "", frame.CSVOptions{}, []string{"line 1: empty input: expected a header row"}},
		{"duplicate header", "a,b,a\n1,2,3\n", frame.CSVOptions{}, []string{`line 1: column "a": column named twice in the header`}},
		{"missing field", "unit,staff\nA,1\n", frame.CSVOptions{Fields: typed}, []string{`line 1: header has 2 columns, expected 3 (unit, staff, day)`}},
		{"unknown header", "unit,staff,date\nA,1,\n", frame.CSVOptions{Fields: typed}, []string{`line 1: column "day": column missing from header [unit staff date]`}},
		{"too many rows", "a\n1\n2\n3\n", frame.CSVOptions{MaxRows: 2}, []string{"line 4: more than 2 rows"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Allocator = mem
			if got := csvErrors(t, tc.in, tc.o, nil); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// csvErrors reads in with o, which must fail, and returns the messages of
// the errors, each of which must be a *frame.CSVError (and wrap sentinel,
// if given).
func csvErrors(t *testing.T, in string, o frame.CSVOptions, sentinel error) []string {
	t.Helper()
	f, err := frame.ReadCSV(strings.NewReader(in), o)
	if err == nil {
		f.Release()
		t.Fatal("no error")
	}
	var got []string
	for _, e := range unjoin(err) {
		var ce *frame.CSVError
		if !errors.As(e, &ce) {
			t.Errorf("%v is not a *frame.CSVError", e)
		}
		if sentinel != nil && !errors.Is(e, sentinel) {
			t.Errorf("%v is not %v", e, sentinel)
		}
		got = append(got, e.Error())
	}
	return got
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestWriteJSON(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Build(t, mem, map[string]string{"dataset": "x"}, []frame.FieldSpec{
		{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
		{Name: "cost_mvnd", Kind: frame.Float64, Unit: "million_vnd", Extra: map[string]string{"source_unit": "tỷ đồng"}},
		{Name: "day", Kind: frame.Date},
	}, []any{"Sở \"A\"", 1234.5, day(2020, 1, 2)}, []any{nil, nil, nil})
	defer f.Release()
	var buf bytes.Buffer
	if err := frame.WriteJSON(&buf, f, frame.JSONOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `{"metadata":{"dataset":"x"},
"fields":[{"name":"unit","type":"string","label_vi":"Đơn vị"},{"name":"cost_mvnd","type":"float64","unit":"million_vnd","metadata":{"source_unit":"tỷ đồng"}},{"name":"day","type":"date"}],
"rows":[
{"unit":"Sở \"A\"","cost_mvnd":1234.5,"day":"2020-01-02"},
{"unit":null,"cost_mvnd":null,"day":null}
]}
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestReadJSONErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, tc := range []struct{ name, in, want string }{
		{"not JSON", `{"rows": [`, "frame: reading JSON"},
		{"unknown type", `{"fields":[{"name":"a","type":"decimal"}]}`, `field "a": frame: unknown column kind "decimal"`},
		{"duplicate field", `{"fields":[{"name":"a","type":"int64"},{"name":"a","type":"string"}]}`, `field "a" listed twice`},
		{"wrong value type", `{"fields":[{"name":"a","type":"int64"}],"rows":[{"a":1},{"a":"2"}]}`, `row 2, column "a" (int64): "2"`},
		{"fraction in int64", `{"fields":[{"name":"a","type":"int64"}],"rows":[{"a":1.5}]}`, `row 1, column "a" (int64): 1.5`},
		{"bad date", `{"fields":[{"name":"d","type":"date"}],"rows":[{"d":"2020-13-01"}]}`, `row 1, column "d" (date)`},
		{"unknown column", `{"fields":[{"name":"a","type":"int64"}],"rows":[{"a":1,"b":2}]}`, `row 1: column "b" is not among the fields`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := frame.ReadJSON(strings.NewReader(tc.in), frame.JSONOptions{Allocator: mem})
			if err == nil {
				f.Release()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
	// A missing key is null.
	f, err := frame.ReadJSON(strings.NewReader(`{"fields":[{"name":"a","type":"int64"},{"name":"b","type":"bool"}],"rows":[{"a":1}]}`), frame.JSONOptions{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if !f.Col("b").IsNull(0) {
		t.Errorf("missing key is not null")
	}
}

func writeJSON(f *frame.Frame, w io.Writer) error { return frame.WriteJSON(w, f, frame.JSONOptions{}) }

func writeCSV(f *frame.Frame, w io.Writer) error {
	return frame.WriteCSV(w, f, frame.CSVWriteOptions{})
}
