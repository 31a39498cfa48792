package chart

import (
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		lang Lang
		want string
	}{
		{1234.5, 1, VI, "1.234,5"},
		{1234.5, 1, EN, "1,234.5"},
		{46261, 0, VI, "46.261"},
		{152703, 0, EN, "152,703"},
		{1234567.891, 2, VI, "1.234.567,89"},
		{0.89655, 3, VI, "0,897"},
		{-1200, 0, VI, "-1.200"},
		{-0.0004, 2, VI, "0,00"}, // no "-0,00"
		{999, 0, VI, "999"},
		{math.Inf(1), 0, VI, "∞"},
	}
	for _, tc := range tests {
		if got := formatNumber(tc.v, tc.dec, tc.lang); got != tc.want {
			t.Errorf("formatNumber(%v, %d, %v) = %q, want %q", tc.v, tc.dec, tc.lang, got, tc.want)
		}
	}
	nf := newNumberFormat(VI, Share, 0, []float64{0.8966, 0.25})
	if got := nf.text(0.8966); got != "89,7%" {
		t.Errorf("share = %q", got)
	}
	if got := newNumberFormat(EN, Percent, 0, []float64{58.68}).text(58.68); got != "58.7%" {
		t.Errorf("percent = %q", got)
	}
	if got := newNumberFormat(VI, Number, -1, []float64{0.5}).text(990.277); got != "990" {
		t.Errorf("no decimals = %q", got)
	}
	if got := nf.text(math.NaN()); got != "—" {
		t.Errorf("NaN = %q", got)
	}
}

func TestAutoDecimals(t *testing.T) {
	tests := []struct {
		f    Format
		vs   []float64
		want int
	}{
		{Number, []float64{805, 46261}, 0},
		{Number, []float64{0.89308, 1.22222}, 2},
		{Number, []float64{13.69}, 1},
		{Number, []float64{990.277, 21500}, 0},
		{Percent, []float64{58.68, 35.32}, 1},
		{Percent, []float64{89, 100}, 0},
		{Share, []float64{0.25, 0.5}, 0},
		{Share, []float64{0.8966}, 1},
		{Number, []float64{math.NaN()}, 0},
	}
	for _, tc := range tests {
		if got := autoDecimals(tc.f, tc.vs); got != tc.want {
			t.Errorf("autoDecimals(%v, %v) = %d, want %d", tc.f, tc.vs, got, tc.want)
		}
	}
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0, 1.3, 4, []float64{0, 0.5, 1}},
		{0, 100, 5, []float64{0, 20, 40, 60, 80, 100}},
		{0, 46261, 5, []float64{0, 10000, 20000, 30000, 40000}},
		{-3000, 50000, 8, []float64{0, 10000, 20000, 30000, 40000, 50000}},
	}
	for _, tc := range tests {
		got := niceTicks(tc.lo, tc.hi, tc.n)
		if tc.lo < 0 { // keep the non-negative ones, as the charts do
			got = slices.DeleteFunc(got, func(v float64) bool { return v < 0 })
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("niceTicks(%v, %v, %d) = %v, want %v", tc.lo, tc.hi, tc.n, got, tc.want)
		}
	}
}

func TestFitRange(t *testing.T) {
	// Data area 100 wide, value 10 of [0, 10] with a 20-wide text and pad
	// 0 on the right: x(10) + 20 <= 100 needs hi = 10/(1-0.2) = 12.5.
	lo, hi := fitRange(0, 10, 100, []float64{20}, []float64{10}, []int{1}, 0)
	if lo != 0 || math.Abs(hi-12.5) > 1e-9 {
		t.Errorf("right: [%v, %v], want [0, 12.5]", lo, hi)
	}
	// Value 0 with a 10-wide text on the left: lo = (0 - 0.1*10)/0.9.
	lo, hi = fitRange(0, 10, 100, []float64{10}, []float64{0}, []int{-1}, 0)
	if math.Abs(lo+10.0/9) > 1e-9 || hi != 10 {
		t.Errorf("left: [%v, %v], want [-1.111, 10]", lo, hi)
	}
}

func TestWrapText(t *testing.T) {
	th := DefaultTheme()
	face := th.face(th.FontSize, false, false)
	long := tthProjects[4]
	for _, maxW := range []vg.Length{40, 80, 120, 170, 400} {
		for _, maxLines := range []int{1, 2, 3} {
			lines := wrapText(face, long, maxW, maxLines, true)
			if len(lines) == 0 || len(lines) > maxLines {
				t.Fatalf("width %v: %d lines", maxW, len(lines))
			}
			for _, l := range lines {
				if face.Width(l) > maxW {
					t.Errorf("width %v: line %q is %v wide", maxW, l, face.Width(l))
				}
			}
			if !strings.HasSuffix(lines[len(lines)-1], "…") {
				t.Errorf("width %v, %d lines: the cut text does not end with …: %q", maxW, maxLines, lines)
			}
			if !strings.HasPrefix(strings.Join(lines, " "), "Dự án") {
				t.Errorf("lost the start: %q", lines)
			}
		}
	}
	// A label that fits stays whole; one that needs two lines is split
	// into two of similar width, keeping every word.
	if got := wrapText(face, "Sở Y tế", 170, 3, true); !slices.Equal(got, []string{"Sở Y tế"}) {
		t.Errorf("short label: %q", got)
	}
	name := "Sở Nông nghiệp và Phát triển nông thôn"
	w := face.Width(name)
	got := wrapText(face, name, w*0.7, 3, true)
	if len(got) != 2 || strings.Join(got, " ") != name {
		t.Fatalf("two lines: %q", got)
	}
	if a, b := face.Width(got[0]), face.Width(got[1]); math.Abs(float64(a-b)) > float64(w)*0.25 {
		t.Errorf("unbalanced: %q (%v, %v)", got, a, b)
	}
	// A single word wider than the column is cut inside the word.
	if got := wrapText(face, "e-Cabinet", 20, 2, true); len(got) != 1 || !strings.HasSuffix(got[0], "…") || face.Width(got[0]) > 20 {
		t.Errorf("long word: %q", got)
	}
}

func TestCleanText(t *testing.T) {
	if got := cleanText("  Sở\u00a0Tư\n pháp\t "); got != "Sở Tư pháp" {
		t.Errorf("cleanText = %q", got)
	}
}
