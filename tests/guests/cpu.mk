# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and their boot cases for the PV cpu work: traps,
# callbacks, user mode, events, descriptors, FPU and debug registers.

check_PROGRAMS += tests/guests/cpu-frame.elf
tests_guests_cpu_frame_elf_SOURCES = tests/guests/cpu-frame.c $(GUEST_NOTES)
tests_guests_cpu_frame_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_frame_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_frame_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_frame_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_frame_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_frame_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-trap-table.elf
tests_guests_cpu_trap_table_elf_SOURCES = \
	tests/guests/cpu-trap-table.c $(GUEST_NOTES)
tests_guests_cpu_trap_table_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_trap_table_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_trap_table_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_trap_table_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_trap_table_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_trap_table_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-vectors.elf
tests_guests_cpu_vectors_elf_SOURCES = \
	tests/guests/cpu-vectors.c $(GUEST_NOTES)
tests_guests_cpu_vectors_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_vectors_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_vectors_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_vectors_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_vectors_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_vectors_elf_DEPENDENCIES = $(GUEST_DEPS)

CPU_BOOT_CASES = \
	tests/boot/cases/cpu-frame.case \
	tests/boot/cases/cpu-trap-table.case \
	tests/boot/cases/cpu-vectors.case

TESTS += $(CPU_BOOT_CASES)
EXTRA_DIST += $(CPU_BOOT_CASES)
