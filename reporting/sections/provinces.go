package sections

import (
	"fmt"
	"math"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/analysis/budget"
	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/analysis/composite"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
)

// programmeIndicators are the indicators of the programme composite, in
// 2024 prices, with the weights of the composite.
var programmeIndicators = []composite.Indicator{
	{Column: "total_real_mvnd_per_1000_people", Weight: 0.5},
	{Column: "per_year_real_mvnd_per_1000_people", Weight: 0.3},
	{Column: "per_year_real_mvnd_per_100_km2", Weight: 0.2},
}

// priceYear is the price year of the programme comparison: the last year of
// vn-cpi, as in the budget section.
const priceYear = 2024

// Kinds of programme in vn-dx-investments, read from the title: an IT
// project of the provincial Party agencies (its title names the Tỉnh ủy or
// the "cơ quan đảng"), or else a programme of the provincial government.
const (
	kindGovernment = "government"
	kindParty      = "party"
)

// programmeKind classifies a programme by its title.
func programmeKind(title string) string {
	t := strings.ToLower(norm.NFC.String(title))
	if strings.Contains(t, "tỉnh ủy") || strings.Contains(t, "tỉnh uỷ") || strings.Contains(t, "cơ quan đảng") {
		return kindParty
	}
	return kindGovernment
}

// kindWords names a kind for a chart's legend, with the number of
// programmes of the kind.
func (o Options) kindWords(kind string, n int) string {
	if kind == kindParty {
		return o.tr(fmt.Sprintf("Dự án CNTT của cơ quan Đảng tỉnh (%d)", n), fmt.Sprintf("IT projects of provincial Party agencies (%d)", n))
	}
	return o.tr(fmt.Sprintf("Chương trình CNTT / chuyển đổi số của chính quyền tỉnh (%d)", n), fmt.Sprintf("Provincial-government IT / digital-transformation programmes (%d)", n))
}

// stageWords says how far a programme had gone: planned, approved (its
// investment policy), proposed.
func (o Options) stageWords(stage string) string {
	switch stage {
	case "approved":
		return o.tr("đã phê duyệt", "approved")
	case "proposed":
		return o.tr("đề xuất", "proposed")
	case "planned":
		return o.tr("kế hoạch", "plan")
	}
	return stage
}

// Provinces compares the IT and digital-transformation programmes of the
// three provinces of the sources (vn-dx-investments) like with like: the
// amount per year of plan in 2024 prices (vn-cpi), programmes of one kind
// beside each other — the provincial governments' multi-year programmes,
// the Party agencies' IT projects — with the nominal amount beside the
// real one. It tables the programmes per 1,000 people and per 100 km²
// (vn-provinces, 2023), a composite of the three measures in 2024 prices
// as an illustration of the method (min-max over the four programmes, the
// universe said in the caption; weights 0.5/0.3/0.2, arithmetic mean) and
// its sensitivity to the weights (1,000 draws of ±50 %), and regroups the
// provinces' population and area into the 34 units of 2025
// (vn-provinces-2025).
func Provinces(o Options) (reporting.Section, error) {
	s := reporting.Section{
		ID:      "provinces",
		TitleVI: "Chương trình CNTT của các tỉnh: kinh phí một năm theo giá 2024, trên dân số; đơn vị hành chính 2025",
		TitleEN: "Provincial IT programmes: amounts per year in 2024 prices, per population; the 2025 provinces",
	}
	d, err := loadProvinces(o)
	if err != nil {
		return s, err
	}
	if err := programmesChart(&s, d.real, d.inv, d.cpi, o); err != nil {
		return s, err
	}
	for _, part := range []func(*reporting.Section, provincesData) error{
		programmesPerPopulation, programmesComposite, provinces2025,
	} {
		if err := part(&s, d); err != nil {
			return s, err
		}
	}
	s.Text = "Các chương trình được so sánh theo kinh phí bình quân một năm kế hoạch, theo giá năm 2024 (chỉ số giá tiêu dùng, vn-cpi), trong cùng một loại: chương trình của chính quyền tỉnh với nhau, dự án của cơ quan Đảng tỉnh với nhau. Bảng trên dân số và diện tích dùng dân số, diện tích năm 2023 (nguồn từng số liệu trong vn-provinces); chỉ số tổng hợp và độ nhạy chỉ minh họa phương pháp của gói analysis/composite trên các chương trình có văn bản nguồn."
	s.TextEN = "The programmes are compared by their amount per year of plan in 2024 prices (consumer price index, vn-cpi), within one kind: provincial-government programmes with each other, Party-agency projects with each other. The tables per population and area use the 2023 population and area (each figure cited in vn-provinces); the composite and its sensitivity only illustrate the analysis/composite methods on the programmes of the sources."
	return s, nil
}

// provincesData are the datasets of the provinces section, and the
// programmes computed from them: real (programmesReal: with their amounts
// in 2024 prices) and perPop (real with the provinces' population and
// area, and the amounts per 1,000 people and per 100 km²).
type provincesData struct {
	inv, pv, cw, cpi *frame.Frame
	real, perPop     *frame.Frame
}

// loadProvinces loads the datasets of the provinces section and computes
// its programmes.
func loadProvinces(o Options) (provincesData, error) {
	var d provincesData
	var err error
	for _, x := range []struct {
		f  **frame.Frame
		id string
	}{{&d.inv, "vn-dx-investments"}, {&d.pv, "vn-provinces"}, {&d.cw, "vn-provinces-2025"}, {&d.cpi, "vn-cpi"}} {
		if *x.f, err = load(x.id); err != nil {
			return d, err
		}
	}
	py, err := budget.PerYearByRow(d.inv, budget.NoPhase)
	if err != nil {
		return d, err
	}
	py, err = py.WithColumnFunc(frame.FieldSpec{Name: "programme", Kind: frame.String, LabelVI: "Chương trình"}, func(r frame.Row) any {
		if r.IsNull("period_start") {
			return fmt.Sprintf("%s (%d %s)", r.String("province"), r.Int64("years"), o.tr("năm", "years"))
		}
		return fmt.Sprintf("%s %d–%d", r.String("province"), r.Int64("period_start"), r.Int64("period_end"))
	})
	if err != nil {
		return d, err
	}
	if d.real, err = programmesReal(py, d.cpi); err != nil {
		return d, err
	}
	d.perPop, err = perPopulationAndArea(d.real, d.pv)
	return d, err
}

// perPopulationAndArea adds to the programmes real their province's
// population and area (vn-provinces), and their amounts, nominal and in
// 2024 prices, per 1,000 people and, for the amounts per year, per
// 100 km².
func perPopulationAndArea(real, pv *frame.Frame) (*frame.Frame, error) {
	withRef, err := composite.Attach(real, pv, "province", "province", []string{"population", "population_year", "area_km2"}, composite.MatchTones)
	if err != nil {
		return nil, err
	}
	pc := withRef
	for _, col := range []string{"total_mvnd", "per_year_mvnd", "total_real_mvnd", "per_year_real_mvnd"} {
		if pc, err = composite.PerCapita(pc, col, "population", 1000); err != nil {
			return nil, err
		}
	}
	for _, col := range []struct{ name, amount, label string }{
		{"per_year_mvnd_per_100_km2", "per_year_mvnd", "Kinh phí mỗi năm trên 100 km²"},
		{"per_year_real_mvnd_per_100_km2", "per_year_real_mvnd", "Kinh phí mỗi năm trên 100 km² (theo giá năm 2024)"},
	} {
		pc, err = pc.WithColumnFunc(frame.FieldSpec{Name: col.name, Kind: frame.Float64, LabelVI: col.label, Unit: "million_vnd/100 km2"}, func(r frame.Row) any {
			a, y := r.Float64("area_km2"), r.Float64(col.amount)
			if !finite(a) || !finite(y) || a <= 0 {
				return nil
			}
			return y / a * 100
		})
		if err != nil {
			return nil, err
		}
	}
	return pc, nil
}

// programmesPerPopulation tables the programmes per 1,000 people and per
// 100 km², nominal and in 2024 prices.
func programmesPerPopulation(s *reporting.Section, d provincesData) error {
	table, err := d.perPop.Select("programme", "province", "document", "total_mvnd", "years", "per_year_mvnd", "population", "population_year", "area_km2",
		"total_mvnd_per_1000_people", "per_year_mvnd_per_1000_people", "per_year_mvnd_per_100_km2",
		"price_index", "total_real_mvnd_per_1000_people", "per_year_real_mvnd_per_1000_people", "per_year_real_mvnd_per_100_km2",
		frame.ColSourceFile, frame.ColSourceLine, "ref_source_line")
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-per-population", Frame: table,
		Caption:   "Chương trình đầu tư CNTT/chuyển đổi số trên 1.000 dân và trên 100 km² (dân số, diện tích 2023: vn-provinces), giá hiện hành và giá năm 2024 (vn-cpi)",
		CaptionEN: "IT / digital-transformation programmes per 1,000 people and per 100 km² (population and area 2023: vn-provinces), nominal and in 2024 prices (vn-cpi)"})
	return nil
}

// programmesComposite tables the composite of the programmes'
// programmeIndicators, as an illustration of the method, and the
// sensitivity of its ranking to the weights.
func programmesComposite(s *reporting.Section, d provincesData) error {
	pc := d.perPop
	// the universe of the min-max normalisation: every programme of
	// vn-dx-investments, whatever its kind
	n := pc.NumRows()
	opts := composite.Options{Normalisation: composite.MinMax, Aggregation: composite.Arithmetic}
	comp, err := composite.Composite(pc, programmeIndicators, opts)
	if err != nil {
		return err
	}
	comp, err = comp.Select("programme", "total_real_mvnd_per_1000_people", "per_year_real_mvnd_per_1000_people", "per_year_real_mvnd_per_100_km2", "score", "rank", "indicators_used", frame.ColSourceFile, frame.ColSourceLine)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-composite", Frame: comp,
		Caption:   fmt.Sprintf("Chỉ số tổng hợp, minh họa phương pháp: ba chỉ số theo giá năm 2024, chuẩn hóa min-max trên đúng %d chương trình của vn-dx-investments (0 = thấp nhất, 100 = cao nhất trong %d chương trình này; các loại chương trình khác nhau, không phải thứ hạng của các tỉnh), trọng số 0,5/0,3/0,2, trung bình cộng", n, n),
		CaptionEN: fmt.Sprintf("Composite index, an illustration of the method: three measures in 2024 prices, min-max normalised over exactly the %d programmes of vn-dx-investments (0 = lowest, 100 = highest of these %d; different kinds of programme, not a ranking of the provinces), weights 0.5/0.3/0.2, arithmetic mean", n, n)})
	sens, err := composite.Sensitivity(pc, programmeIndicators, composite.SensitivityOptions{Draws: 1000, Seed: 2026, Spread: 0.5, Key: "programme",
		Normalisation: composite.MinMax, Aggregation: composite.Arithmetic})
	if err != nil {
		return err
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
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-weight-sensitivity", Frame: sens,
		Caption:   fmt.Sprintf("Độ nhạy của thứ hạng trong chỉ số tổng hợp (%d chương trình, giá năm 2024) theo trọng số: 1.000 bộ trọng số, mỗi trọng số thay đổi ±50%%", n),
		CaptionEN: fmt.Sprintf("Sensitivity of the composite's ranking (%d programmes, 2024 prices) to the weights: 1,000 weight sets, each weight varied by ±50%%", n)})
	return nil
}

// provinces2025 tables the provinces' 2023 population and area summed
// into the 34 provincial units of 2025 (vn-provinces-2025).
func provinces2025(s *reporting.Section, d provincesData) error {
	re, err := composite.Reaggregate(d.pv, d.cw, composite.Reaggregation{Key: "province", Sums: []string{"population", "area_km2"},
		Ratios: []composite.RatioSpec{{As: "people_per_km2", Numerator: "population", Denominator: "area_km2", LabelVI: "Mật độ dân số (người/km²)", Unit: "people/km2"}}})
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "provinces-2025", Frame: re, MaxRows: 12,
		Caption:   "Dân số và diện tích năm 2023 cộng theo 34 đơn vị hành chính cấp tỉnh từ 2025 (Nghị quyết 202/2025/QH15); trống khi thiếu số liệu của một tỉnh cũ",
		CaptionEN: "2023 population and area summed into the 34 provincial units of 2025 (Resolution 202/2025/QH15); null when a former province lacks a figure"})
	return nil
}

// programmesReal adds to the programmes (budget.PerYearByRow of
// vn-dx-investments) their kind, the years their amount is deflated over,
// and the amounts in 2024 prices:
//
//	price_start, price_end  period_start, period_end; for a programme that
//	                        gives only its duration (Thừa Thiên Huế: "04
//	                        năm"), the years from the one after its
//	                        decision (2022–2025), with period_assumed set
//	price_index             I(period), budget.RealTermsPeriod: the amount
//	                        spread evenly over the years, each deflated
//	per_year_real_mvnd      per_year_mvnd × I(2024) / I(period)
//	total_real_mvnd         per_year_real_mvnd × years
//
// vn-cpi ends in 2024: a year after it has no index yet and counts at 2024
// prices (its index is taken as 2024's), so a programme of 2024–2026 keeps
// its nominal amount and one of 2023–2025 is deflated for 2023 only.
func programmesReal(py, cpi *frame.Frame) (*frame.Frame, error) {
	n := py.NumRows()
	start, end := make([]int64, n), make([]int64, n)
	valid, assumed := make([]bool, n), make([]bool, n)
	last := int64(priceYear)
	for i := range n {
		r := py.Row(i)
		s, okS := r.Int64OK("period_start")
		e, okE := r.Int64OK("period_end")
		if !okS || !okE {
			years, okY := r.Int64OK("years")
			d, okD := r.DateOK("date")
			if !okY || !okD || years <= 0 {
				continue
			}
			s, e, assumed[i] = int64(d.Year())+1, int64(d.Year())+years, true
		}
		start[i], end[i], valid[i] = s, e, true
		last = max(last, e)
	}
	g, err := py.WithColumn(frame.FieldSpec{Name: "price_start", Kind: frame.Int64, LabelVI: "Năm đầu của kỳ quy đổi giá"}, start, valid)
	if err != nil {
		return nil, err
	}
	if g, err = g.WithColumn(frame.FieldSpec{Name: "price_end", Kind: frame.Int64, LabelVI: "Năm cuối của kỳ quy đổi giá"}, end, valid); err != nil {
		return nil, err
	}
	if g, err = g.WithColumn(frame.FieldSpec{Name: "period_assumed", Kind: frame.Bool,
		LabelVI: "Kỳ giả định (văn bản chỉ ghi số năm): từ năm sau năm quyết định"}, assumed, nil); err != nil {
		return nil, err
	}
	if g, err = g.WithColumnFunc(frame.FieldSpec{Name: "kind", Kind: frame.String,
		LabelVI: "Loại: government (chương trình của chính quyền tỉnh), party (dự án CNTT của cơ quan Đảng tỉnh; tên có \"Tỉnh ủy\" hoặc \"cơ quan đảng\")"}, func(r frame.Row) any {
		return programmeKind(r.String("title"))
	}); err != nil {
		return nil, err
	}
	ext, err := cpiThrough(cpi, last)
	if err != nil {
		return nil, err
	}
	real, err := budget.RealTermsPeriod(g, "per_year_mvnd", "price_start", "price_end", ext, priceYear)
	if err != nil {
		return nil, err
	}
	return real.WithColumnFunc(frame.FieldSpec{Name: "total_real_mvnd", Kind: frame.Float64, Unit: "million_vnd",
		LabelVI: "Tổng kinh phí (theo giá năm 2024)"}, func(r frame.Row) any {
		v, y := r.Float64("per_year_real_mvnd"), r.Float64("years")
		if !finite(v) || !finite(y) {
			return nil
		}
		return v * y
	})
}

// cpiThrough returns the year and index columns of vn-cpi, with the years
// after priceYear up to last at priceYear's index (no CPI yet: such a year
// counts at priceYear's prices).
func cpiThrough(cpi *frame.Frame, last int64) (*frame.Frame, error) {
	years, index := cpi.Col(budget.CPIYear).Int64s(), nums(cpi, budget.CPIIndex)
	var rows [][]any
	base := math.NaN()
	for i, y := range years {
		rows = append(rows, []any{y, index[i]})
		if y == priceYear {
			base = index[i]
		}
	}
	if !finite(base) {
		return nil, fmt.Errorf("sections: vn-cpi has no index for %d", priceYear)
	}
	for y := int64(priceYear) + 1; y <= last; y++ {
		rows = append(rows, []any{y, base})
	}
	return frame.FromRows(map[string]string{frame.MetaDataset: cpi.Meta(frame.MetaDataset), frame.MetaSourceFile: cpi.Meta(frame.MetaSourceFile)},
		[]frame.FieldSpec{{Name: budget.CPIYear, Kind: frame.Int64}, {Name: budget.CPIIndex, Kind: frame.Float64}}, rows)
}

// programmesChart charts and tables the programmes' amounts per year of
// plan in 2024 prices, grouped by kind, with the nominal amount beside.
func programmesChart(s *reporting.Section, real, inv, cpi *frame.Frame, o Options) error {
	n := real.NumRows()
	labels, groups, column := make([]string, n), make([]string, n), make([]string, n)
	perKind := map[string]int{}
	for i := range n {
		perKind[real.Row(i).String("kind")]++
	}
	for i := range n {
		r := real.Row(i)
		when := fmt.Sprintf("%d–%d", r.Int64("price_start"), r.Int64("price_end"))
		if r.Bool("period_assumed") {
			when += o.tr(" (giả định)", " (assumed)")
		}
		labels[i] = fmt.Sprintf("%s %s, %s", r.String("province"), when, o.stageWords(r.String("stage")))
		groups[i] = o.kindWords(r.String("kind"), perKind[r.String("kind")])
		column[i] = count(r.Float64("per_year_mvnd"), o.Lang)
	}
	c, err := chart.NewRankedBars(chart.RankedBars{
		Title: o.tr(fmt.Sprintf("Kinh phí CNTT bình quân một năm kế hoạch, giá năm 2024: %d chương trình của chính quyền tỉnh, %d dự án của cơ quan Đảng tỉnh", perKind[kindGovernment], perKind[kindParty]),
			fmt.Sprintf("IT budget per year of plan in 2024 prices: %d provincial-government programmes, %d Party-agency projects", perKind[kindGovernment], perKind[kindParty])),
		Note: o.tr("Triệu đồng một năm. Giá 2024: kinh phí chia đều cho các năm của kỳ, mỗi năm quy đổi theo chỉ số giá tiêu dùng bình quân năm (vn-cpi, 2010 = 100); năm sau 2024 chưa có chỉ số, tính theo giá 2024. Thừa Thiên Huế: nghị quyết ngày 14/10/2021 ghi 04 năm, không ghi năm bắt đầu. Chỉ so sánh trong cùng một loại. Nguồn: vn-dx-investments.",
			"Million VND a year. 2024 prices: the amount spread evenly over the period's years, each deflated with the annual average consumer price index (vn-cpi, 2010 = 100); a year after 2024 has no index yet and counts at 2024 prices. Thừa Thiên Huế: the resolution of 14/10/2021 gives 4 years and no start year. Compare within one kind only. Source: vn-dx-investments."),
		Labels: labels, Values: nums(real, "per_year_real_mvnd"), Groups: groups, Target: nan,
		Column: column, ColumnHeader: o.tr("Giá hiện hành", "Nominal"),
		Format: chart.Number, Decimals: -1, XLabel: o.tr("triệu đồng một năm, giá năm 2024", "million VND a year, 2024 prices"), Lang: o.Lang,
	})
	if err != nil {
		return fmt.Errorf("sections: programmes per year: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "programmes-compared", Figure: c,
		Caption:   "Kinh phí bình quân một năm kế hoạch của các chương trình, dự án CNTT/chuyển đổi số của Sóc Trăng, Khánh Hòa và Thừa Thiên Huế, theo giá năm 2024 (chỉ số giá tiêu dùng), xếp trong từng loại; cột phải: giá hiện hành.",
		CaptionEN: "Amount per year of plan of the IT / digital-transformation programmes and projects of Sóc Trăng, Khánh Hòa and Thừa Thiên Huế, in 2024 prices (consumer price index), ranked within each kind; right-hand column: nominal.",
		Sources:   append(linesByFile(inv), provenance(cpi)...)})
	t, err := real.Select("programme", "kind", "province", "document", "title", "stage", "total_mvnd", "years", "price_start", "price_end", "period_assumed",
		"per_year_mvnd", "price_index", "per_year_real_mvnd", "total_real_mvnd", frame.ColSourceFile, frame.ColSourceLine)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "programmes-per-plan-year-real", Frame: t,
		Caption:   "Kinh phí mỗi năm kế hoạch của các chương trình, giá hiện hành và giá năm 2024 (vn-cpi; kỳ quy đổi giá, giả định khi văn bản chỉ ghi số năm)",
		CaptionEN: "Amount per year of plan of the programmes, nominal and in 2024 prices (vn-cpi; the years deflated over, assumed where the document gives only a number of years)"})
	return nil
}
