/* SPDX-License-Identifier: GPL-2.0-only */
/* The faked MMU environment of mm-env.h. */
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
