package pdfinput

import (
	"fmt"
	"io"

	"github.com/ictplan/ictplan/loaders"
)

// TextLine is a line of a PDF's text.
type TextLine struct {
	Page int // 1-based
	// Line is the line's number among the text lines of its page, from
	// 1 (the running heads and page numbers are not counted).
	Line int
	Text string // the line's words, NFC, one space between
}

// Lines returns the lines of text of a PDF in reading order — each page
// from top to bottom, words left to right on a baseline — without the
// running heads and the page numbers, the lines the table reader works
// on. The rows of the tables are among them: a cell may state an amount
// in words as the running text does, and what is a table is decided
// afterwards. A scanned PDF is an ErrNoText, one that is not a PDF an
// ErrNotPDF.
func Lines(r io.ReaderAt, size int64) ([]TextLine, error) {
	doc, err := readDocument("", r, size)
	if err != nil {
		return nil, err
	}
	words := 0
	for _, p := range doc.pages {
		words += len(p.words)
	}
	if words == 0 {
		return nil, &Error{Err: &loaders.Error{Err: ErrNoText, Expected: fmt.Sprintf("text in one of its %d pages (a scanned PDF needs OCR)", len(doc.pages))}}
	}
	var out []TextLine
	n, page := 0, 0
	for _, l := range bodyLines(doc) {
		if l.page != page {
			page, n = l.page, 0
		}
		n++
		out = append(out, TextLine{Page: l.page, Line: n, Text: l.text()})
	}
	return out, nil
}
