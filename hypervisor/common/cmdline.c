/* SPDX-License-Identifier: GPL-2.0-only */
/* Boot command line: Xen's option syntax over a table of registered
 * options (section "hv_param").  Nothing here is fatal: a bad option is
 * reported and ignored, so a typo never stops the machine from booting. */

#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>

#define CMDLINE_MAX     1024
#define OPT_MAX         256
#define MAX_NOTES       16
#define NOTE_LEN        160

/* Bounds of the option table: the linker script (or the host linker). */
extern const struct hv_param __start_hv_param[] __attribute__((weak));
extern const struct hv_param __stop_hv_param[] __attribute__((weak));

static char saved_cmdline[CMDLINE_MAX];
static char dom0_extra[CMDLINE_MAX];

static struct
{
    char level[4];
    char text[NOTE_LEN];
} notes[MAX_NOTES];
static unsigned int nr_notes, dropped_notes;

bool opt_noreboot;
boolean_param("noreboot", opt_noreboot);

void cmdline_note(const char *level, const char *fmt, ...)
{
    va_list ap;

    if ( nr_notes == MAX_NOTES )
    {
        dropped_notes++;
        return;
    }
    strlcpy(notes[nr_notes].level, level, sizeof(notes[nr_notes].level));
    va_start(ap, fmt);
    vsnprintf(notes[nr_notes].text, NOTE_LEN, fmt, ap);
    va_end(ap);
    nr_notes++;
}

int parse_bool(const char *s, const char *end)
{
    static const char *const yes[] = { "1", "yes", "on", "true", "enable" };
    static const char *const no[] = { "0", "no", "off", "false", "disable" };
    size_t n = end ? (size_t)(end - s) : strlen(s);
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(yes); i++ )
    {
        if ( strlen(yes[i]) == n && !strncmp(s, yes[i], n) )
            return 1;
        if ( strlen(no[i]) == n && !strncmp(s, no[i], n) )
            return 0;
    }
    return -1;
}

/*
 * Xen's sizes: T, G, M, K multiply, B means bytes, and no suffix means
 * KiB.  When the caller wants the end pointer, a '%' is left for it to
 * interpret and the number is returned unscaled.
 */
unsigned long long parse_size_and_unit(const char *s, const char **ps)
{
    char *e;
    unsigned long long v = strtoull(s, &e, 0);
    unsigned int shift = 10;

    switch ( *e )
    {
    case 'T': case 't':
        shift = 40;
        e++;
        break;
    case 'G': case 'g':
        shift = 30;
        e++;
        break;
    case 'M': case 'm':
        shift = 20;
        e++;
        break;
    case 'K': case 'k':
        e++;
        break;
    case 'B': case 'b':
        shift = 0;
        e++;
        break;
    case '%':
        if ( ps )
            shift = 0;
        break;
    }

    if ( ps )
        *ps = e;
    return v << shift;
}

/* Store into a 1, 2, 4 or 8 byte variable; negative values sign-extend. */
static int assign_integer(const struct hv_param *p, unsigned long long v)
{
    unsigned int bits = p->len * 8;

    if ( bits < 64 )
    {
        unsigned long long top = v >> (bits - 1);

        /* Either it fits unsigned, or it is a sign-extended negative. */
        if ( (v >> bits) && top != (~0ULL >> (bits - 1)) )
            return -EOVERFLOW;
    }

    switch ( p->len )
    {
    case 1:
        *(uint8_t *)p->par.var = v;
        break;
    case 2:
        *(uint16_t *)p->par.var = v;
        break;
    case 4:
        *(uint32_t *)p->par.var = v;
        break;
    case 8:
        *(uint64_t *)p->par.var = v;
        break;
    default:
        return -EINVAL;
    }
    return 0;
}

/* Apply one option.  'val' is NULL without '='; 'neg' for a "no-" form. */
static int apply_param(const struct hv_param *p, const char *val, bool neg)
{
    const char *e;
    int b;

    switch ( p->type )
    {
    case PARAM_BOOL:
        b = (val && *val) ? parse_bool(val, NULL) : 1;
        if ( b < 0 )
            return -EINVAL;
        return assign_integer(p, neg ? !b : b);

    case PARAM_UINT:
    {
        char *end;
        unsigned long long v;

        if ( neg || !val || !*val )
            return -EINVAL;
        v = strtoull(val, &end, 0);
        if ( *end )
            return -EINVAL;
        return assign_integer(p, v);
    }

    case PARAM_SIZE:
        if ( neg || !val || !hv_isdigit(*val) )
            return -EINVAL;
        {
            unsigned long long v = parse_size_and_unit(val, &e);

            if ( *e )
                return -EINVAL;
            return assign_integer(p, v);
        }

    case PARAM_STR:
        if ( neg )
            return -EINVAL;
        if ( !val )
            val = "";
        if ( strlcpy(p->par.var, val, p->len) >= p->len )
            cmdline_note(LOG_WARNING, "option '%s': value truncated to %u "
                         "characters", p->name, p->len - 1);
        return 0;

    case PARAM_CUSTOM:
        /* Xen hands "no" to a custom option written as "no-name". */
        if ( neg )
            return val ? -EINVAL : p->par.func("no");
        return p->par.func(val ? val : "");
    }
    return -EINVAL;
}

static const struct hv_param *find_param(const struct hv_param *start,
                                         const struct hv_param *end,
                                         const char *name, size_t len)
{
    const struct hv_param *p;

    for ( p = start; p < end; p++ )
        if ( strlen(p->name) == len && !strncmp(p->name, name, len) )
            return p;
    return NULL;
}

void parse_params(const char *cmdline, const struct hv_param *start,
                  const struct hv_param *end)
{
    const char *s = cmdline;
    char opt[OPT_MAX];

    for ( ; ; )
    {
        const struct hv_param *p;
        const char *key;
        char *val;
        size_t n = 0;
        bool neg = false;
        int rc;

        while ( *s == ' ' )
            s++;
        if ( !*s )
            break;
        while ( s[n] && s[n] != ' ' )
            n++;
        if ( n >= sizeof(opt) )
        {
            cmdline_note(LOG_WARNING, "option '%.32s...' is too long, "
                         "ignored", s);
            s += n;
            continue;
        }
        memcpy(opt, s, n);
        opt[n] = '\0';
        s += n;

        val = strchr(opt, '=');
        if ( val )
            *val++ = '\0';
        key = opt;

        p = find_param(start, end, key, strlen(key));
        if ( !p && !strncmp(key, "no-", 3) )
        {
            p = find_param(start, end, key + 3, strlen(key + 3));
            neg = p != NULL;
        }
        if ( !p )
        {
            cmdline_note(LOG_DEBUG, "unknown option '%s' ignored", key);
            continue;
        }

        rc = apply_param(p, val, neg);
        if ( rc )
            cmdline_note(LOG_WARNING, "option '%s' has an invalid value "
                         "'%s' (error %d), ignored", key, val ? val : "",
                         -rc);
    }
}

/* A loader puts the image's name first: anything that is not an option. */
static const char *skip_image_name(const char *s)
{
    const char *tok;
    size_t n = 0;

    while ( *s == ' ' )
        s++;
    tok = s;
    while ( tok[n] && tok[n] != ' ' )
        n++;
    if ( !n || memchr(tok, '=', n) )
        return s;
    if ( find_param(__start_hv_param, __stop_hv_param, tok, n) ||
         (n > 3 && !strncmp(tok, "no-", 3) &&
          find_param(__start_hv_param, __stop_hv_param, tok + 3, n - 3)) )
        return s;
    return s + n;
}

void cmdline_parse(const char *cmdline)
{
    const char *s = skip_image_name(cmdline ? cmdline : "");
    size_t len, i;

    nr_notes = dropped_notes = 0;
    dom0_extra[0] = '\0';
    while ( *s == ' ' )
        s++;
    if ( strlcpy(saved_cmdline, s, sizeof(saved_cmdline)) >=
         sizeof(saved_cmdline) )
        cmdline_note(LOG_WARNING, "command line truncated to %zu characters",
                     sizeof(saved_cmdline) - 1);

    /* Everything after " -- " is for dom0's kernel, as with Xen. */
    len = strlen(saved_cmdline);
    for ( i = 0; i + 2 <= len; i++ )
    {
        if ( (i == 0 || saved_cmdline[i - 1] == ' ') &&
             saved_cmdline[i] == '-' && saved_cmdline[i + 1] == '-' &&
             (saved_cmdline[i + 2] == ' ' || saved_cmdline[i + 2] == '\0') )
        {
            const char *extra = saved_cmdline + i + 2;

            while ( *extra == ' ' )
                extra++;
            strlcpy(dom0_extra, extra, sizeof(dom0_extra));
            saved_cmdline[i ? i - 1 : 0] = '\0';
            break;
        }
    }

    parse_params(saved_cmdline, __start_hv_param, __stop_hv_param);
}

void cmdline_report(void)
{
    unsigned int i;

    printk(LOG_INFO "Command line: %s\n", saved_cmdline);
    if ( dom0_extra[0] )
        printk(LOG_INFO "Options for dom0: %s\n", dom0_extra);
    for ( i = 0; i < nr_notes; i++ )
        printk("%sCommand line: %s\n", notes[i].level, notes[i].text);
    if ( dropped_notes )
        printk(LOG_WARNING "Command line: %u more complaints not shown\n",
               dropped_notes);
}

const char *cmdline_get(void)
{
    return saved_cmdline;
}

const char *cmdline_dom0_extra(void)
{
    return dom0_extra;
}

/* dom0_mem= */

struct mem_spec
{
    bool set;
    bool minus;                 /* host memory minus this */
    unsigned long long bytes;
    unsigned int percent;       /* of host memory, added to bytes */
};

enum { MEM_SIZE, MEM_MIN, MEM_MAX, MEM_NR };

static struct mem_spec dom0_mem_spec[MEM_NR];
uint64_t dom0_mem_bytes;
uint64_t dom0_mem_min_bytes;
uint64_t dom0_mem_max_bytes;

/* One <sz>: [-]<size> | [-][<size>+]<frac>% ; ends at ',' or the end. */
static int parse_amount(const char *s, const char **ps, struct mem_spec *out)
{
    struct mem_spec m = { .set = true };
    unsigned int items = 0;

    m.minus = *s == '-';
    if ( m.minus )
        s++;

    do
    {
        unsigned long long v;

        if ( !hv_isdigit(*s) )
            return -EINVAL;
        v = parse_size_and_unit(s, &s);
        if ( *s == '%' )
        {
            if ( v >= 100 )
                return -EINVAL;
            m.percent = v;
            s++;
            items++;            /* nothing may follow a fraction */
        }
        else
        {
            if ( items )
                return -EINVAL; /* the size comes first */
            m.bytes = v;
        }
        items++;
    } while ( *s++ == '+' && items < 2 );

    s--;
    if ( *s && *s != ',' )
        return -EINVAL;
    *ps = s;
    *out = m;
    return 0;
}

static uint64_t resolve_amount(const struct mem_spec *m, uint64_t host)
{
    uint64_t v;

    if ( !m->set )
        return 0;
    v = m->bytes + host / 100 * m->percent + host % 100 * m->percent / 100;
    if ( m->minus )
        v = v < host ? host - v : 0;
    /* 0 would read as "not given": a request for nothing is one page. */
    return v ? v : PAGE_SIZE;
}

static bool amount_is_absolute(const struct mem_spec *m)
{
    return m->set && !m->minus && !m->percent;
}

void dom0_mem_resolve(uint64_t host_bytes)
{
    dom0_mem_bytes = resolve_amount(&dom0_mem_spec[MEM_SIZE], host_bytes);
    dom0_mem_min_bytes = resolve_amount(&dom0_mem_spec[MEM_MIN], host_bytes);
    dom0_mem_max_bytes = resolve_amount(&dom0_mem_spec[MEM_MAX], host_bytes);
}

static int parse_dom0_mem(const char *s)
{
    struct mem_spec spec[MEM_NR];
    unsigned int i;
    int rc;

    memcpy(spec, dom0_mem_spec, sizeof(spec));
    do
    {
        if ( !strncmp(s, "min:", 4) )
            rc = parse_amount(s + 4, &s, &spec[MEM_MIN]);
        else if ( !strncmp(s, "max:", 4) )
            rc = parse_amount(s + 4, &s, &spec[MEM_MAX]);
        else
            rc = parse_amount(s, &s, &spec[MEM_SIZE]);
    } while ( !rc && *s++ == ',' );

    if ( rc )
        return rc;
    if ( s[-1] )
        return -EINVAL;

    memcpy(dom0_mem_spec, spec, sizeof(spec));
    /* Sizes relative to the host wait for dom0_mem_resolve(). */
    for ( i = 0; i < MEM_NR; i++ )
    {
        uint64_t v = amount_is_absolute(&spec[i])
                     ? resolve_amount(&spec[i], 0) : 0;

        if ( i == MEM_SIZE )
            dom0_mem_bytes = v;
        else if ( i == MEM_MIN )
            dom0_mem_min_bytes = v;
        else
            dom0_mem_max_bytes = v;
    }
    return 0;
}
custom_param("dom0_mem", parse_dom0_mem);
