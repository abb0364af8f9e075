/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen 4.17's answers to dom0 for calls of features we do not have (HVM,
 * PIRQs, machine checks, PMU, shadow paging, kexec), one table row per
 * call.
 */
#include "dom-util.h"
#include <public/physdev.h>
#include <public/platform.h>

const char test_title[] = "xen-answers: refusals and small answers as Xen's";

#define XENPMU_init                 4
#define XEN_MCA_INTERFACE_VERSION   0x01ecc003
#define XEN_MC_physcpuinfo          3
#define MEMOP_EXTENT_SHIFT          6
#define NO_DOMAIN                   1234
#define BAD_POINTER                 0x10UL
#define HVMOP_set_param             0
#define HVMOP_get_param             1
#define HVMOP_flush_tlbs            5
#define HVMOP_pagetable_dying       9
#define HVMOP_get_time              10
#define HVMOP_xentrace              11
#define HVMOP_get_mem_type          15
#define HVMOP_set_upcall_vector     23
#define HVMOP_guest_request         24
#define HVMOP_altp2m                25
#define KEXEC_CMD_kexec             0
#define KEXEC_CMD_kexec_get_range   3
#define KEXEC_CMD_kexec_load        4
#define KEXEC_CMD_kexec_unload      5
#define KEXEC_CMD_kexec_status      6

/* The heads of Xen's hvm_op arguments: a domain, then the rest. */
struct hvm_arg
{
    uint16_t domid, pad;
    uint32_t index;
    uint64_t value;
};

struct hvm_trace
{
    uint16_t event, extra_bytes;
    uint8_t extra[28];
};

struct kexec_range
{
    int32_t range, nr;
    uint64_t size, start;
};

struct kexec_load
{
    uint8_t type, pad;
    uint16_t arch;
    uint32_t nr_segments;
    uint64_t segments, entry_maddr;
};

/* The head of Xen's struct xen_mc (152 bytes in all). */
struct mca_req
{
    uint32_t cmd, version;
    uint32_t ncpus, pad;
    uint64_t info;
    uint8_t rest[128];
};

struct row
{
    const char *what;
    unsigned long nr, a1, a2;
    long want;
};

static struct mca_req mca_bad, mca_cmd, mca_cpus;
static struct xen_domctl shadow_old, shadow_none;
static struct physdev_op compat_iopl, compat_query;
static struct physdev_irq_status_query query;
static struct physdev_apic apic;
static struct physdev_pirq_eoi_gmfn eoi_bad, eoi_own;
static struct xen_add_to_physmap xatp_self, xatp_foreign, xatp_none;
static struct xen_add_to_physmap_batch xatpb_self, xatpb_range;
static struct xen_remove_from_physmap xrfp_self;
static struct xen_mem_access_op access_self, access_selfid;
static struct xen_memory_reservation claim_zero, claim_order, claim_none,
                                     claim_small;
static struct xen_vnuma_topology_info vnuma_self, vnuma_pad;
static struct xen_reserved_device_memory_map rdm_all, rdm_flags;
static struct xen_mem_acquire_resource res_self, res_pad, res_none;
static struct xen_pod_target pod_self, pod_none;
static struct hvm_arg hvm_self, hvm_index, hvm_none, hvm_dom0;
static struct hvm_trace trace_ok, trace_big, trace_class;
static uint64_t hvm_now;
static int32_t kexec_default = 0, kexec_crash = 1, kexec_bad = 7;
static struct kexec_range range_crash, range_cpu, range_bad;
static struct kexec_load load_many;
static uint8_t eoi_page[4096] __attribute__((aligned(4096)));

#define U(p) ((unsigned long)(p))
#define MEM(cmd, arg, want) { #cmd " " #arg, __HYPERVISOR_memory_op, \
                              (cmd), U(arg), (want) }
#define HVM(cmd, arg, want) { #cmd " " #arg, __HYPERVISOR_hvm_op, \
                              (cmd), U(arg), (want) }
#define KEXEC(cmd, arg, want) { #cmd " " #arg, __HYPERVISOR_kexec_op, \
                                (cmd), U(arg), (want) }
#define PHYS(cmd, arg, want) { #cmd " " #arg, __HYPERVISOR_physdev_op, \
                               (cmd), U(arg), (want) }

static const struct row rows[] = {
    { "xenpmu init", __HYPERVISOR_xenpmu_op, XENPMU_init, 0, -EOPNOTSUPP },
    { "mca bad pointer", __HYPERVISOR_arch_0, BAD_POINTER, 0, -EFAULT },
    { "mca old version", __HYPERVISOR_arch_0, U(&mca_bad), 0, -EACCES },
    { "mca unknown cmd", __HYPERVISOR_arch_0, U(&mca_cmd), 0, -EINVAL },
    { "mca physcpuinfo", __HYPERVISOR_arch_0, U(&mca_cpus), 0, 0 },
    { "paging cont bad pointer", __HYPERVISOR_arch_1, BAD_POINTER, 0,
      -EFAULT },
    { "paging cont old version", __HYPERVISOR_arch_1, U(&shadow_old), 0,
      -EOPNOTSUPP },
    { "paging cont no domain", __HYPERVISOR_arch_1, U(&shadow_none), 0,
      -ESRCH },
    { "physdev compat bad pointer", __HYPERVISOR_physdev_op_compat,
      BAD_POINTER, 0, -EFAULT },
    { "physdev compat set_iopl", __HYPERVISOR_physdev_op_compat,
      U(&compat_iopl), 0, 0 },
    { "physdev compat irq_status_query", __HYPERVISOR_physdev_op_compat,
      U(&compat_query), 0, -EINVAL },
    PHYS(PHYSDEVOP_IRQ_UNMASK_NOTIFY, 0, 0),
    PHYS(PHYSDEVOP_irq_status_query, &query, -EINVAL),
    PHYS(PHYSDEVOP_irq_status_query, BAD_POINTER, -EFAULT),
    PHYS(PHYSDEVOP_apic_read, &apic, -EINVAL),
    PHYS(PHYSDEVOP_pirq_eoi_gmfn_v2, &eoi_bad, -EINVAL),
    PHYS(PHYSDEVOP_pirq_eoi_gmfn_v1, BAD_POINTER, -EFAULT),
    PHYS(PHYSDEVOP_pirq_eoi_gmfn_v2, &eoi_own, 0),
    /* Registered once: the page stays held. */
    PHYS(PHYSDEVOP_pirq_eoi_gmfn_v1, &eoi_own, -EBUSY),
    MEM(XENMEM_add_to_physmap, &xatp_self, -EACCES),
    MEM(XENMEM_add_to_physmap, &xatp_foreign, -ENOSYS),
    MEM(XENMEM_add_to_physmap, &xatp_none, -ESRCH),
    MEM(XENMEM_add_to_physmap, BAD_POINTER, -EFAULT),
    MEM(XENMEM_add_to_physmap | (0x10000UL << MEMOP_EXTENT_SHIFT),
        &xatp_self, -EDOM),
    MEM(XENMEM_add_to_physmap_batch, &xatpb_self, -EACCES),
    MEM(XENMEM_add_to_physmap_batch, &xatpb_range, -EOPNOTSUPP),
    MEM(XENMEM_remove_from_physmap, &xrfp_self, -EACCES),
    MEM(XENMEM_remove_from_physmap | (1UL << MEMOP_EXTENT_SHIFT),
        &xrfp_self, -EINVAL),
    MEM(XENMEM_access_op, &access_self, -ESRCH),
    MEM(XENMEM_access_op, &access_selfid, -EPERM),
    MEM(XENMEM_claim_pages, &claim_zero, 0),
    MEM(XENMEM_claim_pages, &claim_order, -EINVAL),
    MEM(XENMEM_claim_pages, &claim_none, -EINVAL),
    MEM(XENMEM_claim_pages, &claim_small, -EINVAL),
    MEM(XENMEM_get_vnumainfo, &vnuma_self, -EOPNOTSUPP),
    MEM(XENMEM_get_vnumainfo, &vnuma_pad, -EINVAL),
    MEM(XENMEM_reserved_device_memory_map, &rdm_all, 0),
    MEM(XENMEM_reserved_device_memory_map, &rdm_flags, -EINVAL),
    MEM(XENMEM_acquire_resource, &res_self, -EPERM),
    MEM(XENMEM_acquire_resource, &res_pad, -EINVAL),
    MEM(XENMEM_acquire_resource, &res_none, -ESRCH),
    MEM(XENMEM_set_pod_target, &pod_self, -EINVAL),
    MEM(XENMEM_get_pod_target, &pod_none, -ESRCH),
    MEM(XENMEM_get_sharing_freed_pages, 0, 0),
    MEM(XENMEM_get_sharing_shared_pages, 0, 0),
    MEM(XENMEM_get_sharing_shared_pages | (1UL << MEMOP_EXTENT_SHIFT), 0,
        -ENOSYS),
    MEM(XENMEM_machphys_compat_mfn_list, 0, -EOPNOTSUPP),
    HVM(HVMOP_set_param, BAD_POINTER, -EFAULT),
    HVM(HVMOP_set_param, &hvm_index, -EINVAL),
    HVM(HVMOP_set_param, &hvm_none, -ESRCH),
    HVM(HVMOP_set_param, &hvm_self, -EINVAL),
    HVM(HVMOP_get_param, &hvm_index, -EINVAL),
    HVM(HVMOP_get_param, &hvm_none, -ESRCH),
    HVM(HVMOP_get_param, &hvm_dom0, -EINVAL),
    HVM(HVMOP_flush_tlbs, 0, -EINVAL),
    HVM(HVMOP_flush_tlbs, BAD_POINTER, -EINVAL),
    HVM(HVMOP_pagetable_dying, BAD_POINTER, -EFAULT),
    HVM(HVMOP_pagetable_dying, &hvm_none, -ESRCH),
    HVM(HVMOP_pagetable_dying, &hvm_self, -EINVAL),
    HVM(HVMOP_get_time, BAD_POINTER, -EFAULT),
    HVM(HVMOP_get_time, &hvm_now, 0),
    HVM(HVMOP_xentrace, BAD_POINTER, -EFAULT),
    HVM(HVMOP_xentrace, &trace_ok, 0),
    HVM(HVMOP_xentrace, &trace_big, -EINVAL),
    HVM(HVMOP_xentrace, &trace_class, -EINVAL),
    HVM(HVMOP_get_mem_type, &hvm_none, -ESRCH),
    HVM(HVMOP_get_mem_type, &hvm_self, -EINVAL),
    HVM(HVMOP_set_upcall_vector, BAD_POINTER, -EINVAL),
    HVM(HVMOP_guest_request, 0, 0),
    HVM(HVMOP_guest_request, &hvm_self, -EINVAL),
    HVM(HVMOP_altp2m, BAD_POINTER, -EOPNOTSUPP),
    HVM(14, &hvm_self, -ENOSYS),
    HVM(1000, &hvm_self, -ENOSYS),
    KEXEC(KEXEC_CMD_kexec, BAD_POINTER, -EFAULT),
    KEXEC(KEXEC_CMD_kexec, &kexec_bad, -EINVAL),
    KEXEC(KEXEC_CMD_kexec, &kexec_default, -ENOENT),
    KEXEC(KEXEC_CMD_kexec_get_range, BAD_POINTER, -EFAULT),
    KEXEC(KEXEC_CMD_kexec_get_range, &range_crash, 0),
    KEXEC(KEXEC_CMD_kexec_get_range, &range_cpu, -ERANGE),
    KEXEC(KEXEC_CMD_kexec_get_range, &range_bad, -EINVAL),
    KEXEC(KEXEC_CMD_kexec_load, BAD_POINTER, -EFAULT),
    KEXEC(KEXEC_CMD_kexec_load, &load_many, -EINVAL),
    KEXEC(KEXEC_CMD_kexec_unload, BAD_POINTER, -EFAULT),
    KEXEC(KEXEC_CMD_kexec_unload, &kexec_bad, -EINVAL),
    KEXEC(KEXEC_CMD_kexec_unload, &kexec_default, 0),
    KEXEC(KEXEC_CMD_kexec_status, BAD_POINTER, -EFAULT),
    KEXEC(KEXEC_CMD_kexec_status, &kexec_bad, -EINVAL),
    /* Xen's status is the slot bit, flipped by each unload. */
    KEXEC(KEXEC_CMD_kexec_status, &kexec_default, 1),
    KEXEC(KEXEC_CMD_kexec_unload, &kexec_default, 0),
    KEXEC(KEXEC_CMD_kexec_status, &kexec_default, 0),
    KEXEC(KEXEC_CMD_kexec_status, &kexec_crash, 0),
    KEXEC(KEXEC_CMD_kexec_unload, &kexec_crash, 0),
    KEXEC(KEXEC_CMD_kexec_status, &kexec_crash, 1),
    KEXEC(KEXEC_CMD_kexec_unload, &kexec_crash, 0),
    KEXEC(KEXEC_CMD_kexec_status, &kexec_crash, 0),
    KEXEC(100, 0, 0),
};

static void setup(void)
{
    unsigned long pfn = (U(eoi_page) - 0xffffffff80000000UL) >> 12;

    mca_bad.version = XEN_MCA_INTERFACE_VERSION - 1;
    mca_cmd.version = XEN_MCA_INTERFACE_VERSION;
    mca_cmd.cmd = 99;
    mca_cpus.version = XEN_MCA_INTERFACE_VERSION;
    mca_cpus.cmd = XEN_MC_physcpuinfo;
    domctl_init(&shadow_old, XEN_DOMCTL_shadow_op, 0);
    shadow_old.interface_version--;
    domctl_init(&shadow_none, XEN_DOMCTL_shadow_op, NO_DOMAIN);
    compat_iopl.cmd = PHYSDEVOP_set_iopl;
    compat_iopl.u.set_iopl.iopl = 1;
    compat_query.cmd = PHYSDEVOP_irq_status_query;
    compat_query.u.irq_status_query.irq = 0xffffffff;
    query.irq = 100000;
    eoi_bad.gmfn = ~0UL;
    eoi_own.gmfn = ((const xen_pfn_t *)start_info->mfn_list)[pfn];
    xatp_self.domid = DOMID_SELF;
    xatp_foreign.domid = DOMID_SELF;
    xatp_foreign.space = XENMAPSPACE_gmfn_foreign;
    xatp_none.domid = NO_DOMAIN;
    xatpb_self.domid = DOMID_SELF;
    xatpb_range.domid = DOMID_SELF;
    xatpb_range.space = XENMAPSPACE_gmfn_range;
    xrfp_self.domid = DOMID_SELF;
    access_self.domid = DOMID_SELF;
    access_selfid.domid = 0;
    claim_order.extent_order = 1;
    claim_none.domid = NO_DOMAIN;
    claim_none.nr_extents = 1;
    claim_small.nr_extents = 1;
    vnuma_self.domid = DOMID_SELF;
    vnuma_pad.domid = DOMID_SELF;
    vnuma_pad.pad = 1;
    rdm_all.flags = XENMEM_RDM_ALL;
    rdm_all.nr_entries = 5;
    rdm_flags.flags = 2;
    res_self.type = XENMEM_resource_grant_table;
    res_pad.pad = 1;
    res_none.domid = NO_DOMAIN;
    pod_self.domid = DOMID_SELF;
    pod_none.domid = NO_DOMAIN;
    hvm_self.domid = DOMID_SELF;
    hvm_index.domid = DOMID_SELF;
    hvm_index.index = 39;
    hvm_none.domid = NO_DOMAIN;
    hvm_dom0.domid = 0;
    trace_big.extra_bytes = 29;
    trace_class.event = 1u << 12;
    range_crash.range = 0;
    range_crash.size = range_crash.start = 1;
    range_cpu.range = 2;
    range_cpu.nr = -1;
    range_bad.range = 99;
    load_many.nr_segments = 16;
}

static void test_rows(void)
{
    for ( unsigned int i = 0; i < ARRAY_SIZE(rows); i++ )
    {
        const struct row *r = &rows[i];
        long rc = hypercall2(r->nr, r->a1, r->a2);

        if ( rc != r->want )
            printf("xen-answers: %s: %ld, want %ld\n", r->what, rc, r->want);
        CHECK_EQ(rc, r->want);
    }
    CHECK_EQ(mca_cpus.ncpus, 1);
    CHECK_EQ(rdm_all.nr_entries, 0);
    CHECK(hvm_now > 0);
    CHECK_EQ(range_crash.size, 0);
    CHECK_EQ(range_crash.start, 0);
}

static void test_sysctl(void)
{
    struct xen_sysctl op;
    uint32_t distance = 0;
    struct xen_sysctl_meminfo mem = { 0 };
    uint32_t *pmstat;

    sysctl_init(&op, XEN_SYSCTL_availheap);
    op.u.availheap.node = -1;
    CHECK_EQ(sysctl(&op), 0);
    CHECK(op.u.availheap.avail_bytes > 0);

    sysctl_init(&op, XEN_SYSCTL_cputopoinfo);
    CHECK_EQ(sysctl(&op), 0);
    CHECK_EQ(op.u.cputopoinfo.num_cpus, 1);

    sysctl_init(&op, XEN_SYSCTL_numainfo);
    CHECK_EQ(sysctl(&op), 0);
    CHECK_EQ(op.u.numainfo.num_nodes, 1);
    op.u.numainfo.meminfo.p = &mem;
    op.u.numainfo.distance.p = &distance;
    CHECK_EQ(sysctl(&op), 0);
    CHECK_EQ(distance, 10);
    CHECK(mem.memsize >= mem.memfree && mem.memfree > 0);

    sysctl_init(&op, XEN_SYSCTL_coverage_op);
    CHECK_EQ(sysctl(&op), -EOPNOTSUPP);

    /* get_pmstat: type, then CPU; no P-state driver on QEMU. */
    sysctl_init(&op, XEN_SYSCTL_get_pmstat);
    pmstat = (uint32_t *)op.u.pad;
    pmstat[0] = 0x11;                       /* PMSTAT_get_max_px */
    CHECK_EQ(sysctl(&op), -ENODEV);
    pmstat[0] = 0x31;                       /* no such category */
    CHECK_EQ(sysctl(&op), -ENODEV);
    pmstat[1] = 1000;
    CHECK_EQ(sysctl(&op), -EINVAL);
}

static long platform(struct xen_platform_op *op, uint32_t cmd)
{
    op->cmd = cmd;
    op->interface_version = XENPF_INTERFACE_VERSION;
    return hypercall1(__HYPERVISOR_platform_op, U(op));
}

static void test_platform(void)
{
    struct xen_platform_op op;
    char name[8] = "x";

    /* QEMU's CPUs have 8 variable MTRRs; SeaBIOS leaves the last off. */
    memset(&op, 0, sizeof(op));
    op.u.read_memtype.reg = 7;
    op.u.read_memtype.nr_mfns = 5;
    CHECK_EQ(platform(&op, XENPF_read_memtype), 0);
    CHECK_EQ(op.u.read_memtype.nr_mfns, 0);
    op.u.read_memtype.reg = 8;
    CHECK_EQ(platform(&op, XENPF_read_memtype), -EINVAL);
    /*
     * The CPU's own ranges: SeaBIOS makes the PCI hole up to 4 GiB
     * uncached with the first, and leaves the second off.
     */
    memset(&op, 0, sizeof(op));
    CHECK_EQ(platform(&op, XENPF_read_memtype), 0);
    CHECK(op.u.read_memtype.nr_mfns != 0);
    CHECK_EQ(op.u.read_memtype.mfn + op.u.read_memtype.nr_mfns, 0x100000);
    CHECK_EQ(op.u.read_memtype.type, 0);
    memset(&op, 0, sizeof(op));
    op.u.read_memtype.reg = 1;
    CHECK_EQ(platform(&op, XENPF_read_memtype), 0);
    CHECK_EQ(op.u.read_memtype.nr_mfns, 0);

    memset(&op, 0, sizeof(op));
    op.u.symdata.symnum = ~0u;
    op.u.symdata.namelen = sizeof(name);
    op.u.symdata.name.p = name;
    CHECK_EQ(platform(&op, XENPF_get_symbol), -ERANGE);
    CHECK_EQ(name[0], 'x');
}

void test_main(void)
{
    setup();
    test_rows();
    test_sysctl();
    test_platform();
}
