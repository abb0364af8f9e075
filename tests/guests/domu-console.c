/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * printf for the domUs that test guests build from dom0: into the PV
 * console ring the builder gave us, for dom0 to read.  Nobody drains the
 * ring while we run, so what does not fit is lost.
 */
#include "dom-util.h"
#include <public/event_channel.h>
#include <public/io/console.h>

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

void console_write(const char *s, size_t n)
{
    struct evtchn_send send = { .port = start_info->console.domU.evtchn };
    XENCONS_RING_IDX prod;

    if ( !ring && !(ring = find_ring()) )
        return;
    prod = ring->out_prod;
    for ( size_t i = 0; i < n && prod - ring->out_cons < sizeof(ring->out);
          i++ )
        ring->out[MASK_XENCONS_IDX(prod++, ring->out)] = s[i];
    __atomic_store_n(&ring->out_prod, prod, __ATOMIC_RELEASE);
    hypercall2(__HYPERVISOR_event_channel_op, EVTCHNOP_send, &send);
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
