#!/usr/bin/env bash
# Tests of the `baton` command-line tool's behaviour: exit statuses, standard output
# against standard error, --out, and generate -> validate -> evaluate -> allocate. The
# usage errors (exit status 2) are tested in usage.sh.
# Usage: tests/cli/run.sh BATON_BINARY
# Ends with one line "N passed, N failed" and exits non-zero when a test failed.
set -u

. "$(dirname "$0")/lib.sh"
FIXTURES="$HERE/../fixtures/cli"

# --- unreadable or invalid input: status 1 ---------------------------------------------
run validate "$WORK/missing.json"
expect_status "validate a missing file" 1
expect_in "missing file names the path" "$WORK/err" "$WORK/missing.json"
expect_in "missing file gives the OS reason" "$WORK/err" "No such file or directory"

run validate "$WORK"
expect_status "validate a directory" 1
expect_in "directory gives the OS reason" "$WORK/err" "Is a directory"

run validate "$FIXTURES/bad_syntax.json"
expect_status "validate a syntax error" 1
expect_in "syntax error has line and column" "$WORK/err" "line 4, column 17"
expect_empty "syntax error writes nothing to stdout" "$WORK/out"

: > "$WORK/empty.json"
run validate "$WORK/empty.json"
expect_status "validate an empty file" 1
expect_in "empty file is called empty" "$WORK/err" "the file is empty"

python3 - "$FIXTURES/small.json" "$WORK/negative.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
ws["clients"][0]["revenue_12m"] = -500
json.dump(ws, open(sys.argv[2], "w"))
PY
run validate "$WORK/negative.json"
expect_status "validate a negative revenue" 0
expect_in "negative revenue is a warning" "$WORK/err" "warning: /clients: 1 client flagged negative_revenue"

printf '{"format": "baton-allocation", "assignments": [' > "$WORK/truncated_result.json"
run verify "$FIXTURES/small.json" "$WORK/truncated_result.json"
expect_status "verify a truncated result" 1
expect_in "truncated result gives line, column and offset" "$WORK/err" "line 1, column 48, byte offset 47: invalid JSON"

run validate "$FIXTURES/bad_owner.json"
expect_status "validate an unknown owner" 1
expect_in "unknown owner names the pointer" "$WORK/err" "/clients/0/owner: owner \"E9\""
expect_in "number id is reported too" "$WORK/err" "/clients/1/id: ids are text"

run evaluate "$FIXTURES/small.json" --policy "$FIXTURES/policy_bad.json"
expect_status "evaluate with an invalid policy" 1
expect_in "invalid policy names the pointer" "$WORK/err" "/entitlement/alpha"

# A misspelt weight or block is a warning with its JSON path and a suggestion; the key is kept.
sed 's/"policy": {"as_of": "2026-11-30", "seed": 3}/"policy": {"as_of": "2026-11-30", "seed": 3, "value": {"weights": {"potentail": 0.3}}, "fitt": {}}/' \
    "$FIXTURES/small.json" >"$WORK/typo_policy.json"
run validate "$WORK/typo_policy.json"
expect_status "validate a misspelt policy weight" 0
expect_in "a misspelt weight names its path and the near key" "$WORK/err" \
    'typo_policy.json: warning: /policy/value/weights/potentail: unknown weight "potentail"; did you mean "potential"?'
expect_in "a misspelt block names its path and the near key" "$WORK/err" \
    'typo_policy.json: warning: /policy/fitt: unknown key "fitt"; did you mean "fit"?'
run evaluate "$FIXTURES/small.json" --policy "$WORK/typo_policy.json" --out "$WORK/typo_eval.json"
expect_in "a policy file's misspelt weight is warned about" "$WORK/err" \
    'typo_policy.json: warning: /policy/value/weights/potentail'

# Number causes: a whole number too large, a number past a double, a file in GBK.
sed 's/"status": "active", "skills": \["lang:zh"\]}/"status": "active", "capacity": {"max_clients": 1e30}}/' \
    "$FIXTURES/small.json" >"$WORK/huge_capacity.json"
run validate "$WORK/huge_capacity.json"
expect_status "validate a max_clients of 1e30" 1
expect_in "1e30 is too large, with the range" "$WORK/err" \
    "/employees/0/capacity/max_clients: is too large: it must be a whole number from 0 to 1000000000, found 1e+30"
printf '{"format": "baton-workspace", "version": 1, "company": {"name": "\xc9\xee\xdb\xda"},\n "employees": [], "clients": []}\n' \
    >"$WORK/gbk.json"
run validate "$WORK/gbk.json"
expect_status "validate a workspace saved as GBK" 1
expect_in "a GBK workspace is named GBK, at its line and column" "$WORK/err" \
    "line 1, column 66, byte offset 65: the file is not UTF-8 text: it looks like GBK/GB18030"
if grep -q "fix the syntax" "$WORK/err"; then fail "a GBK workspace is not a syntax error"; else pass; fi
printf 'id,name,potential\nC1,Acme,500\nC2,Beta,-5\n' >"$WORK/neg_potential.csv"
run import --clients "$WORK/neg_potential.csv" --out "$WORK/neg_potential.json"
expect_status "import a negative potential" 1
expect_in "a negative potential names the file, row and column" "$WORK/err" \
    'neg_potential.csv row 3, column "potential": "-5" is out of range: potential must be 0 or more'
printf 'id,name,status,max_clients\nE1,Ann,active,1e30\n' >"$WORK/huge_staff.csv"
run import --employees "$WORK/huge_staff.csv" --out "$WORK/huge_staff.json"
expect_status "import a max_clients of 1e30" 1
expect_in "a 1e30 cell is too large, with the range" "$WORK/err" \
    '"1e30" is too large: max_clients must be a whole number from 0 to 1000000000'
printf 'client,date,amount\nC1,2023-01-01,1e999\n' >"$WORK/huge_amount.csv"
run import --transactions "$WORK/huge_amount.csv" --out "$WORK/huge_amount.json"
expect_status "import an amount of 1e999" 1
expect_in "1e999 is out of range, not 'not a number'" "$WORK/err" '"1e999" is out of range'

run allocate "$FIXTURES/small.json" --policy "$FIXTURES/policy_unknown_pin.json"
expect_status "allocate with a pin of an unknown client" 1
expect_in "unknown pin names the pointer" "$WORK/err" "/pins/0/client: client \"C404\""

run allocate "$FIXTURES/small.json" --proposal "$WORK/none.csv"
expect_status "allocate with a missing proposal" 1
expect_in "missing proposal names the path" "$WORK/err" "$WORK/none.csv"

run evaluate "$FIXTURES/small.json" --out "$WORK/no/such/dir/e.json"
expect_status "evaluate to an unwritable path" 1
expect_in "unwritable path gives the OS reason" "$WORK/err" "No such file or directory"

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

run verify "$WORK/gen.json" "$WORK/alloc-1.json"
expect_status "verify the fair result" 0
expect_in "verify says what it leaves out" "$WORK/err" \
    'passes every check; its free-text "reasons", "detail" and "notes" sentences and each witness'"'"'s "constraint" are not checked'

# Edits of one field at a time that a new user tried: each is a breach naming the field,
# except the free-text notes, which the pass message names as not checked.
python3 - "$WORK/alloc-1.json" "$WORK/edit" <<'PY'
import json, sys
def edited(name, change):
    result = json.load(open(sys.argv[1]))
    change(result)
    json.dump(result, open(sys.argv[2] + "-" + name + ".json", "w"))
def breakdown(r):
    r["assignments"][0]["breakdown"]["fit"]["industry"] += 0.5
def witness(r):
    r["certificates"]["wef1_value"] = False
    r["certificates"]["witnesses"] = []
def baseline(r):
    r["baselines"]["round_robin"]["figures"]["total_fit"] = 100000
edited("breakdown", breakdown)
edited("witness", witness)
edited("baseline", baseline)
edited("method", lambda r: r.update(method="round_robin"))
edited("version", lambda r: r.update(version=2))
edited("policy-version", lambda r: r.update(policy_version=99))
edited("seed", lambda r: r.update(seed=r["seed"] + 1))
edited("notes", lambda r: r.update(notes=["all fair, trust me"]))
def received(r):
    r["employees"][0]["received_value"] = round(r["employees"][0]["received_value"] + 0.0004, 4)
edited("received", received)
PY
run verify "$WORK/gen.json" "$WORK/edit-breakdown.json"
expect_status "verify an edited fit breakdown" 1
expect_in "an edited breakdown names the pointer and both values" "$WORK/err" \
    "/assignments/0/breakdown/fit/industry: reported"
run verify "$WORK/gen.json" "$WORK/edit-witness.json"
expect_status "verify a failed certificate without a witness" 1
expect_in "a missing witness is named" "$WORK/err" \
    "certificate wef1_value is reported false, but /certificates/witnesses has no witness of it"
run verify "$WORK/gen.json" "$WORK/edit-baseline.json"
expect_status "verify an edited baseline figure" 1
expect_in "an edited baseline figure is out of range" "$WORK/err" \
    "/baselines/round_robin/figures/total_fit 100000 is outside 0 to"
run verify "$WORK/gen.json" "$WORK/edit-method.json"
expect_status "verify a fair result that claims a baseline method" 1
expect_in "a wrong method names the baseline's figures" "$WORK/err" \
    'method "round_robin": /figures/total_fit'
run verify "$WORK/gen.json" "$WORK/edit-version.json"
expect_status "verify a result of another format version" 1
expect_in "another format version is rejected" "$WORK/err" \
    "/version: format version 2 is not one this build reads (it reads 1)"
run verify "$WORK/gen.json" "$WORK/edit-policy-version.json"
expect_status "verify an edited policy_version" 1
expect_in "an edited policy_version names the policy's version" "$WORK/err" \
    "policy_version 99 is not the version of the result's own policy, 1 (/policy/version)"
run verify "$WORK/gen.json" "$WORK/edit-seed.json"
expect_status "verify an edited seed" 1
expect_in "an edited seed names the policy's seed" "$WORK/err" \
    "is not the seed of the result's own policy"
run verify "$WORK/gen.json" "$WORK/edit-notes.json"
expect_status "verify edited notes" 0
expect_in "edited notes are named as not checked" "$WORK/err" '"notes" sentences'
run verify "$WORK/gen.json" "$WORK/edit-received.json"
expect_status "verify a received value edited in the fourth decimal" 1
expect_in "one breach reads as one" "$WORK/err" "1 breach in"
if grep -qE "received_value: reported ([0-9.]+), recomputed \1$" "$WORK/err"; then
    fail "a breach prints two equal numbers"
else
    pass
fi

# A result made under relaxed limits is checked under its own policy, and verify lists where
# that policy differs from the workspace's.
python3 - "$WORK/alloc-1.json" "$WORK/relaxed.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
result["policy"]["constraints"]["default_max_workload"] = 1000
json.dump(result, open(sys.argv[2], "w"))
PY
run verify "$WORK/gen.json" "$WORK/relaxed.json"
expect_in "a relaxed policy is listed with both values" "$WORK/err" \
    "note:   policy/constraints/default_max_workload: 1000 in the result, null in the workspace"
run verify "$WORK/gen.json" "$WORK/alloc-1.json"
if grep -q "differs from the policy of" "$WORK/err"; then
    fail "a result under the workspace's own policy gets a policy note"
else
    pass
fi

# Made-up explanation codes are breaches that name the field and the codes allowed there.
python3 - "$WORK/alloc-1.json" "$WORK/nobody-result.json" "$WORK/codes" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
result["assignments"][0]["won_because"] = "bribery"
result["assignments"][0]["reasons"] = ["because I said so"]
json.dump(result, open(sys.argv[3] + "-won.json", "w"))
result = json.load(open(sys.argv[1]))
runner = next(a for a in result["assignments"] if a["runners_up"])
runner["runners_up"][0]["lost_because"] = "bad_luck"
json.dump(result, open(sys.argv[3] + "-lost.json", "w"))
result = json.load(open(sys.argv[2]))
result["unassigned"][0]["reason"] = "budget"
json.dump(result, open(sys.argv[3] + "-reason.json", "w"))
PY
first=$(python3 -c 'import json, sys
a = json.load(open(sys.argv[1]))["assignments"][0]
print(a["client"] + " → " + a["employee"])' "$WORK/alloc-1.json")
run verify "$WORK/gen.json" "$WORK/codes-won.json"
expect_status "verify a made-up won_because" 1
expect_in "a made-up won_because names the field and the codes" "$WORK/err" \
    "breach: $first: /assignments/0/won_because \"bribery\" is not a won_because code; use one of best_fit, only_eligible, pinned, continuity, fairness_balance"
run verify "$WORK/gen.json" "$WORK/codes-lost.json"
expect_status "verify a made-up lost_because" 1
expect_in "a made-up lost_because names the field" "$WORK/err" \
    '/runners_up/0/lost_because "bad_luck" is not a lost_because code; use one of capacity_full,'
run verify "$WORK/nobody.json" "$WORK/codes-reason.json"
expect_status "verify a made-up unassigned reason" 1
expect_in "a made-up reason names the client and the field" "$WORK/err" \
    'breach: unassigned C1: /unassigned/0/reason "budget" is not an unassigned reason code; use one of no_eligible_employee,'
# report and export --result warn about such a result and still write their output.
run export "$WORK/gen.json" --result "$WORK/codes-won.json" --out "$WORK/codes.csv"
expect_status "export a result with a made-up code" 0
expect_in "export warns about the made-up code" "$WORK/err" \
    'codes-won.json fails verify with 1 breach: '"$first"': /assignments/0/won_because "bribery"'

run rules "$WORK/gen.json" --lang zh
expect_status "rules with the zh alias" 0

# A result checked against another workspace names the input hash.
"$BATON" generate --seed 99 --employees 6 --clients 40 --out "$WORK/other.json" 2>/dev/null
run verify "$WORK/other.json" "$WORK/alloc-1.json"
expect_status "verify a result against another workspace" 1
expect_in "verify names the input hash" "$WORK/err" "is not the hash of this workspace"

# A result that a finalised cycle locked is checked against the workspace before the final.
# The Python below makes the final's changes by hand: owners and open deals move to the
# result's employees, and the cycle record keeps the moves, the deals whose employee was not
# the client's owner, handover tasks and outcomes.
python3 - "$WORK/gen.json" "$WORK/alloc-1.json" "$WORK/final.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
result = json.load(open(sys.argv[2]))
owner = {c["id"]: c.get("owner") for c in ws["clients"]}
new = {a["client"]: a["employee"] for a in result["assignments"]}
leavers = [{"employee": e["id"], "status": e["status"], "last_day": e.get("last_day")}
           for e in ws["employees"] if e.get("status") in ("leaving", "departed")]
moves, deal_moves = [], []
for c in ws["clients"]:
    if c["id"] in new and c.get("owner") != new[c["id"]]:
        moves.append({"client": c["id"], "from": c.get("owner"), "to": new[c["id"]]})
        c["owner"] = new[c["id"]]
for d in ws.get("deals", []):
    if d["client"] in new and d.get("stage", "open") == "open":
        if d["employee"] != owner[d["client"]]:
            deal_moves.append({"deal": d["id"], "client": d["client"], "from": d["employee"],
                               "to": new[d["client"]]})
        d["employee"] = new[d["client"]]
moves.sort(key=lambda m: m["client"])
task = lambda name, due, done: {"task": name, "due": due, "status": "done" if done else "open",
                                 "done_on": "2027-01-05" if done else None}
handovers = [{"client": m["client"], "from": m["from"], "to": m["to"],
              "tasks": [task("introduce", "2027-01-08", i == 0),
                        task("first_contact", "2027-01-15", False)]}
             for i, m in enumerate(moves)]
outcomes = [{"client": m["client"], "outcome": "lost" if i == 1 else "retained",
             "satisfaction": 4, "revenue_since": 100, "date": "2027-02-01"}
            for i, m in enumerate(moves[:3])]
dates = {"departure": "2026-12-01", "rules_published": "2026-12-02", "proposal": "2026-12-03",
         "objection_end": "2026-12-17", "objections_closed": "2026-12-18",
         "final": "2027-01-01", "handover_due": "2027-01-15", "handover": "2027-01-02",
         "follow_ups": ["2027-01-31"], "follow_up": "2027-02-01", "closed": None}
ws["cycles"] = [{"id": "cycle-1", "stage": "follow_up", "dates": dates, "leavers": leavers,
                 "keep": [], "policy": ws.get("policy"),
                 "overrides": {"pins": [], "forbids": []}, "proposal": result,
                 "rerun": None, "final_source": "proposal", "appeals": [], "moves": moves,
                 "deal_moves": deal_moves, "handovers": handovers, "outcomes": outcomes}]
json.dump(ws, open(sys.argv[3], "w"))
PY
run validate "$WORK/final.json"
expect_status "validate a workspace after the final" 0
if grep -q "/cycles/" "$WORK/err"; then fail "a cycle written as the final writes it gets a warning"
else pass; fi
run verify "$WORK/final.json" "$WORK/alloc-1.json"
expect_status "verify the result a final locked" 0
expect_in "verify names the workspace before the final" "$WORK/err" \
    "passes every check against the workspace before the final of cycle-1"
run report "$WORK/final.json" "$WORK/alloc-1.json"
expect_status "report the result a final locked" 0
if grep -q "fails verification" "$WORK/out"; then fail "the report of a locked result warns"
else pass; fi
expect_in "report has the handover section" "$WORK/out" "## Handover"
expect_in "report names an overdue task" "$WORK/out" "Overdue tasks:"
expect_in "report has the follow-up section" "$WORK/out" "## Follow-up"
expect_in "report counts the outcomes" "$WORK/out" "3 of "
expect_in "report gives the retention rate" "$WORK/out" "a retention rate of 66.7%"
run report "$WORK/final.json" "$WORK/alloc-1.json" --lang zh-CN
expect_in "Chinese report has the follow-up section" "$WORK/out" "## 回访"
# An edit after the final that the cycle record cannot undo: a client that was not moved
# gets another owner.
python3 - "$WORK/final.json" "$WORK/final-edited.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
moved = {m["client"] for m in ws["cycles"][0]["moves"]}
client = next(c for c in ws["clients"] if c["id"] not in moved and c.get("owner"))
client["owner"] = next(e["id"] for e in ws["employees"]
                       if e.get("status", "active") == "active" and e["id"] != client["owner"])
json.dump(ws, open(sys.argv[2], "w"))
PY
run verify "$WORK/final-edited.json" "$WORK/alloc-1.json"
expect_status "verify a locked result after an edit" 1
expect_in "verify says the workspace was edited" "$WORK/err" "edited after the final"
expect_in "verify says what is not proven" "$WORK/err" "is not proven"
python3 - "$WORK/final.json" "$WORK/final-bad-ids.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
cycle = ws["cycles"][0]
cycle["appeals"] = [{"id": "A1", "employee": cycle["moves"][0]["to"], "clients": ["C9999"],
                     "kind": "pin", "reason": "served before", "filed": "2026-12-05",
                     "status": "rejected", "decision_reason": "no", "decided": "2026-12-06"}]
cycle["moves"][0]["to"] = "E99"
json.dump(ws, open(sys.argv[2], "w"))
PY
run validate "$WORK/final-bad-ids.json"
expect_status "validate hand-edited cycle ids" 0
expect_in "validate warns about the appeal's client" "$WORK/err" \
    "warning: /cycles/0/appeals/0/clients/0: cycle cycle-1: client C9999 is not in the workspace"
expect_in "validate warns about the move's employee" "$WORK/err" \
    "warning: /cycles/0/moves/0/to: cycle cycle-1: employee E99 is not in the workspace"

# Nesting deeper than the limit is rejected with a position, not a crash.
{ printf '{"format": "baton-workspace", "version": 1, "deep": '
  for _ in $(seq 1 200); do printf '['; done
  for _ in $(seq 1 200); do printf ']'; done
  printf ', "employees": [], "clients": []}'; } >"$WORK/deep.json"
run validate "$WORK/deep.json"
expect_status "validate deeply nested JSON" 1
expect_in "validate names the nesting limit" "$WORK/err" "nest deeper than 128 levels"

run allocate "$WORK/gen.json" --seed -1
expect_status "allocate with a negative seed" 2
run allocate "$WORK/gen.json" --seed 99999999999999999999999
expect_status "allocate with a seed past 2^64" 2

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

# --- export: XLSX and CSV ---------------------------------------------------------------
run export "$WORK/gen.json" --out "$WORK/tables.xlsx"
expect_status "export the workspace as xlsx" 0
if head -c 4 "$WORK/tables.xlsx" | grep -q "^PK"; then pass; else fail "export xlsx: not a zip"; fi
if command -v python3 >/dev/null; then
    python3 - "$WORK/tables.xlsx" >"$WORK/out" 2>"$WORK/err" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, "a member fails its CRC check"
names = set(z.namelist())
for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml",
             "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet5.xml"]:
    assert part in names, part + " is missing"
print(z.read("xl/workbook.xml").decode("utf-8"))
PY
    status=$?
    expect_status "export xlsx passes python zipfile checks" 0
    expect_in "export xlsx names the clients sheet" "$WORK/out" 'name="clients"'
fi
# The workbook imports back, table by table, with the system user's kind and every deal.
run import --employees "$WORK/tables.xlsx" --clients "$WORK/tables.xlsx" \
    --transactions "$WORK/tables.xlsx" --deals "$WORK/tables.xlsx" \
    --relationships "$WORK/tables.xlsx" --out "$WORK/roundtrip.json"
expect_status "import the exported workbook" 0
expect_in "the system user keeps its kind" "$WORK/roundtrip.json" '"kind": "system"'
expect_in "deals stay deals" "$WORK/err" "lost deals were kept as deals in their stage"
expect_in "the missing policy is warned about" "$WORK/err" "warning policy_not_in_workbook"
expect_in "the warning names --policy" "$WORK/err" "--policy ORIGINAL.json"
for stage in won lost open; do
    before=$(grep -o "\"stage\": *\"$stage\"" "$WORK/gen.json" | wc -l)
    after=$(grep -o "\"stage\": *\"$stage\"" "$WORK/roundtrip.json" | wc -l)
    if [ "$before" -gt 0 ] && [ "$before" -eq "$after" ]; then pass
    else fail "round trip keeps $stage deals: $before before, $after after"; fi
done
run allocate "$WORK/roundtrip.json" --seed 7 --out "$WORK/roundtrip-result.json"
expect_status "allocate the imported workbook" 0
if grep -q '"employee": *"SYS"' "$WORK/roundtrip-result.json"; then
    fail "the system user SYS received clients after the round trip"
else pass; fi

run export "$WORK/gen.json" --result "$WORK/alloc-1.json" --out "$WORK/assignments.csv"
expect_status "export assignments as csv" 0
if head -c 3 "$WORK/assignments.csv" | od -An -tx1 | grep -q "ef bb bf"; then pass
else fail "export csv: no UTF-8 byte order mark"; fi
expect_in "export csv has the header" "$WORK/assignments.csv" "client,client_name,previous_owner"
run export "$WORK/gen.json" --result "$WORK/alloc-1.json" --encoding gb18030 \
    --out "$WORK/assignments-gb.csv"
expect_status "export assignments as gb18030 csv" 0
# Text cells that a spreadsheet would run as formulas get a leading ' in both encodings.
run allocate "$FIXTURES/formula_names.json" --out "$WORK/formula-result.json"
expect_status "allocate clients with formula names" 0
for encoding in utf-8 gb18030; do
    run export "$FIXTURES/formula_names.json" --result "$WORK/formula-result.json" \
        --encoding "$encoding" --out "$WORK/formula-$encoding.csv"
    expect_status "export formula names as $encoding csv" 0
    expect_in "$encoding csv escapes =" "$WORK/formula-$encoding.csv" \
        "C1,\"'=HYPERLINK(\"\"http://127.0.0.1/x\"\",\"\"click\"\")\",E2,E1,'@SUM(1+1)*cmd,"
    expect_in "$encoding csv escapes - and +" "$WORK/formula-$encoding.csv" "'-C2,'+86 10 1234,E2,"
done
run export "$WORK/gen.json" --result "$WORK/alloc-1.json" --out "$WORK/assignments.xlsx"
expect_status "export assignments as xlsx" 0
run export "$WORK/gen.json" --out "$WORK/tables.csv"
expect_status "export the workspace as csv" 2
expect_in "export csv without a result says why" "$WORK/err" "exported as .xlsx only"
run export "$WORK/gen.json" --out "$WORK/tables.txt"
expect_status "export to an unknown extension" 2
run export "$WORK/gen.json" --result "$WORK/gen.json" --out "$WORK/x.xlsx"
expect_status "export with a workspace as the result" 1
expect_in "export names the bad result" "$WORK/err" "is not an allocation result"


# --- import and validate: bad input gets messages that name the place -------------------
# Line 3 is UTF-8, the others GBK ("中文", "客户"): read line by line, with a warning.
printf 'id,name\nC1,\xd6\xd0\xce\xc4\nC2,\xe5\xae\xa2\xe6\x88\xb7\nC3,\xbf\xcd\xbb\xa7\n' \
    > "$WORK/mixed.csv"
run import --clients "$WORK/mixed.csv" --today tomorrow --out "$WORK/today.json"
expect_status "import with --today that is no date" 2
expect_in "import names the bad --today" "$WORK/err" '--today must be a date as YYYY-MM-DD, found "tomorrow"'

run import --clients "$WORK/mixed.csv" --out "$WORK/mixed.json"
expect_status "import of a mixed-encoding csv" 0
expect_in "mixed encoding is warned about" "$WORK/err" "1 line in UTF-8 (line 3)"
expect_in "mixed encoding lines are read" "$WORK/mixed.json" '"name": "客户"'
run import --clients "$WORK/mixed.csv" --encoding utf-8 --out "$WORK/x.json"
expect_status "forced utf-8 on gbk lines" 1
expect_in "the command line names --encoding" "$WORK/err" "choose its encoding with --encoding"
# A UTF-8 file with a byte order mark, read with --encoding gb18030, is named as UTF-8.
printf '\xef\xbb\xbfid,name\nC1,\xe5\xae\xa2\xe6\x88\xb7\n' > "$WORK/bom.csv"
run import --clients "$WORK/bom.csv" --encoding gb18030 --out "$WORK/x.json"
expect_status "utf-8 with a byte order mark forced to gb18030" 1
expect_in "the byte order mark is named" "$WORK/err" \
    "bom.csv: the file starts with a UTF-8 byte order mark (bytes EF BB BF)"
expect_in "the fix names --encoding" "$WORK/err" \
    "drop --encoding gb18030 to have the encoding detected, or pass --encoding utf-8"
run import --clients "$WORK/bom.csv" --out "$WORK/x.json"
expect_status "utf-8 with a byte order mark detected" 0
printf 'code,label\nC1,Ann\n' > "$WORK/no_id.csv"
run import --clients "$WORK/no_id.csv" --out "$WORK/x.json"
expect_status "import without an id column" 1
expect_in "no id column lists the headers read" "$WORK/err" \
    'with one of the headers read: "code", "label"'
printf 'product\nGTX Pro\nMG Special\n' > "$WORK/products.csv"
printf 'client,employee,amount,date,product\nC1,E1,10,2024-01-01,GTXPro\n' > "$WORK/sales.csv"
run import --transactions "$WORK/sales.csv" --products "$WORK/products.csv" \
    --today 2025-01-01 --out "$WORK/x.json"
expect_status "import with an unknown product" 0
expect_in "unknown product gets a suggestion" "$WORK/err" \
    'product "GTXPro" is not in the product list; did you mean "GTX Pro"?'
# One unknown product on many rows is one warning that counts the rows.
printf 'client,employee,amount,date,product\n' > "$WORK/many.csv"
for i in $(seq 1 40); do printf 'C%d,E1,10,2024-01-01,GTXPro\n' "$i" >> "$WORK/many.csv"; done
run import --transactions "$WORK/many.csv" --products "$WORK/products.csv" \
    --today 2025-01-01 --out "$WORK/x.json"
expect_status "import with a repeated unknown product" 0
expect_in "repeated unknown product names the rows once" "$WORK/err" \
    'many.csv column "product", 40 rows (2, 3, 4 and 37 more): product "GTXPro" is not in'
if ! grep -q 'many.csv row' "$WORK/err"; then pass; else fail "repeated product: listed by row"; fi
# A header that names two columns is warned about, with the column read.
printf '订货日期,客户,客户,负责人,金额\n2024-01-05,Acme,Beta,Ann,100\n' > "$WORK/dup_columns.csv"
run import --transactions "$WORK/dup_columns.csv" --today 2025-01-01 --out "$WORK/x.json"
expect_status "import with a repeated header" 0
expect_in "repeated header names both columns" "$WORK/err" \
    'row 1, column "客户": the header "客户" names columns 2 (B), 3 (C); column 2 (B) is read as client'
# A long value is quoted by its start and its length.
python3 - "$WORK/long_id.csv" <<'PY'
import sys
long_id = "A" * 1000
open(sys.argv[1], "w").write("id,name\n%s,Acme\n%s,Beta\n" % (long_id, long_id))
PY
run import --clients "$WORK/long_id.csv" --out "$WORK/x.json"
expect_status "import with a long duplicate id" 1
expect_in "long duplicate id is quoted by its start" "$WORK/err" \
    "$(printf 'A%.0s' $(seq 60))…\" (1000 characters) is also"
if ! grep -q "$(printf 'A%.0s' $(seq 61))" "$WORK/err"; then pass
else fail "long duplicate id: quoted whole"; fi
# A file of blank lines is empty, not a header without rows.
printf '  \n\t\n\n' > "$WORK/blank.csv"
run import --clients "$WORK/blank.csv" --out "$WORK/x.json"
expect_status "import of a file of blank lines" 1
expect_in "file of blank lines is called empty" "$WORK/err" \
    "blank.csv is empty: it has no header row and no data, at most blank lines; export it again"
# In a clients table, "client" beside "name" is the id.
printf 'client,name\nC1,Acme\n' > "$WORK/client_name.csv"
run import --clients "$WORK/client_name.csv" --out "$WORK/client_name.json"
expect_status "import of clients with client and name" 0
expect_in "the client column is the id" "$WORK/client_name.json" '"id": "C1"'
expect_in "the id column is stated" "$WORK/err" \
    'client_name.csv: column "client" is read as the client id and column "name" as the name'
printf 'id,name\nC1,Ann\n' > "$WORK/clients.xlsx"
run import --clients "$WORK/clients.xlsx" --out "$WORK/x.json"
expect_status "import of a csv named .xlsx" 1
expect_in "the .xlsx name is read as a workbook" "$WORK/err" \
    "cannot read the file as an XLSX workbook"
# An unquoted comma splits a value into two cells: an error naming the row, not lost text.
printf 'id,name,status\nE1,Ann,active\nE2,Bob,leaving\n' > "$WORK/emp.csv"
printf 'id,name,owner,notes\nC8,Gamma,E1,call Monday, then email the CFO\n' > "$WORK/notes.csv"
run import --employees "$WORK/emp.csv" --clients "$WORK/notes.csv" --out "$WORK/notes.json"
expect_status "import of a row with more cells than the header" 1
expect_in "extra cells name the row and the counts" "$WORK/err" \
    'notes.csv row 2: the row has 5 cells but the header has 4 columns'
expect_in "extra cells advice names --map" "$WORK/err" \
    'set tables.clients.delimiter in the mapping file passed with --map'
if [ ! -e "$WORK/notes.json" ]; then pass; else fail "extra cells: notes.json was written"; fi
# A short row is read with empty cells and warned about; Excel's trailing commas are not.
printf 'id,name,owner,notes\nC1,Acme,E1\nC2,Beta,E2,call,,\n' > "$WORK/short.csv"
run import --employees "$WORK/emp.csv" --clients "$WORK/short.csv" --out "$WORK/short.json"
expect_status "import of a row with fewer cells than the header" 0
expect_in "fewer cells are one warning" "$WORK/err" "warning missing_cells (1):"
expect_in "fewer cells name the row and the empty column" "$WORK/err" \
    'short.csv row 2: the row has 3 cells but the header has 4 columns, so the cells of "notes"'
printf '{"format": "baton-workspace", "version": 1, "employees": [],\n "employees": []}\n' \
    > "$WORK/repeated.json"
run validate "$WORK/repeated.json"
expect_status "validate with a repeated key" 1
expect_in "the repeated key is named" "$WORK/err" "/employees: this key appears more than once"
printf '{"format": "baton-workspace", "version": 1, "employees": null}\n' > "$WORK/null.json"
run validate "$WORK/null.json"
expect_status "validate with null employees" 1
expect_in "null employees are named" "$WORK/err" "/employees: must be an array of employee"
printf '\xff\xfe' > "$WORK/utf16.json"
printf '{"format": "baton-workspace", "version": 1}' | iconv -f UTF-8 -t UTF-16LE \
    >> "$WORK/utf16.json"
run validate "$WORK/utf16.json"
expect_status "validate a utf-16 workspace" 0

# --- Chinese exports, merges and the messages of the readers ---------------------------
# GBK amounts typed with a Chinese input method: full-width digits, 元 and 万.
printf 'id,name,revenue_12m,potential\nC1,甲,１２３,３０００\nC2,乙,5000元,1.5万\nC3,丙,￥1.2万元,"１，２３４．５"\n' \
    | iconv -f UTF-8 -t GBK > "$WORK/amounts.csv"
run import --clients "$WORK/amounts.csv" --out "$WORK/amounts.json"
expect_status "import of chinese amounts" 0
if grep -q invalid_number "$WORK/err"; then fail "chinese amounts: a value was dropped"
else pass; fi
expect_in "full-width digits are read" "$WORK/amounts.json" '"potential": 3000,'
expect_in "1.5万 is 15000" "$WORK/amounts.json" '"potential": 15000'
expect_in "￥1.2万元 is 12000" "$WORK/amounts.json" '"revenue_12m": 12000'
expect_in "full-width separators are read" "$WORK/amounts.json" '"potential": 1234.5'

# small.json: C1 and C2 are E3's, C3 is E1's; its policy's as_of is 2026-11-30.
printf 'id,name,owner\nC1,Renamed,E1\nC2,Beta,E3\nC3,Gamma,E2\n' > "$WORK/merge.csv"
run import --clients "$WORK/merge.csv" --into "$FIXTURES/small.json" --out "$WORK/merged.json"
expect_status "merge that changes owners" 0
expect_in "merge counts the changed owners" "$WORK/err" "owners_changed: 2"
expect_in "merge names each changed owner" "$WORK/err" \
    'merge.csv row 2, column "owner": client "C1" changes owner from E3 to E1'
expect_in "merge names the second change" "$WORK/err" \
    'merge.csv row 4, column "owner": client "C3" changes owner from E1 to E2'
expect_in "merged workspace has the new owner" "$WORK/merged.json" '"owner": "E1"'

# 离职 with a last day after the as-of date (the policy's, 2026-11-30) is leaving.
printf 'id,name,状态,离职日期\nE2,Bo,离职,2026/12/31\n' | iconv -f UTF-8 -t GBK > "$WORK/status.csv"
run import --employees "$WORK/status.csv" --into "$FIXTURES/small.json" --out "$WORK/status.json"
expect_status "import of a departure still ahead" 0
expect_in "the departure ahead is leaving" "$WORK/status.json" '"status": "leaving"'
expect_in "the report names the row" "$WORK/err" \
    'status.csv row 2, column "状态": status "离职" reads as departed, but the last day, 2026-12-31,'
expect_in "the report names the as-of date" "$WORK/err" 'is after the as-of date, 2026-11-30'

# A merge that changes statuses lists each change (small.json: E1 and E2 active, E3 departed).
printf 'id,status,last_day\nE1,已离职,2026-10-01\nE2,active,\nE3,on_leave,\n' > "$WORK/upd.csv"
run import --employees "$WORK/upd.csv" --into "$FIXTURES/small.json" --out "$WORK/upd.json"
expect_status "merge that changes statuses" 0
expect_in "merge counts the changed statuses" "$WORK/err" "statuses_changed: 2"
expect_in "merge names the leaver" "$WORK/err" \
    'upd.csv row 2, column "status": employee "E1" changes status from active to departed, so the next allocation releases their clients'
expect_in "merge names the return from departed" "$WORK/err" \
    'upd.csv row 4, column "status": employee "E3" changes status from departed to on_leave'

# A last day after the data's as-of date but before --today is right: no advice to change it.
printf 'id,status,last_day\nE2,离职,2026-12-15\n' > "$WORK/past.csv"
run import --employees "$WORK/past.csv" --into "$FIXTURES/small.json" --today 2027-01-10 \
    --out "$WORK/past.json"
expect_status "import of a departure before --today" 0
expect_in "the advice names today and the as_of" "$WORK/err" \
    "not after today, 2027-01-10 (--today, else the system date), so it is likely right"
if grep -q "correct the last day" "$WORK/err"; then fail "a right last day is called wrong"
else pass; fi

# --encoding gbk and GB2312 are read as gb18030; full-width dates are read.
printf 'id,name,状态,离职日期\nE9,Wu,离职,２０２６／１０／０５\nE8,Qi,在职,２０２７－０１－０５\n' \
    | iconv -f UTF-8 -t GBK > "$WORK/gbk.csv"
for name in gbk GB2312; do
    run import --employees "$WORK/gbk.csv" --encoding "$name" --today 2026-12-01 \
        --out "$WORK/gbk.json"
    expect_status "import with --encoding $name" 0
    expect_in "--encoding $name reads the Chinese header" "$WORK/gbk.json" '"status": "departed"'
done
expect_in "a full-width date with ／ is read" "$WORK/gbk.json" '"last_day": "2026-10-05"'
expect_in "a full-width date with － is read" "$WORK/gbk.json" '"last_day": "2027-01-05"'
if grep -q invalid_date "$WORK/err"; then fail "a full-width date is invalid"; else pass; fi
run allocate "$FIXTURES/small.json" --out "$WORK/small-result0.json"
run export "$FIXTURES/small.json" --result "$WORK/small-result0.json" --encoding GBK \
    --out "$WORK/x.csv"
expect_status "export --encoding GBK" 0

# Chinese revenue headers of a clients table map to revenue_12m.
printf 'id,收入\nC1,500\n' > "$WORK/revenue.csv"
run import --clients "$WORK/revenue.csv" --out "$WORK/revenue.json"
expect_status "import with a 收入 column" 0
expect_in "收入 is revenue_12m" "$WORK/revenue.json" '"revenue_12m": 500'

# Only the first 5 invalid numbers of a code are listed unless --all-warnings is given.
printf 'id,revenue_12m\n' > "$WORK/nums.csv"
for i in 1 2 3 4 5 6 7; do printf 'C%s,bad%s\n' "$i" "$i" >> "$WORK/nums.csv"; done
run import --clients "$WORK/nums.csv" --out "$WORK/nums.json"
expect_in "the rest are counted with the option" "$WORK/err" \
    "... and 2 more; run the import again with --all-warnings to list every one"
run import --clients "$WORK/nums.csv" --all-warnings --out "$WORK/nums.json"
expect_status "import --all-warnings" 0
expect_in "--all-warnings lists the 7th" "$WORK/err" '"bad7" is not a number'
if grep -q "\.\.\. and" "$WORK/err"; then fail "--all-warnings still hides some"; else pass; fi

# One misspelt employee id: the first error is given in full and the rows that name the
# same id fold into one line; --all-warnings lists each of them.
printf 'id,name,status\nE01,Ada,active\nE3,Cy,leaving\n' > "$WORK/fold-emp.csv"
printf 'id,name,owner\nC1,One,E01\nC2,Two,E03\nC3,Three,E03\nC4,Four,E03\n' > "$WORK/fold-cli.csv"
printf 'client,employee,date,amount\nC2,E03,2026-01-06,20\nC3,E03,2026-01-07,30\n' \
    > "$WORK/fold-tx.csv"
run import --employees "$WORK/fold-emp.csv" --clients "$WORK/fold-cli.csv" \
    --transactions "$WORK/fold-tx.csv" --today 2026-12-01 --out "$WORK/fold.json"
expect_status "import with a misspelt employee id" 1
expect_in "the first row naming the id is in full" "$WORK/err" \
    "fold-cli.csv row 3, column \"owner\": owner \"E03\" is neither the id nor the name of an employee"
expect_in "the other rows fold into one line" "$WORK/err" \
    "... 4 more rows name \"E03\" ($WORK/fold-cli.csv rows 4 and 5; $WORK/fold-tx.csv rows 2 and 3); run the import again with --all-warnings to list every one"
if [ "$(grep -c 'is neither the id' "$WORK/err")" -eq 1 ]; then pass
else fail "a folded row is still listed in full"; fi
run import --employees "$WORK/fold-emp.csv" --clients "$WORK/fold-cli.csv" \
    --transactions "$WORK/fold-tx.csv" --today 2026-12-01 --all-warnings --out "$WORK/fold.json"
if [ "$(grep -c 'owner "E03" is neither' "$WORK/err")" -eq 3 ]; then pass
else fail "--all-warnings does not list every row naming E03"; fi

sed 's/"as_of": "2026-11-30"/"as_of": 1e400/' "$FIXTURES/small.json" > "$WORK/overflow.json"
run validate "$WORK/overflow.json"
expect_status "validate a number past a double" 1
expect_in "overflow has a position and a fix" "$WORK/err" \
    'byte offset'
expect_in "overflow names the number" "$WORK/err" 'the number 1e400 is too large for a double'
printf '{"format": "baton-mapping", "version": 1e400}' > "$WORK/overflow-map.json"
run import --clients "$WORK/merge.csv" --map "$WORK/overflow-map.json" --out "$WORK/x.json"
expect_status "mapping with a number past a double" 1
expect_in "mapping overflow has a position" "$WORK/err" "line 1, column 40, byte offset 39"
if grep -q "internal error" "$WORK/err"; then fail "mapping overflow is an internal error"
else pass; fi
printf '{"format": "baton-mapping", "version": 9}' > "$WORK/v9.json"
run import --clients "$WORK/merge.csv" --map "$WORK/v9.json" --out "$WORK/x.json"
expect_status "mapping of another version" 1
expect_in "mapping version says what it means" "$WORK/err" \
    "is the version of the mapping file's own format, not of your data"
printf '{"format": "baton-mapping", "version": 1,
 "tables": {"clients": {"columns": {"idd": "id"}}}}' > "$WORK/idd.json"
run import --clients "$WORK/merge.csv" --map "$WORK/idd.json" --out "$WORK/x.json"
expect_in "misspelt mapping field gets the nearest" "$WORK/err" \
    'unknown field of clients; did you mean "id"?'
sed 's/"id": "E1",/"id": "E1", "capacity": -3,/' "$FIXTURES/small.json" > "$WORK/capacity.json"
run validate "$WORK/capacity.json"
expect_status "validate a capacity of -3" 1
expect_in "capacity shows its shape" "$WORK/err" \
    'capacity: must be an object such as {"max_clients": 40, "max_workload": 120}, found a number'

# small.json has no company name: the report leaves the company out rather than show "-".
run allocate "$FIXTURES/small.json" --out "$WORK/small-result.json"
expect_status "allocate the workspace without a company" 0
run report "$FIXTURES/small.json" "$WORK/small-result.json" --lang zh
expect_status "zh report without a company" 0
if grep -q "公司：" "$WORK/out"; then fail "zh report shows a company line without a name"
else pass; fi
expect_in "zh report starts with the result" "$WORK/out" "本工作区没有交接周期记录"

# --- status: an employee's status and last day, as the page's Employees tab sets them -----
# Prints "status last_day audit-entries last-audit-detail" of one employee of a workspace.
employee_state() {
    python3 - "$1" "$2" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
e = next(e for e in ws["employees"] if e["id"] == sys.argv[2])
audit = ws.get("audit") or []
detail = json.dumps(audit[-1]["detail"], sort_keys=True, ensure_ascii=False) if audit else "-"
print(e["status"], e.get("last_day", "-"), len(audit), detail)
PY
}
run status "$FIXTURES/small.json" E1 leaving --last-day 2026-12-31
expect_status "status leaving with a last day" 0
expect_in "status says what changed" "$WORK/err" \
    "employee E1: status active -> leaving, last day 2026-12-31"
cp "$WORK/out" "$WORK/leaving.json"
employee_state "$WORK/leaving.json" E1 > "$WORK/state"
expect_in "status writes the workspace to standard output" "$WORK/state" \
    'leaving 2026-12-31 1 {"employee": "E1", "from": "active", "last_day": "2026-12-31", "to": "leaving"}'
run validate "$WORK/leaving.json"
expect_in "validate counts the new leaver" "$WORK/err" "(1 leaving, 1 departed)"
run audit verify "$WORK/leaving.json"
expect_status "the status entry keeps the audit chain valid" 0

run status "$FIXTURES/small.json" 李磊 on_leave
expect_status "status by exact name" 0
cp "$WORK/out" "$WORK/on_leave.json"
employee_state "$WORK/on_leave.json" E2 > "$WORK/state"
expect_in "status by name changes that employee" "$WORK/state" "on_leave - 1"

# E3 is departed with the last day 2026-10-31; leaving without --last-day keeps that date, as
# the page's last-day field opens with it.
run status "$FIXTURES/small.json" E3 leaving
expect_status "leaving keeps the last day the employee has" 0
cp "$WORK/out" "$WORK/e3.json"
employee_state "$WORK/e3.json" E3 > "$WORK/state"
expect_in "leaving without --last-day uses the employee's own" "$WORK/state" "leaving 2026-10-31"

run status "$FIXTURES/small.json" E1 leaving
expect_status "leaving without any last day" 2
expect_in "leaving without a last day names the option" "$WORK/err" \
    "baton status: --last-day: employee E1 is leaving, so give the last day as YYYY-MM-DD"
expect_empty "a rejected status writes no workspace" "$WORK/out"

run status "$FIXTURES/small.json" E1 leaving --last-day 2026-02-30
expect_status "leaving with an invalid date" 2
expect_in "invalid last day names the value" "$WORK/err" \
    '"2026-02-30" is not a valid date for the last day of employee E1; give it as YYYY-MM-DD'

run status "$FIXTURES/small.json" E1 departed --last-day 2026-12-31
expect_status "last day with another status" 2
expect_in "last day with another status says why" "$WORK/err" \
    "--last-day applies only to the status leaving"

run status "$FIXTURES/small.json" E9 leaving --last-day 2026-12-31
expect_status "status of an unknown employee" 1
expect_in "unknown employee names the id" "$WORK/err" 'no employee has the id or name "E9"'
run status "$FIXTURES/small.json" "emma carter" active
expect_status "status of a name in another case" 1
expect_in "name in another case gets the nearest" "$WORK/err" 'did you mean "Emma Carter"?'

sed 's/"李磊"/"王婷"/' "$FIXTURES/small.json" > "$WORK/same_name.json"
run status "$WORK/same_name.json" 王婷 departed
expect_status "status of a name two employees share" 1
expect_in "shared name lists the ids" "$WORK/err" '2 employees are named "王婷" (E1, E2)'

run status "$WORK/missing.json" E1 active
expect_status "status of a missing file" 1

# --out may be FILE itself: the workspace is replaced through a temporary file.
cp "$FIXTURES/small.json" "$WORK/in_place.json"
chmod 640 "$WORK/in_place.json"
run status "$WORK/in_place.json" E1 leaving --last-day 2026-12-31 --out "$WORK/in_place.json"
expect_status "status --out FILE" 0
expect_empty "status --out writes nothing to standard output" "$WORK/out"
employee_state "$WORK/in_place.json" E1 > "$WORK/state"
expect_in "status --out FILE replaces the file" "$WORK/state" "leaving 2026-12-31 1"
if [ "$(stat -c %a "$WORK/in_place.json")" = 640 ]; then pass
else fail "status --out FILE changed the file's mode"; fi
if ls -A "$WORK" | grep -q '^\.in_place\.json\.'; then fail "status --out left a temporary file"
else pass; fi
run status "$WORK/in_place.json" E1 leaving --last-day 2026-12-31 --out "$WORK/in_place.json"
expect_status "status that changes nothing" 0
expect_in "status that changes nothing says so" "$WORK/err" "nothing changed"
employee_state "$WORK/in_place.json" E1 > "$WORK/state"
expect_in "status that changes nothing adds no audit entry" "$WORK/state" "leaving 2026-12-31 1"
run status "$WORK/in_place.json" E1 departed --out "$WORK/in_place.json"
employee_state "$WORK/in_place.json" E1 > "$WORK/state"
expect_in "departed keeps the last day" "$WORK/state" "departed 2026-12-31 2"
run status "$WORK/in_place.json" E1 leaving --last-day 2027-01-01 --out "$WORK/no_such_dir/x.json"
expect_status "status --out in a missing folder" 1
expect_in "failed write names the path" "$WORK/err" "failed to write $WORK/no_such_dir/x.json"

summary
