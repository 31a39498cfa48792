package datasets

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// A Programme is an investment programme of the datasets
// vn-dx-investments, vn-dx-investment-components and
// vn-dx-investment-funding as its documents state it, with every figure
// that a document states twice: an amount in digits and again in words,
// a field that the drafts repeat, a table that a document copies. It is
// what the checks of those datasets compare (package checks); the
// datasets hold one value per field, the first statement.
type Programme struct {
	Subject   string  // "province, document", as findings name it
	File      string  // the programme's source file
	Total     float64 // total investment, million đồng
	TotalLine int
	// TotalUnit is the unit of the total's last written digit, in
	// million đồng: 1 for "100.000 triệu đồng", 0,000001 for
	// "100.000.000.000 đồng". Parts that add up to within half of it
	// agree with the total as written.
	TotalUnit float64
	// TotalInWords: each total the documents write in words, with the
	// amount in digits nearest before it.
	TotalInWords []InWords
	// Restated: the fields stated more than once, by field name.
	Restated []Restated
	// Components: the amount of each component where the source gives
	// them (NaN where a component has none).
	Components []LineAmount
	// ComponentCopies: the copies of the components' table (Khánh Hòa's
	// module table with the scope items after it), the first first.
	ComponentCopies []TableCopy
	Funding         []FundingSource
	// Subtotals: the reported subtotals of groups of funding sources.
	Subtotals []FundingSource
}

// A LineAmount is an amount in million đồng and the line that states it.
type LineAmount struct {
	Amount float64
	Line   int
}

// InWords is an amount that a document writes in digits and again in
// words: each as written, where, and the amount (million đồng) it reads.
type InWords struct {
	File         string
	Digits       string
	DigitsLine   int
	DigitsAmount float64
	Words        string
	WordsLine    int
	WordsAmount  float64
}

// Restated is a field that a programme's documents state more than once:
// its name, the dataset column that holds it, and every statement in line
// order (the first is the dataset's value).
type Restated struct {
	Field, Column string
	Statements    []Statement
}

// A Statement is one statement of a field: the part of the document that
// holds it (the submission, the draft resolution …), its line, and its
// value in the form statements are compared in — an amount as
// "1.234 triệu đồng", a period as "2021-2025", a date as 2023-07-14, a
// text with markup removed and blanks collapsed.
type Statement struct {
	Part  string
	Line  int
	Value string
}

// A TableCopy is one copy of a table that a document repeats: the part
// that holds it, its first line and its rows.
type TableCopy struct {
	Part string
	Line int
	Rows []CopyRow
}

// A CopyRow is a row of a TableCopy: its key within the table ("module
// 3", "scope item 2"), its name, line and compared cells (name and
// description, markup removed and list bullets unified).
type CopyRow struct {
	Key, Name string
	Line      int
	Cells     []string
}

// A FundingSource is one funding source of a programme (or a reported
// subtotal of a group of sources).
type FundingSource struct {
	Source, Group string
	Amount        float64 // million đồng; NaN when none is written
	AmountText    string
	AmountLine    int
	Line          int  // the source's line
	Rest          bool // "Phần còn lại": the rest of the total
	// InWords is the amount in words where the document writes one.
	InWords  *InWords
	Restated []Restated
}

// Programmes returns the investment programmes in the order of the
// datasets' rows, read (once) from their documents and the reviewed
// transcriptions.
func Programmes() ([]Programme, error) {
	vs, err := investments()
	if err != nil {
		return nil, err
	}
	out := make([]Programme, 0, len(vs))
	for _, v := range vs {
		p, err := v.programme()
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func (v *investment) programme() (Programme, error) {
	p := Programme{Subject: v.subject(), File: v.Doc.File, Total: v.Total, TotalLine: v.TotalLine, TotalUnit: v.TotalUnit}
	for _, w := range v.Fields["total_in_words"] {
		words, err := w.words()
		if err != nil {
			return p, err
		}
		d, ok := digitsBefore(v.Fields["total"], w.Line)
		if !ok {
			return p, fmt.Errorf("datasets: %s:%d: an amount in words with no amount in digits before it", w.File, w.Line)
		}
		a, err := d.money()
		if err != nil {
			return p, err
		}
		p.TotalInWords = append(p.TotalInWords, InWords{File: w.File, Digits: stripMarkup(d.Text), DigitsLine: d.Line, DigitsAmount: a.Million,
			Words: loaders.CleanText(w.Text), WordsLine: w.Line, WordsAmount: words})
	}
	var err error
	p.Restated, err = restated(v.Fields, map[string]string{
		"total": "total_mvnd", "total_in_words": "total_in_words", "project_group": "project_group",
		"period": "period", "owner": "owner", "title": "title", "duration": "duration_years"})
	if err != nil {
		return p, err
	}
	for _, c := range v.Parts {
		p.Components = append(p.Components, LineAmount{Amount: c.Amount, Line: c.AmountLine})
	}
	p.ComponentCopies = tableCopies(v.Copies)
	for _, f := range v.Funding {
		s, err := fundingSource(f)
		if err != nil {
			return p, err
		}
		p.Funding = append(p.Funding, s)
	}
	for _, f := range v.Subtotal {
		s, err := fundingSource(f)
		if err != nil {
			return p, err
		}
		p.Subtotals = append(p.Subtotals, s)
	}
	return p, nil
}

// tableCopies are the copies of a module table as compared: each row
// keyed by its module number or the rank of its scope item, with its
// name and description without markup and with list bullets unified.
func tableCopies(copies []moduleCopy) []TableCopy {
	var out []TableCopy
	for _, c := range copies {
		t := TableCopy{Part: c.Label, Line: c.Line}
		items := 0
		for _, row := range c.Rows {
			key := "module " + row.No
			if row.Kind == kindScopeItem {
				items++
				key = "scope item " + strconv.Itoa(items)
			}
			t.Rows = append(t.Rows, CopyRow{Key: key, Name: row.Name, Line: row.Line,
				Cells: []string{copyText(row.Name), copyText(row.Description)}})
		}
		out = append(out, t)
	}
	return out
}

func fundingSource(f *funding) (FundingSource, error) {
	s := FundingSource{Source: f.Source, Group: f.Group, Amount: f.Amount, AmountText: f.AmountText,
		AmountLine: f.AmountLine, Line: f.Line, Rest: f.Rest}
	if f.Words != "" {
		w, err := f.Fields["amount_in_words"][0].words()
		if err != nil {
			return s, err
		}
		s.InWords = &InWords{Digits: f.AmountText, DigitsLine: f.AmountLine, DigitsAmount: f.Amount,
			Words: f.Words, WordsLine: f.WLine, WordsAmount: w}
	}
	var err error
	s.Restated, err = restated(f.Fields, nil)
	return s, err
}

// digitsBefore returns the amount in digits nearest before (or on) line.
func digitsBefore(totals []reading, line int) (reading, bool) {
	var best reading
	ok := false
	for _, t := range totals {
		if t.Line <= line && (!ok || t.Line > best.Line) {
			best, ok = t, true
		}
	}
	return best, ok
}

// restated lists the fields read more than once (a figure a document
// repeats in its drafts), in field-name order; columns names the column
// of a field (the field's own name when it has none there).
func restated(fields map[string][]reading, columns map[string]string) ([]Restated, error) {
	names := make([]string, 0, len(fields))
	for f := range fields {
		names = append(names, f)
	}
	sort.Strings(names)
	var out []Restated
	for _, field := range names {
		rs := fields[field]
		if len(rs) < 2 {
			continue
		}
		col := columns[field]
		if col == "" {
			col = field
		}
		r := Restated{Field: field, Column: col}
		for _, rd := range rs {
			val, err := comparable(rd)
			if err != nil {
				return nil, err
			}
			lines, err := sourceLines(rd.File)
			if err != nil {
				return nil, err
			}
			r.Statements = append(r.Statements, Statement{Part: partLabel(lines, rd.Line-1), Line: rd.Line, Value: val})
		}
		out = append(out, r)
	}
	return out, nil
}

// comparable is a reading's value in the form its copies are compared in.
func comparable(rd reading) (string, error) {
	switch fieldKinds[rd.Field] {
	case fieldMoney:
		a, err := rd.money()
		return frame.FormatVI(a.Million, -1) + " triệu đồng", err
	case fieldWords:
		w, err := rd.words()
		return frame.FormatVI(w, -1) + " triệu đồng", err
	case fieldPeriod:
		s, e, err := rd.period()
		return fmt.Sprintf("%d-%d", s, e), err
	case fieldDate:
		t, err := rd.date()
		return t.Format(time.DateOnly), err
	}
	return copyText(rd.str()), nil
}
