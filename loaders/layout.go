package loaders

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// CellKind is how a source cell is read.
type CellKind int

// The cell kinds.
const (
	// RowNumber: the row's number (STT, Mã số), plain digits, into an
	// int64 column. Data rows start with it.
	RowNumber CellKind = iota
	// Text: kept as cleaned text; empty is null.
	Text
	// Count: a whole number of people or things (int64); empty is null.
	Count
	// Ratio: a number as written (float64), e.g. 0.89308; empty is null.
	Ratio
	// Money: an amount converted to million đồng (float64); empty is null,
	// "-" is zero when the layout says so.
	Money
	// MoneyOrText: an amount, or a text in its place ("Chưa được bố trí"):
	// the amount goes to Name (null for a text) and the text to Aux.
	MoneyOrText
	// Period: "2009-2010" or "2011" into two year columns Name and Aux.
	Period
	// Year: a year such as 2019 (int64, unit "year"). As the first cell
	// it keys the row: each year once in its section.
	Year
	// Number: a figure as written (float64), of any sign, a percentage
	// kept as its number of percent ("71,14%" is 71,14): a matrix of
	// indicators whose units differ from row to row.
	Number
)

// lastKind is the last CellKind.
const lastKind = Number

// Units of Ratio columns (CellSpec.Unit).
const (
	// UnitRatio: a quotient (0,8931). A percentage written in such a
	// column ("89,31%") is divided by 100.
	UnitRatio = "ratio"
	// UnitPercent: a number of percent (89,31), written with or without
	// the % sign.
	UnitPercent = "percent"
)

// CellSpec describes one source cell of a data row.
type CellSpec struct {
	Kind    CellKind
	Name    string // output column
	Aux     string // second output column (Period end; MoneyOrText text)
	LabelVI string // the Vietnamese header
	AuxVI   string // the Vietnamese header of Aux
	Unit    string // unit of the output column (people, count, ratio ...)
	// Headers are other header texts officials write for the column
	// ("Số CBCC" for "Tổng số cán bộ, công chức"), matched as LabelVI is
	// (see MatchHeaders).
	Headers []string
	// Optional: a table matched by its headers may lack the column (its
	// values are then null): a reported ratio, a note.
	Optional bool
	// percentWritten: the table's header says the column's figures are
	// percentages ("Tỷ lệ (%)"), so a figure without its % sign is one.
	percentWritten bool
	// matrixKey is the key of a matrix table's column (its wide layout).
	matrixKey string
}

// Layout is a table template: the cells of a data row, in order, and how
// the table is organised. One layout reads the same kind of table from any
// province or year.
//
// The first cell keys a data row, by its kind: a RowNumber (1, 2, 3 … in
// sequence), a Year (each year once in its section) or a Text, a name
// (each name once in its section; the rows after the header that begin
// with a text). Rows keyed by a year or a name are read from tables with
// columns (ParseRows: CSV, worksheets, Word and PDF tables), not from the
// one-cell-per-line text form.
type Layout struct {
	Name string
	// Description says what the layout reads, in Vietnamese, then after
	// ": " in English ("Số lượng cán bộ, công chức và số máy tính: staff,
	// computers, …"); one language alone is read as both (Title).
	Description string
	// Sections: data rows are grouped under headings such as
	// "I. CÁC SỞ, NGÀNH TỈNH"; the heading goes to column "group".
	Sections bool
	Cells    []CellSpec
	// TotalFrom is the first cell that a total row ("TỔNG CỘNG", "TỔNG/BÌNH
	// QUÂN") reports; the cells before it are covered by the label.
	TotalFrom string
	// MoneyUnit is the unit of Money cells when neither the cell nor an
	// "Đơn vị tính" line of the table says.
	MoneyUnit MoneyUnit
	// DashZero reads "-" as zero in number cells (budget tables).
	DashZero bool
	// Numbers is the convention of the layout's tables when the caller
	// gives none (Options.Convention Undecided); Undecided detects it.
	Numbers Convention
	// Form is the text form ParseText reads: one cell per line (the zero
	// value) or a PDF-text form, which Read reads.
	Form TextForm
	// Read reads a text of another Form than CellPerLine: the PDF-text
	// layouts of package loaders/dxtext set it, and ParseText calls it.
	Read func(text []byte, l Layout, o Options) (*Table, error)
	// ReadCells reads a table of such a layout given as cells (a PDF's
	// table, a Word table, a sheet); ParseRows calls it. The PDF-text
	// layouts of loaders/dxtext set it.
	ReadCells func(records [][]Cell, l Layout, o Options) (*Table, error)
	// Matrix, if set, reads the table's columns after Cells as one
	// measure at several keys (an indicator × year table) into long form.
	Matrix *Matrix
	// TotalLabels are the labels that begin a total row, as an official
	// writes them ("Tổng cộng", "Cộng"); they are compared folded (case
	// and diacritics ignored) with the start of the row's label. nil: a
	// label beginning with "tổng" or "cộng". A label beginning with
	// "tổng" covers the whole table; any other closes its section.
	TotalLabels []string
	// MeanLabels are the labels that begin a row of means ("Tỷ lệ trung
	// bình", "Bình quân"), kept as claims of their own (Table.Means). nil:
	// DefaultMeanLabels. A label that is also a total label is a total.
	MeanLabels []string
	// EmptyTexts are texts that stand for an empty cell in this layout's
	// tables ("x", "…", "-" where a dash is not zero), compared folded;
	// such a cell is null, never zero.
	EmptyTexts []string
	// EmptyLines says which lines of the one-cell-per-line text form are
	// empty cells: lines of no-break spaces (the zero value), or also
	// lines of plain spaces.
	EmptyLines EmptyLines
	// Checks are the reconciliation rules every table of the layout is
	// checked with beyond its totals (ictplan check FILE).
	Checks Checks
}

// Checks are the reconciliation rules of a layout's tables, by column
// name: package analysis/reconcile runs them (ictplan check FILE).
type Checks struct {
	// Subject is the column that names a row in findings (default: the
	// first text column).
	Subject string
	// Ratios are reported ratio columns and the columns they are the
	// quotient of: each row's ratio is compared with its parts.
	Ratios []RatioCheck
	// Parts are columns that make up a whole in each row: their sum is at
	// most the whole (AtMost) or equal to it.
	Parts []PartsCheck
	// Spent, if set, compares each row's amounts spent with the amounts
	// it was given.
	Spent *SpentCheck
	// NoteRates are rates a row's note may state ("Tỷ lệ giải ngân đạt
	// 11,91%") and the columns they are the quotient of.
	NoteRates []NoteRateCheck
}

// RatioCheck is a reported ratio: Reported = Numerator / Denominator.
type RatioCheck struct{ Reported, Numerator, Denominator string }

// PartsCheck is a whole and its parts in one row.
type PartsCheck struct {
	Whole  string
	Parts  []string
	AtMost bool // the parts are some of the whole ("trong đó"), not all of it
}

// SpentCheck says which columns hold the amounts given and spent.
type SpentCheck struct{ Planned, Spent []string }

// NoteRateCheck is a rate in a note column: the words that introduce it
// and the columns summed for its numerator and denominator.
type NoteRateCheck struct {
	Note                   string
	Words                  []string
	Numerator, Denominator []string
}

// columns lists the columns the checks name.
func (c Checks) columns() []string {
	var out []string
	if c.Subject != "" {
		out = append(out, c.Subject)
	}
	for _, r := range c.Ratios {
		out = append(out, r.Reported, r.Numerator, r.Denominator)
	}
	for _, p := range c.Parts {
		out = append(append(out, p.Whole), p.Parts...)
	}
	if c.Spent != nil {
		out = append(append(out, c.Spent.Planned...), c.Spent.Spent...)
	}
	for _, n := range c.NoteRates {
		out = append(append(append(out, n.Note), n.Numerator...), n.Denominator...)
	}
	return out
}

// DefaultMeanLabels begin a row of means when a layout names none.
var DefaultMeanLabels = []string{"Trung bình", "Bình quân", "Tỷ lệ trung bình", "Tỷ lệ bình quân"}

// EmptyLines is the form of an empty cell in the one-cell-per-line text.
type EmptyLines int

// The forms of empty cells.
const (
	// EmptyNBSP: a line holding only no-break spaces (U+00A0) is an
	// empty cell; a line of plain spaces separates cells as a blank line.
	EmptyNBSP EmptyLines = iota
	// EmptySpaces: a line holding only spaces, plain or no-break, is an
	// empty cell; only a line with nothing on it separates cells.
	EmptySpaces
)

// String names the form as a layout file writes it.
func (e EmptyLines) String() string {
	if e == EmptySpaces {
		return "spaces"
	}
	return "nbsp"
}

// Matrix describes a table whose columns after the layout's cells hold one
// measure at several keys, each column's key in its header: an indicator
// per row and a year per column. Such a table is read long: one output
// row per row and key column, with the key in column Key.Name and the
// figure in Value.Name. A header whose key does not read (a year column
// headed "Ghi chú") is kept as an extra text column when the table is
// matched by its headers, and is an error otherwise. A total or mean row
// gives one claim per key, scoped to the rows of that key (the Frame's
// schema metadata "scope_column" names Key.Name), so a matrix table's
// section subtotals cannot be told apart and are refused.
type Matrix struct {
	// Key is the column of the keys: Kind Year (a header such as "2019",
	// "Năm 2020" or "2025 (ước)" gives its year) or Text (the header as
	// written).
	Key CellSpec
	// Value is the column of the figures: Kind Count, Ratio, Money or
	// Number.
	Value CellSpec
}

// Columns returns the output columns of the layout: "group" when it has
// sections, the cells' columns, then source_line.
func (l Layout) Columns() []frame.FieldSpec {
	var out []frame.FieldSpec
	if l.Sections {
		out = append(out, frame.FieldSpec{Name: "group", Kind: frame.String, LabelVI: "Nhóm (đề mục)"})
	}
	for _, c := range l.cellSpecs() {
		switch c.Kind {
		case RowNumber:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.Int64, LabelVI: c.LabelVI})
		case Text:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.String, LabelVI: c.LabelVI})
		case Count:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.Int64, LabelVI: c.LabelVI, Unit: c.Unit})
		case Ratio:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.Float64, LabelVI: c.LabelVI, Unit: c.Unit})
		case Money:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.Float64, LabelVI: c.LabelVI, Unit: "million_vnd"})
		case MoneyOrText:
			out = append(out,
				frame.FieldSpec{Name: c.Name, Kind: frame.Float64, LabelVI: c.LabelVI, Unit: "million_vnd"},
				frame.FieldSpec{Name: c.Aux, Kind: frame.String, LabelVI: c.AuxVI})
		case Period:
			out = append(out,
				frame.FieldSpec{Name: c.Name, Kind: frame.Int64, LabelVI: c.LabelVI, Unit: "year"},
				frame.FieldSpec{Name: c.Aux, Kind: frame.Int64, LabelVI: c.AuxVI, Unit: "year"})
		case Year:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.Int64, LabelVI: c.LabelVI, Unit: "year"})
		case Number:
			out = append(out, frame.FieldSpec{Name: c.Name, Kind: frame.Float64, LabelVI: c.LabelVI, Unit: c.Unit})
		}
	}
	out = append(out, frame.FieldSpec{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"})
	return out
}

// cellSpecs are the cells of an output row: Cells, and for a matrix its
// key and value cells after them.
func (l Layout) cellSpecs() []CellSpec {
	if l.Matrix == nil {
		return l.Cells
	}
	return append(append(l.Cells[:len(l.Cells):len(l.Cells)], l.Matrix.Key), l.Matrix.Value)
}

// ColumnNames returns the names of Columns.
func (l Layout) ColumnNames() []string {
	cols := l.Columns()
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

func (l Layout) totalFrom() int {
	for i, c := range l.Cells {
		if c.Name == l.TotalFrom {
			return i
		}
	}
	return 1
}

// Validate checks that the layout is complete and coherent: a name, cells,
// a known form. ParseText, ParseCells and the readers of other packages
// call it first.
func (l Layout) Validate() error {
	if l.Name == "" || len(l.Cells) < 2 {
		return fmt.Errorf("layout %q: needs a name and at least two cells", l.Name)
	}
	if k := l.Cells[0].Kind; k != RowNumber && k != Year && k != Text {
		return fmt.Errorf("layout %q: the first cell keys the row: a row number, a year or a text (a name), not %s", l.Name, k)
	}
	if m := l.Matrix; m != nil {
		if m.Key.Kind != Year && m.Key.Kind != Text {
			return fmt.Errorf("layout %q: the matrix's key is a year or a text, not %s", l.Name, m.Key.Kind)
		}
		switch m.Value.Kind {
		case Count, Ratio, Money, Number:
		default:
			return fmt.Errorf("layout %q: the matrix's value is a count, a ratio, money or a number, not %s", l.Name, m.Value.Kind)
		}
		if m.Key.Name == "" || m.Value.Name == "" {
			return fmt.Errorf("layout %q: the matrix's key and value need names", l.Name)
		}
	}
	for i, c := range l.Cells {
		if c.Kind < RowNumber || c.Kind > lastKind {
			return fmt.Errorf("layout %q: cell %d (%q) has no known kind", l.Name, i+1, c.Name)
		}
	}
	if l.EmptyLines != EmptyNBSP && l.EmptyLines != EmptySpaces {
		return fmt.Errorf("layout %q: unknown form of empty lines", l.Name)
	}
	if l.Form == CellPerLine {
		have := map[string]bool{}
		for _, c := range l.Columns() {
			have[c.Name] = true
		}
		for _, name := range l.Checks.columns() {
			if !have[name] {
				return fmt.Errorf("layout %q: its checks name column %q, which it does not have", l.Name, name)
			}
		}
	}
	seen := map[string]bool{"group": l.Sections, frame.ColSourceLine: true}
	for _, c := range l.cellSpecs() {
		for _, n := range []string{c.Name, c.Aux} {
			if n == "" {
				continue
			}
			if seen[n] {
				return fmt.Errorf("layout %q: column %q twice", l.Name, n)
			}
			seen[n] = true
		}
		if (c.Kind == Period || c.Kind == MoneyOrText) && c.Aux == "" {
			return fmt.Errorf("layout %q: cell %q needs an Aux column", l.Name, c.Name)
		}
	}
	return nil
}

var layouts = map[string]Layout{}

// RegisterLayout adds a layout to the registry LookupLayout reads (for
// researchers with their own templates). It replaces one of the same name.
func RegisterLayout(l Layout) error {
	if err := l.Validate(); err != nil {
		return err
	}
	layoutsMu.Lock()
	defer layoutsMu.Unlock()
	layouts[l.Name] = l
	return nil
}

// LookupLayout returns the layout of that name.
func LookupLayout(name string) (Layout, error) {
	layoutsMu.RLock()
	defer layoutsMu.RUnlock()
	l, ok := layouts[name]
	if !ok {
		return Layout{}, fmt.Errorf("%w %q (have %s)", ErrUnknownLayout, name, strings.Join(layoutNamesLocked(), ", "))
	}
	return l, nil
}

// Layouts returns the registered layouts, by name.
func Layouts() []Layout {
	layoutsMu.RLock()
	defer layoutsMu.RUnlock()
	out := []Layout{}
	for _, n := range layoutNamesLocked() {
		out = append(out, layouts[n])
	}
	return out
}

func layoutNamesLocked() []string {
	names := make([]string, 0, len(layouts))
	for n := range layouts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// TextForm is the text form a layout reads with ParseText.
type TextForm int

// The text forms.
const (
	// CellPerLine is the web-copy form: one table cell per line, cells
	// separated by blank lines (SplitCells).
	CellPerLine TextForm = iota
	// PDFResults is the PDF text of a budget table of planned against
	// spent amounts by funding source, with pillar subtotals (layout
	// dx-results). A row's figures stand on one line, where each figure
	// is followed by one space and an empty cell leaves two spaces.
	PDFResults
	// PDFPlan is the PDF text of a budget table by funding source with a
	// total, with pillar subtotals and repeated page headers (layout
	// dx-plan). A row's figures follow its period of implementation and
	// may run over several lines; each figure is followed by one space and
	// an empty cell leaves one space, so a line of three spaces is three
	// empty cells.
	PDFPlan
)

// String names the form.
func (f TextForm) String() string {
	switch f {
	case CellPerLine:
		return "one cell per line"
	case PDFResults:
		return "PDF text (results by funding source)"
	case PDFPlan:
		return "PDF text (plan by funding source)"
	}
	return "unknown text form"
}

// Title is what the layout reads in lang ("vi" or "en"): the part of its
// Description before the first ": " in Vietnamese, the part after it in
// English; the whole Description when it has no ": ".
func (l Layout) Title(lang string) string {
	vi, en, ok := strings.Cut(l.Description, ": ")
	switch {
	case !ok:
		return l.Description
	case lang == "en":
		return en
	}
	return vi
}
