package docxinput

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/loaders"
)

// The namespaces of WordprocessingML: transitional (what Word, LibreOffice
// and python-docx write) and strict ISO 29500.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// defaultPart is the main part of a document whose package relationships
// do not name one.
const defaultPart = "word/document.xml"

// maxRelsBytes bounds the package relationships part (_rels/.rels), a few
// hundred bytes in any document.
const maxRelsBytes = 1 << 20

// maxColumns bounds the grid columns of a row: Word makes tables of at
// most 63 columns, LibreOffice of 1024; a row of a million (one cell's
// w:gridSpan) would make matching a header by its texts take minutes.
const maxColumns = 1024

// maxHeading bounds the characters of a paragraph kept as a heading.
const maxHeading = 200

// docTable is a table of the document, as read from its XML.
type docTable struct {
	number   int
	parent   int    // the table whose cell holds it; 0 at the body's level
	heading  string // the appendix heading above it, or the last paragraph above it
	appendix string // AppendixID of the heading
	unit     string // the unit of an "Đơn vị tính: …" paragraph above it
	rows     [][]docCell
}

// docCell is a grid column of a row: a cell, or one a cell spans.
type docCell struct {
	text string
	// nested is the number of the first table inside the cell (0: none).
	nested int
	// hidden is the text of a cell merged into the one above it or to its
	// left (w:vMerge, w:hMerge continue): Word does not show it.
	hidden string
	// spanned marks the columns after the first of a cell that spans
	// several (w:gridSpan) and the continuation of a merge.
	spanned bool
	// merged marks the continuation of a merge (w:vMerge, w:hMerge).
	merged bool
}

// columns returns the width of the table's widest row.
func (t *docTable) columns() int {
	n := 0
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	return n
}

// readDocument reads the tables of a .docx file. Its errors are
// *DocxError values without a file name.
func readDocument(r io.ReaderAt, size int64) ([]*docTable, error) {
	p, err := readDoc(r, size)
	if err != nil {
		return nil, err
	}
	return p.tables, nil
}

// readDoc opens a document's zip and reads its main part, within the
// limits.
func readDoc(r io.ReaderAt, size int64) (*reader, error) {
	if size > loaders.MaxInputBytes {
		return nil, fileError(loaders.ErrLimit, "", fmt.Sprintf("a document of at most %d bytes (it has %d)", loaders.MaxInputBytes, size))
	}
	if size < 0 {
		return nil, fileError(ErrNotDocument, "", "a file of known size")
	}
	zr, err := zip.NewReader(r, size)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fileError(ErrNotDocument, "", "a .docx document, which is a zip archive ("+err.Error()+")")
	}
	name := mainPart(zr)
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == name {
			part = f
			break
		}
	}
	if part == nil {
		return nil, fileError(ErrNotDocument, "", fmt.Sprintf("a .docx document: a zip holding %s (this zip holds %s)", name, partNames(zr)))
	}
	if part.UncompressedSize64 > loaders.MaxInputBytes {
		return nil, fileError(loaders.ErrLimit, "", fmt.Sprintf("%s of at most %d bytes unzipped (it declares %d)", name, loaders.MaxInputBytes, part.UncompressedSize64))
	}
	rc, err := part.Open()
	if err != nil {
		return nil, fileError(ErrNotDocument, "", fmt.Sprintf("a readable %s (%v)", name, err))
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: loaders.MaxInputBytes + 1}
	doc, err := readParts(lr)
	if lr.N <= 0 {
		return nil, fileError(loaders.ErrLimit, "", fmt.Sprintf("%s of at most %d bytes unzipped", name, loaders.MaxInputBytes))
	}
	if err != nil {
		var de *DocxError
		if errors.As(err, &de) {
			return nil, de
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, fileError(ErrNotDocument, "", fmt.Sprintf("well-formed XML in %s (line %d: %s)", name, se.Line, se.Msg))
		}
		return nil, fileError(ErrNotDocument, "", fmt.Sprintf("a readable %s (%v)", name, err))
	}
	return doc, nil
}

// mainPart returns the name of the document's main part: the target of
// the officeDocument relationship of _rels/.rels, or word/document.xml.
func mainPart(zr *zip.Reader) string {
	for _, f := range zr.File {
		if f.Name != "_rels/.rels" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return defaultPart
		}
		defer rc.Close()
		var rels struct {
			Rel []struct {
				Type   string `xml:"Type,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.NewDecoder(io.LimitReader(rc, maxRelsBytes)).Decode(&rels); err != nil {
			return defaultPart
		}
		for _, rel := range rels.Rel {
			if strings.HasSuffix(rel.Type, "/officeDocument") && rel.Target != "" {
				return strings.TrimPrefix(path.Clean("/"+rel.Target), "/")
			}
		}
		return defaultPart
	}
	return defaultPart
}

// partNames lists the first parts of a zip, for an error.
func partNames(zr *zip.Reader) string {
	if len(zr.File) == 0 {
		return "nothing"
	}
	var names []string
	for i, f := range zr.File {
		if i == 5 {
			names = append(names, fmt.Sprintf("and %d more", len(zr.File)-5))
			break
		}
		names = append(names, strconv.Quote(f.Name))
	}
	return strings.Join(names, ", ")
}

// container is where paragraphs go: the body or a cell.
type container struct {
	par     strings.Builder // the paragraph being read
	pars    []string        // a cell's paragraphs
	isCell  bool
	nested  int // a cell's first nested table
	heading string
	last    string
	unit    string
}

// endParagraph files the paragraph read: a cell keeps it; the body (or a
// cell, for a table nested in it) remembers it as a heading.
func (c *container) endParagraph() {
	p := c.par.String()
	c.par.Reset()
	if c.isCell {
		c.pars = append(c.pars, p)
	}
	t := loaders.CleanText(loaders.Clip(p, 4*maxHeading))
	if t == "" {
		return
	}
	t = loaders.Clip(t, maxHeading)
	c.last = t
	if loaders.AppendixID(t) != "" {
		c.heading = t
	}
	if u, ok := loaders.UnitLine(t); ok {
		c.unit = u
	}
}

// tableDone forgets the paragraphs above a table once it ends: the next
// table's heading is below it.
func (c *container) tableDone() { c.heading, c.last, c.unit = "", "", "" }

// building is a table being read.
type building struct {
	t     *docTable
	row   []docCell
	cell  *container // nil between cells
	span  int        // w:gridSpan of the cell
	merge bool       // the cell continues a merge (w:vMerge, w:hMerge)
	stray container  // paragraphs outside cells (malformed)
}

// reader holds the state of one pass over the document's XML.
type reader struct {
	tables []*docTable
	stack  []*building
	body   container
	names  []string // local names of the open elements
	skip   int      // depth inside a skipped element (drawings, shapes)
	inText bool     // inside w:t
	hidden bool     // the run is hidden (w:vanish)
	cells  int      // grid cells read, against loaders.MaxCells
	// paragraphs are the body's paragraphs with text, outside tables
	paragraphs []string
}

// readTables reads the tables of a document's main part.
func readTables(r io.Reader) ([]*docTable, error) {
	p, err := readParts(r)
	if err != nil {
		return nil, err
	}
	return p.tables, nil
}

// readParts reads a document's main part: its tables and the paragraphs of
// its body.
func readParts(r io.Reader) (*reader, error) {
	d := xml.NewDecoder(r)
	p := &reader{}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if err := p.start(tok); err != nil {
				return nil, err
			}
		case xml.EndElement:
			if err := p.end(tok); err != nil {
				return nil, err
			}
		case xml.CharData:
			if p.inText && !p.hidden && p.skip == 0 {
				p.here().par.Write(tok)
			}
		}
	}
	for len(p.stack) > 0 { // not reached: the decoder checks that tags balance
		if err := p.endTable(); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func isW(n xml.Name) bool { return n.Space == nsW || n.Space == nsWStrict }

// here returns the container of the paragraph being read.
func (p *reader) here() *container {
	if n := len(p.stack); n > 0 {
		b := p.stack[n-1]
		if b.cell != nil {
			return b.cell
		}
		return &b.stray
	}
	return &p.body
}

func (p *reader) parent(k int) string {
	if i := len(p.names) - 1 - k; i >= 0 {
		return p.names[i]
	}
	return ""
}

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

func (p *reader) start(e xml.StartElement) error {
	if p.skip > 0 {
		p.skip++
		return nil
	}
	if e.Name.Space == nsMC && e.Name.Local == "AlternateContent" {
		p.skip = 1
		return nil
	}
	if !isW(e.Name) {
		p.names = append(p.names, "")
		return nil
	}
	local := e.Name.Local
	switch local {
	case "drawing", "pict", "object", "moveFrom", "del", "txbxContent":
		// Shapes, text boxes and deleted text are not a cell's text.
		p.skip = 1
		return nil
	}
	parent, grand := p.parent(0), p.parent(1)
	p.names = append(p.names, local)
	switch local {
	case "tbl":
		p.startTable()
	case "tr":
		if b := p.top(); b != nil {
			b.row = nil
		}
	case "gridBefore":
		if b := p.top(); b != nil && parent == "trPr" {
			return p.addCells(b, intVal(e, 0), docCell{})
		}
	case "tc":
		if b := p.top(); b != nil {
			if b.cell != nil {
				if err := p.endCell(b); err != nil {
					return err
				}
			}
			b.cell, b.span, b.merge = &container{isCell: true}, 1, false
		}
	case "gridSpan":
		if b := p.top(); b != nil && b.cell != nil && parent == "tcPr" {
			b.span = max(intVal(e, 1), 1)
		}
	case "vMerge", "hMerge":
		if b := p.top(); b != nil && b.cell != nil && parent == "tcPr" {
			v, _ := attr(e, "val")
			b.merge = v != "restart"
		}
	case "p":
		p.here().par.Reset()
	case "r":
		p.hidden = false
	case "vanish":
		if parent == "rPr" && grand == "r" {
			v, _ := attr(e, "val")
			p.hidden = !(v == "0" || v == "false" || v == "off")
		}
	case "t":
		p.inText = true
	case "tab", "ptab", "br", "cr", "noBreakHyphen":
		if parent == "r" && !p.hidden {
			if local == "noBreakHyphen" {
				p.here().par.WriteByte('-')
			} else {
				p.here().par.WriteByte(' ')
			}
		}
	}
	return nil
}

func (p *reader) end(xml.EndElement) error {
	if p.skip > 0 {
		p.skip--
		return nil
	}
	if len(p.names) == 0 {
		return nil
	}
	local := p.names[len(p.names)-1]
	p.names = p.names[:len(p.names)-1]
	switch local {
	case "tbl":
		return p.endTable()
	case "tr":
		if b := p.top(); b != nil {
			if b.cell != nil { // a w:tc directly in a w:tc
				if err := p.endCell(b); err != nil {
					return err
				}
			}
			b.t.rows = append(b.t.rows, b.row)
			b.row = nil
		}
	case "tc":
		if b := p.top(); b != nil && b.cell != nil {
			return p.endCell(b)
		}
	case "p":
		c := p.here()
		if c == &p.body {
			if t := loaders.CleanText(c.par.String()); t != "" {
				p.paragraphs = append(p.paragraphs, t)
			}
		}
		c.endParagraph()
	case "t":
		p.inText = false
	case "r":
		p.hidden = false
	}
	return nil
}

// top returns the table being read, nil at the body's level.
func (p *reader) top() *building {
	if n := len(p.stack); n > 0 {
		return p.stack[n-1]
	}
	return nil
}

func (p *reader) startTable() {
	c := p.here()
	t := &docTable{number: len(p.tables) + 1, heading: c.heading, unit: c.unit}
	if t.heading == "" {
		t.heading = c.last
	}
	t.appendix = loaders.AppendixID(c.heading)
	if b := p.top(); b != nil {
		t.parent = b.t.number
		if c.isCell && c.nested == 0 {
			c.nested = t.number
		}
	}
	p.tables = append(p.tables, t)
	p.stack = append(p.stack, &building{t: t})
}

func (p *reader) endTable() error {
	b := p.top()
	if b == nil {
		return nil
	}
	if b.cell != nil {
		if err := p.endCell(b); err != nil {
			return err
		}
	}
	if len(b.row) > 0 {
		b.t.rows = append(b.t.rows, b.row)
	}
	if b.t.appendix == "" && len(b.t.rows) > 0 {
		// A heading in the table's first row, merged across it.
		var texts []string
		for _, c := range b.t.rows[0] {
			if c.text != "" {
				texts = append(texts, c.text)
			}
		}
		if len(texts) == 1 {
			b.t.appendix = loaders.AppendixID(texts[0])
		}
	}
	p.stack = p.stack[:len(p.stack)-1]
	p.here().tableDone()
	return nil
}

// endCell files the cell being read in its row: its text in its first
// grid column, the columns it spans empty.
func (p *reader) endCell(b *building) error {
	c := b.cell
	b.cell = nil
	if c.par.Len() > 0 {
		c.endParagraph()
	}
	text := loaders.CleanText(strings.Join(c.pars, " "))
	first := docCell{text: text, nested: c.nested}
	if b.merge {
		first = docCell{hidden: text, nested: c.nested, spanned: true, merged: true}
	}
	if err := p.addCells(b, 1, first); err != nil {
		return err
	}
	return p.addCells(b, b.span-1, docCell{spanned: true, merged: b.merge})
}

// addCells adds n copies of a cell to the row being read, within
// loaders.MaxCells for the whole document.
func (p *reader) addCells(b *building, n int, c docCell) error {
	if n <= 0 {
		return nil
	}
	if n > maxColumns-len(b.row) {
		return &DocxError{Table: b.t.number, Row: len(b.t.rows) + 1, Err: &loaders.Error{Err: loaders.ErrLimit,
			Expected: fmt.Sprintf("at most %d columns in a row", maxColumns)}}
	}
	if n > loaders.MaxCells-p.cells {
		return &DocxError{Table: b.t.number, Row: len(b.t.rows) + 1, Err: &loaders.Error{Err: loaders.ErrLimit,
			Expected: fmt.Sprintf("at most %d cells in the document's tables", loaders.MaxCells)}}
	}
	p.cells += n
	for range n {
		b.row = append(b.row, c)
	}
	return nil
}

// intVal returns the w:val attribute of an element as a number, def when
// it has none or it is not a number.
func intVal(e xml.StartElement, def int) int {
	v, ok := attr(e, "val")
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}
