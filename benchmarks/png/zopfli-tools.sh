#!/usr/bin/env bash
# Yardstick for PNG maximum effort beyond oxipng: Google's zopflipng (all nine filter strategies, 15 iterations)
# and advpng -z4 (zopfli again over zopflipng's output), per file, against Squeeze's MAXIMUM outputs and oxipng.
# Measuring only, not part of the build. Needs Debian's zopfli and advancecomp packages (installed if missing).
#
#   benchmarks/png/zopfli-tools.sh SQUEEZE_OUT_DIR OXIPNG_OUT_DIR WORK_DIR FILES...
#
# SQUEEZE_OUT_DIR: PngBench MAXIMUM's output (same file names); OXIPNG_OUT_DIR: oxipng's (peers napi_encode.js).
set -euo pipefail
ours=$1 oxi=$2 work=$3
shift 3
command -v zopflipng >/dev/null || sudo apt-get install -y zopfli
command -v advpng >/dev/null || sudo apt-get install -y advancecomp
mkdir -p "$work/zopflipng" "$work/advpng"
for f in "$@"; do
  n=$(basename "$f")
  [ -s "$work/zopflipng/$n" ] || zopflipng -y --iterations=15 --filters=01234mepb "$f" "$work/zopflipng/$n" >/dev/null
  cp "$work/zopflipng/$n" "$work/advpng/$n"
  advpng -z -4 -i 15 -q "$work/advpng/$n"
done
python3 - "$ours" "$oxi" "$work" "$@" <<'PY'
import os, sys
ours, oxi, work, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
tot = [0, 0, 0, 0, 0]
print(f"{'file':36s} {'squeeze':>8s} {'zopflipng':>9s} {'advpng':>8s} {'best-of':>8s} {'oxipng':>8s}")
for f in files:
    n = os.path.basename(f)
    s = os.path.getsize(os.path.join(ours, n))
    z = os.path.getsize(os.path.join(work, "zopflipng", n))
    a = os.path.getsize(os.path.join(work, "advpng", n))
    o = os.path.getsize(os.path.join(oxi, n))
    b = min(z, a, o)
    for i, v in enumerate((s, z, a, b, o)):
        tot[i] += v
    print(f"{n:36s} {s:8d} {z:9d} {a:8d} {b:8d} {o:8d}")
s, z, a, b, o = tot
print(f"{'TOTAL':36s} {s:8d} {z:9d} {a:8d} {b:8d} {o:8d}")
print(f"vs oxipng: squeeze {s/o:.4f}  zopflipng {z/o:.4f}  advpng {a/o:.4f}  best of the three tools {b/o:.4f}")
PY
