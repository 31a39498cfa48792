package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/ipcio"
	"github.com/ictplan/ictplan/frame/parquetio"
	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/xlsxinput"
	"github.com/ictplan/ictplan/numtext"
)

func runDatasets(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("datasets", stderr, "ictplan datasets")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: no arguments expected", errUsage)
	}
	for _, e := range datasets.Catalogue() {
		f, err := datasets.Load(e.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\t%d\t%s\n", e.ID, f.NumRows(), e.TitleVI)
		f.Release()
	}
	return nil
}

func oneID(pos []string) (string, error) {
	if len(pos) != 1 {
		return "", fmt.Errorf("%w: expected one dataset id (see ictplan datasets)", errUsage)
	}
	return pos[0], nil
}

func runShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("show", stderr, "ictplan show soctrang-2010-computers-provincial --limit 5")
	limit := fs.Int("limit", 0, "show at most N rows (0: all)")
	width := fs.Int("width", 40, "cut cells wider than this many characters")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos)
	if err != nil {
		return err
	}
	f, err := datasets.Load(id)
	if err != nil {
		return err
	}
	defer f.Release()
	_, err = io.WriteString(stdout, f.Text(frame.TextOptions{MaxRows: *limit, MaxWidth: *width}))
	return err
}

// writeFrame writes f in a format of export and parse.
func writeFrame(w io.Writer, f *frame.Frame, format string) error {
	switch format {
	case "csv":
		return f.WriteCSV(w)
	case "json":
		return f.WriteJSON(w)
	case "arrow", "ipc":
		return ipcio.Write(w, f)
	case "parquet":
		return parquetio.Write(w, f)
	case "xlsx":
		return xlsxio.Write(w, f, xlsxio.Options{})
	case "text":
		_, err := io.WriteString(w, f.Text(frame.TextOptions{}))
		return err
	}
	return fmt.Errorf("%w: unknown format %q (want csv, parquet, arrow, xlsx or json)", errUsage, format)
}

func binaryFormat(format string) bool {
	return format == "parquet" || format == "arrow" || format == "ipc" || format == "xlsx"
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr, "ictplan export soctrang-2010-it-staff --format parquet -o it-staff.parquet")
	format := fs.String("format", "csv", "csv, parquet, arrow, xlsx or json")
	out := fs.String("o", "", "write to FILE instead of stdout")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	id, err := oneID(pos)
	if err != nil {
		return err
	}
	if _, err := datasets.Lookup(id); err != nil {
		return err
	}
	f, err := datasets.Load(id)
	if err != nil {
		return err
	}
	defer f.Release()
	return emit(f, *format, *out, stdout)
}

// emit writes f to -o or stdout; binary formats are buffered so that a
// failed write leaves no partial file behind.
func emit(f *frame.Frame, format, out string, stdout io.Writer) error {
	var buf bytes.Buffer
	if err := writeFrame(&buf, f, format); err != nil {
		return err
	}
	w, closeFn, err := output(out, stdout)
	if err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		closeFn()
		return err
	}
	return closeFn()
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr, "ictplan check soctrang-2010-computers-district --format csv")
	format := fs.String("format", "text", "text or csv")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: expected one dataset id or all", errUsage)
	}
	if *format != "text" && *format != "csv" {
		return fmt.Errorf("%w: unknown format %q (want text or csv)", errUsage, *format)
	}
	var r reconcile.Report
	if len(pos) == 0 || pos[0] == "all" {
		r, err = datasets.CheckAll()
	} else {
		r, err = datasets.Check(pos[0])
	}
	if err != nil {
		return err
	}
	if *format == "csv" {
		return reconcile.WriteCSV(stdout, r.Findings)
	}
	if err := reconcile.WriteText(stdout, r.Findings); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "# %d checks, %d findings\n", r.Checks, len(r.Findings))
	return nil
}

func runParse(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("parse", stderr, "ictplan parse --layout computers --appendix 2 plan.txt --format text\n  ictplan parse --layout computers --sheet \"Phụ lục 2\" plan.xlsx")
	layout := fs.String("layout", "", "table layout (see ictplan layouts)")
	format := fs.String("format", "csv", "text, csv, json, arrow, parquet or xlsx")
	out := fs.String("o", "", "write to FILE instead of stdout")
	appendix := fs.String("appendix", "", `read the table under the heading "PHỤ LỤC N" of a document`)
	numbers := fs.String("numbers", "auto", "number convention: auto, dot-thousands (1.234,5) or comma-thousands (1,234.5)")
	unit := fs.String("unit", "", `unit of money cells: "đồng", "triệu đồng", "tỷ đồng" (default: the table's "Đơn vị tính" or the layout's)`)
	input := fs.String("input", "", "input form: text, csv or xlsx (default: csv for *.csv files, xlsx for *.xlsx, text otherwise)")
	sheet := fs.String("sheet", "", "sheet of an xlsx workbook to read (default: the first sheet)")
	totals := fs.Bool("totals", false, "print the reported totals and the total-vs-sum findings to stderr")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *layout == "" || len(pos) != 1 {
		return fmt.Errorf("%w: expected --layout LAYOUT and one FILE (- for stdin)", errUsage)
	}
	l, err := loaders.LookupLayout(*layout)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	conv, err := numtext.ParseConvention(*numbers)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	form := *input
	if form == "" {
		switch strings.ToLower(filepath.Ext(pos[0])) {
		case ".csv":
			form = "csv"
		case ".xlsx":
			form = "xlsx"
		default:
			form = "text"
		}
	}
	switch {
	case form != "text" && form != "csv" && form != "xlsx":
		return fmt.Errorf("%w: unknown input form %q (want text, csv or xlsx)", errUsage, form)
	case *sheet != "" && form != "xlsx":
		return fmt.Errorf("%w: --sheet applies to xlsx input only", errUsage)
	case *appendix != "" && form == "xlsx":
		return fmt.Errorf("%w: --appendix does not apply to a workbook: choose the sheet with --sheet", errUsage)
	}
	name := pos[0]
	var data []byte
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(os.Stdin, loaders.MaxInputBytes+1))
		name = "stdin"
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	o := loaders.Options{File: name, Convention: conv, Unit: *unit, Appendix: *appendix}
	var t *loaders.Table
	switch form {
	case "csv":
		t, err = loaders.ParseCSV(bytes.NewReader(data), l, o)
	case "text":
		t, err = loaders.ParseText(data, l, o)
	case "xlsx":
		t, err = xlsxinput.Parse(bytes.NewReader(data), *sheet, l, o)
	}
	if err != nil {
		return err
	}
	defer t.Release()
	where := fmt.Sprintf("lines %d–%d", t.FirstLine, t.LastLine)
	if form == "xlsx" {
		where = fmt.Sprintf("sheet %s, rows %d–%d", t.Frame.Metadata()[xlsxinput.MetaSourceSheet], t.FirstLine, t.LastLine)
	}
	fmt.Fprintf(stderr, "%s: %d rows (layout %s, %s), numbers %s (%s)\n", name, t.Frame.NumRows(), l.Name, where, t.Convention, t.ConventionReason)
	if *totals {
		claims, err := t.TotalsFrame(nil)
		if err != nil {
			return err
		}
		defer claims.Release()
		fmt.Fprint(stderr, claims.Text(frame.TextOptions{}))
		r, err := reconcile.Totals(name, t.Frame, claims)
		if err != nil {
			return err
		}
		reconcile.WriteText(stderr, r.Findings)
		fmt.Fprintf(stderr, "# %d checks, %d findings\n", r.Checks, len(r.Findings))
	}
	return emit(t.Frame, *format, *out, stdout)
}

func runLayouts(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("layouts", stderr, "ictplan layouts")
	if _, err := parseArgs(fs, args); err != nil {
		return err
	}
	for _, l := range loaders.Layouts() {
		fmt.Fprintf(stdout, "%s\t%s\n\tcolumns: %s\n", l.Name, l.Description, strings.Join(l.ColumnNames(), ", "))
	}
	return nil
}

func runSource(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("source", stderr, "ictplan source soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt:1413")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch len(pos) {
	case 0:
		for _, s := range datasets.Sources() {
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\n", s.File, s.Province, s.Document, s.Date, s.Title)
		}
		return nil
	case 1:
		file, lineText, hasLine := strings.Cut(pos[0], ":")
		if !hasLine {
			b, err := datasets.SourceText(file)
			if err != nil {
				return err
			}
			_, err = stdout.Write(b)
			return err
		}
		n, err := strconv.Atoi(lineText)
		if err != nil {
			return fmt.Errorf("%w: %q is not a line number", errUsage, lineText)
		}
		l, err := datasets.Line(file, n)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s:%d: %s\n", file, n, l)
		return nil
	}
	return fmt.Errorf("%w: expected at most one FILE[:LINE]", errUsage)
}
