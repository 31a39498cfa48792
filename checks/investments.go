package checks

import (
	"fmt"
	"math"
	"strconv"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// The investment programmes (vn-dx-investments, -components, -funding):
// what their documents state twice, against each other, and the parts of
// each programme against its total.

func init() {
	byDataset["vn-dx-investments"] = rules{hook: checkInvestments}
	byDataset["vn-dx-investment-components"] = rules{hook: checkComponents}
	byDataset["vn-dx-investment-funding"] = rules{hook: checkFunding}
}

// checkInvestments: each total in words against the total in digits
// before it, and the copies of a figure that a document repeats.
func checkInvestments(e datasets.Entry, _, _ *frame.Frame) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: e.ID}
	ps, err := datasets.Programmes()
	if err != nil {
		return r, err
	}
	for _, p := range ps {
		var pairs []reconcile.Pair
		for _, w := range p.TotalInWords {
			pairs = append(pairs, wordsPair(p.Subject+": tổng mức đầu tư", "total_mvnd", w.File, w))
		}
		r.Add(withFile(restatedReport(e.ID, p.Subject, p.Restated), p.File))
		r.Add(withFile(reconcile.Pairs(e.ID, pairs...), p.File))
	}
	return r, nil
}

// wordsPair compares an amount in digits with the same amount in words,
// in file.
func wordsPair(subject, column, file string, w datasets.InWords) reconcile.Pair {
	return reconcile.Pair{Rule: reconcile.RuleWords, Subject: subject, Column: column,
		Reported: w.DigitsAmount, Computed: w.WordsAmount, Line: w.WordsLine,
		Detail: fmt.Sprintf("%s: %q (line %d) = %s million đồng; in words %q (line %d) = %s million đồng",
			file, w.Digits, w.DigitsLine, frame.FormatVI(w.DigitsAmount, -1), w.Words, w.WordsLine, frame.FormatVI(w.WordsAmount, -1)),
		DetailVI: fmt.Sprintf("%s: %q (dòng %d) = %s triệu đồng; bằng chữ %q (dòng %d) = %s triệu đồng",
			file, w.Digits, w.DigitsLine, frame.FormatVI(w.DigitsAmount, -1), w.Words, w.WordsLine, frame.FormatVI(w.WordsAmount, -1))}
}

// withFile names the source file of a programme's findings.
func withFile(r reconcile.Report, file string) reconcile.Report {
	for i := range r.Findings {
		if r.Findings[i].SourceFile == "" {
			r.Findings[i].SourceFile = file
		}
	}
	return r
}

// restatedReport compares, for each field stated more than once, every
// statement with the first.
func restatedReport(dataset, subject string, rs []datasets.Restated) reconcile.Report {
	r := reconcile.Report{Dataset: dataset}
	for _, f := range rs {
		copies := make([]reconcile.TableCopy, len(f.Statements))
		for i, s := range f.Statements {
			copies[i] = reconcile.TableCopy{Label: s.Part, Line: s.Line, Rows: []reconcile.CopyRow{
				{Key: f.Field, Subject: subject + ": " + f.Column, Line: s.Line, Cells: []string{s.Value}}}}
		}
		r.Add(reconcile.CopiesAgree(dataset, []string{f.Column}, copies[0], copies[1:]...))
	}
	return r
}

// checkComponents: the components of each programme against its total
// (only where the source gives the components' amounts), and the copies
// of Khánh Hòa's module table against the first.
func checkComponents(e datasets.Entry, _, _ *frame.Frame) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: e.ID}
	ps, err := datasets.Programmes()
	if err != nil {
		return r, err
	}
	for _, p := range ps {
		if len(p.ComponentCopies) > 1 {
			r.Add(withFile(tableCopiesReport(e.ID, p.Subject, p.ComponentCopies), p.File))
		}
		if len(p.Components) == 0 || allNaN(p.Components) {
			continue // no amounts: nothing to check against the total
		}
		b := reconcile.Breakdown{Rule: reconcile.RuleComponents, Subject: p.Subject + ": " + strconv.Itoa(len(p.Components)) + " components",
			Column: "amount_mvnd", Total: p.Total, Line: p.TotalLine, Tolerance: p.TotalUnit / 2}
		for _, c := range p.Components {
			b.Parts = append(b.Parts, c.Amount)
			if c.Line > 0 {
				b.PartLines = append(b.PartLines, c.Line)
			}
		}
		if len(b.PartLines) != len(b.Parts) {
			b.PartLines = nil
		}
		r.Add(withFile(reconcile.Breakdowns(e.ID, b), p.File))
	}
	return r, nil
}

func allNaN(as []datasets.LineAmount) bool {
	for _, a := range as {
		if !math.IsNaN(a.Amount) {
			return false
		}
	}
	return true
}

// tableCopiesReport compares the copies of a table with the first copy,
// row by row.
func tableCopiesReport(dataset, subject string, copies []datasets.TableCopy) reconcile.Report {
	tc := make([]reconcile.TableCopy, len(copies))
	for i, c := range copies {
		t := reconcile.TableCopy{Label: c.Part, Line: c.Line}
		for _, row := range c.Rows {
			t.Rows = append(t.Rows, reconcile.CopyRow{Key: row.Key, Subject: subject + ": " + row.Key + " (" + row.Name + ")", Line: row.Line,
				Cells: row.Cells})
		}
		tc[i] = t
	}
	if len(tc) < 2 {
		return reconcile.Report{Dataset: dataset}
	}
	return reconcile.CopiesAgree(dataset, []string{"component", "description"}, tc[0], tc[1:]...)
}

// checkFunding: each amount in words against its digits, the funding
// sources of each programme against its total, the sources of a reported
// subtotal against it, and the copies of a source that a document repeats.
func checkFunding(e datasets.Entry, _, _ *frame.Frame) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: e.ID}
	ps, err := datasets.Programmes()
	if err != nil {
		return r, err
	}
	for _, p := range ps {
		var pairs []reconcile.Pair
		var bs []reconcile.Breakdown
		b := reconcile.Breakdown{Rule: reconcile.RuleFunding, Subject: p.Subject + ": " + strconv.Itoa(len(p.Funding)) + " funding sources",
			Column: "amount_mvnd", Total: p.Total, Line: p.TotalLine}
		for _, f := range p.Funding {
			b.Parts = append(b.Parts, f.Amount)
			b.PartLines = append(b.PartLines, max(f.AmountLine, f.Line))
			b.Rest = b.Rest || f.Rest
			if w := f.InWords; w != nil {
				pairs = append(pairs, wordsPair(p.Subject+": "+f.Source, "amount_mvnd", p.File, *w))
			}
			r.Add(withFile(restatedReport(e.ID, p.Subject+": "+f.Source, f.Restated), p.File))
		}
		bs = append(bs, b)
		for _, s := range p.Subtotals {
			sb := reconcile.Breakdown{Rule: reconcile.RuleFunding, Subject: p.Subject + ": " + s.Group, Column: "amount_mvnd",
				Total: s.Amount, Line: s.AmountLine}
			for _, f := range p.Funding {
				if f.Group == s.Group {
					sb.Parts = append(sb.Parts, f.Amount)
					sb.PartLines = append(sb.PartLines, f.AmountLine)
					sb.Rest = sb.Rest || f.Rest
				}
			}
			bs = append(bs, sb)
		}
		r.Add(withFile(reconcile.Pairs(e.ID, pairs...), p.File))
		r.Add(withFile(reconcile.Breakdowns(e.ID, bs...), p.File))
	}
	return r, nil
}
