"""The national-panel benchmark in pandas (run by bench/run with /usr/bin/python3).

Builds the synthetic panel of internal/panel with numpy, vectorised and
outside the timer (all values are non-negative, so // is Go's truncating
integer division):

    province  = i % 63 + 1
    year      = 2010 + (i // 63) % 15
    unit      = i // 945
    staff     = 5 + (7*i + i//945) % 200
    computers = staff * (30 + (13*i) % 91) // 100

then times, REPS times after one warm-up, the computation of Go's
BenchmarkPanelGroupBy: ratio = computers / staff for every row (a new float64
column), then group by province × year (first-appearance order, like Go) into
sum(staff), sum(computers), mean(ratio) and the row count.
The ratio is made a column first, as in Go's BenchmarkPanelGroupBy (not
computed inside the aggregation, as BenchmarkPanelGroupByRatio does).

With OP = join or concat it times instead, the same way, the Join or the
Concat of the benchmark (bench/gopeak/joinconcat.go):

    join    df.merge(provinces, on="province", how="left"): the panel of ROWS
            rows, a left join on its int64 province code to the 63-row
            province table (province = 1 … 63, population = 500 +
            37.5·(province − 1), float64), all panel columns and population
    concat  pd.concat([part] * 10, ignore_index=True): ten references to one
            panel of ROWS/10 rows stacked into a DataFrame of ROWS rows

Memory (from /proc/self/status): base = VmRSS before the data are built, data =
VmRSS after, peak = VmHWM during the warm-up computation (reset with
/proc/self/clear_refs just before it). Prints one JSON object.

Usage: /usr/bin/python3 bench/panel.py ROWS REPS [groupby|join|concat]
"""

import gc
import json
import sys
import time

import numpy as np
import pandas as pd


def memory_kb():
    """VmRSS and VmHWM of this process, in kB."""
    rss = hwm = None
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return rss, hwm


def reset_peak():
    """Sets VmHWM back to VmRSS; False where the kernel refuses."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def build(n):
    i = np.arange(n, dtype=np.int64)
    staff = 5 + (7 * i + i // 945) % 200
    cols = {
        "province": i % 63 + 1,
        "year": 2010 + (i // 63) % 15,
        "unit": i // 945,
        "staff": staff,
        "computers": staff * (30 + (13 * i) % 91) // 100,
    }
    return pd.DataFrame(cols)


def provinces():
    """The 63-row province table of the Join."""
    code = np.arange(1, 64, dtype=np.int64)
    return pd.DataFrame({"province": code, "population": 500 + 37.5 * (code - 1).astype(np.float64)})


CONCAT_PARTS = 10


def join(df, prov):
    return df.merge(prov, on="province", how="left")


def concat(part):
    return pd.concat([part] * CONCAT_PARTS, ignore_index=True)


def join_checksum(out):
    """bench/gopeak's joinChecksum: rows, column names, Σ staff, Σ computers,
    Σ population, Σ province·population (sums of multiples of 0.5: exact)."""
    pop = out["population"].to_numpy()
    if np.isnan(pop).any():
        raise SystemExit("pandas: a row of the join has no population")
    keyed = (out["province"].to_numpy().astype(np.float64) * pop).sum()
    return "rows=%d columns=%s staff=%d computers=%d population=%.1f keyed=%.1f" % (
        len(out), ",".join(out.columns), int(out["staff"].sum()), int(out["computers"].sum()),
        float(pop.sum()), float(keyed))


def concat_checksum(out):
    """bench/gopeak's concatChecksum: rows, column names, the sum of each column."""
    return "rows=%d columns=%s %s" % (
        len(out), ",".join(out.columns),
        " ".join("%s=%d" % (c, int(out[c].sum())) for c in out.columns))


def compute(df):
    df["ratio"] = df["computers"] / df["staff"]
    return df.groupby(["province", "year"], sort=False).agg(
        staff_sum=("staff", "sum"),
        computers_sum=("computers", "sum"),
        ratio_mean=("ratio", "mean"),
        rows=("staff", "size"),
    )


def checksum(out):
    """The order-independent summary of bench/gopeak's checksum."""
    prov = out.index.get_level_values("province").to_numpy()
    year = out.index.get_level_values("year").to_numpy()
    cell = 15 * (prov - 1) + (year - 2010) + 1
    comp = out["computers_sum"].to_numpy()
    mean = out["ratio_mean"].to_numpy()
    if np.isnan(mean).any():
        raise SystemExit("pandas: a mean ratio is null")
    kratio = 0.0
    for c, m in zip(cell.tolist(), mean.tolist()):
        kratio += c * m
    return "groups=%d rows=%d staff=%d computers=%d keyed=%d ratio=%.9f kratio=%.6f" % (
        len(out),
        int(out["rows"].sum()),
        int(out["staff_sum"].sum()),
        int(comp.sum()),
        int((cell * comp).sum()),
        float(sum(mean.tolist())),
        kratio,
    )


def main():
    n, reps = int(sys.argv[1]), int(sys.argv[2])
    op = sys.argv[3] if len(sys.argv) > 3 else "groupby"
    if op not in ("groupby", "join", "concat") or op == "concat" and n % CONCAT_PARTS:
        raise SystemExit("usage: panel.py ROWS REPS [groupby|join|concat] (concat: ROWS a multiple of 10)")
    base, _ = memory_kb()
    if op == "groupby":
        df = build(n)
        run, summarise = lambda: compute(df), checksum
    elif op == "join":
        df, prov = build(n), provinces()
        run, summarise = lambda: join(df, prov), join_checksum
    else:
        part = build(n // CONCAT_PARTS)
        run, summarise = lambda: concat(part), concat_checksum
    gc.collect()
    data, _ = memory_kb()
    reset = reset_peak()
    out = run()  # the warm-up, whose peak is measured
    _, peak = memory_kb()
    summary = summarise(out)
    if op != "groupby" and len(out) != n:
        raise SystemExit("pandas: %s gave %d rows, not %d" % (op, len(out), n))
    times = []
    for _ in range(reps):
        del out
        t0 = time.perf_counter_ns()
        out = run()
        times.append((time.perf_counter_ns() - t0) / 1e6)
    print(json.dumps({
        "engine": "pandas", "op": op, "threads": 1, "rows": n,
        "base_kb": base, "data_kb": data, "peak_kb": peak, "peak_reset": reset,
        "checksum": summary, "times_ms": times,
        "version": "pandas %s, numpy %s, Python %s" % (
            pd.__version__, np.__version__, sys.version.split()[0]),
    }))


if __name__ == "__main__":
    main()
