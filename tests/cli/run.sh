#!/usr/bin/env bash
# Tests of the `baton` command-line tool's behaviour: exit statuses, standard output
# against standard error, --out, and generate -> validate -> evaluate -> allocate. The
# usage errors (exit status 2) are tested in usage.sh.
# Usage: tests/cli/run.sh BATON_BINARY
# Ends with one line "N passed, N failed" and exits non-zero when a test failed.
# The checks are in the run_*.sh scripts beside this one, one topic each. This script sources
# them in order, because the later ones read the workspaces and results that
# run_allocate.sh writes to $WORK.
set -u

. "$(dirname "$0")/lib.sh"
FIXTURES="$HERE/../fixtures/cli"

for topic in input_errors allocate verify audit export import import_chinese status; do
    . "$HERE/run_$topic.sh"
done

summary
