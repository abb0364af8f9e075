/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest descriptor tables: set_gdt and update_descriptor, and the
 * validation every guest descriptor goes through.
 *
 * A guest's GDT frames are mapped into the first 14 pages of this CPU's
 * GDT window, below the hypervisor's reserved page, so the guest's
 * selectors and Xen's flat ones (0xe0xx) work side by side.  Frames that
 * hold descriptors are typed by the PV MMU: while they are, the guest has
 * no writable mapping of them and changes them only through
 * update_descriptor, so every descriptor the CPU can load was checked.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/guest-access.h>
#include <asm/desc.h>
#include <asm/page.h>
#include <public/xen.h>
#include "pv.h"

#define SEG_TYPE        (0xfUL << 40)
#define SEG_S           (1UL << 44)     /* code or data, not system */
#define SEG_DPL_SHIFT   45
#define SEG_DPL         (3UL << SEG_DPL_SHIFT)
#define SEG_P           (1UL << 47)
#define SYS_CALL_GATE   (0xcUL << 40)

/* A gate may only lead to a guest segment or the flat kernel one. */
static bool gate_selector_ok(unsigned int sel)
{
    return (sel >> 3) < FIRST_RESERVED_GDT_ENTRY ||
           sel == FLAT_KERNEL_CS || (sel & 4);
}

bool pv_check_descriptor(uint64_t *desc)
{
    uint64_t d = *desc;
    unsigned int dpl, sel;

    /* Loading a not-present descriptor faults: harmless. */
    if ( !(d & SEG_P) )
        return true;

    /* Guest code runs in ring 3: no descriptor may ask for more. */
    dpl = (d & SEG_DPL) >> SEG_DPL_SHIFT;
    if ( dpl < 3 )
        dpl = 3;
    d = (d & ~SEG_DPL) | ((uint64_t)dpl << SEG_DPL_SHIFT);

    /* Code and data segments: base and limit do not matter in long mode. */
    if ( d & SEG_S )
    {
        *desc = d;
        return true;
    }

    /* Type 0: the upper half of a 16-byte gate, harmless. */
    if ( !(d & SEG_TYPE) )
        return true;

    /* Of the system descriptors, only call gates, and those disarmed. */
    if ( (d & SEG_TYPE) != SYS_CALL_GATE )
        return false;
    sel = (d >> 16) & 0xffff;
    if ( !gate_selector_ok(sel) )
        return false;
    /*
     * DPL 0 makes every use of the gate fault, so the hypervisor sees it
     * (a ring-3 kernel cannot be entered through a gate anyway); the DPL
     * the guest wanted is kept in the target selector's RPL.
     */
    d &= ~SEG_DPL;
    sel = (sel & ~3u) | dpl;
    d = (d & ~(0xffffUL << 16)) | ((uint64_t)sel << 16);
    /* Parameter count and reserved bits must be clear. */
    if ( d & (0xffUL << 32) )
        return false;
    *desc = d;
    return true;
}

int pv_validate_segdesc_page(uint64_t *descs)
{
    for ( unsigned int i = 0; i < PAGE_SIZE / 8; i++ )
        if ( !pv_check_descriptor(&descs[i]) )
            return -EINVAL;
    return 0;
}

/*
 * Frame ownership and typing belong to the PV MMU, which overrides these.
 * Without it no frame can be shown safe, so none is accepted.
 */
int __attribute__((weak)) pv_get_segdesc_page(struct domain *d,
                                              unsigned long mfn)
{
    return -EINVAL;
}

void __attribute__((weak)) pv_put_segdesc_page(struct domain *d,
                                               unsigned long mfn)
{
}

int __attribute__((weak)) pv_write_descriptor(struct domain *d,
                                              paddr_t maddr, uint64_t desc)
{
    return -EINVAL;
}

void pv_load_gdt(struct vcpu *v)
{
    const struct pv_vcpu *pv = &v->arch.pv;

    for ( unsigned int i = 0; i < PV_GDT_FRAMES; i++ )
        gdt_map_guest_frame(i, pv->gdt_frames[i]);
}

static void destroy_gdt(struct vcpu *v)
{
    struct pv_vcpu *pv = &v->arch.pv;

    for ( unsigned int i = 0; i < PV_GDT_FRAMES; i++ )
    {
        if ( pv->gdt_frames[i] )
            pv_put_segdesc_page(v->domain, pv->gdt_frames[i]);
        pv->gdt_frames[i] = 0;
    }
    pv->gdt_ents = 0;
}

int pv_set_gdt(struct vcpu *v, const unsigned long *frames,
               unsigned int entries)
{
    unsigned int i, nr = (entries + 511) / 512;

    if ( entries > FIRST_RESERVED_GDT_ENTRY )
        return -EINVAL;

    for ( i = 0; i < nr; i++ )
        if ( !frames[i] || pv_get_segdesc_page(v->domain, frames[i]) )
        {
            while ( i-- > 0 )
                pv_put_segdesc_page(v->domain, frames[i]);
            return -EINVAL;
        }

    destroy_gdt(v);
    v->arch.pv.gdt_ents = entries;
    for ( i = 0; i < nr; i++ )
        v->arch.pv.gdt_frames[i] = frames[i];
    if ( v == current_vcpu() )
        pv_load_gdt(v);
    return 0;
}

long do_set_gdt(guest_va_t frame_list, unsigned int entries)
{
    unsigned long frames[PV_GDT_FRAMES];
    unsigned int nr = (entries + 511) / 512;

    /* Checked again by pv_set_gdt; here it bounds the copy. */
    if ( entries > FIRST_RESERVED_GDT_ENTRY )
        return -EINVAL;
    if ( copy_from_guest(frames, frame_list, nr * sizeof(frames[0])) )
        return -EFAULT;
    return pv_set_gdt(current_vcpu(), frames, entries);
}

long do_update_descriptor(uint64_t maddr, uint64_t desc)
{
    /* Misaligned, it would straddle two descriptors. */
    if ( (maddr & 7) || !pv_check_descriptor(&desc) )
        return -EINVAL;
    return pv_write_descriptor(current_domain(), maddr, desc);
}
