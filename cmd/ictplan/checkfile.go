package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/docxinput"
	"github.com/ictplan/ictplan/loaders/pdfinput"
	"github.com/ictplan/ictplan/loaders/xlsxinput"
	"github.com/ictplan/ictplan/numtext"
	"github.com/ictplan/ictplan/reporting"
)

// A draft plan is appraised table by table: each table of the file read
// with the layout that recognises it, then its reported totals checked
// against its rows, its reported ratios against their parts and its parts
// against their whole.

// checkedTable is one table of a file read with a layout.
type checkedTable struct {
	where string // "table 2 (PHỤ LỤC 5)"
	// place, if set, names where row n of the table is, more closely than
	// where ("table 2 (PHỤ LỤC 01), page 55": a PDF table's page)
	place func(row int) string
	// quote, if set, is the text of row n as the file writes it (a PDF
	// table's cells joined), quoted beside a finding on the review page
	quote  func(row int) string
	layout string
	title  func(lang string) string // what the layout reads (Layout.Title)
	t      *loaders.Table           // nil: no layout read it (or the text's amounts in words)
	// err is why not: the error of the layout that came nearest, layout
	err    error
	words  int            // for the text's amounts in words: how many
	checks loaders.Checks // the layout's checks
}

// briefError is the first of the errors err joins, without its file (the
// page or the output names it), and how many others there are.
func briefError(err error) string {
	lines := strings.Split(fmt.Sprint(err), "\n")
	first := lines[0]
	if p, ok := frame.PositionOf(err); ok && p.File != "" {
		first = strings.TrimPrefix(first, p.File+": ")
		first = strings.TrimPrefix(first, p.File+":")
	}
	first = loaders.Clip(first, 300)
	if len(lines) > 1 {
		first += fmt.Sprintf(" (and %d more)", len(lines)-1)
	}
	return first
}

// quoteRow writes a row of a table as a finding quotes it: its cells that
// hold text, joined by " | ", a long one cut so that the row's figures
// show.
func quoteRow(cells []string) string {
	var texts []string
	for _, c := range cells {
		if t := strings.Join(strings.Fields(c), " "); t != "" {
			texts = append(texts, loaders.Clip(t, 48))
		}
	}
	return strings.Join(texts, " | ")
}

// hint is what to do about a table no layout read, if the nearest layout
// read it but for its figures' convention ("" otherwise).
func (t checkedTable) hint(lang string) string {
	if t.t == nil && onlyConvention(t.err) {
		return numbersHint(lang)
	}
	return ""
}

// isFileArg reports whether check's argument names a file to appraise
// rather than a dataset.
func isFileArg(arg string) bool {
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".csv", ".xlsx", ".docx", ".pdf", ".txt":
		return true
	}
	return false
}

// checkFile reads the tables of a file (.docx, .pdf: every table; .xlsx:
// every sheet; .csv: the file; a text: each appendix, "PHỤ LỤC N") with
// the layouts given or, without one, with each built-in layout in turn (of
// cells; for a text also the layouts of the documents' own text forms,
// textLayouts), keeping for each table the layout that reads it whole with
// the most rows; then reconciles each.
func checkFile(name string, layouts, textLayouts []loaders.Layout, o loaders.Options) (reconcile.Report, []checkedTable, error) {
	var rep reconcile.Report
	f, err := os.Open(name)
	if err != nil {
		return rep, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return rep, nil, err
	}
	if st.Size() > 64<<20 {
		return rep, nil, tooLarge(name, 64<<20, fmt.Sprintf(" (the file has %d bytes)", st.Size()))
	}
	o.File = name
	in, err := readFileParts(f, st.Size(), name, o)
	if err != nil {
		return rep, nil, err
	}
	if in.text && textLayouts != nil {
		layouts = textLayouts
	}
	tables := bestTables(in.sources, layouts)
	for _, c := range tables {
		if c.t == nil {
			continue
		}
		r, err := reconcileTable(c)
		if err != nil {
			return rep, tables, err
		}
		for i := range r.Findings {
			if c.place != nil {
				r.Findings[i].Dataset = c.place(r.Findings[i].SourceLine) + ", layout " + c.layout
			}
			if c.quote != nil {
				r.Findings[i].Quote = c.quote(r.Findings[i].SourceLine)
			}
		}
		rep.Add(r)
	}
	wr := wordsReport(in.words)
	if in.wordPlace != nil {
		for i := range wr.Findings {
			wr.Findings[i].Dataset, wr.Findings[i].SourceLine = in.wordPlace(wr.Findings[i].SourceLine)
		}
	}
	rep.Add(wr)
	if len(in.words) > 0 {
		tables = append(tables, checkedTable{where: fmt.Sprintf("the text: %d amounts in words", len(in.words)), words: len(in.words)})
	}
	return rep, tables, nil
}

// tableSource is a table of a file, read with a layout on demand.
type tableSource struct {
	where string
	parse func(l loaders.Layout) (*loaders.Table, error)
	place func(row int) string // see checkedTable.place
	quote func(row int) string // see checkedTable.quote
}

// fileParts are what check FILE reads in a file: its tables, the amounts
// its text writes in words and where each line of that text is.
type fileParts struct {
	sources []tableSource
	words   []loaders.WordAmount
	// wordPlace, if set, names where the n-th line of the text searched
	// for amounts in words is (a PDF's page and its line there)
	wordPlace func(n int) (string, int)
	text      bool // a text file, read appendix by appendix
}

// readFileParts finds the tables and the amounts in words of a file by
// its kind: a Word document's tables and paragraphs, a PDF's tables and
// lines, every sheet of a workbook, a CSV file's table, a text's
// appendices and lines.
func readFileParts(f *os.File, size int64, name string, o loaders.Options) (fileParts, error) {
	var in fileParts
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".docx":
		infos, err := docxinput.Tables(f, size)
		if err != nil {
			return in, fmt.Errorf("%s: %w", name, err)
		}
		pars, err := docxinput.Paragraphs(f, size)
		if err != nil {
			return in, fmt.Errorf("%s: %w", name, err)
		}
		// a paragraph is a line: a finding names the paragraph's number
		in.words = loaders.FindWordAmounts([]byte(strings.Join(pars, "\n")), o.Convention)
		for _, info := range infos {
			n := info.Number
			var rows [][]string // read once, for the first finding's quote
			in.sources = append(in.sources, tableSource{where: fmt.Sprintf("table %d%s", n, headingOf(info.Heading)), parse: func(l loaders.Layout) (*loaders.Table, error) {
				return docxinput.Parse(f, size, n, "", l, o)
			}, quote: func(row int) string {
				if rows == nil {
					rows, _ = docxinput.Rows(f, size, n)
				}
				if row < 1 || row > len(rows) {
					return ""
				}
				return quoteRow(rows[row-1])
			}})
		}
	case ".pdf":
		// one reading for the tables and the text
		doc, err := pdfinput.Read(f, size, name)
		if err != nil {
			return in, fmt.Errorf("%s: %w", name, err)
		}
		grids, lines := doc.Grids, doc.Lines
		texts := make([]string, len(lines))
		for i, l := range lines {
			texts[i] = l.Text
		}
		// a line of the text is a page's line: a finding names both
		in.words = loaders.FindWordAmounts([]byte(strings.Join(texts, "\n")), o.Convention)
		in.wordPlace = func(n int) (string, int) {
			l := lines[n-1]
			return fmt.Sprintf("the text, page %d", l.Page), l.Line
		}
		for _, g := range grids {
			g := g
			in.sources = append(in.sources, tableSource{where: fmt.Sprintf("table %d%s, %s", g.Number, headingOf(g.Heading), pageRange(g.Pages)), parse: func(l loaders.Layout) (*loaders.Table, error) {
				return g.Parse(l, o)
			}, place: func(row int) string {
				if row < 1 || row > len(g.RowPages) {
					return fmt.Sprintf("table %d%s, %s", g.Number, headingOf(g.Heading), pageRange(g.Pages))
				}
				return fmt.Sprintf("table %d%s, page %d", g.Number, headingOf(g.Heading), g.RowPages[row-1])
			}, quote: func(row int) string {
				if row < 1 || row > len(g.Cells) {
					return ""
				}
				texts := make([]string, len(g.Cells[row-1]))
				for i, c := range g.Cells[row-1] {
					texts[i] = c.Text
				}
				return quoteRow(texts)
			}})
		}
	case ".xlsx":
		first, err := xlsxio.ReadCellsLimited(f, "", xlsxio.CellLimits{Cells: loaders.MaxCells})
		if err != nil {
			return in, fmt.Errorf("%s: %w", name, err)
		}
		for _, sheet := range first.Sheets {
			sheet := sheet
			var cells *xlsxio.SheetCells // read once, for the first finding's quote
			in.sources = append(in.sources, tableSource{where: "sheet " + xlsxio.Ref(sheet, ""), parse: func(l loaders.Layout) (*loaders.Table, error) {
				if _, err := f.Seek(0, io.SeekStart); err != nil {
					return nil, err
				}
				return xlsxinput.Parse(f, sheet, l, o)
			}, quote: func(row int) string {
				if cells == nil {
					if _, err := f.Seek(0, io.SeekStart); err != nil {
						return ""
					}
					if cells, _ = xlsxio.ReadCellsLimited(f, sheet, xlsxio.CellLimits{Cells: loaders.MaxCells}); cells == nil {
						cells = &xlsxio.SheetCells{}
					}
				}
				var texts []string
				for _, c := range cells.Cells {
					if c.Row != row {
						continue
					}
					v := c.Value
					if x, err := strconv.ParseFloat(v, 64); err == nil && c.Kind == xlsxio.NumberCell {
						v = frame.FormatVI(x, -1) // as a spreadsheet in Vietnamese shows it, as the quotes of PDF and Word rows read
					}
					texts = append(texts, v)
				}
				return quoteRow(texts)
			}})
		}
	case ".csv":
		in.sources = append(in.sources, tableSource{where: "the table", parse: func(l loaders.Layout) (*loaders.Table, error) {
			if _, err := f.Seek(0, io.SeekStart); err != nil {
				return nil, err
			}
			return loaders.ParseCSV(f, l, o)
		}})
	default:
		data, err := readAllInput(f, name, loaders.MaxInputBytes)
		if err != nil {
			return in, err
		}
		in.words, in.text = loaders.FindWordAmounts(data, o.Convention), true
		ids, err := appendices(name, data)
		if err != nil {
			return in, err
		}
		if len(ids) == 0 {
			ids = []string{""}
		}
		for _, id := range ids {
			oa, where := o, "the text"
			if id != "" {
				oa.Appendix, where = id, "PHỤ LỤC "+id
			}
			in.sources = append(in.sources, tableSource{where: where, parse: func(l loaders.Layout) (*loaders.Table, error) {
				return loaders.ParseText(data, l, oa)
			}})
		}
	}
	return in, nil
}

// bestTables reads each table with every layout and keeps, for each, the
// layout that reads the most rows (or, when none reads it, the error of
// the layout that came nearest: the fewest errors).
func bestTables(sources []tableSource, layouts []loaders.Layout) []checkedTable {
	var tables []checkedTable
	for _, s := range sources {
		var best *loaders.Table
		var bestLayout, nearLayout loaders.Layout
		var lastErr error
		fewest := 0
		for _, l := range layouts {
			t, err := s.parse(l)
			if err != nil {
				// say why with the layout that came nearest: the fewest
				// errors, a layout that found no table of its shape at all
				// (a dx layout on a table of units) after any that did
				if n := nearness(err); lastErr == nil || n < fewest {
					lastErr, fewest, nearLayout = err, n, l
				}
				continue
			}
			if best == nil || t.Frame.NumRows() > best.Frame.NumRows() {
				if best != nil {
					best.Release()
				}
				best, bestLayout = t, l
			} else {
				t.Release()
			}
		}
		if best == nil {
			tables = append(tables, checkedTable{where: s.where, err: lastErr, layout: nearLayout.Name})
			continue
		}
		tables = append(tables, checkedTable{where: s.where, place: s.place, quote: s.quote, layout: bestLayout.Name, title: bestLayout.Title, t: best, checks: bestLayout.Checks})
	}
	return tables
}

// nearness ranks a layout's failure to read a table, lower nearer: its
// number of errors, plus 1000 when it found nothing of its shape (every
// error a truncated table).
func nearness(err error) int {
	es := loaders.Errors(err)
	if len(es) == 0 {
		return 1
	}
	n, far := 0, true
	for _, e := range es {
		switch {
		case errors.Is(e, loaders.ErrAmbiguousNumber):
			// the table was read; only its number convention is missing
			far = false
		case errors.Is(e, loaders.ErrTruncated), errors.Is(e, loaders.ErrHeaders):
			n++
		default:
			n++
			far = false
		}
	}
	if far {
		// no table of the layout's shape: its columns or rows not found
		return n + 1000
	}
	return n
}

// onlyConvention reports whether err is only figures that read two ways:
// the table was read, and --numbers decides it.
func onlyConvention(err error) bool {
	es := loaders.Errors(err)
	for _, e := range es {
		if !errors.Is(e, loaders.ErrAmbiguousNumber) && !errors.Is(e, loaders.ErrMoreErrors) {
			return false
		}
	}
	return len(es) > 0
}

// numbersHint is what to do about a table whose figures read two ways.
func numbersHint(lang string) string {
	if lang == "vi" {
		return " — hãy cho biết cách viết số: --numbers dot-thousands (1.234,5) hoặc --numbers comma-thousands (1,234.5)"
	}
	return " — say how its numbers are written: --numbers dot-thousands (1.234,5) or --numbers comma-thousands (1,234.5)"
}

// wordsReport compares each amount in words with its digits, exactly: the
// words say every đồng. Words that do not read are a finding that says why.
func wordsReport(ws []loaders.WordAmount) reconcile.Report {
	pairs := make([]reconcile.Pair, len(ws))
	for i, w := range ws {
		computed := w.Million
		if !math.IsNaN(w.Alternative) && w.WordsMillion == w.Alternative {
			computed = w.Alternative
		}
		detail := fmt.Sprintf("%q is written in words %q", w.Digits, loaders.Clip(w.Words, loaders.MaxQuoted))
		detailVI := fmt.Sprintf("%q được viết bằng chữ là %q", w.Digits, loaders.Clip(w.Words, loaders.MaxQuoted))
		if w.Err != nil {
			detail += ": " + w.Err.Error()
			detailVI += ": không đọc được (" + w.Err.Error() + ")"
		} else if !math.IsNaN(w.WordsMillion) {
			detailVI += fmt.Sprintf(" = %s triệu đồng, số bằng số là %s triệu đồng", frame.FormatVI(w.WordsMillion, -1), frame.FormatVI(computed, -1))
		}
		pairs[i] = reconcile.Pair{Rule: reconcile.RuleWords, Subject: w.Digits, Column: "amount_mvnd",
			Reported: w.WordsMillion, Computed: computed, Tolerance: 0, Line: w.Line, Detail: detail, DetailVI: detailVI}
	}
	return reconcile.Pairs("the text", pairs...)
}

func headingOf(h string) string {
	if h == "" {
		return ""
	}
	return " (" + h + ")"
}

// reconcileTable checks a table's reported totals and means against its
// rows, then runs the checks its layout declares (Layout.Checks): reported
// ratios against their parts, parts against their whole, spent against
// given, rates written in notes against the row's figures.
func reconcileTable(c checkedTable) (reconcile.Report, error) {
	name := c.where + ", layout " + c.layout
	claims, err := c.t.TotalsFrame(nil)
	if err != nil {
		return reconcile.Report{}, err
	}
	defer claims.Release()
	r, err := reconcile.Totals(name, c.t.Frame, claims)
	if err != nil {
		return r, err
	}
	ch := c.checks
	var ratios []reconcile.Ratio
	for _, x := range ch.Ratios {
		ratios = append(ratios, reconcile.Ratio{Reported: x.Reported, Numerator: x.Numerator, Denominator: x.Denominator})
	}
	if len(c.t.Means) > 0 {
		means, err := c.t.MeansFrame(nil)
		if err != nil {
			return r, err
		}
		defer means.Release()
		mr, err := reconcile.Means(name, c.t.Frame, means, ratios...)
		if err != nil {
			return r, err
		}
		r.Add(mr)
	}
	subject := ch.Subject
	if subject == "" {
		subject = firstTextColumn(c.t.Frame)
	}
	if len(ratios) > 0 {
		rr, err := reconcile.Ratios(name, c.t.Frame, claims, subject, ratios...)
		if err != nil {
			return r, err
		}
		r.Add(rr)
	}
	if len(ch.Parts) > 0 {
		var parts []reconcile.Parts
		for _, p := range ch.Parts {
			parts = append(parts, reconcile.Parts{Whole: p.Whole, Parts: p.Parts, AtMost: p.AtMost})
		}
		pr, err := reconcile.PartsWithinWhole(name, c.t.Frame, subject, parts...)
		if err != nil {
			return r, err
		}
		r.Add(pr)
	}
	if ch.Spent != nil {
		sr, err := reconcile.SpentWithinGiven(name, c.t.Frame, subject, ch.Spent.Planned, ch.Spent.Spent)
		if err != nil {
			return r, err
		}
		r.Add(sr)
	}
	for _, n := range ch.NoteRates {
		nr, err := reconcile.NoteRates(name, c.t.Frame, subject, n.Note, reconcile.NoteRate{Words: n.Words, Numerator: n.Numerator, Denominator: n.Denominator})
		if err != nil {
			return r, err
		}
		r.Add(nr)
	}
	return r, nil
}

// firstTextColumn names the first text column of f ("" if none): the
// column that names a row when a layout does not say.
func firstTextColumn(f *frame.Frame) string {
	for _, s := range f.Fields() {
		if s.Kind == frame.String && s.Name != "group" {
			return s.Name
		}
	}
	return ""
}

// appendices lists the appendices ("PHỤ LỤC 2") of a text, each once, in
// order.
func appendices(name string, data []byte) ([]string, error) {
	cells, err := loaders.SplitCells(name, data)
	if err != nil {
		return nil, err
	}
	var ids []string
	seen := map[string]bool{}
	for _, c := range cells {
		if id := loaders.AppendixID(c.Text); id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// cellLayouts are the built-in layouts read from cells (not a document's
// own text form).
func cellLayouts() []loaders.Layout {
	var out []loaders.Layout
	for _, l := range loaders.Layouts() {
		if l.Form == loaders.CellPerLine || l.ReadCells != nil {
			out = append(out, l)
		}
	}
	return out
}

var errNoTable = errors.New("no table of the file is read by a layout")

// pageRange names the pages of a table: "page 3" or "pages 3-5".
func pageRange(pages []int) string {
	switch {
	case len(pages) == 0:
		return "pages ?"
	case len(pages) == 1 || pages[0] == pages[len(pages)-1]:
		return fmt.Sprintf("page %d", pages[0])
	}
	return fmt.Sprintf("pages %d-%d", pages[0], pages[len(pages)-1])
}

// runCheckFile appraises a file: the findings of its tables, each named by
// table and line, then a summary; findings are data (exit status 0).
func runCheckFile(name, layout, layoutFile, numbers, format, lang string, stdout io.Writer) error {
	conv, err := numtext.ParseConvention(numbers)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	layouts, textLayouts := cellLayouts(), loaders.Layouts()
	switch {
	case layout != "" && layoutFile != "":
		return fmt.Errorf("%w: --layout or --layout-file, not both", errUsage)
	case layout != "" || layoutFile != "":
		l, err := chosenLayout(layout, layoutFile)
		if err != nil {
			return err
		}
		layouts, textLayouts = []loaders.Layout{l}, nil
	}
	r, tables, err := checkFile(name, layouts, textLayouts, loaders.Options{Convention: conv})
	read := 0
	for _, t := range tables {
		if t.t != nil {
			defer t.t.Release()
			read++
		}
		if t.words > 0 {
			read++
		}
	}
	if err != nil {
		return err
	}
	if read == 0 {
		why := ""
		if len(tables) > 0 && tables[0].err != nil {
			why = ": " + tables[0].err.Error()
		}
		return fmt.Errorf("%s: %w (tried %d layouts; give one with --layout or --layout-file)%s", name, errNoTable, len(layouts), why)
	}
	for i := range r.Findings {
		r.Findings[i].SourceFile = name
	}
	switch format {
	case "csv":
		return reconcile.WriteCSV(stdout, r.Findings, frame.CSVWriteOptions{})
	case "html":
		return reporting.WriteReview(stdout, review(name, lang, r, tables))
	}
	var b strings.Builder
	for _, t := range tables {
		b.WriteString(tableLine(t, lang))
	}
	if lang == "vi" {
		for i := range r.Findings {
			r.Findings[i].Dataset = reporting.PlaceIn(r.Findings[i].Dataset, lang)
		}
	}
	if err := reconcile.WriteText(&b, r.Findings, reconcile.TextOptions{Lang: lang}); err != nil {
		return err
	}
	fmt.Fprintf(&b, "# %s\n", checkSummary(r, lang))
	_, err = io.WriteString(stdout, safeText(b.String()))
	return err
}

// review is the review page of a checked file: its tables, its findings
// and, for a text file, the text of each line a finding names. A finding
// in a table of a PDF, a Word file or a workbook names its place in words
// (the table, the page, the row), not a line of the file.
func review(name, lang string, r reconcile.Report, tables []checkedTable) reporting.Review {
	rv := reporting.Review{File: name, Checks: r.Checks, Lang: lang}
	text := strings.EqualFold(filepath.Ext(name), ".txt")
	for _, t := range tables {
		rt := reporting.ReviewTable{Where: t.where}
		switch {
		case t.t != nil:
			rt.Layout, rt.Rows, rt.Totals = t.layout, t.t.Frame.NumRows(), len(t.t.Totals)
			if t.title != nil {
				rt.LayoutTitle = t.title(lang)
			}
		case t.words > 0:
			rt.Words = t.words
		case lang == "vi":
			rt.Near, rt.Note, rt.Detail = t.layout, loaders.MessageVI(t.err)+t.hint(lang), fmt.Sprint(t.err)
		default:
			rt.Near, rt.Note, rt.Detail = t.layout, briefError(t.err)+t.hint(lang), fmt.Sprint(t.err)
		}
		rv.Tables = append(rv.Tables, rt)
	}
	for _, f := range r.Findings {
		// the layout is named in the list of tables
		f.Dataset, _, _ = strings.Cut(f.Dataset, ", layout ")
		if !text && f.SourceLine > 0 {
			unit := ", row "
			if strings.HasPrefix(f.Dataset, "the text") {
				unit = ", line "
			}
			f.Dataset += unit + strconv.Itoa(f.SourceLine)
			f.SourceLine = 0
		}
		rv.Findings = append(rv.Findings, f)
	}
	if text {
		if data, err := os.ReadFile(name); err == nil {
			lines := strings.Split(string(data), "\n")
			rv.LineText = func(_ string, line int) string {
				if line >= 1 && line <= len(lines) {
					return lines[line-1]
				}
				return ""
			}
		}
	}
	return rv
}

// tableLine is the line of the text output that says how a table of the
// file was read (or why not), in lang.
func tableLine(t checkedTable, lang string) string {
	where := reporting.PlaceIn(t.where, lang)
	switch {
	case t.words > 0 && lang == "vi":
		return fmt.Sprintf("# lời văn: %d số tiền viết bằng chữ\n", t.words)
	case t.words > 0:
		return fmt.Sprintf("# %s\n", t.where)
	case t.t == nil && lang == "vi":
		return fmt.Sprintf("# %s: không bố cục nào đọc được; gần nhất là bố cục %s: %s%s\n", where, t.layout, loaders.Clip(loaders.MessageVI(t.err), 400), t.hint(lang))
	case t.t == nil:
		return fmt.Sprintf("# %s: not read by any layout; the nearest, layout %s: %s%s\n", t.where, t.layout, briefError(t.err), t.hint(lang))
	case lang == "vi":
		return fmt.Sprintf("# %s: bố cục %s, %d dòng, %d dòng tổng báo cáo\n", where, t.layout, t.t.Frame.NumRows(), len(t.t.Totals)+len(t.t.Means))
	}
	return fmt.Sprintf("# %s: layout %s, %d rows, %d reported totals\n", t.where, t.layout, t.t.Frame.NumRows(), len(t.t.Totals))
}
