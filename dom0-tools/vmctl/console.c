/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmctl console: the terminal, in raw mode, joined to the pty the
 * domain's keeper serves its console on (console/tty in xenstore).
 * Ctrl-] detaches; the domain going away ends it too.
 */
#define _GNU_SOURCE     /* pipe2, cfmakeraw, posix_openpt */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "ops-libctl.h"
#include "vmctl.h"

#define ESCAPE_CHAR 0x1d        /* Ctrl-] */

static int copy(int from, int to, bool *escaped)
{
    char buf[4096];
    ssize_t n = read(from, buf, sizeof(buf)), i;

    if ( n <= 0 )
        return n == 0 || errno != EAGAIN ? -1 : 0;
    if ( escaped )
        for ( i = 0; i < n; i++ )
            if ( buf[i] == ESCAPE_CHAR )
            {
                *escaped = true;
                n = i;
                break;
            }
    while ( n > 0 )
    {
        ssize_t w = write(to, buf, (size_t)n);

        if ( w < 0 && errno != EINTR )
            return -1;
        if ( w > 0 )
        {
            memmove(buf, buf + w, (size_t)(n - w));
            n -= w;
        }
    }
    return 0;
}

int console_attach(struct ops_ctx *o, uint32_t domid)
{
    struct termios saved, raw;
    bool is_tty = isatty(STDIN_FILENO), escaped = false;
    struct pollfd p[2];
    char path[64], *tty;
    int fd, rc = VMCTL_OK;

    snprintf(path, sizeof(path), "/local/domain/%u/console/tty", domid);
    tty = xs_read(o->xs, XBT_NULL, path, NULL);
    if ( !tty || !*tty )
    {
        free(tty);
        return ops_fail(o, "domain %u has no console pty (%s): is its "
                        "keeper running?", domid, path);
    }
    fd = open(tty, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if ( fd < 0 )
    {
        rc = ops_fail(o, "%s: %s", tty, strerror(errno));
        free(tty);
        return rc;
    }
    free(tty);
    if ( is_tty && !tcgetattr(STDIN_FILENO, &saved) )
    {
        raw = saved;
        cfmakeraw(&raw);
        tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    p[0].fd = STDIN_FILENO;
    p[0].events = POLLIN;
    p[1].fd = fd;
    p[1].events = POLLIN;
    while ( !escaped )
    {
        if ( poll(p, 2, -1) < 0 )
        {
            if ( errno == EINTR )
                continue;
            break;
        }
        if ( (p[1].revents & (POLLIN | POLLHUP | POLLERR)) &&
             copy(fd, STDOUT_FILENO, NULL) )
            break;
        if ( (p[0].revents & (POLLIN | POLLHUP)) &&
             copy(STDIN_FILENO, fd, &escaped) )
            break;
    }
    if ( is_tty )
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    close(fd);
    return rc;
}
