package xlsxio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/frame"
)

// Limits on the workbooks Read and ReadBook accept.
const (
	// MaxFileSize bounds the size of the .xlsx file itself.
	MaxFileSize = 64 << 20
	// MaxUnzipSize bounds the total unzipped size of the parts of the
	// workbook (excelize's UnzipSizeLimit): a zip bomb is an error.
	MaxUnzipSize = 256 << 20
	// maxXMLInMemory is excelize's UnzipXMLSizeLimit: a worksheet larger
	// than this is unzipped to a temporary file rather than to memory.
	maxXMLInMemory = 16 << 20
	// maxErrors bounds the cell errors reported for one workbook.
	maxErrors = 50
)

// CellError is a cell of a workbook that could not be read.
type CellError struct {
	Sheet string // sheet name
	Cell  string // cell reference, such as "C5"
	Text  string // the cell's text, if any
	Err   error
}

// Error reads "'Phụ lục 2'!C5: "l42": not a number": the position as a
// reference in Excel's own form (see Ref), as loaders/xlsxinput writes it.
func (e *CellError) Error() string {
	var b strings.Builder
	b.WriteString(Ref(e.Sheet, e.Cell))
	if e.Text != "" {
		fmt.Fprintf(&b, ": %q", e.Text)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *CellError) Unwrap() error { return e.Err }

// Position returns the sheet and cell of the error.
func (e *CellError) Position() frame.Position { return frame.SheetPosition("", e.Sheet, e.Cell) }

// Read reads the first data sheet of a workbook (see ReadBook) into a
// Frame built with o.Allocator; the other options are Write's.
func Read(r io.Reader, o Options) (*frame.Frame, error) {
	sheets, err := readBook(r, o.Allocator, true, defaultLimits)
	if err != nil {
		return nil, err
	}
	return sheets[0].Frame, nil
}

// ReadBook reads every data sheet of a workbook, in order, into Frames
// built with o.Allocator; the caller releases them.
//
// With a metadata sheet (as Write makes), the data sheets are those it
// lists, their header rows must name the columns it lists, and each column
// is read as its kind with its field metadata and the sheet's schema
// metadata: what Write wrote comes back equal. Rows or cells added by hand
// are read too; a cell that does not fit its column's kind, or a value
// outside the table, is a *CellError (all of them are returned, joined, up
// to 50). In a string column an empty text cell is "" and a missing cell is
// null; in other columns both are null. Rows that end the sheet with no
// cell at all (a Frame's trailing all-null rows) are null rows, up to the
// number of rows the metadata sheet gives. Text is NFC-normalised.
//
// Without a metadata sheet, every sheet is a data sheet whose first row
// holds the column names (an empty one is named by its column letter, such
// as "D"); numbers, booleans (TRUE/FALSE cells), dates (cells with a date
// format) and text are turned into text and the kinds inferred as
// frame.ReadCSV does, with text trimmed.
//
// The file may be at most MaxFileSize bytes and unzip to at most
// MaxUnzipSize bytes. A malformed workbook is an error, never a panic.
func ReadBook(r io.Reader, o Options) ([]Sheet, error) {
	return readBook(r, o.Allocator, false, defaultLimits)
}

// limits are the sizes readBook accepts (tests make them small).
type limits struct {
	file, unzip, xmlInMemory int64
}

var defaultLimits = limits{file: MaxFileSize, unzip: MaxUnzipSize, xmlInMemory: maxXMLInMemory}

func readBook(r io.Reader, mem memory.Allocator, firstOnly bool, lim limits) (sheets []Sheet, err error) {
	if mem == nil {
		mem = memory.DefaultAllocator
	}
	data, err := io.ReadAll(io.LimitReader(r, lim.file+1))
	if err != nil {
		return nil, fmt.Errorf("xlsxio: %w", err)
	}
	if int64(len(data)) > lim.file {
		return nil, fmt.Errorf("xlsxio: workbook larger than %d bytes", lim.file)
	}
	defer func() {
		// excelize trusts a workbook's XML more than it should: a
		// malformed file must not bring the program down.
		if p := recover(); p != nil {
			for _, s := range sheets {
				s.Frame.Release()
			}
			sheets, err = nil, fmt.Errorf("xlsxio: malformed workbook: %v", p)
		}
	}()
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    lim.unzip,
		UnzipXMLSizeLimit: min(lim.xmlInMemory, lim.unzip),
	})
	if err != nil {
		return nil, fmt.Errorf("xlsxio: %w", err)
	}
	defer x.Close()
	br := &bookReader{x: x, mem: mem, dateStyles: map[int]bool{}}
	if props, err := x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		br.date1904 = *props.Date1904
	}
	list := x.GetSheetList()
	hasMeta := false
	for _, s := range list {
		if s == MetadataSheet {
			hasMeta = true
		}
	}
	defer func() {
		if err != nil {
			for _, s := range sheets {
				s.Frame.Release()
			}
			sheets = nil
		}
	}()
	if hasMeta {
		metas, err := br.readMetadata(list)
		if err != nil {
			return nil, err
		}
		for _, m := range metas {
			f, err := br.readTyped(m)
			if err != nil {
				return sheets, err
			}
			sheets = append(sheets, Sheet{Name: m.name, Frame: f})
			if firstOnly {
				break
			}
		}
	} else {
		for _, name := range list {
			f, err := br.readInferred(name)
			if err != nil {
				return sheets, err
			}
			sheets = append(sheets, Sheet{Name: name, Frame: f})
			if firstOnly {
				break
			}
		}
	}
	if len(sheets) == 0 {
		return nil, errors.New("xlsxio: the workbook has no data sheet")
	}
	return sheets, nil
}

type bookReader struct {
	x          *excelize.File
	mem        memory.Allocator
	date1904   bool
	dateStyles map[int]bool // style id -> has a date number format
	errs       []error
}

// fail records a cell error; it reports whether there is room for more.
func (br *bookReader) fail(sheet, cell, text string, err error) bool {
	if len(br.errs) < maxErrors {
		br.errs = append(br.errs, &CellError{Sheet: sheet, Cell: cell, Text: text, Err: err})
		return true
	}
	if len(br.errs) == maxErrors {
		br.errs = append(br.errs, fmt.Errorf("xlsxio: more than %d errors, the rest not reported", maxErrors))
	}
	return false
}

func (br *bookReader) failed() error {
	if len(br.errs) == 0 {
		return nil
	}
	return errors.Join(br.errs...)
}

// exists reports whether the cell is in the sheet, even with an empty
// value: it tells an empty text from a missing cell.
func (br *bookReader) exists(sheet, cell string) bool {
	t, err := br.x.GetCellType(sheet, cell)
	return err == nil && t != excelize.CellTypeUnset
}

// sheetMeta is what the metadata sheet says about a data sheet.
type sheetMeta struct {
	name             string
	rows, headerRows int
	cols             int
	metaKeys         []string
	metaVals         []string
	fields           []arrow.Field
	kinds            []frame.Kind
}

// readMetadata parses the metadata sheet written by writeMetadata.
func (br *bookReader) readMetadata(list []string) ([]*sheetMeta, error) {
	rows, err := br.x.GetRows(MetadataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("xlsxio: metadata sheet: %w", err)
	}
	mr := &metadataReader{br: br, inBook: map[string]bool{}, byName: map[string]*sheetMeta{}}
	for _, s := range list {
		mr.inBook[s] = true
	}
	section := ""
	for r, row := range rows {
		for i := range row {
			row[i] = norm.NFC.String(row[i])
		}
		switch {
		case hasPrefix(row, sheetsHeader):
			section = "sheets"
			continue
		case hasPrefix(row, schemaHeader):
			section = "schema"
			continue
		case hasPrefix(row, columnsHeader):
			section = "columns"
			mr.columnsHeaderRow(r, row)
			continue
		case blank(row):
			section = ""
			continue
		case section == "":
			continue // a title
		}
		name := valueAt(row, 0)
		m := mr.byName[name]
		if section != "sheets" && m == nil {
			br.fail(MetadataSheet, cellName(1, r+1), name, errors.New("sheet not listed in the sheets table"))
			continue
		}
		switch section {
		case "sheets":
			mr.sheetsRow(r, row, m)
		case "schema":
			mr.schemaRow(r, row, m)
		case "columns":
			mr.columnsRow(r, row, m)
		}
	}
	mr.checkColumns()
	if err := br.failed(); err != nil {
		return nil, err
	}
	if len(mr.metas) == 0 {
		return nil, errors.New("xlsxio: the metadata sheet lists no data sheet")
	}
	return mr.metas, nil
}

// metadataReader is readMetadata at work: the data sheets the sheets table
// has listed so far, and the keys the columns table has beyond label_vi
// and unit. Problems go to br.fail, named by their cell of the metadata
// sheet (row r of rows is row r+1 of the sheet).
type metadataReader struct {
	br     *bookReader
	inBook map[string]bool // the sheets of the workbook
	metas  []*sheetMeta    // in the order the sheets table lists them
	byName map[string]*sheetMeta
	extras []string
}

// valueAt returns the value of column i of a row, "" past its end.
func valueAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// columnsHeaderRow reads the header of the columns table: the metadata
// keys after columnsHeader, each a column of its own, none empty.
func (mr *metadataReader) columnsHeaderRow(r int, row []string) {
	mr.extras = row[len(columnsHeader):]
	for k, e := range mr.extras {
		if e == "" {
			mr.br.fail(MetadataSheet, cellName(len(columnsHeader)+k+1, r+1), "", errors.New("empty metadata key in the header of the columns table"))
		}
	}
}

// sheetsRow reads a row of the sheets table: a data sheet of the
// workbook, listed once (m is the sheet of that name listed before), with
// its numbers of rows, columns and header rows.
func (mr *metadataReader) sheetsRow(r int, row []string, m *sheetMeta) {
	name := valueAt(row, 0)
	if m != nil {
		mr.br.fail(MetadataSheet, cellName(1, r+1), name, errors.New("sheet listed twice"))
		return
	}
	if !mr.inBook[name] || name == MetadataSheet {
		mr.br.fail(MetadataSheet, cellName(1, r+1), name, errors.New("no such data sheet in the workbook"))
		return
	}
	m = &sheetMeta{name: name}
	for k, p := range []*int{&m.rows, &m.cols, &m.headerRows} {
		v, err := strconv.Atoi(valueAt(row, k+1))
		if err != nil || v < 0 || v > maxRows || (k == 2 && v < 1) {
			mr.br.fail(MetadataSheet, cellName(k+2, r+1), valueAt(row, k+1), fmt.Errorf("expected the number of %s", sheetsHeader[k+1]))
		}
		*p = v
	}
	mr.metas = append(mr.metas, m)
	mr.byName[name] = m
}

// schemaRow reads a row of the schema table: a key of sheet m's schema
// metadata, not empty, and its value.
func (mr *metadataReader) schemaRow(r int, row []string, m *sheetMeta) {
	if valueAt(row, 1) == "" {
		mr.br.fail(MetadataSheet, cellName(2, r+1), "", errors.New("empty metadata key"))
		return
	}
	m.metaKeys = append(m.metaKeys, valueAt(row, 1))
	m.metaVals = append(m.metaVals, valueAt(row, 2))
}

// columnsRow reads a row of the columns table: a column of sheet m, its
// kind, and its field metadata (a key whose cell is absent is not set; an
// empty cell is an empty value).
func (mr *metadataReader) columnsRow(r int, row []string, m *sheetMeta) {
	kind, err := frame.ParseKind(valueAt(row, 2))
	if err != nil {
		mr.br.fail(MetadataSheet, cellName(3, r+1), valueAt(row, 2), err)
		return
	}
	var keys, vals []string
	for k, key := range append([]string{frame.MetaLabelVI, frame.MetaUnit}, mr.extras...) {
		v := valueAt(row, 3+k)
		if v != "" || mr.br.exists(MetadataSheet, cellName(4+k, r+1)) {
			keys, vals = append(keys, key), append(vals, v)
		}
	}
	if len(row) > 3+2+len(mr.extras) {
		mr.br.fail(MetadataSheet, cellName(len(row), r+1), row[len(row)-1], errors.New("value outside the columns table"))
	}
	// The type is the kind's, set when the sheet is read.
	fl := arrow.Field{Name: valueAt(row, 1), Nullable: true}
	if len(keys) > 0 {
		fl.Metadata = arrow.NewMetadata(keys, vals)
	}
	m.fields = append(m.fields, fl)
	m.kinds = append(m.kinds, kind)
}

// checkColumns checks that the columns table lists as many columns of
// each sheet as the sheets table says, none twice.
func (mr *metadataReader) checkColumns() {
	for _, m := range mr.metas {
		if len(m.fields) != m.cols {
			mr.br.fail(MetadataSheet, "", m.name, fmt.Errorf("the sheets table says %d columns, the columns table lists %d", m.cols, len(m.fields)))
		}
		seen := map[string]bool{}
		for _, fl := range m.fields {
			if seen[fl.Name] {
				mr.br.fail(MetadataSheet, "", m.name, fmt.Errorf("column %q listed twice", fl.Name))
			}
			seen[fl.Name] = true
		}
	}
}

// namesRow reports whether a row holds the names of the fields, in order.
func namesRow(row []string, fields []arrow.Field) bool {
	if len(row) < len(fields) {
		return false
	}
	for j, fl := range fields {
		if norm.NFC.String(row[j]) != fl.Name {
			return false
		}
	}
	return true
}

func hasPrefix(row, header []string) bool {
	if len(row) < len(header) {
		return false
	}
	for i, h := range header {
		if strings.TrimSpace(row[i]) != h {
			return false
		}
	}
	return true
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// readTyped reads a data sheet described by the metadata sheet.
func (br *bookReader) readTyped(m *sheetMeta) (*frame.Frame, error) {
	sheet := m.name
	rows, err := br.x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("xlsxio: sheet %q: %w", sheet, err)
	}
	// The names are in the first row, or in the last header row under a
	// row of labels (a Readable workbook).
	var header []string
	if len(rows) > 0 {
		header = rows[0]
	}
	if m.headerRows > 1 && len(rows) >= m.headerRows && !namesRow(header, m.fields) && namesRow(rows[m.headerRows-1], m.fields) {
		header = rows[m.headerRows-1]
	}
	for j, fl := range m.fields {
		h := ""
		if j < len(header) {
			h = norm.NFC.String(header[j])
		}
		if h != fl.Name {
			br.fail(sheet, cellName(j+1, 1), h, fmt.Errorf("expected the column name %q (from the metadata sheet)", fl.Name))
		}
	}
	for j := len(m.fields); j < len(header); j++ {
		if header[j] != "" {
			br.fail(sheet, cellName(j+1, 1), header[j], fmt.Errorf("header outside the %d columns of the metadata sheet", len(m.fields)))
		}
	}
	if err := br.failed(); err != nil {
		return nil, err
	}
	var data [][]string
	if len(rows) > m.headerRows {
		data = rows[m.headerRows:]
	}
	n := max(m.rows, len(data))
	specs := make([]frame.FieldSpec, len(m.fields))
	for j, fl := range m.fields {
		specs[j] = frame.FieldSpec{Name: fl.Name, Kind: m.kinds[j]}
	}
	b := frame.NewBuilder(nil, specs, frame.WithAllocator(br.mem))
	defer b.Release()
	for i := 0; i < n; i++ {
		var row []string
		if i < len(data) {
			row = data[i]
		}
		excelRow := m.headerRows + 1 + i
		for j, kind := range m.kinds {
			text := ""
			if j < len(row) {
				text = row[j]
			}
			if text == "" {
				if kind == frame.String && br.exists(sheet, cellName(j+1, excelRow)) {
					b.AppendString(j, "")
				} else {
					b.AppendNull(j)
				}
				continue
			}
			if err := br.appendCell(b, j, kind, text); err != nil {
				br.fail(sheet, cellName(j+1, excelRow), text, err)
				b.AppendNull(j)
			}
		}
		for j := len(m.kinds); j < len(row); j++ {
			if row[j] != "" {
				br.fail(sheet, cellName(j+1, excelRow), row[j], fmt.Errorf("value outside the %d columns of the table", len(m.kinds)))
			}
		}
	}
	if err := br.failed(); err != nil {
		return nil, err
	}
	plain, err := b.Frame()
	if err != nil {
		return nil, fmt.Errorf("xlsxio: sheet %q: %w", sheet, err)
	}
	defer plain.Release()
	cols := make([]arrow.Array, plain.NumCols())
	fields := make([]arrow.Field, len(m.fields))
	for j := range cols {
		cols[j] = plain.ColumnAt(j).Array()
		fields[j] = m.fields[j]
		fields[j].Type = cols[j].DataType()
	}
	var md *arrow.Metadata
	if len(m.metaKeys) > 0 {
		x := arrow.NewMetadata(m.metaKeys, m.metaVals)
		md = &x
	}
	f, err := frame.FromArrays(arrow.NewSchema(fields, md), cols, frame.WithAllocator(br.mem))
	if err != nil {
		return nil, fmt.Errorf("xlsxio: sheet %q: %w", sheet, err)
	}
	return f, nil
}

var (
	errNotInt   = errors.New("expected an integer")
	errNotFloat = errors.New("expected a number")
	errNotBool  = errors.New("expected TRUE or FALSE")
	errNotDate  = errors.New("expected a date (a date cell or text 2006-01-02)")
)

// appendCell appends the raw text of a non-empty cell to column j of kind.
func (br *bookReader) appendCell(b *frame.Builder, j int, kind frame.Kind, text string) error {
	switch kind {
	case frame.String:
		b.AppendString(j, norm.NFC.String(text))
	case frame.Int64:
		v, err := parseInt(text)
		if err != nil {
			return err
		}
		b.AppendInt64(j, v)
	case frame.Float64:
		v, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return errNotFloat
		}
		b.AppendFloat64(j, v)
	case frame.Bool:
		switch strings.ToLower(text) {
		case "1", "true":
			b.AppendBool(j, true)
		case "0", "false":
			b.AppendBool(j, false)
		default:
			return errNotBool
		}
	case frame.Date:
		day, err := br.parseDate(text)
		if err != nil {
			return err
		}
		b.AppendDate(j, dayTime(day))
	}
	return nil
}

// parseInt reads an integer, also written as a whole float ("1201.0",
// "1.201E3").
func parseInt(s string) (int64, error) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) >= 1<<63 {
		return 0, errNotInt
	}
	return int64(f), nil
}

// parseDate reads a day (counted from 1970-01-01) from an Excel serial
// (the time of day is dropped), an ISO date 2006-01-02 or an ISO date-time
// cell.
func (br *bookReader) parseDate(s string) (int64, error) {
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		return dayOfSerial(serial, br.date1904)
	}
	if len(s) > 10 && s[10] == 'T' {
		s = s[:10]
	}
	return parseISODate(s)
}

// parseISODate reads a date in the form Go gives it, 2006-01-02, which
// has more digits (or a sign) for years outside 0000 to 9999.
func parseISODate(s string) (int64, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Unix() / 86400, nil
	}
	i := strings.LastIndexByte(s, '-')
	if i < 6 {
		return 0, errNotDate
	}
	j := strings.LastIndexByte(s[:i], '-')
	if j < 4 {
		return 0, errNotDate
	}
	y, err1 := strconv.Atoi(s[:j])
	m, err2 := strconv.Atoi(s[j+1 : i])
	d, err3 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, errNotDate
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Format(time.DateOnly) != s {
		return 0, errNotDate
	}
	return t.Unix() / 86400, nil
}

// dayOfSerial converts an Excel date serial to a day counted from
// 1970-01-01. In the 1900 system serials 1 to 59 are 1900-01-01 to
// 1900-02-28 and 60 is Excel's phantom 29 February 1900.
func dayOfSerial(serial float64, date1904 bool) (int64, error) {
	d := math.Floor(serial)
	if math.IsNaN(d) || d < 0 || d > lastSerial {
		return 0, errNotDate
	}
	if date1904 {
		return int64(d) - unixSerial1904, nil
	}
	switch {
	case d < 1:
		return 0, fmt.Errorf("%w: serial 0 is not a day", errNotDate)
	case d == 60:
		return 0, fmt.Errorf("%w: serial 60 is Excel's 29 February 1900, which did not exist", errNotDate)
	case d < 60:
		return int64(d) - unixSerial1900 + 1, nil
	}
	return int64(d) - unixSerial1900, nil
}

func dayTime(day int64) time.Time { return time.Unix(day*86400, 0).UTC() }

// readInferred reads a sheet without metadata: the first row names the
// columns, the cells become text and frame.ReadCSV infers the kinds, so
// that a workbook and a CSV file of the same table give the same Frame.
func (br *bookReader) readInferred(sheet string) (*frame.Frame, error) {
	rows, err := br.x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("xlsxio: sheet %q: %w", sheet, err)
	}
	if len(rows) == 0 {
		b := frame.NewBuilder(nil, nil, frame.WithAllocator(br.mem))
		defer b.Release()
		return b.Frame()
	}
	header := append([]string(nil), rows[0]...)
	rows = rows[1:]
	for j := range header {
		if strings.TrimSpace(header[j]) == "" {
			header[j] = colName(j + 1)
		}
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.Write(header); err != nil {
		return nil, fmt.Errorf("xlsxio: %w", err)
	}
	rec := make([]string, len(header))
	for i, row := range rows {
		clear(rec)
		for j, text := range row {
			if text == "" {
				continue
			}
			cell := cellName(j+1, i+2)
			if j >= len(header) {
				br.fail(sheet, cell, text, fmt.Errorf("value in a column without a header (the header row has %d columns)", len(header)))
				continue
			}
			rec[j] = br.cellText(sheet, cell, text)
		}
		if err := cw.Write(rec); err != nil {
			return nil, fmt.Errorf("xlsxio: %w", err)
		}
	}
	cw.Flush()
	if err := br.failed(); err != nil {
		return nil, err
	}
	f, err := frame.ReadCSV(&buf, frame.CSVOptions{Allocator: br.mem})
	if err != nil {
		return nil, fmt.Errorf("xlsxio: sheet %q: %w", sheet, err)
	}
	return f, nil
}

// cellText is the text form (as in CSV) of a cell of raw value text: a
// boolean cell is true or false, a number with a date format 2006-01-02,
// a date-time cell its date.
func (br *bookReader) cellText(sheet, cell, text string) string {
	if _, err := strconv.ParseFloat(text, 64); err == nil {
		t, err := br.x.GetCellType(sheet, cell)
		if err != nil {
			return text
		}
		switch t {
		case excelize.CellTypeBool:
			if text == "1" {
				return "true"
			}
			return "false"
		case excelize.CellTypeNumber, excelize.CellTypeUnset:
			if br.isDateStyled(sheet, cell) {
				if day, err := br.parseDate(text); err == nil {
					return dayTime(day).Format(time.DateOnly)
				}
			}
		}
		return text
	}
	if len(text) > 10 && text[4] == '-' && text[10] == 'T' {
		if t, err := br.x.GetCellType(sheet, cell); err == nil && t == excelize.CellTypeDate {
			return text[:10]
		}
	}
	return text
}

// isDateStyled reports whether the cell has a date number format.
func (br *bookReader) isDateStyled(sheet, cell string) bool {
	id, err := br.x.GetCellStyle(sheet, cell)
	if err != nil || id == 0 {
		return false
	}
	if d, ok := br.dateStyles[id]; ok {
		return d
	}
	d := false
	if st, err := br.x.GetStyle(id); err == nil {
		code := ""
		if st.CustomNumFmt != nil {
			code = *st.CustomNumFmt
		}
		d = formatKind(st.NumFmt, code, st.CustomNumFmt != nil) == dateStyle
	}
	br.dateStyles[id] = d
	return d
}
