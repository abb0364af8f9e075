/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmstored's domains over a fake hypervisor: the test plays the guests,
 * writing requests into their store rings and reading the answers, and
 * plays dom0's toolstack through a privileged client.
 */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain.h"
#include "vmstored-util.h"
#include "xenif-fake.h"

#define RING XENSTORE_RING_SIZE

static struct vms v;
static struct xenif *xi;
static struct conn *dom0;
static struct xenstore_domain_interface *ring5, *ring6;
static uint32_t guest_req = 1;

static struct xenstore_domain_interface *new_page(void)
{
    void *p = aligned_alloc(4096, 4096);

    memset(p, 0, 4096);
    return p;
}

/* The toolstack's part: a home for the guest, then INTRODUCE. */
static void make_guest(unsigned int domid, unsigned int port)
{
    char home[32], perm[16], id[16], evtchn[16];

    snprintf(home, sizeof(home), "/local/domain/%u", domid);
    snprintf(perm, sizeof(perm), "n%u", domid);
    snprintf(id, sizeof(id), "%u", domid);
    snprintf(evtchn, sizeof(evtchn), "%u", port);
    TV_EXPECT("OK|", dom0, XS_MKDIR, 0, home);
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, home, perm);
    TV_EXPECT("OK|", dom0, XS_INTRODUCE, 0, id, "4660", evtchn);
}

static void setup(void)
{
    xi = fake_xenif_new();
    CU_ASSERT_FATAL(xi != NULL);
    CU_ASSERT_FATAL(vms_init(&v, xi) == 0);
    v.dom_exc_port = xi->ops->bind_dom_exc(xi);
    dom0 = tv_client(&v, 0);
    ring5 = new_page();
    ring6 = new_page();
    fake_add_domain(xi, 5, ring5);
    fake_add_domain(xi, 6, ring6);
}

static void teardown(void)
{
    vms_fini(&v);
    xi->ops->close(xi);
    free(ring5);
    free(ring6);
}

/* --- the guest's side of the ring --------------------------------------- */

static size_t guest_put(struct xenstore_domain_interface *r, const void *buf,
                        size_t len)
{
    size_t n = 0;

    while ( n < len && r->req_prod - r->req_cons < RING )
    {
        r->req[MASK_XENSTORE_IDX(r->req_prod)] = ((const char *)buf)[n++];
        r->req_prod++;
    }
    return n;
}

static size_t guest_get(struct xenstore_domain_interface *r, void *buf,
                        size_t len)
{
    size_t n = 0;

    while ( n < len && r->rsp_cons != r->rsp_prod )
    {
        ((char *)buf)[n++] = r->rsp[MASK_XENSTORE_IDX(r->rsp_cons)];
        r->rsp_cons++;
    }
    return n;
}

/* Signal vmstored and let it run. */
static void kick(unsigned int domid)
{
    fake_kick(xi, domid);
    CU_ASSERT_EQUAL(vms_xen_events(&v), 0);
    vms_flush(&v);
}

/* Send one request, in as many ring-fulls as it takes. */
static uint32_t guest_send(unsigned int domid,
                           struct xenstore_domain_interface *r,
                           uint32_t type, uint32_t tx, const void *body,
                           size_t len)
{
    struct xsd_sockmsg hdr = {
        .type = type, .req_id = guest_req++, .tx_id = tx, .len = len,
    };
    char *buf = malloc(sizeof(hdr) + len);
    size_t off = 0;
    int rounds = 0;

    memcpy(buf, &hdr, sizeof(hdr));
    memcpy(buf + sizeof(hdr), body, len);
    while ( off < sizeof(hdr) + len && rounds++ < 100 )
    {
        off += guest_put(r, buf + off, sizeof(hdr) + len - off);
        kick(domid);
    }
    CU_ASSERT_EQUAL(off, sizeof(hdr) + len);
    free(buf);
    return hdr.req_id;
}

/* Receive one message (as tv_str writes it), kicking as it drains. */
static char *guest_recv(unsigned int domid,
                        struct xenstore_domain_interface *r,
                        struct xsd_sockmsg *hdr_out)
{
    struct msg *m = malloc(sizeof(*m) + XENSTORE_PAYLOAD_MAX);
    size_t got = 0, want = sizeof(m->hdr);
    int rounds = 0;
    char *s;

    while ( got < want && rounds++ < 100 )
    {
        size_t n = guest_get(r, (char *)&m->hdr + got, want - got);

        got += n;
        if ( got >= sizeof(m->hdr) )
            want = sizeof(m->hdr) + m->hdr.len;
        /* Room again: tell the server, as Linux's xenbus does. */
        kick(domid);
        if ( !n && got < want )
            kick(domid);
    }
    if ( got < want )
    {
        free(m);
        return NULL;
    }
    if ( hdr_out )
        *hdr_out = m->hdr;
    s = tv_str(m);
    free(m);
    return s;
}

/* A request from the guest and its reply, skipping watch events. */
static char *guest_do(unsigned int domid, struct xenstore_domain_interface *r,
                      uint32_t type, const void *body, size_t len)
{
    struct xsd_sockmsg hdr;
    uint32_t id = guest_send(domid, r, type, 0, body, len);
    char *s;
    int n = 0;

    while ( (s = guest_recv(domid, r, &hdr)) && n++ < 50 )
    {
        if ( hdr.type != XS_WATCH_EVENT && hdr.req_id == id )
            return s;
        free(s);
    }
    return s ? s : strdup("(nothing)");
}

#define GUEST_EXPECT(want, domid, r, type, body, len)                       \
    do {                                                                    \
        char *got_ = guest_do((domid), (r), (type), (body), (len));         \
        CU_ASSERT_STRING_EQUAL(got_, (want));                               \
        if ( strcmp(got_, (want)) )                                         \
            fprintf(stderr, "\n  %s:%d: got '%s', want '%s'\n",             \
                    __FILE__, __LINE__, got_, (want));                      \
        free(got_);                                                         \
    } while ( 0 )

/* --- tests ------------------------------------------------------------- */

static void test_introduce(void)
{
    setup();
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "@introduceDomain", "intro");
    tv_drain(dom0);
    TV_EXPECT("F|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5");
    make_guest(5, 7);
    TV_EVENT("@introduceDomain|intro|", dom0);
    TV_EXPECT("T|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5");
    TV_EXPECT("F|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "6");
    TV_EXPECT("T|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "0");
    CU_ASSERT(fake_mapped(xi, 5));
    CU_ASSERT(fake_bound(xi, 5));
    /* The guest talks: relative paths under its home, its own rights. */
    GUEST_EXPECT("OK|", 5, ring5, XS_WRITE, "data\0hi", 7);
    TV_EXPECT("hi", dom0, XS_READ, 0, "/local/domain/5/data");
    GUEST_EXPECT("hi", 5, ring5, XS_READ, "data", 5);
    GUEST_EXPECT("!EACCES", 5, ring5, XS_READ, "/local/domain/0/name", 21);
    GUEST_EXPECT("!EACCES", 5, ring5, XS_INTRODUCE, "6\0001\0002", 6);
    GUEST_EXPECT("/local/domain/5|", 5, ring5, XS_GET_DOMAIN_PATH, "5", 2);
    CU_ASSERT(fake_notified(xi, 5) > 0);
    /* A domain that does not exist cannot be introduced (ESRCH has no
     * name in the protocol: EINVAL, as xenstored sends). */
    TV_EXPECT("!EINVAL", dom0, XS_INTRODUCE, 0, "9", "1", "3");
    teardown();
}

static void test_large_messages(void)
{
    char *body = malloc(4000), *want, *got;
    size_t i;

    setup();
    make_guest(5, 7);
    /* Start the indices near the top of their range: they wrap. */
    ring5->req_cons = ring5->req_prod = 0xfffffe00U;
    ring5->rsp_cons = ring5->rsp_prod = 0xfffffe00U;
    memcpy(body, "big", 4);
    for ( i = 4; i < 4000; i++ )
        body[i] = 'a' + i % 26;
    /* Two ring-fulls in (a guest's nodes stay under 2 KiB)... */
    GUEST_EXPECT("OK|", 5, ring5, XS_WRITE, body, 1900);
    want = strndup(body + 4, 1896);
    got = guest_do(5, ring5, XS_READ, "big", 4);
    CU_ASSERT_STRING_EQUAL(got, want);
    free(got);
    free(want);
    /* ...four out (dom0 may write more). */
    want = strndup(body + 4, 3996);
    TV_WRITE("OK|", dom0, 0, "/local/domain/5/huge", want);
    got = guest_do(5, ring5, XS_READ, "huge", 5);
    CU_ASSERT_STRING_EQUAL(got, want);
    CU_ASSERT(ring5->req_prod < 0x1000);
    CU_ASSERT(ring5->rsp_prod < 0x2000);
    free(got);
    free(want);
    free(body);
    teardown();
}

static void test_ring_watch(void)
{
    struct xsd_sockmsg hdr;
    char *s;

    setup();
    make_guest(5, 7);
    GUEST_EXPECT("OK|", 5, ring5, XS_WATCH, "device\0t", 9);
    s = guest_recv(5, ring5, &hdr);
    CU_ASSERT(s && hdr.type == XS_WATCH_EVENT && !strcmp(s, "device|t|"));
    free(s);
    TV_WRITE("OK|", dom0, 0, "/local/domain/5/device/vif/0", "x");
    s = guest_recv(5, ring5, &hdr);
    CU_ASSERT(s && hdr.type == XS_WATCH_EVENT && hdr.req_id == 0 &&
              !strcmp(s, "device/vif/0|t|"));
    free(s);
    teardown();
}

static void test_flow_control(void)
{
    static const char read_big[] = "big";
    struct xsd_sockmsg hdr = { .type = XS_READ, .len = sizeof(read_big) };
    char value[2001];
    unsigned int i, replies = 0;
    int rounds = 0;

    setup();
    make_guest(5, 7);
    memset(value, 'v', 2000);
    value[2000] = '\0';
    TV_WRITE("OK|", dom0, 0, "/local/domain/5/big", value);
    /* 25 requests at once, replies twice the ring's size each. */
    for ( i = 0; i < 25; i++ )
    {
        hdr.req_id = 1000 + i;
        guest_put(ring5, &hdr, sizeof(hdr));
        guest_put(ring5, read_big, sizeof(read_big));
    }
    kick(5);
    /* It stops reading once 20 replies wait, until the guest reads. */
    CU_ASSERT_EQUAL(ring5->req_prod - ring5->req_cons,
                    5 * (sizeof(hdr) + sizeof(read_big)));
    CU_ASSERT_EQUAL(domain_find(&v, 5)->conn->nout, QUOTA_OUTSTANDING);
    while ( replies < 25 && rounds++ < 200 )
    {
        char *s = guest_recv(5, ring5, &hdr);

        if ( !s )
            break;
        CU_ASSERT_EQUAL(hdr.req_id, 1000 + replies);
        CU_ASSERT_STRING_EQUAL(s, value);
        free(s);
        replies++;
    }
    CU_ASSERT_EQUAL(replies, 25);
    CU_ASSERT_EQUAL(ring5->req_prod, ring5->req_cons);
    teardown();
}

static void test_bad_guest(void)
{
    struct xsd_sockmsg hdr = { .type = XS_READ, .len = 5000 };

    setup();
    make_guest(5, 7);
    make_guest(6, 8);
    /* Too long a message: the guest is cut off, and told why. */
    guest_put(ring5, &hdr, sizeof(hdr));
    kick(5);
    CU_ASSERT_EQUAL(ring5->error, XENSTORE_ERROR_PROTO);
    guest_put(ring5, &hdr, sizeof(hdr));
    kick(5);
    CU_ASSERT_EQUAL(ring5->rsp_prod, 0);
    /* Impossible indices. */
    ring6->req_prod = ring6->req_cons + 3 * RING;
    kick(6);
    CU_ASSERT_EQUAL(ring6->error, XENSTORE_ERROR_RINGIDX);
    /* The rest of the daemon goes on; INTRODUCE again starts afresh. */
    TV_EXPECT("Domain-0", dom0, XS_READ, 0, "/local/domain/0/name");
    TV_EXPECT("OK|", dom0, XS_INTRODUCE, 0, "5", "4660", "7");
    CU_ASSERT_EQUAL(ring5->req_prod, 0);
    GUEST_EXPECT("OK|", 5, ring5, XS_WRITE, "x\0y", 3);
    teardown();
}

static void test_release(void)
{
    setup();
    make_guest(5, 7);
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "@releaseDomain", "rel");
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "/local/domain/5/data", "data");
    tv_drain(dom0);
    GUEST_EXPECT("OK|", 5, ring5, XS_WRITE, "data\0hi", 7);
    TV_EVENT("/local/domain/5/data|data|", dom0);
    /* A node elsewhere that the guest owns goes too; others stay. */
    TV_WRITE("OK|", dom0, 0, "/vm/guest5", "");
    TV_EXPECT("OK|", dom0, XS_SET_PERMS, 0, "/vm/guest5", "n5");
    TV_WRITE("OK|", dom0, 0, "/vm/other", "");
    TV_EXPECT("OK|", dom0, XS_RELEASE, 0, "5");
    TV_EVENT("/local/domain/5/data|data|", dom0);
    TV_EVENT("@releaseDomain|rel|", dom0);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    TV_EXPECT("F|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "5");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/local/domain/5");
    TV_EXPECT("!ENOENT", dom0, XS_READ, 0, "/vm/guest5");
    TV_EXPECT("", dom0, XS_READ, 0, "/vm/other");
    CU_ASSERT(!fake_mapped(xi, 5));
    CU_ASSERT(!fake_bound(xi, 5));
    TV_EXPECT("!ENOENT", dom0, XS_RELEASE, 0, "5");
    teardown();
}

static void test_domain_death(void)
{
    setup();
    make_guest(6, 8);
    TV_EXPECT("OK|", dom0, XS_WATCH, 0, "@releaseDomain", "rel");
    tv_drain(dom0);
    /* Shut down: one event, the domain stays. */
    fake_set_state(xi, 6, XENIF_DOM_SHUTDOWN);
    fake_dom_exc(xi);
    vms_xen_events(&v);
    TV_EVENT("@releaseDomain|rel|", dom0);
    fake_dom_exc(xi);
    vms_xen_events(&v);
    CU_ASSERT_EQUAL(tv_nevents(dom0), 0);
    TV_EXPECT("T|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "6");
    /* RESUME re-arms the event. */
    TV_EXPECT("OK|", dom0, XS_RESUME, 0, "6");
    fake_dom_exc(xi);
    vms_xen_events(&v);
    TV_EVENT("@releaseDomain|rel|", dom0);
    /* Dying: released. */
    fake_set_state(xi, 6, XENIF_DOM_DYING);
    fake_dom_exc(xi);
    vms_xen_events(&v);
    TV_EVENT("@releaseDomain|rel|", dom0);
    TV_EXPECT("F|", dom0, XS_IS_DOMAIN_INTRODUCED, 0, "6");
    CU_ASSERT(!fake_mapped(xi, 6));
    teardown();
}

static void test_set_target(void)
{
    setup();
    make_guest(5, 7);
    make_guest(6, 8);
    TV_WRITE("OK|", dom0, 0, "/local/domain/5/secret", "s");
    GUEST_EXPECT("!EACCES", 6, ring6, XS_READ, "/local/domain/5/secret", 23);
    TV_EXPECT("!ENOENT", dom0, XS_SET_TARGET, 0, "6", "9");
    TV_EXPECT("OK|", dom0, XS_SET_TARGET, 0, "6", "5");
    GUEST_EXPECT("s", 6, ring6, XS_READ, "/local/domain/5/secret", 23);
    GUEST_EXPECT("OK|", 6, ring6, XS_WRITE, "/local/domain/5/secret\0t", 24);
    /* Not the other way round. */
    GUEST_EXPECT("!EACCES", 5, ring5, XS_READ, "/local/domain/6", 16);
    teardown();
}

static void test_reconnect_flag(void)
{
    unsigned int before;

    setup();
    ring5->connection = XENSTORE_RECONNECT;
    before = fake_notified(xi, 5);
    make_guest(5, 7);
    CU_ASSERT_EQUAL(ring5->connection, XENSTORE_CONNECTED);
    CU_ASSERT(fake_notified(xi, 5) > before);
    teardown();
}

int main(void)
{
    static const struct tv_test tests[] = {
        { "introduce and talk", test_introduce },
        { "messages larger than the ring", test_large_messages },
        { "watch events over the ring", test_ring_watch },
        { "flow control", test_flow_control },
        { "misbehaving guests", test_bad_guest },
        { "release", test_release },
        { "domain death", test_domain_death },
        { "set target", test_set_target },
        { "reconnect flag", test_reconnect_flag },
        { NULL, NULL },
    };

    return tv_run("vmstored rings", tests);
}
