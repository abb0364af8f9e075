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

# platform_op, the domain time offset, get_physid and multicalls on
# several CPUs.  The platform-* dom0 guests build domUs from the
# platform-domu image (linked into them by libplatform-image.a).
check_PROGRAMS += tests/guests/platform-domu.elf
tests_guests_platform_domu_elf_SOURCES = tests/guests/platform-domu.c \
	tests/guests/domu-console.c tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_platform_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_platform_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_platform_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_platform_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_platform_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_platform_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libplatform-image.a
tests_guests_libplatform_image_a_SOURCES = tests/guests/platform-image.S
tests/guests/platform-image.$(OBJEXT): tests/guests/platform-domu.elf

PLATFORM_GUEST_LIBS = tests/guests/libplatform-image.a $(GUEST_LIB)
PLATFORM_GUEST_DEPS = $(GUEST_DEPS) tests/guests/libplatform-image.a

check_PROGRAMS += tests/guests/platform-op.elf
tests_guests_platform_op_elf_SOURCES = tests/guests/platform-op.c $(GUEST_NOTES)
tests_guests_platform_op_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_platform_op_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_platform_op_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_platform_op_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_platform_op_elf_LDADD = $(GUEST_LIB)
tests_guests_platform_op_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/platform-perm.elf
tests_guests_platform_perm_elf_SOURCES = tests/guests/platform-perm.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_platform_perm_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_platform_perm_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_platform_perm_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_platform_perm_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_platform_perm_elf_LDADD = $(PLATFORM_GUEST_LIBS)
tests_guests_platform_perm_elf_DEPENDENCIES = $(PLATFORM_GUEST_DEPS)

check_PROGRAMS += tests/guests/platform-multicall.elf
tests_guests_platform_multicall_elf_SOURCES = \
	tests/guests/platform-multicall.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_platform_multicall_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_platform_multicall_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_platform_multicall_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_platform_multicall_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_platform_multicall_elf_LDADD = $(PLATFORM_GUEST_LIBS)
tests_guests_platform_multicall_elf_DEPENDENCIES = $(PLATFORM_GUEST_DEPS)

check_PROGRAMS += tests/guests/time-offset.elf
tests_guests_time_offset_elf_SOURCES = tests/guests/time-offset.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_time_offset_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_time_offset_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_time_offset_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_time_offset_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_time_offset_elf_LDADD = $(PLATFORM_GUEST_LIBS)
tests_guests_time_offset_elf_DEPENDENCIES = $(PLATFORM_GUEST_DEPS)

PLATFORM_BOOT_CASES = \
	tests/boot/cases/platform-op.case \
	tests/boot/cases/platform-op-smp.case \
	tests/boot/cases/platform-perm.case \
	tests/boot/cases/platform-multicall-smp.case \
	tests/boot/cases/time-offset.case

TESTS += $(PLATFORM_BOOT_CASES)
EXTRA_DIST += $(PLATFORM_BOOT_CASES)
