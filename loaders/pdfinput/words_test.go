package pdfinput

import "testing"

// TestWordsNFC: a producer that draws a base letter and its combining
// marks as separate glyphs (decomposed, NFD) gives the same words as one
// that draws precomposed glyphs.
func TestWordsNFC(t *testing.T) {
	at := func(s string, x float64) glyph { return glyph{s: s, x: x, y: 100, w: 5, size: 10, hasWidth: true} }
	mark := func(s string, x float64) glyph { return glyph{s: s, x: x, y: 100, w: 0, size: 10, hasWidth: true} }
	cases := []struct {
		name string
		gs   []glyph
		want []string
	}{
		{"composed", []glyph{at("T", 0), at("ỉ", 5), at("n", 10), at("h", 15), at(" ", 20), at("ủ", 22.5), at("y", 27.5)}, []string{"Tỉnh", "ủy"}},
		{"decomposed", []glyph{at("T", 0), at("i", 5), mark("\u0309", 5), at("n", 10), at("h", 15), at(" ", 20), at("u", 22.5), mark("\u0309", 22.5), at("y", 27.5)}, []string{"Tỉnh", "ủy"}},
		{"marks as one glyph string", []glyph{at("Su\u031b\u0309", 0)}, []string{"Sử"}},
		{"gap without space", []glyph{at("1", 0), at("5", 5), at("9", 30), at("1", 35)}, []string{"15", "91"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ws := makeWords(tc.gs)
			var got []string
			for _, w := range ws {
				got = append(got, w.text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("words %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("word %d: %q (% x), want %q", i, got[i], got[i], tc.want[i])
				}
			}
		})
	}
}

func TestRunningLines(t *testing.T) {
	for s, want := range map[string]bool{"Trang 3": true, "3/5": true, "- 12 -": true, "Page 2 of 9": true, "12": true, "1.200": false, "Tỉnh ủy": false} {
		if got := pageNumberRe.MatchString(s); got != want {
			t.Errorf("page number %q: %v, want %v", s, got, want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{"Nghị quyết số 07-", "NQ/TU ngày"}, "Nghị quyết số 07-NQ/TU ngày"},
		{[]string{"Sở Lao động -", "Thương binh"}, "Sở Lao động - Thương binh"},
		{[]string{"Hội đồng", "Nhân dân"}, "Hội đồng Nhân dân"},
	} {
		if got := joinLines(tc.parts); got != tc.want {
			t.Errorf("joinLines(%q) = %q, want %q", tc.parts, got, tc.want)
		}
	}
}

func TestSameNumber(t *testing.T) {
	for _, tc := range [][2]string{{"01", "1"}, {"IV", "iv"}, {"5", "5"}} {
		if !sameNumber(tc[0], tc[1]) {
			t.Errorf("sameNumber(%q, %q) is false", tc[0], tc[1])
		}
	}
	if sameNumber("2", "12") {
		t.Error("sameNumber(2, 12)")
	}
}
