/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * RDMSR and WRMSR from a PV guest kernel: the segment-base MSRs are the
 * guest's own (and agree with set_segment_base), the others read what
 * Xen 4.17 shows a PV guest on qemu64, unknown ones raise #GP(0), and
 * user mode may touch none.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include "cpu-insn.h"

const char test_title[] = "cpu-msr: RDMSR/WRMSR emulation";

#define MSR_APIC_BASE       0x0000001b
#define MSR_MCG_CAP         0x00000179
#define MSR_MISC_ENABLE     0x000001a0
#define MSR_PAT             0x00000277
#define MSR_MC0_CTL         0x00000400
#define MSR_EFER            0xc0000080
#define MSR_FS_BASE         0xc0000100
#define MSR_GS_BASE         0xc0000101
#define MSR_SHADOW_GS_BASE  0xc0000102
#define MSR_TSC_AUX         0xc0000103
#define MSR_HYPERCALL_PAGE  0x40000000

static uint64_t fs_word = 0xf5f5f5f5, gs_word = 0x65656565;
static uint32_t probe_msr;
static uint64_t probe_val;
static uint8_t hcall_frame[4096] __attribute__((aligned(4096)));

static void rd_probe(void)
{
    probe_val = rdmsr(probe_msr);
}

static void wr_probe(void)
{
    wrmsr(probe_msr, probe_val);
}

static bool rd_faults(uint32_t msr)
{
    probe_msr = msr;
    return expect_trap(13, 2, rd_probe) && last_trap.f.error_code == 0;
}

static bool wr_faults(uint32_t msr, uint64_t val)
{
    probe_msr = msr;
    probe_val = val;
    return expect_trap(13, 2, wr_probe) && last_trap.f.error_code == 0;
}

static long user_rdmsr(long msr)
{
    return rdmsr(msr);
}

void test_main(void)
{
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    uint64_t v;

    traps_init();

    printf("cpu-msr: fixed values\n");
    CHECK_EQ(rdmsr(MSR_APIC_BASE), 0xfee00900);
    CHECK_EQ(rdmsr(MSR_MCG_CAP), 2);
    CHECK_EQ(rdmsr(MSR_MISC_ENABLE), 0x801801);
    CHECK_EQ(rdmsr(MSR_PAT), 0x0000050100070406);
    CHECK_EQ(rdmsr(MSR_MC0_CTL), ~0UL);
    CHECK_EQ(rdmsr(MSR_EFER), 0xd01);
    CHECK_EQ(rdmsr(MSR_HYPERCALL_PAGE), 0);

    printf("cpu-msr: refused\n");
    CHECK(rd_faults(0x12345));
    CHECK(rd_faults(MSR_TSC_AUX));
    CHECK(rd_faults(0x10a));
    CHECK(wr_faults(0x12345, 0));
    /* MCG_CAP is read-only: a write is dropped, not refused. */
    wrmsr(MSR_MCG_CAP, 5);
    CHECK_EQ(rdmsr(MSR_MCG_CAP), 2);

    printf("cpu-msr: segment bases\n");
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_FS,
                                         (unsigned long)&fs_word), 0);
    CHECK_EQ(rdmsr(MSR_FS_BASE), (unsigned long)&fs_word);
    wrmsr(MSR_GS_BASE, (unsigned long)&gs_word);
    CHECK_EQ(rdmsr(MSR_GS_BASE), (unsigned long)&gs_word);
    asm volatile ( "mov %%fs:0, %0" : "=r" (v) );
    CHECK_EQ(v, 0xf5f5f5f5);
    asm volatile ( "mov %%gs:0, %0" : "=r" (v) );
    CHECK_EQ(v, 0x65656565);
    wrmsr(MSR_SHADOW_GS_BASE, 0x1234000);
    CHECK_EQ(rdmsr(MSR_SHADOW_GS_BASE), 0x1234000);
    CHECK_EQ(HYPERVISOR_set_segment_base(SEGBASE_GS_USER, 0x5678000), 0);
    CHECK_EQ(rdmsr(MSR_SHADOW_GS_BASE), 0x5678000);
    /* Non-canonical bases are a #GP, not a hypervisor fault. */
    CHECK(wr_faults(MSR_FS_BASE, 0x8000000000000000UL));
    CHECK(wr_faults(MSR_GS_BASE, 0x0000800000000000UL));
    CHECK(wr_faults(MSR_SHADOW_GS_BASE, 0xffff7fffffffffffUL));
    CHECK_EQ(rdmsr(MSR_FS_BASE), (unsigned long)&fs_word);
    wrmsr(MSR_FS_BASE, 0);
    wrmsr(MSR_GS_BASE, 0);

    printf("cpu-msr: the hypercall page MSR\n");
    memset(hcall_frame, 0, sizeof(hcall_frame));
    wrmsr(MSR_HYPERCALL_PAGE,
          (uint64_t)p2m[((unsigned long)hcall_frame - VIRT_BASE) >> 12] << 12);
    /* xen_version's stub: push %rcx; push %r11; mov $17, %eax... */
    CHECK_EQ(hcall_frame[17 * 32], 0x51);
    CHECK_EQ(hcall_frame[17 * 32 + 3], 0xb8);
    CHECK_EQ(hcall_frame[17 * 32 + 4], 17);
    CHECK(wr_faults(MSR_HYPERCALL_PAGE, 1));
    CHECK(wr_faults(MSR_HYPERCALL_PAGE, 0));
    /* Page tables cannot become one. */
    CHECK(wr_faults(MSR_HYPERCALL_PAGE,
                    (uint64_t)p2m[(start_info->pt_base - VIRT_BASE) >> 12]
                    << 12));

    printf("cpu-msr: not from user mode\n");
    CHECK_EQ(user_mode_init(), 0);
    trap_expected = 13;
    CHECK_EQ(user_call(user_rdmsr, MSR_EFER), -1013);
    trap_expected = -1;
    CHECK_EQ(user_last_frame.error_code, 0);
}
