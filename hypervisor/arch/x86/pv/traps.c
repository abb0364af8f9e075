/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What happens when a PV guest traps into us: SYSCALL (a hypercall from
 * guest kernel mode) and exceptions raised in ring 3.  A guest without a
 * handler for its fault is crashed, never the hypervisor.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <asm/current.h>
#include <asm/processor.h>
#include "pv.h"

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

void pv_syscall(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();

    if ( regs->entry_vector == 256 && v->arch.kernel_mode )
    {
        pv_hypercall(regs);
        return;
    }
    /* Guest user mode has no system call callback yet to bounce to. */
    printk(LOG_ERR "d%u: SYSCALL from guest %s mode with no callback\n",
           v->domain->domain_id, v->arch.kernel_mode ? "32-bit" : "user");
    pv_dump_regs(regs);
    domain_crash(v->domain, "unhandled system call");
}

void pv_trap_from_guest(struct cpu_user_regs *regs)
{
    struct vcpu *v = current_vcpu();

    /* No trap table yet: every guest exception is fatal to the guest. */
    printk(LOG_ERR "d%u: unhandled exception %u in guest %s mode\n",
           v->domain->domain_id, regs->entry_vector,
           v->arch.kernel_mode ? "kernel" : "user");
    pv_dump_regs(regs);
    domain_crash(v->domain, "unhandled exception");
}
