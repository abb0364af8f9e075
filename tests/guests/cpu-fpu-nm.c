/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fpu_taskswitch and the guest's virtual CR0.TS: with TS set, the next
 * x87 or SSE instruction raises #NM once, TS is then clear again (as if
 * the handler had run CLTS) and the instruction completes when retried;
 * clearing TS first means no #NM.  User mode FPU use under TS reaches the
 * kernel's handler too.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"

const char test_title[] = "cpu-fpu-nm: virtual CR0.TS and #NM";

#define CR0_TS 0x8UL

extern char nm_fld_insn[], nm_sse_insn[];
static uint32_t out;

static __attribute__((noinline)) void fld_store(void)
{
    asm volatile ( ".globl nm_fld_insn\n"
                   "nm_fld_insn: fld1\n\t"
                   "fistpl %0" : "=m" (out) :: "memory" );
}

static __attribute__((noinline)) void sse_op(void)
{
    asm volatile ( ".globl nm_sse_insn\n"
                   "nm_sse_insn: pcmpeqd %%xmm3, %%xmm3\n\t"
                   "movd %%xmm3, %0" : "=m" (out) :: "memory" );
}

static long user_fpu(long arg)
{
    uint32_t v;

    asm volatile ( "fld1; fld1; faddp; fistpl %0" : "=m" (v) );
    return v;
}

static unsigned int nm_count;

static void nm_handler(struct trap_frame *f)
{
    nm_count++;
    last_trap.count++;
    last_trap.f = *f;
}

void test_main(void)
{
    traps_init();
    trap_set_handler(7, nm_handler);

    printf("cpu-fpu-nm: TS set: one #NM, then the x87 op completes\n");
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    CHECK(read_cr0() & CR0_TS);
    out = 0;
    fld_store();
    CHECK_EQ(nm_count, 1);
    CHECK_EQ(last_trap.f.rip, (unsigned long)nm_fld_insn);
    CHECK_EQ(out, 1);
    CHECK_EQ(read_cr0() & CR0_TS, 0);
    fld_store();
    CHECK_EQ(nm_count, 1);

    printf("cpu-fpu-nm: SSE too; setting TS twice is one #NM\n");
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    sse_op();
    CHECK_EQ(nm_count, 2);
    CHECK_EQ(last_trap.f.rip, (unsigned long)nm_sse_insn);
    CHECK_EQ(out, 0xffffffff);
    sse_op();
    CHECK_EQ(nm_count, 2);

    printf("cpu-fpu-nm: set then cleared: no #NM\n");
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(0), 0);
    CHECK_EQ(read_cr0() & CR0_TS, 0);
    fld_store();
    CHECK_EQ(nm_count, 2);
    /* Any non-zero argument sets it. */
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(-7), 0);
    CHECK(read_cr0() & CR0_TS);
    asm volatile ( "clts" );
    fld_store();
    CHECK_EQ(nm_count, 2);

    printf("cpu-fpu-nm: user mode FPU use under TS\n");
    CHECK_EQ(user_mode_init(), 0);
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    CHECK_EQ(user_call(user_fpu, 0), 2);
    CHECK_EQ(nm_count, 3);
    CHECK_EQ(last_trap.f.cs & 0xffff, FLAT_USER_CS);
    CHECK_EQ(user_call(user_fpu, 0), 2);
    CHECK_EQ(nm_count, 3);
}
