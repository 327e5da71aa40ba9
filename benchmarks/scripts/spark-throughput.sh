#!/usr/bin/env bash
# Sweeps on Spark: runs per hour of 8 short runs (2D oscillator, L = 6, 3000 steps, the tuned recipe, seeds 0..7)
# through --engine local (one run after another, TensorFlow's default pools: all cores) and --engine spark
# --master local[2] (two runs at once, one TensorFlow thread each), interleaved round by round; prints one line
# per engine and round with the wall-clock time and the load average before and after (the machine is shared).
# Usage: benchmarks/scripts/spark-throughput.sh [OUT] (ROUNDS=2 for two interleaved rounds). Needs the cluster module.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/tmp/opsvd-spark-throughput}"
mkdir -p "$out"
rounds="${ROUNDS:-1}"
base=experiments/oscillator2d-tuned/neuralsvd-seq-L15.yaml
printf '%-6s %-6s %6s %8s %10s %10s\n' round engine runs seconds runs/hour 'load(1min)'
for r in $(seq 1 "$rounds"); do
  for engine in local spark; do
    dir="$out/round$r-$engine"
    rm -rf "$dir"
    extra=()
    [[ "$engine" == spark ]] && extra=(--engine spark --master 'local[2]' --cores-per-run 1)
    load0="$(cut -d' ' -f1 /proc/loadavg)"
    t0="$(date +%s.%N)"
    nice -n 5 ./opsvd sweep --base "$base" --grid L=6 --seeds 8 --steps 3000 --out "$dir" --quiet "${extra[@]}" \
      > "$dir.log" 2>&1 || { cat "$dir.log" >&2; exit 1; }
    t1="$(date +%s.%N)"
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    ok="$(grep -c ',ok,' "$dir/runs.csv" || true)"
    awk -v r="$r" -v e="$engine" -v n="$ok" -v a="$t0" -v b="$t1" -v l0="$load0" -v l1="$load1" \
      'BEGIN { s = b - a; printf "%-6s %-6s %6d %8.0f %10.1f %5s->%s\n", r, e, n, s, 3600 * n / s, l0, l1 }'
  done
done
