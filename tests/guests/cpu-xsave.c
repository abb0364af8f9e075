/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * XSAVE for a PV guest on a CPU that has it (QEMU's max CPU):
 * CPUID's XSAVE/OSXSAVE bits and leaf 0xd, the guest's CR4.OSXSAVE,
 * XSETBV's checks, XGETBV, and YMM registers kept while a domU with AVX
 * state of its own shares the CPU.  With "expect=none" (qemu64) it checks
 * that none of it is there.
 */
#include "sched-build.h"
#include "traps.h"
#include "cpu-xsave.h"

const char test_title[] = "cpu-xsave: XSAVE state, XSETBV and XGETBV";

static const char domu_passed[] = "Test result: SUCCESS";

#define ECX_XSAVE       (1u << 26)
#define ECX_OSXSAVE     (1u << 27)

static bool xsetbv_faults(uint32_t ecx, uint64_t val, unsigned int vector)
{
    xs_ecx = ecx;
    xs_val = val;
    if ( !expect_trap(vector, 3, xsetbv_thunk) )
        return false;
    return vector != 13 || last_trap.f.error_code == 0;
}

static void no_xsave(void)
{
    struct cpuid_regs r;

    printf("cpu-xsave: the CPU has no XSAVE: none is offered\n");
    CHECK_EQ(native_cpuid(1, 0).c & (ECX_XSAVE | ECX_OSXSAVE), 0);
    CHECK_EQ(xen_cpuid(1, 0).c & (ECX_XSAVE | ECX_OSXSAVE), 0);
    r = xen_cpuid(0xd, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);
    CHECK(!set_osxsave());
    CHECK(xsetbv_faults(0, XCR0_FP_SSE, 6));
    xs_ecx = 0;
    CHECK(expect_trap(6, 3, xgetbv_thunk));
}

/* dom0's YMM registers, checked each time it runs while the domU does. */
static void share_with_domu(void)
{
    struct evtchn_bind_virq bv = { .virq = VIRQ_DOM_EXC, .vcpu = 0 };
    static struct ymm_file mine;
    static struct domu u;
    unsigned int wakes = 0;
    int reason = -1, bad = -1;
    bool told = false;

    printf("cpu-xsave: YMM state across switches to a domU\n");
    if ( !CHECK_EQ(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bv), 0) ||
         !CHECK(dom_shared_info() != NULL) ||
         !CHECK_EQ(domu_build(&u, "do=xsave"), 0) )
        return;
    ymm_pattern(&mine, 0xd0d0);
    ymm_load(&mine);
    port_test_and_clear(bv.port);
    CHECK_EQ(domu_unpause(&u), 0);
    /* Wake every 10 ms: the domU is switched out and back each time. */
    for ( unsigned int i = 0; i < 1000 && reason < 0 && bad < 0; i++ )
    {
        reason = domu_wait_shutdown(&u, bv.port, 10000000ULL, &told);
        bad = ymm_differs(&mine);
        wakes++;
    }
    CHECK_EQ(bad, -1);
    CHECK_EQ(reason, SHUTDOWN_poweroff);
    CHECK(wakes > 3);
    CHECK(domu_show_console(&u, domu_passed));
    CHECK_EQ(xgetbv(0), XCR0_AVX);
    CHECK_EQ(domu_destroy(u.id), 0);
}

void test_main(void)
{
    char expect[16] = "xsave";
    struct cpuid_regs r;

    traps_init();
    cmdline_get("expect", expect, sizeof(expect));
    if ( !strcmp(expect, "none") )
    {
        no_xsave();
        return;
    }

    printf("cpu-xsave: CPUID and CR4 before the guest enables XSAVE\n");
    /* The CPU's own CPUID shows the hypervisor's CR4.OSXSAVE. */
    CHECK_EQ(native_cpuid(1, 0).c & (ECX_XSAVE | ECX_OSXSAVE),
             ECX_XSAVE | ECX_OSXSAVE);
    /* So does the forced one, to the kernel, whatever its own CR4 says. */
    CHECK_EQ(xen_cpuid(1, 0).c & (ECX_XSAVE | ECX_OSXSAVE),
             ECX_XSAVE | ECX_OSXSAVE);
    CHECK_EQ(read_cr4() & CR4_OSXSAVE, 0);
    CHECK_EQ(xgetbv(0), XCR0_FP_SSE);
    CHECK(xsetbv_faults(0, XCR0_AVX, 6));

    printf("cpu-xsave: the guest's CR4.OSXSAVE\n");
    CHECK(set_osxsave());
    r = xen_cpuid(0xd, 0);
    printf("leaf 0xd:0: %08x %08x %08x %08x\n", r.a, r.b, r.c, r.d);
    CHECK_EQ(r.a, XCR0_AVX);
    CHECK_EQ(r.b, 576);                 /* the size for XCR0 = FP|SSE */
    CHECK_EQ(r.c, 832);                 /* and for everything offered */
    CHECK_EQ(r.d, 0);
    r = xen_cpuid(0xd, 2);
    CHECK_EQ(r.a, 256);                 /* YMM_Hi128: size, offset */
    CHECK_EQ(r.b, 576);

    printf("cpu-xsave: XSETBV refuses what Xen refuses\n");
    CHECK(xsetbv_faults(0, 0, 13));                 /* no x87 */
    CHECK(xsetbv_faults(0, 2, 13));
    CHECK(xsetbv_faults(0, 5, 13));                 /* YMM without SSE */
    CHECK(xsetbv_faults(0, 0xf, 13));               /* MPX: not offered */
    CHECK(xsetbv_faults(0, 0x207, 13));             /* PKRU: not offered */
    CHECK(xsetbv_faults(0, 1UL << 32 | 7, 13));
    CHECK(xsetbv_faults(1, XCR0_FP_SSE, 13));       /* XCR1 is read-only */
    CHECK_EQ(xgetbv(0), XCR0_FP_SSE);

    printf("cpu-xsave: XSETBV and XGETBV\n");
    xsetbv(0, 1);
    CHECK_EQ(xgetbv(0), 1);
    xsetbv(0, XCR0_AVX);
    CHECK_EQ(xgetbv(0), XCR0_AVX);
    CHECK_EQ(xen_cpuid(0xd, 0).b, 832);
    CHECK_EQ(native_cpuid(0xd, 0).b, 832);

    share_with_domu();
}
