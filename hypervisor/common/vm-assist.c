/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_vm_assist: optional hypervisor behaviours a guest turns on.
 * Those a 64-bit PV guest may toggle are Xen's; the code that implements
 * each looks at struct arch_domain's vm_assist bits.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <public/xen.h>

#define VMASST_VALID_PV64 ((1UL << VMASST_TYPE_4gb_segments) | \
                           (1UL << VMASST_TYPE_4gb_segments_notify) | \
                           (1UL << VMASST_TYPE_writable_pagetables) | \
                           (1UL << VMASST_TYPE_pae_extended_cr3) | \
                           (1UL << VMASST_TYPE_architectural_iopl) | \
                           (1UL << VMASST_TYPE_runstate_update_flag) | \
                           (1UL << VMASST_TYPE_m2p_strict))

long do_vm_assist(unsigned int cmd, unsigned int type)
{
    struct domain *d = current_vcpu()->domain;

    /* The type is checked first: an unknown one fails whatever the cmd. */
    if ( type >= 64 || !(VMASST_VALID_PV64 & (1UL << type)) )
        return -EINVAL;
    switch ( cmd )
    {
    case VMASST_CMD_enable:
        d->arch.vm_assist |= 1UL << type;
        return 0;
    case VMASST_CMD_disable:
        d->arch.vm_assist &= ~(1UL << type);
        return 0;
    }
    return -ENOSYS;
}
