#!/usr/bin/env bash
# Validates dev.squeeze.quality against outside references (measurement only; not part of the build):
#  1. SSIMULACRA2 ranking vs libjxl's butteraugli_main and ssimulacra_main (Debian libjxl-devtools 0.7) over
#     corpus images x 16 distortions, as Kendall tau;
#  2. Ssim vs scikit-image structural_similarity on the same JPEG round trips (tools/quality/ssim_reference.py).
# Needs: libjxl-devtools, python3-skimage, python3-scipy; run from the repository root after `mvn -pl core test-compile`.
set -euo pipefail
OUT=${OUT:-$(mktemp -d)}
(cd core && mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
CP="$(cat core/target/cp.txt):core/target/classes:core/target/test-classes"
S=src-test-images/png
java -cp "$CP" dev.squeeze.quality.QualityPairs "$OUT" $S/chelsea.png $S/coffee.png $S/astronaut.png \
  $S/camera_grey.png $S/screenshot_gnome_shell_exit.png $S/softwaves_gradient.png > "$OUT/java.txt"
while read -r name dist s2 ssim ms; do
  b=$(butteraugli_main "$OUT/${name}__orig.png" "$OUT/${name}__${dist}.png" 2>/dev/null | head -1)
  o=$(ssimulacra_main "$OUT/${name}__orig.png" "$OUT/${name}__${dist}.png" 2>/dev/null | head -1)
  echo "$name $dist $s2 $ssim $b $o"
done < "$OUT/java.txt" > "$OUT/all.txt"
/usr/bin/python3 - "$OUT/all.txt" <<'PY'
import sys
from scipy.stats import kendalltau
rows = [l.split() for l in open(sys.argv[1])]
col = lambda i, sign=1: [sign * float(r[i]) for r in rows]
print("pairs:", len(rows))
for n in sorted({r[0] for r in rows}):
    sub = [r for r in rows if r[0] == n]
    jp = [float(r[2]) for r in sub if r[1].startswith("jpeg")]
    t = kendalltau([float(r[2]) for r in sub], [-float(r[4]) for r in sub])[0]
    print("%-28s tau(ssimulacra2, -butteraugli)=%.3f  monotone in JPEG quality: %s" % (n, t, all(a < b for a, b in zip(jp, jp[1:]))))
print("pooled Kendall tau vs -butteraugli: ssimulacra2 %.3f, ssim %.3f, ssimulacra1 %.3f; ssimulacra2 vs -ssimulacra1 %.3f" % (
    kendalltau(col(2), col(4, -1))[0], kendalltau(col(3), col(4, -1))[0], kendalltau(col(5, -1), col(4, -1))[0],
    kendalltau(col(2), col(5, -1))[0]))
PY
/usr/bin/python3 tools/quality/ssim_reference.py "$OUT"
