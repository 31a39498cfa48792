package pdfinput

import (
	"io"
	"math"

	"github.com/ledongthuc/pdf"
)

// This file runs a page's content stream for its text: the glyphs drawn,
// each with its text (through the font's ToUnicode map or encoding), its
// position and its advance width (from the font's Widths, or the W array
// of a two-byte CID font). The parser's own Page.Content is not used: it
// reads no widths of two-byte fonts and adds a glyph after each TJ.

// maxFormDepth bounds the nesting of forms (XObjects drawn by XObjects).
const maxFormDepth = 4

// MaxOperatorsPerPage bounds the work on one page's content stream.
const MaxOperatorsPerPage = 2_000_000

// MaxContentBytes bounds the decompressed content streams of one page,
// its forms' included (a dense page of text has a few hundred kilobytes).
const MaxContentBytes = 16 << 20

// contentSize returns how many bytes a page's content streams (or a
// form's) decompress to, counting at most limit+1: a stream that inflates
// to gigabytes is refused before it is interpreted.
func contentSize(contents pdf.Value, limit int64) int64 {
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < contents.Len() && i < 10_000; i++ {
			streams = append(streams, contents.Index(i))
		}
	}
	var total int64
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		rd := s.Reader()
		n, _ := io.Copy(io.Discard, io.LimitReader(rd, limit-total+1))
		rd.Close()
		if total += n; total > limit {
			break
		}
	}
	return total
}

// errTooManyOperators stops the interpretation of a page.
type errTooManyOperators struct{}

// mat is an affine matrix [a b c d e f].
type mat [6]float64

var identity = mat{1, 0, 0, 1, 0, 0}

// mul returns m × n (m applied first).
func (m mat) mul(n mat) mat {
	return mat{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// fontInfo is what the text of a font needs.
type fontInfo struct {
	twoByte bool
	enc     pdf.TextEncoding
	first   int
	widths  []float64       // simple font: Widths from FirstChar
	cid     map[int]float64 // CID font: W
	dw      float64         // CID font: DW
}

func (f *fontInfo) width(code int) float64 {
	if f.twoByte {
		if w, ok := f.cid[code]; ok {
			return w
		}
		return f.dw
	}
	if i := code - f.first; i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	return 0
}

// maxWidthEntries bounds the widths read from one font.
const maxWidthEntries = 70_000

func loadFont(v pdf.Value) *fontInfo {
	f := &fontInfo{enc: pdf.Font{V: v}.Encoder(), dw: 1000}
	if v.Key("Subtype").Name() == "Type0" {
		f.twoByte = true
		f.cid = map[int]float64{}
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		w := d.Key("W")
		for i := 0; i < w.Len() && len(f.cid) < maxWidthEntries; {
			c := int(w.Index(i).Int64())
			if next := w.Index(i + 1); next.Kind() == pdf.Array {
				for k := 0; k < next.Len() && len(f.cid) < maxWidthEntries; k++ {
					f.cid[c+k] = next.Index(k).Float64()
				}
				i += 2
				continue
			}
			last := int(w.Index(i + 1).Int64())
			wd := w.Index(i + 2).Float64()
			for k := c; k <= last && k-c < maxWidthEntries && len(f.cid) < maxWidthEntries; k++ {
				f.cid[k] = wd
			}
			i += 3
		}
		return f
	}
	f.first = int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && i < 256; i++ {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	return f
}

// resources returns the page's resources, inherited from its parents (at
// most 32 levels: a loop in a damaged file ends).
func resources(p pdf.Page) pdf.Value {
	v := p.V
	for i := 0; i < 32 && !v.IsNull(); i++ {
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// textState is the graphics and text state the text needs.
type textState struct {
	ctm, tm, tlm          mat
	tc, tw, th, tl, trise float64
	tfs                   float64
	font                  *fontInfo
}

// pageGlyphs returns the glyphs a page draws and whether it draws an
// image. Its work is bounded by MaxOperatorsPerPage and
// MaxGlyphsPerPage: past either it returns what it has and false.
func pageGlyphs(p pdf.Page) (gs []glyph, images, complete bool) {
	in := &interp{g: textState{ctm: identity, tm: identity, tlm: identity, th: 1}, complete: true}
	if contentSize(p.V.Key("Contents"), MaxContentBytes) > MaxContentBytes {
		return nil, false, false
	}
	in.runPage(p.V.Key("Contents"), resources(p))
	return in.gs, in.images, in.complete
}

// interp interprets the content streams of one page: the graphics and
// text state, the glyphs drawn so far, and whether an image was drawn.
type interp struct {
	g        textState
	stack    []textState // saved by q, restored by Q
	ops      int         // operators run, against MaxOperatorsPerPage
	gs       []glyph
	images   bool
	complete bool // false once a bound stopped the page
}

// runPage runs a page's content, stopping (complete = false) when it
// runs more than MaxOperatorsPerPage operators or draws more than
// MaxGlyphsPerPage glyphs.
func (in *interp) runPage(contents, res pdf.Value) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(errTooManyOperators); !ok {
				panic(r)
			}
			in.complete = false
		}
	}()
	in.run(contents, res, 0)
}

// run interprets one content stream (the page's, or a form XObject's at
// depth > 0) with its resources.
func (in *interp) run(strm, res pdf.Value, depth int) {
	fonts := map[string]*fontInfo{}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		if in.ops++; in.ops > MaxOperatorsPerPage || len(in.gs) >= MaxGlyphsPerPage {
			panic(errTooManyOperators{})
		}
		args := popArgs(stk)
		if in.stateOp(op, args) {
			return
		}
		switch op {
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				f, ok := fonts[name]
				if !ok {
					f = loadFont(res.Key("Font").Key(name))
					fonts[name] = f
				}
				in.g.font, in.g.tfs = f, args[1].Float64()
			}
		case "Tj", "'", "\"", "TJ":
			in.showOp(op, args)
		case "Do":
			if len(args) == 1 {
				in.xobject(res.Key("XObject").Key(args[0].Name()), res, depth)
			}
		case "BI", "ID":
			in.images = true
		}
	})
}

// popArgs empties the operand stack and returns its values in order (at
// most the last 64: no operator the interpreter reads takes more).
func popArgs(stk *pdf.Stack) []pdf.Value {
	n := min(stk.Len(), 64)
	args := make([]pdf.Value, n)
	for i := n - 1; i >= 0; i-- {
		args[i] = stk.Pop()
	}
	for stk.Len() > 0 {
		stk.Pop()
	}
	return args
}

// num is operand i as a number, 0 when it is missing.
func num(args []pdf.Value, i int) float64 {
	if i < len(args) {
		return args[i].Float64()
	}
	return 0
}

// matrix reads six operands as a matrix; ok is false unless there are six.
func matrix(args []pdf.Value) (m mat, ok bool) {
	if len(args) != 6 {
		return m, false
	}
	for i := range m {
		m[i] = args[i].Float64()
	}
	return m, true
}

// stateOp runs an operator that changes the graphics or text state (cm,
// q, Q, BT, Tc, Tw, Tz, TL, Ts, Td, TD, Tm, T*) and reports whether op
// was one.
func (in *interp) stateOp(op string, args []pdf.Value) bool {
	g := &in.g
	switch op {
	case "cm":
		if m, ok := matrix(args); ok {
			g.ctm = m.mul(g.ctm)
		}
	case "q":
		if len(in.stack) < 256 {
			in.stack = append(in.stack, *g)
		}
	case "Q":
		if k := len(in.stack) - 1; k >= 0 {
			*g, in.stack = in.stack[k], in.stack[:k]
		}
	case "BT":
		g.tm, g.tlm = identity, identity
	case "Tc":
		g.tc = num(args, 0)
	case "Tw":
		g.tw = num(args, 0)
	case "Tz":
		g.th = num(args, 0) / 100
	case "TL":
		g.tl = num(args, 0)
	case "Ts":
		g.trise = num(args, 0)
	case "Td":
		in.nextLine(num(args, 0), num(args, 1))
	case "TD":
		g.tl = -num(args, 1)
		in.nextLine(num(args, 0), num(args, 1))
	case "Tm":
		if m, ok := matrix(args); ok {
			g.tm, g.tlm = m, m
		}
	case "T*":
		in.nextLine(0, -g.tl)
	default:
		return false
	}
	return true
}

// nextLine moves to the start of the next line, offset by (tx, ty).
func (in *interp) nextLine(tx, ty float64) {
	in.g.tlm = mat{1, 0, 0, 1, tx, ty}.mul(in.g.tlm)
	in.g.tm = in.g.tlm
}

// showOp runs a text-showing operator: Tj, ' and " show a string (after
// moving to the next line, and setting the spacing, for ' and "); TJ
// shows strings with adjustments of the position between them.
func (in *interp) showOp(op string, args []pdf.Value) {
	g := &in.g
	switch op {
	case "Tj":
		if len(args) == 1 {
			in.show(args[0].RawString())
		}
	case "'":
		in.nextLine(0, -g.tl)
		if len(args) == 1 {
			in.show(args[0].RawString())
		}
	case "\"":
		if len(args) == 3 {
			g.tw, g.tc = args[0].Float64(), args[1].Float64()
			in.nextLine(0, -g.tl)
			in.show(args[2].RawString())
		}
	case "TJ":
		if len(args) == 1 {
			a := args[0]
			for i := 0; i < a.Len(); i++ {
				x := a.Index(i)
				if x.Kind() == pdf.String {
					in.show(x.RawString())
				} else {
					g.tm = mat{1, 0, 0, 1, -x.Float64() / 1000 * g.tfs * g.th, 0}.mul(g.tm)
				}
			}
		}
	}
}

// show draws the glyphs of a string in the current font, each placed by
// the text matrix, which then advances by the glyph's width and the
// character (and, for a space, word) spacing.
func (in *interp) show(raw string) {
	g := &in.g
	f := g.font
	if f == nil {
		return
	}
	step := 1
	if f.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(raw); i += step {
		if len(in.gs) >= MaxGlyphsPerPage {
			in.complete = false
			return
		}
		code := int(raw[i])
		if step == 2 {
			code = code<<8 | int(raw[i+1])
		}
		w0 := f.width(code)
		trm := mat{g.tfs * g.th, 0, 0, g.tfs, 0, g.trise}.mul(g.tm).mul(g.ctm)
		sx := math.Hypot(trm[0], trm[1])
		size := math.Hypot(trm[2], trm[3])
		text := f.enc.Decode(raw[i : i+step])
		in.gs = append(in.gs, glyph{s: text, x: trm[4], y: trm[5], w: w0 / 1000 * sx, size: size, hasWidth: w0 > 0})
		tx := w0/1000*g.tfs + g.tc
		if step == 1 && code == ' ' {
			tx += g.tw
		}
		g.tm = mat{1, 0, 0, 1, tx * g.th, 0}.mul(g.tm)
	}
}

// xobject runs a Do operator on x: an image is noted; a form's text is
// read in its own matrix and resources (its parent's when it has none),
// at most maxFormDepth forms deep.
func (in *interp) xobject(x, res pdf.Value, depth int) {
	switch x.Key("Subtype").Name() {
	case "Image":
		in.images = true
	case "Form":
		if depth >= maxFormDepth {
			return
		}
		saved := in.g
		if m := x.Key("Matrix"); m.Kind() == pdf.Array && m.Len() == 6 {
			var fm mat
			for i := range fm {
				fm[i] = m.Index(i).Float64()
			}
			in.g.ctm = fm.mul(in.g.ctm)
		}
		fres := x.Key("Resources")
		if fres.IsNull() {
			fres = res
		}
		in.run(x, fres, depth+1)
		in.g = saved
	}
}
