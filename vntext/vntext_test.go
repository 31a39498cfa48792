package vntext_test

import (
	"bytes"
	"fmt"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/ictplan/ictplan/vntext"
)

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Khánh Hòa", "khanh hoa"},
		{"Khánh Hoà", "khanh hoa"},
		{"KHÁNH HÒA", "khanh hoa"},
		{"  Thừa Thiên\u00a0Huế \t", "thua thien hue"},
		{"Đắk Lắk", "dak lak"},
		{norm.NFD.String("Hạ tầng số"), "ha tang so"},
		{"Bà Rịa – Vũng Tàu", "ba ria – vung tau"},
		{"", ""},
	} {
		if got := vntext.Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestModernTones(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Khánh Hòa", "Khánh Hoà"},
		{"Khánh Hoà", "Khánh Hoà"},
		{"khỏe", "khoẻ"},
		{"Thủy", "Thuỷ"},
		{"THỦY", "THUỶ"},
		{norm.NFD.String("hòa bình"), "hoà bình"},
		{"Hà Nam", "Hà Nam"},
		{"toán", "toán"}, // the tone is already on a
		{"quý", "quý"},   // uy with the tone on y
	} {
		got := vntext.ModernTones(tc.in)
		if got != tc.want || !norm.NFC.IsNormalString(got) {
			t.Errorf("ModernTones(%q) = %q, want %q (NFC)", tc.in, got, tc.want)
		}
	}
}

func TestCompareAndKey(t *testing.T) {
	// Vietnamese dictionary order: a < ă < â, d < đ, tones after the letter.
	want := []string{"An Giang", "Ăn", "Ấp", "Bà Rịa", "Bạc Liêu", "Cà Mau", "Dương", "Đà Nẵng", "Đồng Tháp"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, vntext.Compare)
	if !slices.Equal(got, want) {
		t.Errorf("sorted with Compare: %q, want %q", got, want)
	}
	slices.Reverse(got)
	slices.SortFunc(got, func(a, b string) int { return bytes.Compare(vntext.Key(a), vntext.Key(b)) })
	if !slices.Equal(got, want) {
		t.Errorf("sorted by Key: %q, want %q", got, want)
	}
	if vntext.Compare("An Giang", "an giang") != 0 {
		t.Error("case counts")
	}
}

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{{"ệ", 1}, {norm.NFD.String("ệ"), 1}, {"Đồng Tháp", 9}, {"", 0}, {"abc", 3}} {
		if got := vntext.Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func ExampleFold() {
	fmt.Println(vntext.Fold("Khánh Hòa") == vntext.Fold("KHANH  HOA"))
	fmt.Println(vntext.Fold("Thừa Thiên Huế"))
	// Output:
	// true
	// thua thien hue
}

func ExampleModernTones() {
	fmt.Println(vntext.ModernTones("Khánh Hòa") == vntext.ModernTones("Khánh Hoà"))
	// Output:
	// true
}

func ExampleCompare() {
	names := []string{"Đồng Tháp", "Điện Biên", "Cà Mau", "Bắc Ninh", "Bà Rịa"}
	slices.SortFunc(names, vntext.Compare)
	fmt.Println(names)
	// Output:
	// [Bà Rịa Bắc Ninh Cà Mau Điện Biên Đồng Tháp]
}

func ExampleWidth() {
	fmt.Println(vntext.Width("Đồng Tháp"), len("Đồng Tháp"))
	// Output:
	// 9 13
}
