package datasets

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
	"github.com/ictplan/ictplan/vntext"
)

// Reference data: the provincial digital-transformation index (DTI, Chỉ số
// chuyển đổi số cấp tỉnh) of the Ministry of Information and Communications
// (datasets vn-dti and vn-dti-years).
//
// vn-dti is the 2022 index of the 63 provinces as the ministry's DTI site
// publishes it: every province's rank and, where a page could be read, its
// eight sub-indices and its score (PDTI). vn-dti-years gathers statements
// of ranks and scores of 2020–2024 read on official and press pages, one
// statement a row. Both are reviewed tables under sources/reference/,
// embedded like vn-cpi: each row's source_line is its line in the table,
// and each figure carries the page it was read on and the text read.
//
// Package checks recomputes each PDTI from its sub-indices with the
// published weights, checks that the ranks are a competition ranking
// consistent with the scores, and compares the statements with the table
// and with each other.

func init() {
	catalogue = append(catalogue,
		Entry{
			ID:       "vn-dti",
			TitleVI:  "Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2022: xếp hạng 63 tỉnh, thành phố, 8 chỉ số chính và PDTI (Bộ Thông tin và Truyền thông)",
			TitleEN:  "Provincial digital-transformation index (DTI) 2022: rank of the 63 provinces, eight sub-indices and score (PDTI) where published (Ministry of Information and Communications)",
			Province: "Việt Nam", Period: "2022", Source: dtiSource,
			Document:       "Bộ Thông tin và Truyền thông: Báo cáo xếp hạng, Đánh giá mức độ chuyển đổi số năm 2022 (dti.gov.vn/xep-hang-2022)",
			DocumentDate:   "2023-07-12",
			Rows:           provinceCount,
			Convention:     loaders.CommaThousands,
			ConventionNote: "the reference table writes the indices with a decimal point and 4 decimals (0.8002), as the ministry's page does; quotes from Vietnamese pages keep their comma (0,6077)",
			build:          buildDTI,
		},
		Entry{
			ID:       "vn-dti-years",
			TitleVI:  "Xếp hạng và giá trị DTI cấp tỉnh 2020–2024 theo các trang công bố (mỗi dòng một phát biểu, có trích dẫn)",
			TitleEN:  "Provincial DTI ranks and scores 2020–2024 as stated on official and press pages, one cited statement a row",
			Province: "Việt Nam", Period: "2020-2024", Source: dtiYearsSource,
			Document:       "Bộ Thông tin và Truyền thông / Bộ Khoa học và Công nghệ: DTI cấp tỉnh 2020–2024, as reported by the pages cited per row",
			DocumentDate:   "2021-2025",
			Rows:           dtiYearsRows,
			Convention:     loaders.CommaThousands,
			ConventionNote: "the reference table writes scores with a decimal point and 4 decimals; quotes keep the page's own form (0,8241 or 0.4874)",
			build:          buildDTIYears,
		})
}

// DTIDecimals is the number of decimals every index of vn-dti is published
// with.
const DTIDecimals = 4

const (
	dtiSource      = "reference/vn-dti.csv"
	dtiYearsSource = "reference/vn-dti-years.csv"
	dtiYearsRows   = 54
	// dtiPage is the ministry's page of the 2022 ranking.
	dtiPage = "dti.gov.vn/xep-hang-2022"
)

// DTISubIndices are the columns of vn-dti's eight sub-indices, in the
// ministry's order: the five foundation sub-indices (nhận thức số, thể chế
// số, hạ tầng số, nhân lực số, an toàn thông tin mạng), then the three
// activity sub-indices (hoạt động chính quyền số, kinh tế số, xã hội số).
var DTISubIndices = []string{"awareness", "institutions", "infrastructure", "human_resources", "cybersecurity",
	"government_activity", "economy_activity", "society_activity"}

// dtiWeights are the points of each sub-index in the 1000 of the PDTI.
var dtiWeights = []float64{100, 100, 100, 100, 100, 200, 150, 150}

// DTIFormula returns the provincial score (PDTI) of the eight sub-indices s,
// in the order of DTISubIndices, with the ministry's weights:
//
//	PDTI = (100 × (nhận thức số + thể chế số + hạ tầng số + nhân lực số + an toàn thông tin mạng)
//	        + 200 × hoạt động chính quyền số + 150 × hoạt động kinh tế số + 150 × hoạt động xã hội số) / 1000
//
// A NaN sub-index gives NaN. It panics unless len(s) is 8.
func DTIFormula(s []float64) float64 {
	if len(s) != len(dtiWeights) {
		panic(fmt.Sprintf("datasets: DTIFormula of %d sub-indices, want %d", len(s), len(dtiWeights)))
	}
	sum := 0.0
	for i, v := range s {
		sum += dtiWeights[i] * v
	}
	return sum / 1000
}

// DTIFormulaTolerance is how far a published PDTI may be from the one
// recomputed from published sub-indices: half a unit of the last decimal of
// the PDTI, plus the same half unit of each sub-index times its weight (the
// weights add up to 1000 of 1000).
func DTIFormulaTolerance() float64 {
	w := 0.0
	for _, x := range dtiWeights {
		w += x
	}
	return approx.HalfUnit(DTIDecimals) * (1 + w/1000)
}

var (
	dtiHeader = []string{"code", "province", "rank", "awareness", "institutions", "infrastructure", "human_resources",
		"cybersecurity", "government_activity", "economy_activity", "society_activity", "pdti",
		"source", "source_page", "quote", "score_source", "score_page", "score_quote"}
	dtiYearsHeader = []string{"year", "out_of", "code", "province", "rank", "pdti", "rank_derivation", "pdti_derivation",
		"source", "source_page", "quote"}
)

// dtiLabels are the Vietnamese headers of the sub-indices on the page.
var dtiLabels = []string{"Chỉ số Nhận thức số", "Chỉ số Thể chế số", "Chỉ số Hạ tầng số", "Chỉ số Nhân lực số",
	"Chỉ số An toàn thông tin mạng", "Chỉ số Hoạt động chính quyền số", "Chỉ số Hoạt động kinh tế số", "Chỉ số Hoạt động xã hội số"}

// dtiFields are the columns of vn-dti.
func dtiFields() []frame.FieldSpec {
	out := []frame.FieldSpec{
		{Name: "code", Kind: frame.String, LabelVI: "Mã đơn vị hành chính (Tổng cục Thống kê)"},
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh, thành phố (như trang nguồn ghi)"},
		{Name: "rank", Kind: frame.Int64, LabelVI: "Xếp hạng DTI", Unit: "rank",
			Extra: map[string]string{frame.MetaDescription: "rank among the 63 provinces as published: a competition ranking (Thanh Hóa and Yên Bái both 15th, no 16th)"}},
	}
	for i, name := range DTISubIndices {
		out = append(out, frame.FieldSpec{Name: name, Kind: frame.Float64, LabelVI: dtiLabels[i], Unit: "index",
			Extra: map[string]string{frame.MetaDescription: "0–1, 4 decimals as published; null where the page could not be read"}})
	}
	return append(out,
		frame.FieldSpec{Name: "pdti", Kind: frame.Float64, LabelVI: "Chỉ số chuyển đổi số cấp tỉnh (PDTI)", Unit: "index",
			Extra: map[string]string{frame.MetaDescription: "0–1, 4 decimals as published; from the ministry's table (score_page dti.gov.vn) or a page restating it; null where none was read"}},
		frame.FieldSpec{Name: "source", Kind: frame.String, LabelVI: "Nguồn xếp hạng"},
		frame.FieldSpec{Name: "source_page", Kind: frame.String, LabelVI: "Địa chỉ trang nguồn xếp hạng (không ghi giao thức)"},
		frame.FieldSpec{Name: "quote", Kind: frame.String, LabelVI: "Trích nguyên văn dòng xếp hạng"},
		frame.FieldSpec{Name: "score_source", Kind: frame.String, LabelVI: "Nguồn các chỉ số"},
		frame.FieldSpec{Name: "score_page", Kind: frame.String, LabelVI: "Địa chỉ trang nguồn các chỉ số (không ghi giao thức)"},
		frame.FieldSpec{Name: "score_quote", Kind: frame.String, LabelVI: "Trích nguyên văn các chỉ số"},
		frame.FieldSpec{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong bảng tham chiếu"},
	)
}

// dtiYearsFields are the columns of vn-dti-years.
func dtiYearsFields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "year", Kind: frame.Int64, LabelVI: "Năm đánh giá", Unit: "year"},
		{Name: "out_of", Kind: frame.Int64, LabelVI: "Số đơn vị được xếp hạng (63 tỉnh trước sắp xếp, 34 sau sắp xếp)", Unit: "count"},
		{Name: "code", Kind: frame.String, LabelVI: "Mã tỉnh (Tổng cục Thống kê; trống khi xếp hạng 34 đơn vị)"},
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh, thành phố (như trang nguồn ghi)"},
		{Name: "rank", Kind: frame.Int64, LabelVI: "Xếp hạng DTI", Unit: "rank"},
		{Name: "pdti", Kind: frame.Float64, LabelVI: "Giá trị DTI cấp tỉnh", Unit: "index",
			Extra: map[string]string{frame.MetaDescription: "0–1 as stated; null where the page states none"}},
		{Name: "rank_derivation", Kind: frame.String, LabelVI: "Cách suy ra xếp hạng từ số liệu của trang (trống khi trang nêu trực tiếp)"},
		{Name: "pdti_derivation", Kind: frame.String, LabelVI: "Cách suy ra giá trị từ số liệu của trang (trống khi trang nêu trực tiếp)"},
		{Name: "source", Kind: frame.String, LabelVI: "Nguồn công bố"},
		{Name: "source_page", Kind: frame.String, LabelVI: "Địa chỉ trang nguồn (không ghi giao thức)"},
		{Name: "quote", Kind: frame.String, LabelVI: "Trích nguyên văn"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong bảng tham chiếu"},
	}
}

// dtiNames gives the province names by GSO code (vn-provinces) and the
// place keys of the 34 units of 2025 (vn-provinces-2025), to check the
// names the DTI tables write.
func dtiNames() (byCode map[string]string, units map[string]bool, err error) {
	recs, err := readReference(provincesSource, provincesHeader)
	if err != nil {
		return nil, nil, err
	}
	byCode = map[string]string{}
	for _, r := range recs {
		byCode[r.f[0]] = r.f[1]
	}
	recs, err = readReference(provinces2025Source, provinces2025Header)
	if err != nil {
		return nil, nil, err
	}
	units = map[string]bool{}
	for _, r := range recs {
		units[vntext.PlaceKey(r.f[2], true)] = true
	}
	return byCode, units, nil
}

// matchProvince checks that name, as a DTI page writes it, is the province
// of code (vntext.PlaceKey, folded: "TP. Đà Nẵng", "Da Nang" and "Đà Nẵng"
// match; "Thừa Thiên - Huế" and "TP.Huế" are Thừa Thiên Huế).
func matchProvince(byCode map[string]string, code, name string) error {
	want, ok := byCode[code]
	if !ok {
		return fmt.Errorf("code %q is not a province of vn-provinces", code)
	}
	if vntext.PlaceKey(name, true) != vntext.PlaceKey(want, true) {
		return fmt.Errorf("%q is not %s (code %s)", name, want, code)
	}
	return nil
}

// dtiIndex reads an index as published: empty is null (nil); otherwise a
// number from 0 to 1 written with 4 decimals.
func dtiIndex(s string) (any, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if i := strings.IndexByte(s, '.'); i < 0 || len(s)-i-1 != DTIDecimals {
		return nil, fmt.Errorf("index %q: want %d decimals", s, DTIDecimals)
	}
	v, err := numtext.ParseNumber(s, loaders.CommaThousands)
	if err != nil {
		return nil, err
	}
	if v < 0 || v > 1 {
		return nil, fmt.Errorf("index %q outside 0–1", s)
	}
	return v, nil
}

// dtiRank reads a rank from 1 to n.
func dtiRank(s string, n int) (int64, error) {
	r, err := strconv.Atoi(s)
	if err != nil || r < 1 || r > n {
		return 0, fmt.Errorf("rank %q, want 1–%d", s, n)
	}
	return int64(r), nil
}

// buildDTI reads the 2022 table: 63 provinces, each once, named as its
// code's province; the eight sub-indices all or none; every figure with its
// source, page and quote.
func buildDTI(e Entry) (*frame.Frame, *frame.Frame, error) {
	recs, err := readReference(dtiSource, dtiHeader)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != provinceCount {
		return nil, nil, fmt.Errorf("%s: %d provinces, want %d", dtiSource, len(recs), provinceCount)
	}
	byCode, _, err := dtiNames()
	if err != nil {
		return nil, nil, err
	}
	rows := make([][]any, 0, len(recs))
	seen := map[string]bool{}
	for _, r := range recs {
		row, err := dtiRow(r, byCode)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", dtiSource, r.line, err)
		}
		if seen[r.f[0]] {
			return nil, nil, fmt.Errorf("%s:%d: code %s twice", dtiSource, r.line, r.f[0])
		}
		seen[r.f[0]] = true
		rows = append(rows, row)
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = dtiSource
	meta["source"] = "Bộ Thông tin và Truyền thông (Ministry of Information and Communications), DTI site, \"BÁO CÁO XẾP HẠNG Đánh giá mức độ chuyển đổi số năm 2022\" " +
		"(" + dtiPage + "): the XẾP HẠNG DTI list (every rank) and the Xếp hạng chi tiết table (sub-indices and PDTI); " +
		"a PDTI read elsewhere cites its own page (score_source, score_page, score_quote)"
	meta["method"] = "PDTI = (100 × (awareness + institutions + infrastructure + human_resources + cybersecurity) + 200 × government_activity + 150 × economy_activity + 150 × society_activity) / 1000 " +
		"(DTIFormula); ictplan check recomputes it within ±" + strconv.FormatFloat(DTIFormulaTolerance(), 'f', -1, 64) + " (the rounding of the published figures)"
	meta["missing"] = "the stored copy of the ministry's page could be read for the first five rows of the detailed table only: the sub-indices of the other 58 provinces are null, " +
		"and so is their PDTI unless another page states it (Trà Vinh); nothing is estimated"
	data, err := frame.FromRows(meta, dtiFields(), rows)
	if err != nil {
		return nil, nil, err
	}
	return withNoClaims(meta, data)
}

// dtiRow turns one line of the 2022 table into a row.
func dtiRow(r curatedRecord, byCode map[string]string) ([]any, error) {
	f := r.f
	if err := matchProvince(byCode, f[0], f[1]); err != nil {
		return nil, err
	}
	rank, err := dtiRank(f[2], provinceCount)
	if err != nil {
		return nil, err
	}
	row := []any{f[0], f[1], rank}
	subs := 0
	for i := range DTISubIndices {
		v, err := dtiIndex(f[3+i])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", f[1], DTISubIndices[i], err)
		}
		if v != nil {
			subs++
		}
		row = append(row, v)
	}
	if subs != 0 && subs != len(DTISubIndices) {
		return nil, fmt.Errorf("%s: %d of the %d sub-indices: all or none", f[1], subs, len(DTISubIndices))
	}
	pdti, err := dtiIndex(f[11])
	if err != nil {
		return nil, fmt.Errorf("%s: pdti: %w", f[1], err)
	}
	row = append(row, pdti)
	if f[12] == "" || f[13] == "" || f[14] == "" {
		return nil, fmt.Errorf("%s: a rank without source, page or quote", f[1])
	}
	scored := subs > 0 || pdti != nil
	if scored != (f[15] != "" && f[16] != "" && f[17] != "") {
		return nil, fmt.Errorf("%s: figures and their score_source, score_page, score_quote go together", f[1])
	}
	for _, s := range f[12:18] {
		row = append(row, textOrNull(s))
	}
	return append(row, int64(r.line)), nil
}

// buildDTIYears reads the statements of other years, checking each name
// against its code (or against the 34 units of 2025) and each derivation's
// arithmetic.
func buildDTIYears(e Entry) (*frame.Frame, *frame.Frame, error) {
	recs, err := readReference(dtiYearsSource, dtiYearsHeader)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != dtiYearsRows {
		return nil, nil, fmt.Errorf("%s: %d statements, want %d", dtiYearsSource, len(recs), dtiYearsRows)
	}
	byCode, units, err := dtiNames()
	if err != nil {
		return nil, nil, err
	}
	rows := make([][]any, 0, len(recs))
	for _, r := range recs {
		row, err := dtiYearsRow(r, byCode, units)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", dtiYearsSource, r.line, err)
		}
		rows = append(rows, row)
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = dtiYearsSource
	meta["source"] = "statements of provincial DTI ranks and values for 2020–2024 on provincial portals and in the press, each row citing its page and the sentence read (source, source_page, quote); " +
		"a copy on an aggregator or a test host is said to be weak in source"
	meta["method"] = "a figure the page states is kept as stated; a figure the page gives as a change (\"xếp hạng thứ 36, tăng 20 bậc so với năm 2021\") is derived and the arithmetic kept (rank_derivation, pdti_derivation)"
	meta["scope"] = "out_of 63: the provinces before the 2025 reorganisation (code: GSO code); out_of 34: the units after it, for DTI 2024 only (code empty; the name is one of vn-provinces-2025's new units)"
	meta["missing"] = "no statement of Sóc Trăng's 2023 or 2024 rank was found; years and provinces without a statement have no row"
	data, err := frame.FromRows(meta, dtiYearsFields(), rows)
	if err != nil {
		return nil, nil, err
	}
	return withNoClaims(meta, data)
}

// dtiYearsRow turns one statement into a row.
func dtiYearsRow(r curatedRecord, byCode map[string]string, units map[string]bool) ([]any, error) {
	f := r.f
	year, err := strconv.Atoi(f[0])
	if err != nil || year < 2020 || year > 2024 {
		return nil, fmt.Errorf("year %q, want 2020–2024", f[0])
	}
	outOf, err := strconv.Atoi(f[1])
	if err != nil || (outOf != 63 && outOf != 34) {
		return nil, fmt.Errorf("out_of %q, want 63 or 34", f[1])
	}
	var code any
	switch {
	case outOf == 63:
		if err := matchProvince(byCode, f[2], f[3]); err != nil {
			return nil, err
		}
		code = f[2]
	case f[2] != "":
		return nil, fmt.Errorf("%s: a code in a ranking of the 34 units of 2025", f[3])
	case !units[vntext.PlaceKey(f[3], true)]:
		return nil, fmt.Errorf("%q is not one of the 34 units of vn-provinces-2025", f[3])
	case year != 2024:
		return nil, fmt.Errorf("%s: a ranking of 34 units in %d", f[3], year)
	}
	rank, err := dtiRank(f[4], outOf)
	if err != nil {
		return nil, err
	}
	var pdti any
	if s := strings.TrimSpace(f[5]); s != "" {
		if pdti, err = dtiIndex(s); err != nil {
			return nil, fmt.Errorf("%s: pdti: %w", f[3], err)
		}
	}
	if err := checkDerivation(f[6], float64(rank)); err != nil {
		return nil, fmt.Errorf("%s: rank: %w", f[3], err)
	}
	if f[7] != "" {
		if pdti == nil {
			return nil, fmt.Errorf("%s: a pdti derivation without a pdti", f[3])
		}
		if err := checkDerivation(f[7], pdti.(float64)); err != nil {
			return nil, fmt.Errorf("%s: pdti: %w", f[3], err)
		}
	}
	if f[8] == "" || f[9] == "" || f[10] == "" {
		return nil, fmt.Errorf("%s: a statement without source, page or quote", f[3])
	}
	var rd, pd any
	if f[6] != "" {
		rd = f[6]
	}
	if f[7] != "" {
		pd = f[7]
	}
	return []any{int64(year), int64(outOf), code, f[3], rank, pdti, rd, pd, f[8], f[9], f[10], int64(r.line)}, nil
}

// checkDerivation checks "a + b" or "a - b" (plain numbers) against want,
// at the precision of the operands; an empty derivation is a stated figure.
func checkDerivation(expr string, want float64) error {
	if expr == "" {
		return nil
	}
	parts := strings.Fields(expr)
	if len(parts) != 3 || (parts[1] != "+" && parts[1] != "-") {
		return fmt.Errorf("derivation %q, want \"a + b\" or \"a - b\"", expr)
	}
	a, err1 := strconv.ParseFloat(parts[0], 64)
	b, err2 := strconv.ParseFloat(parts[2], 64)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("derivation %q: not numbers", expr)
	}
	got := a + b
	if parts[1] == "-" {
		got = a - b
	}
	if !approx.Equal(got, want, 0) {
		return fmt.Errorf("derivation %q gives %v, not %v", expr, got, want)
	}
	return nil
}
