# Sourced by run.sh after run_allocate.sh: verify on the fair result, on results edited one
# field at a time, and on a result that a finalised cycle locked.

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

# A forbid the workspace gained after the run is a rule the result breaks: an error, with
# the pair named, though the result passes under its own policy.
python3 - "$WORK/gen.json" "$WORK/alloc-1.json" "$WORK/gen-forbid.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
pair = json.load(open(sys.argv[2]))["assignments"][0]
ws["policy"].setdefault("forbids", []).append(
    {"client": pair["client"], "employee": pair["employee"], "reason": "complaint"})
json.dump(ws, open(sys.argv[3], "w"))
PY
run verify "$WORK/gen-forbid.json" "$WORK/alloc-1.json"
expect_status "verify a result against a forbid added after the run" 1
expect_in "the workspace's new forbid is named" "$WORK/err" \
    "the workspace's current policy forbids the pair, and the result's policy does not"

# A result rewritten to claim an optimal fit, with every figure and baseline made to agree:
# only the bound that verify recomputes from the result's dual prices lies above the fit.
python3 - "$WORK/alloc-1.json" "$WORK/forged-optimal.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
assert result["optimality"]["status"] == "bound"
assert result["optimality"]["gap"] > 0
result["optimality"].update(status="optimal", upper_bound=result["figures"]["total_fit"], gap=0)
result["figures"]["price_of_fairness"] = 0
best = result["figures"]["total_fit"]
for baseline in result["baselines"].values():
    f = baseline["figures"]
    f["price_of_fairness"] = round((best - f["total_fit"]) / best, 6)
json.dump(result, open(sys.argv[2], "w"))
PY
run verify "$WORK/gen.json" "$WORK/forged-optimal.json"
expect_status "verify a forged optimal claim" 1
expect_in "a forged optimal claim fails on the dual bound" "$WORK/err" \
    "below the dual bound"

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
