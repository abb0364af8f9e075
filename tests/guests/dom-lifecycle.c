/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domain lifecycle through domctl, as dom0's toolstack drives it: ids,
 * creation and its refusals, getdomaininfo, pause counts, remote shutdown
 * with VIRQ_DOM_EXC, resume, destroy, and memory coming back after fifty
 * domains came and went.
 */
#include "dom-util.h"

const char test_title[] = "dom-lifecycle: create, query, pause, shut down, "
                          "destroy";

/*
 * Xen keeps "no shutdown code yet" as -1 in an int, so every bit above
 * the shift is set in flags, not only the eight of the field.
 */
#define NO_CODE 0xffff0000U

static evtchn_port_t dom_exc_port;

static uint32_t info_flags(domid_t dom)
{
    struct xen_domctl_getdomaininfo i;

    return dom_info(dom, &i, NULL) ? ~0U : i.flags;
}

static void test_refusals(void)
{
    struct xen_domctl op;
    struct xen_domctl_getdomaininfo i;
    domid_t found;

    domctl_init(&op, XEN_DOMCTL_getdomaininfo, 0);
    op.interface_version--;
    CHECK_EQ(domctl(&op), -EACCES);
    CHECK_EQ(domctl(NULL), -EFAULT);
    CHECK_EQ(hypercall1(__HYPERVISOR_domctl, 0xffff800000000000UL),
             -EFAULT);
    /* Unknown operations, on a domain that exists and one that does not. */
    CHECK_EQ(dom_simple(9999, 0), -ENOSYS);
    CHECK_EQ(dom_simple(9999, 0x7000), -ESRCH);
    CHECK_EQ(dom_simple(XEN_DOMCTL_pausedomain, 0x7000), -ESRCH);
    CHECK_EQ(dom_simple(XEN_DOMCTL_pausedomain, DOMID_SELF), -ESRCH);
    CHECK_EQ(dom_info(DOMID_FIRST_RESERVED, &i, &found), -EINVAL);
    CHECK_EQ(dom_info(DOMID_IO, &i, &found), -EINVAL);
    /* Nothing above dom0 yet. */
    CHECK_EQ(dom_info(1, &i, &found), -ESRCH);

    /* I/O ranges that wrap or pass the last port. */
    domctl_init(&op, XEN_DOMCTL_iomem_permission, 0);
    op.u.iomem_permission.first_mfn = ~0ULL;
    op.u.iomem_permission.nr_mfns = 2;
    CHECK_EQ(domctl(&op), -EINVAL);
    domctl_init(&op, XEN_DOMCTL_ioport_permission, 0);
    op.u.ioport_permission.first_port = 0xfff0;
    op.u.ioport_permission.nr_ports = 0x11;
    CHECK_EQ(domctl(&op), -EINVAL);
    op.u.ioport_permission.nr_ports = 0;
    CHECK_EQ(domctl(&op), -EINVAL);

    /* dom0 cannot act on itself. */
    CHECK_EQ(dom_simple(XEN_DOMCTL_pausedomain, 0), -EINVAL);
    CHECK_EQ(dom_simple(XEN_DOMCTL_unpausedomain, 0), -EINVAL);
    CHECK_EQ(dom_simple(XEN_DOMCTL_resumedomain, 0), -EINVAL);
    CHECK_EQ(dom_destroy(0), -EINVAL);
}

static void test_dom0_info(void)
{
    struct xen_domctl_getdomaininfo i;
    domid_t found = 0xffff;
    static const xen_domain_handle_t zero;

    if ( !CHECK_EQ(dom_info(0, &i, &found), 0) )
        return;
    CHECK_EQ(found, 0);
    CHECK_EQ(i.domain, 0);
    CHECK_EQ(i.flags, XEN_DOMINF_running | NO_CODE);
    CHECK_EQ(i.nr_online_vcpus, 1);
    CHECK_EQ(i.max_vcpu_id, 0);
    CHECK_EQ(i.shared_info_frame, start_info->shared_info >> 12);
    CHECK_EQ(i.ssidref, 0);
    CHECK_EQ(i.cpupool, 0);
    CHECK_EQ(i.outstanding_pages, 0);
    CHECK_EQ(i.shr_pages, 0);
    CHECK_EQ(i.paged_pages, 0);
    CHECK(i.cpu_time > 0);
    CHECK(i.tot_pages >= start_info->nr_pages);
    CHECK(i.max_pages >= i.tot_pages);
    CHECK(!memcmp(i.handle, zero, sizeof(zero)));
    /* A PV hardware domain always has the PIT. */
    CHECK_EQ(i.arch_config.emulation_flags, XEN_X86_EMU_PIT);
    CHECK(i.gpaddr_bits >= 32 && i.gpaddr_bits <= 52);
}

/* Each refused configuration, one field away from a good one. */
static void test_bad_configs(void)
{
    struct xen_domctl_createdomain c;

#define REFUSED(field, value, err)                              \
    do {                                                        \
        dom_default_config(&c);                                 \
        c.field = (value);                                      \
        check_eq(#field " = " #value, dom_create_cfg(0, &c),    \
                 -(err));                                       \
    } while ( 0 )

    REFUSED(flags, XEN_DOMCTL_CDF_hap, EINVAL);
    REFUSED(flags, 1U << 8, EINVAL);
    REFUSED(flags, XEN_DOMCTL_CDF_iommu, EINVAL);
    REFUSED(flags, XEN_DOMCTL_CDF_vpmu, EINVAL);
    REFUSED(flags, XEN_DOMCTL_CDF_nested_virt, EINVAL);
    REFUSED(iommu_opts, XEN_DOMCTL_IOMMU_no_sharept, EINVAL);
    REFUSED(max_vcpus, 0, EINVAL);
    REFUSED(max_vcpus, 8193, EINVAL);
    REFUSED(grant_opts, 0, EINVAL);
    REFUSED(grant_opts, 3, EINVAL);
    REFUSED(grant_opts, 0x11, EINVAL);
    REFUSED(max_grant_frames, 0, EINVAL);
    REFUSED(max_grant_frames, 65, EINVAL);
    REFUSED(max_maptrack_frames, 1025, EINVAL);
    REFUSED(cpupool_id, 5, ESRCH);
    REFUSED(vmtrace_size, 4096, EINVAL);
    REFUSED(arch.misc_flags, 2, EINVAL);
    REFUSED(arch.emulation_flags, 1U << 11, EINVAL);
    REFUSED(arch.emulation_flags, XEN_X86_EMU_LAPIC, EOPNOTSUPP);
#undef REFUSED
}

static void test_create_ids(void)
{
    struct xen_domctl_getdomaininfo i;
    domid_t found;
    long a, b, c, d, e;

    /*
     * Ids come from a rover that starts after 0 and only moves on, even
     * past ids that failed or were freed (the refused configurations
     * above used 1..19).
     */
    a = dom_create(0);
    CHECK_EQ(a, 20);
    b = dom_create(0);
    CHECK_EQ(b, 21);
    CHECK_EQ(dom_create(a), -EEXIST);
    CHECK_EQ(dom_destroy(b), 0);
    c = dom_create(0);
    CHECK_EQ(c, 22);
    /* A free id may be asked for; reserved ids mean "any". */
    d = dom_create(b);
    CHECK_EQ(d, b);
    e = dom_create(DOMID_FIRST_RESERVED + 5);
    CHECK_EQ(e, 23);

    /* Asking about a free id describes the next domain up. */
    CHECK_EQ(dom_destroy(d), 0);
    CHECK_EQ(dom_info(b, &i, &found), 0);
    CHECK_EQ(found, c);
    CHECK_EQ(i.domain, c);
    CHECK_EQ(dom_info(e + 1, &i, &found), -ESRCH);
    /* Destroyed domains are gone at once when nothing holds their pages. */
    CHECK_EQ(dom_destroy(b), -ESRCH);

    CHECK_EQ(dom_destroy(a), 0);
    CHECK_EQ(dom_destroy(c), 0);
    CHECK_EQ(dom_destroy(e), 0);
    CHECK_EQ(dom_info(1, &i, &found), -ESRCH);
}

static void test_new_domain(void)
{
    struct xen_domctl_createdomain c;
    struct xen_domctl_getdomaininfo i;
    struct xen_domctl op;
    domid_t found;
    long dom;

    dom_default_config(&c);
    c.ssidref = 7;
    for ( unsigned int k = 0; k < sizeof(c.handle); k++ )
        c.handle[k] = 0xa0 + k;
    dom = dom_create_cfg(0, &c);
    if ( !CHECK(dom > 0) )
        return;
    if ( !CHECK_EQ(dom_info(dom, &i, &found), 0) )
        return;
    CHECK_EQ(found, dom);
    /* Created paused by the controller, no VCPUs yet, never shut down. */
    CHECK_EQ(i.flags, XEN_DOMINF_paused | NO_CODE);
    CHECK_EQ(i.tot_pages, 0);
    CHECK_EQ(i.max_pages, 0);
    CHECK_EQ(i.nr_online_vcpus, 0);
    CHECK_EQ(i.max_vcpu_id, XEN_INVALID_MAX_VCPU_ID);
    CHECK_EQ(i.cpu_time, 0);
    CHECK_EQ(i.ssidref, 0);
    CHECK_EQ(i.cpupool, 0);
    CHECK_EQ(i.arch_config.emulation_flags, 0);
    CHECK(i.shared_info_frame != 0);
    CHECK(i.shared_info_frame != start_info->shared_info >> 12);
    CHECK(!memcmp(i.handle, c.handle, sizeof(c.handle)));

    /* Limits and labels the toolstack sets. */
    CHECK_EQ(dom_max_mem(dom, 8192), 0);
    CHECK_EQ(dom_info(dom, &i, NULL), 0);
    CHECK_EQ(i.max_pages, 2048);
    /* The limit is kept in 32 bits. */
    CHECK_EQ(dom_max_mem(dom, ~0ULL), 0);
    CHECK_EQ(dom_info(dom, &i, NULL), 0);
    CHECK_EQ(i.max_pages, 0xffffffffUL);

    domctl_init(&op, XEN_DOMCTL_setdomainhandle, dom);
    memset(op.u.setdomainhandle.handle, 0x5a, sizeof(xen_domain_handle_t));
    CHECK_EQ(domctl(&op), 0);
    CHECK_EQ(dom_info(dom, &i, NULL), 0);
    CHECK_EQ(i.handle[0], 0x5a);
    CHECK_EQ(i.handle[15], 0x5a);

    domctl_init(&op, XEN_DOMCTL_settimeoffset, dom);
    op.u.settimeoffset.time_offset_seconds = -3600;
    CHECK_EQ(domctl(&op), 0);

    /* The VCPUs exist once max_vcpus says how many createdomain said. */
    CHECK_EQ(dom_max_vcpus(dom, 2), -EINVAL);
    CHECK_EQ(dom_max_vcpus(dom, 1), 0);
    CHECK_EQ(dom_max_vcpus(dom, 1), 0);
    CHECK_EQ(dom_info(dom, &i, NULL), 0);
    CHECK_EQ(i.max_vcpu_id, 0);
    CHECK_EQ(i.nr_online_vcpus, 0);
    CHECK_EQ(i.flags, XEN_DOMINF_paused | NO_CODE);

    CHECK_EQ(dom_destroy(dom), 0);
}

static void test_pause(void)
{
    long dom = dom_create(0);
    unsigned int n;
    long rc = 0;

    if ( !CHECK(dom > 0) )
        return;
    CHECK_EQ(dom_max_vcpus(dom, 1), 0);
    /* Creation left one controller pause: the first unpause starts it. */
    CHECK_EQ(dom_simple(XEN_DOMCTL_unpausedomain, dom), 0);
    CHECK_EQ(info_flags(dom), NO_CODE);
    CHECK_EQ(dom_simple(XEN_DOMCTL_unpausedomain, dom), -EINVAL);
    CHECK_EQ(dom_simple(XEN_DOMCTL_pausedomain, dom), 0);
    CHECK_EQ(info_flags(dom), XEN_DOMINF_paused | NO_CODE);

    /* The controller may stack 255 pauses, no more. */
    for ( n = 1; n < 255 && !rc; n++ )
        rc = dom_simple(XEN_DOMCTL_pausedomain, dom);
    CHECK_EQ(rc, 0);
    CHECK_EQ(n, 255);
    CHECK_EQ(dom_simple(XEN_DOMCTL_pausedomain, dom), -EOVERFLOW);
    for ( n = 0; n < 255 && !rc; n++ )
        rc = dom_simple(XEN_DOMCTL_unpausedomain, dom);
    CHECK_EQ(rc, 0);
    CHECK_EQ(info_flags(dom), NO_CODE);
    CHECK_EQ(dom_simple(XEN_DOMCTL_unpausedomain, dom), -EINVAL);

    /* resumedomain of a domain not shut down changes nothing. */
    CHECK_EQ(dom_simple(XEN_DOMCTL_resumedomain, dom), 0);
    CHECK_EQ(info_flags(dom), NO_CODE);
    CHECK_EQ(dom_destroy(dom), 0);
}

static long remote_shutdown(domid_t dom, unsigned int reason)
{
    struct sched_remote_shutdown rs = { .domain_id = dom, .reason = reason };

    return HYPERVISOR_sched_op(SCHEDOP_remote_shutdown, &rs);
}

static void test_shutdown(void)
{
    long dom = dom_create(0);
    uint32_t flags;

    if ( !CHECK(dom > 0) )
        return;
    CHECK_EQ(dom_max_vcpus(dom, 1), 0);
    /*
     * Xen tells dom0 twice of each destroyed domain, the second time once
     * an RCU grace period has passed: let earlier domains finish first.
     */
    free_pages_settled(0);
    port_test_and_clear(dom_exc_port);

    CHECK_EQ(remote_shutdown(dom, SHUTDOWN_reboot), 0);
    flags = info_flags(dom);
    CHECK_EQ(flags & ~XEN_DOMINF_paused,
             XEN_DOMINF_shutdown |
             (SHUTDOWN_reboot << XEN_DOMINF_shutdownshift));
    CHECK(port_test_and_clear(dom_exc_port));

    /* The first reason stands; no second notification. */
    CHECK_EQ(remote_shutdown(dom, SHUTDOWN_crash), 0);
    CHECK_EQ(info_flags(dom), flags);
    CHECK(!port_test_and_clear(dom_exc_port));

    /* Resumed, it is as if it had never shut down. */
    CHECK_EQ(dom_simple(XEN_DOMCTL_resumedomain, dom), 0);
    CHECK_EQ(info_flags(dom), XEN_DOMINF_paused | NO_CODE);
    CHECK(!port_test_and_clear(dom_exc_port));
    CHECK_EQ(remote_shutdown(dom, SHUTDOWN_poweroff), 0);
    CHECK_EQ(info_flags(dom) & ~XEN_DOMINF_paused, XEN_DOMINF_shutdown);
    CHECK(port_test_and_clear(dom_exc_port));

    /* Destroying tells dom0 too; the domain is gone then. */
    CHECK_EQ(dom_destroy(dom), 0);
    CHECK(port_test_and_clear(dom_exc_port));
    CHECK_EQ(info_flags(dom), ~0U);
    CHECK_EQ(remote_shutdown(dom, SHUTDOWN_poweroff), -ESRCH);
}

/* Domains with memory come and go; every frame comes back. */
static void test_reclaim(void)
{
    static xen_pfn_t mfns[64];
    struct xen_sysctl_physinfo pi;
    uint64_t before, after;
    unsigned int n, bad = 0;

    if ( !CHECK_EQ(phys_info(&pi), 0) )
        return;
    /* Domains destroyed earlier may still be on their way out. */
    before = free_pages_settled(0);
    for ( n = 0; n < 50 && !bad; n++ )
    {
        long dom = dom_create(0);
        struct xen_domctl_getdomaininfo i;

        if ( dom < 0 || dom_max_vcpus(dom, 1) || dom_max_mem(dom, 256) ||
             dom_populate(dom, mfns, 64) != 64 ||
             dom_info(dom, &i, NULL) || i.tot_pages != 64 ||
             dom_populate(dom, mfns, 1) != 0 ||
             dom_destroy(dom) )
        {
            printf("domain %ld (round %u) went wrong\n", dom, n);
            bad++;
        }
    }
    CHECK_EQ(bad, 0);
    after = free_pages_settled(before);
    CHECK_EQ(after, before);
}

void test_main(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };

    if ( CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) )
        dom_exc_port = bv.port;
    CHECK(dom_shared_info() != NULL);

    test_refusals();
    test_dom0_info();
    test_bad_configs();
    test_create_ids();
    test_new_domain();
    test_pause();
    test_shutdown();
    test_reclaim();
}
