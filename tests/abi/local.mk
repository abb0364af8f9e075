# SPDX-License-Identifier: GPL-2.0-only
# ABI tier: our public headers against Xen 4.17's x86-64 interface.
#  - check-headers.sh: each header compiles alone (C89, C99, C++, tools)
#  - abi-layout-{tools,guest}: layout.tab's sizes and offsets, constants
#    and ring behaviour asserted for our headers
#  - check-reference.sh: the same probes, ring trace and macro values
#    compared with Xen's headers from $(REF_CACHE) (skipped without them)

# The public headers are packed from here: every one is exercised below.
XEN_PUBLIC_HDRS = \
	hypervisor/include/public/arch-x86/cpuid.h \
	hypervisor/include/public/arch-x86/xen-x86_64.h \
	hypervisor/include/public/arch-x86/xen.h \
	hypervisor/include/public/arch-x86_64.h \
	hypervisor/include/public/callback.h \
	hypervisor/include/public/domctl.h \
	hypervisor/include/public/elfnote.h \
	hypervisor/include/public/errno.h \
	hypervisor/include/public/event_channel.h \
	hypervisor/include/public/features.h \
	hypervisor/include/public/grant_table.h \
	hypervisor/include/public/io/blkif.h \
	hypervisor/include/public/io/console.h \
	hypervisor/include/public/io/netif.h \
	hypervisor/include/public/io/protocols.h \
	hypervisor/include/public/io/ring.h \
	hypervisor/include/public/io/xenbus.h \
	hypervisor/include/public/io/xs_wire.h \
	hypervisor/include/public/memory.h \
	hypervisor/include/public/nmi.h \
	hypervisor/include/public/physdev.h \
	hypervisor/include/public/platform.h \
	hypervisor/include/public/sched.h \
	hypervisor/include/public/sysctl.h \
	hypervisor/include/public/vcpu.h \
	hypervisor/include/public/version.h \
	hypervisor/include/public/xen-compat.h \
	hypervisor/include/public/xen.h
EXTRA_DIST += $(XEN_PUBLIC_HDRS)

# layout.tab is the one list of probes; the awk script turns it into C.
tests/abi/layout-probes.h: $(srcdir)/tests/abi/layout.tab \
		$(srcdir)/tests/abi/gen-layout.awk
	$(AM_V_GEN)$(MKDIR_P) tests/abi && \
	$(AWK) -f $(srcdir)/tests/abi/gen-layout.awk \
		$(srcdir)/tests/abi/layout.tab >$@.tmp && mv -f $@.tmp $@
BUILT_SOURCES += tests/abi/layout-probes.h

# The scripts compile with the configured C compiler.
tests/abi/abi.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/abi && \
	printf "CC='%s'\n" '$(CC)' >$@
check_DATA += tests/abi/abi.env

ABI_CPPFLAGS = -I$(srcdir)/hypervisor/include -I$(srcdir)/tests/abi \
	-Itests/abi
ABI_CFLAGS = -std=gnu11 -Wall -Wextra

check_PROGRAMS += tests/abi/abi-layout-tools tests/abi/abi-layout-guest
tests_abi_abi_layout_tools_SOURCES = tests/abi/abi-layout.c \
	tests/abi/abi-headers.h
tests_abi_abi_layout_tools_CPPFLAGS = $(ABI_CPPFLAGS) -D__XEN_TOOLS__
tests_abi_abi_layout_tools_CFLAGS = $(ABI_CFLAGS)
tests_abi_abi_layout_guest_SOURCES = tests/abi/abi-layout.c \
	tests/abi/abi-headers.h
tests_abi_abi_layout_guest_CPPFLAGS = $(ABI_CPPFLAGS) \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
tests_abi_abi_layout_guest_CFLAGS = $(ABI_CFLAGS)

TESTS += tests/abi/check-headers.sh tests/abi/abi-layout-tools \
	tests/abi/abi-layout-guest tests/abi/check-reference.sh
EXTRA_DIST += tests/abi/check-headers.sh tests/abi/check-reference.sh \
	tests/abi/gen-layout.awk tests/abi/layout.tab tests/abi/probe.c \
	tests/abi/ring-probe.c
CLEANFILES += tests/abi/layout-probes.h tests/abi/abi.env
