/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The iret hypercall: how a guest kernel, which runs in ring 3 and cannot
 * use IRETQ to change privilege or the event mask, returns from a bounced
 * exception or event, or enters user mode.  The guest pushes a struct
 * iret_context (RAX, R11, RCX, flags, RIP, CS, RFLAGS, RSP, SS) and makes
 * the hypercall with RSP pointing at it; the call does not return to its
 * caller but to the frame's RIP.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <asm/eflags.h>
#include <public/xen.h>
#include "pv.h"

long do_iret(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    struct iret_context ctx;

    if ( copy_from_guest(&ctx, regs->rsp, sizeof(ctx)) )
        pv_crash(v, regs, "fault reading the iret frame");

    if ( (ctx.cs & 3) == 3 )
    {
        /* Without it, user mode would see every kernel mapping. */
        if ( !v->arch.guest_table_user )
            pv_crash(v, regs, "iret to user mode with no user page tables");
        if ( v->arch.kernel_mode )
            pv_toggle_guest_mode(v);
    }

    if ( v->domain->arch.vm_assist &
         (1UL << VMASST_TYPE_architectural_iopl) )
        v->arch.pv.iopl = ctx.rflags & X86_EFLAGS_IOPL;

    /* The guest only ever runs in ring 3, with interrupts on. */
    regs->rip = ctx.rip;
    regs->cs = ctx.cs | 3;
    regs->rflags = (ctx.rflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_VM)) |
                   X86_EFLAGS_IF;
    regs->rsp = ctx.rsp;
    regs->ss = ctx.ss | 3;

    /*
     * Returning into the middle of a system call leaves RCX and R11 as
     * SYSRET sets them; any other return restores the guest's.
     */
    if ( !(ctx.flags & VGCF_in_syscall) )
    {
        regs->entry_vector &= ~TRAP_syscall;
        regs->r11 = ctx.r11;
        regs->rcx = ctx.rcx;
    }

    /* The event mask follows the returned-to context's IF. */
    v->vcpu_info->evtchn_upcall_mask = !(ctx.rflags & X86_EFLAGS_IF);

    /* An NMI handler's return lets the next NMI in. */
    if ( v->arch.pv.async_exception_mask & PV_ASYNC_NMI )
        v->arch.pv.async_exception_mask = v->arch.pv.nmi_old_mask;

    /* The hypercall's result is what lands in RAX: the saved one. */
    return ctx.rax;
}
