#!/usr/bin/env bash
# Lossless transcode bytes, Squeeze's JPEG module against mozjpeg's (napi-rs, like jpegtran -optimize with
# optimised scans), file by file. usage: benchmarks/jpeg/lossless-vs-mozjpeg.sh FILES...   (absolute paths)
# Env: METADATA=STRIP_ALL|KEEP_COLOR_AND_ORIENTATION|KEEP_ALL (default: the library default).
# Needs: mvn -q -o -pl formats/jpeg -am test-compile; (cd formats/jpeg && mvn -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
peers=${PEERS:-$root/../../shared/peers}
[ -d "$peers" ] || peers=/work/shared/peers
sq=$(mktemp -d); mz=$(mktemp -d); trap 'rm -rf "$sq" "$mz"' EXIT
cd "$root/formats/jpeg"
java ${METADATA:+-Dmetadata=$METADATA} -cp "$(cat cp.txt):target/classes:target/test-classes:../../core/target/classes" \
  dev.squeeze.jpeg.TranscodeTool "$sq" "$@" > /dev/null
ti=0; ts=0; tm=0
for f in "$@"; do
  b=$(basename "$f"); node "$peers/napi_encode.js" jpeg-lossless "$f" "$mz/$b"
  i=$(stat -c%s "$f"); s=$(stat -c%s "$sq/$b"); m=$(stat -c%s "$mz/$b")
  ti=$((ti+i)); ts=$((ts+s)); tm=$((tm+m))
  printf "%-32s in=%8d squeeze=%8d mozjpeg=%8d squeeze/mozjpeg=%.4f\n" "$b" "$i" "$s" "$m" "$(echo "$s/$m" | bc -l)"
done
printf "TOTAL in=%d squeeze=%d mozjpeg=%d squeeze/mozjpeg=%.4f\n" "$ti" "$ts" "$tm" "$(echo "$ts/$tm" | bc -l)"
