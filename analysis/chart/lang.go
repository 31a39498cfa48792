package chart

// Lang is the language of a chart's words and numbers. The zero value is
// Vietnamese.
type Lang int

const (
	// VI writes Vietnamese words and numbers as 1.234,5 (the default).
	VI Lang = iota
	// EN writes English words and numbers as 1,234.5.
	EN
)

// String returns "vi" or "en".
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "vi"
}

// words are the fixed words of the charts, Vietnamese then English.
var words = map[string][2]string{
	"target":     {"Mục tiêu", "Target"},
	"met":        {"Đạt mục tiêu", "Target met"},
	"notmet":     {"Chưa đạt mục tiêu", "Below target"},
	"nodata":     {"không có số liệu", "no data"},
	"planned":    {"Kế hoạch", "Planned"},
	"spent":      {"Thực hiện", "Spent"},
	"rate":       {"Thực hiện/KH", "Spent/plan"},
	"target=":    {"Mục tiêu", "Target"},
	"target>=":   {"Mục tiêu: tối thiểu (≥)", "Target: at least (≥)"},
	"target>":    {"Mục tiêu: trên (>)", "Target: above (>)"},
	"target<=":   {"Mục tiêu: tối đa (≤)", "Target: at most (≤)"},
	"target<":    {"Mục tiêu: dưới (<)", "Target: below (<)"},
	"rise":       {"tăng", "increase"},
	"fall":       {"giảm", "decrease"},
	"same":       {"không đổi", "unchanged"},
	"results":    {"Kết quả", "Result"},
	"incomplete": {"≥ : tổng khi thiếu số liệu của một phần", "≥ : total with a part missing"},
}

func (l Lang) word(key string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if l == EN {
		return w[1]
	}
	return w[0]
}
