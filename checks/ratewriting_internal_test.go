package checks

import "testing"

// A stated rate that misses its quotient is a way of writing it only when
// it is the quotient cut at its decimals, or one of shares within one unit
// that make exactly 100 %; anything else stays a discrepancy.
func TestRateWriting(t *testing.T) {
	bts := []rateWriting{
		{line: 874, stated: 33.93, computed: 100 * 997.0 / 2939, decimals: 2},
		{line: 874, stated: 38.24, computed: 100 * 1124.0 / 2939, decimals: 2},
		{line: 874, stated: 27.83, computed: 100 * 818.0 / 2939, decimals: 2},
	}
	shares := map[string][]rateWriting{"mobile_base_stations": bts}
	for _, c := range []struct {
		name string
		w    rateWriting
		want bool
	}{
		{"60% for 60,516%: cut", rateWriting{line: 256, stated: 60, computed: 100 * 2250.0 / 3718}, true},
		{"80% for 80,984%: cut", rateWriting{line: 268, stated: 80, computed: 100 * 260929.0 / 322200}, true},
		{"2G adjusted to make 100%", bts[0], true},
		{"62% for 60,516%: wrong", rateWriting{line: 256, stated: 62, computed: 100 * 2250.0 / 3718}, false},
		{"61,5% for 60,516%: wrong", rateWriting{line: 256, stated: 61.5, computed: 100 * 2250.0 / 3718, decimals: 1}, false},
	} {
		en, vi := c.w.explain(shares)
		if (en != "") != c.want || (vi != "") != c.want {
			t.Errorf("%s: %q", c.name, en)
		}
	}
	// shares that do not make 100 % are not an adjustment
	off := []rateWriting{bts[0], bts[1], {line: 874, stated: 27.73, computed: 100 * 818.0 / 2939, decimals: 2}}
	if en, _ := off[0].explain(map[string][]rateWriting{"x": off}); en != "" {
		t.Errorf("shares making 99,90 %%: %q", en)
	}
}
