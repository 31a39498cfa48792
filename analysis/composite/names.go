package composite

import (
	"strings"

	"github.com/ictplan/ictplan/vntext"
	"golang.org/x/text/unicode/norm"
)

// Matching says how province names are compared across Frames (a
// researcher's CSV against a crosswalk, one dataset against another).
// MatchKey gives the key two names must share to match.
type Matching int

const (
	// MatchTones, the default, ignores case, the administrative prefix
	// ("Tỉnh", "Thành phố", "TP."), dashes and the spacing around them and
	// the placement of the tone mark in oa, oe, uy (old style Hòa, Thủy;
	// new style Hoà, Thuỷ), and knows the other names of vntext.PlaceKey
	// (Thừa Thiên Huế is Huế, TP.HCM is Hồ Chí Minh). Other diacritics
	// count: Hà Nam is not Hà Năm.
	MatchTones Matching = iota
	// MatchExact compares NFC-normalised, trimmed names with internal
	// whitespace collapsed, and nothing else.
	MatchExact
	// MatchFolded is MatchTones with every diacritic dropped and đ read
	// as d ("Khanh Hoa" matches "Khánh Hòa"). It is what a CSV typed
	// without Vietnamese input needs; two provinces never fold to the
	// same key (checked on the crosswalk by Reaggregate).
	MatchFolded
)

// String names the matching mode.
func (m Matching) String() string {
	switch m {
	case MatchTones:
		return "tones"
	case MatchExact:
		return "exact"
	case MatchFolded:
		return "folded"
	}
	return "unknown"
}

// Aliases are province names a program adds to those vntext.PlaceKey
// knows (vntext.PlaceAliases: TP.HCM, BR-VT, Hanoi, Thừa Thiên Huế as Huế
// …): the name, then the name it matches. Empty by default; a program may
// append its own pairs (a variant spelling of its own data) before
// matching; the slice is only read by the package.
var Aliases [][2]string

// MatchKey returns the key under which name is matched in mode m:
//
//   - MatchExact: NFC, trimmed, runs of whitespace as one space;
//   - MatchTones: vntext.PlaceKey(name, false) — lower case, dashes and
//     the spaces around them as one space, "tỉnh", "thành phố", "TP." and
//     "city" dropped, the modern placement of tone marks, the built-in
//     aliases;
//   - MatchFolded: vntext.PlaceKey(name, true), every diacritic dropped;
//
// then Aliases. So MatchKey("Tỉnh Khánh Hòa", MatchTones) ==
// MatchKey("Khánh Hoà", MatchTones) == "khánh hoà", and "Bà Rịa – Vũng
// Tàu", "Bà Rịa-Vũng Tàu" and "BR-VT" share "bà rịa vũng tàu".
func MatchKey(name string, m Matching) string {
	k := baseKey(name, m)
	if m == MatchExact {
		return k
	}
	for _, a := range Aliases {
		if k == baseKey(a[0], m) {
			return baseKey(a[1], m)
		}
	}
	return k
}

func baseKey(name string, m Matching) string {
	switch m {
	case MatchExact:
		return strings.Join(strings.Fields(norm.NFC.String(name)), " ")
	case MatchFolded:
		return vntext.PlaceKey(name, true)
	}
	return vntext.PlaceKey(name, false)
}
