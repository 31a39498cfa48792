package dxtext

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
)

// numberConvention decides the number convention of a table from its
// figures toks (in any order): the caller's (given, Options.Convention),
// else the layout's (Layout.Numbers), else the one its figures show — a
// decimal part (58,68) or several groups (1.401.524). Figures of both
// conventions are an ErrMixedConvention at the later one. When no figure
// decides, a figure that reads two ways (18.970: 18970 or 18,97) is an
// ErrAmbiguousNumber at the first of them, with both readings and the way
// to give the convention: a guess would be wrong in one table out of two.
// When none decides and none reads two ways, the convention stays
// Undecided: every figure reads the same either way.
func numberConvention(toks []rawTok, given, layout loaders.Convention, layoutName string) (loaders.Convention, string, *loaders.Error) {
	if given != loaders.Undecided {
		return given, "given by the caller", nil
	}
	if layout != loaders.Undecided {
		return layout, "given by layout " + layoutName, nil
	}
	sorted := append([]rawTok(nil), toks...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].line < sorted[j].line })
	var first [3]*rawTok
	var ambiguous []rawTok
	for i := range sorted {
		ev, amb := numtext.Evidence(sorted[i].text)
		switch {
		case amb:
			ambiguous = append(ambiguous, sorted[i])
		case ev == loaders.DotThousands || ev == loaders.CommaThousands:
			if first[ev] == nil {
				first[ev] = &sorted[i]
			}
		}
	}
	d, c := first[loaders.DotThousands], first[loaders.CommaThousands]
	switch {
	case d != nil && c != nil:
		a, b := d, c
		if b.line < a.line {
			a, b = b, a
		}
		return loaders.DotThousands, "mixed", &loaders.Error{Line: b.line, Text: b.text, Err: loaders.ErrMixedConvention,
			Expected: fmt.Sprintf("numbers in one convention: %q at line %d is written the other way", a.text, a.line)}
	case d != nil:
		return loaders.DotThousands, fmt.Sprintf("detected from %q at line %d", d.text, d.line), nil
	case c != nil:
		return loaders.CommaThousands, fmt.Sprintf("detected from %q at line %d", c.text, c.line), nil
	}
	if len(ambiguous) == 0 {
		return loaders.Undecided, "no figure decides, and none reads two ways", nil
	}
	a := ambiguous[0]
	others := ""
	if n := len(ambiguous) - 1; n > 0 {
		others = fmt.Sprintf(", as do %d other figures,", n)
	}
	return loaders.Undecided, fmt.Sprintf("no figure decides, and %q at line %d reads two ways", a.text, a.line), &loaders.Error{
		Line: a.line, Text: a.text, Err: loaders.ErrAmbiguousNumber,
		Expected: fmt.Sprintf("a number convention: %q reads as %s (dot-thousands) or as the decimal %s (comma-thousands)%s and no figure of the table decides; give it with --numbers dot-thousands or comma-thousands (Options.Convention)",
			a.text, reading(a.text, loaders.DotThousands), reading(a.text, loaders.CommaThousands), others)}
}

// reading is a figure read in convention c, written plainly ("18970",
// "18.97"), or "?" when it does not read in c.
func reading(s string, c loaders.Convention) string {
	v, err := numtext.ParseNumber(s, c)
	if err != nil {
		return "?"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
