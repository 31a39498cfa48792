package xlsxio

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSheetName is Excel's limit on the length of a sheet name, in UTF-16
// code units.
const maxSheetName = 31

// sheetNamer makes valid, unique sheet names. Excel compares sheet names
// without regard to case.
type sheetNamer struct {
	used map[string]bool
}

func newSheetNamer(reserved ...string) *sheetNamer {
	n := &sheetNamer{used: map[string]bool{}}
	for _, r := range reserved {
		n.used[strings.ToLower(r)] = true
	}
	return n
}

// name returns a sheet name close to want that Excel accepts and that was
// not given before: the characters []:*?/\ become '_', leading and
// trailing apostrophes and spaces go, the name is cut to 31 characters,
// and a clash gets a suffix " (2)", " (3)"... An empty name becomes
// fallback.
func (n *sheetNamer) name(want, fallback string) string {
	s := strings.Map(func(r rune) rune {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return '_'
		}
		if r < 0x20 {
			return ' '
		}
		return r
	}, norm.NFC.String(want))
	s = strings.Trim(s, "' ")
	if s == "" {
		s = fallback
	}
	base := cutWords(s, maxSheetName)
	s = base
	for i := 2; n.used[strings.ToLower(s)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		s = strings.TrimRight(cutUTF16(base, maxSheetName-len(suffix)), "' ") + suffix
	}
	n.used[strings.ToLower(s)] = true
	return s
}

// cutWords cuts s to at most max UTF-16 code units at the end of a word
// (before a '-', '_', '.' or space) when that keeps half of it:
// "soctrang-2010-computers-provincial" becomes "soctrang-2010-computers",
// not "soctrang-2010-computers-provinc".
func cutWords(s string, max int) string {
	cut := cutUTF16(s, max)
	if len(cut) == len(s) {
		return s
	}
	if i := strings.LastIndexAny(cut, "-_. "); i >= len(cut)/2 && (s[len(cut)] == '-' || s[len(cut)] == '_' || s[len(cut)] == '.' || s[len(cut)] == ' ') {
		return cut // the cut falls between two words
	} else if i >= len(cut)/2 {
		return strings.TrimRight(cut[:i], "-_. ")
	}
	return cut
}

// cutUTF16 returns the longest prefix of s that takes at most max UTF-16
// code units, the unit Excel counts in.
func cutUTF16(s string, max int) string {
	n := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if w < 0 {
			w = 1
		}
		if n+w > max {
			return s[:i]
		}
		n += w
	}
	return s
}

// lenUTF16 is the length of s in UTF-16 code units.
func lenUTF16(s string) int {
	n := 0
	for _, r := range s {
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// checkText reports why s cannot be a cell's text, or nil.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("text is not valid UTF-8")
	}
	if n := lenUTF16(escapeText(s)); n > maxCellChars {
		return fmt.Errorf("text of %d characters is longer than the %d an Excel cell holds", n, maxCellChars)
	}
	return nil
}

// escapeText writes s in the escaped form of OOXML strings (ECMA-376
// ST_Xstring): a character XML 1.0 cannot hold becomes _xHHHH_, and a
// literal _xHHHH_ gets its underscore escaped as _x005F_. excelize undoes
// this when it reads a cell, but v2.11.1 does not do it when it adds a
// shared string, so text with control characters or such sequences would
// not come back as written.
func escapeText(s string) string {
	if !strings.ContainsFunc(s, xmlForbidden) && !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case xmlForbidden(r):
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == '_' && isEscape(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// xmlForbidden reports whether XML 1.0 text cannot hold r.
func xmlForbidden(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}

// isEscape reports whether s starts with _xHHHH_.
func isEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
