#!/usr/bin/python3
"""Times headless runs of the Go notebooks and their pandas counterparts and
writes docs/NOTEBOOKS-BENCHMARK.md. Run through bench/notebooks/run, which
installs what is needed and exports the data first (standard library only).

Every measurement is one `jupyter nbconvert --to notebook --execute`
process, timed from its start to its exit (wall clock). Around it the script
reads /proc/loadavg, and /proc/stat with the CPU time of its own children,
to tell how much CPU other processes took during the run.
"""
import argparse
import datetime
import html
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTEBOOKS = ("planner", "analyst", "researcher")
# Other processes may use this much CPU on average (cores) during a timed
# run before the figures are marked provisional.
BUSY_LIMIT = 0.5
# ... or the 1-minute load average before the first run may be this high.
LOAD_LIMIT = 1.0


# --- the machine -----------------------------------------------------------

def loadavg():
    return open("/proc/loadavg").read().split()[:3]


def busy_ticks():
    """CPU time all processes spent busy since boot, in clock ticks."""
    f = open("/proc/stat").readline().split()[1:]
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f[:8])
    return user + nice + system + irq + softirq + steal


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    debian = Path("/etc/debian_version").read_text().strip() if Path("/etc/debian_version").exists() else "?"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(int(mem) / 2**20, 1),
            "os": f"Debian {debian}, Linux {platform.release()}"}


def versions(root):
    def out(*cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return "?"
    py = out("/usr/bin/python3", "-c",
             "import pandas, numpy, matplotlib, ipykernel, nbconvert, nbclient, jupyter_client, openpyxl, sys;"
             "print(sys.version.split()[0], pandas.__version__, numpy.__version__, matplotlib.__version__,"
             " ipykernel.__version__, nbconvert.__version__, nbclient.__version__, jupyter_client.__version__,"
             " openpyxl.__version__)").split()
    names = ["python", "pandas", "numpy", "matplotlib", "ipykernel", "nbconvert", "nbclient", "jupyter_client", "openpyxl"]
    v = dict(zip(names, py))
    v["go"] = out("go", "version").replace("go version ", "")
    v["gonb"] = out(str(root / "notebooks/bin/gonb"), "-V") or "?"
    commit = out("git", "-C", str(root), "rev-parse", "--short", "HEAD")
    dirty = out("git", "-C", str(root), "status", "--porcelain", "--", "notebooks", "frame", "datasets", "analysis")
    v["commit"] = commit + (" (with uncommitted changes under notebooks/ frame/ datasets/ analysis/)" if dirty else "")
    return v


# --- one timed run ---------------------------------------------------------

def run_notebook(nb, kernel, env, outdir, name):
    """Executes nb with nbconvert; returns the timing record."""
    outdir.mkdir(parents=True, exist_ok=True)
    timing = outdir / f"{name}.timing.json"
    env = dict(env, BENCH_TIMING_FILE=str(timing))
    cmd = ["/usr/bin/python3", "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
           f"--ExecutePreprocessor.kernel_name={kernel}", "--ExecutePreprocessor.timeout=1800",
           "--ExecutePreprocessor.startup_timeout=120", "--config", str(HERE / "timing_config.py"),
           "--output-dir", str(outdir), "--output", name, str(nb)]
    load_before = loadavg()
    busy0, ours0, t0 = busy_ticks(), children_cpu(), time.monotonic()
    with open(outdir / f"{name}.log", "w") as log:
        rc = subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=nb.parent).returncode
    t1 = time.monotonic()
    busy1, ours1 = busy_ticks(), children_cpu()
    load_after = loadavg()
    if rc != 0:
        sys.exit(f"measure: nbconvert failed on {nb} (log: {outdir / (name + '.log')})")
    executed = outdir / f"{name}.ipynb"
    errors = [o for c in json.load(open(executed))["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        sys.exit(f"measure: {executed} has {len(errors)} error outputs")
    t = json.load(open(timing))
    wall = t1 - t0
    ours = ours1 - ours0
    others = max(0.0, (busy1 - busy0) / os.sysconf("SC_CLK_TCK") - ours)
    cells = {int(k): v[1] - v[0] for k, v in t["cells"].items() if v[1] is not None}
    outputs = [o for c in json.load(open(executed))["cells"] for o in c.get("outputs", [])]
    rec = {"html_outputs": sum("text/html" in o.get("data", {}) for o in outputs),
           "image_outputs": sum(any(k.startswith("image/") for k in o.get("data", {})) for o in outputs),
           "wall": wall, "kernel_start": t["kernel_ready"] - t0, "cells_total": sum(cells.values()),
           "after_cells": t1 - t["complete"], "cells": cells, "cpu_ours": ours, "others_cores": others / wall,
           "load_before": load_before, "load_after": load_after, "executed": str(executed)}
    print(f"   {name:28s} {wall:7.1f} s  (kernel {rec['kernel_start']:.1f} s, cells {rec['cells_total']:.1f} s; "
          f"load {' '.join(load_before)} -> {' '.join(load_after)}; others {rec['others_cores']:.2f} cores)", flush=True)
    return rec


def measure(root, out, data, reps):
    base = dict(os.environ, ICTPLAN_CSV_DIR=str(data), ICTPLAN_EXPORT_DIR=str(out / "analyst"))
    results, skipped = {}, []
    for name in NOTEBOOKS:
        go_nb, py_nb = root / "notebooks" / f"{name}.ipynb", HERE / f"{name}_pandas.ipynb"
        if not go_nb.exists():
            skipped.append((name, f"notebooks/{name}.ipynb does not exist"))
            continue
        if not py_nb.exists():
            skipped.append((name, f"no bench/notebooks/{name}_pandas.ipynb"))
            continue
        print(f"== {name}", flush=True)
        gocache = Path(tempfile.mkdtemp(prefix="gocache-"))
        mplcache = Path(tempfile.mkdtemp(prefix="mplconfig-"))
        go_env = dict(base, GOCACHE=str(gocache))
        py_env = dict(base, MPLCONFIGDIR=str(mplcache))
        runs = out / "runs" / name
        r = {"go_cold": run_notebook(go_nb, "gonb", go_env, runs, "go-cold"),
             "py_first": run_notebook(py_nb, "python3", py_env, runs, "pandas-first"),
             "go_warm": [], "py_warm": []}
        for i in range(reps):  # interleaved, so that a change of load hits both
            r["go_warm"].append(run_notebook(go_nb, "gonb", go_env, runs, f"go-warm-{i + 1}"))
            r["py_warm"].append(run_notebook(py_nb, "python3", py_env, runs, f"pandas-warm-{i + 1}"))
        r["gocache_mib"] = sum(f.stat().st_size for f in gocache.rglob("*") if f.is_file()) / 2**20
        shutil.rmtree(gocache, ignore_errors=True)
        shutil.rmtree(mplcache, ignore_errors=True)
        results[name] = r
    return results, skipped


# --- the same figures? -------------------------------------------------------

class _Tables(HTMLParser):
    """The HTML tables of an output: column names (the first text of each
    header cell, before its <br>) and the text of the body cells."""

    def __init__(self):
        super().__init__()
        self.tables, self.row, self.cell, self.header, self.skip = [], None, None, False, 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"names": [], "rows": []})
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell, self.header = "", tag == "th"
        elif tag == "br" and self.cell is not None and self.header:
            self.skip = 1

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell, self.skip = None, 0
        elif tag == "tr" and self.row is not None and self.tables:
            t = self.tables[-1]
            if self.header and not t["names"]:
                t["names"] = self.row
            else:
                t["rows"].append(self.row)
            self.row, self.header = None, False

    def handle_data(self, d):
        if self.cell is not None and not self.skip:
            self.cell += d


def html_tables(path):
    tables = []
    for c in json.load(open(path))["cells"]:
        for o in c.get("outputs", []):
            h = o.get("data", {}).get("text/html")
            if h:
                p = _Tables()
                p.feed("".join(h))
                tables += p.tables
    return tables


def compare_tables(go_path, py_path):
    """Table by table: same column names, and how many cells differ (as shown: the library's number format)."""
    g, p = html_tables(go_path), html_tables(py_path)
    res = []
    for i in range(max(len(g), len(p))):
        if i >= len(g) or i >= len(p):
            res.append({"table": i + 1, "columns": 0, "rows": 0, "cells": 0, "differ": ["missing table"]})
            continue
        a, b = g[i], p[i]
        differ = []
        if a["names"] != b["names"]:
            differ.append(f"columns {a['names']} / {b['names']}")
        if len(a["rows"]) != len(b["rows"]):
            differ.append(f"{len(a['rows'])} / {len(b['rows'])} rows")
        n = 0
        for r, (ra, rb) in enumerate(zip(a["rows"], b["rows"])):
            for j, (x, y) in enumerate(zip(ra, rb)):
                n += 1
                if x != y:
                    col = a["names"][j] if j < len(a["names"]) else j
                    differ.append(f"row {r + 1} {col}: Go {x!r}, pandas {y!r}")
        res.append({"table": i + 1, "columns": len(a["names"]), "rows": len(a["rows"]), "cells": n, "differ": differ})
    return res


def fullest(r):
    """The Go run with the most displayed outputs (GoNB may drop one; see the document)."""
    runs = [r["go_cold"], *r["go_warm"]]
    return max(runs, key=lambda x: (x.get("html_outputs", 0) + x.get("image_outputs", 0)))


def vn_float(s):
    return float(s.replace(".", "").replace(",", "."))


def spot_checks(results, root, out):
    """A few figures recomputed by hand, read from both executed notebooks."""
    checks = []
    import csv
    with open(out / "data" / "vn-cpi.csv", encoding="utf-8") as f:
        cpi = {int(r["year"]): float(r["index_2010_100"]) for r in csv.DictReader(f) if r["index_2010_100"]}
    if "planner" in results:
        for side, path in (("Go", fullest(results["planner"])["executed"]), ("pandas", results["planner"]["py_first"]["executed"])):
            t = html_tables(path)[2]  # catalogue, provincial head, then the ratios by level
            rows = [dict(zip(t["names"], r)) for r in t["rows"] if r[t["names"].index("measure")] == "computers_per_staff"]
            num = sum(vn_float(r["numerator"]) for r in rows)
            den = sum(vn_float(r["denominator"]) for r in rows)
            checks.append((side, "planner", "computers per staff, both levels = Σ computers / Σ staff",
                           f"{num:.0f} / {den:.0f} = {num / den:.4f}", abs(num / den - 2346 / 3378) < 1e-12))
            t = html_tables(path)[8]  # ..., the 2024 budget by pillar, then the plans per year in 2024 prices
            r = dict(zip(t["names"], t["rows"][0]))
            start, end = int(r["period_start"]), int(r["period_end"])
            pi = (end - start + 1) / sum(1 / cpi[y] for y in range(start, end + 1))
            want = vn_float(r["per_year_mvnd"]) * cpi[2024] / pi
            checks.append((side, "planner", "2011–2015 plan per year in 2024 prices = per year × I(2024) / harmonic mean of I(2011…2015) (vn-cpi)",
                           f"{r['per_year_mvnd']} × {cpi[2024]:g} / {pi:.4f} = {r['per_year_real_mvnd']}",
                           abs(vn_float(r["per_year_real_mvnd"]) - want) < 1e-5))
    if "analyst" in results:
        for side, path in (("Go", fullest(results["analyst"])["executed"]), ("pandas", results["analyst"]["py_first"]["executed"])):
            t = html_tables(path)[1]
            r = dict(zip(t["names"], t["rows"][0]))
            checks.append((side, "analyst", "2023 execution rate, pillar 1 = spent / planned",
                           f"{r['spent_mvnd']} / {r['planned_mvnd']} = {r['rate']}", vn_float(r["rate"]) == 810 / 960))
            t = html_tables(path)[3]  # the source table, execution by pillar, by source, then 2023 → 2024 in 2024 prices
            r = dict(zip(t["names"], t["rows"][0]))
            want = vn_float(r["from_mvnd"]) * cpi[2024] / cpi[2023]
            checks.append((side, "analyst", "2023 plan of pillar 1 in 2024 prices = 2023 amount × I(2024) / I(2023) (vn-cpi)",
                           f"{r['from_mvnd']} × {cpi[2024]:g} / {cpi[2023]:g} = {r['from_real_mvnd']}",
                           abs(vn_float(r["from_real_mvnd"]) - want) < 1e-5))
        # the exported CSVs, to full precision
        go_dir, py_dir = root / "notebooks/out/analyst", out / "analyst"
        for f in ("thuc-hien-2023.csv", "2023-2024.csv", "nguon-von-2024.csv"):
            same = csv_equal(go_dir / f, py_dir / f)
            checks.append(("both", "analyst", f"exported {f}, every cell (numbers to 1e-12)", "equal" if same else "DIFFERENT", same))
    if "researcher" in results:
        import csv
        with open(out / "data" / "vn-cpi.csv", encoding="utf-8") as f:
            cpi = {int(r["year"]): float(r["index_2010_100"]) for r in csv.DictReader(f) if r["index_2010_100"]}
        for side, path in (("Go", fullest(results["researcher"])["executed"]), ("pandas", results["researcher"]["py_first"]["executed"])):
            t = html_tables(path)[1]  # the programmes, then the programmes in 2024 prices
            r = next(dict(zip(t["names"], row)) for row in t["rows"] if row[0] == "Khánh Hòa 2023–2025")
            want = vn_float(r["total_mvnd"]) * cpi[2024] / (3 / (1 / cpi[2023] + 2 / cpi[2024]))
            checks.append((side, "researcher", "Khánh Hòa 2023–2025 in 2024 prices = total × I(2024) / (3 / (1/I(2023) + 2/I(2024))), 2025 at 2024 prices",
                           f"{r['total_mvnd']} → {r['total_real_mvnd']}", abs(vn_float(r["total_real_mvnd"]) - want) < 1e-5))
    return checks


def csv_equal(a, b):
    import csv
    try:
        ra, rb = list(csv.reader(open(a))), list(csv.reader(open(b)))
    except OSError:
        return False
    if len(ra) != len(rb):
        return False
    for x, y in zip(ra, rb):
        if len(x) != len(y):
            return False
        for u, v in zip(x, y):
            if u == v:
                continue
            try:
                fu, fv = float(u), float(v)
            except ValueError:
                return False
            if abs(fu - fv) > 1e-12 * max(1.0, abs(fu)):
                return False
    return True


# --- the document ------------------------------------------------------------

def med(runs, key="wall"):
    return statistics.median(r[key] for r in runs)


def fmt_s(x):
    return f"{x:.1f} s" if x >= 10 else f"{x:.2f} s"


CELL_GOAL = 0.35   # seconds: median warm Go cell
RATIO_GOAL = 1.5   # Go warm run / pandas warm run, per notebook


def go_code_cells(path):
    """Indices of the code cells that GoNB builds (not only %, ! and comment lines)."""
    out = set()
    for i, c in enumerate(json.load(open(path))["cells"]):
        if c["cell_type"] != "code":
            continue
        lines = [l.strip() for l in "".join(c["source"]).splitlines()]
        if any(l and not l.startswith(("%", "!", "//")) for l in lines):
            out.add(i)
    return out


def code_cells(path):
    """index -> first meaningful line of each code cell of a notebook."""
    out = {}
    for i, c in enumerate(json.load(open(path))["cells"]):
        if c["cell_type"] != "code":
            continue
        src = "".join(c["source"]).splitlines()
        lines = [l.strip() for l in src if l.strip() and not l.strip().startswith(("#", "//", "import", "from ", "\"", ")"))]
        first = next((l for l in lines if l not in ("%%",) and not l.startswith("matplotlib.use")), "")
        out[i] = first[:70]
    return out


def write_doc(path, results, skipped, checks, tables, info, reps, provisional_flag, started, finished):
    runs = [r for res in results.values() for r in [res["go_cold"], res["py_first"], *res["go_warm"], *res["py_warm"]]]
    max_others = max((r["others_cores"] for r in runs), default=0)
    base_load = float(info["load_start"][0])
    provisional = provisional_flag or max_others > BUSY_LIMIT or base_load > LOAD_LIMIT
    m, v = info["machine"], info["versions"]
    L = []
    w = L.append
    w("# Notebooks: Go (GoNB) against pandas + matplotlib")
    w("")
    if provisional:
        why = "asked for (PROVISIONAL=1)" if provisional_flag else (
            f"the machine was shared: other processes used up to {max_others:.2f} cores on average during a run, "
            f"the 1-minute load average before the first run was {base_load:.2f} (limits: {BUSY_LIMIT} cores, load {LOAD_LIMIT})")
        w(f"**Provisional figures** — {why}. Re-run `bench/notebooks/run` on a quiet machine for final ones.")
        w("")
    w("Written by `bench/notebooks/run` (`bench/notebooks/measure.py`); "
      f"measured {started} – {finished} UTC, library at commit {v['commit']}.")
    w("")
    w("Each figure is the wall-clock time of one full headless run of a notebook: one "
      "`jupyter nbconvert --to notebook --execute` process, from its start to its exit — starting Python and "
      "nbconvert, starting the kernel, executing every cell, writing the executed notebook and shutting the kernel down. "
      "The Go notebooks are those of `notebooks/` (GoNB kernel); the pandas notebooks "
      "(`bench/notebooks/NAME_pandas.ipynb`) do the same work cell for cell on the same data (see *The pandas notebooks*).")
    w("")
    w(f"| notebook | Go cold | Go warm | pandas first | pandas warm | Go warm ÷ pandas warm | Go cold ÷ pandas first |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in results.items():
        gc, gw, pf, pw = r["go_cold"]["wall"], med(r["go_warm"]), r["py_first"]["wall"], med(r["py_warm"])
        w(f"| {name} | {fmt_s(gc)} | {fmt_s(gw)} | {fmt_s(pf)} | {fmt_s(pw)} | {gw / pw:.1f}× | {gc / pf:.1f}× |")
    for name, why in skipped:
        w(f"| {name} | — | — | — | — | not measured: {why} | |")
    w("")
    go_cells = {}
    for name, r in results.items():
        built = go_code_cells(Path(info["root"]) / "notebooks" / f"{name}.ipynb")
        go_cells[name] = [statistics.median(x["cells"][i] for x in r["go_warm"]) for i in sorted(r["go_cold"]["cells"]) if i in built]
    every = [c for cells in go_cells.values() for c in cells]
    if every:
        w("**Goals.** A warm Go cell (one that GoNB builds: the set-up cell of special commands left out) in a median "
          f"of {fmt_s(CELL_GOAL)} at most, and each notebook's warm run at most {RATIO_GOAL:.1f}× its pandas + "
          "matplotlib counterpart:")
        w("")
        w("| notebook | Go cells | median warm cell | slowest warm cell | Go warm ÷ pandas warm |")
        w("|---|---:|---:|---:|---:|")
        for name, cells in go_cells.items():
            r = results[name]
            ratio = med(r["go_warm"]) / med(r["py_warm"])
            w(f"| {name} | {len(cells)} | {fmt_s(statistics.median(cells))} {'✓' if statistics.median(cells) <= CELL_GOAL else '✗'} "
              f"| {fmt_s(max(cells))} | {ratio:.2f}× {'✓' if ratio <= RATIO_GOAL else '✗'} |")
        w(f"| all | {len(every)} | {fmt_s(statistics.median(every))} {'✓' if statistics.median(every) <= CELL_GOAL else '✗'} | {fmt_s(max(every))} | |")
        w("")
        floor = None
        cost = Path(info.get("out", "")) / "cellcost.json"
        if cost.is_file():
            for r in json.loads(cost.read_text()):
                if r["library"] == "this checkout" and r["config"] == "the notebooks' first cell" and r["cell"] == "imports only":
                    floor = r
        met = statistics.median(every) <= CELL_GOAL and all(
            med(results[n]["go_warm"]) / med(results[n]["py_warm"]) <= RATIO_GOAL for n in go_cells)
        if not met and floor:
            w(f"**Where the goals are not met, the floor.** A cell that imports the library and does nothing takes "
              f"{fmt_s(floor['total'])} outside Jupyter (see *Where a warm cell's time goes*: the link "
              f"{fmt_s(floor['build:link'])}, the go command's check of the build cache {fmt_s(floor['build:go'])}), "
              f"against the goal of {fmt_s(CELL_GOAL)} for a whole cell: GoNB builds and links every cell as a program "
              "that holds Arrow, the library and gonum/plot, and no setting of the first cell removes that. A "
              "notebook's warm run is then about its number of Go cells times that floor, plus the kernel's start; "
              "the pandas notebooks' cells take milliseconds. Not tried yet: every declaration of a cell goes into "
              "all later cells' programs, so a top-level function that draws a chart makes every later cell link "
              "gonum/plot; chart code kept in the statements of the cells that show a chart would spare the others "
              "that part of the link.")
            w("")
    w(f"- **Go cold**: one run with an empty Go build cache (`GOCACHE` set to a new temporary directory in the "
      "environment of the nbconvert command, which the kernel and the `go` commands it runs inherit). The module "
      "cache is kept (the modules are downloaded before, and `GOPROXY=off` as in `notebooks/run`): cold means "
      "compiling the library and its dependencies (Arrow among them), not fetching them.")
    w(f"- **Go warm**: median of {reps} runs with that cache filled.")
    w("- **pandas first**: one run with an empty matplotlib cache (`MPLCONFIGDIR` a new temporary directory: the "
      "font list is built again), the nearest thing Python has to an empty build cache; Debian's packages come with "
      "their byte code compiled, and the operating system's file cache is warm for both kernels.")
    w(f"- **pandas warm**: median of {reps} runs with that cache.")
    w("- The warm runs of the two kernels alternate (Go, pandas, Go, …) so that a change of load hits both.")
    w("- Not timed: installing Jupyter, building the `gonb` binary, registering the kernels, and exporting the data "
      "for the pandas notebooks (`ictplan export ID --format csv`, the schema of the JSON export, "
      "`ictplan source FILE`), all done by `bench/notebooks/run` before the first timed run.")
    w("")
    w("## What the time consists of")
    w("")
    w("From hooks of the notebook client (`bench/notebooks/timing_config.py`, the system's monotonic clock): "
      "*start* is from the start of the nbconvert process to the kernel's first answer (Python, nbconvert and "
      "jupyter_client imports, launching the kernel process and waiting until it is ready); *cells* is the sum over "
      "code cells of the time from sending a cell to its reply; *end* is writing the executed notebook and shutting "
      "the kernel down. Warm columns are medians of the runs.")
    w("")
    w("| notebook | run | total | start | cells | end |")
    w("|---|---|---:|---:|---:|---:|")
    for name, r in results.items():
        for label, rr in (("Go cold", [r["go_cold"]]), ("Go warm", r["go_warm"]), ("pandas first", [r["py_first"]]), ("pandas warm", r["py_warm"])):
            w(f"| {name} | {label} | {fmt_s(med(rr))} | {fmt_s(med(rr, 'kernel_start'))} | {fmt_s(med(rr, 'cells_total'))} | {fmt_s(med(rr, 'after_cells'))} |")
    w("")
    w("**GoNB.** The kernel is a Go program (`notebooks/bin/gonb`, built once by `notebooks/run`), so it starts "
      "quickly. Each cell is turned into a complete Go program — every declaration of the cells executed so far plus "
      "the cell's statements — which GoNB formats with `goimports`, builds with `go build` in a module of its own (the "
      "first cell runs `use-checkout`, which gives that module `notebooks/cellmod`'s requirements and checksums and "
      "points it at this checkout, and sets `%noautoget`, `CGO_ENABLED=0`, `GOGC=400` and `GOFLAGS` for the builds) and runs. "
      "So every cell pays a build and a link: on an empty cache the first cell that imports the library compiles it "
      "and its dependencies, which is the cold run's extra time; warm, each cell still takes a compile of the "
      "notebook's own code, the go command's check of the build cache, and a link of a binary that holds Arrow, "
      "the library and gonum/plot.")
    w("")
    cost = Path(info.get("out", "")) / "cellcost.md"
    if cost.is_file():
        w("### Where a warm cell's time goes")
        w("")
        w("Measured by `bench/notebooks/cellcost.py` outside Jupyter: the steps GoNB takes for a cell, done by hand "
          "on a cell like the planner's (it imports datasets, frame, ratios, periods, chart and display, loads four "
          "datasets in package-level variables and shows a table), in a module set up by `use-checkout`, each step "
          "timed. *build:go* is the go command's own work (loading the packages, hashing the inputs of each to find "
          "it in the build cache: about 270 packages), *build:cell* the compile of the cell's package, *build:link* "
          "the link. *GoNB defaults*: `go get` before every build, cgo on, DWARF kept — what the notebooks did before "
          "their first cell set `%noautoget`, `CGO_ENABLED=0`, `GOGC=400` and `GOFLAGS=-ldflags=-w`. The floors: the same "
          "steps for a cell that imports nothing, and for one that imports the library and does nothing.")
        w("")
        for line in cost.read_text().splitlines():
            w(line)
        w("")
    w("**pandas.** The kernel is ipykernel on Debian's `/usr/bin/python3`; its start is that of a Python process "
      "importing IPython and ipykernel. The notebook's first code cell imports pandas, NumPy and matplotlib (most "
      "of that cell's time); the computing cells take milliseconds; each chart costs matplotlib's layout and PNG "
      "encoding (tens to a few hundred milliseconds).")
    w("")
    for name, r in results.items():
        go_src = code_cells(Path(info["root"]) / "notebooks" / f"{name}.ipynb")
        py_src = code_cells(HERE / f"{name}_pandas.ipynb")
        w(f"### {name}: per code cell")
        w("")
        w("| Go cell | first line | cold | warm | | pandas cell | first line | first | warm |")
        w("|---:|---|---:|---:|---|---:|---|---:|---:|")
        gi, pi = sorted(r["go_cold"]["cells"]), sorted(r["py_first"]["cells"])
        for k in range(max(len(gi), len(pi))):
            left = ["", "", "", ""]
            right = ["", "", "", ""]
            if k < len(gi):
                i = gi[k]
                left = [str(i), "`" + go_src.get(i, "").replace("|", "\\|") + "`", fmt_s(r["go_cold"]["cells"][i]),
                        fmt_s(statistics.median(x["cells"][i] for x in r["go_warm"]))]
            if k < len(pi):
                i = pi[k]
                right = [str(i), "`" + py_src.get(i, "").replace("|", "\\|") + "`", fmt_s(r["py_first"]["cells"][i]),
                         fmt_s(statistics.median(x["cells"][i] for x in r["py_warm"]))]
            w("| " + " | ".join(left + [""] + right) + " |")
        w("")
        w(f"Go build cache after the runs: {r['gocache_mib']:.0f} MiB.")
        w("")
    w("## The pandas notebooks")
    w("")
    w("`bench/notebooks/planner_pandas.ipynb`, `analyst_pandas.ipynb` and `researcher_pandas.ipynb` mirror the "
      "notebooks of the same name in `notebooks/` cell by cell. They read the same datasets, as the library exports "
      "them to CSV (typed and nullable: `Int64`, `boolean`, `string` columns from the schema of the JSON export, "
      "which also gives the titles, column labels and units), and compute the same tables with pandas:")
    w("")
    w("- planner: ratios per unit with competition ranks, sums of parts over sums of wholes per level and group with "
      "the units left out, the 2015 target and the gap to it, the linking of baselines, targets and results of "
      "`periods.Compare` (first statement used, restatements, changes, CAGR, gaps, met on intervals, status), source "
      "lines read back from the source document;")
    w("- analyst: execution by pillar and by source, the 2023 → 2024 change, the 2024 funding shares, and the export "
      "of the three tables to Excel (openpyxl: a label row and a metadata sheet) and CSV and of two charts to PNG "
      "and SVG;")
    w("- researcher: amount per year, population and area attached by province name (the tone-mark-insensitive "
      "key of `composite.MatchTones`), per 1,000 people and per 100 km², min-max and z-score, the weighted composite "
      "with ranks, the sensitivity of the ranks to 1,000 random weight sets — drawn with Go's `math/rand/v2` PCG "
      "generator written out in Python, same seed, so the draws and the resulting table are the same — the "
      "synthetic CSV, the 2025 regrouping of provinces into 34 units, and the composite with the report's weights "
      "(where the Go notebook also checks it against the report's own function).")
    w("")
    w("Every table is rendered as HTML in the library's number format with each column's Vietnamese label and "
      "unit; every chart is drawn with matplotlib (PNG; the English one of the analyst as SVG) with the same data, "
      "order, colours, labels and reference lines, but matplotlib's own look, not the library's chart renderer.")
    w("")
    w("### Same figures")
    w("")
    w("Every HTML table of each executed pandas notebook is compared with the table in the same place of the "
      "executed Go notebook: the column names and every cell as displayed (the library's number format, six "
      "decimals at most).")
    w("")
    w("| notebook | table | columns × rows | cells | differences |")
    w("|---|---:|---|---:|---|")
    for name, res in tables.items():
        for t in res:
            d = "none" if not t["differ"] else "; ".join(html.escape(x, quote=False).replace("|", "\\|") for x in t["differ"][:3]) + (" …" if len(t["differ"]) > 3 else "")
            w(f"| {name} | {t['table']} | {t['columns']} × {t['rows']} | {t['cells']} | {d} |")
    w("")
    w("Displayed outputs (HTML tables + images) of each run — the same work must show the same outputs:")
    w("")
    w("| notebook | Go cold | Go warm runs | pandas first | pandas warm runs |")
    w("|---|---|---|---|---|")
    lost = []
    for name, r in results.items():
        cnt = lambda x: f"{x.get('html_outputs', '?')} + {x.get('image_outputs', '?')}"
        w(f"| {name} | {cnt(r['go_cold'])} | {', '.join(cnt(x) for x in r['go_warm'])} | {cnt(r['py_first'])} | "
          f"{', '.join(cnt(x) for x in r['py_warm'])} |")
        go_runs = [r["go_cold"], *r["go_warm"]]
        most = max(x.get("html_outputs", 0) + x.get("image_outputs", 0) for x in go_runs)
        short = sum(1 for x in go_runs if x.get("html_outputs", 0) + x.get("image_outputs", 0) < most)
        if short:
            lost.append(f"{name}: {short} of {len(go_runs)} Go runs")
    w("")
    if lost:
        w("**A Go run lost a displayed output** (" + "; ".join(lost) + "): the executed notebook has no error, the cell's "
          "printed text is there, but a table it displays is missing — GoNB delivers a display asynchronously and can "
          "drop it. The tables above are compared with the Go run that has the most outputs.")
        w("")
    w("| side | notebook | figure | value | as computed by hand |")
    w("|---|---|---|---|---|")
    for side, nb, what, value, ok in checks:
        w(f"| {side} | {nb} | {what} | {value} | {'agrees' if ok else '**disagrees**'} |")
    w("")
    w("## Machine and load")
    w("")
    w(f"- {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}.")
    w(f"- Go {v['go']}, GoNB {v['gonb']}; Python {v['python']} (`/usr/bin/python3`, Debian), pandas {v['pandas']}, "
      f"NumPy {v['numpy']}, matplotlib {v['matplotlib']}, openpyxl {v['openpyxl']}, ipykernel {v['ipykernel']}, "
      f"nbconvert {v['nbconvert']}, nbclient {v['nbclient']}, jupyter_client {v['jupyter_client']}.")
    w("- The machine is shared with other work. For each run: the load average (`/proc/loadavg`: 1, 5, 15 minutes) "
      "just before and just after, and *others*: the CPU time used during the run by processes other than the run's "
      "own (busy time from `/proc/stat` less the CPU time of the nbconvert process and its children), divided by "
      "the run's wall time — the number of cores other work took on average. The load average counts the runs "
      "themselves (a Go run compiles on both cores), so within the series it mostly shows this benchmark; "
      "*others* is the measure of interference. The figures are marked provisional when *others* exceeds "
      f"{BUSY_LIMIT} core in any run or the load average before the first run exceeds {LOAD_LIMIT}.")
    w("")
    w(f"Load average before the first run: {' '.join(info['load_start'])}; after the last: {' '.join(info['load_end'])}.")
    w("")
    w("| notebook | run | wall | load before | load after | others (cores) | own CPU |")
    w("|---|---|---:|---|---|---:|---:|")
    for name, r in results.items():
        seq = [("Go cold", r["go_cold"]), ("pandas first", r["py_first"])]
        for i, (a, b) in enumerate(zip(r["go_warm"], r["py_warm"])):
            seq += [(f"Go warm {i + 1}", a), (f"pandas warm {i + 1}", b)]
        for label, x in seq:
            w(f"| {name} | {label} | {fmt_s(x['wall'])} | {' '.join(x['load_before'])} | {' '.join(x['load_after'])} | "
              f"{x['others_cores']:.2f} | {fmt_s(x['cpu_ours'])} |")
    w("")
    w("## Reproduce")
    w("")
    w("```\nbench/notebooks/run                  # installs what is missing, exports the data, 3 warm runs each\n"
      "REPS=5 bench/notebooks/run           # more warm runs\nPROVISIONAL=1 bench/notebooks/run    # mark the figures provisional\n"
      "DOC=/tmp/nb.md bench/notebooks/run   # write the document elsewhere\n```")
    w("")
    w("The executed notebooks, their logs, per-cell timings and `results.json` stay in `bench/notebooks/out/`.")
    Path(path).write_text("\n".join(L) + "\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--provisional", action="store_true")
    ap.add_argument("--doc-only", action="store_true", help="rewrite the document from OUT/results.json, no runs")
    a = ap.parse_args()
    if a.doc_only:
        saved = json.loads((a.out / "results.json").read_text())
        results, info = saved["results"], saved["info"]
        for r in results.values():
            for x in [r["go_cold"], r["py_first"], *r["go_warm"], *r["py_warm"]]:
                x["cells"] = {int(k): v for k, v in x["cells"].items()}
                outs = [o for c in json.load(open(x["executed"]))["cells"] for o in c.get("outputs", [])]
                x["html_outputs"] = sum("text/html" in o.get("data", {}) for o in outs)
                x["image_outputs"] = sum(any(k.startswith("image/") for k in o.get("data", {})) for o in outs)
        tables = {n: compare_tables(fullest(r)["executed"], r["py_first"]["executed"]) for n, r in results.items()}
        checks = spot_checks(results, a.root, a.out)
        write_doc(a.doc, results, saved["skipped"], checks, tables, info, a.reps, a.provisional,
                  saved.get("started", "?"), saved.get("finished", "?"))
        print(f"== rewritten {a.doc} from {a.out / 'results.json'}")
        return
    # The 1-minute load average lags: wait (up to WAIT_LOAD seconds) for the
    # machine to settle below LOAD_LIMIT, e.g. after a build, before the first run.
    deadline = time.monotonic() + float(os.environ.get("WAIT_LOAD", "300"))
    while float(loadavg()[0]) > LOAD_LIMIT and time.monotonic() < deadline:
        print(f"   waiting for the load to settle: {' '.join(loadavg())}", flush=True)
        time.sleep(20)
    started = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M")
    load_start = loadavg()
    results, skipped = measure(a.root, a.out, a.data, a.reps)
    load_end = loadavg()
    finished = datetime.datetime.utcnow().strftime("%H:%M")
    tables = {n: compare_tables(fullest(r)["executed"], r["py_first"]["executed"]) for n, r in results.items()}
    checks = spot_checks(results, a.root, a.out)
    info = {"machine": machine(), "versions": versions(a.root), "root": str(a.root), "out": str(a.out),
            "load_start": load_start, "load_end": load_end}
    (a.out / "results.json").write_text(json.dumps({"results": results, "skipped": skipped, "tables": tables,
                                                    "checks": checks, "info": info, "started": started,
                                                    "finished": finished}, indent=1))
    write_doc(a.doc, results, skipped, checks, tables, info, a.reps, a.provisional, started, finished)
    bad = [c for c in checks if not c[4]]
    print(f"== written {a.doc}; {len(checks) - len(bad)} / {len(checks)} spot checks agree")
    if bad:
        sys.exit(f"measure: checks disagree: {bad}")


if __name__ == "__main__":
    main()
