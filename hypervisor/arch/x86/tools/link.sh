#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Link the hypervisor, then fill its symbol table:
#   link.sh MKSYMS LINKER-COMMAND... -o OUTPUT ...
mksyms=$1
shift
"$@" || exit $?
out=
prev=
for arg in "$@"; do
    [ "$prev" = -o ] && out=$arg
    prev=$arg
done
"$mksyms" "$out" || { rm -f "$out"; exit 1; }
