package loaders

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

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
	UnknownUnit     MoneyUnit = -1
	Dong            MoneyUnit = 0  // đồng
	Thousand        MoneyUnit = 3  // nghìn đồng
	Million         MoneyUnit = 6  // triệu đồng
	Billion         MoneyUnit = 9  // tỷ đồng
	ThousandBillion MoneyUnit = 12 // nghìn tỷ đồng: 7,6 nghìn tỷ đồng is 7,6 × 10¹² đồng
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
	case ThousandBillion:
		return "nghìn tỷ đồng"
	}
	return "unknown"
}

// ParseMoneyUnit reads a unit phrase: "đồng", "đ", "VNĐ", "nghìn đồng",
// "ngàn đồng", "triệu đồng", "triệu", "tr.đ", "tỷ đồng", "tỷ", "tỉ",
// "nghìn tỷ đồng", "nghìn tỷ", "ngàn tỷ".
func ParseMoneyUnit(s string) (MoneyUnit, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(nfc(s)), " "))
	t = strings.TrimSuffix(t, ".")
	// "tỷ VNĐ", "triệu VND": the currency written as VNĐ
	for _, c := range []string{" vnđ", " vnd", " việt nam đồng"} {
		if strings.HasSuffix(t, c) && t != strings.TrimPrefix(c, " ") {
			t = strings.TrimSuffix(t, c) + " đồng"
			break
		}
	}
	// "1.000.000 đồng": the unit written as a number of đồng
	switch t {
	case "1.000.000 đồng", "1000000 đồng", "1,000,000 đồng":
		t = "triệu đồng"
	case "1.000.000.000 đồng", "1000000000 đồng", "1,000,000,000 đồng":
		t = "tỷ đồng"
	}
	switch t {
	case "đồng", "đ", "vnđ", "vnd", "dong":
		return Dong, true
	case "nghìn đồng", "ngàn đồng", "nghìn", "ngàn", "1.000 đồng", "1000 đồng":
		return Thousand, true
	case "triệu đồng", "triệu", "tr.đ", "trđ", "tr đồng", "tr":
		return Million, true
	case "tỷ đồng", "tỉ đồng", "tỷ", "tỉ":
		return Billion, true
	case "nghìn tỷ đồng", "ngàn tỷ đồng", "nghìn tỉ đồng", "ngàn tỉ đồng", "nghìn tỷ", "ngàn tỷ", "nghìn tỉ", "ngàn tỉ":
		return ThousandBillion, true
	}
	return UnknownUnit, false
}

// Qualifier is what the word before an amount says of it: "hơn 195 tỷ
// đồng" is more than 195 tỷ, "gần 900 triệu" a little less than 900
// triệu. Amount.Admits compares a value with a qualified amount.
type Qualifier int

// The qualifiers ParseAmount reads. "tới" and "đến" are not among them:
// they end a range ("từ 2 đến 5 tỷ") or stress a figure ("lên tới 195
// tỷ") rather than bound it.
const (
	Exact    Qualifier = iota // no qualifier: the amount as written
	MoreThan                  // hơn, trên: a lower bound, the amount exceeds the figure
	LessThan                  // dưới: an upper bound, the amount is below the figure
	Nearly                    // gần: an upper bound, the amount is below the figure and close to it
	About                     // khoảng, xấp xỉ, trên dưới, chừng: an approximation
)

// String returns the qualifier in English: "exact", "more than", "less
// than", "nearly", "about".
func (q Qualifier) String() string {
	switch q {
	case Exact:
		return "exact"
	case MoreThan:
		return "more than"
	case LessThan:
		return "less than"
	case Nearly:
		return "nearly"
	case About:
		return "about"
	}
	return "unknown"
}

// qualifierWords are the words read before an amount, longest first.
var qualifierWords = []struct {
	word string
	q    Qualifier
}{
	{"trên dưới", About}, {"xấp xỉ", About}, {"khoảng", About}, {"chừng", About},
	{"hơn", MoreThan}, {"trên", MoreThan}, {"dưới", LessThan}, {"gần", Nearly},
}

// Amount is a parsed sum of money.
type Amount struct {
	Value     float64   // as written, in Unit
	Unit      MoneyUnit // the unit written, or the default given
	Million   float64   // in million đồng, converted exactly
	Decimals  int       // digits written after the decimal mark
	Qualifier Qualifier // the word before the number; Exact when there is none
}

// ParseAmount parses a sum of money such as "30.500.000.000 đồng",
// "990,277 triệu đồng", "22,955 tỷ" or "7,6 nghìn tỷ đồng" in convention
// c; when s has no unit word, def is its unit (UnknownUnit makes that an
// error). A qualifier may come before the number — "hơn" or "trên" (more
// than), "dưới" (less than), "gần" (nearly), "khoảng", "xấp xỉ", "trên
// dưới" or "chừng" (about) — and is kept in Amount.Qualifier. The
// conversion to million đồng is exact (done on the decimal digits, then
// rounded once to float64); an amount of more than
// numtext.MaxExactDigits (15) significant digits, which a float64 does not
// hold exactly, is an ErrNotNumber. "-" alone is zero when dashZero is
// set, as in budget tables.
func ParseAmount(s string, c Convention, def MoneyUnit, dashZero bool) (Amount, error) {
	t := strings.TrimFunc(nfc(s), IsBlank)
	if dashZero && IsDash(t) {
		return Amount{Unit: def}, nil
	}
	q, t := splitQualifier(t)
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
	if n := d.Significant(); n > numtext.MaxExactDigits {
		return Amount{}, fmt.Errorf("%w: %q: %q has %d significant digits; at most %d are held exactly", ErrNotNumber, Clip(s, MaxQuoted), Clip(num, MaxQuoted), n, numtext.MaxExactDigits)
	}
	return Amount{Value: d.Float(0), Unit: u, Million: d.Float(int(u) - 6), Decimals: d.Decimals, Qualifier: q}, nil
}

// splitQualifier splits "hơn 195 tỷ đồng" into MoreThan and "195 tỷ
// đồng". The qualifier is read in any case, followed by a blank.
func splitQualifier(s string) (Qualifier, string) {
	for _, w := range qualifierWords {
		if len(s) > len(w.word) && strings.EqualFold(s[:len(w.word)], w.word) {
			if r, n := utf8.DecodeRuneInString(s[len(w.word):]); n > 0 && IsBlank(r) {
				return w.q, strings.TrimLeftFunc(s[len(w.word):], IsBlank)
			}
		}
	}
	return Exact, s
}

// lastDigit returns one unit of the amount's last significant digit, in
// million đồng: its last decimal when it has decimals, else its last
// non-zero digit (1 unit for zero).
func (a Amount) lastDigit() float64 {
	p := -a.Decimals
	if a.Decimals == 0 {
		digits := strconv.FormatFloat(math.Abs(a.Value), 'f', -1, 64)
		if z := len(digits) - len(strings.TrimRight(digits, "0")); z < len(digits) {
			p = z
		}
	}
	return pow10Million(p, a.Unit)
}

// pow10Million is 10^p units u in million đồng.
func pow10Million(p int, u MoneyUnit) float64 {
	f, _ := strconv.ParseFloat("1e"+strconv.Itoa(p+int(u)-6), 64)
	return f
}

// Admits reports whether v million đồng agrees with the amount, read with
// its qualifier. Let X be the amount in million đồng and d one unit of its
// last significant digit: the last decimal written, or the last non-zero
// digit of a whole number (for "14.893 tỷ" d is 1 tỷ, for "900 triệu" 100
// triệu, for "7,60 nghìn tỷ" 0,01 nghìn tỷ). Then:
//   - Exact: |v − X| ≤ half a unit of the last digit written, zeros
//     included ("30.500.000.000 đồng" to the đồng, "3 tỷ" to the tỷ);
//   - MoreThan (hơn, trên): v > X;
//   - LessThan (dưới): v < X;
//   - Nearly (gần): X − d ≤ v ≤ X ("gần 900 triệu" admits 800 to 900
//     triệu);
//   - About (khoảng, xấp xỉ): |v − X| ≤ d ("khoảng 14.893 tỷ" admits
//     14.892 to 14.894 tỷ).
//
// Equalities allow for the rounding of a sum of float64 values (a relative
// 10⁻¹²): a sum equal to X is not more than X. NaN is never admitted. The
// rule reads Value, Unit, Decimals and Qualifier, so an Amount built by
// hand is compared as one parsed from its text.
func (a Amount) Admits(v float64) bool {
	x := a.Million
	eps := 1e-12 * max(math.Abs(x), math.Abs(v))
	switch a.Qualifier {
	case Exact:
		return math.Abs(v-x) <= pow10Million(-a.Decimals, a.Unit)/2+eps
	case MoreThan:
		return v > x+eps
	case LessThan:
		return v < x-eps
	case Nearly:
		return v <= x+eps && v >= x-a.lastDigit()-eps
	case About:
		return math.Abs(v-x) <= a.lastDigit()+eps
	}
	return false
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
