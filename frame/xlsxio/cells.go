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
	// ErrNotZip: the file is not a zip archive, as every .xlsx workbook
	// is (a CSV file named .xlsx, say). It comes with ErrMalformed.
	ErrNotZip = errors.New("not a zip archive")
	// ErrHiddenValue: a cell of a merged range other than its top-left
	// one holds a value, which Excel does not show (a *CellError names
	// the cell and the range).
	ErrHiddenValue = errors.New("a value hidden under a merged range")
)

// MaxSheetCells bounds the cells ReadCells returns, and
// MaxSheetPositions the cell elements of the sheet's XML it reads (empty
// cells with a style only count too).
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
	// Merged are the sheet's merged ranges, in the order the sheet lists
	// them: a range shows the value of its top-left cell only.
	Merged []CellRange
}

// CellRange is a rectangle of cells, 1-based and inclusive.
type CellRange struct{ FirstRow, FirstCol, LastRow, LastCol int }

// Contains reports whether the cell at row, col is in the range.
func (r CellRange) Contains(row, col int) bool {
	return row >= r.FirstRow && row <= r.LastRow && col >= r.FirstCol && col <= r.LastCol
}

// ReadCells reads the cells of one sheet of a workbook (sheet "" is the
// first sheet; names match without regard to case, as in Excel): every
// cell that holds a value or a formula, in row then column order, with
// its kind and its stored value. Nothing is inferred or converted beyond
// what SheetCell says: it is the input of readers that know what the
// table means (package loaders/xlsxinput). It is ReadCellsLimited with
// the default limits.
//
// A merged range shows its top-left cell only: a value stored in another
// cell of the range is hidden in Excel, and is an error (a *CellError
// naming the cell and the range, ErrHiddenValue). Formulas are not
// computed: a formula cell holds the result cached by the program that
// saved the file. The sheet is read in one streaming pass over its XML,
// never as a worksheet tree: the memory it takes is bounded by the cells
// it returns and the workbook's shared strings, not by the size of the
// sheet.
//
// The file may be at most MaxFileSize bytes and the parts read unzip to
// at most MaxUnzipSize bytes (the size a part declares is checked before
// it is read and the bytes are counted as they are unzipped); the sheet
// may hold at most MaxSheetCells cells and MaxSheetPositions cell
// elements, the shared strings MaxSharedText bytes (ErrTooLarge): reading
// stops at the first limit reached. A file that is not a zip is an
// ErrMalformed and an ErrNotZip; a workbook that cannot be read, such as
// a cell that names a shared string the workbook does not have, an
// ErrMalformed (a *CellError when it is a cell's), never a panic; a sheet
// that is not there an ErrNoSheet naming the sheets there are.
//
// When r can be read at any offset (an *os.File, a *bytes.Reader) it is
// read in place from its current offset; otherwise it is read into memory.
func ReadCells(r io.Reader, sheet string) (*SheetCells, error) {
	return ReadCellsLimited(r, sheet, CellLimits{})
}

// MaxSharedText bounds the text of a workbook's shared strings that
// ReadCells holds in memory.
const MaxSharedText = 64 << 20

// CellLimits are the limits of ReadCellsLimited; a zero field is the
// default limit.
type CellLimits struct {
	FileSize   int64 // bytes of the .xlsx file (MaxFileSize)
	UnzipSize  int64 // bytes unzipped, all parts read together (MaxUnzipSize)
	Cells      int   // cells returned (MaxSheetCells)
	Positions  int   // cell elements read, empty or not; also shared strings and merged ranges (MaxSheetPositions)
	SharedText int64 // bytes of the shared strings (MaxSharedText)
}

func (l CellLimits) withDefaults() CellLimits {
	if l.FileSize <= 0 {
		l.FileSize = MaxFileSize
	}
	if l.UnzipSize <= 0 {
		l.UnzipSize = MaxUnzipSize
	}
	if l.Cells <= 0 {
		l.Cells = MaxSheetCells
	}
	if l.Positions <= 0 {
		l.Positions = MaxSheetPositions
	}
	if l.SharedText <= 0 {
		l.SharedText = MaxSharedText
	}
	return l
}

// ReadCellsLimited is ReadCells with other limits: a reader that accepts
// fewer cells (loaders.MaxCells) stops reading there, its memory bounded
// by that number.
func ReadCellsLimited(r io.Reader, sheet string, lim CellLimits) (out *SheetCells, err error) {
	lim = lim.withDefaults()
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("xlsxio: %w: %v", ErrMalformed, p)
		}
	}()
	b, err := openBook(r, lim)
	if err != nil {
		return nil, err
	}
	if err := b.readWorkbook(lim); err != nil {
		return nil, err
	}
	name, err := findSheet(b.sheets, sheet)
	if err != nil {
		return nil, err
	}
	part, ok := b.targets[name]
	if !ok {
		return nil, fmt.Errorf("xlsxio: %w: no part for sheet %q", ErrMalformed, name)
	}
	cr := &cellReader{b: b, sheet: name, styles: map[int]styleKind{}}
	if err := cr.scanSheet(part, lim); err != nil {
		return nil, err
	}
	cr.order()
	if err := cr.checkMerges(); err != nil {
		return nil, err
	}
	merged := make([]CellRange, len(cr.merges))
	for i, m := range cr.merges {
		merged[i] = CellRange{FirstRow: m.r1, FirstCol: m.c1, LastRow: m.r2, LastCol: m.c2}
	}
	return &SheetCells{Sheet: name, Sheets: b.sheets, Cells: cr.cells, Merged: merged}, nil
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
	return fmt.Sprintf("xlsxio: %v %q (the workbook has %s)", ErrNoSheet, clip(e.Sheet), quoteList(e.Sheets))
}

// Is reports whether target is ErrNoSheet.
func (e *NoSheetError) Is(target error) bool { return target == ErrNoSheet }

func quoteList(list []string) string {
	q := make([]string, 0, min(len(list), 20))
	for i, s := range list {
		if i == 20 {
			q = append(q, fmt.Sprintf("and %d more", len(list)-20))
			break
		}
		q = append(q, strconv.Quote(clip(s)))
	}
	return strings.Join(q, ", ")
}

// rect is a merged range, 1-based and inclusive.
type rect struct{ c1, r1, c2, r2 int }

func (m rect) String() string { return cellName(m.c1, m.r1) + ":" + cellName(m.c2, m.r2) }

type cellReader struct {
	b      *book
	sheet  string
	merges []rect
	styles map[int]styleKind
	cells  []SheetCell
}

// order sorts the cells by row, then column, if the file stored them out
// of order, and keeps the last of two cells at one position.
func (cr *cellReader) order() {
	sorted := true
	for i := 1; i < len(cr.cells); i++ {
		a, b := cr.cells[i-1], cr.cells[i]
		if a.Row > b.Row || a.Row == b.Row && a.Col >= b.Col {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	sort.SliceStable(cr.cells, func(i, j int) bool {
		a, b := cr.cells[i], cr.cells[j]
		return a.Row < b.Row || a.Row == b.Row && a.Col < b.Col
	})
	out := cr.cells[:0]
	for i, c := range cr.cells {
		if i+1 < len(cr.cells) && cr.cells[i+1].Row == c.Row && cr.cells[i+1].Col == c.Col {
			continue
		}
		out = append(out, c)
	}
	cr.cells = out
}

// cell types the raw value v of a cell of type t and style s.
func (cr *cellReader) cell(col, row int, v, t string, style int) SheetCell {
	c := SheetCell{Row: row, Col: col, Kind: TextCell, Value: v}
	if v == "" {
		return c // a formula without a cached result
	}
	switch t {
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
		switch cr.styleKind(style) {
		case percentStyle:
			c.Percent = true
		case dateStyle:
			if day, err := dayOfSerial(f, cr.b.date1904); err == nil {
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
	if id <= 0 || id >= len(cr.b.xfs) {
		return plainStyle
	}
	if k, ok := cr.styles[id]; ok {
		return k
	}
	fmtID := cr.b.xfs[id]
	code, custom := cr.b.custom[fmtID]
	k := formatKind(fmtID, code, custom)
	cr.styles[id] = k
	return k
}

// formatKind reads a number format: a custom code by what it shows (a
// day or year part: a date; a percent sign: a percent), a built-in one by
// its id (9, 10: percent; 14–17, 22, 27–36, 50–58: dates).
func formatKind(id int, code string, custom bool) styleKind {
	switch {
	case custom && isDateFormat(code):
		return dateStyle
	case custom && isPercentFormat(code):
		return percentStyle
	case custom:
		return plainStyle
	case id == 9 || id == 10:
		return percentStyle
	case (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58):
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
