/* SPDX-License-Identifier: GPL-2.0-only */
/* Frame allocator: a binary buddy system kept in bitmaps, one per order.
 *
 * Invariants:
 *  - Bit i of map[k] is set iff frames [i << k, (i + 1) << k) are all free
 *    and form one free block of order k: the block is naturally aligned.
 *  - Free blocks never overlap, and a free frame lies in exactly one block.
 *  - Two free buddies of order k < MAX_ORDER are always merged into one
 *    block of order k + 1, so a set bit's buddy bit is always clear.
 *  - hint[k] is a word index of map[k] with no set bit below it, which
 *    makes finding the lowest free block cheap in the common case.
 *  - Frame 0 is never free (0 is the failure value of alloc_pages()).
 * Nothing is stored in the free frames themselves: the allocator works
 * before any of them is mapped, and on the host in unit tests.
 * Single CPU for now: callers need no lock; SMP will add one here.
 */

#include <hv/console.h>
#include <hv/lib.h>
#include <hv/page-alloc.h>

#define BITS_PER_WORD   64

static uint64_t *map[MAX_ORDER + 1];
static unsigned long map_words[MAX_ORDER + 1];
static unsigned long hint[MAX_ORDER + 1];
static unsigned long max_pfn;           /* highest frame managed */
static unsigned long nr_free, nr_total;

static unsigned long words_for(unsigned long last_pfn, unsigned int order)
{
    unsigned long bits = (last_pfn >> order) + 1;

    return (bits + BITS_PER_WORD - 1) / BITS_PER_WORD;
}

size_t page_alloc_meta_bytes(paddr_t max_paddr)
{
    unsigned long last = max_paddr ? (max_paddr - 1) >> PAGE_SHIFT : 0;
    size_t words = 0;
    unsigned int k;

    for ( k = 0; k <= MAX_ORDER; k++ )
        words += words_for(last, k);
    return words * sizeof(uint64_t);
}

void page_alloc_init(paddr_t max_paddr, void *meta)
{
    uint64_t *w = meta;
    unsigned int k;

    max_pfn = max_paddr ? (max_paddr - 1) >> PAGE_SHIFT : 0;
    memset(meta, 0, page_alloc_meta_bytes(max_paddr));
    for ( k = 0; k <= MAX_ORDER; k++ )
    {
        map[k] = w;
        map_words[k] = words_for(max_pfn, k);
        hint[k] = map_words[k];
        w += map_words[k];
    }
    nr_free = nr_total = 0;
}

static bool test_block(unsigned int k, unsigned long idx)
{
    if ( idx / BITS_PER_WORD >= map_words[k] )
        return false;
    return map[k][idx / BITS_PER_WORD] & (1ULL << (idx % BITS_PER_WORD));
}

static void set_block(unsigned int k, unsigned long idx)
{
    map[k][idx / BITS_PER_WORD] |= 1ULL << (idx % BITS_PER_WORD);
    if ( idx / BITS_PER_WORD < hint[k] )
        hint[k] = idx / BITS_PER_WORD;
}

static void clear_block(unsigned int k, unsigned long idx)
{
    map[k][idx / BITS_PER_WORD] &= ~(1ULL << (idx % BITS_PER_WORD));
}

/* Lowest free block of order k, or -1. */
static long find_block(unsigned int k)
{
    unsigned long i;

    for ( i = hint[k]; i < map_words[k]; i++ )
        if ( map[k][i] )
        {
            hint[k] = i;
            return i * BITS_PER_WORD + __builtin_ctzll(map[k][i]);
        }
    hint[k] = map_words[k];
    return -1;
}

/* The free block containing frame pfn: its order, or -1 if pfn is busy. */
static int free_block_order(unsigned long pfn)
{
    unsigned int k;

    for ( k = 0; k <= MAX_ORDER; k++ )
        if ( test_block(k, pfn >> k) )
            return k;
    return -1;
}

/* Insert a block known to be busy, merging with free buddies. */
static void insert_block(unsigned long pfn, unsigned int k)
{
    unsigned long idx = pfn >> k;

    while ( k < MAX_ORDER && test_block(k, idx ^ 1) )
    {
        clear_block(k, idx ^ 1);
        idx >>= 1;
        k++;
    }
    set_block(k, idx);
}

/* Does any frame of the block look free already?  A cheap check: the
 * containing blocks, and the blocks at its first and last frame. */
static bool block_overlaps_free(unsigned long pfn, unsigned int order)
{
    unsigned long last = pfn + (1UL << order) - 1;
    unsigned int k;

    for ( k = 0; k <= MAX_ORDER; k++ )
        if ( test_block(k, pfn >> k) || test_block(k, last >> k) )
            return true;
    return false;
}

/* Largest order that starts at pfn and ends no later than end. */
static unsigned int chunk_order(unsigned long pfn, unsigned long end)
{
    unsigned int k = 0;

    while ( k < MAX_ORDER && !(pfn & (1UL << k)) &&
            pfn + (2UL << k) <= end )
        k++;
    return k;
}

/* Mark [pfn, end) free; frames already free are skipped.  Returns count. */
static unsigned long insert_range(unsigned long pfn, unsigned long end)
{
    unsigned long added = 0;

    while ( pfn < end )
    {
        unsigned int k = chunk_order(pfn, end);

        if ( block_overlaps_free(pfn, k) )
        {
            /* Go frame by frame through ranges that are partly free. */
            if ( free_block_order(pfn) < 0 )
            {
                insert_block(pfn, 0);
                added++;
            }
            pfn++;
            continue;
        }
        insert_block(pfn, k);
        added += 1UL << k;
        pfn += 1UL << k;
    }
    return added;
}

void free_range(paddr_t start, paddr_t end)
{
    unsigned long s = PFN_UP(start), e = PFN_DOWN(end), added;

    if ( s == 0 )
        s = 1;
    if ( e > max_pfn + 1 )
        e = max_pfn + 1;
    if ( s >= e )
        return;
    added = insert_range(s, e);
    nr_free += added;
    nr_total += added;
}

unsigned long reserve_range(paddr_t start, paddr_t end)
{
    unsigned long s = PFN_DOWN(start), e = PFN_UP(end), pfn, taken = 0;

    if ( e > max_pfn + 1 )
        e = max_pfn + 1;
    for ( pfn = s; pfn < e; )
    {
        int k = free_block_order(pfn);
        unsigned long head, tail;

        if ( k < 0 )
        {
            pfn++;
            continue;
        }
        head = (pfn >> k) << k;
        tail = head + (1UL << k);
        clear_block(k, pfn >> k);
        /* Give back the parts of the block outside the range. */
        if ( head < s )
            insert_range(head, s);
        if ( tail > e )
            insert_range(e, tail);
        taken += MIN(tail, e) - MAX(head, s);
        pfn = tail;
    }
    nr_free -= taken;
    nr_total -= taken;
    return taken;
}

paddr_t alloc_pages(unsigned int order)
{
    unsigned int k;
    unsigned long pfn;
    long idx = -1;

    if ( order > MAX_ORDER )
        return 0;
    for ( k = order; k <= MAX_ORDER; k++ )
        if ( (idx = find_block(k)) >= 0 )
            break;
    if ( idx < 0 )
        return 0;

    clear_block(k, idx);
    pfn = (unsigned long)idx << k;
    /* Split: the upper half at each level stays free. */
    while ( k > order )
    {
        k--;
        set_block(k, (pfn >> k) + 1);
    }
    nr_free -= 1UL << order;
    return (paddr_t)pfn << PAGE_SHIFT;
}

void free_pages(paddr_t pa, unsigned int order)
{
    unsigned long pfn = pa >> PAGE_SHIFT;

    if ( order > MAX_ORDER || (pa & ((PAGE_SIZE << order) - 1)) || !pfn ||
         pfn + (1UL << order) - 1 > max_pfn )
    {
        printk(LOG_ERR "free_pages: bad block %#llx order %u ignored\n",
               (unsigned long long)pa, order);
        return;
    }
    if ( block_overlaps_free(pfn, order) )
    {
        printk(LOG_ERR "free_pages: %#llx order %u is already free\n",
               (unsigned long long)pa, order);
        return;
    }
    insert_block(pfn, order);
    nr_free += 1UL << order;
}

unsigned long free_page_count(void)
{
    return nr_free;
}

unsigned long total_page_count(void)
{
    return nr_total;
}
