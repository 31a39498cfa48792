package frame_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
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

// FuzzReadIPC: no input makes ReadIPC panic or allocate beyond reason (a
// run with a corrupt length in it would die of it). Not a checked
// allocator: see TestReadIPCMutated.
func FuzzReadIPC(f *testing.F) {
	for _, seed := range ipcSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := frame.ReadIPC(bytes.NewReader(data), memory.NewGoAllocator())
		if err == nil {
			got.Release()
		}
	})
}

// ipcSeeds are the sample written as an IPC file and as a stream of two
// batches.
func ipcSeeds(t testing.TB) [][]byte {
	s := frametest.Sample(memory.DefaultAllocator)
	defer s.Release()
	var file, stream bytes.Buffer
	if err := s.WriteIPC(&file); err != nil {
		t.Fatal(err)
	}
	w := ipc.NewWriter(&stream, ipc.WithSchema(s.Schema()))
	rec := s.Record()
	defer rec.Release()
	for range 2 {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return [][]byte{file.Bytes(), stream.Bytes()}
}
