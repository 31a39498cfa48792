package docxinput

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ictplan/ictplan/loaders"
)

// tc is a cell of one paragraph of one run.
func tc(text string) string { return `<w:tc><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:tc>` }

func tr(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

func tbl(rows ...string) string { return `<w:tbl>` + strings.Join(rows, "") + `</w:tbl>` }

// texts returns the cells of a document's tables as text: a table's rows
// on lines, cells separated by "|".
func texts(t *testing.T, body string) []string {
	t.Helper()
	doc := docxOf(t, body)
	tables, err := readDocument(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tb := range tables {
		var rows []string
		for _, r := range tb.rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, c.text)
			}
			rows = append(rows, strings.Join(cells, "|"))
		}
		out = append(out, strings.Join(rows, "\n"))
	}
	return out
}

// TestCellText: what a cell's text is, for each way Word writes one.
func TestCellText(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"runs", tbl(tr(`<w:tc><w:p><w:r><w:t>Tỉn</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>h ủy</w:t></w:r></w:p></w:tc>`)), "Tỉnh ủy"},
		{"paragraphs", tbl(tr(`<w:tc><w:p><w:r><w:t>Sở Văn hóa,</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>Thể thao và Du lịch</w:t></w:r></w:p></w:tc>`)), "Sở Văn hóa, Thể thao và Du lịch"},
		{"break and tab", tbl(tr(`<w:tc><w:p><w:r><w:t>Sở</w:t><w:tab/><w:t>Y</w:t><w:br/><w:t>tế</w:t></w:r></w:p></w:tc>`)), "Sở Y tế"},
		{"tab stops are not text", tbl(tr(`<w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>1.215</w:t></w:r></w:p></w:tc>`)), "1.215"},
		{"spaces kept", tbl(tr(`<w:tc><w:p><w:r><w:t xml:space="preserve">Hội </w:t></w:r><w:r><w:t xml:space="preserve"> Nông dân </w:t></w:r></w:p></w:tc>`)), "Hội Nông dân"},
		{"decomposed diacritics", tbl(tr(tc("To\u0302\u0309ng"))), "Tổng"},
		{"hyperlink and field result", tbl(tr(`<w:tc><w:p><w:hyperlink><w:r><w:t>Cổng</w:t></w:r></w:hyperlink><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t xml:space="preserve"> TTĐT</w:t></w:r></w:p></w:tc>`)), "Cổng TTĐT"},
		{"deleted and inserted text", tbl(tr(`<w:tc><w:p><w:del><w:r><w:delText>150</w:delText></w:r></w:del><w:ins><w:r><w:t>159</w:t></w:r></w:ins></w:p></w:tc>`)), "159"},
		{"hidden run", tbl(tr(`<w:tc><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r><w:r><w:t>32</w:t></w:r></w:p></w:tc>`)), "32"},
		{"text box", tbl(tr(`<w:tc><w:p><w:r><w:t>82</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>ghi chú</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>ghi chú</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:tc>`)), "82"},
		{"empty cells", tbl(tr(tc("1"), `<w:tc><w:p/></w:tc>`, `<w:tc><w:p><w:r><w:t> </w:t></w:r></w:p></w:tc>`, tc("4"))), "1|||4"},
		{"non-breaking hyphen", tbl(tr(`<w:tc><w:p><w:r><w:t>2011</w:t><w:noBreakHyphen/><w:t>2015</w:t></w:r></w:p></w:tc>`)), "2011-2015"},
		{"grid span", tbl(
			tr(tc("Mã số"), `<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Trong đó</w:t></w:r></w:p></w:tc>`, tc("G")),
			tr(`<w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>TỔNG CỘNG</w:t></w:r></w:p></w:tc>`, tc("9"))),
			"Mã số|Trong đó||G\nTỔNG CỘNG|||9"},
		{"vertical merge", tbl(
			tr(`<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc>`, tc("TƯ")),
			tr(`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`, tc("ĐP")),
			tr(`<w:tc><w:tcPr><w:vMerge w:val="continue"/></w:tcPr><w:p/></w:tc>`, tc("x"))),
			"STT|TƯ\n|ĐP\n|x"},
		{"grid before", tbl(tr(tc("1"), tc("2"), tc("3")), tr(`<w:trPr><w:gridBefore w:val="2"/></w:trPr>`, tc("3"))), "1|2|3\n||3"},
		{"content control", tbl(`<w:sdt><w:sdtContent>` + tr(`<w:sdt><w:sdtContent>`+tc("a")+`</w:sdtContent></w:sdt>`, tc("b")) + `</w:sdtContent></w:sdt>`), "a|b"},
		{"strict namespace", `<s:tbl xmlns:s="http://purl.oclc.org/ooxml/wordprocessingml/main"><s:tr><s:tc><s:p><s:r><s:t>strict</s:t></s:r></s:p></s:tc></s:tr></s:tbl>`, "strict"},
		{"other namespaces", tbl(tr(`<w:tc><w:p><m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x</m:t></m:r></m:oMath><w:r><w:t>y</w:t></w:r></w:p></w:tc>`)), "y"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := texts(t, c.body)
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestNestedTable: a table in a cell is a table of its own, listed after
// the one that holds it; reading the outer one is an error at that cell.
func TestNestedTable(t *testing.T) {
	inner := tbl(tr(tc("1"), tc("Tỉnh ủy"), tc("159"), tc("142"), tc("16"), tc("87")))
	body := `<w:p><w:r><w:t>PHỤ LỤC 2</w:t></w:r></w:p>` +
		tbl(tr(tc("Bảng"), `<w:tc><w:p><w:r><w:t>Số liệu</w:t></w:r></w:p>`+inner+`<w:p/></w:tc>`)) +
		`<w:p><w:r><w:t>PHỤ LỤC 3</w:t></w:r></w:p>` + tbl(tr(tc("x")))
	doc := docxOf(t, body)
	infos, err := Tables(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 3 {
		t.Fatalf("%d tables: %v", len(infos), infos)
	}
	if infos[0].Appendix != "2" || infos[1].Parent != 1 || infos[1].Heading != "Số liệu" || infos[1].Appendix != "" ||
		infos[2].Appendix != "3" || infos[2].Parent != 0 || infos[0].FirstRow[1] != "Số liệu" {
		t.Errorf("tables %+v", infos)
	}
	_, err = parseDoc(doc, 1, "", loaders.Computers, loaders.Options{})
	found := false
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var de *DocxError
		if errors.As(e, &de) && errors.Is(de, ErrNestedTable) {
			found = de.Table == 1 && de.Row == 1 && de.Cell == 2
		}
	}
	if !found {
		t.Errorf("no ErrNestedTable at table 1, row 1, cell 2: %v", err)
	}
	if !strings.Contains(err.Error(), "plan.docx: table 1, row 1, cell 2: a table inside a cell: found \"Số liệu\", expected text in the cell; it holds table 2") {
		t.Errorf("error %v", err)
	}
	tb, err := parseDoc(doc, 2, "", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if tb.Frame.NumRows() != 1 || tb.Frame.Col("computers").Int64s()[0] != 142 {
		t.Errorf("inner table %v", tb.Frame)
	}
}

// TestHiddenText: text in a cell merged into the one above is not shown
// by Word: an error at that cell, not a figure read.
func TestHiddenText(t *testing.T) {
	body := tbl(
		tr(tc("Mã số"), tc("Tên đơn vị"), tc("CBCC"), tc("Máy tính")),
		tr(tc("1"), tc("Tỉnh ủy"), `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>159</w:t></w:r></w:p></w:tc>`, tc("142"), tc("16"), tc("87")),
		tr(tc("2"), tc("Hội đồng Nhân dân"), `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>32</w:t></w:r></w:p></w:tc>`, tc("35"), tc("26"), tc("26")))
	_, err := parseDoc(docxOf(t, body), 0, "", loaders.Computers, loaders.Options{})
	var de *DocxError
	if !errors.Is(err, ErrHiddenText) || !errors.As(err, &de) || de.Row != 3 || de.Cell != 3 || de.Err.Text != "32" {
		t.Errorf("got %v", err)
	}
}

// TestAppendixInFirstRow: a heading merged across the table's first row.
func TestAppendixInFirstRow(t *testing.T) {
	body := `<w:p><w:r><w:t>Bảng 1</w:t></w:r></w:p>` + tbl(
		tr(`<w:tc><w:tcPr><w:gridSpan w:val="6"/></w:tcPr><w:p><w:r><w:t>Phụ lục số 02:</w:t><w:br/><w:t>Hiện trạng máy tính</w:t></w:r></w:p></w:tc>`),
		tr(tc("1"), tc("Tỉnh ủy"), tc("159"), tc("142"), tc("16"), tc("87")))
	doc := docxOf(t, body)
	infos, err := Tables(bytes.NewReader(doc), int64(len(doc)))
	if err != nil || len(infos) != 1 || infos[0].Appendix != "2" || infos[0].Heading != "Bảng 1" {
		t.Fatalf("%v %+v", err, infos)
	}
	tb, err := parseDoc(doc, 0, "2", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := tb.Frame.Col("source_line").Int64s()[0]; got != 2 {
		t.Errorf("source_line %d, want 2", got)
	}
}

// TestUnitParagraph: the unit above the table applies unless the caller
// or the table names one.
func TestUnitParagraph(t *testing.T) {
	row := tr(tc("1"), tc("Dự án"), tc("Mục tiêu"), tc("2011-2015"), tc("9.500,5"), tc("0"), tc("0"), tc("4.000"), tc("5.500,5"), tc(""))
	above := `<w:p><w:r><w:t>Đơn vị tính: tỷ đồng</w:t></w:r></w:p>`
	cases := []struct {
		name, body, unit string
		want             float64
	}{
		{"paragraph", above + tbl(row), "", 9500500},
		{"caller", above + tbl(row), "triệu đồng", 9500.5},
		{"cell", above + tbl(tr(tc("Đơn vị tính: triệu đồng")), row), "", 9500.5},
		{"none", tbl(row), "", 9500.5}, // the layout's triệu đồng
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb, err := parseDoc(docxOf(t, c.body), 0, "", loaders.ProjectsPlan, loaders.Options{Unit: c.unit})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Release()
			if got := tb.Frame.Col("total_mvnd").Float64s()[0]; got != c.want {
				t.Errorf("total %v million, want %v", got, c.want)
			}
		})
	}
}

// TestLimits: a document too large is refused before it is read, a zip
// bomb as soon as it passes the limit, too many cells at the row that
// passes it.
func TestLimits(t *testing.T) {
	doc := readTestdata(t, documents[0])
	_, err := Tables(bytes.NewReader(doc), loaders.MaxInputBytes+1)
	if !errors.Is(err, loaders.ErrLimit) {
		t.Errorf("size: %v", err)
	}

	// 33 MB of blanks in a paragraph: 33 kB zipped.
	big := wordXML(`<w:p><w:r><w:t>` + strings.Repeat(" ", loaders.MaxInputBytes) + `</w:t></w:r></w:p>`)
	bomb := zipOf(t, documentPart, big)
	if len(bomb) > 100<<10 {
		t.Fatalf("bomb of %d bytes", len(bomb))
	}
	start := time.Now()
	_, err = Tables(bytes.NewReader(bomb), int64(len(bomb)))
	if !errors.Is(err, loaders.ErrLimit) || !strings.Contains(err.Error(), "word/document.xml of at most 33554432 bytes unzipped (it declares") {
		t.Errorf("bomb: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("bomb refused in %v: it was read", d)
	}

	// A cell spanning two million columns.
	wide := docxOf(t, tbl(tr(tc("1")), tr(tc("1"), `<w:tc><w:tcPr><w:gridSpan w:val="2000000"/></w:tcPr><w:p/></w:tc>`)))
	_, err = Tables(bytes.NewReader(wide), int64(len(wide)))
	if !errors.Is(err, loaders.ErrLimit) || err.Error() != "table 1, row 2: input too large: expected at most 1024 columns in a row" {
		t.Errorf("wide: %v", err)
	}
	// 1100 rows of 1000 columns.
	row := tr(`<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc>`)
	many := docxOf(t, tbl(strings.Repeat(row, 1100)))
	_, err = Tables(bytes.NewReader(many), int64(len(many)))
	if !errors.Is(err, loaders.ErrLimit) || err.Error() != "table 1, row 1049: input too large: expected at most 1048576 cells in the document's tables" {
		t.Errorf("many: %v", err)
	}
}

// TestHiddenTextCap: the cells a table cannot read are reported as
// ParseRows reports its errors: the first loaders.DefaultMaxErrors, then
// a count of the others.
func TestHiddenTextCap(t *testing.T) {
	merged := `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc>`
	var rows []string
	for i := 1; i <= 150; i++ {
		rows = append(rows, tr(tc(strconv.Itoa(i)), tc("Sở"), merged, tc("1"), tc("1"), tc("1")))
	}
	_, err := parseDoc(docxOf(t, tbl(rows...)), 0, "", loaders.Computers, loaders.Options{})
	es := loaders.Errors(err)
	if len(es) != loaders.DefaultMaxErrors+1 {
		t.Fatalf("%d errors", len(es))
	}
	last := es[len(es)-1]
	if !errors.Is(last, loaders.ErrMoreErrors) || last.More != 50 || last.Line != 101 {
		t.Errorf("last error %+v", last)
	}
	if !strings.HasSuffix(err.Error(), "plan.docx: table 1, row 101, cell 3: … and 50 more errors") {
		t.Errorf("error ends %q", err.Error()[len(err.Error())-80:])
	}
}

// TestMergedFigure: a count merged down over two data rows (Word shows 81
// once, for Sở Tư pháp and Sở Tài chính together) is refused at the second
// row's cell: the rows' own figures are not written (it was read as 81 for
// the first and null for the second).
func TestMergedFigure(t *testing.T) {
	body := tbl(
		tr(tc("Mã số"), tc("Tên đơn vị"), tc("CBCC"), tc("Máy tính")),
		tr(tc("1"), tc("Sở Tư pháp"), `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>81</w:t></w:r></w:p></w:tc>`, tc("30"), tc("16"), tc("20")),
		tr(tc("2"), tc("Sở Tài chính"), `<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>`, tc("35"), tc("26"), tc("26")))
	_, err := parseDoc(docxOf(t, body), 0, "", loaders.Computers, loaders.Options{})
	var de *DocxError
	if !errors.Is(err, loaders.ErrUnexpectedCell) || !errors.As(err, &de) || de.Row != 3 || de.Cell != 3 || !strings.Contains(err.Error(), "merged with the one above") {
		t.Errorf("got %v", err)
	}
}
