/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Pinning a 64-bit PV domain's page tables, with the rules Xen enforces
 * so that a guest can never write its own page tables directly:
 *  - every table and every mapped frame belongs to the domain;
 *  - no table frame is mapped writable, by the guest's own L1 entries or
 *    by anyone's foreign mapping, and none is already a table of another
 *    level;
 *  - the hypervisor's L4 slots (256-271) are left empty for Xen to fill;
 *  - no superpage entries (PSE) in a PV domain's L2/L3.
 * A tree that passes is typed (L1..L4) until it is unpinned or the domain
 * dies; typed frames then refuse writable foreign mappings.
 */
#include <stdlib.h>
#include <string.h>

#include "fake-priv.h"

#define PTE_PRESENT     0x001ULL
#define PTE_RW          0x002ULL
#define PTE_PSE         0x080ULL
#define PTE_MFN(e)      (((e) & 0x000ffffffffff000ULL) >> 12)
#define XEN_SLOT_FIRST  256
#define XEN_SLOT_LAST   271

struct walk
{
    struct fake_hv *hv;
    struct fake_domain *d;
    uint64_t *tables;           /* MFNs of the tree's tables */
    uint8_t *levels;
    size_t nr, cap;
};

static int add_table(struct walk *w, uint64_t mfn, unsigned int level)
{
    struct fake_frame *f = fake_frame_of(w->hv, mfn);
    size_t i;

    if ( !f || f->owner != w->d->domid )
        return -EINVAL;
    for ( i = 0; i < w->nr; i++ )
        if ( w->tables[i] == mfn )
            return w->levels[i] == level ? 1 : -EINVAL;
    if ( f->type != FT_NONE && f->type != FT_L1 + level - 1 )
        return -EINVAL;         /* already a table of another kind */
    if ( f->wmaps )
        return -EINVAL;         /* someone may still write to it */
    if ( w->nr == w->cap )
    {
        size_t cap = w->cap ? w->cap * 2 : 64;
        uint64_t *t = realloc(w->tables, cap * sizeof(*t));
        uint8_t *l;

        if ( !t )
            return -ENOMEM;
        w->tables = t;
        l = realloc(w->levels, cap);
        if ( !l )
            return -ENOMEM;
        w->levels = l;
        w->cap = cap;
    }
    w->tables[w->nr] = mfn;
    w->levels[w->nr++] = (uint8_t)level;
    return 0;
}

/* Collect the tables under mfn (a table of this level). */
static int collect(struct walk *w, uint64_t mfn, unsigned int level)
{
    const uint64_t *t;
    unsigned int i;
    int rc = add_table(w, mfn, level);

    if ( rc )
        return rc > 0 ? 0 : rc;
    if ( level == 1 )
        return 0;
    t = fake_frame_ptr(w->hv, mfn);
    for ( i = 0; i < 512; i++ )
    {
        if ( !(t[i] & PTE_PRESENT) )
            continue;
        if ( level == 4 && i >= XEN_SLOT_FIRST && i <= XEN_SLOT_LAST )
            return -EINVAL;
        if ( t[i] & PTE_PSE )
            return -EINVAL;
        rc = collect(w, PTE_MFN(t[i]), level - 1);
        if ( rc )
            return rc;
    }
    return 0;
}

static bool is_table(const struct walk *w, uint64_t mfn)
{
    const struct fake_frame *f = fake_frame_of(w->hv, mfn);
    size_t i;

    if ( f && f->type >= FT_L1 && f->type <= FT_L4 )
        return true;
    for ( i = 0; i < w->nr; i++ )
        if ( w->tables[i] == mfn )
            return true;
    return false;
}

/* Every leaf maps the domain's own frames, and tables only read-only. */
static int check_leaves(struct walk *w)
{
    const struct fake_frame *f;
    const uint64_t *t;
    size_t i;
    unsigned int e;

    for ( i = 0; i < w->nr; i++ )
    {
        if ( w->levels[i] != 1 )
            continue;
        t = fake_frame_ptr(w->hv, w->tables[i]);
        for ( e = 0; e < 512; e++ )
        {
            if ( !(t[e] & PTE_PRESENT) )
                continue;
            f = fake_frame_of(w->hv, PTE_MFN(t[e]));
            if ( !f || f->owner != w->d->domid )
                return -EINVAL;
            if ( (t[e] & PTE_RW) && is_table(w, PTE_MFN(t[e])) )
                return -EINVAL;
        }
    }
    return 0;
}

int fake_validate_l4(struct fake_hv *hv, struct fake_domain *d,
                     uint64_t mfn)
{
    struct walk w = { .hv = hv, .d = d };
    size_t i;
    int rc;

    fake_prune_mappings(hv);
    rc = collect(&w, mfn, 4);
    if ( !rc )
        rc = check_leaves(&w);
    if ( !rc )
        for ( i = 0; i < w.nr; i++ )
            fake_frame_of(hv, w.tables[i])->type = FT_L1 + w.levels[i] - 1;
    free(w.tables);
    free(w.levels);
    return rc;
}

static void untype(struct fake_hv *hv, uint64_t mfn, unsigned int level)
{
    struct fake_frame *f = fake_frame_of(hv, mfn);
    const uint64_t *t;
    unsigned int i;

    if ( !f || f->type != FT_L1 + level - 1 )
        return;
    f->type = FT_NONE;
    f->pinned = false;
    if ( level == 1 )
        return;
    t = fake_frame_ptr(hv, mfn);
    for ( i = 0; i < 512; i++ )
        if ( (t[i] & PTE_PRESENT) && !(t[i] & PTE_PSE) )
            untype(hv, PTE_MFN(t[i]), level - 1);
}

void fake_untype_tree(struct fake_hv *hv, uint64_t l4_mfn)
{
    untype(hv, l4_mfn, 4);
}

static int pin_l4(struct fake_hv *hv, struct fake_domain *d, uint64_t mfn)
{
    struct fake_frame *f = fake_frame_of(hv, mfn);
    int rc;

    if ( !f || f->owner != d->domid )
        return -EINVAL;
    if ( f->pinned )
        return -EINVAL;
    rc = fake_validate_l4(hv, d, mfn);
    if ( rc )
        return rc;
    f->pinned = true;
    d->pinned_l4 = mfn;
    return 0;
}

static int unpin(struct fake_hv *hv, struct fake_domain *d, uint64_t mfn)
{
    struct fake_frame *f = fake_frame_of(hv, mfn);

    if ( !f || f->owner != d->domid || !f->pinned )
        return -EINVAL;
    fake_untype_tree(hv, mfn);
    if ( d->pinned_l4 == mfn )
        d->pinned_l4 = 0;
    return 0;
}

long fake_mmuext_op(struct fake_hv *hv, const uint64_t a[5])
{
    uint64_t count = a[1], i;
    struct mmuext_op *ops = fake_ptr(hv, a[0], count * sizeof(*ops));
    unsigned int *done = NULL;
    struct fake_domain *d;
    int rc = 0;

    if ( !ops && count )
        return -EFAULT;
    if ( a[2] && !(done = fake_ptr(hv, a[2], sizeof(*done))) )
        return -EFAULT;
    d = fake_domain(hv, a[3] == DOMID_SELF ? 0 : a[3]);
    if ( !d )
        return -ESRCH;
    for ( i = 0; i < count && !rc; i++ )
    {
        switch ( ops[i].cmd )
        {
        case MMUEXT_PIN_L4_TABLE:
            rc = pin_l4(hv, d, ops[i].arg1.mfn);
            break;
        case MMUEXT_UNPIN_TABLE:
            rc = unpin(hv, d, ops[i].arg1.mfn);
            break;
        default:
            rc = -ENOSYS;
        }
        if ( !rc && done )
            (*done)++;
    }
    return rc;
}
