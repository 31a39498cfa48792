package reconcile

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/approx"
)

// RuleItems is the rule of the amounts a document's text gives its work
// items against the table rows those items are, and of their sum against
// the total the text states.
const RuleItems = "text-items-vs-table"

// TextItem is a work item of a document's text with the amount the text
// gives it ("Kinh phí dự kiến: 8,580 tỷ đồng"), and the row of a table
// that describes the same work.
type TextItem struct {
	Line   int     // the line of the amount
	Name   string  // the item's heading as written, e.g. "2.1. Xây dựng hệ thống thông tin quản lý văn bản"
	Text   string  // the amount's words as written
	Amount float64 // in the table's unit
	Row    string  // the row's key in the table ("" if no row is the item)
}

// ItemTotal is the total the text states for all its items.
type ItemTotal struct {
	Subject string
	Text    string
	Amount  float64
	Line    int
}

// TextItems compares the items of a document's text with the rows of the
// table they describe: each item's amount with its row's amount column
// (one check each, exact within float rounding), and the items' sum with
// the total the text states (one check). The total's finding names the
// table rows that no item is — work the table costs that the text's list
// leaves out — with their amounts, and the items that have no row. key
// names the table's key column (read as text: a number column's values
// are formatted without decimals), subject the column that names a row in
// findings, amount the compared column.
func TextItems(dataset string, data *frame.Frame, key, subject, amount string, items []TextItem, total ItemTotal) (Report, error) {
	r := Report{Dataset: dataset}
	keys, err := keyStrings(data, key)
	if err != nil {
		return r, err
	}
	ac, err := data.Column(amount)
	if err != nil {
		return r, err
	}
	amounts := ac.Float64s()
	u, uVI := unitAfter(unitOf(data, amount), "en"), unitAfter(unitOf(data, amount), "vi")
	names, namesVI, err := rowNames(data, subject)
	if err != nil {
		return r, err
	}
	lines := data.Col(frame.ColSourceLine).Int64s()
	rowOf := map[string]int{}
	for i, k := range keys {
		rowOf[k] = i
	}
	named := map[string]bool{}
	sum := 0.0
	var noRow []string
	for _, it := range items {
		sum += it.Amount
		if it.Row == "" {
			noRow = append(noRow, it.Name)
			continue
		}
		i, ok := rowOf[it.Row]
		if !ok {
			return r, fmt.Errorf("reconcile: %s: item at line %d names row %q, which the table does not have", dataset, it.Line, it.Row)
		}
		named[it.Row] = true
		r.check(approx.Equal(amounts[i], it.Amount, 0), Finding{Rule: RuleItems, Subject: it.Name, Column: amount,
			Reported: it.Amount, Computed: amounts[i], Difference: it.Amount - amounts[i], SourceLine: it.Line,
			Detail: fmt.Sprintf("the text gives %q %s (%q); its row no. %s (%s, line %d) gives %s",
				it.Name, frame.FormatVI(it.Amount, -1), it.Text, it.Row, names[i], lines[i], frame.FormatVI(amounts[i], -1)),
			DetailVI: fmt.Sprintf("lời văn ghi cho %q %s («%s»); STT %s của bảng (%s, dòng %d) ghi %s",
				it.Name, vi(it.Amount), it.Text, it.Row, namesVI[i], lines[i], vi(amounts[i]))})
	}
	if math.IsNaN(total.Amount) || len(items) == 0 {
		return r, nil
	}
	sum = roundDong(sum)
	var left, leftVI []string
	leftSum := 0.0
	for i, k := range keys {
		if named[k] {
			continue
		}
		leftSum += amounts[i]
		left = append(left, fmt.Sprintf("row no. %s %q (%s, line %d)", k, clip(names[i], 60), frame.FormatVI(amounts[i], -1), lines[i]))
		leftVI = append(leftVI, fmt.Sprintf("STT %s «%s» (%s, dòng %d)", k, clip(namesVI[i], 60), vi(amounts[i]), lines[i]))
	}
	why, whyVI := "", ""
	if len(left) > 0 {
		why = fmt.Sprintf("; the table costs what no item is: %s", strings.Join(left, ", "))
		whyVI = fmt.Sprintf("; bảng có khoản không mục nào của lời văn nói đến: %s", strings.Join(leftVI, ", "))
		if approx.Equal(roundDong(total.Amount-sum), roundDong(leftSum), 0) {
			why += " — the difference exactly"
			whyVI += " — đúng bằng phần chênh"
		}
	}
	if len(noRow) > 0 {
		why += fmt.Sprintf("; items without a row: %s", strings.Join(noRow, ", "))
		whyVI += fmt.Sprintf("; mục không có dòng trong bảng: %s", strings.Join(noRow, ", "))
	}
	lo, hi := items[0].Line, items[0].Line
	for _, it := range items {
		lo, hi = min(lo, it.Line), max(hi, it.Line)
	}
	r.check(approx.Equal(total.Amount, sum, 0), Finding{Rule: RuleItems, Subject: total.Subject, Column: amount,
		Reported: total.Amount, Computed: sum, Difference: roundDong(total.Amount - sum), SourceLine: total.Line,
		Detail: fmt.Sprintf("the text's %d items with an amount (lines %d–%d) add up to %s%s; the total it states is %s%s (%q, difference %s)%s",
			len(items), lo, hi, frame.FormatVI(sum, -1), u, frame.FormatVI(total.Amount, -1), u, total.Text, frame.FormatVI(roundDong(total.Amount-sum), -1), why),
		DetailVI: fmt.Sprintf("%d mục của lời văn có kinh phí (dòng %d–%d) cộng lại %s%s; tổng lời văn ghi là %s%s («%s», chênh %s)%s",
			len(items), lo, hi, vi(sum), uVI, vi(total.Amount), uVI, total.Text, vi(roundDong(total.Amount-sum)), whyVI)})
	return r, nil
}

// keyStrings reads a key column as text.
func keyStrings(data *frame.Frame, key string) ([]string, error) {
	c, err := data.Column(key)
	if err != nil {
		return nil, err
	}
	if c.Kind().Numeric() {
		vs := c.Float64s()
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = frame.FormatVI(v, 0)
		}
		return out, nil
	}
	return c.Strings(), nil
}
