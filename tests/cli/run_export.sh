# Sourced by run.sh after run_allocate.sh, whose $WORK/gen.json and $WORK/alloc-1.json
# it exports.

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
