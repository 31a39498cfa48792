package budget

import (
	"strings"
	"testing"
)

func TestShortLabels(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []string
		want []string
	}{
		{"shared heading", []string{"Kinh phí: NSĐP (ngân sách địa phương)", "Kinh phí: Nguồn khác"}, []string{"NSĐP (ngân sách địa phương)", "Nguồn khác"}},
		{"heading with colons", []string{"A: B: x", "A: B: y"}, []string{"x", "y"}},
		// "Nguồn phát triển: Trung ương" / "Nguồn sự nghiệp: Trung ương" share
		// only "Nguồn ": kept whole, or two sources would read "Trung ương"
		{"no shared heading", []string{"Nguồn phát triển: Trung ương", "Nguồn sự nghiệp: Trung ương"}, []string{"Nguồn phát triển: Trung ương", "Nguồn sự nghiệp: Trung ương"}},
		{"one label", []string{"Kinh phí: NSĐP"}, []string{"Kinh phí: NSĐP"}},
		{"a label is only the heading", []string{"A: ", "A: x"}, []string{"A: ", "A: x"}},
		{"empty labels", []string{"", ""}, []string{"", ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := shortLabels(c.in)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in         string
		start, end int
		ok         bool
	}{
		{"2023", 2023, 2023, true},
		{"2011-2015", 2011, 2015, true},
		{"2011–2015", 2011, 2015, true},
		{" 2011 - 2015 ", 2011, 2015, true},
		{"", 0, 0, false},
		{"2011-", 0, 0, false},
		{"năm 2023", 0, 0, false},
	} {
		s, e, err := parsePeriod(c.in)
		if (err == nil) != c.ok || s != c.start || e != c.end {
			t.Errorf("parsePeriod(%q) = %d, %d, %v", c.in, s, e, err)
		}
	}
}
