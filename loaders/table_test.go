package loaders

import (
	"bytes"
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/frame"
	"golang.org/x/text/unicode/norm"
)

// cellText writes cells in the one-cell-per-line form of the sources: one
// cell a line, cells separated by a blank line, an empty cell ("") as a
// line holding a no-break space. Cell k (0-based) is on line 2k+1.
func cellText(cells ...string) []byte {
	var b strings.Builder
	for k, c := range cells {
		if k > 0 {
			b.WriteString("\n\n")
		}
		if c == "" {
			c = "\u00a0"
		}
		b.WriteString(c)
	}
	b.WriteString("\n")
	return []byte(b.String())
}

// cellLine is the line of cell k (0-based) in cellText's output.
func cellLine(k int) int { return 2*k + 1 }

// parseChecked parses with a checked allocator and fails the test if the
// parse leaks memory, whatever its outcome.
func parseChecked(t *testing.T, text []byte, l Layout, o Options) (*Table, error) {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	t.Cleanup(func() { mem.AssertSize(t, 0) })
	o.Allocator = mem
	tb, err := ParseText(text, l, o)
	if err == nil {
		t.Cleanup(tb.Release)
	}
	return tb, err
}

func csvOf(t *testing.T, f *frame.Frame) string {
	t.Helper()
	var b bytes.Buffer
	if err := frame.WriteCSV(&b, f, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func wantCSV(t *testing.T, f *frame.Frame, want string) {
	t.Helper()
	if got := csvOf(t, f); got != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", got, want)
	}
}

func wantTotal(t *testing.T, tb *Table, i int, label string, line int, col string, value float64, text string) {
	t.Helper()
	if i >= len(tb.Totals) {
		t.Fatalf("%d totals, want at least %d", len(tb.Totals), i+1)
	}
	tot := tb.Totals[i]
	if tot.Label != label || tot.Line != line {
		t.Errorf("total %d: %q at line %d, want %q at line %d", i, tot.Label, tot.Line, label, line)
	}
	v, ok := tot.Get(col)
	if !ok {
		t.Fatalf("total %q has no %s", label, col)
	}
	if v.Value != value || v.Text != text {
		t.Errorf("total %q %s = %v (%q), want %v (%q)", label, col, v.Value, v.Text, value, text)
	}
}

func TestParseTextITStaff(t *testing.T) {
	text := cellText(
		"PHỤ LỤC 1", "HIỆN TRẠNG NGUỒN NHÂN LỰC CNTT", "STT", "TÊN ĐƠN VỊ", "Tổng số CB trong ĐV", "Đại học", // 0-5
		"I. CÁC SỞ, NGÀNH TỈNH",                                           // 6
		"1", "Sở  Công thương", "33", "0", "1", "0", "6", "17", "7", "25", // 7-16
		"2", "Sở Y tế", "", "0", "0", "0", "15", "10", "5", "4", // 17-26
		"II. CÁC HUYỆN, THÀNH PHỐ",                                                              // 27
		"3", "Văn phòng HĐND & UBND huyện Kế Sách", "1,025", "1", "0", "0", "3", "10", "", "19", // 28-37
		"TỔNG CỘNG", "1,058", "1", "1", "0", "24", "37", "12", "48", "", // 38-47
	)
	tb, err := parseChecked(t, text, ITStaff, Options{File: "kh.txt", Appendix: "1", Meta: map[string]string{"dataset": "x"}})
	if err != nil {
		t.Fatal(err)
	}
	wantCSV(t, tb.Frame, `group,no,unit,staff_total,it_university,it_college,it_vocational,cert_b,cert_a,basic_user,email_users,source_line
"I. CÁC SỞ, NGÀNH TỈNH",1,Sở Công thương,33,0,1,0,6,17,7,25,15
"I. CÁC SỞ, NGÀNH TỈNH",2,Sở Y tế,,0,0,0,15,10,5,4,35
"II. CÁC HUYỆN, THÀNH PHỐ",3,Văn phòng HĐND & UBND huyện Kế Sách,1025,1,0,0,3,10,,19,57
`)
	if tb.Convention != Undecided {
		t.Errorf("convention %v: no token of this table decides it", tb.Convention)
	}
	if len(tb.Totals) != 1 {
		t.Fatalf("%d totals, want 1", len(tb.Totals))
	}
	wantTotal(t, tb, 0, "TỔNG CỘNG", cellLine(38), "staff_total", 1058, "1,058")
	wantTotal(t, tb, 0, "TỔNG CỘNG", cellLine(38), "email_users", 48, "48")
	if v, _ := tb.Totals[0].Get("staff_total"); v.Line != cellLine(39) {
		t.Errorf("staff_total total at line %d, want %d", v.Line, cellLine(39))
	}
	if tb.Totals[0].Group != "" {
		t.Errorf("grand total has group %q", tb.Totals[0].Group)
	}
	if tb.FirstLine != 1 || tb.LastLine != cellLine(47) {
		t.Errorf("table lines %d–%d, want 1–%d", tb.FirstLine, tb.LastLine, cellLine(47))
	}
	if got := tb.Frame.Meta("dataset"); got != "x" {
		t.Errorf("meta dataset = %q", got)
	}
	if got := tb.Frame.Meta(frame.MetaLayout); got != "it-staff" {
		t.Errorf("meta layout = %q", got)
	}
	if got := tb.Frame.Meta(frame.MetaSourceFile); got != "kh.txt" {
		t.Errorf("meta source_file = %q", got)
	}
	if got := strings.Join(tb.Frame.Names(), ","); got != strings.Join(ITStaff.ColumnNames(), ",") {
		t.Errorf("columns %s, want %s", got, strings.Join(ITStaff.ColumnNames(), ","))
	}
	for _, fs := range tb.Frame.Fields() {
		if fs.Name == "staff_total" && (fs.Unit != "people" || fs.LabelVI != "Tổng số CB trong ĐV") {
			t.Errorf("staff_total field %+v", fs)
		}
	}
}

func TestParseTextComputers(t *testing.T) {
	text := cellText(
		"Mã số", "Tên đơn vị", "Tổng số cán bộ", "A", "B", // 0-4
		"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", // 5-13
		"2", "Hội đồng Nhân dân", "32", "35", "26", "26", "1.09375", "0.74286", "0.74286", // 14-22
		"3", "Văn phòng Đoàn ĐBQH", "0", "0", "0", "0", "0", "0", "0", // 23-31
		"TỔNG/BÌNH QUÂN", "191", "177", "42", "113", "0.92670", "0.63842", "0.23729", "", // 32-40
	)
	tb, err := parseChecked(t, text, Computers, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantCSV(t, tb.Frame, `code,unit,staff,computers,internet_computers,lan_computers,computers_per_staff_reported,lan_share_reported,internet_share_reported,source_line
1,Tỉnh ủy,159,142,16,87,0.89308,0.61268,0.11268,11
2,Hội đồng Nhân dân,32,35,26,26,1.09375,0.74286,0.74286,29
3,Văn phòng Đoàn ĐBQH,0,0,0,0,0,0,0,47
`)
	if tb.Convention != CommaThousands || !strings.Contains(tb.ConventionReason, `"0.89308" at line 23`) {
		t.Errorf("convention %v (%s), want comma-thousands detected from 0.89308 at line 23", tb.Convention, tb.ConventionReason)
	}
	wantTotal(t, tb, 0, "TỔNG/BÌNH QUÂN", cellLine(32), "staff", 191, "191")
	wantTotal(t, tb, 0, "TỔNG/BÌNH QUÂN", cellLine(32), "computers_per_staff_reported", 0.9267, "0.92670")
	if v, _ := tb.Totals[0].Get("computers_per_staff_reported"); v.Decimals != 5 {
		t.Errorf("decimals of 0.92670 = %d, want 5", v.Decimals)
	}
}

func TestParseTextProjects2009(t *testing.T) {
	text := cellText(
		"STT", "TÊN DỰ ÁN", "MỤC TIÊU", "THỜI GIAN THỰC HIỆN", "DỰ KIẾN KINH PHÍ", // 0-4
		"1", "Một cửa điện tử", "Cung cấp dịch vụ", "2009-2010", "9,189,899,000", "Thí điểm", "750,000,000", "Thiếu kinh phí", // 5-12
		"2", "Thư điện tử", "Hộp thư cho CBCC", "2010", "3,613,943,000", "Đang triển khai", "Chưa được bố trí", "", // 13-20
		"TỔNG CỘNG", "12,803,842,000", "", "750,000,000", "", // 21-25
	)
	tb, err := parseChecked(t, text, Projects2009, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantCSV(t, tb.Frame, `no,project,objective,period_start,period_end,planned_mvnd,status,funded_mvnd,funding_text,note,source_line
1,Một cửa điện tử,Cung cấp dịch vụ,2009,2010,9189.899,Thí điểm,750,,Thiếu kinh phí,11
2,Thư điện tử,Hộp thư cho CBCC,2010,2010,3613.943,Đang triển khai,,Chưa được bố trí,,27
`)
	if tb.MoneyUnit != Dong {
		t.Errorf("money unit %v, want đồng (the layout's)", tb.MoneyUnit)
	}
	wantTotal(t, tb, 0, "TỔNG CỘNG", cellLine(21), "planned_mvnd", 12803.842, "12,803,842,000")
	wantTotal(t, tb, 0, "TỔNG CỘNG", cellLine(21), "funded_mvnd", 750, "750,000,000")
	for _, fs := range tb.Frame.Fields() {
		if fs.Name == "planned_mvnd" && (fs.Unit != "million_vnd" || fs.Extra[frame.MetaSourceUnit] != "đồng") {
			t.Errorf("planned_mvnd field %+v, want unit million_vnd from đồng", fs)
		}
	}
}

func TestParseTextProjectsPlan(t *testing.T) {
	rows := []string{
		"1", "Mạng nội bộ", "Hoàn thiện mạng", "2011-2012", "2,5", "1", "1,5", "0", "0", "", // 0-9 (after 2 header cells)
		"2", "Thư điện tử", "Hộp thư", "2011 – 2015", "0,75", "0", "0", "0,25", "0,5", "Ghi chú", // 10-19
		"TỔNG CỘNG", "3,25", "1", "1,5", "0,25", "0,5", // 20-25
	}
	text := cellText(append([]string{"BẢNG TỔNG HỢP", "Đơn vị tính: tỷ đồng"}, rows...)...)
	tb, err := parseChecked(t, text, ProjectsPlan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantCSV(t, tb.Frame, `no,project,objective,period_start,period_end,total_mvnd,invest_central_mvnd,invest_local_mvnd,recurrent_central_mvnd,recurrent_local_mvnd,note,source_line
1,Mạng nội bộ,Hoàn thiện mạng,2011,2012,2500,1000,1500,0,0,,5
2,Thư điện tử,Hộp thư,2011,2015,750,0,0,250,500,Ghi chú,25
`)
	if tb.MoneyUnit != Billion || tb.Convention != DotThousands {
		t.Errorf("unit %v, convention %v; want tỷ đồng from the header, dot-thousands from 2,5", tb.MoneyUnit, tb.Convention)
	}
	wantTotal(t, tb, 0, "TỔNG CỘNG", cellLine(2+20), "total_mvnd", 3250, "3,25")

	// Options.Unit overrides the table's unit line.
	tb2, err := parseChecked(t, text, ProjectsPlan, Options{Unit: "triệu đồng"})
	if err != nil {
		t.Fatal(err)
	}
	if got := tb2.Frame.Col("total_mvnd").Float64s(); got[0] != 2.5 || got[1] != 0.75 {
		t.Errorf("with Unit triệu đồng: total_mvnd %v, want [2.5 0.75]", got)
	}
	if _, err := ParseText(text, ProjectsPlan, Options{Unit: "USD"}); err == nil {
		t.Error("Unit USD: no error")
	}

	// Without a unit line the layout's unit (triệu đồng) applies.
	tb3, err := parseChecked(t, cellText(rows...), ProjectsPlan, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := tb3.Frame.Col("total_mvnd").Float64s(); got[0] != 2.5 {
		t.Errorf("layout unit: total_mvnd %v, want 2.5 first", got)
	}
}

func TestParseTextDashZero(t *testing.T) {
	l := ProjectsPlan
	l.Name, l.DashZero = "projects-plan-dash", true
	text := cellText("1", "Mạng", "Mục tiêu", "2011", "1.500", "-", "1.500", "–", "-", "")
	tb, err := parseChecked(t, text, l, Options{Convention: DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	wantCSV(t, tb.Frame, `no,project,objective,period_start,period_end,total_mvnd,invest_central_mvnd,invest_local_mvnd,recurrent_central_mvnd,recurrent_local_mvnd,note,source_line
1,Mạng,Mục tiêu,2011,2011,1500,0,1500,0,0,,1
`)
	// Without DashZero a dash is not a number.
	noDash := ProjectsPlan
	noDash.Name, noDash.DashZero = "projects-plan-nodash", false
	_, err = parseChecked(t, text, noDash, Options{Convention: DotThousands})
	wantErrors(t, err, []wantErr{{cellLine(5), ErrNotNumber}, {cellLine(7), ErrNotNumber}, {cellLine(8), ErrNotNumber}})
}

// wantErr is one expected positioned error.
type wantErr struct {
	line int
	err  error
}

// wantErrors checks that err is a list of positioned errors with exactly
// these lines and sentinels, in order, each with a message.
func wantErrors(t *testing.T, err error, want []wantErr) []*Error {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", want)
	}
	got := Errors(err)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i].Line == want[i].line && errors.Is(got[i], want[i].err)
	}
	if !ok {
		var b strings.Builder
		for _, e := range got {
			b.WriteString("\n\t" + e.Error())
		}
		t.Fatalf("errors:%s\nwant (line, sentinel) %v", b.String(), want)
	}
	for i, e := range got {
		if !errors.Is(err, want[i].err) {
			t.Errorf("errors.Is(err, %v) = false", want[i].err)
		}
		if e.Err == nil || e.Error() == "" {
			t.Errorf("error %d has no sentinel or message: %#v", i, e)
		}
	}
	return got
}

func TestParseTextHandWrittenErrors(t *testing.T) {
	cases := []struct {
		name   string
		layout Layout
		opts   Options
		cells  []string
		want   []wantErr
	}{
		{
			name: "mixed conventions", layout: Computers,
			cells: []string{"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0,61268", "0.11268"},
			want:  []wantErr{{cellLine(7), ErrMixedConvention}},
		},
		{
			name: "ambiguous amounts", layout: ProjectsPlan,
			cells: []string{"1", "Mạng", "Mục tiêu", "2011", "24,000", "10,000", "14,000", "0", "0", ""},
			want:  []wantErr{{cellLine(4), ErrAmbiguousNumber}, {cellLine(5), ErrAmbiguousNumber}, {cellLine(6), ErrAmbiguousNumber}},
		},
		{
			name: "no rows", layout: ITStaff,
			cells: []string{"STT", "TÊN ĐƠN VỊ", "Tổng số CB trong ĐV"},
			want:  []wantErr{{1, ErrTruncated}},
		},
		{
			name: "empty input", layout: ITStaff,
			cells: nil,
			want:  []wantErr{{0, ErrTruncated}},
		},
		{
			name: "row cut at the end", layout: Computers,
			cells: []string{"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", "2", "Hội đồng", "32"},
			want:  []wantErr{{cellLine(9), ErrTruncated}},
		},
		{
			name: "row number cut at the end", layout: Computers,
			cells: []string{"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", "2"},
			want:  []wantErr{{cellLine(9), ErrTruncated}},
		},
		{
			name: "period ends before it starts", layout: Projects2009,
			cells: []string{"1", "Một cửa", "Mục tiêu", "2010-2009", "1,000,000", "Đang", "", ""},
			want:  []wantErr{{cellLine(3), ErrNotNumber}},
		},
		{
			name: "rows out of sequence", layout: Computers,
			cells: []string{
				"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268",
				"3", "Hội đồng", "32", "35", "26", "26", "1.09375", "0.74286", "0.74286",
			},
			want: []wantErr{{cellLine(9), ErrUnexpectedCell}},
		},
		{
			name: "first row not 1", layout: Computers,
			cells: []string{"2", "Hội đồng", "32", "35", "26", "26", "1.09375", "0.74286", "0.74286"},
			want:  []wantErr{{1, ErrUnexpectedCell}},
		},
		{
			name: "total with too many cells", layout: Computers,
			cells: []string{"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", "TỔNG", "1", "2", "3", "4", "5", "6", "7", "8"},
			want:  []wantErr{{cellLine(17), ErrCellCount}},
		},
		{
			name: "text in a total", layout: Computers,
			cells: []string{"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", "TỔNG", "159", "nhiều"},
			want:  []wantErr{{cellLine(11), ErrNotNumber}},
		},
		{
			name: "stray cell between rows", layout: ITStaff,
			cells: []string{"I. SỞ", "Ghi chú lạc", "1", "Sở A", "1", "0", "0", "0", "0", "1", "0", "1"},
			want:  []wantErr{{cellLine(1), ErrUnexpectedCell}},
		},
		{
			name: "wrong convention given", layout: Computers, opts: Options{Convention: DotThousands},
			cells: []string{"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "1", "0,5"},
			want:  []wantErr{{cellLine(6), ErrNotNumber}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := cellText(tc.cells...)
			if tc.cells == nil {
				text = nil
			}
			tc.opts.File = "t.txt"
			_, err := parseChecked(t, text, tc.layout, tc.opts)
			for _, e := range wantErrors(t, err, tc.want) {
				if e.File != "t.txt" {
					t.Errorf("error without file name: %v", e)
				}
			}
		})
	}
}

func TestParseTextErrorFields(t *testing.T) {
	text := cellText("1", "Tỉnh ủy", "một trăm", "142", "16", "87", "0.89308", "0.61268", "0.11268")
	_, err := ParseText(text, Computers, Options{File: "t.txt"})
	es := wantErrors(t, err, []wantErr{{cellLine(2), ErrNotNumber}})
	e := es[0]
	if e.Cell != 3 || e.Column != "staff" || e.Text != "một trăm" || !strings.Contains(e.Expected, "whole number") {
		t.Errorf("error fields %#v", e)
	}
	if got, want := e.Error(), `t.txt:5: cell 3 (staff) not a number: found "một trăm", expected a whole number`; !strings.HasPrefix(got, want) {
		t.Errorf("message %q, want prefix %q", got, want)
	}
}

func TestLayouts(t *testing.T) {
	var names []string
	for _, l := range Layouts() {
		names = append(names, l.Name)
	}
	// the dx layouts register themselves from package loaders/dxtext
	if got := strings.Join(names, ","); got != "computers,it-staff,projects-2009,projects-plan" {
		t.Errorf("layouts %s", got)
	}
	if _, err := LookupLayout("dx-results-2099"); !errors.Is(err, ErrUnknownLayout) {
		t.Errorf("LookupLayout(unknown) = %v, want ErrUnknownLayout", err)
	}
	l, err := LookupLayout("projects-plan")
	if err != nil || l.Name != ProjectsPlan.Name || len(l.Cells) != 10 {
		t.Errorf("LookupLayout(projects-plan) = %v, %v", l.Name, err)
	}
	for _, bad := range []Layout{
		{Name: "one-cell", Cells: []CellSpec{{Kind: RowNumber, Name: "no"}}},
		{Name: "", Cells: ITStaff.Cells},
		{Name: "no-key", Cells: []CellSpec{{Kind: Count, Name: "a"}, {Kind: Count, Name: "b"}}},
		{Name: "twice", Cells: []CellSpec{{Kind: RowNumber, Name: "no"}, {Kind: Count, Name: "no"}}},
		{Name: "reserved", Cells: []CellSpec{{Kind: RowNumber, Name: "no"}, {Kind: Count, Name: "source_line"}}},
		{Name: "no-aux", Cells: []CellSpec{{Kind: RowNumber, Name: "no"}, {Kind: Period, Name: "p"}}},
	} {
		if err := RegisterLayout(bad); err == nil {
			t.Errorf("RegisterLayout(%q) accepted an invalid layout", bad.Name)
		}
		if _, err := ParseText(cellText("1", "x"), bad, Options{}); err == nil {
			t.Errorf("ParseText with invalid layout %q: no error", bad.Name)
		}
	}
}

// The 2010 source: Kế hoạch 21/KH-UBND of Sóc Trăng, one cell per line.
const source2010 = "../datasets/sources/soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"

// appendix2010 is one appendix of the 2010 source.
type appendix2010 struct {
	id       string
	layout   Layout
	heading  int // line of "PHỤ LỤC <id>"
	rows     int
	first    int // source_line of the first row
	last     int // source_line of the last row
	totalsAt int // line of the total label
}

var appendices2010 = []appendix2010{
	{"1", ITStaff, 683, 31, 714, 1318, 1338},
	{"2", Computers, 1358, 27, 1401, 1869, 1887},
	{"3", Computers, 1905, 22, 1948, 2326, 2344},
	{"4", Projects2009, 2362, 5, 2383, 2447, 2463},
	{"5", ProjectsPlan, 2475, 13, 2502, 2742, 2762},
}

// sourceLines returns the lines of the 2010 source, without line ends:
// lines[n-1] is line n. strings.Join(lines, "\n") is the source again.
func sourceLines(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(source2010)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// edited returns the source with some lines changed: edit gets a copy of
// the lines and may change them in place (keeping line numbers) or cut
// them.
func editedSource(t testing.TB, edit func(l []string) []string) []byte {
	l := append([]string(nil), sourceLines(t)...)
	return []byte(strings.Join(edit(l), "\n"))
}

func setLine(n int, s string) func([]string) []string {
	return func(l []string) []string { l[n-1] = s; return l }
}

func swapLines(a, b int) func([]string) []string {
	return func(l []string) []string { l[a-1], l[b-1] = l[b-1], l[a-1]; return l }
}

func cutAfter(n int) func([]string) []string {
	return func(l []string) []string { return l[:n] }
}

func TestParseTextSource2010(t *testing.T) {
	src := editedSource(t, func(l []string) []string { return l })
	for _, a := range appendices2010 {
		t.Run("Phụ lục "+a.id, func(t *testing.T) {
			tb, err := parseChecked(t, src, a.layout, Options{File: "kh21.txt", Appendix: a.id, Convention: CommaThousands})
			if err != nil {
				t.Fatal(err)
			}
			lines := tb.Frame.Col("source_line").Int64s()
			if len(lines) != a.rows || lines[0] != int64(a.first) || lines[len(lines)-1] != int64(a.last) {
				t.Errorf("%d rows at lines %d…%d, want %d rows at %d…%d", len(lines), lines[0], lines[len(lines)-1], a.rows, a.first, a.last)
			}
			if len(tb.Totals) != 1 || tb.Totals[0].Line != a.totalsAt {
				t.Errorf("totals %+v, want one at line %d", tb.Totals, a.totalsAt)
			}
			if tb.FirstLine != a.heading {
				t.Errorf("table starts at line %d, want the heading's %d", tb.FirstLine, a.heading)
			}
			// Without a convention, the tables that decide it give the same frame.
			tu, err := parseChecked(t, src, a.layout, Options{File: "kh21.txt", Appendix: a.id})
			switch a.id {
			case "5": // 24,000 ... : nothing decides
				if !errors.Is(err, ErrAmbiguousNumber) {
					t.Fatalf("Phụ lục 5 without a convention: %v, want ErrAmbiguousNumber", err)
				}
				es := Errors(err)
				if es[0].Line != 2510 || es[0].Text != "24,000" {
					t.Errorf("first ambiguity %v, want line 2510 \"24,000\"", es[0])
				}
				for _, e := range es {
					if !errors.Is(e, ErrAmbiguousNumber) || e.Line < 2510 || e.Line > 2772 {
						t.Errorf("unexpected %v", e)
					}
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				if a, b := csvOf(t, tu.Frame), csvOf(t, tb.Frame); a != b {
					t.Errorf("undecided convention gives another frame:\n%s\nwant\n%s", a, b)
				}
			}
		})
	}
}

// TestParseTextSource2010Variants mutates the real source: every variant
// must fail with positioned errors at the right lines, never panic.
func TestParseTextSource2010Variants(t *testing.T) {
	const last = 2772 // the last line of the source (25,500)
	byID := map[string]appendix2010{}
	for _, a := range appendices2010 {
		byID[a.id] = a
	}
	cases := []struct {
		name     string
		appendix string
		edit     func([]string) []string
		want     []wantErr
	}{
		// Phụ lục 1: IT staff
		{"1/cell removed", "1", setLine(720, ""), []wantErr{{714, ErrCellCount}}},
		{"1/empty cell removed", "1", setLine(852, ""), []wantErr{{834, ErrCellCount}}},
		{"1/cell added", "1", setLine(721, "5"), []wantErr{{714, ErrCellCount}}},
		{"1/unit and staff swapped", "1", swapLines(716, 718), []wantErr{{718, ErrNotNumber}}},
		{"1/cell moved across rows", "1", swapLines(732, 734), []wantErr{{734, ErrUnexpectedCell}}},
		{"1/row number and unit swapped", "1", swapLines(734, 736), []wantErr{{714, ErrCellCount}}},
		{"1/text in a count", "1", setLine(718, "ba mươi ba"), []wantErr{{718, ErrNotNumber}}},
		{"1/fraction in a count", "1", setLine(720, "0,5"), []wantErr{{720, ErrNotNumber}}},
		{"1/text in the total", "1", setLine(1340, "khoảng 1.200"), []wantErr{{1340, ErrNotNumber}}},
		{"1/extra total cell", "1", setLine(1357, "9"), []wantErr{{1357, ErrCellCount}}},
		{"1/truncated mid-row", "1", cutAfter(1300), []wantErr{{1298, ErrTruncated}}},
		{"1/heading removed", "1", setLine(683, ""), []wantErr{{last, ErrMissingAppendix}}},
		{"1/invalid UTF-8", "1", setLine(976, "Sở Y tế \xff tỉnh Sóc Trăng"), []wantErr{{976, ErrEncoding}}},
		// Phụ lục 2: computers, provincial
		{"2/cell removed", "2", setLine(1415, ""), []wantErr{{1401, ErrCellCount}}},
		{"2/cell added", "2", setLine(1416, "7"), []wantErr{{1401, ErrCellCount}}},
		{"2/row number removed", "2", setLine(1401, ""), []wantErr{{1405, ErrUnexpectedCell}}},
		{"2/unit removed", "2", setLine(1403, ""), []wantErr{{1401, ErrUnexpectedCell}}},
		{"2/cells shifted", "2", swapLines(1417, 1419), []wantErr{{1401, ErrCellCount}}},
		{"2/text in a ratio", "2", setLine(1413, "không rõ"), []wantErr{{1413, ErrNotNumber}}},
		{"2/dot-thousands ratio", "2", setLine(1413, "0,89308"), []wantErr{{1413, ErrNotNumber}}},
		{"2/truncated mid-row", "2", cutAfter(1500), []wantErr{{1491, ErrTruncated}}},
		{"2/heading removed", "2", setLine(1358, ""), []wantErr{{last, ErrMissingAppendix}}},
		{"2/invalid UTF-8", "2", setLine(1403, "T\xe1nh ủy"), []wantErr{{1403, ErrEncoding}}},
		// Phụ lục 3: computers, district
		{"3/cell removed", "3", setLine(1960, ""), []wantErr{{1948, ErrCellCount}}},
		{"3/cell added", "3", setLine(1961, "0.5"), []wantErr{{1948, ErrCellCount}}},
		{"3/cells shifted", "3", swapLines(1964, 1966), []wantErr{{1948, ErrCellCount}}},
		{"3/text in a count", "3", setLine(1952, "ba trăm"), []wantErr{{1952, ErrNotNumber}}},
		{"3/truncated after a row number", "3", cutAfter(2200), []wantErr{{2200, ErrTruncated}}},
		{"3/truncated mid-row", "3", cutAfter(2210), []wantErr{{2200, ErrTruncated}}},
		{"3/heading removed", "3", setLine(1905, ""), []wantErr{{last, ErrMissingAppendix}}},
		{"3/invalid UTF-8", "3", setLine(2000, "0.7\xc05556"), []wantErr{{2000, ErrEncoding}}},
		// Phụ lục 4: projects 2009-2010
		{"4/cell removed", "4", setLine(2391, ""), []wantErr{{2383, ErrCellCount}}},
		{"4/cell added", "4", setLine(2392, "Ghi chú thêm"), []wantErr{{2383, ErrCellCount}}},
		{"4/period and cost swapped", "4", swapLines(2389, 2391), []wantErr{{2389, ErrNotNumber}, {2391, ErrNotNumber}}},
		{"4/text in the cost", "4", setLine(2391, "chín tỷ"), []wantErr{{2391, ErrNotNumber}}},
		{"4/comma and dot mixed", "4", setLine(2407, "3.613.943.000"), []wantErr{{2407, ErrNotNumber}}},
		{"4/truncated mid-row", "4", cutAfter(2420), []wantErr{{2415, ErrTruncated}}},
		{"4/heading removed", "4", setLine(2362, ""), []wantErr{{last, ErrMissingAppendix}}},
		{"4/invalid UTF-8", "4", setLine(2385, "\xffMột cửa điện tử"), []wantErr{{2385, ErrEncoding}}},
		// Phụ lục 5: projects 2011-2015
		{"5/cell removed", "5", setLine(2512, ""), []wantErr{{2502, ErrCellCount}}},
		{"5/empty note removed", "5", setLine(2620, ""), []wantErr{{2602, ErrCellCount}}},
		{"5/cell added", "5", setLine(2513, "1,000"), []wantErr{{2502, ErrCellCount}}},
		{"5/period and total swapped", "5", swapLines(2508, 2510), []wantErr{{2508, ErrNotNumber}, {2510, ErrNotNumber}}},
		{"5/text in an amount", "5", setLine(2530, "Chưa xác định"), []wantErr{{2530, ErrNotNumber}}},
		{"5/truncated mid-row", "5", cutAfter(2695), []wantErr{{2682, ErrTruncated}}},
		{"5/heading removed", "5", setLine(2475, ""), []wantErr{{last, ErrMissingAppendix}}},
		{"5/invalid UTF-8", "5", setLine(2770, "20,500\xed\xa0\x80"), []wantErr{{2770, ErrEncoding}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := byID[tc.appendix]
			text := editedSource(t, tc.edit)
			_, err := parseChecked(t, text, a.layout, Options{File: "kh21.txt", Appendix: a.id, Convention: CommaThousands})
			for _, e := range wantErrors(t, err, tc.want) {
				if e.File != "kh21.txt" {
					t.Errorf("error without the file name: %v", e)
				}
			}
		})
	}
}

// TestParseTextSource2010Encodings: a BOM, CRLF line ends and decomposed
// diacritics (NFD) change nothing: same rows, same values, same lines.
func TestParseTextSource2010Encodings(t *testing.T) {
	src := editedSource(t, func(l []string) []string { return l })
	crlf := append([]byte("\ufeff"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	variants := map[string][]byte{
		"BOM+CRLF":     crlf,
		"NFD":          norm.NFD.Bytes(src),
		"NFD+BOM+CRLF": norm.NFD.Bytes(crlf),
	}
	if bytes.Equal(variants["NFD"], src) {
		t.Fatal("NFD changed nothing: the test would prove nothing")
	}
	for _, a := range appendices2010 {
		o := Options{File: "kh21.txt", Appendix: a.id, Convention: CommaThousands}
		want, err := parseChecked(t, src, a.layout, o)
		if err != nil {
			t.Fatal(err)
		}
		for name, text := range variants {
			t.Run("Phụ lục "+a.id+"/"+name, func(t *testing.T) {
				got, err := parseChecked(t, text, a.layout, o)
				if err != nil {
					t.Fatal(err)
				}
				if !frame.Equal(got.Frame, want.Frame) {
					t.Errorf("frame differs:\n%s\nwant\n%s", csvOf(t, got.Frame), csvOf(t, want.Frame))
				}
				if g, w := csvOf(t, got.Frame), csvOf(t, want.Frame); g != w {
					t.Errorf("CSV differs:\n%s\nwant\n%s", g, w)
				}
				if len(got.Totals) != len(want.Totals) {
					t.Fatalf("%d totals, want %d", len(got.Totals), len(want.Totals))
				}
				for i := range got.Totals {
					g, w := got.Totals[i], want.Totals[i]
					if g.Label != w.Label || g.Line != w.Line || len(g.Values) != len(w.Values) {
						t.Fatalf("total %+v, want %+v", g, w)
					}
					for k := range g.Values {
						if g.Values[k] != w.Values[k] {
							t.Errorf("total value %+v, want %+v", g.Values[k], w.Values[k])
						}
					}
				}
				if got.FirstLine != want.FirstLine || got.LastLine != want.LastLine {
					t.Errorf("lines %d–%d, want %d–%d", got.FirstLine, got.LastLine, want.FirstLine, want.LastLine)
				}
			})
		}
	}
}

func TestSplitCells(t *testing.T) {
	text := "\ufeffPHỤ LỤC 1\r\n\r\n\u00a0\r\n  Sở   Y\u00a0tế  \n\n\n33\n \t \nTi\u0301n chi\u0309 B"
	cells, err := SplitCells("f", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := []Cell{{Line: 1, Text: "PHỤ LỤC 1"}, {Line: 3}, {Line: 4, Text: "Sở Y tế"}, {Line: 7, Text: "33"}, {Line: 9, Text: "Tín chỉ B"}}
	if len(cells) != len(want) {
		t.Fatalf("cells %+v, want %+v", cells, want)
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cell %d = %+v, want %+v", i, cells[i], want[i])
		}
	}
	if !cells[1].Empty() || cells[0].Empty() {
		t.Error("Empty() wrong")
	}
	_, err = SplitCells("f", []byte("a\n\nb\xff\n"))
	wantErrors(t, err, []wantErr{{3, ErrEncoding}})
	if cells, err := SplitCells("f", nil); err != nil || len(cells) != 0 {
		t.Errorf("SplitCells(nil) = %v, %v", cells, err)
	}
	big := bytes.Repeat([]byte("x"), MaxInputBytes+1)
	if _, err := SplitCells("f", big); !errors.Is(err, ErrLimit) {
		t.Errorf("input over the limit: %v, want ErrLimit", err)
	}
}

func TestFindAppendix(t *testing.T) {
	cells, err := SplitCells("f", cellText("Chi tiết ở Phụ lục 1", "(Phụ lục 2 kèm theo)", "PHỤ LỤC 1", "a", "Phụ lục số 02:", "b", "PHỤ LỤC IV", "c", "PHỤ LỤC 10", "d"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id    string
		first int
		n     int
	}{{"1", cellLine(2), 2}, {"01", cellLine(2), 2}, {"2", cellLine(4), 2}, {"iv", cellLine(6), 2}, {"10", cellLine(8), 2}} {
		got, err := FindAppendix("f", cells, tc.id)
		if err != nil {
			t.Errorf("FindAppendix(%q): %v", tc.id, err)
			continue
		}
		if len(got) != tc.n || got[0].Line != tc.first {
			t.Errorf("FindAppendix(%q) = %v, want %d cells from line %d", tc.id, got, tc.n, tc.first)
		}
	}
	_, err = FindAppendix("f", cells, "3")
	wantErrors(t, err, []wantErr{{cellLine(9), ErrMissingAppendix}})
}

func TestCleanText(t *testing.T) {
	for in, want := range map[string]string{
		"  Sở\u00a0 Y   tế\t":     "Sở Y tế",
		"Ti\u0301n chi\u0309":     "Tín chỉ",
		"\u00a0":                  "",
		"a\u200bb":                "a b",
		"Sở Y tế\u2003":           "Sở Y tế",
		"\u3000Sở\u2001Y\u2028tế": "Sở Y tế",
		"‿\u2001":                 "‿",
		// a right-to-left override in a unit name: dropped
		"triệu \u202eđồng\u202c":   "triệu đồng",
		"\u200fĐVT: tỷ đồng\u2069": "ĐVT: tỷ đồng",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestErrorsWrapped: Errors finds every entry of a joined list also when
// the list is wrapped (as datasets does with fmt.Errorf and %w).
func TestErrorsWrapped(t *testing.T) {
	text := cellText("1", "Tỉnh ủy", "x", "y", "16", "87", "0.89308", "0.61268", "0.11268")
	_, err := ParseText(text, Computers, Options{})
	if n := len(Errors(err)); n != 2 {
		t.Fatalf("%d errors, want 2: %v", n, err)
	}
	wrapped := errorsWrap(err)
	if es := Errors(wrapped); len(es) != 2 || es[0].Line != 5 || es[1].Line != 7 {
		t.Errorf("Errors(wrapped) = %v, want the 2 entries at lines 5 and 7", es)
	}
	if Errors(nil) != nil {
		t.Error("Errors(nil) != nil")
	}
	if es := Errors(errors.New("plain")); len(es) != 0 {
		t.Errorf("Errors(plain) = %v", es)
	}
}

func errorsWrap(err error) error { return &wrapErr{err} }

type wrapErr struct{ err error }

func (w *wrapErr) Error() string { return "datasets: x: " + w.err.Error() }
func (w *wrapErr) Unwrap() error { return w.err }

// TestTotalsExact: a money total in đồng is converted exactly.
func TestTotalsExact(t *testing.T) {
	tb, err := ParseText(editedSource(t, func(l []string) []string { return l }), Projects2009, Options{Appendix: "4", Convention: CommaThousands})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	v, _ := tb.Totals[0].Get("planned_mvnd")
	if v.Value != 34594.621 || v.Line != 2465 {
		t.Errorf("planned total %v at %d, want 34594.621 at 2465", v.Value, v.Line)
	}
	sum := 0.0
	for _, x := range tb.Frame.Col("planned_mvnd").Float64s() {
		sum += x
	}
	if math.Abs(sum-34594.621) > 1e-9 {
		t.Errorf("rows sum to %v", sum)
	}
}

// TestParseTextHeaderEndsWithTotalWord: a header cell that starts like a
// total label ("Tổng số cán bộ") right before the first row is header, not
// a total row.
func TestParseTextHeaderEndsWithTotalWord(t *testing.T) {
	text := cellText(
		"Mã số", "Tên đơn vị", "Tổng số cán bộ", // 0-2
		"1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", // 3-11
		"TỔNG", "159", "142", "16", "87", // 12-16
	)
	tb, err := parseChecked(t, text, Computers, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tb.Frame.NumRows() != 1 || len(tb.Totals) != 1 {
		t.Fatalf("%d rows and totals %+v, want 1 row and the TỔNG total", tb.Frame.NumRows(), tb.Totals)
	}
	wantTotal(t, tb, 0, "TỔNG", cellLine(12), "staff", 159, "159")
}
