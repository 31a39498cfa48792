package checks

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// The indicators of the texts (vn-dx-indicators): a figure one document
// states twice, stated percentages against the counts the same passage
// gives, stated totals against their stated parts.

// RuleRestated is the rule of a figure that one document states twice, for
// the same indicator, level, year and kind, with different values.
const RuleRestated = "restated-figure"

// RuleTwoLevels is the rule of a target that one passage of a document
// (a paragraph, an item of a list) sets at two different levels: "Tất cả
// các văn bản chỉ đạo, điều hành ở cấp tỉnh đều được đưa lên …" and, in
// the next sentence, "… ở các cơ quan cấp tỉnh trên 90%".
const RuleTwoLevels = "target-two-levels"

func init() {
	byDataset["vn-dx-indicators"] = rules{hook: checkIndicators}
}

// The documents the indicators are read from.
const (
	indPlan2010  = "soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"
	indDraft2024 = dxSource
)

// indicatorRef names a row of the mapping: one figure of one document.
type indicatorRef struct {
	key, level string
	year       int
	kind       string
}

// textRatio says that a percentage stated in the text is num / den of two
// counts the same passage states.
type textRatio struct{ pct, num, den string }

// textParts says that a stated whole is the sum of stated parts.
type textParts struct {
	whole string
	parts []string
	level string // "" for all
	file  string
}

// The arithmetic the texts state, checked by checkIndicators. Each names
// keys of the 2023 results (level all) unless it says otherwise.
var (
	indRatios = []textRatio{
		{"online_services_full_process", "online_services_full_process_count", "procedures_total"},
		{"online_services_partial", "online_services_partial_count", "procedures_total"},
		{"procedures_not_online", "procedures_not_online_count", "procedures_total"},
		{"online_application_share", "applications_online", "applications_received"},
		{"one_stop_records_synced", "one_stop_records_synced_count", "one_stop_records_count"},
		{"businesses_using_e_contracts", "businesses_using_e_contracts_count", "businesses_count"},
		{"fibre_household_coverage", "fibre_households", "households"},
		{"mobile_base_stations_2g_share", "mobile_base_stations_2g", "mobile_base_stations"},
		{"mobile_base_stations_3g_share", "mobile_base_stations_3g", "mobile_base_stations"},
		{"mobile_base_stations_4g_share", "mobile_base_stations_4g", "mobile_base_stations"},
		{"social_beneficiaries_with_id", "social_beneficiaries_with_id_count", "social_beneficiaries_updated_count"},
		{"children_records_updated", "children_records_updated_count", "children_count"},
		{"health_id_lookups_successful", "health_id_lookups_successful_count", "health_id_lookups"},
		{"electricity_customers_noncash_channels", "electricity_customers_noncash_channels_count", "electricity_customers_count"},
		{"electricity_customers_agent_points", "electricity_customers_agent_points_count", "electricity_customers_count"},
		{"electricity_customers_cashless", "electricity_customers_cashless_count", "electricity_customers_count"},
		{"smart_meter_customers", "smart_meter_customers_count", "metered_customers_count"},
	}
	indParts = []textParts{
		{whole: "procedures_total", parts: []string{"online_services_full_process_count", "online_services_partial_count", "procedures_not_online_count"}},
		{whole: "applications_received", parts: []string{"applications_received_new", "applications_carried_over"}},
		{whole: "applications_received_new", parts: []string{"applications_online", "applications_offline"}},
		{whole: "mobile_base_stations", parts: []string{"mobile_base_stations_2g", "mobile_base_stations_3g", "mobile_base_stations_4g"}},
		{whole: "phone_subscriptions", parts: []string{"fixed_phone_subscriptions", "mobile_phone_subscriptions"}},
		{whole: "official_digital_signatures", parts: []string{"official_digital_signatures_organisations", "official_digital_signatures_individuals", "official_digital_signatures_sim"}},
		{whole: "parcels_delivered", parts: []string{"parcels_vietnam_post", "parcels_viettel_post"}},
		{whole: "electricity_customers_noncash_channels_count", parts: []string{"electricity_customers_agent_points_count", "electricity_customers_cashless_count"}},
		{whole: "electricity_customers_noncash_channels", parts: []string{"electricity_customers_agent_points", "electricity_customers_cashless"}},
		{whole: "social_beneficiaries_updated_count", parts: []string{"social_beneficiaries_with_id_count", "social_beneficiaries_pending_id_count"}},
		{whole: "electricity_noncash_channels_amount", parts: []string{"electricity_agent_points_amount", "electricity_cashless_amount"}},
		{whole: "ecommerce_platforms_linked", parts: []string{"ecommerce_platforms_linked_mekong", "ecommerce_platforms_linked_other"}},
	}
	// Wholes whose parts are the same key at the three levels.
	indLevelParts = []struct {
		key  string
		year int
		kind string
		file string
	}{
		{"component_portals", 2023, "actual", indDraft2024},
		{"procedures_online_level2", 2010, "baseline", indPlan2010},
	}
)

// checkIndicators reconciles the figures of vn-dx-indicators with each other
// (see the extraction method above). It works on the parsed mapping the
// dataset is built from.
func checkIndicators(e datasets.Entry, data, claims *frame.Frame) (reconcile.Report, error) {
	rows, err := datasets.Indicators()
	if err != nil {
		return reconcile.Report{}, err
	}
	keys, err := datasets.IndicatorKeys()
	if err != nil {
		return reconcile.Report{}, err
	}
	label := map[string]datasets.IndicatorKey{}
	for _, k := range keys {
		label[k.Key] = k
	}
	vi := func(key string) string { return "«" + label[key].LabelVI + "»" }
	pairs, err := restatements(rows, label)
	if err != nil {
		return reconcile.Report{}, err
	}

	find := func(file string, ref indicatorRef) (datasets.Indicator, bool) {
		for _, r := range rows {
			if r.File == file && r.Key == ref.key && r.Level == ref.level && r.Year == ref.year && r.Kind == ref.kind {
				return r, true
			}
		}
		return datasets.Indicator{}, false
	}
	ref2023 := func(key string) indicatorRef { return indicatorRef{key, "all", 2023, "actual"} }
	// how each stated rate was written: a note, not a discrepancy, when it
	// is its quotient cut (not rounded) or one of shares adjusted to 100 %
	type rateAt struct {
		line   int
		stated float64
	}
	written := map[rateAt]rateWriting{}  // a line may state several rates
	shares := map[string][]rateWriting{} // by denominator
	for _, q := range indRatios {
		p, ok1 := find(indDraft2024, ref2023(q.pct))
		n, ok2 := find(indDraft2024, ref2023(q.num))
		d, ok3 := find(indDraft2024, ref2023(q.den))
		if ok1 && ok2 && ok3 && d.Value != 0 {
			w := rateWriting{line: p.Line, stated: p.Value, computed: 100 * n.Value / d.Value, decimals: p.Decimals}
			written[rateAt{p.Line, p.Value}] = w
			shares[q.den] = append(shares[q.den], w)
		}
	}
	for _, q := range indRatios {
		p, ok1 := find(indDraft2024, ref2023(q.pct))
		n, ok2 := find(indDraft2024, ref2023(q.num))
		d, ok3 := find(indDraft2024, ref2023(q.den))
		if !ok1 || !ok2 || !ok3 {
			return reconcile.Report{}, fmt.Errorf("checks: vn-dx-indicators: ratio %s = %s / %s: a figure is missing", q.pct, q.num, q.den)
		}
		computed := math.NaN()
		if d.Value != 0 {
			computed = 100 * n.Value / d.Value
		}
		pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleRatio, Subject: subjectOf(p), SubjectVI: subjectVI(p, label), Column: "value",
			Reported: p.Value, Computed: computed, Tolerance: approx.HalfUnit(p.Decimals), Line: p.Line,
			Detail: fmt.Sprintf("%s:%d states %s; %s / %s = %s / %s = %s%% (%s)", p.File, p.Line, p.Figure,
				q.num, q.den, n.Figure, d.Figure, frame.FormatVI(computed, 3), halfUnitText(p.Decimals)),
			DetailVI: fmt.Sprintf("%s:%d ghi %s; %s / %s = %s / %s = %s%%", p.File, p.Line, p.Figure,
				vi(q.num), vi(q.den), n.Figure, d.Figure, frame.FormatVI(computed, 3))})
	}
	for _, q := range indParts {
		file := q.file
		if file == "" {
			file = indDraft2024
		}
		w, ok := find(file, ref2023(q.whole))
		if !ok {
			return reconcile.Report{}, fmt.Errorf("checks: vn-dx-indicators: whole %s is missing", q.whole)
		}
		sum, figs, tol := 0.0, []string{}, 0.0
		if w.Unit == "percent" || w.Unit == "million_vnd" {
			tol = approx.HalfUnit(w.Decimals) // a share or an amount as rounded
		}
		for _, k := range q.parts {
			p, ok := find(file, ref2023(k))
			if !ok {
				return reconcile.Report{}, fmt.Errorf("checks: vn-dx-indicators: part %s of %s is missing", k, q.whole)
			}
			sum += p.Value
			figs = append(figs, p.Figure)
			if p.Unit == "percent" || p.Unit == "million_vnd" {
				tol += approx.HalfUnit(p.Decimals)
			}
		}
		pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleParts, Subject: subjectOf(w), SubjectVI: subjectVI(w, label), Column: "value",
			Reported: w.Value, Computed: sum, Tolerance: tol, Line: w.Line,
			Detail: fmt.Sprintf("%s:%d states %s; its parts %s add up to %s", w.File, w.Line, w.Figure,
				strings.Join(figs, " + "), frame.FormatVI(sum, -1)),
			DetailVI: fmt.Sprintf("%s:%d ghi %s; các phần %s cộng lại %s", w.File, w.Line, w.Figure,
				strings.Join(figs, " + "), frame.FormatVI(sum, -1))})
	}
	for _, q := range indLevelParts {
		w, ok := find(q.file, indicatorRef{q.key, "all", q.year, q.kind})
		if !ok {
			return reconcile.Report{}, fmt.Errorf("checks: vn-dx-indicators: %s (all) is missing", q.key)
		}
		sum, figs, figsVI := 0.0, []string{}, []string{}
		for _, lv := range []string{"province", "district", "commune"} {
			if p, ok := find(q.file, indicatorRef{q.key, lv, q.year, q.kind}); ok {
				sum += p.Value
				figs = append(figs, lv+" "+p.Figure)
				figsVI = append(figsVI, levelVI[lv]+" "+p.Figure)
			}
		}
		pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleParts, Subject: subjectOf(w), SubjectVI: subjectVI(w, label), Column: "value",
			Reported: w.Value, Computed: sum, Line: w.Line,
			Detail: fmt.Sprintf("%s:%d states %s in all; by level %s add up to %s", w.File, w.Line, w.Figure,
				strings.Join(figs, " + "), frame.FormatVI(sum, -1)),
			DetailVI: fmt.Sprintf("%s:%d ghi tổng %s; theo cấp %s cộng lại %s", w.File, w.Line, w.Figure,
				strings.Join(figsVI, " + "), frame.FormatVI(sum, -1))})
	}
	r := reconcile.Pairs(e.ID, pairs...)
	for i, f := range r.Findings {
		w, ok := written[rateAt{f.SourceLine, f.Reported}]
		if f.Rule != reconcile.RuleRatio || !ok {
			continue
		}
		if en, vn := w.explain(shares); en != "" {
			r.Findings[i].Class = reconcile.ClassNote
			r.Findings[i].Detail += " — " + en
			r.Findings[i].DetailVI += " — " + vn
		}
	}
	return r, nil
}

// rateWriting is a rate a text states and the quotient of the figures it
// names.
type rateWriting struct {
	line             int
	stated, computed float64
	decimals         int
}

// explain says why a stated rate that misses its quotient by more than
// its rounding is a way of writing it, not a discrepancy: the quotient cut
// at the stated decimals rather than rounded (2.250/3.718 = 60,52 % written
// "60%", the figures printed beside it), or one of the shares of a whole,
// each within one unit of its last decimal, that add up to exactly 100 %
// (33,92 % written 33,93 % so that 2G, 3G and 4G make 100,00 %). "" when
// neither.
func (w rateWriting) explain(shares map[string][]rateWriting) (en, vi string) {
	unit := math.Pow(10, -float64(w.decimals))
	if math.Abs(math.Floor(w.computed/unit+1e-9)*unit-w.stated) < unit/1000 {
		return "the quotient cut, not rounded, at the decimals written (the figures are printed beside it)",
			"thương số bị cắt bớt, không làm tròn, ở số chữ số thập phân đã viết (các số của phép chia in ngay bên cạnh)"
	}
	for _, group := range shares {
		in, sum, near := false, 0.0, true
		for _, g := range group {
			in = in || g.line == w.line
			sum += g.stated
			near = near && math.Abs(g.stated-g.computed) <= math.Pow(10, -float64(g.decimals))+1e-9
		}
		if in && len(group) > 1 && near && math.Abs(sum-100) < unit/1000 {
			return fmt.Sprintf("one of %d shares of the same whole, each within one unit of its last decimal, adjusted so that they add up to exactly 100%%", len(group)),
				fmt.Sprintf("một trong %d tỷ lệ của cùng một tổng, mỗi tỷ lệ lệch không quá một đơn vị ở chữ số cuối, được điều chỉnh để cộng lại đúng 100%%", len(group))
		}
	}
	return "", ""
}

// restatements compares, within one document, every later statement of the
// same key, level, year and kind with the first.
func restatements(rows []datasets.Indicator, label map[string]datasets.IndicatorKey) ([]reconcile.Pair, error) {
	firsts := map[string]datasets.Indicator{}
	var out []reconcile.Pair
	for _, r := range rows {
		id := strings.Join([]string{r.File, r.Key, r.Level, strconv.Itoa(r.Year), r.Kind}, "|")
		f, ok := firsts[id]
		if !ok {
			firsts[id] = r
			continue
		}
		tol := 0.0
		if (f.Approximate || r.Approximate) && r.Unit == "percent" {
			tol = 0.5
		}
		reported, first := r.Value, f.Value
		switch {
		case math.IsNaN(f.Upper):
		case r.Value >= f.Value && r.Value <= f.Upper:
			first = r.Value // a figure within the first statement's range agrees with it
		case r.Value > f.Upper:
			first = f.Upper // above the range: compared with its upper bound
		}
		fl, rl := figureLine(r.File, f), figureLine(r.File, r)
		p := reconcile.Pair{Rule: RuleRestated, Subject: subjectOf(r), SubjectVI: subjectVI(r, label), Column: "value",
			Reported: reported, Computed: first, Tolerance: tol, Line: rl,
			Detail:   fmt.Sprintf("%s:%d states %q (%s) where line %d stated %q (%s)", r.File, rl, r.Text, r.Figure, fl, f.Text, f.Figure),
			DetailVI: fmt.Sprintf("%s:%d ghi %q (%s) trong khi dòng %d đã ghi %q (%s)", r.File, rl, r.Text, r.Figure, fl, f.Text, f.Figure)}
		if r.Kind == "target" {
			same, err := samePassage(r.File, f.Line, r.Line)
			if err != nil {
				return nil, err
			}
			if same {
				p.Rule = RuleTwoLevels
				p.Detail = fmt.Sprintf("%s:%d sets the %d target of %q twice in one passage: %q (%s) and %q (%s)",
					r.File, f.Line, r.Year, label[r.Key].LabelEN, f.Text, levelText(f), r.Text, levelText(r))
				p.DetailVI = fmt.Sprintf("%s:%d nêu mục tiêu năm %d về %q hai lần trong một đoạn: %q (%s) và %q (%s)",
					r.File, f.Line, r.Year, label[r.Key].LabelVI, f.Text, levelText(f), r.Text, levelText(r))
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// figureLine is the line that holds an indicator's figure: the row's
// line is where its quoted words begin, and a sentence broken over the
// lines of a PDF may put the figure a line or two further. A figure
// broken itself ("5-" / "7%") is placed at the row's line.
func figureLine(file string, r datasets.Indicator) int {
	for l := r.Line; l <= r.Line+6; l++ {
		text, err := datasets.Line(file, l)
		if err != nil {
			break // past the end of the file
		}
		if strings.Contains(text, r.Figure) {
			return l
		}
	}
	return r.Line
}

// levelText writes the level a figure states: "= 100", "> 90".
func levelText(r datasets.Indicator) string {
	s := r.Comparator + " " + frame.FormatVI(r.Value, -1)
	if r.Unit == "percent" {
		s += "%"
	}
	return s
}

// newItem matches a line that starts an item of a list or a numbered
// heading: "- ", "+ ", "• ", "1. ", "a) ", "II. ".
var newItem = regexp.MustCompile(`^\s*([-+•*]\s|\d+[.)]\s|[a-zđ]\)\s|[IVX]+\.\s)`)

// samePassage reports whether lines a and b (a ≤ b) of a source file are
// in one passage: the same line, or no line from a+1 to b starts a new
// item of a list or a heading.
func samePassage(file string, a, b int) (bool, error) {
	for n := a + 1; n <= b; n++ {
		l, err := datasets.Line(file, n)
		if err != nil {
			return false, err
		}
		if newItem.MatchString(l) {
			return false, nil
		}
	}
	return true, nil
}

// levelVI and kindVI name the levels and kinds of the indicators in
// Vietnamese.
var (
	levelVI = map[string]string{"province": "cấp tỉnh", "district": "cấp huyện", "commune": "cấp xã", "all": "toàn tỉnh"}
	kindVI  = map[string]string{"baseline": "hiện trạng", "target": "mục tiêu", "actual": "kết quả"}
)

// subjectVI names an indicator's figure in Vietnamese: its key's label,
// its level, kind and year.
func subjectVI(r datasets.Indicator, label map[string]datasets.IndicatorKey) string {
	return fmt.Sprintf("«%s» (%s, %s %d)", label[r.Key].LabelVI, levelVI[r.Level], kindVI[r.Kind], r.Year)
}

func subjectOf(r datasets.Indicator) string {
	return fmt.Sprintf("%s (%s, %d %s)", r.Key, r.Level, r.Year, r.Kind)
}

// halfUnitText says the tolerance of a figure written with decimals
// decimals: half a unit of its last decimal (a percentage written 58,68% is
// checked to ±0.005, one written 60% to ±0.5).
func halfUnitText(decimals int) string {
	return "tolerance ±" + strconv.FormatFloat(approx.HalfUnit(decimals), 'f', -1, 64) + " point"
}
