#!/usr/bin/env bash
# Installs every Debian package paxscreen needs to build, test, benchmark and fuzz.
# Idempotent: packages already present are left alone and nothing is downloaded twice.
#   bash deploy/setup.sh            # build, tests, fuzzers (as root, or as a user with sudo)
#   bash deploy/setup.sh --peers    # also the peer benchmarks' tools: PostgreSQL with pg_trgm,
#                                   # psycopg2, matplotlib for the plots, perf for profiles
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libabsl-dev librdkafka-dev rapidjson-dev libxxhash-dev libicu-dev libpugixml-dev
  catch2 libbenchmark-dev
  clang libclang-rt-14-dev
  python3 default-jre-headless maven curl systemd
)
PEER_PACKAGES=(postgresql postgresql-contrib python3-psycopg2 python3-matplotlib linux-perf)

case "${1:-}" in
  --peers) PACKAGES+=("${PEER_PACKAGES[@]}") ;;
  "") ;;
  *) echo "usage: bash deploy/setup.sh [--peers]" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} Debian packages present"
  exit 0
fi

echo "setup: installing ${#missing[@]} Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "setup: error: installing packages needs root; run as root or install sudo" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
