/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The CPU side of a PV VCPU: its virtual IDT and callbacks, guest kernel
 * stack, virtual control and debug registers, GDT frames and FPU image.
 */
#ifndef ASM_PV_VCPU_H
#define ASM_PV_VCPU_H

#include <hv/types.h>
#include <public/xen.h>

/* Guest GDT pages: entries below the hypervisor's reserved page. */
#define PV_GDT_FRAMES       14

/* Asynchronous exceptions that mask each other until the guest's iret. */
#define PV_ASYNC_NMI        (1u << 0)

struct pv_vcpu
{
    /* Virtual IDT, from set_trap_table; a zero address means no handler. */
    struct trap_info trap_ctxt[256];

    /* Entry points given by callback_op / set_callbacks. */
    unsigned long event_callback_eip;
    unsigned long failsafe_callback_eip;
    unsigned long syscall_callback_eip;
    unsigned long syscall32_callback_eip;
    unsigned long sysenter_callback_eip;
    bool syscall32_disables_events;
    bool sysenter_disables_events;
    unsigned long vgc_flags;            /* VGCF_*_disables_events */
    bool failsafe_pending;              /* a selector failed to reload */

    /* Where bounces from guest user mode land (stack_switch). */
    unsigned long kernel_ss;
    unsigned long kernel_sp;

    /* Virtual control registers: only CR0.TS is the guest's own here. */
    unsigned long ctrlreg[8];

    /* Port access: virtual IOPL (EFLAGS.IOPL bits) and I/O bitmap. */
    unsigned int iopl;
    uint64_t iobmp;                     /* guest address of the bitmap */
    unsigned int iobmp_limit;           /* ports it covers */

    /* MSRs the VCPU holds for itself. */
    uint64_t tsc_aux;
    uint64_t spec_ctrl;
    bool cpuid_faulting;                /* MISC_FEATURES_ENABLES bit 0 */
    uint32_t dr_mask[4];                /* AMD DR0-3 address masks */
    uint64_t mcg_cap, mcg_status;       /* virtual machine check */
    uint64_t mc_bank[2][3];             /* MCi_STATUS, _ADDR, _MISC */

    /* NMI delivery state. */
    bool nmi_pending;
    uint8_t async_exception_mask;       /* PV_ASYNC_* */
    uint8_t nmi_old_mask;

    /* GDT frames given by set_gdt, and its number of entries. */
    unsigned long gdt_frames[PV_GDT_FRAMES];
    unsigned int gdt_ents;

    /* Debug registers as the guest set them. */
    unsigned long dr[4];
    unsigned long dr6;
    unsigned long dr7;
    unsigned long dr7_emul;             /* I/O breakpoint enables */

    /*
     * x87/SSE state while the VCPU is off the FPU (FXSAVE image).  The FPU
     * is loaded lazily: fpu_dirtied says the registers hold this VCPU's.
     */
    bool fpu_initialised;
    bool fpu_dirtied;
    uint8_t fpu_ctxt[512] __attribute__((aligned(16)));

    /*
     * With XSAVE (asm/xstate.h): the whole register state in XSAVE's
     * standard layout, in frames of its own (NULL without XSAVE); the XCR0
     * the guest set (0 until it sets one); every component it ever had.
     */
    void *xsave_area;
    uint64_t xcr0;
    uint64_t xcr0_accum;
};

#endif /* ASM_PV_VCPU_H */
