package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/numtext"
	"github.com/ictplan/ictplan/vntext"
)

var periodRe = regexp.MustCompile(`^((?:19|20)[0-9]{2})\s*(?:[-–—/]|đến)\s*((?:19|20)[0-9]{2})$|^((?:19|20)[0-9]{2})$`)

// ParsePeriod reads "2009-2010", "2011 – 2015" or "2011" into its first and
// last year.
func ParsePeriod(s string) (start, end int, err error) {
	m := periodRe.FindStringSubmatch(CleanText(s))
	if m == nil {
		return 0, 0, fmt.Errorf("%w: %q is not a period of years", ErrNotNumber, s)
	}
	if m[3] != "" {
		y, _ := strconv.Atoi(m[3])
		return y, y, nil
	}
	start, _ = strconv.Atoi(m[1])
	end, _ = strconv.Atoi(m[2])
	if end < start {
		return 0, 0, fmt.Errorf("%w: period %q ends before it starts", ErrNotNumber, s)
	}
	return start, end, nil
}

// grandTotalRe: "TỔNG CỘNG", "TỔNG/BÌNH QUÂN", "Tổng số", "Toàn tỉnh",
// "Cả tỉnh" cover the whole table (matched folded).
var grandTotalRe = regexp.MustCompile(`^(tong|toan tinh|ca tinh)`)

func numericKind(k CellKind) bool {
	return k == Count || k == Ratio || k == Money || k == MoneyOrText || k == Number
}

// decideConvention looks at every numeric token of the table.
func decideConvention(rows []rawRow, l Layout, o Options, errs *ErrorList) (Convention, string) {
	if o.Convention != Undecided {
		return o.Convention, "given by the caller"
	}
	if l.Numbers != Undecided {
		return l.Numbers, "given by the layout"
	}
	var first [3]*Cell
	for _, r := range rows {
		for k, c := range r.cells {
			if c.Empty() || c.Number || !numericKind(l.Cells[k].Kind) || !isNumberLike(c.Text) {
				continue
			}
			num, _ := splitUnit(c.Text)
			ev, _ := numtext.Evidence(num)
			if ev != Undecided && first[ev] == nil {
				cc := c
				first[ev] = &cc
			}
		}
	}
	d, cm := first[DotThousands], first[CommaThousands]
	switch {
	case d != nil && cm != nil:
		a, b := d, cm
		if b.Line < a.Line {
			a, b = b, a
		}
		errs.Add(&Error{Line: b.Line, Text: b.Text, Err: ErrMixedConvention,
			Expected: fmt.Sprintf("numbers in one convention: %q at line %d is written the other way", a.Text, a.Line)})
		return Undecided, "mixed"
	case d != nil:
		return DotThousands, fmt.Sprintf("detected from %q at line %d", d.Text, d.Line)
	case cm != nil:
		return CommaThousands, fmt.Sprintf("detected from %q at line %d", cm.Text, cm.Line)
	}
	return Undecided, "no number in the table decides it"
}

// conv is the convention a cell is read in: Plain for a spreadsheet's
// number cell, else the table's.
func (c Cell) conv(table Convention) Convention {
	if c.Number {
		return Plain
	}
	return table
}

func buildTable(rows []rawRow, headerUnit string, cells []Cell, l Layout, o Options, errs *ErrorList) (*Table, error) {
	t := &Table{Layout: l.Name, File: o.File, MoneyUnit: l.MoneyUnit}
	if len(cells) > 0 {
		t.FirstLine, t.LastLine = cells[0].Line, cells[len(cells)-1].Line
	}
	switch {
	case o.Unit != "":
		u, ok := ParseMoneyUnit(o.Unit)
		if !ok {
			return nil, fmt.Errorf("unknown money unit %q (want đồng, nghìn đồng, triệu đồng or tỷ đồng)", o.Unit)
		}
		t.MoneyUnit = u
	case headerUnit != "":
		if u, ok := ParseMoneyUnit(headerUnit); ok {
			t.MoneyUnit = u
		}
	}
	t.Convention, t.ConventionReason = decideConvention(rows, l, o, errs)
	checkRatioForms(rows, l, errs)

	meta := map[string]string{frame.MetaLayout: l.Name, "number_convention": t.Convention.String()}
	if o.File != "" {
		meta[frame.MetaSourceFile] = o.File
	}
	for k, v := range o.Meta {
		meta[k] = v
	}
	specs := l.Columns()
	for i := range specs {
		if specs[i].Unit == "million_vnd" {
			specs[i].Extra = map[string]string{frame.MetaSourceUnit: t.MoneyUnit.String()}
		}
	}
	b := frame.NewBuilder(meta, specs, frame.WithAllocator(o.Allocator))
	defer b.Release()
	nData := 0
	for _, r := range rows {
		switch r.kind {
		case totalRow:
			t.Totals = append(t.Totals, parseTotal(r, l, t, errs))
			continue
		case meanRow:
			t.Means = append(t.Means, parseTotal(r, l, t, errs))
			continue
		case noteRow:
			t.Notes = append(t.Notes, Note{Line: r.line, Text: r.label})
			continue
		}
		nData++
		col := 0
		if l.Sections {
			if r.group == "" {
				b.AppendNull(0)
			} else {
				b.AppendString(0, r.group)
			}
			col = 1
		}
		for k, spec := range l.Cells {
			c := r.cells[k]
			col = appendCell(b, col, spec, c, k+1, l, t, errs)
		}
		b.AppendInt64(col, int64(r.line))
	}
	if nData == 0 && len(errs.errs) == 0 {
		line := t.FirstLine
		errs.Add(&Error{Line: line, Err: ErrTruncated, Expected: "at least one data row"})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	f, err := b.Frame()
	if err != nil {
		return nil, err
	}
	t.Frame = f
	return t, nil
}

// appendCell reads one cell into its column(s) and returns the next column.
func appendCell(b *frame.Builder, col int, spec CellSpec, c Cell, pos int, l Layout, t *Table, errs *ErrorList) int {
	fail := func(err error, expected string) {
		errs.Add(&Error{Line: c.Line, Cell: pos, Column: spec.Name, Text: c.Text, Err: rootErr(err), Expected: expected})
	}
	switch spec.Kind {
	case Text:
		if c.Empty() {
			b.AppendNull(col)
		} else {
			b.AppendString(col, c.Text)
		}
	case RowNumber, Year, Count:
		v, ok := wholeCell(spec, c, l, t, fail)
		if ok {
			b.AppendInt64(col, v)
		} else {
			b.AppendNull(col)
		}
	case Ratio, Number:
		if v, ok := decimalCell(spec, c, l, t, fail); ok {
			b.AppendFloat64(col, v)
		} else {
			b.AppendNull(col)
		}
	case Money:
		if v, ok := moneyCell(c, l, t, fail, "an amount of money "); ok {
			b.AppendFloat64(col, v)
		} else {
			b.AppendNull(col)
		}
	case MoneyOrText:
		switch {
		case c.Empty():
			b.AppendNull(col)
			b.AppendNull(col + 1)
		case isNumberLike(c.Text):
			if v, ok := moneyCell(c, l, t, fail, "an amount of money or a text "); ok {
				b.AppendFloat64(col, v)
			} else {
				b.AppendNull(col)
			}
			b.AppendNull(col + 1)
		default:
			b.AppendNull(col)
			b.AppendString(col+1, c.Text)
		}
		return col + 2
	case Period:
		s, e, ok := periodCell(c, fail)
		if ok {
			b.AppendInt64(col, int64(s))
			b.AppendInt64(col+1, int64(e))
		} else {
			b.AppendNull(col)
			b.AppendNull(col + 1)
		}
		return col + 2
	default:
		panic("loaders: unknown cell kind")
	}
	return col + 1
}

// wholeCell reads a row number, a year or a count; ok is false for an
// empty cell and for one in error (reported through fail).
func wholeCell(spec CellSpec, c Cell, l Layout, t *Table, fail func(error, string)) (int64, bool) {
	switch spec.Kind {
	case RowNumber:
		v, err := strconv.ParseInt(c.Text, 10, 64)
		if err != nil {
			fail(ErrNotNumber, "a row number")
			return 0, false
		}
		return v, true
	case Year:
		if c.Empty() {
			return 0, false
		}
		if !yearRe.MatchString(c.Text) {
			fail(ErrNotNumber, "a year such as 2020")
			return 0, false
		}
		y, _ := strconv.Atoi(c.Text)
		return int64(y), true
	}
	switch {
	case c.Empty():
		return 0, false
	case l.DashZero && IsDash(c.Text):
		return 0, true
	}
	v, err := numtext.ParseCount(c.Text, c.conv(t.Convention))
	switch {
	case err != nil:
		fail(err, "a whole number "+detailOf(err)+dashHint(c, l))
		return 0, false
	case v < 0:
		fail(ErrNotNumber, "a count, not negative")
		return 0, false
	}
	return v, true
}

// decimalCell reads a ratio (a percentage divided by 100 in a column of
// ratios) or a number as written.
func decimalCell(spec CellSpec, c Cell, l Layout, t *Table, fail func(error, string)) (float64, bool) {
	switch {
	case c.Empty():
		return 0, false
	case l.DashZero && IsDash(c.Text):
		return 0, true
	}
	d, err := numtext.ParseDecimal(c.Text, c.conv(t.Convention), false)
	if err != nil {
		fail(err, "a number "+detailOf(err)+dashHint(c, l))
		return 0, false
	}
	if spec.Kind == Ratio {
		return d.Float(ratioScale(spec, d)), true
	}
	return d.Float(0), true
}

// moneyCell reads an amount into million đồng.
func moneyCell(c Cell, l Layout, t *Table, fail func(error, string), what string) (float64, bool) {
	if c.Empty() {
		return 0, false
	}
	a, err := parseFigure(c, t, l)
	if err != nil {
		fail(err, what+detailOf(err))
		return 0, false
	}
	return a.Million, true
}

// periodCell reads a period into its first and last year.
func periodCell(c Cell, fail func(error, string)) (int, int, bool) {
	if c.Empty() {
		return 0, 0, false
	}
	s, e, err := ParsePeriod(c.Text)
	if err != nil {
		fail(err, "a period such as 2011-2015")
		return 0, 0, false
	}
	return s, e, true
}

func parseTotal(r rawRow, l Layout, t *Table, errs *ErrorList) Total {
	tot := Total{Label: r.label, Line: r.line}
	switch {
	case r.scope != "":
		tot.Group = r.scope // a matrix's key
	case r.kind == meanRow || !grandTotalRe.MatchString(vntext.Fold(r.label)):
		tot.Group = r.group // "Cộng" closes its section; a mean covers its section's rows
	}
	for k := l.totalFrom(); k < len(l.Cells); k++ {
		c, spec := r.cells[k], l.Cells[k]
		if c.Empty() {
			continue
		}
		tv := TotalValue{Column: spec.Name, Text: c.Text, Line: c.Line}
		var err error
		switch spec.Kind {
		case Count, Ratio, Number:
			var d numtext.Decimal
			if l.DashZero && IsDash(c.Text) {
				d = numtext.Decimal{Mant: "0"}
			} else {
				d, err = numtext.ParseDecimal(c.Text, c.conv(t.Convention), spec.Kind == Count)
			}
			switch {
			case err != nil || spec.Kind != Count:
			case d.Percent:
				err = fmt.Errorf("%w: %q is a percentage, not a whole number", ErrNotNumber, c.Text)
			case d.Neg && d.Mant != "0":
				err = fmt.Errorf("%w: %q is negative, and a count is not", ErrNotNumber, c.Text)
			}
			if spec.Kind == Ratio {
				tv.Scale = ratioScale(spec, d)
			}
			tv.Value, tv.Decimals = d.Float(tv.Scale), d.Decimals
		case Money, MoneyOrText:
			if spec.Kind == MoneyOrText && !isNumberLike(c.Text) {
				tv.IsText = true
				break
			}
			var a Amount
			a, err = parseFigure(c, t, l)
			tv.Value, tv.Decimals, tv.Scale = a.Million, a.Decimals, int(a.Unit)-int(Million)
		default:
			tv.IsText = true
		}
		if err != nil {
			errs.Add(&Error{Line: c.Line, Cell: k + 1, Column: spec.Name, Text: c.Text, Err: rootErr(err), Expected: "a number in the total row " + detailOf(err)})
			continue
		}
		tot.Values = append(tot.Values, tv)
	}
	return tot
}

// parseFigure reads a money cell: an amount, never a bound ("hơn 195 tỷ"
// is more than a figure, not one: an error in a table's cell).
func parseFigure(c Cell, t *Table, l Layout) (Amount, error) {
	a, err := ParseAmount(c.Text, c.conv(t.Convention), t.MoneyUnit, l.DashZero)
	if err == nil && a.Qualifier != Exact {
		return a, fmt.Errorf("%w: %q is a bound (%s), not a figure", ErrNotNumber, c.Text, a.Qualifier)
	}
	return a, err
}

// ratioScale is the power of ten a Ratio cell's figure is multiplied by:
// −2 for a percentage ("71,14%") in a column of ratios, 0 otherwise (a
// ratio in a ratio column, a percentage or a bare figure in a column of
// percent).
func ratioScale(spec CellSpec, d numtext.Decimal) int {
	if (d.Percent || spec.percentWritten) && spec.Unit != UnitPercent {
		return -2
	}
	return 0
}

// checkRatioForms reports a Ratio column that mixes percentages ("71,14%")
// with bare figures (0,73): whether 0,73 is 73% or 0,73% cannot be told.
// Zero reads the same either way. The first figure of the column (data
// rows and totals) sets its form; each figure written the other way is an
// error.
func checkRatioForms(rows []rawRow, l Layout, errs *ErrorList) {
	for k, spec := range l.Cells {
		if spec.Kind != Ratio || spec.percentWritten {
			continue
		}
		var first *Cell
		firstPct := false
		for _, r := range rows {
			c := r.cells[k]
			if c.Empty() || IsDash(c.Text) {
				continue
			}
			d, err := numtext.ParseDecimal(c.Text, Plain, false)
			if err != nil {
				// Read in the table's convention later; only the sign
				// matters here.
				d.Percent = strings.HasSuffix(c.Text, "%")
				d.Mant = "1"
			}
			if d.Mant == "0" {
				continue
			}
			if first == nil {
				cc := c
				first, firstPct = &cc, d.Percent
				continue
			}
			if d.Percent != firstPct {
				form := map[bool]string{true: "a percentage", false: "a ratio"}
				errs.Add(&Error{Line: c.Line, Cell: k + 1, Column: spec.Name, Text: c.Text, Err: ErrNotNumber,
					Expected: fmt.Sprintf("%s, as %q at line %d: a column mixes percentages and ratios (write 71,14%% or 0,7114 throughout)", form[firstPct], first.Text, first.Line)})
			}
		}
	}
}

// rootErr returns the sentinel an error wraps.
// ErrorCause returns what an Error built from a failed ParseNumber,
// ParseCount or ParseAmount should hold: the sentinel (ErrAmbiguousNumber,
// ErrMixedConvention, ErrNotNumber, or err itself) and the parser's own
// words in parentheses, for Expected.
func ErrorCause(err error) (sentinel error, detail string) { return rootErr(err), detailOf(err) }

func rootErr(err error) error {
	for _, s := range []error{ErrAmbiguousNumber, ErrMixedConvention, ErrNotNumber} {
		if errorsIs(err, s) {
			return s
		}
	}
	return err
}

// detail is the explanation part of a number error, in parentheses.
// dashHint says what to do with a cell that holds only a dash in a layout
// that does not read it as 0: "" for any other cell.
func dashHint(c Cell, l Layout) string {
	if l.DashZero || !IsDash(c.Text) {
		return ""
	}
	return "; if \"-\" stands for 0 in this table, read it with a layout file that says dash_zero = true (ictplan layouts --write " + l.Name + " gives one to edit)"
}

func detailOf(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return "(" + msg + ")"
}
