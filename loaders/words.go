package loaders

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// The grammar of Vietnamese number words read by ParseWords.
//
// A number is a sequence of groups of three digits, each followed by its
// scale: nghìn/ngàn (10³), triệu (10⁶), then, after all of those, the last
// group (the units). Within one number the scales go down, each written
// once. A tỷ/tỉ (10⁹) multiplies everything written before it, so that
// "hai nghìn ba trăm tỷ" is 2.300 × 10⁹ and "nghìn tỷ", "triệu tỷ" are the
// compounds 10¹² and 10¹⁵; a phrase has at most one tỷ.
//
// A group is "X trăm" (hundreds, X from không to chín), then either
// "linh/lẻ Y" (Y from một to chín, or tư), "mười [Y]" or "X mươi [Y]" (X
// from hai to chín), or nothing. After mươi, 1 is mốt (or một), 4 is tư (or
// bốn) and 5 is lăm or nhăm, never năm; after mười, 5 is lăm or nhăm and 4
// may be tư.

// wordClass is the part a word plays in a number.
type wordClass uint8

const (
	wOther   wordClass = iota // not a number word
	wDigit                    // không … chín and their forms mốt, tư, lăm, nhăm
	wTen                      // mười: ten
	wTens                     // mươi: the tens after a digit
	wHundred                  // trăm
	wLinh                     // linh, lẻ: a zero tens digit
	wScale                    // nghìn, ngàn, triệu, tỷ, tỉ
	wHalf                     // rưỡi, rưởi: half of the unit before it
	wMoney                    // đồng, VNĐ, chẵn: what may end an amount
)

// wordInfo says what a number word is and where it may stand.
type wordInfo struct {
	class wordClass
	val   int64 // a digit's value, or a scale's power of ten
	// For a digit: std, where a plain digit stands (units, hundreds,
	// before mươi); afterTens, after mươi; afterTen, after mười;
	// afterLinh, after linh/lẻ; short, as the short form after a scale or
	// trăm ("một triệu hai", "một trăm tư").
	std, afterTens, afterTen, afterLinh, short bool
}

var numberWords = func() map[string]wordInfo {
	m := map[string]wordInfo{
		"không": {class: wDigit, val: 0, std: true},
		"mốt":   {class: wDigit, val: 1, afterTens: true, short: true},
		"tư":    {class: wDigit, val: 4, afterTens: true, afterTen: true, afterLinh: true, short: true},
		"năm":   {class: wDigit, val: 5, std: true, afterLinh: true, short: true},
		"lăm":   {class: wDigit, val: 5, afterTens: true, afterTen: true},
		"nhăm":  {class: wDigit, val: 5, afterTens: true, afterTen: true},
		"mười":  {class: wTen},
		"mươi":  {class: wTens},
		"trăm":  {class: wHundred},
		"linh":  {class: wLinh},
		"lẻ":    {class: wLinh},
		"nghìn": {class: wScale, val: 3},
		"ngàn":  {class: wScale, val: 3},
		"triệu": {class: wScale, val: 6},
		"tỷ":    {class: wScale, val: 9},
		"tỉ":    {class: wScale, val: 9},
		"rưỡi":  {class: wHalf},
		"rưởi":  {class: wHalf},
		"đồng":  {class: wMoney},
		"vnđ":   {class: wMoney},
		"vnd":   {class: wMoney},
		"đ":     {class: wMoney},
		"chẵn":  {class: wMoney},
	}
	for w, d := range map[string]int64{"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9} {
		m[w] = wordInfo{class: wDigit, val: d, std: true, afterTens: true, afterTen: true, afterLinh: true, short: true}
	}
	return m
}()

// wordToken is a word of a text: a run of letters, combining marks and
// digits, lower-cased and NFC-normalised, with its byte offsets in the
// text.
type wordToken struct {
	text       string
	start, end int
	info       wordInfo
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r)
}

// wordTokens splits s into words; everything else (blanks, punctuation,
// symbols) separates them.
func wordTokens(s string) []wordToken {
	var out []wordToken
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, newWordToken(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newWordToken(s, start, len(s)))
	}
	return out
}

func newWordToken(s string, start, end int) wordToken {
	t := strings.ToLower(nfc(s[start:end]))
	return wordToken{text: t, start: start, end: end, info: numberWords[t]}
}

// isNumberWord reports a word that can be part of a number (not a money
// word).
func (t wordToken) isNumberWord() bool {
	return t.info.class != wOther && t.info.class != wMoney
}

// ParseWords reads a whole number written in Vietnamese words, as in the
// "Bằng chữ" line of an amount: "Một trăm lẻ chín tỷ, bốn mươi lăm triệu
// đồng" is 109045000000. The whole text must be number words, optionally
// followed by "đồng", "VNĐ" and "chẵn"; punctuation and blanks between
// words are ignored, and words are read in any case and Unicode form.
//
// The words are the digits không, một, hai, ba, bốn, năm, sáu, bảy/bẩy,
// tám, chín (with mốt, tư, lăm/nhăm after mươi, and tư, lăm/nhăm after
// mười), mười, mươi, trăm, linh/lẻ, nghìn/ngàn, triệu, tỷ/tỉ and rưỡi.
// Groups of three digits are "X trăm [linh Y | mười Y | X mươi Y]"; the
// scales go down (nghìn < triệu), each written once; tỷ multiplies what
// comes before it, so "hai nghìn ba trăm tỷ" is 2 300 000 000 000 and
// "nghìn tỷ", "triệu tỷ" are 10¹² and 10¹⁵. The largest number read is
// MaxWords.
//
// Short forms of everyday usage are read only at the very end of the
// phrase:
//   - a digit right after a scale is tenths of that scale: "một triệu hai"
//     is 1 200 000, "hai nghìn tư" 2 400, "một tỷ mốt" 1 100 000 000;
//   - a digit right after trăm is the tens: "một trăm hai" is 120;
//   - rưỡi after a scale or trăm is a half of it: "hai nghìn rưỡi" is
//     2 500, "một trăm rưỡi" 150.
//
// Everything else that could read two ways is an ErrNotNumber that names
// the word where the grammar breaks, and says how to write either reading:
//   - a short form before a scale ("một trăm hai nghìn": 102 000 or
//     120 000?; "hai nghìn ba tỷ");
//   - a group without a scale right after triệu or tỷ ("một triệu hai
//     trăm": 1 000 200 or 1 200 000?); write "một triệu không nghìn hai
//     trăm" — a group that begins with "không trăm" is the units;
//   - a scale that does not go down ("hai triệu ba tỷ", "một nghìn
//     triệu") or comes twice ("một nghìn một nghìn");
//   - two numbers in a row ("ba hai", "mười hai mươi"), linh without a
//     hundreds before it ("linh"), năm after mươi or mười (five there is
//     lăm: "hai mươi năm" is read as twenty years, not 25), a number that
//     begins with không ("không trăm năm mươi"), and không as a group
//     other than before nghìn or triệu.
//
// ParseWordsPrefix reads such a phrase at the start of a longer text.
func ParseWords(s string) (int64, error) {
	toks := wordTokens(s)
	phrase := Clip(CleanText(s), MaxQuoted)
	n := 0 // number words, then money words only
	for n < len(toks) && toks[n].isNumberWord() {
		n++
	}
	for j, t := range toks {
		switch {
		case t.info.class == wOther:
			return 0, wordsErrorf(phrase, "%q is not a number word", Clip(t.text, MaxQuoted))
		case j >= n && t.isNumberWord():
			return 0, wordsErrorf(phrase, "%q after %q: đồng, VNĐ and chẵn come after the number", t.text, toks[j-1].text)
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("%w: %q has no number words", ErrNotNumber, phrase)
	}
	p := wordsParser{phrase: phrase, w: toks[:n], final: true}
	v, _, err := p.parse()
	return v, err
}

// ParseWordsPrefix reads the amount in words at the start of s and returns
// it with the text that follows, blanks trimmed: for "Bằng chữ: một trăm
// linh chín tỷ đồng chẵn trên hồ sơ" it gives 109000000000 and "trên hồ
// sơ". The label "Bằng chữ" and punctuation may come before the number;
// the phrase ends at the first word that is not a number word, and takes
// with it the "đồng", "VNĐ" and "chẵn" that follow. It is read by the
// grammar of ParseWords, with two differences that keep ordinary words out
// of the number: when the phrase is followed by other words (not đồng),
// its short forms are not read ("hai trăm nghìn năm 2024" is 200000, rest
// "năm 2024"); and a last digit that the grammar does not take ("hai mươi
// năm qua": năm after mươi) is left to the rest. A number word that breaks
// the grammar anywhere else is an ErrNotNumber, as in ParseWords.
func ParseWordsPrefix(s string) (v int64, rest string, err error) {
	toks := wordTokens(s)
	k := 0
	if len(toks) >= 2 && toks[0].text == "bằng" && toks[1].text == "chữ" {
		k = 2
	}
	start := k
	for k < len(toks) && toks[k].isNumberWord() {
		k++
	}
	if k == start {
		return 0, "", fmt.Errorf("%w: %q does not begin with a number in words", ErrNotNumber, Clip(CleanText(s), MaxQuoted))
	}
	m := k
	for m < len(toks) && toks[m].info.class == wMoney {
		m++
	}
	money, more := m > k, m < len(toks)
	run := toks[start:k]
	phrase := Clip(CleanText(s[run[0].start:run[len(run)-1].end]), MaxQuoted)
	p := wordsParser{phrase: phrase, w: run, final: money || !more}
	v, at, err := p.parse()
	if err != nil && !money && more && at == len(run)-1 && at > 0 && run[at].info.class == wDigit {
		q := wordsParser{phrase: phrase, w: run[:at]}
		if v2, _, err2 := q.parse(); err2 == nil {
			return v2, strings.TrimLeftFunc(s[run[at].start:], IsBlank), nil
		}
	}
	if err != nil {
		return 0, "", err
	}
	return v, strings.TrimLeftFunc(s[toks[m-1].end:], IsBlank), nil
}

// ParseAmountWords reads an amount written in words ("Ba mươi tỷ, năm trăm
// triệu đồng") into million đồng (30500). The words count đồng; they are
// read as ParseWords reads them.
func ParseAmountWords(s string) (float64, error) {
	v, err := ParseWords(s)
	if err != nil {
		return 0, err
	}
	return ToMillion(float64(v), Dong), nil
}

// MaxWords is the largest number ParseWords reads and Words writes: 999
// triệu tỷ and the rest, 10¹⁸ − 1.
const MaxWords = 999_999_999_999_999_999

// Words writes n in Vietnamese words, in the standard form of a "Bằng
// chữ" line, lower case and without "đồng": 109045000000 is "một trăm linh
// chín tỷ không trăm bốn mươi lăm triệu". Groups of three digits are
// written from the first non-zero one; a group after the first is written
// whole ("không trăm", "linh"); a group of zeros is left out, except that
// units after a higher group are always preceded by their thousands
// ("một triệu không nghìn hai trăm", 1000200), so that the text reads one
// way. It writes linh (not lẻ), nghìn (not ngàn), tỷ (not tỉ), mốt, tư and
// lăm after mươi, lăm after mười. ParseWords reads every text Words
// writes back to n. n must be from 0 to MaxWords; otherwise Words returns
// an error.
func Words(n int64) (string, error) {
	if n < 0 || n > MaxWords {
		return "", fmt.Errorf("loaders: %d cannot be written in words: the range is 0 to %d", n, int64(MaxWords))
	}
	if n == 0 {
		return "không", nil
	}
	var parts []string
	hi, lo := n/1e9, n%1e9
	if hi > 0 {
		parts = appendBelowBillion(parts, hi, true)
		parts = append(parts, "tỷ")
	}
	if lo > 0 {
		parts = appendBelowBillion(parts, lo, hi == 0)
	}
	return strings.Join(parts, " "), nil
}

var digitNames = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// appendBelowBillion writes 0 < v < 10⁹; leading: nothing is written
// before it.
func appendBelowBillion(parts []string, v int64, leading bool) []string {
	mil, th, u := v/1e6, v/1e3%1000, v%1000
	if mil > 0 {
		parts = append(appendGroup(parts, mil, leading), "triệu")
		leading = false
	}
	switch {
	case th > 0:
		parts = append(appendGroup(parts, th, leading), "nghìn")
		leading = false
	case u > 0 && !leading:
		parts = append(parts, "không", "nghìn")
	}
	if u > 0 {
		parts = appendGroup(parts, u, leading)
	}
	return parts
}

// appendGroup writes 0 < g < 1000; a group that is not leading is
// written with its hundreds and linh.
func appendGroup(parts []string, g int64, leading bool) []string {
	h, t, u := g/100, g/10%10, g%10
	if h > 0 || !leading {
		parts = append(parts, digitNames[h], "trăm")
	}
	switch {
	case t == 0 && u == 0:
	case t == 0 && (h > 0 || !leading):
		parts = append(parts, "linh", digitNames[u])
	case t == 0:
		parts = append(parts, digitNames[u])
	case t == 1:
		parts = append(parts, "mười")
		if u == 5 {
			parts = append(parts, "lăm")
		} else if u > 0 {
			parts = append(parts, digitNames[u])
		}
	default:
		parts = append(parts, digitNames[t], "mươi")
		switch u {
		case 0:
		case 1:
			parts = append(parts, "mốt")
		case 4:
			parts = append(parts, "tư")
		case 5:
			parts = append(parts, "lăm")
		default:
			parts = append(parts, digitNames[u])
		}
	}
	return parts
}

// wordsParser reads the number words w (no money or other words).
type wordsParser struct {
	phrase string // the text read, for messages
	w      []wordToken
	i      int
	final  bool // the number ends the text: short forms may be read

	// the value read so far
	seg       int64  // the value of the part after the last tỷ
	segLast   int    // the last scale of that part: 0, 3 or 6
	mult      int64  // the number before tỷ, once read (-1 before)
	unit      int64  // the value of the last scale word (compounds included)
	lastScale int    // index of the last scale word (-1 before)
	zeroScale bool   // the group before the last scale is zero
	pending   *group // a group not yet followed by its scale
}

// group is a group of three digits as written.
type group struct {
	val         int64
	first, last int  // its words
	hundreds    bool // "X trăm"
	zeroHundred bool // "không trăm"
	single      bool // one digit word alone
	shortTail   bool // a digit right after trăm: "một trăm hai"
}

func wordsErrorf(phrase, format string, args ...any) error {
	return fmt.Errorf("%w: %q: %s", ErrNotNumber, phrase, fmt.Sprintf(format, args...))
}

func (p *wordsParser) class(i int) wordClass {
	if i < 0 || i >= len(p.w) {
		return wOther
	}
	return p.w[i].info.class
}

func (p *wordsParser) word(i int) string { return p.w[i].text }

// fail is an error at word i.
func (p *wordsParser) fail(i int, format string, args ...any) (int, error) {
	return i, wordsErrorf(p.phrase, format, args...)
}

// parse reads the whole of p.w. It returns the value, or the index of the
// word where the grammar breaks and the error. Groups of digits are read
// one by one; each is held (pending) until the scale word after it (nghìn,
// triệu, tỷ), a rưỡi or the end says what it counts.
func (p *wordsParser) parse() (int64, int, error) {
	n := len(p.w)
	if n == 1 && p.w[0].info.class == wDigit && p.w[0].info.val == 0 {
		return 0, -1, nil // "không"
	}
	p.seg, p.segLast, p.mult, p.unit, p.lastScale, p.zeroScale, p.pending = 0, 0, -1, 0, -1, false, nil
	for p.i < n {
		var at int
		var err error
		switch p.w[p.i].info.class {
		case wScale:
			at, err = p.scaleWord(p.i)
		case wHalf:
			at, err = p.halfWord(p.i)
		default:
			at, err = p.groupWords(p.i)
		}
		if err != nil {
			return 0, at, err
		}
	}
	if at, err := p.end(); err != nil {
		return 0, at, err
	}
	if p.mult >= 0 {
		p.seg += p.mult * 1e9
	}
	return p.seg, -1, nil
}

// scaleWord reads the scale word at w: it multiplies the pending group
// ("hai triệu"), or, right after another scale, makes a compound scale
// ("nghìn tỷ"). Scales go down and each is written once.
func (p *wordsParser) scaleWord(w int) (int, error) {
	s := int(p.w[w].info.val)
	if p.pending == nil {
		switch {
		case p.lastScale < 0 || p.class(w-1) != wScale:
			return p.fail(w, "%q without a number before it", p.word(w))
		case s == 9 && p.mult >= 0:
			return p.fail(w, "%q a second time: a number has one tỷ", p.word(w))
		case s == 9 && p.zeroScale:
			return p.fail(w, "%q after \"không %s\"", p.word(w), p.word(w-1))
		case s == 9: // "nghìn tỷ", "triệu tỷ"
			p.mult, p.unit = p.seg, pow10(9+p.segLast)
			p.seg, p.segLast = 0, 0
		case int(p.w[w-1].info.val) == s:
			return p.fail(w, "%q a second time: each scale is written once", p.word(w))
		case int(p.w[w-1].info.val) < s:
			return p.fail(w, "%q after %q: scales must go down", p.word(w), p.word(w-1))
		default:
			return p.fail(w, "%q right after %q: a number comes before each scale", p.word(w), p.word(w-1))
		}
		p.lastScale = w
		p.i++
		return 0, nil
	}
	g := p.pending
	p.pending = nil
	switch {
	case s == 9 && p.mult >= 0:
		return p.fail(w, "%q a second time: a number has one tỷ", p.word(w))
	case s == 9 && p.segLast == 6 && !g.zeroHundred:
		return p.fail(w, "%q after %q: scales must go down", p.word(w), p.word(p.lastScale))
	case s != 9 && p.segLast == s:
		return p.fail(w, "%q a second time: each scale is written once", p.word(w))
	case s != 9 && p.segLast != 0 && s > p.segLast:
		return p.fail(w, "%q after %q: scales must go down", p.word(w), p.word(p.lastScale))
	case g.shortTail:
		d := p.word(g.last)
		return p.fail(g.last, "%q right after \"trăm\" and before %q reads two ways: write \"trăm linh %s\" or \"trăm %s mươi\"", d, p.word(w), d, d)
	case g.val == 0 && s == 9:
		return p.fail(g.first, "\"không\" before %q: a group of zeros is written only before nghìn or triệu", p.word(w))
	case g.single && p.lastScale >= 0 && p.lastScale == g.first-1 && s == 9:
		d := p.word(g.first)
		return p.fail(g.first, "%q right after %q and before %q reads two ways: write \"%s trăm\" or \"không trăm linh %s\"", d, p.word(p.lastScale), p.word(w), d, d)
	case g.single && !p.w[g.first].info.std:
		return p.fail(g.first, "%q before %q: a digit there is một to chín", p.word(g.first), p.word(w))
	}
	if s == 9 {
		p.mult, p.unit = p.seg+g.val, 1e9
		p.seg, p.segLast = 0, 0
	} else {
		p.seg += g.val * pow10(s)
		p.segLast, p.unit = s, pow10(s)
	}
	p.zeroScale, p.lastScale = g.val == 0, w
	p.i++
	return 0, nil
}

// halfWord reads rưỡi at w, the last word: half of the scale before it
// ("hai nghìn rưỡi") or 50 after trăm ("một trăm rưỡi").
func (p *wordsParser) halfWord(w int) (int, error) {
	if w != len(p.w)-1 {
		return p.fail(w+1, "%q after %q: rưỡi ends a number", p.word(w+1), p.word(w))
	}
	if g := p.pending; g != nil {
		if !g.hundreds || g.zeroHundred || g.last != w-1 || p.class(w-1) != wHundred {
			return p.fail(w, "%q after %q: rưỡi follows a scale or trăm (\"hai nghìn rưỡi\", \"một trăm rưỡi\")", p.word(w), p.word(w-1))
		}
		g.val += 50
		p.i++
		return 0, nil
	}
	switch {
	case p.lastScale < 0:
		return p.fail(w, "%q without a number before it", p.word(w))
	case p.zeroScale:
		return p.fail(w, "%q after \"không %s\"", p.word(w), p.word(w-1))
	}
	p.seg += p.unit / 2
	p.i++
	return 0, nil
}

// groupWords reads a group of up to three digits at w and holds it until
// what follows says what it counts.
func (p *wordsParser) groupWords(w int) (int, error) {
	if p.pending != nil { // a group always ends before a scale, rưỡi or the end
		return p.fail(w, "%q after %q", p.word(w), p.word(w-1))
	}
	first := p.lastScale < 0
	g, at, err := p.group(first)
	if err != nil {
		return at, err
	}
	if first && g.val == 0 {
		return p.fail(g.first, "the number begins with \"không\"")
	}
	p.pending = &g
	return 0, nil
}

// end adds the group left at the end: units, or a short form after a
// scale ("một triệu hai" = 1.200.000) where the amount ends; it refuses a
// group that reads two ways ("một triệu hai trăm").
func (p *wordsParser) end() (int, error) {
	g := p.pending
	if g == nil {
		return 0, nil
	}
	switch {
	case g.single && p.lastScale >= 0: // short form: "một triệu hai"
		d := p.w[g.first].info
		switch {
		case d.val == 0:
			return p.fail(g.first, "\"không\" at the end: a group of zeros is written only before nghìn or triệu")
		case !d.short:
			return p.fail(g.first, "%q after %q: a digit there is một to chín", p.word(g.first), p.word(p.lastScale))
		case !p.final:
			return p.fail(g.first, "%q right after %q is read as a short form (\"một triệu hai\" = 1.200.000) only at the end of an amount", p.word(g.first), p.word(p.lastScale))
		case p.zeroScale:
			return p.fail(g.first, "%q after \"không %s\": a short form follows a scale that has a number", p.word(g.first), p.word(p.lastScale))
		}
		p.seg += d.val * p.unit / 10
	case g.shortTail && !p.final:
		return p.fail(g.last, "%q right after \"trăm\" is read as the tens (\"một trăm hai\" = 120) only at the end of an amount", p.word(g.last))
	case g.val == 0:
		return p.fail(g.first, "\"không\" at the end: a group of zeros is written only before nghìn or triệu")
	case p.lastScale >= 0 && p.w[p.lastScale].info.val != 3 && !g.zeroHundred:
		// "một triệu hai trăm": 1.000.200 or 1.200.000?
		before := p.seg
		if p.mult >= 0 {
			before += p.mult * 1e9
		}
		units, thousands := before+g.val, before+g.val*(p.unit/1000)
		wu, _ := Words(units)
		wt, _ := Words(thousands)
		return p.fail(g.first, "%q after %q reads as %s or %s: write %q or %q",
			p.text(g.first, g.last), p.word(p.lastScale), groupDots(units), groupDots(thousands), wu, wt)
	case g.single && !p.w[g.first].info.std:
		return p.fail(g.first, "%q alone: it is a digit only %s", p.word(g.first), variantHint(p.word(g.first)))
	default:
		p.seg += g.val
	}
	return 0, nil
}

// text is the words i..j joined by spaces.
func (p *wordsParser) text(i, j int) string {
	parts := make([]string, 0, j-i+1)
	for k := i; k <= j; k++ {
		parts = append(parts, p.w[k].text)
	}
	return strings.Join(parts, " ")
}

// group reads a group of three digits at p.i: "X trăm", then "linh Y",
// "mười [Y]", "X mươi [Y]" or a single digit. first: nothing comes before
// it. It reads no word when p.i holds none of those.
func (p *wordsParser) group(first bool) (group, int, error) {
	fail := func(i int, format string, args ...any) (group, int, error) {
		at, err := p.fail(i, format, args...)
		return group{}, at, err
	}
	g := group{first: p.i}
	if p.class(p.i) == wDigit && p.class(p.i+1) == wHundred {
		d := p.w[p.i].info
		switch {
		case !d.std:
			return fail(p.i, "%q before \"trăm\": the hundreds are một to chín", p.word(p.i))
		case d.val == 0 && first:
			return fail(p.i, "the number begins with \"không\"")
		}
		g.val, g.hundreds, g.zeroHundred = d.val*100, true, d.val == 0
		p.i += 2
	}
	switch c := p.class(p.i); {
	case c == wLinh:
		if !g.hundreds && first {
			return fail(p.i, "%q with no hundreds before it (\"một trăm linh năm\")", p.word(p.i))
		}
		p.i++
		if p.class(p.i) != wDigit || !p.w[p.i].info.afterLinh {
			if p.i < len(p.w) {
				return fail(p.i, "%q after %q: linh is followed by a digit from một to chín", p.word(p.i), p.word(p.i-1))
			}
			return fail(p.i-1, "%q at the end: linh is followed by a digit from một to chín", p.word(p.i-1))
		}
		g.val += p.w[p.i].info.val
		p.i++
	case c == wTen:
		g.val += 10
		p.i++
		if p.class(p.i) == wDigit {
			d := p.w[p.i].info
			if !d.afterTen {
				return fail(p.i, "%q after \"mười\": %s", p.word(p.i), afterTensHint(p.word(p.i)))
			}
			g.val += d.val
			p.i++
		}
	case c == wDigit && p.class(p.i+1) == wTens:
		d := p.w[p.i].info
		if !d.std || d.val < 2 {
			return fail(p.i, "%q before \"mươi\": the tens are hai to chín (ten is \"mười\")", p.word(p.i))
		}
		g.val += d.val * 10
		p.i += 2
		if p.class(p.i) == wDigit {
			d := p.w[p.i].info
			if !d.afterTens {
				return fail(p.i, "%q after \"mươi\": %s", p.word(p.i), afterTensHint(p.word(p.i)))
			}
			g.val += d.val
			p.i++
		}
	case c == wDigit:
		d := p.w[p.i].info
		if g.hundreds {
			switch {
			case g.zeroHundred:
				return fail(p.i, "%q after \"không trăm\": write \"không trăm linh %s\"", p.word(p.i), p.word(p.i))
			case !d.short:
				return fail(p.i, "%q right after \"trăm\": after trăm come \"linh …\", \"mười …\" or \"… mươi …\"", p.word(p.i))
			}
			g.val += d.val * 10
			g.shortTail = true
		} else {
			g.val, g.single = d.val, true
		}
		p.i++
	case c == wTens:
		return fail(p.i, "%q without a digit from hai to chín before it", p.word(p.i))
	case c == wHundred:
		return fail(p.i, "%q without a digit before it", p.word(p.i))
	case !g.hundreds:
		if p.i < len(p.w) {
			return fail(p.i, "%q without a number before it", p.word(p.i))
		}
		return fail(len(p.w)-1, "no number")
	}
	g.last = p.i - 1
	if p.i < len(p.w) {
		switch p.class(p.i) {
		case wDigit, wTen, wTens, wHundred, wLinh:
			return fail(p.i, "%q after %q: %s", p.word(p.i), p.word(p.i-1), followHint(p.class(p.i)))
		}
	}
	return g, -1, nil
}

func afterTensHint(w string) string {
	switch w {
	case "năm":
		return "five there is \"lăm\""
	case "mốt":
		return "eleven is \"mười một\""
	case "không":
		return "a round ten ends at mươi or mười"
	}
	return "a digit from một to chín"
}

// variantHint says where a variant of a digit stands.
func variantHint(w string) string {
	switch w {
	case "mốt":
		return "after mươi (\"hai mươi mốt\")"
	case "tư":
		return "after mươi, mười or linh (\"hai mươi tư\")"
	}
	return "after mươi or mười (\"hai mươi lăm\")"
}

func followHint(c wordClass) string {
	switch c {
	case wHundred:
		return "a group has its hundreds first, once"
	case wTens, wTen:
		return "a group has its tens once"
	case wLinh:
		return "linh comes right after trăm"
	}
	return "two numbers in a row"
}

func pow10(n int) int64 {
	v := int64(1)
	for ; n > 0; n-- {
		v *= 10
	}
	return v
}

// groupDots writes n with a dot between groups of three digits
// (1.200.000), as Vietnamese texts do.
func groupDots(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
