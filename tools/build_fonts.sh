#!/usr/bin/env bash
# Builds assets/fonts/: DejaVu Sans for Latin text and a subset of Droid Sans Fallback
# (Apache-2.0) holding every character of GBK (GB2312 lacks common name characters such
# as 垚), CJK punctuation and full-width forms, merged at run time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/assets/fonts"
mkdir -p "$out"
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    --unicodes="U+0020-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+20A0-20CF,U+2100-215F,U+2190-21FF,U+2200-22FF,U+2500-25FF,U+2600-26FF,U+2700-27BF" \
    --output-file="$out/latin.ttf" --no-hinting

chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys
text = []
for hi in range(0x81, 0xFF):
    for lo in range(0x40, 0xFF):
        if lo == 0x7F:
            continue
        try:
            text.append(bytes([hi, lo]).decode("gbk"))
        except UnicodeDecodeError:
            pass
text.extend(chr(c) for c in range(0x3000, 0x3040))
text.extend(chr(c) for c in range(0xFF00, 0xFFF0))
open(sys.argv[1], "w", encoding="utf-8").write("".join(text))
PY
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
    --text-file="$chars" --output-file="$out/cjk.ttf" --no-hinting --desubroutinize
rm -f "$chars"
touch "$out/.built"
