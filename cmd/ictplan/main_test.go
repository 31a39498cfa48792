package main

import (
	"bytes"
	"encoding/base64"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/frame/ipcio"
	"github.com/ictplan/ictplan/frame/parquetio"
	"github.com/ictplan/ictplan/frame/xlsxio"
	"github.com/xuri/excelize/v2"
)

func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestDatasetsFormat(t *testing.T) {
	out, _, code := runCmd(t, "datasets")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(datasets.IDs()) {
		t.Fatalf("%d lines, want %d", len(lines), len(datasets.IDs()))
	}
	want := map[string]string{
		"soctrang-2010-it-staff": "31", "soctrang-2010-computers-provincial": "27", "soctrang-2010-computers-district": "22",
		"soctrang-2009-2010-projects": "5", "soctrang-2011-2015-projects": "13",
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 3 || f[2] == "" {
			t.Fatalf("line %q: want id<TAB>rows<TAB>title", l)
		}
		if w, ok := want[f[0]]; ok && f[1] != w {
			t.Errorf("%s: %s rows, want %s", f[0], f[1], w)
		}
	}
}

func TestShowVietnameseFormat(t *testing.T) {
	out, _, code := runCmd(t, "show", "soctrang-2010-computers-provincial", "--limit", "1")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	// Tỉnh ủy, line 1401: 159 staff, 142 computers, ratio 0.89308 shown as 0,89308
	for _, s := range []string{"Tỉnh ủy", "159", "142", "0,89308", "1401", "… 26 more rows (27 in all)"} {
		if !strings.Contains(out, s) {
			t.Errorf("show output lacks %q:\n%s", s, out)
		}
	}
}

func TestExportFormatsRoundTrip(t *testing.T) {
	id := "soctrang-2009-2010-projects"
	f := datasets.MustLoad(id)
	defer f.Release()
	dir := t.TempDir()
	for _, format := range []string{"csv", "json", "arrow", "parquet", "xlsx"} {
		path := filepath.Join(dir, "out."+format)
		if _, stderr, code := runCmd(t, "export", id, "--format", format, "-o", path); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var g *frame.Frame
		switch format {
		case "csv":
			g, err = frame.ReadCSV(bytes.NewReader(data), frame.CSVOptions{Fields: f.Fields(), Meta: f.Metadata()})
		case "json":
			g, err = frame.ReadJSON(bytes.NewReader(data), nil)
		case "arrow":
			g, err = ipcio.Read(bytes.NewReader(data), nil)
		case "parquet":
			g, err = parquetio.ReadBytes(data, nil)
		case "xlsx":
			g, err = xlsxio.Read(bytes.NewReader(data), nil)
		}
		if err != nil {
			t.Fatalf("%s: read back: %v", format, err)
		}
		if !frame.Equal(f, g) {
			t.Errorf("%s: export does not read back equal\nwant\n%s\ngot\n%s", format, f, g)
		}
		g.Release()
	}
}

func TestExportCSVContract(t *testing.T) {
	out, _, code := runCmd(t, "export", "soctrang-2009-2010-projects", "--format", "csv")
	if code != 0 {
		t.Fatal(code)
	}
	if strings.HasPrefix(out, "\ufeff") {
		t.Error("CSV starts with a BOM")
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := "no,project,objective,period_start,period_end,planned_mvnd,status,funded_mvnd,funding_text,note,source_line"
	if got := strings.Join(recs[0], ","); got != wantHeader {
		t.Errorf("header %s, want %s", got, wantHeader)
	}
	// row 2 (line 2399): 3,613,943,000 đồng planned, funding "Chưa được bố trí" (text, number null)
	r := recs[2]
	if r[5] != "3613.943" || r[7] != "" || r[8] != "Chưa được bố trí" || r[10] != "2399" {
		t.Errorf("row 2 = %q", r)
	}
}

func TestCheckCSVContract(t *testing.T) {
	out, _, code := runCmd(t, "check", "all", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d (findings are data: exit 0)", code)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "dataset,rule,subject,column,reported,computed,difference,source_line" {
		t.Fatalf("header %s", got)
	}
	found := false
	for _, r := range recs[1:] {
		// Phụ lục 3 reports 2025 staff at line 2346; its rows add up to more.
		if r[0] == "soctrang-2010-computers-district" && r[1] == "total-vs-sum" && r[3] == "staff" && r[4] == "2025" && r[7] == "2346" {
			found = true
		}
	}
	if !found {
		t.Errorf("missing the Phụ lục 3 staff total finding:\n%s", out)
	}
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{}, 2},
		{[]string{"nosuch"}, 2},
		{[]string{"show"}, 2},
		{[]string{"show", "no-such-id"}, 1},
		{[]string{"export", "soctrang-2010-it-staff", "--format", "pdf"}, 2},
		{[]string{"check", "no-such-id"}, 1},
		{[]string{"parse", "--layout", "nosuch", "x.txt"}, 2},
		{[]string{"parse", "--layout", "computers", "/no/such/file.txt"}, 1},
		{[]string{"show", "-h"}, 0},
	} {
		_, stderr, code := runCmd(t, c.args...)
		if code != c.code {
			t.Errorf("ictplan %v: exit %d, want %d (stderr %q)", c.args, code, c.code, stderr)
		}
	}
}

func TestParseUserTable(t *testing.T) {
	dir := t.TempDir()
	// A computers table of another province, in CSV, with a total row.
	in := "Mã số,Tên đơn vị,CBCC,Máy tính,Internet,LAN,Tỷ lệ,LAN %,Internet %\n" +
		"1,Sở Nội vụ,40,30,30,20,0.75,0.66667,1\n" +
		"2,Sở Tư pháp,20,21,20,21,1.05,1,0.95238\n" +
		"TỔNG CỘNG,,60,51,50,41,0.85,0.80392,0.98039\n"
	path := filepath.Join(dir, "other.csv")
	os.WriteFile(path, []byte(in), 0o644)
	out, stderr, code := runCmd(t, "parse", "--layout", "computers", path, "--totals")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "1,Sở Nội vụ,40,30,30,20,0.75,0.66667,1,2") {
		t.Errorf("output:\n%s", out)
	}
	if !strings.Contains(stderr, "# 4 checks, 0 findings") {
		t.Errorf("stderr:\n%s", stderr)
	}
	// The same table with a cell missing is an error naming the line.
	bad := strings.Replace(in, "2,Sở Tư pháp,20,21,20,21,1.05,1,0.95238", "2,Sở Tư pháp,20,21,20,1.05,1,0.95238", 1)
	os.WriteFile(path, []byte(bad), 0o644)
	_, stderr, code = runCmd(t, "parse", "--layout", "computers", path)
	if code != 1 || !strings.Contains(stderr, "other.csv:3:") || !strings.Contains(stderr, "wrong number of cells") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestParseWorkbook: ictplan parse --layout computers plan.xlsx reads the
// first sheet (or --sheet), with number cells, a merged total label and
// errors naming the cell.
func TestParseWorkbook(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, computers any) string {
		x := excelize.NewFile()
		defer x.Close()
		x.SetSheetName("Sheet1", "Phụ lục 2")
		s := "Phụ lục 2"
		x.SetSheetRow(s, "A1", &[]any{"Mã số", "Tên đơn vị", "CBCC", "Máy tính", "Internet", "LAN", "Tỷ lệ", "LAN %", "Internet %"})
		// Phụ lục 2 of 21/KH-UBND, its first two rows (source lines 1401, 1419)
		x.SetSheetRow(s, "A2", &[]any{1, "Tỉnh ủy", 159, computers, 16, 87, 0.89308, 0.61268, 0.11268})
		x.SetSheetRow(s, "A3", &[]any{2, "Hội đồng Nhân dân", 32, 35, 26, 26, 1.09375, 0.74286, 0.74286})
		// 159 + 32 = 191 staff; 142 + 35 = 177 computers
		x.SetSheetRow(s, "A4", &[]any{"TỔNG CỘNG", nil, 191, 177})
		x.MergeCell(s, "A4", "B4")
		path := filepath.Join(dir, name)
		if err := x.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	path := write("plan.xlsx", 142)
	out, stderr, code := runCmd(t, "parse", "--layout", "computers", path, "--totals")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// the rows with their sheet rows as source_line
	if !strings.Contains(out, "1,Tỉnh ủy,159,142,16,87,0.89308,0.61268,0.11268,2\n2,Hội đồng Nhân dân,32,35,26,26,1.09375,0.74286,0.74286,3\n") {
		t.Errorf("output:\n%s", out)
	}
	for _, s := range []string{"sheet Phụ lục 2, rows 1–4", "numbers comma-thousands", "# 2 checks, 0 findings"} {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr)
		}
	}
	if _, stderr, code := runCmd(t, "parse", "--layout", "computers", "--sheet", "phụ lục 2", path, "--format", "json"); code != 0 {
		t.Errorf("--sheet: exit %d: %s", code, stderr)
	}
	// A workbook under another name, read with --input xlsx.
	other := filepath.Join(dir, "plan.bin")
	data, _ := os.ReadFile(path)
	os.WriteFile(other, data, 0o644)
	if _, stderr, code := runCmd(t, "parse", "--layout", "computers", "--input", "xlsx", other); code != 0 {
		t.Errorf("--input xlsx: exit %d: %s", code, stderr)
	}
	// "l42" typed for 142: the error names file, sheet and cell.
	bad := write("bad.xlsx", "l42")
	_, stderr, code = runCmd(t, "parse", "--layout", "computers", bad)
	if code != 1 || !strings.Contains(stderr, "bad.xlsx: 'Phụ lục 2'!D2: (computers) not a number: found \"l42\"") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--sheet", "Phụ lục 9", path}, 1, `no such sheet: found "Phụ lục 9", expected a sheet of the workbook: "Phụ lục 2"`},
		{[]string{"--sheet", "Sheet1", filepath.Join(dir, "x.csv")}, 2, "--sheet applies to xlsx input only"},
		{[]string{"--appendix", "2", path}, 2, "--appendix does not apply to a workbook"},
		{[]string{"--input", "ods", path}, 2, `unknown input form "ods"`},
	} {
		_, stderr, code := runCmd(t, append([]string{"parse", "--layout", "computers"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("parse %v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}

func TestReport(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := runCmd(t, "report", "-o", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "index.html") {
		t.Errorf("stdout %q", out)
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range datasets.IDs() {
		if !bytes.Contains(page, []byte(id)) {
			t.Errorf("index.html does not list %s", id)
		}
		if _, err := os.Stat(filepath.Join(dir, "tables", id+".csv")); err != nil {
			t.Error(err)
		}
	}
	for _, s := range []string{"2346", "Tỉnh ủy", "<!DOCTYPE html>"} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("index.html lacks %q", s)
		}
	}
	// self-contained: nothing is loaded from the network (a URL may appear
	// in quoted source text, never as a resource)
	if m := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?(https?:)?//|@import`).Find(page); m != nil {
		t.Errorf("index.html refers to the network: %s", m)
	}
	// every chart of the analysis sections, as PNG (embedded in the page
	// too) and SVG, and every analysis table as CSV
	charts := []string{"computers-per-staff-provincial", "computers-per-staff-district", "email-share-by-unit",
		"budget-2024-by-pillar-source", "budget-2023-planned-spent", "budget-2023-2024-by-pillar", "budget-per-plan-year-real",
		"indicators-2010-2024", "programmes-compared"}
	for _, c := range charts {
		b, err := os.ReadFile(filepath.Join(dir, "charts", c+".png"))
		if err != nil {
			t.Error(err)
			continue
		}
		if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil {
			t.Errorf("%s.png: %v", c, err)
		}
		if !bytes.Contains(page, []byte(base64.StdEncoding.EncodeToString(b[:300]))) {
			t.Errorf("%s.png is not embedded in index.html", c)
		}
		svg, err := os.ReadFile(filepath.Join(dir, "charts", c+".svg"))
		if err != nil || !bytes.Contains(svg, []byte("<svg")) {
			t.Errorf("%s.svg: %v", c, err)
		}
	}
	for _, tb := range []string{"computers-per-staff-target", "budget-2023-execution-by-pillar", "budget-change-2023-2024", "indicators-results-vs-targets", "programmes-composite", "provinces-2025"} {
		if _, err := os.Stat(filepath.Join(dir, "tables", tb+".csv")); err != nil {
			t.Error(err)
		}
	}
	if !strings.Contains(out, "9 charts") {
		t.Errorf("stdout %q", out)
	}
}

func TestReportLanguage(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := runCmd(t, "report", "-o", dir, "--lang", "en"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "charts", "budget-2023-planned-spent.svg"))
	if err != nil || !bytes.Contains(svg, []byte("Digital government")) || !bytes.Contains(svg, []byte("2023 budget: planned and spent")) {
		t.Errorf("English chart: %v", err)
	}
	if _, stderr, code := runCmd(t, "report", "-o", dir, "--lang", "fr"); code != 2 || !strings.Contains(stderr, "--lang") {
		t.Errorf("--lang fr: exit %d, %s", code, stderr)
	}
}
