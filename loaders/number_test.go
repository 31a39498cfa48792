package loaders

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// amountCase: in parsed with conv, default unit def and dashZero gives
// want million đồng.
type amountCase struct {
	name     string
	in       string
	conv     Convention
	def      MoneyUnit
	dashZero bool
	want     float64 // million đồng
	unit     MoneyUnit
	err      error
}

func TestParseAmount(t *testing.T) {
	cases := []amountCase{
		{name: "đồng, dot thousands", in: "30.500.000.000 đồng", conv: DotThousands, def: UnknownUnit, want: 30500, unit: Dong},
		{name: "đồng, undecided", in: "30.500.000.000 đồng", conv: Undecided, def: UnknownUnit, want: 30500, unit: Dong},
		{name: "đồng, comma thousands", in: "9,189,899,000 đồng", conv: CommaThousands, def: UnknownUnit, want: 9189.899, unit: Dong},
		{name: "đồng by default", in: "9,189,899,000", conv: CommaThousands, def: Dong, want: 9189.899, unit: Dong},
		{name: "đồng abbreviated", in: "1.000đ", conv: DotThousands, def: UnknownUnit, want: 0.001, unit: Dong},
		{name: "VNĐ", in: "2.500.000 VNĐ", conv: DotThousands, def: UnknownUnit, want: 2.5, unit: Dong},
		{name: "nghìn đồng", in: "1.500 nghìn đồng", conv: DotThousands, def: UnknownUnit, want: 1.5, unit: Thousand},
		{name: "ngàn đồng", in: "250 ngàn đồng", conv: Undecided, def: UnknownUnit, want: 0.25, unit: Thousand},
		{name: "triệu đồng, comma decimal", in: "990,277 triệu đồng", conv: DotThousands, def: UnknownUnit, want: 990.277, unit: Million},
		{name: "triệu alone", in: "2,5 triệu", conv: Undecided, def: UnknownUnit, want: 2.5, unit: Million},
		{name: "triệu đồng by default", in: "24,000", conv: CommaThousands, def: Million, want: 24000, unit: Million},
		{name: "tỷ đồng exact", in: "22,955 tỷ đồng", conv: DotThousands, def: UnknownUnit, want: 22955, unit: Billion},
		{name: "tỷ đồng, no decimals", in: "3 tỷ", conv: Undecided, def: UnknownUnit, want: 3000, unit: Billion},
		{name: "tỉ spelling", in: "1,5 tỉ đồng", conv: DotThousands, def: UnknownUnit, want: 1500, unit: Billion},
		{name: "unit overrides default", in: "3 tỷ đồng", conv: Undecided, def: Dong, want: 3000, unit: Billion},
		{name: "no separators", in: "6900", conv: DotThousands, def: Million, want: 6900, unit: Million},
		{name: "decomposed diacritics", in: "990,277 trie\u0302\u0323u \u0111o\u0302\u0300ng", conv: DotThousands, def: UnknownUnit, want: 990.277, unit: Million},
		{name: "dash is zero in budget tables", in: "-", conv: DotThousands, def: Million, dashZero: true, want: 0, unit: Million},
		{name: "en dash is zero in budget tables", in: " – ", conv: DotThousands, def: Million, dashZero: true, want: 0, unit: Million},
		{name: "dash without dashZero", in: "-", conv: DotThousands, def: Million, err: ErrNotNumber},
		{name: "ambiguous triệu", in: "990,277 triệu đồng", conv: Undecided, def: UnknownUnit, err: ErrAmbiguousNumber},
		{name: "ambiguous by default unit", in: "24,000", conv: Undecided, def: Million, err: ErrAmbiguousNumber},
		{name: "wrong convention", in: "9,189,899,000 đồng", conv: DotThousands, def: UnknownUnit, err: ErrNotNumber},
		{name: "no unit, no default", in: "100", conv: Undecided, def: UnknownUnit, err: ErrNotNumber},
		{name: "unknown unit", in: "100 USD", conv: Undecided, def: UnknownUnit, err: ErrNotNumber},
		{name: "unit then number", in: "4 tỷ 566 triệu đồng", conv: Undecided, def: UnknownUnit, err: ErrNotNumber},
		{name: "text", in: "Chưa được bố trí", conv: CommaThousands, def: Dong, err: ErrNotNumber},
		{name: "empty", in: "", conv: CommaThousands, def: Dong, err: ErrNotNumber},
		{name: "misplaced", in: "1,23,456 đồng", conv: Undecided, def: UnknownUnit, err: ErrNotNumber},
		{name: "percent is not money", in: "58,68%", conv: DotThousands, def: Million, err: ErrNotNumber},
		{name: "nghìn tỷ đồng", in: "7,6 nghìn tỷ đồng", conv: DotThousands, def: UnknownUnit, want: 7_600_000, unit: ThousandBillion},
		{name: "nghìn tỷ", in: "1.234 nghìn tỷ", conv: CommaThousands, def: UnknownUnit, want: 1_234_000, unit: ThousandBillion},
		{name: "ngàn tỉ đồng", in: "2 ngàn tỉ đồng", conv: Undecided, def: UnknownUnit, want: 2_000_000, unit: ThousandBillion},
		{name: "15 significant digits", in: "123.456.789.012.345 đồng", conv: DotThousands, def: UnknownUnit, want: 123_456_789.012345, unit: Dong},
		{name: "30 digits, one significant", in: "100000000000000000000000000000 đồng", conv: DotThousands, def: UnknownUnit, want: 1e23, unit: Dong},
		{name: "16 significant digits", in: "1.234.567.890.123.456 đồng", conv: DotThousands, def: UnknownUnit, err: ErrNotNumber},
		{name: "tới is not a qualifier", in: "tới 195 tỷ đồng", conv: DotThousands, def: UnknownUnit, err: ErrNotNumber},
		{name: "qualifier alone", in: "hơn", conv: DotThousands, def: Million, err: ErrNotNumber},
		{name: "qualifier and dash", in: "hơn -", conv: DotThousands, def: Million, dashZero: true, err: ErrNotNumber},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAmount(tc.in, tc.conv, tc.def, tc.dashZero)
			switch {
			case tc.err != nil:
				if !errors.Is(err, tc.err) {
					t.Fatalf("%q (%s): got %v, %v; want an error wrapping %v", tc.in, tc.conv, a.Million, err, tc.err)
				}
			case err != nil:
				t.Fatalf("%q (%s): unexpected error %v", tc.in, tc.conv, err)
			case a.Million != tc.want:
				t.Fatalf("%q (%s) = %v million, want %v exactly", tc.in, tc.conv, a.Million, tc.want)
			}
			if err == nil && a.Unit != tc.unit {
				t.Errorf("%q: unit %v, want %v", tc.in, a.Unit, tc.unit)
			}
		})
	}
}

// TestParseAmountExact checks that the conversion to million đồng is done
// on the decimal digits: the result is the float64 nearest the exact value,
// which multiplying the parsed float by a power of ten does not always give.
func TestParseAmountExact(t *testing.T) {
	cases := []struct {
		in   string
		conv Convention
		want float64
	}{
		{"22,955 tỷ đồng", DotThousands, 22955},
		{"0,1 tỷ đồng", DotThousands, 100},
		{"0,3 triệu đồng", DotThousands, 0.3},
		{"109.045.000.000 đồng", DotThousands, 109045},
		{"34,594,621,000 đồng", CommaThousands, 34594.621},
		{"5,643,197,000 đồng", CommaThousands, 5643.197},
		{"1,1 nghìn đồng", DotThousands, 0.0011},
	}
	for _, tc := range cases {
		a, err := ParseAmount(tc.in, tc.conv, UnknownUnit, false)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if a.Million != tc.want {
			t.Errorf("%q = %v million, want %v exactly (bits %x vs %x)", tc.in, a.Million, tc.want, math.Float64bits(a.Million), math.Float64bits(tc.want))
		}
	}
	a, err := ParseAmount("990,277 triệu đồng", DotThousands, UnknownUnit, false)
	if err != nil || a.Value != 990.277 || a.Decimals != 3 || a.Unit != Million {
		t.Errorf("990,277 triệu đồng: %+v, %v; want Value 990.277, Decimals 3, Unit triệu đồng", a, err)
	}
}

// TestParseAmountTooManyDigits: a 30-digit amount is refused, naming the
// token and the limit, rather than rounded.
func TestParseAmountTooManyDigits(t *testing.T) {
	const in = "123.456.789.012.345.678.901.234.567.891 đồng"
	a, err := ParseAmount(in, DotThousands, UnknownUnit, false)
	want := `"123.456.789.012.345.678.901.234.567.891" has 30 significant digits; at most 15 are held exactly`
	if !errors.Is(err, ErrNotNumber) || !strings.Contains(err.Error(), want) {
		t.Errorf("ParseAmount(%q) = %+v, %v; want ErrNotNumber saying %s", in, a, err, want)
	}
}

func TestParseAmountQualified(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64 // million đồng
		q    Qualifier
	}{
		{"hơn 195 tỷ đồng", 195_000, MoreThan},
		{"Hơn 195 tỷ đồng", 195_000, MoreThan},
		{"trên 1.000 tỷ đồng", 1_000_000, MoreThan},
		{"gần 900 triệu", 900, Nearly},
		{"dưới 50 triệu đồng", 50, LessThan},
		{"khoảng 14.893 tỷ", 14_893_000, About},
		{"xấp xỉ 2,5 tỷ đồng", 2_500, About},
		{"trên dưới 100 tỷ đồng", 100_000, About},
		{"khoảng\u00a07,6 nghìn tỷ đồng", 7_600_000, About},
		{"30.500.000.000 đồng", 30_500, Exact},
	} {
		a, err := ParseAmount(tc.in, DotThousands, UnknownUnit, false)
		if err != nil || a.Million != tc.want || a.Qualifier != tc.q {
			t.Errorf("ParseAmount(%q) = %v million, %v, %v; want %v, %v", tc.in, a.Million, a.Qualifier, err, tc.want, tc.q)
		}
	}
}

func TestQualifierString(t *testing.T) {
	for q, want := range map[Qualifier]string{Exact: "exact", MoreThan: "more than", LessThan: "less than", Nearly: "nearly", About: "about", Qualifier(9): "unknown"} {
		if got := q.String(); got != want {
			t.Errorf("Qualifier(%d).String() = %q, want %q", int(q), got, want)
		}
	}
}

// TestAdmits checks the bound each qualifier sets, in million đồng.
func TestAdmits(t *testing.T) {
	for _, tc := range []struct {
		in  string
		v   float64
		ok  bool
		why string
	}{
		{"hơn 195 tỷ đồng", 195_000.001, true, "just more"},
		{"hơn 195 tỷ đồng", 195_000, false, "equal is not more"},
		{"hơn 195 tỷ đồng", 194_000, false, "less"},
		{"trên 195 tỷ đồng", 250_000, true, "a lower bound only"},
		{"dưới 50 triệu đồng", 49.9, true, "less"},
		{"dưới 50 triệu đồng", 50, false, "equal is not less"},
		{"gần 900 triệu", 900, true, "nearly includes the figure"},
		{"gần 900 triệu", 850, true, "within 100 triệu below"},
		{"gần 900 triệu", 800, true, "the limit: one unit of the hundreds"},
		{"gần 900 triệu", 799.9, false, "too far below"},
		{"gần 900 triệu", 900.5, false, "above"},
		{"gần 2,5 tỷ đồng", 2_400, true, "one unit of the decimal: 0,1 tỷ"},
		{"gần 2,5 tỷ đồng", 2_399, false, "more than 0,1 tỷ below"},
		{"khoảng 14.893 tỷ", 14_892_000, true, "one tỷ below"},
		{"khoảng 14.893 tỷ", 14_894_000, true, "one tỷ above"},
		{"khoảng 14.893 tỷ", 14_894_000.5, false, "more than one tỷ above"},
		{"khoảng 7,60 nghìn tỷ đồng", 7_610_000, true, "the written zero: 0,01 nghìn tỷ"},
		{"khoảng 7,60 nghìn tỷ đồng", 7_620_000, false, "two units of the written zero"},
		{"30.500.000.000 đồng", 30_500.0000005, true, "exact: half a đồng"},
		{"30.500.000.000 đồng", 30_500.000001, false, "exact: one đồng off"},
		{"3 tỷ", 3_400, true, "exact to the tỷ"},
		{"3 tỷ", 3_600, false, "exact to the tỷ"},
		{"khoảng 3 tỷ", math.NaN(), false, "NaN"},
	} {
		a, err := ParseAmount(tc.in, DotThousands, UnknownUnit, false)
		if err != nil {
			t.Fatalf("ParseAmount(%q): %v", tc.in, err)
		}
		if got := a.Admits(tc.v); got != tc.ok {
			t.Errorf("%q (%v).Admits(%v) = %v, want %v (%s)", tc.in, a.Qualifier, tc.v, got, tc.ok, tc.why)
		}
	}
	// A sum whose float64 rounding passes the figure is equal, not more.
	sum := 0.0
	for range 10 {
		sum += 19_500.1
	}
	if a := (Amount{Value: 195_001, Unit: Million, Million: 195_001, Qualifier: MoreThan}); a.Admits(sum) {
		t.Errorf("hơn 195.001 triệu admits %v, the float64 sum of ten 19.500,1", sum)
	}
}

func TestParseMoneyUnit(t *testing.T) {
	for in, want := range map[string]MoneyUnit{
		"đồng": Dong, "VNĐ": Dong, "đ": Dong, "nghìn đồng": Thousand, "ngàn  đồng": Thousand,
		"triệu đồng": Million, "Triệu": Million, "tr.đ": Million, "tỷ đồng": Billion, "tỉ": Billion,
		"trie\u0302\u0323u \u0111o\u0302\u0300ng": Million,
		"nghìn tỷ đồng":                           ThousandBillion, "Nghìn tỷ": ThousandBillion, "ngàn tỉ": ThousandBillion,
	} {
		got, ok := ParseMoneyUnit(in)
		if !ok || got != want {
			t.Errorf("ParseMoneyUnit(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "USD", "triệu USD", "đồng đồng"} {
		if u, ok := ParseMoneyUnit(in); ok {
			t.Errorf("ParseMoneyUnit(%q) = %v, want not ok", in, u)
		}
	}
}

func TestToMillion(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		u    MoneyUnit
		want float64
	}{
		{22.955, Billion, 22955}, {9189899000, Dong, 9189.899}, {0.3, Million, 0.3}, {1500, Thousand, 1.5}, {7.6, ThousandBillion, 7_600_000},
	} {
		if got := ToMillion(tc.v, tc.u); got != tc.want {
			t.Errorf("ToMillion(%v, %v) = %v, want %v", tc.v, tc.u, got, tc.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	for _, tc := range []struct {
		in         string
		start, end int
		ok         bool
	}{
		{"2009-2010", 2009, 2010, true},
		{"2011 – 2015", 2011, 2015, true},
		{"2011 đến 2015", 2011, 2015, true},
		{"2011", 2011, 2011, true},
		{"\u00a02011-2012\u00a0", 2011, 2012, true},
		{"2015-2011", 0, 0, false},
		{"hai năm", 0, 0, false},
		{"", 0, 0, false},
		{"1850-1900", 0, 0, false},
	} {
		s, e, err := ParsePeriod(tc.in)
		if tc.ok != (err == nil) || s != tc.start || e != tc.end {
			t.Errorf("ParsePeriod(%q) = %d, %d, %v", tc.in, s, e, err)
		}
		if err != nil && !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParsePeriod(%q): error %v does not wrap ErrNotNumber", tc.in, err)
		}
	}
}

func ExampleAmount_Admits() {
	// "hơn 195 tỷ đồng" is a lower bound; "khoảng 14.893 tỷ" holds within
	// one unit of its last digit, 1 tỷ.
	for _, c := range []struct {
		text string
		sum  float64 // million đồng
	}{{"hơn 195 tỷ đồng", 195_400}, {"hơn 195 tỷ đồng", 195_000}, {"khoảng 14.893 tỷ", 14_893_800}, {"gần 900 triệu", 912}} {
		a, err := ParseAmount(c.text, DotThousands, UnknownUnit, false)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s (%s %v million): %v admits %v\n", c.text, a.Qualifier, a.Million, a.Admits(c.sum), c.sum)
	}
	// Output:
	// hơn 195 tỷ đồng (more than 195000 million): true admits 195400
	// hơn 195 tỷ đồng (more than 195000 million): false admits 195000
	// khoảng 14.893 tỷ (about 1.4893e+07 million): true admits 1.48938e+07
	// gần 900 triệu (nearly 900 million): false admits 912
}
