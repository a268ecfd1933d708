# Sourced by run.sh.

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

# Nesting deeper than the limit is rejected with a position, not a crash.
{ printf '{"format": "baton-workspace", "version": 1, "deep": '
  for _ in $(seq 1 200); do printf '['; done
  for _ in $(seq 1 200); do printf ']'; done
  printf ', "employees": [], "clients": []}'; } >"$WORK/deep.json"
run validate "$WORK/deep.json"
expect_status "validate deeply nested JSON" 1
expect_in "validate names the nesting limit" "$WORK/err" "nest deeper than 128 levels"
