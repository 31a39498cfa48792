package loaders

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/ictplan/ictplan/numtext"
)

// WordAmount is an amount a text writes in digits and again in words, as
// official documents do: "22.955.000.000 đồng (Bằng chữ: Hai mươi hai tỷ,
// chín trăm năm mươi lăm triệu đồng)".
type WordAmount struct {
	Line   int    // the line of the digits
	Digits string // the amount in digits with its unit, as written
	Words  string // the words, as written
	// Million is the digits in million đồng; Alternative the other reading
	// when the digits read two ways and no convention was given
	// ("152.703 triệu": 152.703 or 152,703 million), else NaN.
	Million, Alternative float64
	// WordsMillion is the words in million đồng.
	WordsMillion float64
	// Err says why the digits or the words could not be read (then the
	// figures above are NaN).
	Err error
}

// Agrees reports whether the words say the amount of the digits (in either
// reading of digits that read two ways).
func (w WordAmount) Agrees() bool {
	return w.Err == nil && (w.WordsMillion == w.Million || w.WordsMillion == w.Alternative)
}

var wordAmountRe = regexp.MustCompile(`(?i)([0-9][0-9.,]*)\s*((?:nghìn |ngàn |triệu |tỷ |tỉ )?(?:đồng|đ))\s*[(\[]\s*bằng chữ\s*:\s*([^)\]]+)[)\]]`)

// FindWordAmounts finds the amounts a text writes in digits followed by
// "(Bằng chữ: …)", the words possibly running onto the next lines, and
// reads both: the digits in convention c (Undecided: digits that read two
// ways keep both readings, and the words decide), the words with
// ParseWords. Markdown emphasis (*, **) around either is ignored.
func FindWordAmounts(text []byte, c Convention) []WordAmount {
	lines := strings.Split(string(text), "\n")
	var out []WordAmount
	for i := 0; i < len(lines); i++ {
		if !strings.Contains(strings.ToLower(nfc(lines[i])), "bằng chữ") {
			continue
		}
		// the words may run onto the next two lines
		window := nfc(lines[i])
		for k := 1; k <= 2 && i+k < len(lines) && !strings.ContainsAny(window[strings.Index(strings.ToLower(window), "bằng chữ"):], ")]"); k++ {
			window += " " + nfc(lines[i+k])
		}
		window = strings.Join(strings.Fields(strings.ReplaceAll(window, "*", "")), " ")
		for _, m := range wordAmountRe.FindAllStringSubmatch(window, -1) {
			out = append(out, readWordAmount(i+1, m[1], m[2], strings.TrimSpace(m[3]), c))
		}
	}
	return out
}

func readWordAmount(line int, digits, unit, words string, c Convention) WordAmount {
	w := WordAmount{Line: line, Digits: digits + " " + unit, Words: words, Million: math.NaN(), Alternative: math.NaN(), WordsMillion: math.NaN()}
	a, err := ParseAmount(w.Digits, c, UnknownUnit, false)
	if err != nil && c == Undecided {
		if _, amb := numtext.Evidence(digits); amb {
			d, err1 := ParseAmount(w.Digits, DotThousands, UnknownUnit, false)
			e, err2 := ParseAmount(w.Digits, CommaThousands, UnknownUnit, false)
			if err1 == nil && err2 == nil {
				a, err, w.Alternative = d, nil, e.Million
			}
		}
	}
	if err != nil {
		w.Err = err
		return w
	}
	w.Million = a.Million
	v, err := ParseAmountWords(words)
	if err != nil {
		w.Err = fmt.Errorf("the words: %w", err)
		return w
	}
	w.WordsMillion = v
	return w
}
