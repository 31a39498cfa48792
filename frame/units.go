package frame

import "strings"

// unitTexts are the units of columns (the MetaUnit values the library
// writes) as a reader of each language writes them after a label.
var unitTexts = map[string][2]string{
	"people":                  {"người", "people"},
	"count":                   {"", ""},
	"ratio":                   {"%", "%"},
	"percent":                 {"%", "%"},
	"million_vnd":             {"triệu đồng", "million VND"},
	"million_vnd/1000 people": {"triệu đồng/1.000 người", "million VND per 1,000 people"},
	"million_vnd/100 km2":     {"triệu đồng/100 km²", "million VND per 100 km²"},
	"score":                   {"điểm", "points"},
	"years":                   {"năm", "years"},
	"year":                    {"", ""},
	"line":                    {"", ""},
	"code":                    {"", ""},
	"km2":                     {"km²", "km²"},
	"people/km2":              {"người/km²", "people/km²"},
	"index":                   {"chỉ số", "index"},
	"thousand_people":         {"nghìn người", "thousand people"},
}

// UnitText returns how a column's unit is written after its label for a
// reader of lang ("vi" or "en"): "triệu đồng" for million_vnd, "%" for a
// ratio (shown as a percentage), "người" for people, "" for a count, a year
// or a line number. An unknown unit is returned with its underscores as
// spaces; known reports whether the unit is one of the library's.
func UnitText(unit, lang string) (text string, known bool) {
	w, ok := unitTexts[unit]
	if !ok {
		return strings.ReplaceAll(unit, "_", " "), false
	}
	if lang == "en" {
		return w[1], true
	}
	return w[0], true
}
