package reconcile

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/ictplan/ictplan/frame"
)

// CSVHeader is the header of WriteCSV: a public contract.
// The last column, class, is empty for a discrepancy, else ClassNote or
// ClassFollows.
var CSVHeader = []string{"dataset", "rule", "subject", "column", "reported", "computed", "difference", frame.ColSourceLine, "class"}

func plain(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// WriteCSV writes findings as CSV with CSVHeader; numbers in plain Go form,
// an undefined figure as an empty field. With o.QuoteFormulas (a file for
// a spreadsheet, such as the report's findings.csv) a text a spreadsheet
// would run as a formula gets a single quote first (frame.QuoteFormula).
func WriteCSV(w io.Writer, fs []Finding, o frame.CSVWriteOptions) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	text := func(s string) string {
		if o.QuoteFormulas {
			return frame.QuoteFormula(s)
		}
		return s
	}
	for _, f := range fs {
		if err := cw.Write([]string{text(f.Dataset), f.Rule, text(f.Subject), text(f.Column), plain(f.Reported), plain(f.Computed), plain(f.Difference), strconv.Itoa(f.SourceLine), f.Class}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// TextOptions control WriteText.
type TextOptions struct {
	// Lang is the language of the lines: "vi" writes the rule's name and
	// the finding's sentence in Vietnamese (RuleName, Finding.Sentence);
	// anything else the rule's code and the English sentence.
	Lang string
}

// WriteText writes findings for people: one line each,
// "dataset:line: rule: detail", the rule followed by "(note)" or
// "(follows)" for a finding of that class ("(ghi chú)", "(hệ quả)" in
// Vietnamese).
func WriteText(w io.Writer, fs []Finding, o TextOptions) error {
	classVI := map[string]string{ClassNote: "ghi chú", ClassFollows: "hệ quả"}
	for _, f := range fs {
		rule, class := f.Rule, f.Class
		if o.Lang == "vi" {
			rule, class = RuleName(f.Rule, "vi"), classVI[f.Class]
		}
		if class != "" {
			rule += " (" + class + ")"
		}
		if _, err := fmt.Fprintf(w, "%s:%d: %s: %s\n", f.Dataset, f.SourceLine, rule, f.Sentence(o.Lang)); err != nil {
			return err
		}
	}
	return nil
}

// Frame returns findings as a Frame with the CSV columns (class null for
// a discrepancy) plus "detail".
func Frame(fs []Finding) (*frame.Frame, error) {
	b := frame.NewBuilder(map[string]string{frame.MetaTitle: "Kết quả đối chiếu số liệu (reconciliation findings)"},
		[]frame.FieldSpec{{Name: "dataset", Kind: frame.String},
			{Name: "rule", Kind: frame.String},
			{Name: "subject", Kind: frame.String},
			{Name: "column", Kind: frame.String},
			{Name: "reported", Kind: frame.Float64},
			{Name: "computed", Kind: frame.Float64},
			{Name: "difference", Kind: frame.Float64},
			{Name: frame.ColSourceLine, Kind: frame.Int64},
			{Name: "class", Kind: frame.String},
			{Name: "detail", Kind: frame.String}})
	defer b.Release()
	for _, f := range fs {
		var class any
		if f.Class != "" {
			class = f.Class
		}
		if err := b.AppendRow(f.Dataset, f.Rule, f.Subject, f.Column, f.Reported, f.Computed, f.Difference, int64(f.SourceLine), class, f.Detail); err != nil {
			return nil, err
		}
	}
	return b.Frame()
}
