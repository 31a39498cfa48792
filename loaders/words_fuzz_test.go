package loaders

import (
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
)

// inWordsRe finds the amounts in words of the sources: the text after
// "Bằng chữ" and a parenthesis that holds only words ending in đồng.
var inWordsRe = regexp.MustCompile(`(?i)bằng chữ:?\s*([^()0-9]*)|\(([^()0-9*]+đồng)\)`)

// wordSeeds returns the amounts in words of the sources and of the
// reviewed transcriptions, and the phrases a former reader got wrong.
func wordSeeds(f *testing.F) []string {
	var out []string
	for _, b := range fuzzSources(f) {
		for _, m := range inWordsRe.FindAllSubmatch(b, -1) {
			out = append(out, string(m[1])+string(m[2]))
		}
	}
	if b, err := os.ReadFile("../datasets/curated/investments.csv"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.Contains(l, "_in_words,") {
				if i := strings.IndexByte(l, '"'); i >= 0 {
					if j := strings.IndexByte(l[i+1:], '"'); j >= 0 {
						out = append(out, l[i+1:i+1+j])
					}
				}
			}
		}
	}
	return append(out, "một triệu hai", "một trăm hai", "hai triệu ba tỷ", "một nghìn một nghìn", "mười hai mươi", "linh",
		"một triệu hai trăm", "hai nghìn rưỡi", "hai nghìn ba trăm tỷ", "một triệu tỷ", "hai mươi năm qua",
		"Bằng chữ: một trăm linh chín tỷ đồng chẵn trên hồ sơ", "hai trăm năm mươi nghìn đồng theo dự toán")
}

// FuzzWordsRoundTrip checks the words writer against the reader: every
// number from 0 to 10¹⁵ that Words writes reads back to itself, every
// phrase that ParseWords accepts is at most MaxWords and reads the same
// once rewritten by Words, and ParseWordsPrefix returns a tail of its
// input. Errors wrap ErrNotNumber.
func FuzzWordsRoundTrip(f *testing.F) {
	seeds := wordSeeds(f)
	if len(seeds) < 20 {
		f.Fatalf("%d seeds, want the sources' amounts in words too", len(seeds))
	}
	for i, s := range seeds {
		f.Add(s, int64(i)*1_000_003_007)
	}
	f.Add("", int64(1_000_000_000_000_000))
	f.Add("không", int64(0))
	f.Fuzz(func(t *testing.T, s string, n int64) {
		if n < 0 {
			n = -(n + 1)
		}
		n %= 1_000_000_000_000_001
		w, err := Words(n)
		if err != nil {
			t.Fatalf("Words(%d): %v", n, err)
		}
		if v, err := ParseWords(w); err != nil || v != n {
			t.Fatalf("ParseWords(Words(%d) = %q) = %d, %v", n, w, v, err)
		}

		v, err := ParseWords(s)
		if err != nil {
			if !errors.Is(err, ErrNotNumber) {
				t.Fatalf("ParseWords(%q): error %v is not ErrNotNumber", s, err)
			}
		} else {
			if v < 0 || v > MaxWords {
				t.Fatalf("ParseWords(%q) = %d, out of 0..MaxWords", s, v)
			}
			w, err := Words(v)
			if err != nil {
				t.Fatalf("Words(%d) of ParseWords(%q): %v", v, s, err)
			}
			if v2, err := ParseWords(w); err != nil || v2 != v {
				t.Fatalf("ParseWords(%q) = %d, written %q, read back %d, %v", s, v, w, v2, err)
			}
		}

		pv, rest, err := ParseWordsPrefix(s)
		switch {
		case err != nil && !errors.Is(err, ErrNotNumber):
			t.Fatalf("ParseWordsPrefix(%q): error %v is not ErrNotNumber", s, err)
		case err != nil:
		case pv < 0 || pv > MaxWords:
			t.Fatalf("ParseWordsPrefix(%q) = %d, out of 0..MaxWords", s, pv)
		case !strings.HasSuffix(s, rest):
			t.Fatalf("ParseWordsPrefix(%q): rest %q is not a tail of the input", s, rest)
		}
	})
}
