package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

// builder collects the drawing items and text boxes of a chart, positioned
// from the top-left corner.
type builder struct {
	th    Theme
	lang  Lang
	w     vg.Length
	items []item
	boxes []Box // top-down until finish
}

func newBuilder(th Theme, lang Lang) *builder {
	return &builder{th: th, lang: lang, w: th.Width}
}

func (b *builder) add(it item) { b.items = append(b.items, it) }

// lineHeight is the distance between the baselines of two wrapped lines.
func (b *builder) lineHeight(face font.Face) vg.Length {
	return face.Font.Size * vg.Length(b.th.LineSpacing)
}

// blockHeight is the height of n lines of face, from the ascent of the
// first to the descent of the last.
func (b *builder) blockHeight(face font.Face, n int) vg.Length {
	if n <= 0 {
		return 0
	}
	e := face.Extents()
	return vg.Length(n-1)*b.lineHeight(face) + e.Ascent + e.Descent
}

// text places one line of text with its baseline at baseline and returns
// its box (top-down).
func (b *builder) text(role, s string, face font.Face, col color.Color, x, baseline vg.Length, al align) vg.Rectangle {
	w := face.Width(s)
	switch al {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	e := face.Extents()
	r := vg.Rectangle{Min: vg.Point{X: x, Y: baseline - e.Ascent}, Max: vg.Point{X: x + w, Y: baseline + e.Descent}}
	b.add(textItem{x: x, baseline: baseline, face: face, color: col, s: s})
	b.boxes = append(b.boxes, Box{Role: role, Text: s, Rect: r})
	return r
}

// block places lines with the top of the first at top; it returns the
// bottom of the last.
func (b *builder) block(role string, lines []string, face font.Face, col color.Color, x, top vg.Length, al align) vg.Length {
	asc := face.Extents().Ascent
	for i, l := range lines {
		b.text(role, l, face, col, x, top+asc+vg.Length(i)*b.lineHeight(face), al)
	}
	return top + b.blockHeight(face, len(lines))
}

// title places the wrapped bold title (at most three lines) from y and
// returns the y below it.
func (b *builder) title(s string, y vg.Length) vg.Length {
	s = cleanText(s)
	if s == "" {
		return y
	}
	face := b.th.face(b.th.TitleSize, true, false)
	lines := wrapText(face, s, b.w-2*b.th.Margin, 3, false)
	return b.block("title", lines, face, b.th.Text, b.th.Margin, y, alignLeft) + 6
}

// note places a wrapped note in small italics and returns the y below it.
func (b *builder) note(s string, y vg.Length) vg.Length {
	s = cleanText(s)
	if s == "" {
		return y
	}
	face := b.th.face(b.th.SmallSize, false, true)
	lines := wrapText(face, s, b.w-2*b.th.Margin, 4, false)
	return b.block("note", lines, face, b.th.Muted, b.th.Margin, y+4, alignLeft)
}

// legendEntry is one key of a legend: a symbol and its text.
type legendEntry struct {
	text   string
	symbol string // "swatch", "line", "dash", "marker", "dumbbell"
	color  color.Color
	shape  shape
	filled bool
	r      vg.Length // radius of a "marker" (0: 3.2)
}

// legend flows the entries from left to right, wrapping to new lines
// within [x0, x1], from y; it returns the y below it.
func (b *builder) legend(entries []legendEntry, x0, x1, y vg.Length) vg.Length {
	if len(entries) == 0 {
		return y
	}
	face := b.th.face(b.th.FontSize, false, false)
	const symW, symGap, entryGap = 14, 4, 14
	lineH := b.blockHeight(face, 1) + 3
	x := x0
	asc := face.Extents().Ascent
	e := face.Extents()
	for _, en := range entries {
		txt := cleanText(en.text)
		if w := x1 - x0 - symW - symGap; face.Width(txt) > w {
			txt = abbreviate(face, txt, w, false)
		}
		ew := symW + symGap + face.Width(txt)
		if x > x0 && x+ew > x1 {
			x = x0
			y += lineH
		}
		cy := y + (e.Ascent+e.Descent)/2
		b.symbol(en, x, x+symW, cy)
		b.text("legend", txt, face, b.th.Text, x+symW+symGap, y+asc, alignLeft)
		x += ew + entryGap
	}
	return y + lineH + 4
}

func (b *builder) symbol(en legendEntry, x0, x1, cy vg.Length) {
	switch en.symbol {
	case "swatch":
		b.add(rectItem{x0: x0 + 2, y0: cy - 4.5, x1: x1 - 2, y1: cy + 4.5, fill: en.color})
	case "line":
		b.add(lineItem{pts: []vg.Point{{X: x0, Y: cy}, {X: x1, Y: cy}}, color: en.color, width: 1.6})
		b.add(markerItem{x: (x0 + x1) / 2, y: cy, r: 2.6, shape: circle, color: en.color, filled: true})
	case "dash":
		b.add(lineItem{pts: []vg.Point{{X: x0, Y: cy}, {X: x1, Y: cy}}, color: en.color, width: 1.2, dash: []vg.Length{3, 2}})
	case "marker":
		r := en.r
		if r == 0 {
			r = 3.2
		}
		b.add(markerItem{x: (x0 + x1) / 2, y: cy, r: r, shape: en.shape, color: en.color, filled: en.filled})
	}
}

// finish flips the boxes into vg coordinates and returns the chart.
func (b *builder) finish(kind string, h vg.Length) *Chart {
	h = vg.Length(math.Ceil(float64(h)))
	boxes := make([]Box, len(b.boxes))
	for i, bx := range b.boxes {
		boxes[i] = Box{Role: bx.Role, Text: bx.Text, Rect: vg.Rectangle{
			Min: vg.Point{X: bx.Rect.Min.X, Y: h - bx.Rect.Max.Y},
			Max: vg.Point{X: bx.Rect.Max.X, Y: h - bx.Rect.Min.Y},
		}}
	}
	return &Chart{kind: kind, th: b.th, width: b.w, height: h, items: b.items, boxes: boxes}
}

// niceTicks returns the multiples of a round step (1, 2, 2.5 or 5 times a
// power of ten) within [lo, hi], at most maxN+1 of them.
func niceTicks(lo, hi float64, maxN int) []float64 {
	if !(hi > lo) {
		return []float64{lo}
	}
	if maxN < 1 {
		maxN = 1
	}
	span := hi - lo
	mag := math.Pow10(int(math.Floor(math.Log10(span / float64(maxN)))))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if span/(m*mag) <= float64(maxN) {
			step = m * mag
			break
		}
	}
	var ticks []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+1e-9*span; k++ {
		v := k * step
		if math.Abs(v) < 1e-12*span {
			v = 0
		}
		ticks = append(ticks, v)
	}
	return ticks
}

// anchor is a text placed beside a data value on a row: on its right
// (side > 0) or its left (side < 0), dy below the row's centre.
type anchor struct {
	row   int
	value float64
	text  string
	side  int
	dy    vg.Length
	off   vg.Length // extra distance from the value (a marker's radius)
	muted bool
}

// fitRange widens [lo, hi] until every anchored text fits inside a data
// area of width w: a text of width tw on the right of value v needs
// x(v) + pad + tw <= w, where x(v) = (v-lo)/(hi-lo)*w; solving for hi
// gives hi >= lo + (v-lo)*w/(w-pad-tw). On the left, x(v) - pad - tw >= 0
// gives lo <= (v - a*hi)/(1-a) with a = (pad+tw)/w. Widening one end moves
// the other texts, so this repeats until nothing changes.
func fitRange(lo, hi, w float64, texts []float64, values []float64, sides []int, pad float64) (float64, float64) {
	if !(hi > lo) {
		hi = lo + 1
	}
	for iter := 0; iter < 50; iter++ {
		changed := false
		for i, v := range values {
			tw := texts[i]
			a := math.Min((pad+tw)/w, 0.8)
			if sides[i] >= 0 {
				if (v-lo)/(hi-lo)*w+pad+tw > w+1e-9 {
					hi = lo + (v-lo)/(1-a)
					changed = true
				}
			} else if (v-lo)/(hi-lo)*w-pad-tw < -1e-9 {
				lo = (v - a*hi) / (1 - a)
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return lo, hi
}

// overlaps reports whether two rectangles share more than a hair.
func overlaps(a, b vg.Rectangle) bool {
	const eps = 0.01
	return a.Min.X < b.Max.X-eps && b.Min.X < a.Max.X-eps &&
		a.Min.Y < b.Max.Y-eps && b.Min.Y < a.Max.Y-eps
}
