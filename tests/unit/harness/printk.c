/* SPDX-License-Identifier: GPL-2.0-only */
/* printk() and panic() for host tests: output is kept for inspection
 * (and echoed to stderr when HARNESS_VERBOSE is set in the environment). */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hv/console.h>

#include "harness.h"

static char log_buf[64 * 1024];
static size_t log_len;

static void log_append(const char *fmt, va_list ap)
{
    va_list copy;
    int n;

    va_copy(copy, ap);
    if ( getenv("HARNESS_VERBOSE") )
        vfprintf(stderr, fmt, copy);
    va_end(copy);

    n = vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len, fmt, ap);
    if ( n > 0 )
        log_len = log_len + n < sizeof(log_buf) ? log_len + n
                                                : sizeof(log_buf) - 1;
}

const char *harness_log(void)
{
    return log_buf;
}

void harness_log_reset(void)
{
    log_len = 0;
    log_buf[0] = '\0';
}

bool harness_log_contains(const char *needle)
{
    return strstr(log_buf, needle) != NULL;
}

void vprintk(const char *fmt, va_list ap)
{
    log_append(fmt, ap);
}

void printk(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_append(fmt, ap);
    va_end(ap);
}

void vprintk_forced(const char *fmt, va_list ap)
{
    log_append(fmt, ap);
}

void printk_forced(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_append(fmt, ap);
    va_end(ap);
}

void console_break_line(void)
{
}

/* A panic in a unit test is a bug in the code under test: stop loudly. */
void panic(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "PANIC: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    abort();
}
