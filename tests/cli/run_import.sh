# Sourced by run.sh.

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
