package vntext

import (
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

// PlaceKey returns the key under which a province's name is matched, so
// that the spellings officials, the press and researchers use for one
// province share it:
//
//   - NFC, lower case, runs of white space as one space;
//   - every dash (hyphen, non-breaking hyphen, en and em dash, minus) and
//     the spaces around it as one space: "Bà Rịa - Vũng Tàu", "Bà
//     Rịa–Vũng Tàu" and "Bà Rịa Vũng Tàu" match;
//   - a leading "tỉnh", "thành phố", "tp.", "tp" or "city of" and a
//     trailing "city" or "province" dropped ("TP. Cần Thơ", "Can Tho
//     City");
//   - a tone mark on the o of oa/oe or the u of uy moved to the second
//     vowel (ModernTones: Hòa and Hoà match);
//   - with folded, every diacritic dropped and đ read as d (Fold: "Khanh
//     Hoa" matches "Khánh Hòa");
//   - then PlaceAliases: "TP.HCM", "TPHCM" and "Ho Chi Minh City" are Hồ
//     Chí Minh, "BR-VT" Bà Rịa - Vũng Tàu, "Hanoi" Hà Nội, "Thừa Thiên -
//     Huế" and "TT-Huế" Huế (the city it became in 2025).
//
// Two of the 63 provinces of 2024 or of the 34 units of 2025 never share a
// key, folded or not.
func PlaceKey(name string, folded bool) string {
	k := placeBase(name, folded)
	if a, ok := aliasKeys(folded)[k]; ok {
		return a
	}
	return k
}

// PlaceAliases are the other names of provinces PlaceKey knows: a name,
// then the name it is. The list holds short forms (TP.HCM, BR-VT), English
// forms that are not the Vietnamese name without its marks (Hanoi), old
// spellings (Đắc Lắc, Bắc Cạn) and renames (Thừa Thiên Huế, which became
// the city of Huế on 1 January 2025, Resolution 175/2024/QH15).
var PlaceAliases = [][2]string{
	{"Thừa Thiên Huế", "Huế"},
	{"TT Huế", "Huế"},
	{"Hồ Chí Minh City", "Hồ Chí Minh"},
	{"HCM", "Hồ Chí Minh"},
	{"TPHCM", "Hồ Chí Minh"},
	{"HCMC", "Hồ Chí Minh"},
	{"Sài Gòn", "Hồ Chí Minh"},
	{"BR VT", "Bà Rịa - Vũng Tàu"},
	{"BRVT", "Bà Rịa - Vũng Tàu"},
	{"Hanoi", "Hà Nội"},
	{"Danang", "Đà Nẵng"},
	{"Đắc Lắc", "Đắk Lắk"},
	{"Đăk Lăk", "Đắk Lắk"},
	{"Daklak", "Đắk Lắk"},
	{"Đăk Nông", "Đắk Nông"},
	{"Đắc Nông", "Đắk Nông"},
	{"Bắc Cạn", "Bắc Kạn"},
	{"Kontum", "Kon Tum"},
}

var (
	aliasOnce sync.Once
	aliases   [2]map[string]string // by folded
)

func aliasKeys(folded bool) map[string]string {
	aliasOnce.Do(func() {
		for i, f := range []bool{false, true} {
			aliases[i] = map[string]string{}
			for _, a := range PlaceAliases {
				aliases[i][placeBase(a[0], f)] = placeBase(a[1], f)
			}
		}
	})
	if folded {
		return aliases[1]
	}
	return aliases[0]
}

// dashes are the characters written between the two parts of a name.
var dashes = strings.NewReplacer("-", " ", "\u2010", " ", "\u2011", " ", "\u2012", " ", "\u2013", " ", "\u2014", " ", "\u2212", " ", "\ufe58", " ", "\ufe63", " ", "\uff0d", " ")

// placePrefixes and placeSuffixes are the administrative words around a
// name (after lower-casing and the dashes).
var (
	placePrefixes = []string{"thành phố ", "thanh pho ", "tp. ", "tp.", "tp ", "tỉnh ", "tinh ", "city of "}
	placeSuffixes = []string{" city", " province"}
)

func placeBase(name string, folded bool) string {
	s := strings.ToLower(norm.NFC.String(name))
	s = strings.Join(strings.Fields(dashes.Replace(s)), " ")
	for _, p := range placePrefixes {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	for _, p := range placeSuffixes {
		if strings.HasSuffix(s, p) && len(s) > len(p) {
			s = strings.TrimSpace(s[:len(s)-len(p)])
			break
		}
	}
	s = ModernTones(s)
	if folded {
		s = Fold(s)
	}
	return s
}
