package loaders

import "sync"

var layoutsMu sync.RWMutex

// The built-in layouts, for the appendix tables of provincial IT plans.
var (
	// ITStaff is the IT staff table by unit (Phụ lục 1 of Sóc Trăng's 2010
	// plan): staff, IT graduates by level, IT certificates, e-mail users,
	// with section headings.
	ITStaff = Layout{
		Name:        "it-staff",
		Description: "Hiện trạng nguồn nhân lực CNTT theo đơn vị: IT staff by unit, qualification and e-mail use",
		Sections:    true,
		TotalFrom:   "staff_total",
		Cells: []CellSpec{
			{Kind: RowNumber, Name: "no", LabelVI: "STT"},
			{Kind: Text, Name: "unit", LabelVI: "Tên đơn vị"},
			{Kind: Count, Name: "staff_total", LabelVI: "Tổng số CB trong ĐV", Unit: "people"},
			{Kind: Count, Name: "it_university", LabelVI: "Số lượng CB chuyên ngành CNTT: Đại học", Unit: "people"},
			{Kind: Count, Name: "it_college", LabelVI: "Số lượng CB chuyên ngành CNTT: Cao đẳng", Unit: "people"},
			{Kind: Count, Name: "it_vocational", LabelVI: "Số lượng CB chuyên ngành CNTT: Trung cấp", Unit: "people"},
			{Kind: Count, Name: "cert_b", LabelVI: "Tín chỉ B", Unit: "people"},
			{Kind: Count, Name: "cert_a", LabelVI: "Tín chỉ A", Unit: "people"},
			{Kind: Count, Name: "basic_user", LabelVI: "Biết sử dụng", Unit: "people"},
			{Kind: Count, Name: "email_users", LabelVI: "Số CB có hộp thư điện tử", Unit: "people"},
		},
	}
	// Computers is the staff and computers table by unit (Phụ lục 2 and 3):
	// computers, of which on the Internet and on a LAN, and the reported
	// ratios.
	Computers = Layout{
		Name:        "computers",
		Description: "Số lượng cán bộ, công chức và số máy tính: staff, computers, Internet and LAN computers, reported ratios",
		TotalFrom:   "staff",
		Cells: []CellSpec{
			{Kind: RowNumber, Name: "code", LabelVI: "Mã số", Headers: []string{"STT", "TT", "Số TT", "Số thứ tự"}},
			{Kind: Text, Name: "unit", LabelVI: "Tên đơn vị", Headers: []string{"Đơn vị", "Cơ quan, đơn vị", "Tên cơ quan, đơn vị", "Cơ quan"}},
			{Kind: Count, Name: "staff", LabelVI: "Tổng số cán bộ, công chức đang làm việc", Unit: "people",
				Headers: []string{"Số CBCC", "Tổng số CBCC", "Tổng số cán bộ, công chức", "Số cán bộ, công chức", "Cán bộ, công chức", "Số cán bộ"}},
			{Kind: Count, Name: "computers", LabelVI: "Số lượng máy vi tính đang sử dụng", Unit: "count",
				Headers: []string{"Số máy tính", "Máy vi tính", "Số lượng máy tính", "Số máy vi tính", "Tổng số máy tính"}},
			{Kind: Count, Name: "internet_computers", LabelVI: "Trong đó: Số lượng máy nối mạng Internet", Unit: "count",
				Headers: []string{"Kết nối Internet", "Máy nối mạng Internet", "Số máy kết nối Internet", "Số máy tính kết nối Internet"}},
			{Kind: Count, Name: "lan_computers", LabelVI: "Trong đó: Số lượng máy nối mạng nội bộ (LAN)", Unit: "count",
				Headers: []string{"Mạng LAN", "Mạng nội bộ", "Mạng LAN/nội bộ", "Kết nối mạng nội bộ", "Kết nối LAN", "Máy nối mạng nội bộ", "Số máy kết nối mạng LAN"}},
			{Kind: Ratio, Name: "computers_per_staff_reported", LabelVI: "Tỷ lệ máy tính/ CBCC", Unit: "ratio", Optional: true,
				Headers: []string{"Tỷ lệ máy tính trên cán bộ", "Tỷ lệ máy tính/cán bộ, công chức", "Tỷ lệ máy tính"}},
			{Kind: Ratio, Name: "lan_share_reported", LabelVI: "Tỷ lệ máy tính có kết nối mạng nội bộ (LAN)", Unit: "ratio", Optional: true,
				Headers: []string{"Tỷ lệ kết nối LAN", "Tỷ lệ máy tính kết nối mạng nội bộ", "Tỷ lệ LAN"}},
			{Kind: Ratio, Name: "internet_share_reported", LabelVI: "Tỷ lệ máy tính có kết nối mạng Internet", Unit: "ratio", Optional: true,
				Headers: []string{"Tỷ lệ kết nối Internet", "Tỷ lệ máy tính kết nối Internet", "Tỷ lệ Internet"}},
		},
	}
	// Projects2009 is the list of projects of a past plan period with their
	// planned cost, implementation status and funding status (Phụ lục 4).
	Projects2009 = Layout{
		Name:        "projects-2009",
		Description: "Danh mục dự án giai đoạn trước: projects with planned cost, status and funding status",
		TotalFrom:   "planned_mvnd",
		MoneyUnit:   Dong,
		DashZero:    true,
		Cells: []CellSpec{
			{Kind: RowNumber, Name: "no", LabelVI: "STT"},
			{Kind: Text, Name: "project", LabelVI: "Tên dự án"},
			{Kind: Text, Name: "objective", LabelVI: "Mục tiêu"},
			{Kind: Period, Name: "period_start", Aux: "period_end", LabelVI: "Thời gian thực hiện (năm bắt đầu)", AuxVI: "Thời gian thực hiện (năm kết thúc)"},
			{Kind: Money, Name: "planned_mvnd", LabelVI: "Dự kiến kinh phí"},
			{Kind: Text, Name: "status", LabelVI: "Tình trạng triển khai"},
			{Kind: MoneyOrText, Name: "funded_mvnd", Aux: "funding_text", LabelVI: "Tình trạng kinh phí (số tiền)", AuxVI: "Tình trạng kinh phí (ghi bằng chữ)"},
			{Kind: Text, Name: "note", LabelVI: "Ghi chú"},
		},
	}
	// ProjectsPlan is the list of planned projects with their cost by
	// funding source: development investment (central, local) and recurrent
	// spending (central, local) (Phụ lục 5).
	ProjectsPlan = Layout{
		Name:        "projects-plan",
		Description: "Danh mục dự án kế hoạch theo nguồn vốn: planned projects by funding source",
		TotalFrom:   "total_mvnd",
		MoneyUnit:   Million,
		DashZero:    true,
		Cells: []CellSpec{
			{Kind: RowNumber, Name: "no", LabelVI: "STT"},
			{Kind: Text, Name: "project", LabelVI: "Tên dự án"},
			{Kind: Text, Name: "objective", LabelVI: "Mục tiêu"},
			{Kind: Period, Name: "period_start", Aux: "period_end", LabelVI: "Thời gian thực hiện (năm bắt đầu)", AuxVI: "Thời gian thực hiện (năm kết thúc)"},
			{Kind: Money, Name: "total_mvnd", LabelVI: "Tổng mức đầu tư", Headers: []string{"Kinh phí", "Tổng kinh phí", "Tổng cộng", "Tổng vốn"}},
			{Kind: Money, Name: "invest_central_mvnd", LabelVI: "Nguồn phát triển: Trung ương", Headers: []string{"Đầu tư phát triển Trung ương", "ĐTPT NSTW", "Vốn đầu tư NSTW"}},
			{Kind: Money, Name: "invest_local_mvnd", LabelVI: "Nguồn phát triển: Địa phương (ĐP)", Headers: []string{"Đầu tư phát triển Địa phương", "ĐTPT NSĐP", "Vốn đầu tư NSĐP"}},
			{Kind: Money, Name: "recurrent_central_mvnd", LabelVI: "Nguồn sự nghiệp: Trung ương", Headers: []string{"Sự nghiệp Trung ương", "Sự nghiệp NSTW", "Kinh phí sự nghiệp NSTW"}},
			{Kind: Money, Name: "recurrent_local_mvnd", LabelVI: "Nguồn sự nghiệp: Địa phương (ĐP)", Headers: []string{"Sự nghiệp Địa phương", "Sự nghiệp NSĐP", "Kinh phí sự nghiệp NSĐP"}},
			{Kind: Text, Name: "note", LabelVI: "Ghi chú", Optional: true},
		},
	}
)

func init() {
	for _, l := range []Layout{ITStaff, Computers, Projects2009, ProjectsPlan} {
		if err := RegisterLayout(l); err != nil {
			panic(err)
		}
	}
}
