#!/usr/bin/env bash
# Runs every test suite: unit tests natively and as WebAssembly under Node, the CLI tests,
# the end-to-end tests in headless Chromium, and the fuzz targets for a bounded time. Ends with
# one line "N passed, N failed" that counts test cases over all suites, and exits non-zero on
# any failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
logs="$root/build/test-logs"
mkdir -p "$logs"

passed=0
failed=0
suite_failed=0

# Adds the counts of one suite; a suite that printed no counts counts as one failure.
record() {
    local name=$1 status=$2 p=$3 f=$4
    if [ -z "$p" ] || [ -z "$f" ]; then
        echo "== $name: no test counts found (exit $status); see $logs/$name.log"
        failed=$((failed + 1))
        suite_failed=1
        return
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$status" -ne 0 ] || [ "$f" -ne 0 ]; then
        suite_failed=1
        echo "== $name: $p passed, $f failed (exit $status); see $logs/$name.log"
    else
        echo "== $name: $p passed, $f failed"
    fi
}

# doctest prints "[doctest] test cases: N | P passed | F failed | S skipped".
run_doctest() {
    local name=$1
    shift
    local status=0
    "$@" >"$logs/$name.log" 2>&1 || status=$?
    local line
    # The WASM build colours its output even into a file: strip the escape codes first.
    line=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/$name.log" | grep '^\[doctest\] test cases:' | tail -1)
    local p f
    p=$(sed -n 's/.*| *\([0-9]*\) passed.*/\1/p' <<<"$line")
    f=$(sed -n 's/.*| *\([0-9]*\) failed.*/\1/p' <<<"$line")
    [ "$status" -ne 0 ] && tail -30 "$logs/$name.log"
    record "$name" "$status" "$p" "$f"
}

# Suites that end with a plain "N passed, N failed" line.
run_plain() {
    local name=$1
    shift
    local status=0
    "$@" >"$logs/$name.log" 2>&1 || status=$?
    local line
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/$name.log" | tail -1)
    local p f
    p=$(sed -n 's/^\([0-9]*\) passed.*/\1/p' <<<"$line")
    f=$(sed -n 's/.* \([0-9]*\) failed.*/\1/p' <<<"$line")
    [ "$status" -ne 0 ] && tail -30 "$logs/$name.log"
    record "$name" "$status" "$p" "$f"
}

# Node's test runner with the TAP reporter prints "# pass N" and "# fail N".
run_node_tests() {
    local name=$1
    shift
    local status=0
    "$@" >"$logs/$name.log" 2>&1 || status=$?
    local p f
    p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$logs/$name.log" | tail -1)
    f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$logs/$name.log" | tail -1)
    [ "$status" -ne 0 ] && grep -E '^not ok|error|Error' "$logs/$name.log" | head -40
    record "$name" "$status" "$p" "$f"
}

echo "== set-up"
if ! bash tools/setup.sh >"$logs/setup.log" 2>&1; then
    cat "$logs/setup.log"
    echo "0 passed, 1 failed"
    exit 1
fi

echo "== native build"
if bash tools/build.sh native >"$logs/build-native.log" 2>&1; then
    run_doctest unit-native build/native/baton_tests
    run_plain cli bash tests/cli/run.sh build/native/baton
    run_plain cli-usage bash tests/cli/usage.sh build/native/baton
    run_plain cli-report bash tests/cli/report.sh build/native/baton
else
    tail -40 "$logs/build-native.log"
    record build-native 1 "" ""
fi

echo "== web build"
if bash tools/build.sh web >"$logs/build-web.log" 2>&1; then
    run_doctest unit-wasm node --no-experimental-fetch build/web/baton_tests.js
    run_node_tests e2e node --test --test-reporter=tap --test-concurrency=1 tests/e2e/
else
    tail -40 "$logs/build-web.log"
    record build-web 1 "" ""
fi

# The fuzz targets need a clang build of their own (with sanitizers), the longest build here,
# so they come last and the page's tests report first. Each libFuzzer target (CSV, XLSX,
# workspace JSON) runs for a bounded time.
echo "== fuzz"
run_plain fuzz bash tests/fuzz/run.sh "${BATON_FUZZ_SECONDS:-30}"

echo "$passed passed, $failed failed"
if [ "$suite_failed" -ne 0 ] || [ "$failed" -ne 0 ]; then
    exit 1
fi
exit 0
