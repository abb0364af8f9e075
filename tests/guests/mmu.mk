# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and their boot cases for the PV mmu work: attacks on
# the page-type rules and normal use of the MMU hypercalls.

EXTRA_DIST += tests/guests/mmu-common.h

check_PROGRAMS += tests/guests/mmu-baseptr.elf
tests_guests_mmu_baseptr_elf_SOURCES = tests/guests/mmu-baseptr.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_baseptr_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_baseptr_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_baseptr_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_baseptr_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_baseptr_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_baseptr_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-batch.elf
tests_guests_mmu_batch_elf_SOURCES = tests/guests/mmu-batch.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_batch_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_batch_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_batch_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_batch_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_batch_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_batch_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-hv-slots.elf
tests_guests_mmu_hv_slots_elf_SOURCES = tests/guests/mmu-hv-slots.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_hv_slots_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_hv_slots_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_hv_slots_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_hv_slots_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_hv_slots_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_hv_slots_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-linear.elf
tests_guests_mmu_linear_elf_SOURCES = tests/guests/mmu-linear.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_linear_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_linear_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_linear_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_linear_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_linear_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_linear_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-map-foreign.elf
tests_guests_mmu_map_foreign_elf_SOURCES = tests/guests/mmu-map-foreign.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_map_foreign_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_map_foreign_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_map_foreign_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_map_foreign_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_map_foreign_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_map_foreign_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-pin-writable.elf
tests_guests_mmu_pin_writable_elf_SOURCES = tests/guests/mmu-pin-writable.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_pin_writable_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_pin_writable_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_pin_writable_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_pin_writable_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_pin_writable_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_pin_writable_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-ptwr.elf
tests_guests_mmu_ptwr_elf_SOURCES = tests/guests/mmu-ptwr.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_ptwr_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_ptwr_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_ptwr_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_ptwr_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_ptwr_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_ptwr_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-ptwr-attack.elf
tests_guests_mmu_ptwr_attack_elf_SOURCES = tests/guests/mmu-ptwr-attack.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_ptwr_attack_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_ptwr_attack_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_ptwr_attack_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_ptwr_attack_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_ptwr_attack_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_ptwr_attack_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-self-map.elf
tests_guests_mmu_self_map_elf_SOURCES = tests/guests/mmu-self-map.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_self_map_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_self_map_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_self_map_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_self_map_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_self_map_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_self_map_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-unpin-inuse.elf
tests_guests_mmu_unpin_inuse_elf_SOURCES = tests/guests/mmu-unpin-inuse.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_unpin_inuse_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_unpin_inuse_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_unpin_inuse_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_unpin_inuse_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_unpin_inuse_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_unpin_inuse_elf_DEPENDENCIES = $(GUEST_DEPS)

MMU_BOOT_CASES = \
	tests/boot/cases/mmu-baseptr.case \
	tests/boot/cases/mmu-batch.case \
	tests/boot/cases/mmu-hv-slots.case \
	tests/boot/cases/mmu-linear.case \
	tests/boot/cases/mmu-map-foreign.case \
	tests/boot/cases/mmu-pin-writable.case \
	tests/boot/cases/mmu-ptwr-attack.case \
	tests/boot/cases/mmu-ptwr.case \
	tests/boot/cases/mmu-self-map.case \
	tests/boot/cases/mmu-unpin-inuse.case

TESTS += $(MMU_BOOT_CASES)
EXTRA_DIST += $(MMU_BOOT_CASES)
