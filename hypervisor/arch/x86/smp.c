/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interprocessor interrupts and the hypervisor lock.
 *
 * The only IPI so far is the event check: it makes its CPU leave whatever
 * it does (a guest, or the halt of the idle loop) through a path that
 * looks at need_resched and the running VCPU's pending events.  The
 * handler itself has nothing to do.
 *
 * The hypervisor lock is a ticket-free test-and-set lock with an owner
 * and a depth, so that a path holding it can reach another that takes it
 * (a hypercall that crashes its guest, say).  Holders never wait for
 * another CPU, which is what makes spinning for it with interrupts off
 * safe.
 */
#include <hv/types.h>
#include <hv/console.h>
#include <asm/apic.h>
#include <asm/current.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>

#define NO_OWNER    (~0u)

static unsigned int lock_owner = NO_OWNER;
static unsigned int lock_depth;

void send_ipi(unsigned int cpu, unsigned int vector)
{
    if ( cpu < nr_cpus_online )
        apic_send_icr(cpu_apic_id[cpu], vector | APIC_ICR_ASSERT);
}

static void event_check_interrupt(struct cpu_user_regs *regs)
{
    (void)regs;
}

void smp_ipi_init(void)
{
    request_irq(EVENT_CHECK_VECTOR, event_check_interrupt);
}

void hv_lock(void)
{
    unsigned int me = smp_processor_id(), free = NO_OWNER;

    if ( __atomic_load_n(&lock_owner, __ATOMIC_RELAXED) == me )
    {
        lock_depth++;
        return;
    }
    while ( !__atomic_compare_exchange_n(&lock_owner, &free, me, false,
                                         __ATOMIC_ACQUIRE,
                                         __ATOMIC_RELAXED) )
    {
        free = NO_OWNER;
        cpu_relax();
    }
    lock_depth = 1;
}

void hv_unlock(void)
{
    if ( lock_owner != smp_processor_id() || !lock_depth )
        panic("hypervisor lock released by CPU%u, not its holder",
              smp_processor_id());
    if ( --lock_depth == 0 )
        __atomic_store_n(&lock_owner, NO_OWNER, __ATOMIC_RELEASE);
}

unsigned int hv_unlock_all(void)
{
    unsigned int depth;

    if ( lock_owner != smp_processor_id() )
        return 0;
    depth = lock_depth;
    lock_depth = 0;
    __atomic_store_n(&lock_owner, NO_OWNER, __ATOMIC_RELEASE);
    return depth;
}

void hv_relock(unsigned int depth)
{
    if ( !depth )
        return;
    hv_lock();
    lock_depth = depth;
}
