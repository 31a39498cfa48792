package loaders

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// nfc normalises to NFC (composed diacritics).
func nfc(s string) string { return norm.NFC.String(s) }

// CleanText NFC-normalises s, turns no-break and other spaces into plain
// spaces, collapses runs of blanks, trims, and drops the invisible controls
// of text direction (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069),
// which can make a cell display other than it reads ("đồng" shown
// reversed): the form unit names and other text cells are kept in.
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = nfc(s)
	if strings.IndexFunc(s, isBidiControl) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isBidiControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.Join(strings.FieldsFunc(s, IsBlank), " ")
}

// isBidiControl reports the invisible controls of text direction.
func isBidiControl(r rune) bool {
	switch {
	case r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// IsBlank reports the runes CleanText turns into a plain space: every
// Unicode space (no-break, em, thin, ideographic ... spaces, line and
// paragraph separators), the zero-width space and the BOM.
func IsBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// isClean reports whether CleanText would return s unchanged: ASCII-only
// spacing, no leading, trailing or double blanks, and NFC.
func isClean(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c < 0x20 || c == 0x7f:
			return false
		case c >= 0x80:
			// leave non-ASCII to the NFC and space checks below
			prevSpace = false
			continue
		default:
			prevSpace = false
		}
	}
	if prevSpace && len(s) > 0 {
		return false
	}
	if strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 && (IsBlank(r) || isBidiControl(r)) }) >= 0 {
		return false
	}
	return norm.NFC.IsNormalString(s)
}
