package checks

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The digital-transformation tables of the 2024 draft: Phụ lục 01 (the
// 2023 results, by task and pillar, and its summary by funding source)
// and Phụ lục 2 (the 2024 plan), with the amounts the draft's text states.

const (
	dxSource      = "soctrang-2024-dx-plan-draft-with-2023-results.txt"
	dx2023Pillars = "soctrang-2023-dx-pillars"
	dx2023Items   = "soctrang-2023-dx-items"
	dx2023Funding = "soctrang-2023-dx-funding"
	dx2024Pillars = "soctrang-2024-dx-pillars"
	dx2024Items   = "soctrang-2024-dx-items"
)

func init() {
	byDataset[dx2023Pillars] = rules{hook: checkDX2023Pillars}
	byDataset[dx2023Items] = rules{hook: checkDX2023Items}
	byDataset[dx2023Funding] = rules{hook: checkDX2023Funding}
	byDataset[dx2024Pillars] = rules{hook: checkDX2024Pillars}
	byDataset[dx2024Items] = rules{hook: checkDX2024Items}
}

// dxExtraFigures flags the figures a pillar or total row writes beyond
// the table's columns.
func dxExtraFigures(id string, t *dxtext.DXTable) reconcile.Report {
	r := reconcile.Report{Dataset: id}
	last := t.Columns[len(t.Columns)-1]
	flag := func(subject string, line int, vals, extra []dxtext.DXValue) {
		for _, x := range extra {
			f := reconcile.Finding{Rule: reconcile.RuleExtraFigure, Subject: subject, Column: "after " + last,
				Reported: x.Value, Computed: math.NaN(), Difference: math.NaN(), SourceLine: line,
				Detail:   fmt.Sprintf("%s writes %d figures for %d columns: %q after %s = %s is not read into any column", subject, len(vals)+len(extra), len(t.Columns), x.Text, last, vals[len(vals)-1].Text),
				DetailVI: fmt.Sprintf("%s ghi %d số cho %d cột: %q sau %s = %s không thuộc cột nào", subject, len(vals)+len(extra), len(t.Columns), x.Text, last, vals[len(vals)-1].Text)}
			if x.Value == 0 {
				// a stray 0 where the note column is: said, since nothing
				// is dropped silently, but no discrepancy (the row's
				// figures are checked against its items on their own)
				f.Class = reconcile.ClassNote
				f.Detail += " — a 0 where the note column is; the row's figures are checked against its items"
				f.DetailVI += " — số 0 ở chỗ cột ghi chú; các số của dòng được đối chiếu với các nhiệm vụ"
			}
			r.Flag(f)
		}
	}
	for _, p := range t.Pillars {
		if len(p.Values) == len(t.Columns) {
			flag(fmt.Sprintf("%d %s", p.No, p.Name), p.Line, p.Values, p.Extra)
		}
	}
	if t.Total != nil && len(t.Total.Values) == len(t.Columns) {
		flag(t.Total.Label, t.Total.Line, t.Total.Values, t.Total.Extra)
	}
	return r
}

// dxLoadFrames loads datasets for a check hook; the caller releases them.
func dxLoadFrames(ids ...string) (map[string]*frame.Frame, func(), error) {
	m := map[string]*frame.Frame{}
	release := func() {
		for _, f := range m {
			f.Release()
		}
	}
	for _, id := range ids {
		f, err := datasets.Load(id)
		if err != nil {
			release()
			return nil, nil, err
		}
		m[id] = f
	}
	return m, release, nil
}

// dxTextLines returns lines first..last of the source joined with spaces,
// blanks collapsed: a sentence of the text that wraps.
func dxTextLines(first, last int) (string, error) {
	var parts []string
	for n := first; n <= last; n++ {
		l, err := datasets.Line(dxSource, n)
		if err != nil {
			return "", err
		}
		parts = append(parts, l)
	}
	return loaders.CleanText(strings.Join(parts, " ")), nil
}

// dxClaim is a figure the text states, quoted from lines First..Last.
type dxClaim struct {
	First, Last int
	Quote       string // the words of the text, as written (blanks collapsed)
	Figure      string // the figure in the quote, in digits
	Subject     string
	Numerator   []reconcile.ColumnRef
}

// dxClaims checks text claims against the tables, after checking that
// each quote is on its lines.
func dxClaims(id string, frames map[string]*frame.Frame, cs []dxClaim) (reconcile.Report, error) {
	var out []reconcile.Claim
	for _, c := range cs {
		text, err := dxTextLines(c.First, c.Last)
		if err != nil {
			return reconcile.Report{}, err
		}
		if !strings.Contains(text, c.Quote) || !strings.Contains(c.Quote, c.Figure) {
			return reconcile.Report{}, fmt.Errorf("checks: %s: lines %d–%d do not hold %q", id, c.First, c.Last, c.Quote)
		}
		a, err := loaders.ParseAmount(c.Figure, loaders.DotThousands, loaders.Million, false)
		if err != nil {
			return reconcile.Report{}, fmt.Errorf("checks: %s: line %d: %w", id, c.First, err)
		}
		out = append(out, reconcile.Claim{Subject: c.Subject, Text: c.Quote, Line: c.First, Value: a.Million,
			Tolerance: 0.5 * math.Pow10(-a.Decimals), Numerator: c.Numerator})
	}
	return reconcile.Claims(id, frames, out...)
}

// dxWords is an amount the text writes in digits and in words, over lines
// First..Last.
type dxWords struct {
	First, Last   int
	Subject       string
	Digits, Words string
}

// dxWordPairs parses each amount twice, from its digits and from its
// words, after checking both are on the lines given.
func dxWordPairs(id string, ws []dxWords) ([]reconcile.Pair, error) {
	var out []reconcile.Pair
	for _, w := range ws {
		text, err := dxTextLines(w.First, w.Last)
		if err != nil {
			return nil, err
		}
		if !strings.Contains(text, w.Digits) || !strings.Contains(text, w.Words) {
			return nil, fmt.Errorf("checks: %s: lines %d–%d do not hold %q and %q", id, w.First, w.Last, w.Digits, w.Words)
		}
		d, err := loaders.ParseAmount(w.Digits, loaders.DotThousands, loaders.UnknownUnit, false)
		if err != nil {
			return nil, fmt.Errorf("checks: %s: line %d: %w", id, w.First, err)
		}
		v, err := loaders.ParseAmountWords(w.Words)
		if err != nil {
			return nil, fmt.Errorf("checks: %s: line %d: %w", id, w.First, err)
		}
		out = append(out, reconcile.Pair{Rule: reconcile.RuleWords, Subject: w.Subject, Column: "amount_mvnd",
			Reported: d.Million, Computed: v, Line: w.First,
			Detail:   fmt.Sprintf("%q = %s million đồng; in words %q = %s million đồng", w.Digits, frame.FormatVI(d.Million, -1), w.Words, frame.FormatVI(v, -1)),
			DetailVI: fmt.Sprintf("%q = %s triệu đồng; bằng chữ %q = %s triệu đồng", w.Digits, frame.FormatVI(d.Million, -1), w.Words, frame.FormatVI(v, -1))})
	}
	return out, nil
}

// checkDX2023Pillars flags the figures pillar rows write beyond the eight
// columns (the totals against the grand total are checked by Check).
func checkDX2023Pillars(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	t, err := datasets.DXTable(dx2023Items)
	if err != nil {
		return reconcile.Report{}, err
	}
	r := dxExtraFigures(e.ID, t)
	s, err := dxSpentWithinGiven(e.ID, data, "pillar")
	r.Add(s)
	return r, err
}

// dxSpentWithinGiven checks that each row (a task, a pillar) spent at most
// what it was given, over the four funding sources.
func dxSpentWithinGiven(id string, data *frame.Frame, subject string) (reconcile.Report, error) {
	planned, spent := dxtext.ResultColumns()
	return reconcile.SpentWithinGiven(id, data, subject, planned, spent)
}

// checkDX2023Items compares the items of each pillar with its subtotals,
// column by column, each item's spending with what it was given, and the
// rates its notes state with its figures (the layout's checks).
func checkDX2023Items(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	r, err := dxItemsVsPillars(e.ID, data, dx2023Pillars, dxtext.DXResults)
	if err != nil {
		return r, err
	}
	s, err := dxSpentWithinGiven(e.ID, data, "code")
	r.Add(s)
	if err != nil {
		return r, err
	}
	for _, n := range dxtext.DXResults.Checks.NoteRates {
		nr, err := reconcile.NoteRates(e.ID, data, "code", n.Note, reconcile.NoteRate{Words: n.Words, Numerator: n.Numerator, Denominator: n.Denominator})
		if err != nil {
			return r, err
		}
		r.Add(nr)
	}
	rr, err := dxResultsReport(e.ID, data)
	r.Add(rr)
	return r, err
}

// dxResults2023 are the results the 2023 section of the 2024 draft
// states as achieved for work that is a task of Phụ lục 01, each at the
// line of the words that say it was done (the quote may begin a few lines
// before, blanks collapsed); dxResultsReport checks each against its
// task's row.
var dxResults2023 = []reconcile.Result{
	// Task 3.6 "Triển khai Ipv6" (line 3281): stated in section 3 (lines
	// 916–918) and again in section 7 (lines 1134–1136).
	{Line: 918, Text: ipv6Done, Task: "3.6"},
	{Line: 1136, Text: ipv6Done, Task: "3.6"},
}

const ipv6Done = "Các hệ thống thông tin và hạ tầng kỹ thuật tại Trung tâm tích hợp dữ liệu tỉnh (TTTHDL) được chuyển đổi tử địa chỉ IPv4 sang IPv6"

// dxResultsReport checks the results the text states against Phụ lục 01,
// after checking that each result's words are on its line; a task that
// Phụ lục 2 (the 2024 tasks) carries over is said to be.
func dxResultsReport(id string, data *frame.Frame) (reconcile.Report, error) {
	fs, release, err := dxLoadFrames(dx2024Items)
	if err != nil {
		return reconcile.Report{}, err
	}
	defer release()
	next := fs[dx2024Items]
	codes, status, lines := next.Col("code").Strings(), next.Col("status").Strings(), next.Col(frame.ColSourceLine).Int64s()
	carried := map[string]int{}
	for i, c := range codes {
		if status[i] == "continuing" {
			carried[c] = int(lines[i])
		}
	}
	results := make([]reconcile.Result, len(dxResults2023))
	for i, res := range dxResults2023 {
		text, err := dxTextLines(max(1, res.Line-6), res.Line)
		if err != nil {
			return reconcile.Report{}, err
		}
		if !strings.Contains(text, res.Text) {
			return reconcile.Report{}, fmt.Errorf("checks: %s: lines %d–%d do not hold %q", id, max(1, res.Line-6), res.Line, res.Text)
		}
		res.Carried = carried[res.Task]
		results[i] = res
	}
	planned, spent := dxtext.ResultColumns()
	return reconcile.Results(id, data, "code", "task", "note", planned, spent, results...)
}

func dxItemsVsPillars(id string, data *frame.Frame, pillarsID string, l loaders.Layout) (reconcile.Report, error) {
	fs, release, err := dxLoadFrames(pillarsID)
	if err != nil {
		return reconcile.Report{}, err
	}
	defer release()
	var cols []string
	for _, c := range l.Cells {
		if c.Kind == loaders.Money {
			cols = append(cols, c.Name)
		}
	}
	return reconcile.Subtotals(id, data, fs[pillarsID], "pillar_no", "pillar", cols...)
}

// dxSourceKey names the funding source a row label describes, from its
// words: "" when it names none.
func dxSourceKey(label string) string {
	f := strings.ToLower(loaders.CleanText(label))
	switch {
	case strings.Contains(f, "trung ương"):
		return "central"
	case strings.Contains(f, "đầu tư phát triển"):
		return "invest"
	case strings.Contains(f, "khác"):
		return "other"
	case strings.Contains(f, "địa phương"):
		return "local"
	}
	return ""
}

// checkDX2023Funding reconciles the summary by funding source of Phụ lục
// 01 (lines 4455–4469) and its copy in the text (lines 1627–1656) with
// the items of Phụ lục 01: each source's planned and spent amounts against
// its columns, each reported rate against spent/planned × 100 (within
// half a unit of its last digit), each label against the column its
// position gives; and the text's 49.008 million (line 1621) against the
// planned total; and each source spent at most what it was given.
func checkDX2023Funding(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	// each source spent at most what it was given, as each task and pillar
	r, err := reconcile.SpentWithinGiven(e.ID, data, "source", []string{"planned_mvnd"}, []string{"spent_mvnd"})
	if err != nil {
		return r, err
	}
	t, err := datasets.DXTable(dx2023Items)
	if err != nil {
		return r, err
	}
	frames, release, err := dxLoadFrames(dx2023Items)
	if err != nil {
		return r, err
	}
	defer release()
	text, err := datasets.SourceText(dxSource)
	if err != nil {
		return r, err
	}
	copyInText, err := dxtext.ReadFundingSummary(dxSource, text, 1627, 1656, loaders.DotThousands)
	if err != nil {
		return r, err
	}
	// The text's copy comes first in the document: a finding that Phụ lục
	// 01's summary repeats (the same rule, row and figure) follows it.
	first := map[string]int{}
	for i, s := range []*dxtext.FundingSummary{copyInText, t.Funding} {
		rr, err := dxFundingChecks(e.ID, frames, s)
		if err != nil {
			return r, err
		}
		for j, f := range rr.Findings {
			key := f.Rule + "|" + f.Subject + "|" + f.Column + "|" + fmt.Sprint(f.Reported)
			if i == 0 {
				first[key] = f.SourceLine
				continue
			}
			if line, ok := first[key]; ok {
				rr.Findings[j].Class = reconcile.ClassFollows
				rr.Findings[j].Detail += fmt.Sprintf(" — as the summary in the text states it (line %d)", line)
				rr.Findings[j].DetailVI += fmt.Sprintf(" — như bảng tổng hợp trong phần lời văn đã ghi (dòng %d)", line)
			}
		}
		r.Add(rr)
	}
	var all []reconcile.ColumnRef
	for _, s := range datasets.DXSources() {
		all = append(all, reconcile.ColumnRef{Dataset: dx2023Items, Column: "planned_" + s.Key + "_mvnd"})
	}
	cr, err := dxClaims(e.ID, frames, []dxClaim{{
		First: 1621, Last: 1621, Quote: "chuyển đổi số tỉnh Sóc Trăng năm 2023: 49.008 triệu đồng", Figure: "49.008",
		Subject: "kinh phí bố trí năm 2023 (funds allotted for 2023), all sources", Numerator: all,
	}})
	if err != nil {
		return r, err
	}
	r.Add(cr)
	return r, nil
}

// dxFundingChecks checks one summary by funding source against the items.
func dxFundingChecks(id string, frames map[string]*frame.Frame, s *dxtext.FundingSummary) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: id}
	var claims []reconcile.Claim
	var pairs []reconcile.Pair
	rate := func(subject string, row dxtext.FundingRow) {
		tol := 0.5 * math.Pow10(-row.Rate.Decimals)
		if row.Planned.Value == 0 {
			f := reconcile.Finding{Rule: reconcile.RuleRatio, Subject: subject, Column: "rate_percent_reported",
				Reported: row.Rate.Value, Computed: math.NaN(), Difference: math.NaN(), SourceLine: row.Line,
				Detail:   fmt.Sprintf("%s reports a rate of %s%% but plans 0: spent/planned is undefined (%s/%s)", subject, row.Rate.Text, row.Spent.Text, row.Planned.Text),
				DetailVI: fmt.Sprintf("%s ghi tỷ lệ %s%% nhưng kế hoạch bằng 0: thực hiện/kế hoạch không xác định (%s/%s)", subject, row.Rate.Text, row.Spent.Text, row.Planned.Text)}
			if row.Rate.Value == 0 && row.Spent.Value == 0 {
				f.Class = reconcile.ClassNote // 0% of 0 planned: how tables write it
			}
			r.Flag(f)
			return
		}
		q := row.Spent.Value / row.Planned.Value * 100
		pairs = append(pairs, reconcile.Pair{Rule: reconcile.RuleRatio, Subject: subject, Column: "rate_percent_reported",
			Reported: row.Rate.Value, Computed: q, Tolerance: tol, Line: row.Line,
			Detail:   fmt.Sprintf("%s reports %s%%; spent/planned × 100 = %s/%s × 100 = %s (tolerance ±%g)", subject, row.Rate.Text, row.Spent.Text, row.Planned.Text, frame.FormatVI(q, 2), tol),
			DetailVI: fmt.Sprintf("%s ghi %s%%; thực hiện/kế hoạch × 100 = %s/%s × 100 = %s (sai số cho phép ±%s)", subject, row.Rate.Text, row.Spent.Text, row.Planned.Text, frame.FormatVI(q, 2), frame.FormatVI(tol, -1))})
	}
	for i, row := range s.Rows {
		if i >= len(datasets.DXSources()) {
			r.Flag(reconcile.Finding{Rule: reconcile.RuleLabel, Subject: row.Source, Column: "source",
				Reported: math.NaN(), Computed: math.NaN(), Difference: math.NaN(), SourceLine: row.Line,
				Detail:   fmt.Sprintf("row %d of the summary has no column of Phụ lục 01 to summarise (it has %d sources)", i+1, len(datasets.DXSources())),
				DetailVI: fmt.Sprintf("dòng %d của bảng tổng hợp không ứng với cột nào của Phụ lục 01 (Phụ lục có %d nguồn)", i+1, len(datasets.DXSources()))})
			continue
		}
		src := datasets.DXSources()[i]
		subject := fmt.Sprintf("%s (row %d: %s)", row.Source, i+1, src.Key)
		if k := dxSourceKey(row.Source); k != src.Key {
			r.Flag(reconcile.Finding{Rule: reconcile.RuleLabel, Subject: subject, Column: "source",
				Reported: math.NaN(), Computed: math.NaN(), Difference: math.NaN(), SourceLine: row.Line,
				Detail:   fmt.Sprintf("row %d of the summary is labelled %q (%s), but its position and figures (%s, %s) are those of the %s column of Phụ lục 01", i+1, row.Source, orNone(k), row.Planned.Text, row.Spent.Text, src.NameVI),
				DetailVI: fmt.Sprintf("dòng %d của bảng tổng hợp ghi nhãn %q (%s), nhưng vị trí và số liệu (%s, %s) là của cột %s trong Phụ lục 01", i+1, row.Source, orNone(k), row.Planned.Text, row.Spent.Text, src.NameVI)})
		}
		for _, c := range []struct {
			col string
			v   dxtext.DXValue
		}{{"planned_" + src.Key + "_mvnd", row.Planned}, {"spent_" + src.Key + "_mvnd", row.Spent}} {
			claims = append(claims, reconcile.Claim{Subject: subject, Text: fmt.Sprintf("%s %s %s %s", row.Source, row.Planned.Text, row.Spent.Text, row.Rate.Text),
				Line: row.Line, Value: c.v.Value, Numerator: []reconcile.ColumnRef{{Dataset: dx2023Items, Column: c.col}}})
		}
		rate(subject, row)
	}
	if tot := s.Total; tot != nil {
		var planned, spent []reconcile.ColumnRef
		for _, src := range datasets.DXSources() {
			planned = append(planned, reconcile.ColumnRef{Dataset: dx2023Items, Column: "planned_" + src.Key + "_mvnd"})
			spent = append(spent, reconcile.ColumnRef{Dataset: dx2023Items, Column: "spent_" + src.Key + "_mvnd"})
		}
		text := fmt.Sprintf("%s %s %s %s", tot.Source, tot.Planned.Text, tot.Spent.Text, tot.Rate.Text)
		claims = append(claims,
			reconcile.Claim{Subject: tot.Source + " (planned, all sources)", Text: text, Line: tot.Line, Value: tot.Planned.Value, Numerator: planned},
			reconcile.Claim{Subject: tot.Source + " (spent, all sources)", Text: text, Line: tot.Line, Value: tot.Spent.Value, Numerator: spent})
		rate(tot.Source+" (all sources)", *tot)
	}
	cr, err := reconcile.Claims(id, frames, claims...)
	if err != nil {
		return r, err
	}
	r.Add(cr)
	r.Add(reconcile.Pairs(id, pairs...))
	return r, nil
}

func orNone(k string) string {
	if k == "" {
		return "no source"
	}
	return k
}

var dx2024Parts = reconcile.Parts{Whole: "total_mvnd", Parts: []string{"local_mvnd", "central_mvnd", "invest_mvnd", "other_mvnd"}}

// checkDX2024Pillars checks each pillar's total against its sources, the
// grand total's too, and flags figures beyond the five columns.
func checkDX2024Pillars(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: e.ID}
	t, err := datasets.DXTable(dx2024Items)
	if err != nil {
		return r, err
	}
	pr, err := reconcile.PartsWithinWhole(e.ID, data, "pillar", dx2024Parts)
	if err != nil {
		return r, err
	}
	r.Add(pr)
	if tot := t.Total; tot != nil && len(tot.Values) == 5 {
		sum := 0.0
		for _, v := range tot.Values[:4] {
			sum += v.Value
		}
		r.Add(reconcile.Pairs(e.ID, reconcile.Pair{Rule: reconcile.RuleParts, Subject: tot.Label, Column: "local_mvnd+central_mvnd+invest_mvnd+other_mvnd",
			Reported: tot.Values[4].Value, Computed: sum, Line: tot.Line,
			Detail:   fmt.Sprintf("%s: the sources add up to %s; the total column says %s", tot.Label, frame.FormatVI(sum, -1), tot.Values[4].Text),
			DetailVI: fmt.Sprintf("%s: các nguồn cộng lại %s; cột tổng ghi %s", tot.Label, frame.FormatVI(sum, -1), tot.Values[4].Text)}))
	}
	r.Add(dxExtraFigures(e.ID, t))
	return r, nil
}

// checkDX2024Items compares the items with their pillars' subtotals, each
// item's total with its sources, and the amounts the text states (lines
// 2632–2642, again 6905–6911, with 152.703 also in words) with the items.
func checkDX2024Items(e datasets.Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	r, err := dxItemsVsPillars(e.ID, data, dx2024Pillars, dxtext.DXPlan)
	if err != nil {
		return r, err
	}
	pr, err := reconcile.PartsWithinWhole(e.ID, data, "task", dx2024Parts)
	if err != nil {
		return r, err
	}
	r.Add(pr)
	frames := map[string]*frame.Frame{e.ID: data}
	col := func(c string) []reconcile.ColumnRef { return []reconcile.ColumnRef{{Dataset: e.ID, Column: c}} }
	var claims []dxClaim
	for _, at := range []struct{ total, local, invest, other int }{{2632, 2638, 2640, 2642}, {6905, 6907, 6909, 6911}} {
		claims = append(claims,
			dxClaim{First: at.total, Last: at.total, Quote: "Tổng kinh phí thực hiện: 152.703 triệu đồng", Figure: "152.703",
				Subject: "tổng kinh phí thực hiện 2024 (total cost)", Numerator: col("total_mvnd")},
			dxClaim{First: at.local, Last: at.local, Quote: "18.023 triệu đồng", Figure: "18.023",
				Subject: "nguồn vốn kinh phí ứng dụng CNTT, chuyển đổi số năm 2024 (NSĐP)", Numerator: col("local_mvnd")},
			dxClaim{First: at.invest, Last: at.invest, Quote: "Nguồn vốn trung hạn: 128.225 triệu đồng", Figure: "128.225",
				Subject: "nguồn vốn trung hạn (ĐTPT)", Numerator: col("invest_mvnd")},
			dxClaim{First: at.other, Last: at.other, Quote: "Nguồn vốn sự nghiệp khác: 6.455 triệu đồng", Figure: "6.455",
				Subject: "nguồn vốn sự nghiệp khác (other)", Numerator: col("other_mvnd")})
	}
	cr, err := dxClaims(e.ID, frames, claims)
	if err != nil {
		return r, err
	}
	r.Add(cr)
	words := "Một trăm năm mươi hai tỷ, bảy trăm lẻ ba triệu đồng"
	pairs, err := dxWordPairs(e.ID, []dxWords{
		{First: 2632, Last: 2634, Subject: "tổng kinh phí thực hiện 2024 (total cost), Phần II", Digits: "152.703 triệu đồng", Words: words},
		{First: 6905, Last: 6905, Subject: "tổng kinh phí thực hiện 2024 (total cost), after Phụ lục 2", Digits: "152.703 triệu đồng", Words: words},
	})
	if err != nil {
		return r, err
	}
	r.Add(reconcile.Pairs(e.ID, pairs...))
	return r, nil
}
