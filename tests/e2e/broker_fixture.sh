#!/usr/bin/env bash
# CTest fixture `kafka_broker` for the e2e tests: starts one local Kafka broker for the whole
# ctest run and stops it at the end (deploy/kafka/kafka.sh does the work).
#
#   broker_fixture.sh start DIR   # DIR/bootstrap holds host:port once the broker answers
#   broker_fixture.sh stop DIR    # stops it; fails if a broker process is left behind
#
# When the broker cannot be had (no java/mvn/python3, or Maven Central unreachable and nothing
# cached) the start writes the reason to DIR/unavailable and:
#   - with CI=true fails (exit 1): CI must run the e2e tests, so a missing broker is an error;
#   - otherwise exits 77, which CTest shows as "Skipped", and every e2e test then skips too
#     (tests/e2e/e2e_kafka.h: SkipOrFail), so a developer offline can still run ctest.
# A broker that was fetched but does not start is always a failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
KAFKA=$ROOT/deploy/kafka/kafka.sh
action=${1:?usage: broker_fixture.sh start|stop DIR}
dir=${2:?usage: broker_fixture.sh start|stop DIR}

unavailable() {
  mkdir -p "$dir"
  echo "$1" >"$dir/unavailable"
  if [ "${CI:-}" = true ]; then
    echo "e2e: FAIL: no Kafka broker for the e2e tests: $1 (CI=true makes this a failure)"
    exit 1
  fi
  echo "e2e: SKIP: no Kafka broker for the e2e tests: $1 (the e2e tests skip; with CI=true they fail)"
  exit 77
}

case $action in
  start)
    mkdir -p "$dir"
    rm -f "$dir/unavailable" "$dir/bootstrap"
    for tool in java mvn python3 setsid; do
      command -v "$tool" >/dev/null 2>&1 || unavailable "'$tool' is not installed (deploy/setup.sh installs it)"
    done
    t0=$(date +%s.%N)
    if ! bash "$KAFKA" fetch; then
      unavailable "fetching Apache Kafka from Maven Central failed (offline, and not in the local Maven repository)"
    fi
    t1=$(date +%s.%N)
    address=$(bash "$KAFKA" start --dir "$dir" --fresh)
    t2=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v c="$t2" -v addr="$address" \
      'BEGIN { printf "e2e: broker at %s (fetch %.1f s, start to ready %.1f s)\n", addr, b - a, c - b }'
    ;;
  stop)
    if [ -f "$dir/unavailable" ] && [ ! -f "$dir/server.properties" ]; then
      echo "e2e: no broker was started ($(cat "$dir/unavailable"))"
      exit 0
    fi
    bash "$KAFKA" stop --dir "$dir"
    echo "e2e: broker stopped, no process left"
    ;;
  *)
    echo "usage: broker_fixture.sh start|stop DIR" >&2
    exit 2
    ;;
esac
