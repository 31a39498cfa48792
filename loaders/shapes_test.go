package loaders_test

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// Tables in the shapes a planner's layout file declares beyond the
// built-in ones: rows keyed by a year or a name, an indicator × year
// matrix read long, rows of means kept as claims, and the forms of empty
// cells. Each is read from a layout file (ReadLayout), as `ictplan parse
// --layout-file` reads it, and every figure is compared with the table.

func readLayout(t *testing.T, toml string) loaders.Layout {
	t.Helper()
	l, err := loaders.ReadLayout(strings.NewReader(toml), "test.toml")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func parseCSV(t *testing.T, csv string, l loaders.Layout) *loaders.Table {
	t.Helper()
	tb, err := loaders.ParseCSV(strings.NewReader(csv), l, loaders.Options{File: "t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tb.Release)
	return tb
}

func parseErr(t *testing.T, csv string, l loaders.Layout) *loaders.Error {
	t.Helper()
	_, err := loaders.ParseCSV(strings.NewReader(csv), l, loaders.Options{File: "t.csv"})
	var e *loaders.Error
	if !errors.As(err, &e) {
		t.Fatalf("err = %v, want a *loaders.Error", err)
	}
	return e
}

// column returns a column's values as text ("" for null), for comparison.
func column(f *frame.Frame, name string) string {
	return strings.Join(f.Col(name).Strings(), "|")
}

const byYearLayout = `
name = "computers-by-year"
[[cells]]
name = "year"
kind = "year"
label = "Năm"
[[cells]]
name = "staff"
kind = "count"
label = "Số CBCC"
unit = "people"
[[cells]]
name = "computers"
kind = "count"
label = "Số máy tính"
unit = "count"
`

func TestRowsKeyedByYear(t *testing.T) {
	l := readLayout(t, byYearLayout)
	tb := parseCSV(t, "Năm,Số CBCC,Số máy tính\n2019,1.100,980\n2020,1.150,1.020\n2021,1.180,1.090\nTổng cộng,3.430,3.090\n", l)
	f := tb.Frame
	if got := column(f, "year"); got != "2019|2020|2021" {
		t.Errorf("year = %s", got)
	}
	if got := column(f, "staff"); got != "1100|1150|1180" {
		t.Errorf("staff = %s", got)
	}
	if got := column(f, "source_line"); got != "2|3|4" {
		t.Errorf("source_line = %s", got)
	}
	if len(tb.Totals) != 1 || tb.Totals[0].Line != 5 {
		t.Fatalf("totals = %+v", tb.Totals)
	}
	if v, _ := tb.Totals[0].Get("computers"); v.Value != 3090 {
		t.Errorf("total computers = %v", v.Value)
	}

	// a year twice, a row that is no year
	e := parseErr(t, "Năm,Số CBCC,Số máy tính\n2019,1.100,980\n2019,1.150,1.020\n", l)
	if e.Line != 3 || !errors.Is(e, loaders.ErrUnexpectedCell) || !strings.Contains(e.Expected, `each year once in its section: "2019" is also the row at line 2`) {
		t.Errorf("repeated year: %v", e)
	}
	e = parseErr(t, "Năm,Số CBCC,Số máy tính\n2019,1.100,980\nnăm sau,1.150,1.020\n", l)
	if e.Line != 3 || !strings.Contains(e.Expected, "a year in the first cell") {
		t.Errorf("not a year: %v", e)
	}
	// the one-cell-per-line text form does not read rows keyed by a year
	if _, err := loaders.ParseText([]byte("Năm\n\n2019\n\n1\n\n2\n"), l, loaders.Options{}); err == nil || !strings.Contains(err.Error(), "rows keyed by a year") {
		t.Errorf("text form: %v", err)
	}
}

const byNameLayout = `
name = "computers-by-unit"
[[cells]]
name = "unit"
kind = "text"
label = "Đơn vị"
headers = ["Cơ quan, đơn vị"]
[[cells]]
name = "staff"
kind = "count"
label = "Số CBCC"
headers = ["Tổng số cán bộ, công chức"]
unit = "people"
[[cells]]
name = "computers"
kind = "count"
label = "Số máy tính"
headers = ["Máy vi tính"]
unit = "count"
[[cells]]
name = "per_staff"
kind = "ratio"
label = "Tỷ lệ máy tính/CBCC"
unit = "percent"
`

func TestRowsKeyedByName(t *testing.T) {
	l := readLayout(t, byNameLayout)
	// the columns in another order, a header of two rows, a column of
	// notes the layout does not have, a row of means
	csv := "Cơ quan, đơn vị,Máy vi tính,Tổng số cán bộ, công chức,Tỷ lệ máy tính/CBCC,Ghi chú\n" +
		",(chiếc),(người),(%),\n" +
		"Sở Y tế,40,50,\"80,0\",\n" +
		"Sở Giáo dục và Đào tạo,54,60,\"90,0\",mới\n" +
		"Sở Tư pháp,21,30,\"70,0\",\n" +
		"Tỷ lệ trung bình,,,\"80,0\",\n" +
		"Tổng cộng,115,140,,\n"
	// the header row carries commas inside names: quote them
	csv = strings.Replace(csv, "Cơ quan, đơn vị,Máy vi tính,Tổng số cán bộ, công chức,", "\"Cơ quan, đơn vị\",Máy vi tính,\"Tổng số cán bộ, công chức\",", 1)
	tb := parseCSV(t, csv, l)
	f := tb.Frame
	if got := column(f, "unit"); got != "Sở Y tế|Sở Giáo dục và Đào tạo|Sở Tư pháp" {
		t.Errorf("unit = %s", got)
	}
	if got := column(f, "staff") + " " + column(f, "computers"); got != "50|60|30 40|54|21" {
		t.Errorf("staff computers = %s", got)
	}
	if got := column(f, "extra_1"); got != "|mới|" {
		t.Errorf("extra_1 = %s", got)
	}
	if len(tb.Totals) != 1 || len(tb.Means) != 1 || tb.Means[0].Line != 6 || tb.Means[0].Label != "Tỷ lệ trung bình" {
		t.Fatalf("totals %+v means %+v", tb.Totals, tb.Means)
	}
	means, err := tb.MeansFrame(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer means.Release()
	r, err := reconcile.Means("t", f, means, reconcile.Ratio{Reported: "per_staff", Numerator: "computers", Denominator: "staff"})
	if err != nil {
		t.Fatal(err)
	}
	// 80,0 is the mean of 80, 90 and 70; 115/140 = 82,1% is the other reading
	if r.Checks != 1 || len(r.Findings) != 0 {
		t.Errorf("means: %d checks, findings %+v", r.Checks, r.Findings)
	}

	// the same table with a mean that is neither reading: a finding
	bad := strings.Replace(csv, "Tỷ lệ trung bình,,,\"80,0\"", "Tỷ lệ trung bình,,,\"85,0\"", 1)
	tb2 := parseCSV(t, bad, l)
	means2, err := tb2.MeansFrame(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer means2.Release()
	r, err = reconcile.Means("t", tb2.Frame, means2, reconcile.Ratio{Reported: "per_staff", Numerator: "computers", Denominator: "staff"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 || r.Findings[0].SourceLine != 6 || r.Findings[0].Rule != reconcile.RuleMean ||
		!strings.Contains(r.Findings[0].Detail, "the mean of its 3 rows is 80") || !strings.Contains(r.Findings[0].Detail, "computers / staff over them is 82,14") {
		t.Errorf("findings %+v", r.Findings)
	}

	// a name twice in a section
	dup := strings.Replace(csv, "Sở Tư pháp", "Sở Y tế", 1)
	e := parseErr(t, dup, l)
	if e.Line != 5 || !strings.Contains(e.Expected, `each name once in its section: "Sở Y tế" is also the row at line 3`) {
		t.Errorf("repeated name: %v", e)
	}
}

const matrixLayout = `
name = "indicators-by-year"
[[cells]]
name = "no"
kind = "row number"
label = "STT"
[[cells]]
name = "indicator"
kind = "text"
label = "Chỉ tiêu"
[[cells]]
name = "unit"
kind = "text"
label = "Đơn vị tính"
headers = ["ĐVT"]

[matrix.key]
name = "year"
kind = "year"
label = "Năm"

[matrix.value]
name = "value"
kind = "number"
label = "Giá trị"
`

func TestMatrixByPosition(t *testing.T) {
	l := readLayout(t, matrixLayout)
	// read by position: the layout's three cells, then one column a year
	csv := "1,2,3,4,5,6\n" +
		",,,2021,2022,Năm 2023 (ước)\n" +
		"1,Tỷ lệ hồ sơ trực tuyến toàn trình,%,\"45,5\",\"60,2\",\"71,14%\"\n" +
		"2,Số hệ thống thông tin được phê duyệt cấp độ,hệ thống,3,x,9\n"
	l.EmptyTexts = []string{"x"}
	tb := parseCSV(t, csv, l)
	f := tb.Frame
	if got := strings.Join(f.Names(), ","); got != "no,indicator,unit,year,value,source_line" {
		t.Fatalf("columns %s", got)
	}
	if got := column(f, "year"); got != "2021|2022|2023|2021|2022|2023" {
		t.Errorf("year = %s", got)
	}
	if got := column(f, "value"); got != "45.5|60.2|71.14|3||9" {
		t.Errorf("value = %s", got)
	}
	if got := column(f, "indicator"); !strings.HasPrefix(got, "Tỷ lệ hồ sơ trực tuyến toàn trình|Tỷ lệ hồ sơ trực tuyến toàn trình|Tỷ lệ") {
		t.Errorf("indicator = %s", got)
	}
	if got := column(f, "source_line"); got != "3|3|3|4|4|4" {
		t.Errorf("source_line = %s", got)
	}
	if f.Meta("scope_column") != "year" {
		t.Errorf("scope_column = %q", f.Meta("scope_column"))
	}

	// a column after the layout's cells that names no year
	e := parseErr(t, strings.Replace(csv, "Năm 2023 (ước)", "Ghi chú", 1), l)
	if e.Line != 2 || e.Cell != 6 || !errors.Is(e, loaders.ErrHeaders) || !strings.Contains(e.Expected, "a year heading column 6") {
		t.Errorf("no year: %v", e)
	}
	// two columns of one year
	e = parseErr(t, strings.Replace(csv, "2022", "KH 2021", 1), l)
	if !strings.Contains(e.Expected, `each year once in the header: "2021" and "KH 2021" both give 2021`) {
		t.Errorf("year twice: %v", e)
	}
}

func TestMatrixByHeaders(t *testing.T) {
	l := readLayout(t, matrixLayout)
	l.Matrix.Value.Kind = loaders.Count
	// a planner's table: columns in another order, a note column, totals
	csv := "Chỉ tiêu,STT,2022,2023,ĐVT,Ghi chú\n" +
		"Máy tính cấp xã,1,420,480,chiếc,\n" +
		"Máy tính cấp huyện,2,310,330,chiếc,tăng\n" +
		"Tổng cộng,,730,800,,\n"
	tb := parseCSV(t, csv, l)
	f := tb.Frame
	if got := strings.Join(f.Names(), ","); got != "no,indicator,unit,extra_1,year,value,source_line" {
		t.Fatalf("columns %s", got)
	}
	if got := column(f, "value") + " " + column(f, "year") + " " + column(f, "extra_1"); got != "420|480|310|330 2022|2023|2022|2023 ||tăng|tăng" {
		t.Errorf("got %s", got)
	}
	if len(tb.Totals) != 2 || tb.Totals[0].Group != "2022" || tb.Totals[1].Group != "2023" {
		t.Fatalf("totals %+v", tb.Totals)
	}
	claims, err := tb.TotalsFrame(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer claims.Release()
	r, err := reconcile.Totals("t", f, claims)
	if err != nil {
		t.Fatal(err)
	}
	// 2022: 420 + 310 = 730 agrees; 2023: 480 + 330 = 810, reported 800
	if r.Checks != 2 || len(r.Findings) != 1 || r.Findings[0].Computed != 810 || r.Findings[0].Reported != 800 || r.Findings[0].SourceLine != 4 {
		t.Errorf("%d checks, findings %+v", r.Checks, r.Findings)
	}
}

func TestEmptyForms(t *testing.T) {
	l := readLayout(t, "empty_texts = [\"x\", \"…\"]\n"+byYearLayout)
	tb := parseCSV(t, "Năm,Số CBCC,Số máy tính\n2019,x,980\n2020,1.150,…\n", l)
	staff, comps := tb.Frame.Col("staff"), tb.Frame.Col("computers")
	if !staff.IsNull(0) || staff.IsNull(1) || !comps.IsNull(1) {
		t.Errorf("staff %s computers %s", column(tb.Frame, "staff"), column(tb.Frame, "computers"))
	}

	// lines of plain spaces in the one-cell-per-line form
	text := "STT\n\nĐơn vị\n\nSố CBCC\n\nSố máy tính\n\n1\n\nSở A\n\n \n\n12\n\n2\n\nSở B\n\n30\n\n25\n"
	computers := `
name = "simple"
[[cells]]
name = "no"
kind = "row number"
label = "STT"
[[cells]]
name = "unit"
kind = "text"
label = "Đơn vị"
[[cells]]
name = "staff"
kind = "count"
label = "Số CBCC"
[[cells]]
name = "computers"
kind = "count"
label = "Số máy tính"
`
	// by default a line of plain spaces separates cells: row 1 is a cell short
	if _, err := loaders.ParseText([]byte(text), readLayout(t, computers), loaders.Options{}); !errors.Is(err, loaders.ErrCellCount) {
		t.Errorf("default: %v", err)
	}
	tb, err := loaders.ParseText([]byte(text), readLayout(t, "empty_lines = \"spaces\"\n"+computers), loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := column(tb.Frame, "staff") + " " + column(tb.Frame, "computers"); got != "|30 12|25" {
		t.Errorf("spaces: %s", got)
	}
}

func TestLayoutFileShapesRoundTrip(t *testing.T) {
	l := readLayout(t, "mean_labels = [\"Bình quân chung\"]\nempty_texts = [\"x\"]\nempty_lines = \"spaces\"\ntotal_labels = [\"Tổng\"]\n"+matrixLayout)
	var b strings.Builder
	if err := l.WriteTOML(&b); err != nil {
		t.Fatal(err)
	}
	back := readLayout(t, b.String())
	if back.Matrix == nil || !reflect.DeepEqual(*back.Matrix, *l.Matrix) || back.Matrix.Value.Kind != loaders.Number ||
		strings.Join(back.MeanLabels, ",") != "Bình quân chung" || strings.Join(back.EmptyTexts, ",") != "x" ||
		back.EmptyLines != loaders.EmptySpaces || strings.Join(back.TotalLabels, ",") != "Tổng" {
		t.Errorf("read back %+v\nfrom\n%s", back, b.String())
	}
}

// FuzzParseShapes parses any CSV with the layouts of the shapes above: no
// panic, every error positioned, and a table read has rows whose lines
// are in the input, totals and means whose figures are numbers.
func FuzzParseShapes(f *testing.F) {
	f.Add([]byte("Năm,Số CBCC,Số máy tính\n2019,1.100,980\n2020,1.150,1.020\nTổng cộng,2.250,2.000\n"), uint8(0))
	f.Add([]byte("\"Cơ quan, đơn vị\",Máy vi tính,\"Tổng số cán bộ, công chức\",Tỷ lệ máy tính/CBCC,Ghi chú\nSở Y tế,40,50,\"80,0\",\nSở Tư pháp,21,30,\"70,0\",x\nTỷ lệ trung bình,,,\"75,0\",\n"), uint8(1))
	f.Add([]byte("1,2,3,4,5,6\n,,,2021,2022,Năm 2023 (ước)\n1,Tỷ lệ hồ sơ,%,\"45,5\",\"60,2\",\"71,14%\"\n2,Hệ thống,hệ thống,3,x,9\nTổng cộng,,,\"48,5\",,\n"), uint8(2))
	f.Add([]byte("Chỉ tiêu,STT,2022,2023,ĐVT,Ghi chú\nMáy tính cấp xã,1,420,480,chiếc,\nTổng cộng,,420,480,,\n"), uint8(2))
	var layouts []loaders.Layout
	for _, s := range []string{byYearLayout, byNameLayout, matrixLayout} {
		l, err := loaders.ReadLayout(strings.NewReader("empty_texts = [\"x\"]\n"+s), "fuzz.toml")
		if err != nil {
			f.Fatal(err)
		}
		layouts = append(layouts, l)
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		l := layouts[int(which)%len(layouts)]
		tb, err := loaders.ParseCSV(strings.NewReader(string(data)), l, loaders.Options{File: "fuzz.csv"})
		if err != nil {
			for _, e := range loaders.Errors(err) {
				if e.Err == nil || e.Line < 0 {
					t.Fatalf("bad error %+v", e)
				}
			}
			return
		}
		defer tb.Release()
		n := strings.Count(string(data), "\n") + 1
		if tb.Frame.NumRows() == 0 {
			t.Fatal("success with no rows")
		}
		for _, line := range tb.Frame.Col("source_line").Int64s() {
			if line < 1 || int(line) > n {
				t.Fatalf("source_line %d outside 1..%d", line, n)
			}
		}
		for _, tot := range append(append([]loaders.Total{}, tb.Totals...), tb.Means...) {
			for _, v := range tot.Values {
				if !v.IsText && (math.IsNaN(v.Value) || math.IsInf(v.Value, 0)) {
					t.Fatalf("total %q: %s = %v", tot.Label, v.Column, v.Value)
				}
			}
		}
	})
}

// A planner's table of indicators by year, read long with a layout file:
// one row per indicator and year, "x" an empty cell, and the total row's
// figure of each year kept as a claim on that year's rows.
func ExampleMatrix() {
	layout := `
name = "indicators-by-year"
empty_texts = ["x"]

[[cells]]
name = "no"
kind = "row number"
label = "STT"
[[cells]]
name = "indicator"
kind = "text"
label = "Chỉ tiêu"

[matrix.key]
name = "year"
kind = "year"
label = "Năm"

[matrix.value]
name = "computers"
kind = "count"
label = "Số máy tính"
`
	table := "STT,Chỉ tiêu,Năm 2022,Năm 2023\n" +
		"1,Cấp xã,420,480\n" +
		"2,Cấp huyện,310,x\n" +
		"Tổng cộng,,730,480\n"
	l, err := loaders.ReadLayout(strings.NewReader(layout), "indicators.toml")
	if err != nil {
		fmt.Println(err)
		return
	}
	tb, err := loaders.ParseCSV(strings.NewReader(table), l, loaders.Options{File: "indicators.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer tb.Release()
	fmt.Print(tb.Frame.Text(frame.TextOptions{}))
	for _, tot := range tb.Totals {
		v, _ := tot.Get("computers")
		fmt.Printf("%s %s: %s (line %d)\n", tot.Label, tot.Group, v.Text, tot.Line)
	}
	// Output:
	// no  indicator  year  computers  source_line
	// --  ---------  ----  ---------  -----------
	//  1  Cấp xã     2022        420            2
	//  1  Cấp xã     2023        480            2
	//  2  Cấp huyện  2022        310            3
	//  2  Cấp huyện  2023                       3
	// Tổng cộng 2022: 730 (line 4)
	// Tổng cộng 2023: 480 (line 4)
}

// TestMatrixMergedHeader: a Word table's header of two rows, "Kết quả
// thực hiện" merged over the year columns and the years under it; the
// columns under the merged cell have no header text of their own in the
// first row and are still read, each with its year.
func TestMatrixMergedHeader(t *testing.T) {
	l := readLayout(t, matrixLayout)
	csv := "STT,Chỉ tiêu,Đơn vị tính,Kết quả thực hiện,,\n" +
		",,,2021,2022,2023\n" +
		"1,Tỷ lệ hồ sơ trực tuyến toàn trình,%,\"12,5\",\"35,7\",\"61,2\"\n" +
		"2,Số nền tảng số dùng chung,nền tảng,2,4,7\n"
	tb := parseCSV(t, csv, l)
	if got := column(tb.Frame, "year") + " " + column(tb.Frame, "value"); got != "2021|2022|2023|2021|2022|2023 12.5|35.7|61.2|2|4|7" {
		t.Errorf("got %s", got)
	}
	if tb.Columns == nil || !strings.Contains(tb.Columns.String(), `value@2022                     column 5 "2022" (the figures of 2022, read long)`) {
		t.Errorf("explain:\n%s", tb.Columns)
	}
}

// TestUnheadedColumnKept: a table matched by its headers with a column
// that has no header text but holds figures keeps that column (extra_N),
// never drops it unseen.
func TestUnheadedColumnKept(t *testing.T) {
	l := readLayout(t, byNameLayout)
	csv := "\"Cơ quan, đơn vị\",Máy vi tính,\"Tổng số cán bộ, công chức\",,Tỷ lệ máy tính/CBCC\n" +
		"Sở Y tế,40,50,dự kiến,\"80,0\"\n"
	tb := parseCSV(t, csv, l)
	if got := column(tb.Frame, "extra_1"); got != "dự kiến" {
		t.Errorf("extra_1 = %q; columns %v", got, tb.Frame.Names())
	}
}
