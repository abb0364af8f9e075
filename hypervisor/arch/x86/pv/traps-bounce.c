/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Bouncing an exception, interrupt or callback to the guest kernel: the
 * frame Xen's x86-64 PV ABI puts on the guest kernel's stack, and the
 * switch of the live register frame to the handler.
 *
 * The frame, lowest address first, 16-byte aligned below the stack top:
 *   RCX, R11, [error code], RIP, CS | saved upcall mask << 32, RFLAGS,
 *   RSP, SS
 * From guest kernel mode it goes on the current stack and CS has RPL 0,
 * so the handler can tell; from guest user mode we switch to kernel mode
 * first and use the stack given by stack_switch.  RFLAGS.IF in the frame
 * is the inverse of the upcall mask the guest had, since the guest's own
 * IF is always set while it runs.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <asm/current.h>
#include <asm/eflags.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <public/xen.h>
#include "pv.h"

/* Vectors for which the CPU gives an error code (Xen's list). */
#define EXC_HAVE_EC ((1u << 8) | (1u << 10) | (1u << 11) | (1u << 12) | \
                     (1u << 13) | (1u << 14) | (1u << 17) | (1u << 21) | \
                     (1u << 29) | (1u << 30))

bool pv_vector_has_error_code(unsigned int vector)
{
    return vector < 32 && (EXC_HAVE_EC & (1u << vector));
}

void pv_crash(struct vcpu *v, const struct cpu_user_regs *regs,
              const char *why)
{
    printk(LOG_ERR "d%uv%u: %s\n", v->domain->domain_id, v->vcpu_id, why);
    if ( regs )
        pv_dump_regs(regs);
    /* From the exit path too, where nothing holds it yet; the crash
     * path lets go of it when it leaves the VCPU. */
    hv_lock();
    domain_crash(v->domain, why);
}

/* The guest stack may not reach into the hypervisor's slots. */
static bool bounce_stack_ok(unsigned long sp)
{
    return sp <= HYPERVISOR_VIRT_START || sp >= HYPERVISOR_VIRT_END + 64;
}

void pv_create_bounce_frame(struct cpu_user_regs *regs, unsigned long eip,
                            unsigned int flags, uint32_t error_code)
{
    struct vcpu *v = current_vcpu();
    struct vcpu_info *vi = v->vcpu_info;
    uint64_t frame[8];
    unsigned int n = 0, i;
    unsigned long sp, cs = regs->cs, rflags;
    uint8_t saved_mask;

    if ( v->arch.kernel_mode )
    {
        sp = regs->rsp;
        cs &= ~3UL;
    }
    else
    {
        pv_toggle_guest_mode(v);
        sp = v->arch.pv.kernel_sp;
    }
    sp &= ~0xfUL;
    if ( !bounce_stack_ok(sp) )
        pv_crash(v, regs, "bounce frame on a stack in the hypervisor's range");

    saved_mask = vi->evtchn_upcall_mask;
    if ( flags & TBF_INTERRUPT )
        vi->evtchn_upcall_mask = 1;

    rflags = regs->rflags & ~(X86_EFLAGS_IF | X86_EFLAGS_IOPL);
    if ( !saved_mask )
        rflags |= X86_EFLAGS_IF;
    if ( v->domain->arch.vm_assist & (1UL << VMASST_TYPE_architectural_iopl) )
        rflags |= v->arch.pv.iopl;

    frame[n++] = regs->rcx;
    frame[n++] = regs->r11;
    if ( flags & TBF_EXCEPTION_ERRCODE )
        frame[n++] = error_code;
    frame[n++] = regs->rip;
    frame[n++] = ((uint64_t)saved_mask << 32) | (uint16_t)cs;
    frame[n++] = rflags;
    frame[n++] = regs->rsp;
    frame[n++] = regs->ss;

    sp -= n * sizeof(frame[0]);
    if ( copy_to_guest(sp, frame, n * sizeof(frame[0])) )
    {
        printk(LOG_ERR "d%u: cannot write a bounce frame at %#lx\n",
               v->domain->domain_id, sp);
        for ( i = 0; i < n; i++ )
            printk(LOG_ERR "  frame[%u] %016lx\n", i,
                   (unsigned long)frame[i]);
        pv_crash(v, regs, "fault writing the bounce frame");
    }

    /*
     * The handler starts as if the CPU had delivered the event: TF, VM,
     * RF and NT clear, and AC too, so that kernel code does not trip
     * alignment checks the interrupted user code asked for.  The return
     * goes out as SYSRET would leave it (see pv_exit_to_guest).
     */
    regs->entry_vector |= TRAP_syscall;
    regs->rflags &= ~(X86_EFLAGS_AC | X86_EFLAGS_VM | X86_EFLAGS_RF |
                      X86_EFLAGS_NT | X86_EFLAGS_TF);
    regs->ss = FLAT_KERNEL_SS;
    regs->rsp = sp;
    regs->cs = FLAT_KERNEL_CS;
    if ( !eip )
        pv_crash(v, regs, "no handler to bounce to");
    regs->rip = eip;
}

/* A vector's handler from the trap table, with the frame it asks for. */
static void bounce_vector(struct cpu_user_regs *regs, unsigned int vector,
                          unsigned int flags, uint32_t error_code)
{
    struct vcpu *v = current_vcpu();
    const struct trap_info *ti = &v->arch.pv.trap_ctxt[vector];

    if ( TI_GET_IF(ti) )
        flags |= TBF_INTERRUPT;
    if ( !ti->address )
    {
        const char *name = trap_name(vector);

        printk(LOG_ERR "d%u: unhandled %s (vector %u, error code %#x) in "
               "guest %s mode\n", v->domain->domain_id,
               name ? name : "software interrupt", vector, error_code,
               v->arch.kernel_mode ? "kernel" : "user");
        pv_crash(v, regs, "exception with no handler");
    }
    pv_create_bounce_frame(regs, ti->address, flags, error_code);
}

void pv_inject_hw_exception(struct cpu_user_regs *regs, unsigned int vector,
                            uint32_t error_code)
{
    unsigned int flags = TBF_EXCEPTION;

    if ( pv_vector_has_error_code(vector) )
        flags |= TBF_EXCEPTION_ERRCODE;
    bounce_vector(regs, vector, flags, error_code);
}

void pv_inject_page_fault(struct cpu_user_regs *regs, uint32_t error_code,
                          unsigned long cr2)
{
    struct vcpu *v = current_vcpu();

    /* The guest reads CR2 here; the CPU's value is long gone by then. */
    v->arch.pv.ctrlreg[2] = cr2;
    v->vcpu_info->arch.cr2 = cr2;

    /* Both guest modes run in ring 3: say which one it really was. */
    error_code &= ~PFEC_user_mode;
    if ( !v->arch.kernel_mode )
        error_code |= PFEC_user_mode;
    pv_inject_hw_exception(regs, TRAP_page_fault, error_code);
}

void pv_inject_sw_interrupt(struct cpu_user_regs *regs, unsigned int vector)
{
    bounce_vector(regs, vector, TBF_EXCEPTION, 0);
}
