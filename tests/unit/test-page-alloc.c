/* SPDX-License-Identifier: GPL-2.0-only */
/* Unit tests of common/page-alloc.c: allocation, alignment, coalescing,
 * exhaustion, reserve_range() and misuse, against a shadow model. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hv/page-alloc.h>

#include "harness/harness.h"

#define MEM_BYTES   (64UL << 20)
#define NR_FRAMES   (MEM_BYTES >> PAGE_SHIFT)

static void *meta;
static unsigned char owner[NR_FRAMES];     /* shadow: 1 = allocated */

static void setup(paddr_t max)
{
    free(meta);
    meta = malloc(page_alloc_meta_bytes(max));
    CU_ASSERT_FATAL(meta != NULL);
    memset(meta, 0xa5, page_alloc_meta_bytes(max));  /* init must clear */
    page_alloc_init(max, meta);
    memset(owner, 0, sizeof(owner));
    harness_log_reset();
}

/* Record an allocation in the shadow, failing on any overlap. */
static void take(paddr_t pa, unsigned int order)
{
    unsigned long i, pfn = pa >> PAGE_SHIFT;

    for ( i = 0; i < (1UL << order); i++ )
    {
        CU_ASSERT_FATAL(pfn + i < NR_FRAMES);
        CU_ASSERT_FATAL(!owner[pfn + i]);
        owner[pfn + i] = 1;
    }
}

static void give(paddr_t pa, unsigned int order)
{
    memset(&owner[pa >> PAGE_SHIFT], 0, 1UL << order);
    free_pages(pa, order);
}

static void test_empty(void)
{
    setup(MEM_BYTES);
    CU_ASSERT_EQUAL(free_page_count(), 0);
    CU_ASSERT_EQUAL(total_page_count(), 0);
    CU_ASSERT_EQUAL(alloc_page(), 0);
    CU_ASSERT_EQUAL(alloc_pages(4), 0);
}

static void test_frame_zero_never_free(void)
{
    setup(MEM_BYTES);
    free_range(0, MEM_BYTES);
    CU_ASSERT_EQUAL(total_page_count(), NR_FRAMES - 1);
    CU_ASSERT_EQUAL(free_page_count(), NR_FRAMES - 1);
    CU_ASSERT_EQUAL(alloc_page(), PAGE_SIZE);
    CU_ASSERT_EQUAL(alloc_page(), 2 * PAGE_SIZE);
}

static void test_rounding_inward(void)
{
    setup(MEM_BYTES);
    free_range(0x1800, 0x4800);
    CU_ASSERT_EQUAL(total_page_count(), 2);
    CU_ASSERT_EQUAL(alloc_page(), 0x2000);
    CU_ASSERT_EQUAL(alloc_page(), 0x3000);
    CU_ASSERT_EQUAL(alloc_page(), 0);
    /* Beyond max_paddr is ignored. */
    free_range(MEM_BYTES - PAGE_SIZE, MEM_BYTES + (1UL << 20));
    CU_ASSERT_EQUAL(total_page_count(), 3);
}

static void test_alignment(void)
{
    unsigned int order;

    setup(MEM_BYTES);
    /* An odd start makes the low blocks small and misaligned for big
     * orders: the allocator must still return aligned blocks. */
    free_range(0x3000, MEM_BYTES);
    for ( order = 0; order <= 12; order++ )
    {
        paddr_t pa = alloc_pages(order);

        CU_ASSERT_FATAL(pa != 0);
        CU_ASSERT_EQUAL(pa & ((PAGE_SIZE << order) - 1), 0);
        take(pa, order);
    }
    CU_ASSERT_EQUAL(alloc_pages(MAX_ORDER + 1), 0);
}

static void test_coalescing(void)
{
    paddr_t pages[512];
    unsigned int i;

    setup(MEM_BYTES);
    free_range(2UL << 20, 4UL << 20);       /* one order-9 block */
    for ( i = 0; i < 512; i++ )
    {
        pages[i] = alloc_page();
        CU_ASSERT_FATAL(pages[i] != 0);
    }
    CU_ASSERT_EQUAL(alloc_page(), 0);
    /* Free in a scattered order; buddies must merge back fully. */
    for ( i = 0; i < 512; i += 2 )
        free_page(pages[i]);
    CU_ASSERT_EQUAL(alloc_pages(1), 0);     /* no two adjacent free */
    for ( i = 1; i < 512; i += 2 )
        free_page(pages[i]);
    CU_ASSERT_EQUAL(free_page_count(), 512);
    CU_ASSERT_EQUAL(alloc_pages(9), 2UL << 20);
    CU_ASSERT_EQUAL(alloc_page(), 0);
}

static void test_big_block_after_full_free(void)
{
    setup(MEM_BYTES);
    free_range(2UL << 20, MEM_BYTES);
    /* 2..64 MiB: the 32..64 MiB half is one order-13 block. */
    CU_ASSERT_EQUAL(alloc_pages(13), 32UL << 20);
    CU_ASSERT_EQUAL(alloc_pages(13), 0);
    CU_ASSERT_EQUAL(alloc_pages(12), 16UL << 20);
}

static void test_exhaustion(void)
{
    unsigned long n = 0, total;
    paddr_t pa;

    setup(MEM_BYTES);
    free_range(0, 8UL << 20);
    total = total_page_count();
    while ( (pa = alloc_page()) != 0 )
    {
        take(pa, 0);
        n++;
    }
    CU_ASSERT_EQUAL(n, total);
    CU_ASSERT_EQUAL(free_page_count(), 0);
    for ( pa = PAGE_SIZE; pa < (8UL << 20); pa += PAGE_SIZE )
        give(pa, 0);
    CU_ASSERT_EQUAL(free_page_count(), total);
    CU_ASSERT_EQUAL(alloc_pages(10), 4UL << 20);
}

static void test_reserve_range(void)
{
    paddr_t pa;
    unsigned long n = 0;

    setup(MEM_BYTES);
    free_range(0, 16UL << 20);
    /* Rounded outward: frames 5..8. */
    CU_ASSERT_EQUAL(reserve_range(0x5001, 0x8fff), 4);
    CU_ASSERT_EQUAL(total_page_count(), 4096 - 1 - 4);
    CU_ASSERT_EQUAL(free_page_count(), 4096 - 1 - 4);
    /* Reserving again takes nothing. */
    CU_ASSERT_EQUAL(reserve_range(0x5000, 0x9000), 0);

    /* Allocated frames are not affected. */
    pa = alloc_pages(4);
    CU_ASSERT_EQUAL(reserve_range(pa, pa + (16 << PAGE_SHIFT)), 0);
    free_pages(pa, 4);

    while ( (pa = alloc_page()) != 0 )
    {
        CU_ASSERT(pa < 0x5000 || pa >= 0x9000);
        n++;
    }
    CU_ASSERT_EQUAL(n, 4096 - 1 - 4);
}

static void test_reserve_splits_big_block(void)
{
    setup(MEM_BYTES);
    free_range(4UL << 20, 8UL << 20);       /* one order-10 block */
    CU_ASSERT_EQUAL(reserve_range(0x500000, 0x501000), 1);
    CU_ASSERT_EQUAL(free_page_count(), 1023);
    CU_ASSERT_EQUAL(alloc_pages(10), 0);
    CU_ASSERT_EQUAL(alloc_pages(9), 6UL << 20);
    /* Giving the frame back rebuilds 4..6 MiB as one block. */
    free_range(0x500000, 0x501000);
    CU_ASSERT_EQUAL(alloc_pages(9), 4UL << 20);
}

static void test_free_range_overlap(void)
{
    setup(MEM_BYTES);
    free_range(1UL << 20, 2UL << 20);
    free_range(1UL << 20, 3UL << 20);       /* half already free */
    CU_ASSERT_EQUAL(total_page_count(), 512);
    CU_ASSERT_EQUAL(free_page_count(), 512);
}

static void test_misuse(void)
{
    paddr_t pa;

    setup(MEM_BYTES);
    free_range(1UL << 20, 2UL << 20);
    pa = alloc_page();
    free_page(pa);
    harness_log_reset();
    free_page(pa);
    CU_ASSERT(harness_log_contains("already free"));
    CU_ASSERT_EQUAL(free_page_count(), 256);

    harness_log_reset();
    free_pages(0x101000, 1);                /* misaligned for order 1 */
    CU_ASSERT(harness_log_contains("bad block"));
    free_pages(0, 0);
    free_pages(MEM_BYTES, 0);
    free_pages(0x100000, MAX_ORDER + 1);
    CU_ASSERT_EQUAL(free_page_count(), 256);

    /* Freeing a larger block that contains a free frame is refused. */
    pa = alloc_pages(1);
    free_page(pa + PAGE_SIZE);
    harness_log_reset();
    free_pages(pa, 1);
    CU_ASSERT(harness_log_contains("already free"));
}

static void test_meta_size(void)
{
    /* About two bits per frame: 4 GiB needs some 256 KiB. */
    size_t four_gib = page_alloc_meta_bytes(4UL << 30);

    CU_ASSERT(four_gib >= (1UL << 20) / 8 * 2 - 4096);
    CU_ASSERT(four_gib <= 300UL << 10);
    CU_ASSERT(page_alloc_meta_bytes(PAGE_SIZE) > 0);
}

/* Random alloc/free against the shadow; then everything merges back. */
static void test_random(void)
{
    struct
    {
        paddr_t pa;
        unsigned int order;
    } live[256];
    unsigned int nr = 0, i;
    unsigned long total;

    setup(MEM_BYTES);
    free_range(0, MEM_BYTES);
    total = free_page_count();
    srand(12345);
    for ( i = 0; i < 20000; i++ )
    {
        if ( nr < 256 && (nr == 0 || rand() % 3) )
        {
            unsigned int order = rand() % 7;
            paddr_t pa = alloc_pages(order);

            if ( !pa )
                continue;
            CU_ASSERT_EQUAL_FATAL(pa & ((PAGE_SIZE << order) - 1), 0);
            take(pa, order);
            live[nr].pa = pa;
            live[nr].order = order;
            nr++;
        }
        else
        {
            unsigned int k = rand() % nr;

            give(live[k].pa, live[k].order);
            live[k] = live[--nr];
        }
    }
    while ( nr )
    {
        nr--;
        give(live[nr].pa, live[nr].order);
    }
    CU_ASSERT_EQUAL(free_page_count(), total);
    CU_ASSERT_EQUAL(alloc_pages(13), 32UL << 20);
    CU_ASSERT_EQUAL(harness_log()[0], '\0');
}

static CU_TestInfo alloc_tests[] = {
    { "empty allocator", test_empty },
    { "frame 0 is never handed out", test_frame_zero_never_free },
    { "free_range rounds inward", test_rounding_inward },
    { "blocks are naturally aligned", test_alignment },
    { "buddies coalesce", test_coalescing },
    { "largest block after full free", test_big_block_after_full_free },
    { "exhaustion and refill", test_exhaustion },
    { "reserve_range", test_reserve_range },
    { "reserve_range splits a block", test_reserve_splits_big_block },
    { "free_range over free frames", test_free_range_overlap },
    { "double and bad frees", test_misuse },
    { "bookkeeping size", test_meta_size },
    { "random alloc/free", test_random },
    CU_TEST_INFO_NULL,
};

static CU_SuiteInfo suites[] = {
    { "page-alloc", NULL, NULL, NULL, NULL, alloc_tests },
    CU_SUITE_INFO_NULL,
};

HARNESS_MAIN(suites)
