# Sourced by run.sh: validate, generate, evaluate, allocate and rules on valid input, and the
# warnings about limits and proposals. It writes the workspaces and results that the
# later topic scripts read: $WORK/gen.json, its result $WORK/alloc-1.json, and
# $WORK/nobody.json with its result $WORK/nobody-result.json.

# --- success: status 0 -----------------------------------------------------------------
run validate "$FIXTURES/small.json"
expect_status "validate a valid file" 0
expect_empty "validate writes nothing to stdout" "$WORK/out"
expect_in "validate summarises on stderr" "$WORK/err" "valid workspace: 3 employees (0 leaving, 1 departed), 3 clients (2 released)"

run validate "$FIXTURES/pins_never_hold.json"
expect_status "validate overrides that never hold" 0
expect_in "pin to a departed employee warns" "$WORK/err" "/policy/pins/0: pin C1 → E3: E3 is departed"
expect_in "pin that is also forbidden warns" "$WORK/err" "/policy/pins/1: pin C2 → E1 is also forbidden by /policy/forbids/0"

# Limits that stop the allocation before it runs: a pin to a full employee, nobody with
# room, and an employee that keeps more clients than its max_clients.
python3 - "$FIXTURES/small.json" "$WORK" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
ws["employees"][0]["capacity"] = {"max_clients": 1}
ws["policy"]["pins"] = [{"client": "C1", "employee": "E1", "reason": "manager"}]
json.dump(ws, open(sys.argv[2] + "/pin_full.json", "w"), ensure_ascii=False)
ws["policy"]["pins"] = []
ws["employees"][0]["capacity"] = {"max_clients": 0}
json.dump(ws, open(sys.argv[2] + "/over_limit.json", "w"), ensure_ascii=False)
ws["employees"][1]["capacity"] = {"max_clients": 0}
json.dump(ws, open(sys.argv[2] + "/no_room.json", "w"), ensure_ascii=False)
PY
run validate "$WORK/pin_full.json"
expect_status "validate a pin to a full employee" 0
expect_in "pin to a full employee warns with the figures" "$WORK/err" \
    "pin_full.json: warning: /policy/pins/0: pin C1 → E1 fails: E1 already keeps as many clients as E1's max_clients allows (1 kept, 0 from earlier pins, max 1)"
expect_in "pin warning says what to do" "$WORK/err" \
    "raise E1's max_clients to at least 2 or remove the pin"
run validate "$WORK/over_limit.json"
expect_in "employee over its max_clients warns" "$WORK/err" \
    "over_limit.json: warning: /employees/0/capacity/max_clients: E1 already keeps more clients than E1's max_clients allows (1 kept, max 0)"
run validate "$WORK/no_room.json"
expect_in "nobody with room warns" "$WORK/err" \
    "no_room.json: warning: /employees: no active employee has room for another client (E1 at E1's max_clients: 1 kept, max 0; E2 at E2's max_clients: 0 kept, max 0), so allocate can place no released client (released clients: 2)"

run generate --seed 4 --employees 20 --clients 300 --leavers 2
expect_status "generate to stdout" 0
expect_in "generate writes a workspace" "$WORK/out" '"format": "baton-workspace"'
cp "$WORK/out" "$WORK/gen-stdout.json"

run generate --seed 4 --employees 20 --clients 300 --leavers 2 --out "$WORK/gen.json"
expect_status "generate with --out" 0
expect_empty "generate with --out writes nothing to stdout" "$WORK/out"
same_files "generate is deterministic" "$WORK/gen.json" "$WORK/gen-stdout.json"

run generate --seed 5 --employees 8 --clients 50 --transactions 77 --family tight --out "$WORK/tight.json"
expect_status "generate a tight family" 0
expect_in "generate reports the counts" "$WORK/err" "9 employees, 50 clients, 77 transactions"

run validate "$WORK/gen.json"
expect_status "validate the generated file" 0
expect_in "generated file has one leaving employee" "$WORK/err" "(1 leaving, 2 departed)"

run evaluate "$WORK/gen.json"
expect_status "evaluate the generated file" 0
expect_in "evaluate writes the evaluation" "$WORK/out" '"format": "baton-evaluation"'
cp "$WORK/out" "$WORK/eval-stdout.json"

run evaluate "$WORK/gen.json" --out "$WORK/eval.json"
expect_status "evaluate with --out" 0
expect_empty "evaluate with --out writes nothing to stdout" "$WORK/out"
same_files "evaluate --out matches stdout" "$WORK/eval.json" "$WORK/eval-stdout.json"

run evaluate "$WORK/gen.json" --policy "$FIXTURES/policy_equal.json"
expect_status "evaluate with a bare policy file" 0

run allocate "$WORK/gen.json"
expect_status "allocate the generated file" 0
expect_in "allocate writes the result" "$WORK/out" '"format": "baton-allocation"'
if grep -qE '"input_sha256": "[0-9a-f]{64}"' "$WORK/out"; then pass; else fail "allocate gives an input hash"; fi
cp "$WORK/out" "$WORK/alloc-1.json"

run allocate "$WORK/gen.json" --out "$WORK/alloc-2.json"
expect_status "allocate with --out" 0
same_files "allocate is deterministic" "$WORK/alloc-1.json" "$WORK/alloc-2.json"
expect_in "allocate sums up on standard error" "$WORK/err" "baton: placed "

# --timings prints each step's times to standard error and leaves the result as it is.
run allocate "$WORK/gen.json" --timings --out "$WORK/alloc-timed.json"
expect_status "allocate --timings" 0
same_files "--timings leaves the result unchanged" "$WORK/alloc-1.json" "$WORK/alloc-timed.json"
expect_in "--timings names the evaluation" "$WORK/err" "timing: evaluate"
expect_in "--timings names the auction phase" "$WORK/err" "timing:   allocate 2b auction"

# Every receiver on leave: nothing can be placed, which is a warning, not silence.
python3 - "$FIXTURES/small.json" "$WORK/nobody.json" <<'PY'
import json, sys
workspace = json.load(open(sys.argv[1]))
for e in workspace["employees"]:
    if e["status"] == "active":
        e["status"] = "on_leave"
json.dump(workspace, open(sys.argv[2], "w"))
PY
run allocate "$WORK/nobody.json" --out "$WORK/nobody-result.json"
expect_status "allocate with no receiver" 0
expect_in "allocate warns that nothing was placed" "$WORK/err" \
    "baton: warning: placed 0 of 2 released clients; 2 unassigned, the first: C1 (no_eligible_employee"
run validate "$WORK/nobody.json"
expect_status "validate with no receiver" 0
expect_in "validate names the missing receivers and the fix" "$WORK/err" \
    "nobody.json: warning: /employees: no active employee can receive clients (employees: 1 departed, 2 on leave), so allocate places none of the 2 released clients: set at least one employee's status to \"active\""

# Every fit weight at 0: validate warns, and the rules say that the fit chooses no one.
python3 - "$FIXTURES/small.json" "$WORK/zero_fit.json" <<'PY'
import json, sys
workspace = json.load(open(sys.argv[1]))
workspace["policy"]["fit"] = {"weights": {k: 0 for k in
                              ["prefers", "industry", "region", "language", "continuity"]}}
json.dump(workspace, open(sys.argv[2], "w"))
PY
run validate "$WORK/zero_fit.json"
expect_status "validate with every fit weight at 0" 0
expect_in "validate names the fit weights and the fix" "$WORK/err" \
    "zero_fit.json: warning: /policy/fit/weights: every fit weight is 0 (a negative weight counts as 0), so every fit is 0 and the fit cannot prefer one employee over another: give at least one of prefers, industry, region, language or continuity a weight above 0"
run rules "$WORK/zero_fit.json"
expect_status "rules with every fit weight at 0" 0
expect_in "rules say that the fit chooses nobody" "$WORK/out" \
    "Every fit weight is 0, so F is 0 for every client and employee: fit does not choose who receives a client."
if grep -qF "sum of the fit weights (0)" "$WORK/out"; then fail "rules divide by a sum of 0"; else pass; fi
run allocate "$WORK/zero_fit.json"
expect_status "allocate with every fit weight at 0" 0
expect_in "the result notes the tie" "$WORK/out" "policy fit.weights are all 0, so every fit is 0"

run allocate "$WORK/gen.json" --seed 7
expect_status "allocate with --seed" 0
expect_in "allocate uses the seed" "$WORK/out" '"seed": 7'

run allocate "$WORK/gen.json" --policy "$WORK/gen.json" --seed 7 --out "$WORK/alloc-policy.json"
expect_status "allocate with a workspace as policy" 0

run allocate "$WORK/gen.json" --baseline round_robin
expect_status "allocate a baseline" 0
expect_in "baseline is the method" "$WORK/out" '"method": "round_robin"'

printf 'client,employee\n' >"$WORK/proposal.csv"
run allocate "$WORK/gen.json" --baseline proposal --proposal "$WORK/proposal.csv"
expect_status "allocate an empty manual proposal" 0
expect_in "proposal is the method" "$WORK/out" '"method": "proposal"'
expect_in "an empty proposal warns" "$WORK/err" "the proposal has its header but no pairs"
# A proposal whose ids the workspace lacks is rejected at the entry's line. One with known
# ids that breaks a rule is allocated, with a warning about the breach.
printf 'client,employee\nC9999,E9999\n' >"$WORK/bad_proposal.csv"
run allocate "$WORK/gen.json" --proposal "$WORK/bad_proposal.csv"
expect_status "allocate with a proposal of unknown ids" 1
expect_in "unknown proposal id names the line" "$WORK/err" 'line 2'
expect_in "unknown proposal id names the id" "$WORK/err" 'no employee has the id "E9999"'
printf 'client,employee\nC1,E3\n' >"$WORK/rule_proposal.csv"
run allocate "$FIXTURES/small.json" --proposal "$WORK/rule_proposal.csv"
expect_status "allocate with a proposal that breaks rules" 0
expect_in "proposal breaches are warned about" "$WORK/err" "warning: the proposal"

# A pair to a departed employee and a pair of a client the policy keeps are warnings at their
# lines, and the review explains the client it could not place as proposed.
printf 'client,employee\nC1,E3\nC3,E2\n' >"$WORK/unplaceable.csv"
run allocate "$FIXTURES/small.json" --baseline proposal --proposal "$WORK/unplaceable.csv"
expect_status "allocate a proposal with unplaceable pairs" 0
expect_in "a pair to a departed employee is warned about" "$WORK/err" \
    "unplaceable.csv: warning: C1 → E3: E3 is departed, and only active employees receive clients"
expect_in "a pair of a kept client is warned about" "$WORK/err" \
    "C3 → E2: C3 is not released under the policy, so the review leaves this pair out"
expect_in "the review names the refused pair" "$WORK/out" \
    "the proposal gives this client to E3, who is departed and may not receive clients"

# A client listed twice in a proposal is a warning naming both entries and the one that counts.
printf 'client,employee\nC1,E1\nC2,E2\nC1,E2\n' >"$WORK/twice.csv"
run allocate "$FIXTURES/small.json" --baseline proposal --proposal "$WORK/twice.csv"
expect_status "allocate a proposal that lists a client twice" 0
expect_in "a repeated client is warned about with both lines" "$WORK/err" \
    "twice.csv: warning: client \"C1\" is listed twice: line 2 gives it to \"E1\" and line 4 to \"E2\"; the first entry (line 2) counts"
if grep -A2 '"client": "C1",' "$WORK/out" | grep -q '"employee": "E1"'; then pass
else fail "the first entry of a repeated client counts"; fi
printf '{"assignments": [{"client": "C2", "employee": "E2"}, {"client": "C2", "employee": "E1"}]}' \
    >"$WORK/twice.json"
run allocate "$FIXTURES/small.json" --proposal "$WORK/twice.json"
expect_status "allocate with a JSON proposal that lists a client twice" 0
expect_in "a repeated client in JSON names both pointers" "$WORK/err" \
    "twice.json: warning: /assignments/1: client \"C2\" is listed twice: /assignments/0 gives it to \"E2\" and /assignments/1 to \"E1\""

run rules "$WORK/gen.json" --lang zh
expect_status "rules with the zh alias" 0

run allocate "$WORK/gen.json" --seed -1
expect_status "allocate with a negative seed" 2
run allocate "$WORK/gen.json" --seed 99999999999999999999999
expect_status "allocate with a seed past 2^64" 2
