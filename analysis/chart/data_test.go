package chart

import "math"

// The 27 provincial units of soctrang-2010-computers-provincial (Kế hoạch
// 21/KH-UBND, Phụ lục 2, lines 1401–1869 of the source), with staff and
// computers as in datasets/testdata/soctrang-2010-computers-provincial.csv.
var (
	provincialUnits = []string{
		"Tỉnh ủy", "Hội đồng Nhân dân", "Văn phòng Đoàn Đại biểu Quốc hội", "Văn phòng UBND",
		"Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công thương",
		"Sở Nông nghiệp và Phát triển nông thôn", "Sở Giao thông vận tải", "Sở Xây dựng",
		"Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông",
		"Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
		"Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Thanh tra tỉnh",
		"Ban Dân tộc", "Liên đoàn Lao động", "Tỉnh đoàn", "Mặt trận Tổ quốc",
		"Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu Chiến binh",
	}
	provincialStaff     = []float64{159, 32, 0, 82, 48, 36, 50, 45, 80, 58, 58, 44, 55, 29, 49, 46, 46, 76, 38, 32, 20, 23, 28, 20, 27, 18, 16}
	provincialComputers = []float64{142, 35, 0, 57, 42, 44, 46, 46, 47, 42, 51, 44, 50, 26, 34, 43, 32, 77, 35, 28, 9, 15, 12, 13, 21, 6, 4}
)

// computersPerStaff is computers/staff per unit; a unit without staff
// (Văn phòng Đoàn Đại biểu Quốc hội: 0 and 0) has no ratio (NaN).
func computersPerStaff() []float64 {
	out := make([]float64, len(provincialStaff))
	for i, s := range provincialStaff {
		if s == 0 {
			out[i] = math.NaN()
			continue
		}
		out[i] = provincialComputers[i] / s
	}
	return out
}

// The ten pillars of soctrang-2023-dx-pillars and soctrang-2024-dx-pillars
// (dự thảo kế hoạch chuyển đổi số năm 2024, Phụ lục 01 and 2), million đồng.
var (
	pillars = []string{
		"Nhận thức số", "Thể chế số", "Hạ tầng số", "Dữ liệu số", "Nền tảng số",
		"Nhân lực số", "An toàn thông tin mạng", "Chính quyền số", "Xã hội số", "Kinh tế số",
	}
	planned2023Local  = []float64{210, 500, 7843, 894, 0, 480, 1025, 7292, 726, 0}
	planned2023Invest = []float64{0, 0, 0, 10000, 10000, 0, 0, 6900, 1000, 0}
	planned2023Other  = []float64{750, 0, 0, 108, 0, 0, 0, 1080, 0, 200}
	spent2023Local    = []float64{60, 0, 4682, 194, 0, 480, 554, 6247, 476, 0}
	spent2023Invest   = []float64{0, 0, 0, 1200, 3600, 0, 0, 6900, 1000, 0}
	spent2023Other    = []float64{750, 0, 0, 108, 0, 0, 0, 1080, 0, 200}
	// planned_central_mvnd and spent_central_mvnd are 0 for every pillar.

	// 2023 planned totals, local + central + invest + other:
	// 210+0+0+750=960; 500; 7843; 894+10000+108=11002; 10000; 480; 1025;
	// 7292+6900+1080=15272; 726+1000=1726; 200.
	planned2023Total = []float64{960, 500, 7843, 11002, 10000, 480, 1025, 15272, 1726, 200}
	// 2023 spent totals: 60+750=810; 0; 4682; 194+1200+108=1502; 3600; 480;
	// 554; 6247+6900+1080=14227; 476+1000=1476; 200.
	spent2023Total = []float64{810, 0, 4682, 1502, 3600, 480, 554, 14227, 1476, 200}
	// total_mvnd of soctrang-2024-dx-pillars.
	total2024 = []float64{805, 500, 46261, 43500, 26970, 480, 10585, 20992, 1410, 1200}
)

// The e_documents_exchanged indicator of vn-dx-indicators: the 2011–2015
// roadmap of Kế hoạch 21/KH-UBND (targets for 2012–2014, "trên" = >), the
// 2023 results and targets and the 2024 targets of the 2024 draft, by level.
var (
	eDocYears  = []int{2012, 2013, 2014, 2023, 2024}
	eDocSeries = []Series{
		{Name: "Cấp tỉnh", Values: []float64{math.NaN(), math.NaN(), math.NaN(), 89, math.NaN()}},
		{Name: "Cấp huyện", Values: []float64{math.NaN(), math.NaN(), math.NaN(), 88, math.NaN()}},
		{Name: "Cấp xã", Values: []float64{math.NaN(), math.NaN(), math.NaN(), 83, math.NaN()}},
	}
	eDocTargets = []TargetPoint{
		{Series: "Cấp tỉnh", Year: 2012, Value: 30, Comparator: ">"},
		{Series: "Cấp huyện", Year: 2012, Value: 15, Comparator: ">"},
		{Series: "Cấp tỉnh", Year: 2013, Value: 60, Comparator: ">"},
		{Series: "Cấp huyện", Year: 2013, Value: 30, Comparator: ">"},
		{Series: "Cấp tỉnh", Year: 2014, Value: 70, Comparator: ">"},
		{Series: "Cấp huyện", Year: 2014, Value: 50, Comparator: ">"},
		{Series: "Cấp tỉnh", Year: 2023, Value: 100, Comparator: "="},
		{Series: "Cấp huyện", Year: 2023, Value: 90, Comparator: "="},
		{Series: "Cấp xã", Year: 2023, Value: 70, Comparator: "="},
		{Series: "Cấp tỉnh", Year: 2024, Value: 100, Comparator: "="},
		{Series: "Cấp huyện", Year: 2024, Value: 90, Comparator: "="},
		{Series: "Cấp xã", Year: 2024, Value: 70, Comparator: "="},
	}
)

// The component projects of the Thừa Thiên Huế programme in
// vn-dx-investment-components (million đồng; source lines 86–831), with
// the longest names of the catalogue.
var (
	tthProjects = []string{
		"Dự án phát triển Chính quyền số tỉnh Thừa Thiên Huế",
		"Dự án Xây dựng nền tảng chuyển đổi số tỉnh Thừa Thiên Huế",
		"Dự án Xây dựng hệ thống họp không giấy tờ e-Cabinet",
		"Dự án Nâng cấp hệ thống lưu trữ hiện hành",
		"Dự án Nâng cấp hệ thống Quản lý văn bản và điều hành đáp ứng một số nội dung chính về chức năng, tính năng kỹ thuật theo Quyết định số 395/QĐ-BTTTT ngày 23/3/2020 của Bộ Thông tin và Truyền thông và đáp ứng một số nội dung chính theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư lưu trữ",
		"Dự án Số hóa dữ liệu từ sổ hộ tịch giấy vào cơ sở dữ liệu hộ tịch điện tử toàn quốc tại tỉnh Thừa Thiên Huế",
		"Dự án Xây dựng phần mềm Quản lý về công tác thanh tra, kiểm tra",
		"Dự án Triển khai mạng lưới phát thanh thông minh tỉnh Thừa Thiên Huế giai đoạn 1",
		"Dự án Nâng cấp hạ tầng số đáp ứng chương trình chuyển đổi số đến năm 2025",
	}
	tthAmounts = []float64{21500, 13500, 1471, 1027, 3502, 26166, 990.277, 5500, 26344}
)

// The Sóc Trăng indicators followed from 2010 to 2024 (vn-dx-indicators,
// as the report draws them): computers per civil servant 69% in 2010
// (21/KH-UBND line 65) against 90% for 2015 (line 191); agencies with a
// LAN 90% in 2010 (line 61) and 100% in 2023 (2024 draft line 188);
// e-documents at provincial and district level, results 89% and 88% in
// 2023 (line 155) against targets of 100% and 90% (line 156), the same
// targets for 2024 (line 2025) and the 2012–2014 roadmap (lines 595–625).
// At 2023 the results of 88 and 89 sit under the target of 90, and the LAN
// result of 100 on the provincial target of 100.
var (
	timelineYears  = []int{2010, 2023}
	timelineSeries = []Series{
		{Name: "Máy tính/CBCC", Values: []float64{69, math.NaN()}},
		{Name: "Cơ quan có mạng LAN", Values: []float64{90, 100}},
		{Name: "VB điện tử — cấp tỉnh", Values: []float64{math.NaN(), 89}},
		{Name: "VB điện tử — cấp huyện", Values: []float64{math.NaN(), 88}},
	}
	timelineTargets = []TargetPoint{
		{Series: "Máy tính/CBCC", Year: 2015, Value: 90},
		{Series: "VB điện tử — cấp tỉnh", Year: 2012, Value: 30, Comparator: ">"},
		{Series: "VB điện tử — cấp huyện", Year: 2012, Value: 15, Comparator: ">"},
		{Series: "VB điện tử — cấp tỉnh", Year: 2013, Value: 60, Comparator: ">"},
		{Series: "VB điện tử — cấp huyện", Year: 2013, Value: 30, Comparator: ">"},
		{Series: "VB điện tử — cấp tỉnh", Year: 2014, Value: 70, Comparator: ">"},
		{Series: "VB điện tử — cấp huyện", Year: 2014, Value: 50, Comparator: ">"},
		{Series: "VB điện tử — cấp tỉnh", Year: 2023, Value: 100},
		{Series: "VB điện tử — cấp huyện", Year: 2023, Value: 90},
		{Series: "VB điện tử — cấp tỉnh", Year: 2024, Value: 100},
		{Series: "VB điện tử — cấp huyện", Year: 2024, Value: 90},
	}
)

// Scores 0–100 of four programmes on three measures and their composite,
// rounded from a min-max normalisation over these four programmes of
// vn-dx-investments per 1,000 people and per 100 km² (nominal): each
// measure has one programme at 0 and one at 100, the markers the axis must
// keep whole.
var (
	programmeNames  = []string{"Sóc Trăng 2011–2015", "Thừa Thiên Huế (4 năm)", "Khánh Hòa 2023–2025", "Sóc Trăng 2024–2026"}
	programmeScores = [][]float64{{100, 78.9, 100, 93.7}, {92.8, 100, 69.7, 90.3}, {0, 0, 0, 0}, {9.9, 15.7, 31.3, 15.9}}
)

// The district offices of soctrang-2010-computers-district (Kế hoạch
// 21/KH-UBND, Phụ lục 3) whose computers per staff lie near the 2015
// target of 90%: Phòng Giáo dục và Đào tạo 97/107 = 90.65%, Phòng Kinh tế
// 8/9 = 88.89%, Phòng Nông nghiệp và PT nông thôn 59/73 = 80.82%, Phòng
// Quản lý đô thị 8/10 = 80%, Phòng Kinh tế và Hạ tầng 61/78 = 78.21%,
// Phòng Y tế 48/234 = 20.51%.
var (
	nearTargetUnits  = []string{"Phòng Giáo dục và Đào tạo", "Phòng Kinh tế", "Phòng Nông nghiệp và PT nông thôn", "Phòng Quản lý đô thị", "Phòng Kinh tế và Hạ tầng", "Phòng Y tế"}
	nearTargetValues = []float64{97.0 / 107 * 100, 8.0 / 9 * 100, 59.0 / 73 * 100, 80, 61.0 / 78 * 100, 48.0 / 234 * 100}
)

// The four programmes of vn-dx-investments per year of plan, nominal and in
// 2024 prices (vn-cpi, index_2010_100; the amount spread evenly over the
// years, each deflated; a year after 2024 at 2024 prices), by kind:
// Sóc Trăng 2011–2015 109.045 / 5 = 21.809, × 189,7856 / 134,1426 =
// 30.855; Thừa Thiên Huế 100.000 / 4 = 25.000 over 2022–2025 (assumed),
// I = 4 / (1/177,373 + 1/183,1377 + 2/189,7856) = 184,875, 25.664; Khánh
// Hòa 22.955 / 3 = 7.651,7 over 2023–2025, I = 187,517, 7.744; Sóc Trăng
// 2024–2026 30.500 / 3 = 10.166,7, unchanged.
var (
	programmeKinds   = []string{"Provincial-government programmes", "Provincial-government programmes", "Party-agency IT projects", "Party-agency IT projects"}
	programmeReal    = []float64{30855.47, 25664.1, 7744.2, 10166.67}
	programmeNominal = []string{"21,809", "25,000", "7,652", "10,167"}
)
