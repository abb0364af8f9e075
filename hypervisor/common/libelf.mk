# SPDX-License-Identifier: GPL-2.0-only
# ELF loader, Xen ELF notes and the dom0 start-of-day layout: pure C that
# the hypervisor links and host unit tests compile unchanged.
HV_LIBELF_SOURCES = \
	hypervisor/common/libelf.c \
	hypervisor/common/libelf-notes.c \
	hypervisor/common/libelf-load.c \
	hypervisor/common/dom0-layout.c
