/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Large memory_op requests: giving back, taking and populating thousands
 * of frames, and exchanging them, with the hypervisor free to stop and
 * continue each request.  The counts returned, the M2P and the
 * reservation must be those of uninterrupted calls, a bad extent deep in
 * a request stopping it at exactly that extent.
 */
#include "contin-common.h"

const char test_title[] = "contin-memop: large reservation requests";

#define K       2048
#define FIRST   100         /* spare frames used: FIRST .. FIRST + K - 1 */
#define FAIL_AT 1500

static xen_pfn_t list[K], out[K];
static unsigned long *p2m_list;

static unsigned long pfn_of(unsigned int i)
{
    return spare_pfn(FIRST + i);
}

static long memop(const char *what, unsigned int cmd, void *arg)
{
    return contin_call(what, __HYPERVISOR_memory_op, cmd,
                       (unsigned long)arg, 0, 0, 0);
}

static long resv(const char *what, unsigned int cmd, xen_pfn_t *l,
                 unsigned long n)
{
    struct xen_memory_reservation r = {
        .nr_extents = n, .domid = DOMID_SELF,
    };

    set_xen_guest_handle(r.extent_start, l);
    return memop(what, cmd, &r);
}

/* The frames of our pfns FIRST.. are the ones list[] names, per M2P. */
static unsigned int m2p_mismatches(const xen_pfn_t *mfns, unsigned int n)
{
    unsigned int bad = 0;

    for ( unsigned int i = 0; i < n; i++ )
        bad += m2p(mfns[i]) != pfn_of(i);
    return bad;
}

static void repopulate(unsigned int n)
{
    for ( unsigned int i = 0; i < n; i++ )
        list[i] = pfn_of(i);
    CHECK_EQ(resv("populate_physmap", XENMEM_populate_physmap, list, n), n);
    CHECK_EQ(m2p_mismatches(list, n), 0);
    for ( unsigned int i = 0; i < n; i++ )
        p2m_list[pfn_of(i)] = list[i];
}

static void test_balloon(long cur0, unsigned long bad_mfn)
{
    /* Out and back in. */
    for ( unsigned int i = 0; i < K; i++ )
        list[i] = p2m_list[pfn_of(i)];
    CHECK_EQ(resv("decrease_reservation", XENMEM_decrease_reservation, list,
                  K), K);
    CHECK_EQ(current_reservation(), cur0 - K);
    repopulate(K);
    CHECK_EQ(current_reservation(), cur0);

    /* Taken without a place in the physmap, then given back. */
    CHECK_EQ(resv("decrease_reservation", XENMEM_decrease_reservation, list,
                  K), K);
    CHECK_EQ(resv("increase_reservation", XENMEM_increase_reservation, out,
                  K), K);
    CHECK_EQ(current_reservation(), cur0);
    CHECK_EQ(resv("decrease_reservation", XENMEM_decrease_reservation, out,
                  K), K);
    repopulate(K);

    /* A frame not ours deep in the list: the count stops there. */
    for ( unsigned int i = 0; i < K; i++ )
        list[i] = p2m_list[pfn_of(i)];
    list[FAIL_AT] = bad_mfn;
    CHECK_EQ(resv("decrease_reservation, failing",
                  XENMEM_decrease_reservation, list, K), FAIL_AT);
    CHECK_EQ(current_reservation(), cur0 - FAIL_AT);
    repopulate(FAIL_AT);
    CHECK_EQ(current_reservation(), cur0);

    /* A continuation of the guest's own: the count starts at its extent. */
    for ( unsigned int i = 0; i < K; i++ )
        list[i] = p2m_list[pfn_of(i)];
    {
        struct xen_memory_reservation r = {
            .nr_extents = K, .domid = DOMID_SELF,
        };

        set_xen_guest_handle(r.extent_start, list);
        CHECK_EQ(memop("decrease_reservation from extent 1000",
                       XENMEM_decrease_reservation | (1000 << 6), &r), K);
    }
    CHECK_EQ(current_reservation(), cur0 - (K - 1000));
    for ( unsigned int i = 1000; i < K; i++ )
        list[i - 1000] = pfn_of(i);
    CHECK_EQ(resv("populate_physmap", XENMEM_populate_physmap, list,
                  K - 1000), K - 1000);
    for ( unsigned int i = 1000; i < K; i++ )
        p2m_list[pfn_of(i)] = list[i - 1000];
    CHECK_EQ(current_reservation(), cur0);
}

static long exchange(struct xen_memory_exchange *x, unsigned int n)
{
    memset(x, 0, sizeof(*x));
    set_xen_guest_handle(x->in.extent_start, list);
    x->in.nr_extents = n;
    x->in.domid = DOMID_SELF;
    set_xen_guest_handle(x->out.extent_start, out);
    x->out.nr_extents = n;
    x->out.domid = DOMID_SELF;
    return memop("exchange", XENMEM_exchange, x);
}

static void test_exchange(long cur0, unsigned long bad_mfn)
{
    struct xen_memory_exchange x;
    unsigned int bad = 0;

    for ( unsigned int i = 0; i < K; i++ )
    {
        list[i] = p2m_list[pfn_of(i)];
        out[i] = pfn_of(i);
    }
    CHECK_EQ(exchange(&x, K), 0);
    CHECK_EQ(x.nr_exchanged, K);
    for ( unsigned int i = 0; i < K; i++ )
        bad += out[i] == list[i];
    CHECK_EQ(bad, 0);
    CHECK_EQ(m2p_mismatches(out, K), 0);
    for ( unsigned int i = 0; i < K; i++ )
        p2m_list[pfn_of(i)] = out[i];
    CHECK_EQ(current_reservation(), cur0);

    /* A frame not ours deep in: what came before it is exchanged. */
    for ( unsigned int i = 0; i < K; i++ )
    {
        list[i] = p2m_list[pfn_of(i)];
        out[i] = pfn_of(i);
    }
    list[FAIL_AT] = bad_mfn;
    CHECK_EQ(exchange(&x, K), -EINVAL);
    CHECK_EQ(x.nr_exchanged, FAIL_AT);
    CHECK_EQ(m2p_mismatches(out, FAIL_AT), 0);
    for ( unsigned int i = 0; i < FAIL_AT; i++ )
        p2m_list[pfn_of(i)] = out[i];
    CHECK_EQ(current_reservation(), cur0);
}

void test_main(void)
{
    xen_pfn_t m2p_mfn;
    struct xen_machphys_mfn_list l = { .max_extents = 1 };
    long cur0 = current_reservation();

    p2m_list = (unsigned long *)start_info->mfn_list;
    set_xen_guest_handle(l.extent_start, &m2p_mfn);
    if ( !CHECK_EQ(memory_op(XENMEM_machphys_mfn_list, &l), 0) )
        return;
    printf("contin-memop: %ld frames\n", cur0);
    test_balloon(cur0, m2p_mfn);
    test_exchange(cur0, m2p_mfn);
}
