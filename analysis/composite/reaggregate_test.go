package composite

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/frame"
)

func TestMatchKey(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		m    Matching
		same bool
	}{
		{"old and new tone placement", "Khánh Hòa", "Khánh Hoà", MatchTones, true},
		{"prefix tỉnh", "Tỉnh Khánh Hòa", "khánh hoà", MatchTones, true},
		{"uy", "Thủy Nguyên", "Thuỷ Nguyên", MatchTones, true},
		{"oe", "Khỏe", "Khoẻ", MatchTones, true},
		{"decomposed input", norm.NFD.String("Khánh Hòa"), "Khánh Hoà", MatchTones, true},
		{"Huế renamed", "Thừa Thiên Huế", "Huế", MatchTones, true},
		{"Huế renamed, city prefix", "Tỉnh Thừa Thiên Huế", "Thành phố Huế", MatchTones, true},
		{"city prefixes", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", MatchTones, true},
		{"hyphen spacing and dash", "Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu", MatchTones, true},
		{"diacritics count", "Hà Nam", "Hà Năm", MatchTones, false},
		{"no folding in tones mode", "Khanh Hoa", "Khánh Hòa", MatchTones, false},
		{"folded", "Khanh Hoa", "Khánh Hòa", MatchFolded, true},
		{"folded đ", "Dak Lak", "Đắk Lắk", MatchFolded, true},
		{"folded Huế", "Thua Thien Hue", "Huế", MatchFolded, true},
		{"exact spacing", "  Khánh   Hòa ", "Khánh Hòa", MatchExact, true},
		{"exact tones", "Khánh Hòa", "Khánh Hoà", MatchExact, false},
		{"exact decomposed", norm.NFD.String("Cần Thơ"), "Cần Thơ", MatchExact, true},
		{"exact no alias", "Thừa Thiên Huế", "Huế", MatchExact, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ka, kb := MatchKey(tc.a, tc.m), MatchKey(tc.b, tc.m)
			if (ka == kb) != tc.same {
				t.Errorf("MatchKey(%q) = %q, MatchKey(%q) = %q, same = %v, want %v", tc.a, ka, tc.b, kb, ka == kb, tc.same)
			}
		})
	}
	for in, want := range map[string]string{
		"Tỉnh Khánh Hòa": "khánh hoà", // the tone moves to the a
		"Hoàng Mai":      "hoàng mai", // closed syllable: already on the a
		"Thừa Thiên Huế": "huế",
		"Quảng Ngãi":     "quảng ngãi",
	} {
		if got := MatchKey(in, MatchTones); got != want {
			t.Errorf("MatchKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// crosswalk is a hand-made excerpt of the 2025 reorganisation
// (Resolution 202/2025/QH15): Cần Thơ = Cần Thơ + Sóc Trăng + Hậu Giang;
// Khánh Hòa = Khánh Hòa + Ninh Thuận; Huế unchanged (the crosswalk writes
// its pre-2025 name).
func crosswalk(t *testing.T, mem memory.Allocator) *frame.Frame {
	t.Helper()
	f, err := frame.FromColumns(map[string]string{frame.MetaDataset: "test-crosswalk"}, []frame.FieldSpec{
		{Name: "old_province", Kind: frame.String},
		{Name: "new_province", Kind: frame.String},
		{Name: "new_kind", Kind: frame.String},
	}, []any{
		[]string{"Thừa Thiên Huế", "Khánh Hòa", "Ninh Thuận", "Cần Thơ", "Sóc Trăng", "Hậu Giang"},
		[]string{"Huế", "Khánh Hòa", "Khánh Hòa", "Cần Thơ", "Cần Thơ", "Cần Thơ"},
		[]string{"city", "province", "province", "city", "city", "city"},
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// oldProvinces: invented figures (not the real ones) chosen to make the
// sums easy to check by hand.
func oldProvinces(t *testing.T, mem memory.Allocator, names []string, staff []any) *frame.Frame {
	t.Helper()
	n := len(names)
	f, err := frame.FromColumns(map[string]string{frame.MetaDataset: "test-provinces"}, []frame.FieldSpec{
		{Name: "province", Kind: frame.String},
		{Name: "population", Kind: frame.Int64, Unit: "people", LabelVI: "Dân số"},
		{Name: "spent_mvnd", Kind: frame.Float64, Unit: "million_vnd"},
		{Name: "staff", Kind: frame.Int64, Unit: "people"},
		{Name: "computers", Kind: frame.Int64, Unit: "count"},
		{Name: "source_line", Kind: frame.Int64},
	}, []any{
		names,
		[]int64{1000, 200, 300, 400, 500, 600}[:n],
		[]float64{10, 1.5, 2.5, 3, 4, 5}[:n],
		staff,
		[]int64{50, 10, 30, 20, 40, 60}[:n],
		[]int64{101, 102, 103, 104, 105, 106}[:n],
	}, frame.WithAllocator(mem))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var oldNames = []string{"Tỉnh Sóc Trăng", "Khánh Hoà", "Ninh Thuận", "Cần Thơ", "Hậu Giang", "Huế"}

func TestReaggregate(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cw := crosswalk(t, mem)
	defer cw.Release()
	f := oldProvinces(t, mem, oldNames, []any{int64(100), int64(20), int64(60), int64(40), int64(80), int64(120)})
	defer f.Release()
	g, err := Reaggregate(f, cw, Reaggregation{
		Sums:   []string{"population", "spent_mvnd", "staff"},
		Ratios: []RatioSpec{{As: "computers_per_staff", Numerator: "computers", Denominator: "staff", LabelVI: "Số máy tính bình quân một cán bộ"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	// Rows in the crosswalk's order of new units: Huế, Khánh Hòa, Cần Thơ.
	if got := strings.Join(g.Col("new_province").Strings(), "|"); got != "Huế|Khánh Hòa|Cần Thơ" {
		t.Fatalf("new units %s", got)
	}
	// Huế: Huế alone (row 6): population 600, spent 5, staff 120, 60/120 = 0.5
	// Khánh Hòa: Khánh Hoà + Ninh Thuận (rows 2, 3): 200+300 = 500; 1.5+2.5 = 4;
	//   staff 20+60 = 80; computers 10+30 = 40; 40/80 = 0.5
	// Cần Thơ: Sóc Trăng + Cần Thơ + Hậu Giang (rows 1, 4, 5): 1000+400+500 = 1900;
	//   10+3+4 = 17; staff 100+40+80 = 220; computers 50+20+40 = 110; 110/220 = 0.5
	if got := g.Col("population").Int64s(); !equalInts(got, []int64{600, 500, 1900}) {
		t.Errorf("population %v", got)
	}
	if g.Col("population").Kind() != frame.Int64 || g.Col("population").LabelVI() != "Dân số" {
		t.Errorf("population spec %+v", g.Col("population").Spec())
	}
	wantFloats(t, "spent", g.Col("spent_mvnd").Float64s(), []float64{5, 4, 17})
	wantFloats(t, "ratio", g.Col("computers_per_staff").Float64s(), []float64{0.5, 0.5, 0.5})
	if got := g.Col("old_provinces").Int64s(); !equalInts(got, []int64{1, 2, 3}) {
		t.Errorf("old_provinces %v", got)
	}
	if got := g.Col("complete").Bools(); !(got[0] && got[1] && got[2]) {
		t.Errorf("complete %v", got)
	}
	if got := g.Col("old_province_names").Strings()[2]; got != "Tỉnh Sóc Trăng; Cần Thơ; Hậu Giang" {
		t.Errorf("names %q", got)
	}
	if got := g.Col("source_lines").Strings(); strings.Join(got, "|") != "106|102;103|101;104;105" {
		t.Errorf("source_lines %v", got)
	}
	if got := g.Col("new_kind").Strings(); got[1] != "province" {
		t.Errorf("new_kind %v", got)
	}
	if g.Meta(frame.MetaDerivedFrom) != "test-provinces" || !strings.Contains(g.Meta(frame.MetaMethod), "test-crosswalk") {
		t.Errorf("metadata %v", g.Metadata())
	}
}

// The ratio of the sums is not the mean of the ratios: Khánh Hòa with
// computers 50 and 10 (the first two of oldProvinces) over staff 20 and 30
// is 60/50 = 1.2, while the mean of 50/20 = 2.5 and 10/30 = 0.333 would be
// 1.417.
func TestReaggregateRatioOfSums(t *testing.T) {
	cw := crosswalk(t, nil)
	defer cw.Release()
	f := oldProvinces(t, nil, oldNames[1:3], []any{int64(20), int64(30)})
	defer f.Release()
	g, err := Reaggregate(f, cw, Reaggregation{Ratios: []RatioSpec{{As: "cps", Numerator: "computers", Denominator: "staff"}}})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	wantFloats(t, "cps", g.Col("cps").Float64s(), []float64{1.2})
}

func TestReaggregateIncompleteAndNull(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cw := crosswalk(t, mem)
	defer cw.Release()
	// Sóc Trăng, Khánh Hoà, Ninh Thuận: Cần Thơ lacks two of its three parts;
	// Ninh Thuận's staff is unknown.
	f := oldProvinces(t, mem, oldNames[:3], []any{int64(100), int64(20), nil})
	defer f.Release()
	g, err := Reaggregate(f, cw, Reaggregation{
		Sums:   []string{"population", "staff"},
		Ratios: []RatioSpec{{As: "cps", Numerator: "computers", Denominator: "staff"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	// Rows: Khánh Hòa (crosswalk unit 2), Cần Thơ (unit 3).
	if got := strings.Join(g.Col("new_province").Strings(), "|"); got != "Khánh Hòa|Cần Thơ" {
		t.Fatalf("units %s", got)
	}
	// complete counts values: Khánh Hòa has both parts but Ninh Thuận's
	// staff is unknown, so 1 of 2 parts has every value; Cần Thơ 1 of 3.
	if got := g.Col("complete").Bools(); got[0] || got[1] {
		t.Errorf("complete %v: Khánh Hòa lacks Ninh Thuận's staff, Cần Thơ has 1 of 3 parts", got)
	}
	if got := g.Col("old_provinces").Int64s(); !equalInts(got, []int64{1, 1}) {
		t.Errorf("old provinces with values %v, want 1, 1", got)
	}
	if got := g.Col("old_provinces_expected").Int64s(); !equalInts(got, []int64{2, 3}) {
		t.Errorf("expected %v", got)
	}
	st := g.Col("staff")
	if !st.IsNull(0) || st.IsNull(1) || st.Int64s()[1] != 100 {
		t.Errorf("staff: Khánh Hòa should be null (Ninh Thuận unknown), Cần Thơ 100: %v %v", st.Int64s(), st.Valid())
	}
	wantFloats(t, "cps", g.Col("cps").Float64s(), []float64{math.NaN(), 0.5})
}

// TestReaggregateMeans: a plain and a population-weighted mean over the
// old provinces of a new unit.
func TestReaggregateMeans(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cw := crosswalk(t, mem)
	defer cw.Release()
	f := oldProvinces(t, mem, oldNames[:3], []any{int64(100), int64(20), int64(30)})
	defer f.Release()
	g, err := Reaggregate(f, cw, Reaggregation{Means: []MeanSpec{
		{Column: "computers", As: "computers_mean"},
		{Column: "computers", Weight: "population", As: "computers_weighted"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	pop, comp := f.Col("population").Float64s(), f.Col("computers").Float64s()
	// Khánh Hòa = Khánh Hoà (row 1) + Ninh Thuận (row 2); Cần Thơ = Sóc Trăng (row 0).
	wantFloats(t, "computers_mean", g.Col("computers_mean").Float64s(), []float64{(comp[1] + comp[2]) / 2, comp[0]})
	wantFloats(t, "computers_weighted", g.Col("computers_weighted").Float64s(),
		[]float64{(pop[1]*comp[1] + pop[2]*comp[2]) / (pop[1] + pop[2]), comp[0]})
}

func TestReaggregateUnmatched(t *testing.T) {
	cw := crosswalk(t, nil)
	defer cw.Release()
	f := oldProvinces(t, nil, []string{"Hà Tây", "Khanh Hoa", "Hà Tây"}, []any{int64(1), int64(2), int64(3)})
	defer f.Release()
	_, err := Reaggregate(f, cw, Reaggregation{Sums: []string{"population"}})
	var ue *UnmatchedError
	if !errors.As(err, &ue) || !errors.Is(err, ErrUnmatched) {
		t.Fatalf("err = %v", err)
	}
	if strings.Join(ue.Names, "|") != "Hà Tây|Khanh Hoa" || ue.Rows[1] != 2 {
		t.Errorf("unmatched %v rows %v", ue.Names, ue.Rows)
	}
	// Folded matching finds Khanh Hoa; Hà Tây (merged into Hà Nội in 2008) stays unknown.
	_, err = Reaggregate(f, cw, Reaggregation{Sums: []string{"population"}, Matching: MatchFolded})
	if !errors.As(err, &ue) || strings.Join(ue.Names, "|") != "Hà Tây" {
		t.Errorf("folded: %v", err)
	}
}

func TestReaggregateBy(t *testing.T) {
	cw := crosswalk(t, nil)
	defer cw.Release()
	f, err := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "province", Kind: frame.String}, {Name: "year", Kind: frame.Int64}, {Name: "spent_mvnd", Kind: frame.Float64},
	}, [][]any{
		{"Khánh Hòa", 2023, 1.0}, {"Ninh Thuận", 2023, 2.0}, {"Khánh Hòa", 2024, 4.0}, {"Ninh Thuận", 2024, 8.0}, {"Huế", 2024, 16.0},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	g, err := Reaggregate(f, cw, Reaggregation{By: []string{"year"}, Sums: []string{"spent_mvnd"}})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	// Huế 2024: 16; Khánh Hòa 2023: 1+2 = 3; Khánh Hòa 2024: 4+8 = 12.
	if got := strings.Join(g.Col("new_province").Strings(), "|") + " " + strings.Join(g.Col("year").Strings(), "|"); got != "Huế|Khánh Hòa|Khánh Hòa 2024|2023|2024" {
		t.Errorf("rows %s", got)
	}
	wantFloats(t, "spent", g.Col("spent_mvnd").Float64s(), []float64{16, 3, 12})
}

func TestCrosswalkErrors(t *testing.T) {
	f := oldProvinces(t, nil, oldNames[1:2], []any{int64(1)})
	defer f.Release()
	cases := []struct {
		name     string
		old, new []any
		text     string
	}{
		{"one old to two new", []any{"Khánh Hòa", "Khánh Hoà"}, []any{"Khánh Hòa", "Lâm Đồng"}, "maps"},
		{"missing new", []any{"Khánh Hòa"}, []any{nil}, "row 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cw, err := frame.FromColumns(nil, []frame.FieldSpec{
				{Name: "old_province", Kind: frame.String}, {Name: "new_province", Kind: frame.String},
			}, []any{tc.old, tc.new})
			if err != nil {
				t.Fatal(err)
			}
			defer cw.Release()
			if _, err := Reaggregate(f, cw, Reaggregation{}); err == nil || !strings.Contains(err.Error(), tc.text) {
				t.Errorf("err = %v, want %q", err, tc.text)
			}
		})
	}
	bad, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "old", Kind: frame.String}}, [][]any{{"x"}})
	defer bad.Release()
	if _, err := Reaggregate(f, bad, Reaggregation{}); err == nil {
		t.Error("crosswalk without old_province accepted")
	}
	if _, err := Reaggregate(f, f, Reaggregation{Key: "nope"}); err == nil {
		t.Error("unknown key accepted")
	}
}
