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
}

// Write writes DIR/index.html, DIR/tables/<id>.csv (and <id>-totals.csv),
// DIR/tables/findings.csv, DIR/tables/ictplan.xlsx, and for each section its
// tables (DIR/tables/<name>.csv, a sheet each in the workbook) and charts
// (DIR/charts/<name>.png and .svg), creating the directories.
// Files are written whole or not at all (write to a temporary name, then
// rename).
func Write(dir string, in Input) error {
	if err := checkSections(in.Sections); err != nil {
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
			if err := writeFile(filepath.Join(tables, t.Name+".csv"), func(w *bytes.Buffer) error { return t.Frame.WriteCSV(w) }); err != nil {
				return err
			}
			sheets = append(sheets, xlsxio.Sheet{Name: t.Name, Frame: t.Frame})
		}
	}
	for _, d := range in.Datasets {
		if err := writeFile(filepath.Join(tables, d.ID+".csv"), func(w *bytes.Buffer) error { return d.Frame.WriteCSV(w) }); err != nil {
			return err
		}
		sheets = append(sheets, xlsxio.Sheet{Name: d.ID, Frame: d.Frame})
		if d.Totals != nil && d.Totals.NumRows() > 0 {
			if err := writeFile(filepath.Join(tables, d.ID+"-totals.csv"), func(w *bytes.Buffer) error { return d.Totals.WriteCSV(w) }); err != nil {
				return err
			}
		}
	}
	if err := writeFile(filepath.Join(tables, "findings.csv"), func(w *bytes.Buffer) error {
		return reconcile.WriteCSV(w, in.Findings)
	}); err != nil {
		return err
	}
	ff, err := reconcile.Frame(in.Findings)
	if err != nil {
		return err
	}
	defer ff.Release()
	sheets = append(sheets, xlsxio.Sheet{Name: "findings", Frame: ff})
	if err := writeFile(filepath.Join(tables, "ictplan.xlsx"), func(w *bytes.Buffer) error {
		return xlsxio.WriteBook(w, sheets, xlsxio.Options{})
	}); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "index.html"), func(w *bytes.Buffer) error {
		return page(w, in, pngs)
	})
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

const css = `body{font-family:"Liberation Sans",Arial,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#222;line-height:1.4}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:2px solid #1f5f8b;padding-bottom:.2em;color:#1f5f8b}
table{border-collapse:collapse;margin:.5em 0}th,td{padding:3px 8px;vertical-align:top}
table.list th{background:#eef3f7;text-align:left;border-bottom:1px solid #999}table.list td{border-bottom:1px solid #ddd}
td.num{text-align:right;white-space:nowrap}.muted{color:#666;font-size:90%}.quote{font-style:italic;color:#444}
details{margin:.6em 0}summary{cursor:pointer;font-weight:bold}code{background:#f4f4f4;padding:0 3px}
.summary{display:flex;gap:2em;margin:1em 0}.summary div{background:#eef3f7;padding:.6em 1em;border-radius:4px}.summary b{font-size:1.4em;display:block}
figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{font-size:95%;margin-top:.3em}
.en{color:#666;font-weight:normal;font-size:80%}.line{border-bottom:1px dotted #1f5f8b;cursor:help}.tbl{overflow-x:auto;margin:1em 0}
nav ol{margin:.3em 0 1em 1.2em;padding:0}nav li{margin:.1em 0}
td.text{min-width:14em}td.code{white-space:nowrap;font-family:monospace;font-size:90%}`

func esc(s string) string { return html.EscapeString(s) }

func num(v float64) string { return frame.FormatVI(v, -1) }

func page(w *bytes.Buffer, in Input, pngs map[string][]byte) error {
	title := in.Title
	if title == "" {
		title = "ictplan — số liệu ứng dụng CNTT và chuyển đổi số cấp tỉnh"
	}
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title><style>%s</style></head><body>\n", esc(title), css)
	fmt.Fprintf(w, "<h1>%s</h1>\n<p class=\"muted\">Figures of Vietnamese provincial IT-application and digital-transformation plans, each traced to its line in the source document. Tables: <a href=\"tables/\">tables/</a> (CSV, and all in <a href=\"tables/ictplan.xlsx\">ictplan.xlsx</a>).</p>\n", esc(title))
	rows := 0
	for _, d := range in.Datasets {
		rows += d.Frame.NumRows()
	}
	fmt.Fprintf(w, "<div class=\"summary\"><div><b>%d</b>bộ dữ liệu · datasets</div><div><b>%s</b>dòng số liệu · rows</div><div><b>%s</b>phép đối chiếu · checks</div><div><b>%d</b>điểm chênh lệch · findings</div></div>\n",
		len(in.Datasets), frame.FormatIntVI(int64(rows)), frame.FormatIntVI(int64(in.Checks)), len(in.Findings))

	if len(in.Sections) > 0 {
		w.WriteString("<nav><b>Mục lục · Contents</b><ol>")
		for _, s := range in.Sections {
			fmt.Fprintf(w, "<li><a href=\"#%s\">%s</a> <span class=\"muted\">· %s</span></li>", esc(s.ID), esc(s.TitleVI), esc(s.TitleEN))
		}
		w.WriteString("<li><a href=\"#datasets\">Bộ dữ liệu</a> <span class=\"muted\">· Datasets</span></li><li><a href=\"#findings\">Đối chiếu số liệu</a> <span class=\"muted\">· Reconciliation</span></li></ol></nav>\n")
		sectionsHTML(w, in.Sections, pngs, in.LineText)
	}
	w.WriteString("<h2 id=\"datasets\">Bộ dữ liệu · Datasets</h2>\n<table class=\"list\"><thead><tr><th>id</th><th>Tiêu đề · Title</th><th>Dòng · Rows</th><th>Nguồn · Source</th><th>Bảng · Table</th></tr></thead><tbody>\n")
	for _, d := range in.Datasets {
		fmt.Fprintf(w, "<tr><td><a href=\"#%s\"><code>%s</code></a></td><td>%s<br><span class=\"muted\">%s</span></td><td class=\"num\">%d</td><td>%s<br><span class=\"muted\">%s</span></td><td><a href=\"tables/%s.csv\">CSV</a></td></tr>\n",
			esc(d.ID), esc(d.ID), esc(d.TitleVI), esc(d.TitleEN), d.Frame.NumRows(), esc(strings.TrimSpace(d.Document+" "+d.Appendix)), esc(d.Source), esc(d.ID))
	}
	w.WriteString("</tbody></table>\n")

	fmt.Fprintf(w, "<h2 id=\"findings\">Đối chiếu số liệu · Reconciliation</h2>\n<p>%s phép đối chiếu: tổng báo cáo với tổng các dòng, tỷ lệ báo cáo với tỷ lệ tính lại, thành phần với tổng trong một dòng, số liệu trong lời văn với các bảng. Số liệu nguồn được giữ nguyên như báo cáo; mỗi chênh lệch dưới đây chỉ rõ dòng trong văn bản. <span class=\"muted\">%s checks: reported totals vs row sums, reported ratios vs recomputed, parts vs whole in a row, text claims vs tables. Source figures stay as reported; each finding names its source line.</span></p>\n",
		frame.FormatIntVI(int64(in.Checks)), frame.FormatIntVI(int64(in.Checks)))
	if len(in.Findings) == 0 {
		w.WriteString("<p>Không có chênh lệch · no findings.</p>\n")
	} else {
		w.WriteString("<table class=\"list\"><thead><tr><th>Bộ dữ liệu · dataset</th><th>Quy tắc · rule</th><th>Đối tượng · subject</th><th>Báo cáo · reported</th><th>Tính lại · computed</th><th>Chênh lệch · difference</th><th>Dòng · line</th></tr></thead><tbody>\n")
		for _, f := range in.Findings {
			quote := ""
			if in.LineText != nil {
				// a row's line holds its row number or a lone figure: quote only sentences
				if t := strings.TrimSpace(in.LineText(f.SourceFile, f.SourceLine)); len([]rune(t)) > 20 {
					quote = "<br><span class=\"quote\">«" + esc(clip(t, 160)) + "»</span>"
				}
			}
			fmt.Fprintf(w, "<tr><td><code>%s</code></td><td>%s</td><td>%s<br><span class=\"muted\">%s</span>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td class=\"num\">%d</td></tr>\n",
				esc(f.Dataset), esc(f.Rule), esc(f.Subject), esc(f.Detail), quote, num(f.Reported), num(f.Computed), num(f.Difference), f.SourceLine)
		}
		w.WriteString("</tbody></table>\n")
	}

	w.WriteString("<h2>Bảng số liệu · Tables</h2>\n")
	for _, d := range in.Datasets {
		fmt.Fprintf(w, "<details id=\"%s\"><summary>%s <span class=\"muted\">(%d dòng · rows)</span></summary>\n%s\n", esc(d.ID), esc(d.TitleVI), d.Frame.NumRows(), d.Frame.HTMLRows(0))
		if d.Totals != nil && d.Totals.NumRows() > 0 {
			fmt.Fprintf(w, "<p class=\"muted\">Số liệu tổng cộng báo cáo (reported totals, kept as claims):</p>\n%s\n", d.Totals.HTMLRows(0))
		}
		w.WriteString("</details>\n")
	}

	if len(in.Sources) > 0 {
		w.WriteString("<h2>Văn bản nguồn · Sources</h2>\n<table class=\"list\"><thead><tr><th>Tệp · file</th><th>Văn bản · document</th><th>Tỉnh · province</th><th>Ngày · date</th></tr></thead><tbody>\n")
		for _, s := range in.Sources {
			fmt.Fprintf(w, "<tr><td><code>%s</code></td><td>%s<br><span class=\"muted\">%s</span></td><td>%s</td><td>%s</td></tr>\n", esc(s.File), esc(s.Title), esc(s.Document), esc(s.Province), esc(s.Date))
		}
		w.WriteString("</tbody></table>\n")
	}
	w.WriteString("<p class=\"muted\">ictplan · số liệu được đọc từ văn bản nguồn, không hiệu chỉnh · figures read from the source documents, uncorrected.</p>\n</body></html>\n")
	return nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
