package frame_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

// FuzzReadCSV: no input makes ReadCSV panic; every error is positioned
// (a *frame.CSVError or an encoding/csv *ParseError); and a Frame read is
// written and read back (with its inferred kinds) unchanged.
func FuzzReadCSV(f *testing.F) {
	for _, seed := range []string{
		"unit,staff,ratio,ok,day\nTỉnh ủy,159,0.89308,true,2010-06-30\nSở Nội vụ,,1,false,\n",
		"\ufeffa;b\r\n1;2\r\n",
		"a,b\n\"x\ny\",1\n3\n",
		"a,a\n1,2\n",
		"a\nNaN\n1e400\n-0\n",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		got, err := frame.ReadCSV(strings.NewReader(in), frame.CSVOptions{Allocator: mem, MaxRows: 1000})
		if err != nil {
			for _, e := range unjoin(err) {
				var ce *frame.CSVError
				var pe *csv.ParseError
				if !errors.As(e, &ce) && !errors.As(e, &pe) {
					t.Fatalf("error without a position: %v", e)
				}
			}
			return
		}
		defer got.Release()
		var buf bytes.Buffer
		if err := got.WriteCSV(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := frame.ReadCSV(&buf, frame.CSVOptions{Allocator: mem, Fields: got.Fields()})
		if err != nil {
			t.Fatalf("reading back %q: %v", buf.String(), err)
		}
		defer back.Release()
		if !frame.Equal(got, back) {
			t.Fatalf("round trip differs:\n%v\n%v", got, back)
		}
	})
}
