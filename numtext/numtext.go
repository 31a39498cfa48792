package numtext

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Sentinel errors of number reading.
var (
	// ErrNotNumber: a token that is not a number in the convention asked
	// for.
	ErrNotNumber = errors.New("not a number")
	// ErrAmbiguousNumber: a token reads two ways (1.774 as 1774 or 1,774)
	// and nothing decides.
	ErrAmbiguousNumber = errors.New("ambiguous number")
	// ErrMixedConvention: one table uses both conventions.
	ErrMixedConvention = errors.New("mixed number conventions")
)

// Convention is how a table writes numbers.
type Convention int

const (
	// Undecided: no convention is known. A token that reads the same either
	// way (6900, 0.89308, 1.234.567) is parsed; one that reads two ways
	// (1.774, 1,201) is an ErrAmbiguousNumber.
	Undecided Convention = iota
	// DotThousands is the Vietnamese convention: 30.500.000.000 and 58,68.
	DotThousands
	// CommaThousands is the English convention: 9,189,899,000 and 0.89308.
	CommaThousands
	// Plain is how programs write numbers: a decimal point and no
	// thousands separator (12.345 is twelve and a fraction, 1,234 is not a
	// number). A spreadsheet's number cell is read this way, whatever the
	// convention of the rest of its table.
	Plain
)

// String returns "undecided", "dot-thousands", "comma-thousands" or
// "plain".
func (c Convention) String() string {
	switch c {
	case DotThousands:
		return "dot-thousands"
	case CommaThousands:
		return "comma-thousands"
	case Plain:
		return "plain"
	}
	return "undecided"
}

// ParseConvention reads the names String returns, and their short forms
// "dot" or "vi" and "comma" or "en"; "auto" and "" mean Undecided.
func ParseConvention(s string) (Convention, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto", "undecided":
		return Undecided, nil
	case "dot-thousands", "dot", "vi":
		return DotThousands, nil
	case "comma-thousands", "comma", "en":
		return CommaThousands, nil
	case "plain":
		return Plain, nil
	}
	return Undecided, fmt.Errorf("unknown number convention %q (want dot-thousands, comma-thousands, plain or auto)", s)
}

// Decimal is a number read exactly: its value is ±Mant × 10^Exp.
type Decimal struct {
	Neg      bool
	Mant     string // digits without leading zeros ("0" for zero), no sign
	Exp      int
	Decimals int  // digits written after the decimal mark
	Percent  bool // written with a % sign (the value is then the number of percent)
}

// Float returns the value × 10^shift, rounded once to float64.
func (d Decimal) Float(shift int) float64 {
	s := d.Mant
	if d.Neg {
		s = "-" + s
	}
	v, _ := strconv.ParseFloat(s+"e"+strconv.Itoa(d.Exp+shift), 64)
	return v
}

// Significant returns the number of significant digits written (leading
// and trailing zeros not counted): 30.500.000.000 has 3, 0,0825 has 3.
func (d Decimal) Significant() int {
	return len(strings.TrimRight(d.Mant, "0"))
}

// MaxExactDigits is the number of significant digits a float64 holds
// exactly: a decimal of at most 15 significant digits rounded to float64
// and written back to 15 digits is the same decimal.
const MaxExactDigits = 15

// spaceGrouped matches digits grouped by three with blanks ("1 119",
// "12 345,6"), which are not read: the blank may join two cells.
var spaceGrouped = regexp.MustCompile(`^\d{1,3}([ \x{00a0}\x{202f}\x{2009}]\d{3})+([.,]\d+)?$`)

// cleanToken trims blanks, no-break and zero-width spaces. A space inside a
// token is an error, since it may join two cells.
func cleanToken(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' })
}

// evidence tells which convention a bare numeric token (digits and
// separators only) implies: Undecided when it reads the same in both or is
// ambiguous; ambiguous reports the second case.
func evidence(tok string) (c Convention, ambiguous bool) {
	dots, commas := strings.Count(tok, "."), strings.Count(tok, ",")
	switch {
	case dots == 0 && commas == 0:
		return Undecided, false
	case dots > 0 && commas > 0:
		if strings.LastIndexByte(tok, ',') > strings.LastIndexByte(tok, '.') {
			return DotThousands, false
		}
		return CommaThousands, false
	case dots > 1:
		return DotThousands, false
	case commas > 1:
		return CommaThousands, false
	}
	sep := byte('.')
	if commas == 1 {
		sep = ','
	}
	i := strings.IndexByte(tok, sep)
	before, after := tok[:i], tok[i+1:]
	if len(after) == 3 && len(before) >= 1 && len(before) <= 3 && before != "0" {
		return Undecided, true
	}
	// Only a decimal reading is valid: 0,5 / 58,68 / 0.89308 / 1234,5.
	if sep == '.' {
		return CommaThousands, false
	}
	return DotThousands, false
}

// Evidence reports which convention a number token implies on its own:
// DotThousands for 1.234.567 or 58,68 or 1.234,5; CommaThousands for
// 9,189,899,000 or 0.89308; Undecided for tokens without separators and
// for the ambiguous ones (1.774, 1,201), which set ambiguous. Signs, a
// trailing % and surrounding blanks are ignored; a token that is not a
// number gives Undecided.
func Evidence(s string) (c Convention, ambiguous bool) {
	tok := BareNumber(s)
	if tok == "" {
		return Undecided, false
	}
	return evidence(tok)
}

// BareNumber strips blanks, sign and % and returns the digits-and-separators
// core, or "" if s is not of that shape.
func BareNumber(s string) string {
	tok := cleanToken(s)
	tok = strings.TrimSuffix(tok, "%")
	tok = cleanToken(tok)
	tok = strings.TrimPrefix(strings.TrimPrefix(tok, "-"), "+")
	if tok == "" {
		return ""
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if !(c >= '0' && c <= '9') && c != '.' && c != ',' {
			return ""
		}
	}
	if tok[0] < '0' || tok[0] > '9' || tok[len(tok)-1] < '0' || tok[len(tok)-1] > '9' {
		return ""
	}
	return tok
}

// ParseDecimal reads a number token in convention c, exactly: digits with
// the convention's separators, an optional sign and an optional trailing
// %. integer asks for a whole number: then a single separator followed by
// three digits is a thousands separator whatever the convention (the only
// whole reading) — except in Plain, which has no thousands separator. A
// token of more than 30 digits is an ErrNotNumber.
func ParseDecimal(s string, c Convention, integer bool) (Decimal, error) {
	raw := cleanToken(s)
	var d Decimal
	tok := raw
	if strings.HasSuffix(tok, "%") {
		d.Percent = true
		tok = cleanToken(strings.TrimSuffix(tok, "%"))
	}
	if strings.HasPrefix(tok, "-") || strings.HasPrefix(tok, "+") {
		d.Neg = tok[0] == '-'
		tok = tok[1:]
	}
	core := BareNumber(tok)
	if core == "" || core != tok {
		if spaceGrouped.MatchString(tok) {
			return d, fmt.Errorf("%w: %q has blanks between its digits: if they group thousands, write it without them or with the table's thousands separator (a blank may also join two cells, so it is not read as one number)", ErrNotNumber, clip(raw))
		}
		return d, fmt.Errorf("%w: %q is not a number", ErrNotNumber, clip(raw))
	}
	var thousands, decimalMark byte
	if c == Plain {
		if strings.IndexByte(core, ',') >= 0 {
			return d, fmt.Errorf("%w: %q has a comma; a plain number has a decimal point and no thousands separator", ErrNotNumber, clip(raw))
		}
		decimalMark = '.'
	} else {
		ev, amb := evidence(core)
		switch {
		case amb && integer:
			// 1,201 people: a thousands separator either way.
			thousands = core[strings.IndexAny(core, ".,")]
		case amb && c == Undecided:
			return d, fmt.Errorf("%w: %q reads as %s or %s; the table's convention is needed", ErrAmbiguousNumber, clip(raw), readAs(core, DotThousands), readAs(core, CommaThousands))
		case amb:
			thousands, decimalMark = sepsOf(c)
		case ev == Undecided: // no separators
		default:
			if c != Undecided && ev != c {
				return d, fmt.Errorf("%w: %q is written in the %s convention, the table uses %s", ErrNotNumber, clip(raw), ev, c)
			}
			thousands, decimalMark = sepsOf(ev)
		}
	}
	intPart, frac := core, ""
	if decimalMark != 0 {
		if i := strings.IndexByte(core, decimalMark); i >= 0 {
			intPart, frac = core[:i], core[i+1:]
			if strings.IndexByte(frac, decimalMark) >= 0 || (thousands != 0 && strings.IndexByte(frac, thousands) >= 0) {
				return d, fmt.Errorf("%w: %q has a misplaced separator", ErrNotNumber, clip(raw))
			}
		}
	}
	if thousands != 0 && strings.IndexByte(intPart, thousands) >= 0 {
		groups := strings.Split(intPart, string(thousands))
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return d, fmt.Errorf("%w: %q has a misplaced thousands separator", ErrNotNumber, clip(raw))
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return d, fmt.Errorf("%w: %q has a misplaced thousands separator", ErrNotNumber, clip(raw))
			}
		}
		intPart = strings.Join(groups, "")
	}
	if strings.ContainsAny(intPart, ".,") {
		return d, fmt.Errorf("%w: %q has a misplaced separator", ErrNotNumber, clip(raw))
	}
	if integer && frac != "" && strings.Trim(frac, "0") != "" {
		return d, fmt.Errorf("%w: %q is not a whole number", ErrNotNumber, clip(raw))
	}
	d.Mant = strings.TrimLeft(intPart+frac, "0")
	if d.Mant == "" {
		d.Mant = "0"
	}
	d.Exp = -len(frac)
	d.Decimals = len(frac)
	if len(d.Mant) > 30 {
		return d, fmt.Errorf("%w: %q has too many digits", ErrNotNumber, clip(raw))
	}
	return d, nil
}

// clip shortens a token echoed in an error to 80 characters.
func clip(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

func sepsOf(c Convention) (thousands, decimalMark byte) {
	if c == DotThousands {
		return '.', ','
	}
	return ',', '.'
}

func readAs(core string, c Convention) string {
	d, err := ParseDecimal(core, c, false)
	if err != nil {
		return "?"
	}
	return strconv.FormatFloat(d.Float(0), 'f', -1, 64)
}

// ParseNumber parses a number written in convention c: digits with the
// convention's thousands separator and decimal mark, an optional sign and an
// optional trailing % (the value is then the number of percent: "58,68%"
// is 58.68). With Undecided, a token that reads two ways is an
// ErrAmbiguousNumber; a token written in the other convention is an
// ErrNotNumber.
func ParseNumber(s string, c Convention) (float64, error) {
	d, err := ParseDecimal(s, c, false)
	if err != nil {
		return 0, err
	}
	return d.Float(0), nil
}

// ParseCount parses a whole number (a count of people or computers): a
// single separator before three digits is read as a thousands separator in
// either convention, since that is its only whole reading ("1,201" and
// "1.201" are both 1201); in Plain, "1.201" is not whole. A fraction or a
// percentage ("142%") is an ErrNotNumber.
func ParseCount(s string, c Convention) (int64, error) {
	d, err := ParseDecimal(s, c, true)
	if err != nil {
		return 0, err
	}
	if d.Percent {
		return 0, fmt.Errorf("%w: %q is a percentage, not a whole number", ErrNotNumber, clip(s))
	}
	digits := "0"
	if n := len(d.Mant) - d.Decimals; n > 0 {
		digits = d.Mant[:n]
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is out of range", ErrNotNumber, clip(s))
	}
	if d.Neg {
		v = -v
	}
	return v, nil
}
