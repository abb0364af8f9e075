/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domU's XSAVE state from dom0: XEN_DOMCTL_getvcpuextstate and
 * setvcpuextstate (the size query, the buffer's layout, every refusal),
 * setvcpucontext putting AVX back to its initial state while taking x87
 * and SSE from the context, and no memory lost over many domUs created
 * and destroyed.  With "expect=none" (qemu64) the buffer is only the two
 * XCR0 values.
 */
#include "sched-build.h"
#include "cpu-xsave.h"

const char test_title[] = "cpu-xsave-ext: a domU's XSAVE state from dom0";

#define ECX_XSAVE       (1u << 26)
#define XCNTXT_MASK     0x2ffUL         /* the components Xen manages */
#define HDR             16              /* XCR0, XCR0_ACCUM */
#define AREA_MIN        576
#define FX_MXCSR        24
#define FX_XMM          160
#define BV              (HDR + 512)     /* XSTATE_BV in the buffer */
#define COMP_BV         (BV + 8)
#define RESERVED        (BV + 16)
#define YMM_HI          (HDR + 576)     /* component 2's standard offset */
#define MAX_BUF         (HDR + 4096)

static uint8_t buf[MAX_BUF] __attribute__((aligned(64)));
static uint8_t again[MAX_BUF] __attribute__((aligned(64)));
static vcpu_guest_context_t ctxt;

static uint64_t get64(const uint8_t *p)
{
    uint64_t v;

    memcpy(&v, p, sizeof(v));
    return v;
}

static void put64(uint8_t *p, uint64_t v)
{
    memcpy(p, &v, sizeof(v));
}

/* What Xen manages on this CPU, and the area that holds it. */
static uint64_t host_mask(void)
{
    struct cpuid_regs r;

    if ( !(native_cpuid(1, 0).c & ECX_XSAVE) )
        return 0;
    r = native_cpuid(0xd, 0);
    return (r.a | ((uint64_t)r.d << 32)) & XCNTXT_MASK;
}

static uint64_t area_size(uint64_t mask)
{
    uint64_t size = AREA_MIN;

    if ( !mask )
        return 0;
    for ( unsigned int i = 2; i < 63; i++ )
    {
        struct cpuid_regs r;

        if ( !(mask & (1UL << i)) )
            continue;
        r = native_cpuid(0xd, i);
        if ( r.a + r.b > size )
            size = r.a + r.b;
    }
    return size;
}

static long extstate(uint32_t cmd, domid_t dom, uint32_t vcpu, uint64_t *mask,
                     uint64_t *size, void *data)
{
    struct xen_domctl op;
    long rc;

    domctl_init(&op, cmd, dom);
    op.u.vcpuextstate.vcpu = vcpu;
    op.u.vcpuextstate.xfeature_mask = *mask;
    op.u.vcpuextstate.size = *size;
    op.u.vcpuextstate.buffer.p = data;
    rc = domctl(&op);
    *mask = op.u.vcpuextstate.xfeature_mask;
    *size = op.u.vcpuextstate.size;
    return rc;
}

static long get_ext(domid_t dom, uint64_t mask, uint64_t *size, void *data)
{
    return extstate(XEN_DOMCTL_getvcpuextstate, dom, 0, &mask, size, data);
}

static long set_ext(domid_t dom, uint64_t size, void *data)
{
    uint64_t mask = 0;

    return extstate(XEN_DOMCTL_setvcpuextstate, dom, 0, &mask, &size, data);
}

static long vcpucontext(uint32_t cmd, domid_t dom)
{
    struct xen_domctl op;

    domctl_init(&op, cmd, dom);
    op.u.vcpucontext.vcpu = 0;
    set_xen_guest_handle(op.u.vcpucontext.ctxt, &ctxt);
    return domctl(&op);
}

/*
 * Destroying domUs gives back all they had, the VCPUs' XSAVE areas too:
 * those are a page each here (about 2.7 KiB from Xen's heap), so a leak
 * would cost a page or more per VCPU and round.  Xen's heap pool grows
 * by a page now and then, so fewer than one page per round may go.
 */
#define LEAK_ROUNDS     12

static void no_leak(void)
{
    static struct domu u;
    uint64_t before = 0, after = 0;
    unsigned int built = 0;

    printf("cpu-xsave-ext: domUs of 4 VCPUs created and destroyed\n");
    /* One round first, so that lazily set-up tables do not count. */
    for ( unsigned int i = 0; i <= LEAK_ROUNDS; i++ )
    {
        if ( domu_build_vcpus(&u, "idle", 4) || domu_destroy(u.id) )
            break;
        built++;
        /* Settled each time, so that dead domains do not pile up. */
        after = free_pages_settled(0);
        if ( i == 0 )
            before = after;
    }
    CHECK_EQ(built, LEAK_ROUNDS + 1);
    printf("free pages: %lu before, %lu after\n", before, after);
    CHECK(after <= before && before - after < LEAK_ROUNDS);
}

/* The answers before the domU ever ran, and what the buffer may be. */
static void fresh_vcpu(domid_t dom, uint64_t mask, uint64_t max)
{
    uint64_t m, size;

    printf("cpu-xsave-ext: the size query and a new VCPU's state\n");
    size = 0;
    CHECK_EQ(get_ext(dom, 0, &size, NULL), 0);
    CHECK_EQ(size, max);
    m = 0x1234;
    size = 99;
    CHECK_EQ(extstate(XEN_DOMCTL_getvcpuextstate, dom, 0, &m, &size, NULL),
             0);
    CHECK_EQ(m, mask);
    CHECK_EQ(size, max);
    m = mask;
    size = max;
    CHECK_EQ(extstate(XEN_DOMCTL_getvcpuextstate, dom, 1, &m, &size, buf),
             -ESRCH);
    CHECK_EQ(extstate(XEN_DOMCTL_setvcpuextstate, dom, 7, &m, &size, buf),
             -ESRCH);
    /* dom0's own VCPU 0 is the one asking. */
    CHECK_EQ(extstate(XEN_DOMCTL_getvcpuextstate, 0, 0, &m, &size, buf),
             -EINVAL);

    memset(buf, 0xa5, sizeof(buf));
    size = max;
    CHECK_EQ(get_ext(dom, mask, &size, buf), 0);
    CHECK_EQ(size, HDR);
    CHECK_EQ(get64(buf), 0);
    CHECK_EQ(get64(buf + 8), 0);
    CHECK_EQ(buf[HDR], 0xa5);
    size = max;
    CHECK_EQ(get_ext(dom, mask ^ 1, &size, buf), -EINVAL);
    CHECK_EQ(size, max);
    size = HDR - 1;
    CHECK_EQ(get_ext(dom, mask, &size, buf), -EINVAL);

    /* Sizes out of range, before the buffer is looked at. */
    CHECK_EQ(set_ext(dom, HDR - 8, buf), -EINVAL);
    CHECK_EQ(set_ext(dom, max + 8, buf), -EINVAL);
    CHECK_EQ(set_ext(dom, max, (void *)0x10), -EFAULT);
    /* Both XCR0 values 0, no area: accepted, nothing changes. */
    memset(buf, 0, sizeof(buf));
    CHECK_EQ(set_ext(dom, HDR, buf), 0);
    put64(buf, 3);
    CHECK_EQ(set_ext(dom, HDR, buf), -EINVAL);
    put64(buf + 8, 3);
    CHECK_EQ(set_ext(dom, HDR, buf), -EINVAL);
    put64(buf, 0);
    put64(buf + 8, 0);
    if ( max > HDR )
    {
        CHECK_EQ(set_ext(dom, HDR + 8, buf), -EINVAL);
        CHECK_EQ(set_ext(dom, HDR + AREA_MIN, buf), -EINVAL);
        put64(buf + COMP_BV, 1UL << 63);
        CHECK_EQ(set_ext(dom, HDR + AREA_MIN, buf), -EOPNOTSUPP);
        put64(buf + COMP_BV, 0);
    }
}

/* Wait for the domU's first half to spin: R13 holds the magic. */
static bool domu_ready(domid_t dom)
{
    for ( unsigned int i = 0; i < 500; i++ )
    {
        bool ready;

        if ( dom_simple(XEN_DOMCTL_pausedomain, dom) )
            return false;
        ready = !vcpucontext(XEN_DOMCTL_getvcpucontext, dom) &&
                ctxt.user_regs.r13 == XSAVE_EXT_MAGIC;
        if ( ready )
            return true;
        dom_simple(XEN_DOMCTL_unpausedomain, dom);
        sleep_ns(10000000);
    }
    return false;
}

/* Compare the XMM or upper YMM halves in an area with a pattern. */
static bool area_holds(const uint8_t *at, uint64_t seed, unsigned int half)
{
    struct ymm_file f;

    ymm_pattern(&f, seed);
    for ( unsigned int i = 0; i < 16; i++ )
        if ( memcmp(at + 16 * i, &f.q[i][2 * half], 16) )
            return false;
    return true;
}

static void area_fill(uint8_t *at, uint64_t seed, unsigned int half)
{
    struct ymm_file f;

    ymm_pattern(&f, seed);
    for ( unsigned int i = 0; i < 16; i++ )
        memcpy(at + 16 * i, &f.q[i][2 * half], 16);
}

/* A refusal of a copy of the good buffer with one thing changed. */
static long set_changed(domid_t dom, uint64_t size, unsigned int at,
                        uint64_t val)
{
    memcpy(again, buf, size);
    put64(again + at, val);
    return set_ext(dom, size, again);
}

static void used_vcpu(domid_t dom, uint64_t mask, uint64_t max)
{
    const uint64_t size_avx = HDR + area_size(XCR0_AVX);
    uint64_t size;

    printf("cpu-xsave-ext: the state of a VCPU that used AVX\n");
    size = max;
    CHECK_EQ(get_ext(dom, mask, &size, buf), 0);
    CHECK_EQ(size, size_avx);
    CHECK_EQ(get64(buf), XCR0_AVX);
    CHECK_EQ(get64(buf + 8), XCR0_AVX);
    CHECK_EQ(get64(buf + BV) & ~XCR0_AVX, 0);
    CHECK(get64(buf + BV) & 4);
    CHECK_EQ(get64(buf + COMP_BV), 0);
    CHECK(area_holds(buf + HDR + FX_XMM, XSAVE_EXT_SEED_DOMU, 0));
    CHECK(area_holds(buf + YMM_HI, XSAVE_EXT_SEED_DOMU, 1));
    size = size_avx - 1;
    CHECK_EQ(get_ext(dom, mask, &size, buf), -EINVAL);
    size = size_avx;
    CHECK_EQ(get_ext(dom, mask, &size, buf), 0);

    printf("cpu-xsave-ext: setvcpuextstate refuses what Xen refuses\n");
    CHECK_EQ(set_changed(dom, size, 0, XCR0_AVX | 8), -EINVAL);
    CHECK_EQ(set_changed(dom, size, 8, XCR0_FP_SSE), -EINVAL);
    CHECK_EQ(set_changed(dom, size, 0, 0), -EINVAL);
    CHECK_EQ(set_changed(dom, size, 0, 2), -EINVAL);
    CHECK_EQ(set_changed(dom, size, 8, 0x1f), -EINVAL);
    CHECK_EQ(set_changed(dom, size, 8, 0x207), -EINVAL);
    CHECK_EQ(set_changed(dom, size, BV, 0xf), -EINVAL);
    CHECK_EQ(set_changed(dom, size, COMP_BV, 4), -EOPNOTSUPP);
    CHECK_EQ(set_changed(dom, size, COMP_BV, 1UL << 63 | 7), -EOPNOTSUPP);
    CHECK_EQ(set_changed(dom, size, RESERVED + 40, 1), -EIO);
    CHECK_EQ(set_ext(dom, size - 16, buf), -EINVAL);
    CHECK_EQ(set_ext(dom, HDR + AREA_MIN - 8, buf), -EINVAL);
    CHECK_EQ(set_ext(dom, HDR, buf), -EINVAL);

    printf("cpu-xsave-ext: setvcpuextstate loads a new area\n");
    area_fill(buf + HDR + FX_XMM, 0xe3, 0);
    area_fill(buf + YMM_HI, 0xe3, 1);
    CHECK_EQ(set_ext(dom, size, buf), 0);
    memset(again, 0, sizeof(again));
    CHECK_EQ(get_ext(dom, mask, &size, again), 0);
    CHECK_EQ(size, size_avx);
    CHECK_EQ(memcmp(again, buf, size), 0);
}

/* A new context: x87/SSE from it, the rest initial, XCR0 kept. */
static void new_context(domid_t dom, uint64_t mask)
{
    uint64_t size = HDR + area_size(XCR0_AVX);
    uint64_t rip = ctxt.user_regs.r12;

    printf("cpu-xsave-ext: setvcpucontext without x87/SSE state\n");
    ctxt.flags &= ~VGCF_I387_VALID;
    CHECK_EQ(vcpucontext(XEN_DOMCTL_setvcpucontext, dom), 0);
    CHECK_EQ(get_ext(dom, mask, &size, buf), 0);
    CHECK_EQ(get64(buf), XCR0_AVX);
    CHECK_EQ(get64(buf + 8), XCR0_AVX);
    CHECK_EQ(get64(buf + BV), 0);
    CHECK_EQ(get64(buf + HDR + FX_MXCSR) & 0xffffffff, 0x1f80);
    /* Xen leaves the rest of the image as it was. */
    CHECK(area_holds(buf + HDR + FX_XMM, 0xe3, 0));

    printf("cpu-xsave-ext: setvcpucontext with x87/SSE state\n");
    CHECK_EQ(vcpucontext(XEN_DOMCTL_getvcpucontext, dom), 0);
    ctxt.flags |= VGCF_I387_VALID;
    ctxt.user_regs.rip = rip;
    /* As if called: the stack 16-byte aligned before the return address. */
    ctxt.user_regs.rsp = ((ctxt.user_regs.rsp - 64) & ~15UL) - 8;
    area_fill((uint8_t *)ctxt.fpu_ctxt.x + FX_XMM, XSAVE_EXT_SEED_CTXT, 0);
    memcpy(ctxt.fpu_ctxt.x + FX_MXCSR, &(uint32_t){ XSAVE_EXT_MXCSR }, 4);
    CHECK_EQ(vcpucontext(XEN_DOMCTL_setvcpucontext, dom), 0);
    CHECK_EQ(get_ext(dom, mask, &size, buf), 0);
    CHECK_EQ(get64(buf), XCR0_AVX);
    CHECK_EQ(get64(buf + 8), XCR0_AVX);
    CHECK_EQ(get64(buf + BV), XCR0_FP_SSE);
    CHECK_EQ(memcmp(buf + HDR, ctxt.fpu_ctxt.x, 512), 0);
}

static void run_second_half(const struct domu *u)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    bool told = false;

    printf("cpu-xsave-ext: the domU checks its new registers\n");
    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) )
        return;
    port_test_and_clear(bv.port);
    CHECK_EQ(domu_unpause(u), 0);
    CHECK_EQ(domu_wait_shutdown(u, bv.port, 5000000000ULL, &told),
             SHUTDOWN_poweroff);
    CHECK(domu_show_console(u, "Test result: SUCCESS"));
}

void test_main(void)
{
    char expect[16] = "xsave";
    uint64_t mask = host_mask(), max = HDR + area_size(mask);
    static struct domu u;

    cmdline_get("expect", expect, sizeof(expect));
    printf("cpu-xsave-ext: components %#lx, buffer %lu bytes\n", mask, max);
    if ( !strcmp(expect, "none") )
        CHECK_EQ(mask, 0);
    else
        CHECK(mask & 4);
    if ( !CHECK(dom_shared_info() != NULL) || !CHECK(max <= MAX_BUF) )
        return;

    no_leak();

    if ( !CHECK_EQ(domu_build(&u, "xsave"), 0) )
        return;
    fresh_vcpu(u.id, mask, max);
    if ( mask )
    {
        CHECK_EQ(domu_unpause(&u), 0);  /* the first half */
        if ( CHECK(domu_ready(u.id)) )
        {
            used_vcpu(u.id, mask, max);
            new_context(u.id, mask);
            /* This lifts domu_ready()'s pause. */
            run_second_half(&u);
        }
    }
    CHECK_EQ(domu_destroy(u.id), 0);
}
