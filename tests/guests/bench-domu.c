/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domU of the bench-evtchn guest.  dom0 binds its end of our console
 * event channel, as a console daemon would; we say we are ready with one
 * event on it, then answer each of dom0's events with one of our own,
 * waiting in SCHEDOP_poll, as many times as "rounds=M" on our command
 * line says.  We print into the console ring (sending no event: the
 * channel is the benchmark's), for dom0 to read once we are done.
 */
#include "dom-util.h"
#include <public/event_channel.h>
#include <public/io/console.h>

const char test_title[] = "bench-domu: event channel echo";

static struct xencons_interface *ring;

/* The ring's frame, found in our P2M; the builder maps every frame. */
static struct xencons_interface *find_ring(void)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    for ( unsigned long pfn = 0; pfn < start_info->nr_pages; pfn++ )
        if ( p2m[pfn] == start_info->console.domU.mfn )
            return (struct xencons_interface *)(VIRT_BASE + pfn * DOM_PAGE);
    return NULL;
}

/* Nobody drains the ring while we run: what does not fit is lost. */
void console_write(const char *s, size_t n)
{
    XENCONS_RING_IDX prod;

    if ( !ring && !(ring = find_ring()) )
        return;
    prod = ring->out_prod;
    for ( size_t i = 0; i < n && prod - ring->out_cons < sizeof(ring->out);
          i++ )
        ring->out[MASK_XENCONS_IDX(prod++, ring->out)] = s[i];
    __atomic_store_n(&ring->out_prod, prod, __ATOMIC_RELEASE);
}

int vprintf(const char *fmt, va_list ap)
{
    char buf[256];
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);

    console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

/* A decimal number from the command line, or 0. */
static unsigned long arg(const char *key)
{
    char buf[24];
    unsigned long v = 0;

    if ( !cmdline_get(key, buf, sizeof(buf)) )
        return 0;
    for ( const char *p = buf; *p >= '0' && *p <= '9'; p++ )
        v = v * 10 + (*p - '0');
    return v;
}

static long send(evtchn_port_t port)
{
    struct evtchn_send s = { .port = port };

    return HYPERVISOR_event_channel_op(EVTCHNOP_send, &s);
}

/* Block until port is pending, and consume it. */
static void wait_for(evtchn_port_t port)
{
    struct sched_poll p = { .nr_ports = 1, .timeout = 0 };

    set_xen_guest_handle(p.ports, &port);
    while ( !port_test_and_clear(port) )
        HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

void test_main(void)
{
    evtchn_port_t port = start_info->console.domU.evtchn;
    unsigned long rounds = arg("rounds"), bad = 0;

    if ( !CHECK(rounds > 0) || !CHECK(dom_shared_info() != NULL) )
        return;
    /*
     * We have no event callback: with upcalls unmasked (as Xen starts a
     * domU's VCPU) Xen would crash us on the first event.  We only poll.
     */
    printf("domU: upcall mask %u at start\n",
           dom_shared_info()->vcpu_info[0].evtchn_upcall_mask);
    dom_shared_info()->vcpu_info[0].evtchn_upcall_mask = 1;
    if ( send(port) )
        bad++;
    for ( unsigned long i = 0; i < rounds; i++ )
    {
        wait_for(port);
        if ( send(port) )
            bad++;
    }
    CHECK_EQ(bad, 0);
    printf("domU: answered %lu events on port %u\n", rounds, port);
}
