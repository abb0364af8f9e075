/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Console log files.  A domain's name comes from xenstore, which the
 * guest's owner chose: it is only ever one path component here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "logfile.h"

static char safe_char(char c)
{
    if ( (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == '+' || c == '@' )
        return c;
    return '_';
}

char *consd_log_path(const char *dir, const char *name, unsigned int domid)
{
    char fallback[24], *path, *p;
    size_t prefix;

    if ( !name || !*name )
    {
        snprintf(fallback, sizeof(fallback), "dom%u", domid);
        name = fallback;
    }
    prefix = strlen(dir) + strlen("/console-");
    path = malloc(prefix + strlen(name) + strlen(".log") + 1);
    if ( !path )
        return NULL;
    p = path + sprintf(path, "%s/console-", dir);
    while ( *name )
        *p++ = safe_char(*name++);
    strcpy(p, ".log");
    return path;
}

int consd_log_open(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC |
                  O_NOFOLLOW, 0640);

    return fd < 0 ? -errno : fd;
}

int consd_log_put(int fd, const char *buf, size_t len)
{
    ssize_t n;

    while ( len )
    {
        n = write(fd, buf, len);
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n < 0 )
            return -errno;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int consd_log_mkdir(const char *dir)
{
    char *copy = NULL, *p;
    int rc = 0;
    char end;

    if ( !*dir )
        return -EINVAL;
    copy = strdup(dir);
    if ( !copy )
        return -ENOMEM;
    for ( p = copy + 1; ; p++ )
    {
        if ( *p && *p != '/' )
            continue;
        end = *p;
        *p = '\0';
        if ( mkdir(copy, 0750) && errno != EEXIST )
        {
            rc = -errno;
            goto out;
        }
        if ( !end )
            break;
        *p = end;
    }

 out:
    free(copy);
    return rc;
}
