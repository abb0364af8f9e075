/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A small vsnprintf: flags '-', '0' and '#', field width, precision for
 * strings, length modifiers h l ll z, and the conversions d i u x X p s c %.
 */
#include "hvtest.h"

struct out {
    char *buf;
    size_t size;
    size_t len;     /* what a large enough buffer would have held */
};

static void put(struct out *o, char c)
{
    if ( o->len + 1 < o->size )
        o->buf[o->len] = c;
    o->len++;
}

static void pad(struct out *o, char c, int n)
{
    while ( n-- > 0 )
        put(o, c);
}

static void put_str(struct out *o, const char *s, int width, int prec,
                    bool left)
{
    int n;

    if ( !s )
        s = "(null)";
    n = strnlen(s, prec < 0 ? (size_t)-1 : (size_t)prec);
    if ( !left )
        pad(o, ' ', width - n);
    for ( int i = 0; i < n; i++ )
        put(o, s[i]);
    if ( left )
        pad(o, ' ', width - n);
}

static void put_num(struct out *o, unsigned long long v, bool neg,
                    unsigned int base, bool upper, int width, bool left,
                    bool zero, const char *prefix)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int n = 0, plen = strlen(prefix) + neg, total;

    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while ( v );

    if ( !left && !zero )
        pad(o, ' ', width - n - plen);
    if ( neg )
        put(o, '-');
    while ( *prefix )
        put(o, *prefix++);
    if ( !left && zero )
        pad(o, '0', width - n - plen);
    total = n + plen;
    while ( n )
        put(o, tmp[--n]);
    if ( left )
        pad(o, ' ', width - total);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { .buf = buf, .size = size };

    for ( ; *fmt; fmt++ )
    {
        bool left = false, zero = false, alt = false, is_signed = false;
        int width = 0, prec = -1, lng = 0;
        unsigned long long v;

        if ( *fmt != '%' )
        {
            put(&o, *fmt);
            continue;
        }

        for ( fmt++; *fmt == '-' || *fmt == '0' || *fmt == '#'; fmt++ )
        {
            if ( *fmt == '-' )
                left = true;
            else if ( *fmt == '0' )
                zero = true;
            else
                alt = true;
        }
        if ( *fmt == '*' )
        {
            width = va_arg(ap, int);
            fmt++;
        }
        for ( ; *fmt >= '0' && *fmt <= '9'; fmt++ )
            width = width * 10 + (*fmt - '0');
        if ( *fmt == '.' )
        {
            prec = 0;
            if ( *++fmt == '*' )
            {
                prec = va_arg(ap, int);
                fmt++;
            }
            for ( ; *fmt >= '0' && *fmt <= '9'; fmt++ )
                prec = prec * 10 + (*fmt - '0');
        }
        for ( ; *fmt == 'l' || *fmt == 'z' || *fmt == 'h'; fmt++ )
            if ( *fmt != 'h' )
                lng++;

        switch ( *fmt )
        {
        case 'd':
        case 'i':
            is_signed = true;
            /* fall through */
        case 'u':
        case 'x':
        case 'X':
            if ( lng >= 2 )
                v = va_arg(ap, unsigned long long);
            else if ( lng == 1 )
                v = va_arg(ap, unsigned long);
            else
                v = va_arg(ap, unsigned int);
            if ( is_signed )
            {
                long long s = lng >= 2 ? (long long)v :
                              lng == 1 ? (long)v : (int)v;

                v = s < 0 ? -(unsigned long long)s : (unsigned long long)s;
                put_num(&o, v, s < 0, 10, false, width, left, zero, "");
            }
            else
                put_num(&o, v, false, *fmt == 'u' ? 10 : 16, *fmt == 'X',
                        width, left, zero,
                        alt && v && *fmt != 'u' ? "0x" : "");
            break;
        case 'p':
            put_num(&o, (unsigned long)va_arg(ap, void *), false, 16, false,
                    width, left, zero, "0x");
            break;
        case 's':
            put_str(&o, va_arg(ap, const char *), width, prec, left);
            break;
        case 'c':
            put(&o, (char)va_arg(ap, int));
            break;
        case '%':
            put(&o, '%');
            break;
        default:
            put(&o, '%');
            if ( *fmt )
                put(&o, *fmt);
            else
                fmt--;
            break;
        }
    }

    if ( o.size )
        o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
    return o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
