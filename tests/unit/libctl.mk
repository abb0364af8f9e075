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

# The shared library's exports against libctl.map and the headers.
TESTS += tests/unit/libctl-symbols.sh
EXTRA_DIST += tests/unit/libctl-symbols.sh

# vmctl's operations over libctl's fake and vmstored's engine in a thread.
check_PROGRAMS += tests/unit/test-vmctl-ops
TESTS += tests/unit/test-vmctl-ops
tests_unit_test_vmctl_ops_SOURCES = tests/unit/test-vmctl-ops.c \
	dom0-tools/vmctl/ops-libctl.c dom0-tools/vmctl/ops-list.c \
	dom0-tools/vmctl/ops-create.c dom0-tools/vmctl/dom-build.c \
	dom0-tools/vmctl/keeper.c dom0-tools/vmctl/console-attach.c \
	dom0-tools/vmctl/cpulist.c
tests_unit_test_vmctl_ops_CPPFLAGS = $(DOM0_CPPFLAGS) -D_GNU_SOURCE \
	-I$(top_srcdir)/dom0-tools/vmctl -I$(top_srcdir)/libctl \
	-I$(top_srcdir) -I$(top_srcdir)/dom0-tools/vmstored
tests_unit_test_vmctl_ops_CFLAGS = $(DOM0_CFLAGS) $(YAJL_CFLAGS) \
	$(CUNIT_CFLAGS) $(HV_UNIT_SAN)
tests_unit_test_vmctl_ops_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_vmctl_ops_LDADD = dom0-tools/vmstored/libvmstored.a \
	$(TEST_LIBCTL_LDADD) $(DOMCFG_LIBS) -lpthread
