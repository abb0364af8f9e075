# SPDX-License-Identifier: GPL-2.0-only
# Bad dom0 kernels: both hypervisors must refuse each with a clear message.
check_PROGRAMS += tests/boot/mkbadkernel
tests_boot_mkbadkernel_SOURCES = tests/boot/mkbadkernel.c

TEST_EXTENSIONS += .bad
BAD_LOG_COMPILER = $(SHELL) $(srcdir)/tests/boot/bad-kernel
BAD_KERNEL_CASES = \
	tests/boot/badkernel/notelf.bad \
	tests/boot/badkernel/elf32.bad \
	tests/boot/badkernel/nonotes.bad \
	tests/boot/badkernel/badloader.bad \
	tests/boot/badkernel/huge.bad \
	tests/boot/badkernel/big.bad \
	tests/boot/badkernel/truncated.bad
TESTS += $(BAD_KERNEL_CASES)
EXTRA_DIST += $(BAD_KERNEL_CASES) tests/boot/bad-kernel
CLEANFILES += tests/boot/badkernel/*.img tests/boot/badkernel/*.serial
