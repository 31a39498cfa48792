package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// Series is a named sequence of values: a funding source across pillars,
// an indicator across years. NaN is a missing value.
type Series struct {
	Name   string
	Values []float64
}

// StackedBars is a horizontal stacked bar chart: one bar per category (a
// pillar), one segment per series (a funding source), the total written at
// the end of the bar. Segments are non-negative amounts.
type StackedBars struct {
	Title      string
	Note       string
	Categories []string
	Series     []Series // each with one value per category; NaN = missing
	Format     Format
	Decimals   int // 0 = chosen from the totals, < 0 = none
	XLabel     string
	// SortByTotal ranks the bars by total, largest on top; otherwise they
	// keep the order of Categories.
	SortByTotal bool
	Lang        Lang
	Theme       *Theme
}

// NewStackedBars lays out a StackedBars chart. The total of a bar is the
// sum of its known segments; when a segment is missing (NaN) it is written
// "≥ total" (the parts are non-negative, so the true total is at least
// that), and a bar with no known segment is marked "không có số liệu".
// Errors: ErrNoData without categories or series, ErrLength if a series
// has not one value per category, ErrNegative for a negative value,
// ErrNotFinite for an infinite one.
func NewStackedBars(s StackedBars) (*Chart, error) {
	if len(s.Categories) == 0 || len(s.Series) == 0 {
		return nil, fmt.Errorf("%w: StackedBars needs categories and series", ErrNoData)
	}
	n := len(s.Categories)
	totals := make([]float64, n)
	missing := make([]bool, n)
	known := make([]bool, n)
	for j, se := range s.Series {
		if len(se.Values) != n {
			return nil, fmt.Errorf("%w: StackedBars series %d (%q) has %d values for %d categories", ErrLength, j, se.Name, len(se.Values), n)
		}
		if err := checkFinite(fmt.Sprintf("StackedBars.Series[%d]", j), se.Values); err != nil {
			return nil, err
		}
		for i, v := range se.Values {
			switch {
			case math.IsNaN(v):
				missing[i] = true
			case v < 0:
				return nil, fmt.Errorf("%w: series %q, category %q: %g", ErrNegative, se.Name, s.Categories[i], v)
			default:
				totals[i] += v
				known[i] = true
			}
		}
	}
	shown := make([]float64, n)
	for i := range shown {
		shown[i] = totals[i]
		if !known[i] {
			shown[i] = math.NaN()
		}
	}
	order := rankOrder(shown, !s.SortByTotal)
	th := themeOf(s.Theme)
	nf := newNumberFormat(s.Lang, s.Format, s.Decimals, shown)
	rc := &rowChart{kind: "stacked-bars", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: math.NaN(), nf: nf, nonNegAxis: true}
	for j, se := range s.Series {
		rc.legend = append(rc.legend, legendEntry{text: se.Name, symbol: "swatch", color: th.color(j)})
	}
	anyMissing := false
	for row, k := range order {
		rc.labels = append(rc.labels, s.Categories[k])
		rc.hi = math.Max(rc.hi, totals[k])
		switch {
		case !known[k]:
			rc.anchors = append(rc.anchors, anchor{row: row, text: s.Lang.word("nodata"), side: 1, muted: true})
		case missing[k]:
			anyMissing = true
			rc.anchors = append(rc.anchors, anchor{row: row, value: totals[k], text: "≥ " + nf.text(totals[k]), side: 1})
		default:
			rc.anchors = append(rc.anchors, anchor{row: row, value: totals[k], text: nf.text(totals[k]), side: 1})
		}
	}
	if anyMissing {
		rc.note = joinNote(s.Lang.word("incomplete"), rc.note)
	}
	rc.draw = func(b *builder, row int, cy, _ vg.Length, x func(float64) vg.Length) {
		k := order[row]
		acc := 0.0
		for j, se := range s.Series {
			v := se.Values[k]
			if math.IsNaN(v) || v == 0 {
				continue
			}
			x0, x1 := x(acc), x(acc+v)
			acc += v
			b.add(rectItem{x0: x0, y0: cy - th.BarHeight/2, x1: x1, y1: cy + th.BarHeight/2, fill: th.color(j)})
			// a hairline between segments keeps neighbours apart
			b.add(lineItem{pts: []vg.Point{{X: x1, Y: cy - th.BarHeight/2}, {X: x1, Y: cy + th.BarHeight/2}}, color: th.Background, width: 0.5})
		}
	}
	return rc.build(th, s.Lang), nil
}

func joinNote(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return b + " " + a + "."
}
