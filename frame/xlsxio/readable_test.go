package xlsxio_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/xlsxio"
)

func readableFrame(t testing.TB) *frame.Frame {
	f, err := frame.FromRows(
		map[string]string{frame.MetaDataset: "soctrang-2010-computers-provincial", frame.MetaTitle: "Máy tính và cán bộ theo đơn vị cấp tỉnh, 2010"},
		[]frame.FieldSpec{
			{Name: "unit", Kind: frame.String, LabelVI: "Tên đơn vị"},
			{Name: "staff", Kind: frame.Int64, LabelVI: "Tổng số cán bộ, công chức", Unit: "people"},
			{Name: "planned_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí", Unit: "million_vnd"},
			{Name: "computers_per_staff_reported", Kind: frame.Float64, LabelVI: "Tỷ lệ máy tính/CBCC", Unit: "ratio"},
			{Name: "source_line", Kind: frame.Int64, LabelVI: "Dòng", Unit: "line"},
		},
		[][]any{
			{"Tỉnh ủy", 1201, 1500.5, 0.5969654469, 1401},
			{"Hội đồng Nhân dân", 32, 243.234, nil, 1419},
		})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestReadable: the workbook for officials shows Vietnamese headers with
// units in words, grouped numbers and percentages, prints on A4 landscape
// one page wide with its header repeated, lists its sheets on a contents
// sheet — and reads back to the same Frame.
func TestReadable(t *testing.T) {
	f := readableFrame(t)
	defer f.Release()
	var buf bytes.Buffer
	if err := xlsxio.WriteBook(&buf, []xlsxio.Sheet{{Name: f.Meta(frame.MetaDataset), Frame: f}}, xlsxio.Options{Readable: true}); err != nil {
		t.Fatal(err)
	}
	back, err := xlsxio.Read(bytes.NewReader(buf.Bytes()), xlsxio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Release()
	if !frame.Equal(back, f) {
		t.Fatalf("read back:\n%s\nwrote:\n%s", back, f)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// "soctrang-2010-computers-provincial" is 34 characters: cut at a word.
	const sheet = "soctrang-2010-computers"
	if got := x.GetSheetList(); strings.Join(got, "|") != "Mục lục|"+sheet+"|metadata" {
		t.Fatalf("sheets %v", got)
	}
	for cell, want := range map[string]string{
		"A1": "Tên đơn vị", "B1": "Tổng số cán bộ, công chức (người)", "C1": "Kinh phí (triệu đồng)", "D1": "Tỷ lệ máy tính/CBCC (%)",
		"A2": "unit", "B2": "staff", "D2": "computers_per_staff_reported",
		"B3": "1,201", "C3": "1,500.500", "D3": "59.70%",
	} {
		if got, _ := x.GetCellValue(sheet, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if v, _ := x.GetCellValue(sheet, "D3", excelize.Options{RawCellValue: true}); v != "0.5969654469" {
		t.Errorf("D3 holds %q, want the exact ratio", v)
	}
	lay, err := x.GetPageLayout(sheet)
	if err != nil || lay.Size == nil || *lay.Size != 9 || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.FitToWidth == nil || *lay.FitToWidth != 1 {
		t.Errorf("page layout %+v, %v", lay, err)
	}
	names := x.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" && n.Scope == sheet && strings.HasSuffix(n.RefersTo, "!$1:$2") {
			found = true
		}
	}
	if !found {
		t.Errorf("no print titles on %s: %+v", sheet, names)
	}
	if v, _ := x.GetCellValue("Mục lục", "B3"); v != "Máy tính và cán bộ theo đơn vị cấp tỉnh, 2010" {
		t.Errorf("contents B3 = %q", v)
	}
}

// A workbook an official opens and prints; it still reads back exactly.
func ExampleOptions_readable() {
	f, err := frame.FromRows(map[string]string{frame.MetaDataset: "staff-2015"},
		[]frame.FieldSpec{
			{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
			{Name: "staff", Kind: frame.Int64, LabelVI: "Số cán bộ", Unit: "people"},
		},
		[][]any{{"Sở Nội vụ", 1201}})
	if err != nil {
		log.Fatal(err)
	}
	defer f.Release()
	var buf bytes.Buffer
	if err := xlsxio.Write(&buf, f, xlsxio.Options{Readable: true}); err != nil {
		log.Fatal(err)
	}
	back, err := xlsxio.Read(&buf, xlsxio.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer back.Release()
	fmt.Println(frame.Equal(back, f))
	// Output: true
}
