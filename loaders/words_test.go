package loaders

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParseWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
	}{
		// The "Bằng chữ" lines of the sources.
		{"Ba mươi tỷ, năm trăm triệu đồng", 30_500_000_000},
		{"Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng", 22_955_000_000},
		{"Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng", 152_703_000_000},
		{"một trăm lẻ chín tỷ, bốn mươi lăm triệu đồng", 109_045_000_000},
		{"Hai mươi bốn tỷ, bốn trăm triệu đồng", 24_400_000_000},
		{"Sáu tỷ, một trăm triệu đồng", 6_100_000_000},
		// Tens and units.
		{"mười", 10}, {"mười một", 11}, {"mười lăm", 15}, {"mười nhăm", 15}, {"mười bốn", 14}, {"mười tư", 14},
		{"hai mươi", 20}, {"hai mươi mốt", 21}, {"hai mươi một", 21}, {"hai mươi tư", 24}, {"hai mươi bốn", 24},
		{"hai mươi lăm", 25}, {"hai mươi nhăm", 25}, {"chín mươi chín", 99},
		{"một trăm linh năm", 105}, {"một trăm lẻ năm", 105}, {"một trăm lẻ một", 101}, {"một trăm linh tư", 104},
		{"một trăm mười", 110}, {"năm trăm", 500},
		// Scales.
		{"một nghìn không trăm linh năm", 1005}, {"một nghìn linh năm", 1005}, {"một ngàn", 1000},
		{"một nghìn tỷ", 1_000_000_000_000}, {"hai tỷ ba trăm triệu", 2_300_000_000}, {"hai tỷ ba triệu", 2_003_000_000},
		{"hai nghìn ba trăm tỷ", 2_300_000_000_000}, {"một triệu tỷ", 1_000_000_000_000_000},
		{"hai triệu ba trăm nghìn tỷ", 2_300_000_000_000_000},
		{"một trăm linh chín tỷ không trăm bốn mươi lăm triệu đồng", 109_045_000_000},
		{"một triệu không nghìn hai trăm", 1_000_200}, {"một triệu không trăm hai mươi", 1_000_020},
		{"một tỷ không nghìn không trăm linh năm", 1_000_000_005},
		{"không", 0}, {"không đồng", 0},
		{"chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín", 999_999_999},
		{"Một trăm tỷ đồng chẵn", 100_000_000_000}, {"một trăm tỷ chẵn", 100_000_000_000}, {"năm triệu VNĐ", 5_000_000},
		{"bẩy", 7}, {"hai tỉ", 2_000_000_000},
		{"MỘT TRĂM LINH CHÍN TỶ", 109_000_000_000},
		{"hai trie\u0302\u0323u \u0111o\u0302\u0300ng", 2_000_000}, // decomposed diacritics
		// Short forms at the end.
		{"một triệu hai", 1_200_000}, {"một trăm hai", 120}, {"một trăm mốt", 110}, {"một trăm tư", 140},
		{"hai nghìn tư", 2_400}, {"một tỷ mốt", 1_100_000_000}, {"một nghìn hai trăm ba", 1_230},
		{"hai nghìn rưỡi", 2_500}, {"một trăm rưỡi", 150}, {"một triệu rưỡi", 1_500_000}, {"hai tỷ rưỡi", 2_500_000_000},
		{"một nghìn tỷ rưỡi", 1_500_000_000_000}, {"hai nghìn một trăm rưỡi", 2_150},
	} {
		got, err := ParseWords(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseWords(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
}

// TestParseWordsErrors: each malformed phrase is an ErrNotNumber that
// names the word where the grammar breaks.
func TestParseWordsErrors(t *testing.T) {
	for _, c := range []struct{ in, msg string }{
		{"", `"" has no number words`},
		{"đồng", `"đồng" has no number words`},
		{"ba ba", `"ba" after "ba": two numbers in a row`},
		{"ba hai mươi", `"hai" after "ba": two numbers in a row`},
		{"trăm", `"trăm" without a digit before it`},
		{"một mươi", `"một" before "mươi": the tens are hai to chín`},
		{"tỷ", `"tỷ" without a number before it`},
		{"hai mươi xyz", `"xyz" is not a number word`},
		{"12 tỷ", `"12" is not a number word`},
		{"một trăm hai trăm", `"trăm" after "hai": a group has its hundreds first, once`},
		{"mốt", `"mốt" alone: it is a digit only after mươi`},
		{"tư", `"tư" alone`},
		{"mười mốt", `"mốt" after "mười": eleven is "mười một"`},
		{"hai mươi năm", `"năm" after "mươi": five there is "lăm"`},
		{"mười năm", `"năm" after "mười": five there is "lăm"`},
		{"hai mươi không", `"không" after "mươi"`},
		// The phrases the former reader read silently wrong.
		{"một triệu hai trăm", `"hai trăm" after "triệu" reads as 1.000.200 or 1.200.000: write "một triệu không nghìn hai trăm" or "một triệu hai trăm nghìn"`},
		{"hai tỷ ba trăm", `"ba trăm" after "tỷ" reads as 2.000.000.300 or 2.300.000.000`},
		{"hai triệu ba tỷ", `"hai triệu ba tỷ": "tỷ" after "triệu": scales must go down`},
		{"hai triệu ba trăm tỷ", `"tỷ" after "triệu": scales must go down`},
		{"một nghìn một nghìn", `"nghìn" a second time: each scale is written once`},
		{"mười hai mươi", `"mươi" after "hai": a group has its tens once`},
		{"linh", `"linh" with no hundreds before it`},
		{"một trăm linh", `"linh" at the end: linh is followed by a digit from một to chín`},
		{"một trăm linh không", `"không" after "linh"`},
		{"một nghìn hai triệu", `"triệu" after "nghìn": scales must go down`},
		{"một nghìn triệu", `"triệu" after "nghìn": scales must go down`},
		{"một triệu nghìn", `"nghìn" right after "triệu": a number comes before each scale`},
		{"hai tỷ tỷ", `"tỷ" a second time: a number has one tỷ`},
		{"một nghìn tỷ hai nghìn tỷ", `"tỷ" a second time`},
		{"một tỷ hai tỷ", `"tỷ" a second time`},
		{"một trăm hai nghìn", `"hai" right after "trăm" and before "nghìn" reads two ways`},
		{"hai nghìn ba tỷ", `"ba" right after "nghìn" and before "tỷ" reads two ways`},
		{"không trăm năm mươi", `the number begins with "không"`},
		{"không nghìn", `the number begins with "không"`},
		{"một nghìn không", `"không" at the end`},
		{"một nghìn không trăm", `"không" at the end`},
		{"một nghìn không tỷ", `"không" before "tỷ"`},
		{"một nghìn không trăm hai", `"hai" after "không trăm": write "không trăm linh hai"`},
		{"một triệu không nghìn hai", `"hai" after "không nghìn"`},
		{"rưỡi", `"rưỡi" without a number before it`},
		{"hai mươi rưỡi", `"rưỡi" after "mươi": rưỡi follows a scale or trăm`},
		{"hai nghìn rưỡi ba", `"ba" after "rưỡi": rưỡi ends a number`},
		{"một đồng hai", `"hai" after "đồng": đồng, VNĐ and chẵn come after the number`},
		{"Bằng chữ: một trăm", `"bằng" is not a number word`},
		{"tư trăm", `"tư" before "trăm"`},
	} {
		v, err := ParseWords(c.in)
		if !errors.Is(err, ErrNotNumber) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseWords(%q) = %d, %v; want ErrNotNumber saying %s", c.in, v, err, c.msg)
		}
	}
}

func TestParseWordsPrefix(t *testing.T) {
	for _, c := range []struct {
		in, rest string
		want     int64
	}{
		{"Bằng chữ: một trăm linh chín tỷ đồng chẵn trên hồ sơ", "trên hồ sơ", 109_000_000_000},
		{"hai trăm năm mươi nghìn đồng theo dự toán", "theo dự toán", 250_000},
		{"(Bằng chữ: Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng).", ").", 22_955_000_000},
		{"Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng", "", 22_955_000_000},
		{"một trăm hai)", ")", 120},           // a short form at the end of the text
		{"một triệu hai đồng", "", 1_200_000}, // and before đồng
		// Followed by ordinary words, a short form is not read: năm is
		// the year, or the years.
		{"hai trăm nghìn năm 2024", "năm 2024", 200_000},
		{"hai mươi năm qua", "năm qua", 20},
		{"ba trăm triệu không đủ", "không đủ", 300_000_000},
		{"hai nghìn rưỡi người", "người", 2_500},
	} {
		v, rest, err := ParseWordsPrefix(c.in)
		if err != nil || v != c.want || rest != c.rest {
			t.Errorf("ParseWordsPrefix(%q) = %d, %q, %v; want %d, %q", c.in, v, rest, err, c.want, c.rest)
		}
	}
	for _, c := range []struct{ in, msg string }{
		{"hai triệu ba tỷ người", `"hai triệu ba tỷ": "tỷ" after "triệu": scales must go down`},
		{"một trăm hai nghìn đồng theo dự toán", `"hai" right after "trăm" and before "nghìn" reads two ways`},
		{"xin chào", `"xin chào" does not begin with a number in words`},
		{"Bằng chữ: đồng", `does not begin with a number in words`},
		{"hai mươi năm đồng", `"năm" after "mươi"`},
	} {
		v, rest, err := ParseWordsPrefix(c.in)
		if !errors.Is(err, ErrNotNumber) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseWordsPrefix(%q) = %d, %q, %v; want ErrNotNumber saying %s", c.in, v, rest, err, c.msg)
		}
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "không"}, {5, "năm"}, {10, "mười"}, {15, "mười lăm"}, {11, "mười một"}, {14, "mười bốn"},
		{21, "hai mươi mốt"}, {24, "hai mươi tư"}, {25, "hai mươi lăm"}, {50, "năm mươi"}, {105, "một trăm linh năm"},
		{110, "một trăm mười"}, {1005, "một nghìn không trăm linh năm"}, {1_000_200, "một triệu không nghìn hai trăm"},
		{30_500_000_000, "ba mươi tỷ năm trăm triệu"},
		{109_045_000_000, "một trăm linh chín tỷ không trăm bốn mươi lăm triệu"},
		{152_703_000_000, "một trăm năm mươi hai tỷ bảy trăm linh ba triệu"},
		{2_300_000_000_000, "hai nghìn ba trăm tỷ"}, {1_000_000_000_000_000, "một triệu tỷ"},
		{1_000_000_005, "một tỷ không nghìn không trăm linh năm"},
		{2_000_300_000_000, "hai nghìn tỷ ba trăm triệu"}, {2_003_000_000_000, "hai nghìn không trăm linh ba tỷ"},
	} {
		got, err := Words(c.n)
		if err != nil || got != c.want {
			t.Errorf("Words(%d) = %q, %v; want %q", c.n, got, err, c.want)
		}
		if v, err := ParseWords(got); err != nil || v != c.n {
			t.Errorf("ParseWords(Words(%d) = %q) = %d, %v", c.n, got, v, err)
		}
	}
	for _, n := range []int64{-1, MaxWords + 1} {
		if s, err := Words(n); err == nil {
			t.Errorf("Words(%d) = %q, want an error", n, s)
		}
	}
	if s, err := Words(MaxWords); err != nil || strings.Count(s, "tỷ") != 1 {
		t.Errorf("Words(MaxWords) = %q, %v", s, err)
	}
}

func TestParseAmountWords(t *testing.T) {
	v, err := ParseAmountWords("Hai mươi hai tỷ, chín trăm năm mươi lăm triệu đồng")
	if err != nil || v != 22955 {
		t.Errorf("got %v, %v", v, err)
	}
	if v, err := ParseAmountWords("một triệu hai trăm đồng"); !errors.Is(err, ErrNotNumber) {
		t.Errorf("ParseAmountWords(một triệu hai trăm đồng) = %v, %v; want ErrNotNumber", v, err)
	}
}

func ExampleParseWords() {
	for _, s := range []string{
		"Một trăm lẻ chín tỷ, bốn mươi lăm triệu đồng",
		"hai nghìn ba trăm tỷ",
		"một triệu hai", // a short form: 1.200.000
		"một triệu hai trăm",
		"hai triệu ba tỷ",
	} {
		v, err := ParseWords(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(v)
	}
	// Output:
	// 109045000000
	// 2300000000000
	// 1200000
	// not a number: "một triệu hai trăm": "hai trăm" after "triệu" reads as 1.000.200 or 1.200.000: write "một triệu không nghìn hai trăm" or "một triệu hai trăm nghìn"
	// not a number: "hai triệu ba tỷ": "tỷ" after "triệu": scales must go down
}

func ExampleParseWordsPrefix() {
	v, rest, err := ParseWordsPrefix("Bằng chữ: một trăm linh chín tỷ đồng chẵn trên hồ sơ")
	fmt.Println(v, rest, err)
	// Output:
	// 109000000000 trên hồ sơ <nil>
}

func ExampleWords() {
	s, err := Words(109_045_000_000)
	if err != nil {
		fmt.Println(err)
		return
	}
	// The "Bằng chữ" line of an amount.
	fmt.Println(strings.ToUpper(s[:1]) + s[1:] + " đồng")
	// Output:
	// Một trăm linh chín tỷ không trăm bốn mươi lăm triệu đồng
}
