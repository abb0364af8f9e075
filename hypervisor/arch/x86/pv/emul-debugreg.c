/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Debug registers of PV guests: which values a guest may load (MOV to DR,
 * set_debugreg) and what it reads back.
 */
#include <hv/errno.h>
#include "emul-private.h"

#define DR6_RESERVED_ZERO   (~0xffffefffULL)    /* bit 12 and above 31 */
#define DR6_RESERVED_ONE    0xffff0ff0ULL
#define DR7_RESERVED_ZERO   (~0xffff27ffULL)    /* 11, 12, 14, 15, > 31 */
#define DR7_RESERVED_ONE    0x400ULL
#define DR7_GD              0x2000ULL
#define DR7_ENABLES         0xffULL
#define DR7_RW_IO           2

int pv_debugreg_check(unsigned int reg, uint64_t val, uint64_t guest_cr4,
                      uint64_t *out, uint32_t *dr7_emul)
{
    unsigned int i;
    uint32_t io = 0;

    *dr7_emul = 0;
    switch ( reg )
    {
    case 0: case 1: case 2: case 3:
        /* No breakpoints on the hypervisor's addresses. */
        if ( !emul_addr_ok(val) )
            return -EPERM;
        *out = val;
        return 0;

    case 4: case 6:
        /* DR4 aliases DR6 unless CR4.DE makes it undefined. */
        if ( reg == 4 && (guest_cr4 & CR4_DE) )
            return -ENODEV;
        if ( val != (uint32_t)val )
            return -EINVAL;
        *out = (val & ~DR6_RESERVED_ZERO) | DR6_RESERVED_ONE;
        return 0;

    case 5: case 7:
        if ( reg == 5 && (guest_cr4 & CR4_DE) )
            return -ENODEV;
        if ( val != (uint32_t)val )
            return -EINVAL;
        val = (val & ~DR7_RESERVED_ZERO) | DR7_RESERVED_ONE;
        /* General detect would trap the hypervisor's own DR accesses. */
        if ( val & DR7_GD )
            return -EPERM;
        if ( val & DR7_ENABLES )
        {
            /* I/O breakpoints need CR4.DE and are emulated, not loaded. */
            for ( i = 0; i < 4; i++ )
            {
                if ( ((val >> (16 + i * 4)) & 3) != DR7_RW_IO )
                    continue;
                if ( !(guest_cr4 & CR4_DE) )
                    return -EPERM;
                io |= val & (3u << (i * 2));
            }
            val &= ~(uint64_t)io;
        }
        *dr7_emul = io;
        *out = val;
        return 0;
    }
    return -ENODEV;
}

int pv_debugreg_read(const struct pv_emul_vcpu *v, unsigned int reg,
                     uint64_t *val)
{
    switch ( reg )
    {
    case 0: case 1: case 2: case 3:
        *val = v->dr[reg];
        return 0;
    case 4: case 6:
        if ( reg == 4 && (v->cr4 & CR4_DE) )
            return -ENODEV;
        *val = v->dr6;
        return 0;
    case 5: case 7:
        if ( reg == 5 && (v->cr4 & CR4_DE) )
            return -ENODEV;
        *val = v->dr7 | v->dr7_emul;
        return 0;
    }
    return -ENODEV;
}
