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
	d, err := loadComputers()
	if err != nil {
		return s, err
	}
	defer d.both.Release()
	for _, part := range []func(*reporting.Section, *computersData, Options) error{
		computersText, computersByLevel, computersTables, computersITStaff,
	} {
		if err := part(&s, &d, o); err != nil {
			return s, err
		}
	}
	return s, nil
}

// computersData are the datasets of the computers section, the 2015 target,
// both levels' units in one Frame, and the level totals (computersText
// makes them; computersTables shows them).
type computersData struct {
	prov, dist, staff, both *frame.Frame
	target                  ratios.Target
	levels, all             *frame.Frame
}

func loadComputers() (computersData, error) {
	var d computersData
	var err error
	if d.prov, err = load("soctrang-2010-computers-provincial"); err != nil {
		return d, err
	}
	if d.dist, err = load("soctrang-2010-computers-district"); err != nil {
		return d, err
	}
	if d.staff, err = load("soctrang-2010-it-staff"); err != nil {
		return d, err
	}
	ind, err := load("vn-dx-indicators")
	if err != nil {
		return d, err
	}
	if d.target, err = ratios.LookupTarget(ind, "Sóc Trăng", "computers_per_civil_servant", 2015); err != nil {
		return d, fmt.Errorf("sections: the 2015 target: %w", err)
	}
	d.both, err = ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{d.prov, d.dist})
	return d, err
}

// computersText computes the level totals and writes the paragraph that
// quotes them.
func computersText(s *reporting.Section, d *computersData, o Options) error {
	var err error
	// level totals first: the paragraph quotes them
	d.levels, err = ratios.Aggregate(d.both, "level", ratios.ComputerSpecs()...)
	if err != nil {
		return err
	}
	d.all, err = ratios.Aggregate(d.both, "", ratios.ComputerSpecs()...)
	if err != nil {
		return err
	}
	allCPS := d.all.Col("ratio").Float64s()[0] // computers_per_staff comes first
	gap := allCPS - d.target.Value
	target := []reporting.Provenance{{File: d.target.SourceFile, Lines: []int{d.target.SourceLine}}}
	s.Headlines = append(s.Headlines,
		reporting.Headline{Value: pct(allCPS, chart.VI), ValueEN: pct(allCPS, chart.EN),
			Label:   fmt.Sprintf("máy tính trên cán bộ, công chức toàn tỉnh, 2010 (%s/%s)", frame.FormatVI(d.all.Col("numerator").Float64s()[0], 0), frame.FormatVI(d.all.Col("denominator").Float64s()[0], 0)),
			LabelEN: fmt.Sprintf("computers per staff member, all units, 2010 (%s/%s)", count(d.all.Col("numerator").Float64s()[0], chart.EN), count(d.all.Col("denominator").Float64s()[0], chart.EN))},
		reporting.Headline{Value: pct(d.target.Value, chart.VI), ValueEN: pct(d.target.Value, chart.EN),
			Label: "mục tiêu năm 2015", LabelEN: "the 2015 target", Sources: target},
		reporting.Headline{Value: points(gap, chart.VI), ValueEN: points(gap, chart.EN),
			Label: "khoảng cách đến mục tiêu (điểm phần trăm)", LabelEN: "gap to the target (percentage points)", Sources: target})
	s.Text = fmt.Sprintf("Toàn tỉnh (%s đơn vị cấp tỉnh và cấp huyện): %s máy tính cho %s cán bộ, công chức, tỷ lệ %s — văn bản ghi «khoảng 69%%»; mục tiêu năm 2015 là %s (dòng %d). Tỷ lệ của một nhóm là tổng máy tính chia tổng cán bộ, không phải trung bình các tỷ lệ.",
		frame.FormatIntVI(d.all.Col("units").Int64s()[0]), frame.FormatVI(d.all.Col("numerator").Float64s()[0], 0), frame.FormatVI(d.all.Col("denominator").Float64s()[0], 0),
		pct(allCPS, chart.VI), pct(d.target.Value, chart.VI), d.target.SourceLine)
	s.Text += fmt.Sprintf(" Khoảng cách đến mục tiêu: %s điểm phần trăm.", points(gap, chart.VI))
	s.TextEN = fmt.Sprintf("All units (provincial and district): %s computers for %s staff, a ratio of %s — the text says “about 69%%”; the 2015 target is %s (line %d). A group's ratio is its computers over its staff, not a mean of unit ratios.",
		count(d.all.Col("numerator").Float64s()[0], chart.EN), count(d.all.Col("denominator").Float64s()[0], chart.EN), pct(allCPS, chart.EN), pct(d.target.Value, chart.EN), d.target.SourceLine)
	s.TextEN += fmt.Sprintf(" Gap to the target: %s percentage points.", points(gap, chart.EN))
	return nil
}

// computersByLevel charts computers per staff by unit, one chart a level,
// against the 2015 target.
func computersByLevel(s *reporting.Section, d *computersData, o Options) error {
	for _, lv := range []struct {
		f                *frame.Frame
		name, vi, en, ap string
	}{
		{d.prov, "computers-per-staff-provincial", "cấp tỉnh", "provincial units", "Phụ lục 2"},
		{d.dist, "computers-per-staff-district", "cấp huyện", "districts", "Phụ lục 3"},
	} {
		u, err := ratios.ByUnit(lv.f, ratios.ComputersPerStaff())
		if err != nil {
			return err
		}
		c, err := chart.NewRankedBars(chart.RankedBars{
			Title:       o.tr("Máy tính trên cán bộ, công chức — "+lv.vi+", 2010", "Computers per staff member — "+lv.en+", 2010"),
			Note:        o.tr("Nguồn: Kế hoạch 21/KH-UBND tỉnh Sóc Trăng, "+lv.ap+"; mục tiêu 2015: 90%.", "Source: Sóc Trăng plan 21/KH-UBND, Annex ("+lv.ap+"); 2015 target: 90%."),
			Labels:      strs(u, "unit"),
			Values:      nums(u, "ratio"),
			Target:      d.target.Value,
			TargetLabel: o.tr("Mục tiêu 2015", "2015 target"),
			Format:      chart.Share,
			Lang:        o.Lang,
		})
		u.Release()
		if err != nil {
			return fmt.Errorf("sections: %s: %w", lv.name, err)
		}
		s.Charts = append(s.Charts, reporting.Chart{Name: lv.name, Figure: c,
			Caption:   "Tỷ lệ máy tính/cán bộ, công chức theo đơn vị " + lv.vi + " (" + lv.ap + "), xếp hạng; vạch đứt: mục tiêu 90% năm 2015.",
			CaptionEN: "Computers per staff member by " + lv.en + " (" + lv.ap + "), ranked; dashed line: the 2015 target of 90%.",
			Sources:   append(provenance(lv.f), reporting.Provenance{File: d.target.SourceFile, Lines: []int{d.target.SourceLine}})})
	}
	return nil
}

// computersTables tables the gap of each unit to the target, the level
// totals and the ratios the document reports beside the recomputed ones.
func computersTables(s *reporting.Section, d *computersData, o Options) error {
	units, err := ratios.ByUnit(d.both, ratios.ComputersPerStaff())
	if err != nil {
		return err
	}
	gap, err := ratios.GapToTarget(units, d.target)
	units.Release()
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "computers-per-staff-target", Frame: gap,
		Show:      []string{"rank", "unit", "ratio", "target", "gap", "met", "numerator", "denominator", "level", "source_line"},
		Caption:   "Máy tính/cán bộ theo đơn vị, khoảng cách đến mục tiêu 90% (2015)",
		CaptionEN: "Computers per staff by unit, gap to the 2015 target of 90%"})
	allLevel, err := ratios.WithLevel(d.all, "all")
	if err != nil {
		return err
	}
	levelTable, err := frame.Concat([]*frame.Frame{d.levels, allLevel}, frame.ConcatOptions{})
	if err != nil {
		return err
	}
	d.levels.Release()
	d.all.Release()
	s.Tables = append(s.Tables, reporting.Table{Name: "computer-ratios-by-level", Frame: levelTable,
		Caption:   "Tỷ lệ theo cấp (tổng tử số / tổng mẫu số); dòng cuối: toàn tỉnh",
		CaptionEN: "Ratios by level (sum of parts over sum of wholes); last rows: all units"})
	var cmp []*frame.Frame
	for _, m := range []struct {
		spec ratios.Spec
		col  string
	}{{ratios.ComputersPerStaff(), "computers_per_staff_reported"}, {ratios.LANShare(), "lan_share_reported"}, {ratios.InternetShare(), "internet_share_reported"}} {
		c, err := ratios.AgainstReported(d.both, m.spec, m.col, -1)
		if err != nil {
			return err
		}
		defer c.Release()
		cmp = append(cmp, c)
	}
	cmpAll, err := frame.Concat(cmp, frame.ConcatOptions{})
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "computer-ratios-reported-vs-recomputed", Frame: cmpAll, MaxRows: 12, Exact: true,
		Show:      []string{"unit", "measure", "reported", "recomputed", "difference", "agrees", "numerator", "denominator", "source_line"},
		Caption:   "Tỷ lệ văn bản ghi và tỷ lệ tính lại, theo đơn vị",
		CaptionEN: "Ratios as reported and recomputed, by unit"})
	return nil
}

// computersITStaff charts and tables the IT-qualified and e-mail shares of
// the staff (Phụ lục 1).
func computersITStaff(s *reporting.Section, d *computersData, o Options) error {
	// IT d.staff (Phụ lục 1)
	email, err := ratios.ByUnit(d.staff, ratios.EmailShare())
	if err != nil {
		return err
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
		return fmt.Errorf("sections: e-mail chart: %w", err)
	}
	s.Charts = append(s.Charts, reporting.Chart{Name: "email-share-by-unit", Figure: c,
		Caption:   "Tỷ lệ cán bộ sử dụng thư điện tử theo đơn vị (Phụ lục 1), xếp hạng.",
		CaptionEN: "Share of staff using e-mail by unit (Phụ lục 1), ranked.",
		Sources:   provenance(d.staff)})
	staffUnits, err := ratios.ByUnit(d.staff, ratios.StaffSpecs()...)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "it-staff-ratios-by-unit", Frame: staffUnits, MaxRows: 12,
		Caption:   "Tỷ lệ cán bộ có trình độ CNTT (đại học, cao đẳng, trung cấp) và sử dụng thư điện tử, theo đơn vị",
		CaptionEN: "Share of staff with an IT degree (university, college, vocational) and using e-mail, by unit"})
	groups, err := ratios.Aggregate(d.staff, "group", ratios.StaffSpecs()...)
	if err != nil {
		return err
	}
	s.Tables = append(s.Tables, reporting.Table{Name: "it-staff-ratios-by-group", Frame: groups,
		Caption:   "Tỷ lệ theo khối (tổng tử số / tổng mẫu số)",
		CaptionEN: "Ratios by section of Phụ lục 1 (sum of parts over sum of wholes)"})
	return nil
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
