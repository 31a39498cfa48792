package datasets

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

const indicatorsID = "vn-dx-indicators"

// regenerate reports whether the golden files are to be rewritten (go test
// -update; the flag is defined by the golden tests of the package).
func regenerate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// datasetCSV returns Load(id) written as CSV.
func datasetCSV(t testing.TB, id string) []byte {
	t.Helper()
	f, err := Load(id)
	if err != nil {
		t.Fatalf("Load(%q): %v", id, err)
	}
	defer f.Release()
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, f, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readCSVFile reads a CSV file (with # comments) into maps keyed by header.
func readCSVFile(t testing.TB, path string) ([]map[string]string, []int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var rows []map[string]string
	var lines []int
	for i, rec := range recs[1:] {
		m := map[string]string{}
		for j, h := range recs[0] {
			m[h] = rec[j]
		}
		rows = append(rows, m)
		lines = append(lines, i+2)
	}
	return rows, lines
}

func TestIndicatorsColumns(t *testing.T) {
	f := MustLoad(indicatorsID)
	defer f.Release()
	want := "province,indicator,level,year,kind,value,unit,comparator,text,source_file,source_line"
	if got := strings.Join(f.Names()[:11], ","); got != want {
		t.Errorf("first columns %s, want %s", got, want)
	}
	e, err := Lookup(indicatorsID)
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != e.Rows {
		t.Errorf("%d rows, the catalogue says %d", f.NumRows(), e.Rows)
	}
}

// sourceText returns line n of a source and the next line that holds text,
// both normalised with loaders.CleanText, read with Line. It does not use
// the build's helpers.
func sourceText(t testing.TB, file string, n int) (cur, next string) {
	t.Helper()
	l, err := Line(file, n)
	if err != nil {
		t.Fatal(err)
	}
	cur = loaders.CleanText(l)
	for k := n + 1; ; k++ {
		l, err := Line(file, k)
		if err != nil {
			return cur, ""
		}
		if next = loaders.CleanText(l); next != "" {
			return cur, next
		}
	}
}

// startsOnLine reports whether phrase starts in cur, allowing it to run on
// into next (joined by a blank, or by nothing after a hyphen).
func startsOnLine(phrase, cur, next string) bool {
	sep := " "
	if strings.HasSuffix(cur, "-") {
		sep = ""
	}
	joined := cur + sep + next
	i := strings.Index(joined, phrase)
	return i >= 0 && i < len(cur)
}

// viForms returns ways the value v may be written in the texts: with the
// Vietnamese separators (1.774, 58,68) and plainly (1611, 13.69).
func viForms(v float64) []string {
	plain := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(plain, ".")
	var g []string
	for len(intPart) > 3 {
		g = append([]string{intPart[len(intPart)-3:]}, g...)
		intPart = intPart[:len(intPart)-3]
	}
	g = append([]string{intPart}, g...)
	vi := strings.Join(g, ".")
	if frac != "" {
		vi += "," + frac
	}
	return []string{vi, plain}
}

func containsAny(s string, subs []string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestIndicatorsGoldenAgainstSource checks the golden CSV, not the build,
// against the source documents: each row's quoted phrase starts on its
// source line (running on into the next line with text at most), its figure
// is in the phrase, and its value (and upper bound) is written in the figure.
func TestIndicatorsGoldenAgainstSource(t *testing.T) {
	rows, lines := readCSVFile(t, filepath.Join("testdata", indicatorsID+".csv"))
	if len(rows) < 200 {
		t.Fatalf("%d rows in the golden file", len(rows))
	}
	for i, r := range rows {
		pos := fmt.Sprintf("golden line %d (%s %s %s %s)", lines[i], r["indicator"], r["level"], r["year"], r["kind"])
		n, err := strconv.Atoi(r["source_line"])
		if err != nil {
			t.Fatalf("%s: source_line %q", pos, r["source_line"])
		}
		cur, next := sourceText(t, r["source_file"], n)
		if !startsOnLine(r["text"], cur, next) {
			t.Errorf("%s: %s:%d does not start %q:\n%s\n%s", pos, r["source_file"], n, r["text"], cur, next)
		}
		if !strings.Contains(r["text"], r["figure"]) {
			t.Errorf("%s: figure %q not in %q", pos, r["figure"], r["text"])
		}
		if f := strings.ToLower(r["figure"]); f == "tất cả" || f == "toàn bộ" {
			// a share stated in words as all: 100 %
			if r["value"] != "100" || r["unit"] != "percent" || r["comparator"] != "=" {
				t.Errorf("%s: %q is 100%%, got value %s, unit %s, comparator %s", pos, r["figure"], r["value"], r["unit"], r["comparator"])
			}
			continue
		}
		scale := 1.0 // an amount in million đồng written in tỷ đồng
		if r["unit"] == "million_vnd" {
			scale = moneyScale(r["figure"])
			if scale == 0 {
				t.Errorf("%s: amount %q without its money unit", pos, r["figure"])
				continue
			}
		}
		for _, col := range []string{"value", "value_upper"} {
			if r[col] == "" {
				continue
			}
			v, err := strconv.ParseFloat(r[col], 64)
			if err != nil {
				t.Errorf("%s: %s %q", pos, col, r[col])
				continue
			}
			if !containsAny(r["figure"], viForms(v/scale)) {
				t.Errorf("%s: %s %v is not written in the figure %q", pos, col, v, r["figure"])
			}
		}
		if (r["unit"] == "percent") != strings.Contains(r["figure"], "%") {
			t.Errorf("%s: unit %s for figure %q", pos, r["unit"], r["figure"])
		}
		if r["value_upper"] != "" && (r["comparator"] != ">=" || !strings.ContainsAny(r["figure"][1:], "-–")) {
			t.Errorf("%s: an upper bound needs a range figure and comparator >=", pos)
		}
	}
}

// moneyScale returns the million đồng an amount's unit word stands for:
// "140,3 tỷ đồng" is in tỷ (1.000 million), "11 triệu" in million; 0 when
// the figure names no unit.
func moneyScale(fig string) float64 {
	_, unit, _ := strings.Cut(fig, " ")
	switch strings.TrimSuffix(unit, " đồng") {
	case "tỷ":
		return 1000
	case "triệu":
		return 1
	}
	return 0
}

// TestIndicatorsSampleAgainstSource re-finds, for a fixed random sample of
// the figures added for issue 17 (the keys from datacenter_servers_added on
// in indicator-keys.csv, and every share stated in words as all), each
// figure in the raw text of its source line by plain string search —
// reading the file itself, without Line, CleanText or the build's helpers
// — and reads its value again from the figure with the test's own parsing.
func TestIndicatorsSampleAgainstSource(t *testing.T) {
	keys, _ := readCSVFile(t, filepath.Join("curated", "indicator-keys.csv"))
	added := map[string]bool{}
	on := false
	for _, k := range keys {
		on = on || k["key"] == "datacenter_servers_added"
		added[k["key"]] = on
	}
	rows, lines := readCSVFile(t, filepath.Join("testdata", indicatorsID+".csv"))
	var pool []int
	for i, r := range rows {
		if f := strings.ToLower(r["figure"]); added[r["indicator"]] || f == "tất cả" || f == "toàn bộ" {
			pool = append(pool, i)
		}
	}
	if len(pool) < 80 {
		t.Fatalf("%d rows of issue 17 in the golden file, want at least 80", len(pool))
	}
	rnd := rand.New(rand.NewPCG(17, 5))
	rnd.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	raw := map[string][]string{}
	for _, i := range pool[:40] {
		r := rows[i]
		pos := fmt.Sprintf("golden line %d (%s, %s:%s)", lines[i], r["indicator"], r["source_file"], r["source_line"])
		src, ok := raw[r["source_file"]]
		if !ok {
			b, err := os.ReadFile(filepath.Join("sources", r["source_file"]))
			if err != nil {
				t.Fatal(err)
			}
			src = strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
			raw[r["source_file"]] = src
		}
		n, _ := strconv.Atoi(r["source_line"])
		if n < 1 || n > len(src) {
			t.Errorf("%s: no such line", pos)
			continue
		}
		line := strings.Join(strings.Fields(src[n-1]), " ")
		next := ""
		for k := n; k < len(src) && next == ""; k++ {
			next = strings.Join(strings.Fields(src[k]), " ")
		}
		// The phrase starts on the line (it may run on into the next line
		// with text), and the figure is in it by plain string search.
		fig := r["figure"]
		num, _, _ := strings.Cut(fig, " ")
		if f := strings.ToLower(fig); f == "tất cả" || f == "toàn bộ" {
			num = fig
		}
		sep := " "
		if strings.HasSuffix(line, "-") {
			sep = ""
		}
		joined := line + sep + next
		at := strings.Index(joined, r["text"])
		if at < 0 || at >= len(line) {
			t.Errorf("%s: the phrase %q does not start on the line:\n%s\n%s", pos, r["text"], line, next)
		} else if !strings.Contains(strings.ToLower(joined[at:at+len(r["text"])]), strings.ToLower(fig)) {
			t.Errorf("%s: figure %q is not in the phrase on the line", pos, fig)
		}
		// The value, read here from the figure: dot thousands, decimal
		// comma, % dropped, "tất cả"/"toàn bộ" 100, tỷ đồng × 1.000.
		want := 100.0
		if num != fig || !strings.Contains(strings.ToLower(fig), "t") {
			p := strings.ReplaceAll(strings.TrimSpace(strings.TrimSuffix(num, "%")), ".", "")
			v, err := strconv.ParseFloat(strings.Replace(p, ",", ".", 1), 64)
			if err != nil {
				t.Errorf("%s: figure %q: %v", pos, fig, err)
				continue
			}
			want = v
			if r["unit"] == "million_vnd" {
				want *= moneyScale(fig)
			}
		}
		got, err := strconv.ParseFloat(r["value"], 64)
		if err != nil || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: value %s, the figure %q reads %v", pos, r["value"], fig, want)
		}
	}
}

// TestIndicatorMappingVerified reads the committed mapping itself and checks
// every line against the sources, independently of the build.
func TestIndicatorMappingVerified(t *testing.T) {
	rows, lines := readCSVFile(t, filepath.Join("curated", "indicators.csv"))
	keys, _ := readCSVFile(t, filepath.Join("curated", "indicator-keys.csv"))
	unit := map[string]string{}
	for _, k := range keys {
		unit[k["key"]] = k["unit"]
	}
	for i, r := range rows {
		pos := fmt.Sprintf("curated/indicators.csv:%d", lines[i])
		n, err := strconv.Atoi(r["line"])
		if err != nil {
			t.Fatalf("%s: line %q", pos, r["line"])
		}
		cur, next := sourceText(t, r["source_file"], n)
		if !startsOnLine(r["text"], cur, next) {
			t.Errorf("%s: %s:%d does not start %q", pos, r["source_file"], n, r["text"])
		}
		if !strings.Contains(r["text"], r["figure"]) {
			t.Errorf("%s: figure %q not in its phrase", pos, r["figure"])
		}
		if _, ok := unit[r["key"]]; !ok {
			t.Errorf("%s: key %q has no entry in indicator-keys.csv", pos, r["key"])
		}
	}
	f := MustLoad(indicatorsID)
	defer f.Release()
	if len(rows) != f.NumRows() {
		t.Errorf("the mapping has %d lines, the dataset %d rows", len(rows), f.NumRows())
	}
}

// The build rejects what the mapping cannot prove.
func TestLocatePhraseTraps(t *testing.T) {
	tests := []struct {
		name   string
		line   int
		phrase string
		ok     bool
	}{
		{"on its line", 65, "Tỷ lệ Máy tính/Cán bộ công chức (quản lý nhà nước) bình quân trên toàn tỉnh đạt khoảng 69%", true},
		{"wrong line", 63, "đạt khoảng 69%", false},
		{"starts on the next line", 61, "Hầu hết các cơ quan nhà nước", false},
		{"not in the text", 65, "đạt khoảng 70%", false},
		{"line 0", 0, "x", false},
		{"past the end", 99999, "x", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := locatePhrase(indPlan2010, tc.line, tc.phrase)
			if (err == nil) != tc.ok {
				t.Errorf("locatePhrase(%d, %q) error = %v, want ok=%v", tc.line, tc.phrase, err, tc.ok)
			}
		})
	}
	// A phrase may wrap once, and a hyphen at the end of a line joins
	// without a blank; it may not wrap twice.
	for _, tc := range []struct {
		line   int
		phrase string
		ok     bool
	}{
		{155, "cấp huyện đạt 88%", true},
		{248, "Bách hoá xanh khoảng 5-7%", true},
		{81, "Tỷ lệ người dân thực hiện các dịch vụ công trực tuyến và thực hiện thủ tục hành chính trên môi trường điện tử đạt tỷ lệ 35,32%", false},
	} {
		if _, err := locatePhrase(indDraft2024, tc.line, tc.phrase); (err == nil) != tc.ok {
			t.Errorf("locatePhrase(2024 draft, %d, %q) error = %v, want ok=%v", tc.line, tc.phrase, err, tc.ok)
		}
	}
}

func TestParseFigure(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		fig      string
		conv     loaders.Convention
		lo, hi   float64
		decimals int
		err      bool
	}{
		{"58,68%", loaders.DotThousands, 58.68, nan, 2, false},
		{"19,90%", loaders.DotThousands, 19.9, nan, 2, false},
		{"33,93 %", loaders.DotThousands, 33.93, nan, 2, false},
		{"1.774", loaders.DotThousands, 1774, nan, 0, false},
		{"1.200.449", loaders.DotThousands, 1200449, nan, 0, false},
		{"01%", loaders.DotThousands, 1, nan, 0, false},
		{"100,1", loaders.DotThousands, 100.1, nan, 1, false},
		{"13.69", loaders.CommaThousands, 13.69, nan, 2, false},
		{"13.69", loaders.DotThousands, 0, 0, 0, true}, // a decimal point in a dot-thousands text
		{"10-20%", loaders.DotThousands, 10, 20, 0, false},
		{"5%-6%", loaders.DotThousands, 5, 6, 0, false},
		{"5-7%", loaders.DotThousands, 5, 7, 0, false},
		{"20-10%", loaders.DotThousands, 0, 0, 0, true},
		{"khoảng", loaders.DotThousands, 0, 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.fig, func(t *testing.T) {
			lo, hi, ranged, dec, err := parseFigure(tc.fig, tc.conv)
			if (err != nil) != tc.err {
				t.Fatalf("parseFigure(%q) error = %v", tc.fig, err)
			}
			if err != nil {
				return
			}
			if lo != tc.lo || dec != tc.decimals || ranged != !math.IsNaN(tc.hi) || (ranged && hi != tc.hi) {
				t.Errorf("parseFigure(%q) = %v, %v, %v, %d; want %v, %v, %d decimals", tc.fig, lo, hi, ranged, dec, tc.lo, tc.hi, tc.decimals)
			}
		})
	}
}

func TestWordingComparator(t *testing.T) {
	tests := []struct {
		before, after string
		ranged        bool
		cmp           string
		approx        bool
	}{
		{"tỷ lệ CBCC biết sử dụng máy vi tính đạt hơn ", "", false, ">", false},
		{"(mục tiêu năm 2023 phấn đấu đạt trên ", ")", false, ">", false},
		{"Trên ", " các huyện", false, ">", false},
		{"(mục tiêu năm 2023 là đạt tối thiểu ", ")", false, ">=", false},
		{"Tối thiểu ", " người dân", false, ">=", false},
		{"", " trở lên máy tính", false, ">=", false},
		{"mức độ 3 tối thiểu là ", " dịch vụ", false, ">=", false},
		{"Đến năm 2015, tối thiểu có ", " dịch vụ", false, ">=", false},
		{"bình quân trên toàn tỉnh đạt khoảng ", "", false, "=", true},
		{"tổng mức bán lẻ ước khoảng ", "", true, ">=", true},
		{"đạt từ ", "", true, ">=", false},
		{"được cung cấp trên Hệ thống thông tin, đạt ", "", false, "=", false},
		{"thuê bao trên ", "", false, ">", false},
		{"Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản đạt ", "", false, "=", false},
	}
	for _, tc := range tests {
		cmp, approx := wordingComparator(tc.before, tc.after, tc.ranged)
		if cmp != tc.cmp || approx != tc.approx {
			t.Errorf("wordingComparator(%q, %q) = %q, %v; want %q, %v", tc.before, tc.after, cmp, approx, tc.cmp, tc.approx)
		}
	}
}

// Spot checks quoted from the documents, with their line numbers.
func TestIndicatorSpotChecks(t *testing.T) {
	f := MustLoad(indicatorsID)
	defer f.Release()
	type want struct {
		file              string
		line              int
		key, level        string
		year              int
		kind              string
		value, upper      float64
		cmp               string
		approximate       bool
		quoteFromDocument string
	}
	nan := math.NaN()
	a, b := indPlan2010, indDraft2024
	tests := []want{
		{a, 59, "special_network_units", "all", 2010, "baseline", 41, nan, "=", false, "kết nối cáp quang đến 41 Sở, Ban ngành"},
		{a, 61, "agencies_with_lan", "all", 2010, "baseline", 90, nan, "=", true, "có hệ thống mạng nội bộ chiếm tỷ lệ khoảng 90%"},
		{a, 63, "computers_internet_share", "all", 2010, "baseline", 60, nan, "=", true, "(khoảng 60%"},
		{a, 65, "computers_per_civil_servant", "all", 2010, "baseline", 69, nan, "=", true, "đạt khoảng 69%"},
		{a, 99, "procedures_online_level2", "all", 2010, "baseline", 1611, nan, "=", false, "với 1611 quy trình, thủ tục"},
		{a, 99, "procedures_online_level2", "commune", 2010, "baseline", 118, nan, "=", false, "cấp xã 118 quy trình"},
		{a, 103, "staff_computer_literate", "all", 2010, "baseline", 90, nan, ">", false, "đạt hơn 90%"},
		{a, 105, "units_with_it_staff", "all", 2010, "baseline", 13, nan, "=", true, "chỉ khoảng 13% đơn vị"},
		{a, 161, "special_network_agencies", "all", 2015, "target", 90, nan, "=", false, "90% các cơ quan nhà nước cấp tỉnh"},
		{a, 169, "e_documents_exchanged", "all", 2015, "target", 70, nan, "=", false, "70% các văn bản, tài liệu chính thức"},
		{a, 181, "e_procurement", "all", 2015, "target", 30, nan, "=", false, "30% các đấu thầu mua sắm"},
		{a, 183, "online_business_registration", "all", 2015, "target", 10, 20, ">=", false, "10-20% người dân và doanh nghiệp"},
		{a, 191, "computers_per_civil_servant", "all", 2015, "target", 90, nan, "=", false, "máy tính trên cán bộ, công chức tại các cơ quan nhà nước là 90%"},
		{a, 585, "email_accounts", "district", 2011, "target", 20, nan, "=", false, "20% cán bộ, công chức các cơ quan cấp huyện"},
		{a, 595, "e_documents_exchanged", "district", 2012, "target", 15, nan, ">", false, "cấp huyện trên 15%"},
		{a, 611, "e_documents_exchanged", "province", 2013, "target", 60, nan, ">", false, "lên trên 60%"},
		{a, 619, "portal_info_use_for_procedures", "all", 2013, "target", 10, 15, ">=", false, "đạt từ 10-15%"},
		{a, 629, "online_services_level3", "all", 2014, "target", 8, nan, ">=", false, "tối thiểu là 8 dịch vụ"},
		{b, 57, "online_services_full_process", "all", 2023, "actual", 58.68, nan, "=", false, "đạt tỷ lệ 58,68%"},
		{b, 57, "online_services_full_process", "all", 2023, "target", 70, nan, "=", false, "(mục tiêu năm 2023 là 70%)"},
		{b, 85, "online_application_share", "all", 2023, "target", 50, nan, ">=", false, "đạt tối thiểu 50%"},
		{b, 91, "public_service_satisfaction", "all", 2023, "actual", 92.27, nan, "=", false, "đạt 92,27%"},
		{b, 155, "e_documents_exchanged", "district", 2023, "actual", 88, nan, "=", false, "cấp huyện đạt 88%"},
		{b, 158, "e_documents_exchanged", "commune", 2023, "target", 70, nan, "=", false, "70% cấp xã"},
		{b, 232, "ecommerce_retail_share", "all", 2023, "actual", 5, 6, ">=", true, "ước khoảng 5%-6%"},
		{b, 248, "cashless_share_winmart_bhx", "all", 2023, "actual", 5, 7, ">=", true, "khoảng 5-7%"},
		{b, 276, "payment_account_15plus", "all", 2023, "actual", 88.11, nan, "=", false, "đạt 88,11%"},
		{b, 882, "phone_subscriptions", "all", 2023, "actual", 1200449, nan, "=", true, "khoảng 1.200.449 thuê bao"},
		{b, 888, "internet_subscriptions_per_100", "all", 2023, "actual", 13.69, nan, "=", false, "đạt 13.69 thuê bao/100 dân"},
		{b, 1298, "social_beneficiaries_with_id", "all", 2023, "actual", 93.2, nan, "=", false, "(tỷ lệ 93,2%)"},
		{b, 1296, "social_beneficiaries_updated", "all", 2023, "actual", 100, nan, ">", false, "(tỷ lệ hơn 100%)"},
		{b, 2053, "computers_with_antimalware", "all", 2024, "target", 90, nan, ">=", false, "90% trở lên máy tính"},
		{b, 2075, "businesses_using_e_contracts", "all", 2024, "target", 70, nan, ">", false, "đạt trên 70%"},
		{b, 2162, "mobile_network_speed", "all", 2024, "target", 40, nan, ">=", false, "đạt tối thiểu 40 Mbps"},
	}
	rows := indicatorFrameRows(t)
	for _, w := range tests {
		name := fmt.Sprintf("%d/%s/%s/%d/%s", w.line, w.key, w.level, w.year, w.kind)
		t.Run(name, func(t *testing.T) {
			var got *indicatorTestRow
			for i := range rows {
				r := &rows[i]
				if r.file == w.file && r.line == w.line && r.key == w.key && r.level == w.level && r.year == w.year && r.kind == w.kind {
					got = r
				}
			}
			if got == nil {
				t.Fatal("no such row")
			}
			if got.value != w.value || got.cmp != w.cmp || got.approximate != w.approximate ||
				math.IsNaN(got.upper) != math.IsNaN(w.upper) || (!math.IsNaN(w.upper) && got.upper != w.upper) {
				t.Errorf("got value %v upper %v %s approximate %v; want %v %v %s %v", got.value, got.upper, got.cmp, got.approximate, w.value, w.upper, w.cmp, w.approximate)
			}
			cur, next := sourceText(t, w.file, w.line)
			if !strings.Contains(cur+" "+next, w.quoteFromDocument) && !strings.Contains(cur+next, w.quoteFromDocument) {
				t.Errorf("the test's quote %q is not at %s:%d", w.quoteFromDocument, w.file, w.line)
			}
		})
	}
}

type indicatorTestRow struct {
	key, level, kind, unit, cmp, file, text string
	year, line                              int
	value, upper                            float64
	approximate                             bool
}

func indicatorFrameRows(t testing.TB) []indicatorTestRow {
	t.Helper()
	f := MustLoad(indicatorsID)
	defer f.Release()
	var out []indicatorTestRow
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		upper := math.NaN()
		if !r.IsNull("value_upper") {
			upper = r.Float64("value_upper")
		}
		out = append(out, indicatorTestRow{key: r.String("indicator"), level: r.String("level"), kind: r.String("kind"),
			unit: r.String("unit"), cmp: r.String("comparator"), file: r.String("source_file"), text: r.String("text"),
			year: int(r.Int64("year")), line: int(r.Int64("source_line")), value: r.Float64("value"), upper: upper,
			approximate: r.Value("approximate") == true})
	}
	return out
}

// The same measure carries the same key across documents and years.
func TestIndicatorStableKeys(t *testing.T) {
	rows := indicatorFrameRows(t)
	has := func(key, level string, year int, kind string) bool {
		for _, r := range rows {
			if r.key == key && r.level == level && r.year == year && r.kind == kind {
				return true
			}
		}
		return false
	}
	type point struct {
		level string
		year  int
		kind  string
	}
	links := map[string][]point{
		// 69% in 2010, 90% the 2015 target
		"computers_per_civil_servant": {{"all", 2010, "baseline"}, {"all", 2015, "target"}},
		// 70% the 2015 target; 87% in 2023, 89/88/83% by level; 100/90/70% the 2023 and 2024 targets
		"e_documents_exchanged": {{"all", 2015, "target"}, {"province", 2012, "target"}, {"all", 2023, "actual"},
			{"commune", 2023, "actual"}, {"commune", 2023, "target"}, {"commune", 2024, "target"}},
		"agencies_with_lan":            {{"all", 2010, "baseline"}, {"all", 2023, "actual"}},
		"special_network_agencies":     {{"all", 2015, "target"}, {"all", 2023, "actual"}},
		"email_regular_use":            {{"province", 2012, "target"}, {"province", 2014, "target"}, {"all", 2015, "target"}},
		"online_services_level3":       {{"all", 2012, "target"}, {"all", 2015, "target"}},
		"online_services_full_process": {{"all", 2023, "actual"}, {"all", 2023, "target"}, {"all", 2024, "target"}},
		"payment_account_15plus":       {{"all", 2023, "actual"}, {"all", 2023, "target"}, {"all", 2024, "target"}},
		"fibre_household_coverage":     {{"all", 2023, "actual"}, {"all", 2024, "target"}},
		"businesses_using_e_contracts": {{"all", 2023, "actual"}, {"all", 2023, "target"}, {"all", 2024, "target"}},
	}
	for key, pts := range links {
		for _, p := range pts {
			if !has(key, p.level, p.year, p.kind) {
				t.Errorf("%s has no %s %d %s row", key, p.level, p.year, p.kind)
			}
		}
	}
	// One unit per key, and every key documented in both languages.
	keys, err := IndicatorKeys()
	if err != nil {
		t.Fatal(err)
	}
	doc := map[string]IndicatorKey{}
	for _, k := range keys {
		doc[k.Key] = k
		if k.LabelVI == "" || k.LabelEN == "" {
			t.Errorf("%s lacks a label", k.Key)
		}
	}
	for _, r := range rows {
		k, ok := doc[r.key]
		if !ok {
			t.Errorf("%s is not documented", r.key)
		} else if r.unit != k.Unit {
			t.Errorf("%s at line %d is in %s, the key in %s", r.key, r.line, r.unit, k.Unit)
		}
	}
	keyRe := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for k := range doc {
		if !keyRe.MatchString(k) {
			t.Errorf("key %q is not snake_case", k)
		}
	}
}

// The comparator of every row agrees with the words around its figure, read
// here with patterns of the test's own.
func TestIndicatorComparatorsFromWording(t *testing.T) {
	rows, _ := readCSVFile(t, filepath.Join("testdata", indicatorsID+".csv"))
	for _, r := range rows {
		text, fig := strings.ToLower(r["text"]), strings.ToLower(r["figure"])
		i := strings.Index(text, fig)
		before, after := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+len(fig):])
		want := "="
		switch {
		case r["value_upper"] != "":
			want = ">="
		case strings.HasSuffix(before, "tối thiểu") || strings.HasSuffix(before, "tối thiểu là") ||
			strings.HasSuffix(before, "tối thiểu đạt") || strings.HasSuffix(before, "tối thiểu có") || strings.HasPrefix(after, "trở lên"):
			want = ">="
		case strings.HasSuffix(before, " trên") || strings.HasSuffix(before, " hơn") || before == "trên" || strings.HasSuffix(before, "(tỷ lệ hơn"):
			want = ">"
		}
		if r["comparator"] != want {
			t.Errorf("%s:%s %q: comparator %s, the wording reads %s", r["source_file"], r["source_line"], r["text"], r["comparator"], want)
		}
		if approx := strings.HasSuffix(before, "khoảng"); approx != (r["approximate"] == "true") {
			t.Errorf("%s:%s %q: approximate %s", r["source_file"], r["source_line"], r["text"], r["approximate"])
		}
	}
}

func ExampleIndicatorKeys() {
	f := MustLoad("vn-dx-indicators")
	defer f.Release()
	for i := 0; i < f.NumRows(); i++ {
		r := f.Row(i)
		if r.String("indicator") == "computers_per_civil_servant" {
			fmt.Println(r.Int64("year"), r.String("kind"), r.String("comparator"), r.Float64("value"), r.String("unit"), "line", r.Int64("source_line"))
		}
	}
	keys, _ := IndicatorKeys()
	for _, k := range keys {
		if k.Key == "computers_per_civil_servant" {
			fmt.Println(k.LabelVI, "/", k.LabelEN)
		}
	}
	// Output:
	// 2010 baseline = 69 percent line 65
	// 2015 target = 90 percent line 191
	// Tỷ lệ máy tính trên cán bộ, công chức / Computers per civil servant (computers over staff, in per cent)
}
