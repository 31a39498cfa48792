package datasets

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
)

// Reference data: Vietnam's provinces before 2025 (dataset vn-provinces) and
// the 2025 reorganisation of them (dataset vn-provinces-2025).
//
// Both are small reviewed tables committed under sources/reference/ and
// embedded with the source documents, as vn-cpi is: SourceText and Line read
// them, and each row's source_line is its line in the table. Every figure
// carries its citation and the text it was read from (quote); a figure
// without a citable public source is empty in the table and null in the
// dataset.

func init() {
	catalogue = append(catalogue,
		Entry{
			ID:       "vn-provinces",
			TitleVI:  "63 tỉnh, thành phố trước năm 2025: mã, vùng, dân số trung bình và diện tích năm 2023 (Tổng cục Thống kê, biểu E02.03-07 và E02.01)",
			TitleEN:  "Vietnam's 63 provinces before 2025: GSO code, region, 2023 average population and area (GSO tables E02.03-07 and E02.01), with the copy each figure was read from",
			Province: "Việt Nam", Period: "2023", Source: provincesSource,
			Document:       "Tổng cục Thống kê (GSO): diện tích, dân số trung bình phân theo địa phương",
			DocumentDate:   "2023",
			Rows:           provinceCount,
			Convention:     loaders.CommaThousands,
			ConventionNote: "the reference table writes decimals with a point (1166.5) and no thousands separator; the quotes keep the Vietnamese form (1.166,5)",
			build:          buildProvinces,
		},
		Entry{
			ID:       "vn-provinces-2025",
			TitleVI:  "Sắp xếp đơn vị hành chính cấp tỉnh năm 2025: 63 tỉnh, thành phố cũ và đơn vị mới (Nghị quyết 202/2025/QH15)",
			TitleEN:  "The 2025 reorganisation of provinces: each of the 63 former units and the unit (of 34) it belongs to (Resolution 202/2025/QH15)",
			Province: "Việt Nam", Period: "2025", Source: provinces2025Source,
			Document:       "Nghị quyết 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh",
			DocumentDate:   "2025-06-12",
			Rows:           provinceCount,
			Convention:     loaders.CommaThousands,
			ConventionNote: "the table holds no figures",
			build:          buildProvinces2025,
		})
}

const (
	provincesSource     = "reference/vn-provinces.csv"
	provinces2025Source = "reference/vn-provinces-2025.csv"
	provinceCount       = 63
)

var (
	provincesHeader = []string{"code", "province", "region", "population", "population_unit",
		"population_year", "area_km2", "area_year", "source", "source_page", "quote"}
	provinces2025Header = []string{"old_code", "old_province", "new_province", "new_kind",
		"arranged", "source", "verification", "verified_by"}
)

// provinceFields are the columns of vn-provinces.
func provinceFields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "code", Kind: frame.String, LabelVI: "Mã đơn vị hành chính (Tổng cục Thống kê)"},
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh, thành phố"},
		{Name: "region", Kind: frame.String, LabelVI: "Vùng kinh tế - xã hội"},
		{Name: "population", Kind: frame.Int64, LabelVI: "Dân số trung bình", Unit: "people",
			Extra: map[string]string{frame.MetaDescription: "average population: the figure in thousands × 1000, rounded to the person (vn-population's 2023 figure, GSO table E02.03-07)"}},
		{Name: "population_year", Kind: frame.Int64, LabelVI: "Năm của số liệu dân số", Unit: "year"},
		{Name: "area_km2", Kind: frame.Float64, LabelVI: "Diện tích tự nhiên", Unit: "km2",
			Extra: map[string]string{frame.MetaDescription: "natural area as GSO's table E02.01 gives it (2023)"}},
		{Name: "area_year", Kind: frame.Int64, LabelVI: "Năm của số liệu diện tích", Unit: "year"},
		{Name: "source", Kind: frame.String, LabelVI: "Nguồn công bố số liệu"},
		{Name: "source_page", Kind: frame.String, LabelVI: "Địa chỉ trang nguồn (không ghi giao thức)"},
		{Name: "quote", Kind: frame.String, LabelVI: "Trích nguyên văn số liệu từ nguồn"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong bảng tham chiếu"},
	}
}

// provinces2025Fields are the columns of vn-provinces-2025.
func provinces2025Fields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "old_code", Kind: frame.String, LabelVI: "Mã tỉnh cũ (Tổng cục Thống kê)"},
		{Name: "old_province", Kind: frame.String, LabelVI: "Tỉnh, thành phố trước sắp xếp"},
		{Name: "new_province", Kind: frame.String, LabelVI: "Tỉnh, thành phố sau sắp xếp"},
		{Name: "new_kind", Kind: frame.String, LabelVI: "Loại đơn vị mới (province: tỉnh, city: thành phố trực thuộc trung ương)"},
		{Name: "arranged", Kind: frame.Bool, LabelVI: "Có thực hiện sắp xếp"},
		{Name: "source", Kind: frame.String, LabelVI: "Văn bản"},
		{Name: "verification", Kind: frame.String, LabelVI: "Mức đối chiếu"},
		{Name: "verified_by", Kind: frame.String, LabelVI: "Trang đã đối chiếu (không ghi giao thức)"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong bảng tham chiếu"},
	}
}

// buildProvinces reads the province table: population in thousands is
// converted to people (× 1000, rounded to the unit), a figure needs a source,
// a quote and a year, and an empty cell stays null.
func buildProvinces(e Entry) (*frame.Frame, *frame.Frame, error) {
	recs, err := readReference(provincesSource, provincesHeader)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != provinceCount {
		return nil, nil, fmt.Errorf("%s: %d provinces, want %d", provincesSource, len(recs), provinceCount)
	}
	rows := make([][]any, 0, len(recs))
	seen := map[string]bool{}
	for _, r := range recs {
		row, err := provinceRow(r)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", provincesSource, r.line, err)
		}
		if seen[r.f[0]] {
			return nil, nil, fmt.Errorf("%s:%d: code %s twice", provincesSource, r.line, r.f[0])
		}
		seen[r.f[0]] = true
		rows = append(rows, row)
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = provincesSource
	meta["source"] = "General Statistics Office of Vietnam (GSO / Tổng cục Thống kê): average population 2023 from table E02.03-07 (dataset vn-population), " +
		"natural area 2023 from table E02.01, both from GSO's JSON-stat export (github.com/yuariosu/vietnam_economy_analysis), the area checked against a " +
		"second copy; codes from GSO's list of administrative units (Quyết định 124/2004/QĐ-TTg), regions GSO's six socio-economic regions"
	meta["method"] = "population = the figure in thousands × 1000, rounded to the person; area_km2 as the copy writes it"
	meta["years"] = "population_year and area_year 2023 for every province"
	data, err := frame.FromRows(meta, provinceFields(), rows)
	if err != nil {
		return nil, nil, err
	}
	return withNoClaims(meta, data)
}

// provinceRow turns one line of the province table into a row.
func provinceRow(r curatedRecord) ([]any, error) {
	f := r.f
	for i, name := range []string{"code", "province", "region"} {
		if strings.TrimSpace(f[i]) == "" {
			return nil, fmt.Errorf("no %s", name)
		}
	}
	pop, popYear, err := provincePopulation(f[3], f[4], f[5])
	if err != nil {
		return nil, err
	}
	area, areaYear, err := provinceArea(f[6], f[7])
	if err != nil {
		return nil, err
	}
	if (pop != nil || area != nil) && (strings.TrimSpace(f[8]) == "" || strings.TrimSpace(f[9]) == "" || strings.TrimSpace(f[10]) == "") {
		return nil, fmt.Errorf("%s: a figure without source, page or quote", f[1])
	}
	return []any{f[0], f[1], f[2], pop, popYear, area, areaYear, textOrNull(f[8]), textOrNull(f[9]), textOrNull(f[10]), int64(r.line)}, nil
}

// textOrNull is a reference table's text cell: null when the cell is
// empty (no figure, so nothing to cite), never "".
func textOrNull(s string) any {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return s
}

// provincePopulation reads a population figure and its year: nil, nil for an
// empty figure (which must have no unit and no year).
func provincePopulation(value, unit, year string) (pop, popYear any, err error) {
	if strings.TrimSpace(value) == "" {
		if unit != "" || year != "" {
			return nil, nil, fmt.Errorf("a population unit or year without a figure")
		}
		return nil, nil, nil
	}
	v, err := numtext.ParseNumber(value, loaders.CommaThousands)
	if err != nil {
		return nil, nil, err
	}
	switch unit {
	case "thousand":
		v *= 1000
	case "person":
	default:
		return nil, nil, fmt.Errorf("population unit %q, want thousand or person", unit)
	}
	y, err := referenceYear(year)
	if err != nil {
		return nil, nil, err
	}
	return int64(math.Round(v)), y, nil
}

// provinceArea reads an area figure and its year.
func provinceArea(value, year string) (area, areaYear any, err error) {
	if strings.TrimSpace(value) == "" {
		if year != "" {
			return nil, nil, fmt.Errorf("an area year without a figure")
		}
		return nil, nil, nil
	}
	v, err := numtext.ParseNumber(value, loaders.CommaThousands)
	if err != nil {
		return nil, nil, err
	}
	y, err := referenceYear(year)
	if err != nil {
		return nil, nil, err
	}
	return v, y, nil
}

// referenceYear reads the year of a figure.
func referenceYear(s string) (int64, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 1975 || y > 2100 {
		return 0, fmt.Errorf("year %q", s)
	}
	return int64(y), nil
}

// buildProvinces2025 reads the crosswalk: each former unit once, its new
// unit and kind, and what the row was checked against.
func buildProvinces2025(e Entry) (*frame.Frame, *frame.Frame, error) {
	recs, err := readReference(provinces2025Source, provinces2025Header)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != provinceCount {
		return nil, nil, fmt.Errorf("%s: %d former units, want %d", provinces2025Source, len(recs), provinceCount)
	}
	rows := make([][]any, 0, len(recs))
	seen := map[string]bool{}
	for _, r := range recs {
		f := r.f
		pos := fmt.Sprintf("%s:%d", provinces2025Source, r.line)
		if seen[f[0]] {
			return nil, nil, fmt.Errorf("%s: code %s twice", pos, f[0])
		}
		seen[f[0]] = true
		if f[3] != "province" && f[3] != "city" {
			return nil, nil, fmt.Errorf("%s: new_kind %q, want province or city", pos, f[3])
		}
		arranged, err := strconv.ParseBool(f[4])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: arranged %q", pos, f[4])
		}
		if f[1] == "" || f[2] == "" || f[5] == "" || f[6] == "" || f[7] == "" {
			return nil, nil, fmt.Errorf("%s: an empty name, source or verification", pos)
		}
		rows = append(rows, []any{f[0], f[1], f[2], f[3], arranged, f[5], f[6], f[7], int64(r.line)})
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = provinces2025Source
	meta["source"] = "Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (12 June 2025): 52 units into 23, 11 not arranged; 34 units (6 cities, 28 provinces)"
	meta["verification"] = "resolution text: Tuyên Quang, Lào Cai, Thái Nguyên, Phú Thọ, Bắc Ninh (Article 1, clauses 1-5); " +
		"report of the resolution: the 11 units not arranged, Khánh Hòa, Đồng Nai, Cần Thơ, Vĩnh Long, An Giang; " +
		"list after the vote (Lao Động, 12 June 2025): Hưng Yên, Hải Phòng, Ninh Bình, Quảng Trị, Đà Nẵng, Quảng Ngãi, Gia Lai, Lâm Đồng, Đắk Lắk, TP. Hồ Chí Minh; " +
		"plan only (Resolution 60-NQ/TW and the 12 June list of disappearing names): Tây Ninh (Long An), Đồng Tháp (Tiền Giang), Cà Mau (Bạc Liêu)"
	data, err := frame.FromRows(meta, provinces2025Fields(), rows)
	if err != nil {
		return nil, nil, err
	}
	return withNoClaims(meta, data)
}

// readReference reads the records of a reference table embedded with the
// sources (vn-cpi, vn-provinces, vn-provinces-2025), whose columns must be
// header (see readCuratedCSV).
func readReference(source string, header []string) ([]curatedRecord, error) {
	b, err := SourceText(source)
	if err != nil {
		return nil, err
	}
	return readCuratedCSV(b, source, header)
}

// withNoClaims pairs a reference dataset with its empty claims Frame.
func withNoClaims(meta map[string]string, data *frame.Frame) (*frame.Frame, *frame.Frame, error) {
	claims, err := frame.FromRows(meta, frame.ClaimFields(), nil)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}
