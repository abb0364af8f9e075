/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The test guests' event callback: clear the upcall flag first (so an
 * event raised meanwhile is seen again), then take the selector word and
 * each pending, unmasked port in it, lowest first, as Linux does.
 */
#include "hvtest.h"
#include "upcall.h"
#include "hypercall-cpu.h"

#define BITS_PER_WORD 64

struct upcall_log upcall_log;
void (*upcall_port_hook)(evtchn_port_t port);

static void event_handler(struct trap_frame *f)
{
    shared_info_t *s = trap_shared_info();
    struct vcpu_info *vi = &s->vcpu_info[0];
    unsigned long sel;

    upcall_log.upcalls++;
    upcall_log.frame = *f;
    upcall_log.mask_at_entry = vi->evtchn_upcall_mask;

    vi->evtchn_upcall_pending = 0;
    sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
    while ( sel )
    {
        unsigned int w = __builtin_ctzl(sel);
        unsigned long bits;

        sel &= sel - 1;
        bits = s->evtchn_pending[w] & ~s->evtchn_mask[w];
        while ( bits )
        {
            unsigned int b = __builtin_ctzl(bits);
            evtchn_port_t port = w * BITS_PER_WORD + b;

            bits &= bits - 1;
            __atomic_fetch_and(&s->evtchn_pending[w], ~(1UL << b),
                               __ATOMIC_SEQ_CST);
            if ( upcall_log.nr < UPCALL_LOG )
                upcall_log.port[upcall_log.nr++] = port;
            if ( upcall_port_hook )
                upcall_port_hook(port);
        }
    }
}

void upcall_init(void)
{
    if ( !trap_shared_info() )
        test_fail("upcall: no shared_info");
    trap_set_handler(VEC_EVENT, event_handler);
}

void upcall_log_reset(void)
{
    memset(&upcall_log, 0, sizeof(upcall_log));
}

long evtchn_bind_ipi_port(void)
{
    struct evtchn_bind_ipi b = { .vcpu = 0 };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &b);

    return rc ? rc : (long)b.port;
}

long evtchn_bind_virq_port(unsigned int virq)
{
    struct evtchn_bind_virq b = { .virq = virq, .vcpu = 0 };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &b);

    return rc ? rc : (long)b.port;
}

long evtchn_send_port(evtchn_port_t port)
{
    struct evtchn_send s = { .port = port };

    return HYPERVISOR_event_channel_op(EVTCHNOP_send, &s);
}

long evtchn_unmask_port(evtchn_port_t port)
{
    struct evtchn_unmask u = { .port = port };

    return HYPERVISOR_event_channel_op(EVTCHNOP_unmask, &u);
}

long evtchn_close_port(evtchn_port_t port)
{
    struct evtchn_close c = { .port = port };

    return HYPERVISOR_event_channel_op(EVTCHNOP_close, &c);
}

void evtchn_mask_port(evtchn_port_t port, bool masked)
{
    shared_info_t *s = trap_shared_info();
    unsigned long bit = 1UL << (port % BITS_PER_WORD);

    if ( masked )
        __atomic_fetch_or(&s->evtchn_mask[port / BITS_PER_WORD], bit,
                          __ATOMIC_SEQ_CST);
    else
        __atomic_fetch_and(&s->evtchn_mask[port / BITS_PER_WORD], ~bit,
                           __ATOMIC_SEQ_CST);
}
