/* SPDX-License-Identifier: GPL-2.0-only */
/* GNTTABOP_* the toolstack uses: sizing another domain's table and
 * learning its frame.  Each fake domain's table is one frame. */
#include "fake-priv.h"

#include <public/grant_table.h>

long fake_gnttab_op(struct fake_hv *hv, uint64_t cmd, uint64_t arg,
                    uint64_t count)
{
    struct gnttab_setup_table *s;
    struct gnttab_query_size *q;
    struct fake_domain *d;
    xen_pfn_t *frames;

    if ( count != 1 )
        return -EINVAL;
    switch ( cmd )
    {
    case GNTTABOP_setup_table:
        if ( !(s = fake_ptr(hv, arg, sizeof(*s))) )
            return -EFAULT;
        d = fake_domain(hv, s->dom == DOMID_SELF ? 0 : s->dom);
        if ( !d )
        {
            s->status = GNTST_bad_domain;
            return 0;
        }
        if ( s->nr_frames != 1 )
        {
            s->status = GNTST_general_error;
            return 0;
        }
        frames = fake_ptr(hv, (uintptr_t)s->frame_list.p, sizeof(*frames));
        if ( !frames )
            return -EFAULT;
        frames[0] = d->gnttab_mfn;
        s->status = GNTST_okay;
        return 0;
    case GNTTABOP_query_size:
        if ( !(q = fake_ptr(hv, arg, sizeof(*q))) )
            return -EFAULT;
        d = fake_domain(hv, q->dom == DOMID_SELF ? 0 : q->dom);
        q->status = d ? GNTST_okay : GNTST_bad_domain;
        q->nr_frames = 1;
        q->max_nr_frames = 1;
        return 0;
    }
    return -ENOSYS;
}
