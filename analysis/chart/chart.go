package chart

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image/color"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Errors of chart data. Constructors wrap them with the field and position.
var (
	ErrNoData    = errors.New("chart: nothing to draw")
	ErrLength    = errors.New("chart: lengths differ")
	ErrNotFinite = errors.New("chart: infinite value")
	ErrNegative  = errors.New("chart: negative value in a stack")
	ErrYears     = errors.New("chart: years not strictly increasing")
	ErrCompare   = errors.New("chart: unknown comparator (want =, >=, >, <=, <)")
	ErrDuplicate = errors.New("chart: two different values for one point")
	ErrColumn    = errors.New("chart: unusable column")
	ErrFormat    = errors.New("chart: unsupported file format (PNG and SVG only: PDF and EPS garble Vietnamese)")
)

// Chart is a laid-out chart, ready to render. It is immutable and safe for
// concurrent use. A notebook displays it through PNG or SVG.
type Chart struct {
	kind   string
	th     Theme
	width  vg.Length
	height vg.Length
	items  []item
	boxes  []Box
}

// Box is the rectangle of one text the layout placed: its role ("title",
// "legend", "label", "value", "target", "tick", "axis", "note", "header"),
// the text, and its extent in points with the origin at the bottom-left
// corner of the chart (gonum/plot's vg convention).
type Box struct {
	Role string
	Text string
	Rect vg.Rectangle
}

// Kind returns the kind of chart: "ranked-bars", "stacked-bars",
// "planned-spent", "dumbbell", "lines" or "province-comparison".
func (c *Chart) Kind() string { return c.kind }

// Size returns the chart's width and height in points (1/72 inch).
func (c *Chart) Size() (w, h vg.Length) { return c.width, c.height }

// Boxes returns the rectangles of the texts of the chart, in drawing order.
func (c *Chart) Boxes() []Box { return append([]Box(nil), c.boxes...) }

// Texts returns the texts of the chart in drawing order (NFC), for a
// caption or an accessible description.
func (c *Chart) Texts() []string {
	out := make([]string, len(c.boxes))
	for i, b := range c.boxes {
		out[i] = b.Text
	}
	return out
}

// WritePNG writes the chart as a PNG image at the theme's resolution
// (DefaultTheme: 150 dpi, 945 pixels wide). The image carries its
// resolution in a pHYs chunk (pixels per metre, pixelsPerMetre), so that a
// word processor places it at its drawn size (16 cm) rather than at an
// assumed 96 dpi.
func (c *Chart) WritePNG(w io.Writer) error {
	cv := vgimg.NewWith(vgimg.UseWH(c.width, c.height), vgimg.UseDPI(c.th.DPI))
	c.render(cv)
	var b bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(&b); err != nil {
		return err
	}
	out, err := withPHYs(b.Bytes(), pixelsPerMetre(c.th.DPI))
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// pixelsPerMetre converts a resolution in dots per inch into the whole
// pixels per metre of a PNG pHYs chunk: dpi / 0.0254, rounded (150 dpi ->
// 5906).
func pixelsPerMetre(dpi int) uint32 {
	return uint32(math.Round(float64(dpi) / 0.0254))
}

// withPHYs returns the PNG stream p with a pHYs chunk (ppm pixels per
// metre both ways, unit metre) right after its IHDR chunk, which the PNG
// specification requires to come first; an existing pHYs is not expected
// (image/png writes none).
func withPHYs(p []byte, ppm uint32) ([]byte, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(p) < 33 || string(p[:8]) != sig || string(p[12:16]) != "IHDR" || binary.BigEndian.Uint32(p[8:12]) != 13 {
		return nil, errors.New("chart: PNG encoder wrote no IHDR chunk")
	}
	chunk := make([]byte, 0, 21)
	chunk = binary.BigEndian.AppendUint32(chunk, 9)
	chunk = append(chunk, "pHYs"...)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = binary.BigEndian.AppendUint32(chunk, ppm)
	chunk = append(chunk, 1) // unit: metre
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	const afterIHDR = 8 + 4 + 4 + 13 + 4
	out := make([]byte, 0, len(p)+len(chunk))
	out = append(out, p[:afterIHDR]...)
	out = append(out, chunk...)
	return append(out, p[afterIHDR:]...), nil
}

// SVGFontFamily is the font-family the SVG output names: Liberation Sans,
// in which the chart was measured, then fonts of the same metrics (Arial,
// Helvetica) and the generic family, so that a viewer without Liberation
// Sans draws the text at nearly the same widths instead of in a serif
// default.
const SVGFontFamily = "Liberation Sans, Arial, Helvetica, sans-serif"

// WriteSVG writes the chart as an SVG document. Fonts are named
// (SVGFontFamily), not embedded.
func (c *Chart) WriteSVG(w io.Writer) error {
	cv := vgsvg.New(c.width, c.height)
	c.render(cv)
	var b bytes.Buffer
	if _, err := cv.WriteTo(&b); err != nil {
		return err
	}
	// vgsvg writes the face's own family name only; a style attribute
	// cannot occur in the text itself, whose quotes are escaped.
	out := bytes.ReplaceAll(b.Bytes(), []byte(`style="font-family:Liberation Sans;`), []byte(`style="font-family:`+SVGFontFamily+`;`))
	_, err := w.Write(out)
	return err
}

// PNG returns the chart as PNG bytes (nil if encoding fails, which writing
// to memory does not).
func (c *Chart) PNG() []byte {
	var b bytes.Buffer
	if err := c.WritePNG(&b); err != nil {
		return nil
	}
	return b.Bytes()
}

// SVG returns the chart as an SVG document.
func (c *Chart) SVG() string {
	var b bytes.Buffer
	if err := c.WriteSVG(&b); err != nil {
		return ""
	}
	return b.String()
}

// Save writes the chart to path, as PNG or SVG by the extension (.png,
// .svg, any case); other extensions are ErrFormat.
func (c *Chart) Save(path string) error {
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		write = c.WritePNG
	case ".svg":
		write = c.WriteSVG
	default:
		return fmt.Errorf("%w: %q", ErrFormat, path)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (c *Chart) render(cv vg.Canvas) {
	cv.SetColor(c.th.Background)
	cv.Fill(rectPath(0, 0, c.width, c.height))
	for _, it := range c.items {
		it.draw(cv, c.height)
	}
}

// item is one drawing operation, positioned from the top-left corner (y
// grows downwards); draw flips it into vg's bottom-left coordinates.
type item interface {
	draw(cv vg.Canvas, h vg.Length)
}

type rectItem struct {
	x0, y0, x1, y1 vg.Length
	fill           color.Color
	stroke         color.Color
	width          vg.Length
}

func (r rectItem) draw(cv vg.Canvas, h vg.Length) {
	p := rectPath(r.x0, h-r.y1, r.x1, h-r.y0)
	if r.fill != nil {
		cv.SetColor(r.fill)
		cv.Fill(p)
	}
	if r.stroke != nil {
		cv.SetColor(r.stroke)
		cv.SetLineWidth(r.width)
		cv.SetLineDash(nil, 0)
		cv.Stroke(p)
	}
}

type lineItem struct {
	pts   []vg.Point
	color color.Color
	width vg.Length
	dash  []vg.Length
}

func (l lineItem) draw(cv vg.Canvas, h vg.Length) {
	if len(l.pts) < 2 {
		return
	}
	var p vg.Path
	for i, pt := range l.pts {
		q := vg.Point{X: pt.X, Y: h - pt.Y}
		if i == 0 {
			p.Move(q)
		} else {
			p.Line(q)
		}
	}
	cv.SetColor(l.color)
	cv.SetLineWidth(l.width)
	cv.SetLineDash(l.dash, 0)
	cv.Stroke(p)
	cv.SetLineDash(nil, 0)
}

// shape of a marker.
type shape int

const (
	circle shape = iota
	square
	triangleUp
	triangleDown
	diamond
	triangleRight // an arrowhead pointing along the value axis: a rise
	triangleLeft  // against it: a fall
)

// markerExtent is how far a marker of radius r reaches from its centre,
// up, down, left or right (the largest of the four).
func markerExtent(sh shape, r vg.Length) vg.Length {
	switch sh {
	case square:
		return r * 0.85
	case triangleUp, triangleDown, triangleRight, triangleLeft:
		return r * 1.2
	case diamond:
		return r * 1.15
	}
	return r
}

type markerItem struct {
	x, y   vg.Length
	r      vg.Length
	shape  shape
	color  color.Color
	filled bool
}

func (m markerItem) draw(cv vg.Canvas, h vg.Length) {
	c := vg.Point{X: m.x, Y: h - m.y}
	var p vg.Path
	switch m.shape {
	case circle:
		p.Move(vg.Point{X: c.X + m.r, Y: c.Y})
		p.Arc(c, m.r, 0, 2*math.Pi)
	case square:
		s := m.r * 0.85
		p = rectPath(c.X-s, c.Y-s, c.X+s, c.Y+s)
	case triangleUp, triangleDown:
		d := vg.Length(1)
		if m.shape == triangleDown {
			d = -1
		}
		r := m.r * 1.2
		p.Move(vg.Point{X: c.X, Y: c.Y + d*r})
		p.Line(vg.Point{X: c.X + r*0.866, Y: c.Y - d*r*0.5})
		p.Line(vg.Point{X: c.X - r*0.866, Y: c.Y - d*r*0.5})
	case triangleRight, triangleLeft:
		d := vg.Length(1)
		if m.shape == triangleLeft {
			d = -1
		}
		r := m.r * 1.2
		p.Move(vg.Point{X: c.X + d*r, Y: c.Y})
		p.Line(vg.Point{X: c.X - d*r*0.5, Y: c.Y + r*0.866})
		p.Line(vg.Point{X: c.X - d*r*0.5, Y: c.Y - r*0.866})
	case diamond:
		r := m.r * 1.15
		p.Move(vg.Point{X: c.X, Y: c.Y + r})
		p.Line(vg.Point{X: c.X + r, Y: c.Y})
		p.Line(vg.Point{X: c.X, Y: c.Y - r})
		p.Line(vg.Point{X: c.X - r, Y: c.Y})
	}
	p.Close()
	if m.filled {
		cv.SetColor(m.color)
		cv.Fill(p)
		return
	}
	cv.SetColor(m.color)
	cv.SetLineWidth(1.4)
	cv.SetLineDash(nil, 0)
	cv.Stroke(p)
}

type textItem struct {
	x, baseline vg.Length
	face        font.Face
	color       color.Color
	s           string
}

func (t textItem) draw(cv vg.Canvas, h vg.Length) {
	cv.SetColor(t.color)
	cv.FillString(t.face, vg.Point{X: t.x, Y: h - t.baseline}, t.s)
}

func rectPath(x0, y0, x1, y1 vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: x0, Y: y0})
	p.Line(vg.Point{X: x1, Y: y0})
	p.Line(vg.Point{X: x1, Y: y1})
	p.Line(vg.Point{X: x0, Y: y1})
	p.Close()
	return p
}
