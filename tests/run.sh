#!/usr/bin/env bash
# The test command (README, second line; .ci/run calls exactly this): installs the Debian
# packages, builds the release preset, runs every CTest suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash deploy/setup.sh
cmake --preset release
cmake --build --preset release
ctest --preset release

# ThreadSanitizer stage: queries hammering the screener while updates swap shard snapshots.
cmake --preset tsan
cmake --build --preset tsan
ctest --preset tsan

# Fuzz stage: libFuzzer targets (clang, ASan, UBSan), each for PAXSCREEN_FUZZ_SECONDS (60 s).
cmake --preset fuzz
cmake --build --preset fuzz
ctest --preset fuzz
