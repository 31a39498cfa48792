package sections

import (
	"fmt"
	"strings"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
)

// Computers is the 2010 section of the Sóc Trăng plan (Phụ lục 1–3):
// computers per staff member by unit against the 2015 target of 90 %, with
// LAN and Internet shares, the IT-qualified and e-mail shares of the staff,
// level totals as sums of parts over sums of wholes, and the ratios the
// tables report beside the recomputed ones.
func Computers(o Options) (reporting.Section, error) {
	s := reporting.Section{
		ID:      "computers-2010",
		TitleVI: "Máy tính và cán bộ CNTT theo đơn vị, 2010",
		TitleEN: "Computers and IT staff by unit, 2010",
	}
	prov, err := load("soctrang-2010-computers-provincial")
	if err != nil {
		return s, err
	}
	dist, err := load("soctrang-2010-computers-district")
	if err != nil {
		return s, err
	}
	staff, err := load("soctrang-2010-it-staff")
	if err != nil {
		return s, err
	}
	ind, err := load("vn-dx-indicators")
	if err != nil {
		return s, err
	}
	target, err := ratios.LookupTarget(ind, "Sóc Trăng", "computers_per_civil_servant", 2015)
	if err != nil {
		return s, fmt.Errorf("sections: the 2015 target: %w", err)
	}
	both, err := ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{prov, dist})
	if err != nil {
		return s, err
	}
	defer both.Release()

	// level totals first: the paragraph quotes them
	levels, err := ratios.Aggregate(both, "level", ratios.ComputerSpecs()...)
	if err != nil {
		return s, err
	}
	all, err := ratios.Aggregate(both, "", ratios.ComputerSpecs()...)
	if err != nil {
		return s, err
	}
	allCPS := all.Col("ratio").Float64s()[0] // computers_per_staff comes first
	s.Text = fmt.Sprintf("Toàn tỉnh (%s đơn vị cấp tỉnh và cấp huyện): %s máy tính cho %s cán bộ, công chức, tỷ lệ %s — văn bản ghi «khoảng 69%%»; mục tiêu năm 2015 là %s (dòng %d). Tỷ lệ của một nhóm là tổng máy tính chia tổng cán bộ, không phải trung bình các tỷ lệ.",
		frame.FormatIntVI(all.Col("units").Int64s()[0]), frame.FormatVI(all.Col("numerator").Float64s()[0], 0), frame.FormatVI(all.Col("denominator").Float64s()[0], 0),
		pct(allCPS, chart.VI), pct(target.Value, chart.VI), target.SourceLine)
	s.TextEN = fmt.Sprintf("All units (provincial and district): %s computers for %s staff, a ratio of %s — the text says “about 69%%”; the 2015 target is %s (line %d). A group's ratio is its computers over its staff, not a mean of unit ratios.",
		count(all.Col("numerator").Float64s()[0], chart.EN), count(all.Col("denominator").Float64s()[0], chart.EN), pct(allCPS, chart.EN), pct(target.Value, chart.EN), target.SourceLine)

	for _, lv := range []struct {
		f                *frame.Frame
		name, vi, en, ap string
	}{
		{prov, "computers-per-staff-provincial", "cấp tỉnh", "provincial units", "Phụ lục 2"},
		{dist, "computers-per-staff-district", "cấp huyện", "districts", "Phụ lục 3"},
	} {
		u, err := ratios.ByUnit(lv.f, ratios.ComputersPerStaff())
		if err != nil {
			return s, err
		}
		c, err := chart.NewRankedBars(chart.RankedBars{
			Title:       o.tr("Máy tính trên cán bộ, công chức — "+lv.vi+", 2010", "Computers per staff member — "+lv.en+", 2010"),
			Note:        o.tr("Nguồn: Kế hoạch 21/KH-UBND tỉnh Sóc Trăng, "+lv.ap+"; mục tiêu 2015: 90%.", "Source: Sóc Trăng plan 21/KH-UBND, Annex ("+lv.ap+"); 2015 target: 90%."),
			Labels:      strs(u, "unit"),
			Values:      nums(u, "ratio"),
			Target:      target.Value,
			TargetLabel: o.tr("Mục tiêu 2015", "2015 target"),
			Format:      chart.Share,
			Lang:        o.Lang,
		})
		u.Release()
		if err != nil {
			return s, fmt.Errorf("sections: %s: %w", lv.name, err)
		}
		s.Charts = append(s.Charts, reporting.Chart{Name: lv.name, Figure: c,
			Caption:   "Tỷ lệ máy tính/cán bộ, công chức theo đơn vị " + lv.vi + " (" + lv.ap + "), xếp hạng; vạch đứt: mục tiêu 90% năm 2015.",
			CaptionEN: "Computers per staff member by " + lv.en + " (" + lv.ap + "), ranked; dashed line: the 2015 target of 90%.",
			Sources:   append(provenance(lv.f), reporting.Provenance{File: target.SourceFile, Lines: []int{target.SourceLine}})})
	}

	units, err := ratios.ByUnit(both, ratios.ComputersPerStaff())
	if err != nil {
		return s, err
	}
	gap, err := ratios.GapToTarget(units, target)
	units.Release()
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "computers-per-staff-target", Frame: gap,
		Caption:   "Máy tính/cán bộ theo đơn vị, khoảng cách đến mục tiêu 90% (2015)",
		CaptionEN: "Computers per staff by unit, gap to the 2015 target of 90%"})
	allLevel, err := ratios.WithLevel(all, "all")
	if err != nil {
		return s, err
	}
	levelTable, err := frame.Concat([]*frame.Frame{levels, allLevel}, frame.ConcatOptions{})
	if err != nil {
		return s, err
	}
	levels.Release()
	all.Release()
	s.Tables = append(s.Tables, reporting.Table{Name: "computer-ratios-by-level", Frame: levelTable,
		Caption:   "Tỷ lệ theo cấp (tổng tử số / tổng mẫu số); dòng cuối: toàn tỉnh",
		CaptionEN: "Ratios by level (sum of parts over sum of wholes); last rows: all units"})
	var cmp []*frame.Frame
	for _, m := range []struct {
		spec ratios.Spec
		col  string
	}{{ratios.ComputersPerStaff(), "computers_per_staff_reported"}, {ratios.LANShare(), "lan_share_reported"}, {ratios.InternetShare(), "internet_share_reported"}} {
		c, err := ratios.AgainstReported(both, m.spec, m.col, -1)
		if err != nil {
			return s, err
		}
		defer c.Release()
		cmp = append(cmp, c)
	}
	cmpAll, err := frame.Concat(cmp, frame.ConcatOptions{})
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "computer-ratios-reported-vs-recomputed", Frame: cmpAll, MaxRows: 12,
		Caption:   "Tỷ lệ văn bản ghi và tỷ lệ tính lại, theo đơn vị",
		CaptionEN: "Ratios as reported and recomputed, by unit"})

	// IT staff (Phụ lục 1)
	email, err := ratios.ByUnit(staff, ratios.EmailShare())
	if err != nil {
		return s, err
	}
	c, err := chart.NewRankedBars(chart.RankedBars{
		Title:  o.tr("Cán bộ sử dụng thư điện tử — theo đơn vị, tỉnh Sóc Trăng, 2010", "Staff using e-mail — by unit, Sóc Trăng, 2010"),
		Note:   o.tr("Nguồn: Kế hoạch 21/KH-UBND tỉnh Sóc Trăng, Phụ lục 1.", "Source: Sóc Trăng plan 21/KH-UBND, Annex (Phụ lục) 1."),
		Labels: withoutProvince(strs(email, "unit")),
		Values: nums(email, "ratio"),
		Target: nan, Format: chart.Share, Lang: o.Lang,
	})
	email.Release()
	if err != nil {
		return s, fmt.Errorf("sections: e-mail chart: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "email-share-by-unit", Figure: c,
		Caption:   "Tỷ lệ cán bộ sử dụng thư điện tử theo đơn vị (Phụ lục 1), xếp hạng.",
		CaptionEN: "Share of staff using e-mail by unit (Phụ lục 1), ranked.",
		Sources:   provenance(staff)})
	staffUnits, err := ratios.ByUnit(staff, ratios.StaffSpecs()...)
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "it-staff-ratios-by-unit", Frame: staffUnits, MaxRows: 12,
		Caption:   "Tỷ lệ cán bộ có trình độ CNTT (đại học, cao đẳng, trung cấp) và sử dụng thư điện tử, theo đơn vị",
		CaptionEN: "Share of staff with an IT degree (university, college, vocational) and using e-mail, by unit"})
	groups, err := ratios.Aggregate(staff, "group", ratios.StaffSpecs()...)
	if err != nil {
		return s, err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "it-staff-ratios-by-group", Frame: groups,
		Caption:   "Tỷ lệ theo khối (tổng tử số / tổng mẫu số)",
		CaptionEN: "Ratios by section of Phụ lục 1 (sum of parts over sum of wholes)"})
	return s, nil
}

// withoutProvince drops the " tỉnh Sóc Trăng" that most unit names of
// Phụ lục 1 end with (the chart's title says it once).
func withoutProvince(units []string) []string {
	out := make([]string, len(units))
	for i, u := range units {
		out[i] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(u), "tỉnh Sóc Trăng"))
	}
	return out
}
