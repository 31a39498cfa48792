package numtext

import (
	"errors"
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
