# SPDX-License-Identifier: GPL-2.0-only
# The x86-64 PV layer: SYSCALL entry, hypercall dispatch, dom0 builder.
HV_PV_SOURCES = \
	hypervisor/arch/x86/pv/entry.S \
	hypervisor/arch/x86/pv/arch-hooks.c \
	hypervisor/arch/x86/pv/domain.c \
	hypervisor/arch/x86/pv/dom0-build.c \
	hypervisor/arch/x86/pv/hypercall.c \
	hypervisor/arch/x86/pv/hypercall-page.c \
	hypervisor/arch/x86/pv/traps.c \
	hypervisor/arch/x86/pv/traps-bounce.c \
	hypervisor/arch/x86/pv/events.c \
	hypervisor/arch/x86/pv/iret.c \
	hypervisor/arch/x86/pv/callback.c \
	hypervisor/arch/x86/pv/mode-switch.c \
	hypervisor/arch/x86/pv/descriptors.c \
	hypervisor/arch/x86/pv/fpu.c \
	hypervisor/arch/x86/pv/debugreg.c \
	hypervisor/arch/x86/pv/vcpu-context.c \
	hypervisor/arch/x86/pv/emul-ops.c \
	hypervisor/arch/x86/pv/physdev.c \
	hypervisor/arch/x86/pv/ldt.c \
	hypervisor/arch/x86/pv/context-switch.c \
	hypervisor/arch/x86/rtc.c \
	hypervisor/arch/x86/pvclock.c \
	hypervisor/arch/x86/vcpu-op.c \
	hypervisor/arch/x86/platform-op.c \
	hypervisor/arch/x86/pv/pv.h \
	hypervisor/arch/x86/pv/multicall.c \
	hypervisor/arch/x86/mm/frame-table.c \
	hypervisor/arch/x86/mm/validate.c \
	hypervisor/arch/x86/mm/iomem.c \
	hypervisor/arch/x86/mm/m2p.c \
	hypervisor/arch/x86/mm/setup.c \
	hypervisor/arch/x86/mm/mmu-ops.c \
	hypervisor/arch/x86/mm/memory-arch.c \
	hypervisor/arch/x86/mm/descriptors.c \
	hypervisor/arch/x86/mm/ptwr.c \
	hypervisor/arch/x86/mm/audit.c \
	hypervisor/arch/x86/mm/mm.h \
	hypervisor/arch/x86/include/asm/mm.h

# Privileged-instruction emulation: the decoder, Xen's policy, PV CPUID.
HV_PV_SOURCES += \
	hypervisor/arch/x86/x86-decode.c \
	hypervisor/arch/x86/include/asm/x86-decode.h \
	hypervisor/arch/x86/pv/emul-priv-op.c \
	hypervisor/arch/x86/pv/emul-priv-op.h \
	hypervisor/arch/x86/pv/emul-private.h \
	hypervisor/arch/x86/pv/emul-io.c \
	hypervisor/arch/x86/pv/emul-msr.c \
	hypervisor/arch/x86/pv/emul-debugreg.c \
	hypervisor/arch/x86/pv/cpuid-policy.c \
	hypervisor/arch/x86/pv/cpuid-policy.h

# Domain lifecycle and control, the x86 PV side.
HV_PV_SOURCES += \
	hypervisor/arch/x86/pv/lifecycle.c \
	hypervisor/arch/x86/pv/guest-context.c \
	hypervisor/arch/x86/pv/control.c

# Grant mappings in PV page tables.
HV_PV_SOURCES += hypervisor/arch/x86/pv/grant-pte.c

# Continued hypercalls: the guest's registers rewritten.
HV_PV_SOURCES += hypervisor/arch/x86/pv/continuation.c

# Extended register state (XSAVE) of PV VCPUs, when the CPU has it.
HV_PV_SOURCES += hypervisor/arch/x86/xstate.c \
	hypervisor/arch/x86/include/asm/xstate.h \
	hypervisor/arch/x86/pv/xstate-ext.c \
	hypervisor/arch/x86/pv/xstate-ext.h \
	hypervisor/arch/x86/pv/xstate-domctl.c
