#!/usr/bin/env bash
# Executes the Java notebooks headless and fails on the first failing cell of any notebook.
#
#   notebooks/run-notebooks.sh [options] [NOTEBOOK.ipynb ...]     (default: every notebooks/*.ipynb)
#
#   --no-build      use the jars already built (solver/target/opsvd.jar, notebooks/kernel/target/opsvd-kernel.jar)
#   --in-place      write the executed notebooks (with their outputs) back over the originals
#   --out DIR       where executed notebooks go otherwise (default: notebooks/target/executed)
#   --timeout S     per-cell timeout in seconds (default: NOTEBOOK_CELL_TIMEOUT or 300)
#   --self-test     check the runner itself: a notebook whose cell throws must fail it, a good one must pass
#
# Needs Java 17+, Maven, and Jupyter's nbconvert (Debian: apt-get install jupyter-nbconvert jupyter-core
# jupyter-client python3-nbclient python3-nbformat). The kernel spec is written to a private JUPYTER_PATH in
# a temporary directory; nothing is installed for the user. Exit status: 0 if every notebook ran, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=1
in_place=0
self_test=0
out_dir="$root/notebooks/target/executed"
timeout="${NOTEBOOK_CELL_TIMEOUT:-300}"
notebooks=()
while (($#)); do
  case "$1" in
    --no-build) build=0 ;;
    --in-place) in_place=1 ;;
    --out) out_dir="$2"; shift ;;
    --timeout) timeout="$2"; shift ;;
    --self-test) self_test=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "run-notebooks: unknown option $1" >&2; exit 2 ;;
    *) notebooks+=("$1") ;;
  esac
  shift
done

command -v jupyter >/dev/null && jupyter nbconvert --version >/dev/null 2>&1 || {
  echo "run-notebooks: jupyter nbconvert is missing (Debian: apt-get install -y jupyter-nbconvert jupyter-core" \
       "jupyter-client python3-nbclient python3-nbformat)" >&2
  exit 1
}

if ((build)); then
  echo "run-notebooks: building the solver and the kernel..." >&2
  (cd "$root" && mvn -B -q ${NOTEBOOK_MVN_FLAGS:-} package -pl solver,notebooks/kernel -am -DskipTests)
fi
kernel_jar="$root/notebooks/kernel/target/opsvd-kernel.jar"
[[ -f "$kernel_jar" && -f "$root/solver/target/opsvd.jar" ]] || {
  echo "run-notebooks: $kernel_jar or solver/target/opsvd.jar is missing; run without --no-build" >&2
  exit 1
}

# A private Jupyter setup: the kernel spec, runtime files and config live in a temporary directory.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/kernels/opsvd-java" "$tmp/runtime" "$tmp/config"
python3 - "$tmp/share/kernels/opsvd-java/kernel.json" "$kernel_jar" "$root/notebooks/kernel/target/lib" <<'EOF'
import json, sys
spec, jar, lib = sys.argv[1:]
json.dump({
    "argv": ["java", "-Djava.awt.headless=true", "-Xss8m",
             "-cp", jar + ":" + lib + "/*", "org.opsvd.notebook.KernelMain", "{connection_file}"],
    "display_name": "Java (opsvd)",
    "language": "java",
    "env": {"TF_CPP_MIN_LOG_LEVEL": "2"},
}, open(spec, "w"), indent=1)
EOF
export JUPYTER_PATH="$tmp/share" JUPYTER_RUNTIME_DIR="$tmp/runtime" JUPYTER_CONFIG_DIR="$tmp/config"
export JUPYTER_DATA_DIR="$tmp/share" JUPYTER_PLATFORM_DIRS=1 PYDEVD_DISABLE_FILE_VALIDATION=1

# run_one NOTEBOOK OUTPUT_DIR: executes one notebook with the opsvd kernel; returns nbconvert's status.
run_one() {
  local nb="$1" dest="$2"
  mkdir -p "$dest"
  jupyter nbconvert --to notebook --execute "$nb" --output-dir "$dest" \
    --ExecutePreprocessor.kernel_name=opsvd-java --ExecutePreprocessor.timeout="$timeout" \
    --ExecutePreprocessor.startup_timeout=120 --log-level=WARN
}

if ((self_test)); then
  dir="$tmp/selftest"
  mkdir -p "$dir"
  python3 - "$dir" <<'EOF'
import json, sys
d = sys.argv[1]
def nb(cells):
    return {"nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "opsvd-java", "display_name": "Java (opsvd)", "language": "java"}},
            "cells": [{"cell_type": "code", "id": "c%d" % i, "metadata": {}, "execution_count": None,
                       "outputs": [], "source": s} for i, s in enumerate(cells)]}
json.dump(nb(["int x = 20;\nx * 2 + 2", "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));"]),
          open(d + "/good.ipynb", "w"))
json.dump(nb(["int x = 1;", "throw new RuntimeException(\"deliberate failure\");", "System.out.println(\"never\");"]),
          open(d + "/throws.ipynb", "w"))
json.dump(nb(["int y = undefinedName;"]), open(d + "/does-not-compile.ipynb", "w"))
EOF
  status=0
  if run_one "$dir/good.ipynb" "$dir/out" >"$dir/good.log" 2>&1; then
    if python3 -c 'import json,sys; nb=json.load(open(sys.argv[1])); o=[x for c in nb["cells"] for x in c["outputs"]]; sys.exit(0 if any("42" in "".join(x.get("data",{}).get("text/plain","")) for x in o) and any("image/png" in x.get("data",{}) for x in o) else 1)' "$dir/out/good.ipynb"; then
      echo "self-test: a good notebook runs, shows its value 42 and an image/png: ok"
    else
      echo "self-test: FAILED: the good notebook ran but its outputs lack the value 42 or the image"; status=1
    fi
  else
    echo "self-test: FAILED: a good notebook did not run:"; cat "$dir/good.log"; status=1
  fi
  for bad in throws does-not-compile; do
    if run_one "$dir/$bad.ipynb" "$dir/out" >"$dir/$bad.log" 2>&1; then
      echo "self-test: FAILED: notebook '$bad' ran without error"; status=1
    else
      grep -q -E "RuntimeException|CompilationError" "$dir/$bad.log" \
        && echo "self-test: a notebook whose cell fails ($bad) makes the runner fail: ok" \
        || { echo "self-test: FAILED: '$bad' failed, but not with the cell's error:"; cat "$dir/$bad.log"; status=1; }
    fi
  done
  exit $status
fi

if ((${#notebooks[@]} == 0)); then
  notebooks=("$root"/notebooks/*.ipynb)
fi
failed=()
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb")"
  start=$(date +%s)
  dest="$out_dir"
  ((in_place)) && dest="$(cd "$(dirname "$nb")" && pwd)"
  if run_one "$nb" "$dest" >"$tmp/log" 2>&1; then
    echo "run-notebooks: $name ok ($(( $(date +%s) - start )) s)"
  else
    echo "run-notebooks: $name FAILED ($(( $(date +%s) - start )) s):"
    sed 's/^/  /' "$tmp/log" | tail -60
    failed+=("$name")
  fi
done
if ((${#failed[@]})); then
  echo "run-notebooks: ${#failed[@]} of ${#notebooks[@]} notebooks failed: ${failed[*]}" >&2
  exit 1
fi
echo "run-notebooks: all ${#notebooks[@]} notebooks ran"
