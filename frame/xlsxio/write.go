package xlsxio

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/vntext"
)

// MetadataSheet is the name of the sheet that describes the data sheets.
const MetadataSheet = "metadata"

// ContentsSheet is the name of the contents sheet of a Readable workbook.
const ContentsSheet = "Mục lục"

// Excel's limits.
const (
	maxRows      = 1 << 20 // rows in a sheet, header included
	maxCols      = 1 << 14 // columns in a sheet
	maxCellChars = 32767   // UTF-16 code units in a cell
)

// Options control Write and WriteBook.
type Options struct {
	// SheetName names the data sheet Write makes (default: the Frame's
	// dataset id, else "data"). WriteBook takes the names from its Sheets.
	SheetName string
	// LabelRow adds a second header row with each column's Vietnamese
	// label and unit, such as "Số cán bộ (people)", for readers who do not
	// know the column names.
	LabelRow bool
	// NoMetadata leaves out the metadata sheet. Read then infers the kinds
	// and the Frame comes back without labels, units or provenance.
	NoMetadata bool
	// Readable makes a workbook for officials to read and print: a
	// contents sheet first ("Mục lục": each sheet with its title, dataset
	// id and rows, linked); on each data sheet a header row of the
	// Vietnamese labels with their units in words ("Tổng số cán bộ
	// (người)") above the row of column names (kept so that Read reads
	// the workbook back exactly), grouped integers, money and other
	// figures with the decimals their values have, ratios as percentages,
	// widths from the content, the header frozen, and A4 landscape pages
	// one page wide with the header rows repeated on each. The values are
	// the same: only their display changes. It implies LabelRow.
	Readable bool
	// Allocator builds the Frames Read and ReadBook return (nil:
	// memory.DefaultAllocator). Write uses the Frame's own.
	Allocator memory.Allocator
}

// Sheet is one data sheet of a workbook.
type Sheet struct {
	// Name is the sheet name. WriteBook makes it valid for Excel: the
	// characters []:*?/\ become '_', it is cut to 31 characters, and a name
	// already taken (case ignored, "metadata" included) gets a suffix
	// " (2)". An empty name becomes the dataset id or "Sheet1", "Sheet2"...
	Name  string
	Frame *frame.Frame
	// Title is the sheet's title on the contents sheet of a Readable
	// workbook (default: the Frame's title metadata).
	Title string
}

// Write writes f as a workbook with one data sheet and, unless
// o.NoMetadata, the metadata sheet (see the package documentation).
func Write(w io.Writer, f *frame.Frame, o Options) error {
	name := o.SheetName
	if name == "" {
		name = f.Meta(frame.MetaDataset)
	}
	if name == "" {
		name = "data"
	}
	return WriteBook(w, []Sheet{{Name: name, Frame: f}}, o)
}

// WriteBook writes one data sheet per Sheet, in order, then the metadata
// sheet (unless o.NoMetadata), which lists them all. o.SheetName is not
// used. A Frame too large for Excel (more than 1 048 575 rows or 16 384
// columns) or a text longer than a cell holds (32 767 characters) is an
// error: nothing is cut silently.
func WriteBook(w io.Writer, sheets []Sheet, o Options) error {
	if len(sheets) == 0 {
		return errors.New("xlsxio: no sheets to write")
	}
	x := excelize.NewFile()
	defer x.Close()
	st, err := newStyles(x)
	if err != nil {
		return err
	}
	// "metadata" is reserved even without the metadata sheet: Read would
	// take a data sheet of that name for it.
	namer := newSheetNamer(MetadataSheet, ContentsSheet)
	placed := make([]placedSheet, len(sheets))
	for i, s := range sheets {
		if s.Frame == nil {
			return fmt.Errorf("xlsxio: sheet %d (%q) has no Frame", i+1, s.Name)
		}
		fallback := s.Frame.Meta(frame.MetaDataset)
		if fallback == "" {
			fallback = fmt.Sprintf("Sheet%d", i+1)
		}
		placed[i] = placedSheet{name: namer.name(s.Name, fallback), f: s.Frame, headerRows: 1, title: s.Title, readable: o.Readable}
		if o.LabelRow || o.Readable {
			placed[i].headerRows = 2
		}
	}
	// A new workbook has one sheet, "Sheet1": rename it to the first data
	// sheet, then add the others.
	first := x.GetSheetList()[0]
	contents := o.Readable && !o.NoMetadata
	if contents {
		// the contents sheet comes first: it takes the new workbook's sheet
		if err := x.SetSheetName(first, ContentsSheet); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	for i, p := range placed {
		if i == 0 && !contents {
			if err := x.SetSheetName(first, p.name); err != nil {
				return fmt.Errorf("xlsxio: sheet %q: %w", p.name, err)
			}
		} else if _, err := x.NewSheet(p.name); err != nil {
			return fmt.Errorf("xlsxio: sheet %q: %w", p.name, err)
		}
		if err := writeData(x, p, st); err != nil {
			return err
		}
	}
	if contents {
		if err := writeContents(x, placed, st); err != nil {
			return err
		}
	}
	if !o.NoMetadata {
		if _, err := x.NewSheet(MetadataSheet); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
		if err := writeMetadata(x, placed, st); err != nil {
			return err
		}
		if o.Readable {
			if err := readableMetadata(x, st); err != nil {
				return err
			}
		}
	}
	x.SetActiveSheet(0)
	if err := x.Write(w); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	return nil
}

type placedSheet struct {
	name       string
	f          *frame.Frame
	headerRows int
	title      string
	readable   bool
}

// styles are the cell styles of a workbook.
type styles struct {
	header, label, title int
	intGrouped, intPlain int
	date                 int
	labelHeader, names   int         // a Readable sheet's two header rows
	wrap                 int         // text that wraps in its cell
	percent              int         // a ratio as a percentage
	decimals             map[int]int // #,##0 with d decimals, by d
	link                 int         // a link on the contents sheet
	x                    *excelize.File
}

func newStyles(x *excelize.File) (*styles, error) {
	var st styles
	dateFmt := "yyyy-mm-dd"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Border:    []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
			Alignment: &excelize.Alignment{Vertical: "bottom"},
		}},
		{&st.label, excelize.Style{
			Font:      &excelize.Font{Italic: true, Color: "404040"},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&st.intGrouped, excelize.Style{NumFmt: 3}}, // #,##0
		{&st.intPlain, excelize.Style{NumFmt: 1}},   // 0
		{&st.date, excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.labelHeader, excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EEF3F7"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		}},
		{&st.names, excelize.Style{
			Font:   &excelize.Font{Size: 8, Color: "808080"},
			Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}},
		}},
		{&st.percent, excelize.Style{NumFmt: 10}}, // 0.00%
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.link, excelize.Style{Font: &excelize.Font{Color: "1F5F8B", Underline: "single"}}},
	} {
		id, err := x.NewStyle(&s.style)
		if err != nil {
			return nil, fmt.Errorf("xlsxio: %w", err)
		}
		*s.id = id
	}
	st.decimals, st.x = map[int]int{}, x
	return &st, nil
}

// decimalStyle is the style "#,##0" with d decimals (0 to 6).
func (st *styles) decimalStyle(d int) (int, error) {
	if id, ok := st.decimals[d]; ok {
		return id, nil
	}
	code := "#,##0"
	if d > 0 {
		code += "." + strings.Repeat("0", d)
	}
	id, err := st.x.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		return 0, fmt.Errorf("xlsxio: %w", err)
	}
	st.decimals[d] = id
	return id, nil
}

// plainUnits are integer units shown without thousands grouping, as in
// frame's text rendering.
var plainUnits = map[string]bool{"": true, "year": true, "line": true, "code": true}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// writeData fills the data sheet p.name with p.f.
func writeData(x *excelize.File, p placedSheet, st *styles) error {
	f, sheet := p.f, p.name
	if f.NumRows()+p.headerRows > maxRows {
		return fmt.Errorf("xlsxio: sheet %q: %d rows do not fit in an Excel sheet (at most %d)", sheet, f.NumRows(), maxRows-p.headerRows)
	}
	if f.NumCols() > maxCols {
		return fmt.Errorf("xlsxio: sheet %q: %d columns do not fit in an Excel sheet (at most %d)", sheet, f.NumCols(), maxCols)
	}
	var errs []error
	fail := func(col, row int, err error) {
		errs = append(errs, &CellError{Sheet: sheet, Cell: cellName(col, row), Err: err})
	}
	for j := 0; j < f.NumCols(); j++ {
		c := f.ColumnAt(j)
		col := j + 1
		if err := formatColumn(x, p, st, c, col); err != nil {
			return err
		}
		if err := writeHeader(x, p, c, col, fail); err != nil {
			return err
		}
		if err := writeColumn(x, sheet, c, col, p.headerRows+1, fail); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if f.NumCols() == 0 {
		return nil
	}
	return finishDataSheet(x, p, st)
}

// formatColumn sets the width of column col of sheet p, which holds c, and
// the style of its kind: integers grouped unless their unit is one of
// plainUnits, dates as dates, and, on a readable sheet, floats with the
// decimals their values have.
func formatColumn(x *excelize.File, p placedSheet, st *styles, c frame.Column, col int) error {
	sheet := p.name
	if err := x.SetColWidth(sheet, colName(col), colName(col), columnWidth(c, p.headerRows == 2, p.readable)); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	switch c.Kind() {
	case frame.Int64:
		style := st.intGrouped
		if plainUnits[c.Unit()] {
			style = st.intPlain
		}
		if err := x.SetColStyle(sheet, colName(col), style); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	case frame.Float64:
		if p.readable {
			style, err := floatStyle(st, c)
			if err != nil {
				return err
			}
			if err := x.SetColStyle(sheet, colName(col), style); err != nil {
				return fmt.Errorf("xlsxio: %w", err)
			}
		}
	case frame.Date:
		if err := x.SetColStyle(sheet, colName(col), st.date); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	return nil
}

// writeHeader writes the header cells of column col of sheet p, which
// holds c: its name, and with two header rows its label (the name's row
// first, or, on a readable sheet, the label's). A name that is no valid
// text goes to fail; excelize errors are returned.
func writeHeader(x *excelize.File, p placedSheet, c frame.Column, col int, fail func(col, row int, err error)) error {
	nameRow, labelRow := 1, 2
	if p.readable {
		nameRow, labelRow = 2, 1
	}
	if err := checkText(c.Name()); err != nil {
		fail(col, nameRow, err)
	} else if err := setText(x, p.name, cellName(col, nameRow), c.Name()); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	if p.headerRows == 2 {
		label := labelText(c.Spec())
		if p.readable {
			label = readableLabel(c.Spec())
		}
		if err := setText(x, p.name, cellName(col, labelRow), label); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	return nil
}

// finishDataSheet styles the header rows of the filled sheet p, freezes
// them, puts a filter on the columns and, on a readable sheet, sets up its
// pages.
func finishDataSheet(x *excelize.File, p placedSheet, st *styles) error {
	f, sheet := p.f, p.name
	last := colName(f.NumCols())
	if p.readable {
		if err := readableSheet(x, p, st); err != nil {
			return err
		}
	} else {
		if err := x.SetCellStyle(sheet, "A1", last+"1", st.header); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
		if p.headerRows == 2 {
			if err := x.SetCellStyle(sheet, "A2", last+"2", st.label); err != nil {
				return fmt.Errorf("xlsxio: %w", err)
			}
		}
	}
	top := cellName(1, p.headerRows+1)
	if err := x.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: p.headerRows, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("xlsxio: %w", err)
	}
	if f.NumRows() > 0 {
		ref := cellName(1, p.headerRows) + ":" + cellName(f.NumCols(), p.headerRows+f.NumRows())
		if err := x.AutoFilter(sheet, ref, nil); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	if p.readable {
		// A4 landscape, one page wide, the header rows on every page
		return pageSetup(x, sheet, "$1:$2")
	}
	return nil
}

// labelText is the text of a column's cell in the label row.
func labelText(s frame.FieldSpec) string {
	switch {
	case s.LabelVI != "" && s.Unit != "":
		return s.LabelVI + " (" + s.Unit + ")"
	case s.Unit != "":
		return "(" + s.Unit + ")"
	}
	return s.LabelVI
}

// writeColumn writes the values of c to column col from row first on.
// Null cells are left out. Data problems go to fail; excelize errors are
// returned.
func writeColumn(x *excelize.File, sheet string, c frame.Column, col, first int, fail func(col, row int, err error)) error {
	var err error
	for i := 0; i < c.Len() && err == nil; i++ {
		if c.IsNull(i) {
			continue
		}
		cell := cellName(col, first+i)
		switch a := c.Array().(type) {
		case *array.String:
			v := a.Value(i)
			if e := checkText(v); e != nil {
				fail(col, first+i, e)
				continue
			}
			err = setText(x, sheet, cell, v)
		case *array.Int64:
			err = x.SetCellInt(sheet, cell, a.Value(i))
		case *array.Float64:
			err = setFloat(x, sheet, cell, a.Value(i))
		case *array.Boolean:
			err = x.SetCellBool(sheet, cell, a.Value(i))
		case *array.Date32:
			if serial, ok := serialOf(int64(a.Value(i))); ok {
				err = x.SetCellInt(sheet, cell, serial)
			} else {
				// Excel has no serial for days before 1 March 1900 (its
				// 1900 leap-year bug) or after 9999: write the ISO text,
				// which Read accepts in a date column.
				err = x.SetCellStr(sheet, cell, a.Value(i).ToTime().Format(time.DateOnly))
			}
		}
	}
	if err != nil {
		return fmt.Errorf("xlsxio: sheet %q column %q: %w", sheet, c.Name(), err)
	}
	return nil
}

// setText writes s as a text cell.
func setText(x *excelize.File, sheet, cell, s string) error {
	return x.SetCellStr(sheet, cell, escapeText(s))
}

// setFloat writes v with all the digits it takes to read back the same
// float64 (excelize's own float formatting keeps only 15).
func setFloat(x *excelize.File, sheet, cell string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return x.SetCellStr(sheet, cell, strconv.FormatFloat(v, 'g', -1, 64))
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) > 24 {
		s = strconv.FormatFloat(v, 'E', -1, 64)
	}
	return x.SetCellDefault(sheet, cell, s)
}

// Excel's 1900 date system: serial 25569 is 1970-01-01 (Arrow's day 0),
// serial 61 is 1900-03-01, the first day after Excel's phantom 29 February
// 1900, and 2958465 is 9999-12-31, the last day Excel shows.
const (
	unixSerial1900 = 25569
	unixSerial1904 = 24107
	firstSerial    = 61
	lastSerial     = 2958465
)

// serialOf returns the Excel serial of a day counted from 1970-01-01, and
// whether Excel can show it as a date.
func serialOf(day int64) (int64, bool) {
	s := day + unixSerial1900
	return s, s >= firstSerial && s <= lastSerial
}

// columnWidth estimates a width (in characters) that shows the header and
// the values of the first rows of c, between 6 and 60 (a readable sheet's
// text columns at most 40: their cells wrap).
func columnWidth(c frame.Column, labelRow, readable bool) float64 {
	w := vntext.Width(c.Name()) + 2 // room for the filter button
	if readable {
		w = min(w, 14) // the names row is small
		w = max(w, min(vntext.Width(readableLabel(c.Spec()))/2+2, 24))
	}
	if labelRow && !readable {
		// the label row wraps: ask for a third of it, at most 24
		w = max(w, min(vntext.Width(labelText(c.Spec()))/3, 24))
	}
	n := min(c.Len(), 1000)
	for i := 0; i < n; i++ {
		if c.IsNull(i) {
			continue
		}
		var k int
		switch c.Kind() {
		case frame.String:
			k = vntext.Width(c.Value(i).(string))
		case frame.Int64:
			k = len(strconv.FormatInt(c.Value(i).(int64), 10))
			k += (k - 1) / 3 // separators
		case frame.Float64:
			k = min(len(strconv.FormatFloat(c.Value(i).(float64), 'f', -1, 64)), 12)
		case frame.Bool:
			k = 5
		case frame.Date:
			k = 10
		}
		w = max(w, k)
	}
	if readable && c.Kind() == frame.String {
		w = min(w, 40)
	}
	return float64(min(max(w+1, 6), 60))
}

// The headers of the three tables of the metadata sheet. Read finds the
// tables by these rows.
var (
	sheetsHeader  = []string{"sheet", "rows", "columns", "header_rows"}
	schemaHeader  = []string{"sheet", "key", "value"}
	columnsHeader = []string{"sheet", "column", "kind", frame.MetaLabelVI, frame.MetaUnit}
)

// writeMetadata fills the metadata sheet: a table of the data sheets, a
// table of their schema metadata and a table of their columns, each under a
// bold title and separated by an empty row. Every value is text except the
// counts; a metadata key present with an empty value is an empty text cell,
// a key absent is no cell.
func writeMetadata(x *excelize.File, placed []placedSheet, st *styles) error {
	mw := &metadataWriter{x: x, st: st, row: 1}
	mw.title("Sheets", sheetsHeader)
	for _, p := range placed {
		mw.set(1, p.name)
		mw.set(2, p.f.NumRows())
		mw.set(3, p.f.NumCols())
		mw.set(4, p.headerRows)
		mw.row++
	}
	mw.row++

	mw.title("Schema metadata (provenance)", schemaHeader)
	for _, p := range placed {
		mw.schemaRows(p)
	}
	mw.row++

	// Field metadata keys other than label_vi and unit get a column each.
	extras := extraFieldKeys(placed)
	mw.title("Columns", append(append([]string{}, columnsHeader...), extras...))
	for _, p := range placed {
		mw.columnsRows(p, extras)
	}
	if mw.err != nil {
		return fmt.Errorf("xlsxio: metadata sheet: %w", mw.err)
	}
	widths := []float64{24, 24, 40, 40, 14}
	for j, w := range widths {
		if err := x.SetColWidth(MetadataSheet, colName(j+1), colName(j+1), w); err != nil {
			return fmt.Errorf("xlsxio: %w", err)
		}
	}
	return nil
}

// metadataWriter is writeMetadata at work: the row it writes, and the
// first error, after which it writes nothing more.
type metadataWriter struct {
	x   *excelize.File
	st  *styles
	row int
	err error
}

// set writes v, a text or an int, in column col of the current row.
func (mw *metadataWriter) set(col int, v any) {
	if mw.err != nil {
		return
	}
	const sheet = MetadataSheet
	cell := cellName(col, mw.row)
	switch v := v.(type) {
	case string:
		if e := checkText(v); e != nil {
			mw.err = &CellError{Sheet: sheet, Cell: cell, Err: e}
			return
		}
		mw.err = setText(mw.x, sheet, cell, v)
	case int:
		mw.err = mw.x.SetCellInt(sheet, cell, int64(v))
	}
}

// title writes a table's bold title, and on the next row its header.
func (mw *metadataWriter) title(t string, header []string) {
	const sheet = MetadataSheet
	mw.set(1, t)
	if mw.err == nil {
		mw.err = mw.x.SetCellStyle(sheet, cellName(1, mw.row), cellName(1, mw.row), mw.st.title)
	}
	mw.row++
	for j, h := range header {
		mw.set(j+1, h)
	}
	if mw.err == nil {
		mw.err = mw.x.SetCellStyle(sheet, cellName(1, mw.row), cellName(len(header), mw.row), mw.st.header)
	}
	mw.row++
}

// schemaRows writes the rows of the schema table for sheet p: one per key
// of its schema metadata, sorted by key.
func (mw *metadataWriter) schemaRows(p placedSheet) {
	md := p.f.Schema().Metadata()
	keys, vals := md.Keys(), md.Values()
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	for _, i := range idx {
		mw.set(1, p.name)
		mw.set(2, keys[i])
		mw.set(3, vals[i])
		mw.row++
	}
}

// columnsRows writes the rows of the columns table for sheet p: one per
// column, with its kind, label, unit and the values of the keys extras
// (nothing for a key the column does not have).
func (mw *metadataWriter) columnsRows(p placedSheet, extras []string) {
	for j, fl := range p.f.Schema().Fields() {
		mw.set(1, p.name)
		mw.set(2, fl.Name)
		mw.set(3, p.f.ColumnAt(j).Kind().String())
		md := fl.Metadata
		for k, key := range append([]string{frame.MetaLabelVI, frame.MetaUnit}, extras...) {
			if v, ok := md.GetValue(key); ok {
				mw.set(4+k, v)
			}
		}
		mw.row++
	}
}

// extraFieldKeys returns the field metadata keys of the sheets' columns
// other than label_vi and unit, sorted.
func extraFieldKeys(placed []placedSheet) []string {
	extraSet := map[string]bool{}
	for _, p := range placed {
		for _, fl := range p.f.Schema().Fields() {
			for _, k := range fl.Metadata.Keys() {
				if k != frame.MetaLabelVI && k != frame.MetaUnit {
					extraSet[k] = true
				}
			}
		}
	}
	extras := make([]string, 0, len(extraSet))
	for k := range extraSet {
		extras = append(extras, k)
	}
	sort.Strings(extras)
	return extras
}
