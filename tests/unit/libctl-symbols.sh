#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# libctl.so.0 exports exactly the symbols libctl/libctl.map lists, and the
# map lists every function the installed headers declare.  Reads
# top_srcdir and top_builddir.
set -u

so="$top_builddir/libctl/libctl.so.0"
map="$top_srcdir/libctl/libctl.map"
tmp="${TMPDIR:-/tmp}/libctl-symbols.$$"
mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
command -v nm >/dev/null || { echo "SKIP: no nm"; exit 77; }

sed -n 's/^ *\([a-z_][a-z0-9_]*\);$/\1/p' "$map" | sort > "$tmp/map"
nm -D --defined-only "$so" | awk '$2 ~ /^[TDB]$/ { print $3 }' |
    sed 's/@.*//' | sort > "$tmp/so"
cd "$top_srcdir/libctl" || exit 99
prefixes='xc|xs|xenevtchn|xengnttab|xengntshr|xenforeignmemory|libctl'
cat xenctrl.h libctl.h xcbuild.h xenevtchn.h xengnttab.h \
    xenforeignmemory.h xenstore.h | grep -v 'static inline' |
    grep -oE "\\b($prefixes)_[a-z0-9_]+\\(" | tr -d '(' | sort -u \
    > "$tmp/headers"

fails=0
if ! diff -u "$tmp/map" "$tmp/so"; then
    echo "FAIL: libctl.so.0 exports differ from libctl.map"
    fails=1
fi
if ! diff -u "$tmp/map" "$tmp/headers"; then
    echo "FAIL: libctl.map differs from the installed headers"
    fails=1
fi
[ $fails = 0 ] && echo "PASS: $(wc -l < "$tmp/map") symbols"
exit $fails
