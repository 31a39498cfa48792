package frame

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Position is where something is in a source, the one position type of
// every reader's errors (frame's CSV and JSON, xlsxio, and the loaders of
// text, CSV, workbooks, Word and PDF files): the file, then a sheet and a
// cell, a page, a table and its row and cell, or a line. Every number is
// 1-based; 0 (or "") is "none".
type Position struct {
	File  string
	Sheet string // a workbook's sheet
	Page  int    // a PDF's page
	Table int    // a table's number in a document (Word, PDF), in document order
	// Line is a text's or a CSV file's line, a sheet's row, a table's row
	// (counting its header rows), a JSON array's element.
	Line int
	// Cell is the column of the cell in its row (A is 1).
	Cell int
}

// String writes the position as the readers' errors do:
//
//	plan.csv:7, cell 3
//	plan.xlsx: 'Phụ lục 2'!C7
//	plan.docx: table 2, row 7, cell 4
//	plan.pdf: page 3, table 2, row 14, cell 5
func (p Position) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case p.Sheet != "":
		if p.File != "" {
			b.WriteString(": ")
		}
		b.WriteString(quoteSheet(p.Sheet))
		if p.Line > 0 {
			b.WriteByte('!')
			if p.Cell > 0 {
				b.WriteString(ColumnLetters(p.Cell))
			}
			b.WriteString(strconv.Itoa(p.Line))
		}
		return b.String()
	case p.Page == 0 && p.Table == 0:
		if p.Line > 0 {
			if p.File != "" {
				b.WriteByte(':')
			} else {
				b.WriteString("line ")
			}
			b.WriteString(strconv.Itoa(p.Line))
		}
		if p.Cell > 0 {
			fmt.Fprintf(&b, ", cell %d", p.Cell)
		}
		return b.String()
	}
	parts := p.tableParts([4]string{"page", "table", "row", "cell"})
	if p.File != "" {
		b.WriteString(": ")
	}
	b.WriteString(strings.Join(parts, ", "))
	return b.String()
}

// StringVI writes the position in Vietnamese, for a Vietnamese page or
// message, without the file (the page names it):
//
//	dòng 7, ô 3
//	trang tính 'Phụ lục 2', ô C7
//	bảng 2, hàng 7, ô 4
//	trang 3, bảng 2, hàng 14, ô 5
//
// A sheet's row without a cell is "hàng 7"; "" when there is no position.
func (p Position) StringVI() string {
	var parts []string
	switch {
	case p.Sheet != "":
		parts = append(parts, "trang tính "+quoteSheet(p.Sheet))
		switch {
		case p.Line > 0 && p.Cell > 0:
			parts = append(parts, "ô "+ColumnLetters(p.Cell)+strconv.Itoa(p.Line))
		case p.Line > 0:
			parts = append(parts, fmt.Sprintf("hàng %d", p.Line))
		}
		return strings.Join(parts, ", ")
	case p.Page == 0 && p.Table == 0:
		if p.Line > 0 {
			parts = append(parts, fmt.Sprintf("dòng %d", p.Line))
		}
	default:
		return strings.Join(p.tableParts([4]string{"trang", "bảng", "hàng", "ô"}), ", ")
	}
	if p.Cell > 0 {
		parts = append(parts, fmt.Sprintf("ô %d", p.Cell))
	}
	return strings.Join(parts, ", ")
}

// tableParts names the page, table, row and cell of a position in a
// document's table, each that is set, with the words of a language.
func (p Position) tableParts(words [4]string) []string {
	var parts []string
	for i, n := range []int{p.Page, p.Table, p.Line, p.Cell} {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", words[i], n))
		}
	}
	return parts
}

// Positioned is an error that knows where in its source it is.
type Positioned interface {
	error
	Position() Position
}

// PositionOf returns the position of the first error in err's chain that
// has one (errors.As on Positioned).
func PositionOf(err error) (Position, bool) {
	var p Positioned
	if errors.As(err, &p) {
		return p.Position(), true
	}
	return Position{}, false
}

// ColumnLetters writes a 1-based column number as a spreadsheet does: 1 is
// A, 27 is AA.
func ColumnLetters(col int) string {
	var s []byte
	for col > 0 {
		col--
		s = append([]byte{byte('A' + col%26)}, s...)
		col /= 26
	}
	return string(s)
}

// quoteSheet writes a sheet's name as a reference does: as it is when it
// is letters, digits and underscores, else in single quotes ('Phụ lục 2'),
// a quote inside written twice.
func quoteSheet(sheet string) string {
	for _, r := range sheet {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
		}
	}
	return sheet
}

// SheetPosition is the position of cell ref ("C7"; "" for the sheet
// alone) of a sheet of a workbook file.
func SheetPosition(file, sheet, ref string) Position {
	p := Position{File: file, Sheet: sheet}
	i := 0
	col := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3 {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row <= 0 {
		return p
	}
	p.Line, p.Cell = row, col
	return p
}
