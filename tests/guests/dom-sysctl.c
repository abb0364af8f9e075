/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sysctl as dom0's tools use it: physinfo, the scheduler's id, the list of
 * domains, per-CPU idle time and the hypervisor's console ring, with the
 * refusals of each.
 */
#include "dom-util.h"

const char test_title[] = "dom-sysctl: machine information and console";

static char ring[65536];

static void test_refusals(void)
{
    struct xen_sysctl op;

    sysctl_init(&op, XEN_SYSCTL_physinfo);
    op.interface_version++;
    CHECK_EQ(sysctl(&op), -EACCES);
    CHECK_EQ(sysctl(NULL), -EFAULT);
    sysctl_init(&op, 99);
    CHECK_EQ(sysctl(&op), -ENOSYS);
    sysctl_init(&op, 0);
    CHECK_EQ(sysctl(&op), -ENOSYS);
}

static void test_physinfo(void)
{
    struct xen_sysctl_physinfo pi;

    memset(&pi, 0xee, sizeof(pi));
    if ( !CHECK_EQ(phys_info(&pi), 0) )
        return;
    CHECK_EQ(pi.nr_cpus, 1);
    CHECK_EQ(pi.max_cpu_id, 0);
    CHECK_EQ(pi.threads_per_core, 1);
    CHECK_EQ(pi.cores_per_socket, 1);
    CHECK_EQ(pi.nr_nodes, 1);
    CHECK_EQ(pi.max_node_id, 63);
    CHECK(pi.cpu_khz > 100000);
    CHECK(pi.capabilities & XEN_SYSCTL_PHYSCAP_pv);
    CHECK(pi.capabilities & XEN_SYSCTL_PHYSCAP_gnttab_v1);
    CHECK_EQ(pi.arch_capabilities, 0);
    CHECK_EQ(pi.pad, 0);
    /* QEMU gives the machine 512 MiB; the hypervisor keeps some. */
    CHECK(pi.total_pages > 64 * 256 && pi.total_pages <= 512 * 256);
    CHECK(pi.free_pages > 0 && pi.free_pages < pi.total_pages);
    CHECK_EQ(pi.scrub_pages, 0);
    CHECK_EQ(pi.outstanding_pages, 0);
    CHECK(pi.max_mfn >= pi.total_pages && pi.max_mfn < 0x100000);
    /* CPUID leaf 1 EDX: the FPU, TSC and PAE are there. */
    CHECK_EQ(pi.hw_cap[0] & 0x51, 0x51);
}

static long domlist(domid_t first, uint32_t max,
                    struct xen_domctl_getdomaininfo *buf, uint32_t *num)
{
    struct xen_sysctl op;
    long rc;

    sysctl_init(&op, XEN_SYSCTL_getdomaininfolist);
    op.u.getdomaininfolist.first_domain = first;
    op.u.getdomaininfolist.max_domains = max;
    op.u.getdomaininfolist.buffer.p = buf;
    op.u.getdomaininfolist.num_domains = 0xeeee;
    rc = sysctl(&op);
    *num = op.u.getdomaininfolist.num_domains;
    return rc;
}

static void test_domlist(void)
{
    static struct xen_domctl_getdomaininfo list[8];
    struct xen_domctl_getdomaininfo one;
    uint32_t num;
    long a, b;

    CHECK_EQ(domlist(0, 8, list, &num), 0);
    CHECK_EQ(num, 1);
    CHECK_EQ(list[0].domain, 0);
    CHECK_EQ(dom_info(0, &one, NULL), 0);
    CHECK_EQ(list[0].flags, one.flags);
    CHECK_EQ(list[0].max_pages, one.max_pages);

    a = dom_create(0);
    b = dom_create(0);
    CHECK(a > 0 && b > a);
    memset(list, 0xcc, sizeof(list));
    CHECK_EQ(domlist(0, 8, list, &num), 0);
    CHECK_EQ(num, 3);
    CHECK_EQ(list[0].domain, 0);
    CHECK_EQ(list[1].domain, a);
    CHECK_EQ(list[2].domain, b);
    CHECK_EQ(list[1].max_vcpu_id, XEN_INVALID_MAX_VCPU_ID);
    CHECK_EQ(list[3].domain, 0xcccc);
    CHECK_EQ(domlist(1, 8, list, &num), 0);
    CHECK_EQ(num, 2);
    CHECK_EQ(list[0].domain, a);
    CHECK_EQ(domlist(b, 8, list, &num), 0);
    CHECK_EQ(num, 1);
    CHECK_EQ(domlist(b + 1, 8, list, &num), 0);
    CHECK_EQ(num, 0);
    CHECK_EQ(domlist(0, 2, list, &num), 0);
    CHECK_EQ(num, 2);
    CHECK_EQ(domlist(0, 0, list, &num), 0);
    CHECK_EQ(num, 0);
    CHECK_EQ(domlist(0, 8, NULL, &num), -EFAULT);
    CHECK_EQ(domlist(DOMID_FIRST_RESERVED, 8, list, &num), 0);
    CHECK_EQ(num, 0);
    CHECK_EQ(dom_destroy(a), 0);
    CHECK_EQ(dom_destroy(b), 0);
}

static long cpuinfo(uint32_t max, struct xen_sysctl_cpuinfo *info,
                    uint32_t *nr)
{
    struct xen_sysctl op;
    long rc;

    sysctl_init(&op, XEN_SYSCTL_getcpuinfo);
    op.u.getcpuinfo.max_cpus = max;
    op.u.getcpuinfo.info.p = info;
    op.u.getcpuinfo.nr_cpus = 0xeeee;
    rc = sysctl(&op);
    *nr = op.u.getcpuinfo.nr_cpus;
    return rc;
}

static void test_cpuinfo(void)
{
    struct xen_sysctl_cpuinfo info[4];
    uint64_t first;
    uint32_t nr;

    memset(info, 0xcc, sizeof(info));
    CHECK_EQ(cpuinfo(4, info, &nr), 0);
    CHECK_EQ(nr, 1);
    CHECK_EQ(info[1].idletime, 0xccccccccccccccccULL);
    first = info[0].idletime;
    /* Idle time grows while dom0 waits. */
    sleep_ns(20000000);
    CHECK_EQ(cpuinfo(1, info, &nr), 0);
    CHECK(info[0].idletime >= first + 10000000);
    CHECK_EQ(cpuinfo(0, info, &nr), 0);
    CHECK_EQ(nr, 0);
    CHECK_EQ(cpuinfo(1, NULL, &nr), -EFAULT);
}

static long readconsole(uint8_t clear, uint8_t incremental, uint32_t *index,
                        char *buf, uint32_t *count)
{
    struct xen_sysctl op;
    long rc;

    sysctl_init(&op, XEN_SYSCTL_readconsole);
    op.u.readconsole.clear = clear;
    op.u.readconsole.incremental = incremental;
    op.u.readconsole.index = *index;
    op.u.readconsole.buffer.p = buf;
    op.u.readconsole.count = *count;
    rc = sysctl(&op);
    *index = op.u.readconsole.index;
    *count = op.u.readconsole.count;
    return rc;
}

/*
 * Each step's results are kept and checked at the end: the checks print,
 * and dom0's output must not come between two reads.
 */
static void test_readconsole(void)
{
    uint32_t idx[8] = { 0 }, cnt[8];
    long rc[8];

    /* Zero bytes asked, zero given; a bad buffer faults. */
    cnt[0] = 0;
    CHECK_EQ(readconsole(0, 0, &idx[0], ring, &cnt[0]), 0);
    CHECK_EQ(cnt[0], 0);
    cnt[0] = 16;
    CHECK_EQ(readconsole(0, 0, &idx[0], (char *)1, &cnt[0]), -EFAULT);

    /* From the oldest byte kept, 16 at a time. */
    cnt[0] = 16;
    rc[0] = readconsole(0, 0, &idx[0], ring, &cnt[0]);
    idx[1] = idx[0];
    cnt[1] = 16;
    rc[1] = readconsole(0, 1, &idx[1], ring + 16, &cnt[1]);
    /* The rest, then nothing new. */
    idx[2] = idx[1];
    cnt[2] = sizeof(ring) - 32;
    rc[2] = readconsole(0, 1, &idx[2], ring + 32, &cnt[2]);
    idx[3] = idx[2];
    cnt[3] = sizeof(ring);
    rc[3] = readconsole(0, 1, &idx[3], ring, &cnt[3]);
    /* A non-incremental read starts from the oldest byte again. */
    idx[4] = 12345;
    cnt[4] = 16;
    rc[4] = readconsole(0, 0, &idx[4], ring, &cnt[4]);
    /* Reading with clear empties what was read... */
    idx[5] = 0;
    cnt[5] = sizeof(ring);
    rc[5] = readconsole(1, 0, &idx[5], ring, &cnt[5]);
    idx[6] = 0;
    cnt[6] = sizeof(ring);
    rc[6] = readconsole(0, 0, &idx[6], ring, &cnt[6]);
    /* ...and an index from before it is out of range now. */
    idx[7] = idx[0];
    cnt[7] = sizeof(ring);
    rc[7] = readconsole(0, 1, &idx[7], ring, &cnt[7]);

    for ( unsigned int i = 0; i < 8; i++ )
        CHECK_EQ(rc[i], 0);
    CHECK_EQ(cnt[0], 16);
    CHECK_EQ(cnt[1], 16);
    CHECK_EQ(idx[1], idx[0] + 16);
    CHECK(cnt[2] > 0 && cnt[2] < sizeof(ring) - 32);
    CHECK_EQ(idx[2], idx[1] + cnt[2]);
    CHECK_EQ(cnt[3], 0);
    CHECK_EQ(idx[3], idx[2]);
    CHECK_EQ(cnt[4], 16);
    CHECK_EQ(idx[4], idx[0]);
    CHECK_EQ(cnt[5], cnt[2] + 32);
    CHECK_EQ(idx[5], idx[2]);
    CHECK_EQ(cnt[6], 0);
    CHECK_EQ(idx[6], idx[2]);
    CHECK_EQ(cnt[7], 0);
    CHECK_EQ(idx[7], idx[2]);
}

static void test_sched_id(void)
{
    long sid = sched_id();

    /* Credit on ours, credit2 as Debian builds Xen. */
    CHECK(sid == XEN_SCHEDULER_CREDIT || sid == XEN_SCHEDULER_CREDIT2);
}

void test_main(void)
{
    test_refusals();
    test_physinfo();
    test_sched_id();
    test_domlist();
    test_cpuinfo();
    test_readconsole();
}
