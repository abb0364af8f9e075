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

/*
 * Quadwords first, then the tail: a byte at a time costs eight times the
 * iterations, which an emulated CPU pays in full (a multicall entry is 64
 * bytes).  A fault among the quadwords goes on byte by byte from where it
 * stopped, so that the bytes left are counted exactly, as before.
 */
static unsigned long copy_checked(void *to, const void *from, size_t n)
{
    unsigned long tail = n & 7;

    n >>= 3;
    asm volatile ( "   jmp 1f\n"
                   "0: lea (%[tail], %[n], 8), %[n]\n"
                   "   jmp 2f\n"
                   "1: rep movsq\n"
                   "   mov %[tail], %[n]\n"
                   "2: rep movsb\n"
                   "3:\n"
                   _ASM_EXTABLE(1b, 0b)
                   _ASM_EXTABLE(2b, 3b)
                   : [n] "+c" (n), "+D" (to), "+S" (from)
                   : [tail] "r" (tail) : "memory" );
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
