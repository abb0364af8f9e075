/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The x86-64 PV side of a domain's life: what createdomain may ask of
 * this machine, the shared_info frame lent to the guest, and giving every
 * frame back when the domain is destroyed.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/mm.h>
#include <hv/page-alloc.h>
#include <asm/page.h>
#include <asm/xstate.h>
#include <public/domctl.h>
#include "pv.h"

int arch_sanitise_domain_config(struct xen_domctl_createdomain *config)
{
    uint32_t flags = config->flags;

    /* No HVM here: Xen answers so when the hardware cannot do it. */
    if ( flags & XEN_DOMCTL_CDF_hvm )
        return -EINVAL;
    /* Xen's limit is 8192 VCPUs; ours is what a domain has room for. */
    if ( config->max_vcpus > HV_MAX_VCPUS )
        return -EINVAL;
    /* Measured launch (tboot) is not built in. */
    if ( flags & XEN_DOMCTL_CDF_s3_integrity )
        return -EINVAL;
    /* Out-of-sync shadows mean something to HVM guests only. */
    config->flags |= XEN_DOMCTL_CDF_oos_off;
    /* Nested virtualisation needs HAP, which a PV guest never has. */
    if ( flags & XEN_DOMCTL_CDF_nested_virt )
        return -EINVAL;
    if ( config->arch.misc_flags & ~XEN_X86_MSR_RELAXED )
        return -EINVAL;
    return 0;
}

static struct page_info *shared_info_page(const struct domain *d)
{
    return mfn_to_page(d->arch.shared_info_maddr >> PAGE_SHIFT);
}

/*
 * End the loan of shared_info: the type reference lending took for good
 * goes with the owner's reference.  Mappings others still have keep the
 * frame theirs until the last one goes.
 */
static void unshare_shared_info(struct domain *d)
{
    struct page_info *pg = shared_info_page(d);

    if ( page_get_owner(pg) != d )
        return;
    if ( pg->type_info & PGT_count_mask )
        put_page_type(pg);
    put_page_alloc_ref(pg);
}

int arch_domain_create(struct domain *d,
                       const struct xen_domctl_createdomain *config)
{
    uint32_t emflags = config->arch.emulation_flags;

    /* A PV hardware domain always gets the PIT (for video BIOSes). */
    if ( d->domain_id == 0 )
        emflags |= XEN_X86_EMU_PIT;
    if ( emflags & ~XEN_X86_EMU_ALL )
        return -EINVAL;
    if ( emflags && emflags != XEN_X86_EMU_PIT )
        return -EOPNOTSUPP;
    d->arch.emulation_flags = emflags;

    share_xen_page_with_guest(shared_info_page(d), d, true);
    return 0;
}

void arch_domain_destroy(struct domain *d)
{
    /* Only if creation failed: destruction gave it back already. */
    unshare_shared_info(d);
    if ( d->arch.e820_maddr )
        free_page(d->arch.e820_maddr);
    d->arch.e820_maddr = 0;
}

int arch_vcpu_create(struct vcpu *v)
{
    pv_vcpu_init(v);
    v->arch.kernel_mode = true;
    return 0;
}

void arch_vcpu_destroy(struct vcpu *v)
{
    /* Its frame references went in arch_domain_relinquish(). */
    xstate_vcpu_free(v);
}

/* What a VCPU holds on its domain's frames: tables, GDT, vcpu_info. */
static void vcpu_release_frames(struct vcpu *v)
{
    struct domain *d = v->domain;

    pv_set_gdt(v, NULL, 0);
    if ( v->vcpu_info_mfn )
    {
        put_page_and_type(mfn_to_page(v->vcpu_info_mfn));
        v->vcpu_info_mfn = 0;
        /* Nothing is delivered to a dying domain: any copy will do. */
        v->vcpu_info = &d->shared_info->vcpu_info[0];
    }
    if ( v->arch.guest_table_user )
        put_page_and_type(mfn_to_page(v->arch.guest_table_user >>
                                      PAGE_SHIFT));
    if ( v->arch.guest_table )
        put_page_and_type(mfn_to_page(v->arch.guest_table >> PAGE_SHIFT));
    v->arch.guest_table_user = 0;
    v->arch.guest_table = 0;
    v->arch.ldt_ents = 0;
}

int arch_domain_relinquish(struct domain *d)
{
    int rc;

    /* What it was promised and never took goes back to everyone. */
    domain_set_claim(d, 0);
    physdev_release(d);
    for ( unsigned int i = 0; i < d->max_vcpus; i++ )
        if ( d->vcpu[i] )
            vcpu_release_frames(d->vcpu[i]);
    rc = mm_relinquish_memory(d);
    if ( rc )
        return rc;
    unshare_shared_info(d);
    if ( d->tot_pages )
        printk(LOG_DEBUG "d%u: %lu frames still in use elsewhere\n",
               d->domain_id, d->tot_pages);
    return 0;
}

bool arch_domain_may_free(const struct domain *d)
{
    return !d->tot_pages && page_get_owner(shared_info_page(d)) != d;
}
