package datasets

import (
	"embed"
	"fmt"
	"sort"
	"strings"
)

// The documents, and the reference tables under sources/reference/ (read
// through SourceText and Line like a document).
//
//go:embed sources/*.txt sources/reference/*.csv
var sourceFS embed.FS

// Source is one embedded source document.
type Source struct {
	File     string // file name under sources/
	Title    string // Vietnamese title
	Province string
	Document string // document number
	Date     string // document date, 2006-01-02, or the year when undated
	Form     string // the text form the document came in
}

// The source documents.
var sources = []Source{
	{File: "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt", Province: "Sóc Trăng", Document: "21/KH-UBND", Date: "2010-11-02",
		Title: "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước giai đoạn 2011 – 2015, tỉnh Sóc Trăng",
		Form:  "web copy: one table cell per line, cells separated by blank lines, an empty cell as a line holding a no-break space"},
	{File: "soctrang-2024-dx-plan-draft-with-2023-results.txt", Province: "Sóc Trăng", Document: "dự thảo kế hoạch chuyển đổi số năm 2024", Date: "2024",
		Title: "Kế hoạch chuyển đổi số tỉnh Sóc Trăng năm 2024 (dự thảo), kèm kết quả năm 2023",
		Form:  "PDF text: multi-line cells interleaved, page headers repeated"},
	{File: "soctrang-2024-nq103-hdnd-party-it-investment.txt", Province: "Sóc Trăng", Document: "103/NQ-HĐND", Date: "2024-08-28",
		Title: "Nghị quyết về chủ trương đầu tư dự án Ứng dụng công nghệ thông tin trong hoạt động của các cơ quan đảng tỉnh Sóc Trăng giai đoạn 2021-2025 (Hạng mục: Mua sắm, nâng cấp thiết bị và phần mềm)",
		Form:  "PDF text"},
	{File: "khanhhoa-2023-party-leadership-information-system-proposal.txt", Province: "Khánh Hòa", Document: "875/VPUBND-KSTT (kèm Tờ trình 2216/TTr-STTTT ngày 14/7/2023, dự thảo Tờ trình và dự thảo Nghị quyết)", Date: "2023-07-24",
		Title: "Hồ sơ đề xuất chủ trương đầu tư dự án “Xây dựng Hệ thống thông tin lãnh đạo, chỉ đạo của Tỉnh ủy” (Khánh Hòa)",
		Form:  "DOCX text: tab-separated tables with HTML fragments, the same table in several drafts"},
	{File: "thuathienhue-2021-hdnd-digital-transformation-programme.txt", Province: "Thừa Thiên Huế", Document: "Nghị quyết HĐND tỉnh khóa VIII, kỳ họp chuyên đề lần thứ 2 (văn bản không ghi số)", Date: "2021-10-14",
		Title: "Nghị quyết phê duyệt chủ trương đầu tư dự án Triển khai chương trình Chuyển đổi số tỉnh Thừa Thiên Huế",
		Form:  "PDF text, some words with decomposed diacritics"},
}

// Sources returns the embedded source documents.
func Sources() []Source {
	out := make([]Source, len(sources))
	copy(out, sources)
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}

// SourceText returns the bytes of an embedded source, exactly as published
// in the repository.
func SourceText(file string) ([]byte, error) {
	b, err := sourceFS.ReadFile("sources/" + file)
	if err != nil {
		return nil, fmt.Errorf("datasets: no source %q", file)
	}
	return b, nil
}

// Line returns line n (1-based) of a source, without its line end: the
// text a figure's source_line points to.
func Line(file string, n int) (string, error) {
	lines, err := sourceLines(file)
	if err != nil {
		return "", err
	}
	if n < 1 || n > len(lines) {
		return "", fmt.Errorf("datasets: %s has %d lines, no line %d", file, len(lines), n)
	}
	return strings.TrimSuffix(lines[n-1], "\r"), nil
}
