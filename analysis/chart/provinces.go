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
	hl := -1
	for p, name := range s.Provinces {
		if s.Highlight != "" && cleanText(name) == cleanText(s.Highlight) {
			hl = p
		}
	}
	style := func(p int) (shape, vg.Length) {
		r := vg.Length(3.2)
		if p == hl {
			r = 4.2
		}
		return provinceShapes[p%len(provinceShapes)], r
	}
	// The largest marker stays whole at both ends of the axis: a score
	// of 100 is not cut by the chart's edge, one of 0 not hidden in the
	// label column.
	rc := &rowChart{kind: "province-comparison", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: math.NaN(), nf: nf, labels: s.Indicators, nonNegAxis: true, inset: markerExtent(diamond, 4.2) + 1.5}
	legendOrder := make([]int, 0, np)
	if hl >= 0 {
		legendOrder = append(legendOrder, hl)
	}
	for p := range s.Provinces {
		if p != hl {
			legendOrder = append(legendOrder, p)
		}
	}
	for _, p := range legendOrder {
		sh, _ := style(p)
		rc.legend = append(rc.legend, legendEntry{text: s.Provinces[p], symbol: "marker", shape: sh, color: th.color(p), filled: true})
	}
	slot := vg.Length(8)
	if s.ShowValues {
		valueFace := th.face(th.FontSize*0.9, false, false)
		slot = max(slot, (&builder{th: th}).blockHeight(valueFace, 1)+1.5)
	}
	rc.minRow = make([]vg.Length, ni)
	first := true
	for i := 0; i < ni; i++ {
		rc.minRow[i] = vg.Length(np)*slot + 2*th.RowPadding
		any := false
		for p := 0; p < np; p++ {
			v := s.Values[p][i]
			if math.IsNaN(v) {
				continue
			}
			any = true
			if first {
				rc.lo, rc.hi, first = v, v, false
			}
			rc.lo, rc.hi = math.Min(rc.lo, v), math.Max(rc.hi, v)
			if v < 0 {
				rc.nonNegAxis = false
			}
		}
		if !any {
			rc.anchors = append(rc.anchors, anchor{row: i, value: math.NaN(), text: s.Lang.word("nodata"), side: 1, muted: true})
		}
		if s.ShowValues {
			for p := 0; p < np; p++ {
				if v := s.Values[p][i]; !math.IsNaN(v) {
					_, r := style(p)
					dy := (vg.Length(p)+0.5)*slot - vg.Length(np)*slot/2
					rc.anchors = append(rc.anchors, anchor{row: i, value: v, text: nf.text(v), side: 1, dy: dy, off: r})
				}
			}
		}
	}
	if first {
		rc.lo, rc.hi = 0, 1
	}
	if rc.lo > 0 {
		rc.lo = 0 // shares and scores read from zero
	}
	if rc.hi == rc.lo {
		rc.hi = rc.lo + 1
	}
	if s.Format == Percent && rc.hi <= 100 && rc.lo >= 0 {
		rc.hi = 100
	}
	if s.Format == Share && rc.hi <= 1 && rc.lo >= 0 {
		rc.hi = 1
	}
	for k := range rc.anchors {
		if math.IsNaN(rc.anchors[k].value) {
			rc.anchors[k].value = rc.lo
		}
	}
	rc.draw = func(b *builder, i int, cy, band vg.Length, x func(float64) vg.Length) {
		top := cy - vg.Length(np)*slot/2
		b.add(lineItem{pts: []vg.Point{{X: x(rc.lo), Y: cy}, {X: x(rc.hi), Y: cy}}, color: th.Grid, width: 0.6, dash: []vg.Length{1, 2}})
		for p := 0; p < np; p++ {
			v := s.Values[p][i]
			if math.IsNaN(v) {
				continue
			}
			sh, r := style(p)
			b.add(markerItem{x: x(v), y: top + (vg.Length(p)+0.5)*slot, r: r, shape: sh, color: th.color(p), filled: true})
		}
	}
	return rc.build(th, s.Lang), nil
}
