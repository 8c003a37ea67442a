#!/usr/bin/env bash
# Runs the native yardsticks (../shared/peers, set up once with its setup.sh) and Squeeze side by side over a
# corpus folder, then prints the per-tool totals.
# usage: benchmarks/peers.sh [CORPUS_DIR] [OUT.jsonl] [--tools a,b,...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
peers=${PEERS_DIR:-$here/../shared/peers}
corpus=${1:-$here/src-test-images}
out=${2:-/tmp/squeeze-peers.jsonl}
shift $(( $# > 2 ? 2 : $# ))
export PROJECT_CMD_LOSSLESS="$here/benchmarks/squeeze-one.sh {in} {out} lossless"
export PROJECT_KIND_LOSSLESS=lossless
export PROJECT_CMD_LOSSY="$here/benchmarks/squeeze-one.sh {in} {out} lossy"
rm -f "$out"
/usr/bin/python3 "$peers/compare.py" "$corpus" "$out" --jobs 1 "$@"
/usr/bin/python3 "$peers/summarize.py" "$out"
