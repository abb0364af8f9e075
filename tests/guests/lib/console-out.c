/* SPDX-License-Identifier: GPL-2.0-only */
/* Console output: everything goes through CONSOLEIO_write, a line at most. */
#include "hvtest.h"

void console_write(const char *s, size_t n)
{
    /* Xen copies in chunks and may preempt; the call itself takes it all. */
    HYPERVISOR_console_io(CONSOLEIO_write, n, s);
}

int vprintf(const char *fmt, va_list ap)
{
    char buf[512];
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);

    console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}
