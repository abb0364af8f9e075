# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the scheduler core (common/sched/core.c) over the real
# credit policy and timer list, with the arch side recording switches.
check_PROGRAMS += tests/unit/test-sched-core
TESTS += tests/unit/test-sched-core
tests_unit_test_sched_core_SOURCES = tests/unit/test-sched-core.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	hypervisor/common/sched/core.c hypervisor/common/sched/credit.c \
	hypervisor/common/timer.c
tests_unit_test_sched_core_CPPFLAGS = -D__XEN_TOOLS__ $(HV_UNIT_CPPFLAGS) \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_sched_core_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_sched_core_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_sched_core_LDADD = $(CUNIT_LIBS)
