#!/usr/bin/env bash
# PROJECT_RD_CMD for ../../shared/peers/rdsweep.py: encodes IN at quality Q with Squeeze's lossy JPEG encoder
# (metadata stripped, output written even when larger than the input). usage: rd-project.sh IN OUT Q
# Example: PROJECT_RD_CMD="$PWD/benchmarks/jpeg/rd-project.sh {in} {out} {q}" /usr/bin/python3 rdsweep.py OUT.jsonl FILES...
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root/formats/jpeg"
exec java -XX:TieredStopAtLevel=1 -cp "$(cat cp.txt):target/classes:target/test-classes:../../core/target/classes" \
  dev.squeeze.jpeg.LossyTool "$1" "$2" "$3"
