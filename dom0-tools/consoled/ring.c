/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console rings from the backend's side: we consume `out` and produce
 * `in`.  Only the index we own is ever written back; the guest's is read
 * once per call, so a value changing under us cannot widen a copy.
 */
#include <string.h>

#include "ring.h"

/*
 * Acquire on the guest's index: the bytes it published before moving the
 * index are visible once we see the new value.  Release on ours: our
 * reads (or writes) of the ring are done before the guest may reuse it.
 */
static XENCONS_RING_IDX idx_load(const XENCONS_RING_IDX *p)
{
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void idx_store(XENCONS_RING_IDX *p, XENCONS_RING_IDX v)
{
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

size_t consd_ring_read(struct xencons_interface *r, char *buf, size_t len,
                       bool *insane)
{
    XENCONS_RING_IDX cons = idx_load(&r->out_cons);
    XENCONS_RING_IDX prod = idx_load(&r->out_prod);
    XENCONS_RING_IDX avail = prod - cons;
    size_t done = 0, off, chunk;

    *insane = avail > sizeof(r->out);
    if ( *insane )
    {
        idx_store(&r->out_cons, prod);
        return 0;
    }
    if ( len > avail )
        len = avail;
    while ( done < len )
    {
        off = MASK_XENCONS_IDX(cons + (XENCONS_RING_IDX)done, r->out);
        chunk = sizeof(r->out) - off;
        if ( chunk > len - done )
            chunk = len - done;
        memcpy(buf + done, r->out + off, chunk);
        done += chunk;
    }
    if ( done )
        idx_store(&r->out_cons, cons + (XENCONS_RING_IDX)done);
    return done;
}

bool consd_ring_has_output(const struct xencons_interface *r)
{
    XENCONS_RING_IDX avail = idx_load(&r->out_prod) - idx_load(&r->out_cons);

    return avail && avail <= sizeof(r->out);
}

size_t consd_ring_room(const struct xencons_interface *r, bool *insane)
{
    XENCONS_RING_IDX used = idx_load(&r->in_prod) - idx_load(&r->in_cons);

    *insane = used > sizeof(r->in);
    return *insane ? sizeof(r->in) : sizeof(r->in) - used;
}

size_t consd_ring_write(struct xencons_interface *r, const char *buf,
                        size_t len, bool *insane)
{
    XENCONS_RING_IDX cons = idx_load(&r->in_cons);
    XENCONS_RING_IDX prod = idx_load(&r->in_prod);
    size_t done = 0, off, chunk, room;

    *insane = prod - cons > sizeof(r->in);
    if ( *insane )
        prod = cons;
    room = sizeof(r->in) - (prod - cons);
    if ( len > room )
        len = room;
    while ( done < len )
    {
        off = MASK_XENCONS_IDX(prod + (XENCONS_RING_IDX)done, r->in);
        chunk = sizeof(r->in) - off;
        if ( chunk > len - done )
            chunk = len - done;
        memcpy(r->in + off, buf + done, chunk);
        done += chunk;
    }
    if ( done || *insane )
        idx_store(&r->in_prod, prod + (XENCONS_RING_IDX)done);
    return done;
}
