# SPDX-License-Identifier: GPL-2.0-only
# Host tests of the 2-level event channels (common/event_channel.c,
# event_2l.c) against fake domains and a fake shared_info.
check_PROGRAMS += tests/unit/test-evtchn
TESTS += tests/unit/test-evtchn
tests_unit_test_evtchn_SOURCES = tests/unit/test-evtchn.c \
	hypervisor/common/event_channel.c hypervisor/common/event_2l.c \
	hypervisor/common/event_channel.h hypervisor/include/hv/event.h \
	hypervisor/include/hv/spinlock.h
tests_unit_test_evtchn_CPPFLAGS = -I$(top_srcdir)/hypervisor/include \
	-I$(top_srcdir)/hypervisor/arch/x86/include
tests_unit_test_evtchn_CFLAGS = $(CUNIT_CFLAGS) -Wall -Wextra \
	-Wno-unused-parameter
tests_unit_test_evtchn_LDADD = $(CUNIT_LIBS)
