package docxinput

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/internal/ziptest"
	"github.com/ictplan/ictplan/loaders"
)

// TestParagraphs: the body's paragraphs outside the tables, in order, with
// an amount in digits and in words that loaders.FindWordAmounts reads.
func TestParagraphs(t *testing.T) {
	doc, err := os.ReadFile("testdata/plan-python-docx.docx")
	if err != nil {
		t.Fatal(err)
	}
	xml := string(ziptest.Part(t, doc, "word/document.xml"))
	i := strings.Index(xml, "<w:body>")
	if i < 0 {
		t.Fatal("no body")
	}
	const para = `<w:p><w:r><w:t>Tổng mức đầu tư: 22.955.000.000 đồng (Bằng chữ: Hai mươi hai tỷ, </w:t></w:r><w:r><w:t>chín trăm năm mươi lăm triệu đồng).</w:t></w:r></w:p>`
	doc = ziptest.SetPart(t, doc, "word/document.xml", []byte(xml[:i+len("<w:body>")]+para+xml[i+len("<w:body>"):]), zip.Deflate)
	pars, err := Paragraphs(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	if len(pars) < 3 || pars[0] != "Tổng mức đầu tư: 22.955.000.000 đồng (Bằng chữ: Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng)." {
		t.Fatalf("paragraphs %q", pars)
	}
	for _, p := range pars {
		if strings.Contains(p, "Tỉnh ủy") {
			t.Errorf("a table's cell among the paragraphs: %q", p)
		}
	}
	ws := loaders.FindWordAmounts([]byte(strings.Join(pars, "\n")), loaders.Undecided)
	if len(ws) != 1 || ws[0].Line != 1 || !ws[0].Agrees() || ws[0].Million != 22955 {
		t.Errorf("amounts in words %+v", ws)
	}
}
