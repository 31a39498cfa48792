package main

import (
	"fmt"
	"io"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/checks"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/reporting"
	"github.com/ictplan/ictplan/reporting/sections"
)

func runReport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("report", stderr, "ictplan report -o report")
	dir := fs.String("o", "", "output directory (created if missing)")
	lang := fs.String("lang", "vi", "language of the page, its tables and charts: vi or en")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *dir == "" || len(pos) > 0 {
		return fmt.Errorf("%w: expected -o DIR", errUsage)
	}
	o := sections.Options{}
	switch *lang {
	case "vi":
	case "en":
		o.Lang = chart.EN
	default:
		return fmt.Errorf("%w: --lang must be vi or en, not %q", errUsage, *lang)
	}
	secs, err := sections.All(o)
	if err != nil {
		return err
	}
	in := reporting.Input{Sections: secs, Lang: *lang}
	for _, e := range datasets.Catalogue() {
		f, err := datasets.Load(e.ID)
		if err != nil {
			return err
		}
		defer f.Release()
		c, err := datasets.Claims(e.ID)
		if err != nil {
			return err
		}
		defer c.Release()
		in.Datasets = append(in.Datasets, reporting.Dataset{ID: e.ID, TitleVI: e.TitleVI, TitleEN: e.TitleEN,
			Source: e.Source, Document: e.Document, Appendix: e.Appendix, Frame: f, Totals: c})
	}
	for _, s := range datasets.Sources() {
		in.Sources = append(in.Sources, reporting.Source{File: s.File, Title: s.Title, Province: s.Province, Document: s.Document, Date: s.Date})
	}
	r, err := checks.CheckAll()
	if err != nil {
		return err
	}
	in.Checks, in.Findings = r.Checks, r.Findings
	in.LineText = func(file string, line int) string {
		t, _ := datasets.Line(file, line)
		return t
	}
	if err := reporting.Write(*dir, in); err != nil {
		return err
	}
	charts, tables := 0, 0
	for _, s := range secs {
		charts += len(s.Charts)
		tables += len(s.Tables)
	}
	fmt.Fprintf(stdout, "wrote %s/index.html, %s/charts/ (%d charts, PNG and SVG) and %s/tables/ (%d analysis tables, %d datasets, ictplan.xlsx); %d checks, %d findings\n",
		*dir, *dir, charts, *dir, tables, len(in.Datasets), r.Checks, len(r.Findings))
	return nil
}
