/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Privileged and emulated instructions as a guest kernel issues them:
 * CPUID through the forced-emulation prefix, MSRs, control registers and
 * port I/O, each a small inline wrapper.
 */
#ifndef HVTEST_CPU_INSN_H
#define HVTEST_CPU_INSN_H

#include <stdint.h>

struct cpuid_regs {
    uint32_t a, b, c, d;
};

/* ud2; .ascii "xen"; cpuid: the hypervisor's CPUID, not the CPU's. */
static inline struct cpuid_regs xen_cpuid(uint32_t leaf, uint32_t sub)
{
    struct cpuid_regs r;

    asm volatile ( "ud2; .ascii \"xen\"; cpuid"
                   : "=a" (r.a), "=b" (r.b), "=c" (r.c), "=d" (r.d)
                   : "a" (leaf), "c" (sub) );
    return r;
}

static inline struct cpuid_regs native_cpuid(uint32_t leaf, uint32_t sub)
{
    struct cpuid_regs r;

    asm volatile ( "cpuid"
                   : "=a" (r.a), "=b" (r.b), "=c" (r.c), "=d" (r.d)
                   : "a" (leaf), "c" (sub) );
    return r;
}

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;

    asm volatile ( "rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr) );
    return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
    asm volatile ( "wrmsr" :: "c" (msr), "a" ((uint32_t)val),
                   "d" ((uint32_t)(val >> 32)) : "memory" );
}

#define DEFINE_CR(n)                                                    \
static inline unsigned long read_cr##n(void)                            \
{                                                                       \
    unsigned long v;                                                    \
    asm volatile ( "mov %%cr" #n ", %0" : "=r" (v) );                   \
    return v;                                                           \
}                                                                       \
static inline void write_cr##n(unsigned long v)                         \
{                                                                       \
    asm volatile ( "mov %0, %%cr" #n :: "r" (v) : "memory" );           \
}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    asm volatile ( "inb %1, %0" : "=a" (v) : "Nd" (port) );
    return v;
}

static inline void outb(uint8_t v, uint16_t port)
{
    asm volatile ( "outb %0, %1" :: "a" (v), "Nd" (port) );
}

static inline uint16_t inw(uint16_t port)
{
    uint16_t v;

    asm volatile ( "inw %1, %0" : "=a" (v) : "Nd" (port) );
    return v;
}

static inline uint32_t inl(uint16_t port)
{
    uint32_t v;

    asm volatile ( "inl %1, %0" : "=a" (v) : "Nd" (port) );
    return v;
}

static inline void outl(uint32_t v, uint16_t port)
{
    asm volatile ( "outl %0, %1" :: "a" (v), "Nd" (port) );
}

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;

    asm volatile ( "rdtsc" : "=a" (lo), "=d" (hi) );
    return ((uint64_t)hi << 32) | lo;
}

#endif /* HVTEST_CPU_INSN_H */
