// Package arrowcheck checks the structure of Arrow IPC data (files,
// streams, single messages) before arrow-go decodes it.
//
// arrow-go v18.8.0 sizes its slices and buffers from the counts and lengths
// written in the data — the number of fields or metadata pairs in a
// schema, a message's body length, a buffer's uncompressed length —
// without checking them against the input. A corrupt or hostile file then
// makes it allocate gigabytes and the program dies beyond recover. The
// checks here bound every such count by the bytes that hold it, so that
// decoding costs memory in proportion to the input. They do not prove the
// data valid: the decoder may still fail, or panic on an offset out of
// range, which the callers recover.
package arrowcheck

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrMalformed is the cause of every error of this package.
var ErrMalformed = errors.New("malformed Arrow IPC data")

// maxDepth bounds the nesting of fields in a schema.
const maxDepth = 32

// maxUncompressed bounds the uncompressed length of one compressed buffer.
const maxUncompressed = 1 << 31

var fileMagic = []byte("ARROW1")

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrMalformed, fmt.Sprintf(format, args...))
}

// File checks an Arrow IPC file: its footer, the schema in it, and every
// message its blocks point to.
func File(data []byte) error {
	n := len(data)
	if n < 8+10 || !bytes.HasPrefix(data, fileMagic) || !bytes.HasSuffix(data, fileMagic) {
		return malformed("not an Arrow IPC file")
	}
	size := int(int32(binary.LittleEndian.Uint32(data[n-10:])))
	if size <= 0 || size > n-10-8 {
		return malformed("footer of %d bytes in a file of %d", size, n)
	}
	fb := flatbuf(data[n-10-size : n-10])
	footer, ok := fb.root()
	if !ok {
		return malformed("footer")
	}
	// Footer: version, schema, dictionaries, recordBatches, custom_metadata.
	schema, ok := fb.tableField(footer, 1)
	if !ok || !fb.schema(schema) {
		return malformed("footer schema")
	}
	if !fb.keyValues(footer, 4) {
		return malformed("footer metadata")
	}
	for _, i := range []int{2, 3} {
		start, count, ok := fb.vector(footer, i, 24) // Block structs
		if !ok {
			return malformed("footer blocks")
		}
		for k := 0; k < count; k++ {
			p := start + 24*k
			off := int64(binary.LittleEndian.Uint64(fb[p:]))
			metaLen := int64(int32(binary.LittleEndian.Uint32(fb[p+8:])))
			bodyLen := int64(binary.LittleEndian.Uint64(fb[p+16:]))
			if off < 8 || metaLen < 8 || bodyLen < 0 || off > int64(n) || metaLen > int64(n)-off || bodyLen > int64(n)-off-metaLen {
				return malformed("block %d lies outside the file", k)
			}
			if _, err := message(data[off:], int(metaLen)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Stream checks an Arrow IPC stream: every message up to the end-of-stream
// marker or the end of data.
func Stream(data []byte) error {
	for p := 0; p < len(data); {
		used, err := message(data[p:], -1)
		if err != nil {
			return err
		}
		if used == 0 {
			return nil // end of stream
		}
		p += used
	}
	return nil
}

// message checks the encapsulated message at the start of data (body
// included) and returns the bytes it takes, 0 at an end-of-stream marker.
// metaLen, if not negative, is the length of the prefix and metadata given
// by a file block.
func message(data []byte, metaLen int) (int, error) {
	p := 0
	u32 := func() (uint32, bool) {
		if p+4 > len(data) {
			return 0, false
		}
		v := binary.LittleEndian.Uint32(data[p:])
		p += 4
		return v, true
	}
	v, ok := u32()
	if !ok {
		return 0, malformed("truncated message")
	}
	if v == 0xFFFFFFFF {
		if v, ok = u32(); !ok {
			return 0, malformed("truncated message")
		}
	}
	if v == 0 {
		return 0, nil
	}
	size := int(int32(v))
	if size < 0 || size > len(data)-p || (metaLen >= 0 && p+size > metaLen) {
		return 0, malformed("message metadata of %d bytes", size)
	}
	fb := flatbuf(data[p : p+size])
	end := p + size
	if metaLen >= 0 {
		end = metaLen
	}
	body := data[end:]
	msg, ok := fb.root()
	if !ok {
		return 0, malformed("message")
	}
	// Message: version, header_type, header, bodyLength, custom_metadata.
	var bodyLen int64
	if q, ok := fb.field(msg, 3); ok {
		if q+8 > len(fb) {
			return 0, malformed("message body length")
		}
		bodyLen = int64(binary.LittleEndian.Uint64(fb[q:]))
	}
	if bodyLen < 0 || bodyLen > int64(len(body)) {
		return 0, malformed("message body of %d bytes, %d left", bodyLen, len(body))
	}
	body = body[:bodyLen]
	if !fb.keyValues(msg, 4) {
		return 0, malformed("message metadata")
	}
	var kind byte
	if q, ok := fb.field(msg, 1); ok {
		kind = fb[q]
	}
	header, ok := fb.tableField(msg, 2)
	if !ok {
		return 0, malformed("message header")
	}
	switch kind {
	case 1: // Schema
		ok = fb.schema(header)
	case 2: // DictionaryBatch: id, data, isDelta
		var rb int
		if rb, ok = fb.tableField(header, 1); ok {
			ok = fb.recordBatch(rb, body)
		}
	case 3: // RecordBatch
		ok = fb.recordBatch(header, body)
	default:
		return 0, malformed("message of type %d", kind)
	}
	if !ok {
		return 0, malformed("message header of type %d", kind)
	}
	return end + int(bodyLen), nil
}

// flatbuf reads a flatbuffer defensively: every accessor checks bounds and
// reports failure rather than panicking.
type flatbuf []byte

func (fb flatbuf) u32(p int) (int, bool) {
	if p < 0 || p+4 > len(fb) {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(fb[p:])), true
}

// root returns the position of the root table.
func (fb flatbuf) root() (int, bool) {
	off, ok := fb.u32(0)
	return off, ok && fb.validTable(off)
}

func (fb flatbuf) validTable(t int) bool {
	if t < 0 || t+4 > len(fb) {
		return false
	}
	vt := t - int(int32(binary.LittleEndian.Uint32(fb[t:])))
	if vt < 0 || vt+4 > len(fb) {
		return false
	}
	size := int(binary.LittleEndian.Uint16(fb[vt:]))
	return size >= 4 && vt+size <= len(fb)
}

// field returns the position of field i of the (valid) table at t, if
// present.
func (fb flatbuf) field(t, i int) (int, bool) {
	vt := t - int(int32(binary.LittleEndian.Uint32(fb[t:])))
	size := int(binary.LittleEndian.Uint16(fb[vt:]))
	slot := 4 + 2*i
	if slot+2 > size {
		return 0, false
	}
	off := int(binary.LittleEndian.Uint16(fb[vt+slot:]))
	if off == 0 || t+off >= len(fb) {
		return 0, false
	}
	return t + off, true
}

// target follows the offset stored at p.
func (fb flatbuf) target(p int) (int, bool) {
	off, ok := fb.u32(p)
	if !ok || off == 0 {
		return 0, false
	}
	return p + off, p+off < len(fb)
}

// tableField returns the table that field i of t points to.
func (fb flatbuf) tableField(t, i int) (int, bool) {
	p, ok := fb.field(t, i)
	if !ok {
		return 0, false
	}
	tt, ok := fb.target(p)
	return tt, ok && fb.validTable(tt)
}

// vector returns the start and length of the vector in field i of t, whose
// elements take elem bytes; an absent field is an empty vector.
func (fb flatbuf) vector(t, i, elem int) (start, n int, ok bool) {
	p, present := fb.field(t, i)
	if !present {
		return 0, 0, true
	}
	v, ok := fb.target(p)
	if !ok {
		return 0, 0, false
	}
	n, ok = fb.u32(v)
	if !ok || n > (len(fb)-v-4)/elem {
		return 0, 0, false
	}
	return v + 4, n, true
}

// tables checks the vector of tables in field i of t with check.
func (fb flatbuf) tables(t, i int, check func(int) bool) bool {
	start, n, ok := fb.vector(t, i, 4)
	if !ok {
		return false
	}
	for k := 0; k < n; k++ {
		tt, ok := fb.target(start + 4*k)
		if !ok || !fb.validTable(tt) || !check(tt) {
			return false
		}
	}
	return true
}

// keyValues checks a vector of KeyValue tables: key, value.
func (fb flatbuf) keyValues(t, i int) bool {
	return fb.tables(t, i, func(kv int) bool { return fb.str(kv, 0) && fb.str(kv, 1) })
}

// str checks the string in field i of t, if present.
func (fb flatbuf) str(t, i int) bool {
	_, _, ok := fb.vector(t, i, 1)
	return ok
}

// optTable checks the table in field i of t, if present.
func (fb flatbuf) optTable(t, i int) bool {
	if _, present := fb.field(t, i); !present {
		return true
	}
	_, ok := fb.tableField(t, i)
	return ok
}

// schema checks a Schema table: endianness, fields, custom_metadata,
// features.
func (fb flatbuf) schema(t int) bool {
	_, _, ok := fb.vector(t, 3, 8)
	return ok && fb.fields(t, 1, 0) && fb.keyValues(t, 2)
}

// fields checks a vector of Field tables: name, nullable, type_type, type,
// dictionary, children, custom_metadata.
func (fb flatbuf) fields(t, i, depth int) bool {
	if depth > maxDepth {
		return false
	}
	return fb.tables(t, i, func(f int) bool {
		if !fb.str(f, 0) || !fb.optTable(f, 3) || !fb.fields(f, 5, depth+1) || !fb.keyValues(f, 6) {
			return false
		}
		if dict, ok := fb.tableField(f, 4); ok { // DictionaryEncoding: id, indexType
			if !fb.optTable(dict, 1) {
				return false
			}
		} else if !fb.optTable(f, 4) {
			return false
		}
		if p, ok := fb.field(f, 2); ok && fb[p] == 14 { // Type.Union
			if typ, ok := fb.tableField(f, 3); ok {
				if _, _, ok := fb.vector(typ, 1, 4); !ok { // typeIds
					return false
				}
			}
		}
		return true
	})
}

// recordBatch checks a RecordBatch table (length, nodes, buffers,
// compression, variadicBufferCounts) against its body. The lengths of the
// batch and of its arrays are bounded by the data that can hold them, at
// least one bit a value: concatenating batches allocates by them.
func (fb flatbuf) recordBatch(t int, body []byte) bool {
	nstart, nnode, ok := fb.vector(t, 1, 16) // FieldNode structs
	if !ok {
		return false
	}
	start, nbuf, ok := fb.vector(t, 2, 16) // Buffer structs
	if !ok {
		return false
	}
	data := int64(len(body))
	if _, compressed := fb.field(t, 3); compressed {
		data += int64(nbuf) * maxUncompressed
	}
	maxLen := 8*data + 64
	if p, ok := fb.field(t, 0); ok {
		if p+8 > len(fb) {
			return false
		}
		if n := int64(binary.LittleEndian.Uint64(fb[p:])); n < 0 || n > maxLen {
			return false
		}
	}
	for k := 0; k < nnode; k++ {
		p := nstart + 16*k
		n := int64(binary.LittleEndian.Uint64(fb[p:]))
		nulls := int64(binary.LittleEndian.Uint64(fb[p+8:]))
		if n < 0 || n > maxLen || nulls < 0 || nulls > n {
			return false
		}
	}
	vstart, nvar, ok := fb.vector(t, 4, 8)
	if !ok {
		return false
	}
	for k := 0; k < nvar; k++ {
		if c := int64(binary.LittleEndian.Uint64(fb[vstart+8*k:])); c < 0 || c > int64(nbuf) {
			return false
		}
	}
	_, compressed := fb.field(t, 3)
	if compressed {
		if _, ok := fb.tableField(t, 3); !ok {
			return false
		}
	}
	for k := 0; k < nbuf; k++ {
		p := start + 16*k
		off := int64(binary.LittleEndian.Uint64(fb[p:]))
		n := int64(binary.LittleEndian.Uint64(fb[p+8:]))
		if off < 0 || n < 0 || off > int64(len(body)) || n > int64(len(body))-off {
			return false
		}
		// A compressed buffer starts with its uncompressed length, which
		// the decoder allocates.
		if compressed && n >= 8 {
			if u := int64(binary.LittleEndian.Uint64(body[off:])); u > maxUncompressed {
				return false
			}
		}
	}
	return true
}
