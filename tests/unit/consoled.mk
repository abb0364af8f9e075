# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the console daemon and of `vmctl console`:
#  - test-consoled-ring: the ring copies, wrap-around, hostile indices
#  - test-consoled: the daemon's core over fake transports (domains coming
#    and going, logs, real ptys, misbehaving guests)
#  - test-consoled-attach: vmctl's attach client against a real pty
#  - test-consoled-e2e: all of it over the real transports

CONSD_TEST_CPPFLAGS = -D_GNU_SOURCE -I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/dom0-tools/consoled
CONSD_TEST_CFLAGS = $(CUNIT_CFLAGS) $(HV_UNIT_SAN) -std=c11 -Wall -Wextra
CONSD_FAKES = dom0-tools/consoled/fake.h dom0-tools/consoled/hv-fake.c \
	dom0-tools/consoled/store-fake.c

check_PROGRAMS += tests/unit/test-consoled-ring tests/unit/test-consoled \
	tests/unit/test-consoled-attach
TESTS += tests/unit/test-consoled-ring tests/unit/test-consoled \
	tests/unit/test-consoled-attach

tests_unit_test_consoled_ring_SOURCES = tests/unit/test-consoled-ring.c \
	dom0-tools/consoled/ring.c dom0-tools/consoled/ring.h
tests_unit_test_consoled_ring_CPPFLAGS = $(CONSD_TEST_CPPFLAGS)
tests_unit_test_consoled_ring_CFLAGS = $(CONSD_TEST_CFLAGS)
tests_unit_test_consoled_ring_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_consoled_ring_LDADD = $(CUNIT_LIBS)

tests_unit_test_consoled_SOURCES = tests/unit/test-consoled.c \
	$(CONSD_CORE) $(CONSD_FAKES)
tests_unit_test_consoled_CPPFLAGS = $(CONSD_TEST_CPPFLAGS)
tests_unit_test_consoled_CFLAGS = $(CONSD_TEST_CFLAGS)
tests_unit_test_consoled_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_consoled_LDADD = $(CUNIT_LIBS)

tests_unit_test_consoled_attach_SOURCES = tests/unit/test-consoled-attach.c \
	dom0-tools/vmctl/console-attach.c dom0-tools/vmctl/console-attach.h
tests_unit_test_consoled_attach_CPPFLAGS = $(CONSD_TEST_CPPFLAGS) \
	-I$(top_srcdir)/dom0-tools/vmctl -I$(top_srcdir)/libctl
tests_unit_test_consoled_attach_CFLAGS = $(CONSD_TEST_CFLAGS)
tests_unit_test_consoled_attach_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_consoled_attach_LDADD = libctl/libctl.a $(LIBCTL_DEP_LIBS) \
	$(CUNIT_LIBS)

# The daemon over its real transports: libctl on libctl's fake hypervisor,
# xenstore on vmstored's engine in a thread; vmctl console attached.
check_PROGRAMS += tests/unit/test-consoled-e2e
TESTS += tests/unit/test-consoled-e2e
tests_unit_test_consoled_e2e_SOURCES = tests/unit/test-consoled-e2e.c \
	$(CONSD_CORE) dom0-tools/consoled/hv-libctl.c \
	dom0-tools/consoled/store-libctl.c dom0-tools/vmctl/console-attach.c
tests_unit_test_consoled_e2e_CPPFLAGS = $(CONSD_TEST_CPPFLAGS) \
	-I$(top_srcdir)/dom0-tools/vmctl -I$(top_srcdir)/libctl \
	-I$(top_srcdir)/dom0-tools/vmstored
tests_unit_test_consoled_e2e_CFLAGS = $(CONSD_TEST_CFLAGS)
tests_unit_test_consoled_e2e_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_consoled_e2e_LDADD = dom0-tools/vmstored/libvmstored.a \
	libctl/libctl-fake.a libctl/libctl.a $(LIBCTL_DEP_LIBS) \
	$(CUNIT_LIBS) -lpthread
