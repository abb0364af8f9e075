/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry flags at each level: what a PV guest may set, what the hypervisor
 * adds (user access, its kernel marker, global for user pages) and what it
 * refuses (superpages, caching bits above L1, reserved bits).
 */
#include "mmu-common.h"

const char test_title[] = "mmu-flags: entry flags at each level";

#define GK (1UL << 52)

struct flag_case {
    const char *what;
    uint64_t flags;
    long rc;
    uint64_t readback;
};

static void run(const char *level, unsigned long table, unsigned long target,
                const struct flag_case *c, unsigned int n)
{
    unsigned long ma = entry_ma(table, 3);

    for ( unsigned int i = 0; i < n; i++ )
    {
        long rc = mmu_update1(ma, (target << 12) | c[i].flags);
        uint64_t got;

        printf("mmu-flags: %s %s: %ld\n", level, c[i].what, rc);
        CHECK_EQ(rc, c[i].rc);
        if ( rc )
            continue;
        /* Read back through the M2P: the table's start-of-day address is
         * not mapped; use the scratch slot. */
        CHECK_EQ(map_at(9, table, PTE_P | PTE_A), 0);
        got = ((uint64_t *)scratch(9))[3] & ~PTE_ADDR;
        CHECK_EQ(got, c[i].readback);
        CHECK_EQ(map_at(9, 0, 0), 0);
        CHECK_EQ(mmu_update1(ma, 0), 0);
    }
}

void test_main(void)
{
    unsigned long t4 = spare_mfn(0), t3 = spare_mfn(1), t2 = spare_mfn(2);
    unsigned long t1 = spare_mfn(3), data = spare_mfn(4);
    static const struct flag_case l1[] = {
        { "kernel RW", PTE_DATA, 0, PTE_DATA | PTE_US | GK },
        { "no A/D", PTE_P, 0, PTE_P | PTE_US | GK },
        { "user", PTE_DATA | PTE_US, 0, PTE_DATA | PTE_US | PTE_G },
        { "global kernel", PTE_DATA | PTE_G, 0,
          PTE_DATA | PTE_G | PTE_US | GK },
        { "NX", PTE_DATA | PTE_NX, 0, PTE_DATA | PTE_NX | PTE_US | GK },
        { "available bits", PTE_DATA | 0xe00 | (0x3fUL << 53), 0,
          PTE_DATA | 0xe00 | (0x3fUL << 53) | PTE_US | GK },
        { "uncached", PTE_DATA | PTE_PCD | PTE_PWT, 0,
          PTE_DATA | PTE_PCD | PTE_PWT | PTE_US | GK },
        { "PAT", PTE_DATA | PTE_PSE, 0, PTE_DATA | PTE_PSE | PTE_US | GK },
    };
    static const struct flag_case l2[] = {
        { "table", PTE_TABLE, 0, PTE_TABLE },
        { "no user", PTE_P | PTE_RW | PTE_A, 0, PTE_P | PTE_RW | PTE_A |
          PTE_US },
        { "superpage", PTE_TABLE | PTE_PSE, -EINVAL, 0 },
        { "uncached", PTE_TABLE | PTE_PCD, -EINVAL, 0 },
        { "write-through", PTE_TABLE | PTE_PWT, -EINVAL, 0 },
        { "global", PTE_TABLE | PTE_G, -EINVAL, 0 },
        { "NX", PTE_TABLE | PTE_NX, 0, PTE_TABLE | PTE_NX },
    };
    static const struct flag_case l3[] = {
        { "table", PTE_TABLE, 0, PTE_TABLE },
        { "1 GiB page", PTE_TABLE | PTE_PSE, -EINVAL, 0 },
        { "uncached", PTE_TABLE | PTE_PCD, -EINVAL, 0 },
    };
    static const struct flag_case l4[] = {
        { "table", PTE_P | PTE_RW, 0, PTE_P | PTE_RW | PTE_US | PTE_A },
        { "PSE", PTE_TABLE | PTE_PSE, -EINVAL, 0 },
        { "global", PTE_TABLE | PTE_G, -EINVAL, 0 },
    };

    for ( unsigned int i = 0; i < 5; i++ )
        CHECK(zero_frame(0, spare_mfn(i)));
    CHECK_EQ(mmuext1(MMUEXT_PIN_L1_TABLE, t1), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L2_TABLE, t2), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L3_TABLE, t3), 0);
    CHECK_EQ(mmuext1(MMUEXT_PIN_L4_TABLE, t4), 0);
    run("L1", t1, data, l1, ARRAY_SIZE(l1));
    run("L2", t2, t1, l2, ARRAY_SIZE(l2));
    run("L3", t3, t2, l3, ARRAY_SIZE(l3));
    run("L4", t4, t3, l4, ARRAY_SIZE(l4));
    for ( unsigned int i = 0; i < 4; i++ )
        CHECK_EQ(mmuext1(MMUEXT_UNPIN_TABLE, spare_mfn(i)), 0);
}
