package pdfinput

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ledongthuc/pdf"
	"golang.org/x/text/unicode/norm"
)

// Limits of the work on one document.
const (
	// MaxPages is the most pages read from one document.
	MaxPages = 2000
	// MaxGlyphsPerPage is the most glyphs read from one page (a dense
	// A4 page of 8-point text has about 10 000).
	MaxGlyphsPerPage = 200_000
)

// glyph is one character drawn on a page, in points from the page's
// lower left corner.
type glyph struct {
	s        string
	x, y, w  float64
	size     float64
	hasWidth bool
}

// word is a run of glyphs on one baseline with no space between them,
// its text NFC.
type word struct {
	text   string
	x0, x1 float64 // left and right edge
	y      float64 // baseline, from the top of the page (down is larger)
	size   float64 // font size
}

// page is the words of one page.
type page struct {
	no            int // 1-based
	width, height float64
	words         []word
	images        bool // the page draws an image
}

// document is the text of a PDF.
type document struct {
	pages []page
}

// readDocument reads the words of every page of a PDF. The third-party
// parser's panics on malformed input are turned into errors.
func readDocument(file string, r io.ReaderAt, size int64) (doc *document, err error) {
	if size > loaders.MaxInputBytes {
		return nil, &Error{File: file, Err: &loaders.Error{File: file, Err: loaders.ErrLimit, Expected: fmt.Sprintf("a PDF of at most %d bytes", loaders.MaxInputBytes)}}
	}
	if size < 16 {
		return nil, notPDF(file, "a PDF file (it is too short)")
	}
	head := make([]byte, 8)
	if _, err := r.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if !bytes.HasPrefix(head, []byte("%PDF-")) {
		return nil, notPDF(file, "a PDF file (it does not start with %PDF-)")
	}
	defer func() {
		if p := recover(); p != nil {
			doc = nil
			err = notPDF(file, fmt.Sprintf("a well-formed PDF (the parser stopped: %v)", p))
		}
	}()
	pr, err := pdf.NewReader(versionReader{r}, size)
	if err != nil {
		return nil, notPDF(file, "a well-formed PDF ("+strings.TrimPrefix(err.Error(), "malformed PDF file: ")+")")
	}
	pages, ok := pageList(pr.Trailer().Key("Root").Key("Pages"))
	if !ok {
		return nil, &Error{File: file, Err: &loaders.Error{File: file, Err: loaders.ErrLimit, Expected: fmt.Sprintf("at most %d pages in a page tree at most %d deep", MaxPages, maxTreeDepth)}}
	}
	doc = &document{}
	for i, v := range pages {
		p, err := readPage(file, pdf.Page{V: v}, i+1)
		if err != nil {
			return nil, err
		}
		doc.pages = append(doc.pages, p)
	}
	return doc, nil
}

// maxTreeDepth bounds the depth of a page tree.
const maxTreeDepth = 32

// pageList returns the pages of a page tree in order, walking its Kids
// (the parser's Reader.Page trusts the tree's counts and loops on a tree
// whose kid is its parent). ok is false past MaxPages pages, or a tree
// deeper than maxTreeDepth or of more nodes than 4 × MaxPages.
func pageList(root pdf.Value) (pages []pdf.Value, ok bool) {
	nodes := 0
	var walk func(v pdf.Value, depth int) bool
	walk = func(v pdf.Value, depth int) bool {
		if nodes++; nodes > 4*MaxPages || depth > maxTreeDepth {
			return false
		}
		switch v.Key("Type").Name() {
		case "Page":
			if len(pages) >= MaxPages {
				return false
			}
			pages = append(pages, v)
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if !walk(kids.Index(i), depth+1) {
					return false
				}
			}
		}
		return true
	}
	ok = walk(root, 0)
	return pages, ok
}

// versionReader presents a PDF 2.0 header as 1.7, the last version the
// parser accepts: the objects and streams of the tables read here are
// the same.
type versionReader struct{ r io.ReaderAt }

func (v versionReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := v.r.ReadAt(p, off)
	if off == 0 && n >= 8 && bytes.HasPrefix(p, []byte("%PDF-2.")) {
		copy(p[5:8], "1.7")
	}
	return n, err
}

func notPDF(file, expected string) error {
	return &Error{File: file, Err: &loaders.Error{File: file, Err: ErrNotPDF, Expected: expected}}
}

// readPage reads the glyphs of a page and makes its words.
func readPage(file string, p pdf.Page, no int) (page, error) {
	out := page{no: no, width: 595, height: 842}
	if box := mediaBox(p); box.Kind() == pdf.Array && box.Len() == 4 {
		x0, y0, x1, y1 := box.Index(0).Float64(), box.Index(1).Float64(), box.Index(2).Float64(), box.Index(3).Float64()
		if w, h := math.Abs(x1-x0), math.Abs(y1-y0); w > 10 && h > 10 && w < 15000 && h < 15000 {
			out.width, out.height = w, h
		}
	}
	texts, images, complete := pageGlyphs(p)
	out.images = images
	if !complete {
		return out, &Error{File: file, Page: no, Err: &loaders.Error{File: file, Err: loaders.ErrLimit, Expected: fmt.Sprintf("at most %d characters, %d operators and %d bytes of content on a page", MaxGlyphsPerPage, MaxOperatorsPerPage, MaxContentBytes)}}
	}
	gs := make([]glyph, 0, len(texts))
	for _, t := range texts {
		if t.s == "" || !finite(t.x, t.y, t.w, t.size) || t.size < 0.5 || t.size > 500 {
			continue
		}
		t.y = out.height - t.y
		gs = append(gs, t)
	}
	out.words = makeWords(gs)
	return out, nil
}

// mediaBox is the page's MediaBox, inherited from its parents (at most
// 32 levels: a loop in a damaged file ends).
func mediaBox(p pdf.Page) pdf.Value {
	v := p.V
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if b := v.Key("MediaBox"); !b.IsNull() {
			return b
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

func finite(v ...float64) bool {
	for _, f := range v {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e6 {
			return false
		}
	}
	return true
}

// makeWords groups glyphs into words: glyphs on one baseline (within a
// fifth of their size), in order of x, split at a space glyph or a gap
// wider than a fifth of the font size. A glyph's width, when the font
// gives none (the parser reads no widths of two-byte fonts), is the
// advance to the next glyph, or half its size.
func makeWords(gs []glyph) []word {
	sort.SliceStable(gs, func(i, j int) bool {
		if math.Abs(gs[i].y-gs[j].y) > 0.2*math.Min(gs[i].size, gs[j].size) {
			return gs[i].y < gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	// Baselines: a glyph joins the line of the previous one when close.
	var words []word
	var cur []glyph
	right := 0.0 // the right edge of the word so far
	flush := func() {
		if len(cur) == 0 {
			return
		}
		var b strings.Builder
		for _, g := range cur {
			b.WriteString(g.s)
		}
		text := norm.NFC.String(b.String())
		text = strings.Map(func(r rune) rune {
			if r == unicode.ReplacementChar || (r < 0x20) {
				return -1
			}
			return r
		}, text)
		if strings.TrimSpace(text) != "" {
			words = append(words, word{text: strings.TrimSpace(text), x0: cur[0].x, x1: right, y: cur[0].y, size: cur[0].size})
		}
		cur = cur[:0]
	}
	for i := range gs {
		g := &gs[i]
		if !g.hasWidth {
			g.w = 0.5 * g.size
			if i+1 < len(gs) {
				n := gs[i+1]
				if d := n.x - g.x; math.Abs(n.y-g.y) < 0.2*g.size && d > 0 && d < 1.5*g.size {
					g.w = d
				}
			}
		}
	}
	for i, g := range gs {
		blank := strings.TrimFunc(g.s, loaders.IsBlank) == ""
		if len(cur) > 0 {
			p := cur[len(cur)-1]
			sameLine := math.Abs(g.y-p.y) <= 0.2*math.Min(g.size, p.size)
			gap := g.x - right
			if !sameLine || gap > 0.2*math.Min(g.size, p.size) || gap < -p.size {
				flush()
			}
		}
		if blank {
			flush()
			continue
		}
		// A mark drawn as its own glyph joins its letter (NFC makes one).
		if len(cur) == 0 || g.x+g.w > right {
			right = g.x + g.w
		}
		cur = append(cur, gs[i])
	}
	flush()
	return words
}
