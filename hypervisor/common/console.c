/* SPDX-License-Identifier: GPL-2.0-only */
/* printk with Xen-style levels, "(HV) " line prefixes and a history ring.
 * Invariant: 'at_line_start' is true exactly when the last byte sent was
 * a newline (or nothing was sent), so every line gets one prefix. */

#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <asm/processor.h>

#define LINE_PREFIX     "(HV) "
#define RING_SIZE       (16 * 1024)     /* a power of two */
#define PRINTK_BUF      512

static bool serial_on = true;
static bool serial_ready;
static int log_threshold = LOGLVL_DEFAULT;
static bool at_line_start = true;

static char ring[RING_SIZE];
static uint64_t ring_prod;              /* bytes written since boot */

static int parse_console(const char *s)
{
    bool com1 = false;
    int rc = 0;

    while ( *s )
    {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);

        if ( n == 4 && !strncmp(s, "com1", 4) )
            com1 = true;
        else if ( n == 4 && !strncmp(s, "none", 4) )
            com1 = false;
        else if ( n == 3 && !strncmp(s, "vga", 3) )
            cmdline_note(LOG_DEBUG, "console=vga: no VGA console, ignored");
        else
            rc = -EINVAL;
        s += n + (e != NULL);
    }
    if ( rc == 0 )
        serial_on = com1;
    return rc;
}
custom_param("console", parse_console);

static int parse_loglvl(const char *s)
{
    static const struct
    {
        const char *name;
        int level;
    } names[] = {
        { "none", LOGLVL_NONE }, { "error", LOGLVL_ERR },
        { "warning", LOGLVL_WARNING }, { "info", LOGLVL_INFO },
        { "debug", LOGLVL_DEBUG }, { "all", LOGLVL_DEBUG },
    };
    /* Xen accepts "<level>/<rate-limited level>": the second is moot here. */
    const char *slash = strchr(s, '/');
    size_t n = slash ? (size_t)(slash - s) : strlen(s);
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(names); i++ )
        if ( strlen(names[i].name) == n && !strncmp(s, names[i].name, n) )
        {
            log_threshold = names[i].level;
            return 0;
        }
    return -EINVAL;
}
custom_param("loglvl", parse_loglvl);

void console_init(void)
{
    serial_ready = serial_on;
    if ( serial_on )
    {
        serial_init();
        /* Whatever the firmware printed last may not end its line. */
        serial_putc('\r');
        serial_putc('\n');
    }
}

bool printk_level_enabled(enum log_level level)
{
    return (int)level <= log_threshold;
}

static void ring_putc(char c)
{
    ring[ring_prod++ & (RING_SIZE - 1)] = c;
}

static void emit(const char *s, size_t len)
{
    size_t i;

    for ( i = 0; i < len; i++ )
    {
        ring_putc(s[i]);
        if ( !serial_ready )
            continue;
        /* The terminal wants CR LF, as Xen's "cooked" serial port sends. */
        if ( s[i] == '\n' )
            serial_putc('\r');
        serial_putc(s[i]);
    }
}

/* Split into lines so that each one starts with the prefix. */
static void emit_prefixed(const char *s, size_t len)
{
    while ( len )
    {
        const char *nl = memchr(s, '\n', len);
        size_t n = nl ? (size_t)(nl - s) + 1 : len;

        if ( at_line_start )
            emit(LINE_PREFIX, sizeof(LINE_PREFIX) - 1);
        emit(s, n);
        at_line_start = nl != NULL;
        s += n;
        len -= n;
    }
}

/* A leading "<N>" names the level; without one, a warning (as Xen). */
static int take_level(const char **msg)
{
    const char *m = *msg;

    if ( m[0] == '<' && m[1] >= '0' && m[1] <= '3' && m[2] == '>' )
    {
        *msg = m + 3;
        return m[1] - '0';
    }
    return LOGLVL_WARNING;
}

static void do_vprintk(const char *fmt, va_list ap, bool forced)
{
    char buf[PRINTK_BUF];
    const char *msg = buf;
    unsigned long flags;
    int len, level;

    len = vsnprintf(buf, sizeof(buf), fmt, ap);
    if ( len >= (int)sizeof(buf) )
    {
        /* Keep the line structure of a truncated message. */
        len = sizeof(buf) - 1;
        buf[len - 1] = '\n';
    }

    level = take_level(&msg);
    if ( !forced && level > log_threshold )
        return;
    len -= msg - buf;

    local_irq_save(flags);
    emit_prefixed(msg, len);
    local_irq_restore(flags);
}

void vprintk(const char *fmt, va_list ap)
{
    do_vprintk(fmt, ap, false);
}

void printk(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    do_vprintk(fmt, ap, false);
    va_end(ap);
}

void vprintk_forced(const char *fmt, va_list ap)
{
    do_vprintk(fmt, ap, true);
}

void printk_forced(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    do_vprintk(fmt, ap, true);
    va_end(ap);
}

void console_write(const char *buf, size_t len)
{
    unsigned long flags;

    if ( !len )
        return;
    local_irq_save(flags);
    emit(buf, len);
    at_line_start = buf[len - 1] == '\n';
    local_irq_restore(flags);
}

void console_break_line(void)
{
    unsigned long flags;

    local_irq_save(flags);
    if ( !at_line_start )
    {
        emit("\n", 1);
        at_line_start = true;
    }
    local_irq_restore(flags);
}

int console_getc(void)
{
    return serial_ready ? serial_getc() : -1;
}

size_t console_ring_read(char *buf, size_t len, uint64_t *pos)
{
    size_t n = 0;

    if ( ring_prod > RING_SIZE && *pos < ring_prod - RING_SIZE )
        *pos = ring_prod - RING_SIZE;
    if ( *pos > ring_prod )
        *pos = ring_prod;
    while ( n < len && *pos < ring_prod )
        buf[n++] = ring[(*pos)++ & (RING_SIZE - 1)];
    return n;
}
