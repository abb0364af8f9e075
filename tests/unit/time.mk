# SPDX-License-Identifier: GPL-2.0-only
# Host tests of guest time (common/time.c, vcpu-timer.c, runstate.c,
# vcpu-op.c) over a fake TSC, fake frames and a fake guest memory.
check_PROGRAMS += tests/unit/test-time
TESTS += tests/unit/test-time
tests_unit_test_time_SOURCES = tests/unit/test-time.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	tests/unit/time-harness/asm/mm.h \
	hypervisor/common/time.c hypervisor/common/vcpu-timer.c \
	hypervisor/common/runstate.c hypervisor/common/vcpu-op.c \
	hypervisor/common/timer.c
# The harness's asm/ first: it stands in for the machine's.
tests_unit_test_time_CPPFLAGS = -I$(top_srcdir)/tests/unit/time-harness \
	$(HV_UNIT_CPPFLAGS) -I$(top_srcdir)/hypervisor/arch/x86/include \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
tests_unit_test_time_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_time_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_time_LDADD = $(CUNIT_LIBS)

# platform_op and the wallclock with each domain's offset (common/
# platform-op.c, common/time.c) over fake CPUs, domains and guest memory.
check_PROGRAMS += tests/unit/test-platform-op
TESTS += tests/unit/test-platform-op
tests_unit_test_platform_op_SOURCES = tests/unit/test-platform-op.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	tests/unit/time-harness/asm/mm.h \
	hypervisor/common/platform-op.c hypervisor/common/time.c
tests_unit_test_platform_op_CPPFLAGS = \
	-I$(top_srcdir)/tests/unit/time-harness $(HV_UNIT_CPPFLAGS) \
	-I$(top_srcdir)/hypervisor/arch/x86/include \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
tests_unit_test_platform_op_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_platform_op_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_platform_op_LDADD = $(CUNIT_LIBS)
