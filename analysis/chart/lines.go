package chart

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
)

// Lines draws indicators over the years: one line per series, a dot at
// every known value (a result), a gap where a value is missing (NaN), and the targets
// as hollow or filled markers by comparator (= diamond, ≥ hollow triangle,
// > filled triangle, ≤ and < the same pointing down), in the colour of
// their series. Markers of one year that would cover each other — a result
// of 89 beside a target of 90, two series' targets of 100 — stand side by
// side around the year's position instead, and the lines follow them.
type Lines struct {
	Title   string
	Note    string
	Years   []int    // strictly increasing; the x positions of the series' values
	Series  []Series // each with one value per year; NaN = missing (a gap in the line)
	Targets []TargetPoint
	Format  Format
	// Decimals applies to the value axis only when > 0 or < 0; 0 chooses
	// the fewest decimals that show the ticks' step.
	Decimals int
	YLabel   string // title of the value axis, written above it
	XLabel   string // title of the year axis (none by default)
	Lang     Lang
	Theme    *Theme
}

// TargetPoint is a target: the value an indicator should reach in a year,
// with the comparator of its wording ("=" reach, ">=" at least, ">" above,
// "<=" at most, "<" below; "" is "="). Series names the series it belongs
// to (its colour); a name that matches no series is drawn in the text
// colour.
type TargetPoint struct {
	Series     string
	Year       int
	Value      float64
	Comparator string
}

// targetShape is the marker of a comparator: its shape and whether it is
// filled.
func targetShape(cmp string) (shape, bool, error) {
	switch cmp {
	case "", "=":
		return diamond, false, nil
	case ">=", "≥":
		return triangleUp, false, nil
	case ">":
		return triangleUp, true, nil
	case "<=", "≤":
		return triangleDown, false, nil
	case "<":
		return triangleDown, true, nil
	}
	return 0, false, fmt.Errorf("%w: %q", ErrCompare, cmp)
}

func comparatorKey(cmp string) string {
	switch cmp {
	case "", "=":
		return "target="
	case "≥":
		return "target>="
	case "≤":
		return "target<="
	}
	return "target" + cmp
}

// NewLines lays out a Lines chart. The value axis starts at zero unless a
// value is negative, and runs to 100 for Percent (1 for Share) when no
// value exceeds it. Errors: ErrNoData without years or with neither series
// nor targets, ErrYears if Years is not strictly increasing, ErrLength if
// a series has not one value per year, ErrNotFinite for an infinite value,
// ErrCompare for an unknown comparator.
func NewLines(s Lines) (*Chart, error) {
	p, err := linesRange(s)
	if err != nil {
		return nil, err
	}
	th := themeOf(s.Theme)
	b := newBuilder(th, s.Lang)
	m := th.Margin
	small := th.face(th.SmallSize, false, false)

	y := b.title(s.Title, m)
	legend, seriesColor := linesLegend(s, th)
	y = b.legend(legend, m, b.w-m, y)

	// Value axis: round ticks from lo, extended to a tick at or above hi.
	ticks := niceTicks(p.lo, p.hi, 5)
	if len(ticks) >= 2 && ticks[len(ticks)-1] < p.hi-1e-9 {
		step := ticks[1] - ticks[0]
		ticks = append(ticks, ticks[len(ticks)-1]+step)
	}
	if len(ticks) > 0 {
		p.lo, p.hi = math.Min(p.lo, ticks[0]), math.Max(p.hi, ticks[len(ticks)-1])
	}
	nf := newNumberFormat(s.Lang, s.Format, s.Decimals)
	tickText := func(v float64) string {
		if s.Decimals != 0 {
			return nf.text(v)
		}
		return nf.tickText(ticks, v)
	}
	var tickW vg.Length
	for _, t := range ticks {
		tickW = max(tickW, small.Width(tickText(t)))
	}
	if yl := cleanText(s.YLabel); yl != "" {
		lines := wrapText(small, yl, b.w-2*m, 2, false)
		y = b.block("axis", lines, small, th.Muted, m, y, alignLeft) + 4
	}
	p.top = y + small.Extents().Ascent // room for the top tick label
	p.bottom = p.top + th.PlotHeight
	p.left = m + tickW + 6
	p.right = b.w - m - small.Width(formatYear(int(p.yMax)))/2

	lastTick := p.valueAxis(b, ticks, tickText)
	y = p.yearAxis(b, s, lastTick)
	p.marks(b, s, seriesColor)
	if xl := cleanText(s.XLabel); xl != "" {
		y = b.block("axis", wrapText(small, xl, p.right-p.left, 2, false), small, th.Muted, (p.left+p.right)/2, y+3, alignCenter)
	}
	y = b.note(s.Note, y+2)
	return b.finish("lines", y+m), nil
}

// linesPlot is the plot area of a Lines chart: the values lo…hi on the
// vertical axis from bottom to top, the years yMin…yMax from left to right.
type linesPlot struct {
	lo, hi, yMin, yMax       float64
	left, right, top, bottom vg.Length
}

// yx is the vertical position of value v.
func (p *linesPlot) yx(v float64) vg.Length {
	return p.bottom - vg.Length((v-p.lo)/(p.hi-p.lo))*(p.bottom-p.top)
}

// xs is the horizontal position of a year.
func (p *linesPlot) xs(year float64) vg.Length {
	return p.left + vg.Length((year-(p.yMin-0.5))/(p.yMax-p.yMin+1))*(p.right-p.left)
}

// linesRange checks the chart's data and returns the range of its values
// (from zero, to 100 or 1 for percentages and shares) and years.
func linesRange(s Lines) (*linesPlot, error) {
	if len(s.Years) == 0 || len(s.Series) == 0 && len(s.Targets) == 0 {
		return nil, fmt.Errorf("%w: Lines needs years and series or targets", ErrNoData)
	}
	for i := 1; i < len(s.Years); i++ {
		if s.Years[i] <= s.Years[i-1] {
			return nil, fmt.Errorf("%w: %d after %d", ErrYears, s.Years[i], s.Years[i-1])
		}
	}
	lo, hi := 0.0, math.Inf(-1)
	for j, se := range s.Series {
		if len(se.Values) != len(s.Years) {
			return nil, fmt.Errorf("%w: Lines series %d (%q) has %d values for %d years", ErrLength, j, se.Name, len(se.Values), len(s.Years))
		}
		if err := checkFinite(fmt.Sprintf("Lines.Series[%d]", j), se.Values); err != nil {
			return nil, err
		}
		for _, v := range se.Values {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	yMin, yMax := float64(s.Years[0]), float64(s.Years[len(s.Years)-1])
	for k, t := range s.Targets {
		if _, _, err := targetShape(t.Comparator); err != nil {
			return nil, fmt.Errorf("Lines.Targets[%d]: %w", k, err)
		}
		if math.IsInf(t.Value, 0) {
			return nil, fmt.Errorf("%w: Lines.Targets[%d]", ErrNotFinite, k)
		}
		if !math.IsNaN(t.Value) {
			lo, hi = math.Min(lo, t.Value), math.Max(hi, t.Value)
		}
		yMin, yMax = math.Min(yMin, float64(t.Year)), math.Max(yMax, float64(t.Year))
	}
	if math.IsInf(hi, -1) || hi <= lo {
		hi = lo + 1
	}
	if s.Format == Percent && lo >= 0 && hi <= 100 {
		hi = 100
	}
	if s.Format == Share && lo >= 0 && hi <= 1 {
		hi = 1
	}
	return &linesPlot{lo: lo, hi: hi, yMin: yMin, yMax: yMax}, nil
}

// linesLegend returns the legend of what is drawn — a line (with its dot)
// for a series with two consecutive known values, a dot for a series of
// single points, then one entry for the dots (results) and one per target
// comparator in use — and each series' colour index by its name.
func linesLegend(s Lines, th Theme) ([]legendEntry, map[string]int) {
	seriesColor := map[string]int{}
	var legend []legendEntry
	anyResult := false
	for j, sr := range s.Series {
		seriesColor[cleanText(sr.Name)] = j
		symbol := "marker"
		for i, v := range sr.Values {
			if !math.IsNaN(v) {
				anyResult = true
				if i > 0 && !math.IsNaN(sr.Values[i-1]) {
					symbol = "line"
				}
			}
		}
		legend = append(legend, legendEntry{text: sr.Name, symbol: symbol, shape: circle, filled: true, r: dotRadiusLines, color: th.color(j)})
	}
	if anyResult {
		legend = append(legend, legendEntry{text: s.Lang.word("results"), symbol: "marker", shape: circle, filled: true, r: dotRadiusLines, color: th.Text})
	}
	seen := map[string]bool{}
	for _, cmp := range []string{"=", ">=", ">", "<=", "<"} {
		for _, t := range s.Targets {
			if comparatorKey(t.Comparator) == comparatorKey(cmp) && !seen[cmp] {
				seen[cmp] = true
				sh, filled, _ := targetShape(cmp)
				legend = append(legend, legendEntry{text: s.Lang.word(comparatorKey(cmp)), symbol: "marker", shape: sh, filled: filled, color: th.Text})
			}
		}
	}
	return legend, seriesColor
}

// valueAxis draws the grid lines and the tick labels that do not touch the
// one above, and returns the box of the last label drawn.
func (p *linesPlot) valueAxis(b *builder, ticks []float64, tickText func(float64) string) vg.Rectangle {
	th := &b.th
	small := th.face(th.SmallSize, false, false)
	se := small.Extents()
	var lastTick vg.Rectangle
	placed := false
	for _, t := range ticks {
		ty := p.yx(t)
		col, wid := th.Grid, vg.Length(0.6)
		if t == 0 {
			col, wid = th.Muted, 0.8
		}
		b.add(lineItem{pts: []vg.Point{{X: p.left, Y: ty}, {X: p.right, Y: ty}}, color: col, width: wid})
		base := ty + (se.Ascent-se.Descent)/2
		txt := tickText(t)
		r := vg.Rectangle{Min: vg.Point{X: p.left - 4 - small.Width(txt), Y: base - se.Ascent - 1}, Max: vg.Point{X: p.left - 4, Y: base + se.Descent + 1}}
		if placed && overlaps(r, lastTick) {
			continue
		}
		b.text("tick", txt, small, th.Muted, p.left-4, base, alignRight)
		lastTick, placed = r, true
	}
	return lastTick
}

// yearAxis draws a label under every year of Years and of the targets,
// skipping one that would touch its left neighbour (or the last value
// label, lastTick), and returns the bottom of the labels.
func (p *linesPlot) yearAxis(b *builder, s Lines, lastTick vg.Rectangle) vg.Length {
	th := &b.th
	small := th.face(th.SmallSize, false, false)
	se := small.Extents()
	years := map[int]bool{}
	for _, yr := range s.Years {
		years[yr] = true
	}
	for _, t := range s.Targets {
		years[t.Year] = true
	}
	base := p.bottom + 3 + se.Ascent
	placed := false
	for yr := int(p.yMin); yr <= int(p.yMax); yr++ {
		if !years[yr] {
			continue
		}
		txt := formatYear(yr)
		w := small.Width(txt)
		cx := p.xs(float64(yr))
		r := vg.Rectangle{Min: vg.Point{X: cx - w/2 - 2, Y: base - se.Ascent}, Max: vg.Point{X: cx + w/2 + 2, Y: base + se.Descent}}
		b.add(lineItem{pts: []vg.Point{{X: cx, Y: p.bottom}, {X: cx, Y: p.bottom + 2.5}}, color: th.Muted, width: 0.6})
		if placed && overlaps(r, lastTick) {
			continue
		}
		b.text("tick", txt, small, th.Muted, cx, base, alignCenter)
		lastTick, placed = r, true
	}
	return base + se.Descent
}

// marks draws the targets, then each series' segments between consecutive
// known values with a dot on each. Markers of one year that would cover
// each other (a result of 89 beside a target of 90) are spread sideways by
// dodge.
func (p *linesPlot) marks(b *builder, s Lines, seriesColor map[string]int) {
	th := &b.th
	var marks []mark
	for k, t := range s.Targets {
		if math.IsNaN(t.Value) {
			continue
		}
		j, ok := seriesColor[cleanText(t.Series)]
		if !ok {
			j = len(s.Series)
		}
		sh, _, _ := targetShape(t.Comparator)
		marks = append(marks, mark{year: t.Year, y: p.yx(t.Value), ext: markerExtent(sh, targetRadius), series: j, target: true, index: k})
	}
	for j, sr := range s.Series {
		for i, v := range sr.Values {
			if !math.IsNaN(v) {
				marks = append(marks, mark{year: s.Years[i], y: p.yx(v), ext: dotRadiusLines, series: j, index: i})
			}
		}
	}
	unit := p.xs(1) - p.xs(0)
	dx := dodge(marks, 0.8*unit)
	targetDX := map[int]vg.Length{}
	pointDX := map[[2]int]vg.Length{}
	for m, mk := range marks {
		if mk.target {
			targetDX[mk.index] = dx[m]
		} else {
			pointDX[[2]int{mk.series, mk.index}] = dx[m]
		}
	}
	// Targets first, so that a result on a target stays visible.
	for k, t := range s.Targets {
		if math.IsNaN(t.Value) {
			continue
		}
		col := th.Text
		if j, ok := seriesColor[cleanText(t.Series)]; ok {
			col = th.color(j)
		}
		sh, filled, _ := targetShape(t.Comparator)
		b.add(markerItem{x: p.xs(float64(t.Year)) + targetDX[k], y: p.yx(t.Value), r: targetRadius, shape: sh, color: col, filled: filled})
	}
	for j, sr := range s.Series {
		col := th.color(j)
		var seg []vg.Point
		flush := func() {
			if len(seg) >= 2 {
				b.add(lineItem{pts: seg, color: col, width: 1.8})
			}
			seg = nil
		}
		for i, v := range sr.Values {
			if math.IsNaN(v) {
				flush()
				continue
			}
			seg = append(seg, vg.Point{X: p.xs(float64(s.Years[i])) + pointDX[[2]int{j, i}], Y: p.yx(v)})
		}
		flush()
		for i, v := range sr.Values {
			if !math.IsNaN(v) {
				b.add(markerItem{x: p.xs(float64(s.Years[i])) + pointDX[[2]int{j, i}], y: p.yx(v), r: dotRadiusLines, shape: circle, color: col, filled: true})
			}
		}
	}
}

// formatYear writes a year without grouping (2024, not 2.024).
func formatYear(y int) string { return fmt.Sprint(y) }

// Radii of the markers of a Lines chart: a target, a value of a series.
const (
	targetRadius   vg.Length = 3.6
	dotRadiusLines vg.Length = 2.6
)

// mark is a marker of a Lines chart before it is drawn: its year, its
// height (top-down), how far it reaches from its centre, its series (its
// index in Series; len(Series) for a target of no series), whether it is a
// target, and its index in Targets or in the series' Values.
type mark struct {
	year   int
	y, ext vg.Length
	series int
	target bool
	index  int
}

// dodgeGap is the least room between two markers after dodge.
const dodgeGap = 1.5

// dodge returns a sideways offset for each mark so that no two marks of a
// year cover each other. The marks of a year are sorted by height and
// chained into clusters: a mark joins the cluster above it when its top is
// less than dodgeGap below the cluster's bottom. The k marks of a cluster,
// in series order with a target before its series' value, get the offsets
// (i − (k−1)/2)·step for i = 0…k−1, where step = 2·(largest extent) +
// dodgeGap, so that neighbours are side by side whatever their heights;
// step is cut to room/(k−1) when the cluster would be wider than room (the
// space a year has), and a mark alone keeps offset 0.
func dodge(marks []mark, room vg.Length) []vg.Length {
	dx := make([]vg.Length, len(marks))
	byYear := map[int][]int{}
	var years []int
	for m, mk := range marks {
		if _, ok := byYear[mk.year]; !ok {
			years = append(years, mk.year)
		}
		byYear[mk.year] = append(byYear[mk.year], m)
	}
	for _, yr := range years {
		idx := byYear[yr]
		sort.SliceStable(idx, func(a, b int) bool { return marks[idx[a]].y < marks[idx[b]].y })
		for lo := 0; lo < len(idx); {
			hi := lo + 1
			bottom := marks[idx[lo]].y + marks[idx[lo]].ext
			for hi < len(idx) && marks[idx[hi]].y-marks[idx[hi]].ext < bottom+dodgeGap {
				bottom = max(bottom, marks[idx[hi]].y+marks[idx[hi]].ext)
				hi++
			}
			spread(marks, idx[lo:hi], dx, room)
			lo = hi
		}
	}
	return dx
}

// spread sets the offsets of one cluster of marks (see dodge).
func spread(marks []mark, cluster []int, dx []vg.Length, room vg.Length) {
	k := len(cluster)
	if k < 2 {
		return
	}
	order := append([]int(nil), cluster...)
	sort.SliceStable(order, func(a, b int) bool {
		ma, mb := marks[order[a]], marks[order[b]]
		if ma.series != mb.series {
			return ma.series < mb.series
		}
		return ma.target && !mb.target
	})
	var ext vg.Length
	for _, m := range order {
		ext = max(ext, marks[m].ext)
	}
	step := min(2*ext+dodgeGap, room/vg.Length(k-1))
	for i, m := range order {
		dx[m] = (vg.Length(i) - vg.Length(k-1)/2) * step
	}
}
