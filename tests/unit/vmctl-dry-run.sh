#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# vmctl as a script sees it: create --dry-run of examples/domain.xml prints
# the expected JSON, every malformed corpus file gives its exact message and
# status 1, and usage errors give status 2.  Reads top_srcdir, top_builddir.
set -u

vmctl="$top_builddir/dom0-tools/vmctl/vmctl"
corpus="$top_srcdir/tests/data/domcfg"
tmp="${TMPDIR:-/tmp}/vmctl-dry-run.$$"
fails=0

mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT

fail()
{
    echo "FAIL: $*"
    fails=$((fails + 1))
}

# expect STATUS CMD...: run vmctl, check its exit status.
expect()
{
    want=$1
    shift
    "$vmctl" "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" = "$want" ] || fail "vmctl $* exited $got, not $want"
}

# The example, with its random UUID set aside.
expect 0 create --dry-run "$top_srcdir/examples/domain.xml"
uuid=$(sed -n 's/^    "uuid": "\(.*\)",$/\1/p' "$tmp/out")
echo "$uuid" | grep -Eq \
    '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' ||
    fail "example: '$uuid' is not a random UUID"
sed 's/^    "uuid": ".*",$/    "uuid": "UUID",/' "$tmp/out" >"$tmp/json"
cat >"$tmp/want" <<'JSON'
{
    "name": "guest1",
    "uuid": "UUID",
    "memory_kib": 131072,
    "max_memory_kib": 131072,
    "vcpus": 1,
    "kernel": "/boot/guest/vmlinuz",
    "initrd": "/boot/guest/initrd.cpio.gz",
    "cmdline": "console=hvc0 earlyprintk=xen rdinit=/init",
    "on_poweroff": "destroy",
    "on_reboot": "restart",
    "on_crash": "destroy",
    "disks": [

    ],
    "nics": [

    ]
}
JSON
cmp -s "$tmp/json" "$tmp/want" ||
    fail "example: JSON differs: $(cat "$tmp/out")"
[ -s "$tmp/err" ] && fail "example: stderr not empty: $(cat "$tmp/err")"

# Each run draws a new UUID.
expect 0 -- create -n "$top_srcdir/examples/domain.xml"
grep -q "\"uuid\": \"$uuid\"" "$tmp/out" && fail "example: UUID repeated"

# Malformed files: status 1, nothing on stdout, the .err line on stderr.
cd "$corpus/invalid" || exit 99
n=0
for xml in *.xml; do
    n=$((n + 1))
    expect 1 create --dry-run "$xml"
    [ -s "$tmp/out" ] && fail "$xml: printed JSON"
    cmp -s "$tmp/err" "${xml%.xml}.err" ||
        fail "$xml: message differs: $(cat "$tmp/err")"
done
[ "$n" -ge 80 ] || fail "only $n malformed files"
cd "$corpus/valid" || exit 99
for xml in *.xml; do
    expect 0 create --dry-run "$xml"
done

# The command line itself.
expect 0 --help
grep -q '^  sched-credit ' "$tmp/out" || fail "--help lists no sched-credit"
for cmd in create list info destroy shutdown reboot pause unpause console \
           dmesg vcpu-pin sched-credit mem-max; do
    expect 0 help "$cmd"
    grep -q "^Usage: vmctl $cmd" "$tmp/out" || fail "help $cmd: no usage"
    cp "$tmp/out" "$tmp/help"
    expect 0 "$cmd" --help
    cmp -s "$tmp/out" "$tmp/help" || fail "$cmd --help differs from help"
done
expect 2
expect 2 frobnicate
expect 2 help frobnicate
expect 2 create
expect 2 create a.xml b.xml
expect 2 create --bogus a.xml
expect 2 create -n -p a.xml
expect 1 create -n no-such-file.xml
grep -qx 'vmctl: no-such-file.xml: No such file or directory' "$tmp/err" ||
    fail "missing file: $(cat "$tmp/err")"
expect 2 list a b
expect 2 info extra
expect 2 destroy
expect 2 destroy a b
expect 2 destroy -w a
expect 2 shutdown
expect 2 dmesg extra
expect 2 vcpu-pin a 0
expect 2 vcpu-pin a x 0
expect 2 vcpu-pin a 0 3-1
expect 2 vcpu-pin a 0 1,,2
expect 2 vcpu-pin a 0 4096
expect 2 sched-credit -w 5
expect 2 sched-credit -d a -w 0
expect 2 sched-credit -d a -c 65536
expect 2 sched-credit -d
expect 2 mem-max a
expect 2 mem-max a 0
expect 2 mem-max a 12kb
expect 2 mem-max a 1.5G

# Valid requests fail without a hypervisor (no /dev/xen/privcmd here),
# with a clear reason.
for args in "create $top_srcdir/examples/domain.xml" "list" "list --json" \
            "info" "destroy a" "shutdown -w a" "reboot a" "pause a" \
            "unpause 7" "console a" "dmesg -c" "vcpu-pin a all 0-3,6" \
            "sched-credit" "sched-credit -d a -w 512 -c 50" \
            "mem-max a 512MiB"; do
    # shellcheck disable=SC2086
    expect 1 $args
    grep -q 'cannot open the hypervisor interface' "$tmp/err" ||
        fail "vmctl $args: $(cat "$tmp/err")"
done

[ "$fails" = 0 ] || exit 1
echo "PASS: vmctl dry run and command line"
