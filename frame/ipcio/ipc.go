package ipcio

import (
	"bytes"
	"fmt"
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/internal/arrowcheck"
)

// Options control Write and Read.
type Options struct {
	// Allocator builds the Frame Read returns (nil:
	// memory.DefaultAllocator). Write uses the Frame's own.
	Allocator memory.Allocator
}

// Write writes f to w in the Arrow IPC file format (.arrow, Feather v2),
// with its schema, field metadata and provenance.
func Write(w io.Writer, f *frame.Frame, o Options) error {
	fw, err := ipc.NewFileWriter(w, ipc.WithSchema(f.Schema()), ipc.WithAllocator(f.Allocator()))
	if err != nil {
		return err
	}
	rec := f.Record()
	defer rec.Release()
	if err := fw.Write(rec); err != nil {
		fw.Close()
		return err
	}
	return fw.Close()
}

// Read reads an Arrow IPC file (or stream) written by Write or any Arrow
// implementation into a Frame built with o.Allocator;
// record batches are concatenated. Columns must be of the five kinds of
// frame.
//
// Corrupt data is an error, never a panic, and costs memory in proportion
// to its size: the counts and lengths in it are checked before arrow-go
// allocates by them. (Data corrupt in a way that makes arrow-go's decoder
// panic midway leaves the buffers it had allocated to the garbage
// collector: a checked allocator reports them.)
func Read(r io.Reader, o Options) (*frame.Frame, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ReadBytes(data, o)
}

// ReadBytes reads Arrow IPC data held in memory (see Read).
func ReadBytes(data []byte, o Options) (f *frame.Frame, err error) {
	mem := o.Allocator
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	isFile := bytes.HasPrefix(data, []byte("ARROW1"))
	if isFile {
		err = arrowcheck.File(data)
	} else {
		err = arrowcheck.Stream(data)
	}
	if err != nil {
		return nil, fmt.Errorf("ipcio: reading Arrow IPC: %w", err)
	}
	defer func() {
		// arrow-go's IPC reader indexes by offsets from the data without
		// checking them all.
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("ipcio: reading Arrow IPC: %w: %v", arrowcheck.ErrMalformed, p)
		}
	}()
	var schema *arrow.Schema
	var recs []arrow.RecordBatch
	defer func() {
		for _, rec := range recs {
			rec.Release()
		}
	}()
	if isFile {
		fr, err := ipc.NewFileReader(bytes.NewReader(data), ipc.WithAllocator(mem))
		if err != nil {
			return nil, fmt.Errorf("ipcio: reading Arrow IPC file: %w", err)
		}
		defer fr.Close()
		schema = fr.Schema()
		for i := 0; i < fr.NumRecords(); i++ {
			rec, err := fr.RecordBatch(i)
			if err != nil {
				return nil, fmt.Errorf("ipcio: reading Arrow IPC record %d: %w", i, err)
			}
			rec.Retain()
			recs = append(recs, rec)
		}
	} else {
		sr, err := ipc.NewReader(bytes.NewReader(data), ipc.WithAllocator(mem))
		if err != nil {
			return nil, fmt.Errorf("ipcio: reading Arrow IPC stream: %w", err)
		}
		defer sr.Release()
		schema = sr.Schema()
		for sr.Next() {
			rec := sr.RecordBatch()
			rec.Retain()
			recs = append(recs, rec)
		}
		if err := sr.Err(); err != nil {
			return nil, fmt.Errorf("ipcio: reading Arrow IPC stream: %w", err)
		}
	}
	tbl := array.NewTableFromRecords(schema, recs)
	defer tbl.Release()
	return frame.FromTable(tbl, frame.WithAllocator(mem))
}
