# SPDX-License-Identifier: GPL-2.0-only
# Host tests of hypercall continuations (common/hypercall-continue.c),
# and the stand-in that the other host tests of hypercall handlers link:
# there, no hypercall is ever asked to stop.  Included after the
# fragments that define those programs.
check_PROGRAMS += tests/unit/test-continuation
TESTS += tests/unit/test-continuation
tests_unit_test_continuation_SOURCES = tests/unit/test-continuation.c \
	$(HV_HARNESS_SOURCES) hypervisor/common/hypercall-continue.c
tests_unit_test_continuation_CPPFLAGS = $(HV_UNIT_CPPFLAGS) \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_continuation_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_continuation_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_continuation_LDADD = $(CUNIT_LIBS)

# The MMU and memory_op handlers continued at scripted points, over the
# frame table's host harness (tests/unit/mm-harness).
check_PROGRAMS += tests/unit/test-contin-mm
TESTS += tests/unit/test-contin-mm
tests_unit_test_contin_mm_SOURCES = tests/unit/test-contin-mm.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	tests/unit/mm-harness/asm/mm.h \
	tests/unit/mm-harness/mm-env.c tests/unit/mm-harness/mm-env.h \
	hypervisor/common/page-alloc.c \
	hypervisor/arch/x86/mm/frame-table.c \
	hypervisor/arch/x86/mm/validate.c \
	hypervisor/arch/x86/mm/mmu-ops.c \
	hypervisor/arch/x86/mm/audit.c \
	hypervisor/common/memory.c
tests_unit_test_contin_mm_CPPFLAGS = -D__HV__ \
	-I$(top_srcdir)/tests/unit/mm-harness -I$(top_srcdir)/tests/unit \
	-I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_contin_mm_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_contin_mm_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_contin_mm_LDADD = $(CUNIT_LIBS)

# Other host tests of hypercall handlers: never asked to stop.
tests_unit_test_frame_table_SOURCES += tests/unit/contin-stub.c
tests_unit_test_gnttab_SOURCES += tests/unit/contin-stub.c
tests_unit_test_domctl_SOURCES += tests/unit/contin-stub.c
tests_unit_test_hypercalls_SOURCES += tests/unit/contin-stub.c
