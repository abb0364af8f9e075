# SPDX-License-Identifier: GPL-2.0-only
# libctl over the fake hypervisor (libctl/fake/):
#  - test-libctl: every xc_* call's marshalling at interface version 0x15,
#    event channels, grants, foreign mappings, the pinning rules
#  - test-libctl-build: the PV builder on real and synthetic kernels
#    (tests/guests/hello.elf; Debian's bzImage from REF_CACHE when there),
#    its layout, page tables, start_info, and its refusals
# Both run under ASan/UBSan when the compiler has them.

TEST_LIBCTL_CPPFLAGS = $(LIBCTL_CPPFLAGS) -I$(top_srcdir) \
	-I$(top_srcdir)/tests/unit
TEST_LIBCTL_CFLAGS = $(LIBCTL_CFLAGS) $(CUNIT_CFLAGS) $(HV_UNIT_SAN)
TEST_LIBCTL_LDADD = libctl/libctl-fake.a libctl/libctl.a \
	$(LIBCTL_DEP_LIBS) $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test-libctl tests/unit/test-libctl-build
TESTS += tests/unit/test-libctl tests/unit/test-libctl-build

tests_unit_test_libctl_SOURCES = tests/unit/test-libctl.c
tests_unit_test_libctl_CPPFLAGS = $(TEST_LIBCTL_CPPFLAGS)
tests_unit_test_libctl_CFLAGS = $(TEST_LIBCTL_CFLAGS)
tests_unit_test_libctl_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_libctl_LDADD = $(TEST_LIBCTL_LDADD)

tests_unit_test_libctl_build_SOURCES = tests/unit/test-libctl-build.c \
	tests/unit/builder/elf-image.c tests/unit/builder/elf-image.h
tests_unit_test_libctl_build_CPPFLAGS = $(TEST_LIBCTL_CPPFLAGS)
tests_unit_test_libctl_build_CFLAGS = $(TEST_LIBCTL_CFLAGS)
tests_unit_test_libctl_build_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_libctl_build_LDADD = $(TEST_LIBCTL_LDADD)
