/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libctl's xc_* calls over the fake hypervisor: what each one puts on the
 * wire at interface version 0x15, what it makes of the answers, and that
 * every buffer it hands the hypervisor is hypercall memory (the fake
 * refuses any other with -EFAULT).
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <CUnit/Basic.h>

#include "libctl.h"
#include "xenctrl.h"
#include "xenevtchn.h"
#include "xenforeignmemory.h"
#include "xengnttab.h"
#include "backend.h"
#include "fake/fake.h"

static struct fake_hv *hv;
static xc_interface *xch;

static void setup(void)
{
    struct fake_config cfg = { .nr_frames = 8192, .nr_cpus = 4 };

    hv = fake_hv_create(&cfg);
    CU_ASSERT_PTR_NOT_NULL_FATAL(hv);
    xch = xc_interface_open(NULL, NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xch);
}

static void teardown(void)
{
    xc_interface_close(xch);
    xch = NULL;
    fake_hv_destroy(hv);
    hv = NULL;
}

/* A PV domain as a toolstack asks for one. */
static uint32_t new_domain(unsigned int vcpus)
{
    struct xen_domctl_createdomain c;
    uint32_t domid = 0;

    memset(&c, 0, sizeof(c));
    c.max_vcpus = vcpus;
    c.max_evtchn_port = 1023;
    c.max_grant_frames = -1;
    c.max_maptrack_frames = -1;
    c.grant_opts = XEN_DOMCTL_GRANT_version(1);
    CU_ASSERT_EQUAL(xc_domain_create(xch, &domid, &c), 0);
    CU_ASSERT_EQUAL(xc_domain_max_vcpus(xch, domid, vcpus), 0);
    return domid;
}

static void test_open_dummy(void)
{
    xc_interface *dummy = xc_interface_open(NULL, NULL, XC_OPENFLAG_DUMMY);
    xc_physinfo_t info;

    CU_ASSERT_PTR_NOT_NULL_FATAL(dummy);
    errno = 0;
    CU_ASSERT_EQUAL(xc_physinfo(dummy, &info), -1);
    CU_ASSERT_EQUAL(errno, ENODEV);
    CU_ASSERT_PTR_NOT_NULL(strstr(xc_get_last_error(dummy)->message,
                                  "physinfo"));
    xc_interface_close(dummy);
    CU_ASSERT_PTR_NULL(xc_interface_open((xentoollog_logger *)1, NULL, 0));
}

static void test_version(void)
{
    xen_extraversion_t extra;
    xen_capabilities_info_t caps;

    CU_ASSERT_EQUAL(xc_version(xch, XENVER_version, NULL), 0x40011);
    CU_ASSERT_EQUAL(xc_version(xch, XENVER_extraversion, extra), 0);
    CU_ASSERT_STRING_EQUAL(extra, ".0-fake");
    CU_ASSERT_EQUAL(xc_version(xch, XENVER_capabilities, caps), 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(caps, "xen-3.0-x86_64"));
    CU_ASSERT_EQUAL(xc_version(xch, XENVER_extraversion, NULL), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
}

static void test_physinfo(void)
{
    xc_physinfo_t info;
    xc_cpuinfo_t cpus[8];
    int nr = 0, id = 0;

    CU_ASSERT_EQUAL(xc_physinfo(xch, &info), 0);
    CU_ASSERT_EQUAL(hv->last_sysctl.interface_version, 0x15);
    CU_ASSERT_EQUAL(hv->last_sysctl.cmd, XEN_SYSCTL_physinfo);
    CU_ASSERT_EQUAL(info.nr_cpus, 4);
    CU_ASSERT_EQUAL(info.total_pages, 8192);
    CU_ASSERT(info.capabilities & XEN_SYSCTL_PHYSCAP_pv);
    CU_ASSERT_EQUAL(xc_get_max_cpus(xch), 4);
    CU_ASSERT_EQUAL(xc_get_cpumap_size(xch), 1);
    CU_ASSERT_EQUAL(xc_getcpuinfo(xch, 8, cpus, &nr), 0);
    CU_ASSERT_EQUAL(hv->last_sysctl.u.getcpuinfo.max_cpus, 8);
    CU_ASSERT_EQUAL(nr, 4);
    CU_ASSERT_EQUAL(xc_sched_id(xch, &id), 0);
    CU_ASSERT_EQUAL(id, XEN_SCHEDULER_CREDIT2);     /* Xen 4.17's default */
}

static void test_lifecycle(void)
{
    xc_domaininfo_t info;
    uint32_t domid = new_domain(2);

    CU_ASSERT_EQUAL(domid, 1);
    CU_ASSERT_EQUAL(hv->nr_domctls[XEN_DOMCTL_createdomain], 1);
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->config.max_vcpus, 2);
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->config.max_evtchn_port, 1023);
    CU_ASSERT_EQUAL(hv->last_domctl.interface_version, 0x15);
    CU_ASSERT_EQUAL(hv->last_domctl.cmd, XEN_DOMCTL_max_vcpus);
    CU_ASSERT_EQUAL(hv->last_domctl.u.max_vcpus.max, 2);

    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, domid, &info), 0);
    CU_ASSERT_EQUAL(info.domain, domid);
    CU_ASSERT(info.flags & XEN_DOMINF_paused);
    CU_ASSERT_EQUAL(info.max_vcpu_id, 1);
    CU_ASSERT_EQUAL(info.nr_online_vcpus, 0);

    CU_ASSERT_EQUAL(xc_domain_unpause(xch, domid), 0);
    CU_ASSERT_EQUAL(hv->last_domctl.cmd, XEN_DOMCTL_unpausedomain);
    CU_ASSERT_EQUAL(hv->last_domctl.domain, domid);
    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, domid, &info), 0);
    CU_ASSERT_FALSE(info.flags & XEN_DOMINF_paused);
    CU_ASSERT_EQUAL(xc_domain_unpause(xch, domid), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_EQUAL(xc_domain_pause(xch, domid), 0);

    CU_ASSERT_EQUAL(xc_domain_shutdown(xch, domid, SHUTDOWN_reboot), 0);
    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, domid, &info), 0);
    CU_ASSERT_TRUE(dominfo_shutdown_with(&info, SHUTDOWN_reboot));

    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), 0);
    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, domid, &info), -1);
    CU_ASSERT_EQUAL(errno, ESRCH);
    CU_ASSERT_PTR_NOT_NULL(strstr(xc_get_last_error(xch)->message,
                                  "domain 1"));
    CU_ASSERT_EQUAL(fake_nr_domains(hv), 1);
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, domid), -1);
    CU_ASSERT_EQUAL(errno, ESRCH);
}

static void test_create_refusals(void)
{
    struct xen_domctl_createdomain c;
    uint32_t domid;

    memset(&c, 0, sizeof(c));
    c.max_vcpus = 1;
    c.max_grant_frames = c.max_maptrack_frames = -1;
    domid = 0;
    CU_ASSERT_EQUAL(xc_domain_create(xch, &domid, &c), -1); /* grant v0 */
    CU_ASSERT_EQUAL(errno, EINVAL);
    c.grant_opts = XEN_DOMCTL_GRANT_version(1);
    c.flags = XEN_DOMCTL_CDF_hvm;
    CU_ASSERT_EQUAL(xc_domain_create(xch, &domid, &c), -1);
    CU_ASSERT_EQUAL(errno, EOPNOTSUPP);
    c.flags = 0;
    domid = 7;
    CU_ASSERT_EQUAL(xc_domain_create(xch, &domid, &c), 0);
    CU_ASSERT_EQUAL(domid, 7);
    CU_ASSERT_EQUAL(xc_domain_create(xch, &domid, &c), -1);
    CU_ASSERT_EQUAL(errno, EEXIST);
    domid = DOMID_SELF;
    CU_ASSERT_EQUAL(xc_domain_create(xch, &domid, &c), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
}

static void test_getinfolist(void)
{
    xc_domaininfo_t info[8];
    uint32_t a = new_domain(1), b = new_domain(1), c = new_domain(1);

    CU_ASSERT_EQUAL(xc_domain_getinfolist(xch, 0, 8, info), 4);
    CU_ASSERT_EQUAL(hv->last_sysctl.cmd, XEN_SYSCTL_getdomaininfolist);
    CU_ASSERT_EQUAL(hv->last_sysctl.u.getdomaininfolist.max_domains, 8);
    CU_ASSERT_EQUAL(info[0].domain, 0);
    CU_ASSERT_EQUAL(info[1].domain, a);
    CU_ASSERT_EQUAL(info[2].domain, b);
    CU_ASSERT_EQUAL(info[3].domain, c);
    CU_ASSERT_EQUAL(xc_domain_getinfolist(xch, b, 8, info), 2);
    CU_ASSERT_EQUAL(info[0].domain, b);
    CU_ASSERT_EQUAL(xc_domain_getinfolist(xch, 1, 1, info), 1);
    CU_ASSERT_EQUAL(info[0].domain, a);
    CU_ASSERT_EQUAL(xc_domain_getinfolist(xch, c + 1, 8, info), 0);
    /* getinfo_single does not take the next domain for a missing one. */
    CU_ASSERT_EQUAL(xc_domain_destroy(xch, b), 0);
    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, b, info), -1);
    CU_ASSERT_EQUAL(errno, ESRCH);
}

static void test_limits(void)
{
    uint32_t domid = new_domain(2);
    xc_domaininfo_t info;
    unsigned int width = 0;

    CU_ASSERT_EQUAL(xc_domain_setmaxmem(xch, domid, 132096), 0);
    CU_ASSERT_EQUAL(hv->last_domctl.cmd, XEN_DOMCTL_max_mem);
    CU_ASSERT_EQUAL(hv->last_domctl.u.max_mem.max_memkb, 132096);
    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, domid, &info), 0);
    CU_ASSERT_EQUAL(info.max_pages, 132096 / 4);

    CU_ASSERT_EQUAL(xc_domain_max_vcpus(xch, domid, 2), 0);
    CU_ASSERT_EQUAL(hv->last_domctl.u.max_vcpus.max, 2);
    CU_ASSERT_EQUAL(xc_domain_max_vcpus(xch, domid, 3), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);

    CU_ASSERT_EQUAL(xc_domain_set_address_size(xch, domid, 64), 0);
    CU_ASSERT_EQUAL(xc_domain_get_guest_width(xch, domid, &width), 0);
    CU_ASSERT_EQUAL(width, 8);
    CU_ASSERT_EQUAL(xc_domain_set_memmap_limit(xch, domid, 262144), 0);
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->memmap_kib, 262144);
    CU_ASSERT_EQUAL(xc_domain_set_time_offset(xch, domid, -3600), 0);
    CU_ASSERT_EQUAL(fake_domain(hv, domid)->time_offset, -3600);
}

static void test_handle(void)
{
    xen_domain_handle_t h = { 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0,
                              1, 2, 3, 4, 5, 6, 7, 8 };
    uint32_t domid = new_domain(1);
    xc_domaininfo_t info;

    CU_ASSERT_EQUAL(xc_domain_sethandle(xch, domid, h), 0);
    CU_ASSERT_EQUAL(xc_domain_getinfo_single(xch, domid, &info), 0);
    CU_ASSERT_EQUAL(memcmp(info.handle, h, sizeof(h)), 0);
}

static void test_vcpu_context(void)
{
    struct xen_domctl_createdomain c;
    vcpu_guest_context_any_t ctxt;
    xc_vcpuinfo_t vinfo;
    uint32_t domid = 0;

    /* createdomain only sizes the VCPUs: max_vcpus makes them. */
    memset(&c, 0, sizeof(c));
    c.max_vcpus = 2;
    c.max_grant_frames = c.max_maptrack_frames = -1;
    c.grant_opts = XEN_DOMCTL_GRANT_version(1);
    CU_ASSERT_EQUAL_FATAL(xc_domain_create(xch, &domid, &c), 0);
    CU_ASSERT_EQUAL(xc_vcpu_getinfo(xch, domid, 0, &vinfo), -1);
    CU_ASSERT_EQUAL(errno, ESRCH);
    CU_ASSERT_EQUAL(xc_domain_max_vcpus(xch, domid, 2), 0);

    memset(&ctxt, 0, sizeof(ctxt));
    CU_ASSERT_EQUAL(xc_vcpu_getcontext(xch, domid, 0, &ctxt), -1);
    CU_ASSERT_EQUAL(errno, ENODATA);
    CU_ASSERT_EQUAL(hv->last_domctl.cmd, XEN_DOMCTL_getvcpucontext);
    ctxt.c.user_regs.cs = FLAT_KERNEL_CS;
    ctxt.c.user_regs.ss = FLAT_KERNEL_SS;
    ctxt.c.kernel_ss = FLAT_KERNEL_SS;
    ctxt.c.ctrlreg[3] = 0x1000;        /* not the domain's frame */
    CU_ASSERT_EQUAL(xc_vcpu_setcontext(xch, domid, 1, &ctxt), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_EQUAL(hv->last_domctl.u.vcpucontext.vcpu, 1);
    CU_ASSERT_EQUAL(xc_vcpu_setcontext(xch, domid, 2, &ctxt), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_EQUAL(xc_vcpu_getinfo(xch, domid, 1, &vinfo), 0);
    CU_ASSERT_EQUAL(vinfo.online, 0);
}

static void test_affinity(void)
{
    uint32_t domid = new_domain(2);
    xc_cpumap_t hard = xc_cpumap_alloc(xch), soft = xc_cpumap_alloc(xch);

    CU_ASSERT_PTR_NOT_NULL_FATAL(hard);
    CU_ASSERT_PTR_NOT_NULL_FATAL(soft);
    xc_cpumap_setcpu(1, hard);
    xc_cpumap_setcpu(3, hard);
    CU_ASSERT_EQUAL(xc_vcpu_setaffinity(xch, domid, 1, hard, NULL,
                                        XEN_VCPUAFFINITY_HARD), 0);
    CU_ASSERT_EQUAL(hv->last_domctl.u.vcpuaffinity.vcpu, 1);
    CU_ASSERT_EQUAL(hv->last_domctl.u.vcpuaffinity.cpumap_hard.nr_bits, 8);
    memset(hard, 0, 1);
    CU_ASSERT_EQUAL(xc_vcpu_getaffinity(xch, domid, 1, hard, soft,
                                        XEN_VCPUAFFINITY_HARD |
                                        XEN_VCPUAFFINITY_SOFT), 0);
    CU_ASSERT_EQUAL(hard[0], 0x0a);
    CU_ASSERT_EQUAL(soft[0], 0x0a);     /* effective: soft within hard */
    CU_ASSERT_TRUE(xc_cpumap_testcpu(3, hard));
    CU_ASSERT_FALSE(xc_cpumap_testcpu(0, hard));

    /* No online CPU in the map: refused, as by Xen. */
    hard[0] = 0x80;
    CU_ASSERT_EQUAL(xc_vcpu_setaffinity(xch, domid, 0, hard, NULL,
                                        XEN_VCPUAFFINITY_HARD), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_EQUAL(xc_vcpu_setaffinity(xch, domid, 0, NULL, NULL,
                                        XEN_VCPUAFFINITY_HARD), -1);
    free(hard);
    free(soft);
}

static void test_sched_credit2(void)
{
    uint32_t domid = new_domain(2);
    struct xen_domctl_sched_credit2 s = { .weight = 128, .cap = 150 };
    struct xen_domctl_sched_credit s1 = { .weight = 512 };

    /* The domain's scheduler is credit2: credit calls are refused. */
    CU_ASSERT_EQUAL(xc_sched_credit_domain_set(xch, domid, &s1), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_EQUAL(xc_sched_credit2_domain_set(xch, domid, &s), 0);
    CU_ASSERT_EQUAL(hv->last_domctl.u.scheduler_op.sched_id,
                    XEN_SCHEDULER_CREDIT2);
    memset(&s, 0, sizeof(s));
    CU_ASSERT_EQUAL(xc_sched_credit2_domain_get(xch, domid, &s), 0);
    CU_ASSERT_EQUAL(s.weight, 128);
    CU_ASSERT_EQUAL(s.cap, 150);
    s.cap = 201;                    /* over 100 per VCPU */
    CU_ASSERT_EQUAL(xc_sched_credit2_domain_set(xch, domid, &s), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
}

static void test_sched_credit(void)
{
    uint32_t domid = new_domain(1);
    struct xen_domctl_sched_credit s = { .weight = 512, .cap = 50 };

    hv->cfg.credit1 = true;
    CU_ASSERT_EQUAL(xc_sched_credit_domain_set(xch, domid, &s), 0);
    CU_ASSERT_EQUAL(hv->last_domctl.cmd, XEN_DOMCTL_scheduler_op);
    CU_ASSERT_EQUAL(hv->last_domctl.u.scheduler_op.sched_id,
                    XEN_SCHEDULER_CREDIT);
    CU_ASSERT_EQUAL(hv->last_domctl.u.scheduler_op.cmd,
                    XEN_DOMCTL_SCHEDOP_putinfo);
    memset(&s, 0, sizeof(s));
    CU_ASSERT_EQUAL(xc_sched_credit_domain_get(xch, domid, &s), 0);
    CU_ASSERT_EQUAL(s.weight, 512);
    CU_ASSERT_EQUAL(s.cap, 50);
    /* Weight 0 and cap 0xffff leave the values as they are. */
    s.weight = 0;
    s.cap = 0xffff;
    CU_ASSERT_EQUAL(xc_sched_credit_domain_set(xch, domid, &s), 0);
    CU_ASSERT_EQUAL(xc_sched_credit_domain_get(xch, domid, &s), 0);
    CU_ASSERT_EQUAL(s.weight, 512);
    CU_ASSERT_EQUAL(s.cap, 50);
}

static void test_console(void)
{
    char buf[256];
    unsigned int n = sizeof(buf) - 1;
    uint32_t index = 0;

    CU_ASSERT_EQUAL(xc_readconsolering(xch, buf, &n, 0, 1, &index), 0);
    buf[n] = '\0';
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, "fake hypervisor"));
    CU_ASSERT_EQUAL(index, n);
    fake_console_write(hv, "(XEN) more\n");
    n = sizeof(buf) - 1;
    CU_ASSERT_EQUAL(xc_readconsolering(xch, buf, &n, 0, 1, &index), 0);
    buf[n] = '\0';
    CU_ASSERT_STRING_EQUAL(buf, "(XEN) more\n");
    /* Room for 4 bytes gets 4. */
    n = 4;
    CU_ASSERT_EQUAL(xc_readconsolering(xch, buf, &n, 1, 0, NULL), 0);
    CU_ASSERT_EQUAL(n, 4);
    CU_ASSERT_EQUAL(hv->last_sysctl.u.readconsole.clear, 1);
    n = sizeof(buf);
    CU_ASSERT_EQUAL(xc_readconsolering(xch, buf, &n, 0, 0, NULL), 0);
    CU_ASSERT_EQUAL(n, 0);
}

static void test_populate(void)
{
    uint32_t domid = new_domain(1);
    xen_pfn_t pfns[16];
    struct fake_frame *f;
    unsigned int i;

    for ( i = 0; i < 16; i++ )
        pfns[i] = i;
    CU_ASSERT_EQUAL(xc_domain_setmaxmem(xch, domid, 48), 0);   /* 12 pages */
    CU_ASSERT_EQUAL(xc_domain_populate_physmap_exact(xch, domid, 8, 0, 0,
                                                     pfns), 0);
    for ( i = 0; i < 8; i++ )
    {
        f = fake_frame_info(hv, pfns[i]);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        CU_ASSERT_EQUAL(f->owner, domid);
        CU_ASSERT_EQUAL(f->gpfn, i);
        CU_ASSERT_NOT_EQUAL(pfns[i], i);
    }
    CU_ASSERT_EQUAL(xc_get_tot_pages(xch, domid), 8);
    /* Over max_mem: only what fits, and _exact says so. */
    CU_ASSERT_EQUAL(xc_domain_populate_physmap(xch, domid, 8, 0, 0,
                                               pfns + 8), 4);
    CU_ASSERT_EQUAL(xc_domain_populate_physmap_exact(xch, domid, 1, 0, 0,
                                                     pfns + 12), -1);
    CU_ASSERT_EQUAL(errno, ENOMEM);
    CU_ASSERT_EQUAL(xc_domain_decrease_reservation_exact(xch, domid, 2, 0,
                                                         pfns), 0);
    CU_ASSERT_EQUAL(xc_get_tot_pages(xch, domid), 10);
}

static void test_foreign_map(void)
{
    uint32_t a = new_domain(1), b = new_domain(1);
    xenforeignmemory_handle *fmem;
    xen_pfn_t pa = 0, pb = 0, both[2];
    int err[2];
    uint8_t *p;

    CU_ASSERT_EQUAL(xc_domain_populate_physmap_exact(xch, a, 1, 0, 0, &pa),
                    0);
    CU_ASSERT_EQUAL(xc_domain_populate_physmap_exact(xch, b, 1, 0, 0, &pb),
                    0);
    p = xc_map_foreign_range(xch, a, XC_PAGE_SIZE, PROT_READ | PROT_WRITE,
                             pa);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    memcpy(p, "hello", 6);
    CU_ASSERT_STRING_EQUAL((char *)fake_frame_ptr(hv, pa), "hello");
    CU_ASSERT_EQUAL(fake_frame_info(hv, pa)->wmaps, 1);
    munmap(p, XC_PAGE_SIZE);

    /* Another domain's frame: refused, per frame with an error array. */
    CU_ASSERT_PTR_NULL(xc_map_foreign_range(xch, a, XC_PAGE_SIZE,
                                            PROT_READ, pb));
    CU_ASSERT_EQUAL(errno, EPERM);
    both[0] = pa;
    both[1] = pb;
    fmem = xenforeignmemory_open(NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fmem);
    p = xenforeignmemory_map(fmem, a, PROT_READ, 2, both, err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_EQUAL(err[0], 0);
    CU_ASSERT_EQUAL(err[1], -EPERM);
    CU_ASSERT_STRING_EQUAL((char *)p, "hello");
    CU_ASSERT_EQUAL(xenforeignmemory_unmap(fmem, p, 2), 0);
    CU_ASSERT_PTR_NULL(xenforeignmemory_map(fmem, a, PROT_READ, 2, both,
                                            NULL));
    CU_ASSERT_EQUAL(errno, EPERM);
    xenforeignmemory_close(fmem);
    CU_ASSERT_EQUAL(fake_nr_mappings(hv), 0);

    CU_ASSERT_EQUAL(xc_clear_domain_page(xch, a, pa), 0);
    CU_ASSERT_EQUAL(((char *)fake_frame_ptr(hv, pa))[0], 0);
}

static void test_evtchn(void)
{
    uint32_t domid = new_domain(1);
    xc_evtchn_status_t st;
    xenevtchn_handle *xce;
    struct pollfd pfd;
    int port, local;

    port = xc_evtchn_alloc_unbound(xch, domid, 0);
    CU_ASSERT(port > 0);
    memset(&st, 0, sizeof(st));
    st.dom = (domid_t)domid;
    st.port = (evtchn_port_t)port;
    CU_ASSERT_EQUAL(xc_evtchn_status(xch, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    CU_ASSERT_EQUAL(st.u.unbound.dom, 0);
    CU_ASSERT_EQUAL(xc_evtchn_alloc_unbound(xch, 99, 0), -1);
    CU_ASSERT_EQUAL(errno, ESRCH);

    xce = xenevtchn_open(NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xce);
    local = xenevtchn_bind_interdomain(xce, domid, (evtchn_port_t)port);
    CU_ASSERT(local > 0);
    CU_ASSERT_EQUAL(xc_evtchn_status(xch, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_interdomain);
    CU_ASSERT_EQUAL(st.u.interdomain.port, local);
    CU_ASSERT_EQUAL(xenevtchn_pending(xce), -1);
    CU_ASSERT_EQUAL(errno, EAGAIN);

    CU_ASSERT_EQUAL(fake_guest_notify(hv, domid, (uint32_t)port), 0);
    pfd.fd = xenevtchn_fd(xce);
    pfd.events = POLLIN;
    CU_ASSERT_EQUAL(poll(&pfd, 1, 0), 1);
    CU_ASSERT_EQUAL(xenevtchn_pending(xce), local);
    CU_ASSERT_EQUAL(xenevtchn_unmask(xce, (evtchn_port_t)local), 0);
    CU_ASSERT_EQUAL(xenevtchn_notify(xce, (evtchn_port_t)local), 0);
    CU_ASSERT_TRUE(fake_domain(hv, domid)->ports[port].pending);
    CU_ASSERT_EQUAL(xenevtchn_unbind(xce, (evtchn_port_t)local), 0);
    CU_ASSERT_EQUAL(xc_evtchn_status(xch, &st), 0);
    CU_ASSERT_EQUAL(st.status, EVTCHNSTAT_unbound);
    xenevtchn_close(xce);
}

static void seed_and_map(bool resource)
{
    uint32_t domid = new_domain(1);
    struct fake_domain *d = fake_domain(hv, domid);
    grant_entry_v1_t *table = fake_frame_ptr(hv, d->gnttab_mfn);
    xen_pfn_t pfns[2] = { 0, 1 };
    xengnttab_handle *xgt;
    char *p;

    hv->cfg.no_resource = !resource;
    CU_ASSERT_EQUAL(xc_domain_populate_physmap_exact(xch, domid, 2, 0, 0,
                                                     pfns), 0);
    CU_ASSERT_EQUAL(xc_dom_gnttab_seed(xch, domid, false, pfns[0], pfns[1],
                                       0, 0), 0);
    CU_ASSERT_EQUAL(table[GNTTAB_RESERVED_CONSOLE].flags, GTF_permit_access);
    CU_ASSERT_EQUAL(table[GNTTAB_RESERVED_CONSOLE].frame, pfns[0]);
    CU_ASSERT_EQUAL(table[GNTTAB_RESERVED_XENSTORE].domid, 0);
    CU_ASSERT_EQUAL(table[GNTTAB_RESERVED_XENSTORE].frame, pfns[1]);
    CU_ASSERT_EQUAL(fake_nr_mappings(hv), 0);
    strcpy(fake_frame_ptr(hv, pfns[1]), "store ring");

    xgt = xengnttab_open(NULL, 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xgt);
    p = xengnttab_map_grant_ref(xgt, domid, GNTTAB_RESERVED_XENSTORE,
                                PROT_READ | PROT_WRITE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT_STRING_EQUAL(p, "store ring");
    CU_ASSERT_EQUAL(xengnttab_unmap(xgt, p, 1), 0);
    CU_ASSERT_PTR_NULL(xengnttab_map_grant_ref(xgt, domid, 5, PROT_READ));
    CU_ASSERT_EQUAL(errno, EPERM);
    xengnttab_close(xgt);
}

static void test_gnttab_seed_resource(void)
{
    seed_and_map(true);
}

static void test_gnttab_seed_setup_table(void)
{
    uint64_t before = hv->nr_hypercalls[__HYPERVISOR_grant_table_op];

    seed_and_map(false);
    CU_ASSERT(hv->nr_hypercalls[__HYPERVISOR_grant_table_op] > before);
}

static void test_gntshr(void)
{
    uint32_t domid = new_domain(1);
    struct fake_domain *d0 = fake_domain(hv, 0);
    grant_entry_v1_t *table = fake_frame_ptr(hv, d0->gnttab_mfn);
    xengntshr_handle *xgs = xengntshr_open(NULL, 0);
    uint32_t refs[2];
    uint8_t *p;

    CU_ASSERT_PTR_NOT_NULL_FATAL(xgs);
    p = xengntshr_share_pages(xgs, domid, 2, refs, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(p);
    CU_ASSERT(refs[0] >= GNTTAB_NR_RESERVED_ENTRIES);
    CU_ASSERT_NOT_EQUAL(refs[0], refs[1]);
    CU_ASSERT_EQUAL(table[refs[1]].domid, domid);
    CU_ASSERT_EQUAL(table[refs[1]].flags, GTF_permit_access);
    p[XC_PAGE_SIZE] = 42;
    CU_ASSERT_EQUAL(((uint8_t *)fake_frame_ptr(hv, table[refs[1]].frame))[0],
                    42);
    CU_ASSERT_EQUAL(xengntshr_unshare(xgs, p, 2), 0);
    CU_ASSERT_EQUAL(table[refs[0]].flags, 0);
    xengntshr_close(xgs);
    CU_ASSERT_EQUAL(fake_nr_mappings(hv), 0);
}

/* The fake refuses what a careless caller would hand the hypervisor. */
static void test_unbounced_refused(void)
{
    const struct libctl_backend *be = libctl_get_backend();
    struct xen_domctl d;
    uint64_t arg[5] = { (uintptr_t)&d, 0, 0, 0, 0 };
    void *priv = NULL;

    CU_ASSERT_EQUAL(be->priv_open(&priv), 0);
    memset(&d, 0, sizeof(d));
    d.interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    d.cmd = XEN_DOMCTL_getdomaininfo;
    CU_ASSERT_EQUAL(be->hypercall(priv, __HYPERVISOR_domctl, arg), -EFAULT);
    be->priv_close(priv);
}

static void test_mmuext_refusal(void)
{
    uint32_t domid = new_domain(1);
    struct mmuext_op op;
    xen_pfn_t pfn = 0;

    CU_ASSERT_EQUAL(xc_domain_populate_physmap_exact(xch, domid, 1, 0, 0,
                                                     &pfn), 0);
    /* An L4 whose slot 0 points at another domain's frame. */
    ((uint64_t *)fake_frame_ptr(hv, pfn))[0] =
        ((uint64_t)fake_domain(hv, 0)->gnttab_mfn << 12) | 7;
    memset(&op, 0, sizeof(op));
    op.cmd = MMUEXT_PIN_L4_TABLE;
    op.arg1.mfn = pfn;
    CU_ASSERT_EQUAL(xc_mmuext_op(xch, &op, 1, domid), -1);
    CU_ASSERT_EQUAL(errno, EINVAL);
    CU_ASSERT_PTR_NOT_NULL(strstr(xc_get_last_error(xch)->message,
                                  "mmuext_op"));
    /* Emptied, it pins; pinning twice is refused. */
    ((uint64_t *)fake_frame_ptr(hv, pfn))[0] = 0;
    CU_ASSERT_EQUAL(xc_mmuext_op(xch, &op, 1, domid), 0);
    CU_ASSERT_EQUAL(fake_frame_info(hv, pfn)->type, FT_L4);
    CU_ASSERT_EQUAL(xc_mmuext_op(xch, &op, 1, domid), -1);
    /* A pinned table cannot be mapped writable. */
    CU_ASSERT_PTR_NULL(xc_map_foreign_range(xch, domid, XC_PAGE_SIZE,
                                            PROT_READ | PROT_WRITE, pfn));
    op.cmd = MMUEXT_UNPIN_TABLE;
    CU_ASSERT_EQUAL(xc_mmuext_op(xch, &op, 1, domid), 0);
    CU_ASSERT_EQUAL(fake_frame_info(hv, pfn)->type, FT_NONE);
}

static void test_raw_domctl(void)
{
    struct xen_domctl d;

    memset(&d, 0, sizeof(d));
    d.cmd = 9999;
    d.domain = 0;
    d.interface_version = 0x11;     /* overwritten with 0x15 */
    CU_ASSERT_EQUAL(xc_domctl(xch, &d), -1);
    CU_ASSERT_EQUAL(errno, ENOSYS);
    CU_ASSERT_EQUAL(hv->last_domctl.interface_version, 0x15);
}

static CU_TestInfo tests[] = {
    { "dummy and bad opens", test_open_dummy },
    { "xen_version", test_version },
    { "physinfo, cpuinfo, sched_id", test_physinfo },
    { "create, pause, shutdown, destroy", test_lifecycle },
    { "createdomain refusals", test_create_refusals },
    { "getdomaininfolist", test_getinfolist },
    { "max_mem, max_vcpus, address size", test_limits },
    { "domain handle", test_handle },
    { "vcpu context", test_vcpu_context },
    { "vcpu affinity", test_affinity },
    { "credit scheduler", test_sched_credit },
    { "credit2 scheduler", test_sched_credit2 },
    { "console ring", test_console },
    { "populate and release", test_populate },
    { "foreign mappings", test_foreign_map },
    { "event channels", test_evtchn },
    { "grant seed via resource", test_gnttab_seed_resource },
    { "grant seed via setup_table", test_gnttab_seed_setup_table },
    { "granting pages", test_gntshr },
    { "unbounced buffers refused", test_unbounced_refused },
    { "mmuext pin rules", test_mmuext_refusal },
    { "raw domctl", test_raw_domctl },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "libctl", NULL, NULL, setup, teardown, tests },
    CU_SUITE_INFO_NULL,
};

int main(void)
{
    unsigned int failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    if ( CU_register_suites(suites) != CUE_SUCCESS )
        return 99;
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
