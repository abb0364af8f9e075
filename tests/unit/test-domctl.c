/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host tests of domain control: common/domain.c (lifecycle, pauses,
 * shutdown, destruction), domctl*.c and sysctl*.c, through do_domctl()
 * and do_sysctl() as a guest calls them, over a counting page allocator
 * with fault injection, the real event channels and credit parameters,
 * and stand-ins for the arch and time code.
 */
#include <CUnit/CUnit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/domctl.h>
#include <hv/event.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <hv/sched.h>
#include <hv/time.h>
#include <asm/page.h>
#include <public/domctl.h>
#include <public/sysctl.h>
#include <public/event_channel.h>
#include <public/sched.h>

#include "harness/harness.h"

/* --- a page allocator that counts, and fails when told -------------------- */

#define TOTAL_PAGES 100000UL

static long pages_out;          /* frames handed out, not yet back */
static int alloc_calls;
static int alloc_fail_at = -1;  /* the allocation (from 0) that fails */

paddr_t alloc_pages(unsigned int order)
{
    size_t bytes = (size_t)PAGE_SIZE << order;
    void *p;

    if ( alloc_calls++ == alloc_fail_at )
        return 0;
    p = aligned_alloc(bytes, bytes);
    if ( !p )
        return 0;
    pages_out += 1L << order;
    return (paddr_t)((uintptr_t)p - DIRECTMAP_VIRT_START);
}

void free_pages(paddr_t pa, unsigned int order)
{
    free(maddr_to_virt(pa));
    pages_out -= 1L << order;
}

paddr_t alloc_zeroed_page(void)
{
    paddr_t pa = alloc_pages(0);

    if ( pa )
        memset(maddr_to_virt(pa), 0, PAGE_SIZE);
    return pa;
}

unsigned long free_page_count(void)
{
    return TOTAL_PAGES - pages_out;
}

unsigned long total_page_count(void)
{
    return TOTAL_PAGES;
}

unsigned long max_page = TOTAL_PAGES + 42;

/* --- guest memory: anything outside it faults ----------------------------- */

static uint8_t guest_mem[64 * 1024] __attribute__((aligned(64)));
#define GVA(p) ((guest_va_t)(uintptr_t)(p))
#define BAD_GVA ((guest_va_t)1)

static bool in_guest(const void *p, size_t n)
{
    const uint8_t *b = p;

    return b >= guest_mem && n <= sizeof(guest_mem) &&
           b <= guest_mem + sizeof(guest_mem) - n;
}

unsigned long raw_copy_from_guest(void *to, const void *from, size_t n)
{
    if ( !in_guest(from, n) )
        return n;
    memcpy(to, from, n);
    return 0;
}

unsigned long raw_copy_to_guest(void *to, const void *from, size_t n)
{
    if ( !in_guest(to, n) )
        return n;
    memcpy(to, from, n);
    return 0;
}

/* Request blocks live in guest memory, as a guest would pass them. */
static struct xen_domctl *const gop = (struct xen_domctl *)guest_mem;
static struct xen_sysctl *const gsop = (struct xen_sysctl *)guest_mem;
static uint8_t *const gbuf = guest_mem + 4096;

/* --- the CPU, time and scheduling as the code under test sees them -------- */

static struct vcpu *cur;
static unsigned int nr_cpus = 1;
static uint64_t now_ns = 1000000;

struct vcpu *current_vcpu(void)
{
    return cur;
}

unsigned int arch_nr_cpus(void)
{
    return nr_cpus;
}

uint64_t arch_now(void)
{
    return now_ns;
}

void vcpu_kick(struct vcpu *v)
{
}

/* The scheduler only hears of changes here; tests/unit/test-sched-core.c
 * covers what it does with them. */
void sched_add_vcpu(struct vcpu *v)
{
}

void sched_remove_vcpu(struct vcpu *v)
{
}

void sched_vcpu_update(struct vcpu *v)
{
}

void sched_domain_update(struct domain *d)
{
}

void sched_vcpu_sync(struct vcpu *v)
{
}

void sched_domain_sync(struct domain *d)
{
}

void sched_vcpu_affinity(struct vcpu *v)
{
}

void __attribute__((noreturn)) sched_leave_crashed(struct domain *d)
{
    fprintf(stderr, "d%u crashed\n", d->domain_id);
    abort();
}

static int wallclock_updates;

void domain_time_init(struct domain *d)
{
}

void vcpu_time_init(struct vcpu *v)
{
    v->time.runstate.state = RUNSTATE_offline;
}

void update_domain_wallclock_time(struct domain *d)
{
    wallclock_updates++;
}

void vcpu_runstate_get(struct vcpu *v, struct vcpu_runstate_info *r)
{
    *r = v->time.runstate;
}

void timer_stop(struct timer *t)
{
    t->active = false;
}

void __attribute__((noreturn)) machine_exit(unsigned int code)
{
    fprintf(stderr, "machine_exit(%#x)\n", code);
    abort();
}

/* A console ring of 64 bytes, to see history being lost. */
#define RING 64
static char ring[RING];
static uint64_t ring_prod;

static void ring_puts(const char *s)
{
    while ( *s )
        ring[ring_prod++ % RING] = *s++;
}

size_t console_ring_read(char *buf, size_t len, uint64_t *pos)
{
    size_t n = 0;

    if ( ring_prod > RING && *pos < ring_prod - RING )
        *pos = ring_prod - RING;
    if ( *pos > ring_prod )
        *pos = ring_prod;
    while ( n < len && *pos < ring_prod )
        buf[n++] = ring[(*pos)++ % RING];
    return n;
}

/* Grant tables have tests of their own; here they hold nothing. */
int grant_table_init(struct domain *d, int frames, int maptrack,
                     unsigned int opts)
{
    return 0;
}

void grant_table_relinquish(struct domain *d)
{
}

void grant_table_destroy(struct domain *d)
{
}

bool grant_table_in_use(const struct domain *d)
{
    return false;
}

/* --- the arch, reduced to what common code relies on ---------------------- */

static int relinquish_calls;
static bool frames_held_elsewhere;

int arch_sanitise_domain_config(struct xen_domctl_createdomain *c)
{
    if ( (c->flags & (XEN_DOMCTL_CDF_hvm | XEN_DOMCTL_CDF_s3_integrity |
                      XEN_DOMCTL_CDF_nested_virt)) ||
         c->max_vcpus > HV_MAX_VCPUS || (c->arch.misc_flags & ~1u) )
        return -EINVAL;
    c->flags |= XEN_DOMCTL_CDF_oos_off;
    return 0;
}

int arch_domain_create(struct domain *d,
                       const struct xen_domctl_createdomain *c)
{
    uint32_t em = c->arch.emulation_flags | (d->domain_id ? 0 :
                                             XEN_X86_EMU_PIT);

    if ( em & ~XEN_X86_EMU_ALL )
        return -EINVAL;
    if ( em && em != XEN_X86_EMU_PIT )
        return -EOPNOTSUPP;
    d->arch.emulation_flags = em;
    return 0;
}

void arch_domain_destroy(struct domain *d)
{
}

int arch_vcpu_create(struct vcpu *v)
{
    return 0;
}

void arch_vcpu_destroy(struct vcpu *v)
{
}

int arch_domain_relinquish(struct domain *d)
{
    relinquish_calls++;
    return 0;
}

bool arch_domain_may_free(const struct domain *d)
{
    return !frames_held_elsewhere;
}

/* The context stand-in keeps the instruction pointer and checks it. */
int arch_set_info_guest(struct vcpu *v, struct vcpu_guest_context *c)
{
    if ( c->user_regs.rip >> 47 && ~c->user_regs.rip >> 47 )
        return -EINVAL;
    v->arch.user_regs.rip = c->user_regs.rip;
    v->is_initialised = true;
    v->down = !(c->flags & VGCF_online);
    return 0;
}

void arch_get_info_guest(struct vcpu *v, struct vcpu_guest_context *c)
{
    memset(c, 0, sizeof(*c));
    c->user_regs.rip = v->arch.user_regs.rip;
    c->flags = v->down ? 0 : VGCF_online;
}

int arch_vcpu_reset(struct vcpu *v)
{
    return 0;
}

long arch_do_domctl(struct domain *caller, struct domain *d,
                    struct xen_domctl *op, bool *copyback)
{
    return -ENOSYS;
}

void arch_get_domain_info(const struct domain *d,
                          struct xen_domctl_getdomaininfo *info)
{
    info->arch_config.emulation_flags = d->arch.emulation_flags;
}

void arch_do_physinfo(struct xen_sysctl_physinfo *pi)
{
    pi->cpu_khz = 2000000;
    pi->threads_per_core = pi->cores_per_socket = 1;
    pi->capabilities |= XEN_SYSCTL_PHYSCAP_pv;
}

/* --- helpers -------------------------------------------------------------- */

static struct domain *dom0;

static long domctl_call(uint32_t cmd, domid_t dom)
{
    gop->cmd = cmd;
    gop->interface_version = XEN_DOMCTL_INTERFACE_VERSION;
    gop->domain = dom;
    return do_domctl(GVA(gop));
}

/* A fresh request; the payload is filled by the caller after this. */
static void op_reset(void)
{
    memset(gop, 0, sizeof(*gop));
}

static void default_config(struct xen_domctl_createdomain *c)
{
    memset(c, 0, sizeof(*c));
    c->max_vcpus = 1;
    c->max_evtchn_port = 1023;
    c->max_grant_frames = 32;
    c->max_maptrack_frames = 1024;
    c->grant_opts = XEN_DOMCTL_GRANT_version(1);
}

static long create(domid_t want)
{
    long rc;

    op_reset();
    default_config(&gop->u.createdomain);
    rc = domctl_call(XEN_DOMCTL_createdomain, want);
    return rc ? rc : gop->domain;
}

static long simple(uint32_t cmd, domid_t dom)
{
    op_reset();
    return domctl_call(cmd, dom);
}

static long info(domid_t dom, struct xen_domctl_getdomaininfo *out)
{
    long rc;

    op_reset();
    rc = domctl_call(XEN_DOMCTL_getdomaininfo, dom);
    if ( out )
        *out = gop->u.getdomaininfo;
    return rc ? rc : gop->domain;
}

static uint32_t flags_of(domid_t dom)
{
    struct xen_domctl_getdomaininfo i;

    return info(dom, &i) == dom ? i.flags : ~0u;
}

static long max_vcpus(domid_t dom, uint32_t n)
{
    op_reset();
    gop->u.max_vcpus.max = n;
    return domctl_call(XEN_DOMCTL_max_vcpus, dom);
}

/* Destroy every domain but dom0 and check nothing is left behind. */
static void destroy_all(void)
{
    struct domain *d;

    cur = dom0->vcpu[0];
    frames_held_elsewhere = false;
    while ( (d = domain_first_from(1)) )
        CU_ASSERT_EQUAL_FATAL(domain_kill(d), 0);
}

#define NO_CODE 0xffff0000u

static int setup(void)
{
    dom0 = domain_create(0, true);
    if ( !dom0 )
        return 1;
    cur = dom0->vcpu[0];
    cur->time.runstate.state = RUNSTATE_running;
    return 0;
}

/* dom0's port bound to VIRQ_DOM_EXC, and whether it fired since. */
static evtchn_port_t dom_exc_port;

static bool dom_exc_fired(void)
{
    xen_ulong_t *w = &dom0->shared_info->evtchn_pending[dom_exc_port / 64];
    xen_ulong_t bit = (xen_ulong_t)1 << (dom_exc_port % 64);
    bool was = *w & bit;

    *w &= ~bit;
    return was;
}

/* --- marshalling: version, faults, privilege ------------------------------ */

static void test_version_and_faults(void)
{
    op_reset();
    gop->cmd = XEN_DOMCTL_getdomaininfo;
    gop->interface_version = XEN_DOMCTL_INTERFACE_VERSION - 1;
    CU_ASSERT_EQUAL(do_domctl(GVA(gop)), -EACCES);
    CU_ASSERT_EQUAL(do_domctl(BAD_GVA), -EFAULT);
    /* The request must fit in guest memory as a whole. */
    CU_ASSERT_EQUAL(do_domctl(GVA(guest_mem + sizeof(guest_mem) - 16)),
                    -EFAULT);

    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_physinfo;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION + 1;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -EACCES);
    CU_ASSERT_EQUAL(do_sysctl(BAD_GVA), -EFAULT);

    /* Unknown operations. */
    CU_ASSERT_EQUAL(simple(9999, 0), -ENOSYS);
    CU_ASSERT_EQUAL(simple(9999, 0x7000), -ESRCH);
    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = 99;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -ENOSYS);
}

static void test_unprivileged(void)
{
    struct xen_domctl_createdomain c;
    long u, xs;
    struct domain *du;

    u = create(0);
    default_config(&c);
    c.flags = XEN_DOMCTL_CDF_xs_domain;
    op_reset();
    gop->u.createdomain = c;
    CU_ASSERT_EQUAL_FATAL(domctl_call(XEN_DOMCTL_createdomain, 0), 0);
    xs = gop->domain;
    CU_ASSERT_EQUAL(max_vcpus(u, 1), 0);
    CU_ASSERT_EQUAL(max_vcpus(xs, 1), 0);
    du = domain_lookup(u);
    CU_ASSERT_PTR_NOT_NULL_FATAL(du);

    /* The domU calls: Xen's dummy policy lets it do nothing at all. */
    cur = du->vcpu[0];
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, 0), -EPERM);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, u), -EPERM);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, 0), -EPERM);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_unpausedomain, xs), -EPERM);
    CU_ASSERT_EQUAL(max_vcpus(u, 1), -EPERM);
    CU_ASSERT_EQUAL(create(0), -EPERM);
    CU_ASSERT_EQUAL(info(0, NULL), -EPERM);
    CU_ASSERT_EQUAL(info(u, NULL), -EPERM);
    /* What does not exist is said first; a bad version before that. */
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, 0x7000), -ESRCH);
    CU_ASSERT_EQUAL(info(0x7ff0, NULL), -EINVAL);
    op_reset();
    gop->cmd = XEN_DOMCTL_destroydomain;
    gop->interface_version = 0;
    CU_ASSERT_EQUAL(do_domctl(GVA(gop)), -EACCES);
    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_physinfo;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -EPERM);
    gsop->cmd = XEN_SYSCTL_readconsole;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -EPERM);
    /* Bad I/O ranges are refused before the caller is. */
    op_reset();
    gop->u.iomem_permission.first_mfn = ~0ULL;
    gop->u.iomem_permission.nr_mfns = 2;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_iomem_permission, 0), -EINVAL);
    gop->u.iomem_permission.nr_mfns = 1;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_iomem_permission, 0), -EPERM);
    op_reset();
    gop->u.ioport_permission.first_port = 0xfff0;
    gop->u.ioport_permission.nr_ports = 0x11;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_ioport_permission, 0), -EINVAL);
    gop->u.ioport_permission.nr_ports = 0;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_ioport_permission, 0), -EINVAL);
    gop->u.ioport_permission.nr_ports = 0x10;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_ioport_permission, 0), -EPERM);
    /* Nothing changed for it. */
    CU_ASSERT_EQUAL(du->controller_pause_count, 1);

    /* A xenstore domain may read domain information, and no more. */
    cur = domain_lookup(xs)->vcpu[0];
    CU_ASSERT_EQUAL(info(0, NULL), 0);
    CU_ASSERT_EQUAL(info(u, NULL), u);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, u), -EPERM);
    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_getdomaininfolist;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -EPERM);
    destroy_all();
}

/*
 * What Xen answers before it asks who the caller is: the same to dom0 and
 * to a domU, for operations that need HVM, passthrough or an IOMMU.
 */
static void test_before_the_caller(void)
{
    static const uint32_t cmds[] = {
        XEN_DOMCTL_bind_pt_irq, XEN_DOMCTL_unbind_pt_irq,
        XEN_DOMCTL_ioport_mapping, XEN_DOMCTL_get_device_group,
        XEN_DOMCTL_memory_mapping,
    };
    static const long want[] = { -EINVAL, -EINVAL, -EOPNOTSUPP, -EOPNOTSUPP,
                                 -EINVAL };
    long u = create(0);
    uint32_t *vm_event = (uint32_t *)gop->u.pad;
    struct domain *du = domain_lookup(u);

    CU_ASSERT_PTR_NOT_NULL_FATAL(du);
    CU_ASSERT_EQUAL_FATAL(max_vcpus(u, 1), 0);
    for ( unsigned int pass = 0; pass < 2; pass++ )
    {
        bool priv = pass == 0;

        cur = priv ? dom0->vcpu[0] : du->vcpu[0];
        for ( unsigned int i = 0; i < ARRAY_SIZE(cmds); i++ )
        {
            CU_ASSERT_EQUAL(simple(cmds[i], u), want[i]);
            CU_ASSERT_EQUAL(simple(cmds[i], 0x7000), -ESRCH);
        }
        /* A mapping in range: nothing to map into a PV domain. */
        op_reset();
        gop->u.memory_mapping.first_mfn = 0x100;
        gop->u.memory_mapping.nr_mfns = 1;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_memory_mapping, u),
                        priv ? 0 : -EPERM);
        gop->u.memory_mapping.first_mfn = 1ULL << 40;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_memory_mapping, u), -EINVAL);

        /* set_target: d0 is not HVM, nor may a domain target itself. */
        op_reset();
        gop->u.set_target.target = 0;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_set_target, u), -EOPNOTSUPP);
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_set_target, 0), -EINVAL);
        gop->u.set_target.target = 0x7000;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_set_target, u), -ESRCH);

        /* The vm_event version, to anyone, with or without a domain. */
        op_reset();
        vm_event[0] = 3;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_vm_event_op, u), 0);
        CU_ASSERT_EQUAL(vm_event[2], 7);
        op_reset();
        vm_event[0] = 3;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_vm_event_op, DOMID_INVALID),
                        0);
        op_reset();
        vm_event[0] = 3;
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_vm_event_op, 0x7000), -ESRCH);
        CU_ASSERT_EQUAL(vm_event[2], 0);
        op_reset();
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_vm_event_op, DOMID_INVALID),
                        -ESRCH);

        /* Devices: dom_io, or no domain when testing; no IOMMU. */
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_assign_device, DOMID_IO),
                        priv ? -EOPNOTSUPP : -EPERM);
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_test_assign_device, DOMID_INVALID),
                        priv ? -EOPNOTSUPP : -EPERM);
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_assign_device, DOMID_INVALID),
                        -ESRCH);
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_test_assign_device, DOMID_IO),
                        -ESRCH);
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_deassign_device, u),
                        priv ? -EOPNOTSUPP : -EPERM);
    }
    cur = dom0->vcpu[0];
    destroy_all();
}

/* --- creation ------------------------------------------------------------- */

static void test_create_ids(void)
{
    struct xen_domctl_getdomaininfo i;
    long a, b, c, d, e;

    a = create(0);
    CU_ASSERT(a > 0);
    b = create(0);
    CU_ASSERT_EQUAL(b, a + 1);
    CU_ASSERT_EQUAL(create(a), -EEXIST);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, b), 0);
    /* The rover moves on past the freed id... */
    c = create(0);
    CU_ASSERT_EQUAL(c, a + 2);
    /* ...which can still be asked for by name. */
    d = create(b);
    CU_ASSERT_EQUAL(d, b);
    e = create(DOMID_FIRST_RESERVED + 3);
    CU_ASSERT_EQUAL(e, a + 3);
    /* A failed creation uses up an id too. */
    op_reset();
    default_config(&gop->u.createdomain);
    gop->u.createdomain.max_vcpus = 0;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_createdomain, 0), -EINVAL);
    CU_ASSERT_EQUAL(create(0), a + 5);

    /* A free id is answered with the next domain up. */
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, d), 0);
    CU_ASSERT_EQUAL(info(b, &i), c);
    CU_ASSERT_EQUAL(i.domain, c);
    CU_ASSERT_EQUAL(info(a + 6, NULL), -ESRCH);
    CU_ASSERT_EQUAL(info(DOMID_SELF, NULL), -EINVAL);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, d), -ESRCH);
    destroy_all();
}

static void test_create_refusals(void)
{
    static const struct
    {
        size_t off;
        uint32_t value;
        int err;
    } bad[] = {
#define F(field) offsetof(struct xen_domctl_createdomain, field)
        { F(flags), XEN_DOMCTL_CDF_hvm, EINVAL },
        { F(flags), XEN_DOMCTL_CDF_hap, EINVAL },
        { F(flags), 1u << 8, EINVAL },
        { F(flags), XEN_DOMCTL_CDF_iommu, EINVAL },
        { F(flags), XEN_DOMCTL_CDF_vpmu, EINVAL },
        { F(iommu_opts), 1, EINVAL },
        { F(max_vcpus), 0, EINVAL },
        { F(max_vcpus), HV_MAX_VCPUS + 1, EINVAL },
        { F(grant_opts), 0, EINVAL },
        { F(grant_opts), 2, EINVAL },
        { F(grant_opts), 0x11, EINVAL },
        { F(max_grant_frames), 0, EINVAL },
        { F(max_grant_frames), 65, EINVAL },
        { F(max_maptrack_frames), 1025, EINVAL },
        { F(vmtrace_size), 4096, EINVAL },
        { F(cpupool_id), 3, ESRCH },
        { F(arch.misc_flags), 2, EINVAL },
        { F(arch.emulation_flags), 1u << 11, EINVAL },
        { F(arch.emulation_flags), XEN_X86_EMU_LAPIC, EOPNOTSUPP },
#undef F
    };
    long before = pages_out;

    for ( unsigned int i = 0; i < ARRAY_SIZE(bad); i++ )
    {
        op_reset();
        default_config(&gop->u.createdomain);
        memcpy((uint8_t *)&gop->u.createdomain + bad[i].off, &bad[i].value,
               sizeof(uint32_t));
        CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_createdomain, 0),
                        -bad[i].err);
        if ( gop->domain != 0 )
            printf("case %u changed the request's domain\n", i);
    }
    CU_ASSERT_EQUAL(pages_out, before);
    CU_ASSERT_PTR_NULL(domain_first_from(1));

    /* Defaults (-1) are fine. */
    op_reset();
    default_config(&gop->u.createdomain);
    gop->u.createdomain.max_grant_frames = -1;
    gop->u.createdomain.max_maptrack_frames = -1;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_createdomain, 0), 0);
    CU_ASSERT_EQUAL(domain_lookup(gop->domain)->max_grant_frames, 64);
    destroy_all();
}

static void test_create_out_of_memory(void)
{
    long before = pages_out;
    long dom = -ENOMEM;
    int n;

    /* Fail each allocation creation and max_vcpus make, one at a time. */
    for ( n = 0; n < 20; n++ )
    {
        alloc_calls = 0;
        alloc_fail_at = n;
        dom = create(0);
        if ( dom > 0 )
        {
            long rc = max_vcpus(dom, 1);

            alloc_fail_at = -1;
            if ( rc == 0 )
                break;
            CU_ASSERT_EQUAL(rc, -ENOMEM);
            CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, dom), 0);
        }
        else
            CU_ASSERT_EQUAL(dom, -ENOMEM);
        CU_ASSERT_EQUAL(pages_out, before);
    }
    alloc_fail_at = -1;
    CU_ASSERT(n > 2 && n < 20);
    destroy_all();
    CU_ASSERT_EQUAL(pages_out, before);
}

static void test_new_domain_info(void)
{
    struct xen_domctl_getdomaininfo i;
    long dom;

    op_reset();
    default_config(&gop->u.createdomain);
    memset(gop->u.createdomain.handle, 0xab, sizeof(xen_domain_handle_t));
    gop->u.createdomain.ssidref = 9;
    CU_ASSERT_EQUAL_FATAL(domctl_call(XEN_DOMCTL_createdomain, 0), 0);
    dom = gop->domain;

    CU_ASSERT_EQUAL(info(dom, &i), dom);
    CU_ASSERT_EQUAL(i.flags, XEN_DOMINF_paused | NO_CODE);
    CU_ASSERT_EQUAL(i.nr_online_vcpus, 0);
    CU_ASSERT_EQUAL(i.max_vcpu_id, XEN_INVALID_MAX_VCPU_ID);
    CU_ASSERT_EQUAL(i.tot_pages, 0);
    CU_ASSERT_EQUAL(i.max_pages, 0);
    CU_ASSERT_EQUAL(i.ssidref, 0);
    CU_ASSERT_EQUAL(i.cpupool, 0);
    CU_ASSERT_EQUAL(i.handle[15], 0xab);
    CU_ASSERT_EQUAL(i.arch_config.emulation_flags, 0);
    CU_ASSERT_EQUAL(i.shared_info_frame,
                    domain_lookup(dom)->arch.shared_info_maddr >> 12);

    /* dom0, running this very call. */
    CU_ASSERT_EQUAL(info(0, &i), 0);
    CU_ASSERT_EQUAL(i.flags, XEN_DOMINF_running | NO_CODE);
    CU_ASSERT_EQUAL(i.nr_online_vcpus, 1);
    CU_ASSERT_EQUAL(i.max_vcpu_id, 0);
    CU_ASSERT_EQUAL(i.arch_config.emulation_flags, XEN_X86_EMU_PIT);

    /* VCPUs come with max_vcpus, down until a context says online. */
    CU_ASSERT_EQUAL(max_vcpus(dom, 2), -EINVAL);
    CU_ASSERT_EQUAL(max_vcpus(0, 1), -EINVAL);
    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);
    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);
    CU_ASSERT_EQUAL(info(dom, &i), dom);
    CU_ASSERT_EQUAL(i.max_vcpu_id, 0);
    CU_ASSERT_EQUAL(i.nr_online_vcpus, 0);
    CU_ASSERT_EQUAL(i.flags, XEN_DOMINF_paused | NO_CODE);

    /* Memory limit in KiB, kept in 32 bits of pages. */
    op_reset();
    gop->u.max_mem.max_memkb = 8192;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_max_mem, dom), 0);
    CU_ASSERT_EQUAL(domain_lookup(dom)->max_pages, 2048);
    gop->u.max_mem.max_memkb = ~0ULL;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_max_mem, dom), 0);
    CU_ASSERT_EQUAL(domain_lookup(dom)->max_pages, 0xffffffffUL);

    op_reset();
    memset(gop->u.setdomainhandle.handle, 0x11, sizeof(xen_domain_handle_t));
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_setdomainhandle, dom), 0);
    CU_ASSERT_EQUAL(domain_lookup(dom)->handle[0], 0x11);

    wallclock_updates = 0;
    op_reset();
    gop->u.settimeoffset.time_offset_seconds = -7200;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_settimeoffset, dom), 0);
    CU_ASSERT_EQUAL(domain_lookup(dom)->time_offset_seconds, -7200);
    CU_ASSERT_EQUAL(wallclock_updates, 1);
    destroy_all();
}

/* --- pausing, shutdown, destruction --------------------------------------- */

static void test_pause_counts(void)
{
    long dom = create(0);
    struct domain *d = domain_lookup(dom);
    unsigned int n;

    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);
    CU_ASSERT_EQUAL(d->state, DOMAIN_CREATED);
    CU_ASSERT_FALSE(vcpu_runnable(d->vcpu[0]));
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_unpausedomain, dom), 0);
    CU_ASSERT_EQUAL(d->state, DOMAIN_RUNNING);
    CU_ASSERT_EQUAL(flags_of(dom), NO_CODE);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_unpausedomain, dom), -EINVAL);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, 0), -EINVAL);

    for ( n = 0; n < 255; n++ )
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, dom), 0);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_pausedomain, dom), -EOVERFLOW);
    CU_ASSERT_EQUAL(d->pause_count, 255);
    /* The hypervisor's own pauses stack on top and do not show. */
    domain_pause(d);
    for ( n = 0; n < 255; n++ )
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_unpausedomain, dom), 0);
    CU_ASSERT_EQUAL(flags_of(dom), NO_CODE);
    CU_ASSERT_EQUAL(d->pause_count, 1);
    domain_unpause(d);
    CU_ASSERT_EQUAL(d->pause_count, 0);

    /* Runnable once it has an online context. */
    CU_ASSERT_FALSE(vcpu_runnable(d->vcpu[0]));
    d->vcpu[0]->is_initialised = true;
    d->vcpu[0]->down = false;
    CU_ASSERT_TRUE(vcpu_runnable(d->vcpu[0]));
    destroy_all();
}

static void test_shutdown_and_destroy(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    struct xen_domctl_getdomaininfo i;
    long before = pages_out;
    long dom = create(0);
    struct domain *d = domain_lookup(dom);

    if ( !dom_exc_port )
    {
        CU_ASSERT_EQUAL_FATAL(evtchn_bind_virq(dom0, &bv), 0);
        dom_exc_port = bv.port;
    }
    dom_exc_fired();
    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_unpausedomain, dom), 0);

    CU_ASSERT_EQUAL(domain_shutdown(d, SHUTDOWN_reboot), 0);
    CU_ASSERT_TRUE(dom_exc_fired());
    CU_ASSERT_EQUAL(flags_of(dom), XEN_DOMINF_shutdown |
                    (SHUTDOWN_reboot << XEN_DOMINF_shutdownshift));
    CU_ASSERT_EQUAL(d->vcpu[0]->pause_count, 1);
    /* The first reason stands, and is told once. */
    CU_ASSERT_EQUAL(domain_shutdown(d, SHUTDOWN_crash), 0);
    CU_ASSERT_FALSE(dom_exc_fired());
    CU_ASSERT_EQUAL(flags_of(dom) >> XEN_DOMINF_shutdownshift,
                    SHUTDOWN_reboot);

    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_resumedomain, 0), -EINVAL);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_resumedomain, dom), 0);
    CU_ASSERT_EQUAL(flags_of(dom), NO_CODE);
    CU_ASSERT_EQUAL(d->vcpu[0]->pause_count, 0);
    CU_ASSERT_EQUAL(d->state, DOMAIN_RUNNING);

    /* A preset code wins; a suspend goes to the subscribed port. */
    d->shutdown_code = SHUTDOWN_suspend;
    op_reset();
    gop->u.subscribe.port = 5;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_subscribe, dom), 0);
    CU_ASSERT_EQUAL(domain_shutdown(d, SHUTDOWN_poweroff), 0);
    CU_ASSERT_FALSE(dom_exc_fired());
    CU_ASSERT_EQUAL(flags_of(dom) >> XEN_DOMINF_shutdownshift,
                    SHUTDOWN_suspend);

    /* Destruction: not of oneself; dom0 hears of it. */
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, 0), -EINVAL);
    relinquish_calls = 0;
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, dom), 0);
    CU_ASSERT_EQUAL(relinquish_calls, 1);
    CU_ASSERT_TRUE(dom_exc_fired());
    CU_ASSERT_EQUAL(info(dom, NULL), -ESRCH);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, dom), -ESRCH);
    CU_ASSERT_EQUAL(pages_out, before);

    /* With a frame still mapped elsewhere, it lingers as dying. */
    dom = create(0);
    d = domain_lookup(dom);
    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);
    frames_held_elsewhere = true;
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, dom), 0);
    CU_ASSERT_PTR_NULL(domain_lookup(dom));
    CU_ASSERT_EQUAL(info(dom, &i), dom);
    CU_ASSERT(i.flags & XEN_DOMINF_dying);
    CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, dom), 0);
    CU_ASSERT_EQUAL(relinquish_calls, 2);
    CU_ASSERT_EQUAL(d->evtchn.valid_ports, 0);
    /* The last frame goes: the next look at the list frees it. */
    frames_held_elsewhere = false;
    CU_ASSERT_EQUAL(info(dom, NULL), -ESRCH);
    CU_ASSERT_EQUAL(pages_out, before);
}

/* Fifty domains with VCPUs and ports come and go; every page comes back. */
static void test_reclaim_fifty(void)
{
    long before = pages_out;
    long doms[50];

    for ( unsigned int n = 0; n < 50; n++ )
    {
        struct evtchn_alloc_unbound a = { .dom = DOMID_SELF,
                                          .remote_dom = 0 };

        doms[n] = create(0);
        CU_ASSERT_FATAL(doms[n] > 0);
        CU_ASSERT_EQUAL(max_vcpus(doms[n], 1), 0);
        /* Enough ports for a second page of them. */
        for ( unsigned int p = 0; p < 200; p++ )
            CU_ASSERT_EQUAL(evtchn_alloc_unbound(domain_lookup(doms[n]), &a),
                            0);
    }
    CU_ASSERT(pages_out > before + 50 * 4);
    for ( unsigned int n = 0; n < 50; n++ )
        CU_ASSERT_EQUAL(simple(XEN_DOMCTL_destroydomain, doms[n]), 0);
    CU_ASSERT_EQUAL(pages_out, before);
    CU_ASSERT_PTR_NULL(domain_first_from(1));
}

/* --- VCPUs ---------------------------------------------------------------- */

static long vcpuctxt(uint32_t cmd, domid_t dom, uint32_t vcpu, guest_va_t c)
{
    op_reset();
    gop->u.vcpucontext.vcpu = vcpu;
    gop->u.vcpucontext.ctxt.p = (void *)(uintptr_t)c;
    return domctl_call(cmd, dom);
}

static void test_vcpus(void)
{
    struct vcpu_guest_context *c = (void *)gbuf;
    long dom = create(0);
    struct domain *d = domain_lookup(dom);

    op_reset();
    gop->u.getvcpuinfo.vcpu = 0;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_getvcpuinfo, dom), -ESRCH);
    gop->u.getvcpuinfo.vcpu = 1;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_getvcpuinfo, dom), -EINVAL);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_getvcpucontext, dom, 0, GVA(c)),
                    -EINVAL);
    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);

    op_reset();
    gop->u.getvcpuinfo.vcpu = 0;
    d->vcpu[0]->time.runstate.time[RUNSTATE_running] = 1234;
    CU_ASSERT_EQUAL(domctl_call(XEN_DOMCTL_getvcpuinfo, dom), 0);
    CU_ASSERT_EQUAL(gop->u.getvcpuinfo.online, 0);
    CU_ASSERT_EQUAL(gop->u.getvcpuinfo.running, 0);
    CU_ASSERT_EQUAL(gop->u.getvcpuinfo.blocked, 0);
    CU_ASSERT_EQUAL(gop->u.getvcpuinfo.cpu_time, 1234);

    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_getvcpucontext, dom, 0, GVA(c)),
                    -ENODATA);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_getvcpucontext, 0, 0, GVA(c)),
                    -EINVAL);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, 0, 0, GVA(c)),
                    -EINVAL);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, dom, 1, GVA(c)),
                    -EINVAL);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, dom, 0, BAD_GVA),
                    -EFAULT);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, dom, 0, 0), 0);

    memset(c, 0, sizeof(*c));
    c->user_regs.rip = 0x0000800000000000UL;
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, dom, 0, GVA(c)),
                    -EINVAL);
    c->user_regs.rip = 0xffffffff80001000UL;
    c->flags = VGCF_online;
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, dom, 0, GVA(c)), 0);
    CU_ASSERT_EQUAL(d->pause_count, 1);
    memset(c, 0, sizeof(*c));
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_getvcpucontext, dom, 0, GVA(c)), 0);
    CU_ASSERT_EQUAL(c->user_regs.rip, 0xffffffff80001000UL);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_getvcpucontext, dom, 0, BAD_GVA),
                    -EFAULT);
    CU_ASSERT_EQUAL(flags_of(dom) & ~NO_CODE, XEN_DOMINF_paused);
    CU_ASSERT_EQUAL(info(dom, NULL), dom);
    CU_ASSERT_EQUAL(gop->u.getdomaininfo.nr_online_vcpus, 1);

    /* A null context resets the VCPU: down, and no context to read. */
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_setvcpucontext, dom, 0, 0), 0);
    CU_ASSERT_TRUE(d->vcpu[0]->down);
    CU_ASSERT_EQUAL(vcpuctxt(XEN_DOMCTL_getvcpucontext, dom, 0, GVA(c)),
                    -ENODATA);
    destroy_all();
}

static long affinity(uint32_t cmd, domid_t dom, uint32_t flags,
                     uint8_t *hard, uint8_t *soft, uint32_t bits)
{
    op_reset();
    gop->u.vcpuaffinity.vcpu = 0;
    gop->u.vcpuaffinity.flags = flags;
    gop->u.vcpuaffinity.cpumap_hard.bitmap.p = hard;
    gop->u.vcpuaffinity.cpumap_hard.nr_bits = bits;
    gop->u.vcpuaffinity.cpumap_soft.bitmap.p = soft;
    gop->u.vcpuaffinity.cpumap_soft.nr_bits = bits;
    return domctl_call(cmd, dom);
}

static void test_affinity(void)
{
    const uint32_t get = XEN_DOMCTL_getvcpuaffinity;
    const uint32_t set = XEN_DOMCTL_setvcpuaffinity;
    const uint32_t H = XEN_VCPUAFFINITY_HARD, S = XEN_VCPUAFFINITY_SOFT;
    uint8_t *hard = gbuf, *soft = gbuf + 16;
    long dom = create(0);
    struct vcpu *v;

    CU_ASSERT_EQUAL(affinity(get, dom, H, hard, soft, 8), -ESRCH);
    CU_ASSERT_EQUAL(max_vcpus(dom, 1), 0);
    v = domain_lookup(dom)->vcpu[0];

    nr_cpus = 4;
    memset(hard, 0x77, 16);
    CU_ASSERT_EQUAL(affinity(get, dom, H, hard, soft, 64), 0);
    CU_ASSERT_EQUAL(hard[0], 0x0f);
    CU_ASSERT_EQUAL(hard[1], 0);
    CU_ASSERT_EQUAL(hard[7], 0);
    CU_ASSERT_EQUAL(hard[8], 0x77);
    CU_ASSERT_EQUAL(affinity(get, dom, 0, hard, soft, 64), -EINVAL);
    CU_ASSERT_EQUAL(affinity(get, dom, H, NULL, soft, 64), -EINVAL);
    CU_ASSERT_EQUAL(affinity(get, dom, S, hard, NULL, 64), -EINVAL);
    CU_ASSERT_EQUAL(affinity(get, dom, H, (void *)1, soft, 64), -EFAULT);
    CU_ASSERT_EQUAL(affinity(get, dom, XEN_VCPUAFFINITY_FORCE, NULL, NULL,
                             64), 0);

    /* Set: what will be used comes back; nr_bits cuts the input. */
    memset(hard, 0, 16);
    hard[0] = 0xf6;
    CU_ASSERT_EQUAL(affinity(set, dom, H, hard, soft, 3), 0);
    CU_ASSERT_EQUAL(v->sched_unit.hard_affinity, 0x06);
    CU_ASSERT_EQUAL(hard[0], 0x06);
    hard[0] = 0xf0;
    CU_ASSERT_EQUAL(affinity(set, dom, H, hard, soft, 8), -EINVAL);
    CU_ASSERT_EQUAL(v->sched_unit.hard_affinity, 0x06);

    /* Soft within hard; a failing soft part undoes the hard one. */
    hard[0] = 0x03;
    soft[0] = 0x0c;
    CU_ASSERT_EQUAL(affinity(set, dom, H | S, hard, soft, 8), 0);
    CU_ASSERT_EQUAL(hard[0], 0x03);
    CU_ASSERT_EQUAL(soft[0], 0x00);
    CU_ASSERT_EQUAL(v->soft_affinity, 0x0c);
    hard[0] = 0x01;
    CU_ASSERT_EQUAL(affinity(set, dom, H | S, hard, (void *)1, 8), -EFAULT);
    CU_ASSERT_EQUAL(v->sched_unit.hard_affinity, 0x03);

    /* A guest's pin override blocks changes until forced away. */
    v->pin_override = true;
    CU_ASSERT_EQUAL(affinity(set, dom, H, hard, soft, 8), -EBUSY);
    CU_ASSERT_EQUAL(affinity(set, dom, H | XEN_VCPUAFFINITY_FORCE, hard,
                             soft, 8), 0);
    CU_ASSERT_FALSE(v->pin_override);
    CU_ASSERT_EQUAL(v->sched_unit.hard_affinity, 0x01);

    /* With one CPU, only its bit can come back. */
    nr_cpus = 1;
    memset(soft, 0x77, 16);
    CU_ASSERT_EQUAL(affinity(get, dom, S, hard, soft, 12), 0);
    CU_ASSERT_EQUAL(soft[0], 0x00);
    CU_ASSERT_EQUAL(soft[1], 0x00);
    CU_ASSERT_EQUAL(soft[2], 0x77);
    destroy_all();
}

static long sched(domid_t dom, uint32_t sid, uint32_t cmd, uint16_t w,
                  uint16_t cap)
{
    op_reset();
    gop->u.scheduler_op.sched_id = sid;
    gop->u.scheduler_op.cmd = cmd;
    gop->u.scheduler_op.u.credit.weight = w;
    gop->u.scheduler_op.u.credit.cap = cap;
    return domctl_call(XEN_DOMCTL_scheduler_op, dom);
}

static void test_scheduler_op(void)
{
    const uint32_t C = XEN_SCHEDULER_CREDIT;
    long dom = create(0);
    struct domain *d = domain_lookup(dom);

    CU_ASSERT_EQUAL(sched(dom, C, XEN_DOMCTL_SCHEDOP_getinfo, 0, 0), 0);
    CU_ASSERT_EQUAL(gop->u.scheduler_op.u.credit.weight, 256);
    CU_ASSERT_EQUAL(gop->u.scheduler_op.u.credit.cap, 0);
    CU_ASSERT_EQUAL(sched(dom, C, XEN_DOMCTL_SCHEDOP_putinfo, 512, 50), 0);
    CU_ASSERT_EQUAL(d->sched.weight, 512);
    CU_ASSERT_EQUAL(d->sched.cap, 50);
    /* 0 and 0xffff leave weight and cap alone. */
    CU_ASSERT_EQUAL(sched(dom, C, XEN_DOMCTL_SCHEDOP_putinfo, 0, 0xffff),
                    0);
    CU_ASSERT_EQUAL(d->sched.weight, 512);
    CU_ASSERT_EQUAL(d->sched.cap, 50);
    CU_ASSERT_EQUAL(sched(dom, C, XEN_DOMCTL_SCHEDOP_putinfo, 0, 0), 0);
    CU_ASSERT_EQUAL(d->sched.cap, 0);
    CU_ASSERT_EQUAL(sched(dom, XEN_SCHEDULER_CREDIT2,
                          XEN_DOMCTL_SCHEDOP_getinfo, 0, 0), -EINVAL);
    CU_ASSERT_EQUAL(sched(dom, C, XEN_DOMCTL_SCHEDOP_getvcpuinfo, 0, 0),
                    -EINVAL);
    CU_ASSERT_EQUAL(sched(dom, C, 9, 0, 0), -EINVAL);

    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_sched_id;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(gsop->u.sched_id.sched_id, C);
    destroy_all();
}

/* --- sysctl --------------------------------------------------------------- */

static long readconsole(uint8_t clear, uint8_t incr, uint32_t *index,
                        uint32_t count, guest_va_t buf)
{
    long rc;

    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_readconsole;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    gsop->u.readconsole.clear = clear;
    gsop->u.readconsole.incremental = incr;
    gsop->u.readconsole.index = *index;
    gsop->u.readconsole.count = count;
    gsop->u.readconsole.buffer.p = (void *)(uintptr_t)buf;
    rc = do_sysctl(GVA(gsop));
    *index = gsop->u.readconsole.index;
    return rc ? rc : gsop->u.readconsole.count;
}

static void test_readconsole(void)
{
    char *out = (char *)gbuf;
    uint32_t idx = 0, first;

    ring_puts("0123456789");
    CU_ASSERT_EQUAL(readconsole(0, 0, &idx, 4, GVA(out)), 4);
    CU_ASSERT_EQUAL(memcmp(out, "0123", 4), 0);
    first = idx;
    CU_ASSERT_EQUAL(readconsole(0, 1, &idx, 100, GVA(out)), 6);
    CU_ASSERT_EQUAL(memcmp(out, "456789", 6), 0);
    CU_ASSERT_EQUAL(idx, first + 6);
    CU_ASSERT_EQUAL(readconsole(0, 1, &idx, 100, GVA(out)), 0);
    CU_ASSERT_EQUAL(readconsole(0, 0, &idx, 100, BAD_GVA), -EFAULT);

    /* Clearing hides what was read from later non-incremental reads. */
    idx = 0;
    CU_ASSERT_EQUAL(readconsole(1, 0, &idx, 3, GVA(out)), 3);
    ring_puts("ab");
    idx = 0;
    CU_ASSERT_EQUAL(readconsole(0, 0, &idx, 100, GVA(out)), 9);
    CU_ASSERT_EQUAL(memcmp(out, "3456789ab", 9), 0);
    /* An index outside the kept history reads from the start. */
    idx = first - 2;
    CU_ASSERT_EQUAL(readconsole(0, 1, &idx, 100, GVA(out)), 9);

    /* History older than the ring is gone. */
    for ( unsigned int i = 0; i < 10; i++ )
        ring_puts("abcdefghij");
    idx = 0;
    CU_ASSERT_EQUAL(readconsole(0, 0, &idx, 1000, GVA(out)), RING);
    CU_ASSERT_EQUAL(idx, (uint32_t)ring_prod);
    CU_ASSERT_EQUAL(readconsole(1, 0, &idx, 1000, GVA(out)), RING);
    CU_ASSERT_EQUAL(readconsole(0, 0, &idx, 1000, GVA(out)), 0);
}

static void test_physinfo_and_lists(void)
{
    struct xen_sysctl_physinfo *pi = &gsop->u.physinfo;
    struct xen_domctl_getdomaininfo *list = (void *)gbuf;
    struct xen_sysctl_getdomaininfolist *l = &gsop->u.getdomaininfolist;
    struct xen_sysctl_getcpuinfo *ci = &gsop->u.getcpuinfo;
    struct xen_sysctl_cpuinfo *cpus = (void *)gbuf;
    long a, b;

    memset(gsop, 0xee, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_physinfo;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(pi->nr_cpus, 1);
    CU_ASSERT_EQUAL(pi->max_cpu_id, 0);
    CU_ASSERT_EQUAL(pi->nr_nodes, 1);
    CU_ASSERT_EQUAL(pi->max_node_id, 63);
    CU_ASSERT_EQUAL(pi->total_pages, TOTAL_PAGES);
    CU_ASSERT_EQUAL(pi->free_pages, TOTAL_PAGES - pages_out);
    CU_ASSERT_EQUAL(pi->max_mfn, max_page - 1);
    CU_ASSERT_EQUAL(pi->scrub_pages, 0);
    CU_ASSERT_EQUAL(pi->capabilities, XEN_SYSCTL_PHYSCAP_pv |
                    XEN_SYSCTL_PHYSCAP_gnttab_v1);

    a = create(0);
    b = create(0);
    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_getdomaininfolist;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    l->first_domain = 0;
    l->max_domains = 8;
    l->buffer.p = list;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(l->num_domains, 3);
    CU_ASSERT_EQUAL(list[0].domain, 0);
    CU_ASSERT_EQUAL(list[1].domain, a);
    CU_ASSERT_EQUAL(list[2].domain, b);
    l->first_domain = a + 1;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(l->num_domains, 1);
    CU_ASSERT_EQUAL(list[0].domain, b);
    l->first_domain = 0;
    l->max_domains = 2;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(l->num_domains, 2);
    l->buffer.p = (void *)1;
    l->num_domains = 77;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -EFAULT);
    /* Nothing is copied back from a failed sysctl. */
    CU_ASSERT_EQUAL(l->num_domains, 77);

    /* Idle time: what no VCPU used. */
    memset(gsop, 0, sizeof(*gsop));
    gsop->cmd = XEN_SYSCTL_getcpuinfo;
    gsop->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    ci->max_cpus = 4;
    ci->info.p = cpus;
    now_ns = 5000000;
    dom0->vcpu[0]->time.runstate.time[RUNSTATE_running] = 3000000;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(ci->nr_cpus, 1);
    CU_ASSERT_EQUAL(cpus[0].idletime, 2000000);
    ci->max_cpus = 0;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), 0);
    CU_ASSERT_EQUAL(ci->nr_cpus, 0);
    ci->max_cpus = 1;
    ci->info.p = (void *)1;
    CU_ASSERT_EQUAL(do_sysctl(GVA(gsop)), -EFAULT);
    destroy_all();
}

static CU_TestInfo domctl_tests[] = {
    { "version, faults, unknown ops", test_version_and_faults },
    { "unprivileged callers", test_unprivileged },
    { "answers before the caller is vetted", test_before_the_caller },
    { "domain ids", test_create_ids },
    { "createdomain refusals", test_create_refusals },
    { "createdomain out of memory", test_create_out_of_memory },
    { "a new domain's information", test_new_domain_info },
    { "pause counts", test_pause_counts },
    { "shutdown, resume, destroy", test_shutdown_and_destroy },
    { "fifty domains reclaimed", test_reclaim_fifty },
    { "VCPUs and contexts", test_vcpus },
    { "affinity bitmaps", test_affinity },
    { "credit weight and cap", test_scheduler_op },
    CU_TEST_INFO_NULL,
};

static CU_TestInfo sysctl_tests[] = {
    { "readconsole", test_readconsole },
    { "physinfo, domain list, CPU info", test_physinfo_and_lists },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "domctl", setup, NULL, NULL, NULL, domctl_tests },
    { "sysctl", NULL, NULL, NULL, NULL, sysctl_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
