# SPDX-License-Identifier: GPL-2.0-only
# vmconsoled, the console daemon: its core as a library (the unit tests
# build the same sources over fakes) and the daemon over libctl.

CONSD_CPPFLAGS = -D_GNU_SOURCE -I$(top_srcdir)/hypervisor/include
CONSD_CFLAGS = -std=c11 -Wall -Wextra
CONSD_CORE = \
	dom0-tools/consoled/console.c dom0-tools/consoled/console.h \
	dom0-tools/consoled/daemon.c dom0-tools/consoled/daemon.h \
	dom0-tools/consoled/hv.h dom0-tools/consoled/store.h \
	dom0-tools/consoled/logfile.c dom0-tools/consoled/logfile.h \
	dom0-tools/consoled/msg.c dom0-tools/consoled/msg.h \
	dom0-tools/consoled/pty.c dom0-tools/consoled/pty.h \
	dom0-tools/consoled/ring.c dom0-tools/consoled/ring.h

noinst_LIBRARIES += dom0-tools/consoled/libconsoled.a
dom0_tools_consoled_libconsoled_a_SOURCES = $(CONSD_CORE)
dom0_tools_consoled_libconsoled_a_CPPFLAGS = $(CONSD_CPPFLAGS)
dom0_tools_consoled_libconsoled_a_CFLAGS = $(CONSD_CFLAGS)

bin_PROGRAMS += dom0-tools/consoled/vmconsoled
dom0_tools_consoled_vmconsoled_SOURCES = dom0-tools/consoled/main.c \
	dom0-tools/consoled/hv-libctl.c dom0-tools/consoled/store-libctl.c
dom0_tools_consoled_vmconsoled_CPPFLAGS = $(CONSD_CPPFLAGS) \
	-I$(top_srcdir)/libctl
dom0_tools_consoled_vmconsoled_CFLAGS = $(CONSD_CFLAGS)
dom0_tools_consoled_vmconsoled_LDADD = dom0-tools/consoled/libconsoled.a \
	libctl/libctl.a $(LIBCTL_DEP_LIBS)

dist_man_MANS += dom0-tools/consoled/vmconsoled.8
EXTRA_DIST += dom0-tools/consoled/.gitignore
