# SPDX-License-Identifier: GPL-2.0-only
# The dom0 toolstack: libdomcfg (domain XML to configuration and JSON) and
# vmctl, the command line over it.

DOM0_CPPFLAGS = -D_POSIX_C_SOURCE=200809L \
	-I$(top_srcdir)/dom0-tools/common -I$(top_srcdir)/hypervisor/include
DOM0_CFLAGS = -std=c11 -Wall -Wextra

noinst_LIBRARIES += dom0-tools/common/libdomcfg.a
dom0_tools_common_libdomcfg_a_SOURCES = \
	dom0-tools/common/domcfg.h \
	dom0-tools/common/domcfg-priv.h \
	dom0-tools/common/domcfg.c \
	dom0-tools/common/domcfg-xml.c \
	dom0-tools/common/domcfg-domain.c \
	dom0-tools/common/domcfg-os.c \
	dom0-tools/common/domcfg-devices.c \
	dom0-tools/common/domcfg-units.c \
	dom0-tools/common/domcfg-random.c \
	dom0-tools/common/domcfg-json.c
dom0_tools_common_libdomcfg_a_CPPFLAGS = $(DOM0_CPPFLAGS)
dom0_tools_common_libdomcfg_a_CFLAGS = $(DOM0_CFLAGS) $(LIBXML2_CFLAGS) \
	$(YAJL_CFLAGS)
DOMCFG_LIBS = dom0-tools/common/libdomcfg.a $(LIBXML2_LIBS) $(YAJL_LIBS)

bin_PROGRAMS += dom0-tools/vmctl/vmctl
dom0_tools_vmctl_vmctl_SOURCES = \
	dom0-tools/vmctl/vmctl.h \
	dom0-tools/vmctl/vmctl.c \
	dom0-tools/vmctl/cmdtable.c \
	dom0-tools/vmctl/cmd-create.c \
	dom0-tools/vmctl/cmd-domain.c \
	dom0-tools/vmctl/cmd-host.c \
	dom0-tools/vmctl/cmd-tune.c \
	dom0-tools/vmctl/cpulist.h \
	dom0-tools/vmctl/cpulist.c \
	dom0-tools/vmctl/ops.h \
	dom0-tools/vmctl/ops-libctl.h \
	dom0-tools/vmctl/ops-libctl.c \
	dom0-tools/vmctl/ops-list.c \
	dom0-tools/vmctl/ops-create.c \
	dom0-tools/vmctl/dom-build.c \
	dom0-tools/vmctl/keeper.c \
	dom0-tools/vmctl/console-attach.h \
	dom0-tools/vmctl/console-attach.c
dom0_tools_vmctl_vmctl_CPPFLAGS = $(DOM0_CPPFLAGS) -D_GNU_SOURCE \
	-I$(top_srcdir)/libctl
dom0_tools_vmctl_vmctl_CFLAGS = $(DOM0_CFLAGS) $(YAJL_CFLAGS)
dom0_tools_vmctl_vmctl_LDADD = $(DOMCFG_LIBS) libctl/libctl.a \
	$(LIBCTL_DEP_LIBS)

# The top Makefile.am declares no man pages; this is the first.
dist_man_MANS += dom0-tools/vmctl/vmctl.1

EXTRA_DIST += examples/domain.xml examples/README
