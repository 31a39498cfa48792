package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// Dumbbell compares two values per category — a pillar's budget in 2023
// and in 2024 — as two dots joined by a line. Each value is written beside
// its dot, on the outer side (the smaller on the left, the larger on the
// right), so the two never meet.
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
	Lang         Lang
	Theme        *Theme
}

// dotRadius is the radius of a dumbbell's dots.
const dotRadius = 3.6

// NewDumbbell lays out a Dumbbell chart. From is drawn as an orange ring
// on top of To's blue dot, so both stay visible when they meet; equal
// values show one label. A missing value has no dot and no line. Errors: ErrNoData without labels, ErrLength if
// the slices differ in length, ErrNotFinite for an infinite value.
func NewDumbbell(s Dumbbell) (*Chart, error) {
	const r = dotRadius
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
	fromCol, toCol := th.color(1), th.color(0)
	rc := &rowChart{kind: "dumbbell", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: math.NaN(), nf: nf, nonNegAxis: true,
		legend: []legendEntry{
			{text: orText(s.FromLabel, s.Lang, "Trước", "Before"), symbol: "marker", shape: circle, color: fromCol, filled: false},
			{text: orText(s.ToLabel, s.Lang, "Sau", "After"), symbol: "marker", shape: circle, color: toCol, filled: true},
		},
	}
	first := true
	for row, k := range order {
		rc.labels = append(rc.labels, s.Labels[k])
		f, t := s.From[k], s.To[k]
		for _, v := range []float64{f, t} {
			if math.IsNaN(v) {
				continue
			}
			if first {
				rc.lo, rc.hi, first = v, v, false
			}
			rc.lo, rc.hi = math.Min(rc.lo, v), math.Max(rc.hi, v)
			if v < 0 {
				rc.nonNegAxis = false
			}
		}
		switch {
		case math.IsNaN(f) && math.IsNaN(t):
			rc.anchors = append(rc.anchors, anchor{row: row, value: math.NaN(), text: s.Lang.word("nodata"), side: 1, muted: true})
		case math.IsNaN(f) || math.IsNaN(t) || f == t:
			v := f
			if math.IsNaN(v) {
				v = t
			}
			rc.anchors = append(rc.anchors, anchor{row: row, value: v, text: nf.text(v), side: 1, off: r})
		default:
			lo, hi := math.Min(f, t), math.Max(f, t)
			rc.anchors = append(rc.anchors,
				anchor{row: row, value: lo, text: nf.text(lo), side: -1, off: r},
				anchor{row: row, value: hi, text: nf.text(hi), side: 1, off: r})
		}
	}
	if first {
		rc.lo, rc.hi = 0, 1
	}
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
		k := order[row]
		f, t := s.From[k], s.To[k]
		if !math.IsNaN(f) && !math.IsNaN(t) {
			b.add(lineItem{pts: []vg.Point{{X: x(f), Y: cy}, {X: x(t), Y: cy}}, color: th.Muted, width: 1.6})
		}
		if !math.IsNaN(t) {
			b.add(markerItem{x: x(t), y: cy, r: r, shape: circle, color: toCol, filled: true})
		}
		if !math.IsNaN(f) {
			b.add(markerItem{x: x(f), y: cy, r: r, shape: circle, color: fromCol, filled: false})
		}
	}
	return rc.build(th, s.Lang), nil
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
