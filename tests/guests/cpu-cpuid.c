/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * CPUID as a PV guest sees it through the forced-emulation prefix
 * (ud2; "xen"; cpuid): the hypervisor leaves at 0x40000000 and the PV
 * masking of the CPU's leaves, checked against what Xen 4.17 answers on
 * QEMU's qemu64 CPU.  A plain CPUID is the CPU's own; CPUID faulting is
 * not on offer there.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"

const char test_title[] = "cpu-cpuid: CPUID through the forced prefix";

#define MSR_PLATFORM_INFO           0x000000ce
#define MSR_MISC_FEATURES_ENABLES   0x00000140

extern char forced_insn[];

static long user_leaf;

static long user_cpuid(long leaf)
{
    struct cpuid_regs r = xen_cpuid(leaf, 0);

    return r.a;
}

static void forced(void)
{
    uint32_t a = 0x40000000, b, c = 0, d;

    asm volatile ( ".globl forced_insn\n"
                   "forced_insn: ud2; .ascii \"xen\"; cpuid"
                   : "+a" (a), "=b" (b), "+c" (c), "=d" (d) :: "memory" );
    user_leaf = a;
}

static void enable_faulting(void)
{
    wrmsr(MSR_MISC_FEATURES_ENABLES, 1);
}

static void not_cpuid(void)
{
    asm volatile ( "ud2; .ascii \"xen\"; nop; nop" ::: "memory" );
}

static void short_sig(void)
{
    asm volatile ( "ud2; .ascii \"xex\"; cpuid" ::: "memory" );
}

void test_main(void)
{
    struct cpuid_regs r, n;

    traps_init();

    printf("cpu-cpuid: hypervisor leaves\n");
    r = xen_cpuid(0x40000000, 0);
    CHECK_EQ(r.a, 0x40000005);
    CHECK_EQ(r.b, 0x566e6558);          /* "XenVMMXenVMM" */
    CHECK_EQ(r.c, 0x65584d4d);
    CHECK_EQ(r.d, 0x4d4d566e);
    r = xen_cpuid(0x40000001, 0);
    CHECK_EQ(r.a, 0x00040011);          /* 4.17 */
    r = xen_cpuid(0x40000002, 0);
    CHECK_EQ(r.a, 1);
    CHECK_EQ(r.b, 0x40000000);
    CHECK_EQ(r.c, 1);                   /* MMU_PT_UPDATE_PRESERVE_AD */
    r = xen_cpuid(0x40000003, 0);
    CHECK_EQ(r.a, 0);
    CHECK_EQ(r.b, 0);
    r = xen_cpuid(0x40000004, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);
    r = xen_cpuid(0x40000005, 0);
    CHECK(r.b >= 20 && r.b <= 52);
    r = xen_cpuid(0x40000006, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);
    r = xen_cpuid(0x40000100, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);

    printf("cpu-cpuid: masked CPU leaves (qemu64)\n");
    r = xen_cpuid(0, 0);
    n = native_cpuid(0, 0);
    CHECK_EQ(r.a, n.a);
    CHECK_EQ(r.b, n.b);
    r = xen_cpuid(1, 0);
    CHECK_EQ(r.a, 0x00060fb1);
    CHECK_EQ(r.c, 0xc0002001);          /* hypervisor bit 31 */
    CHECK_EQ(r.d, 0x0789d3f5);          /* no PSE, MTRR, PGE, ... */
    r = xen_cpuid(5, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);
    r = xen_cpuid(0xb, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);
    r = xen_cpuid(0x80000000, 0);
    CHECK_EQ(r.a, 0x80000021);
    r = xen_cpuid(0x80000001, 0);
    CHECK_EQ(r.c, 0x00000001);
    CHECK_EQ(r.d, 0x2191dbf5);
    r = xen_cpuid(0x80000008, 0);
    CHECK_EQ(r.a, 0x00003028);
    r = xen_cpuid(0x8000000a, 0);
    CHECK_EQ(r.a | r.b | r.c | r.d, 0);  /* no SVM for PV */
    /* A plain CPUID is not intercepted. */
    n = native_cpuid(0x40000000, 0);
    CHECK(n.b != 0x566e6558);

    printf("cpu-cpuid: what is not the prefixed CPUID stays a #UD\n");
    CHECK(expect_trap(6, 7, not_cpuid));
    CHECK(expect_trap(6, 7, short_sig));

    printf("cpu-cpuid: from user mode\n");
    CHECK_EQ(user_mode_init(), 0);
    CHECK_EQ(user_call(user_cpuid, 0x40000001), 0x00040011);

    printf("cpu-cpuid: no CPUID faulting to offer on this CPU\n");
    CHECK_EQ(rdmsr(MSR_PLATFORM_INFO), 0);
    CHECK(expect_trap(13, 2, enable_faulting));
    CHECK_EQ(last_trap.f.error_code, 0);
    CHECK_EQ(rdmsr(MSR_MISC_FEATURES_ENABLES), 0);
    forced();
    CHECK_EQ(user_leaf, 0x40000005);
}
