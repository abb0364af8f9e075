/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XSAVE for PV VCPUs, used as Xen 4.17 uses it when the CPU has XSAVE.
 *
 * Every CPU runs with CR4.OSXSAVE set, so a guest's own XGETBV and its
 * unintercepted CPUID see what they see on Xen.  While a VCPU runs, XCR0
 * holds that VCPU's value (FP|SSE until its first XSETBV).  Its registers
 * are saved and restored with every component it ever enabled (its
 * "accumulated" XCR0), not just the current ones: a component it turns
 * off and on again keeps its contents, as on bare metal.  The area uses
 * XSAVE's standard layout, where each component sits at the offset CPUID
 * gives, so components that join the accumulated set later need no
 * rearranging: XRSTOR initialises any the area has never held
 * (XSTATE_BV clear).  PV guests are offered no component outside the
 * CR0.TS-tracked ones (no MPX, PKRU or LWP), so everything can stay lazy.
 *
 * Each VCPU's record lives in frames of its own, found by the VCPU's
 * address through a small hash table under xstate_lock; the FPU code
 * keeps the FXSAVE image in the VCPU as before, and the area's first 512
 * bytes are copied from and to it, so the rest of the hypervisor (and the
 * vcpu_guest_context it hands out) sees one x87/SSE image either way.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/page-alloc.h>
#include <hv/spinlock.h>
#include <asm/config.h>
#include <asm/current.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/xstate.h>

#define X86_CR4_OSXSAVE     (1UL << 18)
#define CPUID1_ECX_XSAVE    (1u << 26)

/*
 * The user components we enable: x87, SSE, AVX, MPX, AVX-512 and PKRU,
 * as Xen does.  Others (AMX needs more than XCR0) stay off.
 */
#define XSTATE_KNOWN        0x2ffULL

/* Where XSAVE's header (XSTATE_BV first) follows the legacy image. */
#define XSAVE_HDR_BV        XSTATE_LEGACY_SIZE

struct xstate_rec {
    const struct vcpu *owner;
    struct xstate_rec *next;        /* in its hash chain */
    uint64_t xcr0;                  /* the guest's, 0 until it sets one */
    uint64_t accum;                 /* every value xcr0 ever had */
    unsigned int order;             /* of the frames holding the record */
    uint8_t area[] __attribute__((aligned(64)));
};

#define XSTATE_BUCKETS      64

static struct xstate_rec *buckets[XSTATE_BUCKETS];
static spinlock_t xstate_lock = SPIN_LOCK_UNLOCKED;

static enum { XS_UNKNOWN, XS_OFF, XS_ON } state;
static uint64_t host_mask;
static unsigned int area_size;
static bool cpu_ready[NR_CPUS];
static uint64_t cpu_xcr0[NR_CPUS];          /* what XCR0 holds, per CPU */

static void xsetbv0(uint64_t val)
{
    asm volatile ( "xsetbv"
                   :: "a" ((uint32_t)val), "d" ((uint32_t)(val >> 32)),
                      "c" (0) );
}

static void set_xcr0(uint64_t val)
{
    unsigned int cpu = smp_processor_id();

    if ( cpu_xcr0[cpu] == val )
        return;
    xsetbv0(val);
    cpu_xcr0[cpu] = val;
}

static void probe(void)
{
    uint32_t a, b, c, d;

    state = XS_OFF;
    cpuid(0, &a, &b, &c, &d);
    if ( a < 0xd )
        return;
    cpuid(1, &a, &b, &c, &d);
    if ( !(c & CPUID1_ECX_XSAVE) )
        return;
    cpuid_count(0xd, 0, &a, &b, &c, &d);
    host_mask = (a | ((uint64_t)d << 32)) & XSTATE_KNOWN;
    if ( (host_mask & XSTATE_FP_SSE) != XSTATE_FP_SSE )
        return;
    state = XS_ON;
}

void xstate_cpu_init(void)
{
    unsigned int cpu = smp_processor_id();
    uint32_t a, b, c, d;

    if ( !xstate_enabled() || cpu_ready[cpu] )
        return;
    write_cr4(read_cr4() | X86_CR4_OSXSAVE);
    xsetbv0(host_mask);
    cpu_xcr0[cpu] = host_mask;
    /* With every component on, EBX is the size of the largest area. */
    cpuid_count(0xd, 0, &a, &b, &c, &d);
    if ( !area_size )
        area_size = b;
    cpu_ready[cpu] = true;
}

bool xstate_enabled(void)
{
    if ( state == XS_UNKNOWN )
    {
        probe();
        if ( state == XS_ON )
        {
            xstate_cpu_init();
            printk(LOG_INFO "xstate: XSAVE for guests, states %#lx, "
                   "area %u bytes\n", (unsigned long)host_mask, area_size);
        }
    }
    return state == XS_ON;
}

uint64_t xstate_host_mask(void)
{
    return xstate_enabled() ? host_mask : 0;
}

static unsigned int bucket_of(const struct vcpu *v)
{
    return ((uintptr_t)v >> 6) % XSTATE_BUCKETS;
}

static struct xstate_rec *find_locked(const struct vcpu *v)
{
    struct xstate_rec *r;

    for ( r = buckets[bucket_of(v)]; r; r = r->next )
        if ( r->owner == v )
            return r;
    return NULL;
}

static struct xstate_rec *rec_of(const struct vcpu *v)
{
    struct xstate_rec *r;
    unsigned long flags;

    if ( state != XS_ON )
        return NULL;
    spin_lock_irqsave(&xstate_lock, flags);
    r = find_locked(v);
    spin_unlock_irqrestore(&xstate_lock, flags);
    return r;
}

/* The state a VCPU starts with: defaults, nothing held (XSTATE_BV 0). */
static void rec_reset(struct xstate_rec *r)
{
    memset(r->area, 0, area_size);
    r->xcr0 = 0;
    r->accum = 0;
}

bool xstate_vcpu_init(struct vcpu *v)
{
    struct xstate_rec *r;
    unsigned long flags;
    unsigned int order = 0;
    paddr_t pa;

    if ( !xstate_enabled() )
        return false;

    /* A VCPU created where a destroyed one lived takes over its record. */
    r = rec_of(v);
    if ( r )
    {
        rec_reset(r);
        return true;
    }

    while ( (PAGE_SIZE << order) < sizeof(*r) + area_size )
        order++;
    pa = alloc_pages(order);
    if ( !pa )
        return false;
    r = maddr_to_virt(pa);
    r->owner = v;
    r->order = order;
    rec_reset(r);

    spin_lock_irqsave(&xstate_lock, flags);
    r->next = buckets[bucket_of(v)];
    buckets[bucket_of(v)] = r;
    spin_unlock_irqrestore(&xstate_lock, flags);
    return true;
}

void xstate_vcpu_free(struct vcpu *v)
{
    struct xstate_rec **pr, *r = NULL;
    unsigned long flags;

    if ( state != XS_ON )
        return;
    spin_lock_irqsave(&xstate_lock, flags);
    for ( pr = &buckets[bucket_of(v)]; *pr; pr = &(*pr)->next )
        if ( (*pr)->owner == v )
        {
            r = *pr;
            *pr = r->next;
            break;
        }
    spin_unlock_irqrestore(&xstate_lock, flags);
    if ( r )
        free_pages(virt_to_maddr(r), r->order);
}

uint64_t xstate_vcpu_xcr0(const struct vcpu *v)
{
    const struct xstate_rec *r = rec_of(v);

    return r ? r->xcr0 : 0;
}

uint64_t xstate_vcpu_accum(const struct vcpu *v)
{
    const struct xstate_rec *r = rec_of(v);

    return r ? r->accum : 0;
}

/* What XCR0 holds while the guest runs: its own, FP|SSE before it chose. */
static uint64_t running_xcr0(const struct xstate_rec *r)
{
    return r && r->xcr0 ? r->xcr0 : XSTATE_FP_SSE;
}

void xstate_load_xcr0(const struct vcpu *v)
{
    if ( !xstate_enabled() )
        return;
    xstate_cpu_init();
    set_xcr0(running_xcr0(rec_of(v)));
}

bool xstate_save(struct vcpu *v, void *legacy)
{
    struct xstate_rec *r = rec_of(v);
    uint64_t mask;

    if ( !r )
        return false;
    /* XCR0 must allow what we save: for a moment, all it ever used. */
    mask = r->accum | XSTATE_FP_SSE;
    set_xcr0(mask);
    asm volatile ( "xsave64 (%0)"
                   :: "r" (r->area), "a" ((uint32_t)mask),
                      "d" ((uint32_t)(mask >> 32))
                   : "memory" );
    set_xcr0(running_xcr0(r));
    memcpy(legacy, r->area, XSTATE_LEGACY_SIZE);
    return true;
}

bool xstate_restore(struct vcpu *v, const void *legacy)
{
    struct xstate_rec *r = rec_of(v);
    uint64_t mask;

    if ( !r )
        return false;
    /*
     * The FXSAVE image is the master copy of x87 and SSE (the toolstack
     * may have written it): load those two from it.
     */
    memcpy(r->area, legacy, XSTATE_LEGACY_SIZE);
    *(uint64_t *)&r->area[XSAVE_HDR_BV] |= XSTATE_FP_SSE;
    mask = r->accum | XSTATE_FP_SSE;
    set_xcr0(mask);
    asm volatile ( "xrstor64 (%0)"
                   :: "r" (r->area), "a" ((uint32_t)mask),
                      "d" ((uint32_t)(mask >> 32))
                   : "memory" );
    set_xcr0(running_xcr0(r));
    return true;
}

int xstate_set_xcr0(struct vcpu *v, uint64_t xcr0)
{
    struct xstate_rec *r = rec_of(v);

    if ( !r || (xcr0 & ~host_mask) )
        return -EINVAL;
    set_xcr0(xcr0);
    r->xcr0 = xcr0;
    r->accum |= xcr0;
    return 0;
}
