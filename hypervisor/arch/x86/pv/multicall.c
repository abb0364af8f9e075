/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_multicall: run a batch of hypercalls, storing each result in
 * its entry.  A failing call does not stop the batch (its result says
 * so); the batch stops at an entry it cannot read or update, after an iret
 * (which returns to the guest on its own) and when a call left guest
 * kernel mode.  Batches do not nest.
 *
 * Preemption, as Xen does it: between two entries the batch may continue
 * itself from the next one; an entry whose own call continues gets that
 * call's new arguments written back (its result then reads as its op until
 * it completes), and the batch continues from that entry.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <hv/hypercall.h>
#include <hv/continuation.h>
#include <hv/sched.h>
#include <asm/current.h>
#include <public/xen.h>
#include "pv.h"

/*
 * Which VCPU runs a multicall on each CPU (NULL: none), so that a batch
 * cannot contain another.  Per CPU, since a hypercall never leaves its
 * CPU before it returns (the scheduler switches only on the way out to
 * the guest) and a batch never spans a return (a preempted one is issued
 * again as a new call): a CPU runs at most one batch at a time, for the
 * VCPU it runs.  One flag for all CPUs was wrong: a call that waits for
 * another CPU (sched_vcpu_sync) lets the hypervisor lock go meanwhile,
 * and a VCPU there could start a batch of its own.
 *
 * The VCPU rather than a flag: a guest crashed inside a batch leaves its
 * CPU without coming back here, and the next VCPU's batch there must
 * not be refused for it.
 */
static const struct vcpu *mc_vcpu[SCHED_MAX_CPUS];

static bool handle_okay(guest_va_t p)
{
    return p < (1UL << 47) || p >= HV_AREA_VIRT_END;
}

long do_multicall(guest_va_t call_list, uint32_t nr_calls)
{
    struct vcpu *v = current_vcpu();
    const struct vcpu **mc = &mc_vcpu[arch_cpu_id()];
    guest_va_t entry = call_list;
    long rc = 0;
    uint32_t i;

    if ( *mc == v )
        return -EINVAL;
    if ( !handle_okay(call_list) )
        return -EFAULT;
    *mc = v;

    for ( i = 0; i < nr_calls; i++, entry += sizeof(struct multicall_entry) )
    {
        struct multicall_entry call;
        struct cpu_user_regs regs;

        if ( i && hypercall_preempt_check() )
            goto preempted;
        if ( copy_from_guest(&call, entry, sizeof(call)) )
        {
            rc = -EFAULT;
            break;
        }
        /*
         * The sub-call's arguments, in a frame of their own.  The table's
         * functions read only these (iret, which rewrites the guest's
         * frame, reaches for that one itself): the rest stays unset,
         * rather than copying the guest's 200 bytes per entry.
         */
        regs.rax = call.op;
        regs.rdi = call.args[0];
        regs.rsi = call.args[1];
        regs.rdx = call.args[2];
        regs.r10 = call.args[3];
        regs.r8 = call.args[4];
        hypercall_multicall_enter(call.args);
        pv_hypercall_call(&regs);
        hypercall_multicall_leave();
        call.result = regs.rax;

        if ( call.op == __HYPERVISOR_iret )
        {
            /* Best effort: the guest has left the batch already. */
            copy_to_guest(entry + offsetof(struct multicall_entry, result),
                          &call.result, sizeof(call.result));
            rc = call.result;
            break;
        }
        if ( copy_to_guest(entry + offsetof(struct multicall_entry, result),
                           &call.result, sizeof(call.result)) )
        {
            hypercall_cancel_continuation();
            rc = -EFAULT;
            break;
        }
        if ( hypercall_preempted() )
        {
            if ( !copy_to_guest(entry, &call, sizeof(call)) )
                goto preempted;
            hypercall_cancel_continuation();
            rc = -EFAULT;
            break;
        }
        if ( !v->arch.kernel_mode )
            break;
    }

    *mc = NULL;
    return rc;

 preempted:
    *mc = NULL;
    return hypercall_continue(__HYPERVISOR_multicall, entry, nr_calls - i);
}
