package loaders_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
)

func TestErrorListCap(t *testing.T) {
	l := loaders.NewErrorList("plan.csv")
	l.SetMax(100)
	// added from the last line to the first: the list keeps lines 1–100
	for line := 250; line >= 1; line-- {
		l.Add(&loaders.Error{Line: line, Cell: 2, Err: loaders.ErrCellCount})
	}
	if l.Len() != 250 {
		t.Errorf("Len = %d, want 250", l.Len())
	}
	es := loaders.Errors(l.Err())
	if len(es) != 101 {
		t.Fatalf("%d errors, want 101", len(es))
	}
	for i, e := range es[:100] {
		if e.Line != i+1 || !errors.Is(e, loaders.ErrCellCount) {
			t.Fatalf("error %d: %v", i, e)
		}
	}
	last := es[100]
	if !errors.Is(last, loaders.ErrMoreErrors) || last.More != 150 || last.Line != 101 {
		t.Errorf("last = %+v", last)
	}
	if got, want := last.Error(), "plan.csv: … and 150 more errors, the first at line 101 cell 2"; got != want {
		t.Errorf("last reads %q, want %q", got, want)
	}
	// the same line keeps the order of Add
	l = loaders.NewErrorList("x")
	l.SetMax(2)
	for _, text := range []string{"a", "b", "c"} {
		l.Add(&loaders.Error{Line: 7, Text: text, Err: loaders.ErrNotNumber})
	}
	es = loaders.Errors(l.Err())
	if len(es) != 3 || es[0].Text != "a" || es[1].Text != "b" || es[2].More != 1 || es[2].Line != 7 {
		t.Errorf("same line: %v", l.Err())
	}
}

func TestErrorListNoCap(t *testing.T) {
	l := loaders.NewErrorList("x")
	for line := 300; line >= 1; line-- {
		l.Add(&loaders.Error{Line: line, Err: loaders.ErrCellCount})
	}
	l.SetMax(0)
	if es := loaders.Errors(l.Err()); len(es) != 100+1 {
		t.Errorf("default cap: %d errors, want 101", len(es))
	}
	l = loaders.NewErrorList("x")
	l.SetMax(0)
	for line := 300; line >= 1; line-- {
		l.Add(&loaders.Error{Line: line, Err: loaders.ErrCellCount})
	}
	es := loaders.Errors(l.Err())
	if len(es) != 300 || es[0].Line != 1 || es[299].Line != 300 {
		t.Errorf("no cap: %d errors", len(es))
	}
	// a cap set after the errors: the first in line order stay
	l.SetMax(10)
	es = loaders.Errors(l.Err())
	if len(es) != 11 || es[9].Line != 10 || es[10].More != 290 || es[10].Line != 11 {
		t.Errorf("cap set late: %v", es[len(es)-1])
	}
	if loaders.NewErrorList("x").Err() != nil {
		t.Error("empty list has an error")
	}
}

// TestErrorListMemory: past the cap, Add keeps nothing.
func TestErrorListMemory(t *testing.T) {
	l := loaders.NewErrorList("x")
	l.SetMax(100)
	for i := range 100 {
		l.Add(&loaders.Error{Line: i + 1, Err: loaders.ErrCellCount})
	}
	e := &loaders.Error{Line: 1000, Err: loaders.ErrCellCount}
	if n := testing.AllocsPerRun(1000, func() { l.Add(e) }); n != 0 {
		t.Errorf("Add past the cap allocates %v times", n)
	}
}

func TestErrorClipsEcho(t *testing.T) {
	digits := "1" + strings.Repeat("0", 300)
	long := strings.Repeat("x", 500)
	cases := []struct {
		name string
		e    loaders.Error
		want string
	}{
		{"a 1e300 cell", loaders.Error{File: "a.csv", Line: 3, Cell: 4, Column: "staff", Text: digits, Err: loaders.ErrNotNumber,
			Expected: "a whole number of people, not " + digits + " (read as " + digits + ")"},
			`a.csv:3: cell 4 (staff) not a number: found "1` + strings.Repeat("0", 78) + `…", expected a whole number of people, not 1` + strings.Repeat("0", 78) + "… (read as 1" + strings.Repeat("0", 78) + "…)"},
		{"a quoted token", loaders.Error{Line: 1, Err: loaders.ErrAmbiguousNumber, Expected: `one reading of "` + long + `"`},
			`1: ambiguous number: expected one reading of "` + strings.Repeat("x", 79) + `…"`},
		{"an escaped quote", loaders.Error{Line: 1, Err: loaders.ErrNotNumber, Expected: `a number, not "a\"b"`},
			`1: not a number: expected a number, not "a\"b"`},
		{"a quote left open", loaders.Error{Line: 1, Err: loaders.ErrNotNumber, Expected: `a number, not "ab`},
			`1: not a number: expected a number, not "ab`},
		{"bidi and controls", loaders.Error{File: "a\u202e.csv", Line: 2, Err: loaders.ErrNotNumber, Text: "triệu\u202eđồng",
			Expected: "a unit such as \"triệu đồng\", not \"triệu\u202eđồng\x1b[31m\""},
			`a\u202e.csv:2: not a number: found "triệu\u202eđồng", expected a unit such as "triệu đồng", not "triệu\u202eđồng\x1b[31m"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := c.e.Error(); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
	// the explanation as a whole: MaxExpected characters
	words := strings.TrimSpace(strings.Repeat("chín mươi ", 100))
	got := (&loaders.Error{Err: loaders.ErrNotNumber, Expected: words}).Error()
	exp := strings.TrimPrefix(got, "not a number: expected ")
	if n := len([]rune(exp)); n != loaders.MaxExpected || !strings.HasSuffix(exp, "…") {
		t.Errorf("explanation of %d characters: %q", n, exp)
	}
}

func TestEscapeControls(t *testing.T) {
	for in, want := range map[string]string{
		"Đơn vị tính: triệu đồng":   "Đơn vị tính: triệu đồng",
		"triệu\u202eđồng":           `triệu\u202eđồng`,
		"a\u2066b\u2069c\u200fd":    `a\u2066b\u2069c\u200fd`,
		"tab\there\nnew\x00":        `tab\there\nnew\x00`,
		"bad \xff byte":             `bad \xff byte`,
		"zero\u200dwidth\ufeffmark": `zero\u200dwidth\ufeffmark`,
	} {
		if got := loaders.EscapeControls(in); got != want {
			t.Errorf("EscapeControls(%q) = %q, want %q", in, got, want)
		}
	}
}

// oneCellRows is a CSV of n one-cell rows "1": each a row numbered 1 with
// too few cells, and after the first a row out of sequence: two errors a
// row.
func oneCellRows(n int) string { return strings.Repeat("1\n", n) }

func TestParseCSVErrorCap(t *testing.T) {
	_, err := loaders.ParseCSV(strings.NewReader(oneCellRows(1_000_000)), loaders.Computers, loaders.Options{File: "rows.csv"})
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 101 {
		t.Fatalf("%d lines, want 101", len(lines))
	}
	if want := "rows.csv:1: wrong number of cells: found \"1\", expected 9 cells in the row numbered 1 (layout computers), found 1"; lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	if want := "rows.csv: … and 1999899 more errors, the first at line 51"; lines[100] != want {
		t.Errorf("last line %q, want %q", lines[100], want)
	}
}

// BenchmarkParseCSVErrors reads a CSV of one-cell rows, each an error:
// with the cap, the memory kept by the list does not grow with the rows
// (peak-MB: the heap in use after the parse, before the error is dropped).
func BenchmarkParseCSVErrors(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			src := oneCellRows(n)
			b.ReportAllocs()
			var lines int
			var heapMB float64
			for b.Loop() {
				_, err := loaders.ParseCSV(strings.NewReader(src), loaders.Computers, loaders.Options{File: "rows.csv"})
				lines = strings.Count(err.Error(), "\n") + 1
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heapMB = float64(ms.HeapAlloc) / (1 << 20)
				runtime.KeepAlive(err)
			}
			b.ReportMetric(float64(lines), "lines")
			b.ReportMetric(heapMB, "heap-MB-kept")
		})
	}
}

// ExampleErrorList_SetMax caps a list at three errors: the fourth line
// counts the others and names the first of them.
func ExampleErrorList_SetMax() {
	l := loaders.NewErrorList("plan.csv")
	l.SetMax(3)
	for line := 1; line <= 1000; line++ {
		l.Add(&loaders.Error{Line: line, Cell: 3, Column: "staff", Text: "l42", Err: loaders.ErrNotNumber, Expected: "a whole number of people"})
	}
	fmt.Println(l.Err())
	// Output:
	// plan.csv:1: cell 3 (staff) not a number: found "l42", expected a whole number of people
	// plan.csv:2: cell 3 (staff) not a number: found "l42", expected a whole number of people
	// plan.csv:3: cell 3 (staff) not a number: found "l42", expected a whole number of people
	// plan.csv: … and 997 more errors, the first at line 4 cell 3
}

// ExampleEscapeControls shows a unit name with a right-to-left override
// as an error message writes it.
func ExampleEscapeControls() {
	fmt.Println(loaders.EscapeControls("Đơn vị tính: triệu\u202e đồng"))
	e := &loaders.Error{File: "plan.csv", Line: 4, Err: loaders.ErrNotNumber, Text: "12\u202e34", Expected: "a money unit, not \"triệu\u202e đồng\""}
	fmt.Println(e)
	// Output:
	// Đơn vị tính: triệu\u202e đồng
	// plan.csv:4: not a number: found "12\u202e34", expected a money unit, not "triệu\u202e đồng"
}

// MessageVI says each joined error with its own position, the conditions
// of the subpackages' sentinels too, and counts what it leaves out.
func TestMessageVI(t *testing.T) {
	e := func(line int, err error, text string) error {
		return &loaders.Error{File: "f.txt", Line: line, Cell: 2, Err: err, Text: text, Expected: "something"}
	}
	if got := loaders.MessageVI(nil); got != "" {
		t.Errorf("nil: %q", got)
	}
	joined := errors.Join(e(3, loaders.ErrCellCount, ""), e(5, loaders.ErrUnexpectedCell, "11"), e(7, loaders.ErrAmbiguousNumber, "1.774"), e(9, loaders.ErrTruncated, ""))
	want := "dòng 3, ô 2: số ô của hàng khác với bố cục; dòng 5, ô 2: ô không đúng chỗ: gặp «11»; dòng 7, ô 2: số đọc được hai cách: gặp «1.774»; và 1 lỗi khác"
	if got := loaders.MessageVI(fmt.Errorf("f.txt: %w", joined)); got != want {
		t.Errorf("joined:\n%s\nwant\n%s", got, want)
	}
	if got := loaders.MessageVI(errors.New("something else")); got != "không đọc được" {
		t.Errorf("foreign: %q", got)
	}
	custom := loaders.NewSentinel("custom condition", "điều kiện riêng")
	if got := loaders.MessageVI(e(4, custom, "")); got != "dòng 4, ô 2: điều kiện riêng" || custom.Error() != "custom condition" || !errors.Is(e(4, custom, ""), custom) {
		t.Errorf("custom: %q", got)
	}
}
