package datasets

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
)

// Reference data: GSO's average population by province (dataset
// vn-population).
//
// The table is vn-population.csv under sources/reference/: one line per
// unit (the country, a region, a province) and year, with the figure as one
// copy of GSO's table writes it, where that copy was read (repository, path,
// commit, line, column), the figure a second copy gives and whether the two
// agree. The copies are GSO's own PX-Web exports kept in public
// repositories; vn-population.md says how they were found, which years they
// hold and what they disagree on. As for vn-cpi, the table is embedded with
// the source documents and each row's source_line is its line in the table.

func init() {
	catalogue = append(catalogue, Entry{
		ID:       "vn-population",
		TitleVI:  "Dân số trung bình phân theo địa phương (nghìn người), cả nước, 6 vùng và 63 tỉnh, thành phố, 2010–2024 (Tổng cục Thống kê, biểu E02.03-07; 2024 sơ bộ)",
		TitleEN:  "Average population by province (thousand persons): the country, the 6 regions and the 63 provinces, 2010–2024 (GSO table E02.03-07; 2024 preliminary), with the copies each figure was read from",
		Province: "Việt Nam", Period: "2010-2024", Source: populationSource,
		Document:       "Tổng cục Thống kê (GSO): Dân số trung bình phân theo địa phương / Average population by province (E02.03-07)",
		DocumentDate:   "2025-07-23 (GSO's export), read from public copies of 2020 and 2025",
		Rows:           populationRows,
		Convention:     loaders.CommaThousands,
		ConventionNote: "the copies write decimals with a point (7202.9, 8246.60) and no thousands separator",
		build:          buildPopulation,
	})
}

const (
	populationSource = "reference/vn-population.csv"
	// populationRows: (1 country + 6 regions + 63 provinces) × 15 years.
	populationRows = 70 * 15
)

// populationHeader is the header of vn-population.csv.
var populationHeader = []string{"code", "unit", "level", "region", "name_as_written", "year",
	"population_thousand", "preliminary", "copy", "copy_line", "copy_column",
	"second_copy", "second_line", "second_column", "second_value", "agreement", "note"}

// PopulationCopy is one public copy of GSO's table that vn-population was
// read from: a file in a repository at a commit.
type PopulationCopy struct {
	ID     string // the id the table's copy and second_copy columns use
	Repo   string // owner/name on GitHub
	Path   string // the file in the repository
	Commit string // the commit the file was read at
	Table  string // the table's title as the file writes it
}

// PopulationCopies are the copies of GSO's table vn-population cites, in
// the order of their download.
var PopulationCopies = []PopulationCopy{
	{ID: "gso-e0203-2025", Repo: "yuariosu/vietnam_economy_analysis", Path: "E02.03-07.json",
		Commit: "a5a41111d1cd34b608ccd3380d1759917e28a0e9", Table: "E02.03-07 Average population by province by sex and by residence (JSON-stat, updated 2025-07-23)"},
	{ID: "gso-e0203-qah", Repo: "QuocAnhHo/Vietnam-socioeconomic-statistics", Path: "data/sources/population/E0203-07.csv",
		Commit: "cc8fc3e470b609a6cbe9dac864e2801788dcc9c3", Table: "E02.03-07 Average population by province (CSV, Total 1995–2024, Prel. 2025)"},
}

func populationCopy(id string) (PopulationCopy, bool) {
	for _, c := range PopulationCopies {
		if c.ID == id {
			return c, true
		}
	}
	return PopulationCopy{}, false
}

// populationFields are the columns of vn-population.
func populationFields() []frame.FieldSpec {
	text := func(name, label, desc string) frame.FieldSpec {
		f := frame.FieldSpec{Name: name, Kind: frame.String, LabelVI: label}
		if desc != "" {
			f.Extra = map[string]string{frame.MetaDescription: desc}
		}
		return f
	}
	return []frame.FieldSpec{
		text("code", "Mã tỉnh, thành phố (Tổng cục Thống kê)", "the province's GSO code, as in vn-provinces; null for the country and the regions"),
		text("unit", "Đơn vị", "Cả nước, the region's name, or the province's name as vn-provinces writes it"),
		text("level", "Cấp", "country, region or province"),
		text("region", "Vùng kinh tế - xã hội", "the region the copy lists the province under (for a region, itself; null for the country)"),
		text("name_as_written", "Tên đơn vị như bản sao ghi", "the copy's row label exactly, spaces included"),
		{Name: "year", Kind: frame.Int64, LabelVI: "Năm", Unit: "year"},
		{Name: "population_thousand", Kind: frame.Float64, LabelVI: "Dân số trung bình (nghìn người)", Unit: "thousand_people",
			Extra: map[string]string{frame.MetaDescription: "GSO's average population as the copy writes it, in thousands with one decimal"}},
		{Name: "population", Kind: frame.Int64, LabelVI: "Dân số trung bình", Unit: "people",
			Extra: map[string]string{frame.MetaDescription: "population_thousand × 1000, rounded to the person (so exact to ±50 people)"}},
		{Name: "preliminary", Kind: frame.Bool, LabelVI: "Số liệu sơ bộ",
			Extra: map[string]string{frame.MetaDescription: "the copy's column header marks the year preliminary (Prel. / sơ bộ)"}},
		text("table", "Biểu của Tổng cục Thống kê", "the table's title as the copy's file writes it"),
		text("copy_repo", "Kho lưu bản sao", "GitHub repository (owner/name) of the copy the figure was read from"),
		text("copy_path", "Tệp của bản sao", ""),
		text("copy_commit", "Phiên bản (commit) của bản sao", ""),
		{Name: "copy_line", Kind: frame.Int64, LabelVI: "Dòng trong tệp bản sao"},
		text("copy_column", "Cột trong tệp bản sao", "the copy's column header, as written"),
		text("second_repo", "Kho lưu bản sao thứ hai", "null where no second copy holds the year"),
		text("second_path", "Tệp của bản sao thứ hai", ""),
		text("second_commit", "Phiên bản (commit) của bản sao thứ hai", ""),
		{Name: "second_line", Kind: frame.Int64, LabelVI: "Dòng trong tệp bản sao thứ hai"},
		text("second_column", "Cột trong tệp bản sao thứ hai", ""),
		{Name: "second_value", Kind: frame.Float64, LabelVI: "Số liệu của bản sao thứ hai (nghìn người)", Unit: "thousand_people"},
		text("agreement", "Đối chiếu hai bản sao", "agree (equal within half a unit of the last decimal), disagree (the primary value is kept; see note) or none (no second copy)"),
		text("note", "Ghi chú", ""),
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong bảng tham chiếu"},
	}
}

// buildPopulation reads the population table: every row a figure with its
// copy, and a second copy's figure compared within rounding.
func buildPopulation(e Entry) (*frame.Frame, *frame.Frame, error) {
	recs, err := readReference(populationSource, populationHeader)
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != populationRows {
		return nil, nil, fmt.Errorf("%s: %d rows, want %d", populationSource, len(recs), populationRows)
	}
	rows := make([][]any, 0, len(recs))
	seen := map[string]bool{}
	for _, r := range recs {
		row, err := populationRow(r.f)
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: %w", populationSource, r.line, err)
		}
		key := r.f[1] + "|" + r.f[5]
		if seen[key] {
			return nil, nil, fmt.Errorf("%s:%d: %s in %s twice", populationSource, r.line, r.f[1], r.f[5])
		}
		seen[key] = true
		rows = append(rows, append(row, int64(r.line)))
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = populationSource
	meta["source"] = "General Statistics Office of Vietnam (GSO / Tổng cục Thống kê), table E02.03-07 \"Dân số trung bình phân theo địa phương\" / " +
		"\"Average population by province\" (thousand persons), GSO's JSON-stat export of 2025-07-23 (github.com/yuariosu/vietnam_economy_analysis), " +
		"a later CSV download (github.com/QuocAnhHo/Vietnam-socioeconomic-statistics) and GSO's Vietnamese export of 2020 for 2017-2019 " +
		"(github.com/toantranct94/datavisualization); each row names its copies, commits, lines and columns"
	meta["years"] = "2010-2024; 2024 preliminary in the primary copy (final, unchanged, in the second)"
	meta["vintage"] = "the series as GSO revised it after the 2019 census, 2010-2024; it agrees with the 2023 yearbooks of Sóc Trăng " +
		"(page 83: 1 218 315 in 2017 … 1 198 798 in 2023) and Bình Định (page 94); older downloads of 2017-2018 hold the series before the census " +
		"(Sóc Trăng 2015: 1 310,7 there, 1 236,3 here)"
	meta["method"] = "population = population_thousand × 1000 rounded; agreement: |a − b| ≤ half a unit of the second copy's last decimal"
	data, err := frame.FromRows(meta, populationFields(), rows)
	if err != nil {
		return nil, nil, err
	}
	return withNoClaims(meta, data)
}

// populationRow turns one line of the population table into a row (without
// its source_line).
func populationRow(f []string) ([]any, error) {
	text := func(s string) any {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		return s
	}
	level := f[2]
	switch level {
	case "country", "region":
		if f[0] != "" {
			return nil, fmt.Errorf("%s %s with a code", level, f[1])
		}
	case "province":
		if len(f[0]) != 2 {
			return nil, fmt.Errorf("province %s: code %q", f[1], f[0])
		}
		if f[3] == "" {
			return nil, fmt.Errorf("province %s without a region", f[1])
		}
	default:
		return nil, fmt.Errorf("level %q", level)
	}
	if f[1] == "" || f[4] == "" {
		return nil, fmt.Errorf("a unit without a name")
	}
	year, err := referenceYear(f[5])
	if err != nil {
		return nil, err
	}
	v, err := numtext.ParseNumber(f[6], loaders.CommaThousands)
	if err != nil {
		return nil, fmt.Errorf("%s %d: %w", f[1], year, err)
	}
	prelim, err := strconv.ParseBool(f[7])
	if err != nil {
		return nil, fmt.Errorf("preliminary %q", f[7])
	}
	if prelim != strings.Contains(f[10], "Prel.") {
		return nil, fmt.Errorf("%s %d: preliminary %v but the column is %q", f[1], year, prelim, f[10])
	}
	cp, ok := populationCopy(f[8])
	if !ok {
		return nil, fmt.Errorf("copy %q", f[8])
	}
	line, err := strconv.Atoi(f[9])
	if err != nil || line < 1 || f[10] == "" {
		return nil, fmt.Errorf("%s %d: copy line %q, column %q", f[1], year, f[9], f[10])
	}
	var second, secondLine any
	var sc PopulationCopy
	switch {
	case f[11] == "":
		if f[12] != "" || f[13] != "" || f[14] != "" || f[15] != "none" {
			return nil, fmt.Errorf("%s %d: a second figure without a second copy", f[1], year)
		}
	default:
		if sc, ok = populationCopy(f[11]); !ok || f[11] == f[8] {
			return nil, fmt.Errorf("second copy %q", f[11])
		}
		n, err := strconv.Atoi(f[12])
		if err != nil || n < 1 || f[13] == "" {
			return nil, fmt.Errorf("%s %d: second line %q, column %q", f[1], year, f[12], f[13])
		}
		secondLine = int64(n)
		w, err := numtext.ParseNumber(f[14], loaders.CommaThousands)
		if err != nil {
			return nil, fmt.Errorf("%s %d: second value: %w", f[1], year, err)
		}
		second = w
		want := "disagree"
		if d, err := numtext.ParseDecimal(f[14], loaders.CommaThousands, false); err == nil && math.Abs(v-w) <= approx.HalfUnit(d.Decimals)+1e-9 {
			want = "agree"
		}
		if f[15] != want {
			return nil, fmt.Errorf("%s %d: agreement %q, the figures %v and %v %s", f[1], year, f[15], v, w, want)
		}
		if want == "disagree" && f[16] == "" {
			return nil, fmt.Errorf("%s %d: a disagreement without a note", f[1], year)
		}
	}
	return []any{text(f[0]), f[1], level, text(f[3]), f[4], int64(year), v, int64(math.Round(v * 1000)), prelim,
		cp.Table, cp.Repo, cp.Path, cp.Commit, int64(line), f[10],
		text(sc.Repo), text(sc.Path), text(sc.Commit), secondLine, text(f[13]), second, f[15], text(f[16])}, nil
}
