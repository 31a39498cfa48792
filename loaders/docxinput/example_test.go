package docxinput_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/docxinput"
)

// ExampleTables lists the tables of a Word document holding Phụ lục 2 and
// 5 of Sóc Trăng's 2010 plan (21/KH-UBND), made by testdata/make.py from
// the golden datasets.
func ExampleTables() {
	doc, err := os.ReadFile("testdata/plan-python-docx.docx")
	if err != nil {
		log.Fatal(err)
	}
	tables, err := docxinput.Tables(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range tables {
		fmt.Println(t)
	}
	// Output:
	// table 1: 31 rows × 9 columns, under "PHỤ LỤC 2" (appendix 2): Mã số | Tên đơn vị | Tổng số cán bộ, công chức đan… | Số lượng máy vi tính đang sử … | Trong đó | Tỷ lệ máy tính/ CBCC …
	// table 2: 16 rows × 10 columns, under "PHỤ LỤC 5" (appendix 5), unit triệu đồng: STT | Tên Dự án | Mục tiêu | Thời gian thực hiện | Tổng mức Đầu tư | Nguồn Phát triển | Nguồn Sự nghiệp | Ghi chú
}

// ExampleParse reads Phụ lục 5 (projects of 2011–2015) from the same
// document: the table under the heading "PHỤ LỤC 5", whose figures are
// written the Vietnamese way (24.000 for twenty-four thousand million
// đồng: every one of them also reads as 24, so the convention is given),
// in the unit of the paragraph above it, "Đơn vị tính: triệu đồng".
func ExampleParse() {
	doc, err := os.ReadFile("testdata/plan-python-docx.docx")
	if err != nil {
		log.Fatal(err)
	}
	t, err := docxinput.Parse(bytes.NewReader(doc), int64(len(doc)), 0, "5", loaders.ProjectsPlan,
		loaders.Options{File: "plan.docx", Convention: loaders.DotThousands})
	if err != nil {
		log.Fatal(err)
	}
	defer t.Release()
	head := t.Frame.Head(3)
	defer head.Release()
	view, err := head.Select("no", "period_start", "period_end", "total_mvnd", "invest_central_mvnd", "invest_local_mvnd", "source_line")
	if err != nil {
		log.Fatal(err)
	}
	defer view.Release()
	fmt.Print(view.Text(frame.TextOptions{}))
	total, _ := t.Totals[0].Get("total_mvnd")
	fmt.Printf("table %s, %s: %s %q = %v million đồng at row %d\n", t.Frame.Metadata()[docxinput.MetaSourceTable],
		t.MoneyUnit, t.Totals[0].Label, total.Text, total.Value, total.Line)
	// Output:
	// no  period_start  period_end  total_mvnd  invest_central_mvnd  invest_local_mvnd  source_line
	// --  ------------  ----------  ----------  -------------------  -----------------  -----------
	//  1          2011        2012      24.000               10.000             14.000            3
	//  2          2011        2012       3.613                3.613                  0            4
	//  3          2011        2015       8.580                6.883              1.697            5
	// table 2, triệu đồng: TỔNG CỘNG "109.045" = 109045 million đồng at row 16
}

// ExampleRows quotes row 6 of the document's first table (Phụ lục 2):
// the unit with no staff and no computers.
func ExampleRows() {
	doc, err := os.ReadFile("testdata/plan-python-docx.docx")
	if err != nil {
		log.Fatal(err)
	}
	rows, err := docxinput.Rows(bytes.NewReader(doc), int64(len(doc)), 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(rows), strings.Join(rows[5], " | "))
	// Output:
	// 31 3 | Văn phòng Đoàn Đại biểu Quốc hội | 0 | 0 | 0 | 0 | 0 | 0 | 0
}

// ExampleParagraphs lists the body text of a document outside its tables:
// the headings above the appendices of the LibreOffice test document.
func ExampleParagraphs() {
	doc, err := os.ReadFile("testdata/plan-libreoffice.docx")
	if err != nil {
		log.Fatal(err)
	}
	pars, err := docxinput.Paragraphs(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range pars[:2] {
		fmt.Println(p)
	}
	fmt.Println(pars[len(pars)-1])
	// Output:
	// ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG
	// PHỤ LỤC 2
	// Đơn vị tính: triệu đồng
}
