# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests and their boot cases for the PV cpu work: traps,
# callbacks, user mode, events, descriptors, FPU and debug registers.

check_PROGRAMS += tests/guests/cpu-bad-kstack.elf
tests_guests_cpu_bad_kstack_elf_SOURCES = \
	tests/guests/cpu-bad-kstack.c $(GUEST_NOTES)
tests_guests_cpu_bad_kstack_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_bad_kstack_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_bad_kstack_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_bad_kstack_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_bad_kstack_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_bad_kstack_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-callbacks.elf
tests_guests_cpu_callbacks_elf_SOURCES = \
	tests/guests/cpu-callbacks.c $(GUEST_NOTES)
tests_guests_cpu_callbacks_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_callbacks_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_callbacks_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_callbacks_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_callbacks_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_callbacks_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-cpuid.elf
tests_guests_cpu_cpuid_elf_SOURCES = tests/guests/cpu-cpuid.c $(GUEST_NOTES)
tests_guests_cpu_cpuid_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_cpuid_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_cpuid_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_cpuid_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_cpuid_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_cpuid_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-cr.elf
tests_guests_cpu_cr_elf_SOURCES = tests/guests/cpu-cr.c $(GUEST_NOTES)
tests_guests_cpu_cr_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_cr_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_cr_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_cr_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_cr_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_cr_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-debugreg.elf
tests_guests_cpu_debugreg_elf_SOURCES = \
	tests/guests/cpu-debugreg.c $(GUEST_NOTES)
tests_guests_cpu_debugreg_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_debugreg_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_debugreg_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_debugreg_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_debugreg_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_debugreg_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-dr-bp.elf
tests_guests_cpu_dr_bp_elf_SOURCES = tests/guests/cpu-dr-bp.c $(GUEST_NOTES)
tests_guests_cpu_dr_bp_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_dr_bp_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_dr_bp_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_dr_bp_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_dr_bp_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_dr_bp_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-event-block.elf
tests_guests_cpu_event_block_elf_SOURCES = \
	tests/guests/cpu-event-block.c $(GUEST_NOTES)
tests_guests_cpu_event_block_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_event_block_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_event_block_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_event_block_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_event_block_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_event_block_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-event-nocb.elf
tests_guests_cpu_event_nocb_elf_SOURCES = \
	tests/guests/cpu-event-nocb.c $(GUEST_NOTES)
tests_guests_cpu_event_nocb_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_event_nocb_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_event_nocb_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_event_nocb_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_event_nocb_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_event_nocb_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-event-order.elf
tests_guests_cpu_event_order_elf_SOURCES = \
	tests/guests/cpu-event-order.c $(GUEST_NOTES)
tests_guests_cpu_event_order_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_event_order_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_event_order_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_event_order_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_event_order_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_event_order_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-event-upcall.elf
tests_guests_cpu_event_upcall_elf_SOURCES = \
	tests/guests/cpu-event-upcall.c $(GUEST_NOTES)
tests_guests_cpu_event_upcall_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_event_upcall_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_event_upcall_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_event_upcall_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_event_upcall_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_event_upcall_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-fault-storm.elf
tests_guests_cpu_fault_storm_elf_SOURCES = \
	tests/guests/cpu-fault-storm.c $(GUEST_NOTES)
tests_guests_cpu_fault_storm_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_fault_storm_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_fault_storm_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_fault_storm_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_fault_storm_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_fault_storm_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-fpu-init.elf
tests_guests_cpu_fpu_init_elf_SOURCES = \
	tests/guests/cpu-fpu-init.c $(GUEST_NOTES)
tests_guests_cpu_fpu_init_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_fpu_init_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_fpu_init_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_fpu_init_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_fpu_init_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_fpu_init_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-fpu-keep.elf
tests_guests_cpu_fpu_keep_elf_SOURCES = \
	tests/guests/cpu-fpu-keep.c $(GUEST_NOTES)
tests_guests_cpu_fpu_keep_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_fpu_keep_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_fpu_keep_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_fpu_keep_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_fpu_keep_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_fpu_keep_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-fpu-nm.elf
tests_guests_cpu_fpu_nm_elf_SOURCES = tests/guests/cpu-fpu-nm.c $(GUEST_NOTES)
tests_guests_cpu_fpu_nm_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_fpu_nm_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_fpu_nm_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_fpu_nm_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_fpu_nm_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_fpu_nm_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-frame.elf
tests_guests_cpu_frame_elf_SOURCES = tests/guests/cpu-frame.c $(GUEST_NOTES)
tests_guests_cpu_frame_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_frame_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_frame_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_frame_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_frame_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_frame_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-gdt.elf
tests_guests_cpu_gdt_elf_SOURCES = tests/guests/cpu-gdt.c $(GUEST_NOTES)
tests_guests_cpu_gdt_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_gdt_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_gdt_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_gdt_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_gdt_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_gdt_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-hostile.elf
tests_guests_cpu_hostile_elf_SOURCES = \
	tests/guests/cpu-hostile.c $(GUEST_NOTES)
tests_guests_cpu_hostile_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_hostile_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_hostile_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_hostile_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_hostile_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_hostile_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-int80.elf
tests_guests_cpu_int80_elf_SOURCES = tests/guests/cpu-int80.c $(GUEST_NOTES)
tests_guests_cpu_int80_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_int80_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_int80_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_int80_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_int80_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_int80_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-iopl.elf
tests_guests_cpu_iopl_elf_SOURCES = tests/guests/cpu-iopl.c $(GUEST_NOTES)
tests_guests_cpu_iopl_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_iopl_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_iopl_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_iopl_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_iopl_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_iopl_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-iopl-arch.elf
tests_guests_cpu_iopl_arch_elf_SOURCES = \
	tests/guests/cpu-iopl-arch.c $(GUEST_NOTES)
tests_guests_cpu_iopl_arch_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_iopl_arch_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_iopl_arch_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_iopl_arch_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_iopl_arch_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_iopl_arch_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-iret.elf
tests_guests_cpu_iret_elf_SOURCES = tests/guests/cpu-iret.c $(GUEST_NOTES)
tests_guests_cpu_iret_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_iret_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_iret_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_iret_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_iret_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_iret_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-iret-bad.elf
tests_guests_cpu_iret_bad_elf_SOURCES = \
	tests/guests/cpu-iret-bad.c $(GUEST_NOTES)
tests_guests_cpu_iret_bad_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_iret_bad_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_iret_bad_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_iret_bad_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_iret_bad_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_iret_bad_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-iret-fault.elf
tests_guests_cpu_iret_fault_elf_SOURCES = \
	tests/guests/cpu-iret-fault.c $(GUEST_NOTES)
tests_guests_cpu_iret_fault_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_iret_fault_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_iret_fault_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_iret_fault_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_iret_fault_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_iret_fault_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-iret-nouser.elf
tests_guests_cpu_iret_nouser_elf_SOURCES = \
	tests/guests/cpu-iret-nouser.c $(GUEST_NOTES)
tests_guests_cpu_iret_nouser_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_iret_nouser_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_iret_nouser_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_iret_nouser_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_iret_nouser_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_iret_nouser_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-ldt.elf
tests_guests_cpu_ldt_elf_SOURCES = tests/guests/cpu-ldt.c $(GUEST_NOTES)
tests_guests_cpu_ldt_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_ldt_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_ldt_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_ldt_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_ldt_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_ldt_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-movss.elf
tests_guests_cpu_movss_elf_SOURCES = tests/guests/cpu-movss.c $(GUEST_NOTES)
tests_guests_cpu_movss_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_movss_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_movss_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_movss_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_movss_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_movss_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-msr.elf
tests_guests_cpu_msr_elf_SOURCES = tests/guests/cpu-msr.c $(GUEST_NOTES)
tests_guests_cpu_msr_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_msr_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_msr_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_msr_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_msr_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_msr_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-segbase.elf
tests_guests_cpu_segbase_elf_SOURCES = \
	tests/guests/cpu-segbase.c $(GUEST_NOTES)
tests_guests_cpu_segbase_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_segbase_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_segbase_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_segbase_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_segbase_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_segbase_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-softint.elf
tests_guests_cpu_softint_elf_SOURCES = \
	tests/guests/cpu-softint.c $(GUEST_NOTES)
tests_guests_cpu_softint_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_softint_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_softint_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_softint_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_softint_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_softint_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-stack-switch.elf
tests_guests_cpu_stack_switch_elf_SOURCES = \
	tests/guests/cpu-stack-switch.c $(GUEST_NOTES)
tests_guests_cpu_stack_switch_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_stack_switch_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_stack_switch_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_stack_switch_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_stack_switch_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_stack_switch_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-sysret.elf
tests_guests_cpu_sysret_elf_SOURCES = tests/guests/cpu-sysret.c $(GUEST_NOTES)
tests_guests_cpu_sysret_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_sysret_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_sysret_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_sysret_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_sysret_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_sysret_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-syscall-nocb.elf
tests_guests_cpu_syscall_nocb_elf_SOURCES = \
	tests/guests/cpu-syscall-nocb.c $(GUEST_NOTES)
tests_guests_cpu_syscall_nocb_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_syscall_nocb_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_syscall_nocb_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_syscall_nocb_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_syscall_nocb_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_syscall_nocb_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-trap-table.elf
tests_guests_cpu_trap_table_elf_SOURCES = \
	tests/guests/cpu-trap-table.c $(GUEST_NOTES)
tests_guests_cpu_trap_table_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_trap_table_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_trap_table_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_trap_table_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_trap_table_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_trap_table_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-user-exc.elf
tests_guests_cpu_user_exc_elf_SOURCES = \
	tests/guests/cpu-user-exc.c $(GUEST_NOTES)
tests_guests_cpu_user_exc_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_user_exc_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_user_exc_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_user_exc_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_user_exc_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_user_exc_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cpu-user-mode.elf
tests_guests_cpu_user_mode_elf_SOURCES = \
	tests/guests/cpu-user-mode.c $(GUEST_NOTES)
tests_guests_cpu_user_mode_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_user_mode_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_user_mode_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_user_mode_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_user_mode_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_user_mode_elf_DEPENDENCIES = $(GUEST_DEPS)

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
	tests/boot/cases/cpu-bad-kstack-hv.case \
	tests/boot/cases/cpu-bad-kstack-ro.case \
	tests/boot/cases/cpu-bad-kstack.case \
	tests/boot/cases/cpu-callbacks.case \
	tests/boot/cases/cpu-cpuid.case \
	tests/boot/cases/cpu-cr.case \
	tests/boot/cases/cpu-debugreg.case \
	tests/boot/cases/cpu-dr-bp.case \
	tests/boot/cases/cpu-event-block.case \
	tests/boot/cases/cpu-event-nocb.case \
	tests/boot/cases/cpu-event-order.case \
	tests/boot/cases/cpu-event-upcall.case \
	tests/boot/cases/cpu-fault-loop.case \
	tests/boot/cases/cpu-fault-storm.case \
	tests/boot/cases/cpu-fpu-init.case \
	tests/boot/cases/cpu-fpu-keep.case \
	tests/boot/cases/cpu-fpu-nm.case \
	tests/boot/cases/cpu-frame.case \
	tests/boot/cases/cpu-gdt.case \
	tests/boot/cases/cpu-hostile.case \
	tests/boot/cases/cpu-int80.case \
	tests/boot/cases/cpu-iopl-arch.case \
	tests/boot/cases/cpu-iopl.case \
	tests/boot/cases/cpu-iret-bad.case \
	tests/boot/cases/cpu-iret-fault-hv.case \
	tests/boot/cases/cpu-iret-fault.case \
	tests/boot/cases/cpu-iret-nouser.case \
	tests/boot/cases/cpu-iret.case \
	tests/boot/cases/cpu-ldt.case \
	tests/boot/cases/cpu-movss.case \
	tests/boot/cases/cpu-msr.case \
	tests/boot/cases/cpu-segbase.case \
	tests/boot/cases/cpu-softint.case \
	tests/boot/cases/cpu-stack-switch.case \
	tests/boot/cases/cpu-syscall-nocb.case \
	tests/boot/cases/cpu-sysret.case \
	tests/boot/cases/cpu-trap-table.case \
	tests/boot/cases/cpu-user-exc.case \
	tests/boot/cases/cpu-user-mode.case \
	tests/boot/cases/cpu-vectors.case

TESTS += $(CPU_BOOT_CASES)
EXTRA_DIST += $(CPU_BOOT_CASES)

# XSAVE and the domU CPUID policy.  cpu-domu is the domU that cpu-xsave
# and cpu-cpuid-domu build from dom0, linked into them as data.
check_PROGRAMS += tests/guests/cpu-domu.elf
tests_guests_cpu_domu_elf_SOURCES = tests/guests/cpu-domu.c \
	tests/guests/domu-console.c tests/guests/cpu-xsave.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_cpu_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libcpu-domu-image.a
tests_guests_libcpu_domu_image_a_SOURCES = tests/guests/cpu-domu-image.S
tests/guests/cpu-domu-image.$(OBJEXT): tests/guests/cpu-domu.elf

CPU_DOMU_GUEST_LIBS = tests/guests/libcpu-domu-image.a $(GUEST_LIB)

check_PROGRAMS += tests/guests/cpu-xsave.elf
tests_guests_cpu_xsave_elf_SOURCES = tests/guests/cpu-xsave.c \
	tests/guests/cpu-xsave.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_cpu_xsave_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_xsave_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_xsave_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_xsave_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_xsave_elf_LDADD = $(CPU_DOMU_GUEST_LIBS)
tests_guests_cpu_xsave_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libcpu-domu-image.a

check_PROGRAMS += tests/guests/cpu-cpuid-domu.elf
tests_guests_cpu_cpuid_domu_elf_SOURCES = tests/guests/cpu-cpuid-domu.c \
	tests/guests/sched-build.h tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_cpu_cpuid_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_cpuid_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_cpuid_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_cpuid_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_cpuid_domu_elf_LDADD = $(CPU_DOMU_GUEST_LIBS)
tests_guests_cpu_cpuid_domu_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libcpu-domu-image.a

CPU_XSAVE_CASES = \
	tests/boot/cases/cpu-xsave.case \
	tests/boot/cases/cpu-xsave-none.case \
	tests/boot/cases/cpu-cpuid-domu.case \
	tests/boot/cases/cpu-cpuid-domu-xsave.case

TESTS += $(CPU_XSAVE_CASES)
EXTRA_DIST += $(CPU_XSAVE_CASES)

# getvcpuextstate / setvcpuextstate and setvcpucontext's reset of AVX
# state, from dom0 against cpu-xsave-domu, linked into it as data.
check_PROGRAMS += tests/guests/cpu-xsave-domu.elf
tests_guests_cpu_xsave_domu_elf_SOURCES = tests/guests/cpu-xsave-domu.c \
	tests/guests/domu-console.c tests/guests/cpu-xsave.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_cpu_xsave_domu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_xsave_domu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_xsave_domu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_xsave_domu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_xsave_domu_elf_LDADD = $(GUEST_LIB)
tests_guests_cpu_xsave_domu_elf_DEPENDENCIES = $(GUEST_DEPS)

check_LIBRARIES += tests/guests/libcpu-xsave-domu-image.a
tests_guests_libcpu_xsave_domu_image_a_SOURCES = \
	tests/guests/cpu-xsave-domu-image.S
tests/guests/cpu-xsave-domu-image.$(OBJEXT): tests/guests/cpu-xsave-domu.elf

check_PROGRAMS += tests/guests/cpu-xsave-ext.elf
tests_guests_cpu_xsave_ext_elf_SOURCES = tests/guests/cpu-xsave-ext.c \
	tests/guests/cpu-xsave.h tests/guests/sched-build.h \
	tests/guests/dom-util.h $(GUEST_NOTES)
tests_guests_cpu_xsave_ext_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cpu_xsave_ext_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cpu_xsave_ext_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cpu_xsave_ext_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cpu_xsave_ext_elf_LDADD = \
	tests/guests/libcpu-xsave-domu-image.a $(GUEST_LIB)
tests_guests_cpu_xsave_ext_elf_DEPENDENCIES = $(GUEST_DEPS) \
	tests/guests/libcpu-xsave-domu-image.a

CPU_XSAVE_EXT_CASES = \
	tests/boot/cases/cpu-xsave-ext.case \
	tests/boot/cases/cpu-xsave-ext-none.case

TESTS += $(CPU_XSAVE_EXT_CASES)
EXTRA_DIST += $(CPU_XSAVE_EXT_CASES)
