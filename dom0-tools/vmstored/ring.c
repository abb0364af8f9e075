/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The transport over a domain's store ring: two 1 KiB circular buffers
 * with free-running indices in a page the guest shares.  The guest may
 * write anything there, so indices are read once, checked, and only then
 * used; an impossible index breaks the connection.
 */
#include <string.h>

#include "conn.h"
#include "domain.h"
#include "vmstored.h"
#include "xenif.h"

static uint32_t load(const uint32_t *p)
{
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static void store(uint32_t *p, uint32_t v)
{
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

static void kick(struct conn *c)
{
    struct xenif *xi = c->vms->xenif;

    if ( xi && c->dom->local_port >= 0 )
        xi->ops->notify(xi, c->dom->local_port);
}

static int ring_read(struct conn *c, void *buf, size_t len)
{
    struct xenstore_domain_interface *intf = c->dom->ring;
    uint32_t cons = load(&intf->req_cons), prod = load(&intf->req_prod);
    uint32_t avail = prod - cons, n, first;

    if ( avail > XENSTORE_RING_SIZE )
        return -1;
    n = avail < len ? avail : len;
    if ( !n )
        return 0;
    first = XENSTORE_RING_SIZE - MASK_XENSTORE_IDX(cons);
    if ( first > n )
        first = n;
    memcpy(buf, intf->req + MASK_XENSTORE_IDX(cons), first);
    memcpy((char *)buf + first, intf->req, n - first);
    /* The bytes are copied out before the guest may reuse the space. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    store(&intf->req_cons, cons + n);
    kick(c);
    return n;
}

static int ring_write(struct conn *c, const void *buf, size_t len)
{
    struct xenstore_domain_interface *intf = c->dom->ring;
    uint32_t cons = load(&intf->rsp_cons), prod = load(&intf->rsp_prod);
    uint32_t used = prod - cons, space, n, first;

    if ( used > XENSTORE_RING_SIZE )
        return -1;
    space = XENSTORE_RING_SIZE - used;
    n = space < len ? space : len;
    if ( !n )
        return 0;
    first = XENSTORE_RING_SIZE - MASK_XENSTORE_IDX(prod);
    if ( first > n )
        first = n;
    memcpy(intf->rsp + MASK_XENSTORE_IDX(prod), buf, first);
    memcpy(intf->rsp, (const char *)buf + first, n - first);
    /* The guest must see the bytes before the index that covers them. */
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
    store(&intf->rsp_prod, prod + n);
    kick(c);
    return n;
}

/* A domain that leaves replies unread is not heard until it reads. */
static bool ring_can_read(struct conn *c)
{
    unsigned int max = c->vms->quota.outstanding;

    return c->who.privileged || !max || c->nout < max;
}

const struct conn_ops ring_ops = {
    .read = ring_read,
    .write = ring_write,
    .can_read = ring_can_read,
};
