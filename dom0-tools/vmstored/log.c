/* SPDX-License-Identifier: GPL-2.0-only */
/* vmstored's messages: stderr in the foreground, syslog as a daemon. */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

#include "log.h"

int log_verbose;
static bool use_syslog;

void log_to_syslog(bool on)
{
    if ( on && !use_syslog )
        openlog("vmstored", LOG_PID, LOG_DAEMON);
    use_syslog = on;
}

static void log_v(int level, const char *fmt, va_list ap)
{
    if ( use_syslog )
    {
        vsyslog(level, fmt, ap);
        return;
    }
    fputs("vmstored: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void log_err(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_v(LOG_ERR, fmt, ap);
    va_end(ap);
}

void log_info(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_v(LOG_INFO, fmt, ap);
    va_end(ap);
}

void log_debug(const char *fmt, ...)
{
    va_list ap;

    if ( !log_verbose )
        return;
    va_start(ap, fmt);
    log_v(LOG_DEBUG, fmt, ap);
    va_end(ap);
}
