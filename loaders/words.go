package loaders

import (
	"fmt"
	"math"
	"strings"
	"unicode"
)

var digitWords = map[string]int64{
	"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
	"năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}

var scaleWords = map[string]int64{"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

// ParseWords reads a whole number written in Vietnamese words:
// "một trăm lẻ chín tỷ, bốn mươi lăm triệu" is 109045000000. It knows the
// digits (with mốt, tư, lăm/nhăm after mươi/mười), mười/mươi, trăm,
// lẻ/linh, nghìn/ngàn, triệu and tỷ/tỉ (and their compounds such as nghìn
// tỷ); commas, "đồng", "chẵn" and "VNĐ" are ignored. Anything else is an
// ErrNotNumber naming the word.
func ParseWords(s string) (int64, error) {
	words := wordsOf(s)
	if len(words) == 0 {
		return 0, fmt.Errorf("%w: %q has no number words", ErrNotNumber, s)
	}
	var total, section, group int64 // group: the current value below 1000
	pending := int64(-1)            // a digit not yet placed
	afterTens, afterLe, any := false, false, false
	flushGroup := func() {
		if pending >= 0 {
			group += pending
			pending = -1
		}
	}
	for _, w := range words {
		if d, ok := digitWords[w]; ok {
			if pending >= 0 {
				return 0, fmt.Errorf("%w: %q: two digits in a row at %q", ErrNotNumber, s, w)
			}
			switch w {
			case "mốt":
				if !afterTens || group%100 < 20 {
					return 0, fmt.Errorf("%w: %q: mốt only follows mươi", ErrNotNumber, s)
				}
			case "lăm", "nhăm":
				if !afterTens {
					return 0, fmt.Errorf("%w: %q: %s only follows mươi or mười", ErrNotNumber, s, w)
				}
			case "tư":
				if !afterTens && !afterLe {
					return 0, fmt.Errorf("%w: %q: tư only follows mươi or lẻ", ErrNotNumber, s)
				}
			}
			pending = d
			afterTens, afterLe, any = false, false, true
			continue
		}
		switch w {
		case "trăm":
			if pending < 0 {
				return 0, fmt.Errorf("%w: %q: trăm without a digit", ErrNotNumber, s)
			}
			if group != 0 {
				return 0, fmt.Errorf("%w: %q: misplaced trăm", ErrNotNumber, s)
			}
			group, pending = pending*100, -1
			afterTens, afterLe = false, false
		case "mươi":
			if pending < 2 {
				return 0, fmt.Errorf("%w: %q: mươi needs a digit from hai to chín before it", ErrNotNumber, s)
			}
			group += pending * 10
			pending = -1
			afterTens, afterLe = true, false
		case "mười":
			if pending >= 0 {
				return 0, fmt.Errorf("%w: %q: a digit before mười", ErrNotNumber, s)
			}
			group += 10
			afterTens, afterLe, any = true, false, true
		case "lẻ", "linh":
			if pending >= 0 || group%100 != 0 {
				return 0, fmt.Errorf("%w: %q: misplaced %s", ErrNotNumber, s, w)
			}
			afterLe, afterTens = true, false
		default:
			scale, ok := scaleWords[w]
			if !ok {
				return 0, fmt.Errorf("%w: %q: %q is not a number word", ErrNotNumber, s, w)
			}
			flushGroup()
			if group == 0 && section == 0 && total == 0 && !any {
				return 0, fmt.Errorf("%w: %q: %s without a number before it", ErrNotNumber, s, w)
			}
			if scale == 1e9 {
				v := total + section + group
				if v > math.MaxInt64/int64(1e9) {
					return 0, fmt.Errorf("%w: %q is too large", ErrNotNumber, s)
				}
				total, section = v*1e9, 0
			} else {
				if group == 0 && section != 0 && scale > 1e3 {
					// "nghìn triệu": a compound scale
					if section > math.MaxInt64/scale {
						return 0, fmt.Errorf("%w: %q is too large", ErrNotNumber, s)
					}
					section *= scale
				} else {
					section += group * scale
				}
			}
			group = 0
			afterTens, afterLe = false, false
		}
	}
	flushGroup()
	if total > math.MaxInt64-section-group {
		return 0, fmt.Errorf("%w: %q is too large", ErrNotNumber, s)
	}
	return total + section + group, nil
}

// wordsOf lower-cases and NFC-normalises s and splits it into words,
// dropping punctuation and the words "đồng", "chẵn", "vnđ", "vnd".
func wordsOf(s string) []string {
	s = strings.ToLower(CleanText(s))
	fields := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) })
	out := fields[:0]
	for _, f := range fields {
		switch f {
		case "đồng", "chẵn", "vnđ", "vnd", "đ":
			continue
		}
		out = append(out, f)
	}
	return out
}

// ParseAmountWords reads an amount written in words ("Ba mươi tỷ, năm trăm
// triệu đồng") into million đồng (30500). The words count đồng.
func ParseAmountWords(s string) (float64, error) {
	v, err := ParseWords(s)
	if err != nil {
		return 0, err
	}
	return ToMillion(float64(v), Dong), nil
}
