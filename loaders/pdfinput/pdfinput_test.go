package pdfinput_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// The PDFs of testdata/ are the appendix tables laid out from the golden
// CSVs of package datasets and printed by LibreOffice and by Chromium
// (testdata/make.sh). Reading them back must give every cell of the
// golden files.
var producers = []string{"libreoffice", "chromium"}

const goldenDir = "../../datasets/testdata"

func open(t testing.TB, name string) (*bytes.Reader, int64) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(data), int64(len(data))
}

// golden reads a golden CSV as a header and rows.
func golden(t testing.TB, id string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, id+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// frameCSV writes a table's Frame as CSV records.
func frameCSV(t testing.TB, tb *loaders.Table) ([]string, [][]string) {
	t.Helper()
	var buf bytes.Buffer
	if err := frame.WriteCSV(&buf, tb.Frame, frame.CSVWriteOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs[0], recs[1:]
}

// sameCell compares a cell with the golden one: numbers by value, text
// exactly.
func sameCell(got, want string) bool {
	if got == want {
		return true
	}
	g, err1 := strconv.ParseFloat(got, 64)
	w, err2 := strconv.ParseFloat(want, 64)
	return err1 == nil && err2 == nil && math.Abs(g-w) <= 1e-9*math.Max(1, math.Abs(w))
}

// compareGolden compares every row and column of a table with a golden
// CSV (its source_line aside: the PDF has rows, not the text's lines) and
// returns the number of cells compared.
func compareGolden(t *testing.T, file string, tb *loaders.Table, id string) int {
	t.Helper()
	wantHead, want := golden(t, id)
	gotHead, got := frameCSV(t, tb)
	col := map[string]int{}
	for i, h := range gotHead {
		col[h] = i
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, golden %s has %d", file, len(got), id, len(want))
	}
	cells := 0
	for r := 0; r < len(got) && r < len(want); r++ {
		for c, h := range wantHead {
			if h == "source_line" {
				continue
			}
			k, ok := col[h]
			if !ok {
				t.Fatalf("%s: no column %q in %v", file, h, gotHead)
			}
			cells++
			if !sameCell(got[r][k], want[r][c]) {
				t.Errorf("%s: row %d (%s) column %s: got %q, golden %q", file, r+1, want[r][0], h, got[r][k], want[r][c])
			}
		}
	}
	return cells
}

// docs2010 are the PDFs of the 2010 appendices: composed text (plan2010)
// and the same text decomposed, each letter's marks apart (nfd2010), from
// each producer.
func docs2010() []string {
	var out []string
	for _, doc := range []string{"plan2010", "nfd2010"} {
		for _, p := range producers {
			out = append(out, doc+"-"+p+".pdf")
		}
	}
	return out
}

func TestTables(t *testing.T) {
	want := map[string][]string{
		"plan2010": {"PHỤ LỤC 2", "PHỤ LỤC 5"},
		"nfd2010":  {"PHỤ LỤC 2", "PHỤ LỤC 5"},
		"dx2023":   {"PHỤ LỤC 01"},
	}
	for doc, heads := range want {
		for _, p := range producers {
			name := doc + "-" + p + ".pdf"
			t.Run(name, func(t *testing.T) {
				r, size := open(t, name)
				ts, err := pdfinput.Tables(r, size)
				if err != nil {
					t.Fatal(err)
				}
				if len(ts) != len(heads) {
					t.Fatalf("%d tables %v, want %d", len(ts), ts, len(heads))
				}
				for i, ti := range ts {
					if ti.Heading != heads[i] || ti.Number != i+1 {
						t.Errorf("table %d: %q, want %q", i+1, ti.Heading, heads[i])
					}
					if len(ti.Pages) < 2 {
						t.Errorf("%s: on pages %v: every table of these documents runs over two pages", ti, ti.Pages)
					}
					t.Log(ti)
				}
			})
		}
	}
}

func TestParseComputers2010(t *testing.T) {
	for _, name := range docs2010() {
		t.Run(name, func(t *testing.T) {
			r, size := open(t, name)
			tb, err := pdfinput.Parse(r, size, 0, "2", loaders.Computers, loaders.Options{File: name, Convention: loaders.CommaThousands})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Release()
			n := compareGolden(t, name, tb, "soctrang-2010-computers-provincial")
			t.Logf("%s: %d cells compared with the golden CSV", name, n)
			// The total row is a claim: the columns add up to it.
			if len(tb.Totals) != 1 {
				t.Fatalf("%d total rows, want 1", len(tb.Totals))
			}
			_, rows := golden(t, "soctrang-2010-computers-provincial")
			for k, c := range map[string]int{"staff": 2, "computers": 3, "internet_computers": 4, "lan_computers": 5} {
				v, ok := tb.Totals[0].Get(k)
				sum := 0.0
				for _, r := range rows {
					x, _ := strconv.ParseFloat(r[c], 64)
					sum += x
				}
				if !ok || v.Value != sum {
					t.Errorf("total %s: %v, the rows add up to %v", k, v.Value, sum)
				}
			}
			if got := tb.Frame.Meta(pdfinput.MetaSourcePages); got != "1-2" {
				t.Errorf("source pages %q, want 1-2", got)
			}
		})
	}
}

func TestParseProjects2011(t *testing.T) {
	for _, name := range docs2010() {
		t.Run(name, func(t *testing.T) {
			r, size := open(t, name)
			tb, err := pdfinput.Parse(r, size, 0, "Phụ lục 5", loaders.ProjectsPlan, loaders.Options{File: name, Convention: loaders.CommaThousands})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Release()
			n := compareGolden(t, name, tb, "soctrang-2011-2015-projects")
			t.Logf("%s: %d cells compared with the golden CSV", name, n)
			// The plan's text claims 109.045 million in total, 39.120
			// central and 23.925 local investment, 20.500 and 25.500
			// recurrent (Kế hoạch 21/KH-UBND, lines 639–643).
			claims := map[string]float64{"total_mvnd": 109045, "invest_central_mvnd": 39120, "invest_local_mvnd": 23925, "recurrent_central_mvnd": 20500, "recurrent_local_mvnd": 25500}
			if len(tb.Totals) != 1 {
				t.Fatalf("%d total rows, want 1", len(tb.Totals))
			}
			for k, want := range claims {
				if v, ok := tb.Totals[0].Get(k); !ok || v.Value != want {
					t.Errorf("TỔNG CỘNG %s: %v, the plan claims %v", k, v.Value, want)
				}
			}
			if tb.MoneyUnit != loaders.Million {
				t.Errorf("money unit %v, want triệu đồng (the table's Đơn vị tính)", tb.MoneyUnit)
			}
		})
	}
}

func TestScannedRefused(t *testing.T) {
	r, size := open(t, "scanned.pdf")
	_, err := pdfinput.Tables(r, size)
	if !errors.Is(err, pdfinput.ErrNoText) {
		t.Fatalf("Tables(scanned.pdf): %v, want ErrNoText", err)
	}
	if !strings.Contains(err.Error(), "no text: a scanned PDF (2 pages of pictures only); run it through OCR") {
		t.Errorf("error %q does not say the PDF is a scan", err)
	}
	_, err = pdfinput.Parse(r, size, 1, "", loaders.Computers, loaders.Options{File: "scanned.pdf"})
	if !errors.Is(err, pdfinput.ErrNoText) || !strings.HasPrefix(err.Error(), "scanned.pdf: ") {
		t.Errorf("Parse(scanned.pdf): %v", err)
	}
}

func TestNotPDF(t *testing.T) {
	for _, in := range []string{"", "hello", "%PDF-1.4\n%%EOF\n", "code,unit\n1,Tỉnh ủy\n"} {
		_, err := pdfinput.Tables(strings.NewReader(in), int64(len(in)))
		if !errors.Is(err, pdfinput.ErrNotPDF) {
			t.Errorf("Tables(%q): %v, want ErrNotPDF", in, err)
		}
	}
}

func TestNoSuchTable(t *testing.T) {
	r, size := open(t, "plan2010-chromium.pdf")
	for _, sel := range []struct {
		table    int
		appendix string
	}{{3, ""}, {0, "7"}, {1, "5"}, {0, ""}} {
		_, err := pdfinput.Parse(r, size, sel.table, sel.appendix, loaders.Computers, loaders.Options{File: "plan.pdf"})
		if !errors.Is(err, pdfinput.ErrNoTable) {
			t.Errorf("table %d appendix %q: %v, want ErrNoTable", sel.table, sel.appendix, err)
		}
	}
}

// TestErrorNamesPage: a layout that does not fit the table gives errors
// that name the file, the page, the table and the row.
func TestErrorNamesPage(t *testing.T) {
	r, size := open(t, "plan2010-libreoffice.pdf")
	_, err := pdfinput.Parse(r, size, 2, "", loaders.Computers, loaders.Options{File: "plan.pdf", Convention: loaders.CommaThousands})
	if err == nil {
		t.Fatal("projects read as computers without an error")
	}
	var pe *pdfinput.Error
	if !errors.As(err, &pe) || pe.Page < 3 || pe.Table != 2 || pe.Err.Line == 0 {
		t.Fatalf("error %v (%#v) does not name page, table and row", err, pe)
	}
	if !strings.HasPrefix(err.Error(), fmt.Sprintf("plan.pdf: page %d, table 2 (PHỤ LỤC 5), row %d", pe.Page, pe.Err.Line)) {
		t.Errorf("error reads %q", err)
	}
	// the one position type of every reader
	if p, ok := frame.PositionOf(err); !ok || p.File != "plan.pdf" || p.Page != pe.Page || p.Table != 2 || p.Line != pe.Err.Line ||
		!strings.HasPrefix(p.String(), fmt.Sprintf("plan.pdf: page %d, table 2, row %d", pe.Page, pe.Err.Line)) {
		t.Errorf("position %+v (%v): %s", p, ok, p)
	}
}

// TestPDF20: a PDF 2.0 header is read (the parser knows 1.0–1.7 only).
func TestPDF20(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "dx2023-chromium.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		t.Fatalf("header %q", data[:8])
	}
	copy(data[5:8], "2.0")
	ts, err := pdfinput.Tables(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(ts) != 1 || ts[0].Heading != "PHỤ LỤC 01" {
		t.Fatalf("Tables of a PDF 2.0: %v, %v", ts, err)
	}
}
