"""Writes the benchmarks document from the raw outputs of bench/run.

Reads, from the directory --raw: NAME.out (an engine's JSON line, or the
output of `go test -bench`), NAME.time (`/usr/bin/time -f '%M %U %S %e'`:
max RSS kB, user s, system s, elapsed s), NAME.stat0/NAME.stat1 (the `cpu`
line of /proc/stat around the step), machine (key=value lines). Checks that
every engine's checksum agrees with Go's and exits 1, without writing, when
one does not. Standard library only (run with /usr/bin/python3).
"""

import argparse
import datetime
import json
import os
import re
import statistics
import sys

MB = 1e6  # bytes: MB in the document are 10^6 bytes
GO_LINE = re.compile(
    r"^(BenchmarkPanel\S*?)(?:-(\d+))?\s+(\d+)\s+([\d.]+) ns/op"
    r"(?:\s+(\d+) B/op)?(?:\s+(\d+) allocs/op)?")


def read(raw, name):
    with open(os.path.join(raw, name)) as f:
        return f.read()


def step_info(raw, name, nproc, clk_tck):
    """Max RSS and CPU of a step, and the CPU that other processes took."""
    maxrss, user, system, elapsed = read(raw, name + ".time").split()[:4]
    s0 = [int(x) for x in read(raw, name + ".stat0").split()[1:]]
    s1 = [int(x) for x in read(raw, name + ".stat1").split()[1:]]
    d = [b - a for a, b in zip(s0, s1)]
    # user nice system idle iowait irq softirq steal ...
    busy = (d[0] + d[1] + d[2] + d[5] + d[6]) / clk_tck
    steal = d[7] / clk_tck if len(d) > 7 else 0.0
    own = float(user) + float(system)
    capacity = max(float(elapsed), 0.01) * nproc
    return {
        "maxrss_kb": int(maxrss), "cpu_s": own, "elapsed_s": float(elapsed),
        "other": max(busy - own, 0.0) / capacity, "steal": steal / capacity,
    }


def go_parts(text):
    """Median ms of each sub-benchmark of BenchmarkPanelParts."""
    parts = {}
    for line in text.splitlines():
        m = GO_LINE.match(line)
        if m and m.group(1).startswith("BenchmarkPanelParts/"):
            parts.setdefault(m.group(1).split("/", 1)[1], []).append(float(m.group(4)) / 1e6)
    return {k: statistics.median(v) for k, v in parts.items()}


def go_times(text):
    """ns/op of every line of `go test -bench` output, with B/op and allocs/op."""
    ns, bytes_op, allocs, procs, name = [], [], [], None, None
    for line in text.splitlines():
        m = GO_LINE.match(line)
        if not m or m.group(1).startswith("BenchmarkPanelParts"):
            continue
        name, procs = m.group(1), int(m.group(2) or 1)
        ns.append(float(m.group(4)))
        if m.group(5):
            bytes_op.append(int(m.group(5)))
            allocs.append(int(m.group(6)))
    if not ns:
        raise SystemExit("report: no benchmark line in the go test output:\n" + text)
    return {"times_ms": [x / 1e6 for x in ns], "threads": procs, "bench": name,
            "bytes_op": statistics.median(bytes_op) if bytes_op else None,
            "allocs_op": statistics.median(allocs) if allocs else None}


def keyvalues(text):
    """The key=value lines of a file."""
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def parse_checksum(s):
    return dict(kv.split("=", 1) for kv in s.split())


def same_checksum(a, b):
    """Integers exactly; ratio and kratio within rounding and 1e-9 relative
    (sums of means added in another order)."""
    a, b = parse_checksum(a), parse_checksum(b)
    if a.keys() != b.keys():
        return False
    for k in a:
        if k in ("ratio", "kratio"):
            x, y = float(a[k]), float(b[k])
            decimals = len(a[k].split(".")[1]) if "." in a[k] else 0
            if abs(x - y) > 1e-9 * max(abs(x), abs(y)) + 10.0 ** -decimals:
                return False
        elif a[k] != b[k]:
            return False
    return True


def fmt_ms(x):
    if x is None:
        return "–"
    return "%.0f" % x if x >= 100 else ("%.1f" % x if x >= 1 else "%.3f" % x)


def fmt_mb(kb):
    return "%.0f" % (kb * 1024 / MB)


def fmt_x(x):
    return "%.1f×" % x if x >= 1.95 or x < 0.5 else "%.2f×" % x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True, help="the raw directory of a bench/run (bench/out/raw-ROWS)")
    ap.add_argument("--out", required=True, help="the document to write")
    a = ap.parse_args()
    machine = keyvalues(read(a.raw, "machine"))
    args = keyvalues(read(a.raw, "args"))
    clk = int(machine.get("clk_tck", "100"))
    a.rows, a.reps, a.nproc = int(args["rows"]), int(args["reps"]), int(machine["nproc"])
    a.provisional = args.get("provisional", "") not in ("", "0")
    n, nproc = a.rows, a.nproc
    raw_bytes = 5 * 8 * n

    # the steps in the order they ran
    steps = sorted((f[:-4] for f in os.listdir(a.raw) if f.endswith(".out")),
                   key=lambda s: os.path.getmtime(os.path.join(a.raw, s + ".stat0")))
    info = {s: step_info(a.raw, s, nproc, clk) for s in steps}

    # one row per engine setting: times and memory
    rows = []
    for setting in ("default", "1"):
        t = go_times(read(a.raw, "go-time-%s.out" % setting))
        p = json.loads(read(a.raw, "go-peak-%s.out" % setting))
        if p["threads"] != t["threads"]:
            raise SystemExit("report: go test ran with GOMAXPROCS=%d, gopeak with %d" % (t["threads"], p["threads"]))
        rows.append(dict(p, **t, label="Go `frame.GroupBy`", step="go-peak-%s" % setting,
                         timing_step="go-time-%s" % setting, maxrss_kb=info["go-peak-%s" % setting]["maxrss_kb"]))
    for s in ("pandas", "polars-%d" % nproc, "polars-1", "duckdb-%d" % nproc, "duckdb-1"):
        r = json.loads(read(a.raw, s + ".out"))
        label = {"pandas": "pandas", "polars": "polars (node)", "duckdb": "DuckDB (node)"}[r["engine"]]
        rows.append(dict(r, label=label, step=s, timing_step=s, maxrss_kb=info[s]["maxrss_kb"]))
    for r in rows:
        ts = r["times_ms"]
        r["median"], r["min"], r["max"] = statistics.median(ts), min(ts), max(ts)
        r["data"] = r["data_kb"] - r["base_kb"]
        r["peak"] = max(r["peak_kb"], r["data_kb"]) - r["base_kb"]
        if r["rows"] != n:
            raise SystemExit("report: %s ran %d rows, not %d" % (r["step"], r["rows"], n))

    go, go1 = rows[0], rows[1]
    go["parts"] = go_parts(read(a.raw, "go-parts-default.out"))
    go1["parts"] = go_parts(read(a.raw, "go-parts-1.out"))
    for r, st in ((go, "go-parts-default"), (go1, "go-parts-1")):
        r["parts_busy"] = info[st]["other"] + info[st]["steal"]
    bad = [r for r in rows if not same_checksum(r["checksum"], go["checksum"])]
    print("checksums:", file=sys.stderr)
    for r in rows:
        print("  %-16s %s" % (r["step"], r["checksum"]), file=sys.stderr)
    if bad:
        raise SystemExit("report: checksum differs from Go's for %s: not writing %s"
                         % (", ".join(r["step"] for r in bad), a.out))

    def find(engine, threads):
        for r in rows:
            if r["engine"] == engine and r["threads"] == threads:
                return r
        raise SystemExit("report: no %s run with %d threads" % (engine, threads))

    pandas = find("pandas", 1)
    duck, duck1 = find("duckdb", nproc), find("duckdb", 1)
    polars, polars1 = find("polars", nproc), find("polars", 1)

    # busy: others (and steal) above 5% of the CPU over the whole run, or above
    # 10% during a step of at least a second (shorter steps are too coarse for
    # /proc/stat's 10 ms ticks)
    capacity = sum(max(i["elapsed_s"], 0.01) for i in info.values())
    overall = sum((i["other"] + i["steal"]) * max(i["elapsed_s"], 0.01) for i in info.values()) / capacity
    long_steps = [i for i in info.values() if i["elapsed_s"] >= 1]
    worst = max((i["other"] + i["steal"] for i in long_steps), default=0.0)
    busy = overall > 0.05 or worst > 0.10
    provisional = a.provisional or busy

    out = []
    w = out.append
    w("# Benchmarks: the national panel, side by side")
    w("")
    w("<!-- written by bench/run; do not edit by hand -->")
    w("")
    if provisional:
        why = []
        if a.provisional:
            why.append("marked provisional when run (PROVISIONAL=1)")
        if busy:
            why.append("the machine was busy: other processes took %.0f%% of its CPU over the run "
                       "and up to %.0f%% during a step (see [Load](#load))" % (100 * overall, 100 * worst))
        w("> **Provisional figures:** %s. Rerun `bench/run` on a quiet machine for figures to quote." % "; ".join(why))
        w("")
    if n != 10_000_000:
        w("> **Not the reference size:** %s rows (the reference run has 10,000,000)." % format(n, ","))
        w("")
    w("The computation of `BenchmarkPanelGroupBy` (`frame/groupby_bench_test.go`) on %s rows "
      "of the synthetic national panel (63 provinces × 15 years × %s units), in Go and in three "
      "peers on the same machine, from one run of `bench/run`: the ratio computers/staff for "
      "every row, then a group-by province × year into sum(staff), sum(computers), mean(ratio) "
      "and the row count (%d groups)." % (format(n, ","), format(-(-n // 945), ","), min(945, n)))
    w("")
    w("## Results")
    w("")
    w("Raw column bytes: 5 columns × 8 bytes × %s rows = **%.0f MB** (MB = 10⁶ bytes). "
      "Times are medians of %d repetitions; “× Go” is the engine's median over Go's with "
      "GOMAXPROCS=%d; memory columns are defined under [Method](#method); *others* is the share of the "
      "CPU that other processes took while the engine was timed (see [Load](#load)): a row with a "
      "high share is slower than it would be on a quiet machine."
      % (format(n, ","), raw_bytes / MB, a.reps, go["threads"]))
    w("")
    w("| engine | threads | median ms | min–max ms | × Go | data MB | peak MB | peak ÷ raw | max RSS MB | others |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ti = info[r["timing_step"]]
        w("| %s | %d | %s | %s–%s | %s | %s | %s | %.2f | %s | %.0f%% |" % (
            r["label"], r["threads"], fmt_ms(r["median"]), fmt_ms(r["min"]), fmt_ms(r["max"]),
            fmt_x(r["median"] / go["median"]), fmt_mb(r["data"]), fmt_mb(r["peak"]),
            r["peak"] * 1024 / raw_bytes, fmt_mb(r["maxrss_kb"]), 100 * (ti["other"] + ti["steal"])))
    w("")
    w("Every engine's checksum (order-independent: group count, Σ rows, Σ staff, Σ computers, "
      "Σ cell·computers, Σ mean ratio, Σ cell·mean ratio) equals Go's:")
    w("")
    w("    " + go["checksum"])
    w("")
    if go.get("bytes_op") is not None:
        w("Go's harness: %.1f MB and %d allocations per run (GOMAXPROCS=%d), %.1f MB and %d (GOMAXPROCS=1)."
          % (go["bytes_op"] / MB, go["allocs_op"], go["threads"], go1["bytes_op"] / MB, go1["allocs_op"]))
        w("")

    w("## Targets")
    w("")
    w("| target | measured | |")
    w("|---|---|---|")
    speed = pandas["median"] / go["median"]
    speed1 = pandas["median"] / go1["median"]
    w("| Go ≥ 10× faster than pandas | %.1f× (GOMAXPROCS=%d); %.1f× with GOMAXPROCS=1 | %s |" % (
        speed, go["threads"], speed1,
        "met" if speed >= 10 else "**missed** by %.1f× (Go would need %s ms)" % (10 / speed, fmt_ms(pandas["median"] / 10))))
    vs = go["median"] / duck["median"]
    vs1 = go1["median"] / duck1["median"]
    w("| Go within 1.5× of DuckDB | Go takes %.2f× DuckDB's time (%d threads each); %.2f× with 1 thread each | %s |" % (
        vs, nproc, vs1,
        "met" if vs <= 1.5 else "**missed** by %.2f× (Go would need %s ms)" % (vs / 1.5, fmt_ms(1.5 * duck["median"]))))
    limit = 2 * raw_bytes
    peak_b = go["peak"] * 1024
    w("| Go's peak memory ≤ 2× raw column bytes (%.0f MB) | peak %s MB = %.2f× raw; whole-process max RSS %s MB = %.2f× raw | %s |" % (
        limit / MB, fmt_mb(go["peak"]), peak_b / raw_bytes, fmt_mb(go["maxrss_kb"]), go["maxrss_kb"] * 1024 / raw_bytes,
        "met" if peak_b <= limit else "**missed** by %.0f MB (%.2f×)" % ((peak_b - limit) / MB, peak_b / limit)))
    w("")
    w("## Analysis")
    w("")
    w(explain(n, go, go1, pandas, duck, duck1, raw_bytes, speed, speed1, vs, peak_b, limit))
    w("")

    w("## Machine")
    w("")
    w("- date: %s (UTC)" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"))
    w("- CPU: %s, %d CPUs (`nproc`)" % (machine.get("cpu", "?"), nproc))
    w("- memory: %.1f GB" % (int(machine.get("mem_kb", "0")) * 1024 / 1e9))
    w("- OS: %s" % machine.get("os", "?"))
    w("- Go: %s; commit %s" % (machine.get("go", "?"), machine.get("commit", "?")))
    w("- %s" % pandas["version"])
    w("- %s" % polars["version"])
    w("- %s" % duck["version"])
    w("")
    w("### Load")
    w("")
    w("Share of the machine's CPU time (%d CPUs × the step's wall time) taken by other processes "
      "(all busy time in `/proc/stat` less the step's own user+system time) and by the hypervisor "
      "(steal), per step; over the whole run: %.0f%%. Load average before the run: %s; after: %s."
      % (nproc, 100 * overall, read(a.raw, "loadavg0").split()[0], read(a.raw, "loadavg1").split()[0]))
    w("")
    w("| step | wall s | own CPU s | others | steal |")
    w("|---|---:|---:|---:|---:|")
    for s in steps:
        i = info[s]
        w("| %s | %.1f | %.1f | %.0f%% | %.0f%% |" % (s, i["elapsed_s"], i["cpu_s"], 100 * i["other"], 100 * i["steal"]))
    w("")

    w(METHOD.format(reps=a.reps, gobench_pkg=args["gopkg"], gobench_pattern=args["gobench"], nproc=nproc))
    text = "\n".join(out) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    summary = ["%s %d thr: %s ms (×Go %.2f), peak %s MB" % (
        r["engine"], r["threads"], fmt_ms(r["median"]), r["median"] / go["median"], fmt_mb(r["peak"])) for r in rows]
    print("\n".join(summary), file=sys.stderr)


def explain(n, go, go1, pandas, duck, duck1, raw_bytes, speed, speed1, vs, peak_b, limit):
    """The reasons behind the figures, from the figures: where Go's time and
    memory go, and what a missed target would take."""
    p = []
    ratio_mb = 8 * n / MB
    work = (peak_b - go["data"] * 1024) / MB
    r2, r1 = go["parts"].get("ratio"), go1["parts"].get("ratio")
    g2, g1 = go["parts"].get("groupby"), go1["parts"].get("groupby")
    h2, h1 = go["parts"].get("handloop"), go1["parts"].get("handloop")
    p.append("### Where Go's time goes\n\n"
             "`BenchmarkPanelParts` (bench/gopeak) times the two halves of the benchmark separately, and "
             "a loop written for these two keys only (`handLoop`: one pass over the four columns it needs, "
             "the ratio computed in the pass and never stored, one goroutine) as the floor a general "
             "group-by is measured against. Medians, ms:\n\n"
             "| part | GOMAXPROCS=%d | GOMAXPROCS=1 |\n|---|---:|---:|\n"
             "| *others' share of the CPU during the step* | *%.0f%%* | *%.0f%%* |\n"
             "| ratio loop (writes the ratio column; the benchmark's own code, one goroutine) | %s | %s |\n"
             "| `GroupBy` alone (ratio column given) | %s | %s |\n"
             "| the whole benchmark (table above) | %s | %s |\n"
             "| `handLoop`, the specialised floor (one goroutine) | %s | %s |"
             % (go["threads"], 100 * go["parts_busy"], 100 * go1["parts_busy"], fmt_ms(r2), fmt_ms(r1), fmt_ms(g2), fmt_ms(g1),
                fmt_ms(go["median"]), fmt_ms(go1["median"]), fmt_ms(h2), fmt_ms(h1)))
    p.append("### Where Go's memory goes\n\n"
             "The five Arrow columns hold %s MB once built (raw %.0f MB). The computation adds %.0f MB at "
             "its peak: the float64 ratio column is %.0f MB (8 bytes × %s rows; the benchmark reuses that "
             "buffer between iterations), so `GroupBy` itself needs %s: on two small int64 keys it maps "
             "rows to the %d cells of province × year in blocks of 2,048 rows and keeps one table of "
             "cells per CPU, never a group id per row."
             % (fmt_mb(go["data"]), raw_bytes / MB, work, ratio_mb, format(n, ","),
                "under 1 MB" if work - ratio_mb < 1 else "%.0f MB" % (work - ratio_mb), 63 * 15))
    need = pandas["median"] / 10
    t = ("### Against pandas\n\n"
         "10× pandas (%s ms) means %s ms or less; Go takes %s ms with GOMAXPROCS=%d (%s) and %s ms with "
         "one CPU (%.1f×). pandas 1.5 does this work in vectorised numpy and cython loops (one division "
         "over the columns, then a group-by on the two int64 keys), so it pays per column pass, not per "
         "row in Python: it is %.1f× slower than the specialised Go floor on one goroutine."
         % (fmt_ms(pandas["median"]), fmt_ms(need), fmt_ms(go["median"]), go["threads"],
            "met, %.2f× inside" % (need / go["median"]) if speed >= 10 else "missed by %.2f×" % (go["median"] / need),
            fmt_ms(go1["median"]), speed1, pandas["median"] / h1))
    if h1 > need:
        t += (" That floor (%s ms on one goroutine) is itself above %s ms: the target can only be met "
              "with both CPUs working on the computation." % (fmt_ms(h1), fmt_ms(need)))
    t += (" Go's time splits into the ratio loop (%s ms on one goroutine, writing %.0f MB of ratios "
          "that `GroupBy` then reads back) and `GroupBy` (%s ms; on one goroutine %.1f× the floor, "
          "for a min/max pass over both keys to size its cell table and one loop per aggregation over "
          "each block). Computing the ratio inside the aggregation, as DuckDB does, would remove the "
          "first part and the re-read; what is left is `GroupBy`'s own distance to the floor and the "
          "memory bandwidth that two CPUs share."
          % (fmt_ms(r2), ratio_mb, fmt_ms(g2), g1 / h1))
    p.append(t)
    p.append("### Against DuckDB\n\n"
             "DuckDB takes %s ms with %d threads, Go %s ms (%.2f×: %s); with one thread each, DuckDB "
             "%s ms, Go %s ms (%.2f×). DuckDB computes the quotient inside its aggregation, on all its "
             "threads and on vectors of 2,048 rows while they are in cache; the benchmark's ratio loop "
             "runs on one goroutine (%s ms) and writes %.0f MB of ratios that `GroupBy` reads back."
             % (fmt_ms(duck["median"]), duck["threads"], fmt_ms(go["median"]), vs,
                "met" if vs <= 1.5 else "missed by %.2f×" % (vs / 1.5),
                fmt_ms(duck1["median"]), fmt_ms(go1["median"]), go1["median"] / duck1["median"],
                fmt_ms(r2), ratio_mb))
    if peak_b > limit:
        p.append("### Why Go's peak memory is above 2× the raw columns\n\n"
                 "The columns take %s MB and the computation %.0f MB more, of which %.0f MB is the ratio "
                 "column." % (fmt_mb(go["data"]), work, ratio_mb))
    return "\n\n".join(p)


METHOD = """## Method

- **Data.** Each engine builds the panel itself, vectorised and outside the timer, from the formula of
  `frame/internal/panel` in 64-bit integers (every value is non-negative, so floor division is Go's
  integer division): `province = i % 63 + 1`, `year = 2010 + (i / 63) % 15`, `unit = i / 945`,
  `staff = 5 + (7i + i/945) % 200`, `computers = staff · (30 + (13i) % 91) / 100`, i = 0 … ROWS−1.
  Go: `panel.Frame` for the timed benchmark, and the same loop repeated in bench/gopeak for memory
  and checksum (Go's internal-package rule keeps `frame/internal/panel` out of reach of bench/), into
  `frame.FromColumns` (five int64 Arrow columns); pandas: numpy
  `arange` into a `DataFrame`; polars: `intRange` and integer expressions; DuckDB: `CREATE TABLE … AS
  SELECT … FROM range(ROWS)` with `//`. Every engine checks its columns are int64.
- **Computation.** Go: the loop of `BenchmarkPanelGroupBy` — `ratio[i] = computers[i]/staff[i]` into a
  buffer, `WithColumnShared`, `GroupBy(province, year; Sum staff, Sum computers, Mean ratio,
  CountRows)`, first-appearance order. pandas: `df["ratio"] = df.computers / df.staff`, then
  `groupby(["province","year"], sort=False).agg(sum, sum, mean, size)`. polars:
  `withColumns(computers/staff as Float64).groupBy(["province","year"]).agg(sum, sum, mean, len)`,
  then `toRecords()`. DuckDB: `SELECT province, year, sum(staff), sum(computers),
  avg(computers / staff), count(*) FROM panel GROUP BY province, year`, read into JavaScript
  (`runAndReadAll`). polars and DuckDB return groups in their own order; the checksum ignores order.
- **Time.** Each engine runs in its own process, one after another. Go: `go test -run '^$' -bench
  '{gobench_pattern}' -benchmem -count {reps} {gobench_pkg}`, once with the default GOMAXPROCS and once with
  GOMAXPROCS=1; each of the {reps} samples is the harness's mean ns/op over its own b.N iterations (≈1 s),
  after the harness's ramp-up runs, which are the warm-up (`BenchmarkPanelParts`: `-benchtime 5x`, each
  sample the mean of 5 iterations after one). The peers: one warm-up run, then {reps} timed
  runs (`time.perf_counter_ns`, `process.hrtime`). Reported: median, min and max of the {reps} samples.
  Threads: DuckDB `threads` = {nproc} and 1; polars `POLARS_MAX_THREADS` = {nproc} and 1 (the pool size
  is read back from the threads' names); pandas has one.
- **Memory.** Read from `/proc/self/status` in each engine's own process (bench/gopeak for Go, which runs
  the same loop once): *base* = VmRSS with the engine loaded, before the data are built; *data* = VmRSS
  after the build (build garbage collected: Go's `debug.FreeOSMemory`, node's `gc()`, Python's `gc`)
  minus base; *peak* = VmHWM during the first (warm-up) computation, the high-water mark reset just
  before it by writing 5 to `/proc/self/clear_refs`, minus base. So *peak* is what the data and one
  computation hold at most, the engine's own code and libraries excluded; it is the figure compared
  with 2× the raw column bytes. *max RSS* is the whole process's peak (`/usr/bin/time -f %M`): runtime,
  libraries, the build's temporaries and all repetitions included.
- **Checksum.** Every engine prints `groups rows staff computers keyed ratio kratio` of its result, with
  cell = 15·(province−1) + (year−2010) + 1: keyed = Σ cell·computers_sum, kratio = Σ cell·ratio_mean.
  Integers must equal Go's; the two float sums may differ by rounding (1e-9 relative). `bench/run`
  fails, without writing this document, when one differs.
- **Load.** The *Load* table says how much of the CPU other processes took during each step. Figures
  are marked provisional when that is more than 5% over the run or 10% during a step of a second or more.

## Rerun

```
bench/run                      # 10,000,000 rows, 7 repetitions: writes docs/BENCHMARKS.md
ROWS=100000 REPS=3 bench/run   # quick check: writes bench/out/BENCHMARKS-100000.md
```

`bench/run` installs what is missing and says so: Debian's `python3-pandas` (`apt-get install -y
python3-pandas`, visible to `/usr/bin/python3` only), and `nodejs-polars`,
`nodejs-polars-linux-x64-gnu` and `@duckdb/node-api` at the exact versions of `bench/package.json`
(`cd bench && npm install --no-save`). Go's benchmark exists at 10⁴, 10⁶ and 10⁷ rows; other ROWS are timed with
`BenchmarkPanelGroupByRows` of bench/gopeak, the same loop. Environment: `ROWS`, `REPS`, `OUT` (the
document to write), `PROVISIONAL=1`.
"""


if __name__ == "__main__":
    main()
