# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests: 64-bit PV kernels with Xen ELF notes, built with the
# host compiler as freestanding code and linked at the kernel VIRT_BASE.

GUEST_CPPFLAGS = -I$(srcdir)/hypervisor/include -I$(srcdir)/tests/guests/lib \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
GUEST_CFLAGS = -std=gnu11 -Wall -Wextra -Wno-unused-parameter \
	-ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
	-mgeneral-regs-only -fno-stack-protector -fno-asynchronous-unwind-tables \
	-fno-tree-loop-distribute-patterns -fcf-protection=none
GUEST_LDFLAGS = -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack \
	-Wl,-T,$(srcdir)/tests/guests/lib/guest.lds
GUEST_CCASFLAGS = -D__ASSEMBLY__
GUEST_LIB = tests/guests/lib/libhvtest.a

check_LIBRARIES += tests/guests/lib/libhvtest.a
tests_guests_lib_libhvtest_a_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_lib_libhvtest_a_CCASFLAGS = $(GUEST_CCASFLAGS)
tests_guests_lib_libhvtest_a_CFLAGS = $(GUEST_CFLAGS)
tests_guests_lib_libhvtest_a_SOURCES = \
	tests/guests/lib/head.S \
	tests/guests/lib/regs.S \
	tests/guests/lib/test.c \
	tests/guests/lib/console.c \
	tests/guests/lib/printf.c \
	tests/guests/lib/string.c \
	tests/guests/lib/hvtest.h \
	tests/guests/lib/hypercall.h \
	tests/guests/lib/regs.h
EXTRA_DIST += tests/guests/lib/guest.lds

# Each guest: one C file plus the notes object it wants, with or without
# a hypercall page; the flags are those of the library.
GUEST_NOTES = tests/guests/lib/notes.S
GUEST_NOTES_HCPAGE = tests/guests/lib/notes-hcpage.S
GUEST_DEPS = $(GUEST_LIB) $(srcdir)/tests/guests/lib/guest.lds

check_PROGRAMS += tests/guests/hello.elf
tests_guests_hello_elf_SOURCES = tests/guests/hello.c $(GUEST_NOTES)
tests_guests_hello_elf_CPPFLAGS = $(GUEST_CPPFLAGS)
tests_guests_hello_elf_CCASFLAGS = $(GUEST_CCASFLAGS)
tests_guests_hello_elf_CFLAGS = $(GUEST_CFLAGS)
tests_guests_hello_elf_LDFLAGS = $(GUEST_LDFLAGS)
tests_guests_hello_elf_LDADD = $(GUEST_LIB)
tests_guests_hello_elf_DEPENDENCIES = $(GUEST_DEPS)
