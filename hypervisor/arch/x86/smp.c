/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interprocessor interrupts, TLB shootdown and the hypervisor lock.
 *
 * The event check IPI makes its CPU leave whatever it does (a guest, or
 * the halt of the idle loop) through a path that looks at need_resched
 * and the running VCPU's pending events; the handler has nothing to do.
 *
 * A shootdown: when the page tables of a domain change, CPUs running
 * another VCPU of it may hold stale translations.  The CPU that changed
 * them (holding the hypervisor lock, so one request at a time) bumps a
 * generation count, interrupts those CPUs and waits until each has
 * flushed and recorded the generation.  A CPU spinning for the lock,
 * perhaps with interrupts off, serves requests while it spins.  CPUs
 * not running the domain flushed everything when they switched away.
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
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>

#define NO_OWNER    (~0u)

static unsigned int lock_owner = NO_OWNER;
static unsigned int lock_depth;

static unsigned int flush_gen;              /* shootdowns requested */
static unsigned int flush_done[NR_CPUS];    /* the last each CPU served */

void send_ipi(unsigned int cpu, unsigned int vector)
{
    if ( cpu < nr_cpus_online )
        apic_send_icr(cpu_apic_id[cpu], vector | APIC_ICR_ASSERT);
}

static void event_check_interrupt(struct cpu_user_regs *regs)
{
    (void)regs;
}

static void flush_serve(void)
{
    unsigned int me = smp_processor_id();
    unsigned int gen = __atomic_load_n(&flush_gen, __ATOMIC_ACQUIRE);

    if ( __atomic_load_n(&flush_done[me], __ATOMIC_RELAXED) == gen )
        return;
    flush_tlb_all_local();
    __atomic_store_n(&flush_done[me], gen, __ATOMIC_RELEASE);
}

static void invalidate_interrupt(struct cpu_user_regs *regs)
{
    (void)regs;
    flush_serve();
}

void smp_ipi_init(void)
{
    request_irq(EVENT_CHECK_VECTOR, event_check_interrupt);
    request_irq(INVALIDATE_VECTOR, invalidate_interrupt);
}

void flush_tlb_others(const struct domain *d)
{
    unsigned int me = smp_processor_id(), gen, targets = 0;
    bool target[NR_CPUS] = { false };

    if ( nr_cpus_online == 1 || !d )
        return;
    gen = __atomic_add_fetch(&flush_gen, 1, __ATOMIC_ACQ_REL);
    for ( unsigned int cpu = 0; cpu < nr_cpus_online; cpu++ )
        if ( cpu != me && cpu_running_domain(cpu) == d )
        {
            target[cpu] = true;
            targets++;
            send_ipi(cpu, INVALIDATE_VECTOR);
        }
    /* Every other CPU takes the generation as served, in passing. */
    __atomic_store_n(&flush_done[me], gen, __ATOMIC_RELEASE);
    while ( targets )
    {
        targets = 0;
        for ( unsigned int cpu = 0; cpu < nr_cpus_online; cpu++ )
            if ( target[cpu] &&
                 (int)(__atomic_load_n(&flush_done[cpu], __ATOMIC_ACQUIRE) -
                       gen) < 0 )
                targets++;
        cpu_relax();
    }
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
        /* The holder may be waiting for us to flush. */
        flush_serve();
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
