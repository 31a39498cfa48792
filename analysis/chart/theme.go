package chart

import (
	"image/color"

	xfont "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
)

// Theme holds the fonts, sizes and colours every chart is drawn with.
// DefaultTheme is the project's theme; a caller may copy it and change a
// field (a wider chart for a slide, say) and pass it in a chart's Theme.
type Theme struct {
	Width  vg.Length // width of every chart (16 cm: an A4 page less its margins)
	Margin vg.Length // blank border around the chart
	DPI    int       // resolution of PNG output (dots per inch)

	FontSize  vg.Length // category labels, legend, value labels
	TitleSize vg.Length // title (bold)
	SmallSize vg.Length // tick labels, axis titles, notes

	LineSpacing   float64 // distance between the baselines of wrapped lines, in font sizes
	LabelFraction float64 // widest share of the inner width a category label column may take
	MaxLabelLines int     // lines a category label wraps into before it is cut with "…"

	BarHeight  vg.Length // thickness of a bar
	RowPadding vg.Length // vertical space a row keeps around its label block
	PlotHeight vg.Length // height of the data area of a Lines chart

	Background color.Color
	Text       color.Color // titles, labels, values
	Muted      color.Color // ticks, notes, "no data"
	Grid       color.Color // grid lines
	Band       color.Color // shading of every other row
	Palette    []color.Color
}

// Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"), readable
// by people with any common colour-vision deficiency.
var (
	Orange        = color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
	SkyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xFF}
	BluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xFF}
	Yellow        = color.RGBA{0xF0, 0xE4, 0x42, 0xFF}
	Blue          = color.RGBA{0x00, 0x72, 0xB2, 0xFF}
	Vermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
	ReddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xFF}
	Black         = color.RGBA{0x00, 0x00, 0x00, 0xFF}
)

// DefaultTheme returns the project's theme: 16 cm wide, Liberation Sans at
// 9 pt (title 11 pt bold, ticks and notes 7.5 pt), PNG at 150 dpi, and the
// Okabe–Ito palette in the order blue, orange, bluish green, vermillion, sky
// blue, reddish purple, black, yellow (yellow last: it is faint on white).
func DefaultTheme() Theme {
	return Theme{
		Width:         16 * vg.Centimeter,
		Margin:        8,
		DPI:           150,
		FontSize:      9,
		TitleSize:     11,
		SmallSize:     7.5,
		LineSpacing:   1.2,
		LabelFraction: 0.38,
		MaxLabelLines: 3,
		BarHeight:     9,
		RowPadding:    4,
		PlotHeight:    7 * vg.Centimeter,
		Background:    color.White,
		Text:          color.RGBA{0x1A, 0x1A, 0x1A, 0xFF},
		Muted:         color.RGBA{0x59, 0x59, 0x59, 0xFF},
		Grid:          color.RGBA{0xD9, 0xD9, 0xD9, 0xFF},
		Band:          color.RGBA{0xF4, 0xF4, 0xF4, 0xFF},
		Palette: []color.Color{
			Blue, Orange, BluishGreen, Vermillion, SkyBlue, ReddishPurple, Black, Yellow,
		},
	}
}

// fonts is the cache of the Liberation faces; Liberation Sans has the
// precomposed Vietnamese letters (NFC), "…", "→", "≥" and "≤".
var fonts = font.NewCache(liberation.Collection())

func (th *Theme) face(size vg.Length, bold, italic bool) font.Face {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	if italic {
		f.Style = xfont.StyleItalic
	}
	return fonts.Lookup(f, size)
}

func (th *Theme) color(i int) color.Color {
	return th.Palette[i%len(th.Palette)]
}

func themeOf(t *Theme) Theme {
	if t == nil {
		return DefaultTheme()
	}
	th := *t
	d := DefaultTheme()
	if len(th.Palette) == 0 {
		th.Palette = d.Palette
	}
	if th.Width <= 0 {
		th.Width = d.Width
	}
	if th.DPI <= 0 {
		th.DPI = d.DPI
	}
	if th.MaxLabelLines <= 0 {
		th.MaxLabelLines = d.MaxLabelLines
	}
	if th.LabelFraction <= 0 || th.LabelFraction > 0.7 {
		th.LabelFraction = d.LabelFraction
	}
	if th.LineSpacing < 1.1 {
		th.LineSpacing = d.LineSpacing
	}
	if th.FontSize <= 0 {
		th.FontSize = d.FontSize
	}
	if th.TitleSize <= 0 {
		th.TitleSize = d.TitleSize
	}
	if th.SmallSize <= 0 {
		th.SmallSize = d.SmallSize
	}
	if th.BarHeight <= 0 {
		th.BarHeight = d.BarHeight
	}
	if th.PlotHeight <= 0 {
		th.PlotHeight = d.PlotHeight
	}
	if th.Background == nil {
		th.Background = d.Background
	}
	if th.Text == nil {
		th.Text = d.Text
	}
	if th.Muted == nil {
		th.Muted = d.Muted
	}
	if th.Grid == nil {
		th.Grid = d.Grid
	}
	if th.Band == nil {
		th.Band = d.Band
	}
	return th
}
