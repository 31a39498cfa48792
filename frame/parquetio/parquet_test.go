package parquetio_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/parquetio"
	"github.com/ictplan/ictplan/internal/frametest"
)

func TestRoundTrip(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	sample := frametest.Sample(mem)
	defer sample.Release()

	empty := sample.Head(0)
	defer empty.Release()
	noMeta := frame.NewBuilder(nil, []frame.FieldSpec{{Name: "x", Kind: frame.Float64}}, frame.WithAllocator(mem))
	defer noMeta.Release()
	for _, v := range []float64{1.5, -0.25} {
		noMeta.AppendFloat64(0, v)
	}
	noMeta.AppendNull(0)
	plain, err := noMeta.Frame()
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Release()
	allNull := sample.Filter(func(r frame.Row) bool { return r.IsNull("unit_name") })
	defer allNull.Release()

	for _, tc := range []struct {
		name string
		f    *frame.Frame
	}{
		{"sample", sample},
		{"no rows", empty},
		{"no metadata", plain},
		{"one row", allNull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := parquetio.Write(&buf, tc.f, parquetio.Options{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(buf.Bytes(), []byte("PAR1")) {
				t.Fatalf("output does not start with PAR1")
			}
			got, err := parquetio.ReadBytes(buf.Bytes(), parquetio.Options{Allocator: mem})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Release()
			if !frame.Equal(got, tc.f) {
				t.Errorf("round trip differs:\ngot  %v\n%v\nwant %v\n%v", got.Schema(), got, tc.f.Schema(), tc.f)
			}
		})
	}
}

func TestFile(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Sample(mem)
	defer f.Release()
	name := filepath.Join(t.TempDir(), "sample.parquet")
	if err := parquetio.WriteFile(name, f, parquetio.Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := parquetio.ReadFile(name, parquetio.Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Release()
	if !frame.Equal(got, f) {
		t.Errorf("file round trip differs")
	}
	if got.Meta(frame.MetaProvince) != "Đà Nẵng" || got.Col("budget_mvnd").Spec().Extra[frame.MetaSourceUnit] != "tỷ đồng" {
		t.Errorf("metadata lost: %v %v", got.Metadata(), got.Col("budget_mvnd").Spec())
	}
	if _, err := parquetio.ReadFile(filepath.Join(t.TempDir(), "missing.parquet"), parquetio.Options{Allocator: mem}); !os.IsNotExist(err) {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestReadMalformed(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Sample(mem)
	defer f.Release()
	var buf bytes.Buffer
	if err := parquetio.Write(&buf, f, parquetio.Options{}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	flipped := bytes.Clone(good)
	for i := 8; i < len(flipped)-8; i += 7 {
		flipped[i] ^= 0x5a
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"text", []byte("unit,staff\nA,1\n")},
		{"truncated", good[:len(good)/2]},
		{"no footer", good[:len(good)-8]},
		{"corrupted", flipped},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parquetio.ReadBytes(tc.data, parquetio.Options{Allocator: mem})
			if err == nil {
				got.Release()
				t.Fatalf("no error")
			}
			if !strings.HasPrefix(err.Error(), "parquetio: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

// TestReadMutated reads copies of a good file with a few bytes changed —
// random bytes, 0xff, or a large int32 — as a corrupt download or disk
// would make. Each must give an error or a Frame, quickly: arrow-go trusts
// the sizes in a file's footer and stored schema, and Read checks them
// first (without the checks, some of these copies asked for tens of
// gigabytes).
func TestReadMutated(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Sample(mem)
	defer f.Release()
	var buf bytes.Buffer
	if err := parquetio.Write(&buf, f, parquetio.Options{}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	rng := rand.New(rand.NewPCG(1, 2))
	n := 2000
	if testing.Short() || race {
		n = 300
	}
	for i := range n {
		d := bytes.Clone(good)
		for range 1 + rng.IntN(4) {
			p := rng.IntN(len(d))
			switch rng.IntN(3) {
			case 0:
				d[p] = byte(rng.IntN(256))
			case 1:
				d[p] = 0xff
			case 2:
				if p+4 <= len(d) {
					copy(d[p:], []byte{0xff, 0xff, 0xff, 0x7f})
				}
			}
		}
		start := time.Now()
		got, err := parquetio.ReadBytes(d, parquetio.Options{Allocator: mem})
		if err == nil {
			got.Release()
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("mutation %d took %v", i, el)
		}
	}
}
