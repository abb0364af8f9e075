/* SPDX-License-Identifier: GPL-2.0-only */
/* The faked MMU environment of mm-env.h. */
#include <stdlib.h>
#include <string.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/domain.h>
#include <hv/page-alloc.h>
#include <asm/mm.h>
#include <public/xen.h>

#include "mm-env.h"


unsigned char *mm_test_arena;
unsigned long mm_test_flushes;
paddr_t mm_test_root;
pgentry_t idle_pg_table[PAGETABLE_ENTRIES];
struct domain *hardware_domain;

struct domain dom;
struct vcpu vcpu0;
struct shared_info shinfo;
unsigned long m2p[NR_FRAMES];
bool mm_env_privileged_iomem;

static bool all_ram(mfn_t mfn)
{
    return true;
}

int mm_env_init(unsigned long max_pages, bool privileged)
{
    void *meta = malloc(page_alloc_meta_bytes((paddr_t)NR_FRAMES << 12));
    struct page_info *ft = calloc(NR_FRAMES, sizeof(struct page_info));

    mm_test_arena = aligned_alloc(PAGE_SIZE, (size_t)NR_FRAMES * PAGE_SIZE);
    if ( !meta || !ft || !mm_test_arena )
        return -1;
    page_alloc_init((paddr_t)NR_FRAMES << 12, meta);
    free_range((paddr_t)FIRST_RAM << 12, (paddr_t)NR_FRAMES << 12);
    frame_table_init(ft, NR_FRAMES, all_ram);
    for ( unsigned int i = 256; i <= 271; i++ )
        idle_pg_table[i] = 0x1000UL * i | 3;
    dom.domain_id = 0;
    dom.is_privileged = privileged;
    dom.max_pages = max_pages;
    dom.max_vcpus = 1;
    dom.shared_info = &shinfo;
    dom.vcpu[0] = &vcpu0;
    vcpu0.domain = &dom;
    vcpu0.arch.kernel_mode = true;
    hardware_domain = &dom;
    return 0;
}

struct vcpu *current_vcpu(void)
{
    return &vcpu0;
}

struct domain *domain_lookup(domid_t id)
{
    return id == 0 ? &dom : NULL;
}

unsigned long raw_copy_from_guest(void *to, const void *from, size_t n)
{
    if ( !from )
        return n;
    memcpy(to, from, n);
    return 0;
}

unsigned long raw_copy_to_guest(void *to, const void *from, size_t n)
{
    if ( !to )
        return n;
    memcpy(to, from, n);
    return 0;
}

void set_gpfn_from_mfn(mfn_t mfn, unsigned long pfn)
{
    if ( mfn < NR_FRAMES )
        m2p[mfn] = pfn;
}

unsigned long get_gpfn_from_mfn(mfn_t mfn)
{
    return mfn < NR_FRAMES ? m2p[mfn] : INVALID_M2P_ENTRY;
}

bool is_iomem_page(mfn_t mfn)
{
    return !mfn_valid(mfn) || mfn_to_page(mfn)->owner == dom_io;
}

int iomem_check(const struct domain *d, mfn_t mfn, bool *ro)
{
    *ro = false;
    return mm_env_privileged_iomem && d->is_privileged && mfn < (1UL << 20)
           ? 0 : -EPERM;
}
