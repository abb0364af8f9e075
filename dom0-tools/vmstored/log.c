/* SPDX-License-Identifier: GPL-2.0-only */
/* vmstored's messages: stderr in the foreground, syslog as a daemon. */
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>

#include "log.h"

int log_verbose;
static bool use_syslog;
static FILE *log_file;

void log_to_syslog(bool on)
{
    if ( on && !use_syslog )
        openlog("vmstored", LOG_PID, LOG_DAEMON);
    use_syslog = on;
}

int log_to_file(const char *path)
{
    FILE *f = path ? fopen(path, "a") : NULL;

    if ( path && !f )
        return -1;
    if ( f )
        setvbuf(f, NULL, _IOLBF, 0);
    if ( log_file )
        fclose(log_file);
    log_file = f;
    return 0;
}

static void log_v(int level, const char *fmt, va_list ap)
{
    FILE *out = log_file ? log_file : stderr;

    if ( use_syslog && !log_file )
    {
        vsyslog(level, fmt, ap);
        return;
    }
    if ( log_file )
    {
        time_t now = time(NULL);
        char stamp[32];

        strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S ",
                 localtime(&now));
        fputs(stamp, out);
    }
    fputs("vmstored: ", out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
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
