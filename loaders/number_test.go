package loaders

import (
	"errors"
	"math"
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

func TestParseMoneyUnit(t *testing.T) {
	for in, want := range map[string]MoneyUnit{
		"đồng": Dong, "VNĐ": Dong, "đ": Dong, "nghìn đồng": Thousand, "ngàn  đồng": Thousand,
		"triệu đồng": Million, "Triệu": Million, "tr.đ": Million, "tỷ đồng": Billion, "tỉ": Billion,
		"trie\u0302\u0323u \u0111o\u0302\u0300ng": Million,
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
		{22.955, Billion, 22955}, {9189899000, Dong, 9189.899}, {0.3, Million, 0.3}, {1500, Thousand, 1.5},
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
