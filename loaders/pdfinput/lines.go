package pdfinput

import (
	"io"
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
// running heads and the page numbers: the lines the table reader works
// on. The rows of the tables are among them, not left out: a cell may
// state an amount in words as the running text does ("Tổng mức đầu tư:
// 22.955.000.000 đồng (Bằng chữ: …)" in a table of projects), and what
// is a table is decided afterwards, by a layout. A row's cells come one
// after the other on its line, so a phrase is whole only where it stays
// within its cell's line. A scanned PDF is an ErrNoText, one that is not
// a PDF an ErrNotPDF.
func Lines(r io.ReaderAt, size int64) ([]TextLine, error) {
	body, err := readBody("", r, size)
	if err != nil {
		return nil, err
	}
	return textLines(body), nil
}

// Document is a PDF read once: its tables and its lines of text.
type Document struct {
	Grids []*Grid    // the tables, as ReadGrids gives them
	Lines []TextLine // the lines of text, as Lines gives them
}

// Read reads a PDF once for both its tables (ReadGrids) and its lines of
// text (Lines): reading the glyphs of the pages is most of the work of
// either. file names the document in errors. A scanned PDF is an
// ErrNoText, one that is not a PDF an ErrNotPDF.
func Read(r io.ReaderAt, size int64, file string) (*Document, error) {
	body, err := readBody(file, r, size)
	if err != nil {
		return nil, err
	}
	return &Document{Grids: gridsOf(body), Lines: textLines(body)}, nil
}

// textLines numbers the lines on each page from 1.
func textLines(body []line) []TextLine {
	out := make([]TextLine, 0, len(body))
	n, page := 0, 0
	for _, l := range body {
		if l.page != page {
			page, n = l.page, 0
		}
		n++
		out = append(out, TextLine{Page: l.page, Line: n, Text: l.text()})
	}
	return out
}
