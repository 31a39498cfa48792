package main

import (
	"fmt"
	"testing"
)

// TestJoinChecksum joins the first two rows of the panel, worked out by
// hand: (province 1, staff 5, computers 1) and (province 2, staff 12,
// computers 5) find populations 500 and 537.5; keyed = 1·500 + 2·537.5.
func TestJoinChecksum(t *testing.T) {
	f, err := panelFrame(2)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	provinces, err := provinceTable()
	if err != nil {
		t.Fatal(err)
	}
	defer provinces.Release()
	out, err := joinPanel(f, provinces)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	got, err := joinChecksum(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "rows=2 columns=province,year,unit,staff,computers,population staff=17 computers=6 population=1037.5 keyed=1575.0"
	if got != want {
		t.Errorf("checksum\n got %s\nwant %s", got, want)
	}
}

// TestJoinMatchesLookup checks every row of a 5000-row Join against the
// formula: population = 500 + 37.5·(province − 1), panel columns unchanged.
func TestJoinMatchesLookup(t *testing.T) {
	const n = 5000
	f, err := panelFrame(n)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	provinces, err := provinceTable()
	if err != nil {
		t.Fatal(err)
	}
	defer provinces.Release()
	out, err := joinPanel(f, provinces)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	if out.NumRows() != n {
		t.Fatalf("%d rows, want %d", out.NumRows(), n)
	}
	prov, pop := out.Col("province").Int64Values(), out.Col("population").Float64Values()
	p, _, _, s, _ := panelColumns(n)
	staff := out.Col("staff").Int64Values()
	for i := range prov {
		if prov[i] != p[i] || staff[i] != s[i] || pop[i] != 500+37.5*float64(p[i]-1) {
			t.Fatalf("row %d: province %d staff %d population %v", i, prov[i], staff[i], pop[i])
		}
	}
}

// TestConcatChecksum stacks ten copies of the panel's first two rows:
// provinces 1+2, years 2010+2010, staff 5+12, computers 1+5, ten times.
func TestConcatChecksum(t *testing.T) {
	part, err := panelFrame(2)
	if err != nil {
		t.Fatal(err)
	}
	defer part.Release()
	out, err := concatPanel(concatFrames(part))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	got, err := concatChecksum(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "rows=20 columns=province,year,unit,staff,computers province=30 year=40200 unit=0 staff=170 computers=60"
	if got != want {
		t.Errorf("checksum\n got %s\nwant %s", got, want)
	}
}

func TestRunTableRefusesRows(t *testing.T) {
	if err := runTable(15, opConcat); err == nil {
		t.Error("concat of 15 rows: no error")
	}
	if err := runTable(0, opJoin); err == nil {
		t.Error("join of 0 rows: no error")
	}
}

// BenchmarkJoinRows is frame's BenchmarkJoin with key=int64 (the panel
// LeftJoined on province to the 63-row province table) at BENCH_ROWS rows:
// bench/run uses it when ROWS is not one of frame's sizes (1e4, 1e6, 1e7).
func BenchmarkJoinRows(b *testing.B) {
	n := benchRows(b)
	b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
		f, err := panelFrame(n)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Release()
		provinces, err := provinceTable()
		if err != nil {
			b.Fatal(err)
		}
		defer provinces.Release()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			out, err := joinPanel(f, provinces)
			if err != nil {
				b.Fatal(err)
			}
			if out.NumRows() != n || out.Col("population").NullN() != 0 {
				b.Fatalf("%d rows, %d unmatched", out.NumRows(), out.Col("population").NullN())
			}
			out.Release()
		}
	})
}

// BenchmarkConcatRows is frame's BenchmarkConcat (ten references to one
// panel stacked) with parts of BENCH_ROWS/10 rows, so that the result has
// BENCH_ROWS rows: bench/run uses it when ROWS/10 is not one of frame's part
// sizes (1e4, 1e6).
func BenchmarkConcatRows(b *testing.B) {
	n := benchRows(b)
	if n%concatParts != 0 {
		b.Fatalf("BENCH_ROWS=%d: want a multiple of %d", n, concatParts)
	}
	b.Run(fmt.Sprintf("frames=%d/rows=%d", concatParts, n/concatParts), func(b *testing.B) {
		part, err := panelFrame(n / concatParts)
		if err != nil {
			b.Fatal(err)
		}
		defer part.Release()
		frames := concatFrames(part)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			out, err := concatPanel(frames)
			if err != nil {
				b.Fatal(err)
			}
			if out.NumRows() != n {
				b.Fatalf("%d rows", out.NumRows())
			}
			out.Release()
		}
	})
}
