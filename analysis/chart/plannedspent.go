package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// PlannedSpent compares planned and spent amounts by category (a pillar):
// two bars per row, planned (sky blue) above spent (blue), each with its
// amount at its end, and the execution rate spent/planned in a column on
// the right.
type PlannedSpent struct {
	Title        string
	Note         string
	Labels       []string
	Planned      []float64 // NaN = missing
	Spent        []float64 // NaN = missing
	PlannedLabel string    // default "Kế hoạch" / "Planned"
	SpentLabel   string    // default "Thực hiện" / "Spent"
	RateLabel    string    // header of the rate column, default "Thực hiện/KH" / "Spent/plan"
	Format       Format
	Decimals     int // 0 = chosen from the amounts, < 0 = none
	XLabel       string
	Lang         Lang
	Theme        *Theme
}

// NewPlannedSpent lays out a PlannedSpent chart in the order of Labels.
// Rate = spent / planned, written as a percentage with no decimals; it is
// "—" when either amount is missing or planned is zero (a zero
// denominator has no rate). A missing amount has no bar and is written
// "—". Errors: ErrNoData without labels, ErrLength if the slices differ
// in length, ErrNotFinite for an infinite amount.
func NewPlannedSpent(s PlannedSpent) (*Chart, error) {
	n := len(s.Labels)
	if n == 0 {
		return nil, fmt.Errorf("%w: PlannedSpent has no labels", ErrNoData)
	}
	if len(s.Planned) != n || len(s.Spent) != n {
		return nil, fmt.Errorf("%w: PlannedSpent has %d labels, %d planned and %d spent", ErrLength, n, len(s.Planned), len(s.Spent))
	}
	if err := checkFinite("PlannedSpent.Planned", s.Planned); err != nil {
		return nil, err
	}
	if err := checkFinite("PlannedSpent.Spent", s.Spent); err != nil {
		return nil, err
	}
	th := themeOf(s.Theme)
	nf := newNumberFormat(s.Lang, s.Format, s.Decimals, s.Planned, s.Spent)
	rateFmt := newNumberFormat(s.Lang, Share, -1)
	pl, sl, rl := orWord(s.PlannedLabel, s.Lang, "planned"), orWord(s.SpentLabel, s.Lang, "spent"), orWord(s.RateLabel, s.Lang, "rate")
	rc := &rowChart{kind: "planned-spent", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: math.NaN(), nf: nf, labels: s.Labels, valueHeader: rl, nonNegAxis: true,
		legend: []legendEntry{
			{text: pl, symbol: "swatch", color: th.color(4)},
			{text: sl, symbol: "swatch", color: th.color(0)},
		},
	}
	valueFace := th.face(th.FontSize*0.9, false, false)
	sub := max(th.BarHeight*0.8, (&builder{th: th}).blockHeight(valueFace, 1)+1)
	rc.minRow = make([]vg.Length, n)
	for i := 0; i < n; i++ {
		rc.minRow[i] = 2*sub + 2*th.RowPadding
		p, sp := s.Planned[i], s.Spent[i]
		for k, v := range []float64{p, sp} {
			dy := -sub / 2
			if k == 1 {
				dy = sub / 2
			}
			if math.IsNaN(v) {
				rc.anchors = append(rc.anchors, anchor{row: i, value: 0, text: "—", side: 1, dy: dy, muted: true})
				continue
			}
			if v < 0 {
				rc.lo = math.Min(rc.lo, v)
				rc.nonNegAxis = false
			}
			rc.hi = math.Max(rc.hi, v)
			side := 1
			if v < 0 {
				side = -1
			}
			rc.anchors = append(rc.anchors, anchor{row: i, value: v, text: nf.text(v), side: side, dy: dy})
		}
		rate := math.NaN()
		if !math.IsNaN(p) && !math.IsNaN(sp) && p != 0 {
			rate = sp / p
		}
		rc.values = append(rc.values, rateFmt.text(rate))
	}
	barH := sub * 0.8
	rc.draw = func(b *builder, i int, cy, _ vg.Length, x func(float64) vg.Length) {
		for k, v := range []float64{s.Planned[i], s.Spent[i]} {
			if math.IsNaN(v) {
				continue
			}
			c := cy - sub/2
			col := th.color(4)
			if k == 1 {
				c, col = cy+sub/2, th.color(0)
			}
			x0, x1 := x(0), x(v)
			b.add(rectItem{x0: min(x0, x1), y0: c - barH/2, x1: max(x0, x1), y1: c + barH/2, fill: col})
		}
	}
	return rc.build(th, s.Lang), nil
}

func orWord(s string, l Lang, key string) string {
	if s = cleanText(s); s != "" {
		return s
	}
	return l.word(key)
}
