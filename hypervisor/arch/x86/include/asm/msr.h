/* SPDX-License-Identifier: GPL-2.0-only */
/* Model-specific register numbers and accessors. */
#ifndef ASM_MSR_H
#define ASM_MSR_H

#include <asm/config.h>

#define MSR_IA32_APIC_BASE      0x0000001b
#define  APIC_BASE_BSP          (_AC(1, UL) << 8)
#define  APIC_BASE_ENABLE       (_AC(1, UL) << 11)
#define  APIC_BASE_ADDR_MASK    _AC(0x000ffffffffff000, UL)
#define MSR_IA32_MISC_ENABLE    0x000001a0
#define MSR_EFER                0xc0000080
#define  EFER_SCE               (_AC(1, UL) << 0)
#define  EFER_LME               (_AC(1, UL) << 8)
#define  EFER_LMA               (_AC(1, UL) << 10)
#define  EFER_NXE               (_AC(1, UL) << 11)
#define MSR_STAR                0xc0000081
#define MSR_LSTAR               0xc0000082
#define MSR_CSTAR               0xc0000083
#define MSR_SYSCALL_MASK        0xc0000084
#define MSR_FS_BASE             0xc0000100
#define MSR_GS_BASE             0xc0000101
#define MSR_SHADOW_GS_BASE      0xc0000102

#ifndef __ASSEMBLY__

#include <hv/types.h>

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    asm volatile ( "rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr) );
    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
    asm volatile ( "wrmsr"
                   : : "c" (msr), "a" ((uint32_t)val),
                       "d" ((uint32_t)(val >> 32)) : "memory" );
}

#endif /* !__ASSEMBLY__ */

#endif /* ASM_MSR_H */
