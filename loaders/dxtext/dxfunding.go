package dxtext

// The funding summary of the dx-results section: planned and spent by
// source, with the rate of execution, kept as claims.

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/loaders"
)

// FundingSummary is a table of planned and spent amounts by funding
// source with the reported rate of execution.
type FundingSummary struct {
	Rows  []FundingRow
	Total *FundingRow // the "Tổng" row, nil when absent
}

// FundingRow is one row of a FundingSummary.
type FundingRow struct {
	Source               string
	Line                 int
	Planned, Spent, Rate DXValue
}

// fundingRaw is a row of a funding summary before its figures are read.
type fundingRaw struct {
	label string
	line  int
	toks  []rawTok // planned, spent, rate
}

// scanFunding finds the rows of a summary by funding source (see
// ReadFundingSummary) in lines, up to its "Tổng" row or the next appendix:
// a source's name, possibly wrapped over the lines above, and three
// figures.
func scanFunding(lines []pdfLine, errs *loaders.ErrorList) []fundingRaw {
	var rows []fundingRaw
	var pending []string
	pendingLine := 0
	started := false
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if loaders.AppendixID(l.text) != "" {
			break
		}
		ws := strings.Fields(l.text)
		k := len(ws)
		for k > 0 && isAmountToken(ws[k-1]) {
			k--
		}
		if len(ws)-k != 3 {
			if len(ws)-k > 0 && started {
				errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrCellCount, Expected: "a funding source with three figures: planned, spent, rate (%)"})
			}
			if len(pending) == 0 {
				pendingLine = l.no
			}
			pending = append(pending, l.text)
			continue
		}
		label := strings.Join(ws[:k], " ")
		line := l.no
		if started && len(pending) > 0 {
			label = strings.TrimSpace(strings.Join(pending, " ") + " " + label)
			line = pendingLine
		}
		if label == "" {
			errs.Add(&loaders.Error{Line: l.no, Text: l.text, Err: loaders.ErrUnexpectedCell, Expected: "the name of a funding source before its figures"})
			pending = nil
			continue
		}
		started = true
		pending = nil
		row := fundingRaw{label: label, line: line}
		for _, w := range ws[k:] {
			row.toks = append(row.toks, rawTok{w, l.no})
		}
		rows = append(rows, row)
		if isFundingTotal(label) {
			break
		}
	}
	return rows
}

// parseFunding reads the figures of the rows scanFunding found with
// figure, which reports its problems; a row with a figure that does not
// read is left out. nil when no row is left.
func parseFunding(rows []fundingRaw, figure func(rawTok) (DXValue, error)) *FundingSummary {
	var s FundingSummary
	for _, raw := range rows {
		vals := make([]DXValue, 3)
		bad := false
		for i, tk := range raw.toks {
			v, err := figure(tk)
			if err != nil {
				bad = true
				continue
			}
			vals[i] = v
		}
		if bad {
			continue
		}
		row := FundingRow{Source: raw.label, Line: raw.line, Planned: vals[0], Spent: vals[1], Rate: vals[2]}
		if isFundingTotal(raw.label) {
			s.Total = &row
			break
		}
		s.Rows = append(s.Rows, row)
	}
	if len(s.Rows) == 0 && s.Total == nil {
		return nil
	}
	return &s
}

// fundingFigure reads a figure of a funding summary in convention c: an
// amount in million đồng, or a rate in percent, as written.
func (r *dxReader) fundingFigure(tk rawTok, c loaders.Convention) (DXValue, error) {
	a, err := loaders.ParseAmount(tk.text, c, loaders.Million, true)
	if err != nil {
		r.figureError(tk, "a figure ", err)
		return DXValue{}, err
	}
	return DXValue{Text: tk.text, Value: a.Value, Line: tk.line, Decimals: a.Decimals}, nil
}

func isFundingTotal(label string) bool {
	f := foldVI(label)
	return f == "tong" || f == "tong cong" || f == "cong"
}

// ReadFundingSummary reads a summary by funding source ("Sự nghiệp địa
// phương 18.970 12.693 67 … Tổng 49.008 27.531 56") from lines first to
// last (1-based, inclusive) of a text: one row per source with its planned
// and spent amounts (million đồng) and rate of execution in percent, the
// source name possibly wrapped over the lines above its figures; header
// lines before the first row are skipped; the row labelled "Tổng" is the
// total. The figures are read in convention c; with Undecided, in the one
// a figure of the summary decides, and a figure that reads two ways when
// none decides is an ErrAmbiguousNumber.
func ReadFundingSummary(file string, text []byte, first, last int, c loaders.Convention) (*FundingSummary, error) {
	lines, err := splitRawLines(file, text)
	if err != nil {
		return nil, err
	}
	if first < 1 || last > len(lines) || first > last {
		return nil, &loaders.Error{File: file, Line: first, Err: loaders.ErrTruncated, Expected: fmt.Sprintf("lines %d–%d within the %d lines of the text", first, last, len(lines))}
	}
	region := lines[first-1 : last]
	normalizeLines(region)
	r := &dxReader{file: file, errs: loaders.NewErrorList(file)}
	rows := scanFunding(region, r.errs)
	var toks []rawTok
	for _, row := range rows {
		toks = append(toks, row.toks...)
	}
	c, _, e := numberConvention(toks, c, loaders.Undecided, "")
	if e != nil {
		r.errs.Add(e)
		r.convReported = e.Err == loaders.ErrAmbiguousNumber
	}
	s := parseFunding(rows, func(tk rawTok) (DXValue, error) { return r.fundingFigure(tk, c) })
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	if s == nil {
		return nil, &loaders.Error{File: file, Line: first, Err: loaders.ErrTruncated, Expected: "rows of a funding source with planned, spent and rate (%)"}
	}
	return s, nil
}
