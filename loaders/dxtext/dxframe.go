package dxtext

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/loaders"
)

// parsePDFText is ParseText for the PDF-text forms: ReadDX, then Infer,
// then the items as a Table.
func parsePDFText(text []byte, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	t, err := ReadDX(text, l, o)
	if err != nil {
		return nil, err
	}
	if err := t.Infer(); err != nil {
		return nil, err
	}
	return t.Table(o)
}

// parseCells reads a dx table given as cells (ReadCells) into a Table.
func parseCells(records [][]loaders.Cell, l loaders.Layout, o loaders.Options) (*loaders.Table, error) {
	t, err := ReadCells(records, l, o)
	if err != nil {
		return nil, err
	}
	return t.Table(o)
}

// PillarKeysJSON is the stable English key of each pillar of the table, by
// pillar number, as a JSON object ({"1":"digital_awareness",…}); a pillar
// whose name is not one of Pillars() gets "".
func (t *DXTable) PillarKeysJSON() string {
	parts := make([]string, len(t.Pillars))
	for i, p := range t.Pillars {
		parts[i] = strconv.Quote(strconv.Itoa(p.No)) + ":" + strconv.Quote(PillarKey(p.Name))
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func (t *DXTable) meta(o loaders.Options) map[string]string {
	m := map[string]string{
		frame.MetaLayout:     t.Layout.Name,
		frame.MetaSourceFile: t.File,
		"number_convention":  t.Convention.String() + " (" + t.ConventionReason + ")",
		"pillar_keys":        t.PillarKeysJSON(),
	}
	if t.Appendix != "" {
		m[frame.MetaAppendix] = "Phụ lục " + t.Appendix
	}
	for k, v := range o.Meta {
		m[k] = v
	}
	return m
}

func (t *DXTable) pillarName(no int) string {
	if no >= 1 && no <= len(t.Pillars) {
		return t.Pillars[no-1].Name
	}
	return ""
}

// moneySpec adds the source unit to a money column.
func (t *DXTable) moneySpec(s frame.FieldSpec) frame.FieldSpec {
	s.Extra = map[string]string{frame.MetaSourceUnit: t.MoneyUnit.String()}
	return s
}

func (t *DXTable) pillarSpec(s frame.FieldSpec) frame.FieldSpec {
	s.Extra = map[string]string{"pillar_keys": t.PillarKeysJSON(),
		frame.MetaDescription: "the pillar (trụ cột) of the plan, in Vietnamese as written; pillar_keys gives its stable English key by pillar_no"}
	return s
}

// ItemsFrame returns the items as a Frame with the layout's columns and
// source_line (the line where the item starts); its schema metadata names
// the column of a pillar subtotal's scope (MetaScopeColumn). Items whose figures are
// still unplaced are an ErrUnplaced error. Text written where a figure
// belongs is kept in the column's "text_cells" field metadata; text fields
// the reader could not settle are listed in the "text_review" schema
// metadata.
func (t *DXTable) ItemsFrame(o loaders.Options) (*frame.Frame, error) {
	errs := loaders.NewErrorList(t.File)
	for _, it := range t.Items {
		if it.Assignment == "" {
			errs.Add(&loaders.Error{Line: it.ValueLine, Err: ErrUnplaced, Expected: fmt.Sprintf("a column for each figure of task %s", itemLabel(it))})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	meta := t.meta(o)
	var review []string
	textCells := map[int][]string{}
	for _, it := range t.Items {
		for _, u := range it.Unsure {
			review = append(review, fmt.Sprintf("%s (line %d) %s", itemLabel(it), it.Line, u))
		}
		for _, c := range it.TextCells {
			textCells[c.Column] = append(textCells[c.Column], fmt.Sprintf("%s (line %d): %s", itemLabel(it), c.Line, c.Text))
		}
	}
	if len(review) > 0 {
		meta["text_review"] = strings.Join(review, "; ")
	}
	if _, ok := o.Meta[MetaScopeColumn]; !ok {
		meta[MetaScopeColumn] = t.scopeColumn()
	}
	specs := t.Layout.Columns()
	money := map[string]int{}
	for i, name := range t.Columns {
		money[name] = i
	}
	for i := range specs {
		switch {
		case specs[i].Name == "pillar":
			specs[i] = t.pillarSpec(specs[i])
		case specs[i].Name == "status":
			specs[i].Extra = map[string]string{frame.MetaDescription: "new = Mới (dự án mới), continuing = Chuyển tiếp (dự án chuyển tiếp)"}
		case specs[i].Name == "assignment":
			specs[i].Extra = map[string]string{frame.MetaDescription: "how the row's amounts reached their columns: layout (read from the positions of the figures in the text), inferred (the only placement that agrees with the pillar subtotals), curated (a reviewed transcription kept with the data)"}
		case specs[i].Unit == "million_vnd":
			specs[i] = t.moneySpec(specs[i])
			if c, ok := money[specs[i].Name]; ok && len(textCells[c]) > 0 {
				specs[i].Extra["text_cells"] = strings.Join(textCells[c], "; ")
			}
		}
	}
	b := frame.NewBuilder(meta, specs, frame.WithAllocator(o.Allocator))
	defer b.Release()
	for _, it := range t.Items {
		for col, s := range specs {
			if c, ok := money[s.Name]; ok {
				if c < len(it.Amounts) && it.Amounts[c].Set {
					b.AppendFloat64(col, it.Amounts[c].Value)
				} else {
					b.AppendNull(col)
				}
				continue
			}
			var text string
			switch s.Name {
			case "pillar_no":
				b.AppendInt64(col, int64(it.Pillar))
				continue
			case frame.ColSourceLine:
				b.AppendInt64(col, int64(it.Line))
				continue
			case "pillar":
				text = t.pillarName(it.Pillar)
			case "code":
				text = it.Code
			case "task":
				text = it.Task
			case "note":
				text = it.Note
			case "status":
				text = it.Status
			case "lead_unit":
				text = it.LeadUnit
			case "period":
				text = it.Period
			case "assignment":
				text = it.Assignment
			}
			if text == "" {
				b.AppendNull(col)
			} else {
				b.AppendString(col, text)
			}
		}
	}
	return b.Frame()
}

// PillarsFrame returns the pillar rows as reported: pillar_no, pillar, the
// amount columns and source_line. Figures written beyond the amount
// columns are not read into any column (see DXPillar.Extra).
func (t *DXTable) PillarsFrame(o loaders.Options) (*frame.Frame, error) {
	specs := []frame.FieldSpec{
		{Name: "pillar_no", Kind: frame.Int64, LabelVI: "STT lĩnh vực"},
		t.pillarSpec(frame.FieldSpec{Name: "pillar", Kind: frame.String, LabelVI: "Lĩnh vực (trụ cột chuyển đổi số)"}),
	}
	for _, k := range moneyCells(t.Layout) {
		c := t.Layout.Cells[k]
		specs = append(specs, t.moneySpec(frame.FieldSpec{Name: c.Name, Kind: frame.Float64, LabelVI: c.LabelVI, Unit: "million_vnd"}))
	}
	specs = append(specs, frame.FieldSpec{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"})
	b := frame.NewBuilder(t.meta(o), specs, frame.WithAllocator(o.Allocator))
	defer b.Release()
	for _, p := range t.Pillars {
		b.AppendInt64(0, int64(p.No))
		b.AppendString(1, p.Name)
		for c := range t.Columns {
			if c < len(p.Values) {
				b.AppendFloat64(2+c, p.Values[c].Value)
			} else {
				b.AppendNull(2 + c)
			}
		}
		b.AppendInt64(2+len(t.Columns), int64(p.Line))
	}
	return b.Frame()
}

// FundingFrame returns the summary by funding source (rows only, not the
// "Tổng" row): source, planned_mvnd, spent_mvnd, rate_percent_reported and
// source_line. It is an error when the table has no such summary.
func (t *DXTable) FundingFrame(o loaders.Options) (*frame.Frame, error) {
	if t.Funding == nil {
		return nil, &loaders.Error{File: t.File, Line: t.LastLine, Err: loaders.ErrTruncated, Expected: "a summary by funding source after the table"}
	}
	specs := []frame.FieldSpec{
		{Name: "source", Kind: frame.String, LabelVI: "Nguồn vốn"},
		t.moneySpec(frame.FieldSpec{Name: "planned_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí được giao theo kế hoạch", Unit: "million_vnd"}),
		t.moneySpec(frame.FieldSpec{Name: "spent_mvnd", Kind: frame.Float64, LabelVI: "Tổng kinh phí đã thực hiện", Unit: "million_vnd"}),
		{Name: "rate_percent_reported", Kind: frame.Float64, LabelVI: "Tỷ lệ thực hiện (%)", Unit: "percent"},
		{Name: frame.ColSourceLine, Kind: frame.Int64, LabelVI: "Dòng trong văn bản nguồn"},
	}
	b := frame.NewBuilder(t.meta(o), specs, frame.WithAllocator(o.Allocator))
	defer b.Release()
	for _, r := range t.Funding.Rows {
		if err := b.AppendRow(r.Source, r.Planned.Value, r.Spent.Value, r.Rate.Value, int64(r.Line)); err != nil {
			return nil, err
		}
	}
	return b.Frame()
}

// MetaScopeColumn is the schema metadata key of a Frame that names the
// column whose value a subtotal's scope (loaders.Total.Group, the "scope"
// of a claims Frame) is matched against, as reconcile.Totals reads it;
// without it the column is "group", the section heading of the
// cell-per-line layouts. ItemsFrame sets it to "pillar": a pillar's
// subtotal covers the rows whose pillar is its name (or to "pillar_no"
// when two pillar rows bear the same name).
const MetaScopeColumn = "scope_column"

// scopeColumn is the column of ItemsFrame that a pillar subtotal's scope
// names (see MetaScopeColumn): "pillar", unless two pillars bear the same
// name, then "pillar_no".
func (t *DXTable) scopeColumn() string {
	seen := map[string]bool{}
	for _, p := range t.Pillars {
		if seen[p.Name] {
			return "pillar_no"
		}
		seen[p.Name] = true
	}
	return "pillar"
}

// pillarScope is a pillar's scope in the column scopeColumn gives.
func (t *DXTable) pillarScope(p DXPillar) string {
	if t.scopeColumn() == "pillar_no" {
		return strconv.Itoa(p.No)
	}
	return p.Name
}

// totalValue is a reported figure of amount column c as a claim: its
// precision is counted in million đồng (Scale) from the unit it is written
// in.
func (t *DXTable) totalValue(c int, v DXValue) loaders.TotalValue {
	return loaders.TotalValue{Column: t.Columns[c], Value: v.Value, Text: v.Text, Line: v.Line, Decimals: v.Decimals,
		Scale: int(t.MoneyUnit) - int(loaders.Million)}
}

// GrandTotal returns the "TỔNG CỘNG" row as a Total of the amount columns
// (a claim for reconciliation); ok is false when the table has none.
func (t *DXTable) GrandTotal() (loaders.Total, bool) {
	if t.Total == nil {
		return loaders.Total{}, false
	}
	tot := loaders.Total{Label: t.Total.Label, Line: t.Total.Line}
	for c, v := range t.Total.Values {
		if c < len(t.Columns) {
			tot.Values = append(tot.Values, t.totalValue(c, v))
		}
	}
	return tot, true
}

// PillarTotals returns the pillar rows as subtotals of the amount columns
// (claims for reconciliation), in their order: each is labelled with the
// pillar's number and name ("3 Hạ tầng số") and its Group is the pillar as
// ItemsFrame's rows carry it in the column MetaScopeColumn names, so that
// reconcile.Totals adds up that pillar's rows only. Figures written beyond
// the amount columns (DXPillar.Extra) are not claims.
func (t *DXTable) PillarTotals() []loaders.Total {
	out := make([]loaders.Total, 0, len(t.Pillars))
	for _, p := range t.Pillars {
		tot := loaders.Total{Label: fmt.Sprintf("%d %s", p.No, p.Name), Line: p.Line, Group: t.pillarScope(p)}
		for c, v := range p.Values {
			if c < len(t.Columns) {
				tot.Values = append(tot.Values, t.totalValue(c, v))
			}
		}
		out = append(out, tot)
	}
	return out
}

// FundingTotals returns the rows of the summary by funding source as
// totals of the whole table (claims for reconciliation), one per source
// row, in order: row k reports the planned amount of the k-th source,
// the sum of the k-th amount column, and the amount spent, the sum of the
// column k places after the planned ones (a dx-results table has the
// planned amounts of its sources, then the spent ones, in one order). A
// row is placed by its position, as its figures are, not by its label,
// which can be wrong (the reconciliation of the labels is the
// catalogue's). The "Tổng" row, a sum over columns, and the rates are
// not claims; rows beyond the sources are left out. nil when the table
// has no summary.
func (t *DXTable) FundingTotals() []loaders.Total {
	if t.Funding == nil || len(t.Columns)%2 != 0 {
		return nil
	}
	half := len(t.Columns) / 2
	var out []loaders.Total
	for k, row := range t.Funding.Rows {
		if k >= half {
			break
		}
		out = append(out, loaders.Total{
			Label: fmt.Sprintf("%s (funding summary, row %d)", row.Source, k+1), Line: row.Line,
			Values: []loaders.TotalValue{
				{Column: t.Columns[k], Value: row.Planned.Value, Text: row.Planned.Text, Line: row.Planned.Line, Decimals: row.Planned.Decimals},
				{Column: t.Columns[half+k], Value: row.Spent.Value, Text: row.Spent.Text, Line: row.Spent.Line, Decimals: row.Spent.Decimals},
			}})
	}
	return out
}

// Table returns the items as a Table (ItemsFrame) with its claims, in the
// order of the text: the pillar subtotals (PillarTotals), the grand total
// (GrandTotal) and the rows of the funding summary (FundingTotals).
func (t *DXTable) Table(o loaders.Options) (*loaders.Table, error) {
	f, err := t.ItemsFrame(o)
	if err != nil {
		return nil, err
	}
	out := &loaders.Table{Frame: f, Convention: t.Convention, ConventionReason: t.ConventionReason,
		MoneyUnit: t.MoneyUnit, Layout: t.Layout.Name, File: t.File, FirstLine: t.FirstLine, LastLine: t.LastLine}
	out.Totals = t.PillarTotals()
	if tot, ok := t.GrandTotal(); ok {
		out.Totals = append(out.Totals, tot)
	}
	out.Totals = append(out.Totals, t.FundingTotals()...)
	return out, nil
}

// Assignments counts the items by assignment ("layout", "inferred",
// "curated", "" for unplaced), for reports.
func (t *DXTable) Assignments() map[string]int {
	m := map[string]int{}
	for _, it := range t.Items {
		m[it.Assignment]++
	}
	return m
}
