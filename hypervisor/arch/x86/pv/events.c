/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The last look before the CPU returns to a PV guest, whatever brought us
 * in (hypercall, exception, interrupt): deliver a pending NMI or event
 * upcall by bouncing to its callback, make sure IRETQ cannot fault on the
 * frame, and leave the registers as Xen's exit path does.
 *
 * Interrupts are off throughout, so an event raised after the check
 * cannot be missed: its interrupt arrives once the guest runs and brings
 * us back here.
 */
#include <hv/types.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/eflags.h>
#include <asm/traps.h>
#include <public/xen.h>
#include "pv.h"

static bool is_canonical(unsigned long va)
{
    return (unsigned long)(((long)va << 16) >> 16) == va;
}

/*
 * The descriptor behind a ring-3 selector, as IRETQ will read it: from
 * this CPU's GDT (the guest's frames, then our reserved page) or the
 * guest's LDT, or none.
 */
static bool read_gdt_desc(unsigned int sel, uint64_t *desc)
{
    const uint64_t *gdt = (const uint64_t *)GDT_VIRT_START(
        smp_processor_id());

    if ( sel & 4 )
        return pv_ldt_desc(current_vcpu(), sel, desc);
    if ( (sel | 7) > GDT_LIMIT )
        return false;
    *desc = gdt[sel >> 3];
    return true;
}

/* The RFLAGS bits SYSRET takes from R11. */
#define SYSRET_RFLAGS 0x3c7fd7UL

#define DESC_P      (1UL << 47)
#define DESC_S      (1UL << 44)
#define DESC_CODE   (1UL << 43)
#define DESC_WR     (1UL << 41)     /* readable code, writable data */
#define DESC_L      (1UL << 53)
#define DESC_G      (1UL << 55)
#define DESC_DPL(d) (((d) >> 45) & 3)

static unsigned long desc_limit(uint64_t d)
{
    unsigned long limit = (d & 0xffff) | ((d >> 32) & 0xf0000);

    return d & DESC_G ? (limit << 12) | 0xfff : limit;
}

/*
 * Would IRETQ to ring 3 accept this frame?  If not, return the error code
 * of the exception it would raise (#GP or #NP/#SS with the selector, as
 * the CPU reports them), its vector in *vec, and in *rf whether the guest
 * would see it as a fault of its own.
 */
static bool iret_frame_ok(const struct cpu_user_regs *regs,
                          unsigned int *vec, uint32_t *ec, bool *rf)
{
    unsigned int cs = regs->cs, ss = regs->ss;
    uint64_t d;

    *rf = false;
    /*
     * The flat 64-bit selectors live in our reserved GDT page, which the
     * guest cannot change: the common case needs no descriptor lookup.
     */
    if ( cs == FLAT_KERNEL_CS64 && ss == FLAT_KERNEL_SS64 &&
         is_canonical(regs->rip) )
        return true;

    *vec = TRAP_gp_fault;
    *ec = cs & ~3u;
    if ( (cs & ~3u) == 0 || !read_gdt_desc(cs, &d) ||
         (d & (DESC_S | DESC_CODE)) != (DESC_S | DESC_CODE) ||
         DESC_DPL(d) != 3 || (cs & 3) != 3 )
        return false;
    if ( !(d & DESC_P) )
    {
        *vec = TRAP_no_segment;
        return false;
    }
    /*
     * A RIP the code segment cannot reach faults on the first fetch, in
     * the guest: a fault, so RF is set in its frame.
     */
    if ( (d & DESC_L) ? !is_canonical(regs->rip)
                      : regs->rip > desc_limit(d) )
    {
        *ec = 0;
        *rf = true;
        return false;
    }

    *ec = ss & ~3u;
    if ( (ss & ~3u) == 0 || !read_gdt_desc(ss, &d) ||
         (d & (DESC_S | DESC_CODE | DESC_WR)) != (DESC_S | DESC_WR) ||
         DESC_DPL(d) != 3 || (ss & 3) != 3 )
        return false;
    if ( !(d & DESC_P) )
    {
        *vec = TRAP_stack_error;
        return false;
    }
    return true;
}

/*
 * The failsafe callback, when a data segment selector of the guest could
 * not be reloaded: a frame RCX, R11, DS, ES, FS, GS, RIP, CS, RFLAGS, RSP,
 * SS on the kernel stack, the selectors being the ones that failed.
 */
static bool deliver_failsafe(struct cpu_user_regs *regs, struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;
    const struct cpu_user_regs *u = &v->arch.user_regs;
    struct vcpu_info *vi = v->vcpu_info;
    uint64_t frame[11];
    unsigned long sp, rflags;

    if ( !pv->failsafe_pending )
        return false;
    pv->failsafe_pending = false;

    /* As Xen builds it: CS as it was, on the stack of the mode it was. */
    sp = (v->arch.kernel_mode ? regs->rsp : pv->kernel_sp) & ~0xfUL;
    if ( !v->arch.kernel_mode )
        pv_toggle_guest_mode(v);
    rflags = regs->rflags & ~(X86_EFLAGS_IF | X86_EFLAGS_IOPL);
    if ( !vi->evtchn_upcall_mask )
        rflags |= X86_EFLAGS_IF;
    if ( v->domain->arch.vm_assist & (1UL << VMASST_TYPE_architectural_iopl) )
        rflags |= pv->iopl;

    frame[0] = regs->rcx;
    frame[1] = regs->r11;
    frame[2] = u->ds;
    frame[3] = u->es;
    frame[4] = u->fs;
    frame[5] = u->gs;
    frame[6] = regs->rip;
    frame[7] = (uint16_t)regs->cs | ((uint64_t)vi->evtchn_upcall_mask << 32);
    frame[8] = rflags;
    frame[9] = regs->rsp;
    frame[10] = regs->ss;
    sp -= sizeof(frame);
    if ( copy_to_guest(sp, frame, sizeof(frame)) )
        pv_crash(v, regs, "fault writing the failsafe frame");

    if ( pv->vgc_flags & VGCF_failsafe_disables_events )
        vi->evtchn_upcall_mask = 1;
    regs->entry_vector |= TRAP_syscall;
    regs->rflags &= ~(X86_EFLAGS_AC | X86_EFLAGS_VM | X86_EFLAGS_RF |
                      X86_EFLAGS_NT | X86_EFLAGS_TF);
    regs->ss = FLAT_KERNEL_SS;
    regs->rsp = sp;
    regs->cs = FLAT_KERNEL_CS;
    if ( !pv->failsafe_callback_eip )
        pv_crash(v, regs, "segment reload failed with no failsafe callback");
    regs->rip = pv->failsafe_callback_eip;
    return true;
}

/* Bounce to the event callback if an upcall is pending and unmasked. */
static bool deliver_event(struct cpu_user_regs *regs, struct vcpu *v)
{
    const struct vcpu_info *vi = v->vcpu_info;

    if ( !vi->evtchn_upcall_pending || vi->evtchn_upcall_mask )
        return false;
    pv_create_bounce_frame(regs, v->arch.pv.event_callback_eip,
                           TBF_INTERRUPT, 0);
    return true;
}

/* NMIs go first, and mask further NMIs until the guest's iret. */
static bool deliver_nmi(struct cpu_user_regs *regs, struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    if ( !pv->nmi_pending || (pv->async_exception_mask & PV_ASYNC_NMI) )
        return false;
    pv->nmi_pending = false;
    if ( !pv->trap_ctxt[TRAP_nmi].address )
        return false;
    pv->nmi_old_mask = pv->async_exception_mask;
    pv->async_exception_mask |= PV_ASYNC_NMI;
    pv_create_bounce_frame(regs, pv->trap_ctxt[TRAP_nmi].address,
                           TBF_INTERRUPT, 0);
    return true;
}

void pv_exit_to_guest(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    unsigned int vec;
    uint32_t ec;
    bool rf;

    if ( !v )
        return;

    for ( ;; )
    {
        if ( deliver_failsafe(regs, v) || deliver_nmi(regs, v) ||
             deliver_event(regs, v) )
            continue;
        /*
         * A frame IRETQ would refuse gets the exception the CPU would
         * raise, delivered to the guest as though its own code had
         * faulted: the hypervisor must never fault on the way out.
         */
        if ( !iret_frame_ok(regs, &vec, &ec, &rf) )
        {
            if ( rf )
                regs->rflags |= X86_EFLAGS_RF;
            pv_inject_hw_exception(regs, vec, ec);
            continue;
        }
        break;
    }

    regs->rflags = (regs->rflags & ~(X86_EFLAGS_IOPL | X86_EFLAGS_VM)) |
                   X86_EFLAGS_IF;
    /*
     * A SYSCALL-style return leaves RIP in RCX and RFLAGS in R11, and the
     * flags SYSRET cannot load (RF, reserved bits) clear, as Xen's SYSRET
     * path does to a canonical RIP.
     */
    if ( regs->entry_vector & TRAP_syscall )
    {
        regs->rcx = regs->rip;
        regs->r11 = regs->rflags;
        if ( is_canonical(regs->rip) )
            regs->rflags = (regs->rflags & SYSRET_RFLAGS) | X86_EFLAGS_MBS;
    }
}
