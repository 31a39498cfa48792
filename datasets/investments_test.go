package datasets

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

var investIDs = []string{"vn-dx-investments", "vn-dx-investment-components", "vn-dx-investment-funding"}

func investCSV(t testing.TB, id string) []byte {
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

// goldenRows reads a golden CSV file into maps by column name.
func goldenRows(t *testing.T, id string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", id+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, name := range recs[0] {
			m[name] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// sourceHas fails unless line n of file holds want (after cleaning).
func sourceHas(t *testing.T, file string, n int, want string) {
	t.Helper()
	l, err := Line(file, n)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loaders.CleanText(l), want) {
		t.Errorf("%s:%d reads %q, not %q", file, n, l, want)
	}
}

// TestInvestmentsAgainstSource checks the golden files against the source
// text, with values and lines read off the documents by hand.
func TestInvestmentsAgainstSource(t *testing.T) {
	// The nine component projects of Thừa Thiên Huế, cell by cell.
	hue := []struct {
		no          string
		line        int // the heading 2.N.
		owner       string
		ownerLine   int
		amount      string
		amountLine  int
		amountMVND  string // as the golden file writes it
		nameContain string
	}{
		{"2.1", 86, "Sở Thông tin và Truyền thông", 238, "21.500 triệu đồng", 240, "21500", "Chính quyền số"},
		{"2.2", 242, "Sở Thông tin và Truyền thông", 343, "13.500 triệu đồng", 345, "13500", "nền tảng chuyển đổi số"},
		{"2.3", 347, "Văn phòng Ủy ban nhân dân tỉnh", 404, "1.471 triệu đồng", 406, "1471", "e-Cabinet"},
		{"2.4", 408, "Văn phòng Ủy ban nhân tỉnh", 485, "1.027 triệu đồng", 487, "1027", "lưu trữ hiện hành"},
		{"2.5", 489, "Văn phòng Ủy ban nhân dân tỉnh", 576, "3.502 triệu đồng", 578, "3502", "Quản lý văn bản và điều hành"},
		{"2.6", 580, "Sở Tư pháp", 628, "26.166 triệu đồng", 630, "26166", "sổ hộ tịch giấy"},
		{"2.7", 632, "Thanh tra tỉnh", 713, "990,277 triệu đồng", 715, "990.277", "thanh tra, kiểm tra"},
		{"2.8", 717, "Sở Thông tin và Truyền thông", 827, "5.500 triệu đồng", 829, "5500", "phát thanh thông minh"},
		{"2.9", 831, "Sở Thông tin và Truyền thông", 886, "26.344 triệu đồng", 888, "26344", "hạ tầng số"},
	}
	var hueRows []map[string]string
	for _, r := range goldenRows(t, "vn-dx-investment-components") {
		if r["province"] == "Thừa Thiên Huế" {
			hueRows = append(hueRows, r)
		}
	}
	if len(hueRows) != len(hue) {
		t.Fatalf("%d Thừa Thiên Huế components, want %d", len(hueRows), len(hue))
	}
	for i, w := range hue {
		g := hueRows[i]
		sourceHas(t, hue2021, w.line, w.no+". Dự án")
		sourceHas(t, hue2021, w.ownerLine, w.no+".3. Chủ đầu tư: "+w.owner)
		sourceHas(t, hue2021, w.amountLine, w.no+".4. Tổng mức đầu tư: "+w.amount)
		// amount_mvnd compared as a number: the CSV may write 990.277 as
		// 990.2770 (frame.WriteCSV, where nothing else decides a point).
		got, err1 := strconv.ParseFloat(g["amount_mvnd"], 64)
		want, err2 := strconv.ParseFloat(w.amountMVND, 64)
		if err1 != nil || err2 != nil || got != want || g["component_no"] != w.no || g["owner"] != w.owner || g["amount_text"] != w.amount ||
			g["source_line"] != strconv.Itoa(w.line) || g["amount_line"] != strconv.Itoa(w.amountLine) || !strings.Contains(g["component"], w.nameContain) {
			t.Errorf("component %s: golden row %v", w.no, g)
		}
	}

	// The total of each document in digits and in words, with its lines.
	totals := []struct {
		province, file       string
		line                 int
		digits, mvnd         string
		wordsLine            int
		words                string
		group, period, owner string
	}{
		{"Sóc Trăng", plan2010, 639, "109.045.000.000 đồng", "109045", 639, "một trăm lẻ chín tỷ, bốn mươi lăm triệu đồng", "", "2011-2015", ""},
		{"Thừa Thiên Huế", hue2021, 892, "100.000 triệu đồng", "100000", 0, "", "B", "", ""},
		{"Khánh Hòa", khanhhoa2023, 129, "22.955.000.000", "22955", 136, "Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng", "C", "2023-2025", "Văn phòng Tỉnh ủy"},
		{"Sóc Trăng", nq103, 128, "30.500.000.000 đồng", "30500", 128, "Ba mươi tỷ, năm trăm", "C", "2024-2026", ""},
	}
	inv := goldenRows(t, "vn-dx-investments")
	if len(inv) != len(totals) {
		t.Fatalf("%d investments, want %d", len(inv), len(totals))
	}
	for i, w := range totals {
		g := inv[i]
		sourceHas(t, w.file, w.line, w.digits)
		if w.wordsLine > 0 {
			sourceHas(t, w.file, w.wordsLine, w.words)
			if !strings.HasPrefix(g["total_in_words"], w.words) {
				t.Errorf("%s: total_in_words %q, want %q…", w.file, g["total_in_words"], w.words)
			}
		} else if g["total_in_words"] != "" {
			t.Errorf("%s: total_in_words %q, the document has none", w.file, g["total_in_words"])
		}
		period := ""
		if g["period_start"] != "" {
			period = g["period_start"] + "-" + g["period_end"]
		}
		if g["province"] != w.province || g["source_file"] != w.file || g["total_mvnd"] != w.mvnd || g["total_line"] != strconv.Itoa(w.line) ||
			g["project_group"] != w.group || period != w.period || g["owner"] != w.owner {
			t.Errorf("investment %d: golden row %v", i, g)
		}
	}
	sourceHas(t, nq103, 130, "triệu đồng).")       // the words of line 128 end here
	sourceHas(t, nq103, 126, "Nhóm dự án: Nhóm C") // group C
	sourceHas(t, nq103, 144, "Thời gian thực hiện dự án: Năm 2024 - 2026")
	sourceHas(t, hue2021, 890, "Nhóm dự án: Dự án nhóm B")
	sourceHas(t, hue2021, 914, "04 năm")
	if inv[1]["duration_years"] != "4" || inv[1]["date"] != "2021-10-14" {
		t.Errorf("Thừa Thiên Huế: %v", inv[1])
	}
	sourceHas(t, khanhhoa2023, 80, "Chủ đầu tư: Văn phòng Tỉnh ủy")
	sourceHas(t, khanhhoa2023, 144, "Nhóm dự án: Nhóm C")
	sourceHas(t, khanhhoa2023, 140, "Năm 2023 - 2025")

	// Funding sources: amount, words and lines.
	funding := []struct {
		file       string
		line       int
		amount     string
		mvnd       string
		words      string
		share      string
		amountLine int
	}{
		{plan2010, 641, "39.120.000.000 đồng", "39120", "", "", 641},
		{plan2010, 641, "23.925.000.000 đồng", "23925", "", "", 641},
		{plan2010, 643, "20.500.000.000 đồng", "20500", "", "", 643},
		{plan2010, 643, "25.500.000.000 đồng", "25500", "", "", 643},
		{hue2021, 898, "20.000 triệu đồng", "20000", "", "0.2", 898},
		{hue2021, 900, "Phần còn lại", "", "", "", 900},
		{khanhhoa2023, 138, "", "", "", "", 0},
		{nq103, 134, "24.400.000.000 đồng", "24400", "Hai mươi bốn tỷ, bốn trăm triệu đồng", "0.8", 136},
		{nq103, 138, "6.100.000.000 đồng", "6100", "Sáu tỷ, một trăm triệu đồng", "0.2", 140},
	}
	fund := goldenRows(t, "vn-dx-investment-funding")
	if len(fund) != len(funding) {
		t.Fatalf("%d funding rows, want %d", len(fund), len(funding))
	}
	for i, w := range funding {
		g := fund[i]
		if w.amountLine > 0 {
			sourceHas(t, w.file, w.amountLine, w.amount)
		}
		if w.words != "" {
			sourceHas(t, w.file, w.amountLine, w.words)
		}
		if g["source_file"] != w.file || g["source_line"] != strconv.Itoa(w.line) || g["amount_mvnd"] != w.mvnd ||
			g["amount_in_words"] != w.words || (w.share != "" && g["share"] != w.share) {
			t.Errorf("funding %d: golden row %v", i, g)
		}
	}
	if fund[5]["rest"] != "true" || fund[5]["share"] != "" {
		t.Errorf("the rest of Thừa Thiên Huế's total: %v", fund[5])
	}

	// Khánh Hòa's ten modules come from the first copy (Tờ trình 2216).
	comps := goldenRows(t, "vn-dx-investment-components")
	modules := map[string]int{"1": 102, "2": 103, "3": 104, "4": 105, "5": 113, "6": 114, "7": 115, "8": 119, "9": 120, "10": 121}
	n := 0
	for _, g := range comps {
		if g["kind"] != kindModule {
			continue
		}
		n++
		line := modules[g["component_no"]]
		l, err := Line(khanhhoa2023, line)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(l, g["component_no"]+"\t") || !strings.Contains(stripMarkup(l), strings.Fields(g["component"])[2]) {
			t.Errorf("%s:%d reads %q, not module %s %q", khanhhoa2023, line, l, g["component_no"], g["component"])
		}
		if g["source_line"] != strconv.Itoa(line) || g["amount_mvnd"] != "" || g["owner"] != "" {
			t.Errorf("module %s: %v", g["component_no"], g)
		}
	}
	if n != 10 {
		t.Errorf("%d modules, want 10", n)
	}
	// The 13 projects of the 2011-2015 plan add up to its total.
	sum := 0.0
	for _, g := range comps {
		if g["source_file"] == plan2010 {
			v, err := strconv.ParseFloat(g["amount_mvnd"], 64)
			if err != nil {
				t.Fatal(err)
			}
			sum += v
		}
	}
	if sum != 109045 {
		t.Errorf("2011-2015 projects add up to %v, want 109045", sum)
	}
}

// TestTranscriptionsOnTheirLines checks, independently of the loader, that
// every value of the curated file occurs in its source starting on the
// line it cites, and that numbers are not typed in the value column.
func TestTranscriptionsOnTheirLines(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("curated", "investments.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "record,field,file,line,text,value,note" {
		t.Fatalf("header %v", recs[0])
	}
	for _, rec := range recs[1:] {
		field, file, text, value := rec[1], rec[2], rec[4], rec[5]
		n, err := strconv.Atoi(rec[3])
		if err != nil {
			t.Fatalf("%v: line %v", rec, err)
		}
		// the text begins on line n and may run on over the next non-blank lines
		first, err := Line(file, n)
		if err != nil {
			t.Fatal(err)
		}
		first = loaders.CleanText(first)
		joined := first
		for k := n + 1; k < n+40; k++ {
			l, err := Line(file, k)
			if err != nil {
				break
			}
			if l = loaders.CleanText(l); l != "" {
				joined += " " + l
			}
		}
		at := strings.Index(joined, loaders.CleanText(text))
		if at < 0 || at >= len(first) {
			t.Errorf("%s:%d does not begin %q (it reads %q)", file, n, text, first)
		}
		switch field {
		case "total", "amount", "total_in_words", "amount_in_words", "date", "period":
			if value != "" {
				t.Errorf("%v: %s has a typed value %q; it must be read from the text", rec, field, value)
			}
		}
	}
	if _, err := transcriptions(); err != nil {
		t.Fatal(err)
	}
}

func TestTranscriptionErrors(t *testing.T) {
	good := reading{Record: "x", Field: "total", File: nq103, Line: 128, Text: "30.500.000.000 đồng"}
	if err := good.verify(); err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]reading{
		"wrong line":    {Field: "total", File: nq103, Line: 126, Text: "30.500.000.000 đồng"},
		"wrong text":    {Field: "total", File: nq103, Line: 128, Text: "30.500.000.001 đồng"},
		"ends too soon": {Field: "total_in_words", File: nq103, Line: 130, Text: "Ba mươi tỷ, năm trăm triệu đồng"},
		"no such line":  {Field: "total", File: nq103, Line: 9999, Text: "x"},
		"no such file":  {Field: "total", File: "nope.txt", Line: 1, Text: "x"},
	} {
		if err := r.verify(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// the quote may run on to the next lines, but must begin on its own
	if err := (reading{File: nq103, Line: 128, Text: "Ba mươi tỷ, năm trăm triệu đồng"}).verify(); err != nil {
		t.Errorf("run-on quote: %v", err)
	}
	if err := (reading{File: nq103, Line: 129, Text: "triệu đồng"}).verify(); err == nil {
		t.Error("a quote on a blank line: no error")
	}
	for name, csvText := range map[string]string{
		"typed number": "record,field,file,line,text,value,note\nx,total,f,1,1.000 đồng,1000,\n",
		"bad field":    "record,field,file,line,text,value,note\nx,totl,f,1,t,,\n",
		"bad line":     "record,field,file,line,text,value,note\nx,title,f,zero,t,,\n",
		"bad stage":    "record,field,file,line,text,value,note\nx,stage,f,1,t,done,\n",
		"bad header":   "record,field,file,line,text,note,value\n",
		"short record": "record,field,file,line,text,value,note\nx,title,f,1\n",
	} {
		if _, err := parseTranscriptions(name, []byte(csvText)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// a value that does not parse is an error at its line
	bad := reading{Record: "x", Field: "amount", File: nq103, Line: 136, Text: "Hai mươi bốn tỷ"}
	if _, err := bad.money(); err == nil {
		t.Error("words read as digits")
	} else if le := loaders.Errors(err); len(le) != 1 || le[0].Line != 136 || !errors.Is(err, loaders.ErrNotNumber) {
		t.Errorf("error %v", err)
	}
}

func TestParseDateVI(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"ngày  28  tháng  8  năm 2024", "2024-08-28"},
		{"Khánh Hòa, ngày 24 tháng 7 năm 2023", "2023-07-24"},
		{"thông qua Ngày 14 tháng 10 năm 2021./.", "2021-10-14"},
		{"14/7/2023", "2023-07-14"},
		{"ngày 02/11/2010", "2010-11-02"},
		{"29/2/2024", "2024-02-29"},
	} {
		got, err := parseDateVI(tc.in)
		if err != nil || got.Format(time.DateOnly) != tc.want {
			t.Errorf("parseDateVI(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"", "ngày tháng năm 2023", "31/2/2023", "ngày 0 tháng 7 năm 2023", "ngày 1 tháng 13 năm 2023", "2023-07-14", "1/1/23"} {
		if got, err := parseDateVI(in); err == nil {
			t.Errorf("parseDateVI(%q) = %v, want an error", in, got)
		}
	}
}

func TestStripMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"**22.955.000.000** đồng":                          "22.955.000.000 đồng",
		"(<i>Dashboard tổng</i>)":                          "(Dashboard tổng)",
		`<ul style="list-style-type: none"> - Tạo biểu đồ`: "- Tạo biểu đồ",
		"(*tạo lập người dùng*).":                          "(tạo lập người dùng).",
		"a < b > c":                                        "a < b > c",
	} {
		if got := stripMarkup(in); got != want {
			t.Errorf("stripMarkup(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestModuleTablesMutated changes one cell of the draft resolution's copy
// of the module table, and one copy of the total: the readers carry each
// change to its line, for the rules of package checks to find
// (checks.TestCopiesMutated makes the same changes and finds them).
func TestModuleTablesMutated(t *testing.T) {
	orig, err := sourceLines(khanhhoa2023)
	if err != nil {
		t.Fatal(err)
	}
	lines := append([]string(nil), orig...)
	const at = 392 // module 5 in the draft resolution
	if !strings.Contains(lines[at-1], "- Tổng hợp kết quả - Quản lý") {
		t.Fatalf("line %d: %q", at, lines[at-1])
	}
	lines[at-1] = strings.Replace(lines[at-1], "- Tổng hợp kết quả - Quản lý", "- Tổng hợp số liệu - Quản lý", 1)
	copies, err := moduleTables(khanhhoa2023, lines)
	if err != nil {
		t.Fatal(err)
	}
	if len(copies) != 3 || copies[0].Line != 101 || copies[1].Line != 274 || copies[2].Line != 384 {
		t.Fatalf("copies at %v", copies)
	}
	for _, c := range copies {
		if len(c.Rows) != 13 {
			t.Errorf("copy at line %d: %d rows, want 13 (10 modules, 3 scope items)", c.Line, len(c.Rows))
		}
	}
	// description of module 5 at line at, in the copies as compared
	description := func(cs []TableCopy) string {
		for _, row := range cs[2].Rows {
			if row.Line == at {
				return row.Cells[1]
			}
		}
		t.Fatalf("no row at line %d in the copy at line %d", at, cs[2].Line)
		return ""
	}
	if d := description(tableCopies(copies)); !strings.Contains(d, "- Tổng hợp số liệu - Quản lý") {
		t.Errorf("changed copy: description %q", d)
	}
	if d := description(tableCopies(mustTables(t, orig))); !strings.Contains(d, "- Tổng hợp kết quả - Quản lý") {
		t.Errorf("unchanged copy: description %q", d)
	}

	// A copy of the total that differs.
	lines = append([]string(nil), orig...)
	lines[418-1] = strings.Replace(lines[418-1], "22.955.000.000", "22.950.000.000", 1)
	code, err := labelledReadings("k", khanhhoa2023, lines)
	if err != nil {
		t.Fatal(err)
	}
	fields := map[string][]reading{}
	for _, rd := range code {
		fields[rd.Field] = append(fields[rd.Field], rd)
	}
	rs, err := restated(fields, nil)
	if err != nil {
		t.Fatal(err)
	}
	var total []string
	for _, f := range rs {
		if f.Field == "total" {
			for _, st := range f.Statements {
				total = append(total, fmt.Sprintf("%d %s", st.Line, st.Value))
			}
		}
	}
	if want := "129 22.955 triệu đồng; 305 22.955 triệu đồng; 418 22.950 triệu đồng"; strings.Join(total, "; ") != want {
		t.Errorf("total statements %q, want %q", strings.Join(total, "; "), want)
	}
}

func mustTables(t *testing.T, lines []string) []moduleCopy {
	t.Helper()
	c, err := moduleTables(khanhhoa2023, lines)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestInvestmentExtractors(t *testing.T) {
	lines, _ := sourceLines(nq103)
	items, err := scopeItems(nq103, lines)
	if err != nil || len(items) != 6 {
		t.Fatalf("%d scope items, %v", len(items), err)
	}
	if items[1].Name != "Bảo đảm an toàn thông tin" || !strings.HasPrefix(items[1].Description, "+ Hệ thống theo dõi") || items[1].Line != 84 {
		t.Errorf("item 2: %+v", items[1])
	}
	// errors name file and line
	bad := []string{"2. Quy mô đầu tư:", "", "2.1. Dự án A", "2.1.3. Chủ đầu tư: Sở X", "2.1.4. Tổng mức đầu tư: mười triệu đồng", "3. Nhóm dự án: Nhóm B"}
	_, err = programmeComponents("f.txt", bad)
	if le := loaders.Errors(err); len(le) != 1 || le[0].Line != 5 || le[0].File != "f.txt" {
		t.Errorf("bad amount: %v", err)
	}
	missing := []string{"2. Quy mô đầu tư:", "2.1. Dự án A", "2.1.4. Tổng mức đầu tư: 10 triệu đồng", "2.3. Dự án C", "2.3.3. Chủ đầu tư: Sở X", "2.3.4. Tổng mức đầu tư: 1 triệu đồng"}
	_, err = programmeComponents("f.txt", missing)
	if le := loaders.Errors(err); len(le) != 2 || le[0].Line != 2 || le[1].Line != 4 {
		t.Errorf("missing owner, skipped number: %v", err)
	}
	table := []string{"Stt\tCác phân hệ phần mềm\tMô tả", "1\tA\tx", "\tB\ty", "2\tC", "-\tD\tz", "", "- Kiểm thử: t", "5. Tiếp"}
	cs, err := moduleTables("f.txt", table)
	if le := loaders.Errors(err); len(le) != 2 || le[0].Line != 4 || le[1].Line != 5 {
		t.Errorf("table errors: %v", err)
	}
	if len(cs) != 1 || len(cs[0].Rows) != 2 || cs[0].Rows[0].Name != "A B" || cs[0].Rows[0].Description != "x y" || cs[0].Rows[1].Kind != kindScopeItem {
		t.Errorf("table: %+v", cs)
	}
	if _, err := moduleTables("f.txt", []string{"no table"}); !errors.Is(err, loaders.ErrMissingAppendix) {
		t.Errorf("no table: %v", err)
	}
}

// TestInvestmentTextNFC checks that every text cell is NFC with no
// combining mark left standing alone (Thừa Thiên Huế's PDF text has words
// with decomposed diacritics).
func TestInvestmentTextNFC(t *testing.T) {
	for _, id := range investIDs {
		f, err := Load(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range f.Names() {
			c := f.Col(name)
			if c.Kind() != frame.String {
				continue
			}
			for i, v := range c.Strings() {
				if !norm.NFC.IsNormalString(v) || strings.IndexFunc(v, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) >= 0 {
					t.Errorf("%s row %d %s: %q is not NFC", id, i, name, v)
				}
			}
		}
		f.Release()
	}
}

func TestInvestmentsConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		for _, id := range investIDs {
			wg.Add(1)
			go func(id string) {
				defer wg.Done()
				f, err := Load(id)
				if err != nil {
					t.Error(err)
					return
				}
				f.Release()
				if _, err := Programmes(); err != nil {
					t.Error(err)
				}
			}(id)
		}
	}
	wg.Wait()
}

// FuzzInvestmentText runs the extractors of investment decisions on any
// text: they must not panic or hang, and every problem they report is a
// positioned error inside the text.
func FuzzInvestmentText(f *testing.F) {
	// the sources, in pieces of 60 lines (small seeds keep minimising fast)
	for _, file := range []string{hue2021, khanhhoa2023, nq103} {
		lines, err := sourceLines(file)
		if err != nil {
			f.Fatal(err)
		}
		for i := 0; i < len(lines); i += 60 {
			f.Add([]byte(strings.Join(lines[i:min(i+60, len(lines))], "\n")))
		}
	}
	f.Add([]byte("2. Quy mô đầu tư:\n2.1. A\n2.1.3. Chủ đầu tư: X\n2.1.4. Tổng mức đầu tư: 990,277 triệu đồng\n3. Nhóm dự án: Nhóm B\n"))
	f.Add([]byte("Stt\tCác phân hệ phần mềm\tMô tả\n1\t<i>A</i>\t**x**\n\tB\n\n- a: b\n4. Tổng mức đầu tư dự án: **1.000** đồng\n"))
	f.Add([]byte("ngày 31 tháng 2 năm 2023\n7. Thời gian thực hiện: 04 năm\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		lines := splitTextLines(string(data))
		check := func(what string, err error) {
			if err == nil {
				return
			}
			for _, e := range loaders.Errors(err) {
				if e.File != "f.txt" || e.Line < 0 || e.Line > len(lines) {
					t.Fatalf("%s: error outside the text: %v", what, e)
				}
			}
		}
		rs, err := labelledReadings("k", "f.txt", lines)
		check("labels", err)
		for _, r := range rs {
			if r.Line < 1 || r.Line > len(lines) || !quoteAt(lines, r.Line-1, loaders.CleanText(r.Text)) {
				t.Fatalf("reading %+v is not on its line", r)
			}
		}
		cs, err := programmeComponents("f.txt", lines)
		check("components", err)
		items, err := scopeItems("f.txt", lines)
		check("scope", err)
		tables, err := moduleTables("f.txt", lines)
		check("tables", err)
		for _, c := range append(cs, items...) {
			if c.Line < 1 || c.Line > len(lines) {
				t.Fatalf("component at line %d of %d", c.Line, len(lines))
			}
		}
		tableCopies(tables)
		parseDateVI(string(data))
		stripMarkup(string(data))
	})
}

// Example (the investment decisions): the programmes with their totals.
func Example_investments() {
	f, err := Load("vn-dx-investments")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Release()
	prov, doc, date := f.Col("province").Strings(), f.Col("document").Strings(), f.Col("date").Strings()
	total, line := f.Col("total_mvnd").Float64s(), f.Col("total_line").Int64s()
	for i := range prov {
		fmt.Printf("%s, %s (%s): %s triệu đồng, line %d\n", prov[i], doc[i], date[i], frame.FormatVI(total[i], -1), line[i])
	}
	// Output:
	// Sóc Trăng, 21/KH-UBND (2010-11-02): 109.045 triệu đồng, line 639
	// Thừa Thiên Huế, Nghị quyết HĐND tỉnh khóa VIII, kỳ họp chuyên đề lần thứ 2 (văn bản không ghi số) (2021-10-14): 100.000 triệu đồng, line 892
	// Khánh Hòa, 2216/TTr-STTTT (2023-07-14): 22.955 triệu đồng, line 129
	// Sóc Trăng, 103/NQ-HĐND (2024-08-28): 30.500 triệu đồng, line 128
}
