/* SPDX-License-Identifier: GPL-2.0-only */
/* Control registers, CPUID, TSC and interrupt-flag helpers. */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <asm/config.h>

#define X86_CR0_PE      _AC(0x00000001, UL)
#define X86_CR0_MP      _AC(0x00000002, UL)
#define X86_CR0_EM      _AC(0x00000004, UL)
#define X86_CR0_TS      _AC(0x00000008, UL)
#define X86_CR0_ET      _AC(0x00000010, UL)
#define X86_CR0_NE      _AC(0x00000020, UL)
#define X86_CR0_WP      _AC(0x00010000, UL)
#define X86_CR0_AM      _AC(0x00040000, UL)
#define X86_CR0_PG      _AC(0x80000000, UL)

#define X86_CR4_PAE     _AC(0x00000020, UL)
#define X86_CR4_PGE     _AC(0x00000080, UL)
#define X86_CR4_OSFXSR  _AC(0x00000200, UL)
#define X86_CR4_OSXMMEXCPT _AC(0x00000400, UL)

#ifndef __ASSEMBLY__

#include <hv/types.h>
#include <asm/eflags.h>

#define DEFINE_CR_ACCESS(n)                                             \
static inline unsigned long read_cr##n(void)                            \
{                                                                       \
    unsigned long v;                                                    \
    asm volatile ( "mov %%cr" #n ", %0" : "=r" (v) );                   \
    return v;                                                           \
}                                                                       \
static inline void write_cr##n(unsigned long v)                         \
{                                                                       \
    asm volatile ( "mov %0, %%cr" #n : : "r" (v) : "memory" );          \
}
DEFINE_CR_ACCESS(0)
DEFINE_CR_ACCESS(2)
DEFINE_CR_ACCESS(4)
#undef DEFINE_CR_ACCESS

static inline void cpuid_count(uint32_t leaf, uint32_t sub, uint32_t *a,
                               uint32_t *b, uint32_t *c, uint32_t *d)
{
    asm volatile ( "cpuid"
                   : "=a" (*a), "=b" (*b), "=c" (*c), "=d" (*d)
                   : "a" (leaf), "c" (sub) );
}

static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b,
                         uint32_t *c, uint32_t *d)
{
    cpuid_count(leaf, 0, a, b, c, d);
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    asm volatile ( "rdtsc" : "=a" (lo), "=d" (hi) );
    return ((uint64_t)hi << 32) | lo;
}

/* rdtsc may execute early; lfence keeps it after older instructions. */
static inline uint64_t rdtsc_ordered(void)
{
    asm volatile ( "lfence" ::: "memory" );
    return rdtsc();
}

static inline void cpu_relax(void)
{
    asm volatile ( "pause" ::: "memory" );
}

static inline void local_irq_disable(void)
{
    asm volatile ( "cli" ::: "memory" );
}

static inline void local_irq_enable(void)
{
    asm volatile ( "sti" ::: "memory" );
}

static inline unsigned long local_save_flags(void)
{
    unsigned long flags;

    asm volatile ( "pushf; pop %0" : "=r" (flags) :: "memory" );
    return flags;
}

#define local_irq_save(flags)                   \
    do {                                        \
        (flags) = local_save_flags();           \
        local_irq_disable();                    \
    } while ( 0 )

static inline void local_irq_restore(unsigned long flags)
{
    if ( flags & X86_EFLAGS_IF )
        local_irq_enable();
}

static inline bool local_irq_is_enabled(void)
{
    return local_save_flags() & X86_EFLAGS_IF;
}

/*
 * Sleep until the next interrupt.  sti only takes effect after the next
 * instruction, so no interrupt can slip in between the two and leave us
 * halted with the wake-up already consumed.
 */
static inline void safe_halt(void)
{
    asm volatile ( "sti; hlt" ::: "memory" );
}

static inline void halt(void)
{
    asm volatile ( "hlt" ::: "memory" );
}

#endif /* !__ASSEMBLY__ */

#endif /* ASM_PROCESSOR_H */
