# Set-up shared by the CLI test scripts. Source it with the script's own arguments.
# It checks the one argument (the baton binary) and defines BATON, HERE (the folder of the
# calling script), WORK (a temporary folder removed at exit), the pass and fail counters
# and the checks below. Each script ends with `summary`.

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 BATON_BINARY (an executable baton)" >&2
    exit 2
fi
BATON=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
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

# run ARGS...: runs baton with stdout in $WORK/out, stderr in $WORK/err, status in $status.
run() {
    "$BATON" "$@" >"$WORK/out" 2>"$WORK/err"
    status=$?
}

# expect_status NAME CODE: checks the status of the last run.
expect_status() {
    if [ "$status" -eq "$2" ]; then pass; else fail "$1: exit status $status, expected $2"; fi
}

# expect_in NAME FILE TEXT: checks that FILE contains TEXT (a fixed string).
expect_in() {
    if grep -qF -- "$3" "$2"; then pass; else fail "$1: $(basename "$2") lacks '$3'"; fi
}

# expect_empty NAME FILE: checks that FILE is empty or missing.
expect_empty() {
    if [ ! -s "$2" ]; then pass; else fail "$1: $(basename "$2") is not empty"; fi
}

# same_files NAME A B: checks that A and B are byte for byte the same.
same_files() {
    if cmp -s "$2" "$3"; then pass; else fail "$1: $2 and $3 differ"; fi
}

# summary: prints "N passed, N failed" and returns non-zero when a check failed.
summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
