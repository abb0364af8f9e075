/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dom0 builds an unprivileged domU (dom-unpriv-domu) that issues every
 * domctl and sysctl and hostile grant and event channel operations
 * against itself, dom0, a third domain and one that does not exist, and
 * checks Xen 4.17's answers.  dom0 then checks nothing of its own was
 * touched: its grant to the third domain, the granted frame, its ports,
 * its own state, and every frame back once the domains are gone.
 */
#include "dom-peer.h"
#include <public/grant_table.h>

const char test_title[] = "dom-unpriv: an unprivileged domU harms no one";

/* Not spelt out in a CHECK: the runner must not take it for our result. */
static const char domu_passed[] = "Test result: SUCCESS";

#define GREF        5                   /* dom0's grant to the third */
#define PATTERN     0x5a

static uint8_t granted[DOM_PAGE] __attribute__((aligned(DOM_PAGE)));
static uint8_t table_page[DOM_PAGE] __attribute__((aligned(DOM_PAGE)));

static long gnttab_op(unsigned int cmd, void *uop, unsigned long n)
{
    return hypercall3(__HYPERVISOR_grant_table_op, cmd, uop, n);
}

/* Our grant table's first frame, mapped over table_page. */
static struct grant_entry_v1 *map_own_table(void)
{
    struct gnttab_setup_table s = { .dom = DOMID_SELF, .nr_frames = 1 };
    xen_pfn_t f[1];

    set_xen_guest_handle(s.frame_list, f);
    if ( gnttab_op(GNTTABOP_setup_table, &s, 1) || s.status ||
         HYPERVISOR_update_va_mapping((unsigned long)table_page,
                                      (f[0] << 12) | SB_PTE_RW,
                                      UVMF_INVLPG) )
        return NULL;
    return (struct grant_entry_v1 *)table_page;
}

static unsigned long own_mfn(const void *va)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    return p2m[((unsigned long)va - VIRT_BASE) / DOM_PAGE];
}

static long alloc_unbound(domid_t remote)
{
    struct evtchn_alloc_unbound a = { .dom = DOMID_SELF,
                                      .remote_dom = remote };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_alloc_unbound, &a);

    return rc ? rc : (long)a.port;
}

/* EVTCHNOP_status of one of our ports: its status, remote in *dom. */
static long port_status(evtchn_port_t port, domid_t *dom)
{
    struct evtchn_status s = { .dom = DOMID_SELF, .port = port };
    long rc = HYPERVISOR_event_channel_op(EVTCHNOP_status, &s);

    if ( dom )
        *dom = s.u.unbound.dom;
    return rc ? rc : (long)s.status;
}

static bool frame_intact(void)
{
    for ( unsigned int i = 0; i < DOM_PAGE; i++ )
        if ( granted[i] != PATTERN )
            return false;
    return true;
}

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    long spare = alloc_unbound(DOMID_SELF);
    struct evtchn_close close;
    static struct domu u;
    static struct peer_console pc;
    struct grant_entry_v1 *gt;
    struct xen_domctl_getdomaininfo info;
    char line[200];
    long third, pt, ps;
    uint64_t before;
    domid_t remote;
    bool told = false;

    /* Our port 1 would be the domU's console port in its own table. */
    if ( !CHECK_EQ(spare, 1) ||
         !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) || !CHECK(gt = map_own_table()) )
        return;
    before = free_pages_settled(0);

    /* A third domain, never run, to which we grant a frame. */
    third = dom_create(0);
    if ( !CHECK(third > 0) )
        return;
    memset(granted, PATTERN, sizeof(granted));
    gt[GREF].domid = third;
    gt[GREF].frame = own_mfn(granted);
    __atomic_store_n(&gt[GREF].flags, GTF_permit_access, __ATOMIC_RELEASE);
    pt = alloc_unbound(third);
    ps = alloc_unbound(DOMID_SELF);
    CHECK(pt > 0);
    CHECK(ps > 0);

    if ( !CHECK_EQ(domu_build(&u, "do=attack"), 0) )
        return;
    snprintf(line, sizeof(line),
             "do=attack self=%u third=%ld frame=%lu gref=%u pt=%ld ps=%ld "
             "pv=%u", u.id, third, own_mfn(granted), GREF, pt, ps, bv.port);
    CHECK_EQ(peer_set_cmdline(&u, line), 0);
    CHECK_EQ(peer_console_bind(&u, &pc), 0);
    port_test_and_clear(bv.port);

    CHECK_EQ(domu_unpause(&u), 0);
    CHECK_EQ(peer_run(&u, &pc, bv.port, 120000000000ULL, &told, domu_passed),
             SHUTDOWN_poweroff);
    CHECK(told);
    CHECK(pc.seen);

    /* Nothing of ours changed. */
    CHECK_EQ(dom_info(0, &info, &remote), 0);
    CHECK_EQ(remote, 0);
    CHECK_EQ(info.flags & (XEN_DOMINF_dying | XEN_DOMINF_shutdown |
                           XEN_DOMINF_paused), 0);
    CHECK_EQ(gt[GREF].flags, GTF_permit_access);
    CHECK_EQ(gt[GREF].domid, third);
    CHECK_EQ(gt[GREF + 1].flags, 0);
    CHECK(frame_intact());
    CHECK_EQ(port_status(pt, &remote), EVTCHNSTAT_unbound);
    CHECK_EQ(remote, third);
    CHECK_EQ(port_status(ps, &remote), EVTCHNSTAT_unbound);
    CHECK_EQ(remote, 0);
    CHECK_EQ(port_status(bv.port, NULL), EVTCHNSTAT_virq);
    CHECK_EQ(domu_flags(third) & (XEN_DOMINF_dying | XEN_DOMINF_shutdown),
             0);

    CHECK_EQ(domu_destroy(u.id), 0);
    CHECK_EQ(port_status(pc.port, &remote), EVTCHNSTAT_unbound);
    CHECK_EQ(remote, u.id);
    CHECK_EQ(domu_destroy(third), 0);
    __atomic_store_n(&gt[GREF].flags, 0, __ATOMIC_RELEASE);
    CHECK_EQ(port_status(pt, &remote), EVTCHNSTAT_unbound);
    CHECK(frame_intact());
    close.port = spare;
    CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_close, &close), 0);
    CHECK_EQ(free_pages_settled(before), before);
}
