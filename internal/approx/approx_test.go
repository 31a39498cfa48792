package approx

import (
	"math"
	"testing"
)

func TestEqual(t *testing.T) {
	for _, tc := range []struct {
		a, b, tol float64
		want      bool
	}{
		{0.5, 0.49, 0.01, true}, // 0.010000000000000009 > 0.01, within the slack
		{0.5, 0.48, 0.01, false},
		{1e12, 1e12 + 100, 0, true}, // 100 ≤ 1e-9 × 1e12 = 1000
		{1e12, 1e12 + 2000, 0, false},
		{0.1 + 0.2, 0.3, 0, true},
		{2346, 2346.5, HalfUnit(0), true},
		{2346, 2346.6, HalfUnit(0), false},
		{math.NaN(), math.NaN(), 1, false},
		{1, math.NaN(), 1, false},
	} {
		if got := Equal(tc.a, tc.b, tc.tol); got != tc.want {
			t.Errorf("Equal(%v, %v, %v) = %v, want %v", tc.a, tc.b, tc.tol, got, tc.want)
		}
	}
}

func TestDecimals(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want int
	}{{0.89308, 5}, {1201, 0}, {58.68, 2}, {math.NaN(), 0}, {math.Inf(1), 0}, {-0.5, 1}} {
		if got := Decimals(tc.v); got != tc.want {
			t.Errorf("Decimals(%v) = %d, want %d", tc.v, got, tc.want)
		}
	}
	if got := MaxDecimals([]float64{0.5, math.NaN(), 0.75248, 1}); got != 5 {
		t.Errorf("MaxDecimals = %d, want 5", got)
	}
	if got := HalfUnit(2); got != 0.005 {
		t.Errorf("HalfUnit(2) = %v", got)
	}
}
