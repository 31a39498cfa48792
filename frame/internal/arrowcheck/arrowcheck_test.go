package arrowcheck

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// written returns a small batch as an IPC file and as a stream.
func written(t *testing.T) (file, stream []byte) {
	mem := memory.NewGoAllocator()
	md := arrow.NewMetadata([]string{"label_vi"}, []string{"Tên"})
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "s", Type: arrow.BinaryTypes.String, Nullable: true, Metadata: md},
		{Name: "i", Type: arrow.PrimitiveTypes.Int64, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	b.Field(0).(*array.StringBuilder).AppendValues([]string{"a", "Đà Nẵng"}, []bool{true, false})
	b.Field(1).(*array.Int64Builder).AppendValues([]int64{1, 2}, nil)
	rec := b.NewRecordBatch()
	defer rec.Release()
	var f, s bytes.Buffer
	fw, err := ipc.NewFileWriter(&f, ipc.WithSchema(schema))
	if err != nil {
		t.Fatal(err)
	}
	sw := ipc.NewWriter(&s, ipc.WithSchema(schema))
	for _, w := range []interface{ Write(arrow.RecordBatch) error }{fw, sw} {
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sw.Close(); err != nil {
		t.Fatal(err)
	}
	return f.Bytes(), s.Bytes()
}

func TestCheck(t *testing.T) {
	file, stream := written(t)
	// The body length of the stream's record batch message, made huge.
	hugeBody := bytes.Clone(stream)
	n := int(binary.LittleEndian.Uint32(stream[4:]))
	second := 8 + n // the schema message has no body
	m := int(binary.LittleEndian.Uint32(hugeBody[second+4:]))
	fb := flatbuf(hugeBody[second+8 : second+8+m])
	root, _ := fb.root()
	if p, ok := fb.field(root, 3); ok {
		binary.LittleEndian.PutUint64(fb[p:], 1<<40)
	} else {
		t.Fatal("no body length in the record batch message")
	}
	for _, tc := range []struct {
		name  string
		check func([]byte) error
		data  []byte
		ok    bool
	}{
		{"file", File, file, true},
		{"stream", Stream, stream, true},
		{"empty stream", Stream, nil, true},
		{"truncated file", File, file[:len(file)-1], false},
		{"file footer cut", File, append(bytes.Clone(file[:20]), file[len(file)-10:]...), false},
		{"truncated stream", Stream, stream[:len(stream)/2], false},
		{"stream as file", File, stream, false},
		{"huge body length", Stream, hugeBody, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.check(tc.data)
			if tc.ok && err != nil {
				t.Fatalf("error %v", err)
			}
			if !tc.ok && !errors.Is(err, ErrMalformed) {
				t.Fatalf("error %v, want ErrMalformed", err)
			}
		})
	}
}
