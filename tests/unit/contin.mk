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

tests_unit_test_frame_table_SOURCES += tests/unit/contin-stub.c
tests_unit_test_gnttab_SOURCES += tests/unit/contin-stub.c
tests_unit_test_domctl_SOURCES += tests/unit/contin-stub.c
tests_unit_test_hypercalls_SOURCES += tests/unit/contin-stub.c
