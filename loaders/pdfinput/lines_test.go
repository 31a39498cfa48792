package pdfinput_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// TestLinesDraft: the 2024 draft plan printed by LibreOffice (92 pages)
// gives back the lines of its text in order, with their pages: the
// sentence of the total cost with its amount in words, on the page it is
// printed on, and no page number as a line of text.
func TestLinesDraft(t *testing.T) {
	r, size := open(t, "draft2024-libreoffice.pdf")
	ls, err := pdfinput.Lines(r, size)
	if err != nil {
		t.Fatal(err)
	}
	if last := ls[len(ls)-1]; last.Page < 90 {
		t.Fatalf("%d lines, the last on page %d", len(ls), last.Page)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "datasets", "sources", "soctrang-2024-dx-plan-draft-with-2023-results.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// every line of text of the source is in the PDF's text, the long
	// ones (one of a kind) in order
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
	for i, sl := range strings.Split(string(src), "\n") {
		s := strings.Join(strings.Fields(sl), " ")
		if s == "" {
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
// running onto the next line in one of them.
func TestLinesWords(t *testing.T) {
	for _, name := range []string{"words-chromium.pdf", "words-libreoffice.pdf"} {
		r, size := open(t, name)
		ls, err := pdfinput.Lines(r, size)
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, l := range ls {
			text = append(text, l.Text)
		}
		ws := loaders.FindWordAmounts([]byte(strings.Join(text, "\n")), loaders.DotThousands)
		if len(ws) != 3 || !ws[0].Agrees() || !ws[1].Agrees() || ws[2].Agrees() || ws[2].WordsMillion != 2950 || ws[2].Million != 2955 {
			t.Errorf("%s: %+v", name, ws)
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

// BenchmarkLines reads the lines of the 92-page draft plan.
func BenchmarkLines(b *testing.B) {
	r, size := open(b, "draft2024-libreoffice.pdf")
	b.SetBytes(size)
	for b.Loop() {
		if _, err := pdfinput.Lines(r, size); err != nil {
			b.Fatal(err)
		}
	}
}
