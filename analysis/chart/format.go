package chart

import (
	"math"
	"strconv"
	"strings"
)

// Format says how a chart writes its values.
type Format int

const (
	// Number writes the value as it is: 1.234,5 (VI) or 1,234.5 (EN).
	Number Format = iota
	// Percent writes a value that is already in per cent with a % sign:
	// 69 -> "69%".
	Percent
	// Share writes a fraction as a percentage: 0.893 -> "89,3%" (VI).
	Share
)

// numberFormat writes values in one language, format and precision.
type numberFormat struct {
	lang     Lang
	format   Format
	decimals int
}

// newNumberFormat returns the format for values: decimals > 0 is taken as
// given, decimals < 0 means none, and 0 chooses from the values (see
// autoDecimals).
func newNumberFormat(lang Lang, f Format, decimals int, values ...[]float64) numberFormat {
	switch {
	case decimals < 0:
		decimals = 0
	case decimals == 0:
		decimals = autoDecimals(f, values...)
	}
	return numberFormat{lang: lang, format: f, decimals: decimals}
}

// autoDecimals chooses the digits after the decimal mark: none when every
// shown value is whole; otherwise, for Percent and Share one, and for
// Number two below 10, one below 100 and none from 100 up (by the largest
// absolute value).
func autoDecimals(f Format, values ...[]float64) int {
	whole := true
	maxAbs := 0.0
	for _, vs := range values {
		for _, v := range vs {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if f == Share {
				v *= 100
			}
			if math.Abs(v-math.Round(v)) > 1e-9*math.Max(1, math.Abs(v)) {
				whole = false
			}
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
	}
	switch {
	case whole:
		return 0
	case f != Number:
		return 1
	case maxAbs < 10:
		return 2
	case maxAbs < 100:
		return 1
	}
	return 0
}

// text writes v; NaN is written "—".
func (nf numberFormat) text(v float64) string {
	return nf.textDecimals(v, nf.decimals)
}

func (nf numberFormat) textDecimals(v float64, decimals int) string {
	if math.IsNaN(v) {
		return "—"
	}
	switch nf.format {
	case Percent:
		return formatNumber(v, decimals, nf.lang) + "%"
	case Share:
		return formatNumber(v*100, decimals, nf.lang) + "%"
	}
	return formatNumber(v, decimals, nf.lang)
}

// tickText writes a tick value with the fewest decimals that show the
// ticks' step exactly.
func (nf numberFormat) tickText(ticks []float64, v float64) string {
	scale := 1.0
	if nf.format == Share {
		scale = 100
	}
	d := 0
	for ; d < 6; d++ {
		ok := true
		p := math.Pow10(d)
		for _, t := range ticks {
			x := t * scale * p
			if math.Abs(x-math.Round(x)) > 1e-6 {
				ok = false
				break
			}
		}
		if ok {
			break
		}
	}
	return nf.textDecimals(v, d)
}

// formatNumber writes v with the given decimals, grouping thousands:
// VI 1.234.567,8 and EN 1,234,567.8. Rounding is strconv's (to nearest on
// the binary value).
func formatNumber(v float64, decimals int, lang Lang) string {
	if math.IsInf(v, 1) {
		return "∞"
	}
	if math.IsInf(v, -1) {
		return "-∞"
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	group, mark := ".", ","
	if lang == EN {
		group, mark = ",", "."
	}
	var b strings.Builder
	neg := v < 0 && strings.Trim(s, "0.") != ""
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(mark)
		b.WriteString(frac)
	}
	return b.String()
}
