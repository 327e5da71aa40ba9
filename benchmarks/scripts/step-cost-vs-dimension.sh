#!/usr/bin/env bash
# Step cost against d (issue 14, item 4): one JMH run per d with the Laplacians back to back, so the ratios
# autodiff/forward and fd/forward at each d come from the same run (same JSON file).
# Usage (from the repository root): benchmarks/scripts/step-cost-vs-dimension.sh [JAR] [DIMENSIONS...]
# Environment: LAPLACIANS (default forward,autodiff,fd), TIMEOUT in s per d (default 900), SUFFIX of the JSON name.
# Then: java -cp JAR org.opsvd.benchmarks.StepCostPlot benchmarks/figures/step-cost-vs-dimension.png \
#         benchmarks/results/step-cost-d*.json   (prints the Markdown table)
set -u
jar=${1:-benchmarks/target/benchmarks.jar}; shift || true
dims=${*:-2 4 8 16 32 64}
out=benchmarks/results
mkdir -p "$out"
for d in $dims; do
  echo "== d = $d: $(date -u +%H:%M:%S) $(uptime)"
  timeout "${TIMEOUT:-900}" java -Djmh.ignoreLock=true -jar "$jar" DimensionScalingBenchmark -p dimension="$d" \
    -p laplacian="${LAPLACIANS:-forward,autodiff,fd}" -wi 1 -w 2 -i 3 -r 2 -rf json \
    -rff "$out/step-cost-d$d${SUFFIX:-}.json"
  echo "== d = $d done (exit $?): $(date -u +%H:%M:%S) $(uptime)"
done
