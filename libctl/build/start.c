/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What a PV kernel finds at its first instruction: start_info (in RSI),
 * an empty shared_info with every VCPU's events masked, zeroed xenstore
 * and console rings, and VCPU 0's registers: flat ring-3 selectors, the
 * entry point, the stack at the end of the boot stack page, interrupts
 * enabled, CR3 on the pinned L4.
 */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "build.h"

#define X86_DR6_DEFAULT 0xffff0ff0UL
#define X86_DR7_DEFAULT 0x00000400UL
#define X86_EFLAGS_IF   0x200UL

static uint64_t va_of(const struct build *b, uint64_t pfn)
{
    return b->layout.v_start + (pfn << XC_PAGE_SHIFT);
}

int build_start_info(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    struct xc_pv_build_info *info = b->info;
    struct start_info *si;

    /* start_info, xenstore, console, tables, stack and padding. */
    if ( gmem_zero(b, l->startinfo_pfn << XC_PAGE_SHIFT,
                   l->v_end - l->vstartinfo_start) )
        return -1;
    si = gmem_page(b, l->startinfo_pfn);
    if ( !si )
        return -1;
    snprintf(si->magic, sizeof(si->magic), "xen-3.0-x86_64");
    si->nr_pages = b->nr_pages;
    si->shared_info = b->shared_info_mfn << XC_PAGE_SHIFT;
    si->store_mfn = b->p2m[l->xenstore_pfn];
    si->store_evtchn = b->cfg->store_evtchn;
    si->console.domU.mfn = b->p2m[l->console_pfn];
    si->console.domU.evtchn = b->cfg->console_evtchn;
    si->pt_base = l->vpt_start;
    si->nr_pt_frames = l->nr_pt_frames;
    si->mfn_list = l->vphysmap_start;
    if ( l->p2m_separate )
    {
        si->first_p2m_pfn = l->first_p2m_pfn;
        si->nr_p2m_frames = l->nr_p2m_frames;
    }
    if ( b->initrd_len )
    {
        if ( b->parms.unmapped_initrd )
        {
            si->flags |= SIF_MOD_START_PFN;
            si->mod_start = l->initrd_pfn;
        }
        else
            si->mod_start = l->vinitrd_start;
        si->mod_len = b->initrd_len;
    }
    if ( b->cfg->cmdline )
        snprintf((char *)si->cmd_line, sizeof(si->cmd_line), "%s",
                 b->cfg->cmdline);

    info->start_info_pfn = l->startinfo_pfn;
    info->start_info_va = l->vstartinfo_start;
    info->store_pfn = l->xenstore_pfn;
    info->store_mfn = b->p2m[l->xenstore_pfn];
    info->console_pfn = l->console_pfn;
    info->console_mfn = b->p2m[l->console_pfn];
    return 0;
}

int build_shared_info(struct build *b)
{
    struct shared_info *sh;
    unsigned int i;

    sh = xc_map_foreign_range(b->xch, b->domid, XC_PAGE_SIZE,
                              PROT_READ | PROT_WRITE, b->shared_info_mfn);
    if ( !sh )
        return build_fail(b, -errno, "domain %u: mapping shared_info",
                          b->domid);
    memset(sh, 0, sizeof(*sh));
    for ( i = 0; i < XEN_LEGACY_MAX_VCPUS; i++ )
        sh->vcpu_info[i].evtchn_upcall_mask = 1;
    b->xch->be->unmap_foreign(b->xch->priv, sh, 1);
    return 0;
}

int build_vcpu0(struct build *b)
{
    const struct dom0_layout *l = &b->layout;
    vcpu_guest_context_any_t ctxt;
    vcpu_guest_context_t *c = &ctxt.c;

    memset(&ctxt, 0, sizeof(ctxt));
    c->user_regs.rip = b->parms.virt_entry;
    c->user_regs.rsp = va_of(b, l->stack_pfn + 1);
    c->user_regs.rsi = va_of(b, l->startinfo_pfn);
    c->user_regs.rflags = X86_EFLAGS_IF;
    c->user_regs.ds = FLAT_KERNEL_DS;
    c->user_regs.es = FLAT_KERNEL_DS;
    c->user_regs.fs = FLAT_KERNEL_DS;
    c->user_regs.gs = FLAT_KERNEL_DS;
    c->user_regs.ss = FLAT_KERNEL_SS;
    c->user_regs.cs = FLAT_KERNEL_CS;
    c->kernel_ss = c->user_regs.ss;
    c->kernel_sp = c->user_regs.rsp;
    c->debugreg[6] = X86_DR6_DEFAULT;
    c->debugreg[7] = X86_DR7_DEFAULT;
    c->flags = VGCF_in_kernel | VGCF_online;
    c->ctrlreg[3] = (uint64_t)b->p2m[l->pt_pfn] << XC_PAGE_SHIFT;
    return xc_vcpu_setcontext(b->xch, b->domid, 0, &ctxt) ? -1 : 0;
}
