package frame

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/numtext"
)

// CSVWriteOptions control WriteCSV.
//
// A text cell (or a column name) that begins with =, +, -, @, a tab or a
// carriage return is a formula to Excel and LibreOffice: an official who
// opens the file in a spreadsheet would run it ("CSV injection", OWASP).
// QuoteFormulas writes such a cell with a single quote first
// ('=SUM(A1:A9), '- Sở Y tế), as OWASP recommends, for files meant for a
// spreadsheet (the report's tables). It is not the default, because
// WriteCSV's output is also the machine-readable form of the datasets
// (ictplan show --format csv, the golden files), which pandas or R would
// read with the quote. Either way ReadCSV gives back the text WriteCSV was
// given: it removes a single quote followed by one of those characters or
// by another quote, and WriteCSV writes a text that begins so with one
// more quote. Numbers (-5) are never quoted: only cells of string columns
// and column names are.
type CSVWriteOptions struct {
	// QuoteFormulas puts a single quote before a text a spreadsheet would
	// run as a formula.
	QuoteFormulas bool
}

// WriteCSV writes f as CSV: a header of
// column names, then one record a row; numbers in plain Go form ('.'
// decimal, no grouping), dates 2006-01-02, null as an empty field, UTF-8
// without BOM, text as it is. CSV has no place for metadata: use IPC,
// Parquet or JSON to keep labels and provenance.
//
// ReadCSV detects the convention of a file's numbers from the tokens that
// read one way only: a file whose only numbers with a decimal point read
// two ways, such as 1.774 (1774 in the Vietnamese convention), would be
// undecided. In such a file, and only there, those floats are written with
// a fourth decimal (1.7740), so that ReadCSV reads every number back as
// written; a file with a float such as 0.5 or 1234.5 is written as it
// always was. A text that begins with a single quote followed by =, +, -,
// @, tab, carriage return or another quote gets one more quote first,
// since ReadCSV removes one there (see CSVWriteOptions); so does a text
// that begins with a tab or a carriage return, which ReadCSV would
// otherwise trim.
func WriteCSV(w io.Writer, f *Frame, o CSVWriteOptions) error {
	cw := csv.NewWriter(w)
	names := f.Names()
	for i, n := range names {
		names[i] = quoteFormula(n, o.QuoteFormulas)
	}
	if err := cw.Write(names); err != nil {
		return err
	}
	rec := make([]string, len(f.cols))
	cols := make([]Column, len(f.cols))
	for j := range cols {
		cols[j] = f.ColumnAt(j)
	}
	decided := f.pointDecides(cols)
	for i := 0; i < f.nrows; i++ {
		for j, c := range cols {
			rec[j] = c.plain(i)
			switch c.Kind() {
			case Float64:
				if !decided {
					rec[j] = unambiguousPlain(rec[j])
				}
			case String:
				rec[j] = quoteFormula(rec[j], o.QuoteFormulas)
			}
		}
		if len(rec) == 1 && rec[0] == "" {
			// encoding/csv writes a lone empty field as an empty line,
			// which readers skip: the null row would be lost.
			cw.Flush()
			if _, err := io.WriteString(w, "\"\"\n"); err != nil {
				return err
			}
			continue
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStart reports whether a cell that begins with b is a formula to a
// spreadsheet (OWASP, CSV injection).
func formulaStart(b byte) bool {
	switch b {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// quotedFormula reports whether s begins with the quote that quoteFormula
// adds: a single quote followed by a formula start or another quote.
func quotedFormula(s string) bool {
	return len(s) > 1 && s[0] == '\'' && (formulaStart(s[1]) || s[1] == '\'')
}

// quoteFormula prefixes a single quote to a text that would otherwise
// lose its first quote, or its first tab or carriage return (trimmed as
// blanks), on reading, and, if formulas is set, to a text a spreadsheet
// would run.
// QuoteFormula returns s as WriteCSV writes a text cell with
// CSVWriteOptions.QuoteFormulas: with a single quote first when a
// spreadsheet would run it as a formula (it begins with =, +, -, @, a tab
// or a carriage return) or when it begins with such a quote already, for
// CSV writers of other packages.
func QuoteFormula(s string) string { return quoteFormula(s, true) }

func quoteFormula(s string, formulas bool) string {
	if s == "" {
		return s
	}
	if quotedFormula(s) || s[0] == '\t' || s[0] == '\r' || (formulas && formulaStart(s[0])) {
		return "'" + s
	}
	return s
}

// unquoteFormula undoes quoteFormula.
func unquoteFormula(s string) string {
	if quotedFormula(s) {
		return s[1:]
	}
	return s
}

// pointDecides reports whether a float of cols, written plain, has a
// decimal point that reads one way only (0.5, 1234.5), which tells
// ReadCSV that the file's points are decimal points.
func (f *Frame) pointDecides(cols []Column) bool {
	for _, c := range cols {
		if c.Kind() != Float64 {
			continue
		}
		for i := 0; i < f.nrows; i++ {
			if c.IsNull(i) {
				continue
			}
			if ev, _ := numtext.Evidence(c.plain(i)); ev == numtext.CommaThousands {
				return true
			}
		}
	}
	return false
}

// unambiguousPlain adds a fourth decimal to a plain float such as 1.774,
// which would read as 1774 in the Vietnamese convention.
func unambiguousPlain(s string) string {
	if _, amb := numtext.Evidence(s); amb {
		return s + "0"
	}
	return s
}

// CSVOptions control ReadCSV.
type CSVOptions struct {
	// Fields, if set, fixes the columns: the header must name them (in any
	// order; extra header columns are an error) and values are parsed as
	// their kinds. Otherwise each column's kind is inferred: int64 if every
	// non-empty value is a whole number, else float64 if every one is a
	// number, else bool (true/false), else date (2006-01-02), else string.
	Fields []FieldSpec
	// Numbers is how the file writes numbers. The zero value,
	// numtext.Undecided, detects it, as package loaders does for a table:
	// each number token that reads one way only is evidence — 1.234,5,
	// 0,8002 and 30.500.000 for the Vietnamese convention (DotThousands),
	// 0.89308 and 9,189,899,000 for the English one (CommaThousands) — and
	// a token that reads two ways (1.774: 1774 or 1.774) is read in the
	// convention the evidence gives. Evidence of both conventions is an
	// ErrMixedConvention naming both places; an ambiguous token where
	// nothing decides is an ErrAmbiguousNumber naming both readings. Only
	// number columns give evidence: a column declared text by Fields, and
	// an inferred column with a cell that is no number, do not.
	//
	// Detection keeps what ReadCSV always read in a file without
	// Vietnamese numbers: a number without separators (1201, -5, 1e5) or
	// with a decimal point (0.89308) reads as before, and a file written by
	// WriteCSV (plain numbers, written so that none reads two ways) is read
	// back as written. It adds that a researcher's file of 1.234,5 and
	// 0,8002 is read as numbers, where it was text, and that 1.774 alone is
	// an error, where it was silently the fraction. A column of codes such
	// as "1,2" is now a number column unless Fields declares it text. Give DotThousands or CommaThousands when the
	// convention is known, and Plain to read only the form programs write
	// (a decimal point, no thousands separator: 1.774 is a fraction, 0,5
	// and 1,201 are text), which was ReadCSV's only mode before detection.
	Numbers numtext.Convention
	// KeepQuotePrefix keeps the single quote that WriteCSV puts before a
	// text a spreadsheet would run as a formula ('=SUM(A1), '- Sở Y tế;
	// see CSVWriteOptions). By default ReadCSV removes it from text cells
	// and column names, giving back the text WriteCSV was given: a quote
	// followed by =, +, -, @, tab, carriage return or another quote is
	// dropped; any other quote is text. (A spreadsheet does not store the
	// quote typed before a formula-like text, so a file it exports has none
	// to lose.)
	KeepQuotePrefix bool
	// Meta is set as the schema metadata of the result.
	Meta map[string]string
	// Comma is the field delimiter (default ',').
	Comma rune
	// Allocator for the result (nil: memory.DefaultAllocator).
	Allocator memory.Allocator
	// MaxRows bounds the number of data rows (0: 10 million).
	MaxRows int
	// File names the input in errors ("plan.csv:3: ..."); "" leaves it out.
	File string
}

// CSVError is a problem at a position of a CSV input. It reads
// "plan.csv:3: column "staff": "l42": not a number", as the loaders'
// errors do ("file:line: ...").
type CSVError struct {
	File   string // the input's name (CSVOptions.File), if given
	Line   int    // 1-based line of the record
	Column string // column name, if known
	Text   string // the offending field
	Err    error
}

// Position returns the file and line of the error.
func (e *CSVError) Position() Position { return Position{File: e.File, Line: e.Line} }

func (e *CSVError) Error() string {
	var b strings.Builder
	if e.File != "" {
		fmt.Fprintf(&b, "%s:%d:", e.File, e.Line)
	} else {
		fmt.Fprintf(&b, "line %d:", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, " column %q", e.Column)
	}
	if e.Text != "" {
		if e.Column != "" {
			b.WriteByte(':')
		}
		fmt.Fprintf(&b, " %q", e.Text)
	}
	if e.Column != "" || e.Text != "" {
		b.WriteByte(':')
	}
	fmt.Fprintf(&b, " %v", e.Err)
	return b.String()
}

func (e *CSVError) Unwrap() error { return e.Err }

// UnclosedQuoteError is a quoted field that the input ends inside. Line is
// where its quote opened (CSVError.Line says the same): encoding/csv
// reports the last line of the input, where it gave up.
type UnclosedQuoteError struct {
	Line int
}

func (e *UnclosedQuoteError) Error() string {
	return fmt.Sprintf("quote opened on line %d is not closed", e.Line)
}

// Unwrap returns csv.ErrQuote, the error encoding/csv gives.
func (e *UnclosedQuoteError) Unwrap() error { return csv.ErrQuote }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads a CSV table with a header row. Empty fields are null. A BOM,
// CRLF line ends, and spaces, no-break spaces and zero-width no-break
// spaces (U+FEFF, a BOM left by joining files) around values are
// tolerated; a line of a quoted field ends with "\n"; text is
// NFC-normalised. An empty header names column i
// (1-based) "column_i"; a name twice is an error. Numbers are read in the
// convention of CSVOptions.Numbers, detected by default. Errors are
// *CSVError values naming the line and column; all the value errors are
// returned, joined, in line order.
func ReadCSV(r io.Reader, o CSVOptions) (*Frame, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	cr := csv.NewReader(bytes.NewReader(data))
	if o.Comma != 0 {
		cr.Comma = o.Comma
	}
	// Field counts are checked when the values are read, so that a ragged
	// row is reported with the others rather than stopping the read.
	cr.FieldsPerRecord = -1
	header, err := readCSVHeader(cr, data, o)
	if err != nil {
		return nil, err
	}
	t, err := readCSVRecords(cr, data, header, o)
	if err != nil {
		return nil, err
	}
	var specs []FieldSpec
	var order []int // spec index -> header index
	if o.Fields != nil {
		if specs, order, err = t.fixedSpecs(o.Fields); err != nil {
			return nil, err
		}
	}
	conv := o.Numbers
	if conv == numtext.Undecided {
		if conv, err = t.decideConvention(t.numberColumns(specs, order)); err != nil {
			return nil, err
		}
	}
	if o.Fields == nil {
		specs, order = t.inferSpecs(conv)
	}
	return t.frame(o, specs, order, conv)
}

// readCSVHeader reads the header row of a CSV input: its names cleaned
// (and unquoted, unless o.KeepQuotePrefix), an empty one named column_i;
// an input without a header, and a name twice, are errors.
func readCSVHeader(cr *csv.Reader, data []byte, o CSVOptions) ([]string, error) {
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &CSVError{File: o.File, Line: 1, Err: errors.New("empty input: expected a header row")}
	}
	if err != nil {
		return nil, syntaxError(data, cr.Comma, nil, o.File, err)
	}
	seenHeader := map[string]bool{}
	for i := range header {
		header[i] = cleanField(header[i])
		if !o.KeepQuotePrefix {
			header[i] = unquoteFormula(header[i])
		}
		if header[i] == "" {
			// as pandas writes for an unnamed index column
			header[i] = fmt.Sprintf("column_%d", i+1)
		}
		if seenHeader[header[i]] {
			return nil, &CSVError{File: o.File, Line: 1, Column: header[i], Err: errors.New("column named twice in the header")}
		}
		seenHeader[header[i]] = true
	}
	return header, nil
}

// readCSVRecords reads the records that follow the header, their fields
// cleaned, each with the line it starts on; more than o.MaxRows records
// (10 million when 0) are an error.
func readCSVRecords(cr *csv.Reader, data []byte, header []string, o CSVOptions) (*csvTable, error) {
	maxRows := o.MaxRows
	if maxRows <= 0 {
		maxRows = 10_000_000
	}
	var records [][]string
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(data, cr.Comma, header, o.File, err)
		}
		line, _ := cr.FieldPos(0)
		if len(records) >= maxRows {
			return nil, &CSVError{File: o.File, Line: line, Err: fmt.Errorf("more than %d rows", maxRows)}
		}
		for i := range rec {
			rec[i] = cleanField(rec[i])
		}
		records = append(records, rec)
		lines = append(lines, line)
	}
	return &csvTable{header: header, records: records, lines: lines, file: o.File}, nil
}

// fixedSpecs returns the columns fields (CSVOptions.Fields) and, for
// each, the index of the header column of its name. The header must name
// every one of them and no other column.
func (t *csvTable) fixedSpecs(fields []FieldSpec) (specs []FieldSpec, order []int, err error) {
	specs = make([]FieldSpec, len(t.header))
	order = make([]int, len(t.header))
	pos := map[string]int{}
	for i, h := range t.header {
		pos[h] = i
	}
	if len(t.header) != len(fields) {
		return nil, nil, &CSVError{File: t.file, Line: 1, Err: fmt.Errorf("header has %d columns, expected %d (%s)", len(t.header), len(fields), specNames(fields))}
	}
	for k, s := range fields {
		i, ok := pos[s.Name]
		if !ok {
			return nil, nil, &CSVError{File: t.file, Line: 1, Column: s.Name, Err: fmt.Errorf("column missing from header %v", t.header)}
		}
		specs[k], order[k] = s, i
	}
	return specs, order, nil
}

// numberColumns returns the header columns that may hold numbers, whose
// tokens are the evidence of the convention: those that specs, read from
// header columns order, declares int64 or float64, or, when specs is nil,
// those whose every non-empty cell reads as a number.
func (t *csvTable) numberColumns(specs []FieldSpec, order []int) []int {
	var numeric []int
	if specs != nil {
		for k, s := range specs {
			if s.Kind == Int64 || s.Kind == Float64 {
				numeric = append(numeric, order[k])
			}
		}
		return numeric
	}
	for i := range t.header {
		if t.numberColumn(i) {
			numeric = append(numeric, i)
		}
	}
	return numeric
}

// inferSpecs returns a column per header column, of the kind its cells
// read as with numbers in convention conv, in the header's order.
func (t *csvTable) inferSpecs(conv numtext.Convention) (specs []FieldSpec, order []int) {
	specs = make([]FieldSpec, len(t.header))
	order = make([]int, len(t.header))
	for i, h := range t.header {
		specs[i] = FieldSpec{Name: h, Kind: t.inferKind(i, conv)}
		order[i] = i
	}
	return specs, order
}

// frame reads the records into a Frame of the columns specs, column k
// from header column order[k], numbers in convention conv. Every value
// that does not read as its column's kind, and every record with another
// number of fields than the header, is a *CSVError; they are returned
// joined, in line order.
func (t *csvTable) frame(o CSVOptions, specs []FieldSpec, order []int, conv numtext.Convention) (*Frame, error) {
	var errs []error
	b := NewBuilder(o.Meta, specs, WithAllocator(o.Allocator))
	defer b.Release()
	for r, rec := range t.records {
		for k, s := range specs {
			i := order[k]
			v := ""
			if i < len(rec) {
				v = rec[i]
			}
			if s.Kind == String && !o.KeepQuotePrefix {
				v = unquoteFormula(v)
			}
			if err := appendText(b, k, s.Kind, v, conv); err != nil {
				errs = append(errs, &CSVError{File: t.file, Line: t.lines[r], Column: s.Name, Text: v, Err: err})
				b.AppendNull(k)
			}
		}
		if len(rec) != len(t.header) {
			errs = append(errs, &CSVError{File: t.file, Line: t.lines[r], Err: fmt.Errorf("%d fields, header has %d", len(rec), len(t.header))})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return b.Frame()
}

// syntaxError turns an error of encoding/csv into a *CSVError. An
// unclosed quote is reported where it opened, with its column when the
// header names it: encoding/csv reports the line where it gave up, the
// last of the input.
func syntaxError(data []byte, comma rune, header []string, file string, err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	if errors.Is(pe.Err, csv.ErrQuote) {
		if line, field, ok := unclosedQuote(data, string(comma), pe.StartLine); ok {
			col := ""
			if field < len(header) {
				col = header[field]
			}
			return &CSVError{File: file, Line: line, Column: col, Err: &UnclosedQuoteError{Line: line}}
		}
	}
	return &CSVError{File: file, Line: pe.Line, Err: pe}
}

// unclosedQuote scans the record that starts on line start for a quoted
// field that the input ends inside, and returns the line its quote opened
// on and the field's index.
func unclosedQuote(data []byte, comma string, start int) (line, field int, ok bool) {
	s := string(data)
	for l := 1; l < start; l++ {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return 0, 0, false
		}
		s = s[i+1:]
	}
	line = start
	for {
		if strings.HasPrefix(s, `"`) {
			open := line
			s = s[1:]
			for {
				i := strings.IndexAny(s, "\"\n")
				if i < 0 {
					return open, field, true
				}
				if s[i] == '\n' {
					line++
					s = s[i+1:]
					continue
				}
				if strings.HasPrefix(s[i+1:], `"`) {
					s = s[i+2:]
					continue
				}
				s = s[i+1:]
				break
			}
			if !strings.HasPrefix(s, comma) {
				// the field ends (or has a stray character): the
				// quote is closed
				return 0, 0, false
			}
			s = s[len(comma):]
			field++
			continue
		}
		i := strings.Index(s, comma)
		j := strings.IndexByte(s, '\n')
		if i < 0 || (j >= 0 && j < i) {
			return 0, 0, false
		}
		s = s[i+len(comma):]
		field++
	}
}

func specNames(s []FieldSpec) string {
	n := make([]string, len(s))
	for i := range s {
		n[i] = s[i].Name
	}
	return strings.Join(n, ", ")
}

// cleanField trims blanks at the edges of a field, ends its inner lines
// with "\n" and normalises it to NFC. encoding/csv reads "\r\n" at the end
// of a line in a quoted field as "\n", so a field that kept one ("\r\r\n"
// gives "\r\n") would not read back as it was written.
func cleanField(s string) string {
	for strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	return norm.NFC.String(strings.Trim(s, " \t\u00a0\ufeff\r\n"))
}

// csvTable is a CSV input's header and records, cleaned, for inference.
type csvTable struct {
	header  []string
	records [][]string
	lines   []int
	file    string
}

func (t *csvTable) cell(r, i int) string {
	if i < len(t.records[r]) {
		return t.records[r][i]
	}
	return ""
}

// numberColumn reports whether every non-empty cell of column i reads as
// a number in some convention (and one at least does).
func (t *csvTable) numberColumn(i int) bool {
	any := false
	for r := range t.records {
		v := t.cell(r, i)
		if v == "" {
			continue
		}
		any = true
		if !readsAsNumber(v) {
			return false
		}
	}
	return any
}

func readsAsNumber(v string) bool {
	for _, c := range []numtext.Convention{numtext.DotThousands, numtext.CommaThousands} {
		if _, err := readNumber(v, c); err == nil {
			return true
		}
	}
	return false
}

// decideConvention reads the evidence of the number tokens of columns
// cols: the convention they show, Undecided if none does, or an
// ErrMixedConvention at the later of the first token of each.
func (t *csvTable) decideConvention(cols []int) (numtext.Convention, error) {
	type place struct {
		r, i int
	}
	var first [4]*place
	for r := range t.records {
		for _, i := range cols {
			v := t.cell(r, i)
			if v == "" || !numberShape(v) {
				continue
			}
			ev, _ := numtext.Evidence(v)
			if ev != numtext.Undecided && first[ev] == nil {
				first[ev] = &place{r, i}
			}
		}
		if first[numtext.DotThousands] != nil && first[numtext.CommaThousands] != nil {
			a, b := first[numtext.DotThousands], first[numtext.CommaThousands]
			ca, cb := numtext.DotThousands, numtext.CommaThousands
			if b.r < a.r || (b.r == a.r && b.i < a.i) {
				a, b, ca, cb = b, a, cb, ca
			}
			return numtext.Undecided, &CSVError{File: t.file, Line: t.lines[b.r], Column: t.header[b.i], Text: t.cell(b.r, b.i),
				Err: fmt.Errorf("%w: written in the %s convention (%s), while %q at line %d, column %q, is written in the %s convention (%s)",
					numtext.ErrMixedConvention, cb, convExample(cb), t.cell(a.r, a.i), t.lines[a.r], t.header[a.i], ca, convExample(ca))}
		}
	}
	switch {
	case first[numtext.DotThousands] != nil:
		return numtext.DotThousands, nil
	case first[numtext.CommaThousands] != nil:
		return numtext.CommaThousands, nil
	}
	return numtext.Undecided, nil
}

func convExample(c numtext.Convention) string {
	switch c {
	case numtext.DotThousands:
		return "1.234,5"
	case numtext.CommaThousands:
		return "1,234.5"
	}
	return "1234.5"
}

// inferKind infers the kind of column i, its numbers read in convention
// conv. A number column with a token that reads two ways, where nothing
// decides, is float64: reading its values reports each such token.
func (t *csvTable) inferKind(i int, conv numtext.Convention) Kind {
	kinds := []Kind{Bool, Date}
	ok := map[Kind]bool{Bool: true, Date: true}
	any, number, whole, ambiguous := false, true, true, false
	for r := range t.records {
		v := t.cell(r, i)
		if v == "" {
			continue
		}
		any = true
		if number {
			n, err := readNumber(v, conv)
			switch {
			case errors.Is(err, numtext.ErrAmbiguousNumber):
				ambiguous = true
			case err != nil:
				number = false
			case !n.whole:
				whole = false
			}
		}
		for _, k := range kinds {
			if ok[k] && parseText(k, v) != nil {
				ok[k] = false
			}
		}
	}
	switch {
	case !any:
		return String
	case number && whole && !ambiguous:
		return Int64
	case number:
		return Float64
	}
	for _, k := range kinds {
		if ok[k] {
			return k
		}
	}
	return String
}

var (
	errNotInt   = errors.New("expected an integer")
	errNotFloat = errors.New("expected a number")
	errNotBool  = errors.New("expected true or false")
	errNotDate  = errors.New("expected a date 2006-01-02")
)

// number is a number cell read: an int64 if whole, else a float64.
type number struct {
	f     float64
	i     int64
	whole bool
}

// numberShape reports whether v is a number token as documents write
// them: an optional sign, then digits with dots and commas between them.
func numberShape(v string) bool {
	core := strings.TrimPrefix(strings.TrimPrefix(v, "-"), "+")
	return core != "" && numtext.BareNumber(core) == core
}

// readPlain reads v as Go writes numbers (strconv): a decimal point, no
// separators, an exponent allowed; NaN and Inf are words here ("Nan" may be
// a name), not numbers.
func readPlain(v string) (number, error) {
	if i, err := strconv.ParseInt(v, 10, 64); err == nil {
		f := float64(i)
		if i == 0 && strings.HasPrefix(v, "-") {
			f = math.Copysign(0, -1) // -0 in a float column, as ParseFloat reads it
		}
		return number{f: f, i: i, whole: true}, nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return number{}, errNotFloat
	}
	return number{f: x}, nil
}

// readNumber reads the number cell v in convention conv (Undecided: no
// convention decided, so that a token that reads two ways is an
// ErrAmbiguousNumber). A token without separators, or with one decimal
// point where the point is a decimal mark, is read as Go reads it, which
// keeps exponents (1e5) and any number of digits; the others by numtext.
func readNumber(v string, conv numtext.Convention) (number, error) {
	if conv == numtext.Plain || !numberShape(v) || !strings.ContainsAny(v, ".,") {
		return readPlain(v)
	}
	_, amb := numtext.Evidence(v)
	if conv == numtext.Undecided && amb {
		dot, _ := numtext.ParseNumber(v, numtext.DotThousands)
		comma, _ := numtext.ParseNumber(v, numtext.CommaThousands)
		return number{}, fmt.Errorf("%w: reads as %s (%s) or %s (%s), and no other number of the file decides; set CSVOptions.Numbers",
			numtext.ErrAmbiguousNumber, plainFloat(dot), numtext.DotThousands, plainFloat(comma), numtext.CommaThousands)
	}
	if conv != numtext.DotThousands && !strings.Contains(v, ",") && strings.Count(v, ".") == 1 {
		return readPlain(v)
	}
	d, err := numtext.ParseDecimal(v, conv, false)
	if err != nil {
		if conv == numtext.Undecided {
			return number{}, errNotFloat
		}
		return number{}, fmt.Errorf("%w: expected a number in the %s convention (%s)", numtext.ErrNotNumber, conv, convExample(conv))
	}
	n := number{f: d.Float(0)}
	if d.Decimals == 0 {
		s := d.Mant
		if d.Neg {
			s = "-" + s
		}
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			n.i, n.whole = i, true
		}
	}
	return n, nil
}

func plainFloat(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

func parseText(k Kind, v string) error {
	var err error
	switch k {
	case Int64:
		if _, e := strconv.ParseInt(v, 10, 64); e != nil {
			err = errNotInt
		}
	case Float64:
		if _, e := readPlain(v); e != nil {
			err = errNotFloat
		}
	case Bool:
		if v != "true" && v != "false" {
			err = errNotBool
		}
	case Date:
		if _, e := time.Parse(time.DateOnly, v); e != nil {
			err = errNotDate
		}
	}
	return err
}

// appendText appends the text form v (empty: null) to column k, a number
// read in convention conv.
func appendText(b *Builder, k int, kind Kind, v string, conv numtext.Convention) error {
	if v == "" {
		b.AppendNull(k)
		return nil
	}
	switch kind {
	case Int64, Float64:
		n, err := readNumber(v, conv)
		if err != nil {
			if err == errNotFloat && kind == Int64 {
				return errNotInt
			}
			return err
		}
		if kind == Float64 {
			b.AppendFloat64(k, n.f)
			return nil
		}
		if !n.whole {
			return errNotInt
		}
		b.AppendInt64(k, n.i)
		return nil
	}
	if err := parseText(kind, v); err != nil {
		return err
	}
	switch kind {
	case String:
		b.AppendString(k, v)
	case Bool:
		b.AppendBool(k, v == "true")
	case Date:
		t, _ := time.Parse(time.DateOnly, v)
		b.AppendDate(k, t)
	}
	return nil
}
