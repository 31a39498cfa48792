package sections

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/analysis/budget"
	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
)

// Budget is the section of Sóc Trăng's digital-transformation budgets: the
// 2024 plan by pillar and funding source, the 2023 plan against what was
// spent, the change from 2023 to 2024 by pillar, and the plans of 2011–2015,
// 2023 and 2024 per year of plan, nominal and in 2024 prices (vn-cpi).
func Budget(o Options) (reporting.Section, error) {
	s := reporting.Section{
		ID:      "budget",
		TitleVI: "Kinh phí chuyển đổi số theo trụ cột và nguồn vốn, 2023–2024",
		TitleEN: "Digital-transformation budgets by pillar and funding source, 2023–2024",
	}
	d, err := loadBudget()
	if err != nil {
		return s, err
	}
	for _, part := range []func(*reporting.Section, budgetData, Options) error{
		budgetPlan2024, budgetExecution2023, budgetChange, budgetShares, budgetPerYear, budgetText,
	} {
		if err := part(&s, d, o); err != nil {
			return s, err
		}
	}
	return s, nil
}

// budgetData are the datasets of the budget section.
type budgetData struct {
	p23, p24, f23, projects, cpi *frame.Frame
}

func loadBudget() (budgetData, error) {
	var d budgetData
	var err error
	for _, x := range []struct {
		f  **frame.Frame
		id string
	}{{&d.p23, "soctrang-2023-dx-pillars"}, {&d.p24, "soctrang-2024-dx-pillars"}, {&d.f23, "soctrang-2023-dx-funding"},
		{&d.projects, "soctrang-2011-2015-projects"}, {&d.cpi, "vn-cpi"}} {
		if *x.f, err = load(x.id); err != nil {
			return d, err
		}
	}
	return d, nil
}

// budgetPlan2024 charts the 2024 plan by pillar and funding source.
func budgetPlan2024(s *reporting.Section, d budgetData, o Options) error {
	// 2024 plan: pillar × source
	long, err := budget.Shares(d.p24, budget.ByPillarSource, budget.NoPhase)
	if err != nil {
		return err
	}
	cats, series, err := pivot(long, "pillar", "source_vi", "amount_mvnd")
	if err != nil {
		return err
	}
	if o.Lang == chart.EN {
		if cats, series, err = pivot(long, "pillar_key", "source", "amount_mvnd"); err != nil {
			return err
		}
		cats = humanise(cats)
		for i := range series {
			if en, ok := sourceEN[series[i].Name]; ok {
				series[i].Name = en
			}
		}
	}
	// a source with nothing in any pillar has no bar: leave it out of the
	// legend and say so under the chart
	var zero []string
	kept := series[:0]
	for _, sr := range series {
		all0 := true
		for _, v := range sr.Values {
			if v != 0 {
				all0 = false
			}
		}
		if all0 {
			zero = append(zero, sr.Name)
			continue
		}
		kept = append(kept, sr)
	}
	series = kept
	zeroNote := ""
	if len(zero) > 0 {
		zeroNote = o.tr(" "+strings.Join(zero, ", ")+": 0 ở mọi trụ cột.", " "+strings.Join(zero, ", ")+": 0 for every pillar.")
	}
	long.Release()
	c, err := chart.NewStackedBars(chart.StackedBars{
		Title:      o.tr("Kế hoạch kinh phí 2024 theo trụ cột và nguồn vốn", "2024 budget plan by pillar and funding source"),
		Note:       o.tr("Triệu đồng. Nguồn: dự thảo kế hoạch chuyển đổi số 2024 tỉnh Sóc Trăng, Phụ lục 2.", "Million VND. Source: Sóc Trăng 2024 digital-transformation draft plan, Annex (Phụ lục) 2.") + zeroNote,
		Categories: cats, Series: series, Format: chart.Number, SortByTotal: true,
		XLabel: o.tr("triệu đồng", "million VND"), Lang: o.Lang,
	})
	if err != nil {
		return fmt.Errorf("sections: stacked bars: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "budget-2024-by-pillar-source", Figure: c,
		Caption:   "Kế hoạch kinh phí 2024 theo trụ cột, chia theo nguồn vốn (triệu đồng).",
		CaptionEN: "2024 budget plan by pillar, split by funding source (million VND).",
		Sources:   provenance(d.p24)})
	return nil
}

// budgetExecution2023 charts and tables the 2023 plan against what was spent,
// by pillar and by source.
func budgetExecution2023(s *reporting.Section, d budgetData, o Options) error {
	// 2023: planned vs spent
	ex, err := budget.Execution(d.p23, budget.ByPillar)
	if err != nil {
		return err
	}
	c, err := chart.NewPlannedSpent(chart.PlannedSpent{
		Title:   o.tr("Kinh phí 2023: kế hoạch và thực hiện theo trụ cột", "2023 budget: planned and spent by pillar"),
		Note:    o.tr("Triệu đồng. Nguồn: dự thảo kế hoạch 2024, Phụ lục 1 (kết quả 2023).", "Million VND. Source: 2024 draft plan, Annex (Phụ lục) 1 (2023 results)."),
		Labels:  o.pillars(ex),
		Planned: nums(ex, "planned_mvnd"), Spent: nums(ex, "spent_mvnd"),
		Format: chart.Number, XLabel: o.tr("triệu đồng", "million VND"), Lang: o.Lang,
	})
	if err != nil {
		return fmt.Errorf("sections: planned vs spent: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "budget-2023-planned-spent", Figure: c,
		Caption:   "Kinh phí 2023 theo trụ cột: kế hoạch và thực hiện, tỷ lệ thực hiện = thực hiện / kế hoạch.",
		CaptionEN: "2023 budget by pillar: planned and spent; execution rate = spent / planned.",
		Sources:   provenance(d.p23)})
	s.Tables = append(s.Tables, reporting.Table{Name: "budget-2023-execution-by-pillar", Frame: ex,
		Caption: "Tỷ lệ thực hiện kinh phí 2023 theo trụ cột", CaptionEN: "2023 budget execution by pillar"})
	exs, err := budget.Execution(d.f23, budget.BySource)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "budget-2023-execution-by-source", Frame: exs,
		Caption:   "Tỷ lệ thực hiện kinh phí 2023 theo nguồn vốn (bảng tổng hợp nguồn vốn), tỷ lệ văn bản ghi bên cạnh",
		CaptionEN: "2023 budget execution by funding source (funding summary table), with the rate the document reports"})
	return nil
}

// budgetChange charts and tables the change of each pillar's plan, 2023 →
// 2024.
func budgetChange(s *reporting.Section, d budgetData, o Options) error {
	// 2023 -> 2024
	ch, err := budget.Change(d.p23, budget.Planned, d.p24, budget.NoPhase)
	if err != nil {
		return err
	}
	c, err := chart.NewDumbbell(chart.Dumbbell{
		Title:  o.tr("Kinh phí theo trụ cột: kế hoạch 2023 và kế hoạch 2024", "Budget by pillar: 2023 plan and 2024 plan"),
		Note:   o.tr("Triệu đồng. Nguồn: dự thảo kế hoạch 2024, Phụ lục 1 và 2.", "Million VND. Source: 2024 draft plan, Annexes (Phụ lục) 1 and 2."),
		Labels: o.pillars(ch), From: nums(ch, "from_mvnd"), To: nums(ch, "to_mvnd"),
		FromLabel: o.tr("KH 2023", "2023 plan"), ToLabel: o.tr("KH 2024", "2024 plan"),
		Format: chart.Number, XLabel: o.tr("triệu đồng", "million VND"), SortByChange: true, ShowChange: true,
		ChangeHeader: o.tr("2024 − 2023", "2024 − 2023"), Lang: o.Lang,
	})
	if err != nil {
		return fmt.Errorf("sections: dumbbell: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "budget-2023-2024-by-pillar", Figure: c,
		Caption:   "Kinh phí kế hoạch theo trụ cột, 2023 → 2024 (triệu đồng): mũi tên từ kế hoạch 2023 đến kế hoạch 2024, xanh khi tăng, đỏ cam khi giảm; xếp theo mức thay đổi, tăng nhiều nhất ở trên.",
		CaptionEN: "Planned budget by pillar, 2023 → 2024 (million VND): an arrow from the 2023 plan to the 2024 plan, blue for an increase, vermillion for a decrease; ranked by change, largest increase on top.",
		Sources:   append(provenance(d.p23), provenance(d.p24)...)})
	s.Tables = append(s.Tables, reporting.Table{Name: "budget-change-2023-2024", Frame: ch,
		Caption: "Thay đổi kinh phí theo trụ cột, kế hoạch 2023 → kế hoạch 2024", CaptionEN: "Change of the budget by pillar, 2023 plan → 2024 plan"})
	return nil
}

// budgetShares tables the 2024 shares by pillar and by source.
func budgetShares(s *reporting.Section, d budgetData, o Options) error {
	sh, err := budget.Shares(d.p24, budget.ByPillar, budget.NoPhase)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "budget-2024-shares-by-pillar", Frame: sh,
		Caption: "Cơ cấu kinh phí 2024 theo trụ cột", CaptionEN: "2024 budget shares by pillar"})
	ss, err := budget.Shares(d.p24, budget.BySource, budget.NoPhase)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "budget-2024-shares-by-source", Frame: ss,
		Caption: "Cơ cấu kinh phí 2024 theo nguồn vốn", CaptionEN: "2024 budget shares by funding source"})
	return nil
}

// budgetPerYear charts and tables the plans per year of plan, nominal and in
// 2024 prices.
func budgetPerYear(s *reporting.Section, d budgetData, o Options) error {
	// plans per year of plan, nominal and real
	py, err := budget.PerYear(
		budget.Plan{Label: o.tr("KH 2011–2015", "Plan 2011–2015"), Frame: d.projects},
		budget.Plan{Label: o.tr("KH 2023", "Plan 2023"), Frame: d.p23, Phase: budget.Planned},
		budget.Plan{Label: o.tr("Thực hiện 2023", "Spent 2023"), Frame: d.p23, Phase: budget.Spent},
		budget.Plan{Label: o.tr("KH 2024", "Plan 2024"), Frame: d.p24},
	)
	if err != nil {
		return err
	}
	real, err := budget.RealTermsPeriod(py, "per_year_mvnd", "period_start", "period_end", d.cpi, 2024)
	py.Release()
	if err != nil {
		return err
	}
	c, err := chart.NewRankedBars(chart.RankedBars{
		Title:  o.tr("Kinh phí bình quân một năm kế hoạch, giá năm 2024", "Budget per year of plan, 2024 prices"),
		Note:   o.tr("Triệu đồng, quy đổi theo CPI (vn-cpi). Kế hoạch 2011–2015: tổng 13 dự án chia 5 năm.", "Million VND, deflated with the CPI (vn-cpi). 2011–2015 plan: 13 projects over 5 years."),
		Labels: strs(real, "plan"), Values: nums(real, "per_year_real_mvnd"), Target: nan,
		Format: chart.Number, KeepOrder: true, XLabel: o.tr("triệu đồng (giá 2024)", "million VND (2024 prices)"), Lang: o.Lang,
	})
	if err != nil {
		return fmt.Errorf("sections: per year: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "budget-per-plan-year-real", Figure: c,
		Caption:   "Kinh phí bình quân một năm của các kế hoạch 2011–2015, 2023, 2024, theo giá năm 2024 (chỉ số giá tiêu dùng).",
		CaptionEN: "Budget per year of the 2011–2015, 2023 and 2024 plans, in 2024 prices (consumer price index).",
		Sources:   append(append(provenance(d.projects), provenance(d.p23)...), append(provenance(d.p24), provenance(d.cpi)...)...)})
	s.Tables = append(s.Tables, reporting.Table{Name: "budget-per-plan-year", Frame: real,
		Caption: "Kinh phí mỗi năm kế hoạch, giá hiện hành và giá năm 2024", CaptionEN: "Budget per year of plan, nominal and in 2024 prices"})
	return nil
}

// budgetText writes the section's paragraph.
func budgetText(s *reporting.Section, d budgetData, o Options) error {
	total24, _ := budget.Total(d.p24, budget.NoPhase)
	planned23, _ := budget.Total(d.p23, budget.Planned)
	spent23, _ := budget.Total(d.p23, budget.Spent)
	s.Headlines = append(s.Headlines,
		reporting.Headline{Value: pct(spent23/planned23, chart.VI), ValueEN: pct(spent23/planned23, chart.EN),
			Label:   fmt.Sprintf("kinh phí 2023 đã thực hiện (%s/%s triệu đồng)", frame.FormatVI(spent23, 0), frame.FormatVI(planned23, 0)),
			LabelEN: fmt.Sprintf("of the 2023 budget spent (%s/%s million VND)", count(spent23, chart.EN), count(planned23, chart.EN))},
		reporting.Headline{Value: frame.FormatVI(total24, 0), ValueEN: count(total24, chart.EN),
			Label: "triệu đồng, kế hoạch năm 2024", LabelEN: "million VND, the 2024 plan"})
	s.Text = fmt.Sprintf("Năm 2023 kế hoạch %s triệu đồng, thực hiện %s triệu đồng (%s). Kế hoạch 2024: %s triệu đồng. Số liệu theo trụ cột cộng từ các cột nguồn vốn; tổng cộng văn bản ghi được đối chiếu ở mục Đối chiếu.",
		frame.FormatVI(planned23, 0), frame.FormatVI(spent23, 0), pct(spent23/planned23, chart.VI), frame.FormatVI(total24, 0))
	s.TextEN = fmt.Sprintf("2023: %s million VND planned, %s spent (%s). 2024 plan: %s million VND. Pillar amounts add the funding-source columns; the totals the document reports are checked under Reconciliation.",
		count(planned23, chart.EN), count(spent23, chart.EN), pct(spent23/planned23, chart.EN), count(total24, chart.EN))
	return nil
}

// pivot turns a long frame (category, series, value) into the categories
// in order of first appearance and one chart series per distinct series
// name (frame.Pivot).
func pivot(f *frame.Frame, catCol, serCol, valCol string) ([]string, []chart.Series, error) {
	w, err := f.Pivot(frame.PivotOptions{Index: []string{catCol}, Columns: serCol, Values: valCol})
	if err != nil {
		return nil, nil, err
	}
	defer w.Release()
	var series []chart.Series
	for _, name := range w.Names()[1:] {
		series = append(series, chart.Series{Name: name, Values: nums(w, name)})
	}
	return strs(w, catCol), series, nil
}

// sourceEN names the funding sources in English.
var sourceEN = map[string]string{"local": "Local budget", "central": "Central budget", "invest": "Development investment", "other": "Other sources"}

// pillars are the pillar names of a budget frame: Vietnamese, or the
// English keys written as words.
func (o Options) pillars(f *frame.Frame) []string {
	if o.Lang == chart.EN && f.Has("pillar_key") {
		return humanise(strs(f, "pillar_key"))
	}
	return strs(f, "pillar")
}

// humanise writes keys such as digital_government as "Digital government".
func humanise(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		w := strings.ReplaceAll(k, "_", " ")
		if w != "" {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		out[i] = w
	}
	return out
}
