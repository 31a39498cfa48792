package periods

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
)

// key identifies one measure of one place: the link between years.
type key struct {
	province, indicator, level string
	levelNull                  bool
}

// statement is the figure used for a key × year × kind, and the later
// statements of the same figure (restatements), in input order.
type statement struct {
	first  figure
	others []figure
}

// differ reports whether a restatement gives another value, upper end or
// comparator than the figure used.
func (s *statement) differ() bool {
	if s == nil {
		return false
	}
	for _, o := range s.others {
		if !sameNumber(o.value, s.first.value) || !sameNumber(upperOf(o), upperOf(s.first)) || o.cmp != s.first.cmp {
			return true
		}
	}
	return false
}

func upperOf(f figure) float64 {
	if f.upper > f.value {
		return f.upper
	}
	return math.NaN()
}

func sameNumber(a, b float64) bool {
	return a == b || (math.IsNaN(a) && math.IsNaN(b))
}

// restated lists the other statements: "line 896: 100", with the file when
// it is not the file of the figure used, and the comparator, range and
// approximation as the source gives them.
func (s *statement) restated() (string, bool) {
	if s == nil || len(s.others) == 0 {
		return "", false
	}
	parts := make([]string, len(s.others))
	for i, o := range s.others {
		var b strings.Builder
		if o.file != "" && o.file != s.first.file {
			b.WriteString(o.file + ":")
		}
		if o.lineKnown {
			fmt.Fprintf(&b, "line %d: ", o.line)
		} else {
			fmt.Fprintf(&b, "row %d: ", o.row+1)
		}
		b.WriteString(describe(o))
		parts[i] = b.String()
	}
	return strings.Join(parts, "; "), true
}

// describe writes a figure as the source states it: "> 90", "5-7", "~18".
func describe(f figure) string {
	var b strings.Builder
	if f.approx {
		b.WriteString("~")
	}
	if f.cmp != "=" {
		b.WriteString(f.cmp + " ")
	}
	b.WriteString(plain(f.value))
	if u := upperOf(f); !math.IsNaN(u) {
		b.WriteString("-" + plain(u))
	}
	return b.String()
}

func plain(v float64) string {
	if math.IsNaN(v) {
		return "null"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// measure gathers the figures of one key.
type measure struct {
	key
	unit, labelVI, labelEN string
	kinds                  map[string]map[int]*statement // kind -> year -> statement
}

func (m *measure) add(g figure) {
	byYear := m.kinds[g.kind]
	if byYear == nil {
		byYear = map[int]*statement{}
		m.kinds[g.kind] = byYear
	}
	if s := byYear[g.year]; s != nil {
		s.others = append(s.others, g)
		return
	}
	byYear[g.year] = &statement{first: g}
}

func years(m map[int]*statement) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// comparison is one output row.
type comparison struct {
	m                        *measure
	year                     int
	hasYear                  bool
	baseline, target, actual *statement
	order                    int // year the row sorts by
}

// groupMeasures gathers the figures by key, in order of first appearance.
// Figures of one key in two different units are an error.
func groupMeasures(figs []figure) ([]*measure, error) {
	var ms []*measure
	byKey := map[key]*measure{}
	var errs []error
	for _, g := range figs {
		k := key{g.province, g.indicator, g.level, g.levelNull}
		m := byKey[k]
		if m == nil {
			m = &measure{key: k, kinds: map[string]map[int]*statement{}}
			byKey[k] = m
			ms = append(ms, m)
		}
		if g.unit != "" {
			if m.unit == "" {
				m.unit = g.unit
			} else if g.unit != m.unit {
				errs = append(errs, fmt.Errorf("%w: %s: %s/%s/%s is in %q here and in %q before: figures in two units cannot be compared",
					ErrInput, g.where(), g.province, g.indicator, g.level, g.unit, m.unit))
			}
		}
		if m.labelVI == "" {
			m.labelVI = g.labelVI
		}
		if m.labelEN == "" {
			m.labelEN = g.labelEN
		}
		m.add(g)
	}
	return ms, errors.Join(errs...)
}

// measuresOf reads the figures of f (see readFigures) and gathers them by
// key (see groupMeasures): the input of Compare and Outlook.
func measuresOf(f *frame.Frame) ([]*measure, error) {
	figs, err := readFigures(f)
	if err != nil {
		return nil, err
	}
	return groupMeasures(figs)
}

// link pairs the target and the actual of each year of a measure and gives
// each pair the latest baseline of a year not after it; baselines no pair
// uses get rows of their own. Rows come in year order, a baseline-only row
// before the rows of its year.
func (m *measure) link() []comparison {
	baselines := m.kinds[KindBaseline]
	bYears := years(baselines)
	used := map[int]bool{}
	set := map[int]bool{}
	for _, kind := range []string{KindTarget, KindActual} {
		for y := range m.kinds[kind] {
			set[y] = true
		}
	}
	var rows []comparison
	for y := range set {
		c := comparison{m: m, year: y, hasYear: true, order: y,
			target: m.kinds[KindTarget][y], actual: m.kinds[KindActual][y]}
		// latest baseline year ≤ y
		if i := sort.SearchInts(bYears, y+1) - 1; i >= 0 {
			c.baseline = baselines[bYears[i]]
			used[bYears[i]] = true
		}
		rows = append(rows, c)
	}
	for _, y := range bYears {
		if !used[y] {
			rows = append(rows, comparison{m: m, baseline: baselines[y], order: y})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].order != rows[j].order {
			return rows[i].order < rows[j].order
		}
		return !rows[i].hasYear && rows[j].hasYear
	})
	return rows
}

// Compare links the baseline, target and actual figures of each indicator
// and measures the change between them. The input is shaped like the
// vn-dx-indicators dataset: required columns province, indicator, year,
// kind (baseline, target or actual) and value; optional level, unit,
// comparator (null is "="), value_upper, approximate, source_file,
// source_line, label_vi and label_en.
//
// The result has one row per province × indicator × level × year with a
// target or an actual figure, and one row for each baseline no such year
// uses (see the package documentation for the linking, the formulas and
// Met). Rows come by key in order of first appearance in the input, then by
// year. Columns:
//
//	province, indicator, level, label_vi, label_en, unit
//	year                      the year of the target and result (null in a baseline-only row)
//	baseline_year, baseline_value, baseline_upper, baseline_comparator,
//	baseline_approximate, baseline_file, baseline_line, baseline_restated
//	target_value, target_upper, ... target_restated   (the same for the target of year)
//	actual_value, actual_upper, ... actual_restated   (the same for the actual of year)
//	change, change_percent, cagr_percent, target_cagr_percent, gap
//	met                       null when a figure is missing or the answer is undetermined
//	status                    met, not_met, undetermined, target_only, actual_only, baseline_only
//	restated_differ           a figure of the row is stated elsewhere with another value
//
// An empty input gives an empty Frame with these columns. Data problems (a
// row without year or kind, an unknown kind or comparator, one key in two
// units) are returned together as an error wrapping ErrInput. The result is
// built with the input's allocator; the caller releases it.
func Compare(f *frame.Frame) (*frame.Frame, error) {
	ms, err := measuresOf(f)
	if err != nil {
		return nil, err
	}
	t := newTable(f, provenance(f,
		"So sánh nhiều kỳ: hiện trạng → mục tiêu → kết quả",
		"Multi-period comparison: baseline -> target -> actual",
		"periods.Compare: target and actual of the same year paired, latest baseline of a year not after them; "+
			"change = actual - baseline; change_percent = 100 (actual - baseline)/|baseline|; "+
			"cagr_percent = 100 ((actual/baseline)^(1/(year - baseline_year)) - 1); gap = actual - target; "+
			"met: '=' and '>=' targets reached at x >= target, '>' at x > target; no tolerance"),
		compareFields())
	for _, m := range ms {
		for _, c := range m.link() {
			c.write(t)
		}
	}
	return t.frame()
}

func compareFields() []frame.FieldSpec {
	specs := append(keyFields(),
		frame.FieldSpec{Name: "year", Kind: frame.Int64, LabelVI: "Năm (mục tiêu, kết quả)", Unit: "year"},
		frame.FieldSpec{Name: "baseline_year", Kind: frame.Int64, LabelVI: "Năm hiện trạng", Unit: "year"},
	)
	specs = append(specs, figureFields("baseline", "Hiện trạng")...)
	specs = append(specs, figureFields("target", "Mục tiêu")...)
	specs = append(specs, figureFields("actual", "Kết quả")...)
	return append(specs,
		frame.FieldSpec{Name: "change", Kind: frame.Float64, LabelVI: "Thay đổi so với hiện trạng", Extra: inUnit},
		frame.FieldSpec{Name: "change_percent", Kind: frame.Float64, LabelVI: "Thay đổi tương đối so với hiện trạng (%)", Unit: "percent"},
		frame.FieldSpec{Name: "cagr_percent", Kind: frame.Float64, LabelVI: "Tăng trưởng bình quân năm (CAGR, %)", Unit: "percent"},
		frame.FieldSpec{Name: "target_cagr_percent", Kind: frame.Float64, LabelVI: "Tăng trưởng bình quân năm cần để đạt mục tiêu (%)", Unit: "percent"},
		frame.FieldSpec{Name: "gap", Kind: frame.Float64, LabelVI: "Chênh lệch kết quả so với mục tiêu", Extra: inUnit},
		frame.FieldSpec{Name: "met", Kind: frame.Bool, LabelVI: "Đạt mục tiêu"},
		frame.FieldSpec{Name: "status", Kind: frame.String, LabelVI: "Tình trạng"},
		frame.FieldSpec{Name: "restated_differ", Kind: frame.Bool, LabelVI: "Số liệu nêu lại khác nhau"},
	)
}

// keyFields are the first columns of Compare and Outlook: the key of a
// measure and its labels, written by writeKey.
func keyFields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
		{Name: "indicator", Kind: frame.String, LabelVI: "Chỉ tiêu (khóa)"},
		{Name: "level", Kind: frame.String, LabelVI: "Cấp"},
		{Name: "label_vi", Kind: frame.String, LabelVI: "Tên chỉ tiêu"},
		{Name: "label_en", Kind: frame.String, LabelVI: "Tên chỉ tiêu (tiếng Anh)"},
		{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
	}
}

// writeKey writes the keyFields of m: level, labels and unit are null when
// the input has none.
func writeKey(t *table, m *measure) {
	t.str("province", m.province, true)
	t.str("indicator", m.indicator, true)
	t.str("level", m.level, !m.levelNull)
	t.str("label_vi", m.labelVI, m.labelVI != "")
	t.str("label_en", m.labelEN, m.labelEN != "")
	t.str("unit", m.unit, m.unit != "")
}

// inUnit describes a column in the unit of its row.
var inUnit = map[string]string{frame.MetaDescription: "in the row's unit (percentage points for a percentage)"}

// figureFields are the columns of one linked figure, written by writeStatement.
func figureFields(prefix, vi string) []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: prefix + "_value", Kind: frame.Float64, LabelVI: vi, Extra: inUnit},
		{Name: prefix + "_upper", Kind: frame.Float64, LabelVI: vi + ": cận trên (khoảng)", Extra: inUnit},
		{Name: prefix + "_comparator", Kind: frame.String, LabelVI: vi + ": so sánh (=, >=, >)"},
		{Name: prefix + "_approximate", Kind: frame.Bool, LabelVI: vi + ": số ước lượng (khoảng, ước)"},
		{Name: prefix + "_file", Kind: frame.String, LabelVI: vi + ": tệp văn bản nguồn"},
		{Name: prefix + "_line", Kind: frame.Int64, LabelVI: vi + ": dòng trong văn bản nguồn", Unit: "line"},
		{Name: prefix + "_restated", Kind: frame.String, LabelVI: vi + ": nêu lại ở dòng",
			Extra: map[string]string{frame.MetaDescription: "other statements of the same figure: line: value (~ approximate)"}},
	}
}

func (c comparison) write(t *table) {
	writeKey(t, c.m)
	t.whole("year", int64(c.year), c.hasYear)
	if c.baseline != nil {
		t.whole("baseline_year", int64(c.baseline.first.year), true)
	} else {
		t.whole("baseline_year", 0, false)
	}
	writeStatement(t, "baseline", c.baseline)
	writeStatement(t, "target", c.target)
	writeStatement(t, "actual", c.actual)

	b, tv, a := math.NaN(), math.NaN(), math.NaN()
	if c.baseline != nil {
		b = c.baseline.first.value
	}
	if c.target != nil {
		tv = c.target.first.value
	}
	if c.actual != nil {
		a = c.actual.first.value
	}
	t.num("change", Difference(b, a))
	t.num("change_percent", percent(RelativeDifference(b, a)))
	cagr, targetCAGR := math.NaN(), math.NaN()
	if c.baseline != nil {
		by := c.baseline.first.year
		cagr = CAGR(b, by, a, c.year)
		targetCAGR = CAGR(b, by, tv, c.year)
	}
	t.num("cagr_percent", percent(cagr))
	t.num("target_cagr_percent", percent(targetCAGR))
	t.num("gap", Gap(a, tv))

	var met, known bool
	var status Status
	switch {
	case c.target != nil && c.actual != nil:
		met, known = Met(c.actual.first.asFigure(), c.target.first.asFigure())
		switch {
		case !known:
			status = StatusUndetermined
		case met:
			status = StatusMet
		default:
			status = StatusNotMet
		}
	case c.target != nil:
		status = StatusTargetOnly
	case c.actual != nil:
		status = StatusActualOnly
	default:
		status = StatusBaselineOnly
	}
	t.flag("met", met, known)
	t.str("status", string(status), true)
	t.flag("restated_differ", c.baseline.differ() || c.target.differ() || c.actual.differ(), true)
}

func writeStatement(t *table, kind string, s *statement) {
	if s == nil {
		for _, col := range []string{"_value", "_upper"} {
			t.num(kind+col, math.NaN())
		}
		t.str(kind+"_comparator", "", false)
		t.flag(kind+"_approximate", false, false)
		t.str(kind+"_file", "", false)
		t.whole(kind+"_line", 0, false)
		t.str(kind+"_restated", "", false)
		return
	}
	g := s.first
	t.num(kind+"_value", g.value)
	t.num(kind+"_upper", upperOf(g))
	t.str(kind+"_comparator", g.cmp, true)
	t.flag(kind+"_approximate", g.approx, g.approxKnown)
	t.str(kind+"_file", g.file, g.file != "")
	t.whole(kind+"_line", g.line, g.lineKnown)
	r, ok := s.restated()
	t.str(kind+"_restated", r, ok)
}
