#!/usr/bin/env bash
# Checks deploy/systemd/paxscreen.service with `systemd-analyze verify`. The unit names
# /usr/bin/paxscreen, which a build machine does not have, so the check runs on a copy whose
# ExecStart points at an executable stand-in; every other line is verified as written.
#   systemd_verify.sh [path/to/systemd-analyze [unit]]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ANALYZE=${1:-systemd-analyze}
unit=${2:-$ROOT/deploy/systemd/paxscreen.service}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '#!/bin/sh\nexit 0\n' >"$tmp/paxscreen"
chmod +x "$tmp/paxscreen"
sed "s|/usr/bin/paxscreen|$tmp/paxscreen|g" "$unit" >"$tmp/paxscreen.service"
# A warning counts as a failure: systemd-analyze prints unknown keys and bad values to stderr
# and may still exit 0 for some of them.
out=$("$ANALYZE" verify --man=no "$tmp/paxscreen.service" 2>&1) || { echo "$out"; echo "systemd verify: FAIL"; exit 1; }
if [ -n "$out" ]; then
  echo "$out"
  echo "systemd verify: FAIL (warnings above)"
  exit 1
fi
score=$("$ANALYZE" security --offline=yes "$tmp/paxscreen.service" 2>/dev/null | tail -n 1 || true)
echo "systemd verify: ok ($unit)${score:+; security: $score}"
