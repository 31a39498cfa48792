package sections_test

import (
	"bytes"
	"flag"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/reporting"
	"github.com/ictplan/ictplan/reporting/sections"
)

var lookDir = flag.String("look", "", "also write every chart of the sections, in Vietnamese and English, as PNG and SVG into this directory")

// TestLook writes the charts of every section in both languages, as files
// that decode (a PNG image, an SVG document), into -look's directory to be
// looked at, or a temporary one.
func TestLook(t *testing.T) {
	root := *lookDir
	if root == "" {
		root = t.TempDir()
	}
	for _, l := range []chart.Lang{chart.VI, chart.EN} {
		secs, err := sections.All(sections.Options{Lang: l})
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, l.String())
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, s := range secs {
			for _, c := range s.Charts {
				if err := os.WriteFile(filepath.Join(dir, c.Name+".png"), c.Figure.PNG(), 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, c.Name+".svg"), []byte(c.Figure.SVG()), 0o644); err != nil {
					t.Fatal(err)
				}
				data, err := os.ReadFile(filepath.Join(dir, c.Name+".png"))
				if err != nil {
					t.Fatal(err)
				}
				if img, err := png.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dx() < 100 {
					t.Errorf("%s %s.png: %v", l, c.Name, err)
				}
				if svg := c.Figure.SVG(); !strings.HasPrefix(strings.TrimSpace(svg), "<?xml") && !strings.Contains(svg, "<svg") {
					t.Errorf("%s %s.svg is not an SVG document", l, c.Name)
				}
			}
		}
	}
}

func table(t *testing.T, s reporting.Section, name string) *frame.Frame {
	t.Helper()
	for _, tb := range s.Tables {
		if tb.Name == name {
			return tb.Frame
		}
	}
	t.Fatalf("section %s has no table %s", s.ID, name)
	return nil
}

func TestAllRenders(t *testing.T) {
	secs, err := sections.All(sections.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"computers-2010": {"computers-per-staff-provincial", "computers-per-staff-district", "email-share-by-unit"},
		"budget":         {"budget-2024-by-pillar-source", "budget-2023-planned-spent", "budget-2023-2024-by-pillar", "budget-per-plan-year-real"},
		"indicators":     {"indicators-2010-2024"},
		"provinces":      {"programmes-compared"},
	}
	if len(secs) != len(want) {
		t.Fatalf("%d sections", len(secs))
	}
	for _, s := range secs {
		names := want[s.ID]
		if len(s.Charts) != len(names) {
			t.Errorf("%s: %d charts, want %v", s.ID, len(s.Charts), names)
			continue
		}
		for i, c := range s.Charts {
			if c.Name != names[i] {
				t.Errorf("%s: chart %d is %s, want %s", s.ID, i, c.Name, names[i])
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(c.Figure.PNG()))
			if err != nil || cfg.Width < 600 || cfg.Height < 300 {
				t.Errorf("%s: PNG %v %+v", c.Name, err, cfg)
			}
			if svg := c.Figure.SVG(); !strings.HasPrefix(strings.TrimSpace(svg), "<?xml") && !strings.Contains(svg[:min(200, len(svg))], "<svg") {
				t.Errorf("%s: SVG starts %q", c.Name, svg[:min(80, len(svg))])
			}
			if len(c.Sources) == 0 || c.Sources[0].File == "" || len(c.Sources[0].Lines) == 0 {
				t.Errorf("%s: no provenance %+v", c.Name, c.Sources)
			}
		}
		for _, tb := range s.Tables {
			if tb.Frame.NumRows() == 0 {
				t.Errorf("%s: table %s is empty", s.ID, tb.Name)
			}
		}
	}
}

// The figures of the sections against the source documents.
func TestFiguresFromTheSources(t *testing.T) {
	s, err := sections.Computers(sections.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Phụ lục 2 + 3: the 49 units' computers and staff add up to
	// 1001 + 1345 = 2346 computers and 1215 + 2163 = 3378 staff;
	// 2346 / 3378 = 0,6945 — the text's “khoảng 69%” (line 65); the 2015
	// target of 90% is at line 191.
	for _, want := range []string{"2.346 máy tính cho 3.378 cán bộ", "69,4%", "90,0% (dòng 191)"} {
		if !strings.Contains(s.Text, want) {
			t.Errorf("computers text lacks %q: %s", want, s.Text)
		}
	}
	// The headlines: 69,4%, the target 90% (line 191), the gap 69,45 − 90
	// = −20,6 points, also said in the text.
	var got []string
	for _, h := range s.Headlines {
		got = append(got, h.Value)
	}
	if strings.Join(got, " ") != "69,4% 90,0% -20,6" || len(s.Headlines[1].Sources) != 1 || s.Headlines[1].Sources[0].Lines[0] != 191 {
		t.Errorf("headlines %+v", s.Headlines)
	}
	if !strings.Contains(s.Text, "Khoảng cách đến mục tiêu: -20,6 điểm phần trăm") {
		t.Errorf("the text does not state the gap: %s", s.Text)
	}
	lv := table(t, s, "computer-ratios-by-level")
	// provincial: Tỉnh ủy … total row of Phụ lục 2 (line 1897) 1001 / 1215
	if r := lv.Row(0); r.String("level") != "province" || r.String("measure") != "computers_per_staff" || r.Float64("numerator") != 1001 || r.Float64("denominator") != 1215 {
		t.Errorf("first level row: %v %v %v %v", r.String("level"), r.String("measure"), r.Float64("numerator"), r.Float64("denominator"))
	}

	b, err := sections.Budget(sections.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Headlines: 2023 spent over planned, and the 2024 plan's total
	// (152.703 million đồng, the ten pillar rows).
	if len(b.Headlines) != 2 || b.Headlines[0].Value != "56,2%" || b.Headlines[1].Value != "152.703" {
		t.Errorf("budget headlines %+v", b.Headlines)
	}
	ex := table(t, b, "budget-2023-execution-by-pillar")
	// pillar 1 (Nhận thức số, line 2917): planned 210 + 750 = 960, spent 60 + 750 = 810
	if r := ex.Row(0); r.Float64("planned_mvnd") != 960 || r.Float64("spent_mvnd") != 810 || r.Float64("rate") != 810.0/960 {
		t.Errorf("pillar 1: %v %v %v", r.Float64("planned_mvnd"), r.Float64("spent_mvnd"), r.Float64("rate"))
	}
	// 2024 plan: the ten pillar rows add up to 152.703 million đồng
	if !strings.Contains(b.Text, "Kế hoạch 2024: 152.703 triệu đồng") {
		t.Errorf("budget text: %s", b.Text)
	}

	p, err := sections.Provinces(sections.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pp := table(t, p, "programmes-per-population")
	// Sóc Trăng 2011–2015: 109.045 million đồng (line 639) over 1.198.798
	// people (2023) = 90,963 million đồng per 1.000 people.
	r := pp.Row(0)
	if r.String("programme") != "Sóc Trăng 2011–2015" || math.Abs(r.Float64("total_mvnd_per_1000_people")-109045.0/1198.798) > 1e-9 {
		t.Errorf("first programme: %s %v", r.String("programme"), r.Float64("total_mvnd_per_1000_people"))
	}
	// Per year of plan in 2024 prices (vn-cpi index_2010_100): Sóc Trăng
	// 2011–2015 21.809 × 189,7856 / I(2011–2015) = 30.855, the figure of
	// the budget section's per-year table; Thừa Thiên Huế "04 năm" (line
	// 914) from the year after its resolution of 14/10/2021, 2022–2025,
	// assumed; Khánh Hòa 2023–2025 with 2025 at 2024 prices:
	// 22.955/3 × 189,7856 × (1/183,1377 + 2/189,7856) / 3; Sóc Trăng
	// 2024–2026 unchanged, 30.500/3.
	ry := table(t, p, "programmes-per-plan-year-real")
	kh := 22955.0 / 3 * 189.7856 * (1/183.1377 + 2/189.7856) / 3
	for i, want := range []struct {
		programme, kind string
		start, end      int64
		assumed         bool
		real            float64
	}{
		{"Sóc Trăng 2011–2015", "government", 2011, 2015, false, 30855.47},
		{"Thừa Thiên Huế (4 năm)", "government", 2022, 2025, true, 25000 * 189.7856 * (1/177.373 + 1/183.1377 + 2/189.7856) / 4},
		{"Khánh Hòa 2023–2025", "party", 2023, 2025, false, kh},
		{"Sóc Trăng 2024–2026", "party", 2024, 2026, false, 30500.0 / 3},
	} {
		r := ry.Row(i)
		if r.String("programme") != want.programme || r.String("kind") != want.kind || r.Int64("price_start") != want.start ||
			r.Int64("price_end") != want.end || r.Bool("period_assumed") != want.assumed || math.Abs(r.Float64("per_year_real_mvnd")-want.real) > 0.01 {
			t.Errorf("row %d: %s %s %d–%d %v %.2f, want %+v", i, r.String("programme"), r.String("kind"), r.Int64("price_start"), r.Int64("price_end"),
				r.Bool("period_assumed"), r.Float64("per_year_real_mvnd"), want)
		}
	}
	bud := table(t, b, "budget-per-plan-year")
	if a, b := ry.Row(0).Float64("per_year_real_mvnd"), bud.Row(0).Float64("per_year_real_mvnd"); math.Abs(a-b) > 1e-9 {
		t.Errorf("Sóc Trăng 2011–2015 per year in 2024 prices: %v here, %v in the budget section", a, b)
	}
	// The chart: the amounts, nominal beside real, two kinds named with
	// their counts, no score.
	svg := p.Charts[0].Figure.SVG()
	for _, want := range []string{"30.855", "21.809", "7.744", "7.652", "giá năm 2024", "Dự án CNTT của cơ quan Đảng tỉnh (2)", "dự án của cơ quan Đảng tỉnh", "Thừa Thiên Huế 2022–2025", "(giả định)"} {
		if !strings.Contains(svg, want) {
			t.Errorf("programmes chart lacks %q", want)
		}
	}
	if strings.Contains(svg, "0–100") || strings.Contains(svg, "chuẩn hóa") {
		t.Error("programmes chart shows normalised scores")
	}
	re := table(t, p, "provinces-2025")
	found := false
	for i := range re.NumRows() {
		r := re.Row(i)
		if r.String("new_province") == "Khánh Hòa" {
			found = true
			// Khánh Hòa 1 260,623 + Ninh Thuận 601,217 thousand people
			// (2023, GSO E02.03-07 as vn-population reads it)
			if r.Int64("population") != 1861840 || r.Value("complete") != true {
				t.Errorf("Khánh Hòa 2025: %v %v", r.Value("population"), r.Value("complete"))
			}
		}
	}
	if !found {
		t.Error("no Khánh Hòa row in the 2025 table")
	}
}

func TestEnglish(t *testing.T) {
	s, err := sections.Computers(sections.Options{Lang: chart.EN})
	if err != nil {
		t.Fatal(err)
	}
	svg := s.Charts[0].Figure.SVG()
	for _, want := range []string{"Computers per staff member", "2015 target", "Sở Tư pháp"} {
		if !strings.Contains(svg, want) {
			t.Errorf("English chart lacks %q", want)
		}
	}
	if !strings.Contains(s.TextEN, "2,346 computers for 3,378 staff") {
		t.Errorf("English text: %s", s.TextEN)
	}
}

// TestIndicatorHeadlines: of the 21 targets with a result of their year or
// later, 3 were met on time, 11 later and 7 not (periods.Attainment, checked
// by hand there).
func TestIndicatorHeadlines(t *testing.T) {
	s, err := sections.Indicators(sections.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range s.Headlines {
		got = append(got, h.Value)
	}
	if strings.Join(got, " ") != "3/21 11/21 7/21" {
		t.Errorf("headlines %v, want 3/21 11/21 7/21", got)
	}
}
