package loaders

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ictplan/ictplan/numtext"
	"golang.org/x/text/unicode/norm"
)

// The fuzz targets are seeded from the embedded sources: the text of each
// appendix of the 2010 plan, and every number token (with its money unit,
// where one follows) of all five documents. Crashers found stay in
// testdata/fuzz/<target>/ and run with every go test.

var (
	numberTokenRe = regexp.MustCompile(`[-+]?[0-9][0-9.,]*%?`)
	amountTokenRe = regexp.MustCompile(`(?i)[0-9][0-9.,]*\s*(?:nghìn đồng|ngàn đồng|triệu đồng|tỷ đồng|tỉ đồng|đồng|triệu|tỷ|vnđ)`)
)

func fuzzSources(f *testing.F) map[string][]byte {
	f.Helper()
	files, err := filepath.Glob("../datasets/sources/*.txt")
	if err != nil || len(files) != 5 {
		f.Fatalf("sources: %v, %v (want 5 files)", files, err)
	}
	out := map[string][]byte{}
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out[filepath.Base(p)] = b
	}
	return out
}

// tokens returns the distinct matches of re in all sources, sorted.
func sourceTokens(f *testing.F, re *regexp.Regexp) []string {
	seen := map[string]bool{}
	for _, b := range fuzzSources(f) {
		for _, m := range re.FindAll(b, -1) {
			seen[string(m)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// appendixRegions returns the text of each appendix of the 2010 source,
// from its heading to the line before the next heading.
func appendixRegions(f *testing.F) [][]byte {
	src := fuzzSources(f)["soctrang-2010-kh21-ubnd-it-application-plan-2011-2015.txt"]
	lines := strings.Split(string(src), "\n")
	var out [][]byte
	for i, a := range appendices2010 {
		end := len(lines)
		if i+1 < len(appendices2010) {
			end = appendices2010[i+1].heading - 1
		}
		out = append(out, []byte(strings.Join(lines[a.heading-1:end], "\n")))
	}
	return out
}

var fuzzConventions = []Convention{Undecided, DotThousands, CommaThousands, Plain}

var fuzzUnits = []MoneyUnit{UnknownUnit, Dong, Thousand, Million, Billion}

// wrapsSentinel reports whether err wraps one of the number sentinels.
func wrapsNumberSentinel(err error) bool {
	return errors.Is(err, ErrNotNumber) || errors.Is(err, ErrAmbiguousNumber)
}

func FuzzParseNumber(f *testing.F) {
	for _, tok := range sourceTokens(f, numberTokenRe) {
		f.Add(tok, uint8(0))
	}
	for _, s := range []string{"1.774", "1,201", "58,68%", "0.89308", "-", "--5", "1,23,456", "1.2.3", " 6900 ", "99999999999999999999"} {
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, s string, c uint8) {
		conv := fuzzConventions[int(c)%len(fuzzConventions)]
		v, err := numtext.ParseNumber(s, conv)
		if err != nil {
			if !wrapsNumberSentinel(err) {
				t.Fatalf("numtext.ParseNumber(%q, %v): error %v wraps no sentinel", s, conv, err)
			}
		} else if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("numtext.ParseNumber(%q, %v) = %v", s, conv, v)
		}
		ev, amb := numtext.Evidence(s)
		if conv == Undecided && err == nil {
			if amb {
				t.Fatalf("numtext.ParseNumber(%q, undecided) = %v, but Evidence says ambiguous", s, v)
			}
			// A token that decides its own convention reads the same
			// under that convention (under both when it has no separator).
			for _, c2 := range []Convention{DotThousands, CommaThousands} {
				if ev != Undecided && c2 != ev {
					continue
				}
				if v2, err2 := numtext.ParseNumber(s, c2); err2 != nil || v2 != v {
					t.Fatalf("numtext.ParseNumber(%q): undecided %v, %v gives %v, %v", s, v, c2, v2, err2)
				}
			}
		}
		if errors.Is(err, ErrAmbiguousNumber) && (conv != Undecided || !amb) {
			t.Fatalf("numtext.ParseNumber(%q, %v): ambiguous error %v, Evidence ambiguous=%v", s, conv, err, amb)
		}
		n, cerr := numtext.ParseCount(s, conv)
		if cerr != nil {
			if !wrapsNumberSentinel(cerr) {
				t.Fatalf("numtext.ParseCount(%q, %v): error %v wraps no sentinel", s, conv, cerr)
			}
			return
		}
		if err == nil && !amb && math.Abs(v) < 1<<53 && float64(n) != v {
			t.Fatalf("numtext.ParseCount(%q, %v) = %d, ParseNumber = %v", s, conv, n, v)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, tok := range sourceTokens(f, amountTokenRe) {
		f.Add(tok, uint8(0), int8(-1), false)
	}
	for _, tok := range sourceTokens(f, numberTokenRe) {
		f.Add(tok, uint8(2), int8(0), true)
	}
	for _, s := range []string{"30.500.000.000 đồng", "990,277 triệu đồng", "22,955 tỷ đồng", "9,189,899,000", "-", "–", "4 tỷ 566 triệu đồng", "58,68%"} {
		f.Add(s, uint8(1), int8(0), true)
	}
	f.Fuzz(func(t *testing.T, s string, c uint8, u int8, dash bool) {
		conv := fuzzConventions[int(c)%len(fuzzConventions)]
		def := fuzzUnits[(int(u)%len(fuzzUnits)+len(fuzzUnits))%len(fuzzUnits)]
		a, err := ParseAmount(s, conv, def, dash)
		if err != nil {
			if !wrapsNumberSentinel(err) {
				t.Fatalf("ParseAmount(%q): error %v wraps no sentinel", s, err)
			}
			return
		}
		if a.Unit == UnknownUnit && !(dash && a.Million == 0) { // "-" is zero in any unit
			t.Fatalf("ParseAmount(%q) = %+v without a unit", s, a)
		}
		if math.IsNaN(a.Million) || math.IsInf(a.Million, 0) || math.IsNaN(a.Value) || math.IsInf(a.Value, 0) {
			t.Fatalf("ParseAmount(%q) = %+v", s, a)
		}
		if want := ToMillion(a.Value, a.Unit); math.Abs(a.Million-want) > 1e-12*math.Max(1, math.Abs(want)) {
			t.Fatalf("ParseAmount(%q) = %+v: Million should be %v", s, a, want)
		}
	})
}

func FuzzSplitCells(f *testing.F) {
	for _, r := range appendixRegions(f) {
		f.Add(r)
	}
	for _, b := range fuzzSources(f) {
		if len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte("\ufeffa\r\n\r\n\u00a0\r\nb"))
	f.Add([]byte("a\n\xff\n"))
	f.Fuzz(func(t *testing.T, text []byte) {
		nlines := bytes.Count(text, []byte("\n")) + 1
		cells, err := SplitCells("f", text)
		if err != nil {
			checkPositionedErrors(t, err, nlines)
			return
		}
		prev := 0
		for _, c := range cells {
			if c.Line <= prev || c.Line > nlines {
				t.Fatalf("cell %+v after line %d, input has %d lines", c, prev, nlines)
			}
			prev = c.Line
			if c.Text != strings.TrimSpace(c.Text) || strings.ContainsAny(c.Text, "\n\r\u00a0") {
				t.Fatalf("cell %+v not clean", c)
			}
			if !utf8.ValidString(c.Text) || !norm.NFC.IsNormalString(c.Text) {
				t.Fatalf("cell %+v not valid NFC", c)
			}
			if CleanText(c.Text) != c.Text {
				t.Fatalf("cell %+v: CleanText changes it to %q", c, CleanText(c.Text))
			}
		}
	})
}

// checkErrors: every positioned error has a line within the input and a
// sentinel.
func checkPositionedErrors(t *testing.T, err error, nlines int) {
	t.Helper()
	es := Errors(err)
	if len(es) == 0 {
		t.Fatalf("error without a position: %v", err)
	}
	for _, e := range es {
		if e.Line < 0 || e.Line > nlines || e.Err == nil {
			t.Fatalf("bad positioned error %#v (input has %d lines)", e, nlines)
		}
		if e.Error() == "" {
			t.Fatalf("empty message: %#v", e)
		}
	}
}

var fuzzLayouts = []Layout{ITStaff, Computers, Projects2009, ProjectsPlan}

func FuzzParseText(f *testing.F) {
	for _, r := range appendixRegions(f) {
		for k := range fuzzLayouts {
			f.Add(r, uint8(k))
			f.Add(r, uint8(k+len(fuzzLayouts)*2)) // comma thousands
		}
	}
	f.Add(cellText("1", "Tỉnh ủy", "159", "142", "16", "87", "0.89308", "0.61268", "0.11268", "TỔNG", "159"), uint8(1))
	f.Add(cellText("I. SỞ", "1", "Sở A", "", "1", "0", "0", "0", "1", "0", "1", "Cộng", "1"), uint8(0))
	f.Fuzz(func(t *testing.T, text []byte, which uint8) {
		l := fuzzLayouts[int(which)%len(fuzzLayouts)]
		conv := fuzzConventions[int(which)/len(fuzzLayouts)%len(fuzzConventions)]
		nlines := bytes.Count(text, []byte("\n")) + 1
		mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
		defer mem.AssertSize(t, 0)
		tb, err := ParseText(text, l, Options{File: "f", Convention: conv, Allocator: mem})
		if err != nil {
			checkPositionedErrors(t, err, nlines)
			return
		}
		defer tb.Release()
		lines := tb.Frame.Col("source_line").Int64s()
		if len(lines) == 0 {
			t.Fatal("success without rows")
		}
		prev := int64(0)
		for _, ln := range lines {
			if ln <= prev || ln < 1 || ln > int64(nlines) {
				t.Fatalf("source_line %d after %d, input has %d lines", ln, prev, nlines)
			}
			prev = ln
		}
		for _, tot := range tb.Totals {
			if tot.Line < 1 || tot.Line > nlines {
				t.Fatalf("total at line %d, input has %d lines", tot.Line, nlines)
			}
		}
		if got, want := strings.Join(tb.Frame.Names(), ","), strings.Join(l.ColumnNames(), ","); got != want {
			t.Fatalf("columns %s, want %s", got, want)
		}
	})
}
