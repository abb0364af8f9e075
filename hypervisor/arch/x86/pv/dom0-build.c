/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Building dom0 from the first multiboot module: a 64-bit PV ELF kernel.
 *
 * The start-of-day layout (common/dom0-layout.c) is one virtually linear
 * region from the kernel's VIRT_BASE, backed by one physically contiguous
 * block so that PFN n of the region is machine frame base + n.  The rest of
 * the domain's memory follows in whatever chunks the allocator gives.  The
 * bootstrap page tables live inside the region and are mapped read-only,
 * as the guest will later have to prove to us that it never writes them
 * directly.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/boot.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/domain.h>
#include <hv/libelf.h>
#include <hv/dom0-layout.h>
#include <hv/page-alloc.h>
#include <hv/mm.h>
#include <asm/page.h>
#include <asm/eflags.h>
#include <public/xen.h>
#include <public/elfnote.h>
#include <public/features.h>
#include "pv.h"

/* Intermediate entries: the leaf decides what the guest may do. */
#define PT_TABLE_FLAGS (_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | \
                        _PAGE_ACCESSED | _PAGE_DIRTY)
/* Leaves: validation adds _PAGE_USER, marking them the guest kernel's. */
#define PT_DATA_FLAGS  (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED)

/* What we need while building; discarded afterwards. */
struct dom0_build
{
    struct domain *d;
    struct elf_binary elf;
    struct elf_dom_parms parms;
    struct dom0_layout l;
    mfn_t area_mfn;                 /* machine frame of PFN 0 */
    uint64_t area_pages;            /* frames in the contiguous block */
    uint64_t nr_pages;
    uint64_t *p2m;                  /* the guest's p2m list, via directmap */
};

static unsigned int order_for(uint64_t pages)
{
    unsigned int order = 0;

    while ( (1ULL << order) < pages )
        order++;
    return order;
}

static void *pfn_ptr(const struct dom0_build *b, uint64_t pfn)
{
    return maddr_to_virt((paddr_t)b->p2m[pfn] << PAGE_SHIFT);
}

/* elf_load() callback: guest VA inside the region -> host pointer. */
static void *dom0_va_to_ptr(void *opaque, uint64_t va, size_t len)
{
    const struct dom0_build *b = opaque;
    uint64_t off;

    if ( va < b->l.v_start || va >= b->l.v_end ||
         b->l.v_end - va < len )
        return NULL;
    off = va - b->l.v_start;
    return (uint8_t *)pfn_ptr(b, off >> PAGE_SHIFT) + (off & ~PAGE_MASK);
}

/*
 * Give the domain its frames and fill the p2m list.  The region must be
 * contiguous (its page tables and p2m are addressed by PFN arithmetic), the
 * rest may come in any chunks.
 */
static int dom0_alloc_memory(struct dom0_build *b)
{
    unsigned int order = order_for(b->l.nr_area_pages);
    paddr_t base = alloc_pages(order);
    uint64_t pfn;

    if ( !base )
    {
        printk(LOG_ERR "dom0: no contiguous %lu KiB for the start-of-day "
               "area\n", (unsigned long)(PAGE_SIZE << order) >> 10);
        return -ENOMEM;
    }
    b->area_mfn = base >> PAGE_SHIFT;
    b->area_pages = MIN(1ULL << order, b->nr_pages);
    /* Pages of the block beyond nr_pages go back. */
    for ( pfn = b->area_pages; pfn < (1ULL << order); pfn++ )
        free_pages(base + (pfn << PAGE_SHIFT), 0);

    b->p2m = maddr_to_virt(base + (b->l.p2m_pfn << PAGE_SHIFT));
    for ( pfn = 0; pfn < b->area_pages; pfn++ )
        b->p2m[pfn] = b->area_mfn + pfn;

    while ( pfn < b->nr_pages )
    {
        uint64_t left = b->nr_pages - pfn;
        unsigned int o = MIN(order_for(left), 10U);
        paddr_t chunk;

        if ( (1ULL << o) > left )
            o--;
        while ( !(chunk = alloc_pages(o)) && o > 0 )
            o--;
        if ( !chunk )
        {
            printk(LOG_ERR "dom0: out of memory at page %lu of %lu\n",
                   (unsigned long)pfn, (unsigned long)b->nr_pages);
            return -ENOMEM;
        }
        for ( uint64_t i = 0; i < (1ULL << o); i++ )
            b->p2m[pfn++] = (chunk >> PAGE_SHIFT) + i;
    }
    /*
     * Clear the start-of-day area (its tables, start_info, stack and the
     * kernel's pages), but not the rest: as on Xen, dom0 is trusted and
     * boot-time memory holds nobody's secrets, and scrubbing all of it
     * would cost more than the rest of the boot under emulation.  The p2m
     * itself is being written: skip it.
     */
    for ( pfn = 0; pfn < b->l.nr_area_pages; pfn++ )
    {
        if ( pfn >= b->l.p2m_pfn &&
             pfn < b->l.p2m_pfn + PFN_UP(b->nr_pages * 8) )
            continue;
        memset(pfn_ptr(b, pfn), 0, PAGE_SIZE);
    }
    /* Tail of the p2m's last page: no frames there. */
    for ( pfn = b->nr_pages; (pfn * 8) & ~PAGE_MASK; pfn++ )
        b->p2m[pfn] = ~0ULL;
    /* The frames become the domain's, and the M2P describes them. */
    b->d->max_pages = b->nr_pages;
    for ( pfn = 0; pfn < b->nr_pages; pfn++ )
    {
        if ( assign_frames(b->d, b->p2m[pfn], 1) )
            return -ENOMEM;
        set_gpfn_from_mfn(b->p2m[pfn], pfn);
    }
    return 0;
}

/*
 * Map [v_start, v_end) with 4 KiB pages.  Table frames sit at pt_pfn in
 * the order L4, L3s, L2, L1s; the entries that map them are read-only.
 */
static void dom0_build_page_tables(struct dom0_build *b)
{
    const struct dom0_layout *l = &b->l;
    uint64_t pt = l->pt_pfn;
    uint64_t l3_pfn = pt + l->nr_l4;
    uint64_t l2_pfn = l3_pfn + l->nr_l3;
    uint64_t l1_pfn = l2_pfn + l->nr_l2;
    uint64_t *l4 = pfn_ptr(b, pt);
    uint64_t va;

    pv_init_guest_l4(l4);
    for ( va = l->v_start; va < l->v_end; va += PAGE_SIZE )
    {
        uint64_t pfn = (va - l->v_start) >> PAGE_SHIFT;
        uint64_t l3i = (va >> 39) & 511, l2i = (va >> 30) & 511;
        uint64_t l1i = (va >> 21) & 511, pti = (va >> 12) & 511;
        /* Which table of each level covers va (they are allocated in
         * address order, one per aligned span). */
        uint64_t n3 = (va >> 39) - (l->v_start >> 39);
        uint64_t n2 = (va >> 30) - (l->v_start >> 30);
        uint64_t n1 = (va >> 21) - (l->v_start >> 21);
        uint64_t *l3 = pfn_ptr(b, l3_pfn + n3);
        uint64_t *l2 = pfn_ptr(b, l2_pfn + n2);
        uint64_t *l1 = pfn_ptr(b, l1_pfn + n1);
        uint64_t flags = PT_DATA_FLAGS;

        l4[l3i] = (b->p2m[l3_pfn + n3] << PAGE_SHIFT) | PT_TABLE_FLAGS;
        l3[l2i] = (b->p2m[l2_pfn + n2] << PAGE_SHIFT) | PT_TABLE_FLAGS;
        l2[l1i] = (b->p2m[l1_pfn + n1] << PAGE_SHIFT) | PT_TABLE_FLAGS;
        if ( pfn >= l->pt_pfn && pfn < l->pt_pfn + l->nr_pt_frames )
            flags &= ~_PAGE_RW;
        l1[pti] = (b->p2m[pfn] << PAGE_SHIFT) | flags;
    }
}

static int dom0_load_initrd(struct dom0_build *b, const struct boot_module *m)
{
    const uint8_t *src = maddr_to_virt(m->start);
    uint64_t len = m->end - m->start;
    uint64_t first = b->parms.unmapped_initrd ? b->l.initrd_pfn
                     : (b->l.vinitrd_start - b->l.v_start) >> PAGE_SHIFT;

    for ( uint64_t off = 0; off < len; off += PAGE_SIZE )
        memcpy(pfn_ptr(b, first + (off >> PAGE_SHIFT)), src + off,
               MIN(PAGE_SIZE, len - off));
    return 0;
}

/*
 * A multiboot module string starts with the image's name (as GRUB legacy
 * and QEMU pass it); dom0's command line is what follows, as on Xen.
 */
static const char *dom0_cmdline(const char *s)
{
    if ( !s )
        return "";
    while ( *s == ' ' )
        s++;
    /* GRUB 2 leaves the name out. */
    if ( boot_info->loader && !strncmp(boot_info->loader, "GRUB 2", 6) )
        return s;
    while ( *s && *s != ' ' )
        s++;
    while ( *s == ' ' )
        s++;
    return s;
}

static void dom0_fill_start_info(struct dom0_build *b, const char *cmdline,
                                 uint64_t initrd_len)
{
    const struct dom0_layout *l = &b->l;
    struct start_info *si = dom0_va_to_ptr(b, l->vstartinfo_start,
                                           sizeof(*si));

    memset(si, 0, sizeof(*si));
    snprintf(si->magic, sizeof(si->magic), "xen-3.0-x86_64");
    si->nr_pages = b->nr_pages;
    si->shared_info = b->d->arch.shared_info_maddr;
    si->flags = SIF_PRIVILEGED | SIF_INITDOMAIN;
    si->pt_base = l->vpt_start;
    si->nr_pt_frames = l->nr_pt_frames;
    si->mfn_list = l->vphysmap_start;
    if ( initrd_len )
    {
        if ( b->parms.unmapped_initrd )
        {
            si->flags |= SIF_MOD_START_PFN;
            si->mod_start = l->initrd_pfn;
        }
        else
            si->mod_start = l->vinitrd_start;
        si->mod_len = initrd_len;
    }
    cmdline = dom0_cmdline(cmdline);
    memcpy(si->cmd_line, cmdline,
           MIN(strlen(cmdline), sizeof(si->cmd_line) - 1));
}

static void dom0_init_vcpu(struct dom0_build *b)
{
    struct vcpu *v = b->d->vcpu[0];
    struct cpu_user_regs *r = &v->arch.user_regs;

    memset(r, 0, sizeof(*r));
    r->rip = b->parms.virt_entry;
    r->rsp = b->l.vstack_end;
    r->rsi = b->l.vstartinfo_start;
    r->cs = FLAT_KERNEL_CS;
    r->ss = FLAT_KERNEL_SS;
    r->rflags = X86_EFLAGS_IF | X86_EFLAGS_MBS;
    v->arch.kernel_mode = true;
}

/*
 * The bootstrap tables go through the same validation as any the guest
 * builds later; the L4 is pinned, as Xen pins dom0's, and becomes the
 * VCPU's base pointer.
 */
static int dom0_setup_mm(struct dom0_build *b)
{
    struct domain *d = b->d;
    int rc;

    rc = mm_set_initial_table(d->vcpu[0], b->p2m[b->l.pt_pfn]);
    if ( rc )
        printk(LOG_ERR "dom0: its page tables do not validate (%d)\n", rc);
    return rc;
}

static void dom0_print_layout(const struct dom0_build *b)
{
    const struct dom0_layout *l = &b->l;

    printk(LOG_INFO "dom0: %lu pages, start-of-day area at mfn %#lx\n",
           (unsigned long)b->nr_pages, (unsigned long)b->area_mfn);
    printk(LOG_INFO " kernel      %#lx-%#lx\n", (unsigned long)l->vkern_start,
           (unsigned long)l->vkern_end);
    if ( l->vinitrd_end > l->vinitrd_start )
        printk(LOG_INFO " initrd      %#lx-%#lx\n",
               (unsigned long)l->vinitrd_start,
               (unsigned long)l->vinitrd_end);
    printk(LOG_INFO " p2m list    %#lx-%#lx\n",
           (unsigned long)l->vphysmap_start, (unsigned long)l->vphysmap_end);
    printk(LOG_INFO " start info  %#lx-%#lx\n",
           (unsigned long)l->vstartinfo_start,
           (unsigned long)l->vstartinfo_end);
    printk(LOG_INFO " page tables %#lx-%#lx\n", (unsigned long)l->vpt_start,
           (unsigned long)l->vpt_end);
    printk(LOG_INFO " boot stack  %#lx-%#lx\n", (unsigned long)l->vstack_start,
           (unsigned long)l->vstack_end);
    printk(LOG_INFO " total       %#lx-%#lx, entry %#lx\n",
           (unsigned long)l->v_start, (unsigned long)l->v_end,
           (unsigned long)b->parms.virt_entry);
}

/* How many pages dom0 gets: dom0_mem=, else all but a reserve for us. */
static uint64_t dom0_pages(void)
{
    uint64_t avail = free_page_count();
    uint64_t reserve = MAX(avail / 16, (16ULL << 20) >> PAGE_SHIFT);
    uint64_t want = dom0_mem_bytes >> PAGE_SHIFT;

    if ( reserve > avail / 2 )
        reserve = avail / 2;
    if ( !want || want > avail - reserve )
    {
        if ( want )
            printk(LOG_WARNING "dom0_mem too large: giving dom0 %lu MiB\n",
                   (unsigned long)((avail - reserve) >> (20 - PAGE_SHIFT)));
        want = avail - reserve;
    }
    return want;
}

int pv_build_dom0(struct domain *d, const struct boot_module *kernel,
                  const struct boot_module *initrd)
{
    struct dom0_build *b = &(struct dom0_build){ .d = d };
    struct dom0_layout_params lp;
    uint64_t initrd_len = initrd ? initrd->end - initrd->start : 0;
    int rc;

    rc = elf_init(&b->elf, maddr_to_virt(kernel->start),
                  kernel->end - kernel->start);
    if ( !rc )
        rc = elf_xen_parse(&b->elf, &b->parms);
    if ( !rc )
        rc = elf_xen_dom0_check(&b->elf, &b->parms);
    if ( rc )
    {
        printk(LOG_ERR "dom0 kernel refused: %s\n", b->elf.err);
        return rc;
    }

    /* dom0 starts with events masked; a domU's toolstack does the same. */
    for ( unsigned int i = 0; i < XEN_LEGACY_MAX_VCPUS; i++ )
        d->shared_info->vcpu_info[i].evtchn_upcall_mask = 1;

    b->nr_pages = dom0_pages();
    lp = (struct dom0_layout_params){
        .virt_base = b->parms.virt_base,
        .virt_kstart = b->parms.virt_kstart,
        .virt_kend = b->parms.virt_kend,
        .initrd_len = initrd_len,
        .unmapped_initrd = b->parms.unmapped_initrd,
        /* The p2m stays inside the region: Linux accepts either. */
        .p2m_base = ELF_UNSET_ADDR,
        .nr_pages = b->nr_pages,
        .is_dom0 = true,
    };
    rc = dom0_layout_compute(&lp, &b->l);
    if ( rc )
    {
        printk(LOG_ERR "dom0 kernel does not fit: %s\n", b->l.err);
        return rc;
    }

    rc = dom0_alloc_memory(b);
    if ( rc )
        return rc;
    dom0_print_layout(b);
    dom0_build_page_tables(b);

    rc = elf_load(&b->elf, dom0_va_to_ptr, b);
    if ( rc )
    {
        printk(LOG_ERR "dom0: loading the kernel failed: %s\n", b->elf.err);
        return rc;
    }
    if ( b->parms.virt_hypercall != ELF_UNSET_ADDR )
    {
        if ( b->parms.virt_hypercall & ~PAGE_MASK )
        {
            printk(LOG_ERR "dom0 kernel refused: hypercall page %#lx is not "
                   "page aligned\n", (unsigned long)b->parms.virt_hypercall);
            return -EINVAL;
        }
        pv_write_hypercall_page(dom0_va_to_ptr(b, b->parms.virt_hypercall,
                                               PAGE_SIZE));
    }
    if ( initrd_len )
        dom0_load_initrd(b, initrd);
    dom0_fill_start_info(b, kernel->string, initrd_len);
    dom0_init_vcpu(b);
    return dom0_setup_mm(b);
}
