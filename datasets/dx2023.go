package datasets

import (
	"fmt"
	"math"
	"strings"

	"github.com/ictplan/ictplan/analysis/reconcile"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
	"github.com/ictplan/ictplan/loaders/dxtext"
)

// The 2023 results: Phụ lục 01 of the draft 2024 plan (tasks by pillar,
// planned against spent by funding source) and the summary by funding
// source that follows it.

const (
	dx2023Pillars = "soctrang-2023-dx-pillars"
	dx2023Items   = "soctrang-2023-dx-items"
	dx2023Funding = "soctrang-2023-dx-funding"
)

// dx2023Sources are the funding sources of Phụ lục 01, in the order of
// its columns and of the rows of its summary: column key, Vietnamese name.
var dx2023Sources = []struct{ key, vi string }{
	{"local", "ngân sách địa phương (NSĐP)"},
	{"central", "ngân sách trung ương (NSTW)"},
	{"invest", "vốn đầu tư phát triển (ĐTPT)"},
	{"other", "nguồn khác"},
}

func init() {
	common := Entry{
		Province: "Sóc Trăng", Period: "2023", Source: dxSource, Document: dxDoc, DocumentDate: "2024",
		Appendix: "Phụ lục 01", Layout: dxtext.DXResults.Name,
		Convention: loaders.DotThousands, ConventionNote: dxConv,
	}
	pillars, items, funding := common, common, common
	pillars.ID, pillars.Rows = dx2023Pillars, 10
	pillars.TitleVI = "Kinh phí chuyển đổi số năm 2023 theo lĩnh vực: được giao và đã thực hiện theo nguồn vốn"
	pillars.TitleEN = "Digital-transformation budget 2023 by pillar: planned and spent by funding source (NSĐP, NSTW, ĐTPT, other), Sóc Trăng"
	pillars.build, pillars.check = buildDX2023Pillars, checkDX2023Pillars
	items.ID = dx2023Items
	items.TitleVI = "Danh mục các nhiệm vụ, dự án triển khai năm 2023: kinh phí được giao và đã thực hiện theo nguồn vốn"
	items.TitleEN = "Digital-transformation tasks 2023: planned and spent by funding source, with notes, Sóc Trăng"
	items.build, items.check = buildDX2023Items, checkDX2023Items
	funding.ID, funding.Rows = dx2023Funding, 4
	funding.TitleVI = "Kinh phí chuyển đổi số năm 2023 theo nguồn vốn: được giao, đã thực hiện, tỷ lệ thực hiện"
	funding.TitleEN = "Digital-transformation budget 2023 by funding source: planned, spent and reported execution rate, Sóc Trăng"
	funding.build, funding.check = buildDX2023Funding, checkDX2023Funding
	catalogue = append(catalogue, pillars, items, funding)
}

func dx2023Table() (*dxtext.DXTable, error) {
	return dxTable(&dxResultsRead, dxtext.DXResults, "01", dxCurated2023)
}

func buildDX2023Pillars(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2023Table()
	if err != nil {
		return nil, nil, err
	}
	return dxPillars(e, t)
}

// dxPillars builds a pillars dataset and its grand-total claims.
func dxPillars(e Entry, t *dxtext.DXTable) (*frame.Frame, *frame.Frame, error) {
	data, err := t.PillarsFrame(loaders.Options{Meta: dxEntryMeta(e, "")})
	if err != nil {
		return nil, nil, err
	}
	claims, err := dxGrandTotal(e, t)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

func buildDX2023Items(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2023Table()
	if err != nil {
		return nil, nil, err
	}
	return dxItems(e, t, dxCurated2023)
}

// dxItems builds an items dataset and its grand-total claims.
func dxItems(e Entry, t *dxtext.DXTable, curated string) (*frame.Frame, *frame.Frame, error) {
	data, err := dxItemsFrame(e, t, curated)
	if err != nil {
		return nil, nil, err
	}
	claims, err := dxGrandTotal(e, t)
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

func buildDX2023Funding(e Entry) (*frame.Frame, *frame.Frame, error) {
	t, err := dx2023Table()
	if err != nil {
		return nil, nil, err
	}
	if t.Funding == nil || t.Funding.Total == nil {
		return nil, nil, fmt.Errorf("datasets: %s: no summary by funding source with a total after Phụ lục 01", e.ID)
	}
	meta := dxEntryMeta(e, "")
	keys := make([]string, len(t.Funding.Rows))
	for i := range keys {
		keys[i] = "?"
		if i < len(dx2023Sources) {
			keys[i] = dx2023Sources[i].key
		}
	}
	meta["source_keys"] = strings.Join(keys, ",")
	meta["source_keys_note"] = "by row, the column of Phụ lục 01 each source summarises (local = NSĐP, central = NSTW, invest = ĐTPT, other = nguồn khác), from its position; the labels are kept as written"
	data, err := t.FundingFrame(loaders.Options{Meta: meta})
	if err != nil {
		return nil, nil, err
	}
	cm := e.meta()
	cm[frame.MetaTitle] = "Số liệu tổng cộng báo cáo: " + e.TitleVI
	b := frame.NewBuilder(nil, cm, reconcile.ClaimFields()...)
	defer b.Release()
	tot := t.Funding.Total
	for _, v := range []struct {
		col string
		v   dxtext.DXValue
	}{{"planned_mvnd", tot.Planned}, {"spent_mvnd", tot.Spent}, {"rate_percent_reported", tot.Rate}} {
		if err := b.AppendRow(tot.Source, "", v.col, v.v.Value, v.v.Text, int64(v.v.Decimals), int64(tot.Line)); err != nil {
			data.Release()
			return nil, nil, err
		}
	}
	claims, err := b.Frame()
	if err != nil {
		data.Release()
		return nil, nil, err
	}
	return data, claims, nil
}

// checkDX2023Pillars flags the figures pillar rows write beyond the eight
// columns (the totals against the grand total are checked by Check).
func checkDX2023Pillars(e Entry, data, _ *frame.Frame) (reconcile.Report, error) {
	t, err := dx2023Table()
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
func checkDX2023Items(e Entry, data, _ *frame.Frame) (reconcile.Report, error) {
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
	return r, nil
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
// planned total.
func checkDX2023Funding(e Entry, _, _ *frame.Frame) (reconcile.Report, error) {
	r := reconcile.Report{Dataset: e.ID}
	t, err := dx2023Table()
	if err != nil {
		return r, err
	}
	frames, release, err := dxLoadFrames(dx2023Items)
	if err != nil {
		return r, err
	}
	defer release()
	text, err := SourceText(dxSource)
	if err != nil {
		return r, err
	}
	copyInText, err := dxtext.ReadFundingSummary(dxSource, text, 1627, 1656, loaders.DotThousands)
	if err != nil {
		return r, err
	}
	for _, s := range []*dxtext.FundingSummary{t.Funding, copyInText} {
		rr, err := dxFundingChecks(e.ID, frames, s)
		if err != nil {
			return r, err
		}
		r.Add(rr)
	}
	var all []reconcile.ColumnRef
	for _, s := range dx2023Sources {
		all = append(all, reconcile.ColumnRef{Dataset: dx2023Items, Column: "planned_" + s.key + "_mvnd"})
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
		if i >= len(dx2023Sources) {
			r.Flag(reconcile.Finding{Rule: reconcile.RuleLabel, Subject: row.Source, Column: "source",
				Reported: math.NaN(), Computed: math.NaN(), Difference: math.NaN(), SourceLine: row.Line,
				Detail:   fmt.Sprintf("row %d of the summary has no column of Phụ lục 01 to summarise (it has %d sources)", i+1, len(dx2023Sources)),
				DetailVI: fmt.Sprintf("dòng %d của bảng tổng hợp không ứng với cột nào của Phụ lục 01 (Phụ lục có %d nguồn)", i+1, len(dx2023Sources))})
			continue
		}
		src := dx2023Sources[i]
		subject := fmt.Sprintf("%s (row %d: %s)", row.Source, i+1, src.key)
		if k := dxSourceKey(row.Source); k != src.key {
			r.Flag(reconcile.Finding{Rule: reconcile.RuleLabel, Subject: subject, Column: "source",
				Reported: math.NaN(), Computed: math.NaN(), Difference: math.NaN(), SourceLine: row.Line,
				Detail:   fmt.Sprintf("row %d of the summary is labelled %q (%s), but its position and figures (%s, %s) are those of the %s column of Phụ lục 01", i+1, row.Source, orNone(k), row.Planned.Text, row.Spent.Text, src.vi),
				DetailVI: fmt.Sprintf("dòng %d của bảng tổng hợp ghi nhãn %q (%s), nhưng vị trí và số liệu (%s, %s) là của cột %s trong Phụ lục 01", i+1, row.Source, orNone(k), row.Planned.Text, row.Spent.Text, src.vi)})
		}
		for _, c := range []struct {
			col string
			v   dxtext.DXValue
		}{{"planned_" + src.key + "_mvnd", row.Planned}, {"spent_" + src.key + "_mvnd", row.Spent}} {
			claims = append(claims, reconcile.Claim{Subject: subject, Text: fmt.Sprintf("%s %s %s %s", row.Source, row.Planned.Text, row.Spent.Text, row.Rate.Text),
				Line: row.Line, Value: c.v.Value, Numerator: []reconcile.ColumnRef{{Dataset: dx2023Items, Column: c.col}}})
		}
		rate(subject, row)
	}
	if tot := s.Total; tot != nil {
		var planned, spent []reconcile.ColumnRef
		for _, src := range dx2023Sources {
			planned = append(planned, reconcile.ColumnRef{Dataset: dx2023Items, Column: "planned_" + src.key + "_mvnd"})
			spent = append(spent, reconcile.ColumnRef{Dataset: dx2023Items, Column: "spent_" + src.key + "_mvnd"})
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
