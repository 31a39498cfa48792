package pdfinput_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/pdfinput"
)

// FuzzTables feeds the real PDFs of testdata/, their bytes mutated, to
// Tables, Lines and Parse. The property: no panic, no hang, and every
// failure a positioned error of this package (or the layout's); the lines
// of text are numbered from 1 on each page, pages in order.
func FuzzTables(f *testing.F) {
	for _, name := range []string{"plan2010-libreoffice.pdf", "plan2010-chromium.pdf", "dx2023-libreoffice.pdf", "dx2023-chromium.pdf", "scanned.pdf", "words-chromium.pdf", "words-libreoffice.pdf"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		if ls, err := pdfinput.Lines(r, int64(len(data))); err != nil {
			var pe *pdfinput.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Lines: %v is not a *pdfinput.Error", err)
			}
		} else {
			page, line := 0, 0
			for _, l := range ls {
				if l.Page < page || (l.Page == page && l.Line != line+1) || (l.Page > page && l.Line != 1) {
					t.Fatalf("line %+v after page %d line %d", l, page, line)
				}
				page, line = l.Page, l.Line
			}
		}
		ts, err := pdfinput.Tables(r, int64(len(data)))
		if err != nil {
			var pe *pdfinput.Error
			if !errors.As(err, &pe) {
				t.Fatalf("Tables: %v is not a *pdfinput.Error", err)
			}
			return
		}
		for _, ti := range ts {
			if ti.Number < 1 || ti.Columns < 2 || len(ti.Pages) == 0 {
				t.Fatalf("table %+v", ti)
			}
		}
		if len(ts) == 0 {
			return
		}
		tb, err := pdfinput.Parse(r, int64(len(data)), 1, "", loaders.Computers, loaders.Options{File: "fuzz.pdf"})
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
