package pdfinput_test

import (
	"testing"

	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// BenchmarkTables times finding and reading every table of each test PDF
// (the PDF parsed, its words placed, the tables found), the 109-page
// draft plan last.
func BenchmarkTables(b *testing.B) {
	for _, name := range []string{"plan2010-libreoffice.pdf", "plan2010-chromium.pdf", "dx2023-libreoffice.pdf", "dx2023-chromium.pdf", "draft2024-libreoffice.pdf"} {
		b.Run(name, func(b *testing.B) {
			r, size := open(b, name)
			b.ReportAllocs()
			b.SetBytes(size)
			for b.Loop() {
				if _, err := pdfinput.Tables(r, size); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
