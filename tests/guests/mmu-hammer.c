/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Random mmu_update, mmuext_op and update_va_mapping calls on a pool of
 * our frames (arguments, levels, flags and values drawn at random), then
 * everything undone: the hypervisor must survive, and every frame must
 * come back untyped and unreferenced but for us, the reservation intact.
 * Arguments: seed=N, iters=N, trace=N (print every answer from the Nth),
 * dump=N (the pool's contents before the Nth), nol4=1 (no L4 tables, for
 * runs compared answer by answer).
 */
#include "mmu-common.h"

const char test_title[] = "mmu-hammer: random MMU calls, nothing leaks";

#define POOL    24
#define SLOTS   16

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dUL;
}

static unsigned long arg(const char *key, unsigned long def)
{
    char buf[24];
    unsigned long v = 0;

    if ( !cmdline_get(key, buf, sizeof(buf)) || !buf[0] )
        return def;
    for ( const char *p = buf; *p >= '0' && *p <= '9'; p++ )
        v = v * 10 + (*p - '0');
    return v;
}

static unsigned long pool(unsigned int i)
{
    return spare_mfn(i);
}

/* A value for an entry: mostly frames of the pool, some noise. */
static uint64_t random_entry(void)
{
    static const uint64_t bits[] = {
        PTE_P, PTE_RW, PTE_US, PTE_A, PTE_D, PTE_PSE, PTE_PCD, PTE_PWT,
        PTE_G, PTE_NX, 1UL << 52, 1UL << 62,
    };
    uint64_t r = rnd(), v;

    switch ( r & 7 )
    {
    case 0:
        return 0;
    case 1:
        return rnd();
    default:
        v = pool((r >> 3) % POOL) << 12;
        for ( unsigned int i = 0; i < ARRAY_SIZE(bits); i++ )
            if ( (r >> (8 + i)) & 1 )
                v |= bits[i];
        /* Mostly present. */
        if ( (r >> 30) & 3 )
            v |= PTE_P;
        return v;
    }
}

static bool no_l4;

/* What the last call was, for traces. */
static char desc[160];

static long random_call(unsigned long *counts)
{
    uint64_t r = rnd();
    unsigned int i = (r >> 8) % POOL;

    switch ( r % 6 )
    {
    case 0: case 1:
    {
        mmu_update_t req[3];
        unsigned int n = 1 + (r >> 16) % 3, done;

        for ( unsigned int j = 0; j < n; j++ )
        {
            uint64_t s = rnd();
            unsigned long ma;

            if ( s & 1 )
                l1e_of(scratch_va((s >> 1) % SLOTS), &ma);
            else
                ma = entry_ma(pool((s >> 1) % POOL), (s >> 8) % 512);
            /* Mostly normal or preserve-A/D updates. */
            req[j].ptr = ma | ((s >> 20) % 4 ? ((s >> 22) & 2) :
                               (s >> 24) & 7);
            req[j].val = random_entry();
        }
        counts[0]++;
        snprintf(desc, sizeof(desc), "mmu_update %#lx=%#lx +%u",
                 (unsigned long)req[0].ptr, (unsigned long)req[0].val, n - 1);
        return mmu_update(req, n, &done, DOMID_SELF);
    }
    case 2:
    {
        mmuext_op_t op;
        static const unsigned int cmds[] = {
            MMUEXT_PIN_L1_TABLE, MMUEXT_PIN_L2_TABLE, MMUEXT_PIN_L3_TABLE,
            MMUEXT_PIN_L4_TABLE, MMUEXT_UNPIN_TABLE, MMUEXT_UNPIN_TABLE,
            MMUEXT_TLB_FLUSH_LOCAL, MMUEXT_INVLPG_LOCAL,
            MMUEXT_NEW_USER_BASEPTR, MMUEXT_CLEAR_PAGE, MMUEXT_COPY_PAGE,
            MMUEXT_MARK_SUPER, 99,
        };

        memset(&op, 0, sizeof(op));
        op.cmd = cmds[(r >> 16) % ARRAY_SIZE(cmds)];
        /*
         * An L4 gets the hypervisor's own slots written into it, which
         * differ between hypervisors; runs to be compared call by call
         * leave L4s out (nol4=1).
         */
        if ( no_l4 && (op.cmd == MMUEXT_PIN_L4_TABLE ||
                       op.cmd == MMUEXT_NEW_USER_BASEPTR) )
            op.cmd = MMUEXT_PIN_L3_TABLE;
        op.arg1.mfn = pool(i);
        if ( op.cmd == MMUEXT_INVLPG_LOCAL )
            op.arg1.linear_addr = scratch_va(i % SLOTS);
        op.arg2.src_mfn = pool((r >> 24) % POOL);
        counts[1]++;
        snprintf(desc, sizeof(desc), "mmuext %u %#lx %#lx", op.cmd,
                 (unsigned long)op.arg1.mfn, (unsigned long)op.arg2.src_mfn);
        return mmuext(&op, 1, NULL, DOMID_SELF);
    }
    case 3: case 4:
    {
        uint64_t e = random_entry();

        counts[2]++;
        snprintf(desc, sizeof(desc), "uvm %u %#lx", i % SLOTS,
                 (unsigned long)e);
        return uvm(scratch_va(i % SLOTS), e, (r >> 16) % 3);
    }
    default:
        /* Pins are undone often, or everything would soon be typed. */
        counts[1]++;
        snprintf(desc, sizeof(desc), "unpin %#lx", pool(i));
        return mmuext1(MMUEXT_UNPIN_TABLE, pool(i));
    }
}

/* The pool's entries, frames named by pool index, for comparing runs. */
static void dump_pool(void)
{
    for ( unsigned int i = 0; i < POOL; i++ )
    {
        const uint64_t *t = scratch(SLOTS + 8);

        printf("mmu-hammer: dump %u is %#lx\n", i, pool(i));
        if ( map_at(SLOTS + 8, pool(i), PTE_P | PTE_A) )
        {
            printf("mmu-hammer: dump %u: cannot map\n", i);
            continue;
        }
        for ( unsigned int e = 0; e < 512; e++ )
        {
            unsigned long mfn = (t[e] & PTE_ADDR) >> 12, k;

            if ( !t[e] )
                continue;
            for ( k = 0; k < POOL && pool(k) != mfn; k++ )
                ;
            if ( k < POOL )
                printf("mmu-hammer: dump %u[%u] = pool %lu | %#lx\n", i, e,
                       k, (unsigned long)(t[e] & ~PTE_ADDR));
            else
                printf("mmu-hammer: dump %u[%u] = %#lx\n", i, e,
                       (unsigned long)t[e]);
        }
    }
    map_at(SLOTS + 8, 0, 0);
}

void test_main(void)
{
    unsigned long iters = arg("iters", 20000), ok = 0, digest = 0;
    unsigned long counts[3] = { 0 };
    unsigned long trace = arg("trace", ~0UL), dump = arg("dump", ~0UL);
    long cur0 = current_reservation();

    no_l4 = arg("nol4", 0);
    rng_state = arg("seed", 1) * 0x9e3779b97f4a7c15UL + 1;
    printf("mmu-hammer: %lu calls, seed %lu\n", iters, arg("seed", 1));
    for ( unsigned int i = 0; i < POOL; i++ )
        CHECK(zero_frame(0, pool(i)));

    for ( unsigned long n = 0; n < iters; n++ )
    {
        long rc;

        if ( n == dump )
            dump_pool();
        rc = random_call(counts);

        if ( n >= trace )
            printf("mmu-hammer: %lu: %ld %s\n", n, rc, desc);
        /* A digest of every answer, to compare two hypervisors' runs. */
        digest = (digest ^ (unsigned long)rc) * 0x100000001b3UL;
        if ( !rc )
            ok++;
    }
    printf("mmu-hammer: %lu mmu_update, %lu mmuext_op, %lu "
           "update_va_mapping; %lu succeeded, digest %#lx\n", counts[0],
           counts[1], counts[2], ok, digest);

    /* Undo: no user base, no pins, no scratch mappings. */
    CHECK_EQ(mmuext1(MMUEXT_NEW_USER_BASEPTR, 0), 0);
    for ( unsigned int i = 0; i < POOL; i++ )
        mmuext1(MMUEXT_UNPIN_TABLE, pool(i));
    for ( unsigned int s = 0; s < SLOTS; s++ )
        CHECK_EQ(uvm(scratch_va(s), 0, UVMF_INVLPG), 0);

    /* Every frame is plain memory again: writable, then an L1. */
    for ( unsigned int i = 0; i < POOL; i++ )
    {
        if ( map_at(0, pool(i), PTE_DATA) )
        {
            test_fail("pool frame %u is still typed", i);
            continue;
        }
        memset(scratch(0), 0, PAGE);
        CHECK_EQ(map_at(0, 0, 0), 0);
        if ( mmuext1(MMUEXT_PIN_L1_TABLE, pool(i)) ||
             mmuext1(MMUEXT_UNPIN_TABLE, pool(i)) )
            test_fail("pool frame %u cannot become a table", i);
    }
    CHECK_EQ(current_reservation(), cur0);
    CHECK_EQ(memory_op(XENMEM_current_reservation, &(domid_t){ 0 }), cur0);
}
