package reporting

import "github.com/ictplan/ictplan/frame"

// The page shows words, not codes: the coded values of the analysis tables
// (a level, a status, a measure), the units of their columns and the rules
// of the findings, in the page's language. The files (CSV, XLSX) keep the
// codes, so that a program reading them back finds what it wrote.

// word is a code's name in Vietnamese and in English.
type word struct{ vi, en string }

func (w word) in(lang string) string {
	if lang == "en" {
		return w.en
	}
	return w.vi
}

// codeWords names the values of coded text columns, by column.
var codeWords = map[string]map[string]word{
	"level": {
		"all":      {"toàn tỉnh", "whole province"},
		"province": {"cấp tỉnh", "provincial"},
		"district": {"cấp huyện", "district"},
		"commune":  {"cấp xã", "commune"},
	},
	"status": {
		"met":           {"đạt", "met"},
		"not_met":       {"chưa đạt", "not met"},
		"no_result":     {"chưa có số liệu", "no result yet"},
		"met_later":     {"đạt muộn", "met later"},
		"met_on_time":   {"đạt đúng hạn", "met on time"},
		"reached":       {"đã đạt", "reached"},
		"to_go":         {"còn phải đạt", "still to reach"},
		"continuing":    {"tiếp tục", "continuing"},
		"new":           {"mới", "new"},
		"target_only":   {"chỉ có mục tiêu", "target only"},
		"actual_only":   {"chỉ có kết quả", "result only"},
		"baseline_only": {"chỉ có số liệu gốc", "baseline only"},
	},
	"measure": {
		"computers_per_staff": {"máy tính trên cán bộ", "computers per staff member"},
		"email_share":         {"tỷ lệ cán bộ có hộp thư điện tử", "share of staff with e-mail"},
		"internet_share":      {"tỷ lệ máy tính nối Internet", "share of computers on the Internet"},
		"lan_share":           {"tỷ lệ máy tính nối mạng LAN", "share of computers on a LAN"},
		"it_qualified_share":  {"tỷ lệ cán bộ có trình độ CNTT", "share of staff with IT qualifications"},
	},
	"last_actual_kind": {
		"actual":   {"kết quả", "result"},
		"baseline": {"hiện trạng", "baseline"},
	},
	"phase": {
		"planned": {"kế hoạch", "planned"},
		"spent":   {"thực hiện", "spent"},
	},
	"new_kind": {
		"province": {"tỉnh", "province"},
		"city":     {"thành phố", "city"},
	},
	"match": {
		"both": {"cả hai năm", "both years"},
	},
	"class": {
		"note":    {"ghi chú, không phải chênh lệch", "a note, not a discrepancy"},
		"follows": {"hệ quả của một chênh lệch khác", "follows from another finding"},
	},
}

// boolWords names true and false in columns where ✓ and ✗ say too little.
var boolWords = map[string][2]word{
	"met":      {{"chưa đạt", "not met"}, {"đạt", "met"}},
	"reached":  {{"chưa đạt", "not reached"}, {"đã đạt", "reached"}},
	"agrees":   {{"không khớp", "differs"}, {"khớp", "agrees"}},
	"complete": {{"thiếu", "incomplete"}, {"đủ", "complete"}},
}

// comparatorWords writes a target's comparator before its value.
var comparatorWords = map[string]string{">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": ""}

// codeWord returns the words for value v of column col, and whether the
// column's values are codes with words.
func codeWord(col, v, lang string) (string, bool) {
	m, ok := codeWords[col]
	if !ok {
		return "", false
	}
	if w, ok := m[v]; ok {
		return w.in(lang), true
	}
	return v, true
}

// unitWord returns how a unit is written after a column's label
// (frame.UnitText).
func unitWord(unit, lang string) string {
	t, _ := frame.UnitText(unit, lang)
	return t
}

// knownUnit reports a unit of the library's, such as a row's unit in the
// indicator tables (percent, count …).
func knownUnit(unit string) bool {
	_, ok := frame.UnitText(unit, "vi")
	return ok
}

// isRatioUnit reports a unit the page shows as a percentage of 100.
func isRatioUnit(unit string) bool { return unit == "ratio" }
