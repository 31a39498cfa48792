"""Writes the benchmarks document from the raw outputs of bench/run.

Reads, from the directory --raw: NAME.out (an engine's JSON line, or the
output of `go test -bench`; Go has two variants, go-column-* for the ratio
made a column then averaged and go-meanratio-* for frame.MeanRatio inside the
GroupBy), NAME.time (`/usr/bin/time -f '%M %U %S %e'`:
max RSS kB, user s, system s, elapsed s), NAME.stat0/NAME.stat1 (the `cpu`
line of /proc/stat around the step), machine and args (key=value lines). Checks
that every engine's checksum, and the MeanRatio variant's, agrees with Go's and exits 1, without writing, when
one does not. Then the same for the Join and the Concat (go-join-*, go-concat-*,
pandas-join, polars-join-THREADS, duckdb-join-THREADS, … : their own checksums,
which every engine must share), written in a section of their own.
Standard library only (run with /usr/bin/python3).
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
    r"^(Benchmark\S*?)(?:-(\d+))?\s+(\d+)\s+([\d.]+) ns/op"
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
    return fmt_mbb(kb * 1024)


def fmt_mbb(b):
    """Bytes in MB: whole MB from 10 MB, one decimal below."""
    x = b / MB
    return "%.0f" % x if abs(x) >= 9.95 else "%.1f" % x


def fmt_x(x):
    return "%.1f×" % x if x >= 1.95 or x < 0.5 else "%.2f×" % x


# The two Go variants: how the benchmark writes the ratio, the step names of
# bench/run (go-VARIANT-time-SETTING, go-VARIANT-peak-SETTING), the label of
# the table, and the benchmark.
GO_VARIANTS = (
    ("column", "Go — ratio column then mean", "BenchmarkPanelGroupBy"),
    ("meanratio", "Go — ratio inside the aggregation (MeanRatio)", "BenchmarkPanelGroupByRatio"),
)

# What each engine computes: ("column" | "aggregation", the table's cell, the
# sentence saying how, read from bench/panel.py and bench/panel.mjs).
COMPUTATION = {
    "column": ("column", "column first",
               "`f.WithRatioBuffer` writes computers/staff of every row into a reused float64 buffer and "
               "makes it the column `ratio` (nulls counted while dividing), then `GroupBy(province, year; Sum(staff), "
               "Sum(computers), Mean(ratio), CountRows())`"),
    "meanratio": ("aggregation", "in the aggregation",
                  "`GroupBy(province, year; Sum(staff), Sum(computers), MeanRatio(computers, staff), "
                  "CountRows())`: each row's quotient is computed in the GroupBy pass, block by block "
                  "(2,048 rows), and added to its cell; no ratio column exists"),
    "pandas": ("column", "column first",
               "`df[\"ratio\"] = df[\"computers\"] / df[\"staff\"]` materialises a float64 column of every "
               "row's ratio, then `groupby([\"province\", \"year\"], sort=False).agg(…, ratio_mean=(\"ratio\", "
               "\"mean\"), …)` averages it"),
    "polars": ("column", "column first",
               "eager `df.withColumns(computers.cast(Float64) / staff.cast(Float64))` returns a new "
               "DataFrame holding the whole ratio column, then `groupBy([\"province\", \"year\"]).agg(…, "
               "col(\"ratio\").mean(), …)`"),
    "duckdb": ("aggregation", "in the aggregation",
               "`SELECT …, avg(computers / staff), … GROUP BY province, year`: the plan (`EXPLAIN`) is "
               "scan → projection `CAST(computers AS DOUBLE) / CAST(staff AS DOUBLE)` → "
               "`PERFECT_HASH_GROUP_BY`, one pipeline, so the quotient is computed vector by vector "
               "(2,048 rows) on its way into the aggregate and never stored as a column"),
}


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
    if not os.path.exists(os.path.join(a.raw, "go-column-time-default.out")):
        raise SystemExit("report: %s comes from an older bench/run (no go-column-time-default.out, "
                         "one Go variant only): rerun bench/run" % a.raw)

    if not os.path.exists(os.path.join(a.raw, "go-join-time-default.out")):
        raise SystemExit("report: %s comes from an older bench/run (no Join and Concat): rerun bench/run" % a.raw)

    # the steps in the order they ran
    steps = sorted((f[:-4] for f in os.listdir(a.raw) if f.endswith(".out")),
                   key=lambda s: os.path.getmtime(os.path.join(a.raw, s + ".stat0")))
    info = {s: step_info(a.raw, s, nproc, clk) for s in steps}

    # one row per engine setting: times and memory
    rows = []
    for variant, label, bench in GO_VARIANTS:
        for setting in ("default", "1"):
            t = go_times(read(a.raw, "go-%s-time-%s.out" % (variant, setting)))
            p = json.loads(read(a.raw, "go-%s-peak-%s.out" % (variant, setting)))
            if p["threads"] != t["threads"]:
                raise SystemExit("report: go test ran with GOMAXPROCS=%d, gopeak with %d" % (t["threads"], p["threads"]))
            if p.get("variant") != variant or not t["bench"].startswith(bench):
                raise SystemExit("report: go-%s-*: gopeak ran %s, go test %s" % (variant, p.get("variant"), t["bench"]))
            rows.append(dict(p, **t, label=label, key=variant, step="go-%s-peak-%s" % (variant, setting),
                             timing_step="go-%s-time-%s" % (variant, setting),
                             maxrss_kb=info["go-%s-peak-%s" % (variant, setting)]["maxrss_kb"]))
    for s in ("pandas", "polars-%d" % nproc, "polars-1", "duckdb-%d" % nproc, "duckdb-1"):
        r = json.loads(read(a.raw, s + ".out"))
        label = {"pandas": "pandas", "polars": "polars (node)", "duckdb": "DuckDB (node)"}[r["engine"]]
        rows.append(dict(r, label=label, key=r["engine"], step=s, timing_step=s, maxrss_kb=info[s]["maxrss_kb"]))
    for r in rows:
        ts = r["times_ms"]
        r["median"], r["min"], r["max"] = statistics.median(ts), min(ts), max(ts)
        r["data"] = r["data_kb"] - r["base_kb"]
        r["peak"] = max(r["peak_kb"], r["data_kb"]) - r["base_kb"]
        r["how"] = COMPUTATION[r["key"]]
        if r["rows"] != n:
            raise SystemExit("report: %s ran %d rows, not %d" % (r["step"], r["rows"], n))

    go, go1, gr, gr1 = rows[0], rows[1], rows[2], rows[3]
    go["parts"] = go_parts(read(a.raw, "go-parts-default.out"))
    go1["parts"] = go_parts(read(a.raw, "go-parts-1.out"))
    for r, st in ((go, "go-parts-default"), (go1, "go-parts-1")):
        r["parts_busy"] = info[st]["other"] + info[st]["steal"]
    bad = [r for r in rows if not same_checksum(r["checksum"], go["checksum"])]
    print("checksums:", file=sys.stderr)
    for r in rows:
        print("  %-26s %s" % (r["step"], r["checksum"]), file=sys.stderr)
    if bad:
        raise SystemExit("report: checksum differs from Go's (ratio column) for %s: not writing %s"
                         % (", ".join(r["step"] for r in bad), a.out))

    tables = {op: table_op(a.raw, op, info, nproc, n) for op in TABLE_OPS}

    def find(engine, threads):
        for r in rows:
            if r["engine"] == engine and r["threads"] == threads:
                return r
        raise SystemExit("report: no %s run with %d threads" % (engine, threads))

    pandas = find("pandas", 1)
    duck, duck1 = find("duckdb", nproc), find("duckdb", 1)
    polars = find("polars", nproc)

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
    w("One computation on %s rows of the synthetic national panel (63 provinces × 15 years × %s units), "
      "in Go and in three peers on the same machine, from one run of `bench/run`: the ratio "
      "computers/staff of every row, then a group-by province × year into sum(staff), sum(computers), "
      "the mean of the ratio and the row count (%d groups)."
      % (format(n, ","), format(-(-n // 945), ","), min(945, n)))
    w("")
    w("It can be written two ways, and Go is measured both ways (`frame/groupby_bench_test.go`): "
      "**ratio column then mean** (`BenchmarkPanelGroupBy`), the ratio made a float64 column of every "
      "row and then averaged, as pandas and polars do it; and **ratio inside the aggregation** "
      "(`BenchmarkPanelGroupByRatio`, `frame.MeanRatio`), each row's quotient computed in the group-by "
      "pass and never stored, as DuckDB does it. Both give the same groups, sums and means.")
    w("")
    w("A Join (the panel with each row's province population attached) and a Concat on the same "
      "panel, in the same engines, are under [Join and Concat](#join-and-concat).")
    w("")
    w("## Results")
    w("")
    w("Raw column bytes: 5 columns × 8 bytes × %s rows = **%s MB** (MB = 10⁶ bytes). "
      "Times are medians of %d repetitions; “× Go col” and “× Go MeanRatio” are the engine's median over "
      "each Go variant's with GOMAXPROCS=%d; *ratio* says where the engine computes the ratio; memory "
      "columns are defined under [Method](#method); *others* is the share of the CPU that other processes "
      "took while the engine was timed (see [Load](#load)): a row with a high share is slower than it "
      "would be on a quiet machine."
      % (format(n, ","), fmt_mbb(raw_bytes), a.reps, go["threads"]))
    w("")
    w("| engine | ratio | threads | median ms | min–max ms | × Go col | × Go MeanRatio | data MB | peak MB | peak ÷ raw | max RSS MB | others |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        ti = info[r["timing_step"]]
        w("| %s | %s | %d | %s | %s–%s | %s | %s | %s | %s | %.2f | %s | %.0f%% |" % (
            r["label"], r["how"][1], r["threads"], fmt_ms(r["median"]), fmt_ms(r["min"]), fmt_ms(r["max"]),
            fmt_x(r["median"] / go["median"]), fmt_x(r["median"] / gr["median"]), fmt_mb(r["data"]),
            fmt_mb(r["peak"]), r["peak"] * 1024 / raw_bytes, fmt_mb(r["maxrss_kb"]),
            100 * (ti["other"] + ti["steal"])))
    w("")
    w("What each engine computes (from `bench/gopeak`, `bench/panel.py` and `bench/panel.mjs`):")
    w("")
    for key, name in (("column", "Go, ratio column then mean"), ("meanratio", "Go, MeanRatio"),
                      ("pandas", "pandas"), ("polars", "polars"), ("duckdb", "DuckDB")):
        kind, _, how = COMPUTATION[key]
        w("- **%s** — %s: %s." % (name, "ratio column first" if kind == "column" else "ratio inside the aggregation", how))
    w("")
    w("So the like-for-like pairs are Go's ratio column against pandas and polars, and Go's MeanRatio "
      "against DuckDB; the targets below are judged for both Go variants.")
    w("")
    w("Every engine's checksum (order-independent: group count, Σ rows, Σ staff, Σ computers, "
      "Σ cell·computers, Σ mean ratio, Σ cell·mean ratio) equals Go's:")
    w("")
    w("    " + go["checksum"])
    w("")
    harness = [r for r in (go, go1, gr, gr1) if r.get("bytes_op") is not None]
    if harness:
        w("Go's harness, per run: " + "; ".join(
            "%s, GOMAXPROCS=%d: %.1f MB and %d allocations" % (
                "ratio column" if r["key"] == "column" else "MeanRatio", r["threads"],
                r["bytes_op"] / MB, r["allocs_op"]) for r in harness) + ".")
        w("")

    w("## Targets")
    w("")
    w("Judged on each Go variant with the default GOMAXPROCS (%d) against pandas (one thread) and "
      "DuckDB (%d threads); the GOMAXPROCS=1 figure is given beside it." % (go["threads"], nproc))
    w("")
    w("| target | Go variant | measured | verdict |")
    w("|---|---|---|---|")
    limit = 2 * raw_bytes
    judged = []
    for g, g1 in ((go, go1), (gr, gr1)):
        name = "ratio column then mean" if g["key"] == "column" else "ratio inside the aggregation (MeanRatio)"
        j = judge(g, g1, pandas, duck, duck1, raw_bytes)
        judged.append(j)
        w("| Go ≥ 10× faster than pandas | %s | %.1f× (%s ms against pandas's %s ms); %.1f× with GOMAXPROCS=1 | %s |" % (
            name, j["speed"], fmt_ms(g["median"]), fmt_ms(pandas["median"]), j["speed1"], j["speed_verdict"]))
        w("| Go within 1.5× of DuckDB | %s | Go takes %.2f× DuckDB's time (%s ms against %s ms, %d threads each); %.2f× with 1 thread each | %s |" % (
            name, j["vs"], fmt_ms(g["median"]), fmt_ms(duck["median"]), nproc, j["vs1"], j["vs_verdict"]))
        w("| Go's peak memory ≤ 2× raw column bytes (%s MB) | %s | peak %s MB = %.2f× raw; whole-process max RSS %s MB = %.2f× raw | %s |" % (
            fmt_mbb(limit), name, fmt_mb(g["peak"]), j["peak_b"] / raw_bytes, fmt_mb(g["maxrss_kb"]),
            g["maxrss_kb"] * 1024 / raw_bytes, j["peak_verdict"]))
    w("")
    w("## Analysis")
    w("")
    w(explain(n, go, go1, gr, gr1, pandas, duck, duck1, raw_bytes, judged))
    w("")

    write_table_ops(w, tables, a, args, n, nproc)

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

    w(METHOD.format(reps=a.reps, gobench_pkg=args["gopkg"], gobench_pattern=args["gobench"],
                    gobench_ratio_pattern=args["gobench_ratio"], nproc=nproc))
    text = "\n".join(out) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    summary = ["%s %d thr: %s ms (×Go col %.2f), peak %s MB" % (
        r["step"], r["threads"], fmt_ms(r["median"]), r["median"] / go["median"], fmt_mb(r["peak"])) for r in rows]
    print("\n".join(summary), file=sys.stderr)
    for op, rs in tables.items():
        g = rs[0]
        print("\n".join("%s %d thr: %s ms (×Go %.2f), peak %s MB" % (
            r["step"], r["threads"], fmt_ms(r["median"]), r["median"] / g["median"], fmt_mb(r["peak"]))
            for r in rs), file=sys.stderr)


# The Join and the Concat: the step names of bench/run (go-OP-time-SETTING,
# go-OP-peak-SETTING, pandas-OP, polars-OP-THREADS, duckdb-OP-THREADS), the
# benchmark whose name Go's timing lines must start with (frame's or
# bench/gopeak's copy), and what each engine does, read from bench/gopeak,
# bench/panel.py and bench/panel.mjs.
TABLE_OPS = {
    "join": {
        "title": "Join",
        "bench": ("BenchmarkJoin/key=int64/", "BenchmarkJoinRows/"),
        "how": {
            "go": "`panel.Join(provinces, frame.JoinOptions{Kind: frame.LeftJoin, On: []string{\"province\"}})`: "
                  "the 63 right keys indexed in a dense table by code, the panel's keys probed in parallel "
                  "chunks, and population gathered into one new float64 column; the five panel columns "
                  "are shared with the panel, not copied (frame's `BenchmarkJoin`, key=int64)",
            "pandas": "`df.merge(provinces, on=\"province\", how=\"left\")`: a new DataFrame; its five panel "
                      "columns are copies (`numpy.shares_memory` is false for each)",
            "polars": "eager `df.join(provinces, {on: \"province\", how: \"left\"})`: a new DataFrame",
            "duckdb": "`SELECT p.*, t.population FROM panel p LEFT JOIN provinces t ON p.province = t.province` "
                      "run with `conn.run`: a materialised result, every row held by DuckDB (not converted "
                      "into JavaScript values)",
        },
    },
    "concat": {
        "title": "Concat",
        "bench": ("BenchmarkConcat/frames=10/", "BenchmarkConcatRows/"),
        "how": {
            "go": "`frame.Concat(parts, frame.ConcatOptions{})`, parts = ten references to the part: each column "
                  "copied into one new Arrow array (`array.Concatenate`), up to four columns at once "
                  "(frame's `BenchmarkConcat`)",
            "pandas": "`pd.concat([part] * 10, ignore_index=True)`: a new DataFrame with a `RangeIndex`",
            "polars": "`pl.concat([part × 10], {rechunk: true})`: a new DataFrame whose columns are "
                      "contiguous (without `rechunk` polars would only list the ten parts' chunks)",
            "duckdb": "`SELECT * FROM part UNION ALL SELECT * FROM part …` (ten times) run with `conn.run`: "
                      "a materialised result held by DuckDB; its row order is not guaranteed, which the "
                      "checksum ignores",
        },
    },
}
ENGINE_LABEL = {"go": "Go", "pandas": "pandas", "polars": "polars (node)", "duckdb": "DuckDB (node)"}


def table_op(raw, op, info, nproc, n):
    """The rows (Go default, Go 1, pandas, polars N and 1, DuckDB N and 1) of
    the Join or the Concat, their checksums checked against Go's."""
    spec = TABLE_OPS[op]
    rows = []
    for setting in ("default", "1"):
        t = go_times(read(raw, "go-%s-time-%s.out" % (op, setting)))
        p = json.loads(read(raw, "go-%s-peak-%s.out" % (op, setting)))
        if p["threads"] != t["threads"]:
            raise SystemExit("report: %s: go test ran with GOMAXPROCS=%d, gopeak with %d" % (op, t["threads"], p["threads"]))
        if p.get("op") != op or not t["bench"].startswith(spec["bench"]):
            raise SystemExit("report: go-%s-*: gopeak ran %s, go test %s" % (op, p.get("op"), t["bench"]))
        rows.append(dict(p, **t, step="go-%s-peak-%s" % (op, setting), timing_step="go-%s-time-%s" % (op, setting),
                         maxrss_kb=info["go-%s-peak-%s" % (op, setting)]["maxrss_kb"]))
    for s in ("pandas-%s" % op, "polars-%s-%d" % (op, nproc), "polars-%s-1" % op,
              "duckdb-%s-%d" % (op, nproc), "duckdb-%s-1" % op):
        r = json.loads(read(raw, s + ".out"))
        if r.get("op") != op:
            raise SystemExit("report: %s ran %s, not %s" % (s, r.get("op"), op))
        rows.append(dict(r, step=s, timing_step=s, maxrss_kb=info[s]["maxrss_kb"]))
    for r in rows:
        ts = r["times_ms"]
        r["median"], r["min"], r["max"] = statistics.median(ts), min(ts), max(ts)
        r["data"] = r["data_kb"] - r["base_kb"]
        r["peak"] = max(r["peak_kb"], r["data_kb"]) - r["base_kb"]
        r["label"] = ENGINE_LABEL[r["engine"]]
        r["busy"] = info[r["timing_step"]]["other"] + info[r["timing_step"]]["steal"]
        if r["rows"] != n:
            raise SystemExit("report: %s ran %d rows, not %d" % (r["step"], r["rows"], n))
    # every sum is an integer or a multiple of 0.5 printed to 1 decimal, exact
    # in any order: the checksums must be equal as text
    print("%s checksums:" % op, file=sys.stderr)
    for r in rows:
        print("  %-26s %s" % (r["step"], r["checksum"]), file=sys.stderr)
    bad = [r["step"] for r in rows if r["checksum"] != rows[0]["checksum"]]
    if bad:
        raise SystemExit("report: %s checksum differs from Go's for %s: not writing the document"
                         % (op, ", ".join(bad)))
    return rows


def write_table_ops(w, tables, a, args, n, nproc):
    """The section of the Join and the Concat."""
    part = n // 10
    w("## Join and Concat")
    w("")
    w("Two table operations on the same synthetic panel (five int64 columns: province, year, unit, staff, "
      "computers; the formula under [Method](#method)), in the same engines, from the same run of "
      "`bench/run`, one engine process after another. Only the operation is timed: every engine builds "
      "its inputs before the timer. Times are medians of %d repetitions; “× Go” is the engine's median "
      "over Go's with the default GOMAXPROCS (%d), “× Go, same threads” over Go's with as many threads "
      "(pandas, which has one, against Go with GOMAXPROCS=1); *data* and *peak* are measured as for the "
      "group-by (see [Method](#method)); *others* is the share of the CPU other processes took while the "
      "engine was timed." % (a.reps, tables["join"][0]["threads"]))
    w("")
    w("- **Join**: the panel of %s rows joined on its int64 `province` code to a 63-row province table, "
      "`province` = 1 … 63 (int64) → `population` = 500 + 37.5·(province − 1) (float64, thousand people), "
      "the table of frame's `BenchmarkJoin`. A **left join** in every engine, keeping the panel's five "
      "columns and adding `population`: %s rows × 6 columns. Every panel row finds its province, so an "
      "inner join would keep the same rows. *data* is the panel and the province table."
      % (format(n, ","), format(n, ",")))
    w("- **Concat**: one panel of %s rows (the first %s rows of the formula) stacked ten times — the "
      "same part ten times over, as frame's `BenchmarkConcat` does — into %s rows × 5 columns, new "
      "contiguous columns in every engine but DuckDB, whose result is its own chunked storage. *data* "
      "is the part alone, so *peak* includes the %s-row result."
      % (format(part, ","), format(part, ","), format(n, ","), format(n, ",")))
    w("")
    for op in TABLE_OPS:
        rows, spec = tables[op], TABLE_OPS[op]
        go, go1 = rows[0], rows[1]
        w("### %s" % spec["title"])
        w("")
        w("| engine | threads | median ms | min–max ms | × Go | × Go, same threads | data MB | peak MB | max RSS MB | others |")
        w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows:
            same = go1 if r["threads"] == 1 else go
            w("| %s | %d | %s | %s–%s | %s | %s | %s | %s | %s | %.0f%% |" % (
                r["label"], r["threads"], fmt_ms(r["median"]), fmt_ms(r["min"]), fmt_ms(r["max"]),
                fmt_x(r["median"] / go["median"]), fmt_x(r["median"] / same["median"]) if same["threads"] == r["threads"] else "–",
                fmt_mb(r["data"]), fmt_mb(r["peak"]), fmt_mb(r["maxrss_kb"]), 100 * r["busy"]))
        w("")
        for key in ("go", "pandas", "polars", "duckdb"):
            w("- **%s** — %s." % (ENGINE_LABEL[key].replace(" (node)", ""), spec["how"][key]))
        w("")
        if op == "join":
            w("Checksum (order-independent: rows, the column names in order, Σ staff, Σ computers, "
              "Σ population, Σ province·population — the last catches a population attached to the wrong "
              "province), the same in every engine:")
        else:
            w("Checksum (order-independent: rows, the column names in order, the sum of each column), the "
              "same in every engine:")
        w("")
        w("    %s" % go["checksum"])
        w("")
        w("Go's harness, per run: GOMAXPROCS=%d: %s MB and %s allocations; GOMAXPROCS=1: %s MB and %s "
          "allocations. Go's timing: `go test -run '^$' -bench '%s' -benchmem -count %d %s`."
          % (go["threads"], fmt_mbb(go["bytes_op"] or 0), format(int(go["allocs_op"] or 0), ","),
             fmt_mbb(go1["bytes_op"] or 0), format(int(go1["allocs_op"] or 0), ","),
             args["gobench_%s" % op], a.reps, args["gopkg_%s" % op]))
        w("")
    w("Timing as for the group-by: Go's samples are the harness's mean ns/op over its own b.N "
      "iterations; the peers run once as a warm-up (whose peak memory is measured), then %d timed runs; "
      "between two runs, outside the timer, the previous result is dropped (pandas `del`; node: the "
      "reference cleared and `gc()`, so that results of hundreds of MB do not pile up). bench/gopeak "
      "(`-op join`, `-op concat`) gives Go's peak memory and checksum from one operation; frame's "
      "benchmarks give the times at 10⁴, 10⁶ and 10⁷ rows (Join) and 10⁵ and 10⁷ rows (Concat), "
      "bench/gopeak's copies of them (`BenchmarkJoinRows`, `BenchmarkConcatRows`) at other sizes." % a.reps)
    w("")


def judge(g, g1, pandas, duck, duck1, raw_bytes):
    """The three targets for one Go variant (g: default GOMAXPROCS, g1: 1):
    the ratios and a verdict saying by how much each is met or missed."""
    j = {}
    j["speed"] = speed = pandas["median"] / g["median"]
    j["speed1"] = pandas["median"] / g1["median"]
    need = pandas["median"] / 10
    if speed >= 10:
        j["speed_verdict"] = "met, %.2f× inside (%s ms under the %s ms limit)" % (
            speed / 10, fmt_ms(need - g["median"]), fmt_ms(need))
    else:
        j["speed_verdict"] = "**missed** by %.2f× (Go would need %s ms or less; %s ms over)" % (
            10 / speed, fmt_ms(need), fmt_ms(g["median"] - need))
    j["vs"] = vs = g["median"] / duck["median"]
    j["vs1"] = g1["median"] / duck1["median"]
    cap = 1.5 * duck["median"]
    if vs <= 1.5:
        j["vs_verdict"] = "met, %.2f× inside (%s ms under the %s ms limit)" % (
            1.5 / vs, fmt_ms(cap - g["median"]), fmt_ms(cap))
    else:
        j["vs_verdict"] = "**missed** by %.2f× (Go would need %s ms or less; %s ms over)" % (
            vs / 1.5, fmt_ms(cap), fmt_ms(g["median"] - cap))
    j["peak_b"] = peak_b = g["peak"] * 1024
    limit = 2 * raw_bytes
    if peak_b <= limit:
        j["peak_verdict"] = "met, %s MB under the limit (peak = %.2f× the limit)" % (
            fmt_mbb(limit - peak_b), peak_b / limit)
    else:
        j["peak_verdict"] = "**missed** by %s MB (peak = %.2f× the limit)" % (fmt_mbb(peak_b - limit), peak_b / limit)
    j["speed_met"], j["vs_met"], j["peak_met"] = speed >= 10, vs <= 1.5, peak_b <= limit
    return j


def explain(n, go, go1, gr, gr1, pandas, duck, duck1, raw_bytes, judged):
    """The reasons behind the figures, from the figures: where Go's time and
    memory go in each variant, and what a missed target would take."""
    p = []
    ratio_mb = 8 * n / MB
    jc, jr = judged
    work = (go["peak"] - go["data"]) * 1024 / MB
    work_r = (gr["peak"] - gr["data"]) * 1024 / MB
    r2, r1 = go["parts"].get("ratio"), go1["parts"].get("ratio")
    g2, g1 = go["parts"].get("groupby"), go1["parts"].get("groupby")
    h2, h1 = go["parts"].get("handloop"), go1["parts"].get("handloop")
    p.append("### Where Go's time goes\n\n"
             "`BenchmarkPanelParts` (bench/gopeak) times the two halves of the ratio-column variant "
             "separately, and a loop written for these two keys only (`panel.HandLoop`: one pass over the four "
             "columns it needs, the ratio computed in the pass and never stored, one goroutine) as the "
             "floor a general group-by is measured against. Medians, ms:\n\n"
             "| part | GOMAXPROCS=%d | GOMAXPROCS=1 |\n|---|---:|---:|\n"
             "| *others' share of the CPU during the parts step* | *%.0f%%* | *%.0f%%* |\n"
             "| `WithRatioBuffer` (writes the ratio column into a reused buffer) | %s | %s |\n"
             "| `GroupBy` with `Mean(ratio)` alone (ratio column given) | %s | %s |\n"
             "| ratio column then mean, the whole benchmark (table above) | %s | %s |\n"
             "| ratio inside the aggregation, `MeanRatio` (table above) | %s | %s |\n"
             "| `panel.HandLoop`, the specialised floor (one goroutine) | %s | %s |"
             % (go["threads"], 100 * go["parts_busy"], 100 * go1["parts_busy"], fmt_ms(r2), fmt_ms(r1),
                fmt_ms(g2), fmt_ms(g1), fmt_ms(go["median"]), fmt_ms(go1["median"]),
                fmt_ms(gr["median"]), fmt_ms(gr1["median"]), fmt_ms(h2), fmt_ms(h1)))
    faster = gr["median"] < go["median"]
    p.append("### The two ways compared\n\n"
             "With GOMAXPROCS=%d, computing the ratio inside the aggregation takes %s ms against %s ms for "
             "the ratio column (%.2f× its time: %s ms %s); on one CPU %s ms against %s ms (%.2f×). "
             "MeanRatio neither writes the %.0f MB of ratios nor reads them back: the division moves into "
             "the group-by pass, done block by block on every CPU. On one goroutine MeanRatio takes "
             "%.2f× the time of the `panel.HandLoop` floor, which does the same work for these two keys only, "
             "and the ratio column %.2f×."
             % (go["threads"], fmt_ms(gr["median"]), fmt_ms(go["median"]), gr["median"] / go["median"],
                fmt_ms(abs(go["median"] - gr["median"])), "saved" if faster else "more",
                fmt_ms(gr1["median"]), fmt_ms(go1["median"]), gr1["median"] / go1["median"],
                ratio_mb, gr1["median"] / h1, go1["median"] / h1))
    p.append("### Where Go's memory goes\n\n"
             "The five Arrow columns hold %s MB once built (raw %.0f MB). With the ratio column the "
             "computation adds %.0f MB at its peak, of which the float64 ratio column is %.0f MB (8 bytes "
             "× %s rows; the benchmark reuses that buffer between iterations); with MeanRatio it adds "
             "%.0f MB. `GroupBy` itself needs little: on two small int64 keys it maps rows to the %d "
             "cells of province × year in blocks of 2,048 rows and keeps one table of cells per CPU, "
             "never a group id per row."
             % (fmt_mb(go["data"]), raw_bytes / MB, work, ratio_mb, format(n, ","), work_r, 63 * 15))
    need = pandas["median"] / 10
    t = ("### Against pandas\n\n"
         "10× pandas (%s ms) means %s ms or less. Go takes %s ms with the ratio column (%s) and %s ms "
         "with MeanRatio (%s) with GOMAXPROCS=%d; on one CPU %s ms (%.1f×) and %s ms (%.1f×). pandas "
         "does this work in vectorised numpy and cython loops (one division over the columns into a new "
         "column, then a group-by on the two int64 keys), so it pays per column pass, not per row in "
         "Python: it is %.1f× slower than the specialised Go floor on one goroutine."
         % (fmt_ms(pandas["median"]), fmt_ms(need),
            fmt_ms(go["median"]), "%.1f×, met" % jc["speed"] if jc["speed_met"] else "%.1f×, missed by %.2f×" % (jc["speed"], 10 / jc["speed"]),
            fmt_ms(gr["median"]), "%.1f×, met" % jr["speed"] if jr["speed_met"] else "%.1f×, missed by %.2f×" % (jr["speed"], 10 / jr["speed"]),
            go["threads"], fmt_ms(go1["median"]), jc["speed1"], fmt_ms(gr1["median"]), jr["speed1"],
            pandas["median"] / h1))
    if h1 > need:
        t += (" That floor (%s ms on one goroutine) is itself above %s ms: the target can only be met "
              "with more than one CPU working on the computation." % (fmt_ms(h1), fmt_ms(need)))
    p.append(t)
    p.append("### Against DuckDB\n\n"
             "DuckDB computes `avg(computers / staff)` inside its aggregation, like MeanRatio: the "
             "quotient is computed on vectors of 2,048 rows while they are in cache, on all its threads. "
             "It takes %s ms with %d threads: Go's MeanRatio %s ms (%.2f×: %s), Go's ratio column %s ms "
             "(%.2f×: %s). With one thread each, DuckDB %s ms; MeanRatio %s ms (%.2f×), ratio column "
             "%s ms (%.2f×)."
             % (fmt_ms(duck["median"]), duck["threads"],
                fmt_ms(gr["median"]), jr["vs"], "met" if jr["vs_met"] else "missed by %.2f×" % (jr["vs"] / 1.5),
                fmt_ms(go["median"]), jc["vs"], "met" if jc["vs_met"] else "missed by %.2f×" % (jc["vs"] / 1.5),
                fmt_ms(duck1["median"]), fmt_ms(gr1["median"]), jr["vs1"], fmt_ms(go1["median"]), jc["vs1"]))
    for g, j, name, w_mb in ((go, jc, "the ratio column", work), (gr, jr, "MeanRatio", work_r)):
        if not j["peak_met"]:
            p.append("### Why Go's peak memory with %s is above 2× the raw columns\n\n"
                     "The columns take %s MB and the computation %s MB more%s."
                     % (name, fmt_mb(g["data"]), fmt_mbb(w_mb * MB),
                        ", of which %s MB is the ratio column" % fmt_mbb(ratio_mb * MB) if g is go else ""))
    return "\n\n".join(p)


METHOD = """## Method

- **Data.** Each engine builds the panel itself, vectorised and outside the timer, from the formula of
  `internal/panel` in 64-bit integers (every value is non-negative, so floor division is Go's
  integer division): `province = i % 63 + 1`, `year = 2010 + (i / 63) % 15`, `unit = i / 945`,
  `staff = 5 + (7i + i/945) % 200`, `computers = staff · (30 + (13i) % 91) / 100`, i = 0 … ROWS−1.
  Go: `panel.Frame` (five int64 Arrow columns through `frame.FromColumns`), for the timed
  benchmarks and, in bench/gopeak, for memory and checksum; pandas: numpy
  `arange` into a `DataFrame`; polars: `intRange` and integer expressions; DuckDB: `CREATE TABLE … AS
  SELECT … FROM range(ROWS)` with `//`. Every engine checks its columns are int64.
- **Computation.** Go, ratio column then mean (`BenchmarkPanelGroupBy`): `f.WithRatioBuffer(ratio,
  computers, staff, buf)` into a reused buffer, then `GroupBy(province, year; Sum staff,
  Sum computers, Mean ratio, CountRows)`. Go, ratio inside the aggregation
  (`BenchmarkPanelGroupByRatio`): `GroupBy(province, year; Sum staff, Sum computers,
  MeanRatio(computers, staff), CountRows)`, no ratio column. Both in first-appearance order.
  pandas (ratio column): `df["ratio"] = df.computers / df.staff`, then
  `groupby(["province","year"], sort=False).agg(sum, sum, mean, size)`. polars (ratio column):
  eager `withColumns(computers/staff as Float64).groupBy(["province","year"]).agg(sum, sum, mean,
  len)`, then `toRecords()`. DuckDB (ratio inside the aggregation): `SELECT province, year,
  sum(staff), sum(computers), avg(computers / staff), count(*) FROM panel GROUP BY province, year`,
  read into JavaScript (`runAndReadAll`). polars and DuckDB return groups in their own order; the
  checksum ignores order.
- **Time.** Each engine runs in its own process, one after another. Go: `go test -run '^$' -bench
  '{gobench_pattern}' -benchmem -count {reps} {gobench_pkg}` (ratio column) and the same with
  `-bench '{gobench_ratio_pattern}'` (MeanRatio), each once with the default GOMAXPROCS and once with
  GOMAXPROCS=1; each of the {reps} samples is the harness's mean ns/op over its own b.N iterations (≈1 s),
  after the harness's ramp-up runs, which are the warm-up (`BenchmarkPanelParts`: `-benchtime 5x`, each
  sample the mean of 5 iterations after one). The peers: one warm-up run, then {reps} timed
  runs (`time.perf_counter_ns`, `process.hrtime`). Reported: median, min and max of the {reps} samples.
  Threads: DuckDB `threads` = {nproc} and 1; polars `POLARS_MAX_THREADS` = {nproc} and 1 (the pool size
  is read back from the threads' names); pandas has one.
- **Memory.** Read from `/proc/self/status` in each engine's own process (bench/gopeak for Go, which runs
  the same computation once, `-variant column` or `-variant meanratio`): *base* = VmRSS with the engine loaded, before the data are built; *data* = VmRSS
  after the build (build garbage collected: Go's `debug.FreeOSMemory`, node's `gc()`, Python's `gc`)
  minus base; *peak* = VmHWM during the first (warm-up) computation, the high-water mark reset just
  before it by writing 5 to `/proc/self/clear_refs`, minus base. So *peak* is what the data and one
  computation hold at most, the engine's own code and libraries excluded; it is the figure compared
  with 2× the raw column bytes. *max RSS* is the whole process's peak (`/usr/bin/time -f %M`): runtime,
  libraries, the build's temporaries and all repetitions included.
- **Checksum.** Every engine, and each Go variant, prints `groups rows staff computers keyed ratio kratio` of its result, with
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
(`cd bench && npm install --no-save`). Go's benchmarks exist at 10⁴, 10⁶ and 10⁷ rows; other ROWS are timed with
`BenchmarkPanelGroupByRows` and `BenchmarkPanelGroupByRatioRows` of bench/gopeak, the same computations. Environment: `ROWS`, `REPS`, `OUT` (the
document to write), `PROVISIONAL=1`.

## Appraising a draft (ictplan check FILE)

Go benchmarks of `cmd/ictplan` and `loaders/pdfinput`, run by hand (`go test ./cmd/ictplan -run '^$' -bench CheckFile -count 5`;
`go test ./loaders/pdfinput -run '^$' -bench 'Read$|Lines$|Tables' -count 5`), this machine (2 CPUs, shared: load average
about 3,5 during the runs), 2026-12-05, medians of 5:

| benchmark | input | median |
|---|---|---|
| `BenchmarkCheckFile` | the 2024 draft plan as text (6.911 lines, about a hundred pages): both appendices with every layout, its amounts in words | 81 ms |
| `BenchmarkCheckFilePDF` | the same draft printed to PDF by LibreOffice (109 pages, 304 kB, `loaders/pdfinput/testdata/draft2024-libreoffice.pdf`: the text as paragraphs, its two appendices as tables over 67 pages): the words placed, 3 tables found and each tried with every layout, the amounts in words in its text | 525 ms (711 ms when the tables and the lines each read the document: `pdfinput.Read` reads it once) |
| `BenchmarkRead` (pdfinput) | the tables and the lines of text of the same PDF, one reading | 209 ms |
| `BenchmarkLines` (pdfinput) | the lines of text of the same PDF | 195 ms |
| `BenchmarkTables/draft2024-libreoffice.pdf` (pdfinput) | the tables of the same PDF | 217 ms |
| `BenchmarkTables/…` (pdfinput) | the 2010 and 2023 appendices, 4–5 pages: plan2010 LibreOffice, Chromium; dx2023 LibreOffice, Chromium | 13, 19, 10, 16 ms |

The goal of issue 19 — under 1 s for a 100-page draft — is met with a margin of 2×. A CPU profile of the PDF check
(`-cpuprofile`) puts about 40 % in reading the pages (the parser's content-stream interpreter, `ledongthuc/pdf`) and about
55 % in `loaders.MatchHeaders`: each layout tried on each table looks for a header among its first 25 rows, folding every
cell (the tasks' "Mục tiêu" run to 900 characters) and every label of the layout again for each column. (The first
version of the test PDF had the appendices as paragraphs, 92 pages: 248 ms.) Since the header words of a text are folded
once and kept (`loaders.headerWords`, at most 4.096 texts), the PDF check takes 333 ms: old and new test binaries run in
turn, three times each, medians 555 → 333 ms (−40 %), the findings of every test file unchanged. Since the dx layouts
read the two appendices from their cells (`dxtext.ReadCells`: 234 checks and 5 findings instead of 2 and none), the
check takes 305 ms (the previous binary in turn, same load: 321 ms; medians of 3).

## Notebooks

A full headless run of each notebook (GoNB, cold and warm Go build cache) beside the same work in
pandas + matplotlib notebooks is measured by `bench/notebooks/run`, in
[NOTEBOOKS-BENCHMARK.md](NOTEBOOKS-BENCHMARK.md).
"""


if __name__ == "__main__":
    main()
