package xlsxinput_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/xlsxinput"
)

// ExampleParse reads Phụ lục 2 of Sóc Trăng's 2010 plan from a workbook
// in which an official typed the first three units and the total: the
// figures are number cells (Excel stores 0.89308 with a decimal point
// whatever the locale), the total's label is merged over columns A and B.
func ExampleParse() {
	src := datasets.MustLoad("soctrang-2010-computers-provincial")
	defer src.Release()

	x := excelize.NewFile()
	defer x.Close()
	x.SetSheetName("Sheet1", "Phụ lục 2")
	sheet := "Phụ lục 2"
	x.SetSheetRow(sheet, "A1", &[]any{"Mã số", "Tên đơn vị", "Tổng số CBCC", "Máy tính", "Internet", "LAN", "Máy tính/CBCC", "LAN", "Internet"})
	for i := 0; i < 3; i++ {
		row := make([]any, 9)
		for j := range row {
			row[j] = src.ColumnAt(j).Value(i) // code, unit, staff … internet_share_reported
		}
		x.SetSheetRow(sheet, fmt.Sprintf("A%d", i+2), &row)
	}
	// 159 + 32 + 0 = 191 staff, 142 + 35 + 0 = 177 computers
	x.SetSheetRow(sheet, "A5", &[]any{"TỔNG", nil, 191, 177})
	x.MergeCell(sheet, "A5", "B5")
	var book bytes.Buffer
	if err := x.Write(&book); err != nil {
		log.Fatal(err)
	}

	t, err := xlsxinput.Parse(&book, "", loaders.Computers, loaders.Options{File: "plan.xlsx"})
	if err != nil {
		log.Fatal(err)
	}
	defer t.Release()
	view, err := t.Frame.Select("unit", "staff", "computers", "computers_per_staff_reported", "source_line")
	if err != nil {
		log.Fatal(err)
	}
	defer view.Release()
	fmt.Print(view.Text(frame.TextOptions{}))
	fmt.Println(t.Frame.Metadata()[xlsxinput.MetaSourceSheet], t.Convention, "-", t.ConventionReason)
	staff, _ := t.Totals[0].Get("staff")
	fmt.Println("total staff", staff.Value, "at row", staff.Line)
	// Output:
	// unit                              staff  computers  computers_per_staff_reported  source_line
	// --------------------------------  -----  ---------  ----------------------------  -----------
	// Tỉnh ủy                             159        142                       0,89308            2
	// Hội đồng Nhân dân                    32         35                       1,09375            3
	// Văn phòng Đoàn Đại biểu Quốc hội      0          0                             0            4
	// Phụ lục 2 undecided - no cell typed as text decides it; the number cells are read exactly
	// total staff 191 at row 5
}
