/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The 2-level event ABI: a pending and a mask bit per port in shared_info,
 * and per VCPU a selector word saying which pending words to scan.
 */
#include "event_channel.h"

/*
 * The guest clears the selector, then pending bits, in that order, and
 * only then looks at upcall_pending again; setting them in the opposite
 * order means it can never miss a port.  A masked port only gets its
 * pending bit: unmasking it does the rest.
 */
static bool evtchn_2l_set_pending(struct vcpu *v, struct evtchn *chn)
{
    struct shared_info *s = v->domain->shared_info;
    unsigned int port = chn->port;

    if ( guest_test_and_set_bit(port, s->evtchn_pending) )
        return false;

    if ( !guest_test_bit(port, s->evtchn_mask) &&
         !guest_test_and_set_bit(port / EVTCHN_WORD_BITS,
                                 &v->vcpu_info->evtchn_pending_sel) )
        evtchn_mark_vcpu_pending(v);

    return true;
}

static void evtchn_2l_clear_pending(struct domain *d, struct evtchn *chn)
{
    guest_test_and_clear_bit(chn->port, d->shared_info->evtchn_pending);
}

/* The second half of a delivery the mask held back, in the same order. */
static void evtchn_2l_unmask(struct domain *d, struct evtchn *chn)
{
    struct shared_info *s = d->shared_info;
    struct vcpu *v = d->vcpu[chn->notify_vcpu_id];
    unsigned int port = chn->port;

    if ( guest_test_and_clear_bit(port, s->evtchn_mask) &&
         guest_test_bit(port, s->evtchn_pending) &&
         !guest_test_and_set_bit(port / EVTCHN_WORD_BITS,
                                 &v->vcpu_info->evtchn_pending_sel) )
        evtchn_mark_vcpu_pending(v);
}

static bool evtchn_2l_is_pending(const struct domain *d,
                                 const struct evtchn *chn)
{
    return chn->port < EVTCHN_2L_NR_CHANNELS &&
           guest_test_bit(chn->port, d->shared_info->evtchn_pending);
}

const struct evtchn_port_ops evtchn_port_ops_2l = {
    .max_ports = EVTCHN_2L_NR_CHANNELS,
    .set_pending = evtchn_2l_set_pending,
    .clear_pending = evtchn_2l_clear_pending,
    .unmask = evtchn_2l_unmask,
    .is_pending = evtchn_2l_is_pending,
};
