# SPDX-License-Identifier: GPL-2.0-only
# Host tests of domain control: the lifecycle in common/domain.c and the
# domctl and sysctl operations, over a counting page allocator and the
# real event channels and credit parameters.
check_PROGRAMS += tests/unit/test-domctl
TESTS += tests/unit/test-domctl
tests_unit_test_domctl_SOURCES = tests/unit/test-domctl.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	hypervisor/common/domain.c hypervisor/common/domain-config.c \
	hypervisor/common/domctl.c hypervisor/common/domctl-domain.c \
	hypervisor/common/domctl-vcpu.c hypervisor/common/domctl-sched.c \
	hypervisor/common/sysctl.c hypervisor/common/sysctl-info.c \
	hypervisor/common/sysctl-console.c \
	hypervisor/common/event_channel.c hypervisor/common/event_2l.c \
	hypervisor/common/sched/credit.c
tests_unit_test_domctl_CPPFLAGS = -D__XEN_TOOLS__ $(HV_UNIT_CPPFLAGS) \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_domctl_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_domctl_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_domctl_LDADD = $(CUNIT_LIBS)
