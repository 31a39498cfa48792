package xlsxio

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/xuri/excelize/v2"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func newMem(t *testing.T) *memory.CheckedAllocator {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	return mem
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestRoundTrip(t *testing.T) {
	mem := newMem(t)
	sample := frametest.Sample(mem)
	defer sample.Release()
	empty := sample.Head(0)
	defer empty.Release()
	// Values a careless writer loses: floats that need 17 digits, int64
	// beyond 2^53, dates Excel cannot show, text with spaces, control
	// characters and escapes, empty text, trailing all-null rows, and
	// metadata present with an empty value.
	edge := frametest.Build(t, mem, map[string]string{"note": "", "period": "2016-2020"},
		[]frame.FieldSpec{
			{Name: "s", Kind: frame.String, Extra: map[string]string{"x": ""}},
			{Name: "i", Kind: frame.Int64, Unit: "year"},
			{Name: "f", Kind: frame.Float64},
			{Name: "b", Kind: frame.Bool},
			{Name: "d", Kind: frame.Date},
		},
		[]any{"  leading and trailing  ", int64(-9223372036854775808), 0.1 + 0.2, false, day(1900, time.January, 1)},
		[]any{"tab\tnew\nline\rcr\x01ctl _x0041_", int64(9223372036854775807), 5e-324, true, day(1900, time.February, 28)},
		[]any{"", int64(2024), 1.7976931348623157e308, nil, day(1900, time.March, 1)},
		[]any{"=1+1", nil, -0.0, nil, day(9999, time.December, 31)},
		[]any{"😀 Việt Nam", int64(1), 1e21, true, day(10000, time.January, 1)},
		[]any{nil, nil, nil, nil, nil},
		[]any{nil, nil, nil, nil, nil},
	)
	defer edge.Release()
	noCols := frametest.Build(t, mem, map[string]string{"dataset": "empty"}, nil)
	defer noCols.Release()

	for _, tc := range []struct {
		name string
		f    *frame.Frame
		o    Options
	}{
		{"sample", sample, Options{}},
		{"sample with labels", sample, Options{LabelRow: true, SheetName: "Bảng 1"}},
		{"no rows", empty, Options{}},
		{"edge values", edge, Options{}},
		{"no columns", noCols, Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tc.f, tc.o); err != nil {
				t.Fatal(err)
			}
			got, err := Read(bytes.NewReader(buf.Bytes()), Options{Allocator: mem})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Release()
			if !frame.Equal(got, tc.f) {
				t.Errorf("round trip differs:\ngot  %v\n%v\nwant %v\n%v", got.Schema(), got.Text(frame.TextOptions{}), tc.f.Schema(), tc.f.Text(frame.TextOptions{}))
			}
		})
	}
}

func TestWriteBook(t *testing.T) {
	mem := newMem(t)
	sample := frametest.Sample(mem)
	defer sample.Release()
	small := frametest.Build(t, mem, map[string]string{frame.MetaDataset: "small-ds"},
		[]frame.FieldSpec{{Name: "year", Kind: frame.Int64, Unit: "year"}}, []any{int64(2020)}, []any{int64(2021)})
	defer small.Release()

	sheets := []Sheet{
		{Name: "Phụ lục 1: Hiện trạng [2015/2016]*?", Frame: sample},
		{Name: "metadata", Frame: small},
		{Name: "PHỤ LỤC 1_ HIỆN TRẠNG _2015_2016", Frame: small},
		{Name: "", Frame: small},
		{Name: "'quoted'", Frame: sample},
		{Name: "Một tên rất dài, dài hơn ba mươi mốt ký tự", Frame: small},
		{Name: "Một tên rất dài, dài hơn ba mươi mốt ký tự nữa", Frame: small},
	}
	want := []string{
		"Phụ lục 1_ Hiện trạng _2015", // cut at a word's end

		"metadata (2)",
		"PHỤ LỤC 1_ HIỆN TRẠNG _2015 (2)",
		"small-ds",
		"quoted",
		"Một tên rất dài, dài hơn ba",
		"Một tên rất dài, dài hơn ba (2)",
	}
	var buf bytes.Buffer
	if err := WriteBook(&buf, sheets, Options{LabelRow: true}); err != nil {
		t.Fatal(err)
	}
	got, err := ReadBook(bytes.NewReader(buf.Bytes()), Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, s := range got {
			s.Frame.Release()
		}
	}()
	if len(got) != len(sheets) {
		t.Fatalf("read %d sheets, wrote %d", len(got), len(sheets))
	}
	for i, s := range got {
		if s.Name != want[i] {
			t.Errorf("sheet %d named %q, want %q", i, s.Name, want[i])
		}
		if n := lenUTF16(s.Name); n > 31 {
			t.Errorf("sheet %q has %d characters", s.Name, n)
		}
		if !frame.Equal(s.Frame, sheets[i].Frame) {
			t.Errorf("sheet %q differs from the Frame written", s.Name)
		}
	}

	// Read gives the first data sheet.
	first, err := Read(bytes.NewReader(buf.Bytes()), Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Release()
	if !frame.Equal(first, sample) {
		t.Errorf("Read did not give the first sheet")
	}

	if err := WriteBook(&buf, nil, Options{}); err == nil {
		t.Errorf("WriteBook of no sheets: no error")
	}
	if err := WriteBook(&buf, []Sheet{{Name: "x"}}, Options{}); err == nil {
		t.Errorf("WriteBook of a nil Frame: no error")
	}
}

// TestLayout opens a written workbook with excelize and checks what a
// reader of it in Excel sees.
func TestLayout(t *testing.T) {
	mem := newMem(t)
	f := frametest.Sample(mem)
	defer f.Release()
	var buf bytes.Buffer
	if err := Write(&buf, f, Options{LabelRow: true}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got, want := x.GetSheetList(), []string{"test-sample", "metadata"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	const sheet = "test-sample"

	for _, tc := range []struct {
		cell   string
		typ    excelize.CellType
		shown  string // formatted value
		bold   bool
		numFmt string
	}{
		{"A1", excelize.CellTypeSharedString, "unit_name", true, ""},
		{"E1", excelize.CellTypeSharedString, "report_date", true, ""},
		{"B2", excelize.CellTypeSharedString, "Số cán bộ (people)", false, ""},
		{"C2", excelize.CellTypeSharedString, "Kinh phí (triệu đồng) (million_vnd)", false, ""},
		{"A3", excelize.CellTypeSharedString, "Sở Thông tin và Truyền thông", false, ""},
		{"B3", excelize.CellTypeUnset, "1,201", false, "#,##0"},
		{"C3", excelize.CellTypeUnset, "9189.899", false, ""},
		{"D3", excelize.CellTypeBool, "TRUE", false, ""},
		{"E3", excelize.CellTypeUnset, "2015-03-31", false, "yyyy-mm-dd"},
		{"E4", excelize.CellTypeUnset, "", false, ""},        // null date: no cell
		{"A5", excelize.CellTypeUnset, "", false, ""},        // null text: no cell
		{"A7", excelize.CellTypeSharedString, "", false, ""}, // empty text: a cell
	} {
		typ, err := x.GetCellType(sheet, tc.cell)
		if err != nil {
			t.Fatal(err)
		}
		shown, _ := x.GetCellValue(sheet, tc.cell)
		if typ != tc.typ || shown != tc.shown {
			t.Errorf("%s: type %v value %q, want %v %q", tc.cell, typ, shown, tc.typ, tc.shown)
		}
		id, _ := x.GetCellStyle(sheet, tc.cell)
		st, _ := x.GetStyle(id)
		if bold := st.Font != nil && st.Font.Bold; bold != tc.bold {
			t.Errorf("%s: bold %v, want %v", tc.cell, bold, tc.bold)
		}
		if tc.numFmt != "" {
			code := ""
			if st.CustomNumFmt != nil {
				code = *st.CustomNumFmt
			} else if st.NumFmt == 3 {
				code = "#,##0"
			}
			if code != tc.numFmt {
				t.Errorf("%s: number format %q (id %d), want %q", tc.cell, code, st.NumFmt, tc.numFmt)
			}
		}
	}
	panes, err := x.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
		t.Errorf("panes %+v, want the two header rows frozen", panes)
	}
	for _, col := range []string{"A", "B", "C", "D", "E"} {
		w, err := x.GetColWidth(sheet, col)
		if err != nil || w < 6 || w > 60 {
			t.Errorf("column %s width %v (%v)", col, w, err)
		}
	}
	if w, _ := x.GetColWidth(sheet, "A"); w < 30 {
		t.Errorf("column A is %v wide, too narrow for its names", w)
	}

	rows, err := x.GetRows(MetadataSheet)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, "|"))
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{
		"sheet|rows|columns|header_rows\ntest-sample|6|5|2",
		"sheet|key|value\ntest-sample|dataset|test-sample\ntest-sample|document|Quyết định số 01/QĐ-UBND\n",
		"sheet|column|kind|label_vi|unit|description|source_unit\ntest-sample|unit_name|string|Tên đơn vị\n",
		"test-sample|budget_mvnd|float64|Kinh phí (triệu đồng)|million_vnd|vốn sự nghiệp|tỷ đồng\n",
		"test-sample|report_date|date|Ngày báo cáo",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metadata sheet lacks %q; it reads\n%s", want, text)
		}
	}
}

// edit writes f, lets change alter the workbook as a person in Excel
// might, and returns the bytes.
func edit(t *testing.T, f *frame.Frame, o Options, change func(x *excelize.File, sheet string)) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, f, o); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	change(x, x.GetSheetList()[0])
	var out bytes.Buffer
	if err := x.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestReadErrors(t *testing.T) {
	mem := newMem(t)
	f := frametest.Sample(mem)
	defer f.Release()
	for _, tc := range []struct {
		name   string
		change func(x *excelize.File, sheet string)
		want   []string // cell errors as "cell: text"
	}{
		{"text in int column", func(x *excelize.File, s string) {
			x.SetCellStr(s, "B3", "một nghìn")
			x.SetCellStr(s, "B5", "12,5")
		}, []string{"B3: một nghìn", "B5: 12,5"}},
		{"fraction in int column", func(x *excelize.File, s string) { x.SetCellFloat(s, "B4", 45.5, 1, 64) },
			[]string{"B4: 45.5"}},
		{"bad bool and date", func(x *excelize.File, s string) {
			x.SetCellStr(s, "D2", "có")
			x.SetCellStr(s, "E3", "31/12/1999")
			x.SetCellInt(s, "E4", 60)
		}, []string{"D2: có", "E3: 31/12/1999", "E4: 60"}},
		{"value outside the table", func(x *excelize.File, s string) { x.SetCellStr(s, "G3", "ghi chú") },
			[]string{"G3: ghi chú"}},
		{"header renamed", func(x *excelize.File, s string) { x.SetCellStr(s, "B1", "so_can_bo") },
			[]string{"B1: so_can_bo"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := edit(t, f, Options{}, tc.change)
			got, err := Read(bytes.NewReader(data), Options{Allocator: mem})
			if err == nil {
				got.Release()
				t.Fatal("no error")
			}
			var found []string
			for _, e := range unjoin(err) {
				var ce *CellError
				if !errors.As(e, &ce) {
					t.Errorf("error %v is not a *CellError", e)
					continue
				}
				if ce.Sheet != "test-sample" {
					t.Errorf("error %v names sheet %q", ce, ce.Sheet)
				}
				found = append(found, ce.Cell+": "+ce.Text)
			}
			if !slices.Equal(found, tc.want) {
				t.Errorf("errors at %q, want %q\n%v", found, tc.want, err)
			}
		})
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// TestReadEdited checks that rows added by hand are read, and that cells
// typed by hand in forms Excel users use are understood.
func TestReadEdited(t *testing.T) {
	mem := newMem(t)
	f := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "n", Kind: frame.Int64},
		{Name: "b", Kind: frame.Bool},
		{Name: "d", Kind: frame.Date},
		{Name: "s", Kind: frame.String},
	}, []any{int64(1), true, day(2020, time.May, 1), "a"})
	defer f.Release()
	data := edit(t, f, Options{}, func(x *excelize.File, s string) {
		x.SetCellFloat(s, "A3", 1201, 1, 64) // "1201.0"
		x.SetCellStr(s, "B3", "FALSE")
		x.SetCellStr(s, "C3", "2021-06-30")
		x.SetCellInt(s, "D3", 42)
		x.SetCellValue(s, "C4", time.Date(2022, 1, 2, 15, 4, 5, 0, time.UTC)) // date and time
		x.SetCellBool(s, "B4", false)
	})
	got, err := Read(bytes.NewReader(data), Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Release()
	want := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "n", Kind: frame.Int64},
		{Name: "b", Kind: frame.Bool},
		{Name: "d", Kind: frame.Date},
		{Name: "s", Kind: frame.String},
	},
		[]any{int64(1), true, day(2020, time.May, 1), "a"},
		[]any{int64(1201), false, day(2021, time.June, 30), "42"},
		[]any{nil, false, day(2022, time.January, 2), nil},
	)
	defer want.Release()
	if !frame.Equal(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
}

// TestReadInferred reads workbooks without a metadata sheet: written with
// NoMetadata, and made by hand.
func TestReadInferred(t *testing.T) {
	mem := newMem(t)
	sample := frametest.Sample(mem)
	defer sample.Release()
	var buf bytes.Buffer
	if err := Write(&buf, sample, Options{NoMetadata: true}); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()), Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer got.Release()
	// The values come back as a CSV file of them would: kinds inferred,
	// no metadata, the empty text null.
	var csvText bytes.Buffer
	if err := frame.WriteCSV(&csvText, sample, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	want, err := frame.ReadCSV(&csvText, frame.CSVOptions{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer want.Release()
	if !frame.Equal(got, want) {
		t.Errorf("NoMetadata workbook read as\n%v\nwant\n%v", got, want)
	}

	// A sheet named "metadata" is renamed even without the metadata sheet.
	var named bytes.Buffer
	if err := Write(&named, sample, Options{NoMetadata: true, SheetName: "Metadata"}); err != nil {
		t.Fatal(err)
	}
	renamed, err := ReadBook(bytes.NewReader(named.Bytes()), Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	if renamed[0].Name != "Metadata (2)" {
		t.Errorf("data sheet named %q", renamed[0].Name)
	}
	renamed[0].Frame.Release()

	// A workbook made in Excel: a header with a gap, numbers, booleans,
	// dates with Excel's default and a custom format, text.
	x := excelize.NewFile()
	defer x.Close()
	s := x.GetSheetList()[0]
	rows := [][]any{
		{"tinh", "nam", "", "ty_le", "dat", "ngay", "ngay2"},
		{" An Giang ", 2015, 3, 0.5, true, time.Date(2015, 3, 31, 0, 0, 0, 0, time.UTC), 42094},
		{"Cà Mau", 2016, nil, 1, false, time.Date(2016, 12, 1, 0, 0, 0, 0, time.UTC), nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(s, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	code := "dd/mm/yyyy"
	style, _ := x.NewStyle(&excelize.Style{CustomNumFmt: &code})
	x.SetCellStyle(s, "G2", "G3", style)
	x.NewSheet("Trống")
	var hand bytes.Buffer
	if err := x.Write(&hand); err != nil {
		t.Fatal(err)
	}
	book, err := ReadBook(bytes.NewReader(hand.Bytes()), Options{Allocator: mem})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, s := range book {
			s.Frame.Release()
		}
	}()
	if len(book) != 2 || book[0].Name != "Sheet1" || book[1].Name != "Trống" {
		t.Fatalf("sheets %v", book)
	}
	wantHand := frametest.Build(t, mem, nil, []frame.FieldSpec{
		{Name: "tinh", Kind: frame.String},
		{Name: "nam", Kind: frame.Int64},
		{Name: "C", Kind: frame.Int64},
		{Name: "ty_le", Kind: frame.Float64},
		{Name: "dat", Kind: frame.Bool},
		{Name: "ngay", Kind: frame.Date},
		{Name: "ngay2", Kind: frame.Date},
	},
		[]any{"An Giang", int64(2015), int64(3), 0.5, true, day(2015, time.March, 31), day(2015, time.March, 31)},
		[]any{"Cà Mau", int64(2016), nil, 1.0, false, day(2016, time.December, 1), nil},
	)
	defer wantHand.Release()
	if !frame.Equal(book[0].Frame, wantHand) {
		t.Errorf("hand-made sheet read as\n%v%v\nwant\n%v%v", book[0].Frame.Schema(), book[0].Frame, wantHand.Schema(), wantHand)
	}
	if book[1].Frame.NumCols() != 0 || book[1].Frame.NumRows() != 0 {
		t.Errorf("empty sheet read as %v", book[1].Frame)
	}
}

func TestReadMalformed(t *testing.T) {
	mem := newMem(t)
	f := frametest.Sample(mem)
	defer f.Release()
	var buf bytes.Buffer
	if err := Write(&buf, f, Options{}); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	noMetaRows := edit(t, f, Options{}, func(x *excelize.File, _ string) {
		x.SetCellStr(MetadataSheet, "A3", "no-such-sheet")
	})
	badKind := edit(t, f, Options{}, func(x *excelize.File, _ string) {
		rows, _ := x.GetRows(MetadataSheet)
		for i, r := range rows {
			if len(r) > 2 && r[1] == "staff" {
				cell, _ := excelize.CoordinatesToCellName(3, i+1)
				x.SetCellStr(MetadataSheet, cell, "integer")
			}
		}
	})
	for _, tc := range []struct {
		name string
		data []byte
		lim  limits
		want string
	}{
		{"empty", nil, defaultLimits, "xlsxio: "},
		{"not a zip", []byte("unit,staff\nA,1\n"), defaultLimits, "xlsxio: "},
		{"truncated", good[:len(good)/2], defaultLimits, "xlsxio: "},
		{"file too large", good, limits{file: 1000, unzip: 1 << 20, xmlInMemory: 1 << 20}, "larger than 1000 bytes"},
		{"unzips too large", good, limits{file: 1 << 20, unzip: 1000, xmlInMemory: 1000}, "xlsxio: "},
		{"unknown sheet in metadata", noMetaRows, defaultLimits, `"no-such-sheet": no such data sheet`},
		{"unknown kind in metadata", badKind, defaultLimits, `"integer": frame: unknown column kind`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sheets, err := readBook(bytes.NewReader(tc.data), mem, false, tc.lim)
			if err == nil {
				for _, s := range sheets {
					s.Frame.Release()
				}
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	mem := newMem(t)
	long := strings.Repeat("ạ", maxCellChars+1)
	f := frametest.Build(t, mem, nil, []frame.FieldSpec{{Name: "s", Kind: frame.String}}, []any{"ok"}, []any{long})
	defer f.Release()
	err := Write(&bytes.Buffer{}, f, Options{})
	var ce *CellError
	if !errors.As(err, &ce) || ce.Cell != "A3" {
		t.Errorf("long text: error %v, want one at A3", err)
	}
}

func TestSheetNames(t *testing.T) {
	n := newSheetNamer(MetadataSheet)
	for _, tc := range []struct{ in, want string }{
		{"data", "data"},
		{"DATA", "DATA (2)"},
		{"a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h"},
		{"''", "Sheet"},
		{"Metadata", "Metadata (2)"},
		{"😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"},
		{"line\nbreak", "line break"},
	} {
		if got := n.name(tc.in, "Sheet"); got != tc.want {
			t.Errorf("name(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
