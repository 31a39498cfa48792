package ipcio_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/ipcio"
	"github.com/ictplan/ictplan/internal/frametest"
)

// TestRoundTrip writes the sample (every kind, nulls in each, Vietnamese
// text and metadata) and reads it back: IPC keeps everything. The empty
// Frame too.
func TestRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	sample := frametest.Sample(mem)
	defer sample.Release()
	empty := sample.Head(0)
	defer empty.Release()
	for _, f := range []*frame.Frame{sample, empty} {
		var buf bytes.Buffer
		if err := ipcio.Write(&buf, f, ipcio.Options{}); err != nil {
			t.Fatal(err)
		}
		got, err := ipcio.Read(&buf, ipcio.Options{Allocator: mem})
		if err != nil {
			t.Fatal(err)
		}
		if !frame.Equal(got, f) {
			t.Errorf("read back as\n%v\nwant\n%v", got, f)
		}
		got.Release()
	}
}

// ipcSeeds are the sample written as an IPC file and as a stream of two
// batches.
func ipcSeeds(t testing.TB) [][]byte {
	s := frametest.Sample(memory.DefaultAllocator)
	defer s.Release()
	var file, stream bytes.Buffer
	if err := ipcio.Write(&file, s, ipcio.Options{}); err != nil {
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

// FuzzReadIPC: no input makes ReadIPC panic or allocate beyond reason (a
// run with a corrupt length in it would die of it). Not a checked
// allocator: see TestReadIPCMutated.
func FuzzReadIPC(f *testing.F) {
	for _, seed := range ipcSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ipcio.Read(bytes.NewReader(data), ipcio.Options{Allocator: memory.NewGoAllocator()})
		if err == nil {
			got.Release()
		}
	})
}

// TestReadIPCMutated reads copies of good IPC data with a few bytes
// changed, inserted or deleted, as a corrupt download or disk would make.
// Each must give an error or a Frame, without panicking or running out of
// memory: arrow-go trusts the counts and lengths in the data, and ReadIPC
// checks them first (without the checks, some of these copies made it
// panic, and some asked for tens of gigabytes). The allocator is not a
// checked one: when arrow-go's decoder panics midway (ReadIPC recovers),
// the buffers it had allocated are left to the garbage collector.
func TestReadIPCMutated(t *testing.T) {
	mem := memory.NewGoAllocator()
	seeds := ipcSeeds(t)
	rng := rand.New(rand.NewPCG(3, 4))
	n := 5000
	if testing.Short() {
		n = 500
	}
	for i := range n {
		d := bytes.Clone(seeds[i%len(seeds)])
		for range 1 + rng.IntN(4) {
			p := rng.IntN(len(d))
			switch rng.IntN(5) {
			case 0:
				d[p] = byte(rng.IntN(256))
			case 1:
				d[p] = 0xff
			case 2:
				if p+4 <= len(d) {
					copy(d[p:], []byte{0xff, 0xff, 0xff, 0x7f})
				}
			case 3:
				d = append(d[:p:p], d[p+1:]...)
			case 4:
				d = append(d[:p:p], append([]byte{byte(rng.IntN(256))}, d[p:]...)...)
			}
		}
		got, err := ipcio.Read(bytes.NewReader(d), ipcio.Options{Allocator: mem})
		if err == nil {
			got.Release()
		}
	}
}

func TestReadIPC(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Sample(mem)
	defer f.Release()

	// A stream of two record batches (as another Arrow writer may make)
	// is read into one Frame.
	var stream bytes.Buffer
	w := ipc.NewWriter(&stream, ipc.WithSchema(f.Schema()), ipc.WithAllocator(mem))
	for _, part := range []*frame.Frame{f.Slice(0, 2), f.Slice(2, f.NumRows())} {
		rec := part.Record()
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		rec.Release()
		part.Release()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := ipcio.Read(&stream, ipcio.Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Release()
	if !frame.Equal(got, f) {
		t.Errorf("stream of two batches read as\n%v", got)
	}

	// Unsupported column types and garbage are errors.
	schema := arrow.NewSchema([]arrow.Field{{Name: "t", Type: arrow.FixedWidthTypes.Timestamp_s}}, nil)
	b := array.NewTimestampBuilder(mem, arrow.FixedWidthTypes.Timestamp_s.(*arrow.TimestampType))
	b.Append(1)
	arr := b.NewArray()
	b.Release()
	rec := array.NewRecordBatch(schema, []arrow.Array{arr}, 1)
	arr.Release()
	var ts bytes.Buffer
	fw, err := ipc.NewFileWriter(&ts, ipc.WithSchema(schema), ipc.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	if err := fw.Write(rec); err != nil {
		t.Fatal(err)
	}
	rec.Release()
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"timestamp column", ts.Bytes(), `column "t" has unsupported type timestamp`},
		{"garbage", []byte("ARROW1 but not really"), "ipcio: reading Arrow IPC: malformed"},
		{"empty", nil, "ipcio: reading Arrow IPC stream"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ipcio.Read(bytes.NewReader(tc.in), ipcio.Options{Allocator: mem})
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}
