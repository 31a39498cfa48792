package vntext_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ictplan/ictplan/vntext"
)

// provinces63 are the provincial-level units before 2025 as the project's
// vn-provinces writes them; units2025 the 34 of Resolution 202/2025/QH15.
var (
	provinces63 = strings.Split("Hà Nội|Hà Giang|Cao Bằng|Bắc Kạn|Tuyên Quang|Lào Cai|Điện Biên|Lai Châu|Sơn La|Yên Bái|Hòa Bình|Thái Nguyên|Lạng Sơn|Quảng Ninh|Bắc Giang|Phú Thọ|Vĩnh Phúc|Bắc Ninh|Hải Dương|Hải Phòng|Hưng Yên|Thái Bình|Hà Nam|Nam Định|Ninh Bình|Thanh Hóa|Nghệ An|Hà Tĩnh|Quảng Bình|Quảng Trị|Thừa Thiên Huế|Đà Nẵng|Quảng Nam|Quảng Ngãi|Bình Định|Phú Yên|Khánh Hòa|Ninh Thuận|Bình Thuận|Kon Tum|Gia Lai|Đắk Lắk|Đắk Nông|Lâm Đồng|Bình Phước|Tây Ninh|Bình Dương|Đồng Nai|Bà Rịa - Vũng Tàu|TP. Hồ Chí Minh|Long An|Tiền Giang|Bến Tre|Trà Vinh|Vĩnh Long|Đồng Tháp|An Giang|Kiên Giang|Cần Thơ|Hậu Giang|Sóc Trăng|Bạc Liêu|Cà Mau", "|")
	units2025   = strings.Split("An Giang|Bắc Ninh|Cao Bằng|Cà Mau|Cần Thơ|Gia Lai|Huế|Hà Nội|Hà Tĩnh|Hưng Yên|Hải Phòng|Khánh Hòa|Lai Châu|Lào Cai|Lâm Đồng|Lạng Sơn|Nghệ An|Ninh Bình|Phú Thọ|Quảng Ngãi|Quảng Ninh|Quảng Trị|Sơn La|TP. Hồ Chí Minh|Thanh Hóa|Thái Nguyên|Tuyên Quang|Tây Ninh|Vĩnh Long|Điện Biên|Đà Nẵng|Đắk Lắk|Đồng Nai|Đồng Tháp", "|")
)

// TestPlaceKeyUnique: no two provinces of 2024, and no two units of 2025,
// share a key, folded or not.
func TestPlaceKeyUnique(t *testing.T) {
	if len(provinces63) != 63 || len(units2025) != 34 {
		t.Fatalf("%d provinces, %d units", len(provinces63), len(units2025))
	}
	for _, list := range [][]string{provinces63, units2025} {
		for _, folded := range []bool{false, true} {
			seen := map[string]string{}
			for _, p := range list {
				k := vntext.PlaceKey(p, folded)
				if q, ok := seen[k]; ok {
					t.Errorf("%s and %s share the key %q (folded %v)", p, q, k, folded)
				}
				seen[k] = p
			}
		}
	}
}

// TestPlaceKeyVariants: every province written with its administrative
// word, in capitals, with another dash or none, and (folded) without its
// marks has its own key.
func TestPlaceKeyVariants(t *testing.T) {
	for _, p := range append(append([]string{}, provinces63...), units2025...) {
		bare := strings.TrimPrefix(p, "TP. ")
		variants := []string{p, bare, "Tỉnh " + bare, "Thành phố " + bare, "TP. " + bare, "TP." + bare, "TP " + bare, strings.ToUpper(p),
			strings.ReplaceAll(bare, " - ", "–"), strings.ReplaceAll(bare, " - ", " — "), strings.ReplaceAll(bare, " - ", "\u2011"), strings.ReplaceAll(bare, " - ", " ")}
		want := vntext.PlaceKey(p, false)
		for _, v := range variants {
			if got := vntext.PlaceKey(v, false); got != want {
				t.Errorf("PlaceKey(%q) = %q, want %q as for %q", v, got, want, p)
			}
		}
		if got, want := vntext.PlaceKey(vntext.Fold(bare)+" province", true), vntext.PlaceKey(p, true); got != want {
			t.Errorf("folded %q: %q, want %q", bare, got, want)
		}
	}
}

// TestPlaceKeyAsWritten: spellings as pages write them match the names of
// vn-provinces. From dti.gov.vn/xep-hang-2022 ("TP. Đà Nẵng", "Thừa Thiên
// - Huế", "TP. Cần Thơ", "TP. Hà Nội", "Bà Rịa - Vũng Tàu"); from
// kinhdoanhvatiepthi.vn on DTI 2022 ("TP Hồ Chí Minh", "TPHCM", "Thừa
// Thiên Huế"); travinh.gov.vn ("TP.HCM"); baomoi.net.vn on DTI 2023
// ("TP.Đà Nẵng", "TP.Hồ Chí Minh", "TP.Huế"); news.laodong.vn in English
// ("Ho Chi Minh City", "Hanoi", "Thua Thien Hue", "Ba Ria – Vung Tau",
// "Can Tho", "Hai Phong"); vtcnews.vn on DTI 2024 ("TP Huế", "TP.HCM").
func TestPlaceKeyAsWritten(t *testing.T) {
	for _, c := range []struct {
		written, name string
		folded        bool
	}{
		{"TP. Đà Nẵng", "Đà Nẵng", false},
		{"Thừa Thiên - Huế", "Thừa Thiên Huế", false},
		{"Thừa Thiên - Huế", "Huế", false},
		{"TP. Cần Thơ", "Cần Thơ", false},
		{"TP. Hà Nội", "Hà Nội", false},
		{"Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", false},
		{"TP Hồ Chí Minh", "TP. Hồ Chí Minh", false},
		{"TPHCM", "TP. Hồ Chí Minh", false},
		{"TP.HCM", "TP. Hồ Chí Minh", false},
		{"TP.Đà Nẵng", "Đà Nẵng", false},
		{"TP.Huế", "Huế", false},
		{"TP Huế", "Thừa Thiên Huế", false},
		{"Ho Chi Minh City", "TP. Hồ Chí Minh", true},
		{"Hanoi", "Hà Nội", true},
		{"Thua Thien Hue", "Thừa Thiên Huế", true},
		{"Hue", "Thừa Thiên Huế", true},
		{"Ba Ria – Vung Tau", "Bà Rịa - Vũng Tàu", true},
		{"BR-VT", "Bà Rịa - Vũng Tàu", false},
		{"Can Tho", "Cần Thơ", true},
		{"Hai Phong", "Hải Phòng", true},
		{"Thanh Hoá", "Thanh Hóa", false},
		{"Đắc Lắc", "Đắk Lắk", false},
	} {
		if got, want := vntext.PlaceKey(c.written, c.folded), vntext.PlaceKey(c.name, c.folded); got != want {
			t.Errorf("PlaceKey(%q, %v) = %q, want %q as for %q", c.written, c.folded, got, want, c.name)
		}
	}
	// Diacritics count unless folded: Hà Nam is not Hà Năm.
	if vntext.PlaceKey("Hà Nam", false) == vntext.PlaceKey("Hà Năm", false) {
		t.Error("Hà Nam matches Hà Năm")
	}
}

func ExamplePlaceKey() {
	for _, n := range []string{"Thừa Thiên - Huế", "TP.HCM", "Bà Rịa–Vũng Tàu", "Tỉnh Khánh Hòa", "Ho Chi Minh City"} {
		fmt.Println(n, "→", vntext.PlaceKey(n, false), "|", vntext.PlaceKey(n, true))
	}
	// Output:
	// Thừa Thiên - Huế → huế | hue
	// TP.HCM → hồ chí minh | ho chi minh
	// Bà Rịa–Vũng Tàu → bà rịa vũng tàu | ba ria vung tau
	// Tỉnh Khánh Hòa → khánh hoà | khanh hoa
	// Ho Chi Minh City → ho chi minh | ho chi minh
}
