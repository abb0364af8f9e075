/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The frame side of guest descriptor tables (GDT/LDT pages): typing them
 * PGT_seg_desc_page, which checks every descriptor with the descriptor
 * code's rules, and the checked single-descriptor write.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <asm/mm.h>
#include "mm.h"
#include "../pv/pv.h"

int validate_segdesc_page(struct page_info *pg)
{
    return pv_validate_segdesc_page(frame_va(page_to_mfn(pg)));
}

int pv_get_segdesc_page(struct domain *d, unsigned long mfn)
{
    struct page_info *pg = get_page_from_mfn(mfn, d);

    if ( !pg )
        return -EINVAL;
    if ( get_page_type(pg, PGT_seg_desc_page) )
    {
        put_page(pg);
        return -EINVAL;
    }
    return 0;
}

void pv_put_segdesc_page(struct domain *d, unsigned long mfn)
{
    put_page_and_type(mfn_to_page(mfn));
}

int pv_write_descriptor(struct domain *d, paddr_t maddr, uint64_t desc)
{
    mfn_t mfn = maddr >> PAGE_SHIFT;
    struct page_info *pg = get_page_from_mfn(mfn, d);
    unsigned long type;

    if ( !pg )
        return -EINVAL;
    /* A descriptor page stays one; anything else must be plain memory. */
    type = (pg->type_info & PGT_type_mask) == PGT_seg_desc_page
           ? PGT_seg_desc_page : PGT_writable_page;
    if ( get_page_type(pg, type) )
    {
        put_page(pg);
        return -EINVAL;
    }
    *(uint64_t *)((char *)frame_va(mfn) + (maddr & ~PAGE_MASK)) = desc;
    put_page_and_type(pg);
    return 0;
}
