package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
)

// Dumbbell compares two values per category — a pillar's budget in 2023
// and in 2024 — as an arrow from the earlier value to the later one: a
// hollow grey ring at From, a line, and an arrowhead at To pointing the way
// the value went (right and blue for a rise, left and vermillion for a
// fall; a grey dot when it stayed the same), so that a fall never reads as
// a rise. The legend names each direction drawn. Each value is written
// beside its own marker on the outer side — the earlier value beside the
// earlier marker — so the two texts never meet.
type Dumbbell struct {
	Title     string
	Note      string
	Labels    []string
	From      []float64 // NaN = missing
	To        []float64 // NaN = missing
	FromLabel string    // legend of From, e.g. "2023" (default "Trước" / "Before")
	ToLabel   string    // legend of To, e.g. "2024" (default "Sau" / "After")
	Format    Format
	Decimals  int // 0 = chosen from the values, < 0 = none
	XLabel    string
	// SortByChange ranks rows by To - From, largest increase on top;
	// otherwise they keep the order of Labels.
	SortByChange bool
	// ShowChange writes To − From with its sign (+38.418, −155, 0) in a
	// column on the right, headed ChangeHeader (default "Thay đổi" /
	// "Change"): the direction in words, where two close values leave
	// the arrow too short to see.
	ShowChange   bool
	ChangeHeader string
	Lang         Lang
	Theme        *Theme
}

// dotRadius is the radius of a dumbbell's markers.
const dotRadius = 3.6

// direction of a dumbbell row: the sign of To − From.
type direction int

const (
	same  direction = iota
	rise            // To > From
	fall            // To < From
	alone           // To without From
)

func directionOf(from, to float64) direction {
	switch {
	case math.IsNaN(from):
		return alone
	case to > from:
		return rise
	case to < from:
		return fall
	}
	return same
}

// NewDumbbell lays out a Dumbbell chart. To's arrowhead or dot is drawn
// over From's grey ring, so the arrowhead's point stays visible when the
// two meet; equal values show one label. A missing value has no marker and no line (and
// no direction: the remaining value is a ring for From, a grey dot for
// To). Errors: ErrNoData without labels, ErrLength if the slices differ in
// length, ErrNotFinite for an infinite value.
func NewDumbbell(s Dumbbell) (*Chart, error) {
	n := len(s.Labels)
	if n == 0 {
		return nil, fmt.Errorf("%w: Dumbbell has no labels", ErrNoData)
	}
	if len(s.From) != n || len(s.To) != n {
		return nil, fmt.Errorf("%w: Dumbbell has %d labels, %d from and %d to", ErrLength, n, len(s.From), len(s.To))
	}
	if err := checkFinite("Dumbbell.From", s.From); err != nil {
		return nil, err
	}
	if err := checkFinite("Dumbbell.To", s.To); err != nil {
		return nil, err
	}
	change := make([]float64, n)
	for i := range change {
		change[i] = s.To[i] - s.From[i]
	}
	order := rankOrder(change, !s.SortByChange)
	th := themeOf(s.Theme)
	nf := newNumberFormat(s.Lang, s.Format, s.Decimals, s.From, s.To)
	mk := newDumbbellMarks(&th)
	rc := &rowChart{kind: "dumbbell", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: math.NaN(), nf: nf, nonNegAxis: true, legend: mk.legend(s)}
	if s.ShowChange {
		rc.valueHeader = orText(s.ChangeHeader, s.Lang, "Thay đổi", "Change")
		for _, k := range order {
			rc.values = append(rc.values, signedText(nf, s.To[k]-s.From[k]))
		}
	}
	for row, k := range order {
		rc.labels = append(rc.labels, s.Labels[k])
		rc.anchors = append(rc.anchors, mk.anchors(s, nf, row, k)...)
	}
	rc.lo, rc.hi, rc.nonNegAxis = dumbbellRange(s, order)
	// Start the axis at zero when the values are all positive and zero is
	// not far away (less than half the range below the smallest value).
	if rc.lo > 0 && rc.lo < (rc.hi-rc.lo)*0.5 {
		rc.lo = 0
	}
	for i := range rc.anchors {
		if math.IsNaN(rc.anchors[i].value) {
			rc.anchors[i].value = rc.lo
		}
	}
	rc.draw = func(b *builder, row int, cy, _ vg.Length, x func(float64) vg.Length) {
		mk.draw(b, s.From[order[row]], s.To[order[row]], cy, x)
	}
	return rc.build(th, s.Lang), nil
}

// dumbbellMarks are the markers of a Dumbbell: From's hollow ring, and
// To's shape and colour in each direction.
type dumbbellMarks struct {
	from  color.Color
	color map[direction]color.Color
	shape map[direction]shape
}

// newDumbbellMarks returns the markers in th's colours: From's ring and
// an unchanged value muted, a rise in the first colour of the palette, a
// fall in vermillion, a To without From in the text's colour.
func newDumbbellMarks(th *Theme) dumbbellMarks {
	return dumbbellMarks{
		from:  th.Muted,
		color: map[direction]color.Color{rise: th.color(0), fall: Vermillion, same: th.Muted, alone: th.Text},
		shape: map[direction]shape{rise: triangleRight, fall: triangleLeft, same: circle, alone: circle},
	}
}

// to is the marker of a To value: an arrowhead for a change, a dot
// otherwise.
func (mk dumbbellMarks) to(from, to float64) (shape, color.Color) {
	d := directionOf(from, to)
	return mk.shape[d], mk.color[d]
}

// legend names From's ring, then To's marker in each direction the chart
// draws.
func (mk dumbbellMarks) legend(s Dumbbell) []legendEntry {
	fromText := orText(s.FromLabel, s.Lang, "Trước", "Before")
	toText := orText(s.ToLabel, s.Lang, "Sau", "After")
	drawn := map[direction]bool{}
	for k := range s.To {
		if !math.IsNaN(s.To[k]) {
			drawn[directionOf(s.From[k], s.To[k])] = true
		}
	}
	legend := []legendEntry{{text: fromText, symbol: "marker", shape: circle, color: mk.from, filled: false}}
	for _, d := range []direction{rise, fall, same, alone} {
		if drawn[d] {
			text := toText
			if w := map[direction]string{rise: "rise", fall: "fall", same: "same"}[d]; w != "" {
				text += ": " + s.Lang.word(w)
			}
			legend = append(legend, legendEntry{text: text, symbol: "marker", shape: mk.shape[d], color: mk.color[d], filled: true})
		}
	}
	return legend
}

// anchors are the value texts of row row, category k: "no data" when
// both values are missing (its value NaN, which NewDumbbell moves to the
// axis's start), one text when one is missing or both are equal, else
// each value on the outer side of its own marker.
func (mk dumbbellMarks) anchors(s Dumbbell, nf numberFormat, row, k int) []anchor {
	const r = dotRadius
	f, t := s.From[k], s.To[k]
	switch {
	case math.IsNaN(f) && math.IsNaN(t):
		return []anchor{{row: row, value: math.NaN(), text: s.Lang.word("nodata"), side: 1, muted: true}}
	case math.IsNaN(f) || math.IsNaN(t) || f == t:
		v := f
		if math.IsNaN(v) {
			v = t
		}
		return []anchor{{row: row, value: v, text: nf.text(v), side: 1, off: r}}
	}
	// each value on the outer side of its own marker: the earlier
	// value on the left of a rise and on the right of a fall
	fromSide, toSide := -1, 1
	if t < f {
		fromSide, toSide = 1, -1
	}
	sh, _ := mk.to(f, t)
	return []anchor{
		{row: row, value: f, text: nf.text(f), side: fromSide, off: r},
		{row: row, value: t, text: nf.text(t), side: toSide, off: markerExtent(sh, r)},
	}
}

// dumbbellRange returns the smallest and the largest value of the rows
// order (0 and 1 when none has a value), and whether none is negative.
func dumbbellRange(s Dumbbell, order []int) (lo, hi float64, nonNeg bool) {
	first, nonNeg := true, true
	for _, k := range order {
		for _, v := range []float64{s.From[k], s.To[k]} {
			if math.IsNaN(v) {
				continue
			}
			if first {
				lo, hi, first = v, v, false
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			if v < 0 {
				nonNeg = false
			}
		}
	}
	if first {
		return 0, 1, nonNeg
	}
	return lo, hi, nonNeg
}

// draw draws a row of values from and to centred on cy: the line from
// From's ring to To's arrowhead, the ring, then the arrowhead or dot.
func (mk dumbbellMarks) draw(b *builder, f, t float64, cy vg.Length, x func(float64) vg.Length) {
	const r = dotRadius
	sh, col := mk.to(f, t)
	if !math.IsNaN(f) && !math.IsNaN(t) && f != t {
		// the line runs from the ring's edge to the arrowhead's base
		dir := vg.Length(1)
		if t < f {
			dir = -1
		}
		x0, x1 := x(f)+dir*r, x(t)-dir*r*0.6
		if (x1-x0)*dir > 0 {
			b.add(lineItem{pts: []vg.Point{{X: x0, Y: cy}, {X: x1, Y: cy}}, color: col, width: 1.6})
		}
	}
	// the ring first, so that an arrowhead close to it (960 → 805)
	// keeps its point visible
	if !math.IsNaN(f) {
		b.add(markerItem{x: x(f), y: cy, r: r, shape: circle, color: mk.from, filled: false})
	}
	if !math.IsNaN(t) {
		b.add(markerItem{x: x(t), y: cy, r: r, shape: sh, color: col, filled: true})
	}
}

// signedText writes a change with its sign: "+1.200", "−155" (a minus
// sign, U+2212), "0"; NaN is "—".
func signedText(nf numberFormat, v float64) string {
	t := nf.text(math.Abs(v))
	switch {
	case math.IsNaN(v) || t == nf.text(0):
		return t
	case v > 0:
		return "+" + t
	}
	return "−" + t
}

func orText(s string, l Lang, vi, en string) string {
	if s = cleanText(s); s != "" {
		return s
	}
	if l == EN {
		return en
	}
	return vi
}
