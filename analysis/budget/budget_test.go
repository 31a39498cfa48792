package budget_test

import (
	"math"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow/memory"

	"github.com/ictplan/ictplan/analysis/budget"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/frametest"
)

func load(t *testing.T, id string) *frame.Frame {
	t.Helper()
	f, err := datasets.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

const eps = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) <= eps*math.Max(1, math.Abs(b)) }

// cell returns a float cell (NaN for null) of the row whose key column
// equals key.
func cell(t *testing.T, f *frame.Frame, keyCol string, key any, col string) float64 {
	t.Helper()
	kc, vc := f.Col(keyCol), f.Col(col)
	for i := range kc.Len() {
		if kc.Value(i) == key {
			if vc.IsNull(i) {
				return math.NaN()
			}
			return vc.Float64s()[i]
		}
	}
	t.Fatalf("no row %s = %v", keyCol, key)
	return 0
}

func wantNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.IsNaN(want) {
		if !math.IsNaN(got) {
			t.Errorf("%s = %v, want null", what, got)
		}
		return
	}
	if !near(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// Figures of soctrang-2023-dx-pillars (Phụ lục 01), recomputed by hand.
func TestExecutionByPillar2023(t *testing.T) {
	p23 := load(t, "soctrang-2023-dx-pillars")
	defer p23.Release()
	f, err := budget.Execution(p23, budget.ByPillar)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	for _, c := range []struct {
		no                   int64
		planned, spent, rate float64
	}{
		// line 2917: planned 210+0+0+750 = 960, spent 60+0+0+750 = 810, 810/960 = 0.84375
		{1, 960, 810, 0.84375},
		// line 3044: 500 planned, nothing spent: rate 0 (not null: planned is not 0)
		{2, 500, 0, 0},
		// line 3365: 894+0+10000+108 = 11002; 194+0+1200+108 = 1502; 1502/11002
		{4, 11002, 1502, 1502.0 / 11002},
		// line 3811: 7292+0+6900+1080 = 15272; 6247+0+6900+1080 = 14227
		{8, 15272, 14227, 14227.0 / 15272},
		// line 4404: 0+0+0+200 = 200 both: 1
		{10, 200, 200, 1},
	} {
		wantNear(t, "planned", cell(t, f, "pillar_no", c.no, "planned_mvnd"), c.planned)
		wantNear(t, "spent", cell(t, f, "pillar_no", c.no, "spent_mvnd"), c.spent)
		wantNear(t, "rate", cell(t, f, "pillar_no", c.no, "rate"), c.rate)
	}
	if got := f.Col("source_line").Int64s()[0]; got != 2917 {
		t.Errorf("source_line of pillar 1 = %d, want 2917", got)
	}
	if got := f.Col("pillar_key").Strings()[6]; got != "cybersecurity" {
		t.Errorf("pillar_key of pillar 7 = %q", got)
	}
	if f.Meta(frame.MetaDataset) != "soctrang-2023-dx-pillars" || f.Meta(frame.MetaDerivedFrom) != "budget.Execution(ByPillar)" {
		t.Errorf("metadata %v", f.Metadata())
	}
	if s := f.Fields()[5]; s.Name != "rate" || s.Unit != "ratio" || s.LabelVI == "" {
		t.Errorf("rate spec %+v", s)
	}
}

// The pillar table's source columns and the funding table (row form) give
// the same sums: 18970, 0, 27900, 2138 planned; 12693, 0, 12700, 2138 spent.
func TestExecutionBySource2023(t *testing.T) {
	p23 := load(t, "soctrang-2023-dx-pillars")
	defer p23.Release()
	fu := load(t, "soctrang-2023-dx-funding")
	defer fu.Release()
	a, err := budget.Execution(p23, budget.BySource)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	b, err := budget.Execution(fu, budget.BySource)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Release()
	for _, c := range []struct {
		source               string
		planned, spent, rate float64
	}{
		// planned_local: 210+500+7843+894+0+480+1025+7292+726+0 = 18970
		// spent_local: 60+0+4682+194+0+480+554+6247+476+0 = 12693
		{"local", 18970, 12693, 12693.0 / 18970},
		// central: all zero: 0/0 has no rate
		{"central", 0, 0, math.NaN()},
		// invest: 10000+10000+6900+1000 = 27900; 1200+3600+6900+1000 = 12700
		{"invest", 27900, 12700, 12700.0 / 27900},
		// other: 750+108+1080+200 = 2138 both
		{"other", 2138, 2138, 1},
	} {
		for _, f := range []*frame.Frame{a, b} {
			wantNear(t, c.source+" planned", cell(t, f, "source", c.source, "planned_mvnd"), c.planned)
			wantNear(t, c.source+" spent", cell(t, f, "source", c.source, "spent_mvnd"), c.spent)
			wantNear(t, c.source+" rate", cell(t, f, "source", c.source, "rate"), c.rate)
		}
	}
	// the reported rates stay as reported (line 4461: 67, line 4463: 0)
	wantNear(t, "reported local", cell(t, b, "source", "local", "rate_percent_reported"), 67)
	wantNear(t, "reported central", cell(t, b, "source", "central", "rate_percent_reported"), 0)
	if got := b.Col("source_vi").Strings()[1]; got != "Nguồn vốn sự nghiệp địa phương" {
		t.Errorf("row 2 label = %q, want it as written", got)
	}
	if got := b.Col("source_lines").Strings(); strings.Join(got, " ") != "4461 4463 4465 4467" {
		t.Errorf("source_lines %v", got)
	}
	if a.Has("rate_percent_reported") {
		t.Error("column form has no reported rate")
	}
	if got := a.Col("source_lines").Strings()[0]; got != "2917,3044,3115,3365,3579,3627,3668,3811,4266,4404" {
		t.Errorf("source_lines %q", got)
	}
}

// Shares of 2023 (planned, total 18970+0+27900+2138 = 49008) and 2024
// (total 805+500+46261+43500+26970+480+10585+20992+1410+1200 = 152703).
func TestShares(t *testing.T) {
	p23 := load(t, "soctrang-2023-dx-pillars")
	defer p23.Release()
	p24 := load(t, "soctrang-2024-dx-pillars")
	defer p24.Release()

	s, err := budget.Shares(p23, budget.ByPillar, budget.Planned)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	wantNear(t, "2023 pillar 8 share", cell(t, s, "pillar_no", int64(8), "share"), 15272.0/49008)
	wantNear(t, "2023 pillar 10 share", cell(t, s, "pillar_no", int64(10), "share"), 200.0/49008)

	sp, err := budget.Shares(p23, budget.ByPillar, budget.Spent)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Release()
	// spent: 12693+0+12700+2138 = 27531; pillar 1 spent 810
	wantNear(t, "2023 pillar 1 spent share", cell(t, sp, "pillar_no", int64(1), "share"), 810.0/27531)

	s24, err := budget.Shares(p24, budget.ByPillar, budget.NoPhase)
	if err != nil {
		t.Fatal(err)
	}
	defer s24.Release()
	// line 4785: 8236+0+38025+0 = 46261 (the reported total_mvnd is not added in)
	wantNear(t, "2024 pillar 3 amount", cell(t, s24, "pillar_no", int64(3), "amount_mvnd"), 46261)
	wantNear(t, "2024 pillar 3 share", cell(t, s24, "pillar_no", int64(3), "share"), 46261.0/152703)

	src, err := budget.Shares(p24, budget.BySource, budget.NoPhase)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Release()
	// invest 2024: 38025+42000+25200+10000+12000+1000 = 128225
	wantNear(t, "2024 invest", cell(t, src, "source", "invest", "amount_mvnd"), 128225)
	wantNear(t, "2024 invest share", cell(t, src, "source", "invest", "share"), 128225.0/152703)
	if src.NumRows() != 4 {
		t.Errorf("2024 sources: %d rows, want 4 (total_mvnd is not a source)", src.NumRows())
	}

	ps, err := budget.Shares(p23, budget.ByPillarSource, budget.Planned)
	if err != nil {
		t.Fatal(err)
	}
	defer ps.Release()
	if ps.NumRows() != 40 {
		t.Fatalf("%d rows, want 10 pillars × 4 sources", ps.NumRows())
	}
	// row 16 = pillar 4, other: 108 of 11002 (pillar), of 49008 (total)
	r := ps.Row(15)
	if r.Int64("pillar_no") != 4 || r.String("source") != "other" || r.Int64("source_line") != 3365 {
		t.Fatalf("row 16 = %v %v", r.Value("pillar_no"), r.Value("source"))
	}
	wantNear(t, "share_of_pillar", r.Float64("share_of_pillar"), 108.0/11002)
	wantNear(t, "share_of_total", r.Float64("share_of_total"), 108.0/49008)
	// pillar 10 (0 everywhere but other 200): local share of pillar is 0/200 = 0
	wantNear(t, "zero share", ps.Row(36).Float64("share_of_pillar"), 0)

	pr := load(t, "soctrang-2011-2015-projects")
	defer pr.Release()
	// the 13 total_mvnd: 24000+3613+8580+7286+7566+9500+2500+12000+5000+5000+10000+10000+4000 = 109045
	if got, err := budget.Total(pr, budget.NoPhase); err != nil || got != 109045 {
		t.Errorf("Total 2011-2015 = %v, %v; want 109045", got, err)
	}
}

// 2023 planned -> 2024 by pillar.
func TestChange2023To2024(t *testing.T) {
	p23 := load(t, "soctrang-2023-dx-pillars")
	defer p23.Release()
	p24 := load(t, "soctrang-2024-dx-pillars")
	defer p24.Release()
	f, err := budget.Change(p23, budget.Planned, p24, budget.NoPhase)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	for _, c := range []struct {
		no                    int64
		from, to, delta, rate float64
	}{
		// 960 -> 130+0+0+675 = 805: -155, -155/960
		{1, 960, 805, -155, -155.0 / 960},
		// 7843 -> 46261: +38418, 38418/7843
		{3, 7843, 46261, 38418, 38418.0 / 7843},
		// 200 -> 1200: +1000, ×5
		{10, 200, 1200, 1000, 5},
	} {
		wantNear(t, "from", cell(t, f, "pillar_no", c.no, "from_mvnd"), c.from)
		wantNear(t, "to", cell(t, f, "pillar_no", c.no, "to_mvnd"), c.to)
		wantNear(t, "change", cell(t, f, "pillar_no", c.no, "change_mvnd"), c.delta)
		wantNear(t, "ratio", cell(t, f, "pillar_no", c.no, "change_ratio"), c.rate)
	}
	r := f.Row(0)
	if r.String("match") != budget.MatchBoth || r.Int64("source_line_from") != 2917 || r.Int64("source_line_to") != 4516 {
		t.Errorf("row 1: %v %v %v", r.Value("match"), r.Value("source_line_from"), r.Value("source_line_to"))
	}
	if got := f.Meta(frame.MetaDataset); got != "soctrang-2023-dx-pillars, soctrang-2024-dx-pillars" {
		t.Errorf("dataset %q", got)
	}
}

// Per year of plan, nominal and in 2024 prices.
func TestPerYearReal(t *testing.T) {
	pr := load(t, "soctrang-2011-2015-projects")
	defer pr.Release()
	p23 := load(t, "soctrang-2023-dx-pillars")
	defer p23.Release()
	cpi := load(t, "vn-cpi")
	defer cpi.Release()
	py, err := budget.PerYear(budget.Plan{Label: "2011–2015", Frame: pr}, budget.Plan{Frame: p23, Phase: budget.Planned})
	if err != nil {
		t.Fatal(err)
	}
	defer py.Release()
	// 2011–2015: 5 years inclusive, 109045 / 5 = 21809; 2023: 1 year, 49008
	wantNear(t, "per year 2011-2015", cell(t, py, "plan", "2011–2015", "per_year_mvnd"), 21809)
	wantNear(t, "per year 2023", cell(t, py, "plan", "soctrang-2023-dx-pillars", "per_year_mvnd"), 49008)
	if y := py.Col("years").Int64s(); y[0] != 5 || y[1] != 1 {
		t.Errorf("years %v", y)
	}
	f, err := budget.RealTermsPeriod(py, "per_year_mvnd", "period_start", "period_end", cpi, 2024)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	// vn-cpi indices (2010 = 100): 2011 118.58, 2012 129.5012, 2013 138.0483,
	// 2014 143.6945, 2015 144.5997, 2023 183.1377, 2024 189.7856.
	// I(2011–2015) = 5 / (1/118.58 + 1/129.5012 + 1/138.0483 + 1/143.6945 + 1/144.5997)
	h := 5 / (1/118.58 + 1/129.5012 + 1/138.0483 + 1/143.6945 + 1/144.5997) // ≈ 134.1426
	wantNear(t, "I(2011-2015)", f.Col("price_index").Float64s()[0], h)
	wantNear(t, "real 2011-2015", f.Col("per_year_real_mvnd").Float64s()[0], 21809*189.7856/h)   // ≈ 30855.47
	wantNear(t, "real 2023", f.Col("per_year_real_mvnd").Float64s()[1], 49008*189.7856/183.1377) // ≈ 50786.99
	if math.Abs(h-134.142642) > 1e-6 {
		t.Errorf("harmonic index %v, want 134.142642 (computed separately)", h)
	}
	if f.Meta(budget.MetaBaseYear) != "2024" || f.Meta("cpi_dataset") != "vn-cpi" {
		t.Errorf("metadata %v", f.Metadata())
	}
}

var synthSpecs = []frame.FieldSpec{
	{Name: "pillar_no", Kind: frame.Int64},
	{Name: "pillar", Kind: frame.String},
	{Name: "planned_a_mvnd", Kind: frame.Float64, LabelVI: "Kế hoạch: Nguồn A"},
	{Name: "planned_b_mvnd", Kind: frame.Float64, LabelVI: "Kế hoạch: Nguồn B"},
	{Name: "spent_a_mvnd", Kind: frame.Float64},
	{Name: "spent_b_mvnd", Kind: frame.Float64},
	{Name: "source_line", Kind: frame.Int64},
}

// Nulls, zero denominators and empty input, on a checked allocator.
func TestEdgeCases(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	nan := math.NaN()
	cases := []struct {
		name string
		rows [][]any
		// want, per row: planned, spent, rate, share of planned
		want [][4]float64
	}{
		{"plain", [][]any{
			{1, "P1", 30.0, 10.0, 20.0, 10.0, 11}, // 40 planned, 30 spent
			{2, "P2", 60.0, 0.0, 15.0, 0.0, 12},   // 60, 15
		}, [][4]float64{{40, 30, 0.75, 0.4}, {60, 15, 0.25, 0.6}}},
		{"planned zero, spent not: rate null", [][]any{
			{1, "P1", 0.0, 0.0, 5.0, 0.0, 11},
			{2, "P2", 10.0, 0.0, 5.0, 0.0, 12},
		}, [][4]float64{{0, 5, nan, 0}, {10, 5, 0.5, 1}}},
		{"null cell: its pillar unknown, every share unknown", [][]any{
			{1, "P1", nil, 10.0, 5.0, 0.0, 11},
			{2, "P2", 10.0, 0.0, 5.0, 0.0, 12},
		}, [][4]float64{{nan, 5, nan, nan}, {10, 5, 0.5, nan}}},
		{"all zero: shares null", [][]any{
			{1, "P1", 0.0, 0.0, 0.0, 0.0, 11},
		}, [][4]float64{{0, 0, nan, nan}}},
		{"empty", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := frametest.Build(t, mem, nil, synthSpecs, c.rows...)
			defer f.Release()
			ex, err := budget.Execution(f, budget.ByPillar)
			if err != nil {
				t.Fatal(err)
			}
			defer ex.Release()
			sh, err := budget.Shares(f, budget.ByPillar, budget.Planned)
			if err != nil {
				t.Fatal(err)
			}
			defer sh.Release()
			if ex.NumRows() != len(c.want) || sh.NumRows() != len(c.want) {
				t.Fatalf("rows %d, %d; want %d", ex.NumRows(), sh.NumRows(), len(c.want))
			}
			for i, w := range c.want {
				wantNear(t, "planned", ex.Col("planned_mvnd").Float64s()[i], w[0])
				wantNear(t, "spent", ex.Col("spent_mvnd").Float64s()[i], w[1])
				wantNear(t, "rate", ex.Col("rate").Float64s()[i], w[2])
				wantNear(t, "share", sh.Col("share").Float64s()[i], w[3])
				if math.IsNaN(w[2]) && !ex.Col("rate").IsNull(i) {
					t.Errorf("row %d: rate is not null", i)
				}
			}
			for _, fn := range []func(*frame.Frame) (*frame.Frame, error){
				func(f *frame.Frame) (*frame.Frame, error) { return budget.Execution(f, budget.BySource) },
				func(f *frame.Frame) (*frame.Frame, error) { return budget.Execution(f, budget.ByPillarSource) },
				func(f *frame.Frame) (*frame.Frame, error) { return budget.Shares(f, budget.BySource, budget.Spent) },
				func(f *frame.Frame) (*frame.Frame, error) {
					return budget.Shares(f, budget.ByPillarSource, budget.Planned)
				},
			} {
				g, err := fn(f)
				if err != nil {
					t.Fatal(err)
				}
				g.Release()
			}
		})
	}
}

func TestSourcesEdge(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	f := frametest.Build(t, mem, nil, synthSpecs, [][]any{
		{1, "P1", 30.0, nil, 20.0, 10.0, 11},
		{2, "P2", 60.0, 5.0, 15.0, 0.0, 12},
	}...)
	defer f.Release()
	s, err := budget.Shares(f, budget.BySource, budget.Planned)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	// a: 30+60 = 90; b: null+5 = null; total null: every share null
	wantNear(t, "a", s.Col("amount_mvnd").Float64s()[0], 90)
	for i, want := range []float64{null(), null()} {
		wantNear(t, "share", s.Col("share").Float64s()[i], want)
	}
	if got := s.Col("source_vi").Strings(); got[0] != "Nguồn A" || got[1] != "Nguồn B" {
		t.Errorf("labels %v: the shared heading should go", got)
	}
	if !s.Col("amount_mvnd").IsNull(1) {
		t.Error("a sum with a null part is null")
	}
	e, err := budget.Execution(f, budget.BySource)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Release()
	// a: 35/90; b: null planned: null rate
	wantNear(t, "rate a", e.Col("rate").Float64s()[0], 35.0/90)
	wantNear(t, "rate b", e.Col("rate").Float64s()[1], null())
}

func null() float64 { return math.NaN() }

func TestChangeMatching(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	specs := []frame.FieldSpec{
		{Name: "pillar_no", Kind: frame.Int64},
		{Name: "pillar", Kind: frame.String},
		{Name: "local_mvnd", Kind: frame.Float64},
		{Name: "source_line", Kind: frame.Int64},
	}
	from := frametest.Build(t, mem, nil, specs, [][]any{{1, "A", 10.0, 1}, {2, "B", 0.0, 2}, {3, "C", 7.0, 3}}...)
	defer from.Release()
	to := frametest.Build(t, mem, nil, specs, [][]any{{2, "B", 4.0, 20}, {1, "A mới", 15.0, 10}, {4, "D", 9.0, 40}}...)
	defer to.Release()
	f, err := budget.Change(from, budget.NoPhase, to, budget.NoPhase)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	type row struct {
		no                    int64
		match, pillarTo       string
		from, to, delta, rate float64
	}
	want := []row{
		{1, budget.MatchBoth, "A mới", 10, 15, 5, 0.5},
		{2, budget.MatchBoth, "B", 0, 4, 4, null()}, // from 0: no relative change
		{3, budget.MatchFromOnly, "", 7, null(), null(), null()},
		{4, budget.MatchToOnly, "D", null(), 9, null(), null()},
	}
	if f.NumRows() != len(want) {
		t.Fatalf("%d rows", f.NumRows())
	}
	for i, w := range want {
		r := f.Row(i)
		if r.Int64("pillar_no") != w.no || r.String("match") != w.match || r.String("pillar_to") != w.pillarTo {
			t.Errorf("row %d: %v %v %v", i, r.Value("pillar_no"), r.Value("match"), r.Value("pillar_to"))
		}
		wantNear(t, "from", r.Float64("from_mvnd"), w.from)
		wantNear(t, "to", r.Float64("to_mvnd"), w.to)
		wantNear(t, "change", r.Float64("change_mvnd"), w.delta)
		wantNear(t, "ratio", r.Float64("change_ratio"), w.rate)
	}
	if !f.Row(2).IsNull("source_line_to") || f.Row(3).Int64("source_line_to") != 40 {
		t.Error("source lines of unmatched pillars")
	}

	dup := frametest.Build(t, mem, nil, specs, [][]any{{1, "A", 1.0, 5}, {1, "A", 2.0, 6}}...)
	defer dup.Release()
	if g, err := budget.Change(from, budget.NoPhase, dup, budget.NoPhase); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("repeated pillar_no: %v", err)
		if g != nil {
			g.Release()
		}
	}
	null := frametest.Build(t, mem, nil, specs, [][]any{{nil, "A", 1.0, 5}}...)
	defer null.Release()
	if g, err := budget.Change(null, budget.NoPhase, to, budget.NoPhase); err == nil {
		t.Error("null pillar_no: no error")
		g.Release()
	}
}

func TestErrors(t *testing.T) {
	noAmounts, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "pillar_no", Kind: frame.Int64}, {Name: "pillar", Kind: frame.String}}, [][]any{{1, "A"}})
	defer noAmounts.Release()
	noPillar, _ := frame.FromRows(nil, []frame.FieldSpec{{Name: "planned_a_mvnd", Kind: frame.Float64}}, [][]any{{1.0}})
	defer noPillar.Release()
	for _, c := range []struct {
		name string
		run  func() (*frame.Frame, error)
	}{
		{"unknown phase", func() (*frame.Frame, error) { return budget.Shares(noPillar, budget.ByPillar, "plan") }},
		{"no amounts", func() (*frame.Frame, error) { return budget.Shares(noAmounts, budget.ByPillar, budget.Planned) }},
		{"no pillar columns", func() (*frame.Frame, error) { return budget.Shares(noPillar, budget.ByPillar, budget.Planned) }},
		{"no sources, no source column", func() (*frame.Frame, error) { return budget.Shares(noAmounts, budget.BySource, budget.Planned) }},
		{"execution without spent", func() (*frame.Frame, error) { return budget.Execution(noAmounts, budget.ByPillar) }},
		{"plan without frame", func() (*frame.Frame, error) { return budget.PerYear(budget.Plan{Label: "x"}) }},
		{"plan without period", func() (*frame.Frame, error) {
			return budget.PerYear(budget.Plan{Frame: noPillar, Phase: budget.Planned})
		}},
		{"plan ending before it starts", func() (*frame.Frame, error) {
			return budget.PerYear(budget.Plan{Frame: noPillar, Phase: budget.Planned, Start: 2015, End: 2011})
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, err := c.run()
			if err == nil {
				f.Release()
				t.Fatal("no error")
			}
		})
	}
}

// Row form without source_keys: the label is the key.
func TestRowFormWithoutKeys(t *testing.T) {
	f, _ := frame.FromRows(nil, []frame.FieldSpec{
		{Name: "source", Kind: frame.String},
		{Name: "planned_mvnd", Kind: frame.Float64},
		{Name: "spent_mvnd", Kind: frame.Float64},
	}, [][]any{{"Trung ương", 30.0, 3.0}, {"Địa phương", 10.0, nil}})
	defer f.Release()
	s, err := budget.Shares(f, budget.BySource, budget.Planned)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Release()
	if got := s.Col("source").Strings(); got[0] != "Trung ương" {
		t.Errorf("keys %v", got)
	}
	wantNear(t, "share", s.Col("share").Float64s()[0], 0.75) // 30 / (30+10)
	if !s.Col("source_lines").IsNull(0) {
		t.Error("no source_line column: source_lines null")
	}
	e, err := budget.Execution(f, budget.BySource)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Release()
	wantNear(t, "rate", e.Col("rate").Float64s()[0], 0.1)    // 3/30
	wantNear(t, "rate", e.Col("rate").Float64s()[1], null()) // spent unknown
}

func TestAmountColumns(t *testing.T) {
	specs := []frame.FieldSpec{
		{Name: "planned_local_mvnd", Kind: frame.Float64},
		{Name: "spent_mvnd", Kind: frame.Float64},
		{Name: "planned_total_mvnd", Kind: frame.Float64},
		{Name: "total_mvnd", Kind: frame.Float64},
		{Name: "amount_mvnd", Kind: frame.Float64},
		{Name: "invest_central_mvnd", Kind: frame.Float64},
		{Name: "count_mvnd", Kind: frame.Int64}, // not float64: not money
		{Name: "share", Kind: frame.Float64},
		{Name: "plannedx_mvnd", Kind: frame.Float64}, // no phase: "plannedx" is a source
	}
	f, _ := frame.FromRows(nil, specs, nil)
	defer f.Release()
	want := []budget.AmountColumn{
		{Name: "planned_local_mvnd", Phase: budget.Planned, Source: "local"},
		{Name: "spent_mvnd", Phase: budget.Spent},
		{Name: "planned_total_mvnd", Phase: budget.Planned},
		{Name: "total_mvnd"},
		{Name: "amount_mvnd"},
		{Name: "invest_central_mvnd", Source: "invest_central"},
		{Name: "plannedx_mvnd", Source: "plannedx"},
	}
	got := budget.AmountColumns(f)
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if s := budget.Sources(f, budget.NoPhase); strings.Join(s, ",") != "invest_central,plannedx" {
		t.Errorf("NoPhase sources %v", s)
	}
}

func TestRealTermsEdge(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	cpi := frametest.Build(t, mem, map[string]string{frame.MetaDataset: "test-cpi"}, []frame.FieldSpec{
		{Name: "year", Kind: frame.Int64}, {Name: "index_2010_100", Kind: frame.Float64},
	}, [][]any{{2020, 100.0}, {2021, 200.0}, {2022, nil}, {2023, 400.0}}...)
	defer cpi.Release()
	specs := []frame.FieldSpec{
		{Name: "x_mvnd", Kind: frame.Float64, LabelVI: "X", Unit: "million_vnd"},
		{Name: "start", Kind: frame.Int64}, {Name: "end", Kind: frame.Int64},
	}
	f := frametest.Build(t, mem, nil, specs, [][]any{
		{10.0, 2021, 2021}, // 10 × 400/200 = 20
		{30.0, 2020, 2021}, // I = 2 / (1/100 + 1/200) = 133.33…; 30 × 400/133.33… = 90
		{10.0, 2021, 2022}, // 2022 has no index: null
		{nil, 2023, 2023},  // null amount: null
		{10.0, nil, 2023},  // null year: null
		{10.0, 2019, 2019}, // outside the series: null
	}...)
	defer f.Release()
	g, err := budget.RealTermsPeriod(f, "x_mvnd", "start", "end", cpi, 2023)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	want := []float64{20, 90, null(), null(), null(), null()}
	for i, w := range want {
		wantNear(t, "real", g.Col("x_real_mvnd").Float64s()[i], w)
	}
	wantNear(t, "index", g.Col("price_index").Float64s()[1], 2/(1.0/100+1.0/200))
	if s := g.Fields()[len(g.Fields())-1]; s.Unit != "million_vnd" || s.LabelVI != "X (theo giá năm 2023)" {
		t.Errorf("spec %+v", s)
	}
	for _, c := range []struct {
		name string
		base int
		f    *frame.Frame
	}{
		{"base year without index", 2022, f},
		{"base year outside", 2030, f},
	} {
		if h, err := budget.RealTerms(c.f, "x_mvnd", "start", cpi, c.base); err == nil {
			h.Release()
			t.Errorf("%s: no error", c.name)
		}
	}
	bad := frametest.Build(t, mem, nil, specs, [][]any{{1.0, 2023, 2021}}...)
	defer bad.Release()
	if h, err := budget.RealTermsPeriod(bad, "x_mvnd", "start", "end", cpi, 2023); err == nil {
		h.Release()
		t.Error("period ending before it starts: no error")
	}
}

func TestPerYearByRowEdge(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	defer mem.AssertSize(t, 0)
	specs := []frame.FieldSpec{
		{Name: "total_mvnd", Kind: frame.Float64},
		{Name: "period_start", Kind: frame.Int64}, {Name: "period_end", Kind: frame.Int64},
		{Name: "duration_years", Kind: frame.Int64},
	}
	f := frametest.Build(t, mem, nil, specs, [][]any{
		{100.0, 2021, 2025, nil}, // 5 years: 20
		{100.0, nil, nil, 4},     // duration 4: 25
		{100.0, nil, nil, nil},   // no period: null
		{nil, 2021, 2021, nil},   // null amount: 1 year, null per year
	}...)
	defer f.Release()
	g, err := budget.PerYearByRow(f, budget.NoPhase)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Release()
	for i, w := range []float64{20, 25, null(), null()} {
		wantNear(t, "per year", g.Col("per_year_mvnd").Float64s()[i], w)
	}
	if y := g.Col("years"); y.Int64s()[0] != 5 || y.Int64s()[1] != 4 || !y.IsNull(2) || y.Int64s()[3] != 1 {
		t.Errorf("years %v valid %v", y.Int64s(), y.Valid())
	}
	bad := frametest.Build(t, mem, nil, specs, [][]any{{1.0, 2025, 2021, nil}}...)
	defer bad.Release()
	if h, err := budget.PerYearByRow(bad, budget.NoPhase); err == nil {
		h.Release()
		t.Error("period ending before it starts: no error")
	}
}
