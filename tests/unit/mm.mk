# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the PV MMU's reference-count model (arch/x86/mm/) and of
# memory_op's reservations (common/memory.c) over an arena of host memory:
# tests/unit/mm-harness/asm/mm.h stands in for the machine's frame access
# and TLB.
check_PROGRAMS += tests/unit/test-frame-table
TESTS += tests/unit/test-frame-table
tests_unit_test_frame_table_SOURCES = tests/unit/test-frame-table.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	tests/unit/mm-harness/asm/mm.h \
	tests/unit/mm-harness/mm-env.c tests/unit/mm-harness/mm-env.h \
	hypervisor/common/page-alloc.c \
	hypervisor/arch/x86/mm/frame-table.c \
	hypervisor/arch/x86/mm/validate.c \
	hypervisor/arch/x86/mm/mmu-ops.c \
	hypervisor/arch/x86/mm/audit.c \
	hypervisor/common/memory.c
tests_unit_test_frame_table_CPPFLAGS = -D__HV__ \
	-I$(top_srcdir)/tests/unit/mm-harness -I$(top_srcdir)/tests/unit \
	-I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_frame_table_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_frame_table_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_frame_table_LDADD = $(CUNIT_LIBS)

# Validation and devalidation of page-table trees stopped at every
# preemption point, abandoned, changed between pieces.
check_PROGRAMS += tests/unit/test-pt-preempt
TESTS += tests/unit/test-pt-preempt
tests_unit_test_pt_preempt_SOURCES = tests/unit/test-pt-preempt.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	tests/unit/mm-harness/asm/mm.h \
	tests/unit/mm-harness/mm-env.c tests/unit/mm-harness/mm-env.h \
	hypervisor/common/page-alloc.c \
	hypervisor/arch/x86/mm/frame-table.c \
	hypervisor/arch/x86/mm/validate.c \
	hypervisor/arch/x86/mm/mmu-ops.c \
	hypervisor/arch/x86/mm/audit.c
tests_unit_test_pt_preempt_CPPFLAGS = $(tests_unit_test_frame_table_CPPFLAGS)
tests_unit_test_pt_preempt_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_pt_preempt_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_pt_preempt_LDADD = $(CUNIT_LIBS)
