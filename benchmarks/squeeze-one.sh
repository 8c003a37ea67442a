#!/usr/bin/env bash
# Optimizes one file with the CLI and writes it at a given path: the shape ../shared/peers/compare.py expects.
# usage: benchmarks/squeeze-one.sh IN OUT lossless|lossy [extra CLI options...]
set -euo pipefail
in=$1 out=$2 mode=$3
shift 3
here=$(cd "$(dirname "$0")/.." && pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
java -jar "$here/cli/target/squeeze.jar" optimize "--$mode" "$@" -j 1 -o "$d" "$in" >/dev/null
mv "$d/$(basename "$in")" "$out"
