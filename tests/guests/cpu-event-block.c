/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * SCHEDOP_block enables events and returns once one is pending (at once
 * if one already is), and the upcall follows on the way out; a one-shot
 * timer's VIRQ_TIMER wakes a blocked VCPU the same way.
 */
#include "hvtest.h"
#include "traps.h"
#include "upcall.h"
#include "hypercall-cpu.h"
#include <public/vcpu.h>

const char test_title[] = "cpu-event-block: SCHEDOP_block and the upcall";

/* System time from VCPU 0's pvclock record, in ns. */
static uint64_t system_time(void)
{
    const volatile struct vcpu_time_info *t =
        &trap_shared_info()->vcpu_info[0].time;
    uint32_t version, lo, hi;
    uint64_t stamp, delta, ns;
    uint32_t mul;
    int8_t shift;

    do {
        version = t->version;
        asm volatile ( "" ::: "memory" );
        stamp = t->tsc_timestamp;
        ns = t->system_time;
        mul = t->tsc_to_system_mul;
        shift = t->tsc_shift;
        asm volatile ( "lfence; rdtsc" : "=a" (lo), "=d" (hi) :: "memory" );
        asm volatile ( "" ::: "memory" );
    } while ( (version & 1) || version != t->version );

    delta = (((uint64_t)hi << 32) | lo) - stamp;
    if ( shift < 0 )
        delta >>= -shift;
    else
        delta <<= shift;
    return ns + (uint64_t)(((unsigned __int128)delta * mul) >> 32);
}

void test_main(void)
{
    long p, t;
    uint64_t start;

    traps_init();
    upcall_init();
    p = evtchn_bind_ipi_port();
    CHECK(p > 0);

    printf("cpu-event-block: an event already pending\n");
    CHECK_EQ(*upcall_mask(), 1);
    CHECK_EQ(evtchn_send_port(p), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_block, NULL), 0);
    CHECK_EQ(upcall_log.upcalls, 1);
    CHECK_EQ(upcall_log.port[0], p);
    /* Blocking left events enabled. */
    CHECK_EQ(*upcall_mask(), 0);

    printf("cpu-event-block: woken by VIRQ_TIMER\n");
    /*
     * A PV VCPU starts with a 100 Hz tick on VIRQ_TIMER (on Xen too): a
     * tick between set_timer_op and the block would end the block early.
     */
    *upcall_mask() = 1;
    CHECK_EQ(hypercall3(__HYPERVISOR_vcpu_op, VCPUOP_stop_periodic_timer, 0,
                        0), 0);
    upcall_log_reset();
    t = evtchn_bind_virq_port(VIRQ_TIMER);
    CHECK(t > 0);
    start = system_time();
    CHECK_EQ(hypercall1(__HYPERVISOR_set_timer_op, start + 20000000), 0);
    CHECK_EQ(HYPERVISOR_sched_op(SCHEDOP_block, NULL), 0);
    CHECK(system_time() - start >= 20000000);
    CHECK(upcall_log.upcalls >= 1);
    CHECK(upcall_log.nr >= 1);
    CHECK_EQ(upcall_log.port[0], t);
    *upcall_mask() = 1;
}
