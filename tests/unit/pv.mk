# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the first hypercalls (common/kernel.c, console-io.c,
# schedule.c) against a fake guest memory.
check_PROGRAMS += tests/unit/test-hypercalls
TESTS += tests/unit/test-hypercalls
tests_unit_test_hypercalls_SOURCES = tests/unit/test-hypercalls.c \
	hypervisor/common/kernel.c hypervisor/common/console-io.c \
	hypervisor/common/schedule.c hypervisor/common/timer.c
tests_unit_test_hypercalls_CPPFLAGS = -D__XEN_INTERFACE_VERSION__=0x00040e00 \
	-I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_hypercalls_CFLAGS = $(CUNIT_CFLAGS) -Wall -Wextra \
	-Wno-unused-parameter
tests_unit_test_hypercalls_LDADD = $(CUNIT_LIBS)

# The credit scheduler, simulated.
check_PROGRAMS += tests/unit/test-sched-credit
TESTS += tests/unit/test-sched-credit
tests_unit_test_sched_credit_SOURCES = tests/unit/test-sched-credit.c \
	hypervisor/common/sched/credit.c
tests_unit_test_sched_credit_CPPFLAGS = -I$(top_srcdir)/hypervisor/include
tests_unit_test_sched_credit_CFLAGS = $(CUNIT_CFLAGS) -Wall -Wextra \
	-Wno-unused-parameter
tests_unit_test_sched_credit_LDADD = $(CUNIT_LIBS)
