# SPDX-License-Identifier: GPL-2.0-only
# libctl: the libxenctrl-compatible toolstack library and the PV domain
# builder.  Installed as a static library (libctl.a, what pkg-config's
# libctl.pc links), a shared one restricted to libctl/libctl.map
# (libctl.so.0), and headers under $(includedir)/libctl.  The fake
# hypervisor the unit tests drive is a check-only library.

# The decompressors come from HV_LIBCTL_CHECKS (m4/libctl.m4); their
# usual names follow, so that a tree configured without it still links
# (naming a library twice is harmless).
LIBCTL_DEP_CFLAGS = $(ZLIB_CFLAGS) $(LZMA_CFLAGS) $(ZSTD_CFLAGS)
LIBCTL_DEP_LIBS = $(ZLIB_LIBS) $(LZMA_LIBS) $(ZSTD_LIBS)

LIBCTL_CPPFLAGS = -D_GNU_SOURCE -I$(top_srcdir)/libctl \
	-I$(top_srcdir)/libctl/build -I$(top_srcdir)/hypervisor/include
LIBCTL_CFLAGS = -std=c11 -Wall -Wextra $(LIBCTL_DEP_CFLAGS)

LIBCTL_PUBLIC_H = libctl/xenctrl.h libctl/libctl.h libctl/xcbuild.h \
	libctl/xenevtchn.h libctl/xengnttab.h libctl/xenforeignmemory.h \
	libctl/xenstore.h
LIBCTL_SOURCES = $(LIBCTL_PUBLIC_H) \
	libctl/backend.h libctl/private.h \
	libctl/xc-core.c libctl/xc-domain.c libctl/xc-vcpu.c \
	libctl/xc-sched.c libctl/xc-sysctl.c libctl/xc-memory.c \
	libctl/xc-foreign.c libctl/xc-evtchn.c libctl/xc-gnttab.c \
	libctl/xs-client.c \
	libctl/linux-privcmd.h libctl/osdep-linux.h libctl/osdep-linux.c \
	libctl/osdep-linux-evtchn.c libctl/osdep-linux-gnt.c \
	libctl/build/build.h libctl/build/build.c libctl/build/image.c \
	libctl/build/decompress.c libctl/build/elf-load.c \
	libctl/build/guest-mem.c libctl/build/initrd.c libctl/build/kcache.c \
	libctl/build/pagetables.c libctl/build/start.c \
	hypervisor/include/hv/libelf.h hypervisor/common/libelf.c \
	hypervisor/common/libelf-notes.c hypervisor/common/libelf-load.c \
	hypervisor/include/hv/dom0-layout.h hypervisor/common/dom0-layout.c

lib_LIBRARIES = libctl/libctl.a
libctl_libctl_a_SOURCES = $(LIBCTL_SOURCES)
libctl_libctl_a_CPPFLAGS = $(LIBCTL_CPPFLAGS)
libctl_libctl_a_CFLAGS = $(LIBCTL_CFLAGS)

# The shared library exports exactly what libctl.map lists.
libctlsodir = $(libdir)
libctlso_PROGRAMS = libctl/libctl.so.0
libctl_libctl_so_0_SOURCES = $(LIBCTL_SOURCES)
libctl_libctl_so_0_CPPFLAGS = $(LIBCTL_CPPFLAGS)
libctl_libctl_so_0_CFLAGS = $(LIBCTL_CFLAGS) -fPIC
libctl_libctl_so_0_LDFLAGS = -shared -Wl,-soname,libctl.so.0 \
	-Wl,--version-script=$(srcdir)/libctl/libctl.map -Wl,--no-undefined
libctl_libctl_so_0_LDADD = $(LIBCTL_DEP_LIBS)
EXTRA_libctl_libctl_so_0_DEPENDENCIES = libctl/libctl.map

libctlincludedir = $(includedir)/libctl
libctlinclude_HEADERS = $(LIBCTL_PUBLIC_H)
# The Xen-compatible ABI headers libctl's headers include as <public/...>.
libctlpublicdir = $(includedir)/libctl/public
libctlpublic_HEADERS = $(wildcard $(srcdir)/hypervisor/include/public/*.h)
libctlpublicarchdir = $(includedir)/libctl/public/arch-x86
libctlpublicarch_HEADERS = \
	$(wildcard $(srcdir)/hypervisor/include/public/arch-x86/*.h)
libctlpubliciodir = $(includedir)/libctl/public/io
libctlpublicio_HEADERS = \
	$(wildcard $(srcdir)/hypervisor/include/public/io/*.h)

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = libctl/libctl.pc
libctl/libctl.pc: $(srcdir)/libctl/libctl.pc.in Makefile
	$(AM_V_GEN)$(MKDIR_P) libctl && sed \
	    -e 's|@prefix[@]|$(prefix)|g' -e 's|@libdir[@]|$(libdir)|g' \
	    -e 's|@includedir[@]|$(includedir)|g' \
	    -e 's|@VERSION[@]|$(VERSION)|g' \
	    $(srcdir)/libctl/libctl.pc.in > $@.tmp && mv -f $@.tmp $@
CLEANFILES += libctl/libctl.pc
EXTRA_DIST += libctl/libctl.pc.in libctl/libctl.map m4/libctl.m4

# The in-process fake hypervisor, for unit tests only.
check_LIBRARIES += libctl/libctl-fake.a
libctl_libctl_fake_a_SOURCES = libctl/fake/fake.h libctl/fake/fake-priv.h \
	libctl/fake/fake-core.c libctl/fake/fake-map.c \
	libctl/fake/fake-domctl.c libctl/fake/fake-sysctl.c \
	libctl/fake/fake-memory.c libctl/fake/fake-mmu.c \
	libctl/fake/fake-evtchn.c libctl/fake/fake-gnttab.c
libctl_libctl_fake_a_CPPFLAGS = $(LIBCTL_CPPFLAGS)
libctl_libctl_fake_a_CFLAGS = $(LIBCTL_CFLAGS)
EXTRA_DIST += libctl/.gitignore
EXTRA_DIST += libctl/README.md
