# SPDX-License-Identifier: GPL-2.0-only
# Debian's Linux as dom0: the initramfs builder, the dom0 boot test (once on
# Xen 4.17, ten times in a row on ours, key lines compared), the toolstack
# test (vmctl creating Linux guests, on both) and the boot benchmark.

TESTS += tests/linux/dom0-boot tests/linux/toolstack
EXTRA_DIST += tests/linux/dom0-boot tests/linux/dom0-checks \
	tests/linux/toolstack tests/linux/toolstack-checks \
	tests/linux/toolstack-domu \
	tests/linux/xen-version.c tests/linux/trace-hypercalls \
	tests/linux/hypercall-trace.py tests/linux/hcall-log.awk \
	scripts/mkinitramfs \
	scripts/initramfs/init scripts/vmlinuz-to-elf bench/linux-boot
CLEANFILES += tests/linux/xen-version tests/linux/dom0-test.cpio.gz \
	tests/linux/dom0-test.cpio.gz.key tests/linux/vmlinux.elf \
	tests/linux/vmlinux.elf.key tests/linux/dom0-boot.*.serial \
	tests/linux/dom0-boot.*.serial.qemu tests/linux/dom0-boot.*.keys \
	tests/linux/dom0-boot.diff tests/linux/dom0.cpio.gz \
	tests/linux/dom0.cpio.gz.key tests/linux/trace.* \
	tests/linux/toolstack.*.serial

# The same on two CPUs: dom0 with two VCPUs (dom0-boot --smp 2), and the
# toolstack with a two-VCPU domU (about two minutes for both hypervisors).
TESTS += tests/linux/dom0-boot-smp tests/linux/toolstack-smp
EXTRA_DIST += tests/linux/dom0-boot-smp tests/linux/toolstack-smp \
	tests/linux/toolstack-checks-smp tests/linux/toolstack-domu-smp
CLEANFILES += tests/linux/dom0-boot-smp2.* tests/linux/toolstack-smp.*.serial

# Consolidation: four Linux domUs at once from a two-VCPU dom0, on both
# (run by hand: tests/linux/toolstack-many; 4 to 7 minutes for both
# hypervisors, longer than make check should wait).
EXTRA_DIST += tests/linux/toolstack-many tests/linux/toolstack-many-checks \
	tests/linux/toolstack-many-domu
CLEANFILES += tests/linux/toolstack-many.*.serial

# `make initramfs`: the plain dom0 initramfs (marker, then poweroff).
.PHONY: initramfs
initramfs:
	@$(MKDIR_P) tests/linux
	REF_CACHE='$(REF_CACHE)' $(srcdir)/scripts/mkinitramfs \
		tests/linux/dom0.cpio.gz
