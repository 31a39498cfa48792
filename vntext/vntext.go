// Package vntext holds what the library knows of Vietnamese text, written
// once: folding for matching (Fold), the dictionary order (Compare), the
// placement of tone marks (ModernTones) and the width a reader sees
// (Width).
//
// It is a leaf package (the standard library and golang.org/x/text only),
// so that every package of the library, frame included, may use it. It is
// not a general Unicode library: it does what Vietnamese names, headers and
// labels in official tables need.
package vntext

import (
	"bytes"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s for matching regardless of case, diacritics and spacing:
// lower case, every combining mark dropped (tones and vowel marks: ă, â, ê,
// ô, ơ, ư become a, a, e, o, o, u), đ read as d, runs of white space as one
// space, no space at either end. Composed and decomposed input fold alike.
//
//	Fold("  Thừa Thiên\u00a0Huế ") == "thua thien hue"
//	Fold("Khánh Hoà") == Fold("KHANH HOA") == "khanh hoa"
//
// Folding loses information (Hà Nam and Hà Năm fold alike): use it to
// compare names typed without Vietnamese input, not to store them.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var collators = sync.Pool{New: func() any {
	return collate.New(language.Vietnamese, collate.IgnoreCase)
}}

// Compare compares a and b in Vietnamese dictionary order (a < ă < â < b …
// d < đ …, a letter's tones after it, case ignored) and returns -1, 0 or +1.
// It is safe for concurrent use.
func Compare(a, b string) int {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	return c.CompareString(a, b)
}

// Key returns the sort key of s in the order of Compare: keys compare
// with bytes.Compare as their strings with Compare, so that a sort of many
// strings computes each key once. The key is the caller's.
func Key(s string) []byte {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	return bytes.Clone(c.KeyFromString(&buf, s))
}

// Width is the number of characters of s a reader sees: its runes, not
// counting combining marks (so "ệ" written decomposed is one character, as
// composed). Every Vietnamese letter is one character wide.
func Width(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n
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

// ModernTones returns s with the tone mark of oa, oe and uy on the second
// vowel — hoà, khoẻ, thuỷ — as the 2018 orthography places it, where the
// older style writes hòa, khỏe, thủy. Nothing else changes; the result is
// composed (NFC). Two spellings of one name then compare equal:
//
//	ModernTones("Khánh Hòa") == ModernTones("Khánh Hoà") == "Khánh Hoà"
func ModernTones(s string) string {
	rs := []rune(norm.NFD.String(s))
	for i := 0; i+2 < len(rs); i++ {
		v1, t, v2 := rs[i], rs[i+1], rs[i+2]
		if !isTone(t) {
			continue
		}
		l1, l2 := unicode.ToLower(v1), unicode.ToLower(v2)
		if !(l1 == 'o' && (l2 == 'a' || l2 == 'e') || l1 == 'u' && l2 == 'y') {
			continue
		}
		// the tone goes after the second vowel and its own marks
		j := i + 3
		for j < len(rs) && unicode.Is(unicode.Mn, rs[j]) {
			j++
		}
		copy(rs[i+1:j-1], rs[i+2:j])
		rs[j-1] = t
	}
	return norm.NFC.String(string(rs))
}
