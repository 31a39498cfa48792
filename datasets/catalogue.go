package datasets

import (
	"fmt"
	"sort"
	"strings"

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
	// build, if set, makes the dataset and its claims (a Frame of
	// frame.ClaimFields, possibly empty) instead of a layout parse.
	build func(e Entry) (data, claims *frame.Frame, err error)
}

const (
	plan2010 = "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"
	conv2010 = "Phụ lục 1–5 of Kế hoạch 21/KH-UBND group thousands with a comma and write decimals with a point: " +
		"Phụ lục 2 writes ratios such as 0.89308 (line 1413) and Phụ lục 4 amounts such as 9,189,899,000 (line 2391); " +
		"Phụ lục 5 alone has no token that decides (24,000 could be 24), so the document's convention is applied to it"
)

var catalogue = []Entry{
	{
		ID:       "soctrang-2010-it-staff",
		TitleVI:  "Hiện trạng nguồn nhân lực CNTT các sở, ban, ngành, UBND huyện, thành phố (2010)",
		TitleEN:  "IT staff by unit: IT graduates, IT certificates, e-mail users, Sóc Trăng 2010",
		Province: "Sóc Trăng", Period: "2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 1", appendixID: "1", Layout: "it-staff", Rows: 31,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
	},
	{
		ID:       "soctrang-2010-computers-provincial",
		TitleVI:  "Số lượng cán bộ, công chức và số máy tính ở các sở, ban ngành tỉnh (2010)",
		TitleEN:  "Staff and computers (Internet, LAN) by provincial department, Sóc Trăng 2010",
		Province: "Sóc Trăng", Period: "2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 2", appendixID: "2", Layout: "computers", Rows: 27,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
	},
	{
		ID:       "soctrang-2010-computers-district",
		TitleVI:  "Số lượng cán bộ, công chức và số máy tính ở các huyện, thành phố trên địa bàn tỉnh (2010)",
		TitleEN:  "Staff and computers (Internet, LAN) by type of district office, Sóc Trăng 2010",
		Province: "Sóc Trăng", Period: "2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 3", appendixID: "3", Layout: "computers", Rows: 22,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
	},
	{
		ID:       "soctrang-2009-2010-projects",
		TitleVI:  "Danh mục các dự án dự kiến triển khai giai đoạn 2009-2010",
		TitleEN:  "IT projects planned for 2009–2010: cost, status and funding, Sóc Trăng",
		Province: "Sóc Trăng", Period: "2009-2010", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 4", appendixID: "4", Layout: "projects-2009", Rows: 5,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
	},
	{
		ID:       "soctrang-2011-2015-projects",
		TitleVI:  "Bảng tổng hợp danh mục các dự án triển khai giai đoạn 2011-2015",
		TitleEN:  "IT projects 2011–2015 by funding source (investment/recurrent, central/local), Sóc Trăng",
		Province: "Sóc Trăng", Period: "2011-2015", Source: plan2010, Document: "21/KH-UBND", DocumentDate: "2010-11-02",
		Appendix: "Phụ lục 5", appendixID: "5", Layout: "projects-plan", Rows: 13,
		Convention: loaders.CommaThousands, ConventionNote: conv2010,
	},
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
