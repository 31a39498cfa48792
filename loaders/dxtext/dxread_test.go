package dxtext

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

const dxSourcePath = "../../datasets/sources/soctrang-2024-dx-plan-draft-with-2023-results.txt"

func dxSource(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(dxSourcePath)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dxLines returns lines first..last (1-based) of the source, joined.
func dxLines(t testing.TB, first, last int) string {
	t.Helper()
	ls := strings.Split(string(dxSource(t)), "\n")
	return strings.Join(ls[first-1:last], "\n")
}

func readDX(t *testing.T, l loaders.Layout, appendix string) *DXTable {
	t.Helper()
	tb, err := ReadDX(dxSource(t), l, loaders.Options{File: "dx.txt", Appendix: appendix, Convention: loaders.DotThousands})
	if err != nil {
		t.Fatalf("ReadDX(%s, %s): %v", l.Name, appendix, err)
	}
	return tb
}

func findItem(t *testing.T, tb *DXTable, pillar int, code string) DXItem {
	t.Helper()
	for _, it := range tb.Items {
		if it.Pillar == pillar && it.Code == code {
			return it
		}
	}
	t.Fatalf("no item %d/%q", pillar, code)
	return DXItem{}
}

// amounts renders an item's cells as "60|_|_|…" (the figures as written,
// _ for an empty cell).
func amounts(it DXItem) string {
	var b []string
	for _, a := range it.Amounts {
		if a.Set {
			b = append(b, a.Text)
		} else {
			b = append(b, "_")
		}
	}
	return strings.Join(b, "|")
}

func texts(v []DXValue) string {
	var b []string
	for _, x := range v {
		b = append(b, x.Text)
	}
	return strings.Join(b, " ")
}

func TestReadDXResultsSource(t *testing.T) {
	tb := readDX(t, DXResults, "01")
	if len(tb.Pillars) != 10 || len(tb.Items) != 41 {
		t.Fatalf("%d pillars, %d items; want 10 and 41", len(tb.Pillars), len(tb.Items))
	}
	if got := tb.Assignments(); got[AssignLayout] != 41 {
		t.Errorf("assignments %v, want all 41 by layout", got)
	}
	if tb.Convention != loaders.DotThousands || tb.MoneyUnit != loaders.Million || tb.FirstLine != 2917 || tb.LastLine != 4442 {
		t.Errorf("convention %v, unit %v, lines %d–%d", tb.Convention, tb.MoneyUnit, tb.FirstLine, tb.LastLine)
	}
	// Pillar rows as written (lines 3115, 3365, 3811, 4266): two carry a
	// ninth figure, kept apart.
	for _, tc := range []struct {
		no           int
		line         int
		values, more string
	}{
		{3, 3115, "7.843 0 0 0 4.682 0 0 0", "0"},
		{4, 3365, "894 - 10.000 108 194 0 1.200 108", ""},
		{8, 3811, "7.292 0 6.900 1.080 6.247 0 6.900 1.080", "0"},
		{9, 4266, "726 0 1000 0 476 0 1.000 0", ""},
	} {
		p := tb.Pillars[tc.no-1]
		if p.Line != tc.line || texts(p.Values) != tc.values || texts(p.Extra) != tc.more {
			t.Errorf("pillar %d: line %d, %q + %q", tc.no, p.Line, texts(p.Values), texts(p.Extra))
		}
	}
	if v := tb.Pillars[8].Values[2]; v.Value != 1000 || v.Text != "1000" {
		t.Errorf("pillar 9 planned ĐTPT = %+v (line 4266 writes 1000 without a dot)", v)
	}
	// Items: the positions of their figures (value lines 3405, 3897,
	// 3772, 3011, 3285).
	for _, tc := range []struct {
		pillar      int
		code        string
		line, value int
		cells       string
		note        string
	}{
		{4, "4.1", 3367, 3405, "_|_|10.000|_|_|_|1.200|_", "Tỷ lệ giải ngân đạt 11,91%"},
		{8, "8.2", 3875, 3897, "_|_|6900|_|_|_|6.900|_", ""},
		{7, "7.3", 3752, 3772, "_|_|0|_|0|_|_|_", "Theo Kế hoạch vốn được giao thực hiện trong năm 2024"},
		{1, "1.3", 2997, 3011, "_|_|_|750|_|_|_|750", ""},
		{3, "3.6", 3281, 3285, "1.800|_|_|_|0|_|_|_", "Không thực hiện do thời gian triển khai cuối năm không đảm bảo tiến độ"},
		{5, "", 3583, 3619, "_|_|10.000|_|_|_|3.600|_", "Tỷ lệ giải ngân đạt 36,12%"},
	} {
		it := findItem(t, tb, tc.pillar, tc.code)
		if it.Line != tc.line || it.ValueLine != tc.value || amounts(it) != tc.cells || it.Note != tc.note || it.Assignment != AssignLayout {
			t.Errorf("item %s: lines %d/%d, cells %s, note %q, %q", tc.code, it.Line, it.ValueLine, amounts(it), it.Note, it.Assignment)
		}
	}
	if it := findItem(t, tb, 8, "8.2"); it.Amounts[2].Value != 6900 {
		t.Errorf("8.2 planned ĐTPT = %v, want 6900", it.Amounts[2].Value)
	}
	// Titles: one on its code line (3281), one wrapped around its
	// figures (3012–3026), one with a hyphen at a line end (3827).
	for code, want := range map[string]string{
		"3.6":  "Triển khai Ipv6",
		"1.3":  "Tuyên truyền chuyển đổi số năm 2023 theo Nghị quyết số 07-NQ/TU ngày 27/10/2021 của Ban chấp hành Đảng bộ tỉnh Sóc Trăng Khoá XIV về Chuyển đổi số tỉnh Sóc Trăng đến năm 2025, định hướng đến năm 2030 thông qua các hoạt động thông tin, báo chí, xuất bản",
		"8.1":  "Tăng cường ứng dụng công nghệ thông tin hỗ trợ đồng bào dân tộc thiểu số phát triển kinh tế xã hội và đảm bảo an ninh trật tự vùng đồng bào dân tộc thiểu số Việt Nam giai đoạn 2020-2025” trên địa bàn tỉnh Sóc Trăng",
		"8.10": "Kinh phí thuê và chuyển hệ thống quản lý văn bản điều hành iOffice của Văn phòng UBND tỉnh về Trung tâm tích hợp dữ liệu",
	} {
		pillar := int(code[0] - '0')
		if it := findItem(t, tb, pillar, code); it.Task != want {
			t.Errorf("task %s = %q\nwant %q", code, it.Task, want)
		}
	}
	var unsure []string
	for _, it := range tb.Items {
		if len(it.Unsure) > 0 {
			unsure = append(unsure, it.Code)
		}
	}
	if strings.Join(unsure, ",") != "1.3,8.10" {
		t.Errorf("unsure titles %v, want 1.3 and 8.10 (continued below their figures)", unsure)
	}
	tot := tb.Total
	if tot == nil || tot.Line != 4442 || texts(tot.Values) != "18.970 0 27.900 2.138 12.693 0 12.700 2.138" {
		t.Fatalf("total %+v", tot)
	}
	f := tb.Funding
	if f == nil || len(f.Rows) != 4 || f.Total == nil || f.Total.Line != 4469 {
		t.Fatalf("funding %+v", f)
	}
	if r := f.Rows[2]; r.Source != "Vốn đầu tư phát triển" || r.Line != 4465 || r.Planned.Value != 27900 || r.Spent.Value != 12700 || r.Rate.Value != 46 {
		t.Errorf("funding row 3 %+v", r)
	}
}

func TestReadDXPlanSource(t *testing.T) {
	tb := readDX(t, DXPlan, "2")
	if len(tb.Pillars) != 10 || len(tb.Items) != 48 {
		t.Fatalf("%d pillars, %d items; want 10 and 48", len(tb.Pillars), len(tb.Items))
	}
	if got := tb.Assignments(); got[AssignLayout] != 48 {
		t.Errorf("assignments %v, want all 48 by layout", got)
	}
	if p := tb.Pillars[2]; p.Line != 4785 || texts(p.Values) != "8.236 - 38.025 - 46.261" {
		t.Errorf("pillar 3 %+v", p)
	}
	for _, tc := range []struct {
		pillar                      int
		code                        string
		line                        int
		cells, status, lead, period string
	}{
		// Cells over three lines: 4557 "50", 4559 three spaces, 4560 "50".
		{1, "1.1", 4518, "50|_|_|_|50", "new", "Sở TT&TT", "Hàng năm"},
		// The period line ends with three empty cells (4645 "năm    ").
		{1, "1.3", 4603, "_|_|_|675|675", "new", "Sở TT&TT", "Hàng năm"},
		// 5147–5153: two empty cells, the figure, one empty, the total.
		{3, "3.8", 5120, "_|_|10.000|_|10.000", "new", "Tỉnh ủy Sóc Trăng", "2024"},
		// Text in the total cell (5061–5085).
		{3, "3.6", 5024, "-|_|_|_|_", "continuing", "Sở TT&TT", "2024"},
		// Status, lead unit, objective, period and figure on one line (5923).
		{7, "7.1", 5923, "490|_|_|_|490", "new", "Sở TT&TT", "2024"},
		// "Hằng" on 6739, "năm" after the page header (6774).
		{9, "9.3", 6739, "200|_|_|_|200", "new", "Tinh đoàn", "Hằng năm"},
		// The unnumbered task of pillar 6 ("-" in its TT cell, 5873).
		{6, "", 5873, "480|_|_|_|480", "new", "Sở TT&TT", "Hàng năm"},
		{10, "10.2", 6854, "_|_|_|1.000|1.000", "new", "Sở KH&CN", "2024"},
	} {
		it := findItem(t, tb, tc.pillar, tc.code)
		if it.Line != tc.line || amounts(it) != tc.cells || it.Status != tc.status || it.LeadUnit != tc.lead || it.Period != tc.period {
			t.Errorf("item %s: line %d, cells %s, %q, %q, %q", tc.code, it.Line, amounts(it), it.Status, it.LeadUnit, it.Period)
		}
	}
	it := findItem(t, tb, 3, "3.6")
	if len(it.TextCells) != 1 || it.TextCells[0].Column != 4 || it.TextCells[0].Line != 5061 ||
		it.TextCells[0].Text != "Xin bổ sung kinh phí thực hiện theo Kế hoạch số 120/KH-UBND ngày 29/8/2022 của UBND tỉnh Sóc Trăng" {
		t.Errorf("3.6 text cells %+v", it.TextCells)
	}
	var unsure []string
	for _, it := range tb.Items {
		for _, u := range it.Unsure {
			field, _, _ := strings.Cut(u, ":")
			unsure = append(unsure, it.Code+" "+field)
		}
	}
	if got, want := strings.Join(unsure, ","), "1.3 task,3.1 task,3.8 task,4.5 task,5.1 task,7.1 lead_unit,7.1 task,9.3 lead_unit,9.3 task"; got != want {
		t.Errorf("unsure fields\n %s\nwant\n %s", got, want)
	}
	if tb.Total == nil || tb.Total.Line != 6904 || texts(tb.Total.Values) != "18.023 - 128.225 6.455 152.703" {
		t.Errorf("total %+v", tb.Total)
	}
	if tb.Funding != nil {
		t.Error("dx-plan has no funding summary")
	}
}

func TestParseTextDX(t *testing.T) {
	src := dxSource(t)
	tab, err := loaders.ParseText(src, DXResults, loaders.Options{File: "dx.txt", Appendix: "01", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Release()
	if tab.Frame.NumRows() != 41 || strings.Join(tab.Frame.Names(), ",") != strings.Join(DXResults.ColumnNames(), ",") {
		t.Errorf("%d rows, columns %v", tab.Frame.NumRows(), tab.Frame.Names())
	}
	// Claims: ten pillar rows, the grand total (line 4442), four rows of
	// the funding summary (4461–4467).
	if len(tab.Totals) != 15 || tab.Totals[10].Line != 4442 || len(tab.Totals[10].Values) != 8 {
		t.Fatalf("%d totals: %+v", len(tab.Totals), tab.Totals)
	}
	if v, _ := tab.Totals[10].Get("planned_invest_mvnd"); v.Value != 27900 || v.Text != "27.900" {
		t.Errorf("total planned ĐTPT %v", v)
	}
	f := tab.Frame
	r := f.Row(findRow(t, f, "code", "4.1"))
	if r.Float64("planned_invest_mvnd") != 10000 || !math.IsNaN(r.Float64("planned_local_mvnd")) || r.String("assignment") != AssignLayout {
		t.Errorf("4.1: %v %v %v", r.Float64("planned_invest_mvnd"), r.Float64("planned_local_mvnd"), r.String("assignment"))
	}
	if got := f.Col("pillar").Spec().Extra["pillar_keys"]; !strings.Contains(got, `"3":"digital_infrastructure"`) {
		t.Errorf("pillar keys %q", got)
	}
	plan, err := loaders.ParseText(src, DXPlan, loaders.Options{File: "dx.txt", Appendix: "2", Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	defer plan.Release()
	if plan.Frame.NumRows() != 48 || !strings.Contains(plan.Frame.Col("total_mvnd").Spec().Extra["text_cells"], "3.6 (line 5061): Xin bổ sung") {
		t.Errorf("%d rows, text cells %q", plan.Frame.NumRows(), plan.Frame.Col("total_mvnd").Spec().Extra["text_cells"])
	}
	if _, err := loaders.ParseText(src, DXPlan, loaders.Options{File: "dx.txt"}); !errors.Is(err, loaders.ErrMissingAppendix) {
		t.Errorf("no appendix: %v", err)
	}
	if _, err := loaders.ParseText(src, DXPlan, loaders.Options{File: "dx.txt", Appendix: "7"}); !errors.Is(err, loaders.ErrMissingAppendix) {
		t.Errorf("appendix 7: %v", err)
	}
	if _, err := loaders.ParseCells(nil, DXPlan, loaders.Options{}); err == nil {
		t.Error("ParseCells accepted a PDF-text layout")
	}
	if _, err := ReadDX(src, loaders.ProjectsPlan, loaders.Options{}); err == nil {
		t.Error("ReadDX accepted a cell-per-line layout")
	}
}

func findRow(t *testing.T, f *frame.Frame, col, v string) int {
	t.Helper()
	for i, s := range f.Col(col).Strings() {
		if s == v {
			return i
		}
	}
	t.Fatalf("no row with %s = %q", col, v)
	return -1
}

func TestReadFundingSummary(t *testing.T) {
	// The text's own copy of the summary (lines 1627–1656), whose second
	// source name wraps over two lines.
	s, err := ReadFundingSummary("dx.txt", dxSource(t), 1627, 1656, loaders.DotThousands)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Rows) != 4 || s.Total == nil {
		t.Fatalf("%+v", s)
	}
	if r := s.Rows[1]; r.Source != "Nguồn vốn sự nghiệp địa phương" || r.Line != 1647 || r.Planned.Value != 0 {
		t.Errorf("row 2 %+v", r)
	}
	if tot := s.Total; tot.Line != 1656 || tot.Planned.Value != 49008 || tot.Spent.Value != 27531 || tot.Rate.Value != 56 {
		t.Errorf("total %+v", tot)
	}
	if _, err := ReadFundingSummary("dx.txt", dxSource(t), 10, 5, loaders.DotThousands); !errors.Is(err, loaders.ErrTruncated) {
		t.Errorf("bad range: %v", err)
	}
	if _, err := ReadFundingSummary("dx.txt", dxSource(t), 1, 5, loaders.DotThousands); !errors.Is(err, loaders.ErrTruncated) {
		t.Errorf("no summary: %v", err)
	}
}

// dxResultsDoc is a small table in the dx-results template.
const dxResultsDoc = `PHỤ LỤC 01
DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN TRIỂN KHAI NĂM 2023
ĐVT: Triệu đồng
TT Nhiệm vụ/dự án Mục tiêu
Kinh phí được giao theo kế hoạch
NSĐP NSTW ĐTPT
Nguồn
khác
1 Nhận thức số   210 0 0 750 60 0 0 750  
1.1 
Tổ chức sự kiện “Ngày 
Chuyển đổi số”. 
- Tuyên truyền về chủ trương, 
60       60       
1.2 
Tuyên truyền chuyển đổi số 
Thực hiện tuyên truyền các nội dung chuyển đổi số 
150       0       
Không thực 
hiện 
1.3 
Sự kiện khác 
      750       750 
  TỔNG CỘNG   210 0 0 750 60 0 0 750  
`

func TestReadDXMalformed(t *testing.T) {
	ok := dxResultsDoc
	if _, err := ReadDX([]byte(ok), DXResults, loaders.Options{File: "t.txt"}); err != nil {
		t.Fatalf("the well-formed document: %v", err)
	}
	for _, tc := range []struct {
		name string
		doc  string
		line int
		err  error
		text string
	}{
		{"no pillar rows", "PHỤ LỤC 01\nTT Nhiệm vụ\n1.1 Việc\n", 1, loaders.ErrTruncated, ""},
		{"item without figures", strings.Replace(ok, "60       60       \n", "", 1), 10, loaders.ErrTruncated, "1.1"},
		{"not a number", strings.Replace(ok, "150       0", "1.5.0       0", 1), 18, loaders.ErrNotNumber, "1.5.0"},
		{"pillar row short of figures", strings.Replace(ok, "210 0 0 750 60 0 0 750  \n1.1", "210 0 0 750 60\n1.1", 1), 9, loaders.ErrCellCount, "Nhận thức số"},
		{"task out of sequence", strings.Replace(ok, "1.2 \n", "1.4 \n", 1), 15, loaders.ErrUnexpectedCell, "1.4"},
		{"task lost its number", strings.Replace(ok, "1.2 \n", "", 1), 17, loaders.ErrUnexpectedCell, "150 0"},
		{"pillar row lost", strings.Replace(ok, "1.2 \n", "2.1 \n", 1), 15, loaders.ErrUnexpectedCell, "2.1"},
		{"mixed conventions", strings.Replace(strings.Replace(ok, "150       0", "1.150.000       0", 1), "      750       750 ", "      1,750,000       750 ", 1), 23, loaders.ErrMixedConvention, "1,750,000"},
		{"invalid UTF-8", strings.Replace(ok, "Sự kiện khác", "Sự kiện \xff", 1), 22, loaders.ErrEncoding, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadDX([]byte(tc.doc), DXResults, loaders.Options{File: "t.txt"})
			es := loaders.Errors(err)
			if len(es) == 0 {
				t.Fatalf("no positioned error: %v", err)
			}
			e := es[0]
			if e.File != "t.txt" || e.Line != tc.line || !errors.Is(e, tc.err) || e.Text != tc.text {
				t.Errorf("got %v (line %d, text %q); want line %d, %v, text %q", e, e.Line, e.Text, tc.line, tc.err, tc.text)
			}
			if !strings.HasPrefix(e.Error(), "t.txt:") {
				t.Errorf("message %q has no position", e.Error())
			}
		})
	}
	// Figures whose spacing was lost, and that the subtotals cannot place
	// (two zeros): ParseText reports them at their line.
	doc := strings.Replace(ok, "60       60       ", "60 60", 1)
	tab, err := loaders.ParseText([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	if err != nil {
		t.Fatalf("60 60 is placed by the subtotals: %v", err)
	}
	r := tab.Frame.Row(0)
	if r.String("assignment") != AssignInferred || r.Float64("planned_local_mvnd") != 60 || r.Float64("spent_local_mvnd") != 60 || !r.IsNull("planned_other_mvnd") {
		t.Errorf("inferred row: %s %v %v", r.String("assignment"), r.Float64("planned_local_mvnd"), r.Float64("spent_local_mvnd"))
	}
	tab.Release()
	// "150 0": 150 can only be planned NSĐP, but the 0 fits every column
	// whose subtotal leaves 0: not unique, not a result.
	doc = strings.Replace(ok, "150       0       ", "150 0", 1)
	_, err = loaders.ParseText([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	if es := loaders.Errors(err); len(es) != 1 || !errors.Is(es[0], ErrUnplaced) || es[0].Line != 18 || !strings.Contains(es[0].Expected, "more than one placement") {
		t.Errorf("150 0: %v", err)
	}
	doc = strings.Replace(ok, "      750       750 ", "750 750", 1)
	doc = strings.Replace(doc, "60       60       ", "0 0", 1)
	doc = strings.Replace(doc, "210 0 0 750 60 0 0 750  \n1.1", "150 0 0 750 0 0 0 750  \n1.1", 1)
	doc = strings.Replace(doc, "TỔNG CỘNG   210 0 0 750 60", "TỔNG CỘNG   150 0 0 750 0", 1)
	_, err = loaders.ParseText([]byte(doc), DXResults, loaders.Options{File: "t.txt"})
	es := loaders.Errors(err)
	if len(es) == 0 || !errors.Is(es[0], ErrUnplaced) || es[0].Line != 14 || es[0].Text != "0 0" {
		t.Errorf("unplaceable zeros: %v", err)
	}
}

// TestReadDXPageBreaks: a page header right after a pillar row, whose last
// line goes on with the first task's number and title, and a page number
// that is a figure the row still needs.
func TestReadDXPageBreaks(t *testing.T) {
	header := "TT\nNhiệm vụ/dự án\nDự án\nmới/chuyển\ntiếp\nĐơn vị chủ\ntrì\nMục tiêu\nThời\ngian\ntriển\nkhai\nKinh phí thực hiện\nDự kiến\ntổng mức\nđầu tư"
	doc := "PHỤ LỤC 2\n" + header + " NSĐP NSTW ĐTPT\nNguồn\nkhác\n" +
		"1 Nhận thức số         130 - - - 130 \n" +
		header + " 1.1 Tổ chức sự kiện \nMới Sở TT&TT \nTuyên truyền \n2024 130 \n   \n" +
		"130 \n" + // a lone figure before a header: the total, not a page number
		header + " \n" +
		"  TỔNG CỘNG         130 - - - 130 \n"
	tb, err := ReadDX([]byte(doc), DXPlan, loaders.Options{File: "t.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Items) != 1 {
		t.Fatalf("%d items", len(tb.Items))
	}
	it := tb.Items[0]
	if it.Code != "1.1" || it.Task != "Tổ chức sự kiện" || it.Line != 36 || amounts(it) != "130|_|_|_|130" || it.Assignment != AssignLayout {
		t.Errorf("item %+v, cells %s", it, amounts(it))
	}
}
