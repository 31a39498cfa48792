package chart

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

const ellipsis = "…"

// cleanText returns s in NFC with spaces trimmed and every run of white
// space (line breaks and no-break spaces included) collapsed to one space.
// The Liberation fonts draw Vietnamese only from precomposed letters: a
// decomposed "ệ" (e + U+0323 + U+0302) would be drawn as a bare e followed
// by two missing-glyph boxes.
func cleanText(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// wrapText breaks s at spaces into the fewest lines no wider than maxW;
// with balance it then evens them out: it narrows the width while the
// number of lines stays the same, so that "Sở Nông nghiệp và Phát triển
// nông thôn" becomes two lines of similar width rather than a long line
// and a lone word (labels are balanced, titles and notes are not). Beyond
// maxLines the text is cut and the last line ends with "…"; so is a single
// word wider than maxW. Every returned line is at most maxW wide (unless
// maxW cannot hold even "…").
func wrapText(face font.Face, s string, maxW vg.Length, maxLines int, balance bool) []string {
	s = cleanText(s)
	if s == "" {
		return nil
	}
	if maxLines < 1 {
		maxLines = 1
	}
	if face.Width(s) <= maxW {
		return []string{s}
	}
	words := strings.Fields(s)
	lines := greedyLines(face, words, maxW)
	if len(lines) <= maxLines && balance {
		// Balance: the narrowest width giving the same number of lines.
		lo, hi := vg.Length(0), maxW
		for i := 0; i < 20; i++ {
			mid := (lo + hi) / 2
			if l := greedyLines(face, words, mid); len(l) == len(lines) && fits(face, l, mid) {
				hi = mid
			} else {
				lo = mid
			}
		}
		if l := greedyLines(face, words, hi); len(l) == len(lines) && fits(face, l, hi) {
			lines = l
		}
	} else if len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1:maxLines-1], abbreviate(face, rest, maxW, true))
	}
	for i, l := range lines {
		if face.Width(l) > maxW {
			lines[i] = abbreviate(face, l, maxW, false)
		}
	}
	return lines
}

// greedyLines fills each line with as many words as fit in maxW; a word
// wider than maxW gets a line of its own.
func greedyLines(face font.Face, words []string, maxW vg.Length) []string {
	var lines []string
	cur := ""
	for _, w := range words {
		if cur == "" {
			cur = w
			continue
		}
		if try := cur + " " + w; face.Width(try) <= maxW {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func fits(face font.Face, lines []string, maxW vg.Length) bool {
	for _, l := range lines {
		if face.Width(l) > maxW {
			return false
		}
	}
	return true
}

// abbreviate cuts s so that s + "…" is at most maxW wide, at a word
// boundary when one leaves at least half the line (atWord), else inside a
// word; a text that fits is returned with "…" appended only when cut.
func abbreviate(face font.Face, s string, maxW vg.Length, forceEllipsis bool) string {
	if !forceEllipsis && face.Width(s) <= maxW {
		return s
	}
	r := []rune(s)
	n := len(r)
	for n > 0 && face.Width(strings.TrimRight(string(r[:n]), " ,;:-–")+ellipsis) > maxW {
		n--
	}
	cut := string(r[:n])
	// Prefer the last word boundary if it keeps at least half of what fits.
	if i := strings.LastIndex(cut, " "); n < len(r) && r[n] != ' ' && i > 0 && face.Width(cut[:i]) >= maxW/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–") + ellipsis
}

// maxWidth returns the width of the widest line.
func maxWidth(face font.Face, lines ...string) vg.Length {
	var w vg.Length
	for _, l := range lines {
		w = max(w, face.Width(l))
	}
	return w
}
