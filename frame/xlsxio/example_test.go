package xlsxio_test

import (
	"bytes"
	"fmt"
	"log"
	"time"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/xlsxio"
)

func Example() {
	f, err := frame.FromRows(
		map[string]string{frame.MetaDataset: "staff-2015", frame.MetaProvince: "Lâm Đồng"},
		[]frame.FieldSpec{
			{Name: "unit_name", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
			{Name: "reported", Kind: frame.Date, LabelVI: "Ngày báo cáo"},
		},
		[][]any{
			{"Sở Nội vụ", 1201, time.Date(2015, 3, 31, 0, 0, 0, 0, time.UTC)},
			{"Sở Tài chính", nil, nil},
		},
	)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()

	var buf bytes.Buffer
	if err := xlsxio.Write(&buf, f, xlsxio.Options{LabelRow: true}); err != nil {
		log.Fatal(err)
	}
	back, err := xlsxio.Read(&buf, xlsxio.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer back.Release()

	fmt.Println("equal:", frame.Equal(f, back))
	fmt.Println("province:", back.Meta(frame.MetaProvince))
	fmt.Print(back)
	// Output:
	// equal: true
	// province: Lâm Đồng
	// unit_name     staff  reported
	// ------------  -----  ----------
	// Sở Nội vụ     1.201  2015-03-31
	// Sở Tài chính
}

// A report is one workbook of many tables: WriteBook makes one sheet per
// Frame and names each validly for Excel.
func ExampleWriteBook() {
	budget, _ := frame.FromRows(nil,
		[]frame.FieldSpec{{Name: "item", Kind: frame.String}, {Name: "cost_mvnd", Kind: frame.Float64, Unit: "million_vnd"}},
		[][]any{{"Hạ tầng", 1234.5}, {"Đào tạo", 80.0}})
	defer budget.Release()
	staff, _ := frame.FromRows(nil,
		[]frame.FieldSpec{{Name: "year", Kind: frame.Int64, Unit: "year"}, {Name: "trained", Kind: frame.Int64, Unit: "people"}},
		[][]any{{2015, 350}, {2016, 1020}})
	defer staff.Release()

	var buf bytes.Buffer
	err := xlsxio.WriteBook(&buf, []xlsxio.Sheet{
		{Name: "Phụ lục 2: Kinh phí", Frame: budget},
		{Name: "Đào tạo/tập huấn 2015–2016", Frame: staff},
	}, xlsxio.Options{})
	if err != nil {
		log.Fatal(err)
	}
	sheets, err := xlsxio.ReadBook(&buf, xlsxio.Options{})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range sheets {
		fmt.Printf("%s: %d rows, %v\n", s.Name, s.Frame.NumRows(), s.Frame.Names())
		s.Frame.Release()
	}
	// Output:
	// Phụ lục 2_ Kinh phí: 2 rows, [item cost_mvnd]
	// Đào tạo_tập huấn 2015–2016: 2 rows, [year trained]
}

// ExampleReadCellsLimited reads the cells of a workbook written by Write,
// then the same workbook with a reader that accepts four cells only: it
// stops reading at the fifth.
func ExampleReadCellsLimited() {
	f, err := frame.FromRows(nil,
		[]frame.FieldSpec{{Name: "unit", Kind: frame.String}, {Name: "staff", Kind: frame.Int64, Unit: "people"}},
		[][]any{{"Sở Nội vụ", 1201}, {"Sở Tài chính", 87}})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()
	var book bytes.Buffer
	if err := xlsxio.Write(&book, f, xlsxio.Options{}); err != nil {
		log.Fatal(err)
	}
	s, err := xlsxio.ReadCellsLimited(bytes.NewReader(book.Bytes()), "", xlsxio.CellLimits{})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range s.Cells {
		fmt.Println(c.Ref(), c.Kind, c.Value)
	}
	_, err = xlsxio.ReadCellsLimited(bytes.NewReader(book.Bytes()), "", xlsxio.CellLimits{Cells: 4})
	fmt.Println(err)
	// Output:
	// A1 text unit
	// B1 text staff
	// A2 text Sở Nội vụ
	// B2 number 1201
	// A3 text Sở Tài chính
	// B3 number 87
	// xlsxio: workbook too large: sheet "data" has more than 4 cells (row 3)
}
