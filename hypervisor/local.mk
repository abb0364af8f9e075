# SPDX-License-Identifier: GPL-2.0-only
# The hypervisor image, hypervisor/hypervisor.elf: a freestanding ELF64
# that a multiboot v1 loader (QEMU -kernel, GRUB) boots.  Other parts of
# the hypervisor list their files in the fragments included below.

noinst_HEADERS =
include $(srcdir)/hypervisor/arch/x86/pv/local.mk
include $(srcdir)/hypervisor/common/pv.mk
include $(srcdir)/hypervisor/common/libelf.mk

HV_ARCH_SRCS = \
	hypervisor/arch/x86/boot/head.S \
	hypervisor/arch/x86/boot/multiboot.c \
	hypervisor/arch/x86/apic.c \
	hypervisor/arch/x86/desc.c \
	hypervisor/arch/x86/entry.S \
	hypervisor/arch/x86/extable.c \
	hypervisor/arch/x86/hvtest.c \
	hypervisor/arch/x86/pagetable.c \
	hypervisor/arch/x86/serial.c \
	hypervisor/arch/x86/setup.c \
	hypervisor/arch/x86/shutdown.c \
	hypervisor/arch/x86/acpi.c \
	hypervisor/arch/x86/smp.c \
	hypervisor/arch/x86/smpboot.c \
	hypervisor/arch/x86/boot/trampoline.S \
	hypervisor/arch/x86/symbols.c \
	hypervisor/arch/x86/time.c \
	hypervisor/arch/x86/traps.c \
	hypervisor/arch/x86/usercopy.c

HV_COMMON_SRCS = \
	hypervisor/common/cmdline.c \
	hypervisor/common/console.c \
	hypervisor/common/page-alloc.c \
	hypervisor/common/panic.c \
	hypervisor/common/lib/string.c \
	hypervisor/common/lib/strlcpy.c \
	hypervisor/common/lib/strtoull.c \
	hypervisor/common/lib/vsnprintf.c

HV_HEADER_FILES = \
	hypervisor/arch/x86/include/asm/apic.h \
	hypervisor/arch/x86/include/asm/asm-macros.h \
	hypervisor/arch/x86/include/asm/config.h \
	hypervisor/arch/x86/include/asm/current.h \
	hypervisor/arch/x86/include/asm/desc.h \
	hypervisor/arch/x86/include/asm/extable.h \
	hypervisor/arch/x86/include/asm/io.h \
	hypervisor/arch/x86/include/asm/msr.h \
	hypervisor/arch/x86/include/asm/multiboot.h \
	hypervisor/arch/x86/include/asm/page.h \
	hypervisor/arch/x86/include/asm/pagetable.h \
	hypervisor/arch/x86/include/asm/processor.h \
	hypervisor/arch/x86/include/asm/smp.h \
	hypervisor/arch/x86/include/asm/symbols.h \
	hypervisor/arch/x86/include/asm/time.h \
	hypervisor/arch/x86/include/asm/traps.h \
	hypervisor/arch/x86/include/asm/uaccess.h \
	hypervisor/include/hv/boot.h \
	hypervisor/include/hv/cmdline.h \
	hypervisor/include/hv/console.h \
	hypervisor/include/hv/errno.h \
	hypervisor/include/hv/lib.h \
	hypervisor/include/hv/page-alloc.h \
	hypervisor/include/hv/panic.h \
	hypervisor/include/hv/types.h \
	hypervisor/include/hv/visibility.h

noinst_PROGRAMS += hypervisor/hypervisor.elf
noinst_HEADERS += $(HV_HEADER_FILES)
EXTRA_DIST += hypervisor/arch/x86/hypervisor.lds \
	hypervisor/arch/x86/tools/link.sh

# Build-host tool that fills the image's symbol table after the link.
noinst_PROGRAMS += hypervisor/arch/x86/tools/mksyms
hypervisor_arch_x86_tools_mksyms_SOURCES = \
	hypervisor/arch/x86/tools/mksyms.c

hypervisor_hypervisor_elf_SOURCES = $(HV_ARCH_SRCS) $(HV_COMMON_SRCS) \
	$(HV_PV_SOURCES) $(HV_COMMON_PV_SOURCES) $(HV_LIBELF_SOURCES)

# Freestanding, no SSE, no red zone (interrupts land on the same stack),
# RIP-relative code (we run at 0xffff82d0..., outside the top 2 GiB) and
# hidden symbols so that nothing goes through a GOT.
HV_FREESTANDING_FLAGS = -ffreestanding -fno-stack-protector -mno-red-zone \
	-mgeneral-regs-only -fno-asynchronous-unwind-tables -fpie \
	-fvisibility=hidden -fno-tree-loop-distribute-patterns \
	-fno-common -Wall -Wextra -Wno-unused-parameter -Werror=implicit \
	-std=gnu11

hypervisor_hypervisor_elf_CPPFLAGS = -D__HV__ \
	-include $(srcdir)/hypervisor/include/hv/visibility.h \
	-I$(srcdir)/hypervisor/arch/x86/include -I$(srcdir)/hypervisor/include
hypervisor_hypervisor_elf_CFLAGS = $(HV_FREESTANDING_FLAGS)
hypervisor_hypervisor_elf_CCASFLAGS = $(HV_FREESTANDING_FLAGS) -D__ASSEMBLY__
hypervisor_hypervisor_elf_LDFLAGS = -nostdlib -static -no-pie \
	-Wl,-T,$(srcdir)/hypervisor/arch/x86/hypervisor.lds \
	-Wl,-z,max-page-size=0x1000 -Wl,--build-id=none \
	-Wl,--no-warn-rwx-segments -Wl,-z,noexecstack
hypervisor_hypervisor_elf_DEPENDENCIES = \
	$(srcdir)/hypervisor/arch/x86/hypervisor.lds \
	hypervisor/arch/x86/tools/mksyms$(EXEEXT)
hypervisor_hypervisor_elf_LINK = $(SHELL) \
	$(srcdir)/hypervisor/arch/x86/tools/link.sh \
	hypervisor/arch/x86/tools/mksyms$(EXEEXT) $(CCLD) \
	$(hypervisor_hypervisor_elf_CFLAGS) $(CFLAGS) \
	$(hypervisor_hypervisor_elf_LDFLAGS) $(LDFLAGS) -o $@
