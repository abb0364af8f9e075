/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Garbage to every CPU hypercall: a fixed pseudo-random sequence of
 * set_trap_table, callback_op, set_callbacks, nmi_op, stack_switch,
 * set_segment_base, fpu_taskswitch, set/get_debugreg, set_gdt,
 * update_descriptor and physdev_op (set_iopl, set_iobitmap) calls with
 * wild numbers and pointers (NULL, unmapped, the hypervisor's range,
 * non-canonical, and buffers of random bytes, one of them read-only).
 * The hypervisor must answer each one and go on; the answers, folded into
 * a checksum, must be the ones Xen 4.17 gives.  The guest's own state is
 * put back afterwards and checked.
 */
#include "hvtest.h"
#include "traps.h"
#include "hypercall-cpu.h"
#include <public/physdev.h>

const char test_title[] = "cpu-hostile: random arguments to CPU hypercalls";

#define CALLS       4000
#define PAGE        4096UL
/* What Xen 4.17 answers to the sequence below (see the log's last line). */
#define XEN_SUM     0x956f12c9d7d93029UL

static uint8_t junk[2 * PAGE] __attribute__((aligned(PAGE)));
/* Random bytes too, mapped read-only. */
static uint64_t ro_page[PAGE / 8] __attribute__((aligned(PAGE)));
static uint64_t state = 0x9e3779b97f4a7c15UL;

static uint64_t rnd(void)
{
    /* xorshift64*: the same numbers on every run. */
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545f4914f6cdd1dUL;
}

/* Mostly small numbers, sometimes anything. */
static unsigned long rnum(void)
{
    switch ( rnd() % 4 )
    {
    case 0: return rnd() % 8;
    case 1: return rnd() % 0x10000;
    case 2: return (unsigned long)(long)(int)rnd();
    default: return rnd();
    }
}

/* A pointer of some kind; junk holds random bytes. */
static unsigned long rptr(void)
{
    switch ( rnd() % 8 )
    {
    case 0: return 0;
    case 1: return 0x1000 + rnd() % 0x1000;
    case 2: return 0xffff800000000000UL + (rnd() & 0x7ffffffffffUL);
    case 3: return 0x0000800000000000UL + (rnd() & 0xffffff);
    case 4: return (unsigned long)ro_page + rnd() % PAGE;
    case 5: return (unsigned long)junk + PAGE - 8 + rnd() % 16;
    default: return (unsigned long)junk + rnd() % PAGE;
    }
}

/* The L1 entry of one of our pages, made read-only (M2P finds tables). */
static long make_read_only(void *va)
{
    const unsigned long *m2p = (const unsigned long *)0xffff800000000000UL;
    unsigned long a = (unsigned long)va;
    uint64_t e = ((uint64_t *)start_info->pt_base)[(a >> 39) & 511];

    for ( unsigned int shift = 30; shift >= 12; shift -= 9 )
        e = ((uint64_t *)(VIRT_BASE +
                          m2p[(e & 0x000ffffffffff000UL) >> 12] * PAGE))
            [(a >> shift) & 511];
    return HYPERVISOR_update_va_mapping(a, e & ~2UL, UVMF_INVLPG);
}

static void fill_junk(void)
{
    for ( unsigned int i = 0; i < PAGE / 8; i++ )
        ((uint64_t *)junk)[i] = rnd() % 3 ? rnd() : rnd() & 0xffff;
}

/*
 * Frame lists for set_gdt name frames the test knows about: random
 * frames would hit RAM that the domain owns on one hypervisor and not
 * on the other (the two give dom0 different amounts of memory).
 */
static long set_gdt_wild(void)
{
    static unsigned long frames[16];
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    unsigned long pt = p2m[(start_info->pt_base - VIRT_BASE) / PAGE];
    unsigned long text = p2m[((unsigned long)_image_start - VIRT_BASE) / PAGE];

    for ( unsigned int i = 0; i < 16; i++ )
    {
        switch ( rnd() % 4 )
        {
        case 0: frames[i] = rnd() | (1UL << 40); break;
        case 1: frames[i] = pt; break;
        case 2: frames[i] = text; break;
        default: frames[i] = 0; break;
        }
    }
    if ( rnd() % 4 == 0 )
        return HYPERVISOR_set_gdt((void *)rptr(), rnum());
    return HYPERVISOR_set_gdt(frames, rnd() % 8 ? rnd() % 9000 : rnum());
}

static long one_call(unsigned int *op)
{
    *op = rnd() % 12;
    switch ( *op )
    {
    case 0:
        return HYPERVISOR_set_trap_table((void *)rptr());
    case 1:
        return HYPERVISOR_callback_op(rnd() % 4, (void *)rptr());
    case 2:
        return HYPERVISOR_set_callbacks(rnum(), rnum(), rnum());
    case 3:
        return HYPERVISOR_nmi_op(rnd() % 3, (void *)rptr());
    case 4:
        return HYPERVISOR_stack_switch(rnum(), rnum());
    case 5:
        return HYPERVISOR_set_segment_base(rnd() % 6, rnum());
    case 6:
        return HYPERVISOR_fpu_taskswitch(rnum());
    case 7:
    {
        long rc = HYPERVISOR_set_debugreg(rnd() % 10, rnum());

        /* Nothing of ours may be watched between two calls. */
        HYPERVISOR_set_debugreg(7, 0);
        return rc;
    }
    case 8:
        return HYPERVISOR_get_debugreg(rnd() % 10);
    case 9:
        return set_gdt_wild();
    case 10:
        /* Frames above 4 GiB are nobody's: no memory gets scribbled on. */
        return HYPERVISOR_update_descriptor((1UL << 32) + rnum(), rnum());
    default:
        /* The two port I/O operations; the device ones are not ours. */
        return hypercall2(__HYPERVISOR_physdev_op,
                          PHYSDEVOP_set_iopl + rnd() % 2, (void *)rptr());
    }
}

static void restore(void)
{
    struct physdev_set_iopl iopl = { .iopl = 0 };

    HYPERVISOR_set_trap_table(NULL);
    traps_init();
    HYPERVISOR_stack_switch(FLAT_KERNEL_SS, kernel_stack_top);
    HYPERVISOR_set_segment_base(SEGBASE_FS, 0);
    HYPERVISOR_set_segment_base(SEGBASE_GS_KERNEL, 0);
    HYPERVISOR_set_segment_base(SEGBASE_GS_USER, 0);
    HYPERVISOR_set_segment_base(SEGBASE_GS_USER_SEL, 0);
    HYPERVISOR_fpu_taskswitch(0);
    for ( unsigned int i = 0; i < 4; i++ )
        HYPERVISOR_set_debugreg(i, 0);
    HYPERVISOR_set_debugreg(6, 0);
    HYPERVISOR_set_debugreg(7, 0);
    HYPERVISOR_set_gdt(NULL, 0);
    hypercall2(__HYPERVISOR_physdev_op, PHYSDEVOP_set_iopl, &iopl);
    *upcall_mask() = 1;
}

static long user_ok(long arg)
{
    return arg * 2;
}

static void raise_bp(void)
{
    asm volatile ( "int3" );
}

void test_main(void)
{
    uint64_t sum = 0;
    char buf[8];
    bool verbose = cmdline_get("verbose", buf, sizeof(buf));

    traps_init();
    CHECK_EQ(user_mode_init(), 0);
    for ( unsigned int i = 0; i < PAGE / 8; i++ )
        ro_page[i] = rnd();
    CHECK_EQ(make_read_only(ro_page), 0);
    for ( unsigned int i = 0; i < CALLS; i++ )
    {
        unsigned int op;
        long rc;

        if ( i % 64 == 0 )
            fill_junk();
        rc = one_call(&op);
        sum = (sum ^ (uint64_t)rc) * 0x100000001b3UL + op;
        if ( verbose )
            printf("cpu-hostile: %u: op %u: %ld\n", i, op, rc);
        if ( i % 500 == 499 )
            printf("cpu-hostile: %u calls, checksum %#lx\n", i + 1,
                   (unsigned long)sum);
        /* Keep events masked: a junk callback must not be entered. */
        *upcall_mask() = 1;
    }
    restore();
    printf("cpu-hostile: final checksum %#lx\n", (unsigned long)sum);
    CHECK_EQ(sum, XEN_SUM);

    /* Still a working guest. */
    CHECK(expect_trap(3, 0, raise_bp));
    CHECK_EQ(user_call(user_ok, 21), 42);
    CHECK(HYPERVISOR_xen_version(XENVER_version, NULL) > 0);
}
