/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domU that cpu-xsave and cpu-cpuid-domu build from dom0.  It writes
 * into its PV console ring for dom0 to read.  "do=cpuid" prints the CPUID
 * leaves it sees; "do=xsave" checks a new VCPU's XCR0, enables AVX and
 * keeps checking its YMM registers while dom0 runs in between.
 */
#include "dom-util.h"
#include "traps.h"
#include "cpu-xsave.h"
#include <public/event_channel.h>
#include <public/io/console.h>

const char test_title[] = "cpu-domu: CPU state of a domain built by dom0";

/* The leaves cpu-cpuid-domu compares with dom0's: leaf, subleaf. */
static const uint32_t leaves[][2] = {
    { 0, 0 }, { 1, 0 }, { 6, 0 }, { 7, 0 }, { 0xd, 0 }, { 0xd, 1 },
    { 0xd, 2 }, { 0x80000000, 0 }, { 0x80000001, 0 }, { 0x80000007, 0 },
    { 0x80000008, 0 }, { 0x40000000, 0 }, { 0x40000002, 0 },
};

static void print_cpuid(void)
{
    for ( unsigned int i = 0; i < sizeof(leaves) / sizeof(leaves[0]); i++ )
    {
        struct cpuid_regs r = xen_cpuid(leaves[i][0], leaves[i][1]);

        printf("cpuid %08x %x: %08x %08x %08x %08x\n", leaves[i][0],
               leaves[i][1], r.a, r.b, r.c, r.d);
    }
}

/* AVX state of our own, checked while dom0 keeps taking the CPU. */
static void xsave_domu(void)
{
    static struct ymm_file mine;
    uint64_t end;
    unsigned int rounds = 0;
    int bad = -1;

    if ( !(xen_cpuid(1, 0).c & (1u << 26)) )
    {
        printf("no XSAVE offered\n");
        return;
    }
    /* A new VCPU runs with x87 and SSE only, whatever dom0 chose. */
    CHECK_EQ(xgetbv(0), XCR0_FP_SSE);
    CHECK(set_osxsave());
    xsetbv(0, XCR0_AVX);
    CHECK_EQ(xgetbv(0), XCR0_AVX);
    ymm_pattern(&mine, 0xd0);
    ymm_load(&mine);

    end = sys_now() + 300000000ULL;
    while ( sys_now() < end && bad < 0 )
    {
        for ( volatile unsigned int n = 0; n < 20000; n++ )
            ;
        bad = ymm_differs(&mine);
        rounds++;
    }
    CHECK_EQ(bad, -1);
    CHECK_EQ(xgetbv(0), XCR0_AVX);
    printf("domU: YMM checked %u times\n", rounds);
}

void test_main(void)
{
    char what[16] = "cpuid";

    cmdline_get("do", what, sizeof(what));
    traps_init();
    if ( !strcmp(what, "cpuid") )
        print_cpuid();
    else if ( !strcmp(what, "xsave") )
        xsave_domu();
    else
        test_fail("unknown do=%s", what);
}
