package loaders

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// nfc normalises to NFC (composed diacritics).
func nfc(s string) string { return norm.NFC.String(s) }

// CleanText NFC-normalises s, turns no-break and other spaces into plain
// spaces, collapses runs of blanks and trims: the form unit names and other
// text cells are kept in.
func CleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = nfc(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff', '\v', '\f':
			return true
		}
		return false
	}), " ")
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
	if strings.ContainsAny(s, "\u00a0\u2007\u202f\u200b\ufeff") {
		return false
	}
	return norm.NFC.IsNormalString(s)
}
