# SPDX-License-Identifier: GPL-2.0-only
# Boot tests: each case boots one micro test guest on the reference Xen 4.17
# and on our hypervisor under QEMU (tests/boot/boot-diff) and compares.

TEST_EXTENSIONS += .test .case
CASE_LOG_COMPILER = $(SHELL) $(srcdir)/tests/boot/boot-diff

BOOT_CASES = \
	tests/boot/cases/bad-hypercall.case \
	tests/boot/cases/bad-pointer.case \
	tests/boot/cases/cmdline.case \
	tests/boot/cases/console.case \
	tests/boot/cases/evtchn.case \
	tests/boot/cases/fault-de.case \
	tests/boot/cases/fault-gp.case \
	tests/boot/cases/fault-int3.case \
	tests/boot/cases/fault-pf.case \
	tests/boot/cases/fault-ud2.case \
	tests/boot/cases/hcall-page.case \
	tests/boot/cases/hello.case \
	tests/boot/cases/memory.case \
	tests/boot/cases/mmu.case \
	tests/boot/cases/multicall.case \
	tests/boot/cases/sched.case \
	tests/boot/cases/shutdown-code.case \
	tests/boot/cases/shutdown-crash.case \
	tests/boot/cases/shutdown-poweroff.case \
	tests/boot/cases/shutdown-reboot.case \
	tests/boot/cases/shutdown-soft-reset.case \
	tests/boot/cases/shutdown-suspend.case \
	tests/boot/cases/shutdown-unknown.case \
	tests/boot/cases/shutdown-watchdog.case \
	tests/boot/cases/start-info.case \
	tests/boot/cases/version.case \
	tests/boot/cases/vm-assist.case \
	tests/boot/cases/watchdog.case

TESTS += $(BOOT_CASES)
EXTRA_DIST += $(BOOT_CASES) tests/boot/boot-diff tests/boot/run-guest
CLEANFILES += tests/boot/cases/*.serial tests/boot/cases/*.serial.qemu \
	tests/boot/cases/*.out
