package budget

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/frame"
)

// Plan is one plan of a plan-period comparison: a budget Frame, the phase
// of its amounts, and the years it covers.
type Plan struct {
	// Label names the plan in the output ("" means the dataset id).
	Label string
	// Frame holds the plan's rows (pillars, projects...).
	Frame *frame.Frame
	// Phase is the phase whose amounts count (Planned, Spent or NoPhase).
	Phase string
	// Start and End are the first and last year of the plan, inclusive.
	// Zero means: read them from the Frame's schema metadata period
	// ("2011-2015", "2023").
	Start, End int
}

// PerYear compares plans of different lengths by their amount per year of
// plan, in nominal terms:
//
//	years         = end − start + 1   (inclusive: 2011–2015 is 5 years)
//	total_mvnd    = Σ row amounts of the plan's Frame at its phase
//	per_year_mvnd = total_mvnd / years
//
// One row per plan, in the order given. Columns: plan, dataset, phase,
// period_start, period_end, years, total_mvnd, per_year_mvnd, rows (rows
// added), source_lines. A null cell makes the plan's total and per-year
// amount null. A plan without a Frame, without amounts for its phase, or
// without a readable period (or one that ends before it starts) is an
// error. Deflate the result with RealTermsPeriod on period_start and
// period_end. No plans give an empty Frame.
func PerYear(plans ...Plan) (*frame.Frame, error) {
	var mem memory.Allocator
	var inputs []*frame.Frame
	var rows [][]any
	for k, p := range plans {
		if p.Frame == nil {
			return nil, fmt.Errorf("budget: plan %d (%q) has no Frame", k+1, p.Label)
		}
		if mem == nil {
			mem = p.Frame.Allocator()
		}
		inputs = append(inputs, p.Frame)
		start, end := p.Start, p.End
		if start == 0 && end == 0 {
			var err error
			if start, end, err = parsePeriod(p.Frame.Meta(frame.MetaPeriod)); err != nil {
				return nil, fmt.Errorf("budget: plan %d (%s): %w; set Plan.Start and Plan.End", k+1, describe(p.Frame), err)
			}
		}
		if end < start {
			return nil, fmt.Errorf("budget: plan %d (%s): period %d–%d ends before it starts", k+1, describe(p.Frame), start, end)
		}
		amount, err := rowAmounts(p.Frame, p.Phase)
		if err != nil {
			return nil, err
		}
		all := allRows(len(amount))
		total := sum(amount, all)
		years := end - start + 1
		label := p.Label
		if label == "" {
			label = describe(p.Frame)
		}
		rows = append(rows, []any{label, p.Frame.Meta(frame.MetaDataset), p.Phase, int64(start), int64(end), int64(years),
			num(total), num(total / float64(years)), int64(len(amount)), joinLines(lines(p.Frame), all)})
	}
	meta := map[string]string{frame.MetaDerivedFrom: "budget.PerYear", frame.MetaTitle: "Kinh phí bình quân một năm kế hoạch (giá hiện hành)",
		frame.MetaMethod: "years = period_end - period_start + 1; total_mvnd = sum of the plan's row amounts at its phase; per_year_mvnd = total_mvnd / years (nominal)"}
	if len(inputs) > 0 {
		meta = outMeta("PerYear", meta[frame.MetaMethod], meta[frame.MetaTitle], inputs...)
	}
	specs := []frame.FieldSpec{
		{Name: "plan", Kind: frame.String, LabelVI: "Kế hoạch"},
		{Name: "dataset", Kind: frame.String, LabelVI: "Bộ dữ liệu"},
		{Name: "phase", Kind: frame.String, LabelVI: "Loại số liệu: planned (kế hoạch), spent (đã thực hiện), trống (kế hoạch một giai đoạn)"},
		{Name: "period_start", Kind: frame.Int64, LabelVI: "Năm bắt đầu", Unit: "year"},
		{Name: "period_end", Kind: frame.Int64, LabelVI: "Năm kết thúc", Unit: "year"},
		{Name: "years", Kind: frame.Int64, LabelVI: "Số năm kế hoạch", Unit: "years"},
		{Name: "total_mvnd", Kind: frame.Float64, LabelVI: "Tổng kinh phí", Unit: "million_vnd"},
		{Name: "per_year_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí bình quân một năm", Unit: "million_vnd"},
		{Name: "rows", Kind: frame.Int64, LabelVI: "Số dòng cộng lại", Unit: "count"},
		specSourceLines,
	}
	b := frame.NewBuilder(meta, specs, frame.WithAllocator(mem))
	defer b.Release()
	for _, r := range rows {
		if err := b.AppendRow(r...); err != nil {
			return nil, err
		}
	}
	return b.Frame()
}

// parsePeriod reads "2023", "2011-2015" or "2011–2015".
func parsePeriod(s string) (start, end int, err error) {
	s = strings.TrimSpace(s)
	a, b, two := strings.Cut(strings.ReplaceAll(s, "–", "-"), "-")
	start, err1 := strconv.Atoi(strings.TrimSpace(a))
	end = start
	var err2 error
	if two {
		end, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	if s == "" || err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("period metadata %q is not a year or a range of years", s)
	}
	return start, end, nil
}

// PerYearByRow adds to f, for every row (a programme or project with its own
// period), the number of years it runs and its amount per year:
//
//	years         = period_end − period_start + 1, or duration_years when
//	                the period is not given
//	per_year_mvnd = amount / years
//
// where amount is the row amount at the phase (the sum of its source
// columns, else its total_mvnd). years and per_year_mvnd are null when the
// row has neither a period nor a duration, or its amount is null. A period
// that ends before it starts is an error. f's columns and metadata are
// kept; years and per_year_mvnd are added at the end (replaced if present).
func PerYearByRow(f *frame.Frame, phase string) (*frame.Frame, error) {
	amount, err := rowAmounts(f, phase)
	if err != nil {
		return nil, err
	}
	n := f.NumRows()
	years := make([]int64, n)
	valid := make([]bool, n)
	perYear := make([]float64, n)
	start, end := optInt(f, "period_start"), optInt(f, "period_end")
	duration := optInt(f, "duration_years")
	ls := lines(f)
	for i := range n {
		switch {
		case start.valid[i] && end.valid[i]:
			if end.v[i] < start.v[i] {
				return nil, fmt.Errorf("budget: %s row %d (source line %d): period %d–%d ends before it starts", describe(f), i+1, ls[i], start.v[i], end.v[i])
			}
			years[i], valid[i] = end.v[i]-start.v[i]+1, true
		case duration.valid[i] && duration.v[i] > 0:
			years[i], valid[i] = duration.v[i], true
		}
		perYear[i] = ratio(amount[i], float64(years[i]))
	}
	g, err := f.WithColumn(frame.FieldSpec{Name: "years", Kind: frame.Int64, LabelVI: "Số năm thực hiện", Unit: "years"}, years, valid)
	if err != nil {
		return nil, err
	}
	defer g.Release()
	h, err := g.WithColumn(frame.FieldSpec{Name: "per_year_mvnd", Kind: frame.Float64, LabelVI: "Kinh phí bình quân một năm", Unit: "million_vnd"}, perYear, nil)
	if err != nil {
		return nil, err
	}
	defer h.Release()
	return h.WithMeta(frame.MetaDerivedFrom, "budget.PerYearByRow",
		frame.MetaMethod, "years = period_end - period_start + 1 (else duration_years); per_year_mvnd = row amount ("+phaseName(phase)+") / years"), nil
}

type intCol struct {
	v     []int64
	valid []bool
}

// optInt reads a numeric column as int64 with validity; an absent column
// is all null.
func optInt(f *frame.Frame, name string) intCol {
	c, err := f.Column(name)
	if err != nil || !c.Kind().Numeric() {
		n := f.NumRows()
		return intCol{make([]int64, n), make([]bool, n)}
	}
	return intCol{c.Int64s(), c.Valid()}
}
