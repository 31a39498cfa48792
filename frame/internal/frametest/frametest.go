// Package frametest holds the sample Frames the tests of frame and its I/O
// subpackages share: every column kind, nulls in each, Vietnamese text and
// metadata, so that a round trip that loses anything shows up.
package frametest

import (
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

// Meta is the provenance of Sample.
var Meta = map[string]string{
	frame.MetaDataset:    "test-sample",
	frame.MetaTitle:      "Số liệu mẫu: cán bộ, máy tính và kinh phí",
	frame.MetaSourceFile: "mau.txt",
	frame.MetaDocument:   "Quyết định số 01/QĐ-UBND",
	frame.MetaProvince:   "Đà Nẵng",
}

// Specs are the columns of Sample: one of each kind, with labels and units.
var Specs = []frame.FieldSpec{
	{Name: "unit_name", Kind: frame.String, LabelVI: "Tên đơn vị"},
	{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
	{Name: "budget_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí (triệu đồng)", Unit: "million_vnd",
		Extra: map[string]string{frame.MetaSourceUnit: "tỷ đồng", frame.MetaDescription: "vốn sự nghiệp"}},
	{Name: "has_lan", Kind: frame.Bool, LabelVI: "Có mạng LAN"},
	{Name: "report_date", Kind: frame.Date, LabelVI: "Ngày báo cáo"},
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Rows are the values of Sample; every column has a null somewhere.
var Rows = [][]any{
	{"Sở Thông tin và Truyền thông", int64(1201), 9189.899, true, day(2015, time.March, 31)},
	{"UBND huyện Điện Biên Đông", int64(45), 0.89308, false, nil},
	{nil, int64(-7), -1234.5, nil, day(1999, time.December, 31)},
	{"Trường THPT Bà Rịa <b>&</b> \"Cà Mau\"", nil, nil, true, day(2024, time.February, 29)},
	{"", int64(0), 1e15, false, day(1970, time.January, 1)},
	{"Ủy ban nhân dân tỉnh Bạc Liêu; dòng 1,2", int64(9007199254740993), 123456789.125, true, day(2010, time.January, 2)},
}

// Sample returns a Frame of Specs, Rows and Meta built with mem. The caller
// releases it.
func Sample(mem memory.Allocator) *frame.Frame {
	b := frame.NewBuilder(mem, Meta, Specs...)
	defer b.Release()
	for _, r := range Rows {
		if err := b.AppendRow(r...); err != nil {
			panic(err)
		}
	}
	f, err := b.Frame()
	if err != nil {
		panic(err)
	}
	return f
}
