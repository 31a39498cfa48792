package ratios_test

import (
	"math"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
)

// near compares with a tolerance for float rounding of the hand-computed
// quotients written in the tests.
func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// rowOf returns the index of the row whose unit is name (and measure m,
// when given).
func rowOf(t *testing.T, f *frame.Frame, name, m string) int {
	t.Helper()
	units := f.Col("unit").Strings()
	var ms []string
	if m != "" {
		ms = f.Col("measure").Strings()
	}
	for i, u := range units {
		if u == name && (m == "" || ms[i] == m) {
			return i
		}
	}
	t.Fatalf("no row %q %q", name, m)
	return -1
}

func TestByUnitProvincial(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	r, err := ratios.ByUnit(f, ratios.ComputerSpecs()...)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	if got, want := r.NumRows(), 27*3; got != want {
		t.Fatalf("rows = %d, want %d", got, want)
	}
	if got, want := strings.Join(r.Names(), ","), "code,unit,measure,numerator,denominator,ratio,rank,source_line"; got != want {
		t.Errorf("columns %s, want %s", got, want)
	}
	ratio := r.Col("ratio").Float64s()
	rank := r.Col("rank")
	tests := []struct {
		unit, measure string
		num, den      float64
		ratio         float64 // hand-computed, 6 decimals
		rank          int64   // 0 = null
		line          int64
	}{
		// Tỉnh ủy: 142/159: 159 × 0.893 = 141.987, 0.013/159 = 0.0000818 → 0.893082
		{"Tỉnh ủy", "computers_per_staff", 142, 159, 0.893082, 11, 1401},
		// Sở Tư pháp: 44/36 = 1.222222, the highest (next: 35/32 = 1.09375)
		{"Sở Tư pháp", "computers_per_staff", 44, 36, 1.222222, 1, 1491},
		// Sở Nội vụ 42/48 = 0.875 and Thanh tra tỉnh 28/32 = 0.875 tie: ranks
		// 1–12 are 44/36, 35/32, 46/45, 77/76, 44/44, 43/46, 35/38, 46/50,
		// 50/55, 26/29, 142/159, 51/58 (0.87931), so both are 13 …
		{"Sở Nội vụ", "computers_per_staff", 42, 48, 0.875, 13, 1473},
		{"Thanh tra tỉnh", "computers_per_staff", 28, 32, 0.875, 13, 1743},
		// … and the next, Hội Liên hiệp Phụ nữ 21/27 = 0.777778, is 15.
		{"Hội Liên hiệp Phụ nữ", "computers_per_staff", 21, 27, 0.777778, 15, 1833},
		// Hội Cựu Chiến binh 4/16 = 0.25, the lowest of 26 ranked.
		{"Hội Cựu Chiến binh", "computers_per_staff", 4, 16, 0.25, 26, 1869},
		// 0 staff: no ratio, no rank.
		{"Văn phòng Đoàn Đại biểu Quốc hội", "computers_per_staff", 0, 0, math.NaN(), 0, 1437},
		// LAN: Tỉnh ủy 87/142 = 0.612676; Sở Y tế 0/35 = 0.
		{"Tỉnh ủy", "lan_share", 87, 142, 0.612676, 0, 1401},
		{"Sở Y tế", "lan_share", 0, 35, 0, 0, 1725},
		// Internet: Tỉnh ủy 16/142 = 0.112676; Sở Tài chính 43/46 = 0.934783.
		{"Tỉnh ủy", "internet_share", 16, 142, 0.112676, 0, 1401},
		{"Sở Tài chính", "internet_share", 43, 46, 0.934783, 0, 1527},
	}
	for _, tc := range tests {
		t.Run(tc.unit+"/"+tc.measure, func(t *testing.T) {
			i := rowOf(t, r, tc.unit, tc.measure)
			row := r.Row(i)
			if row.Float64("numerator") != tc.num || row.Float64("denominator") != tc.den {
				t.Errorf("parts %v/%v, want %v/%v", row.Float64("numerator"), row.Float64("denominator"), tc.num, tc.den)
			}
			if math.IsNaN(tc.ratio) != math.IsNaN(ratio[i]) || !math.IsNaN(tc.ratio) && !near(ratio[i], tc.ratio, 5e-7) {
				t.Errorf("ratio %v, want %v", ratio[i], tc.ratio)
			}
			if tc.rank != 0 && (rank.IsNull(i) || rank.Int64s()[i] != tc.rank) {
				t.Errorf("rank %v, want %d", rank.Value(i), tc.rank)
			}
			if math.IsNaN(tc.ratio) && !rank.IsNull(i) {
				t.Errorf("rank %v, want null", rank.Value(i))
			}
			if got := row.Int64("source_line"); got != tc.line {
				t.Errorf("source_line %d, want %d", got, tc.line)
			}
		})
	}
	if got := r.Col("ratio").LabelVI(); got != "Tỷ lệ" {
		t.Errorf("ratio label with three specs = %q", got)
	}
	if r.Meta(frame.MetaDerivedFrom) != "soctrang-2010-computers-provincial" || r.Meta(frame.MetaSourceFile) == "" {
		t.Errorf("provenance lost: %v", r.Metadata())
	}
}

func TestByUnitLabels(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	r, err := ratios.ByUnit(f, ratios.ComputersPerStaff())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	want := map[string][2]string{
		"numerator":   {"Số lượng máy vi tính đang sử dụng", "count"},
		"denominator": {"Tổng số cán bộ, công chức đang làm việc", "people"},
		"ratio":       {"Tỷ lệ máy tính/cán bộ, công chức", "ratio"},
	}
	for col, w := range want {
		c := r.Col(col)
		if c.LabelVI() != w[0] || c.Unit() != w[1] {
			t.Errorf("%s: label %q unit %q, want %q %q", col, c.LabelVI(), c.Unit(), w[0], w[1])
		}
	}
}

func TestITStaff(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-it-staff")
	r, err := ratios.ByUnit(f, ratios.StaffSpecs()...)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	tests := []struct {
		unit, measure string
		ratio         float64
		rank          int64 // 0 = null
	}{
		// Trung tâm CNTT-TT: (5 + 1 + 1)/15 = 0.466667, the highest share.
		{"Trung tâm Công nghệ thông tin và Truyền thông", "it_qualified_share", 7.0 / 15, 1},
		// Sở TT-TT: (4 + 0 + 0)/24 = 0.166667, second.
		{"Sở Thông tin và Truyền thông tỉnh Sóc Trăng", "it_qualified_share", 4.0 / 24, 2},
		// Sở Y tế: staff_total empty → null.
		{"Sở Y tế tỉnh Sóc Trăng", "it_qualified_share", math.NaN(), 0},
		// Vĩnh Châu: every count empty → null.
		{"Văn phòng HĐND & UBND huyện Vĩnh Châu", "it_qualified_share", math.NaN(), 0},
		// Sở Lao động: email_users empty → null, though staff is 48.
		{"Sở Lao động - Thương binh & Xã hội tỉnh Sóc Trăng", "email_share", math.NaN(), 0},
		// Sở Công thương: 25/33 = 0.757576.
		{"Sở Công thương tỉnh Sóc Trăng", "email_share", 25.0 / 33, 0},
	}
	for _, tc := range tests {
		i := rowOf(t, r, tc.unit, tc.measure)
		got := r.Col("ratio").Float64s()[i]
		if math.IsNaN(tc.ratio) != math.IsNaN(got) || !math.IsNaN(got) && !near(got, tc.ratio, 1e-12) {
			t.Errorf("%s %s: ratio %v, want %v", tc.unit, tc.measure, got, tc.ratio)
		}
		if tc.rank != 0 && r.Col("rank").Int64s()[i] != tc.rank {
			t.Errorf("%s: rank %v, want %d", tc.unit, r.Col("rank").Value(i), tc.rank)
		}
	}
}

func TestAggregateLevels(t *testing.T) {
	all, err := ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{
		datasets.MustLoad("soctrang-2010-computers-provincial"),
		datasets.MustLoad("soctrang-2010-computers-district"),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer all.Release()
	if all.NumRows() != 49 || all.Names()[0] != "level" {
		t.Fatalf("ConcatLevels: %d rows, columns %v", all.NumRows(), all.Names())
	}
	a, err := ratios.Aggregate(all, "level", ratios.ComputersPerStaff())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	// Provincial staff: 159+32+0+82+48+36+50+45+80+58+58+44+55+29+49+46+46+76
	//   +38+32+20+23+28+20+27+18+16 = 1215 (the table's total row says 1215);
	// computers: 142+35+0+57+42+44+46+46+47+42+51+44+50+26+34+43+32+77+35+28
	//   +9+15+12+13+21+6+4 = 1001 (total row: 1001); 1001/1215 = 0.823868
	//   (total row: 0.82387).
	// District staff: 303+263+73+48+112+114+82+139+107+234+53+9+10+73+78+3+38
	//   +68+61+56+56+183 = 2163; computers: 228+185+45+28+84+78+62+49+97+48+39
	//   +8+8+59+61+2+28+53+27+26+21+109 = 1345; 1345/2163 = 0.621822.
	want := []struct {
		level    string
		num, den float64
		ratio    float64
		units    int64
		first    string
	}{
		{"province", 1001, 1215, 0.823868, 27, "1401,1419,1437,"},
		{"district", 1345, 2163, 0.621822, 22, "1948,1966,"},
	}
	if a.NumRows() != len(want) {
		t.Fatalf("rows %d", a.NumRows())
	}
	for i, w := range want {
		r := a.Row(i)
		if r.String("level") != w.level || r.Float64("numerator") != w.num || r.Float64("denominator") != w.den ||
			!near(r.Float64("ratio"), w.ratio, 5e-7) || r.Int64("units") != w.units || r.Int64("units_excluded") != 0 ||
			!strings.HasPrefix(r.String("source_lines"), w.first) || r.String("excluded_lines") != "" {
			t.Errorf("row %d: %v %v/%v = %v units %d excl %d lines %q; want %+v", i, r.String("level"),
				r.Float64("numerator"), r.Float64("denominator"), r.Float64("ratio"), r.Int64("units"),
				r.Int64("units_excluded"), r.String("source_lines"), w)
		}
	}
	// All units: (1001 + 1345)/(1215 + 2163) = 2346/3378 = 0.694494, the
	// "khoảng 69%" of the text; gap to 0.9 = −0.205506.
	tot, err := ratios.Aggregate(all, "", ratios.ComputersPerStaff())
	if err != nil {
		t.Fatal(err)
	}
	defer tot.Release()
	if tot.Has("level") || tot.NumRows() != 1 {
		t.Fatalf("total: columns %v rows %d", tot.Names(), tot.NumRows())
	}
	ind := datasets.MustLoad("vn-dx-indicators")
	target, err := ratios.LookupTarget(ind, "sóc trăng ", "computers_per_civil_servant", 2015)
	if err != nil {
		t.Fatal(err)
	}
	if target.Value != 0.9 || target.SourceLine != 191 || !strings.Contains(target.Text, "90%") {
		t.Errorf("target %+v", target)
	}
	// typed without diacritics, or decomposed (NFD), the name still finds it
	for _, name := range []string{"Soc Trang", "SOC  TRANG", "So\u0301c Tra\u0306ng"} {
		if got, err := ratios.LookupTarget(ind, name, "computers_per_civil_servant", 2015); err != nil || got.SourceLine != 191 {
			t.Errorf("LookupTarget(%q): %+v, %v", name, got, err)
		}
	}
	if _, err := ratios.LookupTarget(ind, "Soc Tran", "computers_per_civil_servant", 2015); err == nil {
		t.Error("a different name matched")
	}
	g, err := ratios.GapToTarget(tot, target)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	r := g.Row(0)
	if r.Float64("numerator") != 2346 || r.Float64("denominator") != 3378 || !near(r.Float64("ratio"), 0.694494, 5e-7) ||
		!near(r.Float64("gap"), -0.205506, 5e-7) || r.Value("met") != false || r.Float64("target") != 0.9 {
		t.Errorf("gap row: %v", g)
	}
	if !strings.HasSuffix(g.Meta("target_source"), ".txt:191") {
		t.Errorf("target_source %q", g.Meta("target_source"))
	}
}

func TestAggregateITStaff(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-it-staff")
	a, err := ratios.Aggregate(f, "group", ratios.StaffSpecs()...)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	m, err := ratios.MeanOfRatios(f, "group", ratios.ITQualifiedShare())
	if err != nil {
		t.Fatal(err)
	}
	defer m.Release()
	want := []struct {
		group, measure string
		num, den       float64
		units, excl    int64
		excludedLines  string
	}{
		// I: IT degrees (univ+college+vocational) of units 1–18 without Sở Y tế
		// (staff empty, line 974): 1+4+1+1+2+2+2+2+3+1+0+2+1+4+1+2+5 = 34;
		// staff 33+52+38+48+29+50+48+68+39+43+46+28+37+24+31+31+68 = 713.
		{"I. CÁC SỞ, NGÀNH TỈNH", "it_qualified_share", 34, 713, 18, 1, "974"},
		// II: without Vĩnh Châu (line 1156, empty): 1+1+0+0+0+3 = 5;
		// staff 23+25+26+23+20+80 = 197.
		{"II. CÁC HUYỆN, THÀNH PHỐ", "it_qualified_share", 5, 197, 7, 1, "1156"},
		// III: 7+8+5+2+0+0 = 22; staff 15+114+84+32+15+9 = 269.
		{"III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC", "it_qualified_share", 22, 269, 6, 0, ""},
		// I e-mail: without Sở Lao động (834) and Sở Y tế (974):
		// 25+52+19+36+20+20+45+20+43+17+18+37+24+15+25+30 = 446;
		// staff 713 − 48 = 665.
		{"I. CÁC SỞ, NGÀNH TỈNH", "email_share", 446, 665, 18, 2, "834,974"},
		// II e-mail: 16+19+20+18+7+34 = 114 over 197.
		{"II. CÁC HUYỆN, THÀNH PHỐ", "email_share", 114, 197, 7, 1, "1156"},
		// III e-mail: without Ban QLDA Hồ Nước Ngọt (1318): 15+100+61+4+5 = 185
		// over 269 − 9 = 260.
		{"III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC", "email_share", 185, 260, 6, 1, "1318"},
	}
	if a.NumRows() != len(want) {
		t.Fatalf("rows %d", a.NumRows())
	}
	for i, w := range want {
		r := a.Row(i)
		if r.String("group") != w.group || r.String("measure") != w.measure || r.Float64("numerator") != w.num ||
			r.Float64("denominator") != w.den || r.Float64("ratio") != w.num/w.den || r.Int64("units") != w.units ||
			r.Int64("units_excluded") != w.excl || r.String("excluded_lines") != w.excludedLines {
			t.Errorf("row %d: %s %s %v/%v units %d excl %d %q; want %+v", i, r.String("group"), r.String("measure"),
				r.Float64("numerator"), r.Float64("denominator"), r.Int64("units"), r.Int64("units_excluded"),
				r.String("excluded_lines"), w)
		}
	}
	// Mean of ratios, section III: (7/15 + 8/114 + 5/84 + 2/32 + 0/15 + 0/9)/6
	// = (0.466667 + 0.070175 + 0.059524 + 0.0625 + 0 + 0)/6 = 0.658866/6
	// = 0.109811, not 22/269 = 0.081784.
	r := m.Row(2)
	if r.String("group") != "III. CÁC ĐƠN VỊ SỰ NGHIỆP KHÁC" || !near(r.Float64("mean_of_ratios"), 0.109811, 5e-7) ||
		r.Int64("units") != 6 || r.Int64("units_excluded") != 0 {
		t.Errorf("mean of ratios III: %v", m)
	}
	// Section II: (1/23 + 1/25 + 0 + 0 + 0 + 3/80)/6 = (0.043478 + 0.04 + 0.0375)/6
	// = 0.120978/6 = 0.020163, Vĩnh Châu left out.
	r = m.Row(1)
	if !near(r.Float64("mean_of_ratios"), 0.020163, 5e-7) || r.Int64("units_excluded") != 1 || r.String("excluded_lines") != "1156" {
		t.Errorf("mean of ratios II: %v", m)
	}
}

func TestCompareComputers(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-computers-district")
	c, err := ratios.AgainstReported(f, ratios.ComputersPerStaff(), "computers_per_staff_reported", -1)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	// written to five decimals → ±0.000005
	if c.Meta("tolerance") != "5e-06" {
		t.Errorf("tolerance %q", c.Meta("tolerance"))
	}
	// Huyện ủy: 228/303 = 0.752475 (303 × 0.75 = 227.25, 0.75/303 = 0.002475),
	// reported 0.75248: difference 0.000005 rounded, within ±0.000005.
	r := c.Row(0)
	if r.String("unit") != "Huyện ủy" || !near(r.Float64("recomputed"), 0.752475, 5e-7) || r.Float64("reported") != 0.75248 ||
		!near(r.Float64("difference"), 0.75248-228.0/303, 1e-15) || r.Value("agrees") != true || r.Int64("source_line") != 1948 {
		t.Errorf("Huyện ủy: %v", c.Head(1))
	}
	agree := c.Col("agrees")
	for i, v := range agree.Bools() {
		if agree.IsNull(i) || !v {
			t.Errorf("row %d does not agree: %v", i, c.Slice(i, i+1))
		}
	}
}

func TestUseColumnsErrors(t *testing.T) {
	f := datasets.MustLoad("soctrang-2010-computers-provincial")
	tests := []struct {
		name  string
		names map[string]string
		want  string
	}{
		{"missing", map[string]string{"staff": "can_bo"}, `no column "can_bo"`},
		{"twice", map[string]string{"staff": "computers", "x": "computers"}, "given for both"},
		{"clash", map[string]string{"staff": "computers"}, "duplicate column"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ratios.UseColumns(f, tc.names)
			if err == nil {
				g.Release()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
	// A swap is fine: both renamed at once.
	g, err := ratios.UseColumns(f, map[string]string{"staff": "computers", "computers": "staff"})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	if g.Col("staff").Int64s()[0] != 142 || g.Col("staff").LabelVI() != "Số lượng máy vi tính đang sử dụng" {
		t.Errorf("swap: %v", g.Head(1))
	}
}
