package datasets_test

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

func TestProvincesColumnsAndSources(t *testing.T) {
	f := datasets.MustLoad("vn-provinces")
	defer f.Release()
	if got := strings.Join(f.Names(), ","); got != "code,province,region,population,population_year,area_km2,area_year,source,source_page,quote,source_line" {
		t.Errorf("columns %s", got)
	}
	if f.NumRows() != 63 {
		t.Fatalf("%d rows", f.NumRows())
	}
	regions := map[string]int{}
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		name := r.String("province")
		if !norm.NFC.IsNormalString(name) || !norm.NFC.IsNormalString(r.String("quote")) {
			t.Errorf("%s: not NFC", name)
		}
		regions[r.String("region")]++
		hasPop, hasArea := !r.IsNull("population"), !r.IsNull("area_km2")
		if hasPop != !r.IsNull("population_year") || hasArea != !r.IsNull("area_year") {
			t.Errorf("%s: a figure without its year, or a year without a figure", name)
		}
		if (hasPop || hasArea) && (r.String("source") == "" || r.String("source_page") == "" || r.String("quote") == "") {
			t.Errorf("%s: a figure without a source", name)
		}
		if hasPop && r.Int64("population_year") != 2023 {
			t.Errorf("%s: population year %d, want 2023 throughout", name, r.Int64("population_year"))
		}
		if strings.Contains(r.String("source_page"), "://") {
			t.Errorf("%s: address with a scheme", name)
		}
		// the row points to its line of the reference table
		line, err := datasets.Line(f.Meta("source_file"), int(r.Int64("source_line")))
		if err != nil || !strings.HasPrefix(line, r.String("code")+","+name+",") {
			t.Errorf("%s: line %d is %q (%v)", name, r.Int64("source_line"), line, err)
		}
	}
	// GSO's six regions: 11 + 14 + 14 + 5 + 6 + 13 = 63
	want := map[string]int{"Đồng bằng sông Hồng": 11, "Trung du và miền núi phía Bắc": 14, "Bắc Trung Bộ và duyên hải miền Trung": 14,
		"Tây Nguyên": 5, "Đông Nam Bộ": 6, "Đồng bằng sông Cửu Long": 13}
	for k, n := range want {
		if regions[k] != n {
			t.Errorf("region %s: %d provinces, want %d", k, regions[k], n)
		}
	}
}

// vnNumber reads a number written the Vietnamese way (1.166,5).
func vnNumber(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."), 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// TestProvincesAgainstQuotes reads the figures back from the quoted text,
// independently of the builder: "<label>: average population 2023 <P>
// (thousand persons); area 2023 <A> km² (second copy … line N: <A2>)", the
// area within ± 0,005 km² of the second copy's two decimals; and each
// population is vn-population's 2023 figure of the same code, at the line
// source_page names.
func TestProvincesAgainstQuotes(t *testing.T) {
	f := datasets.MustLoad("vn-provinces")
	defer f.Release()
	pop := datasets.MustLoad("vn-population")
	defer pop.Release()
	byCode := map[string]frame.Row{}
	for i := 0; i < pop.NumRows(); i++ {
		if r := pop.Row(i); r.Int64("year") == 2023 && r.String("level") == "province" {
			byCode[r.String("code")] = r
		}
	}
	quoteRe := regexp.MustCompile(`^(.+): average population 2023 ([0-9.]+) \(thousand persons\); area 2023 ([0-9.]+) km² \(second copy .* line [0-9]+: ([0-9.]+)\)$`)
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		m := quoteRe.FindStringSubmatch(r.String("quote"))
		if m == nil {
			t.Errorf("%s: quote %q", r.String("province"), r.String("quote"))
			continue
		}
		p, _ := strconv.ParseFloat(m[2], 64)
		a, _ := strconv.ParseFloat(m[3], 64)
		a2, _ := strconv.ParseFloat(m[4], 64)
		if int64(math.Round(p*1000)) != r.Int64("population") || a != r.Float64("area_km2") || math.Abs(a-a2) > 0.005+1e-9 {
			t.Errorf("%s: %d people, %v km²; quoted %v thousand, %v km² (second copy %v)", r.String("province"), r.Int64("population"), r.Float64("area_km2"), p, a, a2)
		}
		v, ok := byCode[r.String("code")]
		if !ok || v.Float64("population_thousand") != p || v.String("name_as_written") != m[1] ||
			!strings.Contains(r.String("source_page"), fmt.Sprintf("vn-population.csv dòng %d ", v.Int64("source_line"))) {
			t.Errorf("%s: not vn-population's 2023 figure (%v, %q, line %d): page %q", r.String("province"), v.Float64("population_thousand"), v.String("name_as_written"), v.Int64("source_line"), r.String("source_page"))
		}
		if r.Int64("population_year") != 2023 || r.Int64("area_year") != 2023 {
			t.Errorf("%s: years %d, %d", r.String("province"), r.Int64("population_year"), r.Int64("area_year"))
		}
	}
}

// TestProvincesSpotChecks: GSO's figures against those the earlier version
// of this table cited from press pages and a yearbook, which agree to their
// one decimal: Huế "4.947,1 1.166,5", Khánh Hòa "5.199,6 1.260,6", Hà Nội
// "3.359,8 8.587,1" (xemtinviet.com/gjuc, GSO's 2023 table), Sóc Trăng
// 1 198 798 persons in 2023 (its 2023 yearbook, page 83) and 3 298,2 km².
func TestProvincesSpotChecks(t *testing.T) {
	f := datasets.MustLoad("vn-provinces")
	defer f.Release()
	cases := []struct {
		code, province string
		popTh, area    float64 // as the press or yearbook wrote them
	}{
		{"46", "Thừa Thiên Huế", 1166.5, 4947.1},
		{"56", "Khánh Hòa", 1260.6, 5199.6},
		{"94", "Sóc Trăng", 1198.798, 3298.2},
		{"01", "Hà Nội", 8587.1, 3359.8},
	}
	for _, tc := range cases {
		found := false
		for i := 0; i < f.NumRows(); i++ {
			r := f.Row(i)
			if r.String("code") != tc.code {
				continue
			}
			found = true
			if r.String("province") != tc.province ||
				math.Abs(float64(r.Int64("population"))/1000-tc.popTh) > 0.05 || math.Abs(r.Float64("area_km2")-tc.area) > 0.05 {
				t.Errorf("%s: %q, %d people, %v km²", tc.code, r.String("province"), r.Int64("population"), r.Float64("area_km2"))
			}
		}
		if !found {
			t.Errorf("no code %s", tc.code)
		}
	}
}

// TestProvincesRegionTotals: the 2023 table prints region subtotals, which
// the rows must add up to within rounding (n rows of one decimal: ±0.05 n).
func TestProvincesRegionTotals(t *testing.T) {
	f := datasets.MustLoad("vn-provinces")
	defer f.Release()
	totals := []struct {
		region      string
		area, popTh float64 // as printed: "ĐỒNG BẰNG SÔNG HỒNG 21.278,6 23.732,4" …
	}{
		{"Đồng bằng sông Hồng", 21278.6, 23732.4},
		{"Trung du và miền núi phía Bắc", 95184.1, 13162.4},
		{"Bắc Trung Bộ và duyên hải miền Trung", 95847.9, 20768.7},
	}
	for _, tc := range totals {
		var area, pop float64
		n := 0
		for i := 0; i < f.NumRows(); i++ {
			r := f.Row(i)
			if r.String("region") != tc.region {
				continue
			}
			n++
			if r.IsNull("area_km2") || r.IsNull("population") {
				t.Fatalf("%s: %s has no figure", tc.region, r.String("province"))
			}
			area += r.Float64("area_km2")
			pop += float64(r.Int64("population")) / 1000
		}
		tol := 0.05*float64(n) + 1e-6
		if math.Abs(area-tc.area) > tol || math.Abs(pop-tc.popTh) > tol {
			t.Errorf("%s: %d rows sum to %.1f km², %.1f thousand; printed %.1f, %.1f", tc.region, n, area, pop, tc.area, tc.popTh)
		}
	}
}

func TestProvinces2025Crosswalk(t *testing.T) {
	f := datasets.MustLoad("vn-provinces-2025")
	defer f.Release()
	if got := strings.Join(f.Names(), ","); got != "old_code,old_province,new_province,new_kind,arranged,source,verification,verified_by,source_line" {
		t.Errorf("columns %s", got)
	}
	if f.NumRows() != 63 {
		t.Fatalf("%d rows", f.NumRows())
	}
	provinces := datasets.MustLoad("vn-provinces")
	defer provinces.Release()
	names := map[string]string{}
	for i := 0; i < provinces.NumRows(); i++ {
		names[provinces.Row(i).String("code")] = provinces.Row(i).String("province")
	}
	newUnits := map[string]string{}
	unchanged := 0
	mapping := map[string]string{}
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		old, nw, kind := r.String("old_province"), r.String("new_province"), r.String("new_kind")
		mapping[old] = nw + "/" + kind
		if names[r.String("old_code")] != old {
			t.Errorf("%s: code %s is %q in vn-provinces", old, r.String("old_code"), names[r.String("old_code")])
		}
		if k, ok := newUnits[nw]; ok && k != kind {
			t.Errorf("%s: kind %s and %s", nw, k, kind)
		}
		newUnits[nw] = kind
		if !r.Value("arranged").(bool) {
			unchanged++
		}
		if !strings.Contains(r.String("source"), "202/2025/QH15") || r.String("verified_by") == "" || !norm.NFC.IsNormalString(old+nw) {
			t.Errorf("%s: source %q, verified by %q", old, r.String("source"), r.String("verified_by"))
		}
	}
	cities := 0
	for _, k := range newUnits {
		if k == "city" {
			cities++
		}
	}
	if len(newUnits) != 34 || cities != 6 || unchanged != 11 {
		t.Errorf("%d new units (%d cities), %d not arranged; want 34 (6), 11", len(newUnits), cities, unchanged)
	}
	for old, want := range map[string]string{
		"Sóc Trăng": "Cần Thơ/city", "Hậu Giang": "Cần Thơ/city", "Cần Thơ": "Cần Thơ/city",
		"Ninh Thuận": "Khánh Hòa/province", "Khánh Hòa": "Khánh Hòa/province",
		"Thừa Thiên Huế": "Huế/city", "Hà Nội": "Hà Nội/city", "Cao Bằng": "Cao Bằng/province",
		"Hải Dương": "Hải Phòng/city", "Bà Rịa - Vũng Tàu": "TP. Hồ Chí Minh/city", "Quảng Nam": "Đà Nẵng/city",
	} {
		if mapping[old] != want {
			t.Errorf("%s → %s, want %s", old, mapping[old], want)
		}
	}
	// the 11 units not arranged keep their name, but for Huế
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		if !r.Value("arranged").(bool) && r.String("old_province") != r.String("new_province") && r.String("old_province") != "Thừa Thiên Huế" {
			t.Errorf("%s not arranged but renamed %s", r.String("old_province"), r.String("new_province"))
		}
	}
}

// Example: population per new unit of 2025, from the 2023 figures of its
// former provinces; a unit with a former province without a figure is
// reported as incomplete rather than summed.
func ExampleLoad_provinces() {
	prov := datasets.MustLoad("vn-provinces")
	defer prov.Release()
	cw := datasets.MustLoad("vn-provinces-2025")
	defer cw.Release()
	pop := map[string]int64{}
	known := map[string]bool{}
	for i := 0; i < prov.NumRows(); i++ {
		r := prov.Row(i)
		if !r.IsNull("population") {
			pop[r.String("code")] = r.Int64("population")
			known[r.String("code")] = true
		}
	}
	for _, unit := range []string{"Huế", "Khánh Hòa", "Cần Thơ"} {
		var sum int64
		var parts, missing []string
		for i := 0; i < cw.NumRows(); i++ {
			r := cw.Row(i)
			if r.String("new_province") != unit {
				continue
			}
			parts = append(parts, r.String("old_province"))
			if !known[r.String("old_code")] {
				missing = append(missing, r.String("old_province"))
			}
			sum += pop[r.String("old_code")]
		}
		if len(missing) > 0 {
			fmt.Printf("%s (%s): no 2023 figure for %s\n", unit, strings.Join(parts, ", "), strings.Join(missing, ", "))
			continue
		}
		fmt.Printf("%s (%s): %d people in 2023\n", unit, strings.Join(parts, ", "), sum)
	}
	// Output:
	// Huế (Thừa Thiên Huế): 1166547 people in 2023
	// Khánh Hòa (Khánh Hòa, Ninh Thuận): 1861840 people in 2023
	// Cần Thơ (Cần Thơ, Hậu Giang, Sóc Trăng): 3185968 people in 2023
}
