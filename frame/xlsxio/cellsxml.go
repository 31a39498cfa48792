package xlsxio

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Bounds of the parts ReadCells reads besides the sheet's cells.
const (
	// maxCellText bounds the text of one cell, shared string or formula
	// (Excel's limit is 32767 characters).
	maxCellText = 1 << 17
	// maxStyles bounds the number formats and cell styles of a workbook
	// (Excel's limit is 64000 cell styles).
	maxStyles = 1 << 16
)

// book is a workbook opened for ReadCells: its zip, what is left of the
// unzip budget, and the parts read so far.
type book struct {
	zr       *zip.Reader
	unzip    int64 // bytes that may still be unzipped
	sheets   []string
	targets  map[string]string // sheet name -> part
	sst      string            // the shared strings, end to end
	sstEnd   []uint32          // sst[sstEnd[i-1]:sstEnd[i]] is string i
	date1904 bool
	custom   map[int]string // number format id -> format code
	xfs      []int          // cell style -> number format id
}

// openBook opens the zip of r: r itself when it can be read at any offset
// (a file, a bytes.Reader), after checking its size; otherwise r is read
// into memory, at most lim.FileSize bytes.
func openBook(r io.Reader, lim CellLimits) (*book, error) {
	var ra io.ReaderAt
	var size int64
	if rs, ok := r.(interface {
		io.ReaderAt
		io.Seeker
	}); ok {
		cur, err := rs.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, fmt.Errorf("xlsxio: %w", err)
		}
		end, err := rs.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, fmt.Errorf("xlsxio: %w", err)
		}
		if _, err := rs.Seek(cur, io.SeekStart); err != nil {
			return nil, fmt.Errorf("xlsxio: %w", err)
		}
		size = end - cur
		if size > lim.FileSize {
			return nil, fmt.Errorf("xlsxio: %w: file of %d bytes, larger than %d bytes", ErrTooLarge, size, lim.FileSize)
		}
		ra = io.NewSectionReader(rs, cur, size)
	} else {
		data, err := io.ReadAll(io.LimitReader(r, lim.FileSize+1))
		if err != nil {
			return nil, fmt.Errorf("xlsxio: %w", err)
		}
		if int64(len(data)) > lim.FileSize {
			return nil, fmt.Errorf("xlsxio: %w: file larger than %d bytes", ErrTooLarge, lim.FileSize)
		}
		ra, size = bytes.NewReader(data), int64(len(data))
	}
	head := make([]byte, 32)
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) && !bytes.HasPrefix(head, []byte("PK\x05\x06")) {
		what := fmt.Sprintf("it starts with %q", head)
		if n == 0 {
			what = "it is empty"
		}
		return nil, fmt.Errorf("xlsxio: %w: %w (an .xlsx workbook is a zip of XML parts): %s", ErrMalformed, ErrNotZip, what)
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fmt.Errorf("xlsxio: %w: %w: %v", ErrMalformed, ErrNotZip, err)
	}
	return &book{zr: zr, unzip: lim.UnzipSize}, nil
}

// open opens a part of the zip for reading, charged to the unzip budget
// as it is read: a part that declares more than the budget is refused
// before it is read, one that lies about its size when it outgrows it.
func (b *book) open(name string) (io.ReadCloser, error) {
	for _, f := range b.zr.File {
		if !strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			continue
		}
		if f.UncompressedSize64 > uint64(b.unzip) {
			return nil, fmt.Errorf("xlsxio: %w: %s unzips to %d bytes, more than the %d left of the limit of %d", ErrTooLarge, name, f.UncompressedSize64, b.unzip, MaxUnzipSize)
		}
		if f.UncompressedSize64 > maxRatio*f.CompressedSize64+ratioFree {
			return nil, fmt.Errorf("xlsxio: %w: %s unzips to %d bytes from %d, more than %d times as many (a zip bomb?)", ErrTooLarge, name, f.UncompressedSize64, f.CompressedSize64, maxRatio)
		}
		r, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("xlsxio: %w: %s: %v", ErrMalformed, name, err)
		}
		return &budgetReader{r: r, b: b, name: name}, nil
	}
	return nil, fmt.Errorf("xlsxio: %w: no part %s", ErrMalformed, name)
}

// has reports whether the zip has the part.
func (b *book) has(name string) bool {
	for _, f := range b.zr.File {
		if strings.EqualFold(strings.TrimPrefix(f.Name, "/"), name) {
			return true
		}
	}
	return false
}

// budgetReader charges what it reads to the book's unzip budget.
type budgetReader struct {
	r    io.ReadCloser
	b    *book
	name string
}

func (r *budgetReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.b.unzip -= int64(n)
	if r.b.unzip < 0 {
		return n, fmt.Errorf("%w: %s unzips to more bytes than the limit (%d in all)", ErrTooLarge, r.name, MaxUnzipSize)
	}
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%w: %s: %v", ErrMalformed, r.name, err)
	}
	return n, err
}

func (r *budgetReader) Close() error { return r.r.Close() }

// A part may unzip to at most maxRatio times its compressed size, plus
// ratioFree bytes: the worksheets of real workbooks compress about ten
// times; a zip bomb a thousand times, and the time to read it would grow
// with that, not with the file's size.
const (
	maxRatio  = 100
	ratioFree = 1 << 20
)

// maxRun bounds the bytes from one '<' of a part to the next: the XML
// decoder holds a text or a tag whole, and a part of 250 MB of blanks
// would be one text of 250 MB. No cell, shared string or tag of a real
// workbook comes near it (a cell holds at most 32767 characters).
const maxRun = 1 << 20

// markupReader fails a part with a run of more than maxRun bytes
// without a '<'.
type markupReader struct {
	r    io.Reader
	name string
	run  int
}

func (m *markupReader) Read(p []byte) (int, error) {
	n, err := m.r.Read(p)
	for rest := p[:n]; ; {
		i := bytes.IndexByte(rest, '<')
		if i < 0 {
			m.run += len(rest)
			break
		}
		m.run += i
		if m.run > maxRun {
			break
		}
		m.run, rest = 0, rest[i+1:]
	}
	if m.run > maxRun {
		return 0, fmt.Errorf("%w: %s has a text or tag of more than %d bytes", ErrTooLarge, m.name, maxRun)
	}
	return n, err
}

// scan calls fn with each token of a part, until fn returns false or an
// error, or the part ends.
func (b *book) scan(name string, fn func(xml.Token) (bool, error)) error {
	r, err := b.open(name)
	if err != nil {
		return err
	}
	defer r.Close()
	d := xml.NewDecoder(&markupReader{r: r, name: name})
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrMalformed) {
				return fmt.Errorf("xlsxio: %w", err)
			}
			return fmt.Errorf("xlsxio: %w: %s: %v", ErrMalformed, name, err)
		}
		more, err := fn(tok)
		if err != nil || !more {
			return err
		}
	}
}

// readWorkbook reads the sheet list, the date system and the parts of
// the sheets, the shared strings and the styles.
func (b *book) readWorkbook(lim CellLimits) error {
	ids := map[string]string{}
	b.targets = map[string]string{}
	var names []string
	err := b.scan("xl/workbook.xml", func(tok xml.Token) (bool, error) {
		el, ok := tok.(xml.StartElement)
		if !ok {
			return true, nil
		}
		switch el.Name.Local {
		case "workbookPr":
			v := attr(el, "date1904")
			b.date1904 = v == "1" || strings.EqualFold(v, "true")
		case "sheet":
			if len(names) >= maxStyles {
				return false, fmt.Errorf("xlsxio: %w: more than %d sheets", ErrTooLarge, maxStyles)
			}
			name := attr(el, "name")
			names = append(names, name)
			ids[name] = prefixedAttr(el, "id")
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	b.sheets = names
	rels := map[string]string{}
	sst, styles := "xl/sharedStrings.xml", "xl/styles.xml"
	err = b.scan("xl/_rels/workbook.xml.rels", func(tok xml.Token) (bool, error) {
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "Relationship" {
			return true, nil
		}
		if len(rels) >= maxStyles {
			return false, fmt.Errorf("xlsxio: %w: more than %d relationships", ErrTooLarge, maxStyles)
		}
		target := strings.TrimPrefix(attr(el, "Target"), "/")
		if !strings.HasPrefix(attr(el, "Target"), "/") {
			target = path.Join("xl", target)
		}
		rels[attr(el, "Id")] = target
		switch typ := attr(el, "Type"); {
		case strings.HasSuffix(typ, "/sharedStrings"):
			sst = target
		case strings.HasSuffix(typ, "/styles"):
			styles = target
		}
		return true, nil
	})
	if err != nil {
		return err
	}
	for name, id := range ids {
		if t, ok := rels[id]; ok {
			b.targets[name] = t
		}
	}
	if b.has(styles) {
		if err := b.readStyles(styles); err != nil {
			return err
		}
	}
	if b.has(sst) {
		return b.readSharedStrings(sst, lim)
	}
	return nil
}

// readStyles reads the number format of each cell style.
func (b *book) readStyles(name string) error {
	b.custom = map[int]string{}
	inXfs := false
	return b.scan(name, func(tok xml.Token) (bool, error) {
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "numFmt":
				if len(b.custom) >= maxStyles {
					return false, fmt.Errorf("xlsxio: %w: more than %d number formats", ErrTooLarge, maxStyles)
				}
				if id, err := strconv.Atoi(attr(el, "numFmtId")); err == nil {
					b.custom[id] = attr(el, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					if len(b.xfs) >= maxStyles {
						return false, fmt.Errorf("xlsxio: %w: more than %d cell styles", ErrTooLarge, maxStyles)
					}
					id, _ := strconv.Atoi(attr(el, "numFmtId"))
					b.xfs = append(b.xfs, id)
				}
			}
		case xml.EndElement:
			if el.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return true, nil
	})
}

// readSharedStrings reads the shared strings into one text: a string is
// its <t> texts end to end (rich text runs included, phonetic runs not),
// with Excel's escapes _xHHHH_ read.
func (b *book) readSharedStrings(name string, lim CellLimits) error {
	var all strings.Builder
	var cur textRun
	depthPh := 0
	err := b.scan(name, func(tok xml.Token) (bool, error) {
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si":
				cur.reset()
			case "rPh":
				depthPh++
			case "t":
				cur.on = depthPh == 0
			}
		case xml.CharData:
			if err := cur.add(el); err != nil {
				return false, fmt.Errorf("xlsxio: %w: shared string %d: %v", ErrTooLarge, len(b.sstEnd), err)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "t":
				cur.on = false
			case "rPh":
				depthPh = max(depthPh-1, 0)
			case "si":
				if len(b.sstEnd) >= lim.Positions {
					return false, fmt.Errorf("xlsxio: %w: more than %d shared strings", ErrTooLarge, lim.Positions)
				}
				if int64(all.Len()+cur.b.Len()) > lim.SharedText {
					return false, fmt.Errorf("xlsxio: %w: shared strings of more than %d bytes", ErrTooLarge, lim.SharedText)
				}
				all.WriteString(unescapeExcel(cur.b.String()))
				b.sstEnd = append(b.sstEnd, uint32(all.Len()))
			}
		}
		return true, nil
	})
	b.sst = all.String()
	return err
}

// sharedString returns string i of the table.
func (b *book) sharedString(i int) (string, bool) {
	if i < 0 || i >= len(b.sstEnd) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = b.sstEnd[i-1]
	}
	return b.sst[start:b.sstEnd[i]], true
}

// textRun collects the text of an element, up to maxCellText bytes.
type textRun struct {
	b  strings.Builder
	on bool
}

func (t *textRun) reset() { t.b.Reset(); t.on = false }

func (t *textRun) add(data []byte) error {
	if !t.on {
		return nil
	}
	if t.b.Len()+len(data) > maxCellText {
		return fmt.Errorf("a text of more than %d bytes", maxCellText)
	}
	t.b.Write(data)
	return nil
}

// unescapeExcel reads the escapes _xHHHH_ with which Excel writes the
// characters XML cannot hold (_x000D_ is a carriage return, _x005F_ a '_'
// that starts what would read as an escape), as Excel and excelize do.
func unescapeExcel(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
				b.WriteRune(rune(v))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// scanSheet reads the sheet's cells in one pass over its XML, in the
// order the file stores them, and its merged ranges.
func (cr *cellReader) scanSheet(part string, lim CellLimits) error {
	row, col, positions := 0, 0, 0
	var t string
	var style int
	var formula, inCell, inIS bool
	var v, is, f textRun
	depthPh := 0
	return cr.b.scan(part, func(tok xml.Token) (bool, error) {
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "row":
				n, err := rowNumber(el, row)
				if err != nil {
					return false, cr.malformed(err)
				}
				row, col = n, 0
			case "c":
				c, r, err := cellPosition(el, col, row)
				if err != nil {
					return false, cr.malformed(err)
				}
				col, row = c, r
				if positions++; positions > lim.Positions {
					return false, fmt.Errorf("xlsxio: %w: sheet %q has more than %d cell elements (row %d)", ErrTooLarge, cr.sheet, lim.Positions, row)
				}
				inCell, formula, inIS, depthPh = true, false, false, 0
				t = attr(el, "t")
				style, _ = strconv.Atoi(attr(el, "s"))
				v.reset()
				is.reset()
				f.reset()
			case "v":
				v.on = inCell
			case "f":
				if inCell {
					formula, f.on = true, true
				}
			case "is":
				inIS = inCell
			case "rPh":
				depthPh++
			case "t":
				is.on = inIS && depthPh == 0
			case "mergeCell":
				if err := cr.addMerge(el, lim); err != nil {
					return false, err
				}
			}
		case xml.CharData:
			for _, run := range []*textRun{&v, &is, &f} {
				if err := run.add(el); err != nil {
					return false, fmt.Errorf("xlsxio: %w: %s: %v", ErrTooLarge, Ref(cr.sheet, cellName(col, row)), err)
				}
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "v":
				v.on = false
			case "f":
				f.on = false
			case "t":
				is.on = false
			case "rPh":
				depthPh = max(depthPh-1, 0)
			case "is":
				inIS = false
			case "c":
				if !inCell {
					return true, nil
				}
				inCell = false
				return true, cr.end(row, col, t, style, formula, v.b.String(), is.b.String(), f.b.String(), lim)
			}
		}
		return true, nil
	})
}

// malformed is the error of a sheet whose XML says something impossible.
func (cr *cellReader) malformed(err error) error {
	return fmt.Errorf("xlsxio: %w: sheet %q: %v", ErrMalformed, cr.sheet, err)
}

// rowNumber returns the number of the row that the element el starts: its
// r attribute, or the row after prev when it has none.
func rowNumber(el xml.StartElement, prev int) (int, error) {
	r := attr(el, "r")
	if r == "" {
		return prev + 1, nil
	}
	n, err := strconv.Atoi(r)
	if err != nil || n < 1 || n > excelize.TotalRows {
		return 0, fmt.Errorf("row number %q", clip(r))
	}
	return n, nil
}

// cellPosition returns the column and the row of the cell that the element
// el starts: its r attribute, or the column after col in row when it has
// none. A position outside the sheet is an error.
func cellPosition(el xml.StartElement, col, row int) (int, int, error) {
	col++
	if r := attr(el, "r"); r != "" {
		c, rr, err := excelize.CellNameToCoordinates(r)
		if err != nil {
			return 0, 0, fmt.Errorf("cell reference %q", clip(r))
		}
		col, row = c, rr
	}
	if col > excelize.MaxColumns || row < 1 || row > excelize.TotalRows {
		return 0, 0, fmt.Errorf("a cell outside the sheet (row %d, column %d)", row, col)
	}
	return col, row, nil
}

// addMerge adds the merged range of a mergeCell element; one without a
// range (no ':') is ignored.
func (cr *cellReader) addMerge(el xml.StartElement, lim CellLimits) error {
	a, z, ok := strings.Cut(attr(el, "ref"), ":")
	if !ok {
		return nil
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(z)
	if err1 != nil || err2 != nil {
		return cr.malformed(fmt.Errorf("merged range %q", clip(attr(el, "ref"))))
	}
	if len(cr.merges) >= lim.Positions {
		return fmt.Errorf("xlsxio: %w: sheet %q has more than %d merged ranges", ErrTooLarge, cr.sheet, lim.Positions)
	}
	cr.merges = append(cr.merges, rect{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)})
	return nil
}

// end adds the cell just read, unless it is empty.
func (cr *cellReader) end(row, col int, t string, style int, formula bool, v, is, f string, lim CellLimits) error {
	raw := v
	switch t {
	case "s":
		idx := strings.TrimSpace(v)
		if idx == "" {
			raw = ""
			break
		}
		i, err := strconv.Atoi(idx)
		s, ok := cr.b.sharedString(i)
		if err != nil || !ok {
			want := "the workbook has no shared strings"
			if n := len(cr.b.sstEnd); n > 0 {
				want = fmt.Sprintf("a shared string index, of the %d strings of the workbook (0 to %d)", n, n-1)
			}
			return &CellError{Sheet: cr.sheet, Cell: cellName(col, row), Text: idx, Err: fmt.Errorf("%w: %s", ErrMalformed, want)}
		}
		raw = s
	case "inlineStr":
		if is != "" || v == "" {
			raw = unescapeExcel(is)
		}
	}
	if raw == "" && !formula {
		return nil
	}
	if len(cr.cells) == lim.Cells {
		return fmt.Errorf("xlsxio: %w: sheet %q has more than %d cells (row %d)", ErrTooLarge, cr.sheet, lim.Cells, row)
	}
	c := cr.cell(col, row, raw, t, style)
	if formula {
		c.Formula = f
		if c.Formula == "" {
			c.Formula = "(shared formula)"
		}
	}
	cr.cells = append(cr.cells, c)
	return nil
}

func attr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// prefixedAttr returns the attribute of a namespace prefix (r:id).
func prefixedAttr(el xml.StartElement, name string) string {
	for _, a := range el.Attr {
		if a.Name.Local == name && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// clip cuts a text echoed in an error to 80 characters.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	k := 0
	for i := range s {
		if k == 79 {
			return s[:i] + "…"
		}
		k++
	}
	return s
}
