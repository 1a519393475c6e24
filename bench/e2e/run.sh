#!/usr/bin/env bash
# End-to-end benchmark: starts a private local Kafka broker (deploy/kafka/kafka.sh), runs
# e2e_bench (records/s and p50/p99 latency of `paxscreen run`, exactly-once and at-least-once,
# beside a plain copier as the broker's ceiling) and stops the broker in every path.
#
#   bench/e2e/run.sh [BUILD_DIR]        # default build/release; builds paxscreen and e2e_bench
#
# Environment: PAXSCREEN_BENCH_RECORDS (200000), PAXSCREEN_BENCH_RATE (5000/s),
# PAXSCREEN_BENCH_SECONDS (5); PAXSCREEN_KAFKA_BOOTSTRAP=host:port uses a running broker instead.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-$ROOT/build/release}
cmake --build "$BUILD" --target paxscreen e2e_bench >/dev/null
export PAXSCREEN_BINARY=$BUILD/paxscreen
if [ -z "${PAXSCREEN_KAFKA_BOOTSTRAP:-}" ]; then
  dir=$BUILD/bench-e2e/broker
  trap 'bash "$ROOT/deploy/kafka/kafka.sh" stop --dir "$dir" >/dev/null' EXIT
  bash "$ROOT/deploy/kafka/kafka.sh" start --dir "$dir" --fresh >/dev/null
  export PAXSCREEN_KAFKA_DIR=$dir
fi
"$BUILD/tests/e2e/e2e_bench"
