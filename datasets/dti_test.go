package datasets

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
)

// dtiRowOf returns the row of vn-dti whose province is written name.
func dtiRowOf(t *testing.T, f *frame.Frame, name string) frame.Row {
	t.Helper()
	for i := range f.NumRows() {
		if r := f.Row(i); r.String("province") == name {
			return r
		}
	}
	t.Fatalf("vn-dti: no row %q", name)
	return frame.Row{}
}

func TestDTIShape(t *testing.T) {
	f := MustLoad("vn-dti")
	defer f.Release()
	want := "code,province,rank,awareness,institutions,infrastructure,human_resources,cybersecurity," +
		"government_activity,economy_activity,society_activity,pdti,source,source_page,quote,score_source,score_page,score_quote,source_line"
	if got := strings.Join(f.Names(), ","); got != want {
		t.Errorf("columns %s", got)
	}
	if f.NumRows() != 63 {
		t.Fatalf("%d rows, want 63", f.NumRows())
	}
	codes, ranks := map[string]bool{}, map[int64]int{}
	full, scored := 0, 0
	for i := range f.NumRows() {
		r := f.Row(i)
		codes[r.String("code")] = true
		rank, ok := r.Int64OK("rank")
		if !ok {
			t.Errorf("%s: no rank", r.String("province"))
		}
		ranks[rank]++
		if !r.IsNull("awareness") {
			full++
		}
		if !r.IsNull("pdti") {
			scored++
		}
	}
	if len(codes) != 63 {
		t.Errorf("%d distinct codes", len(codes))
	}
	// the published ranks: 1–63 once each, but 15 twice and no 16
	for k := int64(1); k <= 63; k++ {
		want := 1
		switch k {
		case 15:
			want = 2
		case 16:
			want = 0
		}
		if ranks[k] != want {
			t.Errorf("rank %d held by %d provinces, want %d", k, ranks[k], want)
		}
	}
	if full != 5 || scored != 6 {
		t.Errorf("%d rows with sub-indices and %d with a PDTI, want 5 and 6", full, scored)
	}
}

// TestDTIFiguresByHand: figures read by hand from dti.gov.vn/xep-hang-2022
// (the XẾP HẠNG DTI list and the first rows of Xếp hạng chi tiết) and, for
// Trà Vinh's PDTI, from travinh.gov.vn ("Trà Vinh đạt 0,6077 điểm").
func TestDTIFiguresByHand(t *testing.T) {
	f := MustLoad("vn-dti")
	defer f.Release()
	for _, tc := range []struct {
		province, column string
		want             float64
	}{
		{"TP. Đà Nẵng", "awareness", 1.0000},
		{"TP. Đà Nẵng", "pdti", 0.8002},
		{"TP. Hồ Chí Minh", "cybersecurity", 0.5580},
		{"TP. Hồ Chí Minh", "society_activity", 0.3590},
		{"Quảng Ninh", "awareness", 0.9581},
		{"Quảng Ninh", "economy_activity", 0.5904},
		{"Thừa Thiên - Huế", "human_resources", 0.6794},
		{"Thừa Thiên - Huế", "pdti", 0.6975},
		{"TP. Cần Thơ", "institutions", 0.8000},
		{"TP. Cần Thơ", "government_activity", 0.7325},
		{"TP. Cần Thơ", "infrastructure", 0.7233},
		{"Trà Vinh", "pdti", 0.6077},
		{"Thừa Thiên - Huế", "rank", 4},
		{"Thanh Hóa", "rank", 15},
		{"Yên Bái", "rank", 15},
		{"Hậu Giang", "rank", 17},
		{"TP. Hà Nội", "rank", 24},
		{"Sóc Trăng", "rank", 36},
		{"Bắc Kạn", "rank", 63},
	} {
		r := dtiRowOf(t, f, tc.province)
		if got := r.Float64(tc.column); got != tc.want {
			t.Errorf("%s %s = %v, want %v", tc.province, tc.column, got, tc.want)
		}
	}
	if got := dtiRowOf(t, f, "Sóc Trăng").String("code"); got != "94" {
		t.Errorf("Sóc Trăng code %s, want 94", got)
	}
	// no figure is invented: a province past the fifth row has no sub-index
	if r := dtiRowOf(t, f, "Lạng Sơn"); !r.IsNull("awareness") || !r.IsNull("pdti") {
		t.Error("Lạng Sơn has figures the stored page does not show")
	}
}

// TestDTIQuotes reads every row back from its quotes, independently of the
// builder: the rank quote is "<rank> <province>" as the list writes it; a
// quote of the detailed table is "<rank> <province> <9 figures>"; another
// page's quote holds the PDTI in the Vietnamese form (0,6077).
func TestDTIQuotes(t *testing.T) {
	f := MustLoad("vn-dti")
	defer f.Release()
	cols := append(append([]string{}, DTISubIndices...), "pdti")
	for i := range f.NumRows() {
		r := f.Row(i)
		name := r.String("province")
		if want := strconv.FormatInt(r.Int64("rank"), 10) + " " + name; r.String("quote") != want {
			t.Errorf("%s: quote %q, want %q", name, r.String("quote"), want)
		}
		if r.String("source") == "" || r.String("source_page") != dtiPage {
			t.Errorf("%s: rank source %q, page %q", name, r.String("source"), r.String("source_page"))
		}
		for _, c := range []string{"source_page", "score_page"} {
			if strings.Contains(r.String(c), "://") {
				t.Errorf("%s: %s with a scheme", name, c)
			}
		}
		line, err := Line(dtiSource, int(r.Int64("source_line")))
		if err != nil || !strings.HasPrefix(line, r.String("code")+","+name+",") {
			t.Errorf("%s: line %d is %q (%v)", name, r.Int64("source_line"), line, err)
		}
		if r.IsNull("pdti") {
			if r.String("score_quote") != "" {
				t.Errorf("%s: a score quote without a score", name)
			}
			continue
		}
		q := r.String("score_quote")
		if r.String("score_page") == dtiPage {
			prefix := strconv.FormatInt(r.Int64("rank"), 10) + " " + name + " "
			if !strings.HasPrefix(q, prefix) {
				t.Errorf("%s: score quote %q", name, q)
				continue
			}
			figs := strings.Fields(strings.TrimPrefix(q, prefix))
			if len(figs) != len(cols) {
				t.Fatalf("%s: %d figures in the quote", name, len(figs))
			}
			for j, c := range cols {
				if got := strconv.FormatFloat(r.Float64(c), 'f', 4, 64); got != figs[j] {
					t.Errorf("%s %s = %s, the quote says %s", name, c, got, figs[j])
				}
			}
			continue
		}
		vi := strings.Replace(strconv.FormatFloat(r.Float64("pdti"), 'f', 4, 64), ".", ",", 1)
		if !strings.Contains(q, vi) || !strings.Contains(q, r.String("province")) {
			t.Errorf("%s: score quote %q lacks %s", name, q, vi)
		}
	}
}

// TestDTIFormulaByHand: Đà Nẵng's PDTI worked by hand from its published
// sub-indices: (100 × (1 + 0,9 + 0,8253 + 0,8487 + 0,7578) + 200 × 0,8575
// + 150 × 0,7836 + 150 × 0,5197) / 1000 = (433,18 + 171,5 + 117,54 +
// 77,955) / 1000 = 0,800175, published 0,8002.
func TestDTIFormulaByHand(t *testing.T) {
	got := DTIFormula([]float64{1, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197})
	if math.Abs(got-0.800175) > 1e-12 {
		t.Errorf("DTIFormula = %v, want 0.800175", got)
	}
	// TP. Hồ Chí Minh is the furthest from its published 0,7163: 0,716355,
	// 0,000055 away, beyond half a unit of the 4th decimal but within the
	// rounding of the sub-indices
	hcm := DTIFormula([]float64{0.8917, 0.9, 0.8258, 0.6267, 0.5580, 0.8406, 0.7611, 0.3590})
	if math.Abs(hcm-0.716355) > 1e-12 {
		t.Errorf("DTIFormula(HCM) = %v, want 0.716355", hcm)
	}
	if tol := DTIFormulaTolerance(); math.Abs(tol-0.0001) > 1e-15 {
		t.Errorf("tolerance %v, want 0.0001", tol)
	}
	defer func() {
		if recover() == nil {
			t.Error("DTIFormula of 7 sub-indices: no panic")
		}
	}()
	DTIFormula(make([]float64, 7))
}

// TestDTIYears: the statements load, every one cited, every derivation's
// operands on the page quoted, and Sóc Trăng's ranks as read by hand.
func TestDTIYears(t *testing.T) {
	f := MustLoad("vn-dti-years")
	defer f.Release()
	if f.NumRows() != dtiYearsRows {
		t.Fatalf("%d rows", f.NumRows())
	}
	soc := map[int64][]int64{}
	years := map[int64]int{}
	for i := range f.NumRows() {
		r := f.Row(i)
		name, q := r.String("province"), r.String("quote")
		years[r.Int64("year")]++
		if r.String("source") == "" || r.String("source_page") == "" || q == "" || strings.Contains(r.String("source_page"), "://") {
			t.Errorf("line %d: %s not cited", r.Int64("source_line"), name)
		}
		// a stated rank or score is in the quote (as the page writes it);
		// a derived one has its operands there
		for _, c := range []struct{ col, der string }{{"rank", "rank_derivation"}, {"pdti", "pdti_derivation"}} {
			if r.IsNull(c.col) {
				continue
			}
			var figs []string
			if d := r.String(c.der); d != "" {
				fs := strings.Fields(d)
				figs = []string{fs[0], fs[2]}
			} else if c.col == "rank" {
				figs = []string{strconv.FormatInt(r.Int64("rank"), 10)}
			} else {
				figs = []string{strconv.FormatFloat(r.Float64("pdti"), 'f', 4, 64)}
			}
			for _, fig := range figs {
				if !dtiFigureIn(q, fig) && !(c.col == "rank" && dtiOrdinalIn(q, fig)) && !strings.Contains(q, "lần lượt") {
					t.Errorf("line %d: %s %s: %s not in %q", r.Int64("source_line"), name, c.col, fig, q)
				}
			}
		}
		if r.String("code") == "94" {
			soc[r.Int64("year")] = append(soc[r.Int64("year")], r.Int64("rank"))
		}
	}
	for y, want := range map[int64]int64{2020: 57, 2021: 56, 2022: 36} {
		if len(soc[y]) == 0 {
			t.Errorf("Sóc Trăng %d: no statement", y)
		}
		for _, got := range soc[y] {
			if got != want {
				t.Errorf("Sóc Trăng %d: rank %d, want %d", y, got, want)
			}
		}
	}
	for y := int64(2020); y <= 2024; y++ {
		if years[y] == 0 {
			t.Errorf("no statement of %d", y)
		}
	}
	// figures read by hand
	for _, tc := range []struct {
		year, outOf int64
		province    string
		rank        int64
		pdti        float64
	}{
		{2020, 63, "Da Nang", 1, 0.4874},
		{2021, 63, "Ninh Bình", 6, 0.5064},
		{2023, 63, "Đà Nẵng", 1, 0.8340},
		{2024, 34, "TP Hà Nội", 1, 0.8241},
		{2024, 34, "Khanh Hoa", 16, 0.7071},
		{2024, 63, "Quang Nam", 57, 0.5803},
	} {
		found := false
		for i := range f.NumRows() {
			r := f.Row(i)
			if r.Int64("year") == tc.year && r.Int64("out_of") == tc.outOf && r.String("province") == tc.province && !r.IsNull("pdti") {
				found = true
				if r.Int64("rank") != tc.rank || r.Float64("pdti") != tc.pdti {
					t.Errorf("%s %d: rank %d, %v; want %d, %v", tc.province, tc.year, r.Int64("rank"), r.Float64("pdti"), tc.rank, tc.pdti)
				}
			}
		}
		if !found {
			t.Errorf("%s %d: no row", tc.province, tc.year)
		}
	}
}

// dtiFigureIn tells whether q writes the figure fig (plain, 0.6077) as a
// number of its own, with a point or the Vietnamese comma (0,6077).
func dtiFigureIn(q, fig string) bool {
	for _, f := range []string{fig, strings.Replace(fig, ".", ",", 1)} {
		re := regexp.MustCompile(`(^|[^0-9.,])` + regexp.QuoteMeta(f) + `([^0-9]|$)`)
		if re.MatchString(q) {
			return true
		}
	}
	return false
}

// dtiOrdinalIn tells whether a page writes rank n in words ("nhất",
// "đứng đầu", "thứ hai", "the first", "third") or as an English ordinal
// ("15th"). A list the page gives in order ("lần lượt là A và B") places
// its names after the rank stated before it: the caller accepts those.
func dtiOrdinalIn(q, n string) bool {
	words := map[string][]string{"1": {"nhất", "đầu", "first"}, "2": {"thứ hai", "second", "2nd"}, "3": {"third", "3rd"}}
	for _, w := range words[n] {
		if strings.Contains(q, w) {
			return true
		}
	}
	return regexp.MustCompile(`(^|[^0-9])` + n + `th`).MatchString(q)
}

// TestDTINames: the spellings of the DTI pages match their provinces
// through vntext.PlaceKey, and a wrong code is refused.
func TestDTINames(t *testing.T) {
	byCode, units, err := dtiNames()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		code, name string
		ok         bool
	}{
		{"46", "Thừa Thiên - Huế", true},
		{"46", "TP.Huế", true},
		{"48", "Da Nang", true},
		{"79", "TP.HCM", true},
		{"77", "Bà Rịa - Vũng Tàu", true},
		{"38", "Thanh Hoa", true},
		{"49", "Da Nang", false},
		{"99", "Sóc Trăng", false},
	} {
		if err := matchProvince(byCode, tc.code, tc.name); (err == nil) != tc.ok {
			t.Errorf("matchProvince(%s, %q) = %v, want ok %v", tc.code, tc.name, err, tc.ok)
		}
	}
	if len(units) != 34 {
		t.Errorf("%d units of 2025, want 34", len(units))
	}
	for _, tc := range []struct {
		expr string
		want float64
		ok   bool
	}{
		{"36 + 20", 56, true},
		{"0.6077 - 0.1783", 0.4294, true},
		{"36 + 20", 57, false},
		{"36 × 2", 72, false},
	} {
		if err := checkDerivation(tc.expr, tc.want); (err == nil) != tc.ok {
			t.Errorf("checkDerivation(%q, %v) = %v", tc.expr, tc.want, err)
		}
	}
}
