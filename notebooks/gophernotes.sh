#!/usr/bin/env bash
# notebooks/gophernotes.sh — install the gophernotes kernel at a pinned
# version and execute the gophernotes notebooks headless.
#
#   notebooks/gophernotes.sh             # every notebooks/gophernotes/*.ipynb
#   notebooks/gophernotes.sh planner     # only notebooks/gophernotes/planner.ipynb
#
# Exit status:
#   0  every notebook ran, no cell failed, each shows a table and a chart;
#   3  the pinned kernel version cannot be downloaded through this
#      machine's module proxy: one line says so, nothing else is done;
#   1  anything else (build, registration, a cell error...).
#
# Steps, each skipped when already done:
#   1. the kernel, built into notebooks/bin/gophernotes from a small module
#      (notebooks/bin/gophernotes-build) that requires
#        github.com/gopherdata/gophernotes  v1.0.0-RC1.0.20231103180139-55142043d196
#          (master, commit 55142043d196 of 2023-11-03: the version `go get
#          github.com/gopherdata/gophernotes@master` resolves to; its last
#          tag v0.7.5 panics at start on Go >= 1.22)
#        github.com/cosmos72/gomacro        v0.0.0-20260901205243-0df6c0cd20af
#          (the interpreter; the one that commit requires drags in
#          golang.org/x/tools v0.14.0, which does not compile on Go >= 1.22)
#        golang.org/x/text                  the library's version (go.mod)
#          (the kernel loads the library as a Go plugin, and a process
#          cannot hold two versions of one package)
#      — `go install github.com/gopherdata/gophernotes@<version>` plus the
#      two pins, which go install alone cannot take. It is built with the
#      Go on PATH, GOTOOLCHAIN=local: the kernel compiles plugins with the
#      toolchain that built it, and a plugin must match its host exactly.
#      The modules the kernel shares with the library must be at the same
#      versions; this is checked after the build;
#   2. Jupyter (Debian packages), through `notebooks/run` (setup only) when
#      `jupyter nbconvert` is missing;
#   3. the kernel spec "gophernotes" in the user's Jupyter data directory,
#      with GOPRIVATE and GOVCS set for github.com/ictplan/ictplan (the
#      notebook imports the library by directory path; gophernotes then runs
#      `go get` on a module with a replace directive, which must not ask the
#      module proxy (GOPRIVATE) nor git (GOVCS ...:off) for this module),
#      GOTOOLCHAIN=local and the building Go first on PATH;
#   4. each notebook executed with `jupyter nbconvert --execute` into
#      notebooks/out/gophernotes/, then checked by notebooks/check_outputs.py
#      (no error output, at least one table and one image).
#
# The first import cell compiles the library as a plugin: minutes on an
# empty Go build cache, seconds afterwards. When a go command fails inside
# the kernel, the notebook shows only "exit status 1"; the go command's own
# message is in the log next to the executed notebook.
#
# Environment: NOTEBOOK_CELL_TIMEOUT (seconds per cell, default 1800),
# NOTEBOOKS_OUT (default notebooks/out; notebooks go to its gophernotes/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin="$here/bin"
out="${NOTEBOOKS_OUT:-$here/out}/gophernotes"
cell_timeout="${NOTEBOOK_CELL_TIMEOUT:-1800}"
kernel_name=gophernotes
module_path=github.com/ictplan/ictplan

gophernotes_module=github.com/gopherdata/gophernotes
gophernotes_version=v1.0.0-RC1.0.20231103180139-55142043d196
gomacro_module=github.com/cosmos72/gomacro
gomacro_version=v0.0.0-20260901205243-0df6c0cd20af

log() { printf '== gophernotes: %s\n' "$*"; }
fail() { printf 'gophernotes.sh: %s\n' "$*" >&2; exit 1; }

# clean_goflags drops -mod=... from GOFLAGS: the build module and the
# kernel's plugin modules are written by `go get`, which -mod=readonly
# (set by .ci/run) would refuse.
clean_goflags() {
  local f kept=()
  for f in ${GOFLAGS:-}; do
    [[ $f == -mod=* ]] || kept+=("$f")
  done
  export GOFLAGS="${kept[*]:-}"
}

# unavailable exits with status 3, saying why in one line, when `go get`
# failed to download one of the pinned modules or a module they require
# (a refusal or an error of the module proxy or the checksum database);
# any other failure of `go get` is an error.
unavailable() {
  local err=$1 first
  if ! grep -Eq 'reading https?://|verifying|not available|no such host|dial tcp|connection refused|unrecognized import path|GOPROXY=off|lookup disabled' <<<"$err"; then
    printf '%s\n' "$err" >&2
    fail "go get of the pinned kernel modules failed (module in ${build#"$PWD"/})"
  fi
  # the go command's first line that says why (or, when it wrote none
  # prefixed "go: ", the first line of its message)
  first=$( { grep -E '^go: ' <<<"$err" | grep -v '^go: downloading' || grep -m1 . <<<"$err" || true; } \
    | head -n 1 | sed -E 's/^go: //' | tr -s '\t ' '  ' | cut -c1-260)
  echo "gophernotes: skipped, the pinned kernel cannot be downloaded here (GOPROXY=$(go env GOPROXY)): $first"
  exit 3
}

# build_kernel builds notebooks/bin/gophernotes unless it was built from the
# same versions with the same Go.
build_kernel() {
  local stamp="$bin/.gophernotes-built-from" want
  want="$(go version) $gophernotes_version $gomacro_version $text_version"
  if [[ -x "$bin/gophernotes" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    log "kernel present in notebooks/bin ($gophernotes_version)"
    return
  fi
  rm -rf "$build"
  mkdir -p "$build"
  printf 'module ictplan.local/gophernotes-kernel\n\ngo %s\n' "$(go env GOVERSION | sed 's/^go//')" >"$build/go.mod"
  local err start=$SECONDS
  if ! err=$(cd "$build" && go get "$gophernotes_module@$gophernotes_version" \
      "$gomacro_module@$gomacro_version" "golang.org/x/text@$text_version" 2>&1); then
    unavailable "$err"
  fi
  log "building $gophernotes_module@$gophernotes_version with $gomacro_module@$gomacro_version, golang.org/x/text@$text_version"
  (cd "$build" && go build -o "$bin/gophernotes.new" "$gophernotes_module") ||
    fail "building the kernel failed (module in ${build#"$PWD"/})"
  mv "$bin/gophernotes.new" "$bin/gophernotes"
  printf '%s' "$want" >"$stamp"
  log "kernel built into notebooks/bin/gophernotes in $((SECONDS - start)) s"
}

# check_shared_modules fails when a module linked into the kernel is also
# linked into the library's notebook packages at another version: the
# plugin of the library would not load.
check_shared_modules() {
  local kernel lib mismatch
  kernel=$(go version -m "$bin/gophernotes" | awk '$1 == "dep" {print $2, $3}' | sort)
  lib=$(cd "$root" && go list -deps -f '{{with .Module}}{{.Path}} {{.Version}}{{end}}' \
    ./frame ./datasets ./analysis/... ./sections | grep -v "^$module_path " | sort -u)
  mismatch=$(join <(printf '%s\n' "$kernel") <(printf '%s\n' "$lib") | awk '$2 != $3')
  if [[ -n "$mismatch" ]]; then
    fail "the kernel and the library link different versions of: $(printf '%s' "$mismatch" | awk '{printf "%s (kernel %s, library %s) ", $1, $2, $3}')"
  fi
}

install_jupyter() {
  if /usr/bin/python3 -m jupyter nbconvert --version >/dev/null 2>&1; then
    return
  fi
  log "Jupyter missing: installing it with notebooks/run (setup only)"
  NOTEBOOKS_SETUP_ONLY=1 "$here/run"
}

# register_kernel installs the kernel spec in the user's Jupyter data
# directory (replacing an older one of the same name).
register_kernel() {
  local spec
  spec=$(mktemp -d)
  /usr/bin/python3 - "$spec/kernel.json" "$bin/gophernotes" "$PATH" "$GOFLAGS" "${GOPRIVATE:-}" "${GOVCS:-}" "$module_path" <<'EOF'
import json, sys
path, kernel, env_path, goflags, goprivate, govcs, module = sys.argv[1:]
join = lambda first, rest: ",".join(x for x in (first, rest) if x)
spec = {
    "argv": [kernel, "{connection_file}"],
    "display_name": "Go (gophernotes)",
    "language": "go",
    "env": {
        "GOPRIVATE": join(module, goprivate),
        "GOVCS": join(module + ":off", govcs),
        "GOTOOLCHAIN": "local",
        "GOFLAGS": goflags,
        "PATH": env_path,
    },
}
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
EOF
  /usr/bin/python3 -m jupyter kernelspec install --user --replace --name "$kernel_name" "$spec" 2>&1 |
    grep -v 'frozen modules\|debugger\|PYDEVD\|^$' || true
  rm -rf "$spec"
  log "kernel $kernel_name registered"
}

# check_stored fails when a stored notebook is not for the gophernotes
# kernel. A stored notebook may carry the outputs of a run (see
# notebooks/README.md): nbconvert replaces them, and the run's outputs are
# written to notebooks/out.
check_stored() {
  /usr/bin/python3 - "$kernel_name" "$@" <<'EOF'
import json, sys
kernel, paths = sys.argv[1], sys.argv[2:]
bad = []
for p in paths:
    nb = json.load(open(p, encoding="utf-8"))
    if nb.get("metadata", {}).get("kernelspec", {}).get("name") != kernel:
        bad.append("%s: kernelspec is not %r" % (p, kernel))
for b in bad:
    print("  FAIL " + b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
}

execute_notebooks() {
  local nb start logf
  mkdir -p "$out"
  for nb in "$@"; do
    start=$SECONDS
    logf="$out/${nb##*/}.log"
    log "executing ${nb#"$root"/}"
    if ! /usr/bin/python3 -m jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name="$kernel_name" \
        --ExecutePreprocessor.timeout="$cell_timeout" \
        --ExecutePreprocessor.allow_errors=True \
        --ExecutePreprocessor.startup_timeout=120 \
        --output-dir "$out" "$nb" >"$logf" 2>&1; then
      tail -n 60 "$logf" >&2
      fail "$(basename "$nb"): nbconvert or the kernel failed (full log: $logf)"
    fi
    log "$(basename "$nb") done in $((SECONDS - start)) s (kernel log: ${logf#"$PWD"/})"
  done
}

command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
export PATH="$(go env GOROOT)/bin:$PATH"
export GOTOOLCHAIN=local
clean_goflags
build="$bin/gophernotes-build"
text_version=$(cd "$root" && go list -m -f '{{.Version}}' golang.org/x/text)

notebooks=()
if [[ $# -gt 0 ]]; then
  for name in "$@"; do notebooks+=("$here/gophernotes/${name%.ipynb}.ipynb"); done
else
  notebooks=("$here"/gophernotes/*.ipynb)
fi
for nb in "${notebooks[@]}"; do
  [[ -f $nb ]] || fail "no such notebook: $nb"
done

mkdir -p "$bin"
build_kernel
check_shared_modules
install_jupyter
register_kernel
check_stored "${notebooks[@]}" || fail "stored notebooks must be for the $kernel_name kernel"
execute_notebooks "${notebooks[@]}"
executed=()
for nb in "${notebooks[@]}"; do executed+=("$out/${nb##*/}"); done
/usr/bin/python3 "$here/check_outputs.py" "${executed[@]}"
log "all gophernotes notebooks executed; outputs in ${out#"$PWD"/}"
