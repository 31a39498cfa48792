package sections

import (
	"fmt"
	"slices"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/analysis/periods"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
)

// lineSpec is one line of the indicator chart: an indicator key of
// vn-dx-indicators at a level, with its legend.
type lineSpec struct {
	key, level, vi, en string
}

// timeline is the Sóc Trăng indicators followed from the 2010 plan to the
// 2023 results and the 2024 targets.
var timeline = []lineSpec{
	{"computers_per_civil_servant", "all", "Máy tính/CBCC", "Computers per civil servant"},
	{"agencies_with_lan", "all", "Cơ quan có mạng LAN", "Agencies with a LAN"},
	{"e_documents_exchanged", "province", "VB điện tử — cấp tỉnh", "E-documents — provincial"},
	{"e_documents_exchanged", "district", "VB điện tử — cấp huyện", "E-documents — district"},
}

// Indicators is the section of the indicators across 2010–2024: the
// figures that link the 2010 plan, its 2015 targets, the 2023 results and the
// 2024 targets (vn-dx-indicators), with change, CAGR, gap and whether each
// target was met (periods.Compare), and each 2024 target against the latest
// result (periods.Outlook).
func Indicators(o Options) (reporting.Section, error) {
	s := reporting.Section{
		ID:      "indicators",
		TitleVI: "Chỉ tiêu qua các thời kỳ: hiện trạng, mục tiêu, kết quả",
		TitleEN: "Indicators across periods: baseline, target, result",
	}
	ind, err := load("vn-dx-indicators")
	if err != nil {
		return s, err
	}
	c, prov, err := indicatorLines(ind, timeline, o)
	if err != nil {
		return s, err
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "indicators-2010-2024", Figure: c,
		Caption:   "Chỉ tiêu của tỉnh Sóc Trăng 2010–2024: đường nối các số liệu hiện trạng/kết quả; tam giác đặc: mục tiêu «trên» (>); tam giác rỗng: «ít nhất» (≥); hình thoi rỗng: «đạt»; các ký hiệu trùng nhau trong một năm được đặt cạnh nhau.",
		CaptionEN: "Sóc Trăng indicators 2010–2024: lines join baselines and results; filled triangles: “above” targets (>); hollow triangles: “at least” (≥); hollow diamonds: “reach”; markers of one year that would overlap stand side by side.",
		Sources:   prov})

	cmp, err := periods.Compare(ind)
	if err != nil {
		return s, err
	}
	res := cmp.Filter(func(r frame.Row) bool {
		return !r.IsNull("target_value") && !r.IsNull("actual_value")
	})
	label := "label_vi"
	if o.Lang == chart.EN {
		label = "label_en"
	}
	res, err = res.Select("province", "indicator", "label_vi", "label_en", "level", "unit", "year", "target_comparator", "target_value", "actual_value", "gap", "met", "status", "target_line", "actual_line", "actual_file")
	if err != nil {
		return s, err
	}
	met := 0
	for _, v := range res.Col("met").Bools() {
		if v {
			met++
		}
	}
	s.Text = fmt.Sprintf("%d chỉ tiêu có cả mục tiêu và kết quả cùng năm; %d đạt. Mục tiêu ghi «đạt x%%» được hiểu là ít nhất x%%. Dòng nguồn của mỗi số liệu ở các cột *_line.", res.NumRows(), met)
	s.TextEN = fmt.Sprintf("%d indicators have a target and a result for the same year; %d met. A target “reach x%%” reads as at least x%%. Each figure's source line is in the *_line columns.", res.NumRows(), met)
	s.Tables = append(s.Tables, reporting.Table{Name: "indicators-results-vs-targets", Frame: res, Hide: []string{"province", "indicator", otherLabel(label), "actual_file"},
		Show:    []string{label, "year", "target_value", "actual_value", "gap", "status", "level", "target_line", "actual_line"},
		Caption: "Kết quả so với mục tiêu cùng năm", CaptionEN: "Results against the targets of the same year"})
	att, err := periods.Attainment(ind)
	if err != nil {
		return s, err
	}
	reached := att.Filter(func(r frame.Row) bool { return periods.Status(r.String("status")) != periods.StatusNoResult })
	n := map[periods.Status]int{}
	for _, st := range reached.Col("status").Strings() {
		n[periods.Status(st)]++
	}
	for _, h := range []struct {
		st     periods.Status
		vi, en string
	}{
		{periods.StatusMetOnTime, "mục tiêu đạt đúng hạn", "targets met on time"},
		{periods.StatusMetLater, "mục tiêu đạt muộn", "targets met later"},
		{periods.StatusNotMet, "mục tiêu chưa đạt", "targets not met"},
	} {
		v := fmt.Sprintf("%d/%d", n[h.st], reached.NumRows())
		s.Headlines = append(s.Headlines, reporting.Headline{Value: v, ValueEN: v,
			Label: h.vi + " (có kết quả từ năm mục tiêu trở đi)", LabelEN: h.en + " (of those with a result of their year or later)"})
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "indicators-attainment", Frame: reached, Hide: []string{"province", "indicator", otherLabel(label)},
		Show:      []string{label, "year", "target_value", "actual_year", "actual_value", "years_late", "status", "target_line", "actual_line"},
		Caption:   "Mục tiêu so với các kết quả từ năm mục tiêu trở về sau: đạt đúng hạn, đạt muộn (bao nhiêu năm), chưa đạt",
		CaptionEN: "Targets against the results of their year or later: met on time, met later (years late), not met"})
	out, err := periods.Outlook(ind)
	if err != nil {
		return s, err
	}
	hide := []string{"province", "indicator", otherLabel(label)}
	s.Tables = append(s.Tables, reporting.Table{Name: "indicators-outlook", Frame: out, MaxRows: 15, Hide: hide,
		Show:    []string{label, "year", "target_value", "last_actual_year", "last_actual_value", "to_go", "required_cagr_percent", "status", "target_line", "last_actual_line"},
		Caption: "Mục tiêu so với kết quả gần nhất trước đó (còn phải tăng, tốc độ tăng cần thiết)", CaptionEN: "Targets against the latest earlier result (to go, growth required)"})
	s.Tables = append(s.Tables, reporting.Table{Name: "indicators-comparison", Frame: cmp, MaxRows: 15, Hide: hide,
		Show:    []string{label, "year", "baseline_year", "baseline_value", "target_value", "actual_value", "change", "gap", "status", "baseline_line", "target_line", "actual_line"},
		Caption: "Hiện trạng → mục tiêu → kết quả theo chỉ tiêu và năm (thay đổi, CAGR, khoảng cách)", CaptionEN: "Baseline → target → result by indicator and year (change, CAGR, gap)"})
	return s, nil
}

// indicatorLines draws the lines of specs for Sóc Trăng: baselines and
// results as points joined by lines, targets as markers.
func indicatorLines(ind *frame.Frame, specs []lineSpec, o Options) (*chart.Chart, []reporting.Provenance, error) {
	type point struct {
		year  int
		value float64
	}
	pts := make([][]point, len(specs))
	var targets []chart.TargetPoint
	yearSet := map[int]bool{}
	byFile := map[string][]int{}
	var files []string
	names := make([]string, len(specs))
	for i, sp := range specs {
		names[i] = o.tr(sp.vi, sp.en)
		ser, err := periods.Series(ind, sp.key, "Sóc Trăng")
		if err != nil {
			return nil, nil, fmt.Errorf("sections: %s: %w", sp.key, err)
		}
		for r := range ser.NumRows() {
			row := ser.Row(r)
			if row.String("level") != sp.level || row.Value("restated") == true || row.IsNull("value") {
				continue
			}
			y, v := int(row.Int64("year")), row.Float64("value")
			file := row.String(frame.ColSourceFile)
			if _, ok := byFile[file]; !ok {
				files = append(files, file)
			}
			byFile[file] = append(byFile[file], int(row.Int64(frame.ColSourceLine)))
			switch row.String("kind") {
			case periods.KindTarget:
				targets = append(targets, chart.TargetPoint{Series: names[i], Year: y, Value: v, Comparator: row.String("comparator")})
			default:
				pts[i] = append(pts[i], point{y, v})
				yearSet[y] = true
			}
		}
		ser.Release()
	}
	var years []int
	for y := range yearSet {
		years = append(years, y)
	}
	slices.Sort(years)
	series := make([]chart.Series, len(specs))
	for i := range specs {
		vals := make([]float64, len(years))
		for j := range vals {
			vals[j] = nan
		}
		for _, p := range pts[i] {
			vals[slices.Index(years, p.year)] = p.value
		}
		series[i] = chart.Series{Name: names[i], Values: vals}
	}
	c, err := chart.NewLines(chart.Lines{
		Title: o.tr("Sóc Trăng: chỉ tiêu ứng dụng CNTT, 2010–2024", "Sóc Trăng: IT-application indicators, 2010–2024"),
		Note:  o.tr("Nguồn: KH 21/KH-UBND (2010) và dự thảo KH chuyển đổi số 2024 (kết quả 2023). Tỷ lệ %.", "Sources: plan 21/KH-UBND (2010) and the 2024 digital-transformation draft (2023 results). Per cent."),
		Years: years, Series: series, Targets: targets, Format: chart.Percent,
		YLabel: o.tr("%", "%"), Lang: o.Lang,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("sections: indicator lines: %w", err)
	}
	var prov []reporting.Provenance
	for _, f := range files {
		l := byFile[f]
		slices.Sort(l)
		prov = append(prov, reporting.Provenance{File: f, Lines: slices.Compact(l)})
	}
	return c, prov, nil
}

// otherLabel is the label column of the other language.
func otherLabel(label string) string {
	if label == "label_vi" {
		return "label_en"
	}
	return "label_vi"
}
