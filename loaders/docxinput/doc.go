// Package docxinput reads the tables of a Word document (.docx, Office
// Open XML): Tables lists them, with the heading above each ("PHỤ LỤC
// 2"), and Parse reads one, by its number or its appendix, through
// loaders.ParseRows, so that a Word table and a CSV file of the same table
// give the same Frame. The rows of the table are the source lines
// (source_line is the row's number in the table, header rows included),
// and errors name the file, the table, the row and the cell, such as
// "plan.docx: table 2, row 7, cell 4: …", wrapping the sentinels of
// package loaders.
//
// A cell is the text a reader sees in it: its paragraphs joined by a
// space, line breaks and tabs as spaces; a merged cell's text is in its
// first column, the columns and rows it covers empty. Numbers stay text
// and are read in the table's convention, decided by loaders.ParseRows.
//
// The package reads the document with archive/zip and encoding/xml only,
// in one streaming pass over word/document.xml, and adds no dependency.
// excelize, which package loaders/xlsxinput uses, reads workbooks, not
// Word documents. The Go .docx libraries are template fillers that
// replace text without a model of tables and merges
// (github.com/nguyenthenguyen/docx, github.com/lukasjarosch/go-docx) or a
// large module under a commercial licence (github.com/unidoc/unioffice);
// none was measured here. The part of WordprocessingML a table needs
// (w:tbl, w:tr, w:tc, w:gridSpan, w:vMerge, w:p, w:r, w:t, w:br, w:tab) is
// small enough to read here, within the limits of package loaders
// (loaders.MaxInputBytes for the file and for its XML unzipped,
// loaders.MaxCells for the cells of its tables, 1024 columns a row).
// Old binary .doc files are not read: save them as .docx.
package docxinput
