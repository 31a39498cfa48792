package dxtext

import (
	"fmt"
	"sort"

	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
)

// numberConvention decides the number convention of a table from its
// figures toks (in any order): the caller's (given, Options.Convention),
// else the layout's (Layout.Numbers), else the one its figures show — a
// decimal part (58,68) or several groups (1.401.524). Figures of both
// conventions are an ErrMixedConvention at the later one. When no figure
// decides, the dot-thousands convention of Vietnamese budget tables.
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
	for i := range sorted {
		if ev, _ := numtext.Evidence(sorted[i].text); (ev == loaders.DotThousands || ev == loaders.CommaThousands) && first[ev] == nil {
			first[ev] = &sorted[i]
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
	return loaders.DotThousands, fmt.Sprintf("no figure decides; layout %s is a Vietnamese budget table in whole million đồng, written with dot thousands (1.200 is 1200)", layoutName), nil
}
