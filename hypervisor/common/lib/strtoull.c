/* SPDX-License-Identifier: GPL-2.0-only */
/* Unsigned number parsing with C's prefix rules (base 0: 0x, 0, decimal).
 * Overflow saturates at ULLONG_MAX like ISO C; no errno here. */

#include <hv/lib.h>

static int digit_value(char c)
{
    if ( c >= '0' && c <= '9' )
        return c - '0';
    c = (char)hv_tolower(c);
    if ( c >= 'a' && c <= 'z' )
        return c - 'a' + 10;
    return 99;
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    const char *p = s;
    unsigned long long v = 0;
    bool neg = false, overflow = false, any = false;

    while ( hv_isspace(*p) )
        p++;
    if ( *p == '+' || *p == '-' )
        neg = *p++ == '-';

    if ( (base == 0 || base == 16) && p[0] == '0' &&
         (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16 )
    {
        p += 2;
        base = 16;
    }
    else if ( base == 0 )
        base = p[0] == '0' ? 8 : 10;

    for ( ; digit_value(*p) < base; p++ )
    {
        unsigned int d = digit_value(*p);

        any = true;
        if ( v > (~0ULL - d) / base )
            overflow = true;
        v = v * base + d;
    }

    if ( end )
        *end = (char *)(any ? p : s);
    if ( !any )
        return 0;
    if ( overflow )
        return ~0ULL;
    return neg ? -v : v;
}
