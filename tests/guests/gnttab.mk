# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests of grant tables (a lone dom0 granting to itself) and
# their boot cases.

EXTRA_DIST += tests/guests/gnttab-common.h

check_PROGRAMS += tests/guests/gnttab-table.elf
tests_guests_gnttab_table_elf_SOURCES = tests/guests/gnttab-table.c \
	tests/guests/gnttab-common.h $(GUEST_NOTES)
tests_guests_gnttab_table_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_gnttab_table_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_gnttab_table_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_gnttab_table_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_gnttab_table_elf_LDADD = $(GUEST_LIB)
tests_guests_gnttab_table_elf_DEPENDENCIES = $(GUEST_DEPS)

GNTTAB_CASES = tests/boot/cases/gnttab-table.case

check_PROGRAMS += tests/guests/gnttab-map.elf
tests_guests_gnttab_map_elf_SOURCES = tests/guests/gnttab-map.c \
	tests/guests/gnttab-common.h $(GUEST_NOTES)
tests_guests_gnttab_map_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_gnttab_map_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_gnttab_map_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_gnttab_map_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_gnttab_map_elf_LDADD = $(GUEST_LIB)
tests_guests_gnttab_map_elf_DEPENDENCIES = $(GUEST_DEPS)
GNTTAB_CASES += tests/boot/cases/gnttab-map.case

check_PROGRAMS += tests/guests/gnttab-copy.elf
tests_guests_gnttab_copy_elf_SOURCES = tests/guests/gnttab-copy.c \
	tests/guests/gnttab-common.h $(GUEST_NOTES)
tests_guests_gnttab_copy_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_gnttab_copy_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_gnttab_copy_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_gnttab_copy_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_gnttab_copy_elf_LDADD = $(GUEST_LIB)
tests_guests_gnttab_copy_elf_DEPENDENCIES = $(GUEST_DEPS)
GNTTAB_CASES += tests/boot/cases/gnttab-copy.case

check_PROGRAMS += tests/guests/gnttab-transfer.elf
tests_guests_gnttab_transfer_elf_SOURCES = tests/guests/gnttab-transfer.c \
	tests/guests/gnttab-common.h $(GUEST_NOTES)
tests_guests_gnttab_transfer_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_gnttab_transfer_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_gnttab_transfer_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_gnttab_transfer_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_gnttab_transfer_elf_LDADD = $(GUEST_LIB)
tests_guests_gnttab_transfer_elf_DEPENDENCIES = $(GUEST_DEPS)
GNTTAB_CASES += tests/boot/cases/gnttab-transfer.case

check_PROGRAMS += tests/guests/gnttab-domu.elf
tests_guests_gnttab_domu_elf_SOURCES = tests/guests/gnttab-domu.c \
	tests/guests/gnttab-common.h $(GUEST_NOTES)
tests_guests_gnttab_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_gnttab_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_gnttab_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_gnttab_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_gnttab_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_gnttab_domu_elf_DEPENDENCIES = $(GUEST_DEPS)
GNTTAB_CASES += tests/boot/cases/gnttab-domu.case

TESTS += $(GNTTAB_CASES)
EXTRA_DIST += $(GNTTAB_CASES)
