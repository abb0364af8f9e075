/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypercall numbers with no handler return -ENOSYS and leave every other
 * register alone (bar RCX and R11, which SYSCALL itself overwrites).
 */
#include "hvtest.h"

const char test_title[] = "bad-hypercall: unknown numbers give -ENOSYS";

static const unsigned long bad[] = {
    11,                 /* never allocated */
    __HYPERVISOR_tmem_op,       /* gone since Xen 4.13 */
    __HYPERVISOR_argo_op,       /* not built into the reference */
    43, 44, 45, 46, 47, /* unallocated */
    50, 51, 52, 53, 54, 55,     /* unused arch-specific slots on x86 */
    56, 57, 63,         /* top of the table */
    64, 127, 128, 1000, 0xffff,
    0xffffffffUL,
    (1UL << 32) | __HYPERVISOR_xen_version, /* all 64 bits of RAX count */
    0x8000000000000000UL | __HYPERVISOR_console_io,
    ~0UL,
};

/* A distinct value for every register: a swapped pair shows up too. */
static void fill_pattern(struct regs *r, unsigned long nr)
{
    uint64_t *w = (uint64_t *)r;

    for ( unsigned int i = 0; i < REGS_SIZE / 8; i++ )
        w[i] = 0x0123456789ab0000UL | (i << 8) | i;
    r->rax = nr;
}

static void compare(const char *what, unsigned long nr, const struct regs *in,
                    const struct regs *out, uint64_t skip_mask)
{
    const uint64_t *a = (const uint64_t *)in, *b = (const uint64_t *)out;

    for ( unsigned int i = 0; i < REGS_SIZE / 8; i++ )
    {
        if ( skip_mask & (1UL << i) )
            continue;
        if ( a[i] != b[i] )
            test_fail("%s %#lx: %s changed from %#lx to %#lx", what, nr,
                      regs_names[i], a[i], b[i]);
    }
}

#define BIT(r) (1UL << (REGS_##r / 8))

static void test_unknown(void)
{
    struct regs in, out;

    for ( unsigned int i = 0; i < ARRAY_SIZE(bad); i++ )
    {
        fill_pattern(&in, bad[i]);
        regs_syscall_probe(&in, &out);
        printf("hypercall %#lx -> %ld (rcx %#lx, r11 %#lx)\n", bad[i],
               (long)out.rax, out.rcx, out.r11);
        if ( (long)out.rax != -ENOSYS )
            test_fail("hypercall %#lx returned %ld, want %d", bad[i],
                      (long)out.rax, -ENOSYS);
        CHECK_EQ(out.rsp, 0);
        /* rsp is a delta; flags and segments are not loaded from *in. */
        compare("hypercall", bad[i], &in, &out,
                BIT(rax) | BIT(rcx) | BIT(r11) | BIT(rsp) | BIT(rflags) |
                BIT(cs) | BIT(ss) | BIT(ds) | BIT(es) | BIT(fs) | BIT(gs));
    }
}

static void test_known(void)
{
    struct regs in, out;
    long v = HYPERVISOR_xen_version(XENVER_version, NULL);

    /*
     * A real hypercall may clobber its argument registers (Xen's debug
     * builds do), but never the others.
     */
    fill_pattern(&in, __HYPERVISOR_xen_version);
    in.rdi = XENVER_version;
    regs_syscall_probe(&in, &out);
    CHECK_EQ(out.rax, v);
    CHECK_EQ(out.rsp, 0);
    compare("xen_version", __HYPERVISOR_xen_version, &in, &out,
            BIT(rax) | BIT(rcx) | BIT(r11) | BIT(rsp) | BIT(rflags) |
            BIT(rdi) | BIT(rsi) | BIT(rdx) | BIT(r10) | BIT(r8) |
            BIT(cs) | BIT(ss) | BIT(ds) | BIT(es) | BIT(fs) | BIT(gs));
}

void test_main(void)
{
    test_unknown();
    test_known();
}
