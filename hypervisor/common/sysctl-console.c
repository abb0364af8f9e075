/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XEN_SYSCTL_readconsole: the hypervisor's console history for the
 * toolstack (xl dmesg, vmctl dmesg).  Positions travel as Xen's 32-bit
 * ring indices: the low bits of the byte count since boot.  "clear" moves
 * the start of what later non-incremental reads see up to where this
 * read stopped.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domctl.h>
#include <hv/guest-access.h>

/* Start of the history still to be shown (Xen's conringc), since boot. */
static uint64_t console_start;

int sysctl_readconsole(struct xen_sysctl_readconsole *rc)
{
    guest_va_t buf = (guest_va_t)(uintptr_t)rc->buffer.p;
    char chunk[256];
    uint64_t prod = UINT64_MAX, pos = console_start;
    uint32_t done = 0;

    /* The producer's position, and the oldest byte the ring still has. */
    console_ring_read(NULL, 0, &prod);
    console_ring_read(NULL, 0, &pos);

    /* Continue from index if it lies in (start, producer]. */
    if ( rc->incremental )
    {
        uint32_t behind = (uint32_t)prod - rc->index;

        if ( behind < prod - pos )
            pos = prod - behind;
    }

    while ( pos < prod && done < rc->count )
    {
        size_t n = console_ring_read(chunk, MIN(sizeof(chunk),
                                                (size_t)(rc->count - done)),
                                     &pos);

        if ( !n )
            break;
        if ( copy_to_guest(buf + done, chunk, n) )
            return -EFAULT;
        done += n;
    }

    if ( rc->clear )
        console_start = pos;
    rc->count = done;
    rc->index = (uint32_t)pos;
    return 0;
}
