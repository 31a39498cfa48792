package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/internal/panel"
)

// TestPanelColumns checks the formula on rows worked out by hand.
func TestPanelColumns(t *testing.T) {
	p, y, u, s, c := panelColumns(1001)
	tests := []struct {
		i                int
		prov, year, unit int64
		staff, computers int64
	}{
		// i=0: staff 5+0 = 5; computers 5·(30+0)/100 = 150/100 = 1
		{0, 1, 2010, 0, 5, 1},
		// i=1: province 2; staff 5+7 = 12; computers 12·(30+13)/100 = 516/100 = 5
		{1, 2, 2010, 0, 12, 5},
		// i=63: province 1, year 2010+1; staff 5+441%200 = 46;
		// 13·63 = 819 = 9·91 → +0: computers 46·30/100 = 1380/100 = 13
		{63, 1, 2011, 0, 46, 13},
		// i=1000: 1000%63 = 55 → 56; 1000/63 = 15 → year 2010+0; unit 1;
		// staff 5+(7000+1)%200 = 6; 13000%91 = 78 → 6·108/100 = 648/100 = 6
		{1000, 56, 2010, 1, 6, 6},
	}
	for _, tc := range tests {
		got := [5]int64{p[tc.i], y[tc.i], u[tc.i], s[tc.i], c[tc.i]}
		want := [5]int64{tc.prov, tc.year, tc.unit, tc.staff, tc.computers}
		if got != want {
			t.Errorf("row %d: got %v, want %v", tc.i, got, want)
		}
	}
}

// TestChecksum runs the computation, both variants, on two rows: (1, 2010)
// staff 5, computers 1, ratio 0.2 and (2, 2010) staff 12, computers 5, ratio
// 5/12. keyed = 1·1 + 16·5 = 81; ratio = 0.2 + 0.416666667 = 0.616666667;
// kratio = 1·0.2 + 16·5/12 = 6.866667.
func TestChecksum(t *testing.T) {
	f, err := panelFrame(2)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	want := "groups=2 rows=2 staff=17 computers=6 keyed=81 ratio=0.616666667 kratio=6.866667"
	for _, v := range []string{variantColumn, variantMeanRatio} {
		out, err := groupVariant(v, f, make([]float64, 2))
		if err != nil {
			t.Fatal(err)
		}
		got, err := checksum(out)
		out.Release()
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: checksum\n got %s\nwant %s", v, got, want)
		}
	}
	if _, err := groupVariant("sql", f, nil); err == nil {
		t.Error("variant sql: no error")
	}
}

// TestVariantsAgree compares the two variants group by group on 5000 rows:
// same groups in the same order, same sums and counts, means within 1e-12.
func TestVariantsAgree(t *testing.T) {
	const n = 5000
	f, err := panelFrame(n)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	a, err := groupPanel(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	b, err := groupPanelRatio(f)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Release()
	if a.NumRows() != 945 || b.NumRows() != 945 {
		t.Fatalf("groups: column %d, meanratio %d, want 945", a.NumRows(), b.NumRows())
	}
	for _, c := range []string{"province", "year", "staff_sum", "computers_sum", "rows"} {
		x, y := a.Col(c).Int64Values(), b.Col(c).Int64Values()
		for g := range x {
			if x[g] != y[g] {
				t.Fatalf("%s, group %d: column %d, meanratio %d", c, g, x[g], y[g])
			}
		}
	}
	x, y := a.Col("ratio_mean").Float64s(), b.Col("ratio_mean").Float64s()
	for g := range x {
		if math.IsNaN(x[g]) || math.Abs(x[g]-y[g]) > 1e-12 {
			t.Fatalf("ratio_mean, group %d: column %v, meanratio %v", g, x[g], y[g])
		}
	}
}

// TestHandLoop compares panel.HandLoop with GroupBy cell by cell on 5000 rows, and
// checks the first cell by hand on 2 rows: (1, 2010) has staff 5, computers 1.
func TestHandLoop(t *testing.T) {
	s := panel.HandLoop([]int64{1, 2}, []int64{2010, 2010}, []int64{5, 12}, []int64{1, 5})
	if s.Rows[0] != 1 || s.Staff[0] != 5 || s.Computers[0] != 1 || s.Ratio[0] != 0.2 {
		t.Errorf("cell (1, 2010): %d %d %d %v, want 1 5 1 0.2", s.Rows[0], s.Staff[0], s.Computers[0], s.Ratio[0])
	}
	const n = 5000
	f, err := panelFrame(n)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	out, err := groupPanel(f, make([]float64, n))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	s = panel.HandLoop(f.Col("province").Int64Values(), f.Col("year").Int64Values(),
		f.Col("staff").Int64Values(), f.Col("computers").Int64Values())
	prov, year := out.Col("province").Int64Values(), out.Col("year").Int64Values()
	rows, staff, comp := out.Col("rows").Int64Values(), out.Col("staff_sum").Int64Values(), out.Col("computers_sum").Int64Values()
	mean := out.Col("ratio_mean").Float64s()
	for g := range prov {
		c := 15*(prov[g]-1) + (year[g] - 2010)
		m := s.Ratio[c] / float64(s.Rows[c])
		if s.Rows[c] != rows[g] || s.Staff[c] != staff[g] || s.Computers[c] != comp[g] || math.Abs(m-mean[g]) > 1e-12 {
			t.Errorf("cell %d/%d: hand %d %d %d %v, GroupBy %d %d %d %v",
				prov[g], year[g], s.Rows[c], s.Staff[c], s.Computers[c], m, rows[g], staff[g], comp[g], mean[g])
		}
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		rss, hwm  int64
		wantError bool
	}{
		{"both", "Name:\tx\nVmHWM:\t  2180 kB\nVmRSS:\t   2100 kB\n", 2100, 2180, false},
		{"no hwm", "VmRSS:\t2100 kB\n", 0, 0, true},
		{"not a number", "VmRSS:\tabc kB\nVmHWM:\t1 kB\n", 0, 0, true},
		{"empty", "", 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rss, hwm, err := parseStatus([]byte(tc.in))
			if (err != nil) != tc.wantError {
				t.Fatalf("error %v, want error %v", err, tc.wantError)
			}
			if rss != tc.rss || hwm != tc.hwm {
				t.Errorf("got rss %d hwm %d, want %d %d", rss, hwm, tc.rss, tc.hwm)
			}
		})
	}
}

// benchRows is BENCH_ROWS (default 100000).
func benchRows(b *testing.B) int {
	n := 100_000
	if s := os.Getenv("BENCH_ROWS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			b.Fatalf("BENCH_ROWS=%q: want a positive integer", s)
		}
		n = v
	}
	return n
}

// BenchmarkPanelGroupByRows is frame's BenchmarkPanelGroupBy (the ratio
// made a column first) at the size given by the environment variable
// BENCH_ROWS (default 100000): bench/run uses it when ROWS is not one of
// frame's sizes (1e4, 1e6, 1e7).
func BenchmarkPanelGroupByRows(b *testing.B) {
	benchVariant(b, variantColumn)
}

// BenchmarkPanelGroupByRatioRows is frame's BenchmarkPanelGroupByRatio
// (MeanRatio inside the GroupBy) at BENCH_ROWS rows, as
// BenchmarkPanelGroupByRows.
func BenchmarkPanelGroupByRatioRows(b *testing.B) {
	benchVariant(b, variantMeanRatio)
}

func benchVariant(b *testing.B, variant string) {
	n := benchRows(b)
	b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
		f, err := panelFrame(n)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Release()
		var ratio []float64 // the column variant's buffer, reused between iterations
		if variant == variantColumn {
			ratio = make([]float64, n)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			out, err := groupVariant(variant, f, ratio)
			if err != nil {
				b.Fatal(err)
			}
			if out.NumRows() != min(945, n) {
				b.Fatalf("%d groups", out.NumRows())
			}
			out.Release()
		}
	})
}

// BenchmarkPanelParts splits the time of BenchmarkPanelGroupBy, at BENCH_ROWS
// rows: ratio is WithRatio making the ratio column (the benchmark's own
// call, into a reused buffer); groupby is GroupBy alone on the frame with
// that column; handloop is panel.HandLoop, one pass over the four columns it needs
// with the ratio never stored (on one goroutine whatever GOMAXPROCS).
func BenchmarkPanelParts(b *testing.B) {
	n := benchRows(b)
	f, err := panelFrame(n)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Release()
	staff, comp := f.Col("staff").Int64Values(), f.Col("computers").Int64Values()
	prov, year := f.Col("province").Int64Values(), f.Col("year").Int64Values()
	ratio := make([]float64, n)
	b.Run("ratio", func(b *testing.B) {
		for b.Loop() {
			g, err := f.WithRatioBuffer(frame.FieldSpec{Name: "ratio"}, "computers", "staff", ratio)
			if err != nil {
				b.Fatal(err)
			}
			g.Release()
		}
	})
	g, err := f.WithRatioBuffer(frame.FieldSpec{Name: "ratio"}, "computers", "staff", ratio)
	if err != nil {
		b.Fatal(err)
	}
	defer g.Release()
	b.Run("groupby", func(b *testing.B) {
		for b.Loop() {
			out, err := g.GroupBy([]string{"province", "year"},
				frame.Sum("staff"), frame.Sum("computers"), frame.Mean("ratio"), frame.CountRows())
			if err != nil {
				b.Fatal(err)
			}
			out.Release()
		}
	})
	b.Run("handloop", func(b *testing.B) {
		for b.Loop() {
			if s := panel.HandLoop(prov, year, staff, comp); len(s.Rows) != 945 {
				b.Fatal("cells")
			}
		}
	})
}
