/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant mappings in PV page tables: the L1 entries GNTTABOP_map_grant_ref
 * writes and unmap_grant_ref clears.  The grant code takes the references
 * such an entry holds (as a validated entry holds them), so the entry is
 * written as is, and a later mmu_update or page-table teardown drops them
 * like any other.
 */
#include <hv/types.h>
#include <hv/domain.h>
#include <hv/grant_table.h>
#include <hv/mm.h>
#include <asm/mm.h>
#include <public/grant_table.h>
#include "../mm/mm.h"

/* The entry of a grant mapping, as Xen writes it for a 64-bit guest. */
static pgentry_t grant_pte_flags(unsigned int flags)
{
    pgentry_t f = _PAGE_PRESENT | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_NX;

    if ( flags & GNTMAP_application_map )
        f |= _PAGE_USER;
    if ( !(flags & GNTMAP_readonly) )
        f |= _PAGE_RW;
    /* The guest's own bits from GNTMAP_guest_avail0 up, in bits 9-11. */
    f |= ((pgentry_t)(flags >> _GNTMAP_guest_avail0) << 9) & _PAGE_AVAIL;
    /* Kernel mappings are user pages to the CPU; user ones are global. */
    if ( f & _PAGE_USER )
        f |= _PAGE_GLOBAL;
    else
        f |= _PAGE_GUEST_KERNEL | _PAGE_USER;
    return f;
}

/*
 * The L1 entry addr names, in a page table of the current domain: by
 * machine address with GNTMAP_contains_pte, else by virtual address in
 * the current page tables.  A general reference on the table in *l1pg.
 */
static pgentry_t *grant_l1e(uint64_t addr, unsigned int flags,
                            struct page_info **l1pg)
{
    struct vcpu *v = current_vcpu();
    pgentry_t *pl1e;
    mfn_t l1mfn;

    if ( flags & GNTMAP_contains_pte )
    {
        /* A misaligned address would write across two entries. */
        if ( addr & (sizeof(pgentry_t) - 1) )
            return NULL;
        l1mfn = addr >> PAGE_SHIFT;
        pl1e = NULL;
    }
    else
    {
        pl1e = guest_l1e_of(v, addr, &l1mfn);
        if ( !pl1e )
            return NULL;
    }
    *l1pg = get_page_from_mfn(l1mfn, v->domain);
    if ( !*l1pg )
        return NULL;
    if ( ((*l1pg)->type_info & PGT_type_mask) != PGT_l1_page_table )
    {
        put_page(*l1pg);
        return NULL;
    }
    if ( !pl1e )
        pl1e = (pgentry_t *)((char *)frame_va(l1mfn) + (addr & ~PAGE_MASK));
    return pl1e;
}

static void write_pte(pgentry_t *p, pgentry_t e)
{
    /* One store: the CPU may walk this table at any moment. */
    __atomic_store_n(p, e, __ATOMIC_RELEASE);
}

int arch_gnttab_create_mapping(uint64_t addr, mfn_t mfn, unsigned int flags)
{
    struct page_info *l1pg;
    pgentry_t *pl1e, ol1e;

    pl1e = grant_l1e(addr, flags, &l1pg);
    if ( !pl1e )
        return GNTST_general_error;
    ol1e = *pl1e;
    write_pte(pl1e, ((pgentry_t)mfn << PAGE_SHIFT) | grant_pte_flags(flags));
    put_page(l1pg);

    /* Whatever the entry mapped before goes, with its references. */
    if ( pte_present(ol1e) )
    {
        put_page_from_l1e(ol1e, current_vcpu()->domain);
        if ( flags & GNTMAP_contains_pte )
            mm_flush_all();
        else
            arch_invlpg(addr);
    }
    return GNTST_okay;
}

/*
 * unmap_and_replace: take the entry mapping new_addr away from there,
 * with its references, to put it where the grant mapping was.
 */
static bool steal_linear_address(uint64_t new_addr, pgentry_t *out)
{
    struct page_info *l1pg;
    pgentry_t *pl1e;

    pl1e = grant_l1e(new_addr, 0, &l1pg);
    if ( !pl1e )
        return false;
    *out = *pl1e;
    write_pte(pl1e, 0);
    put_page(l1pg);
    return true;
}

int arch_gnttab_replace_mapping(uint64_t addr, mfn_t mfn, uint64_t new_addr,
                                unsigned int flags)
{
    pgentry_t want = grant_pte_flags(flags), nl1e = 0, ol1e, *pl1e;
    struct page_info *l1pg;
    int rc = GNTST_general_error;

    if ( new_addr && (flags & GNTMAP_contains_pte) )
        return GNTST_general_error;
    if ( new_addr && !steal_linear_address(new_addr, &nl1e) )
        return GNTST_general_error;

    pl1e = grant_l1e(addr, flags, &l1pg);
    if ( pl1e )
    {
        ol1e = *pl1e;
        /* It must still map the granted frame, with the granted rights. */
        if ( pte_mfn(ol1e) == mfn &&
             !((ol1e ^ want) & (_PAGE_PRESENT | _PAGE_RW)) )
        {
            write_pte(pl1e, nl1e);
            rc = GNTST_okay;
        }
        put_page(l1pg);
    }
    /* The stolen entry found no home: its references go. */
    if ( rc && pte_present(nl1e) )
        put_page_from_l1e(nl1e, current_vcpu()->domain);
    return rc;
}

void arch_gnttab_flush_tlb(struct domain *d)
{
    /* One CPU runs guests: flushing it reaches every VCPU of d. */
    mm_flush_all();
}

void arch_gnttab_clean_cache(mfn_t mfn, unsigned int offset,
                             unsigned int len)
{
    const char *p = (const char *)frame_va(mfn) + offset;

    /* Whole lines: clflush works on the line holding each address. */
    for ( unsigned int i = 0; i < len; i += 64 )
        asm volatile ( "clflush %0" : : "m" (p[i]) );
    if ( len )
        asm volatile ( "clflush %0" : : "m" (p[len - 1]) );
    asm volatile ( "mfence" ::: "memory" );
}
