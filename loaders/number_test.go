package loaders

import (
	"errors"
	"math"
	"testing"
)

// numberCase is one row of the number tables: in parsed in conv gives want,
// or an error that wraps err.
type numberCase struct {
	name string
	in   string
	conv Convention
	want float64
	err  error
}

func checkNumber(t *testing.T, tc numberCase, got float64, err error) {
	t.Helper()
	if tc.err != nil {
		if !errors.Is(err, tc.err) {
			t.Fatalf("%q (%s): got %v, %v; want an error wrapping %v", tc.in, tc.conv, got, err, tc.err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%q (%s): unexpected error %v", tc.in, tc.conv, err)
	}
	if got != tc.want {
		t.Fatalf("%q (%s) = %v, want %v exactly", tc.in, tc.conv, got, tc.want)
	}
}

func TestParseNumber(t *testing.T) {
	cases := []numberCase{
		// dot thousands (Vietnamese)
		{name: "dot thousands, many groups", in: "30.500.000.000", conv: DotThousands, want: 30500000000},
		{name: "dot thousands, many groups, undecided", in: "30.500.000.000", conv: Undecided, want: 30500000000},
		{name: "dot thousands, one group", in: "1.774", conv: DotThousands, want: 1774},
		{name: "dot thousands with decimal comma", in: "1.234,5", conv: DotThousands, want: 1234.5},
		{name: "dot thousands with decimal comma, undecided", in: "1.234,5", conv: Undecided, want: 1234.5},
		{name: "dot thousands token under comma thousands", in: "30.500.000.000", conv: CommaThousands, err: ErrNotNumber},
		// comma decimal
		{name: "comma decimal percent", in: "58,68%", conv: DotThousands, want: 58.68},
		{name: "comma decimal percent, undecided", in: "58,68%", conv: Undecided, want: 58.68},
		{name: "comma decimal percent with space", in: "58,68 %", conv: DotThousands, want: 58.68},
		{name: "comma decimal under comma thousands", in: "58,68", conv: CommaThousands, err: ErrNotNumber},
		{name: "comma decimal, three digits", in: "990,277", conv: DotThousands, want: 990.277},
		{name: "leading zero comma decimal", in: "0,5", conv: Undecided, want: 0.5},
		// comma thousands (English)
		{name: "comma thousands, one group", in: "1,201", conv: CommaThousands, want: 1201},
		{name: "comma thousands, many groups", in: "9,189,899,000", conv: CommaThousands, want: 9189899000},
		{name: "comma thousands, many groups, undecided", in: "9,189,899,000", conv: Undecided, want: 9189899000},
		{name: "comma thousands with decimal point", in: "1,234.5", conv: Undecided, want: 1234.5},
		{name: "comma thousands token under dot thousands", in: "9,189,899,000", conv: DotThousands, err: ErrNotNumber},
		// dot decimal
		{name: "dot decimal", in: "0.89308", conv: CommaThousands, want: 0.89308},
		{name: "dot decimal, undecided", in: "0.89308", conv: Undecided, want: 0.89308},
		{name: "dot decimal, integer part", in: "1.09375", conv: CommaThousands, want: 1.09375},
		{name: "dot decimal, three digits after zero", in: "0.500", conv: Undecided, want: 0.5},
		{name: "dot decimal under dot thousands", in: "0.89308", conv: DotThousands, err: ErrNotNumber},
		{name: "one.three digits under comma thousands is a decimal", in: "1.774", conv: CommaThousands, want: 1.774},
		{name: "one,three digits under dot thousands is a decimal", in: "1,201", conv: DotThousands, want: 1.201},
		// plain digits
		{name: "no separators", in: "6900", conv: Undecided, want: 6900},
		{name: "no separators, dot", in: "6900", conv: DotThousands, want: 6900},
		{name: "no separators, comma", in: "6900", conv: CommaThousands, want: 6900},
		{name: "zero", in: "0", conv: Undecided, want: 0},
		{name: "leading zeros", in: "007", conv: Undecided, want: 7},
		{name: "signed", in: "-12", conv: Undecided, want: -12},
		{name: "plus sign", in: "+12", conv: Undecided, want: 12},
		{name: "surrounding no-break spaces", in: "\u00a0 42\u00a0", conv: Undecided, want: 42},
		{name: "percent", in: "69%", conv: Undecided, want: 69},
		// ambiguous without a convention
		{name: "ambiguous dot", in: "1.774", conv: Undecided, err: ErrAmbiguousNumber},
		{name: "ambiguous comma", in: "1,201", conv: Undecided, err: ErrAmbiguousNumber},
		{name: "ambiguous comma, round", in: "24,000", conv: Undecided, err: ErrAmbiguousNumber},
		{name: "ambiguous with sign", in: "-1.774", conv: Undecided, err: ErrAmbiguousNumber},
		{name: "ambiguous percent", in: "1,201%", conv: Undecided, err: ErrAmbiguousNumber},
		// "-" is not a number (ParseAmount reads it as zero when asked)
		{name: "dash", in: "-", conv: DotThousands, err: ErrNotNumber},
		// misplaced separators
		{name: "short inner group", in: "1,23,456", conv: Undecided, err: ErrNotNumber},
		{name: "short inner group, comma thousands", in: "1,23,456", conv: CommaThousands, err: ErrNotNumber},
		{name: "single-digit groups", in: "1.2.3", conv: Undecided, err: ErrNotNumber},
		{name: "single-digit groups, dot thousands", in: "1.2.3", conv: DotThousands, err: ErrNotNumber},
		{name: "long first group", in: "1234.567.890", conv: DotThousands, err: ErrNotNumber},
		{name: "two decimal marks", in: "1,2,3", conv: DotThousands, err: ErrNotNumber},
		{name: "thousands after decimal", in: "1.234,567.8", conv: Undecided, err: ErrNotNumber},
		{name: "empty group", in: "1,,234", conv: Undecided, err: ErrNotNumber},
		{name: "trailing separator", in: "1234.", conv: Undecided, err: ErrNotNumber},
		{name: "leading separator", in: ".5", conv: Undecided, err: ErrNotNumber},
		// garbage
		{name: "letters", in: "abc", conv: Undecided, err: ErrNotNumber},
		{name: "empty", in: "", conv: Undecided, err: ErrNotNumber},
		{name: "blank", in: " \u00a0 ", conv: Undecided, err: ErrNotNumber},
		{name: "two numbers", in: "1 2", conv: Undecided, err: ErrNotNumber},
		{name: "double sign", in: "--5", conv: Undecided, err: ErrNotNumber},
		{name: "percent alone", in: "%", conv: Undecided, err: ErrNotNumber},
		{name: "unit word", in: "5 tỷ", conv: Undecided, err: ErrNotNumber},
		{name: "number words", in: "ba mươi", conv: Undecided, err: ErrNotNumber},
		{name: "exponent", in: "1e5", conv: Undecided, err: ErrNotNumber},
		{name: "hex", in: "0x10", conv: Undecided, err: ErrNotNumber},
		{name: "NaN", in: "NaN", conv: Undecided, err: ErrNotNumber},
		{name: "Inf", in: "Inf", conv: Undecided, err: ErrNotNumber},
		{name: "too many digits", in: "1234567890123456789012345678901", conv: Undecided, err: ErrNotNumber},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseNumber(tc.in, tc.conv)
			checkNumber(t, tc, got, err)
		})
	}
}

func TestParseCount(t *testing.T) {
	cases := []numberCase{
		{name: "comma group undecided", in: "1,201", conv: Undecided, want: 1201},
		{name: "dot group undecided", in: "1.201", conv: Undecided, want: 1201},
		{name: "comma group, comma thousands", in: "1,201", conv: CommaThousands, want: 1201},
		{name: "dot group, dot thousands", in: "1.774", conv: DotThousands, want: 1774},
		{name: "round thousands undecided", in: "24,000", conv: Undecided, want: 24000},
		{name: "plain", in: "1215", conv: Undecided, want: 1215},
		{name: "zero", in: "0", conv: CommaThousands, want: 0},
		{name: "many groups", in: "1,234,567", conv: Undecided, want: 1234567},
		{name: "many groups, dots", in: "1.234.567", conv: DotThousands, want: 1234567},
		{name: "whole with zero decimals", in: "12,00", conv: DotThousands, want: 12},
		{name: "negative", in: "-3", conv: Undecided, want: -3},
		{name: "decimal comma fraction", in: "1,5", conv: Undecided, err: ErrNotNumber},
		{name: "decimal comma fraction, dot thousands", in: "1,5", conv: DotThousands, err: ErrNotNumber},
		{name: "decimal point fraction", in: "0.89308", conv: Undecided, err: ErrNotNumber},
		{name: "wrong convention", in: "1.234.567", conv: CommaThousands, err: ErrNotNumber},
		{name: "misplaced", in: "1,23,456", conv: Undecided, err: ErrNotNumber},
		{name: "text", in: "Chưa có", conv: Undecided, err: ErrNotNumber},
		{name: "empty", in: "", conv: Undecided, err: ErrNotNumber},
		{name: "dash", in: "-", conv: Undecided, err: ErrNotNumber},
		{name: "out of int64 range", in: "99999999999999999999", conv: Undecided, err: ErrNotNumber},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseCount(tc.in, tc.conv)
			checkNumber(t, tc, float64(got), err)
		})
	}
}

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
			checkNumber(t, numberCase{name: tc.name, in: tc.in, conv: tc.conv, want: tc.want, err: tc.err}, a.Million, err)
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

func TestEvidence(t *testing.T) {
	cases := []struct {
		in        string
		want      Convention
		ambiguous bool
	}{
		{"30.500.000.000", DotThousands, false},
		{"1.234,5", DotThousands, false},
		{"58,68", DotThousands, false},
		{"58,68%", DotThousands, false},
		{"0,5", DotThousands, false},
		{"9,189,899,000", CommaThousands, false},
		{"1,234.5", CommaThousands, false},
		{"0.89308", CommaThousands, false},
		{"0.500", CommaThousands, false},
		{"1234.567", CommaThousands, false},
		{"1.774", Undecided, true},
		{"1,201", Undecided, true},
		{"24,000", Undecided, true},
		{"-1.774", Undecided, true},
		{" 1,201 ", Undecided, true},
		{"6900", Undecided, false},
		{"0", Undecided, false},
		{"abc", Undecided, false},
		{"", Undecided, false},
		{"-", Undecided, false},
		{"990,277 triệu", Undecided, false}, // not a bare number
	}
	for _, tc := range cases {
		c, amb := Evidence(tc.in)
		if c != tc.want || amb != tc.ambiguous {
			t.Errorf("Evidence(%q) = %v, %v; want %v, %v", tc.in, c, amb, tc.want, tc.ambiguous)
		}
	}
}

func TestParseConvention(t *testing.T) {
	for in, want := range map[string]Convention{
		"": Undecided, "auto": Undecided, "undecided": Undecided,
		"dot-thousands": DotThousands, " VI ": DotThousands, "dot": DotThousands,
		"comma-thousands": CommaThousands, "en": CommaThousands, "comma": CommaThousands,
	} {
		got, err := ParseConvention(in)
		if err != nil || got != want {
			t.Errorf("ParseConvention(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseConvention("french"); err == nil {
		t.Error("ParseConvention(french): no error")
	}
	for _, c := range []Convention{Undecided, DotThousands, CommaThousands} {
		if got, err := ParseConvention(c.String()); err != nil || got != c {
			t.Errorf("ParseConvention(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
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
