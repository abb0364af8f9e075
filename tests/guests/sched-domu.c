/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The small domU that the sched-* dom0 guests build and run.  A domU may
 * not write to the hypervisor's console on Xen, so it prints into its PV
 * console ring for dom0 to read.  Its command line says what to do:
 * "hello" prints and powers off, "spin" burns CPU until destroyed.
 */
#include "hvtest.h"
#include <public/event_channel.h>
#include <public/io/console.h>

const char test_title[] = "sched-domu: a domain built by dom0";

#define PAGE_SZ 4096UL

static struct xencons_interface *ring;

/* The ring's frame, found in our P2M; the builder maps every frame. */
static struct xencons_interface *find_ring(void)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    for ( unsigned long pfn = 0; pfn < start_info->nr_pages; pfn++ )
        if ( p2m[pfn] == start_info->console.domU.mfn )
            return (struct xencons_interface *)(VIRT_BASE + pfn * PAGE_SZ);
    return NULL;
}

void console_write(const char *s, size_t n)
{
    XENCONS_RING_IDX prod;
    struct evtchn_send send;

    if ( !ring && !(ring = find_ring()) )
        return;
    prod = ring->out_prod;
    /* Nobody drains the ring while we run: what does not fit is lost. */
    for ( size_t i = 0; i < n && prod - ring->out_cons < sizeof(ring->out);
          i++ )
        ring->out[MASK_XENCONS_IDX(prod++, ring->out)] = s[i];
    __atomic_store_n(&ring->out_prod, prod, __ATOMIC_RELEASE);
    send.port = start_info->console.domU.evtchn;
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

void test_main(void)
{
    char what[16] = "hello";

    cmdline_get("do", what, sizeof(what));
    printf("domU: running, nr_pages %lu, doing '%s'\n",
           start_info->nr_pages, what);
    CHECK(!(start_info->flags & SIF_INITDOMAIN));
    if ( strcmp(what, "spin") )
        return;
    for ( volatile unsigned long n = 0; ; n++ )
        ;
}
