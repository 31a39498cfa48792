package docxinput

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

// MetaSourceTable is the schema metadata key of the number of the table a
// Frame was read from (its source_line column counts that table's rows).
const MetaSourceTable = "source_table"

// Sentinel errors of Word documents, besides those of package loaders.
var (
	// ErrNotDocument: the file is not a .docx document: not a zip, a zip
	// without word/document.xml (an .xlsx, an .odt), XML that is not well
	// formed, or an old .doc renamed .docx.
	ErrNotDocument = loaders.NewSentinel("not a .docx document", "không phải tệp Word .docx")
	// ErrNoTable: the document has no table of the number asked for, or
	// several tables and no choice of one.
	ErrNoTable = loaders.NewSentinel("no such table", "văn bản không có bảng này")
	// ErrNestedTable: a cell of the table read holds a table. The inner
	// table has a number of its own (TableInfo.Parent says where it is):
	// read that one.
	ErrNestedTable = loaders.NewSentinel("a table inside a cell", "bảng lồng trong một ô")
	// ErrHiddenText: a cell merged into the cell above it (w:vMerge) or to
	// its left (w:hMerge) holds text, which Word does not show.
	ErrHiddenText = loaders.NewSentinel("text under a merged cell", "chữ bị che dưới ô gộp")
)

// DocxError is a problem of a document, of one of its tables, or at a row
// or cell of a table. Err is the problem as package loaders reports it
// (errors.Is reaches its sentinel; loaders.Errors returns it).
type DocxError struct {
	File string
	// Table is the table's number (1 for the document's first table, in
	// document order); 0 when the problem is the file's.
	Table int
	// Row is the row of the table (1-based, counting every w:tr, header
	// rows included); 0 when the problem is the table's.
	Row int
	// Cell is the grid column of the cell (1-based: a cell spanning two
	// columns counts two); 0 when the problem is the whole row's.
	Cell int
	Err  *loaders.Error
}

// Error reads "plan.docx: table 2, row 7, cell 4: (staff) not a number:
// found …".
func (e *DocxError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(loaders.EscapeControls(e.File))
		b.WriteString(": ")
	}
	if e.Table > 0 {
		fmt.Fprintf(&b, "table %d", e.Table)
		if e.Row > 0 {
			fmt.Fprintf(&b, ", row %d", e.Row)
		}
		if e.Cell > 0 {
			fmt.Fprintf(&b, ", cell %d", e.Cell)
		}
		b.WriteString(": ")
	}
	if e.Err == nil {
		b.WriteString("error")
		return b.String()
	}
	in := *e.Err
	in.File, in.Line, in.Cell = "", 0, 0
	b.WriteString(in.Error())
	return b.String()
}

// Position returns the file, table, row and cell of the error.
func (e *DocxError) Position() frame.Position {
	return frame.Position{File: e.File, Table: e.Table, Line: e.Row, Cell: e.Cell}
}

// Unwrap returns the loaders error.
func (e *DocxError) Unwrap() error {
	if e.Err == nil {
		return nil
	}
	return e.Err
}

func fileError(sentinel error, text, expected string) *DocxError {
	return &DocxError{Err: &loaders.Error{Err: sentinel, Text: text, Expected: expected}}
}

// TableInfo describes a table of a document, as Tables lists them.
type TableInfo struct {
	// Number is the table's number, from 1 in document order (the order
	// of the tables' starts: a table nested in a cell comes after the
	// table that holds it).
	Number int
	// Rows and Columns: the table's rows (w:tr) and grid columns (its
	// widest row, a cell spanning two columns counting two).
	Rows, Columns int
	// FirstRow is the text of each grid column of the first row (the
	// columns a merged cell spans are empty).
	FirstRow []string
	// Heading is the paragraph above the table that heads an appendix
	// ("PHỤ LỤC 2", "Phụ lục số 05: …"), or else the last paragraph above
	// it with text (a caption); only paragraphs after the previous table
	// count. At most 200 characters.
	Heading string
	// Appendix is the id of the appendix the table is under ("2" for
	// "PHỤ LỤC 2", loaders.AppendixID), from Heading or, when the heading
	// is the only text of the table's first row, from that row; "" when
	// neither heads an appendix.
	Appendix string
	// Unit is the unit of an "Đơn vị tính: …" paragraph between the
	// previous table and this one ("triệu đồng"), "" when there is none.
	Unit string
	// Parent is the number of the table in a cell of which this one is
	// nested; 0 for a table of the document's body.
	Parent int
}

// String writes the table on one line, as `ictplan tables` lists it:
// `table 1: 31 rows × 9 columns, PHỤ LỤC 2 (appendix 2): Mã số | Tên đơn
// vị | …`, every text clipped and its control characters escaped.
func (t TableInfo) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "table %d: %d rows × %d columns", t.Number, t.Rows, t.Columns)
	if t.Parent > 0 {
		fmt.Fprintf(&b, ", inside table %d", t.Parent)
	}
	if t.Heading != "" {
		fmt.Fprintf(&b, ", under %q", loaders.EscapeControls(loaders.Clip(t.Heading, 60)))
	}
	if t.Appendix != "" {
		fmt.Fprintf(&b, " (appendix %s)", loaders.EscapeControls(t.Appendix))
	}
	if t.Unit != "" {
		fmt.Fprintf(&b, ", unit %s", loaders.EscapeControls(loaders.Clip(t.Unit, 30)))
	}
	var first []string
	for _, s := range t.FirstRow {
		if s != "" {
			first = append(first, loaders.Clip(s, 30))
		}
	}
	if len(first) > 0 {
		b.WriteString(": ")
		b.WriteString(loaders.EscapeControls(loaders.Clip(strings.Join(first, " | "), 120)))
	}
	return b.String()
}

// Tables lists the tables of a .docx document (size is its size in
// bytes), nested ones included, in document order. A file that is not a
// document is an ErrNotDocument, one too large (the file, or its
// word/document.xml unzipped, over loaders.MaxInputBytes; its tables over
// loaders.MaxCells cells) a loaders.ErrLimit, each a *DocxError without
// a file name: wrap it with the name.
func Tables(r io.ReaderAt, size int64) ([]TableInfo, error) {
	tables, err := readDocument(r, size)
	if err != nil {
		return nil, err
	}
	out := make([]TableInfo, len(tables))
	for i, t := range tables {
		out[i] = info(t)
	}
	return out, nil
}

// Rows returns the text of each cell of each row of a table of the
// document (table is its number, from 1, as Tables lists them): the text
// a reader sees, a cell merged into the one above it empty. It is what a
// finding at a row of the table quotes.
func Rows(r io.ReaderAt, size int64, table int) ([][]string, error) {
	tables, err := readDocument(r, size)
	if err != nil {
		return nil, err
	}
	t, cerr := choose(tables, table, "")
	if cerr != nil {
		return nil, cerr
	}
	out := make([][]string, len(t.rows))
	for i, row := range t.rows {
		out[i] = make([]string, len(row))
		for k, c := range row {
			if !c.merged {
				out[i][k] = c.text
			}
		}
	}
	return out, nil
}

func info(t *docTable) TableInfo {
	ti := TableInfo{Number: t.number, Rows: len(t.rows), Columns: t.columns(),
		Heading: t.heading, Appendix: t.appendix, Unit: t.unit, Parent: t.parent}
	if len(t.rows) > 0 {
		for _, c := range t.rows[0] {
			ti.FirstRow = append(ti.FirstRow, c.text)
		}
	}
	return ti
}

// Parse reads the table of a layout from a table of a .docx document
// (size is its size in bytes): table is its number (1 for the first, as
// Tables numbers them), or appendix the id of the appendix it is under
// ("2" for the first table after the heading "PHỤ LỤC 2"; Options.Appendix
// is the same choice). With neither, a document of one table is that
// table; with both, the table must be under that appendix.
//
// Each row of the table (w:tr) is a row of loaders.ParseRows, its line the
// row's number in the table (1-based, header rows included), so that the
// numbering of its rows is checked and its errors name the row. A cell is
// the text of all its paragraphs joined by a space, line breaks (w:br)
// and tabs read as spaces (loaders.CleanText), deleted text, text boxes
// and hidden runs left out; numbers are that text, read in the table's
// convention ("1.234,5" or "1,234.5", as in a CSV file). A cell spanning
// columns (w:gridSpan) has its text in its first column and the others
// empty, so that a row keeps its columns' positions; a cell merged into
// the one above it (w:vMerge) is empty (an ErrHiddenText if it holds
// text); a cell holding a table is an ErrNestedTable (read the inner
// table by its number). A row has at least as many cells as the layout.
//
// The money unit of an "Đơn vị tính: …" paragraph between the appendix's
// heading and the table applies when neither Options.Unit nor a cell of
// the table names one. Errors are *DocxError values naming the file
// (Options.File), the table, the row and the cell, joined in row and cell
// order; each wraps the *loaders.Error of ParseRows (its sentinel for
// errors.Is). The Frame's schema metadata gets the table's number under
// MetaSourceTable.
func Parse(r io.ReaderAt, size int64, table int, appendix string, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	if err := l.Validate(); err != nil {
		return nil, err
	}
	tables, err := readDocument(r, size)
	if err != nil {
		var de *DocxError
		if errors.As(err, &de) {
			de.File = o.File
		}
		return nil, err
	}
	if appendix == "" {
		appendix = o.Appendix
	} else if o.Appendix != "" && !sameAppendix(o.Appendix, appendix) {
		return nil, fmt.Errorf("%s: two appendices asked for: %q and %q (Options.Appendix)", o.File, appendix, o.Appendix)
	}
	o.Appendix = ""
	t, cerr := choose(tables, table, appendix)
	if cerr != nil {
		cerr.File = o.File
		return nil, cerr
	}
	return parseTable(t, l, o)
}

func sameAppendix(a, b string) bool {
	return loaders.AppendixID("PHỤ LỤC "+a) == loaders.AppendixID("PHỤ LỤC "+b)
}

// choose returns the table asked for by number or appendix.
func choose(tables []*docTable, number int, appendix string) (*docTable, *DocxError) {
	switch {
	case number < 0 || number > len(tables):
		exp := fmt.Sprintf("a table number from 1 to %d (the document has %d tables)", len(tables), len(tables))
		switch len(tables) {
		case 0:
			exp = "a document with a table (this one has none)"
		case 1:
			exp = "table 1 (the document has 1 table)"
		}
		return nil, fileError(ErrNoTable, strconv.Itoa(number), exp)
	case number > 0:
		t := tables[number-1]
		if appendix != "" && !sameAppendix(t.appendix, appendix) {
			e := fileError(ErrNoTable, appendix, fmt.Sprintf("the appendix of table %d (%s)", number, appendixName(t)))
			e.Table = number
			return nil, e
		}
		return t, nil
	case appendix != "":
		want := loaders.AppendixID("PHỤ LỤC " + appendix)
		if want != "" {
			for _, t := range tables {
				if t.appendix == want {
					return t, nil
				}
			}
		}
		return nil, fileError(loaders.ErrMissingAppendix, appendix, fmt.Sprintf("a table under the heading \"PHỤ LỤC %s\": %s", appendix, appendixList(tables)))
	case len(tables) == 1:
		return tables[0], nil
	case len(tables) == 0:
		return nil, fileError(ErrNoTable, "", "a document with a table (this one has none)")
	}
	return nil, fileError(ErrNoTable, "", fmt.Sprintf("a choice of table: a number from 1 to %d or an appendix (%s)", len(tables), appendixList(tables)))
}

func appendixName(t *docTable) string {
	if t.appendix == "" {
		return "under no appendix heading"
	}
	return "appendix " + t.appendix
}

// appendixList says which tables are under which appendix.
func appendixList(tables []*docTable) string {
	var parts []string
	for _, t := range tables {
		if t.appendix != "" {
			parts = append(parts, fmt.Sprintf("%s (table %d)", t.appendix, t.number))
		}
	}
	if len(parts) == 0 {
		return "the document has no table under an appendix heading"
	}
	return "the document has tables under appendices " + strings.Join(parts, ", ")
}

// parseTable reads a table of the document through loaders.ParseRows.
func parseTable(t *docTable, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	p := &tableParse{t: t, file: o.File, own: o.ErrorList()}
	records := p.records(len(l.Cells))
	if o.Unit == "" && t.unit != "" && !p.hasUnitLine() {
		if _, ok := loaders.ParseMoneyUnit(t.unit); ok {
			o.Unit = t.unit
		}
	}
	meta := map[string]string{}
	for k, v := range o.Meta {
		meta[k] = v
	}
	meta[MetaSourceTable] = strconv.Itoa(t.number)
	o.Meta = meta
	tb, err := loaders.ParseRows(records, l, o)
	if err != nil || p.own.Len() > 0 {
		if tb != nil {
			tb.Release()
		}
		return nil, p.join(err)
	}
	if m := detectedRe.FindStringSubmatch(tb.ConventionReason); m != nil {
		text, _ := strconv.Unquote(m[1])
		row, _ := strconv.Atoi(m[2])
		where := fmt.Sprintf("table %d, row %d", t.number, row)
		if col := p.find(row, text); col > 0 {
			where += fmt.Sprintf(", cell %d", col)
		}
		tb.ConventionReason = fmt.Sprintf("detected from %s at %s", m[1], where)
	}
	return tb, nil
}

var (
	detectedRe = regexp.MustCompile(`^detected from ("(?:[^"\\]|\\.)*") at line ([0-9]+)$`)
	atLineRe   = regexp.MustCompile(`\bat line ([0-9]+)`)
)

type tableParse struct {
	t    *docTable
	file string
	own  *loaders.ErrorList // the cells that cannot be read: nested tables, hidden text
}

// records returns the rows of the table as cells of loaders.ParseRows, at
// least width cells a row, and notes the cells that cannot be read.
func (p *tableParse) records(width int) [][]loaders.Cell {
	out := make([][]loaders.Cell, len(p.t.rows))
	for i, row := range p.t.rows {
		line := i + 1
		rec := make([]loaders.Cell, max(len(row), width))
		for k := range rec {
			rec[k].Line = line
		}
		for k, c := range row {
			rec[k].Text, rec[k].Merged = c.text, c.merged && c.hidden == "" // hidden text is an error of its own
			switch {
			case c.nested > 0:
				p.own.Add(&loaders.Error{Line: line, Cell: k + 1, Text: c.text, Err: ErrNestedTable,
					Expected: fmt.Sprintf("text in the cell; it holds table %d, which can be read by its number", c.nested)})
			case c.hidden != "":
				p.own.Add(&loaders.Error{Line: line, Cell: k + 1, Text: c.hidden, Err: ErrHiddenText,
					Expected: "an empty cell under a merged cell (Word shows only the text of the first cell of a merge)"})
			}
		}
		out[i] = rec
	}
	return out
}

// hasUnitLine reports an "Đơn vị tính: …" cell in the table.
func (p *tableParse) hasUnitLine() bool {
	for _, row := range p.t.rows {
		for _, c := range row {
			if _, ok := loaders.UnitLine(c.text); ok {
				return true
			}
		}
	}
	return false
}

// wrap turns an error of the table into a DocxError naming its position.
func (p *tableParse) wrap(e *loaders.Error) *DocxError {
	e.File = p.file
	return &DocxError{File: p.file, Table: p.t.number, Row: e.Line, Cell: e.Cell, Err: e}
}

// join turns the errors of ParseRows and the table's own (at most
// Options.MaxErrors of each, then a count) into DocxErrors, in row
// and cell order.
func (p *tableParse) join(err error) error {
	es := loaders.Errors(err)
	if err != nil && len(es) == 0 {
		return err // not about a position (an invalid unit)
	}
	for _, e := range es {
		if e.Cell == 0 && e.Line > 0 && e.Text != "" {
			// A problem of a row found at one of its cells (a mixed
			// convention): name that cell.
			e.Cell = p.find(e.Line, e.Text)
		}
		e.Expected = atLineRe.ReplaceAllString(e.Expected, "at row $1")
	}
	es = append(es, loaders.Errors(p.own.Err())...)
	out := make([]*DocxError, len(es))
	for i, e := range es {
		out[i] = p.wrap(e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if am, bm := errors.Is(a.Err, loaders.ErrMoreErrors), errors.Is(b.Err, loaders.ErrMoreErrors); am != bm {
			return bm // the counts of errors not kept come last
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return a.Cell < b.Cell
	})
	joined := make([]error, len(out))
	for i, e := range out {
		joined[i] = e
	}
	return errors.Join(joined...)
}

// find returns the grid column of the first cell of a row whose text is
// text (0: none).
func (p *tableParse) find(row int, text string) int {
	if row < 1 || row > len(p.t.rows) {
		return 0
	}
	for k, c := range p.t.rows[row-1] {
		if c.text == text {
			return k + 1
		}
	}
	return 0
}

// Paragraphs returns the text of a document's body outside its tables, one
// paragraph a string (cleaned: runs joined, line breaks as spaces), in
// order: where a draft writes an amount in digits and again in words
// ("… đồng (Bằng chữ: …)"), for loaders.FindWordAmounts.
func Paragraphs(r io.ReaderAt, size int64) ([]string, error) {
	p, err := readDoc(r, size)
	if err != nil {
		return nil, err
	}
	return p.paragraphs, nil
}
