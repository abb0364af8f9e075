/* SPDX-License-Identifier: GPL-2.0-only */
/* struct cpu_info at the top of each CPU's stack, found from %rsp.
 * The guest's register frame is its first member: TSS.rsp0 points into it
 * so that the CPU itself saves a ring-3 frame there on every entry. */
#ifndef ASM_CURRENT_H
#define ASM_CURRENT_H

#include <asm/config.h>

#ifndef __ASSEMBLY__

#include <hv/types.h>
#include <public/xen.h>

struct vcpu;

struct cpu_info
{
    /* Must stay first (see TSS.rsp0 in desc.c and the entry code). */
    struct cpu_user_regs guest_cpu_user_regs;
    unsigned int processor_id;
    unsigned int _pad0;
    struct vcpu *current_vcpu;
    unsigned long per_cpu_offset;
    /*
     * Fields may be added below.  The CPU aligns the ring-0 stack it
     * switches to down to 16 bytes, so &guest_cpu_user_regs.es (offset
     * 168) must be 16-byte aligned: sizeof(struct cpu_info) % 16 == 8.
     * A build-time check in desc.c enforces it.
     */
    unsigned long cr2;          /* of the last #PF on this CPU, read first */
};

/* The size, for the boot code that carves cpu_info off the first stack. */
extern const unsigned long cpu_info_size;

static inline struct cpu_info *get_cpu_info(void)
{
    unsigned long sp;

    asm ( "mov %%rsp, %0" : "=r" (sp) );
    return (struct cpu_info *)((sp | (STACK_SIZE - 1)) + 1) - 1;
}

static inline struct cpu_user_regs *guest_cpu_user_regs(void)
{
    return &get_cpu_info()->guest_cpu_user_regs;
}

static inline unsigned int smp_processor_id(void)
{
    return get_cpu_info()->processor_id;
}

#define current         (get_cpu_info()->current_vcpu)
#define set_current(v)  (get_cpu_info()->current_vcpu = (v))

/* Where a CPU's stack block starts (STACK_SIZE aligned). */
extern char cpu0_stack[];

#endif /* !__ASSEMBLY__ */

#endif /* ASM_CURRENT_H */
