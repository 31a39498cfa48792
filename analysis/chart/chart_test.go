package chart

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"
)

var lookDir = flag.String("look", "", "also write every test chart as PNG and SVG into this directory")

// TestGolden compares each sample chart with its PNG in testdata (go test
// -regen rewrites them; look at the diff before committing).
func TestGolden(t *testing.T) {
	for name, c := range sampleCharts(t) {
		t.Run(name, func(t *testing.T) {
			got := c.PNG()
			path := filepath.Join("testdata", name+".png")
			if *lookDir != "" {
				if err := os.MkdirAll(*lookDir, 0o755); err != nil {
					t.Fatal(err)
				}
				for _, ext := range []string{".png", ".svg"} {
					if err := c.Save(filepath.Join(*lookDir, name+ext)); err != nil {
						t.Fatal(err)
					}
				}
			}
			if *cmpimg.GenerateTestData {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -regen to create it)", err)
			}
			ok, err := cmpimg.EqualApprox("png", got, want, 0.01)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				t.Errorf("%s differs from the golden image", path)
			}
		})
	}
}

// checkLayout asserts that no two text boxes overlap and none leaves the
// canvas.
func checkLayout(t *testing.T, c *Chart) {
	t.Helper()
	w, h := c.Size()
	boxes := c.Boxes()
	if len(boxes) == 0 {
		t.Fatal("no text boxes")
	}
	for i, a := range boxes {
		r := a.Rect
		if r.Min.X < 0 || r.Min.Y < 0 || r.Max.X > w || r.Max.Y > h {
			t.Errorf("%s %q at %v leaves the %vx%v canvas", a.Role, a.Text, r, w, h)
		}
		for _, b := range boxes[i+1:] {
			if overlaps(r, b.Rect) {
				t.Errorf("%s %q %v overlaps %s %q %v", a.Role, a.Text, r, b.Role, b.Text, b.Rect)
			}
		}
	}
}

// targetLineX returns the x of the chart's vertical dashed target line,
// if it has one.
func targetLineX(c *Chart) (vg.Length, bool) {
	for _, it := range c.items {
		if l, ok := it.(lineItem); ok && l.dash != nil && len(l.pts) == 2 && l.pts[0].X == l.pts[1].X {
			return l.pts[0].X, true
		}
	}
	return 0, false
}

// legendBottom returns the y (top-down) below the legend's texts; the
// legend's symbols lie above it, the data below.
func legendBottom(c *Chart) vg.Length {
	var y vg.Length
	for _, b := range c.boxes {
		if b.Role == "legend" {
			y = max(y, c.height-b.Rect.Min.Y)
		}
	}
	return y + 2
}

// markers returns the markers of the chart's data, top-down; the legend's
// are left out.
func markers(c *Chart) []markerItem {
	lb := legendBottom(c)
	var out []markerItem
	for _, it := range c.items {
		if m, ok := it.(markerItem); ok && m.y > lb {
			out = append(out, m)
		}
	}
	return out
}

// checkMarks asserts that no value text meets the target line (none
// crosses it or comes within targetClearance of it), that every marker
// lies on the canvas — within the margins for a province comparison,
// whose axis keeps the markers at 0 and 100 whole — and that no two
// markers of a Lines chart cover each other.
func checkMarks(t *testing.T, c *Chart) {
	t.Helper()
	if tx, ok := targetLineX(c); ok {
		for _, b := range c.Boxes() {
			if b.Role != "value" {
				continue
			}
			if b.Rect.Max.X > tx-targetClearance+0.01 && b.Rect.Min.X < tx+targetClearance-0.01 {
				t.Errorf("value %q at x %.1f–%.1f meets the target line at %.1f", b.Text, b.Rect.Min.X, b.Rect.Max.X, tx)
			}
		}
	}
	w, _ := c.Size()
	lo, hi := vg.Length(0), w
	if c.kind == "province-comparison" {
		lo, hi = c.th.Margin, w-c.th.Margin
	}
	ms := markers(c)
	for _, m := range ms {
		e := markerExtent(m.shape, m.r)
		if m.x-e < lo-0.01 || m.x+e > hi+0.01 {
			t.Errorf("marker at x %.1f (reach %.1f) leaves %.1f–%.1f", m.x, e, lo, hi)
		}
	}
	if c.kind == "dumbbell" {
		// a value written beside its marker never covers a marker
		for _, b := range c.Boxes() {
			if b.Role != "value" {
				continue
			}
			for _, m := range ms {
				e := markerExtent(m.shape, m.r)
				mr := vg.Rectangle{Min: vg.Point{X: m.x - e, Y: c.height - m.y - e}, Max: vg.Point{X: m.x + e, Y: c.height - m.y + e}}
				if overlaps(b.Rect, mr) {
					t.Errorf("value %q at %v covers the marker at (%.1f, %.1f)", b.Text, b.Rect, m.x, m.y)
				}
			}
		}
	}
	if c.kind != "lines" {
		return
	}
	for i, a := range ms {
		for _, b := range ms[i+1:] {
			ea, eb := markerExtent(a.shape, a.r), markerExtent(b.shape, b.r)
			if math.Abs(float64(a.x-b.x)) < float64(ea+eb)-0.01 && math.Abs(float64(a.y-b.y)) < float64(ea+eb)-0.01 {
				t.Errorf("markers at (%.1f, %.1f) and (%.1f, %.1f) cover each other", a.x, a.y, b.x, b.y)
			}
		}
	}
}

func TestMarksClear(t *testing.T) {
	for name, c := range sampleCharts(t) {
		t.Run(name, func(t *testing.T) { checkMarks(t, c) })
	}
}

// TestTargetLabels checks where the values near the target of 90% stand:
// 8/9 = 88,9% ends its bar 1,1 points of per cent short of the line, less
// than its text is wide, so the text goes right of the line; 59/73 =
// 80,8% and 8/10 = 80,0% would end on the line and go there too; 97/107 =
// 90,7% passes the line and stays beside its bar, as do 61/78 = 78,2%,
// whose text ends short of the line, and 48/234 = 20,5%, far from it.
func TestTargetLabels(t *testing.T) {
	c, err := NewRankedBars(RankedBars{Labels: nearTargetUnits, Values: nearTargetValues, Target: 90, Format: Percent})
	if err != nil {
		t.Fatal(err)
	}
	tx, ok := targetLineX(c)
	if !ok {
		t.Fatal("no target line")
	}
	var ends []vg.Length // bar ends, top to bottom
	for _, it := range c.items {
		if r, ok := it.(rectItem); ok && r.y1-r.y0 == c.th.BarHeight && r.y0 > legendBottom(c) {
			ends = append(ends, r.x1)
		}
	}
	if len(ends) != 6 {
		t.Fatalf("%d bars, want 6", len(ends))
	}
	for i, want := range []struct {
		text   string
		beside bool // 3 points after its bar's end, or else 3 points after the line
	}{{"90,7%", true}, {"88,9%", false}, {"80,8%", false}, {"80,0%", false}, {"78,2%", true}, {"20,5%", true}} {
		var box Box
		for _, b := range c.Boxes() {
			if b.Role == "value" && b.Text == want.text {
				box = b
			}
		}
		if box.Text == "" {
			t.Fatalf("no value %q in %q", want.text, c.Texts())
		}
		at := tx + 3
		if want.beside {
			at = ends[i] + 3
		}
		if math.Abs(float64(box.Rect.Min.X-at)) > 0.01 {
			t.Errorf("%s starts at %.2f, want %.2f (bar end %.2f, line %.2f)", want.text, box.Rect.Min.X, at, ends[i], tx)
		}
	}
	checkMarks(t, c)
}

// TestLinesDodge checks the 2023 markers of the Sóc Trăng timeline: the
// results 89 (provincial) and 88 (district) and the district target of 90
// lie within 2 points of per cent, so they stand side by side in series
// order (provincial result, district target, district result) centred on
// the year; the LAN result of 100 and the provincial target of 100 stand
// side by side, centred on the same year; 2010's two results (LAN 90,
// computers 69) are far apart and stay on their year; the LAN line ends on
// its 2023 dot.
func TestLinesDodge(t *testing.T) {
	c, err := NewLines(Lines{Years: timelineYears, Series: timelineSeries, Targets: timelineTargets, Format: Percent})
	if err != nil {
		t.Fatal(err)
	}
	name := map[color.Color]string{Blue: "computers", Orange: "lan", BluishGreen: "province", Vermillion: "district"}
	at := map[string][]markerItem{} // "lan 2010", "district target 2023", ...
	var x2015 vg.Length
	for _, m := range markers(c) {
		if m.shape == diamond && m.color == color.Color(Blue) {
			x2015 = m.x
		}
	}
	for _, m := range markers(c) {
		k := name[m.color]
		if m.shape != circle {
			k += " target"
		}
		switch {
		case m.x < x2015-30:
			k += " early"
		case m.x > x2015+1:
			k += " late"
		}
		at[k] = append(at[k], m)
	}
	// 2010: one dot each, same x.
	if len(at["lan early"]) != 1 || len(at["computers early"]) != 1 || at["lan early"][0].x != at["computers early"][0].x {
		t.Errorf("2010 markers: %v", at)
	}
	one := func(k string) markerItem {
		t.Helper()
		if len(at[k]) != 1 {
			t.Fatalf("%d markers %q, want 1", len(at[k]), k)
		}
		return at[k][0]
	}
	lan, prov, dist := one("lan late"), one("province late"), one("district late")
	var provT, distT []markerItem // 2023 and 2024 targets
	provT, distT = at["province target late"], at["district target late"]
	if len(provT) != 2 || len(distT) != 2 {
		t.Fatalf("%d provincial and %d district targets after 2015, want 2 and 2", len(provT), len(distT))
	}
	pt23, dt23 := provT[0], distT[0]
	if !(prov.x < dt23.x && dt23.x < dist.x) {
		t.Errorf("2023 near 90: province %.1f, district target %.1f, district %.1f; want increasing", prov.x, dt23.x, dist.x)
	}
	if !(lan.x < pt23.x) {
		t.Errorf("2023 at 100: LAN %.1f should stand left of the provincial target %.1f", lan.x, pt23.x)
	}
	if mid := (lan.x + pt23.x) / 2; math.Abs(float64(mid-dt23.x)) > 0.01 || math.Abs(float64((prov.x+dist.x)/2-dt23.x)) > 0.01 {
		t.Errorf("the 2023 clusters are not centred on one x: %.2f, %.2f, %.2f", mid, (prov.x+dist.x)/2, dt23.x)
	}
	if provT[1].x != distT[1].x {
		t.Errorf("2024 targets 100 and 90 are far apart and should share their year: %.1f, %.1f", provT[1].x, distT[1].x)
	}
	found := false
	for _, it := range c.items {
		if l, ok := it.(lineItem); ok && l.color == color.Color(Orange) && len(l.pts) == 2 && l.pts[0].Y > legendBottom(c) {
			found = true
			if end := l.pts[1]; end.X != lan.x || end.Y != lan.y {
				t.Errorf("LAN line ends at %v, its 2023 dot is at (%.1f, %.1f)", end, lan.x, lan.y)
			}
		}
	}
	if !found {
		t.Error("no LAN line")
	}
	checkMarks(t, c)
}

func TestLayoutNoOverlap(t *testing.T) {
	for name, c := range sampleCharts(t) {
		t.Run(name, func(t *testing.T) { checkLayout(t, c) })
	}
}

// TestLayoutNarrow lays the charts out on narrower pages and with fewer
// label lines, where wrapping, cutting and tick thinning must do the work.
func TestLayoutNarrow(t *testing.T) {
	for _, width := range []vg.Length{7 * vg.Centimeter, 10 * vg.Centimeter, 24 * vg.Centimeter} {
		for _, lines := range []int{1, 2, 3} {
			th := DefaultTheme()
			th.Width, th.MaxLabelLines = width, lines
			var charts []*Chart
			add := func(c *Chart, err error) {
				if err != nil {
					t.Fatal(err)
				}
				charts = append(charts, c)
			}
			add(NewRankedBars(RankedBars{Title: "Tỷ lệ máy tính trên cán bộ, công chức", Labels: provincialUnits, Values: computersPerStaff(), Target: 0.9, Theme: &th, XLabel: "Máy tính trên một cán bộ, công chức"}))
			add(NewRankedBars(RankedBars{Labels: tthProjects, Values: tthAmounts, Theme: &th, Lang: EN}))
			add(NewStackedBars(StackedBars{Categories: pillars, Series: []Series{{"Ngân sách địa phương", planned2023Local}, {"Đầu tư phát triển", planned2023Invest}, {"Nguồn khác", planned2023Other}}, Theme: &th}))
			add(NewPlannedSpent(PlannedSpent{Labels: pillars, Planned: planned2023Total, Spent: spent2023Total, Theme: &th}))
			add(NewDumbbell(Dumbbell{Labels: pillars, From: planned2023Total, To: total2024, FromLabel: "2023", ToLabel: "2024", Theme: &th}))
			years := []int{2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024}
			vals := make([]float64, len(years))
			for i := range vals {
				vals[i] = math.NaN()
			}
			vals[0], vals[13] = 90, 100
			add(NewLines(Lines{Title: "Tỷ lệ cơ quan có mạng nội bộ (LAN)", Years: years, Series: []Series{{"Toàn tỉnh", vals}}, Targets: eDocTargets, Format: Percent, Theme: &th}))
			add(NewProvinceComparison(ProvinceComparison{
				Indicators: []string{"Tỷ lệ máy tính trên cán bộ, công chức", "Tỷ lệ máy tính kết nối Internet", "Tỷ lệ máy tính kết nối mạng nội bộ (LAN)"},
				Provinces:  []string{"Huyện ủy", "Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Y tế", "Hội Nông dân"},
				// computers/staff, internet/computers, lan/computers of
				// soctrang-2010-computers-district rows 1, 2, 3, 10, 21.
				Values: [][]float64{
					{228.0 / 303, 75.0 / 228, 101.0 / 228}, {185.0 / 263, 173.0 / 185, 149.0 / 185},
					{45.0 / 73, 34.0 / 45, 20.0 / 45}, {48.0 / 234, 28.0 / 48, 19.0 / 48}, {21.0 / 56, 9.0 / 21, 0},
				},
				Format: Share, Highlight: "Phòng Y tế", ShowValues: lines == 2, Theme: &th,
			}))
			for k, c := range charts {
				t.Run(c.Kind(), func(t *testing.T) {
					if *lookDir != "" {
						name := fmt.Sprintf("narrow_%.0f_%d_%d_%s.png", float64(width), lines, k, c.Kind())
						if err := c.Save(filepath.Join(*lookDir, name)); err != nil {
							t.Fatal(err)
						}
					}
					checkLayout(t, c)
					// At 7 cm a year of 2010–2024 is narrower than a
					// target marker: neighbouring years' markers touch
					// whatever dodge does.
					if c.Kind() != "lines" || width >= 10*vg.Centimeter {
						checkMarks(t, c)
					}
					for _, b := range c.Boxes() {
						if b.Role == "label" && strings.Count(b.Text, "\n") > 0 {
							t.Errorf("label line with a line break: %q", b.Text)
						}
					}
				})
			}
		}
	}
}

// labelsOf returns the category labels of a chart, their wrapped lines
// joined back with spaces, top to bottom.
func labelsOf(c *Chart) []string {
	var out []string
	var last vg.Length = -1
	for _, b := range c.Boxes() {
		if b.Role != "label" {
			continue
		}
		// a line directly under the previous one continues its label
		if len(out) > 0 && last-b.Rect.Max.Y < 4 && last-b.Rect.Max.Y > -1 {
			out[len(out)-1] += " " + b.Text
		} else {
			out = append(out, b.Text)
		}
		last = b.Rect.Min.Y
	}
	return out
}

func TestRankedBarsValues(t *testing.T) {
	c, err := NewRankedBars(RankedBars{Labels: provincialUnits, Values: computersPerStaff(), Target: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	texts := c.Texts()
	// 26/29 = 0.89655 is below 0.9 but reads 0,90 with two decimals, so
	// three are used: 0,897 and the target 0,900. 44/36 = 1.2222 -> 1,222;
	// 4/16 = 0.25 -> 0,250; 0 staff and 0 computers -> no ratio.
	for _, want := range []string{"0,897", "Mục tiêu 0,900", "1,222", "0,250", "không có số liệu", "Đạt mục tiêu", "Chưa đạt mục tiêu"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q in %q", want, texts)
		}
	}
	labels := labelsOf(c)
	if len(labels) != 27 || labels[0] != "Sở Tư pháp" || labels[1] != "Hội đồng Nhân dân" || labels[26] != "Văn phòng Đoàn Đại biểu Quốc hội" {
		t.Errorf("ranked labels = %q", labels)
	}
	// 9 units reach 0.9 (44/36, 35/32, 46/45, 77/76, 44/44, 43/46, 35/38,
	// 46/50, 50/55); 17 do not; plus one legend swatch of each colour.
	blue, orange := 0, 0
	for _, it := range c.items {
		if r, ok := it.(rectItem); ok {
			switch r.fill {
			case color.Color(Blue):
				blue++
			case color.Color(Orange):
				orange++
			}
		}
	}
	if blue != 10 || orange != 18 {
		t.Errorf("blue %d, orange %d bars and swatches; want 10 and 18", blue, orange)
	}
}

// TestRankedBarsGroups checks bars grouped by kind: the groups in order of
// first appearance, ranked within (Sóc Trăng 2024–2026's 10.167 above
// Khánh Hòa's 7.744 although it comes later), a colour and a legend
// swatch per group, the column's texts on the rows of their bars, and
// ErrLength for a Groups or Column of the wrong length.
func TestRankedBarsGroups(t *testing.T) {
	c, err := NewRankedBars(RankedBars{Labels: programmeNames, Values: programmeReal, Groups: programmeKinds,
		Column: programmeNominal, ColumnHeader: "Nominal", Decimals: -1, Lang: EN})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Sóc Trăng 2011–2015", "Thừa Thiên Huế (4 năm)", "Sóc Trăng 2024–2026", "Khánh Hòa 2023–2025"}
	if got := labelsOf(c); !slices.Equal(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
	lb := legendBottom(c)
	var bars, swatches []color.Color
	for _, it := range c.items {
		if r, ok := it.(rectItem); ok && r.fill != nil && r.fill != c.th.Band && r.fill != c.th.Background {
			if r.y0 > lb {
				bars = append(bars, r.fill)
			} else if r.y1 < lb {
				swatches = append(swatches, r.fill)
			}
		}
	}
	if !slices.Equal(bars, []color.Color{Blue, Blue, Orange, Orange}) || !slices.Equal(swatches, []color.Color{Blue, Orange}) {
		t.Errorf("bars %v, swatches %v", bars, swatches)
	}
	box := map[string]Box{}
	for _, b := range c.Boxes() {
		box[b.Text] = b
	}
	for _, pair := range [][2]string{{"30,855", "21,809"}, {"10,167", "10,167"}, {"7,744", "7,652"}} {
		v, col := box[pair[0]], box[pair[1]]
		if v.Text == "" || col.Text == "" || math.Abs(float64(v.Rect.Min.Y-col.Rect.Min.Y)) > 0.01 {
			t.Errorf("value %q and column %q not on one row: %v %v", pair[0], pair[1], v.Rect, col.Rect)
		}
	}
	for _, want := range []string{"Nominal", "Provincial-government programmes", "Party-agency IT projects"} {
		if _, ok := box[want]; !ok {
			t.Errorf("no text %q in %q", want, c.Texts())
		}
	}
	checkLayout(t, c)
	for _, s := range []RankedBars{
		{Labels: programmeNames, Values: programmeReal, Groups: programmeKinds[:3]},
		{Labels: programmeNames, Values: programmeReal, Column: programmeNominal[:1]},
	} {
		if _, err := NewRankedBars(s); !errors.Is(err, ErrLength) {
			t.Errorf("err = %v, want ErrLength", err)
		}
	}
}

func TestPlannedSpentRates(t *testing.T) {
	c, err := NewPlannedSpent(PlannedSpent{Labels: pillars, Planned: planned2023Total, Spent: spent2023Total, Lang: EN})
	if err != nil {
		t.Fatal(err)
	}
	texts := c.Texts()
	// Hạ tầng số 4682/7843 = 59.7% -> 60%; Dữ liệu số 1502/11002 = 13.7%
	// -> 14%; Chính quyền số 14227/15272 = 93.2% -> 93%; Thể chế số 0/500
	// -> 0%; amounts in English grouping.
	for _, want := range []string{"60%", "14%", "93%", "0%", "15,272", "14,227", "Planned", "Spent", "Spent/plan"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q in %q", want, texts)
		}
	}
	// Zero or missing planned amount: no rate.
	c, err = NewPlannedSpent(PlannedSpent{Labels: []string{"a", "b", "c"}, Planned: []float64{0, math.NaN(), 100}, Spent: []float64{5, 5, math.NaN()}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, b := range c.Boxes() {
		if b.Text == "—" {
			n++
		}
	}
	if n != 5 { // three rates, a missing planned and a missing spent amount
		t.Errorf("%d dashes, want 5: %q", n, c.Texts())
	}
}

func TestStackedTotals(t *testing.T) {
	c, err := NewStackedBars(StackedBars{Categories: pillars, Series: []Series{
		{"NSĐP", planned2023Local}, {"ĐTPT", planned2023Invest}, {"Khác", withNaN(planned2023Other, 0)},
	}})
	if err != nil {
		t.Fatal(err)
	}
	texts := c.Texts()
	// Chính quyền số 7292+6900+1080 = 15.272; Nhận thức số without its
	// "other" part: at least 210.
	for _, want := range []string{"15.272", "11.002", "≥ 210", "NSĐP"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q in %q", want, texts)
		}
	}
}

func TestDumbbellSides(t *testing.T) {
	c, err := NewDumbbell(Dumbbell{Labels: pillars, From: planned2023Total, To: total2024})
	if err != nil {
		t.Fatal(err)
	}
	var from, to Box
	for _, b := range c.Boxes() {
		switch b.Text {
		case "7.843":
			from = b
		case "46.261":
			to = b
		}
	}
	if from.Text == "" || to.Text == "" || from.Rect.Max.X >= to.Rect.Min.X || math.Abs(float64(from.Rect.Min.Y-to.Rect.Min.Y)) > 0.01 {
		t.Errorf("Hạ tầng số: 7.843 at %v should sit left of 46.261 at %v on one row", from.Rect, to.Rect)
	}
}

// TestDumbbellDirection checks the 2023 → 2024 plans by pillar: a rise
// (Hạ tầng số 7.843 → 46.261) ends in a blue arrowhead pointing right, a
// fall (Nhận thức số 960 → 805, Xã hội số 1.726 → 1.410) in a vermillion
// one pointing left, an unchanged amount (Thể chế số 500) is a grey dot;
// each value stands beside its own marker on the outer side, so the
// earlier value is on the side of the earlier marker; the legend names the
// three directions and the change column writes the differences with their
// signs.
func TestDumbbellDirection(t *testing.T) {
	c, err := NewDumbbell(Dumbbell{Labels: pillars, From: planned2023Total, To: total2024,
		FromLabel: "KH 2023", ToLabel: "KH 2024", SortByChange: true, ShowChange: true})
	if err != nil {
		t.Fatal(err)
	}
	box := map[string]Box{}
	for _, b := range c.Boxes() {
		box[b.Text] = b
	}
	for _, want := range []string{"KH 2023", "KH 2024: tăng", "KH 2024: giảm", "KH 2024: không đổi", "Thay đổi", "+38.418", "−155", "−316", "0"} {
		if _, ok := box[want]; !ok {
			t.Errorf("no text %q in %q", want, c.Texts())
		}
	}
	// the markers of the data, by row (top-down y)
	type row struct{ ring, head markerItem }
	rows := map[vg.Length]*row{}
	for _, m := range markers(c) {
		r := rows[m.y]
		if r == nil {
			r = &row{}
			rows[m.y] = r
		}
		if m.filled {
			r.head = m
		} else {
			r.ring = m
		}
	}
	rowOf := func(text string) *row {
		t.Helper()
		b, ok := box[text]
		if !ok {
			t.Fatalf("no value %q", text)
		}
		cy := c.height - (b.Rect.Min.Y+b.Rect.Max.Y)/2
		for y, r := range rows {
			if math.Abs(float64(y-cy)) < 3 {
				return r
			}
		}
		t.Fatalf("no markers on the row of %q", text)
		return nil
	}
	for _, tc := range []struct {
		from, to string
		shape    shape
		color    color.Color
	}{
		{"7.843", "46.261", triangleRight, Blue},
		{"200", "1.200", triangleRight, Blue},
		{"960", "805", triangleLeft, Vermillion},
		{"1.726", "1.410", triangleLeft, Vermillion},
	} {
		r := rowOf(tc.from)
		if rowOf(tc.to) != r {
			t.Errorf("%s and %s on different rows", tc.from, tc.to)
		}
		if r.head.shape != tc.shape || r.head.color != tc.color {
			t.Errorf("%s → %s: arrowhead %v %v, want %v %v", tc.from, tc.to, r.head.shape, r.head.color, tc.shape, tc.color)
		}
		from, to := box[tc.from].Rect, box[tc.to].Rect
		if tc.shape == triangleRight {
			if !(from.Max.X <= r.ring.x && r.head.x <= to.Min.X) {
				t.Errorf("rise %s → %s: texts at %.1f–%.1f and %.1f–%.1f, ring %.1f, head %.1f", tc.from, tc.to, from.Min.X, from.Max.X, to.Min.X, to.Max.X, r.ring.x, r.head.x)
			}
		} else if !(to.Max.X <= r.head.x && r.ring.x <= from.Min.X && r.head.x < r.ring.x) {
			t.Errorf("fall %s → %s: texts at %.1f–%.1f and %.1f–%.1f, ring %.1f, head %.1f", tc.from, tc.to, from.Min.X, from.Max.X, to.Min.X, to.Max.X, r.ring.x, r.head.x)
		}
	}
	if r := rowOf("500"); r.head.shape != circle || r.head.color != c.th.Muted {
		t.Errorf("unchanged 500: %v %v", r.head.shape, r.head.color)
	}
	checkLayout(t, c)
	checkMarks(t, c)

	// No fall, no "giảm" in the legend.
	c, err = NewDumbbell(Dumbbell{Labels: []string{"a", "b"}, From: []float64{1, 2}, To: []float64{3, 4}, Lang: EN})
	if err != nil {
		t.Fatal(err)
	}
	if texts := c.Texts(); slices.Contains(texts, "After: decrease") || !slices.Contains(texts, "After: increase") {
		t.Errorf("legend of rises only: %q", texts)
	}
}

// TestLinesLegend checks that the legend of the Sóc Trăng timeline shows
// what is drawn: a line only for the LAN series (90 in 2010, 100 in 2023,
// joined), a dot for each series of single points, a dot in the text
// colour for the results, and the two target markers.
func TestLinesLegend(t *testing.T) {
	c, err := NewLines(Lines{Years: timelineYears, Series: timelineSeries, Targets: timelineTargets, Format: Percent})
	if err != nil {
		t.Fatal(err)
	}
	lb := legendBottom(c)
	var lines []color.Color
	dots := map[color.Color]int{}
	var targets []shape
	for _, it := range c.items {
		switch it := it.(type) {
		case lineItem:
			if it.pts[0].Y < lb {
				lines = append(lines, it.color)
			}
		case markerItem:
			if it.y >= lb {
				continue
			}
			if it.shape == circle && it.filled {
				dots[it.color]++
			} else {
				targets = append(targets, it.shape)
			}
		}
	}
	if len(lines) != 1 || lines[0] != color.Color(Orange) {
		t.Errorf("legend lines %v, want one orange (LAN)", lines)
	}
	for _, col := range []color.Color{Blue, Orange, BluishGreen, Vermillion, c.th.Text} {
		if dots[col] != 1 {
			t.Errorf("%d legend dots of %v, want 1", dots[col], col)
		}
	}
	if len(targets) != 2 || targets[0] != diamond || targets[1] != triangleUp {
		t.Errorf("legend targets %v, want diamond and triangle", targets)
	}
	if texts := c.Texts(); !slices.Contains(texts, "Kết quả") {
		t.Errorf("no legend entry for the results in %q", texts)
	}
}

func TestLinesTexts(t *testing.T) {
	c, err := NewLines(Lines{Years: eDocYears, Series: eDocSeries, Targets: eDocTargets, Format: Percent, Lang: EN})
	if err != nil {
		t.Fatal(err)
	}
	texts := c.Texts()
	for _, want := range []string{"0%", "100%", "2012", "2014", "2023", "2024", "Target", "Target: above (>)", "Cấp tỉnh"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q in %q", want, texts)
		}
	}
	if slices.Contains(texts, "Target: at least (≥)") {
		t.Error("legend of a comparator no target uses")
	}
}

func TestNFC(t *testing.T) {
	nfd := norm.NFD.String("Sở Nông nghiệp và Phát triển nông thôn")
	if nfd == "Sở Nông nghiệp và Phát triển nông thôn" {
		t.Fatal("test string is not decomposed")
	}
	c, err := NewRankedBars(RankedBars{Title: norm.NFD.String("Tỷ lệ máy tính"), Labels: []string{nfd, "Sở   Y\u00a0tế "}, Values: []float64{0.72414, 0.92105}})
	if err != nil {
		t.Fatal(err)
	}
	texts := c.Texts()
	for _, want := range []string{"Sở Nông nghiệp và Phát triển nông thôn", "Sở Y tế", "Tỷ lệ máy tính"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no NFC text %q in %q", want, texts)
		}
	}
	svg := c.SVG()
	if !strings.Contains(svg, "Sở Nông nghiệp và Phát triển nông thôn") || !strings.Contains(svg, "Tỷ lệ máy tính") {
		t.Error("the SVG lacks the Vietnamese text")
	}
	if strings.ContainsAny(svg, "\u0300\u0301\u0303\u0309\u0323\u0302\u031b") {
		t.Error("the SVG holds combining marks")
	}
}

func TestOutputs(t *testing.T) {
	c, err := NewRankedBars(RankedBars{Labels: pillars, Values: total2024, Lang: EN})
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(c.PNG()))
	if err != nil {
		t.Fatal(err)
	}
	w, h := c.Size()
	// 16 cm at 150 dpi: 16/2.54*150 = 944.9 -> 945 pixels.
	if got := img.Bounds().Dx(); got != 945 {
		t.Errorf("PNG width %d, want 945", got)
	}
	if got, want := img.Bounds().Dy(), int(float64(h)/72*150+0.5); got != want {
		t.Errorf("PNG height %d, want %d", got, want)
	}
	if math.Abs(float64(w-16*vg.Centimeter)) > 1e-9 {
		t.Errorf("width %v", w)
	}
	svg := c.SVG()
	if !strings.HasPrefix(svg, "<?xml") || !strings.Contains(svg, "</svg>") || !strings.Contains(svg, "46,261") {
		t.Error("SVG incomplete")
	}
	checkSVGFonts(t, svg)
	checkPHYs(t, c.PNG(), 150)
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.SVG"} {
		if err := c.Save(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	for _, name := range []string{"c.pdf", "d.eps", "e"} {
		if err := c.Save(filepath.Join(dir, name)); !errors.Is(err, ErrFormat) {
			t.Errorf("Save(%s) = %v, want ErrFormat", name, err)
		}
	}
}

// checkPHYs asserts that the PNG p carries its resolution: one pHYs chunk,
// before the image data, of dpi/0.0254 pixels per metre rounded (150 dpi:
// 5906, which reads back as 150.01 dpi) both ways, unit metre (1), with a
// correct CRC.
func checkPHYs(t *testing.T, p []byte, dpi int) {
	t.Helper()
	want := uint32(math.Round(float64(dpi) / 0.0254))
	if dpi == 150 && want != 5906 {
		t.Fatalf("150 dpi is %d pixels per metre, want 5906", want)
	}
	found := 0
	for off := 8; off+12 <= len(p); {
		n := int(binary.BigEndian.Uint32(p[off:]))
		typ := string(p[off+4 : off+8])
		if off+12+n > len(p) {
			t.Fatalf("chunk %s at %d runs past the end", typ, off)
		}
		data := p[off+8 : off+8+n]
		if crc := binary.BigEndian.Uint32(p[off+8+n:]); crc != crc32.ChecksumIEEE(p[off+4:off+8+n]) {
			t.Errorf("chunk %s: bad CRC", typ)
		}
		switch typ {
		case "pHYs":
			found++
			if n != 9 {
				t.Fatalf("pHYs of %d bytes", n)
			}
			x, y := binary.BigEndian.Uint32(data), binary.BigEndian.Uint32(data[4:])
			if x != want || y != want || data[8] != 1 {
				t.Errorf("pHYs %d × %d unit %d, want %d × %d per metre (1)", x, y, data[8], want, want)
			}
		case "IDAT":
			if found == 0 {
				t.Error("no pHYs before the image data")
			}
		}
		off += 12 + n
	}
	if found != 1 {
		t.Errorf("%d pHYs chunks, want 1", found)
	}
}

// checkSVGFonts asserts that every text of an SVG names the fallback
// fonts: Liberation Sans, then Arial, Helvetica and sans-serif.
func checkSVGFonts(t *testing.T, svg string) {
	t.Helper()
	all := strings.Count(svg, "font-family:")
	with := strings.Count(svg, "font-family:Liberation Sans, Arial, Helvetica, sans-serif;")
	if all == 0 || with != all {
		t.Errorf("%d of %d font-family attributes name the fallback fonts", with, all)
	}
}

// TestOutputsEveryChart checks the PNG's resolution and the SVG's fonts of
// every sample chart, at 150 dpi and at a theme of 300 dpi.
func TestOutputsEveryChart(t *testing.T) {
	for name, c := range sampleCharts(t) {
		t.Run(name, func(t *testing.T) {
			checkPHYs(t, c.PNG(), 150)
			if _, err := png.Decode(bytes.NewReader(c.PNG())); err != nil {
				t.Error(err)
			}
			checkSVGFonts(t, c.SVG())
		})
	}
	th := DefaultTheme()
	th.DPI = 300
	c, err := NewRankedBars(RankedBars{Labels: pillars, Values: total2024, Theme: &th})
	if err != nil {
		t.Fatal(err)
	}
	checkPHYs(t, c.PNG(), 300)
}

func TestErrors(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		fn   func() (*Chart, error)
		want error
	}{
		{"ranked empty", func() (*Chart, error) { return NewRankedBars(RankedBars{}) }, ErrNoData},
		{"ranked lengths", func() (*Chart, error) {
			return NewRankedBars(RankedBars{Labels: []string{"a"}, Values: []float64{1, 2}})
		}, ErrLength},
		{"ranked inf", func() (*Chart, error) {
			return NewRankedBars(RankedBars{Labels: []string{"a"}, Values: []float64{math.Inf(1)}})
		}, ErrNotFinite},
		{"stacked negative", func() (*Chart, error) {
			return NewStackedBars(StackedBars{Categories: []string{"a"}, Series: []Series{{"s", []float64{-1}}}})
		}, ErrNegative},
		{"stacked lengths", func() (*Chart, error) {
			return NewStackedBars(StackedBars{Categories: []string{"a", "b"}, Series: []Series{{"s", []float64{1}}}})
		}, ErrLength},
		{"stacked no series", func() (*Chart, error) { return NewStackedBars(StackedBars{Categories: []string{"a"}}) }, ErrNoData},
		{"planned lengths", func() (*Chart, error) {
			return NewPlannedSpent(PlannedSpent{Labels: []string{"a"}, Planned: []float64{1}})
		}, ErrLength},
		{"dumbbell lengths", func() (*Chart, error) {
			return NewDumbbell(Dumbbell{Labels: []string{"a"}, From: []float64{1}, To: nil})
		}, ErrLength},
		{"lines years", func() (*Chart, error) {
			return NewLines(Lines{Years: []int{2024, 2023}, Series: []Series{{"s", []float64{1, 2}}}})
		}, ErrYears},
		{"lines comparator", func() (*Chart, error) {
			return NewLines(Lines{Years: []int{2023}, Targets: []TargetPoint{{Year: 2023, Value: 1, Comparator: "~"}}})
		}, ErrCompare},
		{"lines empty", func() (*Chart, error) { return NewLines(Lines{Years: []int{2023}}) }, ErrNoData},
		{"provinces shape", func() (*Chart, error) {
			return NewProvinceComparison(ProvinceComparison{Indicators: []string{"x"}, Provinces: []string{"a", "b"}, Values: [][]float64{{1}}})
		}, ErrLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.fn(); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
	// All missing is not an error: the rows say "không có số liệu".
	c, err := NewRankedBars(RankedBars{Labels: []string{"a", "b"}, Values: []float64{nan, nan}})
	if err != nil {
		t.Fatal(err)
	}
	checkLayout(t, c)
	c, err = NewDumbbell(Dumbbell{Labels: []string{"a"}, From: []float64{nan}, To: []float64{nan}, Lang: EN})
	if err != nil || !slices.Contains(c.Texts(), "no data") {
		t.Errorf("all-missing dumbbell: %v %q", err, c.Texts())
	}
}

// A target of 0 draws a line only when asked: a literal without Target draws
// none.
func TestRankedBarsZeroTarget(t *testing.T) {
	values := []float64{-0.2, 0.1, 0.3} // changes against a zero line
	labels := []string{"Sóc Trăng", "Khánh Hòa", "Huế"}
	hasTarget := func(c *Chart) bool {
		for _, b := range c.Boxes() {
			if b.Role == "target" {
				return true
			}
		}
		return false
	}
	none, err := NewRankedBars(RankedBars{Labels: labels, Values: values})
	if err != nil {
		t.Fatal(err)
	}
	zero, err := NewRankedBars(RankedBars{Labels: labels, Values: values, ZeroTarget: true})
	if err != nil {
		t.Fatal(err)
	}
	if hasTarget(none) || !hasTarget(zero) {
		t.Errorf("target label: without ZeroTarget %v, with %v", hasTarget(none), hasTarget(zero))
	}
}
