/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What happens when a PV guest traps into us: SYSCALL (a hypercall from
 * guest kernel mode, a system call to bounce from guest user mode), the
 * int $0x80 gate, and exceptions raised in ring 3.  Exceptions go to the
 * guest's own handler from its trap table, after the hypervisor had its
 * say (page-table writes, privileged instructions, the lazy FPU).  A
 * guest without a handler for its fault is crashed, never the hypervisor.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <asm/current.h>
#include <asm/eflags.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include "pv.h"

/* Error-code bits of exceptions caused by a descriptor lookup. */
#define XEC_EXT     (1u << 0)       /* during delivery of an external event */
#define XEC_IDT     (1u << 1)       /* the selector is an IDT vector */

void pv_dump_regs(const struct cpu_user_regs *r)
{
    printk(LOG_ERR "  rip %04x:%016lx  rflags %016lx  vec %u  err %#x\n",
           r->cs, (unsigned long)r->rip, (unsigned long)r->rflags,
           r->entry_vector, r->error_code);
    printk(LOG_ERR "  rsp %04x:%016lx  rax %016lx  rbx %016lx\n",
           r->ss, (unsigned long)r->rsp, (unsigned long)r->rax,
           (unsigned long)r->rbx);
    printk(LOG_ERR "  rcx %016lx  rdx %016lx  rsi %016lx  rdi %016lx\n",
           (unsigned long)r->rcx, (unsigned long)r->rdx,
           (unsigned long)r->rsi, (unsigned long)r->rdi);
    printk(LOG_ERR "  rbp %016lx  r8  %016lx  r9  %016lx  r10 %016lx\n",
           (unsigned long)r->rbp, (unsigned long)r->r8,
           (unsigned long)r->r9, (unsigned long)r->r10);
    printk(LOG_ERR "  r11 %016lx  r12 %016lx  r13 %016lx  r14 %016lx\n",
           (unsigned long)r->r11, (unsigned long)r->r12,
           (unsigned long)r->r13, (unsigned long)r->r14);
    printk(LOG_ERR "  r15 %016lx  cr2 %016lx\n", (unsigned long)r->r15,
           (unsigned long)read_cr2());
}

/*
 * SYSCALL from guest user mode (or any 32-bit SYSCALL): enter guest kernel
 * mode at the registered callback.  Without a callback the guest gets #UD
 * on the SYSCALL.
 *
 * The virtual SFMASK is meant to clear DF for the callback, but Xen 4.17
 * masks the low half of RFLAGS with the low half of the new stack pointer
 * instead (its mask register is reused by the bounce code).  Guests see
 * that, so we do the same: the callback's RFLAGS keep only the bits set
 * in the frame's address, DF among them.
 */
static void syscall_to_kernel(struct cpu_user_regs *regs, struct vcpu *v)
{
    const struct pv_vcpu *pv = &v->arch.pv;
    bool compat = regs->cs == FLAT_USER_CS32;
    unsigned long eip = compat ? pv->syscall32_callback_eip
                               : pv->syscall_callback_eip;
    unsigned int flags = pv->vgc_flags & VGCF_syscall_disables_events
                         ? TBF_INTERRUPT : 0;

    if ( !eip )
    {
        const struct trap_info *ti = &pv->trap_ctxt[TRAP_invalid_op];

        regs->entry_vector = TRAP_invalid_op;
        regs->rip -= 2;
        pv_create_bounce_frame(regs, ti->address, TBF_EXCEPTION |
                               (TI_GET_IF(ti) ? TBF_INTERRUPT : 0), 0);
        return;
    }
    pv_create_bounce_frame(regs, eip, flags, 0);
    regs->rflags &= 0xffffffff00000000UL | (uint32_t)regs->rsp;
}

void pv_syscall(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();

    if ( regs->entry_vector == TRAP_syscall && v->arch.kernel_mode )
    {
        pv_hypercall(regs);
        return;
    }
    /* The bounce works on state other CPUs share (asm/smp.h). */
    hv_lock();
    syscall_to_kernel(regs, v);
    hv_unlock();
}

/*
 * May the guest's int $n reach vector n's handler?  Its trap-table DPL
 * decides, with guest kernel mode counting as ring 1 to 2 of native.
 */
static bool permit_softint(const struct vcpu *v, unsigned int vector)
{
    unsigned int dpl = TI_GET_DPL(&v->arch.pv.trap_ctxt[vector]);

    return dpl >= (v->arch.kernel_mode ? 1 : 3);
}

/*
 * Privileged-instruction emulation, from the emulator once it is linked
 * in (it overrides these): true if the instruction was dealt with, its
 * effects and any exception it raised already applied to regs.
 */
bool __attribute__((weak)) pv_emulate_gp(struct cpu_user_regs *regs)
{
    return false;
}

bool __attribute__((weak)) pv_emulate_ud(struct cpu_user_regs *regs)
{
    return false;
}

bool __attribute__((weak)) pv_fixup_page_fault(struct cpu_user_regs *regs,
                                               unsigned long addr)
{
    return false;
}

static void do_general_protection(struct cpu_user_regs *regs,
                                  struct vcpu *v)
{
    uint32_t ec = regs->error_code;

    /*
     * Every IDT gate but a few has DPL 0, so int $n from the guest lands
     * here with the vector in the error code, and we decide by the DPL
     * the guest gave the vector in its own trap table.
     */
    if ( ec & XEC_IDT )
    {
        unsigned int vector = (ec >> 3) & 0xff;

        if ( permit_softint(v, vector) )
        {
            regs->rip += 2;
            pv_inject_sw_interrupt(regs, vector);
            return;
        }
    }
    else if ( ec == 0 && pv_emulate_gp(regs) )
        return;
    pv_inject_hw_exception(regs, TRAP_gp_fault, ec);
}

static void do_page_fault(struct cpu_user_regs *regs, struct vcpu *v)
{
    unsigned long addr = get_cpu_info()->cr2;

    /* Guests cannot write reserved bits: our page tables are broken. */
    if ( regs->error_code & PFEC_reserved_bit )
        pv_crash(v, regs, "page fault on a reserved bit");
    if ( pv_ldt_page_fault(regs, addr) || pv_fixup_page_fault(regs, addr) )
        return;
    pv_inject_page_fault(regs, regs->error_code, addr);
}

void pv_trap_from_guest(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    unsigned int vec = regs->entry_vector;

    switch ( vec )
    {
    case TRAP_page_fault:
        do_page_fault(regs, v);
        return;
    case TRAP_gp_fault:
        if ( regs->error_code & XEC_EXT )
            break;
        do_general_protection(regs, v);
        return;
    case TRAP_invalid_op:
        if ( !pv_emulate_ud(regs) )
            pv_inject_hw_exception(regs, vec, 0);
        return;
    case TRAP_no_device:
        pv_fpu_device_not_available(regs);
        return;
    case TRAP_debug:
        pv_debug_trap_status(v);
        pv_inject_hw_exception(regs, vec, 0);
        return;
    case TRAP_nmi:
        /* The machine's NMIs are not the guest's business. */
        printk(LOG_WARNING "NMI while d%u ran, ignored\n",
               v->domain->domain_id);
        return;
    case TRAP_double_fault:
    case TRAP_machine_check:
        break;
    default:
        if ( pv_vector_has_error_code(vec) && (regs->error_code & XEC_EXT) )
            break;
        pv_inject_hw_exception(regs, vec, regs->error_code);
        return;
    }

    printk(LOG_ERR "d%u: %s (vector %u, error code %#x) in guest %s mode\n",
           v->domain->domain_id, trap_name(vec), vec, regs->error_code,
           v->arch.kernel_mode ? "kernel" : "user");
    pv_crash(v, regs, "fatal exception");
}

/*
 * int $0x80 through its DPL-3 gate: straight to the guest's handler, or,
 * if it has none, the #GP an ordinary DPL-0 gate would have raised.
 */
void pv_int80(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();
    const struct trap_info *ti = &v->arch.pv.trap_ctxt[0x80];

    if ( ti->address )
    {
        pv_create_bounce_frame(regs, ti->address,
                               TI_GET_IF(ti) ? TBF_INTERRUPT : 0, 0);
        return;
    }
    regs->error_code = (0x80 << 3) | XEC_IDT;
    regs->entry_vector = TRAP_gp_fault;
    regs->rip -= 2;
    do_general_protection(regs, v);
}

/* #DB has its own gate: it can hit the hypervisor on a guest's behalf. */
void pv_debug_exception(struct cpu_user_regs *regs)
{
    if ( regs->cs & 3 )
    {
        pv_trap_from_guest(regs);
        return;
    }
    pv_debug_in_hypervisor(regs);
    /* Nothing of ours single-steps: do not keep trapping. */
    regs->rflags &= ~X86_EFLAGS_TF;
}
