#!/usr/bin/env bash
# Configures and builds into ./build (optimised, with debug info; a unity build: see NGB_UNITY in
# CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNGB_UNITY=ON >/dev/null
cmake --build build
