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
// With -op join or -op concat it runs instead the Join or the Concat of the
// benchmark once (joinconcat.go): the panel of n rows LeftJoined on province
// to the 63-row province table, or ten references to a panel of n/10 rows
// stacked by frame.Concat; "data" is then the panel and the province table,
// or the panel of n/10 rows.
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
//	{"engine":"go","op":"groupby","variant":"column","threads":2,"rows":n,"base_kb":…,
//	 "data_kb":…,"peak_kb":…,"peak_reset":true,"checksum":"…","version":"go1.26.8"}
//
// Usage:
//
//	go run ./bench/gopeak -rows 10000000 -variant column|meanratio
//	go run ./bench/gopeak -rows 10000000 -op join|concat
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/ictplan/ictplan/frame"
)

func main() {
	rows := flag.Int("rows", 10_000_000, "rows of the panel")
	variant := flag.String("variant", variantColumn, "how the ratio is computed: column (a ratio column, then Mean) or meanratio (MeanRatio inside the GroupBy)")
	op := flag.String("op", opGroupBy, "the computation: groupby (with -variant), join or concat")
	flag.Parse()
	var err error
	switch *op {
	case opGroupBy:
		err = run(*rows, *variant)
	case opJoin, opConcat:
		err = runTable(*rows, *op)
	default:
		err = fmt.Errorf("op %q: want %q, %q or %q", *op, opGroupBy, opJoin, opConcat)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gopeak:", err)
		os.Exit(1)
	}
}

// report is the JSON line gopeak prints; bench/report.py reads it, with the
// same fields as the pandas, polars and DuckDB scripts.
type report struct {
	Engine    string `json:"engine"`
	Op        string `json:"op"`
	Variant   string `json:"variant,omitempty"`
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
	r := report{Engine: "go", Op: opGroupBy, Variant: variant, Threads: runtime.GOMAXPROCS(0), Rows: n, Version: runtime.Version()}
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

// runTable is run for the Join and the Concat: the same memory readings
// around one computation, and the checksum of its result.
func runTable(n int, op string) error {
	if n < 1 || op == opConcat && n%concatParts != 0 {
		return fmt.Errorf("rows %d: need a positive number (a multiple of %d for concat)", n, concatParts)
	}
	r := report{Engine: "go", Op: op, Threads: runtime.GOMAXPROCS(0), Rows: n, Version: runtime.Version()}
	var err error
	if r.BaseKB, _, err = memoryKB(); err != nil {
		return err
	}
	var compute func() (*frame.Frame, error)
	var sum func(*frame.Frame) (string, error)
	if op == opJoin {
		f, err := panelFrame(n)
		if err != nil {
			return err
		}
		defer f.Release()
		provinces, err := provinceTable()
		if err != nil {
			return err
		}
		defer provinces.Release()
		compute = func() (*frame.Frame, error) { return joinPanel(f, provinces) }
		sum = joinChecksum
	} else {
		part, err := panelFrame(n / concatParts)
		if err != nil {
			return err
		}
		defer part.Release()
		frames := concatFrames(part)
		compute = func() (*frame.Frame, error) { return concatPanel(frames) }
		sum = concatChecksum
	}
	runtime.GC()
	debug.FreeOSMemory()
	if r.DataKB, _, err = memoryKB(); err != nil {
		return err
	}
	r.PeakReset = resetPeak() == nil
	out, err := compute()
	if err != nil {
		return err
	}
	defer out.Release()
	if _, r.PeakKB, err = memoryKB(); err != nil {
		return err
	}
	if out.NumRows() != n {
		return fmt.Errorf("%s: %d rows, want %d", op, out.NumRows(), n)
	}
	if r.Checksum, err = sum(out); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}
