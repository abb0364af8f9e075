/* SPDX-License-Identifier: GPL-2.0-only */
/* Port I/O and uncached MMIO accessors. */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <hv/types.h>

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;

    asm volatile ( "inb %1, %0" : "=a" (v) : "Nd" (port) );
    return v;
}

static inline void outb(uint8_t v, uint16_t port)
{
    asm volatile ( "outb %0, %1" : : "a" (v), "Nd" (port) );
}

static inline uint32_t inl(uint16_t port)
{
    uint32_t v;

    asm volatile ( "inl %1, %0" : "=a" (v) : "Nd" (port) );
    return v;
}

static inline void outl(uint32_t v, uint16_t port)
{
    asm volatile ( "outl %0, %1" : : "a" (v), "Nd" (port) );
}

/* volatile keeps the compiler from merging or reordering device accesses. */
static inline uint32_t mmio_read32(const volatile void *addr)
{
    return *(const volatile uint32_t *)addr;
}

static inline void mmio_write32(volatile void *addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

#endif /* ASM_IO_H */
