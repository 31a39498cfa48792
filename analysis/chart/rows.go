package chart

import (
	"math"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// rowChart is the layout shared by the charts with one horizontal row per
// category (ranked bars, stacked bars, planned vs spent, dumbbell, province
// comparison): title, legend, a header line (target label, value-column
// header), the rows with their wrapped labels on the left, the value axis
// below, an axis title and a note.
type rowChart struct {
	kind, title, note, xlabel string
	labels                    []string
	minRow                    []vg.Length // least height of each row (nil: none)
	legend                    []legendEntry
	lo, hi                    float64 // data range to show (before fitting the texts)
	nonNegAxis                bool    // no ticks below zero (data all >= 0)
	anchors                   []anchor
	valueHeader               string   // header of the right-hand value column
	values                    []string // right-hand value column, one per row (nil: none)
	target                    float64  // NaN: no target line
	targetText                string
	nf                        numberFormat
	// inset keeps the ends of the value range this far inside the data
	// area, so that a marker drawn at the smallest or largest value stays
	// whole (a dot plot's radius); 0 for bars, which start on the axis.
	inset vg.Length
	// draw draws row i's data centred on cy, with x mapping values to
	// points, and band the row's height.
	draw func(b *builder, i int, cy, band vg.Length, x func(float64) vg.Length)
}

// build lays the chart out and returns it.
func (rc *rowChart) build(th Theme, lang Lang) *Chart {
	b := newBuilder(th, lang)
	m := th.Margin
	labelFace := th.face(th.FontSize, false, false)
	valueFace := th.face(th.FontSize*0.9, false, false)
	smallFace := th.face(th.SmallSize, false, false)
	inner := b.w - 2*m

	y := b.title(rc.title, m)
	y = b.legend(rc.legend, m, b.w-m, y)

	wrapped, colW := rc.labelColumn(th, labelFace, inner)
	const gap = 8
	dataX0 := m + colW + gap
	dataX1 := b.w - m - 2
	var valW vg.Length
	if rc.values != nil {
		valW = max(maxWidth(valueFace, rc.values...), smallFace.Width(rc.valueHeader))
		dataX1 = b.w - m - valW - gap
	}
	dataW := dataX1 - dataX0

	// Value range widened so that the anchored texts stay inside, with
	// the texts that would cross the target line moved past it.
	const pad = 3
	hasTarget := !math.IsNaN(rc.target)
	plotW := dataW - 2*rc.inset
	lo, hi, at, offs := rc.placeAnchors(valueFace, plotW, pad)
	x := func(v float64) vg.Length { return dataX0 + rc.inset + vg.Length((v-lo)/(hi-lo))*plotW }

	y = rc.headerLine(b, th, smallFace, x, dataX0, dataX1, y)

	// Rows.
	rowsTop := y
	heights := rc.rowHeights(b, th, labelFace, valueFace, wrapped)
	for i, h := range heights {
		if i%2 == 1 {
			b.add(rectItem{x0: m, y0: y, x1: b.w - m, y1: y + h, fill: th.Band})
		}
		y += h
	}
	rowsBottom := y

	// Grid and ticks.
	ticks := rc.ticks(lo, hi, dataW)
	for _, t := range ticks {
		col, wid := th.Grid, vg.Length(0.6)
		if t == 0 {
			col, wid = th.Muted, 0.8
		}
		b.add(lineItem{pts: []vg.Point{{X: x(t), Y: rowsTop}, {X: x(t), Y: rowsBottom}}, color: col, width: wid})
	}

	// Data, row by row.
	y = rowsTop
	centres := make([]vg.Length, len(heights))
	for i, h := range heights {
		centres[i] = y + h/2
		rc.draw(b, i, centres[i], h, x)
		y += h
	}
	if hasTarget {
		tx := x(rc.target)
		b.add(lineItem{pts: []vg.Point{{X: tx, Y: rowsTop - 1}, {X: tx, Y: rowsBottom}}, color: th.Text, width: 1, dash: []vg.Length{4, 2.5}})
	}

	rc.drawAnchors(b, th, valueFace, centres, x, at, offs, pad)
	rc.drawLabels(b, th, labelFace, valueFace, wrapped, centres, dataX0-gap)

	// Value axis.
	y = rc.valueAxis(b, th, smallFace, ticks, x, rowsBottom, dataX0, dataX1)
	if xl := cleanText(rc.xlabel); xl != "" {
		lines := wrapText(smallFace, xl, dataW, 2, false)
		y = b.block("axis", lines, smallFace, th.Muted, (dataX0+dataX1)/2, y+3, alignCenter)
	}
	y = b.note(rc.note, y+2)
	return b.finish(rc.kind, y+m)
}

// headerLine writes, from y down, the line above the rows: the target's
// label above its line (kept within the data area, dataX0 to dataX1) and
// the value column's header above the column. It returns the y below it,
// y itself when there is neither.
func (rc *rowChart) headerLine(b *builder, th Theme, headerFace font.Face, x func(float64) vg.Length, dataX0, dataX1, y vg.Length) vg.Length {
	hasTarget := !math.IsNaN(rc.target)
	if !hasTarget && rc.valueHeader == "" {
		return y
	}
	base := y + headerFace.Extents().Ascent
	if hasTarget {
		tx := x(rc.target)
		w := headerFace.Width(rc.targetText)
		tx = min(max(tx, dataX0+w/2), dataX1-w/2)
		b.text("target", rc.targetText, headerFace, th.Text, tx, base, alignCenter)
	}
	if rc.valueHeader != "" {
		b.text("header", rc.valueHeader, headerFace, th.Muted, b.w-th.Margin, base, alignRight)
	}
	return y + b.blockHeight(headerFace, 1) + 3
}

// rowHeights returns the height of each row: room for its wrapped label,
// a bar and a value text, with RowPadding above and below, and at least
// the row's minRow.
func (rc *rowChart) rowHeights(b *builder, th Theme, labelFace, valueFace font.Face, wrapped [][]string) []vg.Length {
	heights := make([]vg.Length, len(rc.labels))
	for i := range rc.labels {
		h := max(b.blockHeight(labelFace, len(wrapped[i])), th.BarHeight, b.blockHeight(valueFace, 1)) + 2*th.RowPadding
		if rc.minRow != nil {
			h = max(h, rc.minRow[i])
		}
		heights[i] = h
	}
	return heights
}

// drawLabels writes the category labels, right-aligned at labelX against
// the data area, and the value column at the right margin, each centred
// on its row.
func (rc *rowChart) drawLabels(b *builder, th Theme, labelFace, valueFace font.Face, wrapped [][]string, centres []vg.Length, labelX vg.Length) {
	ve := valueFace.Extents()
	for i, lines := range wrapped {
		top := centres[i] - b.blockHeight(labelFace, len(lines))/2
		b.block("label", lines, labelFace, th.Text, labelX, top, alignRight)
		if rc.values != nil {
			base := centres[i] + (ve.Ascent-ve.Descent)/2
			b.text("value", rc.values[i], valueFace, th.Text, b.w-th.Margin, base, alignRight)
		}
	}
}

// labelColumn wraps the category labels for a column as wide as the
// widest label, within LabelFraction of the inner width (labels wrap and
// are cut to that width), and returns them with the column's width.
func (rc *rowChart) labelColumn(th Theme, labelFace font.Face, inner vg.Length) ([][]string, vg.Length) {
	var natural vg.Length
	for _, l := range rc.labels {
		natural = max(natural, labelFace.Width(cleanText(l)))
	}
	limit := min(natural, inner*vg.Length(th.LabelFraction))
	wrapped := make([][]string, len(rc.labels))
	for i, l := range rc.labels {
		wrapped[i] = wrapText(labelFace, l, limit, th.MaxLabelLines, true)
	}
	distinguish(labelFace, rc.labels, wrapped, limit, th.MaxLabelLines)
	var colW vg.Length
	for _, lines := range wrapped {
		colW = max(colW, maxWidth(labelFace, lines...))
	}
	return wrapped, colW
}

// ticks are the value axis's round ticks for a data area dataW wide (none
// below zero on an axis that starts at zero).
func (rc *rowChart) ticks(lo, hi float64, dataW vg.Length) []float64 {
	ticks := niceTicks(lo, hi, max(2, min(8, int(dataW/55))))
	if rc.nonNegAxis {
		kept := ticks[:0]
		for _, t := range ticks {
			if t >= 0 {
				kept = append(kept, t)
			}
		}
		ticks = kept
	}
	return ticks
}

// drawAnchors writes the anchored value texts, on a background patch so
// that grid and target lines pass behind them.
func (rc *rowChart) drawAnchors(b *builder, th Theme, valueFace font.Face, centres []vg.Length, x func(float64) vg.Length, at []float64, offs []vg.Length, pad vg.Length) {
	ve := valueFace.Extents()
	for k, a := range rc.anchors {
		base := centres[a.row] + a.dy + (ve.Ascent-ve.Descent)/2
		col := th.Text
		if a.muted {
			col = th.Muted
		}
		w := valueFace.Width(a.text)
		x0 := x(at[k]) + pad + offs[k]
		if a.side < 0 {
			x0 = x(at[k]) - pad - offs[k] - w
		}
		bg := th.Background
		if a.row%2 == 1 {
			bg = th.Band
		}
		b.add(rectItem{x0: x0 - 1, y0: base - ve.Ascent, x1: x0 + w + 1, y1: base + ve.Descent, fill: bg})
		b.text("value", a.text, valueFace, col, x0, base, alignLeft)
	}
}

// valueAxis draws the axis line under the rows and its tick labels that do
// not touch their left neighbour, and returns the bottom of the labels.
func (rc *rowChart) valueAxis(b *builder, th Theme, smallFace font.Face, ticks []float64, x func(float64) vg.Length, y, dataX0, dataX1 vg.Length) vg.Length {
	m := th.Margin
	b.add(lineItem{pts: []vg.Point{{X: dataX0, Y: y}, {X: dataX1, Y: y}}, color: th.Muted, width: 0.6})
	se := smallFace.Extents()
	base := y + 3 + se.Ascent
	var last vg.Rectangle
	placed := false
	for _, t := range ticks {
		s := rc.nf.tickText(ticks, t)
		w := smallFace.Width(s)
		cx := min(max(x(t), m+w/2), b.w-m-w/2)
		r := vg.Rectangle{Min: vg.Point{X: cx - w/2 - 2, Y: base - se.Ascent}, Max: vg.Point{X: cx + w/2 + 2, Y: base + se.Descent}}
		if placed && overlaps(r, last) {
			continue
		}
		b.add(lineItem{pts: []vg.Point{{X: x(t), Y: y}, {X: x(t), Y: y + 2.5}}, color: th.Muted, width: 0.6})
		b.text("tick", s, smallFace, th.Muted, cx, base, alignCenter)
		last, placed = r, true
	}
	return base + se.Descent
}

// targetClearance is the least distance between a value text and the
// target line.
const targetClearance = 2.5

// placeAnchors returns the value range that keeps every anchored text
// inside a data area of width w (fitRange), and where each text stands:
// at[k] is the value its text is placed beside and offs[k] its extra
// distance from it. A text is placed beside its own value unless it would
// cross the target line or come within targetClearance of it; such a text
// is placed beyond the line instead (at the target, on the text's side),
// so that the dashed line never runs through a number: 88,9% against a
// target of 90% is written just right of the line. Moving a text can widen
// the range, which moves the line, so this repeats until nothing moves (a
// moved text stays moved, so it ends).
func (rc *rowChart) placeAnchors(face font.Face, w vg.Length, pad float64) (lo, hi float64, at []float64, offs []vg.Length) {
	n := len(rc.anchors)
	at = make([]float64, n)
	offs = make([]vg.Length, n)
	tw := make([]float64, n)
	sides := make([]int, n)
	for k, a := range rc.anchors {
		at[k], offs[k], sides[k] = a.value, a.off, a.side
		tw[k] = float64(face.Width(a.text) + a.off)
	}
	for range n + 1 {
		lo, hi = fitRange(rc.lo, rc.hi, float64(w), tw, at, sides, pad)
		if math.IsNaN(rc.target) {
			return lo, hi, at, offs
		}
		x := func(v float64) float64 { return (v - lo) / (hi - lo) * float64(w) }
		tx := x(rc.target)
		moved := false
		for k, a := range rc.anchors {
			if at[k] == rc.target {
				continue
			}
			textW := float64(face.Width(a.text))
			x0 := x(at[k]) + pad + float64(offs[k])
			if a.side < 0 {
				x0 = x(at[k]) - pad - float64(offs[k]) - textW
			}
			if tx > x0-targetClearance && tx < x0+textW+targetClearance {
				at[k], offs[k], tw[k] = rc.target, 0, textW
				moved = true
			}
		}
		if !moved {
			return lo, hi, at, offs
		}
	}
	return lo, hi, at, offs
}

// distinguish gives more lines (up to maxLines+3) to the labels that were
// cut to the same text although they differ ("Tỷ lệ máy tính…" three
// times), until they read differently.
func distinguish(face font.Face, labels []string, wrapped [][]string, limit vg.Length, maxLines int) {
	for extra := 1; extra <= 3; extra++ {
		seen := map[string]int{}
		var clash []int
		for i, lines := range wrapped {
			key := strings.Join(lines, " ")
			if j, ok := seen[key]; ok {
				if cleanText(labels[j]) != cleanText(labels[i]) {
					clash = append(clash, i, j)
				}
				continue
			}
			seen[key] = i
		}
		if len(clash) == 0 {
			return
		}
		for _, i := range clash {
			wrapped[i] = wrapText(face, labels[i], limit, maxLines+extra, true)
		}
	}
}
