package parquetio_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/parquetio"
)

func Example() {
	f, err := frame.FromRows(
		map[string]string{frame.MetaDataset: "demo", frame.MetaProvince: "Lâm Đồng"},
		[]frame.FieldSpec{
			{Name: "unit_name", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "computers", Kind: frame.Int64, LabelVI: "Số máy tính", Unit: "count"},
		},
		[][]any{{"Sở Nội vụ", 42}, {"Sở Tài chính", nil}},
	)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()

	var buf bytes.Buffer
	if err := parquetio.Write(&buf, f, parquetio.Options{}); err != nil {
		log.Fatal(err)
	}
	back, err := parquetio.ReadBytes(buf.Bytes(), parquetio.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer back.Release()

	fmt.Println("equal:", frame.Equal(f, back))
	fmt.Println("province:", back.Meta(frame.MetaProvince))
	fmt.Println("label:", back.Col("computers").LabelVI())
	fmt.Print(back)
	// Output:
	// equal: true
	// province: Lâm Đồng
	// label: Số máy tính
	// unit_name     computers
	// ------------  ---------
	// Sở Nội vụ            42
	// Sở Tài chính
}
