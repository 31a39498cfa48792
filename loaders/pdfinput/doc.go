// Package pdfinput reads the appendix tables of a plan published as a PDF
// that has text (printed from Word, LibreOffice or a browser): it finds
// each table under its heading ("PHỤ LỤC 2"), recovers its columns from
// the positions of its words and hands its rows to loaders.ParseRows, as
// package loaders/xlsxinput does for a worksheet.
//
// The columns come from the gaps that the body rows share (stream mode:
// no ruling is needed); the lines of a cell are joined; running heads and
// page numbers are dropped; a table that goes on over pages is one table,
// its repeated header dropped. A scanned PDF (pictures of pages) has no
// text to read and is refused with ErrNoText: it needs OCR first.
//
// It is not for the project's embedded PDF texts, whose columns were lost
// in extraction (package loaders/dxtext reads those), nor for forms or
// tables drawn as pictures. The PDF parser is github.com/ledongthuc/pdf
// (pure Go, BSD); docs/PDF.md says why.
package pdfinput
