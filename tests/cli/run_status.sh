# Sourced by run.sh.

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
