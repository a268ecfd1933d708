# Sourced by run.sh.

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
