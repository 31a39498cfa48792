// Package reporting writes ictplan's report: a self-contained HTML page
// (DIR/index.html: datasets, their tables, reconciliation findings with the
// source lines they point to) and the tables behind it (DIR/tables/*.csv and
// one XLSX workbook). It takes Frames and findings; the command line wires
// the catalogue into it, and subpackage sections builds the analysis
// sections it shows.
//
// The report is output, not analysis: this tree sits beside analysis/ and
// above it (sections imports the datasets and the analysis packages; no
// analysis package imports it). Its folder is reporting/, not report/,
// because report/ is where the README's `ictplan report -o report` writes
// the page.
package reporting

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/xlsxio"
)

// Dataset is one dataset of the report.
type Dataset struct {
	ID       string
	TitleVI  string
	TitleEN  string
	Source   string // source file
	Document string
	Appendix string
	Frame    *frame.Frame // the data rows
	Totals   *frame.Frame // the reported totals (may be nil)
}

// Source is a source document listed in the report.
type Source struct {
	File, Title, Province, Document, Date string
}

// Input is what the report shows.
type Input struct {
	Title    string
	Datasets []Dataset
	Sources  []Source
	Checks   int
	Findings []reconcile.Finding
	// Sections are the analysis: charts and tables, shown first.
	Sections []Section
	// LineText returns the text of a line of a source file, to quote next
	// to a finding (may be nil).
	LineText func(file string, line int) string
	// Lang is the language of the page: "vi" (the default) or "en".
	Lang string
}

// Write writes DIR/index.html, DIR/tables/<id>.csv (and <id>-totals.csv),
// DIR/tables/findings.csv, DIR/tables/ictplan.xlsx, and for each section its
// tables (DIR/tables/<name>.csv, a sheet each in the workbook) and charts
// (DIR/charts/<name>.png and .svg), creating the directories.
// Files are written whole or not at all (write to a temporary name, then
// rename).
//
// Dataset ids, table names and chart names become file names: each must be
// a plain file stem of letters, digits, '-' and '_' (at most 100), so that
// no name reaches outside DIR ("../x", "a/b", "." and ".." are refused),
// and no two files of tables/ may share a name. Write checks every name
// before it creates anything and returns an error naming the first bad one.
//
// The CSV tables are written for a spreadsheet: a text cell that Excel
// would run as a formula (=, +, -, @ first) is written after a single
// quote (frame.CSVWriteOptions.QuoteFormulas), which frame.ReadCSV removes.
func Write(dir string, in Input) error {
	if err := checkSections(in.Sections); err != nil {
		return err
	}
	if err := checkDatasets(in); err != nil {
		return err
	}
	tables := filepath.Join(dir, "tables")
	if err := os.MkdirAll(tables, 0o755); err != nil {
		return err
	}
	pngs, err := writeCharts(dir, in.Sections)
	if err != nil {
		return err
	}
	var sheets []xlsxio.Sheet
	for _, s := range in.Sections {
		for _, t := range s.Tables {
			if err := writeFile(filepath.Join(tables, t.Name+".csv"), func(w *bytes.Buffer) error { return writeCSV(w, t.Frame) }); err != nil {
				return err
			}
			sheets = append(sheets, xlsxio.Sheet{Name: t.Name, Frame: t.Frame, Title: tr(in.Lang, t.Caption, t.CaptionEN)})
		}
	}
	for _, d := range in.Datasets {
		if err := writeFile(filepath.Join(tables, d.ID+".csv"), func(w *bytes.Buffer) error { return writeCSV(w, d.Frame) }); err != nil {
			return err
		}
		sheets = append(sheets, xlsxio.Sheet{Name: d.ID, Frame: d.Frame, Title: tr(in.Lang, d.TitleVI, d.TitleEN)})
		if d.Totals != nil && d.Totals.NumRows() > 0 {
			if err := writeFile(filepath.Join(tables, d.ID+"-totals.csv"), func(w *bytes.Buffer) error { return writeCSV(w, d.Totals) }); err != nil {
				return err
			}
		}
	}
	if err := writeFile(filepath.Join(tables, "findings.csv"), func(w *bytes.Buffer) error {
		return reconcile.WriteCSV(w, in.Findings, frame.CSVWriteOptions{QuoteFormulas: true})
	}); err != nil {
		return err
	}
	ff, err := reconcile.Frame(in.Findings)
	if err != nil {
		return err
	}
	defer ff.Release()
	sheets = append(sheets, xlsxio.Sheet{Name: "findings", Frame: ff, Title: tr(in.Lang, "Điểm chênh lệch giữa số liệu báo cáo và số liệu tính lại", "Findings: reported figures against recomputed ones")})
	if err := writeFile(filepath.Join(tables, "ictplan.xlsx"), func(w *bytes.Buffer) error {
		return xlsxio.WriteBook(w, sheets, xlsxio.Options{Readable: true})
	}); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "index.html"), func(w *bytes.Buffer) error {
		return page(w, in, pngs)
	})
}

// checkDatasets refuses a dataset id that is not a plain file stem, a
// dataset without rows, and two files of tables/ with one name (a dataset
// id twice, "findings", a section table named as a dataset or as its
// totals).
func checkDatasets(in Input) error {
	files := map[string]string{"findings": "the findings table"}
	claim := func(name, what string) error {
		if prev, ok := files[name]; ok {
			return fmt.Errorf("reporting: %s and %s would both be written to tables/%s.csv", prev, what, name)
		}
		files[name] = what
		return nil
	}
	for _, d := range in.Datasets {
		if !validName(d.ID) {
			return fmt.Errorf("reporting: dataset id %q is not a plain file name (letters, digits, '-' and '_', at most 100): it would be written as tables/%s.csv", d.ID, d.ID)
		}
		if d.Frame == nil {
			return fmt.Errorf("reporting: dataset %q has no frame", d.ID)
		}
		if err := claim(d.ID, fmt.Sprintf("dataset %q", d.ID)); err != nil {
			return err
		}
		if d.Totals != nil && d.Totals.NumRows() > 0 {
			if err := claim(d.ID+"-totals", fmt.Sprintf("the totals of dataset %q", d.ID)); err != nil {
				return err
			}
		}
	}
	for _, s := range in.Sections {
		for _, t := range s.Tables {
			if err := claim(t.Name, fmt.Sprintf("table %q of section %q", t.Name, s.ID)); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeCSV writes a table for a spreadsheet: formula-like text quoted.
func writeCSV(w *bytes.Buffer, f *frame.Frame) error {
	return frame.WriteCSV(w, f, frame.CSVWriteOptions{QuoteFormulas: true})
}

func writeFile(path string, fill func(w *bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return fmt.Errorf("reporting: %s: %w", path, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// css is the page's style: for the screen (a phone's 390 px up), and for
// A4 paper (print): text in portrait, tables fitted to the width with their
// header repeated on every page, no heading alone at the foot of a page,
// charts at their 16 cm.
const css = `tr.follows td:first-child{padding-left:1.4em}tr.follows{background:#fafafa}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.6em;margin-bottom:.2em;overflow-wrap:anywhere}h2{margin-top:1.6em;border-bottom:2px solid #1f5f8b;padding-bottom:.2em;color:#1f5f8b}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:3px 8px;vertical-align:top}
table.list th{background:#eef3f7;text-align:left;border-bottom:1px solid #999;font-weight:bold}table.list td{border-bottom:1px solid #ddd}
th .unit{font-weight:normal;color:#555}
td.num{text-align:right;white-space:nowrap}.muted{color:#666;font-size:90%}.quote{font-style:italic;color:#444}
details{margin:.6em 0}summary{cursor:pointer;font-weight:bold}details.cols>summary{font-weight:normal;color:#1f5f8b}code{background:#f4f4f4;padding:0 3px}
.summary{display:flex;flex-wrap:wrap;gap:1em 2em;margin:1em 0}.summary div{background:#eef3f7;padding:.6em 1em;border-radius:4px;max-width:22em}.summary b{font-size:1.4em;display:block}
figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{font-size:95%;margin-top:.3em}
.en{color:#666;font-weight:normal;font-size:80%}.line{border-bottom:1px dotted #1f5f8b;cursor:help}.tbl,.scroll{overflow-x:auto;margin:1em 0;max-width:100%}
nav ol{margin:.3em 0 1em 1.2em;padding:0}nav li{margin:.1em 0}.paper{display:none}
td.text{min-width:10em;overflow-wrap:anywhere}td.word{white-space:nowrap}td.code{white-space:nowrap;font-family:monospace;font-size:90%}
@media (max-width:600px){body{margin:1em auto;padding:0 .5em}h1{font-size:1.3em}th,td{padding:2px 4px}td.text{min-width:7em}table{font-size:90%}}
@page{size:A4;margin:15mm 12mm}@page wide{size:A4 landscape;margin:10mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt}a{color:inherit;text-decoration:none}
h2{break-after:avoid;page-break-after:avoid}figure,.summary div{break-inside:avoid;page-break-inside:avoid}
figure img{width:16cm;max-width:100%;border:none}.tbl,.scroll{overflow:visible}
table{width:100%;table-layout:auto;font-size:8pt}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
th,td{padding:1px 3px}td.text{min-width:0}td.num{white-space:normal}details.cols,nav,.screen{display:none}details[open]>summary{display:block}
.paper{display:block}.tbl:has(.paper){page:wide}.paper table{font-size:6.5pt}
details:not([open]){display:none}}`

func esc(s string) string { return html.EscapeString(s) }

// page writes the HTML page in the input's language.
func page(w *bytes.Buffer, in Input, pngs map[string][]byte) error {
	lang := in.Lang
	if lang != "en" {
		lang = "vi"
	}
	title := in.Title
	if title == "" {
		title = tr(lang, "ictplan — số liệu ứng dụng CNTT và chuyển đổi số cấp tỉnh", "ictplan — provincial IT-application and digital-transformation figures")
	}
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title><style>%s</style></head><body>\n", lang, esc(title), css)
	fmt.Fprintf(w, "<h1>%s</h1>\n<p class=\"muted\">%s <a href=\"tables/\">tables/</a> (CSV, %s <a href=\"tables/ictplan.xlsx\">ictplan.xlsx</a>).</p>\n", esc(title),
		tr(lang, "Số liệu trong các kế hoạch ứng dụng CNTT và chuyển đổi số của tỉnh, mỗi số liệu dẫn về dòng của nó trong văn bản nguồn. Các bảng:", "Figures of provincial IT-application and digital-transformation plans, each traced to its line in the source document. Tables:"),
		tr(lang, "và tất cả trong", "and all in"))
	rows := 0
	for _, d := range in.Datasets {
		rows += d.Frame.NumRows()
	}
	real, notes := 0, 0
	for _, f := range in.Findings {
		if f.Class == "" {
			real++
		} else {
			notes++
		}
	}
	fmt.Fprintf(w, "<div class=\"summary\"><div><b>%d</b>%s</div><div><b>%s</b>%s</div><div><b>%s</b>%s</div><div><b>%d</b>%s</div></div>\n",
		len(in.Datasets), tr(lang, "bộ dữ liệu", "datasets"), numberIn(lang, float64(rows), 0), tr(lang, "dòng số liệu", "rows"),
		numberIn(lang, float64(in.Checks), 0), tr(lang, "phép đối chiếu", "checks"), real,
		tr(lang, fmt.Sprintf("điểm chênh lệch (và %d ghi chú, hệ quả)", notes), fmt.Sprintf("discrepancies (and %d notes, consequences)", notes)))
	contentsHTML(w, in, lang)
	sectionsHTMLIn(w, in.Sections, pngs, in.LineText, lang)
	datasetsHTML(w, in, lang)
	findingsHTML(w, in, lang)
	tablesHTML(w, in, lang)
	sourcesHTML(w, in, lang)
	fmt.Fprintf(w, "<p class=\"muted\">%s</p>\n</body></html>\n", tr(lang, "ictplan · số liệu được đọc từ văn bản nguồn, không hiệu chỉnh.", "ictplan · figures read from the source documents, uncorrected."))
	return nil
}

// contentsHTML lists every part of the page.
func contentsHTML(w *bytes.Buffer, in Input, lang string) {
	fmt.Fprintf(w, "<nav><b>%s</b><ol>", tr(lang, "Mục lục", "Contents"))
	for _, s := range in.Sections {
		fmt.Fprintf(w, "<li><a href=\"#%s\">%s</a></li>", esc(s.ID), esc(tr(lang, s.TitleVI, s.TitleEN)))
	}
	for _, p := range []struct{ id, vi, en string }{
		{"datasets", "Bộ dữ liệu", "Datasets"},
		{"findings", "Đối chiếu số liệu", "Reconciliation"},
		{"tables", "Bảng số liệu", "Tables"},
		{"sources", "Văn bản nguồn", "Sources"},
	} {
		if p.id == "sources" && len(in.Sources) == 0 {
			continue
		}
		fmt.Fprintf(w, "<li><a href=\"#%s\">%s</a></li>", p.id, tr(lang, p.vi, p.en))
	}
	w.WriteString("</ol></nav>\n")
}

func datasetsHTML(w *bytes.Buffer, in Input, lang string) {
	fmt.Fprintf(w, "<h2 id=\"datasets\">%s</h2>\n<div class=\"tbl\"><table class=\"list\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		tr(lang, "Bộ dữ liệu", "Datasets"), tr(lang, "Mã", "id"), tr(lang, "Tiêu đề", "Title"), tr(lang, "Số dòng", "Rows"), tr(lang, "Nguồn", "Source"), tr(lang, "Bảng", "Table"))
	for _, d := range in.Datasets {
		fmt.Fprintf(w, "<tr><td class=\"code\"><a href=\"#%s\">%s</a></td><td class=\"text\">%s</td><td class=\"num\">%d</td><td class=\"text\">%s<br><span class=\"muted\">%s</span></td><td><a href=\"tables/%s.csv\">CSV</a></td></tr>\n",
			esc("d-"+d.ID), esc(d.ID), esc(tr(lang, d.TitleVI, d.TitleEN)), d.Frame.NumRows(), esc(strings.TrimSpace(d.Document+" "+d.Appendix)), esc(d.Source), esc(d.ID))
	}
	w.WriteString("</tbody></table></div>\n")
}

// tagRe is an HTML tag in a quoted source line (some sources keep the
// markup of the page they were copied from).
var tagRe = regexp.MustCompile(`<[^>]*>`)

// findingsHTML lists the findings in the page's language: the rule in
// words, the subject, the figures, and the line with its file, quoted on
// hover.
func findingsHTML(w *bytes.Buffer, in Input, lang string) {
	// findings placed in words (a PDF's table, page and row) have no line
	lines := false
	for _, f := range in.Findings {
		lines = lines || f.SourceLine > 0
	}
	where := tr(lang, "mỗi chênh lệch dưới đây chỉ rõ tệp và dòng trong văn bản (di chuột lên số dòng để xem nội dung dòng)", "each finding names its file and line (hover over the line number to read it)")
	if len(in.Findings) > 0 && !lines {
		where = tr(lang, "mỗi chênh lệch dưới đây chỉ rõ bảng, trang và hàng của nó", "each finding names its table, page and row")
	}
	fmt.Fprintf(w, "<h2 id=\"findings\">%s</h2>\n<p>%s</p>\n", tr(lang, "Đối chiếu số liệu", "Reconciliation"),
		esc(tr(lang,
			fmt.Sprintf("%s phép đối chiếu: tổng báo cáo với tổng các dòng, tỷ lệ báo cáo với tỷ lệ tính lại, thành phần với tổng trong một dòng, số liệu trong lời văn với các bảng. Số liệu nguồn được giữ nguyên như báo cáo; %s.", numberIn(lang, float64(in.Checks), 0), where),
			fmt.Sprintf("%s checks: reported totals against row sums, reported ratios against recomputed ones, parts against the whole in a row, figures in the text against the tables. Source figures stay as reported; %s.", numberIn(lang, float64(in.Checks), 0), where))))
	if len(in.Findings) == 0 {
		fmt.Fprintf(w, "<p>%s</p>\n", tr(lang, "Không có chênh lệch.", "No findings."))
		return
	}
	fileLine := tr(lang, "Tệp, dòng", "File, line")
	if !lines {
		fileLine = tr(lang, "Tệp", "File")
	}
	fmt.Fprintf(w, "<div class=\"tbl\"><table class=\"list\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		tr(lang, "Kiểm tra", "Check"), tr(lang, "Đối tượng", "Subject"), tr(lang, "Văn bản ghi", "Reported"), tr(lang, "Tính lại", "Computed"), tr(lang, "Chênh lệch", "Difference"), fileLine)
	grouped, parent := reconcile.Grouped(in.Findings)
	for i, f := range grouped {
		rule := reconcile.RuleName(f.Rule, lang)
		if f.Class != "" {
			c, _ := codeWord("class", f.Class, lang)
			rule += " — " + c
		}
		detail := ""
		if s := f.Sentence(lang); s != "" {
			detail = "<br><span class=\"muted\">" + esc(s) + "</span>"
		}
		quote := ""
		if in.LineText != nil {
			// a row's line holds its row number or a lone figure: quote only sentences
			if t := strings.Join(strings.Fields(tagRe.ReplaceAllString(in.LineText(f.SourceFile, f.SourceLine), " ")), " "); len([]rune(t)) > 20 {
				quote = "<br><span class=\"quote\">«" + esc(clip(t, 160)) + "»</span>"
			}
		} else if f.Quote != "" {
			quote = "<br><span class=\"quote\">«" + esc(clip(strings.Join(strings.Fields(f.Quote), " "), 320)) + "»</span>"
		}
		file := f.SourceFile
		if file == "" {
			file = sourceOf(in, f.Dataset)
		}
		follows, class := "", ""
		if parent[i] >= 0 {
			// under the finding it follows from
			follows, class = "↳ ", ` class="follows"`
		}
		fmt.Fprintf(w, "<tr%s><td class=\"text\">%s%s<br><span class=\"muted\">%s</span></td><td class=\"text\">%s%s%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\"><span class=\"muted\">%s</span><br>%s</td></tr>\n",
			class, follows, esc(rule), esc(f.Dataset), esc(f.SubjectIn(lang)), detail, quote, numberIn(lang, f.Reported, -1), numberIn(lang, f.Computed, -1), numberIn(lang, f.Difference, -1), esc(shortFile(file)), lineRef(file, f.SourceLine, in.LineText))
	}
	w.WriteString("</tbody></table></div>\n")
}

// sourceOf is the source file of a dataset of the input.
func sourceOf(in Input, id string) string {
	for _, d := range in.Datasets {
		if d.ID == id {
			return d.Source
		}
	}
	return ""
}

// shortFile names a source file without its folders.
func shortFile(f string) string {
	if i := strings.LastIndexByte(f, '/'); i >= 0 {
		return f[i+1:]
	}
	return f
}

// tablesHTML shows every dataset's rows behind a disclosure, in a box that
// scrolls sideways itself (the page does not).
func tablesHTML(w *bytes.Buffer, in Input, lang string) {
	fmt.Fprintf(w, "<h2 id=\"tables\">%s</h2>\n", tr(lang, "Bảng số liệu", "Tables"))
	for _, d := range in.Datasets {
		fmt.Fprintf(w, "<details id=\"%s\"><summary>%s <span class=\"muted\">(%d %s)</span></summary>\n<div class=\"scroll\">%s</div>\n",
			esc("d-"+d.ID), esc(tr(lang, d.TitleVI, d.TitleEN)), d.Frame.NumRows(), tr(lang, "dòng", "rows"), d.Frame.HTMLRows(0))
		if d.Totals != nil && d.Totals.NumRows() > 0 {
			fmt.Fprintf(w, "<p class=\"muted\">%s</p>\n<div class=\"scroll\">%s</div>\n", tr(lang, "Số liệu tổng cộng văn bản ghi (giữ làm số liệu đối chiếu):", "Reported totals, kept as claims:"), d.Totals.HTMLRows(0))
		}
		w.WriteString("</details>\n")
	}
}

func sourcesHTML(w *bytes.Buffer, in Input, lang string) {
	if len(in.Sources) == 0 {
		return
	}
	fmt.Fprintf(w, "<h2 id=\"sources\">%s</h2>\n<div class=\"tbl\"><table class=\"list\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		tr(lang, "Văn bản nguồn", "Sources"), tr(lang, "Tệp", "File"), tr(lang, "Văn bản", "Document"), tr(lang, "Tỉnh", "Province"), tr(lang, "Ngày", "Date"))
	for _, s := range in.Sources {
		fmt.Fprintf(w, "<tr><td class=\"code\">%s</td><td class=\"text\">%s<br><span class=\"muted\">%s</span></td><td>%s</td><td>%s</td></tr>\n", esc(s.File), esc(s.Title), esc(s.Document), esc(s.Province), esc(s.Date))
	}
	w.WriteString("</tbody></table></div>\n")
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
