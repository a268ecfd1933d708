#!/usr/bin/env bash
# Sets up the machine, builds the web app and serves dist/ on http://127.0.0.1:PORT/
# (PORT defaults to 8080). The first visit opens the built-in demo workspace.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash tools/setup.sh
bash tools/build.sh web
port=${PORT:-8080}
echo "Open http://127.0.0.1:$port/ in a browser (dist/baton.html also works from a file). Ctrl+C stops."
exec node tools/serve.mjs dist "$port"
