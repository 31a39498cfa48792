package loaders

import "github.com/ictplan/ictplan/vntext"

// TextForm is the text form a layout reads with ParseText.
type TextForm int

// The text forms.
const (
	// CellPerLine is the web-copy form: one table cell per line, cells
	// separated by blank lines (SplitCells).
	CellPerLine TextForm = iota
	// PDFResults is the PDF text of a budget table of planned against
	// spent amounts by funding source, with pillar subtotals (layout
	// dx-results). A row's figures stand on one line, where each figure
	// is followed by one space and an empty cell leaves two spaces.
	PDFResults
	// PDFPlan is the PDF text of a budget table by funding source with a
	// total, with pillar subtotals and repeated page headers (layout
	// dx-plan). A row's figures follow its period of implementation and
	// may run over several lines; each figure is followed by one space and
	// an empty cell leaves one space, so a line of three spaces is three
	// empty cells.
	PDFPlan
)

// String names the form.
func (f TextForm) String() string {
	switch f {
	case CellPerLine:
		return "one cell per line"
	case PDFResults:
		return "PDF text (results by funding source)"
	case PDFPlan:
		return "PDF text (plan by funding source)"
	}
	return "unknown text form"
}

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
	DXResults = Layout{
		Name:        "dx-results",
		Description: "Danh mục nhiệm vụ chuyển đổi số theo lĩnh vực, kinh phí giao và đã thực hiện theo nguồn: digital-transformation tasks by pillar, planned vs spent by funding source (NSĐP, NSTW, ĐTPT, other)",
		TotalFrom:   "planned_local_mvnd",
		MoneyUnit:   Million,
		DashZero:    true,
		Form:        PDFResults,
		Cells: []CellSpec{
			{Kind: RowNumber, Name: "pillar_no", LabelVI: "STT lĩnh vực"},
			{Kind: Text, Name: "pillar", LabelVI: "Lĩnh vực (trụ cột chuyển đổi số)"},
			{Kind: Text, Name: "code", LabelVI: "TT"},
			{Kind: Text, Name: "task", LabelVI: "Nhiệm vụ/dự án"},
			{Kind: Money, Name: "planned_local_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: NSĐP (ngân sách địa phương)"},
			{Kind: Money, Name: "planned_central_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: NSTW (ngân sách trung ương)"},
			{Kind: Money, Name: "planned_invest_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: ĐTPT (đầu tư phát triển)"},
			{Kind: Money, Name: "planned_other_mvnd", LabelVI: "Kinh phí được giao theo kế hoạch: Nguồn khác"},
			{Kind: Money, Name: "spent_local_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: NSĐP"},
			{Kind: Money, Name: "spent_central_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: NSTW"},
			{Kind: Money, Name: "spent_invest_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: ĐTPT"},
			{Kind: Money, Name: "spent_other_mvnd", LabelVI: "Tổng kinh phí đã thực hiện: Nguồn khác"},
			{Kind: Text, Name: "note", LabelVI: "Ghi chú"},
			{Kind: Text, Name: "assignment", LabelVI: "Cách xác định cột của số tiền (layout, inferred, curated)"},
		},
	}
	// DXPlan is the table of a year's planned digital-transformation tasks
	// by pillar: new or continuing, lead unit, period, and the amounts by
	// funding source with their total (Phụ lục 2 of Sóc Trăng's 2024
	// plan). Pillar rows are subtotals, "TỔNG CỘNG" the grand total.
	DXPlan = Layout{
		Name:        "dx-plan",
		Description: "Danh mục nhiệm vụ, dự án chuyển đổi số dự kiến theo lĩnh vực, kinh phí theo nguồn và tổng: planned digital-transformation tasks by pillar, by funding source with total",
		TotalFrom:   "local_mvnd",
		MoneyUnit:   Million,
		DashZero:    true,
		Form:        PDFPlan,
		Cells: []CellSpec{
			{Kind: RowNumber, Name: "pillar_no", LabelVI: "STT lĩnh vực"},
			{Kind: Text, Name: "pillar", LabelVI: "Lĩnh vực (trụ cột chuyển đổi số)"},
			{Kind: Text, Name: "code", LabelVI: "TT"},
			{Kind: Text, Name: "task", LabelVI: "Nhiệm vụ/dự án"},
			{Kind: Text, Name: "status", LabelVI: "Dự án mới/chuyển tiếp (new/continuing)"},
			{Kind: Text, Name: "lead_unit", LabelVI: "Đơn vị chủ trì"},
			{Kind: Text, Name: "period", LabelVI: "Thời gian triển khai"},
			{Kind: Money, Name: "local_mvnd", LabelVI: "Kinh phí thực hiện: NSĐP (ngân sách địa phương)"},
			{Kind: Money, Name: "central_mvnd", LabelVI: "Kinh phí thực hiện: NSTW (ngân sách trung ương)"},
			{Kind: Money, Name: "invest_mvnd", LabelVI: "Kinh phí thực hiện: ĐTPT (đầu tư phát triển)"},
			{Kind: Money, Name: "other_mvnd", LabelVI: "Kinh phí thực hiện: Nguồn khác"},
			{Kind: Money, Name: "total_mvnd", LabelVI: "Dự kiến tổng mức đầu tư"},
			{Kind: Text, Name: "assignment", LabelVI: "Cách xác định cột của số tiền (layout, inferred, curated)"},
		},
	}
)

func init() {
	for _, l := range []Layout{DXResults, DXPlan} {
		if err := RegisterLayout(l); err != nil {
			panic(err)
		}
	}
}

// moneyCells returns the indexes in l.Cells of the Money cells, in order:
// the amount columns of a dx table.
func moneyCells(l Layout) []int {
	var out []int
	for i, c := range l.Cells {
		if c.Kind == Money || c.Kind == MoneyOrText {
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
func foldVI(s string) string { return vntext.Fold(CleanText(s)) }
