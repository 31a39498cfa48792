package chart

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
)

// RankedBars is a ranked horizontal bar chart: one bar per label (a unit,
// a pillar), longest on top, with an optional target line. Bars at or
// above the target are blue, bars below it orange; the target's label sits
// above the line, in a header line of its own, so it never meets a value.
// A value whose text would cross the dashed line (88,9% against 90%) is
// written just past the line instead, so that no number is cut by it.
type RankedBars struct {
	Title  string
	Note   string    // a line under the chart (source, definitions)
	Labels []string  // one per bar
	Values []float64 // one per bar; NaN = no data (drawn last, without a bar, marked "không có số liệu")
	// Target draws a dashed line at this value; NaN or 0 draws none (so
	// that a literal without Target draws no line), unless ZeroTarget is
	// set: then 0 is a target like any other.
	Target      float64
	ZeroTarget  bool
	TargetLabel string // default "Mục tiêu" / "Target"; the value is appended
	Format      Format
	Decimals    int    // digits after the decimal mark; 0 = chosen from the values, < 0 = none
	XLabel      string // title of the value axis
	KeepOrder   bool   // keep the order of Labels instead of ranking by value (descending)
	// Groups names the group of each bar (a programme's kind, say): the
	// bars of a group stand together, the groups in order of first
	// appearance, each ranked by value (or in input order with
	// KeepOrder); each group has its colour and a legend entry. With a
	// Target, the colours still say the group, not met or not met. nil =
	// one group.
	Groups []string
	// Column writes a text per bar in a column on the right (the nominal
	// amount beside a real one, say), headed ColumnHeader; nil = none.
	Column       []string
	ColumnHeader string
	Lang         Lang
	Theme        *Theme // nil = DefaultTheme()
}

// NewRankedBars lays out a RankedBars chart. Values rank in descending
// order (ties keep their input order), within their group if Groups is
// set; NaN values follow in input order.
// Errors: ErrNoData without labels, ErrLength if Labels and Values (or a
// non-nil Groups or Column) differ in length, ErrNotFinite for an infinite
// value or target.
func NewRankedBars(s RankedBars) (*Chart, error) {
	if len(s.Labels) == 0 {
		return nil, fmt.Errorf("%w: RankedBars has no labels", ErrNoData)
	}
	if len(s.Labels) != len(s.Values) {
		return nil, fmt.Errorf("%w: RankedBars has %d labels and %d values", ErrLength, len(s.Labels), len(s.Values))
	}
	if s.Groups != nil && len(s.Groups) != len(s.Labels) {
		return nil, fmt.Errorf("%w: RankedBars has %d labels and %d groups", ErrLength, len(s.Labels), len(s.Groups))
	}
	if s.Column != nil && len(s.Column) != len(s.Labels) {
		return nil, fmt.Errorf("%w: RankedBars has %d labels and %d column texts", ErrLength, len(s.Labels), len(s.Column))
	}
	if err := checkFinite("RankedBars.Values", s.Values); err != nil {
		return nil, err
	}
	if math.IsInf(s.Target, 0) {
		return nil, fmt.Errorf("%w: RankedBars.Target", ErrNotFinite)
	}
	target := s.Target
	if target == 0 && !s.ZeroTarget {
		target = math.NaN()
	}
	order := rankOrder(s.Values, s.KeepOrder)
	groupNames, group := barGroups(s.Groups)
	if s.Groups != nil {
		sort.SliceStable(order, func(a, b int) bool { return group[order[a]] < group[order[b]] })
	}
	th := themeOf(s.Theme)
	nf := newNumberFormat(s.Lang, s.Format, s.Decimals, s.Values, []float64{target})
	if s.Decimals == 0 {
		nf.decimals = decimalsAgainst(nf, s.Values, target)
	}

	rc := &rowChart{
		kind: "ranked-bars", title: s.Title, note: s.Note, xlabel: s.XLabel,
		target: target, nf: nf, lo: 0, hi: 0,
	}
	values := make([]float64, len(order))
	for i, k := range order {
		rc.labels = append(rc.labels, s.Labels[k])
		values[i] = s.Values[k]
		if s.Column != nil {
			rc.values = append(rc.values, cleanText(s.Column[k]))
		}
	}
	if s.Column != nil {
		rc.valueHeader = cleanText(s.ColumnHeader)
	}
	rc.anchors, rc.lo, rc.hi, rc.nonNegAxis = barAnchors(values, nf, s.Lang)
	if !math.IsNaN(target) {
		rc.lo, rc.hi = math.Min(rc.lo, target), math.Max(rc.hi, target)
		tl := cleanText(s.TargetLabel)
		if tl == "" {
			tl = s.Lang.word("target")
		}
		rc.targetText = tl + " " + nf.text(target)
	}
	rc.legend = s.legend(&th, target, groupNames)
	rc.draw = func(b *builder, i int, cy, _ vg.Length, x func(float64) vg.Length) {
		v := values[i]
		if math.IsNaN(v) {
			return
		}
		col := th.color(0)
		switch {
		case s.Groups != nil:
			col = th.color(group[order[i]])
		case !math.IsNaN(target) && v < target:
			col = th.color(1)
		}
		x0, x1 := x(0), x(v)
		b.add(rectItem{x0: min(x0, x1), y0: cy - th.BarHeight/2, x1: max(x0, x1), y1: cy + th.BarHeight/2, fill: col})
	}
	return rc.build(th, s.Lang), nil
}

// barGroups numbers the groups of the bars in order of first appearance:
// it returns their names, cleaned, and the group of each bar.
func barGroups(groups []string) (names []string, group []int) {
	group = make([]int, len(groups))
	at := map[string]int{}
	for i, g := range groups {
		g = cleanText(g)
		k, ok := at[g]
		if !ok {
			k = len(names)
			at[g] = k
			names = append(names, g)
		}
		group[i] = k
	}
	return names, group
}

// barAnchors returns the value text of each bar of values, at its end
// (left of a negative bar; "no data" for NaN), the range of the values
// with zero, and whether none is negative.
func barAnchors(values []float64, nf numberFormat, lang Lang) (anchors []anchor, lo, hi float64, nonNeg bool) {
	hasNeg := false
	for i, v := range values {
		if math.IsNaN(v) {
			anchors = append(anchors, anchor{row: i, value: 0, text: lang.word("nodata"), side: 1, muted: true})
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
		side := 1
		if v < 0 {
			side, hasNeg = -1, true
		}
		anchors = append(anchors, anchor{row: i, value: v, text: nf.text(v), side: side})
	}
	return anchors, lo, hi, !hasNeg
}

// legend has, when a target colours the bars (without Groups), a swatch
// for met and one for not met, and a swatch for each group of names.
func (s RankedBars) legend(th *Theme, target float64, names []string) []legendEntry {
	var legend []legendEntry
	if !math.IsNaN(target) && s.Groups == nil {
		legend = []legendEntry{
			{text: s.Lang.word("met"), symbol: "swatch", color: th.color(0)},
			{text: s.Lang.word("notmet"), symbol: "swatch", color: th.color(1)},
		}
	}
	for g, name := range names {
		legend = append(legend, legendEntry{text: name, symbol: "swatch", color: th.color(g)})
	}
	return legend
}

// rankOrder returns the indices of values in descending order (stable),
// NaN last in input order; keep returns the input order.
func rankOrder(values []float64, keep bool) []int {
	order := make([]int, len(values))
	for i := range order {
		order[i] = i
	}
	if keep {
		return order
	}
	sort.SliceStable(order, func(a, b int) bool {
		va, vb := values[order[a]], values[order[b]]
		if math.IsNaN(vb) {
			return !math.IsNaN(va)
		}
		return va > vb
	})
	return order
}

func checkFinite(name string, vs []float64) error {
	for i, v := range vs {
		if math.IsInf(v, 0) {
			return fmt.Errorf("%w: %s[%d]", ErrNotFinite, name, i)
		}
	}
	return nil
}

// decimalsAgainst returns the fewest decimals, from nf's and at most 4,
// with which no value reads as meeting the target when it does not, or the
// reverse: 0.89655 against 0.9 is written 0,897, not 0,90.
func decimalsAgainst(nf numberFormat, values []float64, target float64) int {
	d := nf.decimals
	if math.IsNaN(target) {
		return d
	}
	scale := 1.0
	if nf.format == Share {
		scale = 100
	}
	round := func(v float64, d int) float64 {
		p := math.Pow10(d)
		return math.Round(v*scale*p) / p
	}
	for ; d < 4; d++ {
		ok := true
		for _, v := range values {
			if !math.IsNaN(v) && (v >= target) != (round(v, d) >= round(target, d)) {
				ok = false
				break
			}
		}
		if ok {
			break
		}
	}
	return d
}
