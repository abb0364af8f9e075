# SPDX-License-Identifier: GPL-2.0-only
# Host tests of grant tables (common/grant_table.c, grant-map.c,
# grant-copy.c) over the real frame table and page allocator; frames live
# in the arena of tests/unit/mm-harness/asm/mm.h.
check_PROGRAMS += tests/unit/test-gnttab
TESTS += tests/unit/test-gnttab
tests_unit_test_gnttab_SOURCES = tests/unit/test-gnttab.c \
	$(HV_HARNESS_SOURCES) tests/unit/harness/printk.c \
	tests/unit/mm-harness/asm/mm.h \
	hypervisor/common/page-alloc.c \
	hypervisor/arch/x86/mm/frame-table.c \
	hypervisor/arch/x86/mm/audit.c \
	hypervisor/common/grant_table.c \
	hypervisor/common/grant-map.c \
	hypervisor/common/grant-copy.c \
	hypervisor/common/grant-private.h \
	hypervisor/include/hv/grant_table.h
tests_unit_test_gnttab_CPPFLAGS = -D__HV__ \
	-I$(top_srcdir)/tests/unit/mm-harness -I$(top_srcdir)/tests/unit \
	-I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_gnttab_CFLAGS = $(HV_UNIT_CFLAGS)
tests_unit_test_gnttab_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_gnttab_LDADD = $(CUNIT_LIBS)
