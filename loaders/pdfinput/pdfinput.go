package pdfinput

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// Schema metadata keys of a Frame read from a PDF.
const (
	// MetaSourcePages is the pages the table was read from ("3-4").
	MetaSourcePages = "source_pages"
	// MetaSourceTable is the table's number in the document.
	MetaSourceTable = "source_table"
)

// Sentinel errors of PDF documents, besides those of package loaders.
var (
	// ErrNotPDF: the file is not a PDF, or one the parser cannot read
	// (damaged, encrypted).
	ErrNotPDF = loaders.NewSentinel("not a readable PDF", "không phải tệp PDF đọc được")
	// ErrNoText: the PDF has pages but no text on them: a scan, whose
	// words are pictures. It must go through OCR first.
	ErrNoText = loaders.NewSentinel("no text", "không có chữ (bản quét: cần nhận dạng chữ OCR trước)")
	// ErrNoTable: the table asked for is not in the document.
	ErrNoTable = loaders.NewSentinel("no such table", "văn bản không có bảng này")
)

// Error is a problem in a PDF document: at a row and cell of one of its
// tables, on a page. Err is the problem as package loaders reports it
// (errors.Is reaches its sentinel), with Line the row's number in the
// table and Cell the column (1-based; 0 when the problem is the whole
// row).
type Error struct {
	File  string
	Page  int    // 1-based; 0 when the problem has no page
	Table int    // 1-based number of the table in the document; 0: none
	Title string // the table's heading ("PHỤ LỤC 2"), if any
	Err   *loaders.Error
}

// Error reads `plan.pdf: page 3, table 2 (PHỤ LỤC 5), row 14, cell 5
// (total_mvnd): not a number: found "l0,000", expected …`.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	var where []string
	if e.Page > 0 {
		where = append(where, fmt.Sprintf("page %d", e.Page))
	}
	if e.Table > 0 {
		t := fmt.Sprintf("table %d", e.Table)
		if e.Title != "" {
			t += " (" + e.Title + ")"
		}
		where = append(where, t)
	}
	if e.Err.Line > 0 {
		where = append(where, fmt.Sprintf("row %d", e.Err.Line))
	}
	if len(where) > 0 {
		b.WriteString(strings.Join(where, ", "))
		b.WriteString(": ")
	}
	if e.Err.Err == ErrNoText && e.Err.Expected != "" {
		// "no text: a scanned PDF …": what the file is, not what was
		// expected of it.
		b.WriteString(ErrNoText.Error() + ": " + loaders.ClipExplanation(e.Err.Expected))
		return b.String()
	}
	in := *e.Err
	in.File, in.Line = "", 0
	b.WriteString(in.Error())
	return b.String()
}

// Unwrap returns the loaders error.
func (e *Error) Unwrap() error { return e.Err }

// Position returns the file, page, table, row and cell of the error.
func (e *Error) Position() frame.Position {
	p := frame.Position{File: e.File, Page: e.Page, Table: e.Table}
	if e.Err != nil {
		p.Line, p.Cell = e.Err.Line, e.Err.Cell
	}
	return p
}

// TableInfo describes a table found in a PDF.
type TableInfo struct {
	// Number is the table's place in the document, from 1.
	Number int
	// Heading is the line "PHỤ LỤC 2" above the table as written; ""
	// when the document has no such heading. Appendix is its number
	// ("2", "01").
	Heading, Appendix string
	// Title is the text between the heading and the table's header
	// (the appendix's title and the line under it).
	Title string
	// Pages are the pages the table is on, in order.
	Pages []int
	// Rows counts the table's rows (header rows included, a row's lines
	// joined), Columns its columns.
	Rows, Columns int
}

// String reads "table 2: PHỤ LỤC 5, pages 2-4, 16 rows × 10 columns —
// BẢNG TỔNG HỢP …".
func (t TableInfo) String() string {
	h := t.Heading
	if h == "" {
		h = "(no heading)"
	}
	s := fmt.Sprintf("table %d: %s, %s %s, %d rows × %d columns", t.Number, h, pageWord(t.Pages), pageRange(t.Pages), t.Rows, t.Columns)
	if t.Title != "" {
		s += " — " + t.Title
	}
	return s
}

func pageWord(p []int) string {
	if len(p) == 1 {
		return "page"
	}
	return "pages"
}

// pageRange writes pages as "3", "3-4" or "3, 5".
func pageRange(p []int) string {
	if len(p) == 0 {
		return ""
	}
	contiguous := true
	for i := 1; i < len(p); i++ {
		if p[i] != p[i-1]+1 {
			contiguous = false
		}
	}
	if len(p) == 1 {
		return strconv.Itoa(p[0])
	}
	if contiguous {
		return fmt.Sprintf("%d-%d", p[0], p[len(p)-1])
	}
	s := make([]string, len(p))
	for i, n := range p {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// Grid is a table of a PDF as rows of cells, before any layout: what
// Parse hands to loaders.ParseRows.
type Grid struct {
	TableInfo
	// Cells holds the rows; each cell's Line is its row's number in the
	// table (from 1), its Text the cell's lines joined.
	Cells [][]loaders.Cell
	// RowPages is the page of each row (of its first line).
	RowPages []int
}

// Tables lists the tables of a PDF: under each heading "PHỤ LỤC n" the
// table whose body rows start with a row number (or the whole document's
// when it has no such heading). A scanned PDF is an ErrNoText; one that
// is not a PDF an ErrNotPDF.
func Tables(r io.ReaderAt, size int64) ([]TableInfo, error) {
	gs, err := grids("", r, size)
	if err != nil {
		return nil, err
	}
	out := make([]TableInfo, len(gs))
	for i, g := range gs {
		out[i] = g.TableInfo
	}
	return out, nil
}

// ReadGrid reads one table of a PDF as rows of cells: table is its number
// (from 1, as Tables lists them), or 0 with appendix its heading's number
// ("2" selects "PHỤ LỤC 2" and "PHỤ LỤC 02"). file names the document in
// errors.
func ReadGrid(r io.ReaderAt, size int64, table int, appendix, file string) (*Grid, error) {
	gs, err := grids(file, r, size)
	if err != nil {
		return nil, err
	}
	return pick(gs, table, appendix, file)
}

func pick(gs []*Grid, table int, appendix, file string) (*Grid, error) {
	list := func() string {
		var s []string
		for _, g := range gs {
			h := g.Heading
			if h == "" {
				h = "no heading"
			}
			s = append(s, fmt.Sprintf("%d: %s, %s %s", g.Number, h, pageWord(g.Pages), pageRange(g.Pages)))
		}
		if len(s) == 0 {
			return "none found"
		}
		return strings.Join(s, "; ")
	}
	fail := func(text, expected string) error {
		return &Error{File: file, Err: &loaders.Error{File: file, Text: text, Err: ErrNoTable, Expected: expected + " (tables: " + list() + ")"}}
	}
	switch {
	case table > 0 && appendix != "":
		if table > len(gs) {
			return nil, fail(strconv.Itoa(table), fmt.Sprintf("a table number from 1 to %d", len(gs)))
		}
		if g := gs[table-1]; !sameNumber(g.Appendix, appendixNumber(appendix)) {
			return nil, fail(appendix, fmt.Sprintf("table %d to be under PHỤ LỤC %s", table, appendixNumber(appendix)))
		}
		return gs[table-1], nil
	case table > 0:
		if table > len(gs) {
			return nil, fail(strconv.Itoa(table), fmt.Sprintf("a table number from 1 to %d", len(gs)))
		}
		return gs[table-1], nil
	case appendix != "":
		for _, g := range gs {
			if g.Heading != "" && sameNumber(g.Appendix, appendixNumber(appendix)) {
				return g, nil
			}
		}
		return nil, fail(appendix, "a table under the heading PHỤ LỤC "+appendixNumber(appendix))
	case len(gs) == 1:
		return gs[0], nil
	}
	return nil, fail("", "a table number or an appendix: the document has several tables or none")
}

var appendixRe = regexp.MustCompile(`(?i)^(phụ lục|phu luc|appendix)\s+`)

// appendixNumber turns "Phụ lục 2" into "2"; "2" stays.
func appendixNumber(s string) string {
	return strings.TrimSpace(appendixRe.ReplaceAllString(strings.TrimSpace(s), ""))
}

// grids reads every table of a document.
func grids(file string, r io.ReaderAt, size int64) ([]*Grid, error) {
	body, err := readBody(file, r, size)
	if err != nil {
		return nil, err
	}
	return gridsOf(body), nil
}

// readBody reads a document's lines of text without its running heads
// (bodyLines); a document with no text at all is an ErrNoText.
func readBody(file string, r io.ReaderAt, size int64) ([]line, error) {
	doc, err := readDocument(file, r, size)
	if err != nil {
		return nil, err
	}
	words, images := 0, false
	for _, p := range doc.pages {
		words += len(p.words)
		images = images || p.images
	}
	if words == 0 {
		e := &loaders.Error{File: file, Err: ErrNoText}
		if images {
			e.Expected = fmt.Sprintf("a scanned PDF (%d pages of pictures only); run it through OCR (ocrmypdf -l vie) or ask for the Word or Excel file", len(doc.pages))
		} else {
			e.Expected = fmt.Sprintf("its %d pages draw neither text nor pictures", len(doc.pages))
		}
		return nil, &Error{File: file, Err: e}
	}
	return bodyLines(doc), nil
}

// gridsOf finds the tables among a document's lines.
func gridsOf(body []line) []*Grid {
	var out []*Grid
	for _, reg := range regions(body) {
		g := findGrid(reg)
		if g == nil {
			continue
		}
		gr := &Grid{TableInfo: TableInfo{Number: len(out) + 1, Heading: g.heading, Appendix: g.number, Title: g.title, Rows: len(g.rows), Columns: g.cols}, RowPages: g.pages}
		seen := map[int]bool{}
		for i, row := range g.rows {
			cells := make([]loaders.Cell, len(row))
			for c, t := range row {
				cells[c] = loaders.Cell{Line: i + 1, Text: t}
			}
			gr.Cells = append(gr.Cells, cells)
			if !seen[g.pages[i]] {
				seen[g.pages[i]] = true
				gr.Pages = append(gr.Pages, g.pages[i])
			}
		}
		sort.Ints(gr.Pages)
		out = append(out, gr)
	}
	return out
}

// Parse reads a table of a PDF with a layout: table is its number (from
// 1, as Tables lists them), or 0 with appendix the number of its heading
// ("2" or "Phụ lục 2"; "" takes Options.Appendix); a document of one
// table needs neither. The table's rows go to loaders.ParseRows as rows
// of cells: a cell's lines joined, its Line the row's number in the
// table, so that the header is matched, the unit ("Đơn vị tính: …")
// found, totals kept as claims and the numbers read as from a CSV file.
//
// Errors are *Error values naming the file, the page, the table and the
// row, each wrapping the *loaders.Error of ParseRows (errors.Is reaches
// its sentinel); a scanned PDF is an ErrNoText, a file that is not a PDF
// an ErrNotPDF, a table not there an ErrNoTable, a file over
// loaders.MaxInputBytes a loaders.ErrLimit. The Frame's schema metadata
// gets the pages (MetaSourcePages) and the table's number
// (MetaSourceTable).
func Parse(r io.ReaderAt, size int64, table int, appendix string, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	if appendix == "" {
		appendix = o.Appendix
	}
	g, err := ReadGrid(r, size, table, appendix, o.File)
	if err != nil {
		return nil, err
	}
	return g.Parse(l, o)
}

// ReadGrids reads every table of a PDF as rows of cells, in the order
// Tables lists them: the document is read once, and each Grid parsed with
// as many layouts as needed (Grid.Parse). file names the document in
// errors.
func ReadGrids(r io.ReaderAt, size int64, file string) ([]*Grid, error) {
	return grids(file, r, size)
}

// Parse reads the grid's rows with a layout, as the package's Parse does
// for a table it finds (o.Appendix is not used: the grid is the table).
func (g *Grid) Parse(l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	meta := map[string]string{}
	for k, v := range o.Meta {
		meta[k] = v
	}
	meta[MetaSourcePages] = pageRange(g.Pages)
	meta[MetaSourceTable] = strconv.Itoa(g.Number)
	o.Meta, o.Appendix = meta, ""
	t, err := loaders.ParseRows(g.Cells, l, o)
	if err != nil {
		if t != nil {
			t.Release()
		}
		return nil, g.wrap(o.File, err)
	}
	return t, nil
}

// wrap turns the errors of ParseRows into Errors naming the page.
func (g *Grid) wrap(file string, err error) error {
	es := loaders.Errors(err)
	if len(es) == 0 {
		return err
	}
	out := make([]error, len(es))
	for i, e := range es {
		pe := &Error{File: file, Table: g.Number, Title: g.Heading, Err: e}
		if e.Line >= 1 && e.Line <= len(g.RowPages) {
			pe.Page = g.RowPages[e.Line-1]
		}
		out[i] = pe
	}
	return errors.Join(out...)
}
