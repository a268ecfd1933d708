#!/usr/bin/env bash
# Installs everything Baton needs on Debian 12, from Debian packages and npm only.
# Safe to re-run: packages already installed and sources already unpacked are skipped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
third="$root/third_party"
export DEBIAN_FRONTEND=noninteractive

packages=(
    emscripten nlohmann-json3-dev doctest-dev libcli11-dev chromium
    fonts-droid-fallback fonts-dejavu-core python3-fonttools liblemon-dev
    cmake g++ ninja-build xz-utils ca-certificates glpk-utils clang-14 libclang-rt-14-dev
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

# Debian source packages come from the mirror this machine already uses.
src_list=/etc/apt/sources.list.d/baton-src.sources
need_update=0
if [ ! -f "$src_list" ] && ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ \
    && ! grep -qs '^deb-src' /etc/apt/sources.list; then
    uri=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
    if [ -z "$uri" ]; then
        uri=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
    fi
    if [ -z "$uri" ]; then
        echo "setup: no Debian mirror found in the apt sources; cannot fetch source packages" >&2
        exit 1
    fi
    printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: %s\n' \
        "$uri" /usr/share/keyrings/debian-archive-keyring.gpg | "${sudo_cmd[@]}" tee "$src_list" >/dev/null
    need_update=1
fi

sources=(imgui libtomcrypt zlib pugixml)
need_sources=0
for s in "${sources[@]}"; do
    [ -f "$third/$s.stamp" ] || need_sources=1
done

if [ "${#missing[@]}" -gt 0 ] || [ "$need_update" -eq 1 ] || [ "$need_sources" -eq 1 ]; then
    "${sudo_cmd[@]}" apt-get update -qq
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$third"
fetch_source() {
    local name=$1 glob=$2 dir=$3
    [ -f "$third/$name.stamp" ] && return 0
    local work
    work=$(mktemp -d)
    # apt downloads as the _apt user, which must be able to enter the folder.
    chmod 755 "$work"
    (cd "$work" && apt-get source --download-only -qq "$name" >/dev/null)
    local tarball
    tarball=$(ls "$work"/$glob | head -1)
    rm -rf "${third:?}/$dir"
    tar -xf "$tarball" -C "$third"
    rm -rf "$work"
    touch "$third/$name.stamp"
    echo "setup: unpacked $(basename "$tarball") into third_party/"
}
fetch_source imgui 'imgui_*.orig.tar.*' imgui-1.86
fetch_source libtomcrypt 'libtomcrypt_*.orig.tar.*' libtomcrypt-1.18.2
# zlib and pugixml for reading XLSX (a zip of XML parts) on both targets.
fetch_source zlib 'zlib_*.orig.tar.*' zlib-1.2.13.dfsg
fetch_source pugixml 'pugixml_*.orig.tar.*' pugixml-1.13

# Header-only libraries for the WASM build: a folder with only these, so that the
# Emscripten build never includes glibc headers from /usr/include.
mkdir -p "$third/include"
for d in nlohmann doctest CLI; do
    [ -e "$third/include/$d" ] || ln -s "/usr/include/$d" "$third/include/$d"
done

# A font subset with Latin and CJK glyphs.
if [ ! -f "$root/assets/fonts/.built" ] || [ "$root/tools/build_fonts.sh" -nt "$root/assets/fonts/.built" ]; then
    bash "$root/tools/build_fonts.sh"
fi

if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ]; then
    (cd "$root/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "setup: done"
