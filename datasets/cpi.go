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

// Reference data: Vietnam's consumer price index (dataset vn-cpi).
//
// The figures are a small table committed under sources/reference/
// (vn-cpi.csv): one line per year with GSO's annual average CPI change and a
// citation of a public report of it. The table is embedded together with the
// source documents, so that SourceText and Line read it like any source and
// each row's source_line points to its line in the table.

func init() {
	catalogue = append(catalogue, Entry{
		ID:       "vn-cpi",
		TitleVI:  "Chỉ số giá tiêu dùng bình quân năm so với năm trước, Việt Nam 2010–2024 (Tổng cục Thống kê)",
		TitleEN:  "Consumer price index, annual average change and chained index (2010 = 100), Vietnam 2010–2024 (GSO)",
		Province: "Việt Nam", Period: "2010-2024", Source: cpiSource,
		Document:       "Tổng cục Thống kê (GSO): Chỉ số giá tiêu dùng bình quân năm so với năm trước",
		DocumentDate:   "2010-2024",
		Rows:           15,
		Convention:     loaders.CommaThousands,
		ConventionNote: "the reference table writes decimals with a point (9.19) and no thousands separator",
		build:          buildCPI,
	})
}

const (
	cpiSource    = "reference/vn-cpi.csv"
	cpiFirstYear = 2010
	cpiLastYear  = 2024
)

// cpiFields are the columns of vn-cpi.
func cpiFields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "year", Kind: frame.Int64, LabelVI: "Năm", Unit: "year"},
		{Name: "inflation_percent", Kind: frame.Float64, LabelVI: "Chỉ số giá tiêu dùng bình quân năm so với năm trước (tăng, %)", Unit: "percent",
			Extra: map[string]string{frame.MetaDescription: "change of the annual average CPI on the previous year's average, as published by GSO; null where no citable figure was found"}},
		{Name: "index_2010_100", Kind: frame.Float64, LabelVI: "Chỉ số giá tiêu dùng, năm 2010 = 100", Unit: "index",
			Extra: map[string]string{frame.MetaDescription: "chained: 2010 = 100, index_t = index_(t-1) × (1 + inflation_percent_t / 100), computed unrounded and rounded to 4 decimals; null from the first year without a figure"}},
		{Name: "source", Kind: frame.String, LabelVI: "Nguồn công bố số liệu"},
		{Name: "source_page", Kind: frame.String, LabelVI: "Địa chỉ trang nguồn (không ghi giao thức)"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong bảng tham chiếu"},
	}
}

// buildCPI reads the reference table and chains the index.
func buildCPI(e Entry) (*frame.Frame, *frame.Frame, error) {
	recs, err := readReference(cpiSource, []string{"year", "inflation_percent", "source", "source_page"})
	if err != nil {
		return nil, nil, err
	}
	if len(recs) != cpiLastYear-cpiFirstYear+1 {
		return nil, nil, fmt.Errorf("%s: %d years, want %d–%d", cpiSource, len(recs), cpiFirstYear, cpiLastYear)
	}
	rows := make([][]any, 0, len(recs))
	index := 100.0
	for i, r := range recs {
		year, err := strconv.Atoi(r.f[0])
		if err != nil || year != cpiFirstYear+i {
			return nil, nil, fmt.Errorf("%s:%d: year %q, want %d", cpiSource, r.line, r.f[0], cpiFirstYear+i)
		}
		var inflation, idx any
		v := math.NaN()
		if s := strings.TrimSpace(r.f[1]); s != "" {
			if v, err = numtext.ParseNumber(s, loaders.CommaThousands); err != nil {
				return nil, nil, fmt.Errorf("%s:%d: %w", cpiSource, r.line, err)
			}
			if strings.TrimSpace(r.f[2]) == "" {
				return nil, nil, fmt.Errorf("%s:%d: a figure without a source", cpiSource, r.line)
			}
			inflation = v
		}
		if year > cpiFirstYear {
			index *= 1 + v/100 // NaN from the first year without a figure on
		}
		if !math.IsNaN(index) {
			idx = math.Round(index*1e4) / 1e4
		}
		rows = append(rows, []any{int64(year), inflation, idx, r.f[2], r.f[3], int64(r.line)})
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = cpiSource
	meta["source"] = "General Statistics Office of Vietnam (GSO / Tổng cục Thống kê), \"Chỉ số giá tiêu dùng bình quân năm so với năm trước\" " +
		"(annual average consumer price index on the previous year), as announced at GSO's year-end press conferences; " +
		"each row cites a public report of that year's figure (source, source_page)"
	meta["method"] = "index_2010_100: 2010 = 100; index_t = index_(t-1) × (1 + inflation_percent_t / 100), chained unrounded, rounded to 4 decimals"
	meta["missing"] = "a year without a citable GSO figure is null, and so is the index from that year on"
	data, err := frame.FromRows(meta, cpiFields(), rows)
	if err != nil {
		return nil, nil, err
	}
	return withNoClaims(meta, data)
}
