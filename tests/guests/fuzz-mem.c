/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the hypercall fuzzer aims at: random numbers, argument memory of
 * every kind (valid, read-only, unmapped, page-crossing, the hypervisor's,
 * non-canonical), and frames of ours that hypercalls may do anything to.
 */
#include "fuzz-hypercalls.h"

/*
 * Big enough that one top-level call (a multicall of six entries, each
 * with a few buffers of at most ARENA_MAX) never wraps around.
 */
#define ARENA_PAGES     64
#define ARENA_MAX       (2 * PAGE)
#define CTX_SIZE        (8 * PAGE)

static uint64_t rng_state = 1;

uint64_t rnd(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545f4914f6cdd1dUL;
}

void rnd_seed(uint64_t seed)
{
    rng_state = seed * 0x9e3779b97f4a7c15UL + 1;
    for ( unsigned int i = 0; i < 16; i++ )
        rnd();
}

unsigned long rnum(void)
{
    unsigned int shift = rnd() % 64;

    switch ( rnd() % 8 )
    {
    case 0: case 1: case 2:
        return rnd() % 8;
    case 3:
        return rnd() % 0x1000;
    case 4:
        /* Next to a power of two: where limits and sign bits are. */
        return (1UL << shift) + (rnd() % 3) - 1;
    case 5:
        return (unsigned long)(long)(int)rnd();
    default:
        return rnd();
    }
}

/* The arena, then its guard page (unmapped by fuzz_mem_init()). */
static uint8_t arena[(ARENA_PAGES + 1) * PAGE] __attribute__((aligned(4096)));
static size_t arena_used;
/* Random bytes, mapped read-only. */
static uint64_t ro_page[PAGE / 8] __attribute__((aligned(4096)));

#define GUARD_VA        ((unsigned long)arena + ARENA_PAGES * PAGE)

/* What the fuzzer itself reads back after a call: never handed out raw. */
static uint8_t ctx_mem[CTX_SIZE] __attribute__((aligned(64)));
static size_t ctx_used;

void arena_reset(void)
{
    arena_used = 0;
    ctx_used = 0;
}

void *ctx_alloc(size_t size)
{
    size_t at = (ctx_used + 15) & ~15UL;

    if ( at + size > CTX_SIZE )
    {
        test_fail("fuzz: out of context memory");
        at = 0;
    }
    ctx_used = at + size;
    memset(&ctx_mem[at], 0, size);
    return &ctx_mem[at];
}

void *arena_alloc(size_t size)
{
    size_t at = (arena_used + 7) & ~7UL;

    if ( size > ARENA_MAX )
        size = ARENA_MAX;
    /* Full: start again; one call's buffers may then overlap, no harm. */
    if ( at + size > ARENA_PAGES * PAGE )
        at = 0;
    arena_used = at + size;
    return &arena[at];
}

void *arena_junk(size_t size)
{
    uint8_t *p;

    if ( size > ARENA_MAX )
        size = ARENA_MAX;
    p = arena_alloc(size);

    for ( size_t i = 0; i < size; i += 8 )
    {
        uint64_t v = rnd();

        memcpy(p + i, &v, size - i < 8 ? size - i : 8);
    }
    return p;
}

unsigned long rptr(size_t size)
{
    switch ( rnd() % 16 )
    {
    case 0:
        return 0;
    case 1:
        /* Nothing is mapped low in a PV kernel's space. */
        return 0x1000 + rnd() % 0x100000;
    case 2:
        return (unsigned long)ro_page + rnd() % PAGE;
    case 3:
    {
        /*
         * Starts in the arena's last page, ends in the guard page.  What
         * it starts with is made random: left as it is, it could be the
         * tail of a structure built for another purpose.
         */
        size_t back = size && size < PAGE ? size : PAGE;
        unsigned long p = GUARD_VA - 1 - rnd() % back;

        for ( uint8_t *b = (uint8_t *)p; b < (uint8_t *)GUARD_VA; b++ )
            *b = rnd() | 0x80;
        return p;
    }
    case 4:
        return GUARD_VA + rnd() % PAGE;
    case 5:
        return 0xffff800000000000UL + (rnd() & 0x7fffffffff8UL);
    case 6:
        return (rnd() & 1 ? 0x0000800000000000UL : 0x8000000000000000UL) +
               (rnd() & 0x7fffffffffffUL);
    case 7:
        return rnd();
    default:
        return (unsigned long)arena_junk(size);
    }
}

unsigned long bad_ptr(void)
{
    switch ( rnd() % 5 )
    {
    case 0:
        return 0;
    case 1:
        return 0x1000 + rnd() % 0x100000;
    case 2:
        return 0xffff800000000000UL + (rnd() & 0x7fffffffff8UL);
    case 3:
        return 0x0000800000000000UL + (rnd() & 0x7fffffffffffUL);
    default:
        return 0x8000000000000000UL + (rnd() & 0x7fffffffffffUL);
    }
}

uint64_t rword(void)
{
    switch ( rnd() % 8 )
    {
    case 0: case 1: case 2:
        return rnd();
    case 3: case 4:
        return rnd() % 16;
    case 5:
        return (1UL << (rnd() % 64)) + (rnd() % 3) - 1;
    case 6:
        return (uint32_t)rnd();
    default:
        return rptr(64);
    }
}

void fill_junk(void *p, size_t size)
{
    uint8_t *b = p;

    for ( size_t i = 0; i < size; i += 8 )
    {
        uint64_t v = rword();

        memcpy(b + i, &v, size - i < 8 ? size - i : 8);
    }
}

/* Frames. */

static unsigned long balloon[FZ_BALLOON];
static unsigned int balloon_n;

unsigned long pool_mfn(unsigned int i)
{
    return spare_mfn(i % FZ_POOL);
}

unsigned long any_pool_mfn(void)
{
    return pool_mfn(rnd() % FZ_POOL);
}

unsigned long garbage_mfn(void)
{
    switch ( rnd() % 4 )
    {
    case 0:
        return ~0UL;
    case 1:
        return (1UL << 40) + (rnd() & 0xfffff);
    default:
        /* Beyond 64 GiB: QEMU gives far less. */
        return (1UL << 24) + (rnd() & 0xffffff);
    }
}

unsigned long live_l4_mfn(void)
{
    return l4_mfn();
}

unsigned long readable_mfn(void)
{
    unsigned long pt_pfn = (start_info->pt_base - VIRT_BASE) / PAGE;
    unsigned long img_pfn = ((unsigned long)_image_start - VIRT_BASE) / PAGE;
    unsigned long img_n = (_image_end - _image_start) / PAGE;

    switch ( rnd() % 6 )
    {
    case 0:
        return p2m(pt_pfn + rnd() % start_info->nr_pt_frames);
    case 1:
        return p2m(img_pfn + rnd() % img_n);
    case 2:
        return start_info->shared_info >> 12;
    case 3:
        return balloon_n ? balloon[rnd() % balloon_n] : any_pool_mfn();
    default:
        return any_pool_mfn();
    }
}

unsigned long writable_mfn(void)
{
    switch ( rnd() % 4 )
    {
    case 0:
        return balloon_n ? balloon[rnd() % balloon_n] : garbage_mfn();
    case 1:
        return garbage_mfn();
    default:
        return any_pool_mfn();
    }
}

unsigned long balloon_take(void)
{
    unsigned int i;
    unsigned long mfn;

    if ( !balloon_n )
        return 0;
    i = rnd() % balloon_n;
    mfn = balloon[i];
    balloon[i] = balloon[--balloon_n];
    return mfn;
}

static unsigned long max_mfn;

/*
 * Only frames we can spare: never a live one (our P2M names it below the
 * spare frames) nor one of the pool, whatever a buggy answer said.
 */
static bool spareable(unsigned long mfn)
{
    unsigned long pfn, live = start_info->nr_pages - FZ_POOL - FZ_BALLOON / 2;

    if ( !mfn || mfn > max_mfn )
        return false;
    pfn = m2p(mfn);
    if ( pfn >= start_info->nr_pages || p2m(pfn) != mfn )
        return true;
    return pfn >= live && pfn < start_info->nr_pages - FZ_POOL;
}

void balloon_give(unsigned long mfn)
{
    /* Full: the frame stays ours, untracked; only a little is lost. */
    if ( balloon_n < FZ_BALLOON && spareable(mfn) )
        balloon[balloon_n++] = mfn;
}

unsigned int balloon_count(void)
{
    return balloon_n;
}

domid_t fuzz_domu = DOMID_INVALID;

domid_t rdomid(bool allow_self)
{
    static const domid_t special[] = {
        DOMID_IO, DOMID_XEN, DOMID_COW, DOMID_INVALID, DOMID_IDLE, 0xffff,
        DOMID_FIRST_RESERVED - 1,
    };

    switch ( rnd() % 8 )
    {
    case 0: case 1:
        if ( allow_self )
            return DOMID_SELF;
        return fuzz_domu;
    case 2:
        if ( allow_self )
            return 0;
        return fuzz_domu;
    case 3: case 4:
        return fuzz_domu;
    case 5:
        return special[rnd() % ARRAY_SIZE(special)];
    default:
        /* Nobody: ids next to the domU's, or anything below the specials. */
        return rnd() & 1 ? (domid_t)(fuzz_domu + 1 + rnd() % 4) :
               (domid_t)(1 + rnd() % (DOMID_FIRST_RESERVED - 1));
    }
}

struct grant_entry_v1 *fuzz_gt;

void fuzz_regrant(void)
{
    static const uint16_t flags[] = {
        0, GTF_permit_access, GTF_permit_access | GTF_readonly,
        GTF_accept_transfer, GTF_transitive,
        GTF_permit_access | GTF_reading | GTF_writing,
    };

    if ( !fuzz_gt )
        return;
    for ( grant_ref_t r = 0; r < FZ_GREFS; r++ )
    {
        domid_t d = rnd() % 3 ? 0 : rdomid(false);

        grant(fuzz_gt, r, d, writable_mfn(),
              rnd() % 8 ? flags[rnd() % ARRAY_SIZE(flags)] : (uint16_t)rnd());
    }
}

/* Called once: the guard page, the read-only page, the balloon's seed. */
void fuzz_mem_init(void);
void fuzz_mem_init(void)
{
    unsigned long ma;
    uint64_t *l1e;

    for ( unsigned int i = 0; i < PAGE / 8; i++ )
        ro_page[i] = rnd();
    l1e = l1e_of((unsigned long)ro_page, &ma);
    if ( uvm((unsigned long)ro_page, *l1e & ~PTE_RW, UVMF_INVLPG) )
        test_fail("fuzz: cannot make the read-only page");
    if ( uvm(GUARD_VA, 0, UVMF_INVLPG) )
        test_fail("fuzz: cannot unmap the guard page");
    max_mfn = memory_op(XENMEM_maximum_ram_page, NULL);
    /* Spare frames after the pool: ours to give back and take again. */
    for ( unsigned int i = 0; i < FZ_BALLOON / 2; i++ )
        balloon_give(spare_mfn(FZ_POOL + i));
}
