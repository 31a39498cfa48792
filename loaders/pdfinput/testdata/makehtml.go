//go:build ignore

// makehtml writes the HTML documents that make.sh prints to PDF: the
// appendix tables of Sóc Trăng's 2010 IT plan (Phụ lục 2, computers by
// provincial unit; Phụ lục 5, projects 2011–2015) and of its 2024 plan
// (Phụ lục 01, the 2023 digital-transformation tasks), laid out as the
// officials' documents are — a title, merged header cells, figures in the
// document's own number writing — from the datasets' golden CSVs.
//
// It also writes the whole of the 2024 draft plan (a hundred pages: the
// benchmark of ictplan check on a PDF, with its two amounts in words): its
// text as paragraphs, its two appendix tables as tables; and a page of a
// proposal that states three amounts in digits and in words, the third
// with its words changed (words.html, and decomposed: wordsnfd.html).
//
//	go run makehtml.go ../../../datasets/testdata OUTDIR
package main

import (
	"encoding/csv"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run makehtml.go GOLDEN_DIR OUT_DIR")
		os.Exit(2)
	}
	golden, out := os.Args[1], os.Args[2]
	must(os.WriteFile(filepath.Join(out, "plan2010.html"), []byte(plan2010(golden)), 0o644))
	must(os.WriteFile(filepath.Join(out, "dx2023.html"), []byte(dx2023(golden)), 0o644))
	// The same 2010 appendices with every letter and its marks decomposed
	// (NFD), as text pasted from some sources is: the reader must give the
	// same NFC cells.
	must(os.WriteFile(filepath.Join(out, "nfd2010.html"), []byte(norm.NFD.String(plan2010(golden))), 0o644))
	sources := filepath.Join(golden, "..", "sources")
	must(os.WriteFile(filepath.Join(out, "draft2024.html"), []byte(draft2024(golden, filepath.Join(sources, "soctrang-2024-dx-plan-draft-with-2023-results.txt"))), 0o644))
	must(os.WriteFile(filepath.Join(out, "words.html"), []byte(words()), 0o644))
	// The same page decomposed (NFD): the amounts in words must read the
	// same.
	must(os.WriteFile(filepath.Join(out, "wordsnfd.html"), []byte(norm.NFD.String(words())), 0o644))
}

// draft2024 lays out the 2024 draft plan as a document: the lines of its
// text before the first appendix and after the last table as paragraphs,
// its two appendices (the 2023 tasks and what they spent, Phụ lục 01, with
// the funding by source under it; the 2024 tasks, Phụ lục 2) as tables
// from the golden CSVs, each task's "Mục tiêu" (which no dataset keeps)
// taken from the task's lines of the source text.
func draft2024(golden, path string) string {
	data, err := os.ReadFile(path)
	must(err)
	src := strings.Split(string(data), "\n")
	at := func(prefix string, from int) int {
		for i := from; i < len(src); i++ {
			if l := strings.TrimSpace(src[i]) + " "; strings.HasPrefix(l, prefix+" ") {
				return i + 1
			}
		}
		must(fmt.Errorf("%s: no line %q after line %d", path, prefix, from))
		return 0
	}
	pl1 := at("PHỤ LỤC 01", 0)
	total1 := at("TỔNG CỘNG", pl1)
	pl2 := at("PHỤ LỤC 2", total1)
	total2 := at("TỔNG CỘNG", pl2)
	// a table's header as the text has it, from "TT" to its first row
	header := func(from int) string {
		h := at("TT", from)
		return strings.Join(src[h-1:at("1 Nhận thức số", h)-1], " ")
	}
	header1, header2 := header(pl1), header(pl2)

	var b strings.Builder
	// the sizes of an official's document: 13 pt text, 11 pt tables
	b.WriteString(strings.Replace(head("Kế hoạch chuyển đổi số năm 2024 (dự thảo)"), "</style>", "p.t { font-size: 13pt; }\nth, td { font-size: 11pt; }\n</style>", 1))
	paragraphs := func(from, to int) { // source lines from..to, 1-based
		for _, l := range src[from-1 : to] {
			if l = strings.TrimSpace(l); l != "" {
				b.WriteString(`<p class="t">` + html.EscapeString(l) + "</p>\n")
			}
		}
	}
	paragraphs(1, pl1-1)

	// Phụ lục 01: the 2023 tasks.
	items := readCSV(filepath.Join(golden, "soctrang-2023-dx-items.csv"))
	pillars := readCSV(filepath.Join(golden, "soctrang-2023-dx-pillars.csv"))
	b.WriteString(`<p class="c" style="page-break-before: always"><b>PHỤ LỤC 01</b></p>
<p class="c"><b>DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN TRIỂN KHAI NĂM 2023</b></p>
<p class="c"><i>(Kèm theo Kế hoạch số.........../KH-UBND ngày.......tháng......năm 2024 của UBND tỉnh Sóc Trăng)</i></p>
<p style="text-align:right"><i>ĐVT: Triệu đồng</i></p>
<table border="1" cellspacing="0" cellpadding="5" width="660">
<thead>
<tr><th rowspan="2" width="28">TT</th><th rowspan="2" width="112">Nhiệm vụ/dự án</th><th rowspan="2" width="180">Mục tiêu</th><th colspan="4" width="144">Kinh phí được giao theo kế hoạch năm 2023</th><th colspan="4" width="144">Tổng kinh phí đã thực hiện</th><th rowspan="2" width="52">Ghi chú</th></tr>
<tr>` + strings.Repeat(`<th width="36">NSĐP</th><th width="36">NSTW</th><th width="36">ĐTPT</th><th width="36">Nguồn khác</th>`, 2) + `</tr>
</thead>
<tbody>
`)
	amounts := []string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd", "spent_local_mvnd", "spent_central_mvnd", "spent_invest_mvnd", "spent_other_mvnd"}
	ends := spanEnds(items, pillars, total1)
	for _, p := range pillars {
		b.WriteString(`<tr class="b">` + td("c", p["pillar_no"]) + td("", p["pillar"]) + "<td></td>")
		for _, k := range amounts {
			b.WriteString(td("n", dot(p[k])))
		}
		b.WriteString("<td></td></tr>\n")
		for _, r := range items {
			if r["pillar_no"] != p["pillar_no"] {
				continue
			}
			b.WriteString("<tr>" + td("c", r["code"]) + td("", r["task"]) + td("", objective(src, r, ends, r["note"], header1)))
			for _, k := range amounts {
				b.WriteString(td("n", dot(r[k])))
			}
			b.WriteString(td("", r["note"]) + "</tr>\n")
		}
	}
	b.WriteString(`<tr class="b"><td></td><td colspan="2">TỔNG CỘNG</td>` + td("n", "18.970") + td("n", "0") + td("n", "27.900") + td("n", "2.138") + td("n", "12.693") + td("n", "0") + td("n", "12.700") + td("n", "2.138") + "<td></td></tr>\n</tbody></table>\n")
	// the funding by source, a table without row numbers
	b.WriteString(`<p class="t">Chi tiết:</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr><th>Nguồn vốn</th><th>Kinh phí được giao theo Kế hoạch năm 2023 (triệu đồng)</th><th>Tổng kinh phí đã thực hiện (triệu đồng)</th><th>Tỷ lệ thực hiện (%)</th></tr></thead>
<tbody>
`)
	for _, r := range readCSV(filepath.Join(golden, "soctrang-2023-dx-funding.csv")) {
		b.WriteString("<tr>" + td("", r["source"]) + td("n", dot(r["planned_mvnd"])) + td("n", dot(r["spent_mvnd"])) + td("n", r["rate_percent_reported"]) + "</tr>\n")
	}
	b.WriteString(`<tr class="b">` + td("", "Tổng") + td("n", "49.008") + td("n", "27.531") + td("n", "56") + "</tr>\n</tbody></table>\n")

	// Phụ lục 2: the 2024 tasks.
	items = readCSV(filepath.Join(golden, "soctrang-2024-dx-items.csv"))
	pillars = readCSV(filepath.Join(golden, "soctrang-2024-dx-pillars.csv"))
	b.WriteString(`<p class="c" style="page-break-before: always"><b>PHỤ LỤC 2</b></p>
<p class="c"><b>DANH MỤC NHIỆM VỤ, DỰ ÁN DỰ KIẾN TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2024</b></p>
<p class="c"><i>(Kèm theo Kế hoạch số........./KH-UBND ngày.......tháng.......năm 2024 của UBND tỉnh Sóc Trăng)</i></p>
<p style="text-align:right"><i>ĐVT: Triệu đồng</i></p>
<table border="1" cellspacing="0" cellpadding="5" width="660">
<thead>
<tr><th rowspan="2" width="28">TT</th><th rowspan="2" width="106">Nhiệm vụ/dự án</th><th rowspan="2" width="44">Dự án mới/chuyển tiếp</th><th rowspan="2" width="52">Đơn vị chủ trì</th><th rowspan="2" width="180">Mục tiêu</th><th rowspan="2" width="40">Thời gian triển khai</th><th colspan="4" width="168">Kinh phí thực hiện</th><th rowspan="2" width="42">Dự kiến tổng mức đầu tư</th></tr>
<tr><th width="42">NSĐP</th><th width="42">NSTW</th><th width="42">ĐTPT</th><th width="42">Nguồn khác</th></tr>
</thead>
<tbody>
`)
	amounts = []string{"local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd", "total_mvnd"}
	status := map[string]string{"new": "Mới", "continuing": "Chuyển tiếp"}
	ends = spanEnds(items, pillars, total2)
	for _, p := range pillars {
		b.WriteString(`<tr class="b">` + td("c", p["pillar_no"]) + td("", p["pillar"]) + "<td></td><td></td><td></td><td></td>")
		for _, k := range amounts {
			v := dot(p[k])
			if v == "0" {
				v = "-"
			}
			b.WriteString(td("n", v))
		}
		b.WriteString("</tr>\n")
		for _, r := range items {
			if r["pillar_no"] != p["pillar_no"] {
				continue
			}
			b.WriteString("<tr>" + td("c", r["code"]) + td("", r["task"]) + td("c", status[r["status"]]) + td("c", r["lead_unit"]) + td("", objective(src, r, ends, r["period"], header2)) + td("c", r["period"]))
			for _, k := range amounts {
				b.WriteString(td("n", dot(r[k])))
			}
			b.WriteString("</tr>\n")
		}
	}
	b.WriteString(`<tr class="b"><td></td><td colspan="5">TỔNG CỘNG</td>` + td("n", "18.023") + td("n", "-") + td("n", "128.225") + td("n", "6.455") + td("n", "152.703") + "</tr>\n</tbody></table>\n")
	paragraphs(total2+1, len(src))
	b.WriteString("</body></html>\n")
	return b.String()
}

// spanEnds gives the line before which each row of an appendix ends in the
// source text: the next row's line (an item's, a pillar's) or the total's.
func spanEnds(items, pillars []map[string]string, total int) map[int]int {
	var starts []int
	for _, rs := range [][]map[string]string{items, pillars} {
		for _, r := range rs {
			n, err := strconv.Atoi(r["source_line"])
			must(err)
			starts = append(starts, n)
		}
	}
	starts = append(starts, total)
	sort.Ints(starts)
	ends := map[int]int{}
	for i := 0; i+1 < len(starts); i++ {
		ends[starts[i]] = starts[i+1]
	}
	return ends
}

// objective is the text of a task's "Mục tiêu" cell: the words of its
// lines in the source text (from its source_line to the next row's) but
// its code, its task, its status and its lead unit — the cells of a row
// come out interleaved line by line where they run side by side, so each
// cell's words are taken out in order wherever they are — and its figures
// and its note or period at the end. It is "" when a task's words are not
// all found.
func objective(src []string, r map[string]string, ends map[int]int, tail, header string) string {
	from, err := strconv.Atoi(r["source_line"])
	must(err)
	var ws []string
	for _, l := range src[from-1 : ends[from]-1] {
		for _, w := range strings.Fields(l) {
			// a word broken at its hyphen over two lines ("2020-" "2025")
			if n := len(ws); n > 0 && len(ws[n-1]) > 1 && strings.HasSuffix(ws[n-1], "-") {
				ws[n-1] += w
				continue
			}
			ws = append(ws, w)
		}
	}
	take := func(text string) bool { // takes text's words out of ws, in order
		t := strings.Fields(text)
		var kept []string
		i := 0
		for _, w := range t {
			for i < len(ws) && ws[i] != w {
				kept = append(kept, ws[i])
				i++
			}
			if i == len(ws) {
				return false
			}
			i++
		}
		ws = append(kept, ws[i:]...)
		return true
	}
	code := r["code"]
	if code == "" {
		code = "-"
	}
	take(code)
	if !take(r["task"]) {
		fmt.Fprintf(os.Stderr, "makehtml: task %s: words not found at line %d\n", r["code"], from)
		return ""
	}
	take(map[string]string{"new": "Mới", "continuing": "Chuyển tiếp"}[r["status"]])
	take(r["lead_unit"])
	for _, k := range []string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd", "spent_local_mvnd", "spent_central_mvnd", "spent_invest_mvnd", "spent_other_mvnd", "local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd", "total_mvnd"} {
		if !take(dot(r[k])) {
			take(r[k]) // a figure the text writes without its dot (6900)
		}
	}
	take(tail)
	// the table's header (its first row at least), repeated with the
	// page's number before it where the row runs onto a new page
	h := strings.Fields(header)
	for i := 0; i+5 <= len(ws); i++ {
		k := 0
		for k < len(h) && i+k < len(ws) && ws[i+k] == h[k] {
			k++
		}
		if k < 5 {
			continue
		}
		if i > 0 && strings.Trim(ws[i-1], "0123456789") == "" {
			i--
			k++
		}
		ws = append(ws[:i], ws[i+k:]...)
		i--
	}
	for changed := true; changed && len(ws) > 0; {
		changed = false
		last := ws[len(ws)-1]
		if strings.Trim(last, "0123456789.,-") == "" {
			ws, changed = ws[:len(ws)-1], true
			continue
		}
		for _, t := range []string{tail, "Hàng năm", "Hằng năm"} {
			tw := strings.Fields(t)
			if len(tw) > 0 && len(ws) >= len(tw) && strings.Join(ws[len(ws)-len(tw):], " ") == t {
				ws, changed = ws[:len(ws)-len(tw)], true
				break
			}
		}
	}
	return strings.Join(ws, " ")
}

// words is a page of a proposal with three amounts in digits and in
// words: the first as Khánh Hòa's proposal writes it (line 305), the
// second agreeing, the third's words with "năm mươi lăm" changed to "năm
// mươi", a planted mismatch.
func words() string {
	return head("Tờ trình đề xuất chủ trương đầu tư") + `<p class="c"><b>TỜ TRÌNH</b></p>
<p class="c"><b>Đề xuất chủ trương đầu tư dự án Xây dựng Hệ thống thông tin lãnh đạo, chỉ đạo</b></p>
<p>1. Tên dự án: Xây dựng Hệ thống thông tin lãnh đạo, chỉ đạo của Tỉnh ủy.</p>
<p>2. Nhóm dự án: Dự án nhóm C.</p>
<p>5. Tổng mức đầu tư dự kiến (làm tròn): 22.955.000.000 đồng (<i>Bằng chữ: Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng</i>).</p>
<p>6. Nguồn vốn đầu tư: Ngân sách tỉnh bố trí năm 2023 – 2025.</p>
<p>7. Kinh phí chuẩn bị đầu tư: 1.250.000.000 đồng (<i>Bằng chữ: Một tỷ, hai trăm năm mươi triệu đồng</i>).</p>
<p>8. Kinh phí dự phòng: 2.955.000.000 đồng (<i>Bằng chữ: Hai tỷ, chín trăm năm mươi triệu đồng</i>).</p>
</body></html>
`
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// readCSV returns the rows of a golden CSV as maps by column name.
func readCSV(path string) []map[string]string {
	f, err := os.Open(path)
	must(err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	must(err)
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

const style = `<style>
@page { size: A4; margin: 2cm 1.5cm 2cm 2cm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 11pt; }
p.c { text-align: center; margin: 2pt 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid black; padding: 2pt 3pt; vertical-align: top; font-size: 10pt; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
td.n { text-align: right; }
td.c { text-align: center; }
tr.b td { font-weight: bold; }
p.t { margin: 0 0 3pt 0; text-align: justify; font-size: 12pt; }
@media print { div[title=footer] { display: none; } }
</style>`

// footer is a page footer with the page number: LibreOffice's HTML import
// reads a div titled "footer" as the page style's footer (it prints it on
// odd pages only); Chromium hides it and prints its own.
const footer = `<div title="footer"><p class="c">Trang <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield></p></div>`

func head(title string) string {
	return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>` + title + `</title>` + style + `</head><body>` + footer + "\n"
}

// comma writes a whole number with comma thousands (2,025), as the 2010
// plan does; dot writes it with dot thousands (10.000), as the 2024 plan.
func comma(s string) string { return group(s, ",") }
func dot(s string) string   { return group(s, ".") }

func group(s, sep string) string {
	if s == "" || strings.ContainsAny(s, ".,") || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func td(class, text string) string {
	if class != "" {
		return `<td class="` + class + `">` + html.EscapeString(text) + "</td>"
	}
	return "<td>" + html.EscapeString(text) + "</td>"
}

func plan2010(golden string) string {
	var b strings.Builder
	b.WriteString(head("Kế hoạch 21/KH-UBND — phụ lục"))
	// Phụ lục 2: computers by provincial unit.
	b.WriteString(`<p class="c"><b>PHỤ LỤC 2</b></p>
<p class="c"><b>SỐ LIỆU THỐNG KÊ HIỆN TRẠNG SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ SỐ MÁY TÍNH Ở CÁC SỞ, BAN NGÀNH TỈNH</b></p>
<p class="c"><i>(Ban hành kèm theo Kế hoạch số 21/KH-UBND ngày 02/11/2010 của Ủy ban nhân dân tỉnh Sóc Trăng)</i></p>
<table>
<thead>
<tr><th rowspan="2">Mã số</th><th rowspan="2">Tên đơn vị</th><th rowspan="2">Tổng số cán bộ, công chức đang làm việc</th><th rowspan="2">Số lượng máy vi tính đang sử dụng</th><th colspan="2">Trong đó</th><th rowspan="2">Tỷ lệ máy tính/ CBCC</th><th rowspan="2">Tỷ lệ máy tính có kết nối mạng nội bộ (LAN)</th><th rowspan="2">Tỷ lệ máy tính có kết nối mạng Internet</th></tr>
<tr><th>Số lượng máy nối mạng Internet</th><th>Số lượng máy nối mạng nội bộ (LAN)</th></tr>
<tr><th>(1)</th><th>(2)</th><th>(3)</th><th>(4)</th><th>(5)</th><th>(6)</th><th>(7)</th><th>(8)</th><th>(9)</th></tr>
</thead>
<tbody>
`)
	for _, r := range readCSV(filepath.Join(golden, "soctrang-2010-computers-provincial.csv")) {
		b.WriteString("<tr>" + td("c", r["code"]) + td("", r["unit"]))
		for _, k := range []string{"staff", "computers", "internet_computers", "lan_computers", "computers_per_staff_reported", "lan_share_reported", "internet_share_reported"} {
			b.WriteString(td("n", comma(r[k])))
		}
		b.WriteString("</tr>\n")
	}
	// The total row as the plan prints it (its lines 1887–1903).
	b.WriteString(`<tr class="b"><td colspan="2">TỔNG/BÌNH QUÂN</td>` + td("n", "1,215") + td("n", "1,001") + td("n", "830") + td("n", "816") + td("n", "0.82387") + td("n", "0.81518") + td("n", "0.82917") + "</tr>\n</tbody></table>\n")

	// Phụ lục 5: projects 2011–2015, long texts: the table runs over pages.
	b.WriteString(`<p class="c" style="page-break-before: always"><b>PHỤ LỤC 5</b></p>
<p class="c"><b>BẢNG TỔNG HỢP DANH MỤC CÁC DỰ ÁN TRIỂN KHAI GIAI ĐOẠN 2011-2015</b></p>
<p class="c"><i>(Ban hành kèm theo Kế hoạch số 21/KH-UBND ngày 02/11/2010 của Ủy ban nhân dân tỉnh Sóc Trăng)</i></p>
<p style="text-align:right"><i>Đơn vị tính: triệu đồng</i></p>
<table>
<thead>
<tr><th rowspan="2">STT</th><th rowspan="2">Tên Dự án</th><th rowspan="2">Mục tiêu</th><th rowspan="2">Thời gian thực hiện</th><th rowspan="2">Tổng mức Đầu tư</th><th colspan="2">Nguồn Phát triển</th><th colspan="2">Nguồn Sự nghiệp</th><th rowspan="2">Ghi chú</th></tr>
<tr><th>TW</th><th>ĐP</th><th>TW</th><th>ĐP</th></tr>
</thead>
<tbody>
`)
	for _, r := range readCSV(filepath.Join(golden, "soctrang-2011-2015-projects.csv")) {
		b.WriteString("<tr>" + td("c", r["no"]) + td("", r["project"]) + td("", r["objective"]) + td("c", r["period_start"]+"-"+r["period_end"]))
		for _, k := range []string{"total_mvnd", "invest_central_mvnd", "invest_local_mvnd", "recurrent_central_mvnd", "recurrent_local_mvnd"} {
			b.WriteString(td("n", comma(r[k])))
		}
		b.WriteString(td("", r["note"]) + "</tr>\n")
	}
	b.WriteString(`<tr class="b"><td></td><td colspan="3">TỔNG CỘNG</td>` + td("n", "109,045") + td("n", "39,120") + td("n", "23,925") + td("n", "20,500") + td("n", "25,500") + "<td></td></tr>\n</tbody></table>\n")
	b.WriteString("</body></html>\n")
	return b.String()
}

func dx2023(golden string) string {
	var b strings.Builder
	b.WriteString(head("Kế hoạch chuyển đổi số năm 2024 — Phụ lục 01"))
	b.WriteString(`<p class="c"><b>PHỤ LỤC 01</b></p>
<p class="c"><b>DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN TRIỂN KHAI NĂM 2023</b></p>
<p class="c"><i>(Kèm theo Kế hoạch số ........../KH-UBND ngày.......tháng......năm 2024 của UBND tỉnh Sóc Trăng)</i></p>
<p style="text-align:right"><i>ĐVT: Triệu đồng</i></p>
<table>
<thead>
<tr><th rowspan="2">TT</th><th rowspan="2" style="width:30%">Nhiệm vụ/dự án</th><th colspan="4">Kinh phí được giao theo kế hoạch năm 2023</th><th colspan="4">Tổng kinh phí đã thực hiện</th><th rowspan="2" style="width:16%">Ghi chú</th></tr>
<tr><th>NSĐP</th><th>NSTW</th><th>ĐTPT</th><th>Nguồn khác</th><th>NSĐP</th><th>NSTW</th><th>ĐTPT</th><th>Nguồn khác</th></tr>
</thead>
<tbody>
`)
	amounts := []string{"planned_local_mvnd", "planned_central_mvnd", "planned_invest_mvnd", "planned_other_mvnd", "spent_local_mvnd", "spent_central_mvnd", "spent_invest_mvnd", "spent_other_mvnd"}
	pillars := readCSV(filepath.Join(golden, "soctrang-2023-dx-pillars.csv"))
	items := readCSV(filepath.Join(golden, "soctrang-2023-dx-items.csv"))
	totals := make([]int, len(amounts))
	for _, p := range pillars {
		b.WriteString(`<tr class="b">` + td("c", p["pillar_no"]) + td("", p["pillar"]))
		for i, k := range amounts {
			v, err := strconv.Atoi(p[k])
			must(err)
			totals[i] += v
			b.WriteString(td("n", dot(p[k])))
		}
		b.WriteString("<td></td></tr>\n")
		for _, r := range items {
			if r["pillar_no"] != p["pillar_no"] {
				continue
			}
			b.WriteString("<tr>" + td("c", r["code"]) + td("", r["task"]))
			for _, k := range amounts {
				b.WriteString(td("n", dot(r[k])))
			}
			b.WriteString(td("", r["note"]) + "</tr>\n")
		}
	}
	b.WriteString(`<tr class="b"><td></td><td>TỔNG CỘNG</td>`)
	for _, v := range totals {
		b.WriteString(td("n", dot(strconv.Itoa(v))))
	}
	b.WriteString("<td></td></tr>\n</tbody></table>\n</body></html>\n")
	return b.String()
}
