/* SPDX-License-Identifier: GPL-2.0-only */
/* Start-of-day virtual layout of a PV kernel (dom0, or a domU built the same
 * way): where the kernel, initrd, p2m, start_info, page tables and boot stack
 * go, and how many page-table frames map them. Pure arithmetic. */
#ifndef HV_DOM0_LAYOUT_H
#define HV_DOM0_LAYOUT_H

#include <hv/types.h>

#define DOM0_LAYOUT_ERR_LEN     128

/* Inputs: mostly from struct elf_dom_parms after elf_xen_parse(). */
struct dom0_layout_params {
    uint64_t virt_base;         /* parms.virt_base: VA of PFN 0 */
    uint64_t virt_kstart;       /* parms.virt_kstart */
    uint64_t virt_kend;         /* parms.virt_kend */
    uint64_t initrd_len;        /* bytes; 0 = no initrd */
    bool unmapped_initrd;       /* parms.unmapped_initrd (MOD_START_PFN) */
    uint64_t p2m_base;          /* parms.p2m_base: ELF_UNSET_ADDR = in area */
    uint64_t nr_pages;          /* all pages the domain starts with */
    bool is_dom0;               /* dom0: VGA info after start_info;
                                   domU: xenstore and console pages */
};

/*
 * Every boundary is a VA; *_start page-aligned, *_end exclusive. Regions
 * follow each other in this order from v_start; absent ones are empty
 * (start == end) at the position they would have had. The PFN of a page
 * in [v_start, v_end) is (va - v_start) >> PAGE_SHIFT.
 */
struct dom0_layout {
    uint64_t v_start;           /* = virt_base */
    uint64_t vkern_start, vkern_end;
    uint64_t vinitrd_start, vinitrd_end;     /* empty if unmapped/none */
    uint64_t vphysmap_start, vphysmap_end;   /* p2m: 8 bytes per page;
                                                INIT_P2M: at p2m_base */
    uint64_t vstartinfo_start, vstartinfo_end; /* incl. dom0 VGA info */
    uint64_t vxenstore_start, vxenstore_end; /* domU only */
    uint64_t vconsole_start, vconsole_end;   /* domU only */
    uint64_t vpt_start, vpt_end;             /* bootstrap page tables */
    uint64_t vstack_start, vstack_end;       /* one page; RSP = vstack_end */
    uint64_t v_end;             /* 4 MiB aligned, >= 512 KiB after stack */

    /* PFNs of the regions above (relative to v_start). */
    uint64_t kern_pfn;
    uint64_t initrd_pfn;        /* unmapped initrd: first PFN after area */
    uint64_t p2m_pfn;           /* p2m inside the area (not INIT_P2M) */
    uint64_t startinfo_pfn;
    uint64_t xenstore_pfn;      /* domU only, else 0 */
    uint64_t console_pfn;       /* domU only, else 0 */
    uint64_t pt_pfn;            /* = PFN of pt_base (the L4) */
    uint64_t stack_pfn;
    uint64_t nr_area_pages;     /* (v_end - v_start) >> PAGE_SHIFT */

    /* Page tables mapping [v_start, v_end) with 4 KiB pages. */
    unsigned long nr_pt_frames; /* = nr_l4 + nr_l3 + nr_l2 + nr_l1 */
    unsigned int nr_l4;         /* always 1 */
    unsigned int nr_l3;
    unsigned int nr_l2;         /* always 1: Linux copies a single L2 */
    unsigned int nr_l1;

    /*
     * INIT_P2M only (p2m_separate): the p2m list mapped at p2m_base with
     * 4 KiB pages through its own L3/L2/L1 tables (the L4 is shared). Its
     * frames get PFNs after the area and after an unmapped initrd:
     * first_p2m_pfn .. + nr_p2m_frames (data pages, then tables).
     */
    bool p2m_separate;
    uint64_t p2m_size;          /* bytes mapped: nr_pages * 8, page-rounded */
    uint64_t p2m_nr_pages;      /* p2m_size >> PAGE_SHIFT */
    unsigned int p2m_nr_l3, p2m_nr_l2, p2m_nr_l1;
    uint64_t first_p2m_pfn;
    uint64_t nr_p2m_frames;     /* p2m_nr_pages + p2m tables */

    uint64_t nr_pages_used;     /* area + unmapped initrd + p2m frames */

    char err[DOM0_LAYOUT_ERR_LEN];  /* why dom0_layout_compute() failed */
};

/*
 * Compute the layout. Refuses: misaligned or non-canonical addresses, a
 * kernel outside [virt_base, ...), an area over 1 GiB or across a 1 GiB
 * boundary (-ERANGE), an area meeting the hypervisor range, a domain with
 * too few pages (-ENOMEM), hostile sizes that overflow (-EOVERFLOW).
 * Returns 0 or a negative errno with l->err set.
 */
int dom0_layout_compute(const struct dom0_layout_params *p,
                        struct dom0_layout *l);

#endif /* HV_DOM0_LAYOUT_H */
