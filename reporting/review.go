package reporting

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
)

// Review is the appraisal of one draft (ictplan check FILE --format html):
// the tables read in it and the findings of the checks, for a council that
// reviews the draft (thẩm định).
type Review struct {
	File   string
	Tables []ReviewTable
	Checks int
	// Findings name their line: a line of the file's text (SourceLine),
	// or, with SourceLine 0, a place their Dataset names in words ("table
	// 2 (PHỤ LỤC 01), page 64, row 39": a PDF's or a Word file's table).
	Findings []reconcile.Finding
	// LineText returns a line of the file, to quote beside a finding (nil
	// for a document without lines: a Word file, a PDF).
	LineText func(file string, line int) string
	Lang     string // "vi" (default) or "en"
}

// ReviewTable is one table of the draft: where it is and how it was read,
// or why it was not.
type ReviewTable struct {
	Where  string // "table 2 (PHỤ LỤC 5), pages 3-5"
	Layout string // the name of the layout that read it ("" when none did)
	// LayoutTitle is what the layout reads, in the page's language ("Số
	// lượng cán bộ, công chức và số máy tính"): shown with the name, which
	// is what --layout takes.
	LayoutTitle string
	Rows        int
	Totals      int    // reported total rows
	Near        string // when no layout read it, the layout that came nearest
	Note        string // why Near did not read it, in the page's language
	// Detail is the error behind Note as the readers write it (English),
	// shown behind a disclosure on a Vietnamese page.
	Detail string
	// Words is, for the text rather than a table, how many amounts it
	// writes in words (Layout is then empty).
	Words int
}

// WriteReview writes the review as one self-contained HTML page, printable
// on A4: what was read, then the findings with their lines.
func WriteReview(w io.Writer, rv Review) error {
	lang := rv.Lang
	if lang != "en" {
		lang = "vi"
	}
	var b bytes.Buffer
	title := tr(lang, "Thẩm định số liệu: ", "Review of the figures: ") + rv.File
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title><style>%s</style></head><body>\n", lang, esc(title), css)
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"muted\">%s</p>\n", esc(title), esc(tr(lang,
		"Mỗi bảng của dự thảo được đọc theo bố cục nhận ra nó; tổng cộng được đối chiếu với các dòng, tỷ lệ với các thành phần, số tiền bằng chữ với số tiền bằng số. Số liệu giữ nguyên như dự thảo ghi.",
		"Each table of the draft is read with the layout that recognises it; totals are checked against their rows, ratios against their parts, amounts in words against their digits. Figures stay as the draft states them.")))
	read, tables := 0, 0
	for _, t := range rv.Tables {
		if t.Words > 0 {
			continue
		}
		tables++
		if t.Layout != "" {
			read++
		}
	}
	fmt.Fprintf(&b, "<div class=\"summary\"><div><b>%d/%d</b>%s</div><div><b>%s</b>%s</div><div><b>%d</b>%s</div></div>\n",
		read, tables, tr(lang, "bảng đọc được", "tables read"), numberIn(lang, float64(rv.Checks), 0), tr(lang, "phép đối chiếu", "checks"),
		len(rv.Findings), tr(lang, "điểm chênh lệch", "findings"))
	fmt.Fprintf(&b, "<h2>%s</h2>\n<div class=\"tbl\"><table class=\"list\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
		tr(lang, "Các bảng", "Tables"), tr(lang, "Bảng", "Table"), tr(lang, "Bố cục", "Layout"), tr(lang, "Số dòng", "Rows"), tr(lang, "Dòng tổng", "Total rows"))
	for _, t := range rv.Tables {
		t.Where = PlaceIn(t.Where, lang)
		if t.Words > 0 {
			fmt.Fprintf(&b, "<tr><td class=\"text\">%s</td><td class=\"text\" colspan=\"3\">%s</td></tr>\n", esc(t.Where),
				esc(fmt.Sprintf(tr(lang, "%d số tiền viết bằng số và bằng chữ, được đối chiếu", "%d amounts written in digits and in words, compared"), t.Words)))
			continue
		}
		if t.Layout == "" {
			detail := ""
			if t.Detail != "" && t.Detail != t.Note {
				detail = fmt.Sprintf("<details class=\"muted\"><summary>%s</summary>%s</details>", tr(lang, "Chi tiết kỹ thuật (tiếng Anh)", "All the errors"), esc(clip(t.Detail, 600)))
			}
			fmt.Fprintf(&b, "<tr><td class=\"text\">%s</td><td class=\"text\" colspan=\"3\">%s: %s%s</td></tr>\n", esc(t.Where),
				esc(fmt.Sprintf(tr(lang, "không bố cục nào đọc được bảng này; gần nhất là bố cục %s", "not read by any layout; the nearest, layout %s"), t.Near)), esc(clip(t.Note, 400)), detail)
			continue
		}
		layout := "<code>--layout " + esc(t.Layout) + "</code>"
		if t.LayoutTitle != "" {
			layout = esc(t.LayoutTitle) + "<br><span class=\"muted\">" + layout + "</span>"
		}
		fmt.Fprintf(&b, "<tr><td class=\"text\">%s</td><td class=\"text\">%s</td><td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n", esc(t.Where), layout, t.Rows, t.Totals)
	}
	b.WriteString("</tbody></table></div>\n")
	fs := make([]reconcile.Finding, len(rv.Findings))
	for i, f := range rv.Findings {
		f.Dataset = PlaceIn(f.Dataset, lang)
		fs[i] = f
	}
	findingsHTML(&b, Input{Checks: rv.Checks, Findings: fs, LineText: rv.LineText}, lang)
	b.WriteString("</body></html>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// PlaceIn writes a place of a draft as ictplan check names it ("table 2
// (PHỤ LỤC 5), pages 3-5, layout computers", "sheet 'S'", "the text") in
// lang: as it is for "en", in Vietnamese otherwise.
func PlaceIn(s, lang string) string {
	if lang == "en" {
		return s
	}
	return placeReplacer.Replace(s)
}

var placeReplacer = strings.NewReplacer("table ", "bảng ", "pages ", "trang ", "page ", "trang ", "sheet ", "trang tính ", "the first sheet", "trang tính đầu tiên", ", row ", ", hàng ", ", line ", ", dòng ",
	"the text", "văn bản", "the table", "bảng", ", layout ", ", bố cục ", " amounts in words", " số tiền bằng chữ")
