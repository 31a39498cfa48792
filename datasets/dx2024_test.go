package datasets_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The pillar rows of Phụ lục 2, as the source writes them.
var dxPillarQuotes2024 = []struct {
	line  int
	quote string
}{
	{4516, "1 Nhận thức số 130 - - 675 805"},
	{4687, "2 Thể chế số 500 - - - 500"},
	{4785, "3 Hạ tầng số 8.236 - 38.025 - 46.261"},
	{5357, "4 Dữ liệu số - - 42.000 1.500 43.500"},
	{5740, "5 Nền tảng số 1.770 - 25.200 - 26.970"},
	{5871, "6 Nhân lực số 480 - - - 480"},
	{5921, "7 An toàn thông tin mạng 585 - 10.000 - 10.585"},
	{6103, "8 Chính quyền số 5.912 - 12.000 3.080 20.992"},
	{6683, "9 Xã hội số 410 - 1.000 - 1.410"},
	{6812, "10 Kinh tế số - - - 1.200 1.200"},
}

// dxPlanQuote is a task of Phụ lục 2 with the lines that hold its period
// and figures, quoted with their spaces (· for a space).
type dxPlanQuote struct {
	line  int
	cells map[int]string // line -> the line as written
	want  map[string]string
}

var dxItems2024 = []dxPlanQuote{
	{4518, map[int]string{4554: "Hàng·", 4556: "năm·", 4557: "50·", 4559: "···", 4560: "50·"},
		map[string]string{"code": "1.1", "period": "Hàng năm", "local_mvnd": "50", "central_mvnd": "", "invest_mvnd": "", "other_mvnd": "", "total_mvnd": "50", "status": "new", "lead_unit": "Sở TT&TT"}},
	{4603, map[int]string{4643: "Hàng·", 4645: "năm····", 4646: "675·675·"},
		map[string]string{"local_mvnd": "", "other_mvnd": "675", "total_mvnd": "675"}},
	{4689, map[int]string{4713: "2024·-·", 4714: "···", 4716: "-·"},
		map[string]string{"code": "2.1", "period": "2024", "local_mvnd": "0", "total_mvnd": "0", "invest_mvnd": ""}},
	{5024, map[int]string{5024: "3.6·Triển·khai·Ipv6·Chuyển·tiếp·Sở·TT&TT·", 5058: "2024·-·", 5059: "···", 5061: "Xin·bổ·"},
		map[string]string{"task": "Triển khai Ipv6", "status": "continuing", "lead_unit": "Sở TT&TT", "local_mvnd": "0", "total_mvnd": ""}},
	{5120, map[int]string{5130: "Mới·", 5131: "Tỉnh·ủy·", 5133: "Sóc·Trăng·", 5147: "2024·", 5148: "··", 5150: "10.000·", 5151: "·", 5153: "10.000·"},
		map[string]string{"lead_unit": "Tỉnh ủy Sóc Trăng", "local_mvnd": "", "invest_mvnd": "10.000", "other_mvnd": "", "total_mvnd": "10.000"}},
	{5431, map[int]string{5459: "2024·", 5460: "···", 5462: "1.500·1.500·"},
		map[string]string{"lead_unit": "Sở Nội vụ", "invest_mvnd": "", "other_mvnd": "1.500", "total_mvnd": "1.500"}},
	{5873, map[int]string{5871: "6·Nhân·lực·số·········480·-·-·-·480·", 5873: "-·", 5916: "480·", 5918: "···", 5919: "480·"},
		map[string]string{"pillar_no": "6", "code": "", "local_mvnd": "480", "total_mvnd": "480", "period": "Hàng năm"}},
	{5923, map[int]string{5923: "7.1·Kiểm·tra,·đánh·giá·an·toàn,·Mới·Sở·TT&TT·Thực·hiện·rà·quét,·kiểm·tra,·đánh·giá·2024·490·", 5924: "···", 5926: "490·"},
		map[string]string{"period": "2024", "local_mvnd": "490", "total_mvnd": "490", "lead_unit": "Sở TT&TT", "task": "Kiểm tra, đánh giá an toàn, bảo mật thông tin định kỳ cho các hệ thống thông tin"}},
	{6739, map[int]string{6739: "9.3·Hỗ·trợ·tổ·chức·hội·thi·tin·Mới·Tinh·đoàn·Tổ·chức·cuộc·thi·tin·học·ứng·dụng·cho·Hằng·200·", 6740: "···", 6742: "200·", 6774: "năm·"},
		map[string]string{"period": "Hằng năm", "local_mvnd": "200", "total_mvnd": "200", "lead_unit": "Tinh đoàn"}},
	{6854, map[int]string{6899: "2024·", 6900: "···", 6902: "1.000·1.000·"},
		map[string]string{"code": "10.2", "other_mvnd": "1.000", "total_mvnd": "1.000", "lead_unit": "Sở KH&CN"}},
}

func TestDX2024GoldenAgainstSource(t *testing.T) {
	checkPillarQuotes(t, "soctrang-2024-dx-pillars", []string{"local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd", "total_mvnd"}, dxPillarQuotes2024)
	src := dxSourceLines(t)
	g := readDXGolden(t, "soctrang-2024-dx-items")
	if len(g.rows) != 48 {
		t.Errorf("%d tasks", len(g.rows))
	}
	for _, q := range dxItems2024 {
		for n, quote := range q.cells {
			if got := strings.ReplaceAll(src[n-1], " ", "·"); got != quote {
				t.Errorf("line %d is %q, quoted %q", n, got, quote)
			}
		}
		for col, want := range q.want {
			if strings.HasSuffix(col, "_mvnd") {
				want = plainMillions(want)
				if q.want[col] == "" {
					want = ""
				}
			}
			if got := g.cell(t, q.line, col); got != want {
				t.Errorf("task at line %d, %s: golden %q, want %q", q.line, col, got, want)
			}
		}
	}
	for _, r := range g.rows {
		if r[len(r)-2] != "layout" {
			t.Errorf("task %v: assignment %q", r[:4], r[len(r)-2])
		}
	}
}

// TestDXCuratedInSource checks each reviewed transcription against the
// source: its words stand, in order, among the words of the task's lines
// (from its first line to the next task's), and it exists only where the
// reader leaves a field unsure.
func TestDXCuratedInSource(t *testing.T) {
	src := dxSourceLines(t)
	text, err := os.ReadFile("sources/" + dxSourceFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file, id, appendix string
		layout             loaders.Layout
	}{
		{"curated/soctrang-2023-dx-items.csv", "soctrang-2023-dx-items", "01", dxtext.DXResults},
		{"curated/soctrang-2024-dx-items.csv", "soctrang-2024-dx-items", "2", dxtext.DXPlan},
	} {
		f, err := os.Open(c.file)
		if err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(f)
		cr.Comment = '#'
		recs, err := cr.ReadAll()
		f.Close()
		if err != nil || len(recs) < 2 {
			t.Fatalf("%s: %v", c.file, err)
		}
		g := readDXGolden(t, c.id)
		var starts []int
		for l := range g.rows {
			n, _ := strconv.Atoi(l)
			starts = append(starts, n)
		}
		sort.Ints(starts)
		var curated []string
		for _, rec := range recs[1:] {
			line, _ := strconv.Atoi(rec[0])
			end := len(src)
			for _, s := range starts {
				if s > line {
					end = s - 1
					break
				}
			}
			var words []string
			for _, l := range src[line-1 : end] {
				words = append(words, strings.Fields(l)...)
			}
			// "…2021-" + "2025" on the next line is one word.
			joined := strings.Join(words, " ")
			joined = strings.ReplaceAll(joined, "- ", "-")
			if !subsequence(strings.Fields(rec[3]), strings.Fields(joined)) {
				t.Errorf("%s: %s of task %s (line %d): %q is not in lines %d–%d", c.file, rec[2], rec[1], line, rec[3], line, end)
			}
			if got := g.cell(t, line, rec[2]); got != rec[3] {
				t.Errorf("%s: %s of task %s: dataset %q, transcription %q", c.file, rec[2], rec[1], got, rec[3])
			}
			curated = append(curated, fmt.Sprintf("%d %s", line, rec[2]))
		}
		tb, err := dxtext.ReadDX(text, c.layout, loaders.Options{File: dxSourceFile, Appendix: c.appendix, Convention: loaders.DotThousands})
		if err != nil {
			t.Fatal(err)
		}
		var unsure []string
		for _, it := range tb.Items {
			for _, u := range it.Unsure {
				field, _, _ := strings.Cut(u, ":")
				unsure = append(unsure, fmt.Sprintf("%d %s", it.Line, field))
			}
		}
		sort.Strings(curated)
		sort.Strings(unsure)
		if strings.Join(curated, ",") != strings.Join(unsure, ",") {
			t.Errorf("%s transcribes %v; the reader leaves unsure %v", c.file, curated, unsure)
		}
	}
}

// subsequence reports whether want appears in order within have.
func subsequence(want, have []string) bool {
	i := 0
	for _, h := range have {
		if i < len(want) && h == want[i] {
			i++
		}
	}
	return i == len(want)
}

func TestDX2024Figures(t *testing.T) {
	items := datasets.MustLoad("soctrang-2024-dx-items")
	defer items.Release()
	// Lines 2632–2642: 152.703 in all, 18.023 + 128.225 + 6.455 by source.
	for col, want := range map[string]float64{"total_mvnd": 152703, "local_mvnd": 18023, "invest_mvnd": 128225, "other_mvnd": 6455, "central_mvnd": 0} {
		s := 0.0
		for i, v := range items.Col(col).Float64s() {
			if !items.Col(col).IsNull(i) {
				s += v
			}
		}
		if s != want {
			t.Errorf("sum of %s = %v, the text says %v", col, s, want)
		}
	}
	if v, err := loaders.ParseAmountWords("Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng"); err != nil || v != 152703 {
		t.Errorf("the total in words (lines 2632–2634) = %v, %v", v, err)
	}
}
