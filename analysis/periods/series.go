package periods

import (
	"fmt"
	"sort"

	"github.com/ictplan/ictplan/frame"
)

var kindOrder = map[string]int{KindBaseline: 0, KindTarget: 1, KindActual: 2}

// Series returns the figures of one indicator in year order: a long table
// for a line chart of results with their baseline and targets. province ""
// takes every province; all levels of the indicator are kept (filter on
// level for one line per level). The input is read as by Compare.
//
// Rows come by year, then kind (baseline, target, actual), then key
// (province, level) in order of first appearance, then input order.
// Columns: province, indicator, level, label_vi, year, kind, value,
// value_upper, comparator, approximate, unit, source_file, source_line,
// restated and text. restated is true for a figure the source states again
// for the same key, year and kind (Compare uses the first statement): leave
// those out of a chart so that a point is not drawn twice.
//
// No row for the indicator and province is an error wrapping ErrNoFigures;
// data problems of the input (in any row, as for Compare) wrap ErrInput. The result is built with the
// input's allocator; the caller releases it.
func Series(f *frame.Frame, indicator, province string) (*frame.Frame, error) {
	figs, err := readFigures(f)
	if err != nil {
		return nil, err
	}
	var sel []figure
	for _, g := range figs {
		if g.indicator == indicator && (province == "" || g.province == province) {
			sel = append(sel, g)
		}
	}
	if len(sel) == 0 {
		if province == "" {
			return nil, fmt.Errorf("%w: indicator %q", ErrNoFigures, indicator)
		}
		return nil, fmt.Errorf("%w: indicator %q in %q", ErrNoFigures, indicator, province)
	}
	if _, err := groupMeasures(sel); err != nil {
		return nil, err
	}
	keyOrder := map[key]int{}
	type seen struct {
		k    key
		kind string
		year int
	}
	restated := map[int]bool{}
	first := map[seen]bool{}
	for _, g := range sel {
		k := key{g.province, g.indicator, g.level, g.levelNull}
		if _, ok := keyOrder[k]; !ok {
			keyOrder[k] = len(keyOrder)
		}
		s := seen{k, g.kind, g.year}
		restated[g.row] = first[s]
		first[s] = true
	}
	sort.SliceStable(sel, func(i, j int) bool {
		a, b := sel[i], sel[j]
		if a.year != b.year {
			return a.year < b.year
		}
		if kindOrder[a.kind] != kindOrder[b.kind] {
			return kindOrder[a.kind] < kindOrder[b.kind]
		}
		return keyOrder[key{a.province, a.indicator, a.level, a.levelNull}] < keyOrder[key{b.province, b.indicator, b.level, b.levelNull}]
	})

	title := "Chuỗi số liệu theo năm: " + indicator
	if province != "" {
		title += " (" + province + ")"
	}
	t := newTable(f, provenance(f, title, "Time series of an indicator: "+indicator,
		"periods.Series: figures of one indicator by year, kind and level; restated marks a repeated statement"),
		seriesFields())
	for _, g := range sel {
		t.str("province", g.province, true)
		t.str("indicator", g.indicator, true)
		t.str("level", g.level, !g.levelNull)
		t.str("label_vi", g.labelVI, g.labelVI != "")
		t.whole("year", int64(g.year), true)
		t.str("kind", g.kind, true)
		t.num("value", g.value)
		t.num("value_upper", upperOf(g))
		t.str("comparator", g.cmp, true)
		t.flag("approximate", g.approx, g.approxKnown)
		t.str("unit", g.unit, g.unit != "")
		t.str(frame.ColSourceFile, g.file, g.file != "")
		t.whole(frame.ColSourceLine, g.line, g.lineKnown)
		t.flag("restated", restated[g.row], true)
		t.str("text", g.text, g.text != "")
	}
	return t.frame()
}

func seriesFields() []frame.FieldSpec {
	return []frame.FieldSpec{
		{Name: "province", Kind: frame.String, LabelVI: "Tỉnh"},
		{Name: "indicator", Kind: frame.String, LabelVI: "Chỉ tiêu (khóa)"},
		{Name: "level", Kind: frame.String, LabelVI: "Cấp"},
		{Name: "label_vi", Kind: frame.String, LabelVI: "Tên chỉ tiêu"},
		{Name: "year", Kind: frame.Int64, LabelVI: "Năm", Unit: "year"},
		{Name: "kind", Kind: frame.String, LabelVI: "Loại (baseline: hiện trạng, target: mục tiêu, actual: kết quả)"},
		{Name: "value", Kind: frame.Float64, LabelVI: "Giá trị",
			Extra: map[string]string{frame.MetaDescription: "in the row's unit; the lower end of a range"}},
		{Name: "value_upper", Kind: frame.Float64, LabelVI: "Cận trên (khi văn bản nêu một khoảng)"},
		{Name: "comparator", Kind: frame.String, LabelVI: "So sánh (=, >=, >)"},
		{Name: "approximate", Kind: frame.Bool, LabelVI: "Số ước lượng (khoảng, ước)"},
		{Name: "unit", Kind: frame.String, LabelVI: "Đơn vị"},
		{Name: frame.ColSourceFile, Kind: frame.String, LabelVI: "Tệp văn bản nguồn"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn", Unit: "line"},
		{Name: "restated", Kind: frame.Bool, LabelVI: "Nêu lại (đã có ở dòng trước)"},
		{Name: "text", Kind: frame.String, LabelVI: "Trích dẫn văn bản nguồn"},
	}
}
