package datasets_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// The datasets of source 004 (Sóc Trăng, 2023 results and 2024 plan). The
// golden files are compared byte for byte with Load; then checked against
// the source text itself, read here with plain string processing: every
// pillar row of both appendices cell by cell, a sample of tasks with the
// line that holds their figures, quoted with its spaces.

const dxSourceFile = "soctrang-2024-dx-plan-draft-with-2023-results.txt"

var dxIDs = []string{"soctrang-2023-dx-pillars", "soctrang-2023-dx-items", "soctrang-2023-dx-funding", "soctrang-2024-dx-pillars", "soctrang-2024-dx-items"}

const dx2023Amounts = "planned_local_mvnd,planned_central_mvnd,planned_invest_mvnd,planned_other_mvnd,spent_local_mvnd,spent_central_mvnd,spent_invest_mvnd,spent_other_mvnd"

// The columns of the brief (a public contract), then source_line.
var dxColumns = map[string]string{
	"soctrang-2023-dx-pillars": "pillar_no,pillar," + dx2023Amounts,
	"soctrang-2023-dx-items":   "pillar_no,pillar,code,task," + dx2023Amounts + ",note,assignment",
	"soctrang-2023-dx-funding": "source,planned_mvnd,spent_mvnd,rate_percent_reported",
	"soctrang-2024-dx-pillars": "pillar_no,pillar,local_mvnd,central_mvnd,invest_mvnd,other_mvnd,total_mvnd",
	"soctrang-2024-dx-items":   "pillar_no,pillar,code,task,status,lead_unit,period,local_mvnd,central_mvnd,invest_mvnd,other_mvnd,total_mvnd,assignment",
}

var dxRows = map[string]int{
	"soctrang-2023-dx-pillars": 10, "soctrang-2023-dx-items": 41, "soctrang-2023-dx-funding": 4,
	"soctrang-2024-dx-pillars": 10, "soctrang-2024-dx-items": 48,
}

func TestDXShape(t *testing.T) {
	for _, id := range dxIDs {
		t.Run(id, func(t *testing.T) {
			f, err := datasets.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Release()
			if got, want := strings.Join(f.Names(), ","), dxColumns[id]+",source_line"; got != want {
				t.Errorf("columns\n %s\nwant\n %s", got, want)
			}
			if f.NumRows() != dxRows[id] {
				t.Errorf("%d rows, want %d", f.NumRows(), dxRows[id])
			}
			e, err := datasets.Lookup(id)
			if err != nil {
				t.Fatal(err)
			}
			wantRows := map[string]int{"soctrang-2023-dx-pillars": 10, "soctrang-2023-dx-funding": 4, "soctrang-2024-dx-pillars": 10}[id]
			if e.Rows != wantRows {
				t.Errorf("catalogue Rows = %d, want %d (0 for the task lists, whose length is the document's)", e.Rows, wantRows)
			}
			year, appendix, layout := "2023", "Phụ lục 01", "dx-results"
			if strings.HasPrefix(id, "soctrang-2024") {
				year, appendix, layout = "2024", "Phụ lục 2", "dx-plan"
			}
			if e.Province != "Sóc Trăng" || e.Period != year || e.Source != dxSourceFile || e.Appendix != appendix || e.Layout != layout ||
				e.TitleVI == "" || e.TitleEN == "" || e.Document == "" || e.DocumentDate != "2024" {
				t.Errorf("entry %+v", e)
			}
			for k, v := range map[string]string{frame.MetaDataset: id, frame.MetaSourceFile: dxSourceFile, frame.MetaProvince: "Sóc Trăng",
				frame.MetaAppendix: appendix, frame.MetaLayout: layout, frame.MetaPeriod: year} {
				if got := f.Meta(k); got != v {
					t.Errorf("meta %s = %q, want %q", k, got, v)
				}
			}
			for _, fs := range f.Fields() {
				if strings.HasSuffix(fs.Name, "_mvnd") && (fs.Kind != frame.Float64 || fs.Unit != "million_vnd" || fs.Extra[frame.MetaSourceUnit] != "triệu đồng" || fs.LabelVI == "") {
					t.Errorf("money column %+v", fs)
				}
				if fs.Name == "pillar" && fs.Extra["pillar_keys"] != `{"1":"digital_awareness","2":"digital_institutions","3":"digital_infrastructure","4":"digital_data","5":"digital_platforms","6":"digital_workforce","7":"cybersecurity","8":"digital_government","9":"digital_society","10":"digital_economy"}` {
					t.Errorf("pillar keys %q", fs.Extra["pillar_keys"])
				}
			}
		})
	}
}

func dxGoldenPath(id string) string { return filepath.Join("testdata", id+".csv") }

// dxGolden is a golden CSV file read as records, keyed by source_line.
type dxGolden struct {
	header []string
	rows   map[string][]string
}

func readDXGolden(t *testing.T, id string) dxGolden {
	t.Helper()
	b, err := os.ReadFile(dxGoldenPath(id))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	g := dxGolden{header: recs[0], rows: map[string][]string{}}
	sl := len(recs[0]) - 1
	for _, r := range recs[1:] {
		g.rows[r[sl]] = r
	}
	return g
}

// cell returns the value of column col in the row starting at line.
func (g dxGolden) cell(t *testing.T, line int, col string) string {
	t.Helper()
	r, ok := g.rows[strconv.Itoa(line)]
	if !ok {
		t.Fatalf("no row at source line %d", line)
	}
	for i, h := range g.header {
		if h == col {
			return r[i]
		}
	}
	t.Fatalf("no column %q", col)
	return ""
}

// dxSourceLines reads the source file itself: lines[n-1] is line n.
func dxSourceLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("sources/" + dxSourceFile)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// plainMillions turns a figure of the source ("7.843", "1000", "-") into
// the golden CSV's form ("7843", "1000", "0"): dot thousands, "-" is zero.
func plainMillions(s string) string {
	if s == "-" {
		return "0"
	}
	return strings.ReplaceAll(s, ".", "")
}

// dxPillarQuotes are the pillar rows of Phụ lục 01, as the source writes
// them (blanks collapsed). Pillars 3 and 8 write a ninth figure.
var dxPillarQuotes2023 = []struct {
	line  int
	quote string
}{
	{2917, "1 Nhận thức số 210 0 0 750 60 0 0 750"},
	{3044, "2 Thể chế số 500 0 0 0 0 0 0 0"},
	{3115, "3 Hạ tầng số 7.843 0 0 0 4.682 0 0 0 0"},
	{3365, "4 Dữ liệu số 894 - 10.000 108 194 0 1.200 108"},
	{3579, "5 Nền tảng số - - 10.000 - 0 0 3.600 0"},
	{3627, "6 Nhân lực số 480 0 0 0 480 0 0 0"},
	{3668, "7 An toàn thông tin mạng 1.025 0 0 0 554 0 0 0"},
	{3811, "8 Chính quyền số 7.292 0 6.900 1.080 6.247 0 6.900 1.080 0"},
	{4266, "9 Xã hội số 726 0 1000 0 476 0 1.000 0"},
	{4404, "10 Kinh tế số 0 0 0 200 0 0 0 200"},
}

// checkPillarQuotes checks each quote against the source line and each
// golden cell against the quote's figures, in column order.
func checkPillarQuotes(t *testing.T, id string, cols []string, quotes []struct {
	line  int
	quote string
}) {
	src := dxSourceLines(t)
	g := readDXGolden(t, id)
	if len(g.rows) != len(quotes) {
		t.Errorf("%s: %d golden rows, %d quoted", id, len(g.rows), len(quotes))
	}
	for no, q := range quotes {
		if got := strings.Join(strings.Fields(src[q.line-1]), " "); got != q.quote {
			t.Errorf("line %d is %q, quoted %q", q.line, got, q.quote)
			continue
		}
		w := strings.Fields(q.quote)
		k := 1
		for k < len(w) && strings.IndexAny(w[k][:1], "0123456789-") < 0 {
			k++
		}
		name, figs := strings.Join(w[1:k], " "), w[k:]
		if g.cell(t, q.line, "pillar_no") != strconv.Itoa(no+1) || g.cell(t, q.line, "pillar") != name {
			t.Errorf("line %d: pillar %s %s, quoted %d %s", q.line, g.cell(t, q.line, "pillar_no"), g.cell(t, q.line, "pillar"), no+1, name)
		}
		for c, col := range cols {
			if got, want := g.cell(t, q.line, col), plainMillions(figs[c]); got != want {
				t.Errorf("line %d, %s: golden %q, source %q", q.line, col, got, figs[c])
			}
		}
	}
}

// dxItemQuote is a task: the line that holds its figures, quoted with its
// spaces (· for a space), and what the golden row must hold.
type dxItemQuote struct {
	line      int               // the task's source_line
	codeLine  string            // the source line of the task, as written (blanks collapsed)
	valueLine int               // the line of its figures
	quote     string            // that line, · for each space
	want      map[string]string // golden cells
}

var dxItems2023 = []dxItemQuote{
	{2919, "1.1", 2956, "60·······60·······", map[string]string{"code": "1.1", "planned_local_mvnd": "60", "spent_local_mvnd": "60", "planned_invest_mvnd": "", "note": "", "task": "Tổ chức sự kiện “Ngày Chuyển đổi số”."}},
	{2997, "1.3", 3011, "······750·······750·", map[string]string{"planned_other_mvnd": "750", "spent_other_mvnd": "750", "planned_local_mvnd": "", "spent_local_mvnd": ""}},
	{3281, "3.6 Triển khai Ipv6", 3285, "1.800·······0·······", map[string]string{"task": "Triển khai Ipv6", "planned_local_mvnd": "1800", "spent_local_mvnd": "0", "note": "Không thực hiện do thời gian triển khai cuối năm không đảm bảo tiến độ"}},
	{3367, "4.1", 3405, "····10.000·······1.200···", map[string]string{"planned_invest_mvnd": "10000", "spent_invest_mvnd": "1200", "planned_local_mvnd": "", "spent_local_mvnd": "", "note": "Tỷ lệ giải ngân đạt 11,91%"}},
	{3516, "4.4", 3534, "······108·······108·", map[string]string{"planned_other_mvnd": "108", "spent_other_mvnd": "108"}},
	{3583, "Xây dựng phần mềm nền", 3619, "····10.000·······3.600···", map[string]string{"pillar_no": "5", "code": "", "planned_invest_mvnd": "10000", "spent_invest_mvnd": "3600", "note": "Tỷ lệ giải ngân đạt 36,12%"}},
	{3752, "7.3", 3772, "····0···0·······", map[string]string{"planned_invest_mvnd": "0", "spent_local_mvnd": "0", "planned_local_mvnd": "", "spent_invest_mvnd": "", "note": "Theo Kế hoạch vốn được giao thực hiện trong năm 2024"}},
	{3875, "8.2", 3897, "····6900·······6.900···", map[string]string{"planned_invest_mvnd": "6900", "spent_invest_mvnd": "6900"}},
	{4075, "8.7", 4097, "770·······943·······", map[string]string{"planned_local_mvnd": "770", "spent_local_mvnd": "943"}},
	{4150, "8.10", 4158, "211·······211·······", map[string]string{"task": "Kinh phí thuê và chuyển hệ thống quản lý văn bản điều hành iOffice của Văn phòng UBND tỉnh về Trung tâm tích hợp dữ liệu"}},
	{4270, "Nền tảng trợ lý ảo phục vụ", 4280, "250·······0·······", map[string]string{"pillar_no": "9", "code": "", "task": "Nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp.", "planned_local_mvnd": "250", "spent_local_mvnd": "0"}},
	{4408, "Triển khai vận hành, khai", 4438, "······200·······200·", map[string]string{"pillar_no": "10", "planned_other_mvnd": "200", "spent_other_mvnd": "200", "assignment": "layout"}},
}

func checkItemQuotes(t *testing.T, id string, quotes []dxItemQuote) {
	src := dxSourceLines(t)
	g := readDXGolden(t, id)
	for _, q := range quotes {
		if got := strings.Join(strings.Fields(src[q.line-1]), " "); got != q.codeLine {
			t.Errorf("line %d is %q, quoted %q", q.line, got, q.codeLine)
		}
		if got := strings.ReplaceAll(strings.TrimRight(src[q.valueLine-1], "\r"), " ", "·"); got != q.quote {
			t.Errorf("line %d is %q, quoted %q", q.valueLine, got, q.quote)
		}
		for col, want := range q.want {
			if got := g.cell(t, q.line, col); got != want {
				t.Errorf("task at line %d, %s: golden %q, want %q", q.line, col, got, want)
			}
		}
	}
}

func TestDX2023GoldenAgainstSource(t *testing.T) {
	checkPillarQuotes(t, "soctrang-2023-dx-pillars", strings.Split(dx2023Amounts, ","), dxPillarQuotes2023)
	checkItemQuotes(t, "soctrang-2023-dx-items", dxItems2023)
	g := readDXGolden(t, "soctrang-2023-dx-items")
	if len(g.rows) != 41 {
		t.Errorf("%d tasks", len(g.rows))
	}
	for _, r := range g.rows {
		if r[len(r)-2] != "layout" {
			t.Errorf("task %v: assignment %q", r[:4], r[len(r)-2])
		}
	}
	// The summary by funding source (lines 4461–4467), quoted.
	src := dxSourceLines(t)
	f := readDXGolden(t, "soctrang-2023-dx-funding")
	for _, q := range []struct {
		line  int
		quote string
	}{
		{4461, "Sự nghiệp địa phương 18.970 12.693 67"},
		{4463, "Nguồn vốn sự nghiệp địa phương 0 0 0"},
		{4465, "Vốn đầu tư phát triển 27.900 12.700 46"},
		{4467, "Nguồn vốn khác 2.138 2.138 100"},
	} {
		if got := strings.Join(strings.Fields(src[q.line-1]), " "); got != q.quote {
			t.Errorf("line %d is %q, quoted %q", q.line, got, q.quote)
			continue
		}
		w := strings.Fields(q.quote)
		n := len(w)
		for i, col := range []string{"source", "planned_mvnd", "spent_mvnd", "rate_percent_reported"} {
			want := strings.Join(w[:n-3], " ")
			if i > 0 {
				want = plainMillions(w[n-4+i])
			}
			if got := f.cell(t, q.line, col); got != want {
				t.Errorf("line %d, %s: golden %q, source %q", q.line, col, got, want)
			}
		}
	}
}

func TestDX2023Figures(t *testing.T) {
	items := datasets.MustLoad("soctrang-2023-dx-items")
	defer items.Release()
	sum := func(col string) float64 {
		s := 0.0
		for _, v := range items.Col(col).Float64s() {
			if !math.IsNaN(v) {
				s += v
			}
		}
		return s
	}
	planned := sum("planned_local_mvnd") + sum("planned_central_mvnd") + sum("planned_invest_mvnd") + sum("planned_other_mvnd")
	spent := sum("spent_local_mvnd") + sum("spent_central_mvnd") + sum("spent_invest_mvnd") + sum("spent_other_mvnd")
	// Line 1621: "…năm 2023: 49.008 triệu đồng"; line 4469: "Tổng 49.008
	// 27.531 56".
	if planned != 49008 || spent != 27531 {
		t.Errorf("planned %v, spent %v; the text says 49.008 and 27.531", planned, spent)
	}
	if rate := spent / planned * 100; math.Abs(rate-56) > 0.5 {
		t.Errorf("rate %v, the text says 56", rate)
	}
}
