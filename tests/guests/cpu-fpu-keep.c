/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The FPU belongs to the VCPU: x87, MXCSR and XMM contents survive
 * hypercalls, exceptions, event upcalls, an #NM and trips through guest
 * user mode untouched by the hypervisor; what user code changes, the
 * kernel sees (one FPU per VCPU, shared by its two modes).
 */
#include "hvtest.h"
#include "traps.h"
#include "upcall.h"
#include "hypercall-cpu.h"

const char test_title[] = "cpu-fpu-keep: FPU state across every transition";

static uint64_t pattern[16], seen[16];
static uint16_t fcw_seen;
static uint32_t mxcsr_seen;
static uint64_t st0_seen;

static void load_all(void)
{
    for ( unsigned int i = 0; i < 16; i++ )
        pattern[i] = 0x0101010101010101UL * (i + 1) ^ 0x5a00UL;
    asm volatile ( "movq %0, %%xmm0\n\tmovq %1, %%xmm1\n\t"
                   "movq %2, %%xmm2\n\tmovq %3, %%xmm3\n\t"
                   "movq %4, %%xmm4\n\tmovq %5, %%xmm5\n\t"
                   "movq %6, %%xmm6\n\tmovq %7, %%xmm7"
                   :: "m" (pattern[0]), "m" (pattern[1]), "m" (pattern[2]),
                      "m" (pattern[3]), "m" (pattern[4]), "m" (pattern[5]),
                      "m" (pattern[6]), "m" (pattern[7]) );
    asm volatile ( "movq %0, %%xmm8\n\tmovq %1, %%xmm9\n\t"
                   "movq %2, %%xmm10\n\tmovq %3, %%xmm11\n\t"
                   "movq %4, %%xmm12\n\tmovq %5, %%xmm13\n\t"
                   "movq %6, %%xmm14\n\tmovq %7, %%xmm15"
                   :: "m" (pattern[8]), "m" (pattern[9]), "m" (pattern[10]),
                      "m" (pattern[11]), "m" (pattern[12]),
                      "m" (pattern[13]), "m" (pattern[14]),
                      "m" (pattern[15]) );
    asm volatile ( "fninit\n\t"
                   "push $0x27f\n\tfldcw (%%rsp)\n\t"
                   "movl $0x1fa0, (%%rsp)\n\tldmxcsr (%%rsp)\n\t"
                   "add $8, %%rsp\n\t"
                   "fildq %0" :: "m" (pattern[3]) );
}

static void read_all(void)
{
    asm volatile ( "movq %%xmm0, %0\n\tmovq %%xmm1, %1\n\t"
                   "movq %%xmm2, %2\n\tmovq %%xmm3, %3\n\t"
                   "movq %%xmm4, %4\n\tmovq %%xmm5, %5\n\t"
                   "movq %%xmm6, %6\n\tmovq %%xmm7, %7"
                   : "=m" (seen[0]), "=m" (seen[1]), "=m" (seen[2]),
                     "=m" (seen[3]), "=m" (seen[4]), "=m" (seen[5]),
                     "=m" (seen[6]), "=m" (seen[7]) );
    asm volatile ( "movq %%xmm8, %0\n\tmovq %%xmm9, %1\n\t"
                   "movq %%xmm10, %2\n\tmovq %%xmm11, %3\n\t"
                   "movq %%xmm12, %4\n\tmovq %%xmm13, %5\n\t"
                   "movq %%xmm14, %6\n\tmovq %%xmm15, %7"
                   : "=m" (seen[8]), "=m" (seen[9]), "=m" (seen[10]),
                     "=m" (seen[11]), "=m" (seen[12]), "=m" (seen[13]),
                     "=m" (seen[14]), "=m" (seen[15]) );
    asm volatile ( "fnstcw %0\n\tstmxcsr %1\n\t"
                   "fistpq %2\n\tfildq %2"
                   : "=m" (fcw_seen), "=m" (mxcsr_seen), "=m" (st0_seen) );
}

static void check_all(const char *after)
{
    bool ok = true;

    read_all();
    for ( unsigned int i = 0; i < 16; i++ )
        if ( seen[i] != pattern[i] )
        {
            printf("xmm%u: %#lx, want %#lx\n", i, (unsigned long)seen[i],
                   (unsigned long)pattern[i]);
            ok = false;
        }
    ok &= fcw_seen == 0x27f && mxcsr_seen == 0x1fa0 &&
          st0_seen == pattern[3];
    if ( !ok )
        test_fail("FPU state changed across %s", after);
    else
        printf("ok: FPU state kept across %s\n", after);
}

static void raise_bp(void)
{
    asm volatile ( "int3" );
}

static void raise_pf(void)
{
    asm volatile ( "mov (%%rax), %%rax" :: "a" (0x2000UL) : "memory" );
}

static long user_touch(long arg)
{
    uint64_t v;

    /* Read one register, change another: the kernel sees both. */
    asm volatile ( "movq %%xmm5, %0\n\t"
                   "movq %1, %%xmm6"
                   : "=&r" (v) : "r" (arg) );
    return v == pattern[5];
}

void test_main(void)
{
    long p;

    traps_init();
    upcall_init();
    load_all();

    HYPERVISOR_xen_version(XENVER_version, NULL);
    check_all("a hypercall");

    CHECK(expect_trap(3, 0, raise_bp));
    check_all("an int3");
    CHECK(expect_trap(14, 3, raise_pf));
    check_all("a page fault");

    p = evtchn_bind_ipi_port();
    *upcall_mask() = 0;
    evtchn_send_port(p);
    CHECK_EQ(upcall_log.upcalls, 1);
    check_all("an event upcall");
    *upcall_mask() = 1;

    HYPERVISOR_fpu_taskswitch(1);
    trap_expected = 7;
    check_all("an #NM");
    trap_expected = -1;
    CHECK_EQ(last_trap.f.vector, 7);

    CHECK_EQ(user_mode_init(), 0);
    CHECK_EQ(user_call(user_touch, 0x6666), 1);
    pattern[6] = 0x6666;
    check_all("user mode");
}
