package parquetio

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"

	"github.com/ictplan/ictplan/frame"
)

// Options control Write and Read.
type Options struct {
	// Allocator builds the Frame Read returns (nil:
	// memory.DefaultAllocator). Write uses the Frame's own.
	Allocator memory.Allocator
}

// Source is what Read reads a Parquet file from: an *os.File, a
// *bytes.Reader, an *io.SectionReader. Its size is found by seeking to its
// end.
type Source interface {
	io.ReaderAt
	io.Seeker
}

// rowGroupRows is the largest row group Write makes.
const rowGroupRows = 1 << 20

// Write writes f to w as one Parquet file: Snappy-compressed, row groups of
// at most 1 048 576 rows, the Arrow schema (field and schema metadata)
// stored alongside so that Read restores it exactly. w is not closed.
func Write(w io.Writer, f *frame.Frame, o Options) error {
	props := parquet.NewWriterProperties(
		parquet.WithAllocator(f.Allocator()),
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithMaxRowGroupLength(rowGroupRows),
	)
	aprops := pqarrow.NewArrowWriterProperties(
		pqarrow.WithStoreSchema(),
		pqarrow.WithAllocator(f.Allocator()),
	)
	// pqarrow's Close closes a writer that is an io.Closer: hide that, so
	// that Write(file, f) leaves the file to its owner.
	fw, err := pqarrow.NewFileWriter(f.Schema(), writerOnly{w}, props, aprops)
	if err != nil {
		return fmt.Errorf("parquetio: %w", err)
	}
	rec := f.Record()
	defer rec.Release()
	if err := fw.Write(rec); err != nil {
		fw.Close()
		return fmt.Errorf("parquetio: %w", err)
	}
	if err := fw.Close(); err != nil {
		return fmt.Errorf("parquetio: %w", err)
	}
	return nil
}

type writerOnly struct{ io.Writer }

// WriteFile writes f to the named file (see Write), creating or truncating
// it.
func WriteFile(name string, f *frame.Frame, o Options) (err error) {
	out, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := out.Close(); err == nil {
			err = cerr
		}
	}()
	return Write(out, f, o)
}

// Read reads the Parquet file r (its size found by seeking to its end) into
// a Frame built with o.Allocator. Row groups are concatenated.
// The schema stored by Write (or by pyarrow) gives back the field and
// schema metadata. Every column must be of one of the five frame kinds,
// and there may be at most MaxRows rows. A malformed file is an error,
// never a panic: the footer's sizes are checked against the file before
// they are used.
func Read(r Source, o Options) (*frame.Frame, error) {
	size, err := r.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	return read(r, size, o.Allocator)
}

func read(r io.ReaderAt, size int64, mem memory.Allocator) (f *frame.Frame, err error) {
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	defer func() {
		// The Parquet decoders trust the file more than they should: a
		// corrupt file must not bring the program down.
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("parquetio: malformed file: %v", p)
		}
	}()
	// The reader's own buffers come from a Go allocator: they are pooled
	// and freed by finalizers, which a checked allocator would count as
	// leaks. Only the arrays of the result come from mem.
	pf, err := file.NewParquetReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	defer pf.Close()
	if err := checkLayout(pf, size); err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	if v := pf.MetaData().KeyValueMetadata().FindValue(storedSchemaKey); v != nil {
		if err := checkStoredSchema(*v); err != nil {
			return nil, fmt.Errorf("parquetio: %w", err)
		}
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, mem)
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	schema, err := fr.Schema()
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	defer tbl.Release()
	chunked, err := frame.FromTable(tbl, frame.WithAllocator(mem))
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	defer chunked.Release()
	// The table read lacks the schema metadata that fr.Schema restores
	// from the stored Arrow schema, and both mark every field with
	// "PARQUET:field_id": "-1" (no field id): put the metadata back as
	// written.
	cols := make([]arrow.Array, chunked.NumCols())
	for j := range cols {
		cols[j] = chunked.ColumnAt(j).Array()
	}
	f, err = frame.FromArrays(restoreSchema(schema), cols, frame.WithAllocator(mem))
	if err != nil {
		return nil, fmt.Errorf("parquetio: %w", err)
	}
	return f, nil
}

// fieldIDKey is the field metadata key pqarrow reads Parquet field ids
// into; "-1" means the file has none.
const fieldIDKey = "PARQUET:field_id"

// restoreSchema returns s without the "no field id" marks pqarrow adds.
func restoreSchema(s *arrow.Schema) *arrow.Schema {
	fields := make([]arrow.Field, s.NumFields())
	for i, fl := range s.Fields() {
		if v, ok := fl.Metadata.GetValue(fieldIDKey); ok && v == "-1" {
			var keys, vals []string
			for k, key := range fl.Metadata.Keys() {
				if key != fieldIDKey {
					keys, vals = append(keys, key), append(vals, fl.Metadata.Values()[k])
				}
			}
			fl.Metadata = arrow.Metadata{}
			if len(keys) > 0 {
				fl.Metadata = arrow.NewMetadata(keys, vals)
			}
		}
		fields[i] = fl
	}
	md := s.Metadata()
	return arrow.NewSchema(fields, &md)
}

// MaxRows bounds the number of rows Read accepts: a Frame is held in
// memory whole.
const MaxRows = 100_000_000

// checkLayout checks the footer's claims before arrow-go acts on them: it
// allocates a column chunk's whole claimed size at once, so a corrupt
// length would ask for gigabytes. Every column chunk must lie inside the
// file, and the row count must be at most MaxRows.
func checkLayout(pf *file.Reader, size int64) error {
	md := pf.MetaData()
	var rows int64
	for i := 0; i < md.NumRowGroups(); i++ {
		rg := md.RowGroup(i)
		n := rg.NumRows()
		if n < 0 || n > MaxRows-rows {
			return fmt.Errorf("row group %d: %d rows: more than %d in all, or a corrupt count", i, n, MaxRows)
		}
		rows += n
		for j := 0; j < rg.NumColumns(); j++ {
			col, err := rg.ColumnChunk(j)
			if err != nil {
				return fmt.Errorf("row group %d column %d: %w", i, j, err)
			}
			start := col.DataPageOffset()
			if col.HasDictionaryPage() && col.DictionaryPageOffset() > 0 && start > col.DictionaryPageOffset() {
				start = col.DictionaryPageOffset()
			}
			n := col.TotalCompressedSize()
			if start < 0 || n < 0 || start > size || n > size-start {
				return fmt.Errorf("row group %d column %d: chunk of %d bytes at %d lies outside the %d-byte file", i, j, n, start, size)
			}
		}
	}
	return nil
}

// ReadBytes reads a Parquet file held in memory (see Read).
func ReadBytes(data []byte, o Options) (*frame.Frame, error) {
	return Read(bytes.NewReader(data), o)
}

// ReadFile reads the named Parquet file (see Read).
func ReadFile(name string, o Options) (*frame.Frame, error) {
	in, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	return Read(in, o)
}
