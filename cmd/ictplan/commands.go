package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/checks"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/ipcio"
	"github.com/ictplan/ictplan/frame/parquetio"
	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/docxinput"
	"github.com/ictplan/ictplan/loaders/pdfinput"
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

// oneID returns the one dataset id of the arguments; an id the catalogue
// does not have is misuse, as an unknown layout is.
func oneID(pos []string) (string, error) {
	if len(pos) != 1 {
		return "", fmt.Errorf("%w: expected one dataset id (see ictplan datasets)", errUsage)
	}
	return pos[0], knownID(pos[0])
}

func knownID(id string) error {
	if _, err := datasets.Lookup(id); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

func runShow(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("show", stderr, "ictplan show soctrang-2010-computers-provincial --limit 5")
	limit := fs.Int("limit", 0, "show at most N rows (0: all)")
	width := fs.Int("width", 40, "cut cells wider than this many characters")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *limit < 0 {
		return fmt.Errorf("%w: --limit must be 0 (all rows) or more, not %d", errUsage, *limit)
	}
	if *width < 1 {
		return fmt.Errorf("%w: --width must be 1 or more, not %d", errUsage, *width)
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
		return frame.WriteCSV(w, f, frame.CSVWriteOptions{})
	case "json":
		return frame.WriteJSON(w, f, frame.JSONOptions{})
	case "arrow", "ipc":
		return ipcio.Write(w, f, ipcio.Options{})
	case "parquet":
		return parquetio.Write(w, f, parquetio.Options{})
	case "xlsx":
		return xlsxio.Write(w, f, xlsxio.Options{Readable: true})
	case "text":
		_, err := io.WriteString(w, safeText(f.Text(frame.TextOptions{})))
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
	if err := checkFormat(*format, "csv, parquet, arrow, xlsx or json"); err != nil {
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
	fs := newFlags("check", stderr, "ictplan check soctrang-2010-computers-district --format csv\n  ictplan check draft-plan.docx")
	format := fs.String("format", "text", "text or csv")
	layout := fs.String("layout", "", "for a FILE: read its tables with this layout only (default: each built-in layout of cells)")
	layoutFile := fs.String("layout-file", "", "for a FILE: read its tables with the layout of this file (TOML)")
	numbers := fs.String("numbers", "auto", "for a FILE: number convention: auto, dot-thousands or comma-thousands")
	out := fs.String("o", "", "for a FILE: write to this file instead of stdout (with --format html: the review page)")
	lang := fs.String("lang", "vi", "language of the findings: vi or en")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: expected one dataset id, all, or a FILE (.docx, .pdf, .xlsx, .csv, .txt)", errUsage)
	}
	if *lang != "vi" && *lang != "en" {
		return fmt.Errorf("%w: unknown language %q (want vi or en)", errUsage, loaders.Clip(*lang, loaders.MaxQuoted))
	}
	fileArg := len(pos) == 1 && isFileArg(pos[0])
	if *format != "text" && *format != "csv" && !(*format == "html" && fileArg) {
		return fmt.Errorf("%w: unknown format %q (want text or csv; html for a FILE)", errUsage, loaders.Clip(*format, loaders.MaxQuoted))
	}
	if fileArg {
		w := stdout
		if *out != "" {
			f, err := os.Create(*out)
			if err != nil {
				return err
			}
			defer f.Close()
			w = f
		}
		return runCheckFile(pos[0], *layout, *layoutFile, *numbers, *format, *lang, w)
	}
	if *out != "" {
		return fmt.Errorf("%w: -o applies to checking a FILE", errUsage)
	}
	if len(pos) == 1 && pos[0] != "all" {
		if err := knownID(pos[0]); err != nil {
			return err
		}
	}
	var r reconcile.Report
	if len(pos) == 0 || pos[0] == "all" {
		r, err = checks.CheckAll()
	} else {
		r, err = checks.Check(pos[0])
	}
	if err != nil {
		return err
	}
	if *format == "csv" {
		return reconcile.WriteCSV(stdout, r.Findings, frame.CSVWriteOptions{})
	}
	if err := reconcile.WriteText(stdout, r.Findings, reconcile.TextOptions{Lang: *lang}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "# %s\n", checkSummary(r, *lang))
	return nil
}

// classSummary counts the findings that are notes or consequences:
// " (25 discrepancies, 5 notes, 3 following from another)"; "" when all
// are discrepancies.
// checkSummary is the last line of a check: "150 checks, 3 findings"
// with classSummary, or in Vietnamese "150 phép kiểm tra, 3 phát hiện".
func checkSummary(r reconcile.Report, lang string) string {
	if lang != "vi" {
		return fmt.Sprintf("%d checks, %d findings%s", r.Checks, len(r.Findings), classSummary(r.Findings))
	}
	n := map[string]int{}
	for _, f := range r.Findings {
		n[f.Class]++
	}
	s := fmt.Sprintf("%d phép kiểm tra, %d phát hiện", r.Checks, len(r.Findings))
	if n[reconcile.ClassNote] > 0 || n[reconcile.ClassFollows] > 0 {
		s += fmt.Sprintf(" (%d chênh lệch, %d ghi chú, %d hệ quả của phát hiện khác)", n[""], n[reconcile.ClassNote], n[reconcile.ClassFollows])
	}
	return s
}

func classSummary(fs []reconcile.Finding) string {
	n := map[string]int{}
	for _, f := range fs {
		n[f.Class]++
	}
	if n[reconcile.ClassNote] == 0 && n[reconcile.ClassFollows] == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d discrepancies, %d notes, %d following from another)", n[""], n[reconcile.ClassNote], n[reconcile.ClassFollows])
}

func runParse(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("parse", stderr, "ictplan parse --layout computers --appendix 2 plan.txt --format text\n  ictplan parse --layout computers --sheet \"Phụ lục 2\" plan.xlsx")
	layout := fs.String("layout", "", "table layout (see ictplan layouts)")
	layoutFile := fs.String("layout-file", "", "read the table with the layout of this file (TOML; ictplan layouts --write NAME gives a start)")
	explain := fs.Bool("explain", false, "print to stderr how the table's columns were matched to the layout by their headers")
	format := fs.String("format", "csv", "text, csv, json, arrow, parquet or xlsx")
	out := fs.String("o", "", "write to FILE instead of stdout")
	appendix := fs.String("appendix", "", `read the table under the heading "PHỤ LỤC N" of a document`)
	numbers := fs.String("numbers", "auto", "number convention: auto, dot-thousands (1.234,5) or comma-thousands (1,234.5)")
	unit := fs.String("unit", "", `unit of money cells: "đồng", "nghìn đồng", "triệu đồng", "tỷ đồng" (default: the table's "Đơn vị tính" or the layout's)`)
	input := fs.String("input", "", "input form: text, csv, xlsx or docx (default: by the file's extension, text otherwise)")
	sheet := fs.String("sheet", "", "sheet of an xlsx workbook to read (default: the first sheet)")
	table := fs.Int("table", 0, "number of the table of a .docx document to read (ictplan tables FILE lists them; or --appendix N)")
	totals := fs.Bool("totals", false, "print the reported totals and the total-vs-sum findings to stderr")
	maxErrors := fs.Int("max-errors", 100, "report at most N errors, then one line that counts the others (0: all)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if (*layout == "") == (*layoutFile == "") || len(pos) != 1 {
		return fmt.Errorf("%w: expected --layout LAYOUT or --layout-file FILE, and one FILE (- for stdin)", errUsage)
	}
	l, err := chosenLayout(*layout, *layoutFile)
	if err != nil {
		return err
	}
	conv, err := numtext.ParseConvention(*numbers)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *unit != "" {
		if _, ok := loaders.ParseMoneyUnit(*unit); !ok {
			return fmt.Errorf("%w: unknown --unit %q (want đồng, nghìn đồng, triệu đồng or tỷ đồng; also đ, VNĐ, nghìn, triệu, tr.đ, tỷ)", errUsage, loaders.Clip(*unit, loaders.MaxQuoted))
		}
	}
	if *maxErrors < 0 {
		return fmt.Errorf("%w: --max-errors must be 0 (all) or more, not %d", errUsage, *maxErrors)
	}
	if err := checkFormat(*format, "text, csv, json, arrow, parquet or xlsx"); err != nil {
		return err
	}
	form := inputForm(pos[0], *input)
	if err := checkInputFlags(form, *sheet, *table, *appendix); err != nil {
		return err
	}
	loaders.DefaultMaxErrors = *maxErrors
	r, name, closeIn, err := openInput(pos[0], form)
	if err != nil {
		return err
	}
	defer closeIn()
	o := loaders.Options{File: name, Convention: conv, Unit: *unit, Appendix: *appendix, MaxErrors: *maxErrors}
	if *maxErrors == 0 {
		o.MaxErrors = -1 // all
	}
	t, err := parseInput(r, name, form, l, o, *sheet, *table, *appendix)
	if err != nil {
		return capErrors(err, *maxErrors)
	}
	defer t.Release()
	describeParse(stderr, name, form, l, t, *explain)
	if *totals {
		if err := printTotals(stderr, name, t); err != nil {
			return err
		}
	}
	return emit(t.Frame, *format, *out, stdout)
}

// checkInputFlags refuses the flags that do not apply to the input form.
func checkInputFlags(form, sheet string, table int, appendix string) error {
	switch {
	case form != "text" && form != "csv" && form != "xlsx" && form != "docx" && form != "pdf":
		return fmt.Errorf("%w: unknown input form %q (want text, csv, xlsx, docx or pdf)", errUsage, form)
	case sheet != "" && form != "xlsx":
		return fmt.Errorf("%w: --sheet applies to xlsx input only", errUsage)
	case table != 0 && form != "docx" && form != "pdf":
		return fmt.Errorf("%w: --table applies to docx and pdf input only", errUsage)
	case table < 0:
		return fmt.Errorf("%w: --table must be 1 or more, not %d", errUsage, table)
	case appendix != "" && form == "xlsx":
		return fmt.Errorf("%w: --appendix does not apply to a workbook: choose the sheet with --sheet", errUsage)
	}
	return nil
}

// describeParse says on stderr what was read: the rows, where in the
// input, the convention of the numbers and why, and how the columns were
// matched (--explain: in full).
func describeParse(stderr io.Writer, name, form string, l loaders.Layout, t *loaders.Table, explain bool) {
	where := fmt.Sprintf("lines %d–%d", t.FirstLine, t.LastLine)
	switch form {
	case "xlsx":
		where = fmt.Sprintf("sheet %s, rows %d–%d", t.Frame.Metadata()[xlsxinput.MetaSourceSheet], t.FirstLine, t.LastLine)
	case "docx":
		where = fmt.Sprintf("table %s, rows %d–%d", t.Frame.Metadata()[docxinput.MetaSourceTable], t.FirstLine, t.LastLine)
	case "pdf":
		md := t.Frame.Metadata()
		where = fmt.Sprintf("table %s, pages %s, rows %d–%d", md[pdfinput.MetaSourceTable], md[pdfinput.MetaSourcePages], t.FirstLine, t.LastLine)
	}
	fmt.Fprint(stderr, safeText(fmt.Sprintf("%s: %d rows (layout %s, %s), numbers %s (%s)\n", name, t.Frame.NumRows(), l.Name, where, t.Convention, t.ConventionReason)))
	for _, n := range t.Notes {
		fmt.Fprint(stderr, safeText(fmt.Sprintf("note under the table, line %d: %s\n", n.Line, loaders.Clip(n.Text, 300))))
	}
	switch {
	case explain && t.Columns != nil:
		fmt.Fprint(stderr, safeText("columns matched by their headers: "+t.Columns.String()))
	case explain:
		fmt.Fprint(stderr, "columns read by position, in the layout's order (ictplan layouts)\n")
	case t.Columns != nil && t.Columns.Reordered:
		fmt.Fprint(stderr, "columns matched by their headers, not in the layout's order: --explain shows how\n")
	}
}

// printTotals prints on stderr the totals and means the table reports
// and the findings of comparing them with its rows (--totals).
func printTotals(stderr io.Writer, name string, t *loaders.Table) error {
	claims, err := t.TotalsFrame(nil)
	if err != nil {
		return err
	}
	defer claims.Release()
	fmt.Fprint(stderr, safeText(claims.Text(frame.TextOptions{})))
	r, err := reconcile.Totals(name, t.Frame, claims)
	if err != nil {
		return err
	}
	if len(t.Means) > 0 {
		means, err := t.MeansFrame(nil)
		if err != nil {
			return err
		}
		defer means.Release()
		fmt.Fprint(stderr, safeText(means.Text(frame.TextOptions{})))
		mr, err := reconcile.Means(name, t.Frame, means)
		if err != nil {
			return err
		}
		r.Add(mr)
	}
	var findings strings.Builder
	reconcile.WriteText(&findings, r.Findings, reconcile.TextOptions{})
	fmt.Fprint(stderr, safeText(findings.String()))
	fmt.Fprintf(stderr, "# %d checks, %d findings\n", r.Checks, len(r.Findings))
	return nil
}

// chosenLayout is the layout of --layout NAME or --layout-file FILE (one
// of them set).
func chosenLayout(name, file string) (loaders.Layout, error) {
	if file == "" {
		l, err := loaders.LookupLayout(name)
		if err != nil {
			return l, fmt.Errorf("%w: %v", errUsage, err)
		}
		return l, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return loaders.Layout{}, err
	}
	defer f.Close()
	return loaders.ReadLayout(f, file)
}

// inputForm is the form of an input: --input if given, else the file's
// extension (text otherwise).
func inputForm(arg, input string) string {
	if input != "" {
		return input
	}
	switch ext := strings.ToLower(filepath.Ext(arg)); ext {
	case ".csv", ".xlsx", ".docx", ".pdf":
		return ext[1:]
	}
	return "text"
}

// parseInput reads a table of the input in its form with layout l.
func parseInput(r io.Reader, name, form string, l loaders.Layout, o loaders.Options, sheet string, table int, appendix string) (*loaders.Table, error) {
	switch form {
	case "csv":
		return loaders.ParseCSV(r, l, o)
	case "text":
		data, err := readAllInput(r, name, inputLimit(form))
		if err != nil {
			return nil, err
		}
		return loaders.ParseText(data, l, o)
	case "xlsx":
		r, err := notWorkbook(r, name)
		if err != nil {
			return nil, err
		}
		return xlsxinput.Parse(r, sheet, l, o)
	}
	ra, size, err := readerAt(r, name)
	if err != nil {
		return nil, err
	}
	if form == "docx" {
		return docxinput.Parse(ra, size, table, appendix, l, o)
	}
	return pdfinput.Parse(ra, size, table, appendix, l, o)
}

// checkFormat refuses an output format writeFrame does not write, before
// any work (a usage error).
func checkFormat(format, want string) error {
	switch format {
	case "csv", "json", "arrow", "ipc", "parquet", "xlsx", "text":
		return nil
	}
	return fmt.Errorf("%w: unknown format %q (want %s)", errUsage, loaders.Clip(format, loaders.MaxQuoted), want)
}

// capErrors keeps the first n errors of a joined error (0: all) and
// counts the others in one last line, the first of them named: the
// loaders cap their own lists, a reader that joins more (a workbook's
// cells) is capped here.
func capErrors(err error, n int) error {
	j, ok := err.(interface{ Unwrap() []error })
	if !ok || n == 0 {
		return err
	}
	list := j.Unwrap()
	if len(list) <= n+1 {
		return err
	}
	more, line, file := 0, 0, ""
	for _, e := range list[n:] {
		k := 1
		if es := loaders.Errors(e); len(es) == 1 {
			if es[0].More > 0 {
				k = es[0].More
			}
			if line == 0 {
				line, file = es[0].Line, es[0].File
			}
		}
		more += k
	}
	return errors.Join(append(list[:n:n], &loaders.Error{File: file, Line: line, Err: loaders.ErrMoreErrors, More: more})...)
}

// safeText escapes the control, format and bidirectional characters of a
// text echoed from an input (a unit name, a sheet name, a label), so that
// it cannot reorder or hide what the terminal shows; its own line ends and
// tabs stay.
func safeText(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexAny(s, "\n\t")
		if i < 0 {
			b.WriteString(loaders.EscapeControls(s))
			return b.String()
		}
		b.WriteString(loaders.EscapeControls(s[:i]))
		b.WriteByte(s[i])
		s = s[i+1:]
	}
}

func runLayouts(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("layouts", stderr, "ictplan layouts\n  ictplan layouts --write computers > my-table.toml")
	write := fs.String("write", "", "write the layout of this name as a layout file (TOML) to edit, for parse --layout-file")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: no arguments expected", errUsage)
	}
	if *write != "" {
		l, err := loaders.LookupLayout(*write)
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		if err := l.WriteTOML(stdout); err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		return nil
	}
	var b strings.Builder
	for i, l := range loaders.Layouts() {
		if i > 0 {
			b.WriteByte('\n')
		}
		writeLayout(&b, l)
	}
	_, err = io.WriteString(stdout, safeText(b.String()))
	return err
}

// writeLayout lists the input cells of a layout, in the order of a CSV or
// sheet row, then its output columns.
func writeLayout(b *strings.Builder, l loaders.Layout) {
	fmt.Fprintf(b, "%s\t%s\n", l.Name, l.Description)
	if cells := l.InputCells(); cells != nil {
		fmt.Fprintf(b, "  input: one row per data row, %d cells in this order (CSV fields or sheet columns):\n", len(cells))
		for _, c := range cells {
			unit := ""
			if c.Unit != "" {
				unit = ", " + c.Unit
			}
			fmt.Fprintf(b, "    %2d. %-13s %s%s — %s; e.g. %q → %s\n", c.Position, c.Kind, c.LabelVI, unit, c.Form, c.Example, strings.Join(c.Columns, ", "))
		}
		if l.Sections {
			b.WriteString("    a row holding only a heading such as \"I. CÁC SỞ, NGÀNH TỈNH\" opens a section (column group)\n")
		}
		fmt.Fprintf(b, "    a row labelled \"TỔNG CỘNG\" is a reported total, its figures from cell %d on\n", totalFrom(l))
	} else {
		fmt.Fprintf(b, "  input: %s, read from a document's text (not from cells: no CSV or sheet form)\n", l.Form)
	}
	b.WriteString("  output columns:\n")
	for _, c := range l.Columns() {
		unit := ""
		if c.Unit != "" {
			unit = " (" + c.Unit + ")"
		}
		fmt.Fprintf(b, "    %-30s %-8s %s%s\n", c.Name, c.Kind, c.LabelVI, unit)
	}
}

// totalFrom is the 1-based position of the first cell a total row reports.
func totalFrom(l loaders.Layout) int {
	for i, c := range l.Cells {
		if c.Name == l.TotalFrom {
			return i + 1
		}
	}
	return 2
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
		if !knownSource(file) {
			return fmt.Errorf("%w: no source %q (see ictplan source)", errUsage, loaders.Clip(file, loaders.MaxQuoted))
		}
		if !hasLine {
			b, err := datasets.SourceText(file)
			if err != nil {
				return err
			}
			_, err = stdout.Write(b)
			return err
		}
		n, err := strconv.Atoi(lineText)
		if err != nil || n < 1 {
			return fmt.Errorf("%w: %q is not a line number (1 or more)", errUsage, loaders.Clip(lineText, loaders.MaxQuoted))
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

func knownSource(file string) bool {
	for _, s := range datasets.Sources() {
		if s.File == file {
			return true
		}
	}
	// the reference tables (reference/vn-cpi.csv …) are the sources of
	// their datasets
	for _, id := range datasets.IDs() {
		if e, err := datasets.Lookup(id); err == nil && e.Source == file {
			return true
		}
	}
	return false
}

// readerAt gives an input as an io.ReaderAt with its size: a file as it
// is, a stream read whole within its limit.
func readerAt(r io.Reader, name string) (io.ReaderAt, int64, error) {
	switch v := r.(type) {
	case *os.File:
		st, err := v.Stat()
		if err != nil {
			return nil, 0, err
		}
		return v, st.Size(), nil
	case *bytes.Reader:
		return v, v.Size(), nil
	case *io.SectionReader:
		return v, v.Size(), nil
	}
	data, err := readAllInput(r, name, loaders.MaxInputBytes)
	if err != nil {
		return nil, 0, err
	}
	return bytes.NewReader(data), int64(len(data)), nil
}

func runTables(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("tables", stderr, "ictplan tables plan.docx\n  ictplan tables plan.pdf")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: expected one FILE (a .docx document or a PDF)", errUsage)
	}
	ext := strings.ToLower(filepath.Ext(pos[0]))
	if ext != ".docx" && ext != ".pdf" {
		return fmt.Errorf("%w: tables lists the tables of a .docx document or a PDF, not a %q file", errUsage, loaders.Clip(ext, loaders.MaxQuoted))
	}
	r, name, closeIn, err := openInput(pos[0], strings.TrimPrefix(ext, "."))
	if err != nil {
		return err
	}
	defer closeIn()
	ra, size, err := readerAt(r, name)
	if err != nil {
		return err
	}
	var lines []string
	if ext == ".pdf" {
		infos, err := pdfinput.Tables(ra, size)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, info := range infos {
			lines = append(lines, info.String())
		}
	} else {
		infos, err := docxinput.Tables(ra, size)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, info := range infos {
			lines = append(lines, info.String())
		}
	}
	_, err = io.WriteString(stdout, safeText(strings.Join(lines, "\n")+"\n"))
	return err
}
