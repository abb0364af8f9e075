# SPDX-License-Identifier: GPL-2.0-only
# The hypercall fuzzer: random calls of every number with hostile
# arguments, on Xen 4.17 and ours; the guest must survive them whole.

check_PROGRAMS += tests/guests/fuzz-hypercalls.elf
tests_guests_fuzz_hypercalls_elf_SOURCES = tests/guests/fuzz-hypercalls.c \
	tests/guests/fuzz-gen.c tests/guests/fuzz-mem.c \
	tests/guests/fuzz-hypercalls.h tests/guests/gnttab-common.h \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_fuzz_hypercalls_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_fuzz_hypercalls_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_fuzz_hypercalls_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_fuzz_hypercalls_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_fuzz_hypercalls_elf_LDADD = $(GUEST_LIB)
tests_guests_fuzz_hypercalls_elf_DEPENDENCIES = $(GUEST_DEPS)

FUZZ_BOOT_CASES = \
	tests/boot/cases/fuzz-hypercalls.case

TESTS += $(FUZZ_BOOT_CASES)
EXTRA_DIST += $(FUZZ_BOOT_CASES)
