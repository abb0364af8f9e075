# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and boot cases for hypercall continuations: huge
# batches whose results must be those of one uninterrupted call, and
# timers that must fire while one runs.

EXTRA_DIST += tests/guests/contin-common.h

check_PROGRAMS += tests/guests/contin-timer.elf
tests_guests_contin_timer_elf_SOURCES = tests/guests/contin-timer.c \
	tests/guests/contin-common.h $(GUEST_NOTES_HCPAGE)
tests_guests_contin_timer_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_timer_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_timer_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_timer_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_timer_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_timer_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES = tests/boot/cases/contin-timer.case

check_PROGRAMS += tests/guests/contin-mmu.elf
tests_guests_contin_mmu_elf_SOURCES = tests/guests/contin-mmu.c \
	tests/guests/contin-common.h $(GUEST_NOTES)
tests_guests_contin_mmu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_mmu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_mmu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_mmu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_mmu_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_mmu_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES += tests/boot/cases/contin-mmu.case

check_PROGRAMS += tests/guests/contin-memop.elf
tests_guests_contin_memop_elf_SOURCES = tests/guests/contin-memop.c \
	tests/guests/contin-common.h $(GUEST_NOTES)
tests_guests_contin_memop_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_memop_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_memop_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_memop_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_memop_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_memop_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES += tests/boot/cases/contin-memop.case

check_PROGRAMS += tests/guests/contin-gnttab.elf
tests_guests_contin_gnttab_elf_SOURCES = tests/guests/contin-gnttab.c \
	tests/guests/contin-common.h $(GUEST_NOTES)
tests_guests_contin_gnttab_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_gnttab_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_gnttab_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_gnttab_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_gnttab_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_gnttab_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES += tests/boot/cases/contin-gnttab.case

check_PROGRAMS += tests/guests/contin-multicall.elf
tests_guests_contin_multicall_elf_SOURCES = tests/guests/contin-multicall.c \
	tests/guests/contin-common.h $(GUEST_NOTES)
tests_guests_contin_multicall_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_multicall_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_multicall_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_multicall_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_multicall_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_multicall_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES += tests/boot/cases/contin-multicall.case

check_PROGRAMS += tests/guests/contin-console.elf
tests_guests_contin_console_elf_SOURCES = tests/guests/contin-console.c \
	tests/guests/contin-common.h $(GUEST_NOTES)
tests_guests_contin_console_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_console_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_console_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_console_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_console_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_console_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES += tests/boot/cases/contin-console.case

check_PROGRAMS += tests/guests/contin-pt.elf
tests_guests_contin_pt_elf_SOURCES = tests/guests/contin-pt.c \
	tests/guests/contin-common.h $(GUEST_NOTES)
tests_guests_contin_pt_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_contin_pt_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_contin_pt_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_contin_pt_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_contin_pt_elf_LDADD = $(GUEST_LIB)
tests_guests_contin_pt_elf_DEPENDENCIES = $(GUEST_DEPS)
CONTIN_CASES += tests/boot/cases/contin-pt.case

TESTS += $(CONTIN_CASES)
EXTRA_DIST += $(CONTIN_CASES)
