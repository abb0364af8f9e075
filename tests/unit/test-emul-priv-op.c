/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit tests of the PV privileged-instruction emulator: each instruction's
 * policy (emulated, #GP, #UD or left alone), the I/O permission matrix,
 * string I/O with faults and restarts, and instruction-fetch faults.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/Basic.h>

#include <hv/errno.h>
#include "emul-priv-op.h"

/* Guest memory: NPAGES pages from MEM, each readable and/or writable. */
#define MEM         0x10000000ULL
#define NPAGES      16
#define RIP         (MEM + 0x100)
#define IOBMP       (MEM + 0x3000)
#define FS_BASE     0x2000ULL       /* FS-relative data at MEM + 0x2000 */
#define P_R         1
#define P_W         2

static uint8_t mem[NPAGES * 4096];
static uint8_t perm[NPAGES];
static bool iobmp_readable;

static struct pv_emul_vcpu vcpu;
static struct pv_cpuid_policy policy;
static struct pv_cpuid_hv hv = { .version = 0x40011 };

/* What the ops saw. */
static struct {
    unsigned int io_reads, io_writes;
    unsigned int last_port, last_bytes;
    uint32_t last_out;
    int fpu_ts;                     /* -1: not called */
    uint64_t cr2, cr3, cr4;
    int cr3_rc;
    unsigned int dr_reg;
    uint64_t dr_val;
    uint32_t dr_emul;
    uint64_t xcr0;
    unsigned int wbinvd;
    uint32_t msr;
    uint64_t msr_val;
    bool msr_set;
    uint64_t tsc, tsc_aux;
} seen;

static unsigned int copy(uint64_t la, void *buf, const void *src,
                         unsigned int len, unsigned int need)
{
    unsigned int i;

    for ( i = 0; i < len; i++ )
    {
        uint64_t a = la + i;

        if ( a < MEM || a >= MEM + sizeof(mem) ||
             !(perm[(a - MEM) / 4096] & need) )
            return len - i;
        if ( buf )
            ((uint8_t *)buf)[i] = mem[a - MEM];
        else
            mem[a - MEM] = ((const uint8_t *)src)[i];
    }
    return 0;
}

static unsigned int op_read(uint64_t la, void *buf, unsigned int len)
{
    return copy(la, buf, NULL, len, P_R);
}

static unsigned int op_write(uint64_t la, const void *buf, unsigned int len)
{
    return copy(la, NULL, buf, len, P_W);
}

static unsigned int op_read_iobmp(uint64_t la, void *buf, unsigned int len)
{
    if ( !iobmp_readable )
        return len;
    return copy(la, buf, NULL, len, P_R);
}

static uint64_t op_seg_base(enum x86_seg seg)
{
    return seg == X86_SEG_FS ? MEM + FS_BASE : 0;
}

/* Ports read back a pattern of their number, byte by byte. */
static uint32_t op_io_read(unsigned int port, unsigned int bytes)
{
    uint32_t v = 0;
    unsigned int i;

    seen.io_reads++;
    seen.last_port = port;
    seen.last_bytes = bytes;
    for ( i = 0; i < bytes; i++ )
        v |= (uint32_t)((port + i) & 0xff) << (8 * i);
    return v;
}

static void op_io_write(unsigned int port, unsigned int bytes, uint32_t val)
{
    seen.io_writes++;
    seen.last_port = port;
    seen.last_bytes = bytes;
    seen.last_out = val;
}

static void op_fpu_taskswitch(bool set)
{
    seen.fpu_ts = set;
}

static void op_write_cr2(uint64_t v)
{
    seen.cr2 = v;
}

static int op_write_cr3(uint64_t v)
{
    seen.cr3 = v;
    return seen.cr3_rc;
}

static void op_write_cr4(uint64_t v)
{
    seen.cr4 = v;
}

static void op_write_dr(unsigned int reg, uint64_t val, uint32_t emul)
{
    seen.dr_reg = reg;
    seen.dr_val = val;
    seen.dr_emul = emul;
}

static int op_write_xcr0(uint64_t v)
{
    seen.xcr0 = v;
    return 0;
}

static void op_wbinvd(void)
{
    seen.wbinvd++;
}

static int op_msr_get(uint32_t msr, uint64_t *val)
{
    seen.msr = msr;
    switch ( msr )
    {
    case 0x10: *val = seen.tsc; return 0;
    case 0xc0000103: *val = seen.tsc_aux; return 0;
    case 0xc0000100: *val = 0xffff888812345678ULL; return 0;
    }
    *val = 0;
    return 0;
}

static int op_msr_set(uint32_t msr, uint64_t val)
{
    seen.msr = msr;
    seen.msr_val = val;
    seen.msr_set = true;
    return 0;
}

static int op_rdmsr_host(uint32_t msr, uint64_t *val)
{
    switch ( msr )
    {
    case 0xc0000080: *val = 0xd01; return 0;
    case 0x1a0: *val = 1; return 0;
    case 0x2a: *val = 0x1234; return 0;     /* exists, not for guests */
    }
    return -EFAULT;
}

static int op_hypercall_page(uint64_t gaddr)
{
    return gaddr == MEM ? 0 : -EINVAL;
}

/* An Intel host with XSAVE/AVX, RDTSCP and FSGSBASE. */
static void host_cpuid(uint32_t leaf, uint32_t subleaf, struct cpuid_leaf *r)
{
    *r = (struct cpuid_leaf){ 0 };
    switch ( leaf )
    {
    case 0:
        *r = (struct cpuid_leaf){ 0xd, 0x756e6547, 0x6c65746e, 0x49656e69 };
        break;
    case 1:
        *r = (struct cpuid_leaf){ 0x306c3, 0x800, 0x1c982203 | (1u << 28),
                                  0x078bfbff };
        break;
    case 7:
        if ( subleaf == 0 )
            *r = (struct cpuid_leaf){ 0, 1, 0, 0 };
        break;
    case 0xd:
        if ( subleaf == 0 )
            *r = (struct cpuid_leaf){ 7, 0x240, 0x340, 0 };
        else if ( subleaf == 2 )
            *r = (struct cpuid_leaf){ 0x100, 0x240, 0, 0 };
        break;
    case 0x80000000:
        *r = (struct cpuid_leaf){ 0x80000008, 0, 0, 0 };
        break;
    case 0x80000001:
        *r = (struct cpuid_leaf){ 0, 0, 1, 0x28100800 };
        break;
    case 0x80000008:
        *r = (struct cpuid_leaf){ 0x3027, 0, 0, 0 };
        break;
    }
}

static void op_get_vcpu(struct pv_emul_vcpu *v)
{
    *v = vcpu;
}

static const struct pv_emul_ops ops = {
    .get_vcpu = op_get_vcpu,
    .read = op_read, .write = op_write, .read_iobmp = op_read_iobmp,
    .seg_base = op_seg_base,
    .io_read = op_io_read, .io_write = op_io_write,
    .fpu_taskswitch = op_fpu_taskswitch, .write_cr2 = op_write_cr2,
    .write_cr3 = op_write_cr3, .write_cr4 = op_write_cr4,
    .write_dr = op_write_dr, .write_xcr0 = op_write_xcr0,
    .wbinvd = op_wbinvd,
    .msr_get = op_msr_get, .msr_set = op_msr_set,
    .rdmsr_host = op_rdmsr_host, .hypercall_page = op_hypercall_page,
    .host_cpuid = host_cpuid,
};

static struct cpu_user_regs regs;
static struct pv_emul_fault fault;

/* A fresh dom0-like vcpu in kernel mode, code at RIP. */
static void reset(const uint8_t *code, size_t len)
{
    struct pv_cpuid_host h;

    memset(mem, 0xcc, sizeof(mem));
    memset(perm, P_R | P_W, sizeof(perm));
    if ( len )
        memcpy(&mem[RIP - MEM], code, len);
    iobmp_readable = true;
    memset(&seen, 0, sizeof(seen));
    seen.fpu_ts = -1;

    pv_cpuid_host_defaults(&h, host_cpuid);
    pv_cpuid_policy_init(&policy, &h, true);
    memset(&vcpu, 0, sizeof(vcpu));
    vcpu.kernel_mode = true;
    vcpu.code_bits = 64;
    vcpu.hardware_domain = true;
    vcpu.cr0 = 0x80050033;
    vcpu.cr3 = 0x1ec2a000;
    vcpu.cr4 = 0x660;
    vcpu.host_cr4 = 0x3506e0;
    vcpu.dr6 = 0xffff0ff0;
    vcpu.dr7 = 0x400;
    vcpu.has_gp_handler = true;
    vcpu.iobmp = IOBMP;
    vcpu.cpuid = &policy;
    vcpu.hv = &hv;

    memset(&regs, 0, sizeof(regs));
    regs.rip = RIP;
    regs.rflags = 0x202;
    regs.cs = 0xe033;
    memset(&fault, 0xa5, sizeof(fault));
}

static int run(unsigned int vector)
{
    return pv_emulate_privileged_op(&regs, vector, &ops, &fault);
}

#define GP      13
#define UD      6
#define ASSERT_FAULT(vec, ec) \
    CU_ASSERT(fault.vector == (vec) && fault.error_code == (ec))

static void test_forced_cpuid(void)
{
    static const uint8_t fcpuid[] = { 0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2 };
    static const uint8_t notours[] = { 0x0f, 0x0b, 'x', 'e', 'm', 0x0f, 0xa2 };
    static const uint8_t ud2[] = { 0x0f, 0x0b, 0x90 };

    reset(fcpuid, sizeof(fcpuid));
    regs.rax = 0x40000000;
    regs.rcx = 0xdeadbeef00000000ULL;
    CU_ASSERT_EQUAL(run(UD), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rip, RIP + 7);
    CU_ASSERT(regs.rax == 0x40000005 && regs.rbx == 0x566e6558 &&
              regs.rcx == 0x65584d4d && regs.rdx == 0x4d4d566e);

    /* User space may use the prefix too... */
    reset(fcpuid, sizeof(fcpuid));
    vcpu.kernel_mode = false;
    regs.rax = 1;
    CU_ASSERT_EQUAL(run(UD), EMUL_OK);
    CU_ASSERT_NOT_EQUAL(regs.rcx & (1u << 31), 0);  /* HYPERVISOR */
    /* ...unless CPUID faulting is on: #GP, rip past the signature. */
    reset(fcpuid, sizeof(fcpuid));
    vcpu.kernel_mode = false;
    vcpu.cpuid_faulting = true;
    CU_ASSERT_EQUAL(run(UD), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    CU_ASSERT_EQUAL(regs.rip, RIP + 5);

    /* Single-stepped: done, then #DB with BS. */
    reset(fcpuid, sizeof(fcpuid));
    regs.rflags |= 0x100 | 0x10000;
    CU_ASSERT_EQUAL(run(UD), EMUL_EXCEPTION);
    CU_ASSERT(fault.vector == 1 && !fault.has_error_code);
    CU_ASSERT_EQUAL(fault.dr6, 0xffff4ff0);
    CU_ASSERT_EQUAL(regs.rip, RIP + 7);
    CU_ASSERT_EQUAL(regs.rflags & 0x10000, 0);       /* RF cleared */

    reset(notours, sizeof(notours));
    CU_ASSERT_EQUAL(run(UD), EMUL_UNHANDLED);
    CU_ASSERT_EQUAL(regs.rip, RIP);
    reset(ud2, sizeof(ud2));
    CU_ASSERT_EQUAL(run(UD), EMUL_UNHANDLED);

    /* The signature or the CPUID across an unmapped page: #PF there. */
    reset(fcpuid, sizeof(fcpuid));
    memcpy(&mem[0x1000 - 3], fcpuid, sizeof(fcpuid));
    perm[1] = 0;
    regs.rip = MEM + 0x1000 - 3;
    CU_ASSERT_EQUAL(run(UD), EMUL_EXCEPTION);
    ASSERT_FAULT(14, 0);
    CU_ASSERT_EQUAL(fault.cr2, MEM + 0x1000);
    regs.rip = MEM + 0x1000 - 6;
    memcpy(&mem[0x1000 - 6], fcpuid, 6);
    CU_ASSERT_EQUAL(run(UD), EMUL_EXCEPTION);
    CU_ASSERT_EQUAL(fault.cr2, MEM + 0x1000);
}

static void test_cpuid_gp(void)
{
    static const uint8_t cpuid[] = { 0x0f, 0xa2 };

    /* With CPUID faulting, a plain CPUID arrives as #GP. */
    reset(cpuid, sizeof(cpuid));
    regs.rax = 0;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rax == 0xd && regs.rbx == 0x756e6547);
    CU_ASSERT_EQUAL(regs.rip, RIP + 2);

    reset(cpuid, sizeof(cpuid));
    vcpu.kernel_mode = false;
    vcpu.cpuid_faulting = true;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    CU_ASSERT_EQUAL(regs.rip, RIP);

    /* #GP with an error code is a selector problem: not ours. */
    reset(cpuid, sizeof(cpuid));
    regs.error_code = 0x18;
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    /* Nor are other vectors. */
    reset(cpuid, sizeof(cpuid));
    CU_ASSERT_EQUAL(run(14), EMUL_UNHANDLED);
}

static void test_msr(void)
{
    static const uint8_t rdmsr[] = { 0x0f, 0x32 };
    static const uint8_t wrmsr[] = { 0x0f, 0x30 };

    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0xffffffff00000000ULL | 0xc0000100;  /* ECX only */
    regs.rax = regs.rdx = ~0ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rax == 0x12345678 && regs.rdx == 0xffff8888);
    CU_ASSERT_EQUAL(regs.rip, RIP + 2);

    /* EFER: Xen's own, without SVME. */
    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0xc0000080;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rax == 0xd01 && regs.rdx == 0);

    /* Unknown or refused: #GP(0), nothing changed. */
    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0x2a;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    CU_ASSERT_EQUAL(regs.rip, RIP);
    /* ...but read as 0 while the kernel has no #GP handler yet. */
    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0x2a;
    regs.rax = regs.rdx = 7;
    vcpu.has_gp_handler = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rax == 0 && regs.rdx == 0);
    /* ...if the hardware has it. */
    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0x2b;
    vcpu.has_gp_handler = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    /* Relaxed domains read unknown MSRs as 0 too. */
    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0x2a;
    vcpu.msr_relaxed = true;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);

    /* Not from user space. */
    reset(rdmsr, sizeof(rdmsr));
    regs.rcx = 0xc0000100;
    vcpu.kernel_mode = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);

    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0xc0000101;
    regs.rax = 0x9abcdef0;
    regs.rdx = 0x7fff;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(seen.msr_set && seen.msr == 0xc0000101 &&
              seen.msr_val == 0x7fff9abcdef0ULL);
    /* GS base must be canonical. */
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0xc0000101;
    regs.rdx = 0x80000000;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT(!seen.msr_set);
    /* EFER: the same value is accepted, a change is not. */
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0xc0000080;
    regs.rax = 0xd01;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0xc0000080;
    regs.rax = 0x501;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    /* The hypercall page MSR: page-aligned guest address. */
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0x40000000;
    regs.rax = (uint32_t)MEM;
    regs.rdx = MEM >> 32;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0x40000000;
    regs.rax = (uint32_t)MEM + 1;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    /* TSC_AUX: 32 bits only (the policy has RDTSCP). */
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0xc0000103;
    regs.rdx = 1;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    /* MISC_ENABLE: changes are silently ignored. */
    reset(wrmsr, sizeof(wrmsr));
    regs.rcx = 0x1a0;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(!seen.msr_set);
}

static void test_cr(void)
{
    static const uint8_t rd_cr0[] = { 0x0f, 0x20, 0xc0 };   /* rax */
    static const uint8_t wr_cr0[] = { 0x0f, 0x22, 0xc0 };
    static const uint8_t rd_cr3[] = { 0x41, 0x0f, 0x20, 0xdc }; /* r12 */
    static const uint8_t wr_cr3[] = { 0x0f, 0x22, 0xd9 };   /* rcx */
    static const uint8_t wr_cr2[] = { 0x0f, 0x22, 0xd0 };
    static const uint8_t rd_cr4[] = { 0x0f, 0x20, 0xe2 };   /* rdx */
    static const uint8_t wr_cr4[] = { 0x0f, 0x22, 0xe2 };
    static const uint8_t rd_cr8[] = { 0x44, 0x0f, 0x20, 0xc0 };
    static const uint8_t lock_cr0[] = { 0xf0, 0x0f, 0x20, 0xc0 };
    static const uint8_t clts[] = { 0x0f, 0x06 };

    reset(rd_cr0, sizeof(rd_cr0));
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rax, 0x80050033);
    CU_ASSERT_EQUAL(regs.rip, RIP + 3);

    /* CR0: the guest flips TS, and may write the rest back unchanged. */
    reset(wr_cr0, sizeof(wr_cr0));
    regs.rax = 0x80050033 | 8;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.fpu_ts, 1);
    reset(wr_cr0, sizeof(wr_cr0));
    regs.rax = 0x80050033 & ~0x10000;               /* WP */
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    CU_ASSERT_EQUAL(seen.fpu_ts, -1);

    reset(clts, sizeof(clts));
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.fpu_ts, 0);
    reset(clts, sizeof(clts));
    vcpu.kernel_mode = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);

    reset(rd_cr3, sizeof(rd_cr3));
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.r12, 0x1ec2a000);

    reset(wr_cr3, sizeof(wr_cr3));
    regs.rcx = 0x1234000;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.cr3, 0x1234000);
    reset(wr_cr3, sizeof(wr_cr3));
    seen.cr3_rc = -ERESTART;
    CU_ASSERT_EQUAL(run(GP), EMUL_RETRY);
    CU_ASSERT_EQUAL(regs.rip, RIP);
    reset(wr_cr3, sizeof(wr_cr3));
    seen.cr3_rc = -EINVAL;
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);

    reset(wr_cr2, sizeof(wr_cr2));
    regs.rax = 0xdead000;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.cr2, 0xdead000);

    reset(rd_cr4, sizeof(rd_cr4));
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rdx, 0x660);
    /* CR4: only TSD, DE, FSGSBASE and OSXSAVE are the guest's. */
    reset(wr_cr4, sizeof(wr_cr4));
    regs.rdx = ~0ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.cr4, 0x660 | 0x4 | 0x8 | 0x10000 | 0x40000);

    reset(rd_cr8, sizeof(rd_cr8));
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    reset(lock_cr0, sizeof(lock_cr0));
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT(fault.vector == UD && !fault.has_error_code);

    /* Ring 3 user space: #GP(0). */
    reset(rd_cr0, sizeof(rd_cr0));
    vcpu.kernel_mode = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    CU_ASSERT_EQUAL(regs.rax, 0);
}

static void test_dr(void)
{
    static const uint8_t rd_dr7[] = { 0x0f, 0x21, 0xf8 };   /* rax */
    static const uint8_t rd_dr4[] = { 0x0f, 0x21, 0xe0 };
    static const uint8_t rd_dr8[] = { 0x44, 0x0f, 0x21, 0xc0 };
    static const uint8_t wr_dr0[] = { 0x0f, 0x23, 0xc0 };
    static const uint8_t wr_dr6[] = { 0x0f, 0x23, 0xf0 };
    static const uint8_t wr_dr7[] = { 0x0f, 0x23, 0xf8 };

    reset(rd_dr7, sizeof(rd_dr7));
    vcpu.dr7_emul = 0x3;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rax, 0x403);

    /* DR4 is DR6, unless CR4.DE. */
    reset(rd_dr4, sizeof(rd_dr4));
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rax, 0xffff0ff0);
    reset(rd_dr4, sizeof(rd_dr4));
    vcpu.cr4 |= 8;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT_EQUAL(fault.vector, UD);
    reset(rd_dr8, sizeof(rd_dr8));
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT_EQUAL(fault.vector, UD);

    /* Breakpoints on the hypervisor's range are refused. */
    reset(wr_dr0, sizeof(wr_dr0));
    regs.rax = 0xffff800000001000ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    reset(wr_dr0, sizeof(wr_dr0));
    regs.rax = 0xffff880000001000ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(seen.dr_reg == 0 && seen.dr_val == regs.rax);

    /* DR6: reserved bits forced, upper half refused. */
    reset(wr_dr6, sizeof(wr_dr6));
    regs.rax = 0x1000f;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.dr_val, 0xffff0fff);
    reset(wr_dr6, sizeof(wr_dr6));
    regs.rax = 1ULL << 32;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);

    /* DR7: GD refused; I/O breakpoints need CR4.DE and are emulated. */
    reset(wr_dr7, sizeof(wr_dr7));
    regs.rax = 0x2000;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    reset(wr_dr7, sizeof(wr_dr7));
    regs.rax = 0x20002 | 0x40008;               /* DR0 I/O, DR1 write */
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    reset(wr_dr7, sizeof(wr_dr7));
    vcpu.cr4 |= 8;
    regs.rax = 0x20002 | 0x100008;              /* DR0 I/O, DR1 write */
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(seen.dr_reg == 7 && seen.dr_emul == 0x2 &&
              seen.dr_val == (0x100008 | 0x20000 | 0x400));
}

/* Decision of the I/O permission check for every IOPL and mode. */
static void test_iopl_matrix(void)
{
    unsigned int iopl, kernel, arch;

    for ( iopl = 0; iopl < 4; iopl++ )
        for ( kernel = 0; kernel < 2; kernel++ )
            for ( arch = 0; arch < 2; arch++ )
            {
                unsigned int cpl = kernel ? (arch ? 0 : 1) : 3;

                reset(NULL, 0);
                vcpu.iopl = iopl;
                vcpu.kernel_mode = kernel;
                vcpu.architectural_iopl = arch;
                CU_ASSERT_EQUAL(pv_io_allowed(&vcpu, &ops, 0x80, 1),
                                cpl <= iopl);
            }
}

static void set_bitmap(const unsigned int *denied, unsigned int n,
                       unsigned int limit)
{
    unsigned int i;

    memset(&mem[IOBMP - MEM], 0, 8192);
    for ( i = 0; i < n; i++ )
        mem[IOBMP - MEM + denied[i] / 8] |= 1u << (denied[i] % 8);
    vcpu.iobmp_limit = limit;
}

static void test_io_bitmap(void)
{
    static const unsigned int denied[] = { 0x61, 0x3f9, 0x400 };
    static const struct {
        unsigned int port, bytes;
        bool ok;
    } cases[] = {
        { 0x60, 1, true }, { 0x61, 1, false }, { 0x60, 2, false },
        { 0x5e, 2, true }, { 0x5e, 4, false }, { 0x3f8, 1, true },
        { 0x3f8, 2, false }, { 0x3fa, 4, true }, { 0x3fc, 4, true },
        { 0x3fd, 4, false },
        { 0x3ff, 1, true }, { 0x3ff, 2, false },
        { 0xfff, 1, true }, { 0xfff, 2, false },    /* beyond the limit */
        { 0x1000, 1, false },
    };
    unsigned int i;

    reset(NULL, 0);
    vcpu.kernel_mode = false;
    set_bitmap(denied, ARRAY_SIZE(denied), 0x1000);
    for ( i = 0; i < ARRAY_SIZE(cases); i++ )
        CU_ASSERT_EQUAL(pv_io_allowed(&vcpu, &ops, cases[i].port,
                                      cases[i].bytes), cases[i].ok);

    /* An unreadable bitmap denies everything; a half-readable one the
     * ports whose bits are in the unreadable byte. */
    iobmp_readable = false;
    CU_ASSERT(!pv_io_allowed(&vcpu, &ops, 0x60, 1));
    iobmp_readable = true;
    perm[(IOBMP - MEM + 0x1000) / 4096] = 0;         /* ports >= 0x8000 */
    vcpu.iobmp_limit = 0x10000;
    CU_ASSERT(pv_io_allowed(&vcpu, &ops, 0x7ff0, 1));
    CU_ASSERT(pv_io_allowed(&vcpu, &ops, 0x7ff8, 1));
    CU_ASSERT(!pv_io_allowed(&vcpu, &ops, 0x7fff, 2));
    CU_ASSERT(!pv_io_allowed(&vcpu, &ops, 0x8000, 1));
    /* ...and enough IOPL needs no bitmap at all. */
    vcpu.iopl = 3;
    CU_ASSERT(pv_io_allowed(&vcpu, &ops, 0x8000, 1));
}

static void test_in_out(void)
{
    static const uint8_t in_imm[] = { 0xe4, 0x71 };         /* in $0x71,%al */
    static const uint8_t in_dx32[] = { 0xed };              /* in %dx,%eax */
    static const uint8_t in_dx16[] = { 0x66, 0xed };
    static const uint8_t in_rexw[] = { 0x48, 0xed };
    static const uint8_t out_imm[] = { 0xe7, 0x80 };        /* out %eax */
    static const uint8_t out_dx8[] = { 0xee };
    static const unsigned int denied[] = { 0x71 };

    reset(in_imm, sizeof(in_imm));
    vcpu.iopl = 1;
    regs.rax = 0x1111111111111111ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rax, 0x1111111111111171ULL);
    CU_ASSERT(seen.last_port == 0x71 && seen.last_bytes == 1);
    CU_ASSERT_EQUAL(regs.rip, RIP + 2);

    /* 32-bit IN zero-extends RAX; 16-bit keeps the rest; REX.W is 32. */
    reset(in_dx32, sizeof(in_dx32));
    vcpu.iopl = 1;
    regs.rax = ~0ULL;
    regs.rdx = 0xffff0000 | 0x3f8;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rax, 0xfbfaf9f8);
    CU_ASSERT_EQUAL(seen.last_port, 0x3f8);
    reset(in_dx16, sizeof(in_dx16));
    vcpu.iopl = 1;
    regs.rax = ~0ULL;
    regs.rdx = 0x60;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rax, 0xffffffffffff6160ULL);
    reset(in_rexw, sizeof(in_rexw));
    vcpu.iopl = 1;
    regs.rdx = 0x60;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.last_bytes, 4);

    reset(out_imm, sizeof(out_imm));
    vcpu.iopl = 1;
    regs.rax = 0x123456789abcdef0ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(seen.io_writes == 1 && seen.last_port == 0x80 &&
              seen.last_bytes == 4 && seen.last_out == 0x9abcdef0);
    reset(out_dx8, sizeof(out_dx8));
    vcpu.iopl = 1;
    regs.rax = 0x1ff;
    regs.rdx = 0x43;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.last_out, 0xff);

    /* Not permitted: the #GP stands, nothing happened. */
    reset(in_imm, sizeof(in_imm));
    vcpu.kernel_mode = false;
    set_bitmap(denied, 1, 0x400);
    regs.rax = 5;
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    CU_ASSERT(seen.io_reads == 0 && regs.rax == 5 && regs.rip == RIP);
    /* The bitmap grants what IOPL does not. */
    reset(out_dx8, sizeof(out_dx8));
    vcpu.kernel_mode = false;
    set_bitmap(denied, 1, 0x400);
    regs.rdx = 0x70;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);

    /* I/O breakpoint on the port: done, then #DB with B0. */
    reset(out_dx8, sizeof(out_dx8));
    vcpu.iopl = 1;
    vcpu.cr4 |= 8;
    vcpu.dr[0] = 0x70;
    vcpu.dr7_emul = 2;
    regs.rdx = 0x71;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    regs.rip = RIP;
    regs.rdx = 0x70;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT(fault.vector == 1 && fault.dr6 == (0xffff0ff0 | 1));
    CU_ASSERT_EQUAL(regs.rip, RIP + 1);
    CU_ASSERT_EQUAL(seen.io_writes, 2);
}

static void test_string_io(void)
{
    static const uint8_t rep_insb[] = { 0xf3, 0x6c };
    static const uint8_t rep_outsw_fs[] = { 0x64, 0xf3, 0x66, 0x6f };
    static const uint8_t a32_rep_insl[] = { 0x67, 0xf3, 0x6d };
    static const uint8_t insb[] = { 0x6c };
    static const uint8_t outsl[] = { 0x6f };

    reset(rep_insb, sizeof(rep_insb));
    vcpu.iopl = 1;
    regs.rdx = 0x60;
    regs.rdi = MEM + 0x1000;
    regs.rcx = 3;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.io_reads, 3);
    CU_ASSERT(mem[0x1000] == 0x60 && mem[0x1002] == 0x60 &&
              mem[0x1003] == 0xcc);
    CU_ASSERT(regs.rdi == MEM + 0x1003 && regs.rcx == 0);
    CU_ASSERT_EQUAL(regs.rip, RIP + 2);

    /* Backwards with DF. */
    reset(rep_insb, sizeof(rep_insb));
    vcpu.iopl = 1;
    regs.rflags |= 0x400;
    regs.rdx = 0x60;
    regs.rdi = MEM + 0x1002;
    regs.rcx = 3;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(mem[0x1000] == 0x60 && mem[0x0fff] == 0xcc &&
              regs.rdi == MEM + 0xfff);

    /* OUTS honours segment overrides: FS's base is added. */
    reset(rep_outsw_fs, sizeof(rep_outsw_fs));
    vcpu.iopl = 1;
    mem[FS_BASE + 0x10] = 0x34;
    mem[FS_BASE + 0x11] = 0x12;
    mem[FS_BASE + 0x12] = 0x78;
    mem[FS_BASE + 0x13] = 0x56;
    regs.rsi = 0x10;
    regs.rcx = 2;
    regs.rdx = 0x1f0;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(seen.io_writes == 2 && seen.last_bytes == 2 &&
              seen.last_out == 0x5678 && regs.rsi == 0x14);

    /* A zero count does nothing, and needs no permission; 32-bit
     * addressing still zero-extends the registers. */
    reset(a32_rep_insl, sizeof(a32_rep_insl));
    regs.rcx = 0xffffffff00000000ULL;
    regs.rdi = 0xffffffff00001000ULL;
    vcpu.kernel_mode = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rcx == 0 && regs.rdi == 0x1000 && seen.io_reads == 0);
    CU_ASSERT_EQUAL(regs.rip, RIP + 3);

    /* REP INS into a read-only page: the bytes before it stay written,
     * the count and pointer say where it stopped, rip stays. */
    reset(rep_insb, sizeof(rep_insb));
    vcpu.iopl = 1;
    perm[2] = P_R;
    regs.rdx = 0x60;
    regs.rdi = MEM + 0x2000 - 2;
    regs.rcx = 5;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(14, 2);
    CU_ASSERT_EQUAL(fault.cr2, MEM + 0x2000);
    CU_ASSERT(regs.rcx == 3 && regs.rdi == MEM + 0x2000);
    CU_ASSERT_EQUAL(regs.rip, RIP);

    /* A lone INS that faults changes nothing. */
    reset(insb, sizeof(insb));
    vcpu.iopl = 1;
    perm[2] = P_R;
    regs.rdi = MEM + 0x2000;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT(regs.rdi == MEM + 0x2000 && regs.rip == RIP);

    /* OUTS from an unmapped page: #PF for a read. */
    reset(outsl, sizeof(outsl));
    vcpu.iopl = 1;
    perm[3] = 0;
    regs.rsi = MEM + 0x3000 - 2;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(14, 0);
    CU_ASSERT_EQUAL(fault.cr2, MEM + 0x3000);
    CU_ASSERT_EQUAL(seen.io_writes, 0);

    /* Into the hypervisor's addresses: #GP(0). */
    reset(insb, sizeof(insb));
    vcpu.iopl = 1;
    regs.rdi = 0xffff830000000000ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);

    /* Long strings go in slices: part done, rip stays for the rest. */
    reset(rep_insb, sizeof(rep_insb));
    vcpu.iopl = 1;
    regs.rdi = MEM + 0x4000;
    regs.rcx = 5000;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rcx > 0 && regs.rcx < 5000 && regs.rip == RIP);
    CU_ASSERT_EQUAL(regs.rdi, MEM + 0x4000 + 5000 - regs.rcx);
    while ( regs.rip == RIP )
        CU_ASSERT_EQUAL_FATAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rcx == 0 && regs.rdi == MEM + 0x4000 + 5000 &&
              seen.io_reads == 5000);

    /* Single-stepping a REP: one iteration per #DB. */
    reset(rep_insb, sizeof(rep_insb));
    vcpu.iopl = 1;
    regs.rflags |= 0x100;
    regs.rdi = MEM + 0x1000;
    regs.rcx = 3;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT(fault.vector == 1 && (fault.dr6 & 0x4000));
    CU_ASSERT(regs.rcx == 2 && regs.rip == RIP && seen.io_reads == 1);

    /* Permission is checked before anything moves. */
    reset(rep_insb, sizeof(rep_insb));
    vcpu.kernel_mode = false;
    regs.rcx = 3;
    regs.rdi = MEM + 0x1000;
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    CU_ASSERT(regs.rcx == 3 && seen.io_reads == 0);
}

static void test_misc(void)
{
    static const uint8_t wbinvd[] = { 0x0f, 0x09 };
    static const uint8_t invd[] = { 0x0f, 0x08 };
    static const uint8_t cli[] = { 0xfa };
    static const uint8_t hlt[] = { 0xf4 };
    static const uint8_t lmsw[] = { 0x0f, 0x01, 0xf0 };
    static const uint8_t smsw[] = { 0x0f, 0x01, 0x20 };
    static const uint8_t rdtsc[] = { 0x0f, 0x31 };
    static const uint8_t rdtscp[] = { 0x0f, 0x01, 0xf9 };
    static const uint8_t xsetbv[] = { 0x0f, 0x01, 0xd1 };
    static const uint8_t xsetbv66[] = { 0x66, 0x0f, 0x01, 0xd1 };

    reset(wbinvd, sizeof(wbinvd));
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.wbinvd, 0);            /* ignored */
    reset(wbinvd, sizeof(wbinvd));
    vcpu.cache_flush_permitted = true;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.wbinvd, 1);
    reset(wbinvd, sizeof(wbinvd));
    vcpu.kernel_mode = false;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);

    /* Not emulated: the guest gets its #GP back. */
    reset(invd, sizeof(invd));
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    reset(hlt, sizeof(hlt));
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    reset(lmsw, sizeof(lmsw));
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    reset(smsw, sizeof(smsw));
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);

    /* CLI/STI: skipped at sufficient IOPL, without touching anything. */
    reset(cli, sizeof(cli));
    CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    reset(cli, sizeof(cli));
    vcpu.iopl = 1;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rip == RIP + 1 && regs.rflags == 0x202);

    /* RDTSC traps only with CR4.TSD; user space then gets #GP. */
    reset(rdtsc, sizeof(rdtsc));
    seen.tsc = 0x1122334455667788ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT(regs.rax == 0x55667788 && regs.rdx == 0x11223344);
    reset(rdtsc, sizeof(rdtsc));
    vcpu.kernel_mode = false;
    vcpu.cr4 |= 4;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    reset(rdtscp, sizeof(rdtscp));
    seen.tsc_aux = 0x7;
    regs.rcx = ~0ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(regs.rcx, 7);
    CU_ASSERT_EQUAL(regs.rip, RIP + 3);

    /* XSETBV: #UD without CR4.OSXSAVE or with a prefix, #GP from user
     * space or for a bad value, else through to the vcpu. */
    reset(xsetbv, sizeof(xsetbv));
    regs.rax = 7;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT_EQUAL(fault.vector, UD);
    reset(xsetbv, sizeof(xsetbv));
    vcpu.cr4 |= 1u << 18;
    regs.rax = 7;
    CU_ASSERT_EQUAL(run(GP), EMUL_OK);
    CU_ASSERT_EQUAL(seen.xcr0, 7);
    reset(xsetbv66, sizeof(xsetbv66));
    vcpu.cr4 |= 1u << 18;
    regs.rax = 7;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT_EQUAL(fault.vector, UD);
    reset(xsetbv, sizeof(xsetbv));
    vcpu.cr4 |= 1u << 18;
    vcpu.kernel_mode = false;
    regs.rax = 7;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);
    reset(xsetbv, sizeof(xsetbv));
    vcpu.cr4 |= 1u << 18;
    regs.rax = 7;
    regs.rcx = 1;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    CU_ASSERT_EQUAL(seen.xcr0, 0);

    CU_ASSERT(pv_xcr0_valid(&policy, 3));
    CU_ASSERT(!pv_xcr0_valid(&policy, 2));          /* x87 is required */
    CU_ASSERT(!pv_xcr0_valid(&policy, 5));          /* YMM without SSE */
    CU_ASSERT(!pv_xcr0_valid(&policy, 0xf));        /* beyond the policy */
}

static void test_fetch(void)
{
    /* mov %cr0,%rax split across a page with nothing behind it. */
    static const uint8_t cr0[] = { 0x0f, 0x20, 0xc0 };
    uint8_t long_insn[16];

    reset(cr0, sizeof(cr0));
    memcpy(&mem[0x1000 - 2], cr0, sizeof(cr0));
    perm[1] = P_W;                                  /* not readable */
    regs.rip = MEM + 0x1000 - 2;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(14, 0);
    CU_ASSERT_EQUAL(fault.cr2, MEM + 0x1000);
    CU_ASSERT_EQUAL(regs.rax, 0);

    /* Code in the hypervisor's range: #GP(0) without a read. */
    reset(cr0, sizeof(cr0));
    regs.rip = 0xffff800000100000ULL;
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);

    /* Over 15 bytes: #GP(0). */
    memset(long_insn, 0x66, sizeof(long_insn));
    reset(long_insn, sizeof(long_insn));
    CU_ASSERT_EQUAL(run(GP), EMUL_EXCEPTION);
    ASSERT_FAULT(GP, 0);

    /* Something the decoder does not take (VEX): left alone. */
    {
        static const uint8_t vex[] = { 0xc5, 0xf8, 0x77 };  /* vzeroupper */

        reset(vex, sizeof(vex));
        CU_ASSERT_EQUAL(run(GP), EMUL_UNHANDLED);
    }

    /* 32-bit code: EIP-relative fetch through CS's base, EIP wraps. */
    {
        static const uint8_t in[] = { 0xe4, 0x60 };

        reset(in, sizeof(in));
        vcpu.code_bits = 32;
        vcpu.cs_base = 0;
        vcpu.iopl = 3;
        vcpu.kernel_mode = false;
        regs.rip = RIP;
        CU_ASSERT_EQUAL(run(GP), EMUL_OK);
        CU_ASSERT_EQUAL(regs.rip, RIP + 2);
    }
}

int main(void)
{
    static const struct { const char *name; CU_TestFunc fn; } tests[] = {
        { "forced CPUID (#UD)", test_forced_cpuid },
        { "faulted CPUID (#GP)", test_cpuid_gp },
        { "RDMSR/WRMSR", test_msr },
        { "control registers", test_cr },
        { "debug registers", test_dr },
        { "IOPL matrix", test_iopl_matrix },
        { "I/O bitmap", test_io_bitmap },
        { "IN/OUT", test_in_out },
        { "INS/OUTS", test_string_io },
        { "WBINVD, CLI, RDTSC, XSETBV and the rest", test_misc },
        { "instruction fetch", test_fetch },
    };
    CU_pSuite suite;
    unsigned int i, failed;

    if ( CU_initialize_registry() != CUE_SUCCESS )
        return 99;
    suite = CU_add_suite("emul-priv-op", NULL, NULL);
    for ( i = 0; suite && i < ARRAY_SIZE(tests); i++ )
        if ( !CU_add_test(suite, tests[i].name, tests[i].fn) )
            suite = NULL;
    if ( !suite )
    {
        CU_cleanup_registry();
        return 99;
    }
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failed = CU_get_number_of_failures();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}
