/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Control registers from guest kernel mode: CR0 reads the hypervisor's
 * value with the guest's own TS, which MOV to CR0, CLTS and
 * fpu_taskswitch change (nothing else may); CR2 is the last #PF address;
 * CR3 the current base pointer; CR4 Xen's guest view; RDTSC faults in
 * user mode once the guest sets CR4.TSD.  Other privileged instructions
 * give #GP(0).
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"

const char test_title[] = "cpu-cr: control registers and privileged insns";

#define CR0_TS  0x8UL
#define CR4_TSD 0x4UL

static unsigned long cr_val;

/* Through RAX, so the instruction is the 3-byte form the test skips. */
static void set_cr0(void)
{
    asm volatile ( "mov %0, %%cr0" :: "a" (cr_val) : "memory" );
}

static void insn_hlt(void)
{
    asm volatile ( "hlt" );
}

static void insn_lmsw(void)
{
    asm volatile ( "lmsw %w0" :: "r" (0x33) );
}

static void insn_lidt(void)
{
    static const uint8_t idtr[10];

    asm volatile ( "lidt %0" :: "m" (idtr) );
}

static long user_rdtsc(long arg)
{
    return rdtsc() != 0;
}

void test_main(void)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    unsigned long cr0;

    traps_init();

    printf("cpu-cr: CR0\n");
    cr0 = read_cr0();
    CHECK_EQ(cr0, 0x80050033);
    CHECK_EQ(HYPERVISOR_fpu_taskswitch(1), 0);
    CHECK_EQ(read_cr0(), cr0 | CR0_TS);
    asm volatile ( "clts" );
    CHECK_EQ(read_cr0(), cr0);
    write_cr0(cr0 | CR0_TS);
    CHECK_EQ(read_cr0(), cr0 | CR0_TS);
    write_cr0(cr0);
    CHECK_EQ(read_cr0(), cr0);
    cr_val = cr0 & ~0x80000000UL;
    CHECK(expect_trap(13, 3, set_cr0));
    CHECK_EQ(read_cr0(), cr0);

    printf("cpu-cr: CR2\n");
    write_cr2(0x12345678);
    CHECK_EQ(read_cr2(), 0x12345678);

    printf("cpu-cr: CR3\n");
    CHECK_EQ(read_cr3(),
             p2m[(start_info->pt_base - VIRT_BASE) >> 12] << 12);

    printf("cpu-cr: CR4\n");
    CHECK_EQ(read_cr4(), 0x660);
    write_cr4(read_cr4() | CR4_TSD);
    CHECK_EQ(read_cr4(), 0x664);
    CHECK(rdtsc() != 0);
    CHECK_EQ(user_mode_init(), 0);
    trap_expected = 13;
    CHECK_EQ(user_call(user_rdtsc, 0), -1013);
    trap_expected = -1;
    write_cr4(read_cr4() & ~CR4_TSD);
    CHECK_EQ(read_cr4(), 0x660);
    CHECK_EQ(user_call(user_rdtsc, 0), 1);
    /* Bits the guest may not have are quietly left out. */
    write_cr4(read_cr4() | 0x80);
    CHECK_EQ(read_cr4(), 0x660);

    printf("cpu-cr: WBINVD is emulated\n");
    asm volatile ( "wbinvd" ::: "memory" );
    CHECK_EQ(unexpected_traps, 0);

    printf("cpu-cr: not emulated\n");
    CHECK(expect_trap(13, 1, insn_hlt));
    CHECK(expect_trap(13, 3, insn_lmsw));
    CHECK(expect_trap(13, 7, insn_lidt));
}
