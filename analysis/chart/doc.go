// Package chart draws the project's charts with gonum/plot's vector
// graphics: ranked horizontal bars with a target line (or grouped by kind),
// stacked bars by category and source, planned against spent, dumbbells
// (an arrow from one year's value to the next, its direction in colour and
// legend), indicator lines over the years with their targets, and a
// comparison of provinces (or other groups) across indicators.
//
// Every chart goes through one theme (DefaultTheme): Liberation Sans, sizes
// read at A4 report size (16 cm wide, height growing with the number of
// rows), the colour-blind-safe Okabe–Ito palette. Labels are Vietnamese by
// default (Lang VI) and English on request (EN); the language also sets the
// number format (1.234,5 against 1,234.5) and the words of legends and axes.
//
// All text is normalised to NFC before it is measured or drawn: the
// Liberation fonts have glyphs only for precomposed Vietnamese letters. Long
// category labels are measured with the font, wrapped at word boundaries
// into at most Theme.MaxLabelLines lines and abbreviated with "…" beyond;
// the label column is as wide as the widest wrapped label, within
// Theme.LabelFraction of the width. The layout is computed before anything
// is drawn, and Chart.Boxes returns the rectangle of every text it placed,
// so that tests can check that no two texts overlap and none leaves the
// canvas.
//
// Charts render to PNG and SVG only: gonum/plot's PDF and EPS back-ends
// garble Vietnamese. A PNG carries its resolution (a pHYs chunk: 5906
// pixels per metre at 150 dpi), so a word processor places it at its drawn
// width; an SVG names Liberation Sans with the fonts of the same metrics
// and a generic family after it (SVGFontFamily). A Chart has PNG() []byte
// and SVG() string, so a notebook displays it by itself.
//
// The package takes plain data (labels, values, series) or, for
// convenience, a frame.Frame and column names; it knows no dataset and no
// other analysis package — the report decides what to draw.
package chart
