package bench

import (
	"strings"
	"unicode"

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
	rs := []rune(norm.NFD.String(s))
	rs = moveTones(rs)
	if m == MatchFolded {
		out := rs[:0]
		for _, r := range rs {
			switch {
			case unicode.Is(unicode.Mn, r):
				continue
			case r == 'đ':
				r = 'd'
			}
			out = append(out, r)
		}
		rs = out
	}
	return norm.NFC.String(string(rs))
}

// isTone reports whether r is one of the five Vietnamese tone marks
// (decomposed): huyền, sắc, ngã, hỏi, nặng.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// moveTones rewrites, in decomposed lower-case text, a tone mark written
// right after the o of oa/oe or the u of uy to after the second vowel (and
// its own marks).
func moveTones(rs []rune) []rune {
	for i := 0; i+2 < len(rs); i++ {
		v1, t, v2 := rs[i], rs[i+1], rs[i+2]
		if !isTone(t) {
			continue
		}
		if !(v1 == 'o' && (v2 == 'a' || v2 == 'e') || v1 == 'u' && v2 == 'y') {
			continue
		}
		j := i + 3
		for j < len(rs) && unicode.Is(unicode.Mn, rs[j]) {
			j++
		}
		// rs[i+1:j] is tone, v2, v2's marks: rotate the tone to the end.
		copy(rs[i+1:j-1], rs[i+2:j])
		rs[j-1] = t
	}
	return rs
}
