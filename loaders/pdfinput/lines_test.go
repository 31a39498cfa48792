package pdfinput_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
	"golang.org/x/text/unicode/norm"
)

// TestLinesDraft: the 2024 draft plan printed by LibreOffice (109 pages)
// gives back the lines of its text in order, with their pages: the
// sentence of the total cost with its amount in words, on the page it is
// printed on, and no page number as a line of text.
func TestLinesDraft(t *testing.T) {
	r, size := open(t, "draft2024-libreoffice.pdf")
	ls, err := pdfinput.Lines(r, size)
	if err != nil {
		t.Fatal(err)
	}
	if last := ls[len(ls)-1]; last.Page != 109 {
		t.Fatalf("%d lines, the last on page %d", len(ls), last.Page)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "datasets", "sources", "soctrang-2024-dx-plan-draft-with-2023-results.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// every line of text of the source outside its appendices (laid out
	// as tables, TestDraftTables) is in the PDF's text, the long ones
	// (one of a kind) in order
	var text strings.Builder
	page, line := 0, 0
	for _, l := range ls {
		if l.Page < page || (l.Page == page && l.Line != line+1) || (l.Page > page && l.Line != 1) {
			t.Fatalf("line %+v after page %d line %d", l, page, line)
		}
		page, line = l.Page, l.Line
		if l.Text == fmt.Sprintf("Trang %d", l.Page) {
			t.Errorf("the page's footer read as text: %+v", l)
		}
		text.WriteString(l.Text + " ")
	}
	all := strings.Join(strings.Fields(text.String()), " ")
	at := 0
	appendix := false
	for i, sl := range strings.Split(string(src), "\n") {
		s := strings.Join(strings.Fields(sl), " ")
		switch {
		case s == "PHỤ LỤC 01":
			appendix = true
		case appendix && strings.HasPrefix(s, "TỔNG CỘNG 18.023"):
			appendix = false
			continue
		}
		if s == "" || appendix {
			continue
		}
		if !strings.Contains(all, s) {
			t.Fatalf("source line %d %q not found", i+1, s)
		}
		if len(s) < 40 {
			continue
		}
		k := strings.Index(all[at:], s)
		if k < 0 {
			t.Fatalf("source line %d %q not found after offset %d", i+1, s, at)
		}
		at += k + len(s)
	}
	found := false
	for _, l := range ls {
		if strings.Contains(l.Text, "152.703 triệu đồng (Bằng chữ: Một trăm năm") {
			found = true
		}
	}
	if !found {
		t.Error("the total cost in words is not on a line")
	}
}

// TestLinesScanned: a scanned PDF has no lines of text: ErrNoText.
func TestLinesScanned(t *testing.T) {
	r, size := open(t, "scanned.pdf")
	if _, err := pdfinput.Lines(r, size); !errors.Is(err, pdfinput.ErrNoText) {
		t.Errorf("err = %v, want ErrNoText", err)
	}
}

// TestLinesWords: the amounts in words of a proposal printed by Chromium
// and by LibreOffice read back whole from the PDF's lines, the words
// running onto the next line in one of them; the same page written
// decomposed (NFD: every letter and its marks apart) gives the same
// lines, NFC, from both.
func TestLinesWords(t *testing.T) {
	for _, p := range producers {
		var nfc []pdfinput.TextLine
		for _, name := range []string{"words-" + p + ".pdf", "wordsnfd-" + p + ".pdf"} {
			r, size := open(t, name)
			ls, err := pdfinput.Lines(r, size)
			if err != nil {
				t.Fatal(err)
			}
			var text []string
			for _, l := range ls {
				text = append(text, l.Text)
				if !norm.NFC.IsNormalString(l.Text) {
					t.Errorf("%s: page %d line %d not NFC: %q", name, l.Page, l.Line, l.Text)
				}
			}
			ws := loaders.FindWordAmounts([]byte(strings.Join(text, "\n")), loaders.DotThousands)
			if len(ws) != 3 || !ws[0].Agrees() || !ws[1].Agrees() || ws[2].Agrees() || ws[2].WordsMillion != 2950 || ws[2].Million != 2955 {
				t.Errorf("%s: %+v", name, ws)
			}
			if nfc == nil {
				nfc = ls
				continue
			}
			if len(ls) != len(nfc) {
				t.Fatalf("%s: %d lines, the NFC page %d", name, len(ls), len(nfc))
			}
			for i := range ls {
				// Chromium's head and foot, kept on a one-page document,
				// name the time and the file it was printed from
				if p == "chromium" && (i == 0 || i == len(ls)-1) {
					continue
				}
				if ls[i] != nfc[i] {
					t.Errorf("%s: %+v, the NFC page %+v", name, ls[i], nfc[i])
				}
			}
		}
	}
}

// TestLinesNoWords: the appendix tables of the 2010 plan (NFC and NFD)
// and of the 2024 plan's 2023 tasks, from both producers, state no amount
// in words (their sources have no "Bằng chữ"): their lines give none, and
// so no finding.
func TestLinesNoWords(t *testing.T) {
	for _, doc := range []string{"plan2010", "nfd2010", "dx2023"} {
		for _, p := range producers {
			name := doc + "-" + p + ".pdf"
			r, size := open(t, name)
			ls, err := pdfinput.Lines(r, size)
			if err != nil {
				t.Fatal(err)
			}
			var text []string
			for _, l := range ls {
				text = append(text, l.Text)
			}
			if ws := loaders.FindWordAmounts([]byte(strings.Join(text, "\n")), loaders.DotThousands); len(ws) != 0 {
				t.Errorf("%s: %d lines, amounts in words %+v", name, len(ls), ws)
			}
		}
	}
}

func ExampleLines() {
	data, err := os.ReadFile("testdata/words-libreoffice.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	ls, err := pdfinput.Lines(strings.NewReader(string(data)), int64(len(data)))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range ls[:3] {
		fmt.Printf("page %d, line %d: %s\n", l.Page, l.Line, l.Text)
	}
	// Output:
	// page 1, line 1: TỜ TRÌNH
	// page 1, line 2: Đề xuất chủ trương đầu tư dự án Xây dựng Hệ thống thông tin lãnh đạo, chỉ đạo
	// page 1, line 3: 1. Tên dự án: Xây dựng Hệ thống thông tin lãnh đạo, chỉ đạo của Tỉnh ủy.
}

// TestRead: one reading gives what ReadGrids and Lines give, for the
// draft plan (tables over many pages, text) and the pages of words.
func TestRead(t *testing.T) {
	for _, name := range []string{"draft2024-libreoffice.pdf", "words-chromium.pdf", "wordsnfd-libreoffice.pdf", "plan2010-chromium.pdf"} {
		r, size := open(t, name)
		doc, err := pdfinput.Read(r, size, name)
		if err != nil {
			t.Fatal(err)
		}
		gs, err := pdfinput.ReadGrids(r, size, name)
		if err != nil {
			t.Fatal(err)
		}
		ls, err := pdfinput.Lines(r, size)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc.Grids, gs) || !reflect.DeepEqual(doc.Lines, ls) {
			t.Errorf("%s: Read gives %d tables and %d lines, ReadGrids %d and Lines %d", name, len(doc.Grids), len(doc.Lines), len(gs), len(ls))
		}
	}
	r, size := open(t, "scanned.pdf")
	if _, err := pdfinput.Read(r, size, "scanned.pdf"); !errors.Is(err, pdfinput.ErrNoText) || !strings.Contains(err.Error(), "scanned.pdf: no text: a scanned PDF") {
		t.Errorf("scanned: %v", err)
	}
}

// ExampleRead reads a draft once for its tables and its amounts in words.
func ExampleRead() {
	data, err := os.ReadFile("testdata/draft2024-libreoffice.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := pdfinput.Read(strings.NewReader(string(data)), int64(len(data)), "draft.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range doc.Grids {
		if g.Heading == "" {
			continue // a line of the text that begins with a number, page 23
		}
		fmt.Printf("%s: %d rows × %d columns, pages %d-%d\n", g.Heading, g.Rows, g.Columns, g.Pages[0], g.Pages[len(g.Pages)-1])
	}
	text := make([]string, len(doc.Lines))
	for i, l := range doc.Lines {
		text[i] = l.Text
	}
	for _, w := range loaders.FindWordAmounts([]byte(strings.Join(text, "\n")), loaders.DotThousands) {
		l := doc.Lines[w.Line-1]
		fmt.Printf("page %d, line %d: %s = %q, agrees %v\n", l.Page, l.Line, w.Digits, w.Words, w.Agrees())
	}
	// Output:
	// PHỤ LỤC 01: 54 rows × 12 columns, pages 43-72
	// PHỤ LỤC 2: 61 rows × 11 columns, pages 73-109
	// page 39, line 1: 152.703 triệu đồng = "Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng", agrees true
	// page 109, line 12: 152.703 triệu đồng = "Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng", agrees true
}

// BenchmarkRead reads the tables and the lines of the draft plan at once.
func BenchmarkRead(b *testing.B) {
	r, size := open(b, "draft2024-libreoffice.pdf")
	b.SetBytes(size)
	for b.Loop() {
		if _, err := pdfinput.Read(r, size, "draft.pdf"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLines reads the lines of the 109-page draft plan.
func BenchmarkLines(b *testing.B) {
	r, size := open(b, "draft2024-libreoffice.pdf")
	b.SetBytes(size)
	for b.Loop() {
		if _, err := pdfinput.Lines(r, size); err != nil {
			b.Fatal(err)
		}
	}
}
