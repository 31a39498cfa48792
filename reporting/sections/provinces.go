package sections

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/budget"
	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/analysis/composite"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
)

// programmeIndicators are the indicators of the programme comparison, with
// the weights of the composite.
var programmeIndicators = []composite.Indicator{
	{Column: "total_mvnd_per_1000_people", Weight: 0.5},
	{Column: "per_year_mvnd_per_1000_people", Weight: 0.3},
	{Column: "per_year_mvnd_per_100_km2", Weight: 0.2},
}

// Provinces compares the IT and digital-transformation programmes of the
// three provinces of the sources (vn-dx-investments) per 1,000 people and per
// 100 km² (vn-provinces, 2023), combines the three measures into a composite
// (min-max to 0–100, weights 0.5/0.3/0.2, arithmetic mean), tests how the
// ranking depends on the weights (1,000 draws of ±50 %), and regroups the
// provinces' population and area into the 34 units of 2025
// (vn-provinces-2025).
func Provinces(o Options) (reporting.Section, error) {
	s := reporting.Section{
		ID:      "provinces",
		TitleVI: "So sánh các tỉnh: chương trình đầu tư trên dân số, chỉ số tổng hợp, đơn vị hành chính 2025",
		TitleEN: "Provinces compared: programmes per population, a composite index, the 2025 provinces",
	}
	inv, err := load("vn-dx-investments")
	if err != nil {
		return s, err
	}
	pv, err := load("vn-provinces")
	if err != nil {
		return s, err
	}
	cw, err := load("vn-provinces-2025")
	if err != nil {
		return s, err
	}
	py, err := budget.PerYearByRow(inv, budget.NoPhase)
	if err != nil {
		return s, err
	}
	py, err = py.WithColumnFunc(frame.FieldSpec{Name: "programme", Kind: frame.String, LabelVI: "Chương trình"}, func(r frame.Row) any {
		if r.IsNull("period_start") {
			return fmt.Sprintf("%s (%d %s)", r.String("province"), r.Int64("years"), o.tr("năm", "years"))
		}
		return fmt.Sprintf("%s %d–%d", r.String("province"), r.Int64("period_start"), r.Int64("period_end"))
	})
	if err != nil {
		return s, err
	}
	withRef, err := composite.Attach(py, pv, "province", "province", []string{"population", "population_year", "area_km2"}, composite.MatchTones)
	if err != nil {
		return s, err
	}
	pc, err := composite.PerCapita(withRef, "total_mvnd", "population", 1000)
	if err != nil {
		return s, err
	}
	pc, err = composite.PerCapita(pc, "per_year_mvnd", "population", 1000)
	if err != nil {
		return s, err
	}
	pc, err = pc.WithColumnFunc(frame.FieldSpec{Name: "per_year_mvnd_per_100_km2", Kind: frame.Float64, LabelVI: "Kinh phí mỗi năm trên 100 km²", Unit: "million_vnd/100 km2"}, func(r frame.Row) any {
		a, y := r.Float64("area_km2"), r.Float64("per_year_mvnd")
		if !finite(a) || !finite(y) || a <= 0 {
			return nil
		}
		return y / a * 100
	})
	if err != nil {
		return s, err
	}
	table, err := pc.Select("programme", "province", "document", "total_mvnd", "years", "per_year_mvnd", "population", "population_year", "area_km2",
		"total_mvnd_per_1000_people", "per_year_mvnd_per_1000_people", "per_year_mvnd_per_100_km2", frame.ColSourceFile, frame.ColSourceLine, "ref_source_line")
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-per-population", Frame: table,
		Caption:   "Chương trình đầu tư CNTT/chuyển đổi số trên 1.000 dân và trên 100 km² (dân số, diện tích 2023: vn-provinces)",
		CaptionEN: "IT / digital-transformation programmes per 1,000 people and per 100 km² (population and area 2023: vn-provinces)"})

	opts := composite.Options{Normalisation: composite.MinMax, Aggregation: composite.Arithmetic}
	comp, err := composite.Composite(pc, programmeIndicators, opts)
	if err != nil {
		return s, err
	}
	comp, err = comp.Select("programme", "total_mvnd_per_1000_people", "per_year_mvnd_per_1000_people", "per_year_mvnd_per_100_km2", "score", "rank", "indicators_used", frame.ColSourceFile, frame.ColSourceLine)
	if err != nil {
		return s, err
	}
	labels := []string{o.tr("Tổng kinh phí / 1.000 dân", "Total / 1,000 people"), o.tr("Kinh phí mỗi năm / 1.000 dân", "Per year / 1,000 people"), o.tr("Kinh phí mỗi năm / 100 km²", "Per year / 100 km²"), o.tr("Chỉ số tổng hợp", "Composite index")}
	names := strs(comp, "programme")
	vals := make([][]float64, len(names))
	for p := range names {
		vals[p] = []float64{nums(comp, "total_mvnd_per_1000_people")[p], nums(comp, "per_year_mvnd_per_1000_people")[p], nums(comp, "per_year_mvnd_per_100_km2")[p], nums(comp, "score")[p]}
	}
	c, err := chart.NewProvinceComparison(chart.ProvinceComparison{
		Title:      o.tr("Chương trình đầu tư của ba tỉnh, chuẩn hóa 0–100", "Programmes of three provinces, normalised 0–100"),
		Note:       o.tr("Chuẩn hóa min-max (100 = cao nhất); chỉ số tổng hợp: trung bình có trọng số 0,5/0,3/0,2. Dân số, diện tích năm 2023.", "Min-max normalised (100 = highest); composite: weighted mean 0.5/0.3/0.2. Population and area of 2023."),
		Indicators: labels, Provinces: names, Values: vals, Format: chart.Number, Decimals: -1,
		XLabel: o.tr("điểm (0–100)", "score (0–100)"), Lang: o.Lang,
	})
	if err != nil {
		return s, fmt.Errorf("sections: province comparison: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "programmes-compared", Figure: c,
		Caption:   "Các chương trình đầu tư CNTT/chuyển đổi số của Sóc Trăng, Khánh Hòa và Thừa Thiên Huế trên dân số và diện tích, chuẩn hóa 0–100, và chỉ số tổng hợp.",
		CaptionEN: "The IT / digital-transformation programmes of Sóc Trăng, Khánh Hòa and Thừa Thiên Huế per population and area, normalised 0–100, and the composite index.",
		Sources:   append(linesByFile(inv), reporting.Provenance{File: pv.Meta(frame.MetaSourceFile), Lines: lines(withRef, "ref_source_line")})})
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-composite", Frame: comp,
		Caption:   "Chỉ số tổng hợp (chuẩn hóa min-max 0–100, trọng số 0,5/0,3/0,2, trung bình cộng) và thứ hạng",
		CaptionEN: "Composite index (min-max 0–100, weights 0.5/0.3/0.2, arithmetic mean) and rank"})
	sens, err := composite.Sensitivity(pc, programmeIndicators, composite.SensitivityOptions{Draws: 1000, Seed: 2026, Spread: 0.5, Key: "programme",
		Normalisation: composite.MinMax, Aggregation: composite.Arithmetic})
	if err != nil {
		return s, err
	}
	// the programmes come from several documents: each row names its file
	fileOf := map[string]string{}
	for i, p := range strs(pc, "programme") {
		fileOf[p] = strs(pc, frame.ColSourceFile)[i]
	}
	sens, err = sens.WithColumnFunc(frame.FieldSpec{Name: frame.ColSourceFile, Kind: frame.String, LabelVI: "Văn bản nguồn"}, func(r frame.Row) any {
		return fileOf[r.String("programme")]
	})
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-weight-sensitivity", Frame: sens,
		Caption:   "Độ nhạy của thứ hạng theo trọng số: 1.000 bộ trọng số, mỗi trọng số thay đổi ±50%",
		CaptionEN: "Sensitivity of the ranking to the weights: 1,000 weight sets, each weight varied by ±50%"})

	re, err := composite.Reaggregate(pv, cw, composite.Reaggregation{Key: "province", Sums: []string{"population", "area_km2"},
		Ratios: []composite.RatioSpec{{As: "people_per_km2", Numerator: "population", Denominator: "area_km2", LabelVI: "Mật độ dân số (người/km²)", Unit: "people/km2"}}})
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "provinces-2025", Frame: re, MaxRows: 12,
		Caption:   "Dân số và diện tích năm 2023 cộng theo 34 đơn vị hành chính cấp tỉnh từ 2025 (Nghị quyết 202/2025/QH15); trống khi thiếu số liệu của một tỉnh cũ",
		CaptionEN: "2023 population and area summed into the 34 provincial units of 2025 (Resolution 202/2025/QH15); null when a former province lacks a figure"})
	s.Text = "Kinh phí các chương trình được chia cho dân số và diện tích năm 2023 (nguồn từng số liệu trong vn-provinces); chỉ số tổng hợp và độ nhạy minh họa phương pháp của gói analysis/bench với ba tỉnh có văn bản nguồn."
	s.TextEN = "Programme budgets are divided by the 2023 population and area (each figure cited in vn-provinces); the composite and its sensitivity show the analysis/bench methods on the three provinces of the sources."
	return s, nil
}
