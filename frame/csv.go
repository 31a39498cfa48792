package frame

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/text/unicode/norm"
)

// WriteCSV writes f as CSV: a header of column names, then one record a row;
// numbers in plain Go form ('.' decimal, no grouping), dates 2006-01-02,
// null as an empty field, UTF-8 without BOM. CSV has no place for metadata:
// use IPC, Parquet or JSON to keep labels and provenance.
func (f *Frame) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(f.Names()); err != nil {
		return err
	}
	rec := make([]string, len(f.cols))
	cols := make([]Column, len(f.cols))
	for j := range cols {
		cols[j] = f.ColumnAt(j)
	}
	for i := 0; i < f.nrows; i++ {
		for j, c := range cols {
			rec[j] = c.plain(i)
		}
		if len(rec) == 1 && rec[0] == "" {
			// encoding/csv writes a lone empty field as an empty line,
			// which readers skip: the null row would be lost.
			cw.Flush()
			if _, err := io.WriteString(w, "\"\"\n"); err != nil {
				return err
			}
			continue
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVOptions control ReadCSV.
type CSVOptions struct {
	// Fields, if set, fixes the columns: the header must name them (in any
	// order; extra header columns are an error) and values are parsed as
	// their kinds. Otherwise each column's kind is inferred: int64 if every
	// non-empty value is an integer, else float64 if every one is a number,
	// else bool (true/false), else date (2006-01-02), else string.
	Fields []FieldSpec
	// Meta is set as the schema metadata of the result.
	Meta map[string]string
	// Comma is the field delimiter (default ',').
	Comma rune
	// Allocator for the result (nil: memory.DefaultAllocator).
	Allocator memory.Allocator
	// MaxRows bounds the number of data rows (0: 10 million).
	MaxRows int
	// File names the input in errors ("plan.csv:3: ..."); "" leaves it out.
	File string
}

// CSVError is a problem at a position of a CSV input. It reads
// "plan.csv:3: column "staff": "l42": not a number", as the loaders'
// errors do ("file:line: ...").
type CSVError struct {
	File   string // the input's name (CSVOptions.File), if given
	Line   int    // 1-based line of the record
	Column string // column name, if known
	Text   string // the offending field
	Err    error
}

func (e *CSVError) Error() string {
	var b strings.Builder
	if e.File != "" {
		fmt.Fprintf(&b, "%s:%d:", e.File, e.Line)
	} else {
		fmt.Fprintf(&b, "line %d:", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, " column %q", e.Column)
	}
	if e.Text != "" {
		if e.Column != "" {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, " %q", e.Text)
	}
	if e.Column != "" || e.Text != "" {
		b.WriteByte(':')
	}
	fmt.Fprintf(&b, " %v", e.Err)
	return b.String()
}

func (e *CSVError) Unwrap() error { return e.Err }

// ReadCSV reads a CSV table with a header row. Empty fields are null. A BOM,
// CRLF line ends and no-break spaces around values are tolerated; text is
// NFC-normalised. An empty header names column i (1-based) "column_i"; a
// name twice is an error. Errors name the line and column; all the value
// errors are returned, joined, in line order.
func ReadCSV(r io.Reader, o CSVOptions) (*Frame, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	if o.Comma != 0 {
		cr.Comma = o.Comma
	}
	// Field counts are checked below, so that a ragged row is reported
	// with the others rather than stopping the read.
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &CSVError{File: o.File, Line: 1, Err: errors.New("empty input: expected a header row")}
	}
	if err != nil {
		return nil, err
	}
	seenHeader := map[string]bool{}
	for i := range header {
		header[i] = cleanField(header[i])
		if header[i] == "" {
			// as pandas writes for an unnamed index column
			header[i] = fmt.Sprintf("column_%d", i+1)
		}
		if seenHeader[header[i]] {
			return nil, &CSVError{File: o.File, Line: 1, Column: header[i], Err: errors.New("column named twice in the header")}
		}
		seenHeader[header[i]] = true
	}
	maxRows := o.MaxRows
	if maxRows <= 0 {
		maxRows = 10_000_000
	}
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(records) >= maxRows {
			return nil, &CSVError{File: o.File, Line: line, Err: fmt.Errorf("more than %d rows", maxRows)}
		}
		for i := range rec {
			rec[i] = cleanField(rec[i])
		}
		records = append(records, rec)
		lines = append(lines, line)
	}
	specs := make([]FieldSpec, len(header))
	order := make([]int, len(header)) // spec index -> header index
	if o.Fields != nil {
		pos := map[string]int{}
		for i, h := range header {
			pos[h] = i
		}
		if len(header) != len(o.Fields) {
			return nil, &CSVError{File: o.File, Line: 1, Err: fmt.Errorf("header has %d columns, expected %d (%s)", len(header), len(o.Fields), specNames(o.Fields))}
		}
		for k, s := range o.Fields {
			i, ok := pos[s.Name]
			if !ok {
				return nil, &CSVError{File: o.File, Line: 1, Column: s.Name, Err: fmt.Errorf("column missing from header %v", header)}
			}
			specs[k], order[k] = s, i
		}
	} else {
		for i, h := range header {
			specs[i] = FieldSpec{Name: h, Kind: inferKind(records, i)}
			order[i] = i
		}
	}
	b := NewBuilder(o.Allocator, o.Meta, specs...)
	defer b.Release()
	var errs []error
	for r, rec := range records {
		for k, s := range specs {
			i := order[k]
			v := ""
			if i < len(rec) {
				v = rec[i]
			}
			if err := appendText(b, k, s.Kind, v); err != nil {
				errs = append(errs, &CSVError{File: o.File, Line: lines[r], Column: s.Name, Text: v, Err: err})
				b.AppendNull(k)
			}
		}
		if len(rec) != len(header) {
			errs = append(errs, &CSVError{File: o.File, Line: lines[r], Err: fmt.Errorf("%d fields, header has %d", len(rec), len(header))})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return b.Frame()
}

func specNames(s []FieldSpec) string {
	n := make([]string, len(s))
	for i := range s {
		n[i] = s[i].Name
	}
	return strings.Join(n, ", ")
}

func cleanField(s string) string {
	return norm.NFC.String(strings.Trim(s, " \t\u00a0\r\n"))
}

func inferKind(records [][]string, i int) Kind {
	kinds := []Kind{Int64, Float64, Bool, Date}
	ok := map[Kind]bool{Int64: true, Float64: true, Bool: true, Date: true}
	any := false
	for _, rec := range records {
		if i >= len(rec) || rec[i] == "" {
			continue
		}
		any = true
		v := rec[i]
		for _, k := range kinds {
			if ok[k] && parseText(k, v) != nil {
				ok[k] = false
			}
		}
	}
	if !any {
		return String
	}
	for _, k := range kinds {
		if ok[k] {
			return k
		}
	}
	return String
}

var (
	errNotInt   = errors.New("expected an integer")
	errNotFloat = errors.New("expected a number")
	errNotBool  = errors.New("expected true or false")
	errNotDate  = errors.New("expected a date 2006-01-02")
)

func parseText(k Kind, v string) error {
	var err error
	switch k {
	case Int64:
		if _, e := strconv.ParseInt(v, 10, 64); e != nil {
			err = errNotInt
		}
	case Float64:
		// NaN and Inf are words here ("Nan" may be a name), not numbers.
		if x, e := strconv.ParseFloat(v, 64); e != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			err = errNotFloat
		}
	case Bool:
		if v != "true" && v != "false" {
			err = errNotBool
		}
	case Date:
		if _, e := time.Parse(time.DateOnly, v); e != nil {
			err = errNotDate
		}
	}
	return err
}

// appendText appends the plain-text form v (empty: null) to column k.
func appendText(b *Builder, k int, kind Kind, v string) error {
	if v == "" {
		b.AppendNull(k)
		return nil
	}
	if err := parseText(kind, v); err != nil {
		return err
	}
	switch kind {
	case String:
		b.AppendString(k, v)
	case Int64:
		x, _ := strconv.ParseInt(v, 10, 64)
		b.AppendInt64(k, x)
	case Float64:
		x, _ := strconv.ParseFloat(v, 64)
		b.AppendFloat64(k, x)
	case Bool:
		b.AppendBool(k, v == "true")
	case Date:
		t, _ := time.Parse(time.DateOnly, v)
		b.AppendDate(k, t)
	}
	return nil
}
