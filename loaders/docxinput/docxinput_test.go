package docxinput

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// appendixCase is an appendix of the test documents and its golden dataset.
type appendixCase struct {
	appendix string
	table    int
	dataset  string
	layout   loaders.Layout
	conv     loaders.Convention
	// firstRow is the table row of the first data row: after the two
	// header rows (and, in Phụ lục 2, the row of column letters).
	firstRow int
	// total is the table's total row as the source text has it (Phụ lục
	// 2: line 1887, TỔNG/BÌNH QUÂN 1215 1001 830 816 0.82387 0.81518
	// 0.82917; Phụ lục 5: line 2762, TỔNG CỘNG 109,045 39,120 23,925
	// 20,500 25,500), by column.
	total map[string]float64
	// ratios are the total row's ratios, as numerator / denominator
	// columns of the data.
	ratios map[string][2]string
}

var appendices = []appendixCase{
	{
		appendix: "2", table: 1, dataset: "soctrang-2010-computers-provincial", layout: loaders.Computers,
		firstRow: 4,
		total: map[string]float64{"staff": 1215, "computers": 1001, "internet_computers": 830, "lan_computers": 816,
			"computers_per_staff_reported": 0.82387, "lan_share_reported": 0.81518, "internet_share_reported": 0.82917},
		ratios: map[string][2]string{
			"computers_per_staff_reported": {"computers", "staff"},
			"lan_share_reported":           {"lan_computers", "computers"},
			"internet_share_reported":      {"internet_computers", "computers"},
		},
	},
	{
		// Every figure of Phụ lục 5 reads two ways ("24.000" is 24000 or
		// 24): the caller gives the convention (TestAmbiguousAppendix5).
		appendix: "5", table: 2, dataset: "soctrang-2011-2015-projects", layout: loaders.ProjectsPlan,
		conv: loaders.DotThousands, firstRow: 3,
		total: map[string]float64{"total_mvnd": 109045, "invest_central_mvnd": 39120, "invest_local_mvnd": 23925,
			"recurrent_central_mvnd": 20500, "recurrent_local_mvnd": 25500},
	},
}

// TestGoldenAppendices reads Phụ lục 2 and 5 from both test documents and
// compares every column of every row with the golden datasets, which
// package datasets checks against the source text.
func TestGoldenAppendices(t *testing.T) {
	compared := 0
	for _, name := range documents {
		doc := readTestdata(t, name)
		for _, c := range appendices {
			t.Run(name+"/"+c.appendix, func(t *testing.T) {
				mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
				defer mem.AssertSize(t, 0)
				tb, err := parseDoc(doc, 0, c.appendix, c.layout, loaders.Options{File: name, Convention: c.conv, Allocator: mem})
				if err != nil {
					t.Fatal(err)
				}
				defer tb.Release()
				want := golden(t, c.dataset)
				header, rows := want[0], want[1:]
				if got := tb.Frame.NumRows(); got != len(rows) {
					t.Fatalf("%d rows, want %d", got, len(rows))
				}
				for j, col := range header {
					for i, rec := range rows {
						w := rec[j]
						if col == frame.ColSourceLine {
							w = strconv.Itoa(c.firstRow + i) // the row in the table, not the line of the text
						}
						if got := tb.Frame.Col(col).Value(i); !sameValue(got, w) {
							t.Errorf("row %d (%s) %s = %v, want %q", i+1, rec[1], col, got, w)
						}
						compared++
					}
				}
				if got := tb.Frame.Metadata()[MetaSourceTable]; got != strconv.Itoa(c.table) {
					t.Errorf("source_table %q, want %d", got, c.table)
				}
				if c.layout.Name == "projects-plan" && tb.MoneyUnit.String() != "triệu đồng" {
					t.Errorf("money unit %s, want triệu đồng (the paragraph above the table)", tb.MoneyUnit)
				}
				checkTotals(t, tb, c)
			})
		}
	}
	t.Logf("%d cells compared with the golden datasets", compared)
}

// sameValue compares a Frame value with its text in a golden CSV.
func sameValue(got any, want string) bool {
	switch g := got.(type) {
	case nil:
		return want == ""
	case string:
		return g == want
	case int64:
		return strconv.FormatInt(g, 10) == want
	case float64:
		w, err := strconv.ParseFloat(want, 64)
		return err == nil && math.Abs(g-w) <= 1e-9*math.Max(1, math.Abs(w))
	}
	return false
}

// checkTotals checks the total row: its figures are those of the source,
// at the table's last row, and agree with the data rows (sums, ratios).
func checkTotals(t *testing.T, tb *loaders.Table, c appendixCase) {
	t.Helper()
	if len(tb.Totals) != 1 {
		t.Fatalf("%d total rows, want 1", len(tb.Totals))
	}
	total := tb.Totals[0]
	lastRow := c.firstRow + tb.Frame.NumRows()
	if total.Line != lastRow {
		t.Errorf("total at row %d, want %d", total.Line, lastRow)
	}
	sum := func(col string) float64 {
		s := 0.0
		for i := 0; i < tb.Frame.NumRows(); i++ {
			switch v := tb.Frame.Col(col).Value(i).(type) {
			case int64:
				s += float64(v)
			case float64:
				s += v
			}
		}
		return s
	}
	for col, want := range c.total {
		v, ok := total.Get(col)
		if !ok {
			t.Errorf("total lacks %s", col)
			continue
		}
		if v.Value != want {
			t.Errorf("total %s = %v (%q), want %v", col, v.Value, v.Text, want)
		}
		if r, ok := c.ratios[col]; ok {
			if got := math.Round(sum(r[0])/sum(r[1])*1e5) / 1e5; got != want {
				t.Errorf("total %s = %v, the data give %v", col, want, got)
			}
		} else if got := sum(col); got != want {
			t.Errorf("total %s = %v, the data sum to %v", col, want, got)
		}
	}
}

func TestTables(t *testing.T) {
	for _, name := range documents {
		t.Run(name, func(t *testing.T) {
			doc := readTestdata(t, name)
			got, err := Tables(bytes.NewReader(doc), int64(len(doc)))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 {
				t.Fatalf("%d tables, want 2: %v", len(got), got)
			}
			p2, p5 := got[0], got[1]
			// Phụ lục 2: two header rows, the row of letters, 27 units and the total.
			if p2.Number != 1 || p2.Rows != 31 || p2.Columns != 9 || p2.Heading != "PHỤ LỤC 2" || p2.Appendix != "2" || p2.Unit != "" || p2.Parent != 0 {
				t.Errorf("table 1: %+v", p2)
			}
			wantFirst := []string{"Mã số", "Tên đơn vị", "Tổng số cán bộ, công chức đang làm việc", "Số lượng máy vi tính đang sử dụng",
				"Trong đó", "", "Tỷ lệ máy tính/ CBCC", "Tỷ lệ máy tính có kết nối mạng nội bộ (LAN)", "Tỷ lệ máy tính có kết nối mạng Internet"}
			if strings.Join(p2.FirstRow, "|") != strings.Join(wantFirst, "|") {
				t.Errorf("table 1's first row %q, want %q", p2.FirstRow, wantFirst)
			}
			// Phụ lục 5: two header rows, 13 projects and the total.
			if p5.Number != 2 || p5.Rows != 16 || p5.Columns != 10 || p5.Heading != "PHỤ LỤC 5" || p5.Appendix != "5" || p5.Unit != "triệu đồng" {
				t.Errorf("table 2: %+v", p5)
			}
			if p5.FirstRow[5] != "Nguồn Phát triển" || p5.FirstRow[6] != "" || p5.FirstRow[9] != "Ghi chú" {
				t.Errorf("table 2's first row %q", p5.FirstRow)
			}
			const line = `table 2: 16 rows × 10 columns, under "PHỤ LỤC 5" (appendix 5), unit triệu đồng: STT | Tên Dự án | Mục tiêu | Thời gian thực hiện | Tổng mức Đầu tư | Nguồn Phát triển | Nguồn Sự nghiệp | Ghi chú`
			if p5.String() != line {
				t.Errorf("String:\n%s\nwant\n%s", p5, line)
			}
		})
	}
}

// TestParseByNumber: table 1 is Phụ lục 2; a number and an appendix that
// disagree are an error.
func TestParseByNumber(t *testing.T) {
	doc := readTestdata(t, documents[0])
	tb, err := parseDoc(doc, 1, "", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Release()
	if got := tb.Frame.Col("unit").Strings()[26]; got != "Hội Cựu Chiến binh" {
		t.Errorf("unit 27 %q", got)
	}
	// The convention is that of the first figure that decides it: the
	// ratio 0,89308 of Tỉnh ủy (row 4, column G).
	if want := `detected from "0,89308" at table 1, row 4, cell 7`; tb.ConventionReason != want {
		t.Errorf("reason %q, want %q", tb.ConventionReason, want)
	}
	tb2, err := parseDoc(doc, 1, "2", loaders.Computers, loaders.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tb2.Release()
	_, err = parseDoc(doc, 1, "5", loaders.ProjectsPlan, loaders.Options{})
	if !errors.Is(err, ErrNoTable) || err.Error() != `plan.docx: table 1: no such table: found "5", expected the appendix of table 1 (appendix 2)` {
		t.Errorf("table 1 as appendix 5: %v", err)
	}
	_, err = parseDoc(doc, 0, "2", loaders.Computers, loaders.Options{Appendix: "5"})
	if err == nil || !strings.Contains(err.Error(), "two appendices") {
		t.Errorf("two appendices: %v", err)
	}
}

// TestAmbiguousAppendix5: without a convention, the figures of Phụ lục 5
// written the Vietnamese way are errors at their cells, never guessed.
func TestAmbiguousAppendix5(t *testing.T) {
	doc := readTestdata(t, documents[1])
	_, err := parseDoc(doc, 0, "5", loaders.ProjectsPlan, loaders.Options{})
	if !errors.Is(err, loaders.ErrAmbiguousNumber) {
		t.Fatalf("want ErrAmbiguousNumber, got %v", err)
	}
	var de *DocxError
	if !errors.As(err, &de) {
		t.Fatalf("%T", err)
	}
	// Project 1, Tổng mức đầu tư: 24.000 (line 2512 of the source: 24,000).
	if de.File != "plan.docx" || de.Table != 2 || de.Row != 3 || de.Cell != 5 || de.Err.Text != "24.000" {
		t.Errorf("first error %+v: %v", de, de)
	}
	want := `plan.docx: table 2, row 3, cell 5: (total_mvnd) ambiguous number: found "24.000", expected an amount of money ("24.000" reads as 24000 or 24; the table's convention is needed)`
	if de.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", de, want)
	}
}

// TestCellNotNumber: a letter l typed for the digit 1 in Tỉnh ủy's
// computers (142, line 1405 of the source).
func TestCellNotNumber(t *testing.T) {
	for _, name := range documents {
		doc := readTestdata(t, name)
		xml := part(t, doc, documentPart)
		if n := bytes.Count(xml, []byte(">142<")); n != 1 {
			t.Fatalf("%s: 142 %d times", name, n)
		}
		doc = setPart(t, doc, documentPart, bytes.Replace(xml, []byte(">142<"), []byte(">l42<"), 1))
		_, err := parseDoc(doc, 0, "2", loaders.Computers, loaders.Options{File: name})
		if !errors.Is(err, loaders.ErrNotNumber) {
			t.Fatalf("%s: want ErrNotNumber, got %v", name, err)
		}
		es := loaders.Errors(err)
		if len(es) != 1 || es[0].Line != 4 || es[0].Cell != 4 || es[0].Column != "computers" {
			t.Errorf("%s: errors %v", name, es)
		}
		want := name + `: table 1, row 4, cell 4: (computers) not a number: found "l42"`
		if !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%s: error\n%s\nwant it to start\n%s", name, err, want)
		}
		// the one position type of every reader
		if p, ok := frame.PositionOf(err); !ok || p != (frame.Position{File: name, Table: 1, Line: 4, Cell: 4}) || !strings.HasPrefix(err.Error(), p.String()+":") {
			t.Errorf("%s: position %+v (%v)", name, p, ok)
		}
	}
}

func TestNotDocument(t *testing.T) {
	doc := readTestdata(t, documents[0])
	cases := []struct {
		name string
		data []byte
		err  error
		want string
	}{
		{"csv", []byte("code,unit,staff\n1,Tỉnh ủy,159\n"), ErrNotDocument,
			"plan.docx: not a .docx document: expected a .docx document, which is a zip archive (zip: not a valid zip file)"},
		{"workbook", zipOf(t, "[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"), ErrNotDocument,
			`plan.docx: not a .docx document: expected a .docx document: a zip holding word/document.xml (this zip holds "[Content_Types].xml", "xl/workbook.xml")`},
		{"truncated", doc[:len(doc)/2], ErrNotDocument, "plan.docx: not a .docx document: expected a .docx document, which is a zip archive (zip: not a valid zip file)"},
		{"not XML", zipOf(t, documentPart, "<w:document><w:body>"), ErrNotDocument,
			"plan.docx: not a .docx document: expected well-formed XML in word/document.xml (line 1: unexpected EOF)"},
		{"no table", docxOf(t, `<w:p><w:r><w:t>PHỤ LỤC 2</w:t></w:r></w:p>`), ErrNoTable,
			`plan.docx: no such table: found "1", expected a document with a table (this one has none)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseDoc(c.data, 1, "", loaders.Computers, loaders.Options{})
			if !errors.Is(err, c.err) || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestChooseTable(t *testing.T) {
	doc := readTestdata(t, documents[0])
	cases := []struct {
		table    int
		appendix string
		err      error
		want     string
	}{
		{3, "", ErrNoTable, `plan.docx: no such table: found "3", expected a table number from 1 to 2 (the document has 2 tables)`},
		{-1, "", ErrNoTable, `plan.docx: no such table: found "-1", expected a table number from 1 to 2 (the document has 2 tables)`},
		{0, "9", loaders.ErrMissingAppendix, `plan.docx: missing appendix: found "9", expected a table under the heading "PHỤ LỤC 9": the document has tables under appendices 2 (table 1), 5 (table 2)`},
		{0, "", ErrNoTable, `plan.docx: no such table: expected a choice of table: a number from 1 to 2 or an appendix (the document has tables under appendices 2 (table 1), 5 (table 2))`},
	}
	for _, c := range cases {
		_, err := parseDoc(doc, c.table, c.appendix, loaders.Computers, loaders.Options{})
		if !errors.Is(err, c.err) || err.Error() != c.want {
			t.Errorf("table %d appendix %q: got %v\nwant %s", c.table, c.appendix, err, c.want)
		}
	}
	// "05", "PHỤ LỤC 5"'s id written with a zero, is appendix 5.
	tb, err := parseDoc(doc, 0, "05", loaders.ProjectsPlan, loaders.Options{Convention: loaders.DotThousands})
	if err != nil {
		t.Fatal(err)
	}
	tb.Release()
}
