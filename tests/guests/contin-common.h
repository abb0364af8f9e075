/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the continuation guests share: huge batches whose results must be
 * those of one uninterrupted call, and a probe that catches a hypercall
 * being interrupted.  The probe arms a one-shot timer and unmasks events
 * during a batch; a hypervisor that stops the batch to deliver the timer's
 * event (and then issues it again) shows the event callback a frame whose
 * RIP is the SYSCALL itself and whose RAX is the hypercall's number.
 */
#ifndef CONTIN_COMMON_H
#define CONTIN_COMMON_H

#include "mmu-common.h"
#include "time-util.h"
#include "traps.h"
#include "upcall.h"

/*
 * A hypercall by the current transport that also hands back the argument
 * registers as the hypervisor left them: a continued call comes back with
 * them rewritten (the last continuation's).  The count of such calls is
 * printed, for the reader only: whether and where a call stops is the
 * hypervisor's business, the results must not show it.
 */
static unsigned int contin_seen;

static inline long contin_call(const char *what, unsigned long nr,
                               unsigned long a0, unsigned long a1,
                               unsigned long a2, unsigned long a3,
                               unsigned long a4)
{
    register unsigned long r10 asm("r10") = a3;
    register unsigned long r8 asm("r8") = a4;
    unsigned long rdi = a0, rsi = a1, rdx = a2, rax = nr;

    if ( hc_transport == HC_PAGE )
    {
        unsigned long stub = (unsigned long)hypercall_page + nr * 32;

        asm volatile ( "call *%[stub]"
                       : "+a" (rax), "+D" (rdi), "+S" (rsi), "+d" (rdx),
                         "+r" (r10), "+r" (r8)
                       : [stub] "r" (stub)
                       : "rcx", "r11", "memory" );
    }
    else
        asm volatile ( "syscall"
                       : "+a" (rax), "+D" (rdi), "+S" (rsi), "+d" (rdx),
                         "+r" (r10), "+r" (r8)
                       :
                       : "rcx", "r11", "memory" );
    if ( rdi != a0 || rsi != a1 || rdx != a2 || r10 != a3 || r8 != a4 )
    {
        contin_seen++;
        printf("%s: continued (last as %#lx %#lx %#lx %#lx %#lx)\n", what,
               rdi, rsi, (unsigned long)rdx, (unsigned long)r10,
               (unsigned long)r8);
    }
    else
        printf("%s: in one go\n", what);
    return rax;
}

/* What the timer's upcall saw. */
struct contin_probe {
    unsigned int fired;             /* timer events taken */
    struct trap_frame frame;        /* the interrupted frame, first event */
    uint64_t armed_at, fired_at;    /* system time */
};

static struct contin_probe probe;
static evtchn_port_t timer_port;

static void contin_on_port(evtchn_port_t port)
{
    if ( port != timer_port )
        return;
    if ( !probe.fired++ )
    {
        probe.frame = upcall_log.frame;
        probe.fired_at = now();
    }
}

/* Traps, the event callback and VIRQ_TIMER; false if any is refused. */
static inline bool contin_init(void)
{
    long p;

    traps_init();
    upcall_init();
    if ( !map_shared_info() )
        return false;
    p = bind_virq_timer();
    if ( !CHECK(p > 0) )
        return false;
    timer_port = p;
    upcall_port_hook = contin_on_port;
    /* Xen ticks every VCPU's periodic timer by default: only ours, here. */
    return CHECK_EQ(vcpu_op(VCPUOP_stop_periodic_timer, 0, NULL), 0);
}

/* Arm the timer 'delay' from now and unmask events. */
static inline void contin_arm(uint64_t delay)
{
    struct vcpu_set_singleshot_timer set = { 0 };

    memset(&probe, 0, sizeof(probe));
    upcall_log_reset();
    /* Nothing left over from before: the next event is this timer's. */
    clear_pending(timer_port);
    shinfo->vcpu_info[0].evtchn_pending_sel = 0;
    *upcall_pending() = 0;
    probe.armed_at = now();
    set.timeout_abs_ns = probe.armed_at + delay;
    CHECK_EQ(vcpu_op(VCPUOP_set_singleshot_timer, 0, &set), 0);
    *upcall_mask() = 0;
}

/* Mask events again and stop the timer if it has not fired. */
static inline void contin_disarm(void)
{
    *upcall_mask() = 1;
    vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL);
}

/* SYSCALL's encoding: where a continued call's frame points. */
#define SYSCALL_BYTES 0x050f

/* Where the timer's event came: during the call, or outside it. */
enum contin_when {
    CONTIN_DURING,              /* between two pieces of the call */
    CONTIN_OUTSIDE,             /* before or after it: try again */
    CONTIN_NEVER,               /* not at all */
};

/*
 * The timer fired while hypercall 'op' was under way if the event came
 * in between two pieces of it: at the SYSCALL that issues the rest, with
 * RAX the hypercall's number.  Otherwise it fired before the call began
 * or the hypervisor held the event back until the call was complete.
 */
static inline enum contin_when contin_when(const char *what, unsigned long op)
{
    const struct trap_frame *f = &probe.frame;

    printf("%s: timer events %u, rax %lu, after %lu us\n", what,
           probe.fired, (unsigned long)f->rax,
           (unsigned long)(probe.fired_at - probe.armed_at) / 1000);
    if ( !probe.fired )
        return CONTIN_NEVER;
    if ( f->rax != op || *(const uint16_t *)f->rip != SYSCALL_BYTES )
        return CONTIN_OUTSIDE;
    return CONTIN_DURING;
}

#endif /* CONTIN_COMMON_H */
