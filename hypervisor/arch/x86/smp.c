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
 * them (holding the hypervisor lock, so one request at a time) writes
 * each such CPU a request, everything or one page, interrupts it and
 * waits until each has flushed and cleared its request.  A CPU spinning
 * for the lock, perhaps with interrupts off, serves its request while it
 * spins.  CPUs not running the domain flushed everything when they
 * switched away, and get no request.
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

/*
 * Each CPU's pending shootdown: none, everything, or one page (its
 * address, which is page aligned, with FLUSH_PAGE set).  Written by the
 * requester, cleared by the CPU once it flushed.
 */
#define FLUSH_NONE  0UL
#define FLUSH_ALL   1UL
#define FLUSH_PAGE  2UL
static unsigned long flush_req[NR_CPUS];

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
    unsigned long req = __atomic_load_n(&flush_req[me], __ATOMIC_ACQUIRE);

    if ( req == FLUSH_NONE )
        return;
    /* INVLPG drops global translations of the page too (guest user). */
    if ( req & FLUSH_PAGE )
        invlpg((const void *)(req & ~(PAGE_SIZE - 1)));
    else
        flush_tlb_all_local();
    /* The flush is done before the requester may rely on it. */
    __atomic_store_n(&flush_req[me], FLUSH_NONE, __ATOMIC_RELEASE);
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

static void flush_request(const struct domain *d, unsigned long req)
{
    unsigned int me = smp_processor_id(), targets = 0;
    bool target[NR_CPUS] = { false };

    if ( nr_cpus_online == 1 || !d )
        return;
    for ( unsigned int cpu = 0; cpu < nr_cpus_online; cpu++ )
        if ( cpu != me && cpu_running_domain(cpu) == d )
        {
            target[cpu] = true;
            targets++;
            /* Seen before the interrupt, whose handler reads it. */
            __atomic_store_n(&flush_req[cpu], req, __ATOMIC_RELEASE);
            send_ipi(cpu, INVALIDATE_VECTOR);
        }
    while ( targets )
    {
        targets = 0;
        for ( unsigned int cpu = 0; cpu < nr_cpus_online; cpu++ )
            if ( target[cpu] &&
                 __atomic_load_n(&flush_req[cpu], __ATOMIC_ACQUIRE) !=
                 FLUSH_NONE )
                targets++;
        cpu_relax();
    }
}

void flush_tlb_others(const struct domain *d)
{
    flush_request(d, FLUSH_ALL);
}

void flush_tlb_others_page(const struct domain *d, unsigned long va)
{
    flush_request(d, (va & ~(PAGE_SIZE - 1)) | FLUSH_PAGE);
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
