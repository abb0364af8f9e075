# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and their boot cases for the PV time work.

check_PROGRAMS += tests/guests/time-pvclock.elf
tests_guests_time_pvclock_elf_SOURCES = \
	tests/guests/time-pvclock.c $(GUEST_NOTES)
tests_guests_time_pvclock_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_pvclock_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_pvclock_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_pvclock_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_pvclock_elf_LDADD = $(GUEST_LIB)
tests_guests_time_pvclock_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-wallclock.elf
tests_guests_time_wallclock_elf_SOURCES = \
	tests/guests/time-wallclock.c $(GUEST_NOTES)
tests_guests_time_wallclock_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_wallclock_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_wallclock_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_wallclock_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_wallclock_elf_LDADD = $(GUEST_LIB)
tests_guests_time_wallclock_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-vcpu-op.elf
tests_guests_time_vcpu_op_elf_SOURCES = \
	tests/guests/time-vcpu-op.c $(GUEST_NOTES)
tests_guests_time_vcpu_op_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_vcpu_op_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_vcpu_op_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_vcpu_op_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_vcpu_op_elf_LDADD = $(GUEST_LIB)
tests_guests_time_vcpu_op_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-oneshot.elf
tests_guests_time_oneshot_elf_SOURCES = \
	tests/guests/time-oneshot.c $(GUEST_NOTES)
tests_guests_time_oneshot_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_oneshot_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_oneshot_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_oneshot_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_oneshot_elf_LDADD = $(GUEST_LIB)
tests_guests_time_oneshot_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-periodic.elf
tests_guests_time_periodic_elf_SOURCES = \
	tests/guests/time-periodic.c $(GUEST_NOTES)
tests_guests_time_periodic_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_periodic_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_periodic_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_periodic_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_periodic_elf_LDADD = $(GUEST_LIB)
tests_guests_time_periodic_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-runstate.elf
tests_guests_time_runstate_elf_SOURCES = \
	tests/guests/time-runstate.c $(GUEST_NOTES)
tests_guests_time_runstate_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_runstate_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_runstate_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_runstate_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_runstate_elf_LDADD = $(GUEST_LIB)
tests_guests_time_runstate_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-vcpu-info.elf
tests_guests_time_vcpu_info_elf_SOURCES = \
	tests/guests/time-vcpu-info.c $(GUEST_NOTES)
tests_guests_time_vcpu_info_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_vcpu_info_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_vcpu_info_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_vcpu_info_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_vcpu_info_elf_LDADD = $(GUEST_LIB)
tests_guests_time_vcpu_info_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-vcpu-down.elf
tests_guests_time_vcpu_down_elf_SOURCES = \
	tests/guests/time-vcpu-down.c $(GUEST_NOTES)
tests_guests_time_vcpu_down_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_vcpu_down_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_vcpu_down_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_vcpu_down_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_vcpu_down_elf_LDADD = $(GUEST_LIB)
tests_guests_time_vcpu_down_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/time-block.elf
tests_guests_time_block_elf_SOURCES = \
	tests/guests/time-block.c $(GUEST_NOTES)
tests_guests_time_block_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_block_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_block_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_block_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_block_elf_LDADD = $(GUEST_LIB)
tests_guests_time_block_elf_DEPENDENCIES = $(GUEST_DEPS)

TIME_BOOT_CASES = \
	tests/boot/cases/time-pvclock.case \
	tests/boot/cases/time-wallclock.case \
	tests/boot/cases/time-vcpu-op.case \
	tests/boot/cases/time-oneshot.case \
	tests/boot/cases/time-periodic.case \
	tests/boot/cases/time-runstate.case \
	tests/boot/cases/time-vcpu-info.case \
	tests/boot/cases/time-vcpu-down.case \
	tests/boot/cases/time-block.case

TESTS += $(TIME_BOOT_CASES)
EXTRA_DIST += $(TIME_BOOT_CASES) tests/guests/time-util.h
