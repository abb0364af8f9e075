/* SPDX-License-Identifier: GPL-2.0-only */
/* printf-style formatting into a bounded buffer: the ISO C subset the
 * hypervisor uses (d i u o x X c s p %, flags, width, precision, lengths),
 * producing what the host's C library produces for the same input. */

#include <hv/lib.h>

struct out
{
    char *buf;
    size_t size;
    size_t len;         /* what the complete output needs */
};

struct spec
{
    bool left, plus, space, alt, zero;
    int width;
    int prec;           /* -1: none given */
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

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
    int n = (int)strnlen(s, sp->prec >= 0 ? (size_t)sp->prec : (size_t)-1);
    int i;

    if ( !sp->left )
        pad(o, ' ', sp->width - n);
    for ( i = 0; i < n; i++ )
        put(o, s[i]);
    if ( sp->left )
        pad(o, ' ', sp->width - n);
}

/*
 * One integer conversion.  'prefix' is the sign or "0x"; digits are made
 * right to left in a scratch buffer large enough for 64 bits in octal.
 */
static void put_num(struct out *o, const struct spec *sp, unsigned long long v,
                    unsigned int base, bool upper, const char *prefix)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int nd = 0, zeros, plen = (int)strlen(prefix), total;

    while ( v )
    {
        tmp[nd++] = set[v % base];
        v /= base;
    }
    /* An explicit precision of zero prints nothing for the value zero. */
    if ( !nd && sp->prec != 0 )
        tmp[nd++] = '0';
    /* '#' with octal forces a leading zero, counted as a digit. */
    if ( base == 8 && sp->alt && (!nd || tmp[nd - 1] != '0') )
        tmp[nd++] = '0';

    zeros = sp->prec > nd ? sp->prec - nd : 0;
    total = plen + zeros + nd;
    if ( sp->zero && !sp->left && sp->prec < 0 && sp->width > total )
    {
        zeros += sp->width - total;
        total = sp->width;
    }

    if ( !sp->left )
        pad(o, ' ', sp->width - total);
    while ( *prefix )
        put(o, *prefix++);
    pad(o, '0', zeros);
    while ( nd )
        put(o, tmp[--nd]);
    if ( sp->left )
        pad(o, ' ', sp->width - total);
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    memset(sp, 0, sizeof(*sp));
    sp->prec = -1;

    for ( ; ; f++ )
    {
        if ( *f == '-' )
            sp->left = true;
        else if ( *f == '+' )
            sp->plus = true;
        else if ( *f == ' ' )
            sp->space = true;
        else if ( *f == '#' )
            sp->alt = true;
        else if ( *f == '0' )
            sp->zero = true;
        else
            break;
    }

    if ( *f == '*' )
    {
        sp->width = va_arg(*ap, int);
        if ( sp->width < 0 )
        {
            sp->left = true;
            sp->width = -sp->width;
        }
        f++;
    }
    else
        while ( hv_isdigit(*f) )
            sp->width = sp->width * 10 + (*f++ - '0');

    if ( *f == '.' )
    {
        f++;
        sp->prec = 0;
        if ( *f == '*' )
        {
            sp->prec = va_arg(*ap, int);
            if ( sp->prec < 0 )
                sp->prec = -1;
            f++;
        }
        else
            while ( hv_isdigit(*f) )
                sp->prec = sp->prec * 10 + (*f++ - '0');
    }

    return f;
}

/* Length modifiers, as a count of 'l's: -2 hh, -1 h, 0 int, 1 long, 2 ll. */
static const char *parse_length(const char *f, int *len)
{
    *len = 0;
    switch ( *f )
    {
    case 'h':
        *len = f[1] == 'h' ? -2 : -1;
        return f + (f[1] == 'h' ? 2 : 1);
    case 'l':
        *len = f[1] == 'l' ? 2 : 1;
        return f + (f[1] == 'l' ? 2 : 1);
    case 'z': case 't': case 'j':
        *len = 1;
        return f + 1;
    case 'L':
        return f + 1;
    }
    return f;
}

static long long signed_arg(int len, va_list *ap)
{
    if ( len >= 2 )
        return va_arg(*ap, long long);
    if ( len == 1 )
        return va_arg(*ap, long);
    if ( len == -1 )
        return (short)va_arg(*ap, int);
    if ( len == -2 )
        return (signed char)va_arg(*ap, int);
    return va_arg(*ap, int);
}

static unsigned long long unsigned_arg(int len, va_list *ap)
{
    if ( len >= 2 )
        return va_arg(*ap, unsigned long long);
    if ( len == 1 )
        return va_arg(*ap, unsigned long);
    if ( len == -1 )
        return (unsigned short)va_arg(*ap, unsigned int);
    if ( len == -2 )
        return (unsigned char)va_arg(*ap, unsigned int);
    return va_arg(*ap, unsigned int);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap_in)
{
    struct out o = { .buf = buf, .size = size, .len = 0 };
    struct spec sp;
    va_list ap;
    int len;

    /* A copy, so helpers can take a pointer to it portably. */
    va_copy(ap, ap_in);

    while ( *fmt )
    {
        if ( *fmt != '%' )
        {
            put(&o, *fmt++);
            continue;
        }
        fmt = parse_spec(fmt + 1, &sp, &ap);
        fmt = parse_length(fmt, &len);

        switch ( *fmt )
        {
        case 'd':
        case 'i':
        {
            long long v = signed_arg(len, &ap);
            unsigned long long mag = v < 0 ? -(unsigned long long)v
                                           : (unsigned long long)v;

            put_num(&o, &sp, mag, 10, false,
                    v < 0 ? "-" : sp.plus ? "+" : sp.space ? " " : "");
            break;
        }
        case 'u':
            put_num(&o, &sp, unsigned_arg(len, &ap), 10, false, "");
            break;
        case 'o':
            put_num(&o, &sp, unsigned_arg(len, &ap), 8, false, "");
            break;
        case 'x':
        case 'X':
        {
            unsigned long long v = unsigned_arg(len, &ap);

            put_num(&o, &sp, v, 16, *fmt == 'X',
                    sp.alt && v ? (*fmt == 'X' ? "0X" : "0x") : "");
            break;
        }
        case 'p':
        {
            void *p = va_arg(ap, void *);

            if ( !p )
            {
                sp.prec = -1;
                put_str(&o, &sp, "(nil)");
            }
            else
                put_num(&o, &sp, (unsigned long)p, 16, false, "0x");
            break;
        }
        case 'c':
        {
            char c = (char)va_arg(ap, int);

            if ( !sp.left )
                pad(&o, ' ', sp.width - 1);
            put(&o, c);
            if ( sp.left )
                pad(&o, ' ', sp.width - 1);
            break;
        }
        case 's':
        {
            const char *s = va_arg(ap, const char *);

            put_str(&o, &sp, s ? s : "(null)");
            break;
        }
        case '%':
            put(&o, '%');
            break;
        case '\0':
            /* A lone '%' at the end: print nothing more. */
            fmt--;
            break;
        default:
            /* Unknown conversion: show it rather than guess at arguments. */
            put(&o, '%');
            put(&o, *fmt);
            break;
        }
        fmt++;
    }

    if ( size )
        buf[o.len < size ? o.len : size - 1] = '\0';
    va_end(ap);
    return (int)o.len;
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
