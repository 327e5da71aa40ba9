#!/usr/bin/env bash
# GPU check for a machine with an NVIDIA GPU (driver + CUDA 12 + cuDNN 9, as TensorFlow 2.18 needs):
# builds the CUDA variant (-Pgpu), runs the same short NeuralSVD solve on the GPU and on the CPU,
# and prints steps/s and eigenvalue errors side by side. Usage: scripts/gpu-check.sh [STEPS] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps="${1:-3000}"
out="${2:-$root/runs/gpu-check}"
cd "$root"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"

command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || \
  echo "gpu-check: nvidia-smi not found; TensorFlow will report whether it sees a GPU"
echo "gpu-check: building with -Pgpu (the CUDA native jar is ~530 MB on first download)"
mvn -B -q -Pgpu -DskipTests -pl solver -am package

run() { # device, batch
  java -Xmx8g -jar solver/target/opsvd.jar solve --operator harmonic --dim 2 --L 15 --steps "$steps" \
       --batch "$2" --device "$1" --quiet --out "$out/$1-b$2"
}
summary() {
  python3 - "$1" <<'PY' 2>/dev/null || grep -E '"(seconds|steps|rel_eigval_error|subspace_dist_all)"' "$1/summary.json"
import json, sys
s = json.load(open(sys.argv[1] + "/summary.json"))
m = s["metrics"]
print(f"{sys.argv[1]}: {s['steps']} steps in {s['seconds']:.1f} s = {s['steps']/s['seconds']:.0f} steps/s; "
      f"mean rel. eigenvalue error {m['rel_eigval_error']:.3e}; subspace distance (all) {m['subspace_dist_all']:.3e}; "
      f"peak RSS {s['peak_rss_mb']} MB")
PY
}
status=0
for b in 512 4096; do
  for dev in gpu cpu; do
    if run "$dev" "$b" > "$out-$dev-b$b.log" 2>&1; then summary "$out/$dev-b$b"; else
      echo "gpu-check: $dev B=$b failed:"; tail -5 "$out-$dev-b$b.log"; status=1; fi
  done
done
exit $status
