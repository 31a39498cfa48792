"""Where a warm GoNB cell's time goes, step by step, outside Jupyter.

Usage: /usr/bin/python3 bench/notebooks/cellcost.py --root ROOT --out DIR [--reps N] [--before REF]

GoNB runs every cell as: goimports on the generated main.go, `go get` (unless
the notebook said %noautoget), `go build`, then the binary. This script does
the same steps by hand on a cell like the planner's (it imports datasets,
frame, ratios, periods, chart and the display package, loads four datasets in
package-level variables as a notebook does, and shows a table), in a module
made as use-checkout makes a notebook's, and times each step:

  goimports   goimports -w main.go
  go get      `go get` with GOPROXY=off (as notebooks/run runs), and once
              with the module proxy reachable (as a user's Jupyter would)
  build:go    the go command's own work: loading the packages, hashing the
              inputs of every package to find it in the build cache, and
              starting the tools (go build -debug-trace gives the split)
  build:cell  compiling the cell's own package (the rest is cached, warm)
  build:link  linking the binary
  run         running the binary (the cell's work: parsing the datasets
              from the embedded sources, computing, rendering)

Configurations:
  GoNB defaults        go get before every build, cgo on, DWARF kept
  the first cell       %noautoget, CGO_ENABLED=0, GOGC=400, -ldflags=-w (the notebooks')
and, with --before REF, the library at REF (a git worktree) with GoNB's
defaults, so that the change of the library shows too. Two floors: the same
steps for a cell that imports nothing of the library, and for one that
imports it and does nothing.

Each figure is the median of REPS warm repetitions (the cell's text changes
every time, as when a cell is edited; the build cache is warm). Writes
DIR/cellcost.json and DIR/cellcost.md (a section that measure.py puts into
docs/NOTEBOOKS-BENCHMARK.md).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLANNER_CELL = '''package main

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/analysis/periods"
	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/frame"
	"github.com/ictplan/ictplan/notebooks/display"
)

var (
	provincial = datasets.MustLoad("soctrang-2010-computers-provincial")
	district   = datasets.MustLoad("soctrang-2010-computers-district")
	itStaff    = datasets.MustLoad("soctrang-2010-it-staff")
	indicators = datasets.MustLoad("vn-dx-indicators")
)

var _ = chart.Share
var _ = periods.Compare

func main() {
	computers := display.Must(ratios.ConcatLevels([]string{"province", "district"}, []*frame.Frame{provincial, district}))
	display.Show(display.Must(ratios.Aggregate(computers, "level", ratios.ComputerSpecs()...)))
	fmt.Println(itStaff.NumRows(), indicators.NumRows(), REP)
}
'''

IMPORT_ONLY_CELL = '''package main

import (
	"fmt"

	"github.com/ictplan/ictplan/analysis/chart"
	"github.com/ictplan/ictplan/analysis/periods"
	"github.com/ictplan/ictplan/analysis/ratios"
	"github.com/ictplan/ictplan/datasets"
	"github.com/ictplan/ictplan/notebooks/display"
)

var _, _, _, _, _ = chart.Share, periods.Compare, ratios.Aggregate, datasets.Load, display.Show

func main() { fmt.Println(REP) }
'''

EMPTY_CELL = '''package main

import "fmt"

func main() { fmt.Println(REP) }
'''

CELLS = {"planner": PLANNER_CELL, "imports only": IMPORT_ONLY_CELL, "no library": EMPTY_CELL}


def run(cmd, cwd, env, check=True):
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    dt = time.monotonic() - t0
    if check and p.returncode != 0:
        sys.exit("cellcost: %s failed in %s:\n%s" % (" ".join(cmd), cwd, p.stdout))
    return dt, p


def trace_split(path, total):
    """load / cell compile / link seconds from a go build -debug-trace file."""
    events = json.load(open(path))
    begun, spans = {}, {}
    for e in events:
        key = (e.get("name"), e.get("tid"))
        if e.get("ph") == "B":
            begun[key] = e["ts"]
        elif e.get("ph") == "E" and key in begun:
            spans.setdefault(e["name"], 0.0)
            spans[e["name"]] += (e["ts"] - begun.pop(key)) / 1e6
    link = sum(v for k, v in spans.items() if k.startswith("Executing action (link "))
    cell = spans.get("Executing action (build gonb_cellcost)", 0.0)
    return {"build:go": max(0.0, total - link - cell), "build:cell": cell, "build:link": link}


def make_module(root, library, workdir):
    """A module as GoNB makes one, set up by use-checkout, pointing at library."""
    workdir.mkdir(parents=True)
    env = dict(os.environ, GOFLAGS="", GOPROXY="off")
    run(["go", "mod", "init", "gonb_cellcost"], workdir, env)
    run([str(root / "notebooks" / "use-checkout")], workdir, env)
    if library != root:
        run(["go", "mod", "edit", "-replace=github.com/ictplan/ictplan=%s" % library], workdir, env)
    return workdir


def measure(module, cell, config, reps, goimports):
    env = dict(os.environ, GOPROXY="off", GOFLAGS=config["goflags"], CGO_ENABLED=config["cgo"], GOGC=config["gogc"])
    steps = {k: [] for k in ("goimports", "go get", "build:go", "build:cell", "build:link", "run", "total")}
    main = module / "main.go"
    for rep in range(reps + 1):  # the first one warms the cache for this configuration
        main.write_text(cell.replace("REP", str(rep)))
        t = {}
        t["goimports"], _ = run([goimports, "-w", "main.go"], module, env)
        t["go get"] = run(["go", "get"], module, env)[0] if config["autoget"] else 0.0
        trace = module / "trace.json"
        total, _ = run(["go", "build", "-debug-trace=" + str(trace), "-o", "cell"], module, env)
        t.update(trace_split(trace, total))
        t["run"], p = run(["./cell"], module, env)
        t["total"] = sum(t[k] for k in ("goimports", "go get", "build:go", "build:cell", "build:link", "run"))
        if rep > 0:
            for k, v in t.items():
                steps[k].append(v)
    return {k: statistics.median(v) for k, v in steps.items()}


def online_get(module, reps):
    """go get with the module proxy reachable: what a user's GoNB did before every cell."""
    env = dict(os.environ, GOFLAGS="")
    env.pop("GOPROXY", None)
    times = []
    for _ in range(reps):
        dt, p = run(["go", "get"], module, env, check=False)
        if p.returncode != 0:
            return None
        times.append(dt)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--before", help="a git ref of the library to measure with GoNB's defaults too")
    a = ap.parse_args()
    root = a.root.resolve()
    goimports = shutil.which("goimports") or str(root / "notebooks" / "bin" / "goimports")
    tmp = Path(tempfile.mkdtemp(prefix="cellcost-"))
    worktree = None
    try:
        defaults = {"name": "GoNB defaults", "goflags": "", "cgo": "1", "gogc": "100", "autoget": True}
        first = {"name": "the notebooks' first cell", "goflags": "-ldflags=-w", "cgo": "0", "gogc": "400", "autoget": False}
        rows = []
        libraries = [("this checkout", root)]
        if a.before:
            worktree = tmp / "before"
            subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(worktree), a.before],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            libraries.insert(0, ("%s (%s)" % (a.before, subprocess.run(
                ["git", "-C", str(root), "rev-parse", "--short", a.before], capture_output=True, text=True).stdout.strip()),
                worktree))
        n = 0
        for label, lib in libraries:
            configs = [defaults, first] if lib == root else [defaults]
            for config in configs:
                for cell_name, cell in CELLS.items():
                    if lib != root and cell_name != "planner":
                        continue
                    n += 1
                    module = make_module(root, lib, tmp / ("m%d" % n))
                    r = measure(module, cell, config, a.reps, goimports)
                    r.update(library=label, config=config["name"], cell=cell_name)
                    if config["autoget"] and cell_name == "planner" and lib == root:
                        r["go get online"] = online_get(module, 3)
                    rows.append(r)
                    print("   %-28s %-26s %-13s total %.3f s (link %.3f)" % (
                        label, config["name"], cell_name, r["total"], r["build:link"]), flush=True)
        a.out.mkdir(parents=True, exist_ok=True)
        (a.out / "cellcost.json").write_text(json.dumps(rows, indent=1))
        (a.out / "cellcost.md").write_text(markdown(rows, a.reps))
        print("== written %s" % (a.out / "cellcost.md"))
    finally:
        if worktree is not None:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(worktree)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


def markdown(rows, reps):
    cols = ("goimports", "go get", "build:go", "build:cell", "build:link", "run", "total")
    L = ["| library | configuration | cell | " + " | ".join(cols) + " |",
         "|---|---|---|" + "---:|" * len(cols)]
    for r in rows:
        L.append("| %s | %s | %s | %s |" % (r["library"], r["config"], r["cell"],
                                            " | ".join("%.3f" % r[c] for c in cols)))
    online = [r["go get online"] for r in rows if r.get("go get online") is not None]
    L.append("")
    L.append("Seconds, median of %d warm repetitions each. `go get` is timed with `GOPROXY=off`, as "
             "`notebooks/run` runs the notebooks%s." % (
                 reps, "; with the module proxy reachable, as in a user's Jupyter, the same `go get` took "
                 "%.2f s (median of 3): it asks the proxy about every module in the build list" % online[0]
                 if online else ""))
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    main()
