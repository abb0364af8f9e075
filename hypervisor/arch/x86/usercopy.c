/* SPDX-License-Identifier: GPL-2.0-only */
/* Guest memory copies that survive bad guest pointers: the string
 * instruction doing the copy has an exception-table entry, and a fault on
 * it resumes right after with %rcx holding the bytes left. */

#include <asm/config.h>
#include <asm/extable.h>
#include <asm/uaccess.h>

#define CANONICAL_LOW_END   0x0000800000000000UL

bool guest_range_ok(unsigned long addr, size_t n)
{
    unsigned long last = addr + n - 1;

    if ( !n )
        return true;
    if ( last < addr )
        return false;
    /* Lower half: canonical as long as it ends below 2^47. */
    if ( last < CANONICAL_LOW_END )
        return true;
    /* Upper half, above the hypervisor's slots. */
    return addr >= HV_AREA_VIRT_END;
}

static unsigned long copy_checked(void *to, const void *from, size_t n)
{
    asm volatile ( "1: rep movsb\n"
                   "2:\n"
                   _ASM_EXTABLE(1b, 2b)
                   : "+c" (n), "+D" (to), "+S" (from)
                   : : "memory" );
    return n;
}

unsigned long raw_copy_from_guest(void *to, const void *from_guest,
                                  size_t n)
{
    if ( !guest_range_ok((unsigned long)from_guest, n) )
        return n;
    return copy_checked(to, from_guest, n);
}

unsigned long raw_copy_to_guest(void *to_guest, const void *from, size_t n)
{
    if ( !guest_range_ok((unsigned long)to_guest, n) )
        return n;
    return copy_checked(to_guest, from, n);
}

unsigned long raw_clear_guest(void *to_guest, size_t n)
{
    if ( !guest_range_ok((unsigned long)to_guest, n) )
        return n;
    asm volatile ( "1: rep stosb\n"
                   "2:\n"
                   _ASM_EXTABLE(1b, 2b)
                   : "+c" (n), "+D" (to_guest)
                   : "a" (0) : "memory" );
    return n;
}
