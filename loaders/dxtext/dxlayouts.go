package dxtext

import (
	"strings"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/vntext"
)

// The amount assignments of dx-results and dx-plan rows: how each row's
// figures reached their columns.
const (
	// AssignLayout: read from the positions of the figures in the text.
	AssignLayout = "layout"
	// AssignInferred: the positions were lost; the only placement of the
	// figures, in their written order, that makes every column add up to
	// the pillar's reported subtotal.
	AssignInferred = "inferred"
	// AssignCurated: taken from a reviewed transcription kept with the
	// data (set by the caller, never by the loader).
	AssignCurated = "curated"
)

// The digital-transformation budget layouts.
var (
	// DXResults is the table of a year's digital-transformation tasks by
	// pillar, with the amounts planned and spent by funding source (Phụ
	// lục 01 of Sóc Trăng's 2024 plan: the 2023 results). Pillar rows
	// ("3 Hạ tầng số 7.843 0 0 0 4.682 …") are subtotals, "TỔNG CỘNG" the
	// grand total; both are claims, not rows. A summary by funding source
	// may follow the table (DXTable.Funding).
	DXResults = loaders.Layout{
		Name:        "dx-results",
		Description: "Danh mục nhiệm vụ chuyển đổi số theo lĩnh vực, kinh phí giao và đã thực hiện theo nguồn: digital-transformation tasks by pillar, planned vs spent by funding source (NSĐP, NSTW, ĐTPT, other)",
		TotalFrom:   "planned_local_mvnd",
		MoneyUnit:   loaders.Million,
		DashZero:    true,
		Form:        loaders.PDFResults,
		Cells: []loaders.CellSpec{
			{Kind: loaders.RowNumber, Name: "pillar_no", LabelVI: "STT lĩnh vực"},
			{Kind: loaders.Text, Name: "pillar", LabelVI: "Lĩnh vực (trụ cột chuyển đổi số)"},
			{Kind: loaders.Text, Name: "code", LabelVI: "TT"},
			{Kind: loaders.Text, Name: "task", LabelVI: "Nhiệm vụ/dự án"},
			{Kind: loaders.Money, Name: "planned_local_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: NSĐP (ngân sách địa phương)"},
			{Kind: loaders.Money, Name: "planned_central_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: NSTW (ngân sách trung ương)"},
			{Kind: loaders.Money, Name: "planned_invest_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: ĐTPT (đầu tư phát triển)"},
			{Kind: loaders.Money, Name: "planned_other_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: Nguồn khác"},
			{Kind: loaders.Money, Name: "spent_local_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: NSĐP"},
			{Kind: loaders.Money, Name: "spent_central_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: NSTW"},
			{Kind: loaders.Money, Name: "spent_invest_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: ĐTPT"},
			{Kind: loaders.Money, Name: "spent_other_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: Nguồn khác"},
			{Kind: loaders.Text, Name: "note", LabelVI: "Ghi chú"},
			{Kind: loaders.Text, Name: "assignment", LabelVI: "Cách xác định cột của số tiền (layout, inferred, curated)"},
		},
	}
	// DXPlan is the table of a year's planned digital-transformation tasks
	// by pillar: new or continuing, lead unit, period, and the amounts by
	// funding source with their total (Phụ lục 2 of Sóc Trăng's 2024
	// plan). Pillar rows are subtotals, "TỔNG CỘNG" the grand total.
	DXPlan = loaders.Layout{
		Name:        "dx-plan",
		Description: "Danh mục nhiệm vụ, dự án chuyển đổi số dự kiến theo lĩnh vực, kinh phí theo nguồn và tổng: planned digital-transformation tasks by pillar, by funding source with total",
		TotalFrom:   "local_mvnd",
		MoneyUnit:   loaders.Million,
		DashZero:    true,
		Form:        loaders.PDFPlan,
		Cells: []loaders.CellSpec{
			{Kind: loaders.RowNumber, Name: "pillar_no", LabelVI: "STT lĩnh vực"},
			{Kind: loaders.Text, Name: "pillar", LabelVI: "Lĩnh vực (trụ cột chuyển đổi số)"},
			{Kind: loaders.Text, Name: "code", LabelVI: "TT"},
			{Kind: loaders.Text, Name: "task", LabelVI: "Nhiệm vụ/dự án"},
			{Kind: loaders.Text, Name: "status", LabelVI: "Dự án mới/chuyển tiếp (new/continuing)"},
			{Kind: loaders.Text, Name: "lead_unit", LabelVI: "Đơn vị chủ trì"},
			{Kind: loaders.Text, Name: "period", LabelVI: "Thời gian triển khai"},
			{Kind: loaders.Money, Name: "local_mvnd", LabelVI: "Kinh phí thực hiện: NSĐP (ngân sách địa phương)"},
			{Kind: loaders.Money, Name: "central_mvnd", LabelVI: "Kinh phí thực hiện: NSTW (ngân sách trung ương)"},
			{Kind: loaders.Money, Name: "invest_mvnd", LabelVI: "Kinh phí thực hiện: ĐTPT (đầu tư phát triển)"},
			{Kind: loaders.Money, Name: "other_mvnd", LabelVI: "Kinh phí thực hiện: Nguồn khác"},
			{Kind: loaders.Money, Name: "total_mvnd", LabelVI: "Dự kiến tổng mức đầu tư"},
			{Kind: loaders.Text, Name: "assignment", LabelVI: "Cách xác định cột của số tiền (layout, inferred, curated)"},
		},
	}
)

// The two layouts read their text with this package's reader and are
// registered with loaders, so that loaders.LookupLayout (and ictplan parse
// --layout) finds them in any program that imports this package.
func init() {
	DXResults.Read, DXPlan.Read = parsePDFText, parsePDFText
	DXResults.ReadCells, DXPlan.ReadCells = parseCells, parseCells
	planned, spent := ResultColumns()
	DXResults.Checks = loaders.Checks{Subject: "code",
		Spent:     &loaders.SpentCheck{Planned: planned, Spent: spent},
		NoteRates: []loaders.NoteRateCheck{{Note: "note", Words: []string{"tỷ lệ giải ngân", "tỷ lệ thực hiện"}, Numerator: spent, Denominator: planned}},
	}
	DXPlan.Checks = loaders.Checks{Subject: "code",
		Parts: []loaders.PartsCheck{{Whole: "total_mvnd", Parts: []string{"local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd"}}},
	}
	for _, l := range []loaders.Layout{DXResults, DXPlan} {
		if err := loaders.RegisterLayout(l); err != nil {
			panic(err)
		}
	}
}

// moneyCells returns the indexes in l.Cells of the Money cells, in order:
// the amount columns of a dx table.
func moneyCells(l loaders.Layout) []int {
	var out []int
	for i, c := range l.Cells {
		if c.Kind == loaders.Money || c.Kind == loaders.MoneyOrText {
			out = append(out, i)
		}
	}
	return out
}

// Pillar is one of the pillars of a provincial digital-transformation plan.
type Pillar struct {
	Key  string // stable English key, e.g. "digital_infrastructure"
	VI   string // Vietnamese name as the plans write it, e.g. "Hạ tầng số"
	Name string // English name
}

// Pillars returns the pillars of the provincial digital-transformation
// plans (Nhận thức số … Kinh tế số), in the order of the plans.
func Pillars() []Pillar { return append([]Pillar(nil), pillars...) }

var pillars = []Pillar{
	{"digital_awareness", "Nhận thức số", "Digital awareness"},
	{"digital_institutions", "Thể chế số", "Digital institutions"},
	{"digital_infrastructure", "Hạ tầng số", "Digital infrastructure"},
	{"digital_data", "Dữ liệu số", "Digital data"},
	{"digital_platforms", "Nền tảng số", "Digital platforms"},
	{"digital_workforce", "Nhân lực số", "Digital workforce"},
	{"cybersecurity", "An toàn thông tin mạng", "Cybersecurity"},
	{"digital_government", "Chính quyền số", "Digital government"},
	{"digital_society", "Xã hội số", "Digital society"},
	{"digital_economy", "Kinh tế số", "Digital economy"},
}

// PillarKey returns the stable English key of a pillar named in
// Vietnamese ("Hạ tầng số" -> "digital_infrastructure"), matching without
// regard to case, diacritics or spacing; "" when the name is not a known
// pillar.
func PillarKey(name string) string {
	f := foldVI(name)
	for i, p := range pillars {
		if pillarFolds[i] == f {
			return p.Key
		}
	}
	return ""
}

// pillarFolds are the folded names of the pillars.
var pillarFolds = func() []string {
	out := make([]string, len(pillars))
	for i, p := range pillars {
		out[i] = foldVI(p.VI)
	}
	return out
}()

// foldVI lower-cases, drops diacritics (đ -> d) and collapses blanks.
func foldVI(s string) string { return vntext.Fold(loaders.CleanText(s)) }

// ResultColumns returns the money columns of DXResults by phase: the
// amounts planned and the amounts spent, one per funding source, in the
// same order (for spent-against-given checks).
func ResultColumns() (planned, spent []string) {
	for _, c := range DXResults.Cells {
		if c.Kind != loaders.Money {
			continue
		}
		switch {
		case strings.HasPrefix(c.Name, "planned_"):
			planned = append(planned, c.Name)
		case strings.HasPrefix(c.Name, "spent_"):
			spent = append(spent, c.Name)
		}
	}
	return planned, spent
}
