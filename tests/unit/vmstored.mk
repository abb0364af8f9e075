# SPDX-License-Identifier: GPL-2.0-only
# Host tests of vmstored: the engine (requests as bytes, replies from the
# queue), the ring transport over a fake hypervisor, and the daemon itself
# over a real socket, driven by Debian's xenstore clients when installed.

VMSTORED_ENGINE = dom0-tools/vmstored/conn.c dom0-tools/vmstored/domain.c \
	dom0-tools/vmstored/log.c dom0-tools/vmstored/ops-control.c \
	dom0-tools/vmstored/ops-domain.c dom0-tools/vmstored/ops-node.c \
	dom0-tools/vmstored/ops-txn.c dom0-tools/vmstored/ops-watch.c \
	dom0-tools/vmstored/path.c dom0-tools/vmstored/perms.c \
	dom0-tools/vmstored/proto.c dom0-tools/vmstored/ring.c \
	dom0-tools/vmstored/store.c dom0-tools/vmstored/txn.c \
	dom0-tools/vmstored/view.c dom0-tools/vmstored/vmstored.c \
	dom0-tools/vmstored/watch.c dom0-tools/vmstored/xenif-fake.c \
	dom0-tools/vmstored/xenif-fake.h \
	tests/unit/test-vmstored-util.c tests/unit/vmstored-util.h
VMSTORED_TEST_CPPFLAGS = -D_GNU_SOURCE -I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/dom0-tools/vmstored
VMSTORED_TEST_CFLAGS = $(CUNIT_CFLAGS) $(HV_UNIT_SAN) -std=c11 -Wall -Wextra

check_PROGRAMS += tests/unit/test-vmstored tests/unit/test-vmstored-ring \
	tests/unit/test-vmstored-e2e
TESTS += tests/unit/test-vmstored tests/unit/test-vmstored-ring \
	tests/unit/test-vmstored-e2e

tests_unit_test_vmstored_SOURCES = tests/unit/test-vmstored.c \
	$(VMSTORED_ENGINE)
tests_unit_test_vmstored_CPPFLAGS = $(VMSTORED_TEST_CPPFLAGS)
tests_unit_test_vmstored_CFLAGS = $(VMSTORED_TEST_CFLAGS)
tests_unit_test_vmstored_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_vmstored_LDADD = $(CUNIT_LIBS)

tests_unit_test_vmstored_ring_SOURCES = tests/unit/test-vmstored-ring.c \
	$(VMSTORED_ENGINE)
tests_unit_test_vmstored_ring_CPPFLAGS = $(VMSTORED_TEST_CPPFLAGS)
tests_unit_test_vmstored_ring_CFLAGS = $(VMSTORED_TEST_CFLAGS)
tests_unit_test_vmstored_ring_LDFLAGS = $(HV_UNIT_SAN)
tests_unit_test_vmstored_ring_LDADD = $(CUNIT_LIBS)

# Runs $(top_builddir)/dom0-tools/vmstored/vmstored.
tests_unit_test_vmstored_e2e_SOURCES = tests/unit/test-vmstored-e2e.c
tests_unit_test_vmstored_e2e_CPPFLAGS = $(VMSTORED_TEST_CPPFLAGS)
tests_unit_test_vmstored_e2e_CFLAGS = $(CUNIT_CFLAGS) -std=c11 -Wall -Wextra
tests_unit_test_vmstored_e2e_LDADD = $(CUNIT_LIBS)
