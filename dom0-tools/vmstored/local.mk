# SPDX-License-Identifier: GPL-2.0-only
# vmstored, the xenstore daemon: the engine as a library (the unit tests
# link it too) and the daemon around it.

VMSTORED_CPPFLAGS = -D_GNU_SOURCE -I$(top_srcdir)/hypervisor/include
VMSTORED_CFLAGS = -std=c11 -Wall -Wextra

noinst_LIBRARIES += dom0-tools/vmstored/libvmstored.a
dom0_tools_vmstored_libvmstored_a_CPPFLAGS = $(VMSTORED_CPPFLAGS)
dom0_tools_vmstored_libvmstored_a_CFLAGS = $(VMSTORED_CFLAGS)
dom0_tools_vmstored_libvmstored_a_SOURCES = \
	dom0-tools/vmstored/conn.c dom0-tools/vmstored/conn.h \
	dom0-tools/vmstored/domain.c dom0-tools/vmstored/domain.h \
	dom0-tools/vmstored/log.c dom0-tools/vmstored/log.h \
	dom0-tools/vmstored/ops.h dom0-tools/vmstored/ops-control.c \
	dom0-tools/vmstored/ops-domain.c dom0-tools/vmstored/ops-node.c \
	dom0-tools/vmstored/ops-txn.c dom0-tools/vmstored/ops-watch.c \
	dom0-tools/vmstored/path.c dom0-tools/vmstored/path.h \
	dom0-tools/vmstored/perms.c dom0-tools/vmstored/perms.h \
	dom0-tools/vmstored/proto.c dom0-tools/vmstored/proto.h \
	dom0-tools/vmstored/ring.c dom0-tools/vmstored/server.c \
	dom0-tools/vmstored/server.h dom0-tools/vmstored/sock.c \
	dom0-tools/vmstored/sock.h dom0-tools/vmstored/store.c \
	dom0-tools/vmstored/store.h dom0-tools/vmstored/txn.c \
	dom0-tools/vmstored/txn.h dom0-tools/vmstored/view.c \
	dom0-tools/vmstored/view.h dom0-tools/vmstored/vmstored.c \
	dom0-tools/vmstored/vmstored.h dom0-tools/vmstored/watch.c \
	dom0-tools/vmstored/watch.h dom0-tools/vmstored/xenif.h \
	dom0-tools/vmstored/xenif-linux.c dom0-tools/vmstored/linux-privcmd.h

bin_PROGRAMS += dom0-tools/vmstored/vmstored
dom0_tools_vmstored_vmstored_CPPFLAGS = $(VMSTORED_CPPFLAGS)
dom0_tools_vmstored_vmstored_CFLAGS = $(VMSTORED_CFLAGS)
dom0_tools_vmstored_vmstored_SOURCES = dom0-tools/vmstored/main.c
dom0_tools_vmstored_vmstored_LDADD = dom0-tools/vmstored/libvmstored.a

EXTRA_DIST += dom0-tools/vmstored/.gitignore
