# Sourced by run.sh.

# --- audit verify: the chain is built by a separate Python implementation -----------------
last_hash=$(python3 "$HERE/audit_chain.py" "$FIXTURES/small.json" "$WORK/audit.json")
run audit verify "$WORK/audit.json"
expect_status "audit verify a valid chain" 0
expect_in "audit verify counts the entries" "$WORK/out" '"verified": 3'
expect_in "audit verify prints the last hash" "$WORK/out" "\"last_hash\": \"$last_hash\""
expect_in "audit verify summarises on stderr" "$WORK/err" "verifies: 3 entries"

python3 "$HERE/audit_chain.py" "$FIXTURES/small.json" "$WORK/audit-tamper.json" tamper >/dev/null
run audit verify "$WORK/audit-tamper.json"
expect_status "audit verify a changed entry" 1
expect_in "audit verify names the changed entry" "$WORK/err" "entry 2 (seq 2), field hash"
expect_in "audit verify reports the break as JSON" "$WORK/out" '"field": "hash"'

python3 "$HERE/audit_chain.py" "$FIXTURES/small.json" "$WORK/audit-drop.json" drop >/dev/null
run audit verify "$WORK/audit-drop.json"
expect_status "audit verify a removed entry" 1
expect_in "audit verify names the seq gap" "$WORK/err" "entry 2 (seq 3), field seq"

python3 "$HERE/audit_chain.py" "$FIXTURES/small.json" "$WORK/audit-rehash.json" rehash >/dev/null
run audit verify "$WORK/audit-rehash.json"
expect_status "audit verify a rehashed entry" 1
expect_in "audit verify names the next prev" "$WORK/err" "entry 3 (seq 3), field prev"

run audit verify "$FIXTURES/small.json"
expect_status "audit verify a workspace without a log" 0
run audit verify "$FIXTURES/bad_syntax.json"
expect_status "audit verify invalid JSON" 1
expect_in "audit verify gives the line" "$WORK/err" "line"
run audit verify "$WORK/no-such-file.json"
expect_status "audit verify a missing file" 1
run audit verify
expect_status "audit verify without FILE" 2
run audit
expect_status "audit without verify" 2
