#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Differential check against Xen 4.17's own public headers, read from
# $REF_CACHE/libxen-dev/usr/include/xen (filled by scripts/setup):
#   1. every size and offset named in layout.tab, as the tools and as a
#      guest see the headers (probe.c);
#   2. the behaviour of the io/ring.h macros (ring-probe.c);
#   3. the definition of every object-like macro we define, and the
#      existence in Xen of every function-like one.
# Each part is compiled against both header sets and the results compared;
# any difference fails, naming the type, field or macro.
#
# Environment: top_srcdir, top_builddir (tests/abi/abi.env gives CC),
# REF_CACHE.  Exits 77 (skip) when the reference headers are absent.

set -u

: "${top_srcdir:?}" "${top_builddir:?}"
ref="${REF_CACHE:-}/libxen-dev/usr/include"
if [ -z "${REF_CACHE:-}" ] || [ ! -f "$ref/xen/xen.h" ]; then
    echo "SKIP: Xen 4.17 headers not found under \$REF_CACHE/libxen-dev"
    exit 77
fi

CC=cc
if [ -f "$top_builddir/tests/abi/abi.env" ]; then
    . "$top_builddir/tests/abi/abi.env"
fi

src="$top_srcdir/tests/abi"
gen="$top_builddir/tests/abi"
if [ ! -f "$gen/layout-probes.h" ]; then
    echo "FAIL: $gen/layout-probes.h missing (run make first)"
    exit 99
fi

work=$(mktemp -d) || exit 99
trap 'rm -rf "$work"' EXIT

failures=0

# build SET VIEW OUT SOURCE: compile SOURCE against SET (ours or xen) in
# VIEW (tools or guest).  Xen's hvm/save.h needs GNU C, hence gnu11.
build()
{
    set_=$1 view=$2 out=$3 source=$4
    case $view in
    tools) vflag=-D__XEN_TOOLS__ ;;
    *)     vflag=-D__XEN_INTERFACE_VERSION__=0x00040e00 ;;
    esac
    if [ "$set_" = xen ]; then
        $CC -std=gnu11 -w "$vflag" -I"$ref" '-DXEN_HDR(h)=<xen/h>' \
            -I"$gen" -I"$src" -o "$out" "$source"
    else
        $CC -std=gnu11 -w "$vflag" -I"$top_srcdir/hypervisor/include" \
            -I"$gen" -I"$src" -o "$out" "$source"
    fi
}

# run PROGRAM OUTPUT: bounded in time and in output size.
run()
{
    ( ulimit -f 4096; timeout 60 "$1" ) >"$2"
}

# 1. Layouts.
for view in tools guest; do
    for set_ in ours xen; do
        if ! build "$set_" "$view" "$work/probe-$set_" "$src/probe.c" ||
           ! run "$work/probe-$set_" "$work/layout-$set_-$view"; then
            echo "FAIL: layout probe does not build or run ($set_, $view)"
            exit 1
        fi
    done
    if ! cmp -s "$work/layout-ours-$view" "$work/layout-xen-$view"; then
        awk -v view="$view" '
            NR == FNR { xen[FNR] = $0; next }
            $0 != xen[FNR] {
                n = split($0, a, " "); split(xen[FNR], b, " ")
                name = $0; sub(/ [^ ]+$/, "", name)
                printf "FAIL: %s (%s view): ours %s, Xen %s\n",
                       name, view, a[n], b[length(b)]
            }' "$work/layout-xen-$view" "$work/layout-ours-$view"
        failures=$((failures + 1))
    fi
    echo "layout ($view view): $(wc -l <"$work/layout-ours-$view") probes"
done

# 2. Ring macro behaviour.
for set_ in ours xen; do
    if ! build "$set_" guest "$work/ring-$set_" "$src/ring-probe.c" ||
       ! run "$work/ring-$set_" "$work/ring-$set_.out"; then
        echo "FAIL: ring probe does not build or run ($set_)"
        exit 1
    fi
done
if ! cmp -s "$work/ring-ours.out" "$work/ring-xen.out"; then
    echo "FAIL: io/ring.h macros behave differently from Xen's:"
    diff "$work/ring-xen.out" "$work/ring-ours.out" | sed -e 's/^/    /' -e 40q
    failures=$((failures + 1))
fi
echo "ring behaviour: $(wc -l <"$work/ring-ours.out") trace lines"

# 3. Macros, one per line: name, object or function, definition without
# blanks.
macros()
{
    printf '#include <%s>\n' stddef.h stdint.h abi-headers.h |
    if [ "$1" = xen ]; then
        $CC -std=gnu11 -E -dM "$2" -I"$ref" '-DXEN_HDR(h)=<xen/h>' \
            -I"$src" -x c -
    else
        $CC -std=gnu11 -E -dM "$2" -I"$top_srcdir/hypervisor/include" \
            -I"$src" -x c -
    fi | awk '$1 == "#define" {
            name = $2; $1 = ""; $2 = ""; body = $0; gsub(/[ \t]/, "", body)
            kind = "object"
            if ( sub(/\(.*/, "", name) )
                kind = "function"
            print name "\t" kind "\t" body
        }' | LC_ALL=C sort
}

for view in -D__XEN_TOOLS__ -D__XEN_INTERFACE_VERSION__=0x00040e00 \
            -D__XEN_INTERFACE_VERSION__=0x00030205; do
    macros ours "$view" >"$work/macros-ours" &&
    macros xen "$view" >"$work/macros-xen" || {
        echo "FAIL: cannot list macros ($view)"
        exit 1
    }
    # Our private helpers (__XEN_RING_*, __XEN_REG_*) have no Xen twin;
    # function-like macros are ours to write, so only their names count.
    awk -F '\t' -v view="$view" '
        NR == FNR { kind[$1] = $2; body[$1] = $3; next }
        $1 ~ /^__XEN_(RING|REG)_/ { next }
        !($1 in kind) {
            printf "FAIL: macro %s (%s) is not in Xen 4.17\n", $1, view
            bad++; next
        }
        $2 != kind[$1] {
            printf "FAIL: macro %s (%s) is %s-like, in Xen %s-like\n",
                   $1, view, $2, kind[$1]
            bad++; next
        }
        $2 == "function" { functions++; next }
        $3 != body[$1] {
            printf "FAIL: macro %s (%s): ours \"%s\", Xen \"%s\"\n",
                   $1, view, $3, body[$1]
            bad++
        }
        { objects++ }
        END {
            printf "macros (%s): %d values compared, %d names\n", view,
                   objects, functions
            exit bad ? 1 : 0
        }' "$work/macros-xen" "$work/macros-ours" ||
        failures=$((failures + 1))
done

if [ "$failures" -ne 0 ]; then
    echo "$failures part(s) differ from Xen 4.17"
    exit 1
fi
echo "identical to Xen 4.17"
