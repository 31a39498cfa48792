package loaders

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/ictplan/ictplan/numtext"
)

// Convention is how a table writes numbers: numtext.Convention, named here
// for Options.
type Convention = numtext.Convention

// The conventions (see package numtext).
const (
	Undecided      = numtext.Undecided
	DotThousands   = numtext.DotThousands
	CommaThousands = numtext.CommaThousands
	Plain          = numtext.Plain
)

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
	t := strings.TrimFunc(nfc(s), isBlank)
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
	d, err := numtext.ParseDecimal(num, c, false)
	if err != nil {
		return Amount{}, err
	}
	if d.Percent {
		return Amount{}, fmt.Errorf("%w: %q is a percentage, not a sum of money", ErrNotNumber, s)
	}
	return Amount{Value: d.Float(0), Unit: u, Million: d.Float(int(u) - 6), Decimals: d.Decimals}, nil
}

// ToMillion converts an amount in unit u to million đồng, exactly for
// amounts given as decimal text; for a float input the result is rounded
// once.
func ToMillion(v float64, u MoneyUnit) float64 {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	f, _ := strconv.ParseFloat(s+"e"+strconv.Itoa(int(u)-6), 64)
	return f
}

func isBlank(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }

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
