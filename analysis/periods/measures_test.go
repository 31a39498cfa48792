package periods

import (
	"math"
	"testing"
)

func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

var nan = math.NaN()

func TestDifferenceAndGap(t *testing.T) {
	for _, tc := range []struct {
		name      string
		from, to  float64
		want, rel float64
	}{
		{"growth", 90, 100, 10, 10.0 / 90},     // agencies with a LAN, 2010 → 2023
		{"fall", 80, 60, -20, -0.25},           // −20/80
		{"zero baseline", 0, 5, 5, nan},        // change defined, relative change not
		{"negative baseline", -10, -5, 5, 0.5}, // 5/|−10|
		{"missing baseline", nan, 5, nan, nan},
		{"missing figure", 5, nan, nan, nan},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Difference(tc.from, tc.to); !near(got, tc.want) {
				t.Errorf("Difference(%v, %v) = %v, want %v", tc.from, tc.to, got, tc.want)
			}
			if got := Gap(tc.to, tc.from); !near(got, tc.want) {
				t.Errorf("Gap(%v, %v) = %v, want %v", tc.to, tc.from, got, tc.want)
			}
			if got := RelativeDifference(tc.from, tc.to); !near(got, tc.rel) {
				t.Errorf("RelativeDifference(%v, %v) = %v, want %v", tc.from, tc.to, got, tc.rel)
			}
		})
	}
	if got := RelativeDifference(math.Inf(1), 5); !math.IsNaN(got) {
		t.Errorf("RelativeDifference(+Inf, 5) = %v, want NaN", got)
	}
}

func TestCAGR(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    float64
		yb   int
		a    float64
		ya   int
		want float64
	}{
		// (100/90)^(1/13) − 1: ln(1.11111) = 0.1053605, /13 = 0.0081047, e^… − 1 = 0.0081376
		{"agencies with LAN 2010→2023", 90, 2010, 100, 2023, 0.00813758667370923},
		// (90/69)^(1/5) − 1: ln(1.304348) = 0.2657032, /5 = 0.0531406, e^… − 1 = 0.0545779
		{"computers per civil servant 2010→2015 target", 69, 2010, 90, 2015, 0.05457794330579446},
		{"doubling in one year", 50, 2022, 100, 2023, 1},
		{"halving over two years", 100, 2010, 25, 2012, -0.5}, // √0.25 − 1
		{"to zero", 40, 2010, 0, 2015, -1},
		{"equal years", 90, 2023, 100, 2023, nan},
		{"figure before baseline", 90, 2023, 100, 2015, nan},
		{"zero baseline", 0, 2010, 100, 2023, nan},
		{"negative baseline", -5, 2010, 100, 2023, nan},
		{"negative figure", 5, 2010, -1, 2023, nan},
		{"missing baseline", nan, 2010, 100, 2023, nan},
		{"missing figure", 90, 2010, nan, 2023, nan},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CAGR(tc.b, tc.yb, tc.a, tc.ya); !near(got, tc.want) {
				t.Errorf("CAGR(%v, %d, %v, %d) = %v, want %v", tc.b, tc.yb, tc.a, tc.ya, got, tc.want)
			}
		})
	}
}

func TestMet(t *testing.T) {
	const unknown = -1
	no, yes := 0, 1
	for _, tc := range []struct {
		name           string
		actual, target Figure
		want           int
	}{
		// the ten 2023 pairs of vn-dx-indicators
		{"58,68% against = 70%", Figure{Value: 58.68}, Figure{Value: 70, Comparator: "="}, no},
		{"35,32% against >= 50%", Figure{Value: 35.32}, Figure{Value: 50, Comparator: ">="}, no},
		{"92,27% against >= 90%", Figure{Value: 92.27}, Figure{Value: 90, Comparator: ">="}, yes},
		{"60% against > 90%", Figure{Value: 60}, Figure{Value: 90, Comparator: ">"}, no},
		{"88,11% against = 30% (reach at least)", Figure{Value: 88.11}, Figure{Value: 30}, yes},
		{"83% against = 70%", Figure{Value: 83, Comparator: "="}, Figure{Value: 70, Comparator: "="}, yes},
		// boundaries
		{"equal, target =", Figure{Value: 100}, Figure{Value: 100}, yes},
		{"equal, target >=", Figure{Value: 90}, Figure{Value: 90, Comparator: ">="}, yes},
		{"equal, target >", Figure{Value: 90}, Figure{Value: 90, Comparator: ">"}, no},
		{"just above, target >", Figure{Value: 90.01}, Figure{Value: 90, Comparator: ">"}, yes},
		// actual figures that are bounds or ranges
		{"> 90 against >= 90", Figure{Value: 90, Comparator: ">"}, Figure{Value: 90, Comparator: ">="}, yes},
		{"> 90 against > 90", Figure{Value: 90, Comparator: ">"}, Figure{Value: 90, Comparator: ">"}, yes},
		{"> 50 against = 70", Figure{Value: 50, Comparator: ">"}, Figure{Value: 70}, unknown},
		{"range 5-6 against = 8", Figure{Value: 5, Upper: 6, Comparator: ">="}, Figure{Value: 8}, no},
		{"range 5-7 against >= 6", Figure{Value: 5, Upper: 7, Comparator: ">="}, Figure{Value: 6, Comparator: ">="}, unknown},
		{"range 5-7 against > 7", Figure{Value: 5, Upper: 7, Comparator: ">="}, Figure{Value: 7, Comparator: ">"}, no},
		{"range 8-9 against >= 8", Figure{Value: 8, Upper: 9}, Figure{Value: 8, Comparator: ">="}, yes},
		// a target range is reached at its lower end
		{"12 against range 10-20", Figure{Value: 12}, Figure{Value: 10, Upper: 20, Comparator: ">="}, yes},
		{"25 against range 10-20", Figure{Value: 25}, Figure{Value: 10, Upper: 20, Comparator: ">="}, yes},
		{"9 against range 10-20", Figure{Value: 9}, Figure{Value: 10, Upper: 20, Comparator: ">="}, no},
		// Upper at or below Value is no range
		{"Upper below Value ignored", Figure{Value: 80, Upper: 0}, Figure{Value: 70}, yes},
		// ceilings
		{"3 against <= 5", Figure{Value: 3}, Figure{Value: 5, Comparator: "<="}, yes},
		{"5 against < 5", Figure{Value: 5}, Figure{Value: 5, Comparator: "<"}, no},
		{"< 5 against < 5", Figure{Value: 5, Comparator: "<"}, Figure{Value: 5, Comparator: "<"}, yes},
		{"> 4 against <= 5", Figure{Value: 4, Comparator: ">"}, Figure{Value: 5, Comparator: "<="}, unknown},
		{"< 5 against >= 5", Figure{Value: 5, Comparator: "<"}, Figure{Value: 5, Comparator: ">="}, no},
		// nothing to tell
		{"missing actual", Figure{Value: nan}, Figure{Value: 70}, unknown},
		{"missing target", Figure{Value: 70}, Figure{Value: nan}, unknown},
		{"unknown comparator", Figure{Value: 70, Comparator: "~"}, Figure{Value: 70}, unknown},
		{"unknown target comparator", Figure{Value: 70}, Figure{Value: 70, Comparator: "=="}, unknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			met, known := Met(tc.actual, tc.target)
			got := unknown
			if known {
				got = no
				if met {
					got = yes
				}
			} else if met {
				t.Errorf("met true with known false")
			}
			if got != tc.want {
				t.Errorf("Met(%+v, %+v) = %v, %v; want %d (1 met, 0 not met, -1 unknown)", tc.actual, tc.target, met, known, tc.want)
			}
		})
	}
}
