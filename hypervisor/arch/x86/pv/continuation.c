/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Continued hypercalls, the x86-64 PV side: the guest's registers become
 * the arguments of what is left to do, and its RIP goes back over the
 * SYSCALL (2 bytes, as is the hypercall page's) so that it runs again.
 */
#include <hv/types.h>
#include <hv/continuation.h>
#include <asm/current.h>
#include "pv.h"

/* The length of SYSCALL, the only way a 64-bit PV guest makes a call. */
#define SYSCALL_INSN_LEN 2

void arch_hypercall_set_args(unsigned int op, unsigned int nr,
                             const unsigned long args[])
{
    struct cpu_user_regs *regs = guest_cpu_user_regs();
    uint64_t *slot[HYPERCALL_MAX_ARGS] = {
        &regs->rdi, &regs->rsi, &regs->rdx, &regs->r10, &regs->r8,
    };

    regs->rax = op;
    for ( unsigned int i = 0; i < nr && i < HYPERCALL_MAX_ARGS; i++ )
        *slot[i] = args[i];
}

void pv_hypercall_restart(struct cpu_user_regs *regs, unsigned int op)
{
    regs->rax = op;
    regs->rip -= SYSCALL_INSN_LEN;
}
