package dxtext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
	"golang.org/x/text/unicode/norm"
)

// This file holds the pieces of the PDF-text readers that do not depend
// on a table template: lines with their spaces kept, cells read from the
// positions of figures, word widths, and repeated page headers.

// maxPDFLines bounds the lines of a PDF text.
const maxPDFLines = 1 << 20

// pdfLine is one line of a PDF text.
type pdfLine struct {
	no   int    // 1-based line number in the source
	raw  string // NFC; every blank rune turned into one ASCII space; no line end
	text string // loaders.CleanText(raw): trimmed, blanks collapsed
}

// spacesOnly reports a line of one or more spaces and nothing else (in the
// PDF forms, empty cells).
func (l pdfLine) spacesOnly() bool { return l.text == "" && l.raw != "" }

// splitPDFLines splits a PDF text into lines, keeping their spaces: a BOM,
// CRLF line ends, no-break and other Unicode spaces are tolerated (each
// blank rune becomes one space), text is NFC. Invalid UTF-8 is an
// ErrEncoding at its line.
func splitPDFLines(file string, text []byte) ([]pdfLine, error) {
	lines, err := splitRawLines(file, text)
	if err != nil {
		return nil, err
	}
	normalizeLines(lines)
	return lines, nil
}

// splitRawLines splits a text into lines as they are (raw only, text
// unset), checking size and encoding.
func splitRawLines(file string, text []byte) ([]pdfLine, error) {
	if len(text) > loaders.MaxInputBytes {
		return nil, &loaders.Error{File: file, Err: loaders.ErrLimit, Expected: fmt.Sprintf("at most %d bytes", loaders.MaxInputBytes)}
	}
	s := strings.TrimPrefix(string(text), "\ufeff")
	n := strings.Count(s, "\n") + 1
	if n > maxPDFLines {
		return nil, &loaders.Error{File: file, Err: loaders.ErrLimit, Expected: fmt.Sprintf("at most %d lines", maxPDFLines)}
	}
	out := make([]pdfLine, 0, n)
	for i := 1; ; i++ {
		var l string
		j := strings.IndexByte(s, '\n')
		if j >= 0 {
			l, s = s[:j], s[j+1:]
		} else {
			l = s
		}
		l = strings.TrimSuffix(l, "\r")
		if !utf8.ValidString(l) {
			return nil, &loaders.Error{File: file, Line: i, Err: loaders.ErrEncoding, Expected: "UTF-8 text"}
		}
		out = append(out, pdfLine{no: i, raw: l})
		if j < 0 {
			break
		}
	}
	return out, nil
}

// normalizeLines sets raw (rawLine) and text (CleanText of raw) of raw
// lines.
func normalizeLines(lines []pdfLine) {
	for i := range lines {
		lines[i].raw = rawLine(lines[i].raw)
		lines[i].text = collapseSpaces(lines[i].raw)
	}
}

// collapseSpaces is CleanText for a line rawLine has made: NFC, with ASCII
// spaces as its only blanks.
func collapseSpaces(raw string) string {
	clean := len(raw) == 0 || (raw[0] != ' ' && raw[len(raw)-1] != ' ' && !strings.Contains(raw, "  "))
	if clean {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	for _, w := range strings.Split(raw, " ") {
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// rawLine NFC-normalises a line and turns each blank rune (tab, no-break
// space …) into one ASCII space, keeping the count of blanks.
func rawLine(l string) string {
	plain := true
	for i := 0; i < len(l); i++ {
		if c := l[i]; c >= 0x80 || c < 0x20 || c == 0x7f {
			plain = false
			break
		}
	}
	if plain {
		return l
	}
	if !norm.NFC.IsNormalString(l) {
		l = norm.NFC.String(l)
	}
	mapped := false
	for _, r := range l {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && loaders.IsBlank(r)) || r == utf8.RuneError {
			mapped = true
			break
		}
	}
	if !mapped {
		return l
	}
	return strings.Map(func(r rune) rune {
		if loaders.IsBlank(r) {
			return ' '
		}
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, l)
}

// isAmountToken reports a token that can be a figure of a budget table:
// digits with thousands separators or a decimal mark ("1.200", "6900",
// "0,5"), or a dash. Signs and percentages are not amounts.
func isAmountToken(s string) bool {
	if loaders.IsDash(s) {
		return true
	}
	if s == "" || s[0] < '0' || s[0] > '9' || strings.IndexByte(s, '%') >= 0 {
		return false
	}
	return numtext.BareNumber(s) == s
}

// cellish reports a line (or part of one) that holds only spaces and
// amount tokens.
func cellish(s string) bool {
	for _, w := range strings.Fields(s) {
		if !isAmountToken(w) {
			return false
		}
	}
	return true
}

// hasToken reports whether s holds a non-blank character.
func hasToken(s string) bool { return strings.TrimSpace(s) != "" }

// positionalCells reads cells written one after another on a line, each
// figure followed by one space and each empty cell as `empty` spaces
// ("····10.000·······1.200···" with empty = 2 is ["" "" "10.000" "" "" ""
// "1.200" ""]). A figure at the very end may lack its space. It stops after
// max cells and returns the rest; ok is false when a run of spaces cannot
// be read as empty cells (an odd run with empty = 2).
func positionalCells(s string, empty, max int) (cells []string, rest string, ok bool) {
	i := 0
	for i < len(s) && len(cells) < max {
		if s[i] == ' ' {
			for k := 1; k < empty; k++ {
				if i+k >= len(s) || s[i+k] != ' ' {
					return cells, s[i:], false
				}
			}
			cells = append(cells, "")
			i += empty
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		cells = append(cells, s[i:j])
		i = j
		if i < len(s) {
			i++ // the figure's own space
		}
	}
	return cells, s[i:], true
}

// textWidth approximates the printed width of s in ems of a Times-like
// serif font: enough to tell a line that filled its column from one that
// ended a paragraph, and a narrow column's line from a wide column's.
// Diacritics do not change a letter's width.
func textWidth(s string) float64 {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return float64(w) / 1000
}

var lowerWidths = [26]int{444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444}
var upperWidths = [26]int{722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611}

func runeWidth(r rune) int {
	switch r {
	case 'đ':
		r = 'd'
	case 'Đ':
		r = 'D'
	}
	if r >= 0x80 {
		if d := norm.NFD.PropertiesString(string(r)); d.Decomposition() != nil {
			if b, _ := utf8.DecodeRune(d.Decomposition()); b != utf8.RuneError {
				r = b
			}
		}
	}
	switch {
	case r >= 'a' && r <= 'z':
		return lowerWidths[r-'a']
	case r >= 'A' && r <= 'Z':
		return upperWidths[r-'A']
	case r >= '0' && r <= '9':
		return 500
	case r == ' ' || r == ',' || r == '.' || r == ';' || r == ':':
		return 250
	case r == '-' || r == '(' || r == ')':
		return 333
	case r == '/' || r == '\'':
		return 278
	case r == '&':
		return 778
	case r == '%':
		return 833
	case unicode.IsUpper(r):
		return 722
	}
	return 444
}

// firstWord returns the first blank-separated word of s.
func firstWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// lastWord returns the last blank-separated word of s.
func lastWord(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// word is a word of a raw line with its byte span.
type word struct {
	text       string
	start, end int
}

// wordsOfRaw splits a raw line into its space-separated words.
func wordsOfRaw(raw string) []word {
	var out []word
	i := 0
	for i < len(raw) {
		if raw[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(raw) && raw[j] != ' ' {
			j++
		}
		out = append(out, word{raw[i:j], i, j})
		i = j
	}
	return out
}

// pageHeader is a table header that a PDF repeats at the top of each
// page: its words in order, learnt from the table's first header.
type pageHeader struct {
	words []string
}

// minHeaderWords is how many words of the header must match for lines to
// be read as a repeated header.
const minHeaderWords = 6

// match reads a repeated header starting at lines[i] (whose text must be
// the header's first word alone, e.g. "TT"). It returns the index of the
// first line after the header and, when the header's last line goes on
// with text of the table (the PDF put both on one line), that text as a
// line of its own.
func (h pageHeader) match(lines []pdfLine, i int) (next int, rest *pdfLine, ok bool) {
	if len(h.words) < minHeaderWords || lines[i].text != h.words[0] {
		return 0, nil, false
	}
	k := 0 // header words matched
	for j := i; j < len(lines); j++ {
		l := lines[j]
		if l.text == "" {
			continue
		}
		ws := wordsOfRaw(l.raw)
		m := 0
		for m < len(ws) && k < len(h.words) && ws[m].text == h.words[k] {
			m++
			k++
		}
		switch {
		case m == len(ws):
			continue // the whole line is header
		case m == 0:
			if k < minHeaderWords {
				return 0, nil, false
			}
			return j, nil, true
		default:
			if k < minHeaderWords {
				return 0, nil, false
			}
			r := pdfLine{no: l.no, raw: l.raw[ws[m].start:]}
			r.text = loaders.CleanText(r.raw)
			return j + 1, &r, true
		}
	}
	if k < minHeaderWords {
		return 0, nil, false
	}
	return len(lines), nil, true
}
