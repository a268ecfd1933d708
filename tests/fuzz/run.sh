#!/usr/bin/env bash
# Builds the libFuzzer targets (CSV import, XLSX import, workspace JSON) with clang 14,
# AddressSanitizer and libFuzzer into build/fuzz/, then runs each for SECONDS seconds.
# Each target is one case; the last line is "N passed, N failed".
set -uo pipefail

seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/build/fuzz"
third="$root/third_party"
cxx=clang++-14
cc=clang-14
mkdir -p "$out/obj" "$out/corpus/csv" "$out/corpus/xlsx" "$out/corpus/json"

flags=(-O1 -g -fsanitize=address,fuzzer-no-link -w)
includes=(-I"$root/src" -isystem "$third/zlib-1.2.13.dfsg" -isystem "$third/pugixml-1.13/src"
          -isystem "$third/libtomcrypt-1.18.2/src/headers")

# The library sources the targets need; core files beyond these are not linked, so a
# half-finished solver never breaks the fuzz build. The evaluation files are linked because
# the import compares last days with the as-of date that evaluation defines.
c_sources=("$third"/zlib-1.2.13.dfsg/{adler32,compress,crc32,deflate,inffast,inflate,inftrees,trees,uncompr,zutil}.c
           "$third"/libtomcrypt-1.18.2/src/hashes/sha2/sha256.c
           "$third"/libtomcrypt-1.18.2/src/misc/crypt/crypt_argchk.c
           "$third"/libtomcrypt-1.18.2/src/misc/zeromem.c
           "$third"/libtomcrypt-1.18.2/src/misc/burn_stack.c
           "$third"/libtomcrypt-1.18.2/src/misc/compare_testvector.c)
cxx_sources=("$third/pugixml-1.13/src/pugixml.cpp"
             "$root"/src/core/{model,policy,dates,sha256,cycle}.cpp
             "$root"/src/core/{evaluation,evaluation_terms,evaluation_performance,absurd_amounts}.cpp
             "$root"/src/core/{id_index,normalise,served_before,eligibility,fit}.cpp
             "$root"/src/io/{csv,encoding,cells,zip,zip_writer,xlsx,xlsx_writer,mapping}.cpp
             "$root"/src/io/{import_report,importer,table_text,table_guess}.cpp
             "$root"/src/io/{import_cursor,import_records,import_events,import_check,import_derive,import_amounts,name_suggest}.cpp
             "$root"/src/io/{workspace_json,workspace_parse,workspace_sax,json_fields,json_policy,json_write}.cpp
             "$root"/src/io/{cycle_json,cycle_json_read,allocation_read,allocation_json}.cpp)

# An object is rebuilt when its source is newer. The check cannot see which sources include
# a header, so a changed header makes every project object stale.
stamp="$out/obj/.headers-seen"
if [ ! -e "$stamp" ] || [ -n "$(find "$root/src" -name '*.h' -newer "$stamp" | head -1)" ]; then
    rm -f "$out"/obj/src_*.o
fi
touch "$stamp"

objects=()
build_failed=0
for src in "${c_sources[@]}" "${cxx_sources[@]}"; do
    obj="$out/obj/$(echo "${src#"$root"/}" | tr '/' '_').o"
    objects+=("$obj")
    [ "$obj" -nt "$src" ] && continue
    if [[ "$src" == *.c ]]; then
        "$cc" "${flags[@]}" "${includes[@]}" -c "$src" -o "$obj" || build_failed=1
    else
        "$cxx" -std=c++20 "${flags[@]}" "${includes[@]}" -c "$src" -o "$obj" || build_failed=1
    fi
done
if [ "$build_failed" -ne 0 ]; then
    echo "fuzz: building the library sources failed"
    echo "0 passed, 3 failed"
    exit 1
fi

"$cxx" -std=c++20 -O1 -I"$root/src" -isystem "$third/zlib-1.2.13.dfsg" \
    "$root/tests/fuzz/make_seeds.cpp" "$out/obj/third_party_zlib-1.2.13.dfsg_"*.o \
    -fsanitize=address -o "$out/make_seeds" && "$out/make_seeds" "$out/corpus"

passed=0
failed=0
for target in csv xlsx workspace_json; do
    binary="$out/fuzz_$target"
    corpus="$out/corpus/${target%%_*}"
    [ "$target" = workspace_json ] && corpus="$out/corpus/json"
    if ! "$cxx" -std=c++20 -O1 -g -fsanitize=address,fuzzer "${includes[@]}" \
        "$root/tests/fuzz/fuzz_$target.cpp" "${objects[@]}" -o "$binary"; then
        echo "fuzz_$target: build failed"
        failed=$((failed + 1))
        continue
    fi
    if "$binary" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 \
        -artifact_prefix="$out/fuzz_$target-" "$corpus" >"$out/fuzz_$target.log" 2>&1; then
        echo "fuzz_$target: passed ($(grep -c '' "$out/fuzz_$target.log") log lines)"
        passed=$((passed + 1))
    else
        echo "fuzz_$target: FAILED, see $out/fuzz_$target.log"
        tail -n 30 "$out/fuzz_$target.log"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
