/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV MMU basics: walk our own page tables, change one PTE with
 * update_va_mapping and with mmu_update, and the checks that keep a guest
 * from mapping its page tables writable or touching the hypervisor's.
 */
#include "hvtest.h"

const char test_title[] = "mmu: PTE updates and their checks";

#define PAGE 4096UL
#define PTE_P  0x001UL
#define PTE_RW 0x002UL
#define PTE_ADDR 0x000ffffffffff000UL

static unsigned char scratch[PAGE] __attribute__((aligned(4096)));

/* Start-of-day frames sit at VIRT_BASE + PFN * 4K; find them by M2P. */
static uint64_t *table_va(uint64_t entry)
{
    const unsigned long *m2p = (const unsigned long *)0xffff800000000000UL;

    return (uint64_t *)(VIRT_BASE + m2p[(entry & PTE_ADDR) >> 12] * PAGE);
}

/* The L1 entry mapping va, and its machine address for mmu_update. */
static uint64_t *l1e_of(unsigned long va, uint64_t *maddr)
{
    uint64_t *l4 = (uint64_t *)start_info->pt_base;
    uint64_t *l3 = table_va(l4[(va >> 39) & 511]);
    uint64_t *l2 = table_va(l3[(va >> 30) & 511]);
    uint64_t l2e = l2[(va >> 21) & 511];
    uint64_t *l1 = table_va(l2e);

    *maddr = (l2e & PTE_ADDR) + ((va >> 12) & 511) * 8;
    return &l1[(va >> 12) & 511];
}

static bool hv_can_write(void *va)
{
    return !HYPERVISOR_xen_version(XENVER_platform_parameters, va);
}

static long uvm(unsigned long va, uint64_t pte, unsigned long flags)
{
    return hypercall3(__HYPERVISOR_update_va_mapping, va, pte, flags);
}

static long mmu_update(mmu_update_t *req, unsigned int n, unsigned int *done)
{
    return hypercall5(__HYPERVISOR_mmu_update, (unsigned long)req, n,
                      (unsigned long)done, DOMID_SELF, 0);
}

static long mmuext(mmuext_op_t *op, unsigned int n, unsigned int *done)
{
    return hypercall5(__HYPERVISOR_mmuext_op, (unsigned long)op, n,
                      (unsigned long)done, DOMID_SELF, 0);
}

/* mmu_update leaves the TLB alone: the guest flushes what it changed. */
static void invlpg(void *va)
{
    mmuext_op_t op = {
        .cmd = MMUEXT_INVLPG_LOCAL, .arg1.linear_addr = (unsigned long)va
    };

    if ( mmuext(&op, 1, NULL) )
        test_fail("MMUEXT_INVLPG_LOCAL %p failed", va);
}

static void test_update_va_mapping(void)
{
    unsigned long va = (unsigned long)scratch;
    uint64_t maddr, *l1e = l1e_of(va, &maddr), pte = *l1e;
    unsigned long pfn = (va - VIRT_BASE) / PAGE;
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;

    printf("mmu: scratch %#lx: PTE %#lx at machine %#lx\n", va, pte, maddr);
    CHECK_EQ((pte & PTE_ADDR) >> 12, p2m[pfn]);
    CHECK((pte & (PTE_P | PTE_RW)) == (PTE_P | PTE_RW));

    scratch[0] = 1;
    CHECK_EQ(uvm(va, pte & ~PTE_RW, UVMF_INVLPG), 0);
    CHECK_EQ(*l1e, pte & ~PTE_RW);
    CHECK(!hv_can_write(scratch));
    CHECK_EQ(scratch[0], 1);
    CHECK_EQ(uvm(va, pte, UVMF_INVLPG), 0);
    CHECK(hv_can_write(scratch));
    scratch[0] = 2;

    /* Same change by machine address of the entry. */
    {
        mmu_update_t req = { maddr | MMU_NORMAL_PT_UPDATE, pte & ~PTE_RW };
        unsigned int done = 99;

        CHECK_EQ(mmu_update(&req, 1, &done), 0);
        CHECK_EQ(done, 1);
        CHECK_EQ(*l1e, pte & ~PTE_RW);
        invlpg(scratch);
        CHECK(!hv_can_write(scratch));
        req.ptr = maddr | MMU_PT_UPDATE_PRESERVE_AD;
        req.val = pte;
        CHECK_EQ(mmu_update(&req, 1, NULL), 0);
        invlpg(scratch);
        CHECK(hv_can_write(scratch));
        /* An unknown request type. */
        req.ptr = maddr | 7;
        CHECK_EQ(mmu_update(&req, 1, &done), -ENOSYS);
        CHECK_EQ(done, 0);
        CHECK_EQ(mmu_update(NULL, 1, NULL), -EFAULT);
        CHECK_EQ(mmu_update(&req, 0, NULL), 0);
    }
}

static void test_refusals(void)
{
    uint64_t maddr, *pt_l1e = l1e_of(start_info->pt_base, &maddr);
    uint64_t pt_pte = *pt_l1e;

    /* Page tables are mapped read-only and must stay so: the L4 is busy. */
    printf("mmu: L4 PTE %#lx\n", pt_pte);
    CHECK(!(pt_pte & PTE_RW));
    CHECK_EQ(uvm(start_info->pt_base, pt_pte | PTE_RW, UVMF_INVLPG),
             -EBUSY);
    CHECK_EQ(*pt_l1e, pt_pte);
    /* Virtual addresses in the hypervisor's hole are not the guest's. */
    CHECK_EQ(uvm(0xffff800000000000UL, pt_pte, UVMF_INVLPG), -EINVAL);
    CHECK_EQ(uvm(0xffff830000001000UL, 0, UVMF_INVLPG), -EINVAL);
}

static void test_mmuext(void)
{
    mmuext_op_t op[2];
    unsigned int done = 99;
    const unsigned long *p2m = (const unsigned long *)start_info->mfn_list;
    unsigned long scratch_mfn =
        p2m[((unsigned long)scratch - VIRT_BASE) / PAGE];

    memset(op, 0, sizeof(op));
    op[0].cmd = MMUEXT_TLB_FLUSH_LOCAL;
    op[1].cmd = MMUEXT_INVLPG_LOCAL;
    op[1].arg1.linear_addr = (unsigned long)scratch;
    CHECK_EQ(mmuext(op, 2, &done), 0);
    CHECK_EQ(done, 2);

    /* A writably mapped page cannot become a page table. */
    op[0].cmd = MMUEXT_PIN_L1_TABLE;
    op[0].arg1.mfn = scratch_mfn;
    CHECK_EQ(mmuext(op, 1, &done), -EINVAL);
    CHECK_EQ(done, 0);
    /* Nor can what is not pinned be unpinned. */
    op[0].cmd = MMUEXT_UNPIN_TABLE;
    CHECK_EQ(mmuext(op, 1, &done), -EINVAL);

    /* Reloading the current base pointer is allowed. */
    op[0].cmd = MMUEXT_NEW_BASEPTR;
    op[0].arg1.mfn = p2m[(start_info->pt_base - VIRT_BASE) / PAGE];
    CHECK_EQ(mmuext(op, 1, NULL), 0);

    op[0].cmd = 100;
    CHECK_EQ(mmuext(op, 1, &done), -ENOSYS);
    CHECK_EQ(mmuext(NULL, 1, NULL), -EFAULT);
}

void test_main(void)
{
    test_update_va_mapping();
    test_refusals();
    test_mmuext();
}
