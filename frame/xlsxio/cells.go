package xlsxio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Errors of ReadCells, for errors.Is.
var (
	// ErrMalformed: the file is not a workbook excelize can read.
	ErrMalformed = errors.New("not a readable .xlsx workbook")
	// ErrTooLarge: the file, its unzipped parts or the sheet's cells
	// exceed the limits.
	ErrTooLarge = errors.New("workbook too large")
	// ErrNoSheet: the workbook has no sheet of the name asked for (a
	// *NoSheetError says which sheets it has).
	ErrNoSheet = errors.New("no such sheet")
)

// MaxSheetCells bounds the cells ReadCells returns, and
// MaxSheetPositions the cell positions it looks at (the empty cells
// between and before the values of a row count too).
const (
	MaxSheetCells     = 1 << 20
	MaxSheetPositions = 1 << 22
)

// CellKind is what a worksheet cell holds.
type CellKind int

// The cell kinds.
const (
	// TextCell: a string typed in the cell (shared or inline), or the
	// text result of a formula. Value is the text as stored.
	TextCell CellKind = iota + 1
	// NumberCell: a number. Value is the number stored in the file in
	// its shortest form that reads back as the same float64, with a
	// decimal point and no thousands separators ("1234", "0.89308",
	// "-2.5"; a value Excel stored as 0.61268000000000002 is "0.61268").
	NumberCell
	// BoolCell: TRUE or FALSE (Value).
	BoolCell
	// DateCell: a date cell, or a number with a date format. Value is
	// the day, 2006-01-02 (a time of day is dropped).
	DateCell
	// ErrorCell: a formula error; Value is its code ("#DIV/0!", "#N/A").
	ErrorCell
)

// String returns "text", "number", "bool", "date" or "error".
func (k CellKind) String() string {
	switch k {
	case TextCell:
		return "text"
	case NumberCell:
		return "number"
	case BoolCell:
		return "bool"
	case DateCell:
		return "date"
	case ErrorCell:
		return "error"
	}
	return "empty"
}

// SheetCell is one cell of a worksheet as the file stores it.
type SheetCell struct {
	Row, Col int // 1-based: row 7, column 3 is C7
	Kind     CellKind
	// Value is the stored value, in the form its Kind says. For a
	// formula it is the result cached in the file by the program that
	// saved it: "" when the file holds none (Kind is then TextCell).
	Value string
	// Percent: a number cell with a percent format, which Excel shows
	// as its value × 100 followed by "%" (0.89308 shown 89.31%).
	Percent bool
	// Formula is the cell's formula without "=" ("(shared formula)"
	// for a cell that shares the formula of another), or "".
	Formula string
}

// Ref returns the cell reference, such as "C7".
func (c SheetCell) Ref() string { return cellName(c.Col, c.Row) }

// SheetCells is the content of one worksheet.
type SheetCells struct {
	Sheet  string      // the sheet read
	Sheets []string    // every sheet of the workbook, in order
	Cells  []SheetCell // by row, then column
}

// ReadCells reads the cells of one sheet of a workbook (sheet "" is the
// first sheet; names match without regard to case, as in Excel): every
// cell that holds a value or a formula, in row then column order, with
// its kind and its stored value. Nothing is inferred or converted beyond
// what SheetCell says: it is the input of readers that know what the
// table means (package loaders/xlsxinput).
//
// Of a merged range only the top-left cell is returned, as Excel shows
// it: a value stored under the rest of the range is hidden in Excel and
// left out here. Formulas are not computed: a formula cell holds the
// result cached by the program that saved the file. The sheet is read in
// two streaming passes (its XML for types, styles, formulas and merged
// ranges; excelize's row iterator for the values), never as excelize's
// worksheet tree, which fills every row up to its last cell.
//
// The file may be at most MaxFileSize bytes and unzip to at most
// MaxUnzipSize bytes; the sheet may hold at most MaxSheetCells cells and
// MaxSheetPositions positions (ErrTooLarge). A file that is not a
// workbook is an ErrMalformed, never a panic; a sheet that is not there
// an ErrNoSheet naming the sheets there are.
func ReadCells(r io.Reader, sheet string) (*SheetCells, error) {
	return readCells(r, sheet, defaultLimits, MaxSheetCells, MaxSheetPositions)
}

func readCells(r io.Reader, sheet string, lim limits, maxCells, maxPositions int) (out *SheetCells, err error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.file+1))
	if err != nil {
		return nil, fmt.Errorf("xlsxio: %w", err)
	}
	if int64(len(data)) > lim.file {
		return nil, fmt.Errorf("xlsxio: %w: file larger than %d bytes", ErrTooLarge, lim.file)
	}
	defer func() {
		// excelize trusts a workbook's XML more than it should.
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("xlsxio: %w: %v", ErrMalformed, p)
		}
	}()
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    lim.unzip,
		UnzipXMLSizeLimit: min(lim.xmlInMemory, lim.unzip),
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, fmt.Errorf("xlsxio: %w: %v", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("xlsxio: %w: %v", ErrMalformed, err)
	}
	defer x.Close()
	list := x.GetSheetList()
	name, err := findSheet(list, sheet)
	if err != nil {
		return nil, err
	}
	cr := &cellReader{br: &bookReader{x: x}, sheet: name, meta: map[pos]*cellMeta{}, styles: map[int]styleKind{}}
	if props, err := x.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		cr.br.date1904 = *props.Date1904
	}
	if err := cr.read(data, lim, maxCells, maxPositions); err != nil {
		return nil, err
	}
	return &SheetCells{Sheet: name, Sheets: list, Cells: cr.cells}, nil
}

// findSheet returns the name of the sheet asked for, or the first.
func findSheet(list []string, want string) (string, error) {
	if len(list) == 0 {
		return "", fmt.Errorf("xlsxio: %w: the workbook has no sheet", ErrMalformed)
	}
	if want == "" {
		return list[0], nil
	}
	for _, s := range list {
		if s == want {
			return s, nil
		}
	}
	for _, s := range list {
		if strings.EqualFold(s, want) {
			return s, nil
		}
	}
	return "", &NoSheetError{Sheet: want, Sheets: list}
}

// NoSheetError is an ErrNoSheet: the sheet asked for and those there are.
type NoSheetError struct {
	Sheet  string
	Sheets []string
}

func (e *NoSheetError) Error() string {
	return fmt.Sprintf("xlsxio: %v %q (the workbook has %s)", ErrNoSheet, e.Sheet, quoteList(e.Sheets))
}

// Is reports whether target is ErrNoSheet.
func (e *NoSheetError) Is(target error) bool { return target == ErrNoSheet }

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// rect is a merged range, 1-based and inclusive.
type rect struct{ c1, r1, c2, r2 int }

// cellMeta is what the worksheet XML says of a cell besides its value.
type cellMeta struct {
	t       string // the t attribute: "s", "str", "inlineStr", "b", "e", "d", "n" or ""
	style   int    // the s attribute
	formula bool
	text    string // the formula text (empty for a cell sharing another's formula)
}

type pos struct{ row, col int }

type cellReader struct {
	br     *bookReader
	sheet  string
	meta   map[pos]*cellMeta
	merges []rect // sorted by first row
	styles map[int]styleKind
	cells  []SheetCell
}

// readCells reads a sheet in two streaming passes, without excelize's
// worksheet tree (which fills every row up to its last cell and can take
// gigabytes for a small file): the XML for the cells' types, styles,
// formulas and the merged ranges, excelize's row iterator for the values
// (shared strings resolved).
func (cr *cellReader) read(data []byte, lim limits, maxCells, maxPositions int) error {
	xml, err := sheetXML(data, cr.sheet, lim.unzip)
	if err != nil {
		return err
	}
	if err := cr.scanXML(xml, maxPositions); err != nil {
		return err
	}
	sort.Slice(cr.merges, func(i, j int) bool { return cr.merges[i].r1 < cr.merges[j].r1 })
	return cr.readRows(maxCells, maxPositions)
}

// hidden reports whether (col, row) is covered by a merged range of which
// it is not the top-left cell.
func (cr *cellReader) hidden(col, row int) bool {
	// merges are sorted by first row: only those starting at or above row
	n := sort.Search(len(cr.merges), func(i int) bool { return cr.merges[i].r1 > row })
	for _, m := range cr.merges[:n] {
		if row <= m.r2 && col >= m.c1 && col <= m.c2 && (col != m.c1 || row != m.r1) {
			return true
		}
	}
	return false
}

func (cr *cellReader) readRows(maxCells, maxPositions int) error {
	rows, err := cr.br.x.Rows(cr.sheet)
	if err != nil {
		return fmt.Errorf("xlsxio: %w: sheet %q: %v", ErrMalformed, cr.sheet, err)
	}
	defer rows.Close()
	positions := 0
	add := func(c SheetCell) error {
		if len(cr.cells) == maxCells {
			return fmt.Errorf("xlsxio: %w: sheet %q has more than %d cells (row %d)", ErrTooLarge, cr.sheet, maxCells, c.Row)
		}
		cr.cells = append(cr.cells, c)
		return nil
	}
	for row := 1; rows.Next(); row++ {
		vals, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("xlsxio: %w: sheet %q row %d: %v", ErrMalformed, cr.sheet, row, err)
		}
		positions += len(vals)
		if positions > maxPositions {
			return fmt.Errorf("xlsxio: %w: sheet %q reaches more than %d cell positions (row %d)", ErrTooLarge, cr.sheet, maxPositions, row)
		}
		for j, v := range vals {
			col := j + 1
			m := cr.meta[pos{row, col}]
			if (v == "" && (m == nil || !m.formula)) || cr.hidden(col, row) {
				continue
			}
			if err := add(cr.cell(col, row, v, m)); err != nil {
				return err
			}
		}
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("xlsxio: %w: sheet %q: %v", ErrMalformed, cr.sheet, err)
	}
	return nil
}

// cell types the raw value v of a cell.
func (cr *cellReader) cell(col, row int, v string, m *cellMeta) SheetCell {
	if m == nil {
		m = &cellMeta{}
	}
	c := SheetCell{Row: row, Col: col, Kind: TextCell, Value: v}
	if m.formula {
		c.Formula = m.text
		if c.Formula == "" {
			c.Formula = "(shared formula)"
		}
	}
	if v == "" {
		return c // a formula without a cached result
	}
	switch m.t {
	case "s", "str", "inlineStr":
	case "b":
		c.Kind, c.Value = BoolCell, "FALSE"
		if v == "1" || strings.EqualFold(v, "true") {
			c.Value = "TRUE"
		}
	case "e":
		c.Kind = ErrorCell
	case "d":
		if len(v) >= 10 {
			if _, err := parseISODate(v[:10]); err == nil {
				c.Kind, c.Value = DateCell, v[:10]
			}
		}
	default:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			break // not a number after all: the text as stored
		}
		if f == 0 {
			f = 0 // no "-0"
		}
		c.Kind, c.Value = NumberCell, strconv.FormatFloat(f, 'f', -1, 64)
		switch cr.styleKind(m.style) {
		case percentStyle:
			c.Percent = true
		case dateStyle:
			if day, err := dayOfSerial(f, cr.br.date1904); err == nil {
				c.Kind, c.Value = DateCell, dayTime(day).Format(time.DateOnly)
			}
		}
	}
	return c
}

type styleKind int

const (
	plainStyle styleKind = iota
	percentStyle
	dateStyle
)

// styleKind reads the number format of a cell style.
func (cr *cellReader) styleKind(id int) styleKind {
	if id <= 0 {
		return plainStyle
	}
	if k, ok := cr.styles[id]; ok {
		return k
	}
	k := plainStyle
	if st, err := cr.br.x.GetStyle(id); err == nil {
		k = formatKind(st)
	}
	cr.styles[id] = k
	return k
}

// formatKind reads a style's number format: a custom code by what it
// shows (a day or year part: a date; a percent sign: a percent), a built-in
// one by its id (9, 10: percent; 14–17, 22, 27–36, 50–58: dates).
func formatKind(st *excelize.Style) styleKind {
	switch {
	case st.CustomNumFmt != nil && isDateFormat(*st.CustomNumFmt):
		return dateStyle
	case st.CustomNumFmt != nil && isPercentFormat(*st.CustomNumFmt):
		return percentStyle
	case st.CustomNumFmt != nil:
		return plainStyle
	case st.NumFmt == 9 || st.NumFmt == 10:
		return percentStyle
	case (st.NumFmt >= 14 && st.NumFmt <= 17) || st.NumFmt == 22 ||
		(st.NumFmt >= 27 && st.NumFmt <= 36) || (st.NumFmt >= 50 && st.NumFmt <= 58):
		return dateStyle
	}
	return plainStyle
}

// isPercentFormat reports whether a number format code shows a percent:
// a % outside quoted text, escapes and [...] codes.
func isPercentFormat(code string) bool {
	return formatCodeHas(code, func(c byte) bool { return c == '%' })
}

// isDateFormat reports whether an Excel number format code shows a date:
// it has a day or year part outside quoted text, escapes and [...] codes.
func isDateFormat(code string) bool {
	return formatCodeHas(code, func(c byte) bool { return c == 'd' || c == 'D' || c == 'y' || c == 'Y' })
}

// formatCodeHas reports whether a number format code holds a character
// that match accepts outside quoted text, escapes and [...] codes.
func formatCodeHas(code string, match func(byte) bool) bool {
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case inBracket:
			inBracket = c != ']'
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case match(c):
			return true
		}
	}
	return false
}
