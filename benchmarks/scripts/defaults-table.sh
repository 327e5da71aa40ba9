#!/usr/bin/env bash
# The defaults table (issue 15): every built-in operator in d = 1, 2, 3 and the README's expression examples, solved
# with nothing beyond the operator and the dimension (the recipe, L, steps and mapping are the defaults), one after
# another; prints a Markdown table (mean relative eigenvalue error, subspace distance (all), intervals holding the
# reference, seconds) and keeps the run directories.
#   benchmarks/scripts/defaults-table.sh [OUT_DIR] [ROW_FILTER]   (ROW_FILTER: a grep pattern over the row names)
# OPSVD overrides the command (e.g. "java -jar /path/opsvd.jar" to measure a fixed build while sources change).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/runs/defaults-table}"
filter="${2:-.}"
mkdir -p "$out"
rows=(
  "harmonic-1d|--operator harmonic --dim 1"
  "harmonic-2d|--operator harmonic --dim 2"
  "harmonic-3d|--operator harmonic --dim 3"
  "harmonic-aniso-2d|--operator harmonic --dim 2 --omega 1,2"
  "harmonic-aniso-3d|--operator harmonic --dim 3 --omega 1,1.5,2"
  "box-1d|--operator box --dim 1"
  "box-2d|--operator box --dim 2"
  "box-3d|--operator box --dim 3"
  "cosine-1d|--operator cosine --dim 1"
  "cosine-2d|--operator cosine --dim 2"
  "hydrogen-2d|--operator hydrogen --dim 2"
  "hydrogen-3d-L5|--operator hydrogen --dim 3 --L 5"
  "h2plus-3d-L2|--operator h2plus --dim 3 --L 2"
  "aniso-expr-2d-L6|--potential 0.5*(x^2+4*y^2) --dim 2 --L 6"
  "quartic-2d|--potential 0.5*(x^2+y^2)+0.1*x^2*y^2 --dim 2"
  "anharmonic-3d-L4|--potential 0.5*(x^2+2*y^2+z^2)+0.1*z^4 --dim 3 --L 4"
)
echo "| problem | options | L | mean rel. eigenvalue error | subspace distance (all) | intervals holding the reference | steps | s |"
echo "|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  name="${row%%|*}"
  args="${row#*|}"
  echo "$name" | grep -q -- "$filter" || continue
  dir="$out/$name"
  if [[ ! -f "$dir/summary.json" ]]; then
    rm -rf "$dir"
    # shellcheck disable=SC2086
    ${OPSVD:-"$root/opsvd"} solve $args --quiet --no-figures --out "$dir" >"$out/$name.log" 2>&1 || true
  fi
  python3 - "$dir/summary.json" "$name" "$args" <<'PY'
import json, sys, math
path, name, args = sys.argv[1:]
try:
    s = json.load(open(path))
except Exception as e:
    print(f"| {name} | `{args}` | | failed ({type(e).__name__}) | | | | |"); sys.exit()
m = s.get("metrics") or {}
num = lambda v: v if isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v)) else None
err = num(m.get("rel_eigval_error"))
sub = num(m.get("subspace_dist_all"))
ref = s.get("reference") or []
iv = s.get("eigenvalue_intervals") or []
inside = sum(1 for e, (lo, hi) in zip(ref, iv) if e is not None and lo <= e <= hi) if ref else None
fmt = lambda v: "" if v is None else f"{v:.2e}"
secs = s.get("seconds")
print(f"| {name} | `{args}` | {len(s.get('eigenvalues', []))} | {fmt(err)} | {fmt(sub)} | "
      f"{'' if inside is None else f'{inside}/{len(iv)}'} | {s.get('steps', '')} | {'' if secs is None else round(secs)} |")
PY
done
