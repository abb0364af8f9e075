# SPDX-License-Identifier: GPL-2.0-only
# Micro test guests: 64-bit PV kernels with Xen ELF notes, built with the
# host compiler as freestanding code and linked at the kernel VIRT_BASE.

GUEST_CPP_OPTS = -I$(srcdir)/hypervisor/include -I$(srcdir)/tests/guests/lib \
	-D__XEN_INTERFACE_VERSION__=0x00040e00
GUEST_C_OPTS = -std=gnu11 -Wall -Wextra -Wno-unused-parameter \
	-ffreestanding -fno-pic -fno-pie -mcmodel=kernel -mno-red-zone \
	-mgeneral-regs-only -fno-stack-protector -fno-asynchronous-unwind-tables \
	-fno-tree-loop-distribute-patterns -fcf-protection=none
GUEST_LD_OPTS = -nostdlib -static -no-pie -Wl,--build-id=none \
	-Wl,-z,max-page-size=0x1000 -Wl,-z,noexecstack \
	-Wl,-T,$(srcdir)/tests/guests/lib/guest.lds
GUEST_AS_OPTS = -D__ASSEMBLY__
GUEST_LIB = tests/guests/lib/libhvtest.a

check_LIBRARIES += tests/guests/lib/libhvtest.a
tests_guests_lib_libhvtest_a_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_lib_libhvtest_a_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_lib_libhvtest_a_CFLAGS = $(GUEST_C_OPTS)
tests_guests_lib_libhvtest_a_SOURCES = \
	tests/guests/lib/head.S \
	tests/guests/lib/regs.S \
	tests/guests/lib/test.c \
	tests/guests/lib/console-out.c \
	hypervisor/common/lib/vsnprintf.c \
	hypervisor/common/lib/string.c \
	tests/guests/lib/hvtest.h \
	tests/guests/lib/hypercall.h \
	tests/guests/lib/regs.h \
	tests/guests/lib/trap-entry.S \
	tests/guests/lib/traps.c \
	tests/guests/lib/traps.h \
	tests/guests/lib/hypercall-cpu.h \
	tests/guests/lib/cpu-insn.h \
	tests/guests/lib/upcall.c \
	tests/guests/lib/upcall.h
EXTRA_DIST += tests/guests/lib/guest.lds

# Each guest: one C file plus the notes object it wants, with or without
# a hypercall page; the flags are those of the library.
GUEST_NOTES = tests/guests/lib/notes.S
GUEST_NOTES_HCPAGE = tests/guests/lib/notes-hcpage.S
GUEST_DEPS = $(GUEST_LIB) $(srcdir)/tests/guests/lib/guest.lds



check_PROGRAMS += tests/guests/hello.elf
tests_guests_hello_elf_SOURCES = tests/guests/hello.c $(GUEST_NOTES)
tests_guests_hello_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_hello_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_hello_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_hello_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_hello_elf_LDADD = $(GUEST_LIB)
tests_guests_hello_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/version.elf
tests_guests_version_elf_SOURCES = tests/guests/version.c $(GUEST_NOTES)
tests_guests_version_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_version_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_version_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_version_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_version_elf_LDADD = $(GUEST_LIB)
tests_guests_version_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/console.elf
tests_guests_console_elf_SOURCES = tests/guests/console.c $(GUEST_NOTES)
tests_guests_console_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_console_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_console_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_console_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_console_elf_LDADD = $(GUEST_LIB)
tests_guests_console_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/shutdown.elf
tests_guests_shutdown_elf_SOURCES = tests/guests/shutdown.c $(GUEST_NOTES)
tests_guests_shutdown_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_shutdown_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_shutdown_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_shutdown_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_shutdown_elf_LDADD = $(GUEST_LIB)
tests_guests_shutdown_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/shutdown-code.elf
tests_guests_shutdown_code_elf_SOURCES = \
	tests/guests/shutdown-code.c $(GUEST_NOTES_HCPAGE)
tests_guests_shutdown_code_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_shutdown_code_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_shutdown_code_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_shutdown_code_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_shutdown_code_elf_LDADD = $(GUEST_LIB)
tests_guests_shutdown_code_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/watchdog.elf
tests_guests_watchdog_elf_SOURCES = tests/guests/watchdog.c $(GUEST_NOTES)
tests_guests_watchdog_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_watchdog_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_watchdog_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_watchdog_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_watchdog_elf_LDADD = $(GUEST_LIB)
tests_guests_watchdog_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/sched.elf
tests_guests_sched_elf_SOURCES = tests/guests/sched.c $(GUEST_NOTES)
tests_guests_sched_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_sched_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_sched_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_sched_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_sched_elf_LDADD = $(GUEST_LIB)
tests_guests_sched_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/bad-hypercall.elf
tests_guests_bad_hypercall_elf_SOURCES = \
	tests/guests/bad-hypercall.c $(GUEST_NOTES)
tests_guests_bad_hypercall_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_bad_hypercall_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_bad_hypercall_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_bad_hypercall_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_bad_hypercall_elf_LDADD = $(GUEST_LIB)
tests_guests_bad_hypercall_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/bad-pointer.elf
tests_guests_bad_pointer_elf_SOURCES = \
	tests/guests/bad-pointer.c $(GUEST_NOTES)
tests_guests_bad_pointer_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_bad_pointer_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_bad_pointer_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_bad_pointer_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_bad_pointer_elf_LDADD = $(GUEST_LIB)
tests_guests_bad_pointer_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/hcall-page.elf
tests_guests_hcall_page_elf_SOURCES = \
	tests/guests/hcall-page.c $(GUEST_NOTES_HCPAGE)
tests_guests_hcall_page_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_hcall_page_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_hcall_page_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_hcall_page_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_hcall_page_elf_LDADD = $(GUEST_LIB)
tests_guests_hcall_page_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/cmdline.elf
tests_guests_cmdline_elf_SOURCES = tests/guests/cmdline.c $(GUEST_NOTES)
tests_guests_cmdline_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_cmdline_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_cmdline_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_cmdline_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_cmdline_elf_LDADD = $(GUEST_LIB)
tests_guests_cmdline_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/start-info.elf
tests_guests_start_info_elf_SOURCES = tests/guests/start-info.c $(GUEST_NOTES)
tests_guests_start_info_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_start_info_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_start_info_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_start_info_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_start_info_elf_LDADD = $(GUEST_LIB)
tests_guests_start_info_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/vm-assist.elf
tests_guests_vm_assist_elf_SOURCES = tests/guests/vm-assist.c $(GUEST_NOTES)
tests_guests_vm_assist_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_vm_assist_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_vm_assist_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_vm_assist_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_vm_assist_elf_LDADD = $(GUEST_LIB)
tests_guests_vm_assist_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/memory.elf
tests_guests_memory_elf_SOURCES = tests/guests/memory.c $(GUEST_NOTES)
tests_guests_memory_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_memory_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_memory_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_memory_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_memory_elf_LDADD = $(GUEST_LIB)
tests_guests_memory_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/evtchn.elf
tests_guests_evtchn_elf_SOURCES = tests/guests/evtchn.c $(GUEST_NOTES_HCPAGE)
tests_guests_evtchn_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_evtchn_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_evtchn_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_evtchn_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_evtchn_elf_LDADD = $(GUEST_LIB)
tests_guests_evtchn_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/fault.elf
tests_guests_fault_elf_SOURCES = tests/guests/fault.c $(GUEST_NOTES)
tests_guests_fault_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_fault_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_fault_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_fault_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_fault_elf_LDADD = $(GUEST_LIB)
tests_guests_fault_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/multicall.elf
tests_guests_multicall_elf_SOURCES = tests/guests/multicall.c $(GUEST_NOTES)
tests_guests_multicall_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_multicall_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_multicall_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_multicall_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_multicall_elf_LDADD = $(GUEST_LIB)
tests_guests_multicall_elf_DEPENDENCIES = $(GUEST_DEPS)

check_PROGRAMS += tests/guests/mmu.elf
tests_guests_mmu_elf_SOURCES = tests/guests/mmu.c $(GUEST_NOTES)
tests_guests_mmu_elf_CPPFLAGS = $(GUEST_CPP_OPTS)
tests_guests_mmu_elf_CCASFLAGS = $(GUEST_AS_OPTS)
tests_guests_mmu_elf_CFLAGS = $(GUEST_C_OPTS)
tests_guests_mmu_elf_LDFLAGS = $(GUEST_LD_OPTS)
tests_guests_mmu_elf_LDADD = $(GUEST_LIB)
tests_guests_mmu_elf_DEPENDENCIES = $(GUEST_DEPS)

# Micro benchmark guests (bench/hypercalls).
include $(srcdir)/tests/guests/bench.mk

# Hostile arguments to every hypercall.
include $(srcdir)/tests/guests/fuzz.mk

# Xen 4.17's answers for features we do not have.
include $(srcdir)/tests/guests/answers.mk
