package frame

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/ictplan/ictplan/vntext"
	"golang.org/x/text/unicode/norm"
)

// FormatVI formats v the Vietnamese way: '.' groups thousands, ',' marks
// decimals (1.234,5). decimals < 0 means as many as needed, at most 6
// (trailing zeros dropped); otherwise exactly that many. Rounding is half
// away from zero on the shortest decimal form of v, as a reader (and
// Excel) rounds what is written: 2.675 with 2 decimals is 2,68 and 1234.5
// with none is 1.235. NaN is "", infinities ∞ and -∞.
func FormatVI(v float64, decimals int) string {
	if math.IsNaN(v) {
		return ""
	}
	if math.IsInf(v, 0) {
		if v > 0 {
			return "∞"
		}
		return "-∞"
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if decimals < 0 {
		if dot := strings.IndexByte(s, '.'); dot >= 0 && len(s)-dot-1 > 6 {
			s = strings.TrimRight(roundDecimal(s, 6), "0")
			s = strings.TrimSuffix(s, ".")
		}
	} else {
		s = roundDecimal(s, decimals)
	}
	if strings.HasPrefix(s, "-") && strings.Trim(s, "-0.") == "" {
		s = s[1:] // -0, or a negative rounded to zero: "-0,00" reads badly
	}
	return groupVI(s, true)
}

// roundDecimal rounds a decimal number written without exponent
// ("-1234.5678") to d decimals, half away from zero, and pads it with
// zeros to exactly d decimals.
func roundDecimal(s string, d int) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	up := len(frac) > d && frac[d] >= '5'
	if len(frac) > d {
		frac = frac[:d]
	}
	frac += strings.Repeat("0", d-len(frac))
	digits := []byte(intPart + frac)
	if up {
		i := len(digits) - 1
		for ; i >= 0 && digits[i] == '9'; i-- {
			digits[i] = '0'
		}
		if i >= 0 {
			digits[i]++
		} else {
			digits = append([]byte{'1'}, digits...)
		}
	}
	n := len(digits) - d
	out := string(digits[:n])
	if d > 0 {
		out += "." + string(digits[n:])
	}
	if neg {
		out = "-" + out
	}
	return out
}

// FormatIntVI formats an integer with '.' thousands separators (1.201).
func FormatIntVI(v int64) string {
	return groupVI(strconv.FormatInt(v, 10), true)
}

// groupVI rewrites a Go-formatted number (-1234.5) with Vietnamese
// separators; group=false keeps the integer part ungrouped.
func groupVI(s string, group bool) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if group && i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// plainUnits are integer units shown without thousands grouping.
var plainUnits = map[string]bool{"": true, "year": true, "line": true, "code": true}

// display formats value i of column c for people: Vietnamese separators,
// years, codes and line numbers ungrouped, null as "".
func (c Column) display(i int) string {
	if c.arr.IsNull(i) {
		return ""
	}
	switch a := c.arr.(type) {
	case *array.Int64:
		if plainUnits[c.spec.Unit] {
			return strconv.FormatInt(a.Value(i), 10)
		}
		return FormatIntVI(a.Value(i))
	case *array.Float64:
		return FormatVI(a.Value(i), -1)
	case *array.Boolean:
		if a.Value(i) {
			return "có"
		}
		return "không"
	}
	return c.plain(i)
}

// cleanCell makes text safe for a one-line cell: NFC, control characters and
// newlines as spaces.
func cleanCell(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

func truncate(s string, max int) string {
	if vntext.Width(s) <= max {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			if n == max-1 {
				break
			}
			n++
		}
		b.WriteRune(r)
	}
	return b.String() + "…"
}

// TextOptions control Text rendering.
type TextOptions struct {
	// MaxRows limits the rows shown (0: all); a last line says how many
	// were left out.
	MaxRows int
	// MaxWidth truncates cells wider than this many characters with "…"
	// (0: 40).
	MaxWidth int
}

// String renders f as an aligned text table in Vietnamese number format,
// at most 50 rows, cells cut at 40 characters. Use Text for other limits.
func (f *Frame) String() string {
	return f.Text(TextOptions{MaxRows: 50})
}

// Text renders f as an aligned text table: a header of column names, then
// one line a row; numbers (and their headers) right-aligned in Vietnamese
// format (1.234,5), integers grouped unless their unit is "", year, line or
// code; null cells empty; no blanks at the end of a line.
func (f *Frame) Text(o TextOptions) string {
	if o.MaxWidth <= 0 {
		o.MaxWidth = 40
	}
	rows := f.nrows
	if o.MaxRows > 0 && rows > o.MaxRows {
		rows = o.MaxRows
	}
	ncol := len(f.cols)
	cells := make([][]string, rows+1)
	cells[0] = f.Names()
	for r := 1; r <= rows; r++ {
		cells[r] = make([]string, ncol)
	}
	widths := make([]int, ncol)
	right := make([]bool, ncol)
	for j := 0; j < ncol; j++ {
		c := f.ColumnAt(j)
		right[j] = c.spec.Kind.Numeric()
		cells[0][j] = truncate(cleanCell(cells[0][j]), o.MaxWidth)
		widths[j] = vntext.Width(cells[0][j])
		for r := 0; r < rows; r++ {
			s := truncate(cleanCell(c.display(r)), o.MaxWidth)
			cells[r+1][j] = s
			widths[j] = max(widths[j], vntext.Width(s))
		}
	}
	var b, line strings.Builder
	for r, row := range cells {
		line.Reset()
		for j, s := range row {
			if j > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[j]-vntext.Width(s))
			if right[j] {
				line.WriteString(pad + s)
			} else {
				line.WriteString(s + pad)
			}
		}
		// no trailing blanks after a last column that is null or short
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
		if r == 0 {
			for j := range row {
				if j > 0 {
					b.WriteString("  ")
				}
				b.WriteString(strings.Repeat("-", widths[j]))
			}
			b.WriteString("\n")
		}
	}
	if rows < f.nrows {
		fmt.Fprintf(&b, "… %d more rows (%d in all)\n", f.nrows-rows, f.nrows)
	}
	return b.String()
}

// HTML renders f as an HTML table (at most 500 rows): a caption with the
// dataset's title, id and source when the metadata has them, column names
// with the Vietnamese header under each, numbers right-aligned in Vietnamese
// format. All text is escaped. It is what notebooks display.
func (f *Frame) HTML() string {
	return f.HTMLRows(500)
}

// HTMLRows is HTML with a row limit (0: all rows).
func (f *Frame) HTMLRows(maxRows int) string {
	rows := f.nrows
	if maxRows > 0 && rows > maxRows {
		rows = maxRows
	}
	esc := func(s string) string { return html.EscapeString(norm.NFC.String(s)) }
	var b strings.Builder
	b.WriteString(`<table class="ictplan-frame" style="border-collapse:collapse;font-size:90%">`)
	var cap []string
	if t := f.Meta(MetaTitle); t != "" {
		cap = append(cap, "<b>"+esc(t)+"</b>")
	}
	if id := f.Meta(MetaDataset); id != "" {
		cap = append(cap, "<code>"+esc(id)+"</code>")
	}
	src := []string{}
	for _, k := range []string{MetaDocument, MetaAppendix, MetaSourceFile} {
		if v := f.Meta(k); v != "" {
			src = append(src, esc(v))
		}
	}
	if len(src) > 0 {
		cap = append(cap, "<small>"+strings.Join(src, " · ")+"</small>")
	}
	if len(cap) > 0 {
		b.WriteString(`<caption style="text-align:left">` + strings.Join(cap, " ") + "</caption>")
	}
	b.WriteString("<thead><tr>")
	for _, s := range f.Fields() {
		// a long snake_case name may break after its underscores
		b.WriteString(`<th style="border-bottom:1px solid #888;padding:2px 6px;vertical-align:bottom">` + strings.ReplaceAll(esc(s.Name), "_", "_<wbr>"))
		if s.LabelVI != "" || s.Unit != "" {
			sub := s.LabelVI
			if s.Unit != "" {
				if sub != "" {
					sub += " "
				}
				sub += "(" + s.Unit + ")"
			}
			b.WriteString(`<br><small style="font-weight:normal">` + esc(sub) + "</small>")
		}
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for r := 0; r < rows; r++ {
		b.WriteString("<tr>")
		for j := range f.cols {
			c := f.ColumnAt(j)
			switch {
			case c.spec.Kind.Numeric():
				fmt.Fprintf(&b, `<td style="text-align:right;padding:2px 6px">%s</td>`, esc(c.display(r)))
			case c.spec.Kind == String && len(c.display(r)) > 12:
				// names of units and tasks: wide enough to read
				fmt.Fprintf(&b, `<td style="text-align:left;padding:2px 6px;min-width:12em">%s</td>`, esc(c.display(r)))
			default:
				fmt.Fprintf(&b, `<td style="text-align:left;padding:2px 6px">%s</td>`, esc(c.display(r)))
			}
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	if rows < f.nrows {
		fmt.Fprintf(&b, "<p><small>… %d more rows (%d in all)</small></p>", f.nrows-rows, f.nrows)
	}
	return b.String()
}
