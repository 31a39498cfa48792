package frame_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"log"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
	"github.com/ictplan/ictplan/numtext"
)

// readRows reads in with o and returns the kinds and the rows (nil for
// null), failing the test on an error.
func readRows(t *testing.T, mem memory.Allocator, in string, o frame.CSVOptions) ([]frame.Kind, [][]any) {
	t.Helper()
	o.Allocator = mem
	f, err := frame.ReadCSV(strings.NewReader(in), o)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	var kinds []frame.Kind
	for _, s := range f.Fields() {
		kinds = append(kinds, s.Kind)
	}
	var rows [][]any
	for i := 0; i < f.NumRows(); i++ {
		var row []any
		for _, n := range f.Names() {
			row = append(row, f.Row(i).Value(n))
		}
		rows = append(rows, row)
	}
	return kinds, rows
}

// Researchers' files: numbers in the Vietnamese convention (1.234,5),
// the English one (1,234.5), the plain form of programs, and tokens that
// read two ways, decided by the rest of the file.
func TestReadCSVNumberConventions(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	S, I, F := frame.String, frame.Int64, frame.Float64
	for _, tc := range []struct {
		name  string
		in    string
		o     frame.CSVOptions
		kinds []frame.Kind
		want  [][]any
	}{
		{"decimal commas, semicolons (Excel in Vietnamese)",
			"Tỉnh;Chỉ số DTI;Dân số\nSóc Trăng;0,3615;1.198.798\nTrà Vinh;0,4012;1.019.258\n", frame.CSVOptions{Comma: ';'},
			[]frame.Kind{S, F, I}, [][]any{{"Sóc Trăng", 0.3615, int64(1198798)}, {"Trà Vinh", 0.4012, int64(1019258)}}},
		{"quoted Vietnamese numbers decide 1.774",
			"đơn_vị,kinh_phí_triệu,tỷ_lệ\nSở TT&TT,\"30.500,5\",\"90,5\"\nVăn phòng UBND,1.774,\"0,8002\"\n", frame.CSVOptions{},
			[]frame.Kind{S, F, F}, [][]any{{"Sở TT&TT", 30500.5, 90.5}, {"Văn phòng UBND", 1774.0, 0.8002}}},
		{"dot thousands make a count column",
			"huyện,dân_số\nMỹ Xuyên,1.774\nVĩnh Châu,30.500.000\n", frame.CSVOptions{},
			[]frame.Kind{S, I}, [][]any{{"Mỹ Xuyên", int64(1774)}, {"Vĩnh Châu", int64(30500000)}}},
		{"signs", "a\n\"-1.234,5\"\n+7\n", frame.CSVOptions{},
			[]frame.Kind{F}, [][]any{{-1234.5}, {7.0}}},
		{"the English convention", "population,ratio\n\"1,774\",0.5\n\"9,189,899\",0.25\n", frame.CSVOptions{},
			[]frame.Kind{I, F}, [][]any{{int64(1774), 0.5}, {int64(9189899), 0.25}}},
		{"a decimal point decides 1.774 is a fraction", "a,b\n1.774,0.5\n2,1e3\n", frame.CSVOptions{},
			[]frame.Kind{F, F}, [][]any{{1.774, 0.5}, {2.0, 1000.0}}},
		{"plain numbers as before", "a,b,c\n1201,0.89308,-5\n,1234.5,1e5\n", frame.CSVOptions{},
			[]frame.Kind{I, F, F}, [][]any{{int64(1201), 0.89308, -5.0}, {nil, 1234.5, 100000.0}}},
		{"a column with a word is text and decides nothing", "ghi_chú,tỷ_lệ\n\"1,5\",0.5\nkhông có,0.25\n", frame.CSVOptions{},
			[]frame.Kind{S, F}, [][]any{{"1,5", 0.5}, {"không có", 0.25}}},
		{"a column declared text decides nothing", "mã,tỷ_lệ\n\"0,5\",0.25\n", frame.CSVOptions{Fields: []frame.FieldSpec{{Name: "mã", Kind: S}, {Name: "tỷ_lệ", Kind: F}}},
			[]frame.Kind{S, F}, [][]any{{"0,5", 0.25}}},
		{"declared numbers are evidence", "tên,dân_số,chi\nA,1.774,\"1.234,5\"\n", frame.CSVOptions{Fields: []frame.FieldSpec{{Name: "tên", Kind: S}, {Name: "dân_số", Kind: I}, {Name: "chi", Kind: F}}},
			[]frame.Kind{S, I, F}, [][]any{{"A", int64(1774), 1234.5}}},
		{"given: dot thousands", "a\n1.774\n2.305\n", frame.CSVOptions{Numbers: numtext.DotThousands},
			[]frame.Kind{I}, [][]any{{int64(1774)}, {int64(2305)}}},
		{"given: comma thousands", "a\n1.774\n\"2,305\"\n", frame.CSVOptions{Numbers: numtext.CommaThousands},
			[]frame.Kind{F}, [][]any{{1.774}, {2305.0}}},
		{"given: plain keeps 0,5 as text and 1.774 a fraction", "a,b\n\"0,5\",1.774\n", frame.CSVOptions{Numbers: numtext.Plain},
			[]frame.Kind{S, F}, [][]any{{"0,5", 1.774}}},
		{"given: a number of the other convention makes a text column", "a\n0.5\n", frame.CSVOptions{Numbers: numtext.DotThousands},
			[]frame.Kind{S}, [][]any{{"0.5"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kinds, rows := readRows(t, mem, tc.in, tc.o)
			if !reflect.DeepEqual(kinds, tc.kinds) {
				t.Errorf("kinds %v, want %v", kinds, tc.kinds)
			}
			if !reflect.DeepEqual(rows, tc.want) {
				t.Errorf("rows %v, want %v", rows, tc.want)
			}
		})
	}
}

func TestReadCSVNumberConventionErrors(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	for _, tc := range []struct {
		name     string
		in       string
		o        frame.CSVOptions
		sentinel error
		want     []string
	}{
		{"a file mixing the conventions", "tỉnh,dân_số,tỷ_lệ\nSóc Trăng,\"1.198.798\",\nTrà Vinh,,0.8\n", frame.CSVOptions{File: "dti.csv"},
			numtext.ErrMixedConvention,
			[]string{`dti.csv:3: column "tỷ_lệ": "0.8": mixed number conventions: written in the comma-thousands convention (1,234.5), while "1.198.798" at line 2, column "dân_số", is written in the dot-thousands convention (1.234,5)`}},
		{"mixed in one line, reported at the later column", "a,b\n\"0,5\",0.5\n", frame.CSVOptions{},
			numtext.ErrMixedConvention,
			[]string{`line 2: column "b": "0.5": mixed number conventions: written in the comma-thousands convention (1,234.5), while "0,5" at line 2, column "a", is written in the dot-thousands convention (1.234,5)`}},
		{"ambiguous tokens where nothing decides", "huyện,dân_số\nMỹ Xuyên,1.774\nVĩnh Châu,\"2,305\"\nKế Sách,905\n", frame.CSVOptions{},
			numtext.ErrAmbiguousNumber,
			[]string{
				`line 2: column "dân_số": "1.774": ambiguous number: reads as 1774 (dot-thousands) or 1.774 (comma-thousands), and no other number of the file decides; set CSVOptions.Numbers`,
				`line 3: column "dân_số": "2,305": ambiguous number: reads as 2.305 (dot-thousands) or 2305 (comma-thousands), and no other number of the file decides; set CSVOptions.Numbers`,
			}},
		{"a number of the other convention, given", "a\n0.5\n", frame.CSVOptions{Numbers: numtext.DotThousands, Fields: []frame.FieldSpec{{Name: "a", Kind: frame.Float64}}},
			numtext.ErrNotNumber,
			[]string{`line 2: column "a": "0.5": not a number: expected a number in the dot-thousands convention (1.234,5)`}},
		{"a fraction in a count", "a\n\"1.234,5\"\n", frame.CSVOptions{Numbers: numtext.DotThousands, Fields: []frame.FieldSpec{{Name: "a", Kind: frame.Int64}}},
			nil,
			[]string{`line 2: column "a": "1.234,5": expected an integer`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.o.Allocator = mem
			if got := csvErrors(t, tc.in, tc.o, tc.sentinel); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// An unbalanced quote is reported where it opened, not at the end of the
// input where encoding/csv gave up.
func TestReadCSVUnclosedQuote(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		file string
		line int
		want string
	}{
		{"first field", "a,b\n\"x,1\n2,3\n4,5\n", "", 2, `line 2: column "a": quote opened on line 2 is not closed`},
		{"second field, with the file", "a,b\n1,\"x\n2,3\n4,5\n", "plan.csv", 2, `plan.csv:2: column "b": quote opened on line 2 is not closed`},
		{"after a quoted newline", "a,b\n1,2\n\"dòng 1\ndòng 2\",\"z\n3,4\n", "", 4, `line 4: column "b": quote opened on line 4 is not closed`},
		{"an escaped quote is no close", "a\n\"x\"\"\n", "", 2, `line 2: column "a": quote opened on line 2 is not closed`},
		{"CRLF", "a,b\r\n1,2\r\n3,\"x\r\ny\r\n", "", 3, `line 3: column "b": quote opened on line 3 is not closed`},
		{"in the header", "\"a,b\n1,2\n", "", 1, `line 1: quote opened on line 1 is not closed`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := frame.ReadCSV(strings.NewReader(tc.in), frame.CSVOptions{File: tc.file})
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Errorf("error %q, want %q", err, tc.want)
			}
			var ce *frame.CSVError
			var qe *frame.UnclosedQuoteError
			if !errors.As(err, &ce) || !errors.As(err, &qe) || ce.Line != tc.line || qe.Line != tc.line {
				t.Errorf("error %#v: want a *CSVError with an *UnclosedQuoteError at line %d", err, tc.line)
			}
			if !errors.Is(err, csv.ErrQuote) {
				t.Errorf("error %v is not csv.ErrQuote", err)
			}
		})
	}
	// Another syntax error keeps encoding/csv's position, in a *CSVError.
	_, err := frame.ReadCSV(strings.NewReader("a,b\n1,2\n\"x\"y,1\n"), frame.CSVOptions{File: "plan.csv"})
	var ce *frame.CSVError
	var pe *csv.ParseError
	if !errors.As(err, &ce) || !errors.As(err, &pe) || ce.Line != 3 || pe.Column != 3 {
		t.Errorf("stray quote: error %v", err)
	}
	if want := `plan.csv:3: parse error on line 3, column 3: extraneous or missing " in quoted-field`; err == nil || err.Error() != want {
		t.Errorf("stray quote: error %q, want %q", err, want)
	}
}

// Text cells a spreadsheet would run are written after a single quote
// with QuoteFormulas, which ReadCSV removes; numbers never are. Both forms
// read back to the same Frame.
func TestCSVFormulaCells(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	specs := []frame.FieldSpec{{Name: "=cmd", Kind: frame.String}, {Name: "n", Kind: frame.Int64}, {Name: "x", Kind: frame.Float64}}
	texts := []any{"=SUM(A1:A9)", "+84 912 345 678", "-5", "- Sở Y tế", "@admin", "\t=1", "\r=1", "'=x", "'abc", "''", "'", "Tỉnh ủy", nil}
	var rows [][]any
	for i, s := range texts {
		rows = append(rows, []any{s, int64(-5 * i), -1.5})
	}
	f := frametest.Build(t, mem, nil, specs, rows...)
	defer f.Release()

	for _, tc := range []struct {
		name string
		o    frame.CSVWriteOptions
		want string
	}{
		{"QuoteFormulas", frame.CSVWriteOptions{QuoteFormulas: true}, "'=cmd,n,x\n" +
			"'=SUM(A1:A9),0,-1.5\n" +
			"'+84 912 345 678,-5,-1.5\n" +
			"'-5,-10,-1.5\n" +
			"'- Sở Y tế,-15,-1.5\n" +
			"'@admin,-20,-1.5\n" +
			"'\t=1,-25,-1.5\n" +
			"\"'\r=1\",-30,-1.5\n" +
			"''=x,-35,-1.5\n" +
			"'abc,-40,-1.5\n" +
			"''',-45,-1.5\n" +
			"',-50,-1.5\n" +
			"Tỉnh ủy,-55,-1.5\n" +
			",-60,-1.5\n"},
		{"default: text as it is, but a quote ReadCSV would remove and a tab or CR it would trim", frame.CSVWriteOptions{}, "=cmd,n,x\n" +
			"=SUM(A1:A9),0,-1.5\n" +
			"+84 912 345 678,-5,-1.5\n" +
			"-5,-10,-1.5\n" +
			"- Sở Y tế,-15,-1.5\n" +
			"@admin,-20,-1.5\n" +
			"'\t=1,-25,-1.5\n" +
			"\"'\r=1\",-30,-1.5\n" +
			"''=x,-35,-1.5\n" +
			"'abc,-40,-1.5\n" +
			"''',-45,-1.5\n" +
			"',-50,-1.5\n" +
			"Tỉnh ủy,-55,-1.5\n" +
			",-60,-1.5\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := frame.WriteCSV(&buf, f, tc.o); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tc.want {
				t.Errorf("WriteCSVWith\n%q\nwant\n%q", buf.String(), tc.want)
			}
			back, err := frame.ReadCSV(bytes.NewReader(buf.Bytes()), frame.CSVOptions{Allocator: mem, Fields: specs})
			if err != nil {
				t.Fatal(err)
			}
			defer back.Release()
			if !frame.Equal(f, back) {
				t.Errorf("read back\n%v", back)
			}
		})
	}

	// With the kinds inferred, "'-5" is text, "-5" a number.
	_, got := readRows(t, mem, "a,b\n'-5,-5\n", frame.CSVOptions{})
	if !reflect.DeepEqual(got, [][]any{{"-5", int64(-5)}}) {
		t.Errorf("inferred: %q", got)
	}
	// KeepQuotePrefix reads the quotes as text.
	_, got = readRows(t, mem, "'=a,b\n'=SUM(A1),''=x\n'abc,'\n", frame.CSVOptions{KeepQuotePrefix: true})
	if !reflect.DeepEqual(got, [][]any{{"'=SUM(A1)", "''=x"}, {"'abc", "'"}}) {
		t.Errorf("KeepQuotePrefix: %q", got)
	}
}

// A float whose plain form reads two ways gets a fourth decimal when no
// other float of the file decides that points are decimal points, so that
// the detection of ReadCSV reads it back.
func TestWriteCSVUnambiguousFloats(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	specs := []frame.FieldSpec{{Name: "x", Kind: frame.Float64}, {Name: "n", Kind: frame.Int64}}
	for _, tc := range []struct {
		name string
		rows [][]any
		want string
	}{
		{"nothing decides", [][]any{{1.774, int64(1774)}, {-12.345, int64(-1)}, {1774.0, nil}, {999.999, int64(1)}, {nil, int64(2)}},
			"x,n\n1.7740,1774\n-12.3450,-1\n1774,\n999.9990,1\n,2\n"},
		{"0.774 decides", [][]any{{1.774, int64(1774)}, {0.774, int64(0)}, {1.5, int64(5)}},
			"x,n\n1.774,1774\n0.774,0\n1.5,5\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := frametest.Build(t, mem, nil, specs, tc.rows...)
			defer f.Release()
			var buf bytes.Buffer
			if err := frame.WriteCSV(&buf, f, frame.CSVWriteOptions{}); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tc.want {
				t.Errorf("WriteCSV %q, want %q", buf.String(), tc.want)
			}
			for _, o := range []frame.CSVOptions{{}, {Fields: specs}, {Fields: specs, Numbers: numtext.Plain}} {
				o.Allocator = mem
				back, err := frame.ReadCSV(bytes.NewReader(buf.Bytes()), o)
				if err != nil {
					t.Fatal(err)
				}
				if !frame.Equal(f, back) {
					t.Errorf("read back\n%v", back)
				}
				back.Release()
			}
		})
	}
}

// U+FEFF at the edge of a field is a BOM left by joining files, not text:
// a header " \ufeff" is empty, so it round-trips (a fuzz crasher: it was
// kept, written first, and taken for the BOM on reading).
func TestReadCSVZeroWidthNoBreakSpace(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f, err := frame.ReadCSV(strings.NewReader(" \ufeff,b\n\ufeff1,x\ufeff\n"), frame.CSVOptions{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if got := strings.Join(f.Names(), ","); got != "column_1,b" {
		t.Errorf("names %q", got)
	}
	if got := col(f, "column_1"); !reflect.DeepEqual(got, []any{int64(1)}) {
		t.Errorf("column_1 = %v", got)
	}
	if got := col(f, "b"); !reflect.DeepEqual(got, []any{"x"}) {
		t.Errorf("b = %q", got)
	}
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, f, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := frame.ReadCSV(&buf, frame.CSVOptions{Allocator: mem, Fields: f.Fields()})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Release()
	if !frame.Equal(f, back) {
		t.Errorf("round trip\n%v", back)
	}
}

// A researcher's file in the Vietnamese convention: the convention is
// detected from 0,3615 and 1.198.798, which also decides that 1.774 is a
// count of one thousand seven hundred and seventy-four.
func ExampleReadCSV_numbers() {
	const data = "tỉnh;dti;dân_số\n" +
		"Sóc Trăng;0,3615;1.198.798\n" +
		"Bạc Liêu;0,4012;1.774\n"
	f, err := frame.ReadCSV(strings.NewReader(data), frame.CSVOptions{Comma: ';'})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()
	for _, s := range f.Fields() {
		fmt.Println(s.Name, s.Kind)
	}
	fmt.Println(f.Col("dân_số").Int64s())

	// Alone, 1.774 reads two ways: an error, with both readings.
	_, err = frame.ReadCSV(strings.NewReader("tỉnh,dân_số\nBạc Liêu,1.774\n"), frame.CSVOptions{File: "dan-so.csv"})
	fmt.Println(err, errors.Is(err, numtext.ErrAmbiguousNumber))

	// Evidence of both conventions is an error naming both places.
	_, err = frame.ReadCSV(strings.NewReader("tỉnh,dti\nSóc Trăng,\"0,3615\"\nBạc Liêu,0.4012\n"), frame.CSVOptions{})
	fmt.Println(err, errors.Is(err, numtext.ErrMixedConvention))
	// Output:
	// tỉnh string
	// dti float64
	// dân_số int64
	// [1198798 1774]
	// dan-so.csv:2: column "dân_số": "1.774": ambiguous number: reads as 1774 (dot-thousands) or 1.774 (comma-thousands), and no other number of the file decides; set CSVOptions.Numbers true
	// line 3: column "dti": "0.4012": mixed number conventions: written in the comma-thousands convention (1,234.5), while "0,3615" at line 2, column "dti", is written in the dot-thousands convention (1.234,5) true
}

// For a file an official will open in a spreadsheet, a text that would run
// as a formula is written after a single quote; ReadCSV removes it.
func ExampleWriteCSV() {
	f := frame.Must(frame.FromRows(nil, []frame.FieldSpec{{Name: "đơn_vị", Kind: frame.String}, {Name: "chênh_lệch", Kind: frame.Int64}},
		[][]any{{"=HYPERLINK(\"http://x\")", -5}, {"- Sở Y tế", 3}}))
	defer f.Release()
	_ = frame.WriteCSV(os.Stdout, f, frame.CSVWriteOptions{QuoteFormulas: true})
	_ = frame.WriteCSV(os.Stdout, f, frame.CSVWriteOptions{})
	// Output:
	// đơn_vị,chênh_lệch
	// "'=HYPERLINK(""http://x"")",-5
	// '- Sở Y tế,3
	// đơn_vị,chênh_lệch
	// "=HYPERLINK(""http://x"")",-5
	// - Sở Y tế,3
}

// -0 in a float column keeps its sign, as strconv.ParseFloat reads it.
func TestReadCSVNegativeZero(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f, err := frame.ReadCSV(strings.NewReader("x\n-0\n0\n"), frame.CSVOptions{Allocator: mem, Fields: []frame.FieldSpec{{Name: "x", Kind: frame.Float64}}})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	v := f.Col("x").Float64s()
	if !math.Signbit(v[0]) || math.Signbit(v[1]) || v[0] != 0 || v[1] != 0 {
		t.Errorf("x = %v (sign bits %v, %v), want -0, 0", v, math.Signbit(v[0]), math.Signbit(v[1]))
	}
}

// A quoted field's lines end with "\n", whatever the file's line ends, so
// that the text reads back as written (a fuzz crasher: "\r\r\n" in a field
// was read as "\r\n", written so, and read back as "\n").
func TestReadCSVLineEndsInAField(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	_, rows := readRows(t, mem, "a\r\n\"dòng 1\r\r\ndòng 2\rcòn\r\n\"\r\n", frame.CSVOptions{})
	if want := [][]any{{"dòng 1\ndòng 2\rcòn"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
}
