# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and their boot cases for the PV mmu work: attacks on
# the page-type rules and normal use of the MMU hypercalls.

EXTRA_DIST += tests/guests/mmu-common.h

check_PROGRAMS += tests/guests/mmu-balloon.elf
tests_guests_mmu_balloon_elf_SOURCES = tests/guests/mmu-balloon.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_balloon_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_balloon_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_balloon_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_balloon_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_balloon_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_balloon_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-balloon-pt.elf
tests_guests_mmu_balloon_pt_elf_SOURCES = tests/guests/mmu-balloon-pt.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_balloon_pt_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_balloon_pt_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_balloon_pt_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_balloon_pt_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_balloon_pt_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_balloon_pt_elf_DEPENDENCIES = $(GUEST_DEPS)

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

check_PROGRAMS += tests/guests/mmu-copy-clear.elf
tests_guests_mmu_copy_clear_elf_SOURCES = tests/guests/mmu-copy-clear.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_copy_clear_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_copy_clear_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_copy_clear_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_copy_clear_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_copy_clear_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_copy_clear_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-exchange.elf
tests_guests_mmu_exchange_elf_SOURCES = tests/guests/mmu-exchange.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_exchange_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_exchange_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_exchange_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_exchange_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_exchange_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_exchange_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-flags.elf
tests_guests_mmu_flags_elf_SOURCES = tests/guests/mmu-flags.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_flags_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_flags_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_flags_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_flags_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_flags_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_flags_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-flush.elf
tests_guests_mmu_flush_elf_SOURCES = tests/guests/mmu-flush.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_flush_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_flush_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_flush_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_flush_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_flush_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_flush_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-foreign.elf
tests_guests_mmu_foreign_elf_SOURCES = tests/guests/mmu-foreign.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_foreign_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_foreign_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_foreign_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_foreign_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_foreign_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_foreign_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-fork.elf
tests_guests_mmu_fork_elf_SOURCES = tests/guests/mmu-fork.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_fork_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_fork_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_fork_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_fork_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_fork_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_fork_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-hammer.elf
tests_guests_mmu_hammer_elf_SOURCES = tests/guests/mmu-hammer.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_hammer_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_hammer_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_hammer_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_hammer_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_hammer_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_hammer_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-hv-slots.elf
tests_guests_mmu_hv_slots_elf_SOURCES = tests/guests/mmu-hv-slots.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_hv_slots_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_hv_slots_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_hv_slots_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_hv_slots_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_hv_slots_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_hv_slots_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-l1-share.elf
tests_guests_mmu_l1_share_elf_SOURCES = tests/guests/mmu-l1-share.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_l1_share_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_l1_share_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_l1_share_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_l1_share_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_l1_share_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_l1_share_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-linear.elf
tests_guests_mmu_linear_elf_SOURCES = tests/guests/mmu-linear.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_linear_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_linear_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_linear_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_linear_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_linear_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_linear_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-m2p.elf
tests_guests_mmu_m2p_elf_SOURCES = tests/guests/mmu-m2p.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_m2p_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_m2p_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_m2p_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_m2p_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_m2p_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_m2p_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-map-foreign.elf
tests_guests_mmu_map_foreign_elf_SOURCES = tests/guests/mmu-map-foreign.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_map_foreign_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_map_foreign_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_map_foreign_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_map_foreign_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_map_foreign_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_map_foreign_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-multicall.elf
tests_guests_mmu_multicall_elf_SOURCES = tests/guests/mmu-multicall.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_multicall_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_multicall_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_multicall_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_multicall_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_multicall_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_multicall_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-new-space.elf
tests_guests_mmu_new_space_elf_SOURCES = tests/guests/mmu-new-space.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_new_space_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_new_space_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_new_space_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_new_space_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_new_space_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_new_space_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-pin-writable.elf
tests_guests_mmu_pin_writable_elf_SOURCES = tests/guests/mmu-pin-writable.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_pin_writable_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_pin_writable_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_pin_writable_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_pin_writable_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_pin_writable_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_pin_writable_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu-preserve-ad.elf
tests_guests_mmu_preserve_ad_elf_SOURCES = tests/guests/mmu-preserve-ad.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_preserve_ad_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_preserve_ad_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_preserve_ad_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_preserve_ad_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_preserve_ad_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_preserve_ad_elf_DEPENDENCIES = $(GUEST_DEPS)

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

check_PROGRAMS += tests/guests/mmu-reservation.elf
tests_guests_mmu_reservation_elf_SOURCES = tests/guests/mmu-reservation.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_reservation_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_reservation_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_reservation_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_reservation_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_reservation_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_reservation_elf_DEPENDENCIES = $(GUEST_DEPS)

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

check_PROGRAMS += tests/guests/mmu-user-space.elf
tests_guests_mmu_user_space_elf_SOURCES = tests/guests/mmu-user-space.c \
	tests/guests/mmu-common.h $(GUEST_NOTES)
tests_guests_mmu_user_space_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_user_space_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_user_space_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_user_space_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_user_space_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_user_space_elf_DEPENDENCIES = $(GUEST_DEPS)

MMU_BOOT_CASES = \
	tests/boot/cases/mmu-balloon-pt.case \
	tests/boot/cases/mmu-balloon.case \
	tests/boot/cases/mmu-baseptr.case \
	tests/boot/cases/mmu-batch.case \
	tests/boot/cases/mmu-copy-clear.case \
	tests/boot/cases/mmu-exchange.case \
	tests/boot/cases/mmu-flags.case \
	tests/boot/cases/mmu-flush.case \
	tests/boot/cases/mmu-foreign.case \
	tests/boot/cases/mmu-fork.case \
	tests/boot/cases/mmu-hammer-nol4.case \
	tests/boot/cases/mmu-hammer.case \
	tests/boot/cases/mmu-hv-slots.case \
	tests/boot/cases/mmu-l1-share.case \
	tests/boot/cases/mmu-linear.case \
	tests/boot/cases/mmu-m2p.case \
	tests/boot/cases/mmu-map-foreign.case \
	tests/boot/cases/mmu-multicall.case \
	tests/boot/cases/mmu-new-space.case \
	tests/boot/cases/mmu-pin-writable.case \
	tests/boot/cases/mmu-preserve-ad.case \
	tests/boot/cases/mmu-ptwr-attack.case \
	tests/boot/cases/mmu-ptwr.case \
	tests/boot/cases/mmu-reservation.case \
	tests/boot/cases/mmu-self-map.case \
	tests/boot/cases/mmu-unpin-inuse.case \
	tests/boot/cases/mmu-user-space.case

TESTS += $(MMU_BOOT_CASES)
EXTRA_DIST += $(MMU_BOOT_CASES)
