package datasets

import (
	"embed"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/numtext"
)

// The indicators of the texts (dataset vn-dx-indicators).
//
// Extraction method. The percentages, ratios and counts that the texts state
// as a baseline, a target or a result are listed, one per line, in a reviewed
// mapping committed beside this file (curated/indicators.csv): indicator key,
// level, year, kind, comparator, source file, the 1-based line where the
// quoted phrase starts, the figure as written and the quoted phrase. The
// mapping holds no values. The build
//
//   - checks that the quoted phrase occurs on its line after both are
//     normalised with loaders.CleanText (NFC, one blank between words); a
//     phrase may run on into the next line that holds text, since PDF text
//     wraps sentences and leaves blank lines between lines (a line that ends
//     in a hyphen joins the next without a blank: "5-" + "7%" reads "5-7%");
//     the phrase must start on the line it names;
//   - checks that the figure occurs in the phrase and parses it with
//     numtext.ParseNumber in the document's convention (dot thousands and a
//     decimal comma, "58,68%" = 58.68; one figure of the 2024 draft, "13.69",
//     is written with a decimal point and says so in the mapping). A range
//     "10-20%" is one row: value is its lower bound, value_upper its upper
//     bound and the comparator ">=". A share stated in words as all
//     ("Tất cả các văn bản … đều …", allWords) is a figure of 100 %;
//   - reads the comparator again from the words before and after the figure
//     and requires it to agree with the mapping: "tối thiểu", "ít nhất" before
//     it or "trở lên" after it is ">="; "trên" or "hơn" right before it is ">"
//     ("đạt trên 90%" is > 90); anything else is "=". "khoảng" (about) or
//     "ước" before it sets approximate and keeps "=";
//   - takes the unit from the key (curated/indicator-keys.csv, which also
//     gives each key's meaning in Vietnamese and English) and requires a
//     percentage key's figure to carry a % sign and no other key's to. An
//     amount of money (unit million_vnd, the unit of the other datasets) is
//     written in the mapping as the text writes it, the number and its
//     money unit ("140,3 tỷ đồng", "11 triệu", read by
//     loaders.ParseMoneyUnit), and its value is in million đồng (140.300);
//     its precision (Decimals) is then in million đồng too, negative for a
//     figure rounded to more than a million (140,3 tỷ: −2, to 100 million).
//     Courses, attendances ("lượt") and other things counted are in count;
//     people trained or reached in people.
//
// Every row keeps the quoted phrase (text), the figure as written (figure),
// its source file and source line, so that datasets.Line can show where it
// came from. Package checks compares a figure that one document states
// twice for the same key, level, year and kind, stated percentages with the
// counts the same sentence gives, and stated totals with their stated
// parts; the 2010 baseline against the 2010 tables is checked by the claims
// of the 2010 datasets.

//go:embed curated/indicators.csv curated/indicator-keys.csv
var indicatorFS embed.FS

// The documents the indicators are read from.
const (
	indPlan2010  = plan2010
	indDraft2024 = "soctrang-2024-dx-plan-draft-with-2023-results.txt"
)

// The values of the level and kind columns.
var (
	indLevels = []string{"province", "district", "commune", "all"}
	indKinds  = []string{"baseline", "target", "actual"}
	indUnits  = []string{"percent", "count", "people", "per_100_people", "mbps", "million_vnd"}
)

func init() {
	catalogue = append(catalogue, Entry{
		ID:      "vn-dx-indicators",
		TitleVI: "Chỉ tiêu ứng dụng CNTT và chuyển đổi số: hiện trạng, mục tiêu và kết quả nêu trong văn bản (2010–2024)",
		TitleEN: "IT and digital-transformation indicators stated in the texts: baselines, targets and results, 2010–2024",
		// Rows name their own source file; Source is the document the
		// check's findings point into.
		Province: "Sóc Trăng", Period: "2010-2024", Source: indDraft2024,
		Document:     "21/KH-UBND (2010); dự thảo kế hoạch chuyển đổi số năm 2024",
		DocumentDate: "2010-11-02; 2024",
		Rows:         324,
		Convention:   loaders.DotThousands,
		ConventionNote: "the running text of both documents groups thousands with a dot and writes decimals with a comma " +
			"(1.774 thủ tục, 58,68%); the 2024 draft writes one figure with a decimal point (13.69 thuê bao/100 dân, line 888), " +
			"which the mapping marks as comma-thousands",
		build: buildIndicators,
	})
}

// IndicatorKey is one indicator key of vn-dx-indicators: a stable name for
// one measure, so that a baseline, a target and a result of the same measure
// in different documents and years share it.
type IndicatorKey struct {
	Key     string
	Unit    string // percent, count, people, per_100_people, mbps or million_vnd
	LabelVI string
	LabelEN string
}

// IndicatorKeys returns the keys of vn-dx-indicators with their unit and
// meaning, in the order of curated/indicator-keys.csv.
func IndicatorKeys() ([]IndicatorKey, error) {
	ind, err := loadIndicators()
	if err != nil {
		return nil, err
	}
	return append([]IndicatorKey(nil), ind.keys...), nil
}

// An Indicator is one figure of vn-dx-indicators: a row of the reviewed
// mapping (curated/indicators.csv), located on its line and parsed. It
// carries what the dataset's columns hold and the precision of the figure
// (Decimals), which the checks use as their tolerance.
type Indicator struct {
	Key, Level       string
	Year             int
	Kind, Comparator string
	File             string
	Line             int
	Figure, Text     string
	Note             string
	Convention       loaders.Convention

	Province    string
	Unit        string
	Value       float64
	Upper       float64 // NaN unless a range
	Decimals    int     // digits after the decimal mark of the (lower) figure
	Approximate bool
	mapLine     int // line in curated/indicators.csv
}

type indicators struct {
	keys   []IndicatorKey
	byKey  map[string]IndicatorKey
	rows   []Indicator
	loaded error
}

var (
	indOnce sync.Once
	indData indicators
)

// loadIndicators reads, locates and parses the mapping once.
func loadIndicators() (*indicators, error) {
	indOnce.Do(func() { indData.loaded = indData.read() })
	return &indData, indData.loaded
}

func (ind *indicators) read() error {
	kb, err := indicatorFS.ReadFile("curated/indicator-keys.csv")
	if err != nil {
		return err
	}
	keyRecs, err := readCuratedCSV(kb, "curated/indicator-keys.csv", []string{"key", "unit", "label_vi", "label_en"})
	if err != nil {
		return err
	}
	ind.byKey = map[string]IndicatorKey{}
	var errs []error
	for _, r := range keyRecs {
		k := IndicatorKey{Key: r.f[0], Unit: r.f[1], LabelVI: loaders.CleanText(r.f[2]), LabelEN: loaders.CleanText(r.f[3])}
		switch {
		case !validKey(k.Key):
			errs = append(errs, fmt.Errorf("curated/indicator-keys.csv:%d: key %q is not snake_case", r.line, k.Key))
		case ind.byKey[k.Key] != (IndicatorKey{}):
			errs = append(errs, fmt.Errorf("curated/indicator-keys.csv:%d: key %q twice", r.line, k.Key))
		case !oneOf(k.Unit, indUnits):
			errs = append(errs, fmt.Errorf("curated/indicator-keys.csv:%d: unit %q (want one of %s)", r.line, k.Unit, strings.Join(indUnits, ", ")))
		case k.LabelVI == "" || k.LabelEN == "":
			errs = append(errs, fmt.Errorf("curated/indicator-keys.csv:%d: key %q needs both labels", r.line, k.Key))
		}
		ind.byKey[k.Key] = k
		ind.keys = append(ind.keys, k)
	}

	mb, err := indicatorFS.ReadFile("curated/indicators.csv")
	if err != nil {
		return err
	}
	recs, err := readCuratedCSV(mb, "curated/indicators.csv",
		[]string{"key", "level", "year", "kind", "comparator", frame.ColSourceFile, "line", "figure", "text", "note", "convention"})
	if err != nil {
		return err
	}
	provinces := map[string]string{}
	for _, s := range sources {
		provinces[s.File] = s.Province
	}
	used := map[string]bool{}
	seen := map[string]int{}
	for _, r := range recs {
		row, err := ind.parseRow(r, provinces)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		used[row.Key] = true
		id := fmt.Sprintf("%s|%s|%d|%s|%s|%d|%s", row.Key, row.Level, row.Year, row.Kind, row.File, row.Line, row.Figure)
		if prev, ok := seen[id]; ok {
			errs = append(errs, fmt.Errorf("curated/indicators.csv:%d: the same figure as line %d", r.line, prev))
		}
		seen[id] = r.line
		ind.rows = append(ind.rows, row)
	}
	for _, k := range ind.keys {
		if !used[k.Key] {
			errs = append(errs, fmt.Errorf("curated/indicator-keys.csv: key %q has no row in curated/indicators.csv", k.Key))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	fileOrder := map[string]int{indPlan2010: 0, indDraft2024: 1}
	sort.SliceStable(ind.rows, func(i, j int) bool {
		a, b := ind.rows[i], ind.rows[j]
		if a.File != b.File {
			return fileOrder[a.File] < fileOrder[b.File]
		}
		return a.Line < b.Line
	})
	return nil
}

// parseRow validates one mapping line, locates its phrase and parses its
// figure.
func (ind *indicators) parseRow(r curatedRecord, provinces map[string]string) (Indicator, error) {
	pos := fmt.Sprintf("curated/indicators.csv:%d", r.line)
	f := r.f
	row := Indicator{Key: f[0], Level: f[1], Kind: f[3], Comparator: f[4], File: f[5],
		Figure: f[7], Text: f[8], Note: loaders.CleanText(f[9]), Upper: math.NaN(), mapLine: r.line}
	k, ok := ind.byKey[row.Key]
	if !ok {
		return row, fmt.Errorf("%s: key %q is not in curated/indicator-keys.csv", pos, row.Key)
	}
	row.Unit = k.Unit
	if !oneOf(row.Level, indLevels) {
		return row, fmt.Errorf("%s: level %q (want one of %s)", pos, row.Level, strings.Join(indLevels, ", "))
	}
	if !oneOf(row.Kind, indKinds) {
		return row, fmt.Errorf("%s: kind %q (want one of %s)", pos, row.Kind, strings.Join(indKinds, ", "))
	}
	var err error
	if row.Year, err = strconv.Atoi(f[2]); err != nil || row.Year < 2000 || row.Year > 2035 {
		return row, fmt.Errorf("%s: year %q", pos, f[2])
	}
	if row.Line, err = strconv.Atoi(f[6]); err != nil || row.Line < 1 {
		return row, fmt.Errorf("%s: line %q", pos, f[6])
	}
	if row.Province, ok = provinces[row.File]; !ok {
		return row, fmt.Errorf("%s: source file %q is not an embedded source", pos, row.File)
	}
	row.Convention = loaders.DotThousands
	if f[10] != "" {
		if row.Convention, err = numtext.ParseConvention(f[10]); err != nil {
			return row, fmt.Errorf("%s: %w", pos, err)
		}
	}
	if row.Text == "" || loaders.CleanText(row.Text) != row.Text {
		return row, fmt.Errorf("%s: the phrase %q is empty or not in the normalised form loaders.CleanText gives", pos, row.Text)
	}
	if _, err := locatePhrase(row.File, row.Line, row.Text); err != nil {
		return row, fmt.Errorf("%s: %w", pos, err)
	}
	at := strings.Index(row.Text, row.Figure)
	if row.Figure == "" || at < 0 {
		return row, fmt.Errorf("%s: the figure %q is not in the phrase %q", pos, row.Figure, row.Text)
	}
	ranged := false
	if allWord(row.Figure) {
		// "Tất cả các văn bản … đều …": a share stated in words as all
		if row.Unit != "percent" {
			return row, fmt.Errorf("%s: figure %q (all, 100%%) for a key in %s, want a key in percent", pos, row.Figure, row.Unit)
		}
		row.Value = 100
	} else if row.Unit == "million_vnd" {
		if row.Value, row.Decimals, err = parseAmount(row.Figure, row.Convention); err != nil {
			return row, fmt.Errorf("%s: %w", pos, err)
		}
	} else {
		var lo, hi float64
		var decimals int
		lo, hi, ranged, decimals, err = parseFigure(row.Figure, row.Convention)
		if err != nil {
			return row, fmt.Errorf("%s: %w", pos, err)
		}
		row.Value, row.Decimals = lo, decimals
		if ranged {
			row.Upper = hi
		}
		if pct := strings.Contains(row.Figure, "%"); pct != (row.Unit == "percent") {
			return row, fmt.Errorf("%s: figure %q for a key in %s", pos, row.Figure, row.Unit)
		}
	}
	cmp, approx := wordingComparator(row.Text[:at], row.Text[at+len(row.Figure):], ranged)
	if cmp != row.Comparator {
		return row, fmt.Errorf("%s: comparator %q, but the wording of %q reads %q", pos, row.Comparator, row.Text, cmp)
	}
	row.Approximate = approx
	return row, nil
}

// allWords are the words a text states a share of 100 % with: "Tất cả
// các văn bản chỉ đạo, điều hành ở cấp tỉnh đều được đưa lên …" is a
// target of 100 % of them. Such a figure is a row of a key in percent,
// value 100, without a % sign.
var allWords = []string{"tất cả", "toàn bộ"}

// allWord reports whether a figure is one of allWords (any case).
func allWord(fig string) bool {
	return slices.Contains(allWords, strings.ToLower(fig))
}

// locatePhrase reports where phrase starts in the text of line n of file
// joined with the next line that holds text, both normalised by
// loaders.CleanText. The phrase must start on line n.
func locatePhrase(file string, n int, phrase string) (int, error) {
	lines, err := indSourceLines(file)
	if err != nil {
		return 0, err
	}
	if n < 1 || n > len(lines) {
		return 0, fmt.Errorf("%s has %d lines, no line %d", file, len(lines), n)
	}
	joined, first := joinWithNext(lines, n)
	i := strings.Index(joined, phrase)
	if i < 0 || i >= first {
		return 0, fmt.Errorf("%s:%d does not hold %q (read: %q)", file, n, phrase, joined)
	}
	return i, nil
}

// joinWithNext returns line n (1-based) joined with the next line that holds
// text, both normalised, and the length of line n's part. A line ending in a
// hyphen joins without a blank.
func joinWithNext(lines []string, n int) (string, int) {
	cur := loaders.CleanText(lines[n-1])
	next := ""
	for k := n; k < len(lines); k++ {
		if t := loaders.CleanText(lines[k]); t != "" {
			next = t
			break
		}
	}
	if next == "" {
		return cur, len(cur)
	}
	sep := " "
	if strings.HasSuffix(cur, "-") {
		sep = ""
	}
	return cur + sep + next, len(cur)
}

var (
	indLinesMu sync.Mutex
	indLines   = map[string][]string{}
)

// indSourceLines returns the lines of a source, split once.
func indSourceLines(file string) ([]string, error) {
	indLinesMu.Lock()
	defer indLinesMu.Unlock()
	if l, ok := indLines[file]; ok {
		return l, nil
	}
	b, err := SourceText(file)
	if err != nil {
		return nil, err
	}
	l := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	indLines[file] = l
	return l, nil
}

// parseFigure parses a figure as written: one number ("58,68%", "1.774",
// "01%") or a range of two ("10-20%", "5%-6%"). decimals counts the digits
// after the decimal mark of the first number.
func parseFigure(fig string, c loaders.Convention) (lo, hi float64, ranged bool, decimals int, err error) {
	parts := []string{fig}
	if i := strings.IndexAny(fig[1:], "-–"); i >= 0 {
		j := i + 1
		_, w := utf8.DecodeRuneInString(fig[j:])
		parts = []string{fig[:j], fig[j+w:]}
		ranged = true
	}
	vals := make([]float64, len(parts))
	for i, p := range parts {
		if vals[i], err = numtext.ParseNumber(p, c); err != nil {
			return 0, 0, false, 0, fmt.Errorf("figure %q: %w", fig, err)
		}
	}
	mark := ","
	if c == loaders.CommaThousands {
		mark = "."
	}
	first := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(parts[0]), "%"))
	if i := strings.LastIndex(first, mark); i >= 0 {
		decimals = len(first) - i - 1
	}
	if ranged {
		if vals[0] >= vals[1] {
			return 0, 0, false, 0, fmt.Errorf("figure %q: a range must rise", fig)
		}
		return vals[0], vals[1], true, decimals, nil
	}
	return vals[0], math.NaN(), false, decimals, nil
}

// parseAmount parses an amount of money as written, its number and money
// unit ("140,3 tỷ đồng", "11 triệu"), into million đồng, with the decimals
// of that value (140,3 tỷ đồng: 140300, −2).
func parseAmount(fig string, c loaders.Convention) (float64, int, error) {
	num, unit, _ := strings.Cut(fig, " ")
	u, ok := loaders.ParseMoneyUnit(unit)
	if !ok {
		return 0, 0, fmt.Errorf("figure %q: an amount is its number and money unit as written (140,3 tỷ đồng)", fig)
	}
	d, err := numtext.ParseDecimal(num, c, false)
	if err != nil || d.Percent {
		return 0, 0, fmt.Errorf("figure %q: not an amount: %v", fig, err)
	}
	shift := int(u) - int(loaders.Million)
	return d.Float(shift), d.Decimals - shift, nil
}

var (
	atLeastBefore = regexp.MustCompile(`(?i)(tối thiểu|ít nhất)(\s+(là|đạt|có|ở mức))?\s*$`)
	atLeastAfter  = regexp.MustCompile(`(?i)^\s*trở lên`)
	aboveBefore   = regexp.MustCompile(`(?i)(^|[\s(:,;])(trên|hơn)\s*$`)
	aboutBefore   = regexp.MustCompile(`(?i)(^|[\s(:,;])(khoảng|ước|xấp xỉ)\s*$`)
)

// wordingComparator reads the comparator a figure's wording implies from the
// text before and after it, and whether the wording marks it as
// approximate. A range is always ">=" (its lower bound).
func wordingComparator(before, after string, ranged bool) (string, bool) {
	approx := aboutBefore.MatchString(before)
	switch {
	case ranged:
		return ">=", approx
	case atLeastBefore.MatchString(before), atLeastAfter.MatchString(after):
		return ">=", approx
	case aboveBefore.MatchString(before):
		return ">", approx
	}
	return "=", approx
}

func validKey(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func oneOf(s string, set []string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// curatedRecord is one data line of a curated CSV file.
// indicatorFields are the columns of vn-dx-indicators.
func indicatorFields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
		{Name: "indicator", Kind: frame.String, LabelVI: "Chỉ tiêu (khóa)",
			Extra: map[string]string{frame.MetaDescription: "stable key of the measure; labels in label_vi and label_en, all keys in IndicatorKeys"}},
		{Name: "level", Kind: frame.String, LabelVI: "Cấp (province: tỉnh, district: huyện, commune: xã, all: toàn tỉnh)"},
		{Name: "year", Kind: frame.Int64, LabelVI: "Năm", Unit: "year"},
		{Name: "kind", Kind: frame.String, LabelVI: "Loại (baseline: hiện trạng, target: mục tiêu, actual: kết quả)"},
		{Name: "value", Kind: frame.Float64, LabelVI: "Giá trị",
			Extra: map[string]string{frame.MetaDescription: "the figure parsed from the quoted phrase, in the row's unit; the lower bound of a range"}},
		{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
		{Name: "comparator", Kind: frame.String, LabelVI: "So sánh (=, >=, >)"},
		{Name: "text", Kind: frame.String, LabelVI: "Trích dẫn văn bản nguồn"},
		{Name: frame.ColSourceFile, Kind: frame.String, LabelVI: "Tệp văn bản nguồn"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"},
		{Name: "figure", Kind: frame.String, LabelVI: "Số liệu như viết trong văn bản"},
		{Name: "value_upper", Kind: frame.Float64, LabelVI: "Cận trên (khi văn bản nêu một khoảng)"},
		{Name: "approximate", Kind: frame.Bool, LabelVI: "Số ước lượng (khoảng, ước)"},
		{Name: "label_vi", Kind: frame.String, LabelVI: "Tên chỉ tiêu"},
		{Name: "label_en", Kind: frame.String, LabelVI: "Tên chỉ tiêu (tiếng Anh)"},
		{Name: "note", Kind: frame.String, LabelVI: "Ghi chú"},
	}
}

// buildIndicators makes vn-dx-indicators from the mapping.
func buildIndicators(e Entry) (*frame.Frame, *frame.Frame, error) {
	ind, err := loadIndicators()
	if err != nil {
		return nil, nil, err
	}
	meta := e.meta()
	meta[frame.MetaSourceFile] = indPlan2010 + ", " + indDraft2024
	meta[frame.MetaDocument] = e.Document
	meta["method"] = "figures listed in curated/indicators.csv (key, level, year, kind, comparator, source line, figure, quoted phrase); " +
		"each phrase verified on its source line (or running on into the next line with text) after loaders.CleanText, " +
		"each value parsed from the figure by numtext.ParseNumber, each comparator re-read from the wording"
	meta["comparator_rules"] = "tối thiểu, ít nhất, trở lên: >=; trên, hơn: > (đạt trên 90% is > 90); otherwise =; khoảng, ước: = with approximate true"
	meta["range_rule"] = "a range (10-20%) is one row: value = lower bound, value_upper = upper bound, comparator >="
	meta["level_rule"] = "province, district, commune: the agencies or units of that tier of government; all: the whole province or several tiers at once"
	rows := make([][]any, 0, len(ind.rows))
	for _, r := range ind.rows {
		k := ind.byKey[r.Key]
		var upper, note any
		if !math.IsNaN(r.Upper) {
			upper = r.Upper
		}
		if r.Note != "" {
			note = r.Note
		}
		rows = append(rows, []any{r.Province, r.Key, r.Level, int64(r.Year), r.Kind, r.Value, r.Unit, r.Comparator, r.Text,
			r.File, int64(r.Line), r.Figure, upper, r.Approximate, k.LabelVI, k.LabelEN, note})
	}
	data, err := frame.FromRows(meta, indicatorFields(), rows)
	if err != nil {
		return nil, nil, err
	}
	claims, err := frame.FromRows(meta, frame.ClaimFields(), nil)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

// Indicators returns the figures of vn-dx-indicators in the order of the
// mapping, each located on its line and parsed (the rows of the dataset,
// with the precision of each figure). The slice is the caller's.
func Indicators() ([]Indicator, error) {
	ind, err := loadIndicators()
	if err != nil {
		return nil, err
	}
	return append([]Indicator(nil), ind.rows...), nil
}
