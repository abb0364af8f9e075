/* SPDX-License-Identifier: GPL-2.0-only */
/* Memory and string primitives for the freestanding hypervisor.
 * The build keeps GCC from turning these loops back into calls to
 * themselves (-fno-tree-loop-distribute-patterns). */

#include <hv/lib.h>

/*
 * Words where both ends allow: a page is then 512 moves, not 4096, which
 * matters for grant copies and page clears (eight times the loads and
 * stores under an emulator).  Only aligned words, which sanitizers and
 * strict-alignment hosts accept.
 */
typedef unsigned long __attribute__((may_alias)) word_t;
#define WORD_MASK (sizeof(word_t) - 1)

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if ( !(((unsigned long)d | (unsigned long)s) & WORD_MASK) )
        for ( ; n >= sizeof(word_t); n -= sizeof(word_t) )
        {
            *(word_t *)d = *(const word_t *)s;
            d += sizeof(word_t);
            s += sizeof(word_t);
        }
    while ( n-- )
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;

    if ( d <= s || d >= s + n )
        return memcpy(dst, src, n);
    while ( n-- )
        d[n] = s[n];
    return dst;
}

void *memset(void *p, int c, size_t n)
{
    unsigned char *d = p;

    if ( !((unsigned long)d & WORD_MASK) )
    {
        word_t w = (unsigned char)c * (~(word_t)0 / 0xff);

        for ( ; n >= sizeof(word_t); n -= sizeof(word_t) )
        {
            *(word_t *)d = w;
            d += sizeof(word_t);
        }
    }
    while ( n-- )
        *d++ = (unsigned char)c;
    return p;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;

    for ( ; n; n--, x++, y++ )
        if ( *x != *y )
            return *x - *y;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for ( ; n; n--, p++ )
        if ( *p == (unsigned char)c )
            return (void *)p;
    return NULL;
}

size_t strlen(const char *s)
{
    const char *p = s;

    while ( *p )
        p++;
    return p - s;
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while ( n < max && s[n] )
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while ( *a && *a == *b )
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for ( ; n; n--, a++, b++ )
    {
        if ( *a != *b )
            return (unsigned char)*a - (unsigned char)*b;
        if ( !*a )
            break;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for ( ; ; s++ )
    {
        if ( *s == (char)c )
            return (char *)s;
        if ( !*s )
            return NULL;
    }
}

char *strstr(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for ( ; *hay; hay++ )
        if ( !strncmp(hay, needle, n) )
            return (char *)hay;
    return n ? NULL : (char *)hay;
}
