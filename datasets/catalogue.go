package datasets

import (
	"fmt"
	"sort"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// Entry describes a dataset of the catalogue.
type Entry struct {
	ID           string
	TitleVI      string
	TitleEN      string
	Province     string
	Period       string
	Source       string // embedded source file
	Document     string
	DocumentDate string
	Appendix     string // "Phụ lục 1" ... ("" when the dataset is not one appendix)
	Layout       string // loaders layout name
	Rows         int    // rows of the dataset
	// Convention of the numbers and why it holds.
	Convention     loaders.Convention
	ConventionNote string

	appendixID string
	ratios     []reconcile.Ratio
	parts      []reconcile.Parts
	subject    string
	claims     []reconcile.Claim
	words      []wordAmount
	// build, if set, makes the dataset and its claims (a Frame of
	// reconcile.ClaimFields, possibly empty) instead of a layout parse.
	build func(e Entry) (data, claims *frame.Frame, err error)
	// check, if set, adds dataset-specific reconciliation.
	check func(e Entry, data, claims *frame.Frame) (reconcile.Report, error)
}

// wordAmount is an amount the text writes in digits and again in words.
type wordAmount struct {
	Line          int
	Subject       string
	Digits, Words string
}

const (
	plan2010 = "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"
	conv2010 = "Phụ lục 1–5 of Kế hoạch 21/KH-UBND group thousands with a comma and write decimals with a point: " +
		"Phụ lục 2 writes ratios such as 0.89308 (line 1413) and Phụ lục 4 amounts such as 9,189,899,000 (line 2391); " +
		"Phụ lục 5 alone has no token that decides (24,000 could be 24), so the document's convention is applied to it"
)

var computerRatios = []reconcile.Ratio{
	{Reported: "computers_per_staff_reported", Numerator: "computers", Denominator: "staff"},
	{Reported: "lan_share_reported", Numerator: "lan_computers", Denominator: "computers"},
	{Reported: "internet_share_reported", Numerator: "internet_computers", Denominator: "computers"},
}

var computerParts = []reconcile.Parts{
	{Whole: "computers", Parts: []string{"internet_computers"}, AtMost: true},
	{Whole: "computers", Parts: []string{"lan_computers"}, AtMost: true},
}

var catalogue = []Entry{
	{
		ID:       "soctrang-2010-it-staff",
		TitleVI:  "Hiện trạng nguồn nhân lực CNTT các sở, ban, ngành, UBND huyện, thành phố (2010)",
		TitleEN:  "IT staff by unit: IT graduates, IT certificates, e-mail users, Sóc Trăng 2010",
		Province: "Sóc Trăng", Period: "2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 1", appendixID: "1", Layout: "it-staff", Rows: 31,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
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
	{
		ID:       "soctrang-2010-computers-provincial",
		TitleVI:  "Số lượng cán bộ, công chức và số máy tính ở các sở, ban ngành tỉnh (2010)",
		TitleEN:  "Staff and computers (Internet, LAN) by provincial department, Sóc Trăng 2010",
		Province: "Sóc Trăng", Period: "2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 2", appendixID: "2", Layout: "computers", Rows: 27,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
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
	{
		ID:       "soctrang-2010-computers-district",
		TitleVI:  "Số lượng cán bộ, công chức và số máy tính ở các huyện, thành phố trên địa bàn tỉnh (2010)",
		TitleEN:  "Staff and computers (Internet, LAN) by type of district office, Sóc Trăng 2010",
		Province: "Sóc Trăng", Period: "2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 3", appendixID: "3", Layout: "computers", Rows: 22,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
		subject: "unit", ratios: computerRatios, parts: computerParts,
	},
	{
		ID:       "soctrang-2009-2010-projects",
		TitleVI:  "Danh mục các dự án dự kiến triển khai giai đoạn 2009-2010",
		TitleEN:  "IT projects planned for 2009–2010: cost, status and funding, Sóc Trăng",
		Province: "Sóc Trăng", Period: "2009-2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 4", appendixID: "4", Layout: "projects-2009", Rows: 5,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
		subject: "project",
	},
	{
		ID:       "soctrang-2011-2015-projects",
		TitleVI:  "Bảng tổng hợp danh mục các dự án triển khai giai đoạn 2011-2015",
		TitleEN:  "IT projects 2011–2015 by funding source (investment/recurrent, central/local), Sóc Trăng",
		Province: "Sóc Trăng", Period: "2011-2015", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 5", appendixID: "5", Layout: "projects-plan", Rows: 13,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
		subject: "project",
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

// Catalogue returns the entries of every dataset, sorted by id.
func Catalogue() []Entry {
	out := make([]Entry, len(catalogue))
	copy(out, catalogue)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// IDs returns the dataset ids, sorted.
func IDs() []string {
	out := make([]string, len(catalogue))
	for i, e := range Catalogue() {
		out[i] = e.ID
	}
	return out
}

// Lookup returns the entry of a dataset id.
func Lookup(id string) (Entry, error) {
	for _, e := range catalogue {
		if e.ID == id {
			return e, nil
		}
	}
	return Entry{}, fmt.Errorf("datasets: no dataset %q (ids: %s)", id, strings.Join(IDs(), ", "))
}
