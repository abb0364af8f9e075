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
 * Each VCPU's area hangs off its struct pv_vcpu, with its XCR0 and the
 * accumulated one; the area goes with the VCPU (xstate_vcpu_free).  The
 * FPU code keeps the FXSAVE image in the VCPU as before, as the master
 * copy of x87 and SSE: the area's first 512 bytes are filled from it
 * before each XRSTOR and copied back to it after each XSAVE, so the rest
 * of the hypervisor (and the vcpu_guest_context it hands out) sees one
 * x87/SSE image either way.  XSTATE_BV in the area says, as on Xen, which
 * components XRSTOR loads and which it puts in their initial state.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/page-alloc.h>
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

/* XSAVE's header follows the legacy image: XSTATE_BV, then XCOMP_BV. */
#define XSAVE_HDR_BV        XSTATE_LEGACY_SIZE
#define XSAVE_HDR_COMP      (XSTATE_LEGACY_SIZE + 8)

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

static unsigned int area_order(void)
{
    unsigned int order = 0;

    while ( ((size_t)PAGE_SIZE << order) < area_size )
        order++;
    return order;
}

static uint64_t *hdr_field(const struct vcpu *v, unsigned int offset)
{
    return (uint64_t *)((uint8_t *)v->arch.pv.xsave_area + offset);
}

bool xstate_vcpu_init(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;
    paddr_t pa;

    pv->xcr0 = 0;
    pv->xcr0_accum = 0;
    if ( !xstate_enabled() )
        return false;
    if ( !pv->xsave_area )
    {
        pa = alloc_pages(area_order());
        if ( !pa )
            return false;
        pv->xsave_area = maddr_to_virt(pa);
    }
    /* Every component in its initial state: XSTATE_BV 0. */
    memset(pv->xsave_area, 0, area_size);
    return true;
}

void xstate_vcpu_free(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    if ( !pv->xsave_area )
        return;
    free_pages(virt_to_maddr(pv->xsave_area), area_order());
    pv->xsave_area = NULL;
}

uint64_t xstate_vcpu_xcr0(const struct vcpu *v)
{
    return v->arch.pv.xcr0;
}

uint64_t xstate_vcpu_accum(const struct vcpu *v)
{
    return v->arch.pv.xcr0_accum;
}

/* What XCR0 holds while the guest runs: its own, FP|SSE before it chose. */
static uint64_t running_xcr0(const struct vcpu *v)
{
    return v->arch.pv.xcr0 ? v->arch.pv.xcr0 : XSTATE_FP_SSE;
}

void xstate_load_xcr0(const struct vcpu *v)
{
    if ( !xstate_enabled() )
        return;
    xstate_cpu_init();
    set_xcr0(running_xcr0(v));
}

bool xstate_save(struct vcpu *v, void *legacy)
{
    void *area = v->arch.pv.xsave_area;
    uint64_t mask;

    if ( !area )
        return false;
    /* XCR0 must allow what we save: for a moment, all it ever used. */
    mask = v->arch.pv.xcr0_accum | XSTATE_FP_SSE;
    set_xcr0(mask);
    asm volatile ( "xsave64 (%0)"
                   :: "r" (area), "a" ((uint32_t)mask),
                      "d" ((uint32_t)(mask >> 32))
                   : "memory" );
    set_xcr0(running_xcr0(v));
    memcpy(legacy, area, XSTATE_LEGACY_SIZE);
    return true;
}

bool xstate_restore(struct vcpu *v, const void *legacy)
{
    void *area = v->arch.pv.xsave_area;
    uint64_t mask;

    if ( !area )
        return false;
    /*
     * x87 and SSE come from the FXSAVE image when XSTATE_BV says they
     * are held; otherwise XRSTOR gives them their initial values (and
     * MXCSR from the image), as after a context without VGCF_i387_valid.
     */
    memcpy(area, legacy, XSTATE_LEGACY_SIZE);
    mask = v->arch.pv.xcr0_accum | XSTATE_FP_SSE;
    set_xcr0(mask);
    asm volatile ( "xrstor64 (%0)"
                   :: "r" (area), "a" ((uint32_t)mask),
                      "d" ((uint32_t)(mask >> 32))
                   : "memory" );
    set_xcr0(running_xcr0(v));
    return true;
}

int xstate_set_xcr0(struct vcpu *v, uint64_t xcr0)
{
    struct pv_vcpu *pv = &v->arch.pv;

    if ( !pv->xsave_area || (xcr0 & ~host_mask) )
        return -EINVAL;
    set_xcr0(xcr0);
    pv->xcr0 = xcr0;
    pv->xcr0_accum |= xcr0;
    return 0;
}

bool xstate_setup_fpu(struct vcpu *v, bool legacy_valid)
{
    if ( !v->arch.pv.xsave_area )
        return false;
    *hdr_field(v, XSAVE_HDR_BV) = legacy_valid ? XSTATE_FP_SSE : 0;
    *hdr_field(v, XSAVE_HDR_COMP) = 0;
    return true;
}

unsigned int xstate_size(uint64_t mask)
{
    unsigned int size = XSTATE_AREA_MIN_SIZE;
    uint32_t a, b, c, d;

    if ( !mask || !xstate_enabled() )
        return 0;
    /* The standard layout ends with the highest component's end. */
    for ( unsigned int i = 2; i < 63; i++ )
    {
        if ( !(mask & (1ULL << i)) )
            continue;
        cpuid_count(0xd, i, &a, &b, &c, &d);
        if ( b + a > size )
            size = b + a;
    }
    return size;
}

void xstate_get_area(const struct vcpu *v, void *buf, unsigned int size)
{
    const struct pv_vcpu *pv = &v->arch.pv;

    memcpy(buf, pv->fpu_ctxt, XSTATE_LEGACY_SIZE);
    memcpy((uint8_t *)buf + XSTATE_LEGACY_SIZE,
           (const uint8_t *)pv->xsave_area + XSTATE_LEGACY_SIZE,
           size - XSTATE_LEGACY_SIZE);
}

void xstate_set_area(struct vcpu *v, uint64_t xcr0, uint64_t accum,
                     const void *buf, unsigned int size)
{
    struct pv_vcpu *pv = &v->arch.pv;

    pv->xcr0 = xcr0;
    pv->xcr0_accum = accum;
    memcpy(pv->xsave_area, buf, size);
    memcpy(pv->fpu_ctxt, buf, XSTATE_LEGACY_SIZE);
}
