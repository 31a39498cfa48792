package loaders

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
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
)

// String returns "undecided", "dot-thousands" or "comma-thousands".
func (c Convention) String() string {
	switch c {
	case DotThousands:
		return "dot-thousands"
	case CommaThousands:
		return "comma-thousands"
	}
	return "undecided"
}

// ParseConvention reads the names String returns; "auto" and "" mean
// Undecided.
func ParseConvention(s string) (Convention, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto", "undecided":
		return Undecided, nil
	case "dot-thousands", "dot", "vi":
		return DotThousands, nil
	case "comma-thousands", "comma", "en":
		return CommaThousands, nil
	}
	return Undecided, fmt.Errorf("unknown number convention %q (want dot-thousands, comma-thousands or auto)", s)
}

// decimal is a parsed number: the value is mant × 10^exp, exactly.
type decimal struct {
	neg      bool
	mant     string // digits, no leading sign
	exp      int
	decimals int  // digits written after the decimal mark
	percent  bool // written with a % sign
}

func (d decimal) float(shift int) float64 {
	s := d.mant
	if d.neg {
		s = "-" + s
	}
	v, _ := strconv.ParseFloat(s+"e"+strconv.Itoa(d.exp+shift), 64)
	return v
}

// numberShape describes the separators of a token.
type numberShape struct {
	intDigits string
	seps      []byte   // separators in order
	groups    []string // digit groups between separators
}

// cleanToken trims blanks (incl. no-break spaces) and joins digit groups
// written with a space or a no-break space ("30 500") — not done: a space
// inside a token is an error, since it may join two cells.
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

// parseDecimal parses a number token in convention c. integer asks for a
// whole number: then a single separator followed by three digits is a
// thousands separator whatever the convention (the only whole reading).
func parseDecimal(s string, c Convention, integer bool) (decimal, error) {
	raw := cleanToken(s)
	var d decimal
	tok := raw
	if strings.HasSuffix(tok, "%") {
		d.percent = true
		tok = cleanToken(strings.TrimSuffix(tok, "%"))
	}
	if strings.HasPrefix(tok, "-") || strings.HasPrefix(tok, "+") {
		d.neg = tok[0] == '-'
		tok = tok[1:]
	}
	core := BareNumber(tok)
	if core == "" || core != tok {
		return d, fmt.Errorf("%w: %q is not a number", ErrNotNumber, raw)
	}
	ev, amb := evidence(core)
	var thousands, decimalMark byte
	switch {
	case amb && integer:
		// 1,201 people: a thousands separator either way.
		thousands = core[strings.IndexAny(core, ".,")]
	case amb && c == Undecided:
		return d, fmt.Errorf("%w: %q reads as %s or %s; the table's convention is needed", ErrAmbiguousNumber, raw, readAs(core, DotThousands), readAs(core, CommaThousands))
	case amb:
		thousands, decimalMark = sepsOf(c)
	case ev == Undecided: // no separators
	default:
		if c != Undecided && ev != c {
			return d, fmt.Errorf("%w: %q is written in the %s convention, the table uses %s", ErrNotNumber, raw, ev, c)
		}
		thousands, decimalMark = sepsOf(ev)
	}
	intPart, frac := core, ""
	if decimalMark != 0 {
		if i := strings.IndexByte(core, decimalMark); i >= 0 {
			intPart, frac = core[:i], core[i+1:]
			if strings.IndexByte(frac, decimalMark) >= 0 || strings.IndexByte(frac, thousands) >= 0 {
				return d, fmt.Errorf("%w: %q has a misplaced separator", ErrNotNumber, raw)
			}
		}
	}
	if thousands != 0 && strings.IndexByte(intPart, thousands) >= 0 {
		groups := strings.Split(intPart, string(thousands))
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return d, fmt.Errorf("%w: %q has a misplaced thousands separator", ErrNotNumber, raw)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return d, fmt.Errorf("%w: %q has a misplaced thousands separator", ErrNotNumber, raw)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if strings.ContainsAny(intPart, ".,") {
		return d, fmt.Errorf("%w: %q has a misplaced separator", ErrNotNumber, raw)
	}
	if integer && frac != "" && strings.Trim(frac, "0") != "" {
		return d, fmt.Errorf("%w: %q is not a whole number", ErrNotNumber, raw)
	}
	d.mant = strings.TrimLeft(intPart+frac, "0")
	if d.mant == "" {
		d.mant = "0"
	}
	d.exp = -len(frac)
	d.decimals = len(frac)
	if len(d.mant) > 30 {
		return d, fmt.Errorf("%w: %q has too many digits", ErrNotNumber, raw)
	}
	return d, nil
}

func sepsOf(c Convention) (thousands, decimalMark byte) {
	if c == DotThousands {
		return '.', ','
	}
	return ',', '.'
}

func readAs(core string, c Convention) string {
	d, err := parseDecimal(core, c, false)
	if err != nil {
		return "?"
	}
	return strconv.FormatFloat(d.float(0), 'f', -1, 64)
}

// ParseNumber parses a number written in convention c: digits with the
// convention's thousands separator and decimal mark, an optional sign and an
// optional trailing % (the value is then the number of percent: "58,68%"
// is 58.68). With Undecided, a token that reads two ways is an
// ErrAmbiguousNumber; a token written in the other convention is an
// ErrNotNumber.
func ParseNumber(s string, c Convention) (float64, error) {
	d, err := parseDecimal(s, c, false)
	if err != nil {
		return 0, err
	}
	return d.float(0), nil
}

// ParseCount parses a whole number (a count of people or computers): a
// single separator before three digits is read as a thousands separator in
// either convention, since that is its only whole reading ("1,201" and
// "1.201" are both 1201). A fraction is an ErrNotNumber.
func ParseCount(s string, c Convention) (int64, error) {
	d, err := parseDecimal(s, c, true)
	if err != nil {
		return 0, err
	}
	digits := "0"
	if n := len(d.mant) - d.decimals; n > 0 {
		digits = d.mant[:n]
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %q is out of range", ErrNotNumber, s)
	}
	if d.neg {
		v = -v
	}
	return v, nil
}

// Money units, as powers of ten of đồng.
type MoneyUnit int

// The money units found in the sources.
const (
	UnknownUnit MoneyUnit = -1
	Dong        MoneyUnit = 0 // đồng
	Thousand    MoneyUnit = 3 // nghìn đồng
	Million     MoneyUnit = 6 // triệu đồng
	Billion     MoneyUnit = 9 // tỷ đồng
)

// String returns the Vietnamese name of the unit.
func (u MoneyUnit) String() string {
	switch u {
	case Dong:
		return "đồng"
	case Thousand:
		return "nghìn đồng"
	case Million:
		return "triệu đồng"
	case Billion:
		return "tỷ đồng"
	}
	return "unknown"
}

// ParseMoneyUnit reads a unit phrase: "đồng", "đ", "VNĐ", "nghìn đồng",
// "ngàn đồng", "triệu đồng", "triệu", "tr.đ", "tỷ đồng", "tỷ", "tỉ".
func ParseMoneyUnit(s string) (MoneyUnit, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(nfc(s)), " "))
	t = strings.TrimSuffix(t, ".")
	switch t {
	case "đồng", "đ", "vnđ", "vnd", "dong":
		return Dong, true
	case "nghìn đồng", "ngàn đồng", "nghìn", "ngàn", "1.000 đồng", "1000 đồng":
		return Thousand, true
	case "triệu đồng", "triệu", "tr.đ", "trđ", "tr đồng", "tr":
		return Million, true
	case "tỷ đồng", "tỉ đồng", "tỷ", "tỉ":
		return Billion, true
	}
	return UnknownUnit, false
}

// Amount is a parsed sum of money.
type Amount struct {
	Value    float64   // as written, in Unit
	Unit     MoneyUnit // the unit written, or the default given
	Million  float64   // in million đồng, converted exactly
	Decimals int       // digits written after the decimal mark
}

// ParseAmount parses a sum of money such as "30.500.000.000 đồng",
// "990,277 triệu đồng" or "22,955 tỷ" in convention c; when s has no unit
// word, def is its unit (UnknownUnit makes that an error). The conversion to
// million đồng is exact (done on the decimal digits, then rounded once to
// float64). "-" alone is zero when dashZero is set, as in budget tables.
func ParseAmount(s string, c Convention, def MoneyUnit, dashZero bool) (Amount, error) {
	t := cleanToken(nfc(s))
	if dashZero && IsDash(t) {
		return Amount{Unit: def}, nil
	}
	num, unitText := splitUnit(t)
	u := def
	if unitText != "" {
		var ok bool
		if u, ok = ParseMoneyUnit(unitText); !ok {
			return Amount{}, fmt.Errorf("%w: %q: unknown money unit %q", ErrNotNumber, s, unitText)
		}
	}
	if u == UnknownUnit {
		return Amount{}, fmt.Errorf("%w: %q has no money unit", ErrNotNumber, s)
	}
	d, err := parseDecimal(num, c, false)
	if err != nil {
		return Amount{}, err
	}
	if d.percent {
		return Amount{}, fmt.Errorf("%w: %q is a percentage, not a sum of money", ErrNotNumber, s)
	}
	return Amount{Value: d.float(0), Unit: u, Million: d.float(int(u) - 6), Decimals: d.decimals}, nil
}

// ToMillion converts an amount in unit u to million đồng, exactly for
// amounts given as decimal text; for a float input the result is rounded
// once.
func ToMillion(v float64, u MoneyUnit) float64 {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	f, _ := strconv.ParseFloat(s+"e"+strconv.Itoa(int(u)-6), 64)
	return f
}

// IsDash reports whether s is a dash alone (-, –, —, ‒, −): in a budget
// table, zero.
func IsDash(s string) bool {
	switch s {
	case "-", "–", "—", "‒", "−":
		return true
	}
	return false
}

// splitUnit splits "990,277 triệu đồng" into "990,277" and "triệu đồng".
func splitUnit(s string) (num, unit string) {
	i := 0
	for i < len(s) && strings.IndexByte("0123456789.,+-%", s[i]) >= 0 {
		i++
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
}
