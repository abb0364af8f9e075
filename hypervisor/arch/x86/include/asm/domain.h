/* SPDX-License-Identifier: GPL-2.0-only */
/* x86-64 PV state of a domain and of a VCPU (inside struct domain/vcpu). */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <hv/types.h>
#include <public/xen.h>
#include <asm/pv-vcpu.h>

struct arch_domain
{
    paddr_t shared_info_maddr;      /* the frame guests see in start_info */
    uint64_t vm_assist;             /* VMASST_TYPE_* bits enabled */
    paddr_t e820_maddr;             /* XENMEM_set_memory_map's page, or 0 */
    unsigned int nr_e820;           /* entries in it */
    uint32_t emulation_flags;       /* XEN_X86_EMU_*: the PIT for dom0 */
    mfn_t pirq_eoi_mfn;             /* PHYSDEVOP_pirq_eoi_gmfn's, held */
    /*
     * Where a continued mm_relinquish_memory() (mm/mmu-ops.c) resumes:
     * its pass (0 to 3) and the frame within it.
     */
    unsigned int relinquish_pass;
    mfn_t relinquish_next;
};

struct arch_vcpu
{
    /*
     * Register image of the guest while it does not own the CPU.  While it
     * runs, the live copy is the frame at the top of the CPU's stack.
     */
    struct cpu_user_regs user_regs;
    paddr_t guest_table;            /* kernel-mode L4 (machine address) */
    paddr_t guest_table_user;       /* user-mode L4, 0 if none */
    /* Each base pointer above holds a general and an L4 type reference. */
    unsigned long ldt_base;         /* MMUEXT_SET_LDT: linear address */
    unsigned int ldt_ents;          /* and number of descriptors */
    bool kernel_mode;               /* guest kernel (true) or guest user */
    uint64_t fs_base, gs_base_kernel, gs_base_user;
    struct pv_vcpu pv;              /* traps, callbacks, FPU: pv/ */
};

#endif /* ASM_DOMAIN_H */
