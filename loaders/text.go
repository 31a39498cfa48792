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
	s = nfc(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff', '\v', '\f':
			return true
		}
		return false
	}), " ")
}
