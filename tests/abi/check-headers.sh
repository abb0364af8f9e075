#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Compiles every public header on its own, in each language mode its users
# build in, so that no header leans on something its includer happened to
# include first.  Like Xen's, the headers take the fixed-width integer
# types from the includer, so each run pre-includes <stdint.h> only.
#
#   c89    -std=c89 (Xen's "-ansi" check: C89 cannot spell a flexible array
#          and the errno enum ends in a comma, so no -pedantic here)
#   c99    -std=c99 -pedantic
#   c++    -std=c++11
#   gnu    -std=gnu11 at the latest interface version (as our test guests
#          build; the only mode with the GNU C register aliases)
#   tools  -D__XEN_TOOLS__ -std=c11 -pedantic, and as C++11
#   xen    -D__XEN__ -std=c11 -pedantic
#   hv     -D__HV__ -std=gnu11 -ffreestanding (as our hypervisor builds)
# domctl.h and sysctl.h exist for the tools (and the hypervisor) only:
# they must refuse to compile in the guest modes and pass the others.
#
# Environment: top_srcdir, top_builddir (tests/abi/abi.env gives CC);
# CXX, default g++ (skipped with a note when absent).

set -u

: "${top_srcdir:?}" "${top_builddir:?}"
CC=cc
if [ -f "$top_builddir/tests/abi/abi.env" ]; then
    . "$top_builddir/tests/abi/abi.env"
fi
CXX=${CXX:-g++}
if ! command -v "$CXX" >/dev/null 2>&1; then
    echo "note: no C++ compiler ($CXX); C++ modes skipped"
    CXX=
fi

incdir="$top_srcdir/hypervisor/include"
err=$(mktemp) || exit 99
trap 'rm -f "$err"' EXIT

tools_only="public/domctl.h public/sysctl.h"
warn="-Wall -Wextra -Werror"
failures=0
runs=0

# try MODE HEADER COMPILER ARGS...: compiles HEADER alone in MODE.
try()
{
    mode=$1 hdr=$2
    shift 2
    runs=$((runs + 1))
    if ! printf '#include <%s>\n' "$hdr" |
         "$@" $warn -include stdint.h -I"$incdir" -fsyntax-only - \
         >"$err" 2>&1; then
        failures=$((failures + 1))
        echo "FAIL: $hdr does not compile on its own ($mode)"
        sed -e 's/^/    /' -e 20q "$err"
    fi
}

headers=$(cd "$incdir" && find public -name '*.h' | LC_ALL=C sort)
if [ -z "$headers" ]; then
    echo "FAIL: no headers under $incdir/public"
    exit 1
fi

for h in $headers; do
    case " $tools_only " in
    *" $h "*)
        runs=$((runs + 1))
        if printf '#include <%s>\n' "$h" |
           $CC -x c -std=c89 -include stdint.h -I"$incdir" -fsyntax-only - \
           >"$err" 2>&1; then
            failures=$((failures + 1))
            echo "FAIL: $h compiles without __XEN_TOOLS__, __XEN__ or __HV__"
        fi
        ;;
    *)
        try c89 "$h" $CC -x c -std=c89
        try c99 "$h" $CC -x c -std=c99 -pedantic
        if [ -n "$CXX" ]; then
            try c++ "$h" $CXX -x c++ -std=c++11
        fi
        try gnu "$h" $CC -x c -std=gnu11 \
            -D__XEN_INTERFACE_VERSION__=0x00040e00
        ;;
    esac
    try "tools c11" "$h" $CC -x c -std=c11 -pedantic -D__XEN_TOOLS__
    if [ -n "$CXX" ]; then
        try "tools c++" "$h" $CXX -x c++ -std=c++11 -D__XEN_TOOLS__
    fi
    try "xen c11" "$h" $CC -x c -std=c11 -pedantic -D__XEN__
    try "hv gnu11" "$h" $CC -x c -std=gnu11 -ffreestanding -D__HV__
done

echo "$runs compilations of $(echo "$headers" | wc -l) headers," \
     "$failures failed"
[ "$failures" -eq 0 ]
