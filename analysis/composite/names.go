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
	// ("Tỉnh", "Thành phố", "TP."), spacing around hyphens and the
	// placement of the tone mark in oa, oe, uy (old style Hòa, Thủy; new
	// style Hoà, Thuỷ), and knows the renames listed in Aliases (Thừa Thiên
	// Huế is Huế). Other diacritics count: Hà Nam is not Hà Năm.
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

// Aliases are the province renames MatchTones and MatchFolded know: the
// former name, then the name it matches. Thừa Thiên Huế became the
// centrally-run city of Huế on 1 January 2025 (Resolution 175/2024/QH15),
// before the 2025 merger of provinces. A program may append its own pairs
// (variant spellings such as Đắc Lắc) before matching; the slice is only
// read by the package.
var Aliases = [][2]string{
	{"Thừa Thiên Huế", "Huế"},
}

// namePrefixes are the administrative words dropped at the start of a name
// (after lower-casing, NFC), longest first.
var namePrefixes = []string{"thành phố ", "tp. ", "tp.", "tp ", "tỉnh "}

// MatchKey returns the key under which name is matched in mode m:
//
//   - every mode: NFC, trimmed, runs of whitespace as one space;
//   - MatchTones: lower case; en and em dashes as "-" with no space around
//     hyphens; a leading "tỉnh", "thành phố", "tp." dropped; a tone mark
//     written on the o of oa/oe or the u of uy moved to the second vowel
//     (hòa -> hoà, thủy -> thuỷ, the placement of the 2018 orthography);
//     then Aliases;
//   - MatchFolded: as MatchTones, then all combining marks dropped and
//     đ -> d.
//
// So MatchKey("Tỉnh Khánh Hòa", MatchTones) == MatchKey("Khánh Hoà",
// MatchTones) == "khánh hoà".
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
	s := strings.Join(strings.Fields(norm.NFC.String(name)), " ")
	if m == MatchExact {
		return s
	}
	s = strings.ToLower(s)
	s = strings.NewReplacer("–", "-", "—", "-", " - ", "-", " -", "-", "- ", "-").Replace(s)
	for _, p := range namePrefixes {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	s = vntext.ModernTones(s)
	if m == MatchFolded {
		s = vntext.Fold(s)
	}
	return s
}
