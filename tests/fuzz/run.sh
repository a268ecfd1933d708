#!/usr/bin/env bash
# Builds the libFuzzer targets (CSV import, XLSX import, workspace JSON) into build/fuzz/ with
# the CMake preset "fuzz" (clang 14, AddressSanitizer and libFuzzer), then runs each for
# SECONDS seconds. The targets link the same baton_io and baton_core libraries as the unit
# tests, compiled with the sanitizer flags, so every source under src/core and src/io is
# available to them. Each target is one case; the last line is "N passed, N failed".
set -uo pipefail

seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/build/fuzz"
mkdir -p "$out/corpus/csv" "$out/corpus/xlsx" "$out/corpus/json"
cd "$root" || exit 1

# CMake tracks which headers each object includes, so a changed header rebuilds only the
# objects that include it.
if [ ! -f "$out/build.ninja" ] && ! cmake --preset fuzz >"$out/configure.log" 2>&1; then
    tail -n 30 "$out/configure.log"
    echo "fuzz: configuring the preset fuzz failed, see $out/configure.log"
    echo "0 passed, 3 failed"
    exit 1
fi
if ! cmake --build --preset fuzz >"$out/build.log" 2>&1; then
    grep -E -A5 'error|FAILED' "$out/build.log" | head -n 60
    echo "fuzz: building the targets failed, see $out/build.log"
    echo "0 passed, 3 failed"
    exit 1
fi
"$out/make_seeds" "$out/corpus"

passed=0
failed=0
for target in csv xlsx workspace_json; do
    binary="$out/fuzz_$target"
    corpus="$out/corpus/${target%%_*}"
    [ "$target" = workspace_json ] && corpus="$out/corpus/json"
    if "$binary" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 \
        -artifact_prefix="$out/fuzz_$target-" "$corpus" >"$out/fuzz_$target.log" 2>&1; then
        echo "fuzz_$target: passed ($(grep -c '' "$out/fuzz_$target.log") log lines)"
        passed=$((passed + 1))
    else
        echo "fuzz_$target: FAILED, see $out/fuzz_$target.log"
        tail -n 30 "$out/fuzz_$target.log"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
