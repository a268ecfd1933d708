#!/usr/bin/env bash
# Tests of the `baton` command-line tool's usage errors: an unknown or missing subcommand,
# option or argument, and a value CLI11 rejects, each with exit status 2 and a message on
# standard error that names the command and what is expected.
# Usage: tests/cli/usage.sh BATON_BINARY
# Ends with one line "N passed, N failed" and exits non-zero when a test failed.
set -u

. "$(dirname "$0")/lib.sh"
FIXTURES="$HERE/../fixtures/cli"
# --- usage errors: status 2 -------------------------------------------------------------
run --help
expect_status "help" 0
expect_in "help lists subcommands" "$WORK/out" "generate"

run
expect_status "no subcommand" 2
expect_in "no subcommand says one is needed" "$WORK/err" "baton: \`baton\` needs a subcommand"
expect_in "no subcommand lists each with its line" "$WORK/err" \
    "  allocate  Allocate the released clients"
expect_in "no subcommand points to --help" "$WORK/err" "Run \`baton --help\` for more"

run alocate
expect_status "misspelt subcommand" 2
expect_in "misspelt subcommand gets the nearest" "$WORK/err" \
    "baton: unknown subcommand alocate; did you mean \`baton allocate\`?"

run frobnicate demo.json
expect_status "unknown subcommand" 2
expect_in "unknown subcommand lists the subcommands" "$WORK/err" \
    "  validate  Check a workspace file and summarise it"

run audit
expect_status "audit without its subcommand" 2
expect_in "audit lists its subcommand" "$WORK/err" "baton audit: \`baton audit\` needs a subcommand"

run validate
expect_status "validate without FILE" 2

run evaluate "$FIXTURES/small.json" --no-such-flag
expect_status "unknown flag" 2
expect_in "unknown flag names the subcommand" "$WORK/err" \
    "baton evaluate: unknown option --no-such-flag"

run generate --sed 7
expect_status "misspelt option" 2
expect_in "misspelt option gets the nearest" "$WORK/err" \
    "baton generate: unknown option --sed; did you mean --seed?"
expect_in "misspelt option points to --help" "$WORK/err" \
    "Run \`baton generate --help\` for its options."

run generate --employees 3 --clients 4 --sed=7
expect_status "misspelt option with =" 2
expect_in "misspelt option with = gets the nearest" "$WORK/err" "did you mean --seed?"

run validate "$FIXTURES/small.json" extra.json
expect_status "stray argument" 2
expect_in "stray argument is named" "$WORK/err" \
    "baton validate: unexpected argument extra.json; the command takes \`baton validate FILE\`"
expect_in "stray argument points to --help" "$WORK/err" \
    "Run \`baton validate --help\` for the arguments it takes."

run generate --clients 10
expect_status "generate without --employees" 2
expect_in "generate names the missing flag" "$WORK/err" "--employees"

run generate --employees 0 --clients 10
expect_status "generate with --employees 0" 2
expect_in "generate explains --employees" "$WORK/err" \
    'baton generate: --employees must be a whole number from 1 to 100000, found "0"'

run generate --employees 5 --clients -3
expect_status "generate with negative --clients" 2

run generate --employees 5 --clients 10 --family nope
expect_status "generate with an unknown family" 2
expect_in "generate lists the families" "$WORK/err" "mixed, clustered, heavy_tailed"

run generate --employees abc --clients 10
expect_status "generate with a non-number" 2

run generate --help
expect_status "generate help" 0
if grep -- "--seed" "$WORK/out" | grep -q REQUIRED; then fail "generate help marks --seed required"
else pass; fi
expect_in "generate help gives the seed default" "$WORK/out" "Seed of the generator (default 1)"
run generate --employees 3 --clients 5
expect_status "generate without --seed" 0
expect_in "generate without --seed uses seed 1" "$WORK/err" "seed 1)"
run generate --seed -1 --employees 3 --clients 5
expect_status "generate with a negative seed" 2
expect_in "generate rejects a negative seed" "$WORK/err" \
    '--seed must be a whole number from 0 to 18446744073709551615, found "-1"'
expect_empty "generate with a negative seed writes nothing" "$WORK/out"
run generate --seed abc --employees 3 --clients 5
expect_status "generate with a non-numeric seed" 2
expect_in "generate rejects a non-numeric seed" "$WORK/err" 'found "abc"'
run generate --seed 18446744073709551615 --employees 3 --clients 5
expect_status "generate with the largest seed" 0

cp "$FIXTURES/small.json" "$WORK/inplace.json"
run evaluate "$WORK/inplace.json" --out "$WORK/inplace.json"
expect_status "evaluate --out over its input" 2
expect_in "overwrite names the input" "$WORK/err" "is the input file"
cmp -s "$FIXTURES/small.json" "$WORK/inplace.json" && pass "input kept after a refused --out" \
    || fail "input kept after a refused --out" "$WORK/inplace.json changed"

run allocate "$FIXTURES/small.json" --baseline best
expect_status "allocate with an unknown baseline" 2

run allocate "$FIXTURES/small.json" --baseline proposal
expect_status "allocate proposal baseline without --proposal" 2

# --- values and arguments CLI11 rejects: the command, what is expected, status 2 -----------
run allocate
expect_status "allocate without FILE" 2
expect_in "missing FILE names the command and the argument" "$WORK/err" \
    "baton allocate: missing FILE (workspace JSON file); the command takes \`baton allocate FILE\`"
expect_in "missing FILE points to --help" "$WORK/err" \
    "Run \`baton allocate --help\` for the arguments it takes."

run verify "$FIXTURES/small.json"
expect_status "verify without RESULT" 2
expect_in "missing RESULT names the argument" "$WORK/err" \
    "baton verify: missing RESULT (allocation result JSON file); the command takes"
expect_in "missing RESULT shows the command line" "$WORK/err" "takes \`baton verify FILE RESULT\`"

run audit verify
expect_status "audit verify without FILE" 2
expect_in "missing FILE of a nested subcommand" "$WORK/err" "baton audit verify: missing FILE"

run import --clients "$FIXTURES/small.json"
expect_status "import without --out" 2
expect_in "missing --out is named as a required option" "$WORK/err" \
    "baton import: missing --out (workspace JSON file to write), which is required"

run import --clients x.csv --out
expect_status "import with --out and no value" 2
expect_in "option without its value" "$WORK/err" "baton import: --out needs a value"

run generate --employees abc --clients 10
expect_in "non-number names the range" "$WORK/err" \
    'baton generate: --employees must be a whole number from 1 to 100000, found "abc"'
expect_in "non-number points to --help" "$WORK/err" "Run \`baton generate --help\` for its options."

run generate --employees 3 --clients 99999999999
expect_status "generate with --clients past an int" 2
expect_in "too large a number names the range" "$WORK/err" \
    'baton generate: --clients must be a whole number from 1 to 5000000, found "99999999999"'

run generate --employees 3 --clients 5 --transactions 1.5
expect_status "generate with a fraction of transactions" 2
expect_in "fraction names the range" "$WORK/err" \
    'baton generate: --transactions must be a whole number from 0 to 50000000, found "1.5"'

run generate --employees 3 --clients 5 --spare lots
expect_status "generate with a non-numeric --spare" 2
expect_in "non-numeric --spare names the range" "$WORK/err" \
    'baton generate: --spare must be a number from 0 to 100, found "lots"'

run allocate "$FIXTURES/small.json" --baseline magic
expect_status "allocate with an unknown baseline name" 2
expect_in "unknown baseline lists the names" "$WORK/err" \
    'baton allocate: --baseline must be one of round_robin, greedy_fit, weighted_picking, proposal,'
expect_in "unknown baseline names the value" "$WORK/err" 'proposal, found "magic"'
if grep -q "did you mean" "$WORK/err"; then fail "a far-off baseline gets a suggestion"; else pass; fi

run allocate "$FIXTURES/small.json" --baseline greedyfit
expect_in "misspelt baseline gets the nearest" "$WORK/err" \
    'found "greedyfit"; did you mean greedy_fit?'

run rules "$FIXTURES/small.json" --lang fr
expect_status "rules with an unknown language" 2
expect_in "unknown language lists the tags" "$WORK/err" \
    'baton rules: --lang must be one of en, zh-CN, zh, found "fr"'

# Usage errors that the subcommands find after parsing: each starts with the subcommand and
# ends with its --help line.
# expect_usage NAME COMMAND TEXT: checks status 2, the first line "baton COMMAND: ..." with
# TEXT in it, and the last line "Run `baton COMMAND --help` for ...".
expect_usage() {
    expect_status "$1" 2
    expect_in "$1 names the problem" "$WORK/err" "$3"
    if head -1 "$WORK/err" | grep -q "^baton $2: "; then pass
    else fail "$1: the message does not start with 'baton $2: '"; fi
    if tail -1 "$WORK/err" | grep -qF "Run \`baton $2 --help\` for "; then pass
    else fail "$1: the message does not end with the --help line"; fi
}
run allocate "$FIXTURES/small.json" --seed -1
expect_usage "allocate with a negative seed" allocate \
    '--seed must be a whole number from 0 to 18446744073709551615, found "-1"'
run allocate "$FIXTURES/small.json" --baseline proposal
expect_usage "proposal baseline without --proposal" allocate \
    "--baseline proposal needs the manual proposal: add --proposal FILE"
run generate --employees 3 --clients 5 --spare nan
expect_usage "generate with --spare nan" generate '--spare must be a number from 0 to 100, found "nan"'
run generate --employees 3 --clients 5 --family clusterd
expect_usage "generate with a misspelt family" generate 'found "clusterd"; did you mean clustered?'
run generate --employees 3 --clients 5 --seed -1
expect_usage "generate with a negative seed" generate '--seed must be a whole number'
run export "$FIXTURES/small.json" --out "$WORK/x.pdf"
expect_usage "export to a pdf" export "--out must end in .xlsx or .csv"
run export "$FIXTURES/small.json" --out "$WORK/x.csv"
expect_usage "export the tables as csv" export "the workspace is exported as .xlsx only"
run import --clients x.csv --today tomorrow --out "$WORK/x.json"
expect_usage "import with --today tomorrow" import '--today must be a date as YYYY-MM-DD, found "tomorrow"'
run import --out "$WORK/x.json"
expect_usage "import without a table" import "give at least one table"
run import --clients x.csv --encoding latin1 --out "$WORK/x.json"
expect_usage "import with an unknown encoding" import \
    '--encoding must be one of auto, utf-8, utf-16, gb18030, found "latin1"'
run validate a.json b.json
expect_usage "validate with two files" validate "unexpected argument b.json"
cp "$FIXTURES/small.json" "$WORK/input.json"
run evaluate "$WORK/input.json" --out "$WORK/input.json"
expect_usage "evaluate over its input" evaluate "is the input file"
run report "$WORK/input.json" "$WORK/input.json" --out "$WORK/input.json"
expect_usage "report --out onto its input" report "--out $WORK/input.json is the input file"

# None of CLI11's own texts is left: "FILE is required", "Could not convert: ...",
# "... not in {...}", "Run with --help for more information."
raw='^[A-Z]* is required$\|Could not convert\| not in {\|Run with --help for more information'
for command in allocate verify "import --clients x.csv" "generate --employees x --clients 1" \
    "allocate $FIXTURES/small.json --baseline magic"; do
    # shellcheck disable=SC2086
    run $command
    if grep -q "$raw" "$WORK/err"; then fail "no raw CLI11 message for baton $command"; else pass; fi
done

# status takes FILE EMPLOYEE STATUS, and STATUS is one of the four statuses.
run status
expect_status "status without arguments" 2
expect_in "status without FILE names it" "$WORK/err" "baton status: missing FILE"
run status "$FIXTURES/small.json" E1
expect_status "status without STATUS" 2
expect_in "status without STATUS shows the command" "$WORK/err" \
    "the command takes \`baton status FILE EMPLOYEE STATUS\`"
run status "$FIXTURES/small.json" E1 leavng
expect_status "status with a misspelt status" 2
expect_in "misspelt status lists the statuses" "$WORK/err" \
    'STATUS must be one of active, leaving, departed, on_leave, found "leavng"; did you mean leaving?'
run status "$FIXTURES/small.json" E1 leaving --last-dy 2026-12-31
expect_status "status with a misspelt option" 2
expect_in "misspelt --last-day gets the nearest" "$WORK/err" "did you mean --last-day?"

summary
