#!/usr/bin/env bash
# Tests of `baton report`: exit statuses, standard output, --out DIR with one statement per
# employee, and the report of a generated workspace (seed 7) against a golden file.
# Usage: tests/cli/report.sh BATON_BINARY; BATON_UPDATE_GOLDEN=1 rewrites the golden file.
# Ends with one line "N passed, N failed" and exits non-zero when a test failed.
set -u

. "$(dirname "$0")/lib.sh"
GOLDEN="$HERE/../golden/cli/report.en.md"

run generate --seed 7 --employees 6 --clients 24 --out "$WORK/gen.json"
expect_status "generate" 0
run allocate "$WORK/gen.json" --seed 7 --out "$WORK/result.json"
expect_status "allocate" 0

run report "$WORK/gen.json" "$WORK/result.json"
expect_status "report to standard output" 0
expect_in "report has the assignments" "$WORK/out" "## Assignments"
if [ "${BATON_UPDATE_GOLDEN:-}" = "1" ]; then cp "$WORK/out" "$GOLDEN"; fi
if cmp -s "$WORK/out" "$GOLDEN"; then pass; else fail "report differs from $GOLDEN"; fi

expect_empty "a verified result gives no warning" "$WORK/err"

# An unassigned client is listed with its reason and the detail a manager acts on.
run generate --seed 7 --employees 12 --clients 200 --out "$WORK/gen200.json"
run allocate "$WORK/gen200.json" --seed 7 --out "$WORK/result200.json"
run report "$WORK/gen200.json" "$WORK/result200.json"
expect_status "report with unassigned clients" 0
expect_in "unassigned clients have a detail column" "$WORK/out" "| Client | Reason | Detail |"
expect_in "unassigned detail names the missing need" "$WORK/out" "needs lang:ja; nobody active has it"
expect_in "unassigned reason is a phrase" "$WORK/out" "| nobody is eligible |"

# The Chinese report and statements word every reason code, so no code shows raw.
run report "$WORK/gen200.json" "$WORK/result200.json" --lang zh-CN --out "$WORK/zh200"
expect_status "Chinese report with unassigned clients" 0
expect_in "Chinese unassigned reason" "$WORK/zh200/report.md" "| 没有符合条件的员工 |"
expect_in "Chinese unassigned detail" "$WORK/zh200/report.md" "需要 lang:ja；没有在职员工具备该技能"
if grep -q "nobody active has" "$WORK/zh200/report.md"; then fail "Chinese report has an English detail"
else pass; fi
expect_in "Chinese runner-up reason" "$WORK/zh200/statements/E01.md" "（已达客户上限）"
codes='capacity_full|workload_full|ineligible_status|ineligible_need|conflict|forbidden'
codes="$codes|team_boundary|share_cap|fairness_target_met|lower_fit|no_eligible_employee"
codes="$codes|capacity_exhausted|workload_exhausted|pin_conflict|not_in_proposal"
raw=$(grep -lE "\\((\`)?($codes)(\`)?\\)|（($codes)）|\| \`?($codes)\`? \|" \
    "$WORK/zh200/report.md" "$WORK/zh200/statements/"*.md)
if [ -z "$raw" ]; then pass; else fail "reason codes shown raw in: $raw"; fi

# Three released clients among ten receivers: wprop1_value passes, yet seven receivers get
# none and one is far over its target, so the report explains both beside the certificates.
run generate --seed 7 --employees 12 --clients 30 --out "$WORK/few-gen.json"
# In the generated book E01 keeps as many clients as its max_clients, so it takes no share
# and its statement says why.
run allocate "$WORK/few-gen.json" --seed 7 --out "$WORK/few-gen-result.json"
run report "$WORK/few-gen.json" "$WORK/few-gen-result.json" --out "$WORK/few-gen-report"
expect_in "statement of a full employee says it takes no share" \
    "$WORK/few-gen-report/statements/E01.md" "You take no share of the released clients"
run report "$WORK/few-gen.json" "$WORK/few-gen-result.json" --lang zh-CN --out "$WORK/few-gen-zh"
expect_in "Chinese statement of a full employee" "$WORK/few-gen-zh/statements/E01.md" \
    "你不参与本次客户分配"
# Every receiver gets room, so that the count alone decides who goes without a client.
python3 - "$WORK/few-gen.json" "$WORK/few.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
for e in ws["employees"]:
    e["capacity"] = {"max_clients": 100}
json.dump(ws, open(sys.argv[2], "w"))
PY
run allocate "$WORK/few.json" --seed 7 --out "$WORK/few-result.json"
run report "$WORK/few.json" "$WORK/few-result.json"
expect_status "report of a small book" 0
expect_in "report says why receivers get no client" "$WORK/out" \
    "No client goes to 7 of the 10 receivers, because 3 clients cannot be split evenly among 10"
expect_in "report names the max deviation" "$WORK/out" \
    "The max deviation, 335.9%, is that of E09 (罗诗涵): 1 client worth 73.7"
run report "$WORK/few.json" "$WORK/few-result.json" --lang zh-CN
expect_in "Chinese report says why receivers get no client" "$WORK/out" \
    "7 名接收人没有分到客户（共 10 名），因为 3 个客户无法在 10 名接收人之间平均分配"
# The same book where E09 served all three released clients and has room for them: greedy
# fit gives E09 all three, so two more receivers get none than the count explains. The
# note gives both numbers and the won_because counts.
python3 - "$WORK/few.json" "$WORK/few-served.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
gone = {e["id"] for e in ws["employees"] if e["status"] in ("leaving", "departed")}
for e in ws["employees"]:
    if e["id"] == "E09":
        e["capacity"] = {"max_clients": 10}
released = [c["id"] for c in ws["clients"] if c.get("owner") in gone]
ws["relationships"] = [{"client": c, "employee": "E09", "kind": "served_before"}
                       for c in released]
json.dump(ws, open(sys.argv[2], "w"))
PY
run allocate "$WORK/few-served.json" --seed 7 --baseline greedy_fit --out "$WORK/few-served-result.json"
run report "$WORK/few-served.json" "$WORK/few-served-result.json"
expect_in "report separates the count from continuity" "$WORK/out" \
    "No client goes to 9 of the 10 receivers. 3 clients among 10 receivers leave 7 without one; the other 2 get none because the placed clients went to 1 receiver: 3 to a colleague who served the client before."
run report "$WORK/few-served.json" "$WORK/few-served-result.json" --lang zh-CN
expect_in "Chinese report separates the count from continuity" "$WORK/out" \
    "其余 2 名分不到，是因为已分配的客户集中给了 1 名接收人：3 个交给曾服务过该客户的同事。"
# Every receiver of the seed-7 book of 24 clients gets a client, within 100% of its target.
run report "$WORK/gen.json" "$WORK/result.json"
if grep -qF -e "No client goes to" -e "The max deviation," "$WORK/out"; then
    fail "report explains receivers without a client where every receiver has one"
else
    pass
fi

# A result edited by hand to break a constraint is reported, with a warning.
python3 - "$WORK/result.json" "$WORK/edited.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
owner = result["assignments"][0]["employee"]
for a in result["assignments"]:
    a["employee"] = owner
json.dump(result, open(sys.argv[2], "w"))
PY
run report "$WORK/gen.json" "$WORK/edited.json"
expect_status "report of a result that fails verify" 0
expect_in "failing result is warned about" "$WORK/err" "fails verify with"
expect_in "the report itself warns" "$WORK/out" "Warning: this result fails verification with"
run report "$WORK/gen.json" "$WORK/edited.json" --lang zh-CN --out "$WORK/edited-dir"
expect_status "report --out of a result that fails verify" 0
edited_first=$(ls "$WORK/edited-dir/statements" | head -1)
expect_in "each statement warns too" "$WORK/edited-dir/statements/$edited_first" "警告：本结果未通过验证"

# A made-up explanation code fails verify like a broken constraint: a warning, and the
# report still written, with the warning in it.
python3 - "$WORK/result.json" "$WORK/bribery.json" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
result["assignments"][0]["won_because"] = "bribery"
json.dump(result, open(sys.argv[2], "w"))
PY
run report "$WORK/gen.json" "$WORK/bribery.json"
expect_status "report of a result with a made-up code" 0
expect_in "the made-up code is warned about" "$WORK/err" \
    '/assignments/0/won_because "bribery" is not a won_because code'
expect_in "the report warns about the made-up code" "$WORK/out" \
    "Warning: this result fails verification with 1 breach: "

run report "$WORK/gen.json" "$WORK/result.json" --lang zh --format html --out "$WORK/dir"
expect_status "report --out DIR" 0
expect_in "html report is Chinese" "$WORK/dir/report.html" '<html lang="zh-CN">'
count=$(ls "$WORK/dir/statements" | wc -l)
if [ "$count" -ge 2 ]; then pass; else fail "report --out wrote $count statements"; fi
first=$(ls "$WORK/dir/statements" | head -1)
expect_in "statement is a page" "$WORK/dir/statements/$first" "<h1>"

# The generated workspace has no cycle, so its statements must not name one.
run report "$WORK/gen.json" "$WORK/result.json" --out "$WORK/en"
expect_status "report --out DIR in English" 0
first=$(ls "$WORK/en/statements" | head -1)
expect_in "statement without a cycle says so" "$WORK/en/statements/$first" \
    "No reassignment cycle has been started"
if grep -qF 'Cycle `-`' "$WORK/en/statements/$first"; then fail "statement names cycle -"
else pass; fi
expect_in "Chinese statement without a cycle says so" "$WORK/dir/statements/${first%.md}.html" \
    "尚未开始交接周期"

# --out must be a directory: a path named like a report file or an existing file is a
# usage error, and nothing is created.
run report "$WORK/gen.json" "$WORK/result.json" --out "$WORK/r.md"
expect_status "report --out r.md" 2
expect_in "report --out r.md says it takes a directory" "$WORK/err" \
    "names a file, but --out takes a directory"
if [ -e "$WORK/r.md" ]; then fail "report --out r.md created r.md"; else pass; fi
run report "$WORK/gen.json" "$WORK/result.json" --out "$WORK/gen.json"
expect_status "report --out onto its input" 2
expect_in "report --out onto its input names it" "$WORK/err" "is the input file"
printf 'x' > "$WORK/plain.txt"
run report "$WORK/gen.json" "$WORK/result.json" --out "$WORK/plain.txt"
expect_status "report --out onto a file" 2
expect_in "report --out onto a file says so" "$WORK/err" "is a file, but --out takes a directory"

# Ids that are no safe file name still get a statement, under a safe and unique name.
sed -e 's/"E01"/"sub\/dir"/g' -e 's/"E02"/"sub:dir"/g' -e 's/"E03"/".hidden"/g' \
    "$WORK/gen.json" > "$WORK/unsafe.json"
run allocate "$WORK/unsafe.json" --seed 7 --out "$WORK/unsafe-result.json"
expect_status "allocate with unsafe ids" 0
run report "$WORK/unsafe.json" "$WORK/unsafe-result.json" --out "$WORK/unsafe"
expect_status "report with unsafe ids" 0
for id in "sub/dir" "sub:dir" ".hidden"; do
    expect_in "the statement file of $id is named" "$WORK/err" \
        "the statement of employee \"$id\" is $WORK/unsafe/statements/"
done
written=$(ls -A "$WORK/unsafe/statements")
count=$(printf '%s\n' "$written" | grep -c '^sub_dir-[0-9a-f]\{8\}\.md$')
if [ "$count" -eq 2 ]; then pass; else fail "sub/dir and sub:dir have $count statement files"; fi
if printf '%s\n' "$written" | grep -q '^_hidden-[0-9a-f]\{8\}\.md$'; then pass
else fail ".hidden has no visible statement file"; fi
if printf '%s\n' "$written" | grep -q '^\.'; then fail "a statement file is hidden"; else pass; fi
if [ -e "$WORK/unsafe/statements/sub" ]; then fail "sub/dir made a folder"; else pass; fi

run report "$WORK/gen.json" "$WORK/result.json" --lang fr
expect_status "report with an unknown language" 2
run report "$WORK/gen.json" "$WORK/missing.json"
expect_status "report without a result file" 1
run report "$WORK/gen.json" "$WORK/gen.json"
expect_status "report with a workspace as the result" 1
expect_in "report names the bad result" "$WORK/err" "allocation result"

# The Chinese report names each figure, certificate and method with the page's Chinese term
# and the code beside it. No table row or sentence shows a bare code.
run report "$WORK/gen.json" "$WORK/result.json" --lang zh-CN
expect_status "Chinese report of the generated workspace" 0
cp "$WORK/out" "$WORK/zh.md"
expect_in "Chinese figure names the code" "$WORK/zh.md" "| 总匹配度（\`total_fit\`） |"
expect_in "Chinese price of fairness" "$WORK/zh.md" "| 公平的代价（\`price_of_fairness\`） |"
expect_in "Chinese certificate names the code" "$WORK/zh.md" "| 价值份额（\`wprop1_value\`） |"
expect_in "Chinese envy-free up to c" "$WORK/zh.md" "| 去掉至多 c 个后无嫉妒（\`ef_c_both\`） |"
expect_in "Chinese method line" "$WORK/zh.md" "方法：公平求解器（\`fair\`），随机种子 7"
expect_in "Chinese baseline column" "$WORK/zh.md" "轮流分配（\`round_robin\`）"
expect_in "Chinese scope" "$WORK/zh.md" "交接范围：离职员工的客户（\`leavers\`）"
expect_in "Chinese entitlement mode" "$WORK/zh.md" "应得份额模式："
codes='total_fit|price_of_fairness|max_relative_deviation|gini|difficulty_spread'
codes="$codes|continuity_rate|unassigned|wprop1_value|wprop1_difficulty|wef1_value"
codes="$codes|wef1_difficulty|ef_c_both|fair|round_robin|greedy_fit|weighted_picking"
bare=$(grep -nE "\\| \`($codes)\` \\||方法 \`|范围 \`|模式 \`|按 \`wprop1" "$WORK/zh.md")
if [ -z "$bare" ]; then pass; else fail "Chinese report shows bare codes: $bare"; fi
expect_in "Chinese Gini row" "$WORK/zh.md" "| 单位权重价值的基尼系数（\`gini\`） |"
run report "$WORK/gen.json" "$WORK/result.json"
expect_in "English figure row" "$WORK/out" "| Total fit (\`total_fit\`) |"
expect_in "English method line" "$WORK/out" "Method: Fair solver (\`fair\`), seed 7"

# A witness whose constraint is null gets words, not "-".
python3 - "$WORK/result.json" "$WORK/null-witness.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["certificates"]["wef1_value"] = False
r["certificates"]["witnesses"] = [{"certificate": "wef1_value", "employees": ["E02", "E03"],
                                   "client": "C0001", "constraint": None}]
json.dump(r, open(sys.argv[2], "w"))
PY
run report "$WORK/gen.json" "$WORK/null-witness.json" --lang zh-CN
expect_in "Chinese witness without a constraint" "$WORK/out" \
    "价值无嫉妒（\`wef1_value\`）未通过：E02, E03（客户 C0001）；并非某一项约束单独导致。"
if grep -q "约束：-" "$WORK/out"; then fail "Chinese witness still shows 约束：-"; else pass; fi
run report "$WORK/gen.json" "$WORK/null-witness.json"
expect_in "English witness without a constraint" "$WORK/out" \
    "No envy on value (\`wef1_value\`) fails for E02, E03 (client C0001); no single constraint is to blame."

# Without any difficulty input every difficulty is 0, so validate, the result's notes and the
# report state that fact and name the columns to import.
python3 - "$WORK/gen.json" "$WORK/no-difficulty.json" <<'PY'
import json, sys
ws = json.load(open(sys.argv[1]))
for c in ws["clients"]:
    for key in ("difficulty", "workload", "satisfaction", "complaints", "late_payments"):
        c.pop(key, None)
json.dump(ws, open(sys.argv[2], "w"))
PY
run validate "$WORK/no-difficulty.json"
expect_status "validate without difficulty inputs" 0
expect_in "validate warns about no difficulty inputs" "$WORK/err" \
    "warning: /clients: no client has a difficulty input (difficulty, workload, satisfaction, complaints or late_payments)"
run allocate "$WORK/no-difficulty.json" --seed 7 --out "$WORK/no-difficulty-result.json"
expect_in "result notes name the missing inputs" "$WORK/no-difficulty-result.json" \
    "wprop1_difficulty and wef1_difficulty pass without testing how the work is shared"
run report "$WORK/no-difficulty.json" "$WORK/no-difficulty-result.json"
expect_in "report says no client has a difficulty input" "$WORK/out" \
    "No client has a difficulty input (the clients' \`difficulty\`, \`workload\`"
run report "$WORK/no-difficulty.json" "$WORK/no-difficulty-result.json" --lang zh-CN
expect_in "Chinese report says no client has a difficulty input" "$WORK/out" \
    "没有任何客户有难度数据"
expect_in "Chinese report names the Chinese headers to import" "$WORK/out" \
    "中文表头可用难度、工作量、满意度、投诉或逾期次数"
run report "$WORK/gen.json" "$WORK/result.json"
if grep -q "No client has a difficulty input" "$WORK/out"; then
    fail "report of a workspace with difficulty inputs says it has none"
else pass; fi

summary
