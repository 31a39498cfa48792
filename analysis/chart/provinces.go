package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot/vg"
)

// ProvinceComparison is a dot plot of provinces (or any groups: levels of
// government, units) across indicators: one row per indicator, one marker
// per province, each province with its own colour and shape. Within a row
// the provinces are spread vertically, so equal values stay visible. The
// indicators share one value axis: give them in one unit (per cent, or
// scores from a benchmark's normalisation). The axis keeps the markers at
// its ends whole: a score of 100 is not cut by the chart's edge.
type ProvinceComparison struct {
	Title      string
	Note       string
	Indicators []string    // one per row
	Provinces  []string    // one per marker in a row
	Values     [][]float64 // Values[p][i]: province p, indicator i; NaN = missing
	// Highlight names a province drawn larger and first in the legend (the
	// province of the plan at hand); "" highlights none.
	Highlight string
	// ShowValues writes each value beside its marker (rows grow so that
	// the texts of neighbouring markers never meet); best with few
	// provinces.
	ShowValues bool
	Format     Format
	Decimals   int // 0 = chosen from the values, < 0 = none
	XLabel     string
	Lang       Lang
	Theme      *Theme
}

var provinceShapes = []shape{circle, square, diamond, triangleUp, triangleDown}

// NewProvinceComparison lays out a ProvinceComparison chart: indicators in
// the order given, provinces in the order given. A missing value has no
// marker; an indicator with no value at all is marked "không có số liệu".
// Errors: ErrNoData without indicators or provinces, ErrLength if Values
// is not provinces × indicators, ErrNotFinite for an infinite value.
func NewProvinceComparison(s ProvinceComparison) (*Chart, error) {
	ni, np := len(s.Indicators), len(s.Provinces)
	if ni == 0 || np == 0 {
		return nil, fmt.Errorf("%w: ProvinceComparison needs indicators and provinces", ErrNoData)
	}
	if len(s.Values) != np {
		return nil, fmt.Errorf("%w: ProvinceComparison has %d provinces and %d rows of values", ErrLength, np, len(s.Values))
	}
	for p, vs := range s.Values {
		if len(vs) != ni {
			return nil, fmt.Errorf("%w: ProvinceComparison province %q has %d values for %d indicators", ErrLength, s.Provinces[p], len(vs), ni)
		}
		if err := checkFinite(fmt.Sprintf("ProvinceComparison.Values[%d]", p), vs); err != nil {
			return nil, err
		}
	}
	th := themeOf(s.Theme)
	nf := newNumberFormat(s.Lang, s.Format, s.Decimals, s.Values...)
	hl := s.highlighted()
	// The largest marker stays whole at both ends of the axis: a score
	// of 100 is not cut by the chart's edge, one of 0 not hidden in the
	// label column.
	rc := &rowChart{kind: "province-comparison", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: math.NaN(), nf: nf, labels: s.Indicators, inset: markerExtent(diamond, 4.2) + 1.5,
		legend: s.legend(&th, hl)}
	slot := vg.Length(8)
	if s.ShowValues {
		valueFace := th.face(th.FontSize*0.9, false, false)
		slot = max(slot, (&builder{th: th}).blockHeight(valueFace, 1)+1.5)
	}
	rc.minRow = make([]vg.Length, ni)
	for i := range rc.minRow {
		rc.minRow[i] = vg.Length(np)*slot + 2*th.RowPadding
	}
	rc.lo, rc.hi, rc.nonNegAxis = s.axisRange()
	rc.anchors = s.anchors(nf, hl, slot, rc.lo)
	rc.draw = func(b *builder, i int, cy, band vg.Length, x func(float64) vg.Length) {
		top := cy - vg.Length(np)*slot/2
		b.add(lineItem{pts: []vg.Point{{X: x(rc.lo), Y: cy}, {X: x(rc.hi), Y: cy}}, color: th.Grid, width: 0.6, dash: []vg.Length{1, 2}})
		for p := 0; p < np; p++ {
			v := s.Values[p][i]
			if math.IsNaN(v) {
				continue
			}
			sh, r := provinceMarker(p, hl)
			b.add(markerItem{x: x(v), y: top + (vg.Length(p)+0.5)*slot, r: r, shape: sh, color: th.color(p), filled: true})
		}
	}
	return rc.build(th, s.Lang), nil
}

// highlighted returns the index of the province Highlight names (the last
// of that name), or -1.
func (s ProvinceComparison) highlighted() int {
	hl := -1
	for p, name := range s.Provinces {
		if s.Highlight != "" && cleanText(name) == cleanText(s.Highlight) {
			hl = p
		}
	}
	return hl
}

// provinceMarker returns the shape and the radius of province p's markers:
// a shape of its own, larger for the highlighted province hl.
func provinceMarker(p, hl int) (shape, vg.Length) {
	r := vg.Length(3.2)
	if p == hl {
		r = 4.2
	}
	return provinceShapes[p%len(provinceShapes)], r
}

// legend lists the provinces with their markers, the highlighted one hl
// first.
func (s ProvinceComparison) legend(th *Theme, hl int) []legendEntry {
	order := make([]int, 0, len(s.Provinces))
	if hl >= 0 {
		order = append(order, hl)
	}
	for p := range s.Provinces {
		if p != hl {
			order = append(order, p)
		}
	}
	var legend []legendEntry
	for _, p := range order {
		sh, _ := provinceMarker(p, hl)
		legend = append(legend, legendEntry{text: s.Provinces[p], symbol: "marker", shape: sh, color: th.color(p), filled: true})
	}
	return legend
}

// axisRange returns the range of the value axis, and whether no value is
// negative: from zero (or the smallest value, when negative) to the
// largest value, or to 100 % for percentages and shares that stay within
// it; 0 to 1 without values.
func (s ProvinceComparison) axisRange() (lo, hi float64, nonNeg bool) {
	first := true
	nonNeg = true
	for i := range s.Indicators {
		for p := range s.Provinces {
			v := s.Values[p][i]
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
		lo, hi = 0, 1
	}
	if lo > 0 {
		lo = 0 // shares and scores read from zero
	}
	if hi == lo {
		hi = lo + 1
	}
	if s.Format == Percent && hi <= 100 && lo >= 0 {
		hi = 100
	}
	if s.Format == Share && hi <= 1 && lo >= 0 {
		hi = 1
	}
	return lo, hi, nonNeg
}

// anchors are the texts of the rows: "no data" at lo for an indicator
// without any value and, with ShowValues, each value beside its marker,
// the markers of a row spread over slots of height slot.
func (s ProvinceComparison) anchors(nf numberFormat, hl int, slot vg.Length, lo float64) []anchor {
	np := len(s.Provinces)
	var anchors []anchor
	for i := range s.Indicators {
		any := false
		for p := 0; p < np; p++ {
			if !math.IsNaN(s.Values[p][i]) {
				any = true
			}
		}
		if !any {
			anchors = append(anchors, anchor{row: i, value: lo, text: s.Lang.word("nodata"), side: 1, muted: true})
		}
		if s.ShowValues {
			for p := 0; p < np; p++ {
				if v := s.Values[p][i]; !math.IsNaN(v) {
					_, r := provinceMarker(p, hl)
					dy := (vg.Length(p)+0.5)*slot - vg.Length(np)*slot/2
					anchors = append(anchors, anchor{row: i, value: v, text: nf.text(v), side: 1, dy: dy, off: r})
				}
			}
		}
	}
	return anchors
}
