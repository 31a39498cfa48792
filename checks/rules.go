package checks

import (
	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// rules are the reconciliation rules of each dataset beyond its reported
// totals (which every dataset's check compares with its rows): the
// subject column that names a row in findings, reported ratios against
// their columns, parts within their whole, the figures the document's text
// states about the dataset, the amounts it writes in digits and words, and
// a hook for what only that dataset has.
type rules struct {
	subject string
	ratios  []reconcile.Ratio
	parts   []reconcile.Parts
	claims  []reconcile.Claim
	words   []wordAmount
	items   *textItems
	// hook, if set, adds the dataset's own reconciliation.
	hook func(e datasets.Entry, data, claims *frame.Frame) (reconcile.Report, error)
}

// wordAmount is an amount the text writes in digits and again in words,
// both on line Line.
type wordAmount struct {
	Line          int
	Subject       string
	Digits, Words string
}

// textItems are the work items of a document's text with the amount it
// gives each, the table rows they are, and the total the text states:
// key names the table's key column, amount the compared column.
type textItems struct {
	key, amount string
	items       []reconcile.TextItem
	total       reconcile.ItemTotal
}

// planItems are the twelve work items of section V of the 2010 plan
// (lines 207–549), each with its "Kinh phí dự kiến", and the project of
// Phụ lục 5 (lines 2480–2771) it is; the total is section VIII's.
var planItems = &textItems{key: "no", amount: "total_mvnd",
	items: []reconcile.TextItem{
		{Line: 235, Name: "1.1. Hoàn thiện hệ thống mạng nội bộ", Text: "Kinh phí dự kiến: 24 tỷ đồng", Amount: 24000, Row: "1"},
		{Line: 259, Name: "1.2. Thuê hệ thống mạng Truyền số liệu chuyên dùng", Text: "Kinh phí dự kiến: 2,5 tỷ đồng", Amount: 2500, Row: "7"},
		{Line: 295, Name: "1.3. Nâng cấp, mở rộng Trung tâm tích hợp dữ liệu", Text: "Dự kiến kinh phí: 9,5 tỷ đồng", Amount: 9500, Row: "6"},
		{Line: 325, Name: "2.1. Xây dựng hệ thống thông tin quản lý văn bản và chỉ đạo, điều hành", Text: "Kinh phí dự kiến: 8,580 tỷ đồng", Amount: 8580, Row: "3"},
		{Line: 351, Name: "2.2. Xây dựng hệ thống thư điện tử", Text: "Kinh phí dự kiến: 3,613 tỷ đồng", Amount: 3613, Row: "2"},
		{Line: 373, Name: "2.3. Xây dựng hệ thống Hội nghị truyền hình", Text: "Kinh phí dự kiến: 7,286 tỷ đồng", Amount: 7286, Row: "4"},
		{Line: 403, Name: "3.1. Xây dựng cổng thông tin điện tử của tỉnh", Text: "Kinh phí dự kiến: 7,566 tỷ đồng", Amount: 7566, Row: "5"},
		{Line: 433, Name: "3.2. Triển khai mô hình một cửa điện tử liên thông", Text: "Kinh phí dự kiến: 12 tỷ đồng", Amount: 12000, Row: "8"},
		{Line: 473, Name: "3.3. Cung cấp các dịch vụ hành chính công trên cổng thông tin điện tử", Text: "Kinh phí dự kiến: 5 tỷ đồng", Amount: 5000, Row: "9"},
		{Line: 505, Name: "4.1. Phát triển nguồn nhân lực CNTT", Text: "Kinh phí dự kiến: 5 tỷ đồng", Amount: 5000, Row: "10"},
		{Line: 529, Name: "5.1. Đảm bảo kinh phí duy trì, vận hành hệ thống cổng thông tin điện tử", Text: "Dự kiến kinh phí: 10 tỷ đồng", Amount: 10000, Row: "11"},
		{Line: 549, Name: "5.2. Đảm bảo kinh phí bảo dưỡng, duy trì hoạt động hệ thống mạng nội bộ", Text: "Dự kiến kinh phí: 10 tỷ đồng", Amount: 10000, Row: "12"},
	},
	total: reconcile.ItemTotal{Subject: "kinh phí các mục của phần V (costs of section V's items)", Line: 639, Amount: 109045,
		Text: "Tổng kinh phí dự kiến triển khai Kế hoạch … là 109.045.000.000 đồng"},
}

var computerRatios = []reconcile.Ratio{
	{Reported: "computers_per_staff_reported", Numerator: "computers", Denominator: "staff"},
	{Reported: "lan_share_reported", Numerator: "lan_computers", Denominator: "computers"},
	{Reported: "internet_share_reported", Numerator: "internet_computers", Denominator: "computers"},
}

var computerParts = []reconcile.Parts{
	{Whole: "computers", Parts: []string{"internet_computers"}, AtMost: true},
	{Whole: "computers", Parts: []string{"lan_computers"}, AtMost: true},
}

// byDataset holds the rules of each dataset that has more than its totals
// to check; the hooks of the datasets built by code are added by the
// init functions of this package's other files.
var byDataset = map[string]rules{
	"soctrang-2010-it-staff": {
		subject: "unit",
		parts: []reconcile.Parts{
			{Whole: "staff_total", Parts: []string{"it_university", "it_college", "it_vocational", "cert_b", "cert_a", "basic_user"}, AtMost: true},
			{Whole: "staff_total", Parts: []string{"email_users"}, AtMost: true},
		},
		claims: []reconcile.Claim{{
			Subject: "CBCC biết sử dụng máy vi tính (staff able to use a computer), all units of Phụ lục 1",
			Text:    "tỷ lệ CBCC biết sử dụng máy vi tính trong các cơ quan Nhà nước đạt hơn 90%", Line: 103,
			Value: 90, Comparator: ">", Percent: true,
			Numerator:   refs("soctrang-2010-it-staff", "it_university", "it_college", "it_vocational", "cert_b", "cert_a", "basic_user"),
			Denominator: refs("soctrang-2010-it-staff", "staff_total"),
		}},
	},
	"soctrang-2010-computers-provincial": {
		subject: "unit", ratios: computerRatios, parts: computerParts,
		claims: []reconcile.Claim{
			{
				Subject: "máy tính/CBCC bình quân toàn tỉnh (computers per civil servant), Phụ lục 2 + 3",
				Text:    "Tỷ lệ Máy tính/Cán bộ công chức (quản lý nhà nước) bình quân trên toàn tỉnh đạt khoảng 69%", Line: 65,
				Value: 69, Tolerance: 0.5, Percent: true,
				Numerator:   []reconcile.ColumnRef{{Dataset: "soctrang-2010-computers-provincial", Column: "computers"}, {Dataset: "soctrang-2010-computers-district", Column: "computers"}},
				Denominator: []reconcile.ColumnRef{{Dataset: "soctrang-2010-computers-provincial", Column: "staff"}, {Dataset: "soctrang-2010-computers-district", Column: "staff"}},
			},
			{
				Subject: "máy tính kết nối Internet (share of computers on the Internet), Phụ lục 2 + 3",
				Text:    "tổng số máy tính có tham gia kết nối Internet còn ở mức thấp (khoảng 60%, do hệ thống các mạng nội bộ chưa hoàn chỉnh - đặc biệt là ở các huyện)", Line: 63,
				Value: 60, Tolerance: 0.5, Percent: true,
				Numerator:   []reconcile.ColumnRef{{Dataset: "soctrang-2010-computers-provincial", Column: "internet_computers"}, {Dataset: "soctrang-2010-computers-district", Column: "internet_computers"}},
				Denominator: []reconcile.ColumnRef{{Dataset: "soctrang-2010-computers-provincial", Column: "computers"}, {Dataset: "soctrang-2010-computers-district", Column: "computers"}},
			},
		},
	},
	"soctrang-2010-computers-district": {
		subject: "unit", ratios: computerRatios, parts: computerParts,
	},
	"soctrang-2009-2010-projects": {
		subject: "project",
	},
	"soctrang-2011-2015-projects": {
		subject: "project", items: planItems,
		parts: []reconcile.Parts{
			{Whole: "total_mvnd", Parts: []string{"invest_central_mvnd", "invest_local_mvnd", "recurrent_central_mvnd", "recurrent_local_mvnd"}},
		},
		words: []wordAmount{{Line: 639, Subject: "tổng kinh phí 2011–2015 (total cost)",
			Digits: "109.045.000.000 đồng", Words: "một trăm lẻ chín tỷ, bốn mươi lăm triệu đồng"}},
		claims: []reconcile.Claim{
			{Subject: "tổng kinh phí 2011–2015 (total cost)", Text: "Tổng kinh phí dự kiến triển khai Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước giai đoạn 2011-2015 của tỉnh Sóc Trăng là 109.045.000.000 đồng", Line: 639,
				Value: 109045, Numerator: refs("soctrang-2011-2015-projects", "total_mvnd")},
			{Subject: "vốn đầu tư phát triển (development investment)", Text: "Nguồn vốn đầu tư phát triển là: 63.045.000.000 đồng", Line: 641,
				Value: 63045, Numerator: refs("soctrang-2011-2015-projects", "invest_central_mvnd", "invest_local_mvnd")},
			{Subject: "vốn đầu tư phát triển: Trung ương (central)", Text: "trong đó Trung ương hỗ trợ là 39.120.000.000 đồng", Line: 641,
				Value: 39120, Numerator: refs("soctrang-2011-2015-projects", "invest_central_mvnd")},
			{Subject: "vốn đầu tư phát triển: địa phương (local)", Text: "ngân sách địa phương là 23.925.000.000 đồng", Line: 641,
				Value: 23925, Numerator: refs("soctrang-2011-2015-projects", "invest_local_mvnd")},
			{Subject: "vốn sự nghiệp (recurrent)", Text: "Nguồn vốn sự nghiệp là: 46.000.000.000 đồng", Line: 643,
				Value: 46000, Numerator: refs("soctrang-2011-2015-projects", "recurrent_central_mvnd", "recurrent_local_mvnd")},
			{Subject: "vốn sự nghiệp: Trung ương (central)", Text: "trong đó ngân sách Trung ương hỗ trợ là 20.500.000.000 đồng", Line: 643,
				Value: 20500, Numerator: refs("soctrang-2011-2015-projects", "recurrent_central_mvnd")},
			{Subject: "vốn sự nghiệp: địa phương (local)", Text: "ngân sách địa phương là 25.500.000.000 đồng", Line: 643,
				Value: 25500, Numerator: refs("soctrang-2011-2015-projects", "recurrent_local_mvnd")},
		},
	},
}

func refs(dataset string, cols ...string) []reconcile.ColumnRef {
	out := make([]reconcile.ColumnRef, len(cols))
	for i, c := range cols {
		out[i] = reconcile.ColumnRef{Dataset: dataset, Column: c}
	}
	return out
}
