package pdfinput_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// FuzzTables feeds the real PDFs of testdata/, their bytes mutated, to
// Read (the tables and the lines of text of one reading) and to the
// parse of its first table. The property: no panic, no hang, and every
// failure a positioned error of this package (or the layout's); the lines
// of text are numbered from 1 on each page, pages in order; a table has
// two columns or more, rows and pages, and the page of each row is one of
// them.
func FuzzTables(f *testing.F) {
	for _, name := range []string{"plan2010-libreoffice.pdf", "plan2010-chromium.pdf", "dx2023-libreoffice.pdf", "dx2023-chromium.pdf", "scanned.pdf", "words-chromium.pdf", "words-libreoffice.pdf", "wordsnfd-chromium.pdf", "wordsnfd-libreoffice.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := pdfinput.Read(bytes.NewReader(data), int64(len(data)), "fuzz.pdf")
		if err != nil {
			var pe *pdfinput.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Read: %v is not a *pdfinput.Error", err)
			}
			return
		}
		page, line := 0, 0
		for _, l := range doc.Lines {
			if l.Page < page || (l.Page == page && l.Line != line+1) || (l.Page > page && l.Line != 1) {
				t.Fatalf("line %+v after page %d line %d", l, page, line)
			}
			page, line = l.Page, l.Line
		}
		for i, g := range doc.Grids {
			if g.Number != i+1 || g.Columns < 2 || len(g.Pages) == 0 || len(g.Cells) != g.Rows || len(g.RowPages) != g.Rows {
				t.Fatalf("table %+v", g.TableInfo)
			}
			for _, p := range g.RowPages {
				if !slices.Contains(g.Pages, p) {
					t.Fatalf("table %d: a row on page %d, not among its pages %v", g.Number, p, g.Pages)
				}
			}
		}
		if len(doc.Grids) == 0 {
			return
		}
		tb, err := doc.Grids[0].Parse(loaders.Computers, loaders.Options{File: "fuzz.pdf"})
		if err == nil {
			tb.Release()
			return
		}
		for _, e := range unwrapAll(err) {
			var pe *pdfinput.Error
			if !errors.As(e, &pe) {
				t.Fatalf("Parse: %v is not a *pdfinput.Error", e)
			}
		}
	})
}

func unwrapAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
