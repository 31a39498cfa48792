package loaders

import (
	"errors"
	"testing"
)

func TestParseWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		{"Ba mươi tỷ, năm trăm triệu đồng", 30_500_000_000},
		{"Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng", 22_955_000_000},
		{"Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng", 152_703_000_000},
		{"một trăm lẻ chín tỷ, bốn mươi lăm triệu đồng", 109_045_000_000},
		{"mười", 10}, {"mười một", 11}, {"mười lăm", 15}, {"mười bốn", 14},
		{"hai mươi mốt", 21}, {"hai mươi tư", 24}, {"hai mươi bốn", 24}, {"hai mươi lăm", 25}, {"hai mươi nhăm", 25},
		{"một trăm linh năm", 105}, {"một trăm lẻ năm", 105}, {"một trăm lẻ một", 101},
		{"một nghìn không trăm linh năm", 1005}, {"một ngàn", 1000}, {"năm trăm", 500},
		{"một nghìn tỷ", 1_000_000_000_000}, {"hai tỷ ba trăm triệu", 2_300_000_000},
		{"không", 0}, {"chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín", 999_999_999},
		{"Một trăm tỷ đồng chẵn", 100_000_000_000},
		{"bẩy", 7}, {"hai tỉ", 2_000_000_000},
	} {
		got, err := ParseWords(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseWords(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

func TestParseWordsErrors(t *testing.T) {
	for _, in := range []string{"", "đồng", "ba ba", "trăm", "một mươi", "tỷ", "hai mươi xyz", "một trăm hai trăm", "ba hai mươi", "mốt"} {
		if v, err := ParseWords(in); !errors.Is(err, ErrNotNumber) {
			t.Errorf("ParseWords(%q) = %d, %v; want ErrNotNumber", in, v, err)
		}
	}
}

func TestParseAmountWords(t *testing.T) {
	v, err := ParseAmountWords("Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng")
	if err != nil || v != 22955 {
		t.Errorf("got %v, %v", v, err)
	}
}

func FuzzParseWords(f *testing.F) {
	for _, s := range []string{"Ba mươi tỷ, năm trăm triệu đồng", "một trăm lẻ chín tỷ, bốn mươi lăm triệu đồng", "hai mươi mốt", "một nghìn tỷ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseWords(s)
		if err == nil && v < 0 {
			t.Fatalf("ParseWords(%q) = %d", s, v)
		}
	})
}
