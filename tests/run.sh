#!/usr/bin/env bash
# The test command (README, second line; .ci/run calls exactly this): installs the Debian
# packages, builds the release preset, runs every CTest suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash deploy/setup.sh
cmake --preset release
cmake --build --preset release
ctest --preset release
