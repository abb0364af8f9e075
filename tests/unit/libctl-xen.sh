#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# The toolstack on the reference Xen 4.17 under QEMU: Debian's Linux dom0
# starts vmstored and vmconsoled, `vmctl create examples/domain.xml` builds
# a Debian Linux PV domU that reaches its /init (seen in its console log),
# list, sched-credit, vcpu-pin, mem-max and pause act on it, `vmctl
# shutdown -w` powers it off through control/shutdown;
# a guest that crashes is restarted by its keeper, another is destroyed,
# bad kernels and too little memory are refused, and no domain is left.
#
# Opt-in (about two minutes of QEMU): HV_LIBCTL_XEN=1.
# Reads top_srcdir, top_builddir, REF_CACHE, QEMU; exit 0, 1, 77, 99.
# Serial log: top_builddir/tests/unit/libctl-xen.serial.log.
set -u

me=libctl-xen
[ "${HV_LIBCTL_XEN:-0}" = 1 ] ||
    { echo "SKIP: $me: set HV_LIBCTL_XEN=1 to boot Xen 4.17"; exit 77; }
QEMU=${QEMU:-qemu-system-x86_64}
xen=$REF_CACHE/xen/xen-4.17.elf
vmlinuz=$REF_CACHE/linux/vmlinuz
[ -f "$xen" ] && [ -f "$vmlinuz" ] ||
    { echo "SKIP: $me: no reference cache"; exit 77; }
work=${TMPDIR:-/tmp}/$me.$$
log=$top_builddir/tests/unit/$me.serial.log
bin="$top_builddir/dom0-tools/vmctl/vmctl"
bin="$bin $top_builddir/dom0-tools/vmstored/vmstored"
bin="$bin $top_builddir/dom0-tools/consoled/vmconsoled"
mkdir -p "$work" || exit 99
trap 'rm -rf "$work"' EXIT

# The guest: orderly poweroff ends the domain (busybox's poweroff would
# only signal an init that ignores it); "crashme" crashes it after /init.
cat > "$work/domu-script" <<'EOF'
#!/bin/sh
rm -f /sbin/poweroff
printf '#!/bin/sh\nexec /bin/busybox poweroff -f\n' > /sbin/poweroff
chmod +x /sbin/poweroff
echo "hv-domu: guest init ran"
if grep -q crashme /proc/cmdline; then
    sleep 5
    echo c > /proc/sysrq-trigger
fi
sleep 600
EOF

# dom0: every check prints "CHECK ok|fail NAME"; "CHECK done" ends.
cat > "$work/dom0-script" <<'EOF'
#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mkdir -p /run/xenstored /var/log /dev/pts
mount -t devpts devpts /dev/pts
check() {
    if [ "$2" = 0 ]; then echo "CHECK ok $1"; else echo "CHECK fail $1"; fi
}
inits() { # the console daemon's log, or the keeper's without a daemon
    cat "/var/log/vm/console-$1.log" "/var/log/vmctl/$1.log" 2>/dev/null |
        grep -c 'hv-domu: guest init'
}
seen() { # seen NAME N: the Nth guest /init of NAME within 120 s
    i=0
    while [ $i -lt 600 ]; do
        [ "$(inits "$1")" -ge "$2" ] && return 0
        sleep 0.2; i=$((i+1))
    done
    return 1
}
paused() { vmctl list "$1" | grep -q ' [-r][-b]p--- '; }
up() { cut -d' ' -f1 /proc/uptime; }
listed() { vmctl list --json | grep -q "\"name\": \"$1\""; }
vmstored -P /run/vmstored.pid; check vmstored $?
sleep 1
vmconsoled -P /run/vmconsoled.pid; check vmconsoled $?
t0=$(up)
vmctl create /boot/guest/domain.xml; check create $?
[ "$(vmctl list --json | grep -c '"name"')" = 2 ]; check "listed" $?
ls /var/log/vm/console-guest1.log >/dev/null; check "daemon serves" $?
echo "TIME create returned $t0 -> $(up)"
seen guest1 1; check "guest1 reaches /init" $?
echo "TIME guest /init $t0 -> $(up)"
vmctl list --json; listed guest1; check "list --json" $?
vmctl sched-credit -d guest1 -w 512 -c 50; check sched-credit $?
vmctl sched-credit -d guest1 | grep -q ' 512 *50$'
check "sched-credit shows" $?
vmctl vcpu-pin guest1 all 0; check vcpu-pin $?
vmctl mem-max guest1 256M; check mem-max $?
vmctl pause guest1 && paused guest1; check pause $?
vmctl unpause guest1; check unpause $?
vmctl shutdown -w guest1; check shutdown $?
! listed guest1; check "shut down and gone" $?
vmctl create /boot/guest/bad.xml 2>/tmp/err
check "bad kernel refused" $(($? != 1))
grep -q 'neither an ELF image, a bzImage nor a compressed' /tmp/err
check "bad kernel message" $?
vmctl create /boot/guest/small.xml 2>/tmp/err
check "small refused" $(($? != 1))
grep -q 'more than the domain' /tmp/err; check "small message" $?
vmctl create /boot/guest/crash.xml; check "create crasher" $?
seen crash 2; check "crashed guest restarted" $?
vmctl destroy crash; check "destroy crasher" $?
vmctl create -p /boot/guest/paused.xml; check "create paused" $?
paused paused; check "stays paused" $?
vmctl destroy paused; check destroy $?
vmctl list
[ "$(vmctl list --json | grep -c '"name"')" = 1 ]
check "only Domain-0 left" $?
vmctl dmesg >/dev/null; check dmesg $?
echo "CHECK done"
EOF
chmod +x "$work/domu-script" "$work/dom0-script"

ex=$top_srcdir/examples/domain.xml
sed 's|<kernel>[^<]*</kernel>|<kernel>/dom0.xml</kernel>|;
     s|<name>guest1<|<name>bad<|' "$ex" > "$work/bad.xml"
sed 's|<memory unit=.MiB.>128<|<memory unit="MiB">32<|;
     s|<currentMemory unit=.MiB.>128<|<currentMemory unit="MiB">32<|;
     s|<name>guest1<|<name>small<|' "$ex" > "$work/small.xml"
sed 's|rdinit=/init|rdinit=/init crashme|; s|<name>guest1<|<name>crash<|;
     s|<on_crash>destroy<|<on_crash>restart<|' "$ex" > "$work/crash.xml"
sed 's|<name>guest1<|<name>paused<|' "$ex" > "$work/paused.xml"

mk=$top_srcdir/scripts/mkinitramfs
REF_CACHE=$REF_CACHE "$mk" "$work/domu.cpio.gz" --run "$work/domu-script" \
    >/dev/null || exit 99
adds=
for b in $bin; do
    [ -x "$b" ] || { echo "$me: $b not built"; exit 99; }
    adds="$adds --add $b:/bin/${b##*/}"
done
# Dynamic binaries: their libraries go where the loader looks for them.
for l in $(ldd $bin | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
    adds="$adds --add $(readlink -f "$l"):$l"
done
for f in bad small crash paused; do
    adds="$adds --add $work/$f.xml:/boot/guest/$f.xml"
done
# shellcheck disable=SC2086
REF_CACHE=$REF_CACHE "$mk" "$work/dom0.cpio.gz" --run "$work/dom0-script" \
    $adds --add "$ex:/boot/guest/domain.xml" \
    --add "$(readlink -f "$vmlinuz"):/boot/guest/vmlinuz" \
    --add "$work/domu.cpio.gz:/boot/guest/initrd.cpio.gz" \
    --add "$ex:/dom0.xml" >/dev/null || exit 99

# The reference setup of tests/linux/dom0-boot.
serial=$log
hv_args="console=com1 dom0_mem=1024M,max:1024M dom0_max_vcpus=1"
hv_args="$hv_args loglvl=all guest_loglvl=all"
module="$vmlinuz console=hvc0 earlyprintk=xen rdinit=/init"
timeout -k 5 "${HV_LIBCTL_XEN_TIMEOUT:-400}" "$QEMU" -accel tcg \
    -cpu qemu64,+svm,+rdrand -m 2048 -smp 1 -display none -vga none \
    -monitor none -no-reboot -serial "file:$serial" \
    -kernel "$xen" -append "$hv_args" \
    -initrd "$module,$work/dom0.cpio.gz" </dev/null >"$work/qemu.out" 2>&1

grep -a '^TIME ' "$serial"
fails=$(grep -ac '^CHECK fail' "$serial")
grep -a '^CHECK fail' "$serial"
if ! grep -aq '^CHECK done' "$serial"; then
    echo "FAIL: $me: dom0 did not finish (see $serial)"
    exit 1
fi
if [ "$fails" != 0 ]; then
    echo "FAIL: $me: $fails check(s) failed (see $serial)"
    exit 1
fi
echo "PASS: $me: $(grep -ac '^CHECK ok' "$serial") checks on Xen 4.17"
exit 0
