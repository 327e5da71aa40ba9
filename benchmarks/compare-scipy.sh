#!/usr/bin/env bash
# Java reference solver (JMH, one full solve per op) against SciPy eigsh on the same FD matrix,
# run back to back per case so that both sides see the same machine load.
#
#   benchmarks/compare-scipy.sh [JAR] [OUTDIR]
#     JAR     JMH uber-jar (default benchmarks/target/benchmarks.jar; copy it first if a build may replace it)
#     OUTDIR  where the JMH JSON and logs go (default: a fresh mktemp directory)
#   Environment: PYTHON (default /usr/bin/python3), JMH_ARGS (default "-f 1 -wi 1 -i 3"),
#                SCIPY_REPEAT (default 3), CASES (default: all three below, by Java case name),
#                TIMEOUT_S per command (default 1200).
#
# Both sides use one BLAS thread (OPENBLAS_NUM_THREADS=1). Java times are JMH single-shot wall times
# (the solver is single-threaded); SciPy times are process CPU seconds and wall seconds of eigsh
# including assembly. Ratios use Java min / SciPy min and Java mean / SciPy median (CPU).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/target/benchmarks.jar}"
out="${2:-$(mktemp -d /tmp/compare-scipy.XXXXXX)}"
python="${PYTHON:-/usr/bin/python3}"
jmh_args="${JMH_ARGS:--f 1 -wi 1 -i 3}"
repeat="${SCIPY_REPEAT:-3}"
limit="${TIMEOUT_S:-1200}"
export OPENBLAS_NUM_THREADS=1

[ -f "$jar" ] || { echo "no jar at $jar (build with mvn -pl benchmarks -am package)" >&2; exit 2; }
mkdir -p "$out"

# java case | scipy arguments (same matrix: harmonic oscillator, order 4, box 7 in 2D / 6 in 3D)
all_cases=(
  "ho2d-256-si|--dim 2 --grid 256 --order 4 --k 21 --mode sigma"
  "ho2d-256-cheb|--dim 2 --grid 256 --order 4 --k 21 --mode sigma"
  "ho3d-60-cheb|--dim 3 --grid 60 --order 4 --k 20 --mode sa"
)

: > "$out/rows.tsv"
for entry in "${all_cases[@]}"; do
  case_name="${entry%%|*}"
  scipy_args="${entry#*|}"
  if [ -n "${CASES:-}" ] && [[ " $CASES " != *" $case_name "* ]]; then continue; fi
  echo "== $case_name: JMH" >&2
  # shellcheck disable=SC2086
  timeout "$limit" java -jar "$jar" ReferenceSolverBenchmark -p problem="$case_name" $jmh_args \
      -rf json -rff "$out/$case_name.json" > "$out/$case_name.jmh.log" 2>&1 \
      || echo "   JMH failed or timed out (rc $?), see $out/$case_name.jmh.log" >&2
  grep -m1 "max rel error" "$out/$case_name.jmh.log" >&2
  echo "== $case_name: scipy $scipy_args --repeat $repeat" >&2
  # shellcheck disable=SC2086
  timeout "$limit" "$python" "$here/scipy/eigsh_reference.py" $scipy_args --repeat "$repeat" \
      > "$out/$case_name.scipy.log" 2>&1 \
      || echo "   scipy failed or timed out (rc $?), see $out/$case_name.scipy.log" >&2
  head -2 "$out/$case_name.scipy.log" >&2
  printf '%s\t%s\t%s\n' "$case_name" "$out/$case_name.json" "$out/$case_name.scipy.log" >> "$out/rows.tsv"
done

"$python" - "$out/rows.tsv" <<'EOF'
import json, re, statistics, sys

def java(path):
    try:
        r = json.load(open(path))[0]["primaryMetric"]
        raw = [x / 1000 for fork in r["rawData"] for x in fork]
        return r["score"] / 1000, r["scoreError"] / 1000, min(raw)
    except Exception:
        return None

def scipy(path):
    try:
        text = open(path).read()
        cpu = [float(x) for x in re.search(r"cpu seconds ([\d. ]+?) \(", text).group(1).split()]
        wall = re.search(r"wall seconds ([\d. ]+?) \(", text)
        wall = [float(x) for x in wall.group(1).split()] if wall else [float("nan")]
        return min(cpu), statistics.median(cpu), min(wall)
    except Exception:
        return None

print(f"{'case':<14} {'java mean±err s':>17} {'java min':>9} {'scipy cpu min':>13} {'med':>7} "
      f"{'wall min':>8} {'min/min':>8} {'mean/med':>8}")
for line in open(sys.argv[1]):
    name, jpath, spath = line.rstrip("\n").split("\t")
    j, s = java(jpath), scipy(spath)
    js = f"{j[0]:8.2f} ±{j[1]:6.2f}" if j else "failed"
    jm = f"{j[2]:9.2f}" if j else ""
    ss = f"{s[0]:13.2f} {s[1]:7.2f} {s[2]:8.2f}" if s else "failed"
    ratio = f"{j[2] / s[0]:8.2f} {j[0] / s[1]:8.2f}" if j and s else ""
    print(f"{name:<14} {js:>17} {jm:>9} {ss} {ratio}")
EOF
echo "(logs and JMH JSON in $out)"
