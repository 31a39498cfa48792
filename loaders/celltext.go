package loaders

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Limits on untrusted input.
const (
	MaxInputBytes = 32 << 20 // a source text or CSV file
	MaxCells      = 1 << 20  // cells of one table
)

// Cell is one cell of a table in a text source.
type Cell struct {
	Line int    // 1-based line where the cell is
	Text string // cleaned text (CleanText); "" for an empty cell
	// Number marks a cell that a spreadsheet stores as a number: Text is
	// its value written Plain (a decimal point, no grouping: "12.345" is
	// twelve and a fraction), followed by "%" when the cell is shown as a
	// percentage (its value × 100). It is read exactly, whatever the
	// table's convention, and is no evidence of that convention.
	Number bool
	// Merged marks a cell that continues a merged cell above it or to its
	// left (Word's vertical merge, a worksheet's merged range): what the
	// reader sees there is the first cell's text, which stands for both.
	// A number cell of a data row merged so is an error (ParseRows): the
	// row's own figure is not written.
	Merged bool
}

// Empty reports whether the cell holds nothing.
func (c Cell) Empty() bool { return c.Text == "" }

// SplitCells reads the "one cell per line" text form: every line that has
// visible text is a cell; a line holding only no-break spaces (U+00A0) is
// an empty cell; blank lines separate cells and are not cells. A BOM, CRLF
// line ends and decomposed diacritics are tolerated (text is NFC). Invalid
// UTF-8 is an ErrEncoding at its line.
func SplitCells(file string, text []byte) ([]Cell, error) {
	return splitCells(file, text, EmptyNBSP)
}

// splitCells is SplitCells with a form of empty cells: with EmptySpaces a
// line of plain spaces is an empty cell too.
func splitCells(file string, text []byte, empty EmptyLines) ([]Cell, error) {
	if len(text) > MaxInputBytes {
		return nil, &Error{File: file, Err: ErrLimit, Expected: fmt.Sprintf("at most %d bytes", MaxInputBytes)}
	}
	s := string(text)
	s = strings.TrimPrefix(s, "\ufeff")
	var cells []Cell
	line := 0
	for len(s) > 0 || line == 0 {
		line++
		var l string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			l, s = s, ""
		}
		if !utf8.ValidString(l) {
			return nil, &Error{File: file, Line: line, Err: ErrEncoding, Expected: "UTF-8 text"}
		}
		l = strings.TrimSuffix(l, "\r")
		if strings.TrimSpace(l) == "" && !strings.ContainsRune(l, '\u00a0') && (empty != EmptySpaces || strings.Trim(l, " \t") != "" || l == "") {
			if len(s) == 0 {
				break
			}
			continue
		}
		cells = append(cells, Cell{Line: line, Text: CleanText(l)})
		if len(cells) > MaxCells {
			return nil, &Error{File: file, Line: line, Err: ErrLimit, Expected: fmt.Sprintf("at most %d cells", MaxCells)}
		}
		if len(s) == 0 {
			break
		}
	}
	return cells, nil
}

var appendixRe = regexp.MustCompile(`^(?i:phụ lục)(?:\s+(?i:số))?\s*([0-9]+|[IVXLC]+)\b\s*[.:\-–]?`)

// AppendixID returns the id of an appendix heading cell ("1" for "PHỤ LỤC
// 1", "01" -> "1") or "".
func AppendixID(text string) string {
	if len(text) > 200 || strings.HasPrefix(text, "(") {
		return ""
	}
	m := appendixRe.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	id := strings.TrimLeft(m[1], "0")
	if id == "" {
		id = "0"
	}
	return strings.ToUpper(id)
}

// FindAppendix returns the cells of appendix id ("1", "2", "01", "IV"...):
// from its heading "PHỤ LỤC <id>" (any case, "số" allowed) to the next
// appendix heading or the end. A missing appendix is an ErrMissingAppendix.
func FindAppendix(file string, cells []Cell, id string) ([]Cell, error) {
	want := strings.TrimLeft(strings.ToUpper(strings.TrimSpace(id)), "0")
	for i, c := range cells {
		if AppendixID(c.Text) != want || want == "" {
			continue
		}
		j := i + 1
		for j < len(cells) && AppendixID(cells[j].Text) == "" {
			j++
		}
		return cells[i:j], nil
	}
	last := 0
	if len(cells) > 0 {
		last = cells[len(cells)-1].Line
	}
	return nil, &Error{File: file, Line: last, Err: ErrMissingAppendix, Expected: fmt.Sprintf("a heading \"PHỤ LỤC %s\"", id)}
}
