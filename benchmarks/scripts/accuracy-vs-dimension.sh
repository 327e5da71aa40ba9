#!/usr/bin/env bash
# Accuracy against d (issue 14, item 4): the isotropic oscillator with L = d + 1 (ground state and first shell),
# defaults only, one run directory per d under OUT; then the table and figure from their summary.json files.
# Usage (from the repository root): benchmarks/scripts/accuracy-vs-dimension.sh OUT [DIMENSIONS...]
# Environment: STEPS_d (e.g. STEPS_32=20000) caps a dimension's steps; by default the solve's own cap and stop rule.
set -eu
out=${1:?usage: accuracy-vs-dimension.sh OUT [DIMENSIONS...]}; shift
dims=${*:-4 6 8 12 16}
mkdir -p "$out"
for d in $dims; do
  steps_var="STEPS_$d"; steps=${!steps_var:-}
  ./opsvd solve --operator harmonic --dim "$d" --L $((d + 1)) ${steps:+--steps "$steps"} --no-figures \
    --out "$out/h$d" > "$out/h$d.log" 2>&1 || echo "d = $d: exit $? (see $out/h$d.log)"
done
mvn -B -q -o package -pl benchmarks -am -DskipTests
java -cp benchmarks/target/benchmarks.jar org.opsvd.benchmarks.AccuracyPlot benchmarks/figures/accuracy-vs-dimension.png \
  $(for d in $dims; do echo "$out/h$d"; done)
