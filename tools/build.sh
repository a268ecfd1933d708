#!/usr/bin/env bash
# Configures and builds one preset: native (CLI, unit tests, benchmarks) or web (the app
# in dist/ and the WASM unit tests). Usage: tools/build.sh native|web
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
preset=${1:?usage: tools/build.sh native|web}
export NODE_PATH=/usr/share/nodejs
if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
