// Command gopeak is the Go side of the side-by-side panel benchmark
// (bench/run) for what Go's benchmark harness does not report: the peak
// memory of one computation and a checksum of its result.
//
// It builds the synthetic national panel of n rows with the library's own
// generator (internal/panel, the one frame's benchmarks use):
//
//	province  = i % 63 + 1
//	year      = 2010 + (i / 63) % 15
//	unit      = i / 945
//	staff     = 5 + (7*i + i/945) % 200
//	computers = staff * (30 + (13*i) % 91) / 100   (integer division)
//
// then runs the computation once, written one of two ways (-variant):
//
//	column     BenchmarkPanelGroupBy (frame/groupby_bench_test.go): ratio =
//	           computers/staff for every row into a float64 column
//	           (Frame.WithRatio into a reused buffer), then GroupBy province × year
//	           into sum(staff), sum(computers), mean(ratio) and the row count
//	meanratio  BenchmarkPanelGroupByRatio: GroupBy province × year into
//	           sum(staff), sum(computers), MeanRatio(computers, staff) and the
//	           row count, the ratio computed inside the aggregation pass
//
// Both give the same groups and the same checksum.
//
// Memory, read from /proc/self/status (Linux only):
//
//	base = VmRSS before the panel is built
//	data = VmRSS after it is built and the build's garbage is returned to the OS
//	peak = VmHWM during the computation (the high-water mark is reset with
//	       /proc/self/clear_refs just before it)
//
// It prints one JSON object on standard output:
//
//	{"engine":"go","variant":"column","threads":2,"rows":n,"base_kb":…,
//	 "data_kb":…,"peak_kb":…,"peak_reset":true,"checksum":"…","version":"go1.26.8"}
//
// Usage:
//
//	go run ./bench/gopeak -rows 10000000 -variant column|meanratio
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
)

func main() {
	rows := flag.Int("rows", 10_000_000, "rows of the panel")
	variant := flag.String("variant", variantColumn, "how the ratio is computed: column (a ratio column, then Mean) or meanratio (MeanRatio inside the GroupBy)")
	flag.Parse()
	if err := run(*rows, *variant); err != nil {
		fmt.Fprintln(os.Stderr, "gopeak:", err)
		os.Exit(1)
	}
}

// report is the JSON line gopeak prints; bench/report.py reads it, with the
// same fields as the pandas, polars and DuckDB scripts.
type report struct {
	Engine    string `json:"engine"`
	Variant   string `json:"variant"`
	Threads   int    `json:"threads"`
	Rows      int    `json:"rows"`
	BaseKB    int64  `json:"base_kb"`
	DataKB    int64  `json:"data_kb"`
	PeakKB    int64  `json:"peak_kb"`
	PeakReset bool   `json:"peak_reset"`
	Checksum  string `json:"checksum"`
	Version   string `json:"version"`
}

func run(n int, variant string) error {
	if n < 1 {
		return fmt.Errorf("rows %d: need at least 1", n)
	}
	if variant != variantColumn && variant != variantMeanRatio {
		return fmt.Errorf("variant %q: want %q or %q", variant, variantColumn, variantMeanRatio)
	}
	r := report{Engine: "go", Variant: variant, Threads: runtime.GOMAXPROCS(0), Rows: n, Version: runtime.Version()}
	var err error
	if r.BaseKB, _, err = memoryKB(); err != nil {
		return err
	}
	f, err := panelFrame(n)
	if err != nil {
		return err
	}
	defer f.Release()
	runtime.GC()
	debug.FreeOSMemory() // the build's slices are garbage now: give them back
	if r.DataKB, _, err = memoryKB(); err != nil {
		return err
	}
	r.PeakReset = resetPeak() == nil

	var ratio []float64 // the column variant's buffer, allocated inside the measured peak
	if variant == variantColumn {
		ratio = make([]float64, n)
	}
	out, err := groupVariant(variant, f, ratio)
	if err != nil {
		return err
	}
	defer out.Release()
	if _, r.PeakKB, err = memoryKB(); err != nil {
		return err
	}
	if r.Checksum, err = checksum(out); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}
