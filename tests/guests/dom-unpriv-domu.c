/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The unprivileged domU that dom-unpriv builds: it issues every domctl and
 * sysctl, hostile grant table and event channel operations, and checks it
 * gets Xen 4.17's errors.  dom0 names its targets on our command line.
 */
#include "dom-peer.h"
#include <public/grant_table.h>

const char test_title[] = "dom-unpriv-domu: an unprivileged domain attacks";

void console_write(const char *s, size_t n)
{
    peer_console_write(s, n);
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

/* What dom0 tells us (see dom-unpriv.c). */
static domid_t self, third;
static unsigned long frame, gref;       /* dom0's frame, granted to third */
static unsigned long port_third, port_self, port_virq;  /* dom0's ports */

#define NOBODY      60                  /* a domain id nobody has */
#define HV_ADDR     0xffff830000000000UL
#define VM_EVENT_GET_VERSION 3

static unsigned long arg(const char *key)
{
    char buf[24];
    unsigned long v = 0;

    if ( !cmdline_get(key, buf, sizeof(buf)) )
        test_fail("no %s= on the command line", key);
    for ( const char *p = buf; *p >= '0' && *p <= '9'; p++ )
        v = v * 10 + (*p - '0');
    return v;
}

static bool check(long got, long want, const char *fmt, ...)
{
    char what[96];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    return check_eq(what, got, want);
}

/* --- domctl and sysctl -------------------------------------------------- */

enum { T_SELF, T_DOM0, T_THIRD, T_NOBODY, T_DOMID_SELF, NR_T };

/* Where Xen 4.17 answers other than -EPERM, or -ESRCH for no domain. */
struct domctl_want
{
    uint32_t cmd;
    long rc[NR_T];
};

static const struct domctl_want domctl_special[] = {
    /* No domain is looked up to create one: refused whatever it names. */
    { XEN_DOMCTL_createdomain, { -EPERM, -EPERM, -EPERM, -EPERM, -EPERM } },
    /* A missing domain is answered with the next one up; none is there. */
    { XEN_DOMCTL_getdomaininfo, { -EPERM, -EPERM, -EPERM, -ESRCH,
                                  -EINVAL } },
    /* Operations that check their arguments before the caller. */
    { XEN_DOMCTL_ioport_permission, { -EINVAL, -EINVAL, -EINVAL, -ESRCH,
                                      -ESRCH } },
    { XEN_DOMCTL_bind_pt_irq, { -EINVAL, -EINVAL, -EINVAL, -ESRCH,
                                -ESRCH } },
    { XEN_DOMCTL_memory_mapping, { -EINVAL, -EINVAL, -EINVAL, -ESRCH,
                                   -ESRCH } },
    { XEN_DOMCTL_ioport_mapping, { -EOPNOTSUPP, -EOPNOTSUPP, -EOPNOTSUPP,
                                   -ESRCH, -ESRCH } },
    /* Its target is d0: not an HVM domain, or the domain itself. */
    { XEN_DOMCTL_set_target, { -EOPNOTSUPP, -EINVAL, -EOPNOTSUPP, -ESRCH,
                               -ESRCH } },
    { XEN_DOMCTL_unbind_pt_irq, { -EINVAL, -EINVAL, -EINVAL, -ESRCH,
                                  -ESRCH } },
    /* No IOMMU. */
    { XEN_DOMCTL_get_device_group, { -EOPNOTSUPP, -EOPNOTSUPP, -EOPNOTSUPP,
                                     -ESRCH, -ESRCH } },
};

static long domctl_expected(uint32_t cmd, unsigned int t)
{
    for ( unsigned int i = 0; i < ARRAY_SIZE(domctl_special); i++ )
        if ( domctl_special[i].cmd == cmd )
            return domctl_special[i].rc[t];
    return t == T_NOBODY || t == T_DOMID_SELF ? -ESRCH : -EPERM;
}

static void every_domctl(void)
{
    static const uint32_t extra[] = {
        87, 88, 100, 999, 1000, 1001, 1002, 1003, 1004, 0x7fffffff,
        0xffffffff,
    };
    const domid_t target[NR_T] = { self, 0, third, NOBODY, DOMID_SELF };
    static struct xen_domctl op;

    for ( unsigned int i = 0; i < 87 + ARRAY_SIZE(extra); i++ )
    {
        uint32_t cmd = i < 87 ? i : extra[i - 87];

        for ( unsigned int t = 0; t < NR_T; t++ )
        {
            domctl_init(&op, cmd, target[t]);
            check(domctl(&op), domctl_expected(cmd, t), "domctl %u on d%u",
                  cmd, target[t]);
        }
    }

    /*
     * Asking the vm_event interface version needs no privilege, nor even
     * a domain (DOMID_INVALID).  Spelt out: our headers lack its struct.
     */
    for ( unsigned int t = 0; t < NR_T + 1; t++ )
    {
        domid_t dom = t < NR_T ? target[t] : DOMID_INVALID;
        uint32_t *vm_event = (uint32_t *)&op.u;

        domctl_init(&op, XEN_DOMCTL_vm_event_op, dom);
        vm_event[0] = VM_EVENT_GET_VERSION;
        check(domctl(&op), t == T_NOBODY || t == T_DOMID_SELF ? -ESRCH : 0,
              "vm_event get_version on d%u", dom);
        check(vm_event[2], t == T_NOBODY || t == T_DOMID_SELF ? 0
                                                              : 7,
              "vm_event version on d%u", dom);
    }

    /* Device operations may name dom_io, or no domain when testing. */
    domctl_init(&op, XEN_DOMCTL_assign_device, DOMID_IO);
    check(domctl(&op), -EPERM, "assign_device to dom_io");
    domctl_init(&op, XEN_DOMCTL_deassign_device, DOMID_IO);
    check(domctl(&op), -EPERM, "deassign_device from dom_io");
    domctl_init(&op, XEN_DOMCTL_assign_device, DOMID_INVALID);
    check(domctl(&op), -ESRCH, "assign_device to DOMID_INVALID");
    domctl_init(&op, XEN_DOMCTL_test_assign_device, DOMID_INVALID);
    check(domctl(&op), -EPERM, "test_assign_device, DOMID_INVALID");
    domctl_init(&op, XEN_DOMCTL_test_assign_device, DOMID_IO);
    check(domctl(&op), -ESRCH, "test_assign_device, dom_io");

    /* The version is checked before anything else. */
    domctl_init(&op, XEN_DOMCTL_getdomaininfo, self);
    op.interface_version = XEN_DOMCTL_INTERFACE_VERSION - 1;
    check(domctl(&op), -EACCES, "domctl, old version");
    op.interface_version = XEN_DOMCTL_INTERFACE_VERSION + 1;
    check(domctl(&op), -EACCES, "domctl, newer version");
    domctl_init(&op, XEN_DOMCTL_destroydomain, 0);
    op.interface_version = 0;
    check(domctl(&op), -EACCES, "domctl destroy d0, version 0");
    check(hypercall1(__HYPERVISOR_domctl, NULL), -EFAULT, "domctl NULL");
    check(hypercall1(__HYPERVISOR_domctl, HV_ADDR), -EFAULT,
          "domctl at the hypervisor");
}

static void every_sysctl(void)
{
    static struct xen_sysctl op;

    for ( uint32_t cmd = 0; cmd < 34; cmd++ )
    {
        sysctl_init(&op, cmd);
        check(sysctl(&op), -EPERM, "sysctl %u", cmd);
    }
    sysctl_init(&op, 0xffffffff);
    check(sysctl(&op), -EPERM, "sysctl 0xffffffff");
    sysctl_init(&op, XEN_SYSCTL_physinfo);
    op.interface_version = XEN_SYSCTL_INTERFACE_VERSION - 1;
    check(sysctl(&op), -EACCES, "sysctl, old version");
    check(hypercall1(__HYPERVISOR_sysctl, NULL), -EFAULT, "sysctl NULL");
    check(hypercall1(__HYPERVISOR_sysctl, HV_ADDR), -EFAULT,
          "sysctl at the hypervisor");
}

/* --- grant tables ------------------------------------------------------- */

static long gnttab_op(unsigned int cmd, void *uop, unsigned long n)
{
    return hypercall3(__HYPERVISOR_grant_table_op, cmd, uop, n);
}

static uint8_t page[DOM_PAGE] __attribute__((aligned(DOM_PAGE)));
static uint8_t target_page[DOM_PAGE] __attribute__((aligned(DOM_PAGE)));

/* Our own frame number: PV guests name frames by machine number. */
static unsigned long own_mfn(const void *va)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    return p2m[((unsigned long)va - VIRT_BASE) / DOM_PAGE];
}

static long map1(domid_t dom, grant_ref_t ref, uint32_t flags, uint64_t addr)
{
    struct gnttab_map_grant_ref m = {
        .host_addr = addr, .flags = flags, .ref = ref, .dom = dom,
        .status = 0x5555,
    };
    long rc = gnttab_op(GNTTABOP_map_grant_ref, &m, 1);

    return rc ? rc : m.status;
}

static long copy1(uint16_t flags, domid_t sd, unsigned long src,
                  domid_t dd, unsigned long dst, uint16_t off, uint16_t len)
{
    struct gnttab_copy c = { .flags = flags, .len = len, .status = 0x5555 };
    long rc;

    c.source.domid = sd;
    c.dest.domid = dd;
    if ( flags & GNTCOPY_source_gref )
        c.source.u.ref = src;
    else
        c.source.u.gmfn = src;
    if ( flags & GNTCOPY_dest_gref )
        c.dest.u.ref = dst;
    else
        c.dest.u.gmfn = dst;
    c.dest.offset = off;
    rc = gnttab_op(GNTTABOP_copy, &c, 1);
    return rc ? rc : c.status;
}

static long setup1(domid_t dom, unsigned int nr, void *frames)
{
    struct gnttab_setup_table s = { .dom = dom, .nr_frames = nr,
                                    .status = 0x5555 };
    long rc;

    set_xen_guest_handle(s.frame_list, frames);
    rc = gnttab_op(GNTTABOP_setup_table, &s, 1);
    return rc ? rc : s.status;
}

static long query1(domid_t dom)
{
    struct gnttab_query_size q = { .dom = dom, .status = 0x5555 };
    long rc = gnttab_op(GNTTABOP_query_size, &q, 1);

    return rc ? rc : q.status;
}

static long transfer1(unsigned long mfn, domid_t dom, grant_ref_t ref)
{
    struct gnttab_transfer t = { .mfn = mfn, .domid = dom, .ref = ref,
                                 .status = 0x5555 };
    long rc = gnttab_op(GNTTABOP_transfer, &t, 1);

    return rc ? rc : t.status;
}

static void hostile_grants(void)
{
    unsigned long mine = own_mfn(page), va = (unsigned long)target_page;
    struct gnttab_unmap_grant_ref u = { .host_addr = va, .handle = 0,
                                        .status = 0x5555 };
    xen_pfn_t frames[4];

    memset(page, 0xee, sizeof(page));

    /* Tables: ours only. */
    check(query1(DOMID_SELF), GNTST_okay, "query_size self");
    check(query1(self), GNTST_okay, "query_size d%u (self)", self);
    check(query1(0), GNTST_permission_denied, "query_size d0");
    check(query1(third), GNTST_permission_denied, "query_size d%u", third);
    check(query1(NOBODY), GNTST_bad_domain, "query_size d%u", NOBODY);
    check(setup1(0, 1, frames), GNTST_permission_denied, "setup_table d0");
    check(setup1(third, 1, frames), GNTST_permission_denied,
          "setup_table d%u", third);
    check(setup1(NOBODY, 1, frames), GNTST_bad_domain, "setup_table d%u",
          NOBODY);
    check(setup1(DOMID_SELF, 1, (void *)HV_ADDR), -EFAULT,
          "setup_table into the hypervisor");
    check(setup1(DOMID_SELF, 1000, frames), GNTST_general_error,
          "setup_table 1000 frames");

    /* Maps: dom0's grant to another domain, refs nobody granted. */
    check(map1(0, gref, GNTMAP_host_map, va), GNTST_general_error,
          "map d0's ref %lu (granted to d%u)", gref, third);
    check(map1(0, gref, GNTMAP_host_map | GNTMAP_readonly, va),
          GNTST_general_error, "map d0's ref %lu read-only", gref);
    check(map1(0, gref + 1, GNTMAP_host_map, va), GNTST_general_error,
          "map d0's ref %lu (not granted)", gref + 1);
    check(map1(0, 1u << 30, GNTMAP_host_map, va), GNTST_bad_gntref,
          "map d0's ref 2^30");
    check(map1(0, ~0u, GNTMAP_host_map, va), GNTST_bad_gntref,
          "map d0's ref ~0");
    check(map1(third, 0, GNTMAP_host_map, va), GNTST_general_error,
          "map d%u's ref 0 (it granted nothing)", third);
    check(map1(NOBODY, 0, GNTMAP_host_map, va), GNTST_bad_domain,
          "map d%u's ref 0", NOBODY);
    /* Maps name the granting domain by its id only. */
    check(map1(DOMID_SELF, 0, GNTMAP_host_map, va), GNTST_bad_domain,
          "map DOMID_SELF's ref 0");
    check(map1(0, gref, GNTMAP_host_map, HV_ADDR), GNTST_general_error,
          "map d0's ref %lu at the hypervisor", gref);
    check(map1(0, gref, 0, va), GNTST_bad_gntref, "map with no flags");
    check(gnttab_op(GNTTABOP_unmap_grant_ref, &u, 1), 0, "unmap handle 0");
    check(u.status, GNTST_bad_handle, "unmap handle 0: status");
    u.handle = ~0u;
    u.status = 0x5555;
    check(gnttab_op(GNTTABOP_unmap_grant_ref, &u, 1), 0, "unmap handle ~0");
    check(u.status, GNTST_bad_handle, "unmap handle ~0: status");

    /* Copies: through others' refs, into and out of others' frames. */
    check(copy1(GNTCOPY_source_gref, 0, gref, DOMID_SELF, mine, 0, 8),
          GNTST_general_error, "copy from d0's ref %lu", gref);
    check(copy1(GNTCOPY_dest_gref, DOMID_SELF, mine, 0, gref, 0, 8),
          GNTST_general_error, "copy into d0's ref %lu", gref);
    check(copy1(GNTCOPY_source_gref, third, 0, DOMID_SELF, mine, 0, 8),
          GNTST_general_error, "copy from d%u's ref 0", third);
    check(copy1(GNTCOPY_source_gref, 0, 1u << 30, DOMID_SELF, mine, 0, 8),
          GNTST_bad_gntref, "copy from d0's ref 2^30");
    check(copy1(0, DOMID_SELF, mine, 0, frame, 0, 8),
          GNTST_permission_denied, "copy into d0's frame by number");
    check(copy1(0, 0, frame, DOMID_SELF, mine, 0, 8),
          GNTST_permission_denied, "copy out of d0's frame by number");
    check(copy1(0, DOMID_SELF, mine, DOMID_SELF, frame, 0, 8),
          GNTST_bad_page, "copy into d0's frame as if ours");
    check(copy1(0, DOMID_SELF, frame, DOMID_SELF, mine, 0, 8),
          GNTST_bad_page, "copy out of d0's frame as if ours");
    check(copy1(0, DOMID_SELF, mine, DOMID_SELF, mine, 4000, 200),
          GNTST_bad_copy_arg, "copy across the end of a page");
    check(copy1(0, DOMID_SELF, mine, NOBODY, mine, 0, 8), GNTST_bad_domain,
          "copy into d%u", NOBODY);
    check(copy1(0, DOMID_SELF, ~0ul >> 12, DOMID_SELF, mine, 0, 8),
          GNTST_bad_page, "copy out of a frame beyond memory");

    /* Transfers: pages we do not own, to refs that offer nothing. */
    check(transfer1(frame, 0, gref), GNTST_bad_page, "transfer d0's frame");
    check(transfer1(mine, 0, gref), GNTST_bad_page,
          "transfer our mapped frame to d0's ref %lu", gref);
    check(transfer1(mine, NOBODY, 0), GNTST_bad_page,
          "transfer our mapped frame to d%u", NOBODY);

    /* Counts and pointers. */
    check(gnttab_op(GNTTABOP_map_grant_ref, NULL, 1), -EFAULT, "map NULL");
    check(gnttab_op(GNTTABOP_copy, (void *)HV_ADDR, 1), -EFAULT,
          "copy at the hypervisor");
    check(gnttab_op(GNTTABOP_map_grant_ref, NULL, 0x7fffffff), -EFAULT,
          "map NULL, 2^31-1 of them");
    check(gnttab_op(GNTTABOP_copy, NULL, 0x80000000UL), -EINVAL,
          "copy NULL, 2^31 of them");
    check(gnttab_op(GNTTABOP_setup_table, NULL, 2), -EINVAL,
          "setup_table, 2 of them");
    check(gnttab_op(GNTTABOP_query_size, NULL, 2), -EINVAL,
          "query_size, 2 of them");
    check(gnttab_op(13, page, 1), -ENOSYS, "grant_table_op 13");
    check(gnttab_op(GNTTABOP_map_grant_ref, page, 0), 0, "map, none");
}

/* --- event channels ----------------------------------------------------- */

static long evtchn(unsigned int cmd, void *arg)
{
    return HYPERVISOR_event_channel_op(cmd, arg);
}

static long bind_inter(domid_t dom, evtchn_port_t port)
{
    struct evtchn_bind_interdomain b = { .remote_dom = dom,
                                         .remote_port = port };

    return evtchn(EVTCHNOP_bind_interdomain, &b);
}

static long alloc_unbound(domid_t dom, domid_t remote)
{
    struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote };

    return evtchn(EVTCHNOP_alloc_unbound, &a);
}

static long port_op(unsigned int cmd, evtchn_port_t port)
{
    struct evtchn_send s = { .port = port };  /* close, send, unmask alike */

    return evtchn(cmd, &s);
}

static long status_of(domid_t dom, evtchn_port_t port)
{
    struct evtchn_status s = { .dom = dom, .port = port };
    long rc = evtchn(EVTCHNOP_status, &s);

    return rc ? rc : (long)s.status;
}

static void hostile_events(void)
{
    const unsigned long theirs[] = { port_third, port_self, port_virq };
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    struct evtchn_reset r = { .dom = 0 };

    /* Ports dom0 did not offer us. */
    for ( unsigned int i = 0; i < ARRAY_SIZE(theirs); i++ )
        check(bind_inter(0, theirs[i]), -EINVAL,
              "bind_interdomain to d0's port %lu", theirs[i]);
    check(bind_inter(0, 4095), -EINVAL, "bind_interdomain to d0's 4095");
    check(bind_inter(0, 1u << 20), -EINVAL, "bind_interdomain to d0's 2^20");
    check(bind_inter(third, 1), -EINVAL, "bind_interdomain to d%u's 1",
          third);
    check(bind_inter(NOBODY, 1), -ESRCH, "bind_interdomain to d%u",
          NOBODY);

    /*
     * Ports of others, named in our own table, where they are free: an
     * unmask of a free port in an allocated bucket is no error.
     */
    for ( unsigned int i = 0; i < ARRAY_SIZE(theirs); i++ )
    {
        check(port_op(EVTCHNOP_send, theirs[i]), -EINVAL, "send %lu",
              theirs[i]);
        check(port_op(EVTCHNOP_unmask, theirs[i]), 0, "unmask %lu",
              theirs[i]);
        check(port_op(EVTCHNOP_close, theirs[i]), -EINVAL, "close %lu",
              theirs[i]);
    }
    check(port_op(EVTCHNOP_close, 0), -EINVAL, "close port 0");
    check(port_op(EVTCHNOP_send, 1u << 30), -EINVAL, "send 2^30");
    check(port_op(EVTCHNOP_unmask, ~0u), -EINVAL, "unmask ~0");

    /* Others' tables. */
    check(alloc_unbound(0, self), -EPERM, "alloc_unbound in d0");
    check(alloc_unbound(third, self), -EPERM, "alloc_unbound in d%u",
          third);
    check(alloc_unbound(NOBODY, self), -ESRCH, "alloc_unbound in d%u",
          NOBODY);
    check(status_of(0, port_third), -EPERM, "status of d0's port %lu",
          port_third);
    check(status_of(NOBODY, 1), -ESRCH, "status in d%u", NOBODY);
    check(status_of(DOMID_SELF, start_info->console.domU.evtchn),
          EVTCHNSTAT_interdomain, "status of our console port");
    check(evtchn(EVTCHNOP_reset, &r), -EPERM, "reset d0");
    r.dom = third;
    check(evtchn(EVTCHNOP_reset, &r), -EPERM, "reset d%u", third);

    /*
     * dom0's global VIRQ: we may bind it, but it is still raised only in
     * the domain that handles it (dom0 checks it heard of our shutdown).
     */
    check(evtchn(EVTCHNOP_bind_virq, &bv), 0, "bind VIRQ_DOM_EXC");
    check(evtchn(EVTCHNOP_send, NULL), -EFAULT, "send NULL");
    check(evtchn(EVTCHNOP_bind_interdomain, (void *)HV_ADDR), -EFAULT,
          "bind_interdomain at the hypervisor");
    check(evtchn(99, page), -ENOSYS, "event_channel_op 99");
}

void test_main(void)
{
    self = arg("self");
    third = arg("third");
    frame = arg("frame");
    gref = arg("gref");
    port_third = arg("pt");
    port_self = arg("ps");
    port_virq = arg("pv");
    printf("domU d%u: attacking d0 and d%u\n", self, third);
    CHECK(!(start_info->flags & (SIF_INITDOMAIN | SIF_PRIVILEGED)));
    if ( test_failed() )
        return;
    every_domctl();
    every_sysctl();
    hostile_grants();
    hostile_events();
}
