// Package frametest holds what the tests of the module share: Build, which
// makes a Frame from rows, and the sample Frame of frame and its I/O
// subpackages (every column kind, nulls in each, Vietnamese text and
// metadata, so that a round trip that loses anything shows up).
//
// The internal tests of package frame itself cannot import it (frametest
// imports frame); only the external frame_test package and the other
// packages of the module can.
package frametest

import (
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

// Build makes a Frame of specs and meta from rows with mem (nil: the
// default allocator), one AppendRow per row, and fails the test with
// t.Fatal if a row does not fit specs or the Frame cannot be made. The
// caller releases the Frame.
func Build(t testing.TB, mem memory.Allocator, meta map[string]string, specs []frame.FieldSpec, rows ...[]any) *frame.Frame {
	t.Helper()
	b := frame.NewBuilder(meta, specs, frame.WithAllocator(mem))
	defer b.Release()
	for _, r := range rows {
		if err := b.AppendRow(r...); err != nil {
			t.Fatal(err)
		}
	}
	f, err := b.Frame()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

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
	b := frame.NewBuilder(Meta, Specs, frame.WithAllocator(mem))
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

// ProvinceMeta, ProvinceSpecs and ProvinceRows are a small Frame of every
// kind with nulls (a null name, a null count, a null ratio...), which the
// operation tests of frame and its subpackages share; Provinces builds it.
var ProvinceMeta = map[string]string{frame.MetaDataset: "provinces", frame.MetaTitle: "Tỉnh mẫu"}

var ProvinceSpecs = []frame.FieldSpec{
	{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
	{Name: "year", Kind: frame.Int64, Unit: "year"},
	{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
	{Name: "ratio", Kind: frame.Float64, Unit: "ratio"},
	{Name: "online", Kind: frame.Bool},
	{Name: "reported", Kind: frame.Date},
}

var ProvinceRows = [][]any{
	{"Đà Nẵng", int64(2015), int64(1201), 0.89308, true, day(2015, time.March, 31)},
	{"An Giang", int64(2016), int64(45), nil, false, day(2016, time.June, 30)},
	{"Cà Mau", int64(2015), nil, 0.5, nil, nil},
	{"Bạc Liêu", int64(2016), int64(300), 1.25, true, day(2016, time.January, 2)},
	{nil, int64(2015), int64(7), 0.1, false, day(2015, time.December, 1)},
	{"Bà Rịa", int64(2014), int64(45), 0.75, true, day(2014, time.May, 5)},
}

// Provinces builds the provinces Frame with mem; the caller releases it.
func Provinces(t testing.TB, mem memory.Allocator) *frame.Frame {
	t.Helper()
	return Build(t, mem, ProvinceMeta, ProvinceSpecs, ProvinceRows...)
}
