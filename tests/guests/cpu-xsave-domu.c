/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domU cpu-xsave-ext builds from dom0.  It enables AVX, fills its YMM
 * registers and spins with the address of its second half in R12; dom0
 * reads its XSAVE state, sets a new context that resumes it there with
 * XMM values of its own, and the second half checks what it got: those
 * values, the upper YMM halves in their initial state, XCR0 kept.
 */
#include "dom-util.h"
#include "traps.h"
#include "cpu-xsave.h"
#include <public/event_channel.h>
#include <public/io/console.h>

const char test_title[] = "cpu-xsave-domu: XSAVE state set by dom0";

static uint32_t read_mxcsr(void)
{
    uint32_t v;

    asm volatile ( "stmxcsr %0" : "=m" (v) );
    return v;
}

/* Entered from dom0's new context, on the stack the first half left. */
static void __attribute__((noreturn, used)) second_half(void)
{
    static struct ymm_file want, now;
    struct sched_shutdown sd = { .reason = SHUTDOWN_poweroff };

    ymm_pattern(&want, XSAVE_EXT_SEED_CTXT);
    for ( unsigned int i = 0; i < 16; i++ )
        want.q[i][2] = want.q[i][3] = 0;
    ymm_store(&now);
    CHECK_EQ(read_mxcsr(), XSAVE_EXT_MXCSR);
    CHECK_EQ(xgetbv(0), XCR0_AVX);
    CHECK_EQ(memcmp(&now, &want, sizeof(now)), 0);
    for ( unsigned int i = 0; i < 16; i++ )
        if ( memcmp(now.q[i], want.q[i], sizeof(now.q[i])) )
            printf("ymm%u: %lx %lx %lx %lx\n", i, now.q[i][0], now.q[i][1],
                   now.q[i][2], now.q[i][3]);
    test_report();
    HYPERVISOR_sched_op(SCHEDOP_shutdown, &sd);
    for ( ;; )
        ;
}

void test_main(void)
{
    static struct ymm_file mine;

    traps_init();
    if ( !(xen_cpuid(1, 0).c & (1u << 26)) )
    {
        printf("no XSAVE offered\n");
        return;
    }
    CHECK(set_osxsave());
    xsetbv(0, XCR0_AVX);
    ymm_pattern(&mine, XSAVE_EXT_SEED_DOMU);
    ymm_load(&mine);
    /*
     * dom0 takes it from here: it waits for R13 to hold the magic, set
     * only now that the registers are loaded.
     */
    asm volatile ( "mov %0, %%r12\n\t"
                   "mov %1, %%r13\n"
                   "1: pause\n\t"
                   "jmp 1b"
                   :: "r" ((uint64_t)second_half), "r" (XSAVE_EXT_MAGIC)
                   : "r12", "r13" );
    __builtin_unreachable();
}
