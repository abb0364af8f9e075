/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * With two CPUs (the case gives QEMU -smp 2): the hypervisor reports both,
 * and two CPU-bound domUs each get nearly a whole CPU while dom0 sleeps,
 * the one on each CPU.  Then both are destroyed.
 */
#include "sched-build.h"

const char test_title[] = "sched-smp: two CPUs, two spinning domUs";

#define MS 1000000ULL

static long vcpu_cpu(domid_t dom)
{
    struct xen_domctl op;

    domctl_init(&op, XEN_DOMCTL_getvcpuinfo, dom);
    op.u.getvcpuinfo.vcpu = 0;
    return domctl(&op) ? -1 : (long)op.u.getvcpuinfo.cpu;
}

void test_main(void)
{
    static struct domu a, b;
    struct xen_sysctl_physinfo pi;
    uint64_t a0, b0, t0, da, db, dt;

    if ( !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(phys_info(&pi), 0) )
        return;
    CHECK_EQ(pi.nr_cpus, 2);
    if ( !CHECK_EQ(domu_build(&a, "do=spin"), 0) ||
         !CHECK_EQ(domu_build(&b, "do=spin"), 0) )
        return;
    CHECK_EQ(domu_unpause(&a), 0);
    CHECK_EQ(domu_unpause(&b), 0);

    sleep_ns(300 * MS);
    a0 = dom_cpu_time(a.id);
    b0 = dom_cpu_time(b.id);
    t0 = sys_now();
    sleep_ns(2000 * MS);
    da = dom_cpu_time(a.id) - a0;
    db = dom_cpu_time(b.id) - b0;
    dt = sys_now() - t0;

    printf("d%u: %lu ms, d%u: %lu ms, of %lu ms\n", a.id,
           (unsigned long)(da / MS), b.id, (unsigned long)(db / MS),
           (unsigned long)(dt / MS));
    /*
     * Both ran nearly all the time, so they ran at once, one per CPU.
     * Which CPU each is on at one instant is not asked: dom0 itself needs
     * a CPU to ask, and Xen may move a domU for that moment.
     */
    CHECK(da >= dt * 9 / 10);
    CHECK(db >= dt * 9 / 10);
    CHECK(vcpu_cpu(a.id) >= 0 && vcpu_cpu(b.id) >= 0);

    CHECK_EQ(domu_destroy(a.id), 0);
    CHECK_EQ(domu_destroy(b.id), 0);
}
