/* SPDX-License-Identifier: GPL-2.0-only */
/* Where vmconsoled's messages go (msg.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>

#include "msg.h"

bool consd_msg_verbose;
static bool use_syslog;
static FILE *msg_file;
static void (*msg_hook)(const char *msg);

void consd_msg_syslog(void)
{
    if ( !use_syslog )
        openlog("vmconsoled", LOG_PID, LOG_DAEMON);
    use_syslog = true;
}

int consd_msg_file(const char *path)
{
    FILE *f = NULL;

    if ( path )
    {
        f = fopen(path, "ae");
        if ( !f )
            return -errno;
        setvbuf(f, NULL, _IOLBF, 0);
    }
    if ( msg_file )
        fclose(msg_file);
    msg_file = f;
    return 0;
}

void consd_msg_hook(void (*fn)(const char *msg))
{
    msg_hook = fn;
}

static void msg_v(int level, const char *fmt, va_list ap)
{
    char text[512], stamp[32];
    time_t now;

    vsnprintf(text, sizeof(text), fmt, ap);
    if ( msg_hook )
        msg_hook(text);
    else if ( msg_file )
    {
        now = time(NULL);
        strftime(stamp, sizeof(stamp), "%Y-%m-%d %H:%M:%S",
                 localtime(&now));
        fprintf(msg_file, "%s vmconsoled: %s\n", stamp, text);
    }
    else if ( use_syslog )
        syslog(level, "%s", text);
    else
        fprintf(stderr, "vmconsoled: %s\n", text);
}

void consd_err(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    msg_v(LOG_ERR, fmt, ap);
    va_end(ap);
}

void consd_info(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    msg_v(LOG_INFO, fmt, ap);
    va_end(ap);
}

void consd_debug(const char *fmt, ...)
{
    va_list ap;

    if ( !consd_msg_verbose )
        return;
    va_start(ap, fmt);
    msg_v(LOG_DEBUG, fmt, ap);
    va_end(ap);
}
