#!/usr/bin/env bash
# Tests of `baton report`: exit statuses, standard output, --out DIR with one statement per
# employee, and the report of a generated workspace (seed 7) against a golden file.
# Usage: tests/cli/report.sh BATON_BINARY; BATON_UPDATE_GOLDEN=1 rewrites the golden file.
# Ends with one line "N passed, N failed" and exits non-zero when a test failed.
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 BATON_BINARY (an executable baton)" >&2
    exit 2
fi
BATON=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
GOLDEN="$HERE/../golden/cli/report.en.md"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "FAIL: $1" >&2
    if [ -s "$WORK/err" ]; then sed 's/^/  stderr: /' "$WORK/err" | head -5 >&2; fi
}
run() {
    "$BATON" "$@" >"$WORK/out" 2>"$WORK/err"
    status=$?
}
expect_status() {
    if [ "$status" -eq "$2" ]; then pass; else fail "$1: exit status $status, expected $2"; fi
}
expect_in() {
    if grep -qF -- "$3" "$2"; then pass; else fail "$1: $(basename "$2") lacks '$3'"; fi
}

run generate --seed 7 --employees 6 --clients 24 --out "$WORK/gen.json"
expect_status "generate" 0
run allocate "$WORK/gen.json" --seed 7 --out "$WORK/result.json"
expect_status "allocate" 0

run report "$WORK/gen.json" "$WORK/result.json"
expect_status "report to standard output" 0
expect_in "report has the assignments" "$WORK/out" "## Assignments"
if [ "${BATON_UPDATE_GOLDEN:-}" = "1" ]; then cp "$WORK/out" "$GOLDEN"; fi
if cmp -s "$WORK/out" "$GOLDEN"; then pass; else fail "report differs from $GOLDEN"; fi

run report "$WORK/gen.json" "$WORK/result.json" --lang zh --format html --out "$WORK/dir"
expect_status "report --out DIR" 0
expect_in "html report is Chinese" "$WORK/dir/report.html" '<html lang="zh-CN">'
count=$(ls "$WORK/dir/statements" | wc -l)
if [ "$count" -ge 2 ]; then pass; else fail "report --out wrote $count statements"; fi
first=$(ls "$WORK/dir/statements" | head -1)
expect_in "statement is a page" "$WORK/dir/statements/$first" "<h1>"

run report "$WORK/gen.json" "$WORK/result.json" --lang fr
expect_status "report with an unknown language" 2
run report "$WORK/gen.json" "$WORK/missing.json"
expect_status "report without a result file" 1
run report "$WORK/gen.json" "$WORK/gen.json"
expect_status "report with a workspace as the result" 1
expect_in "report names the bad result" "$WORK/err" "allocation result"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
