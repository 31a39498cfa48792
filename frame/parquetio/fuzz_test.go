package parquetio_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/parquetio"
	"github.com/ictplan/ictplan/internal/frametest"
)

// FuzzRead: no input makes Read panic or leak, and an error says where it
// comes from.
func FuzzRead(f *testing.F) {
	s := frametest.Sample(memory.DefaultAllocator)
	var buf bytes.Buffer
	if err := parquetio.Write(&buf, s, parquetio.Options{}); err != nil {
		f.Fatal(err)
	}
	s.Release()
	f.Add(buf.Bytes())
	f.Add([]byte("PAR1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		got, err := parquetio.ReadBytes(data, parquetio.Options{Allocator: mem})
		if err != nil {
			if !strings.HasPrefix(err.Error(), "parquetio: ") {
				t.Fatalf("error %q", err)
			}
			return
		}
		defer got.Release()
		if got.NumCols() > 0 && got.Col(got.Names()[0]).Len() != got.NumRows() {
			t.Fatalf("inconsistent Frame")
		}
		_ = frame.Equal(got, got)
	})
}
