/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's pty.  We keep a slave descriptor open ourselves: without
 * one, the master reads EIO and polls HUP between two `vmctl console`
 * sessions, and output written meanwhile would be lost.  The slave is
 * raw, so neither echo nor line editing alters what the guest gets.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "pty.h"

int consd_pty_open(struct consd_pty *p)
{
    struct termios t;
    int rc = 0;

    p->slave = -1;
    p->path[0] = '\0';
    p->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if ( p->master < 0 )
    {
        rc = -errno;
        goto out;
    }
    if ( grantpt(p->master) || unlockpt(p->master) ||
         ptsname_r(p->master, p->path, sizeof(p->path)) ||
         fcntl(p->master, F_SETFL, O_NONBLOCK) )
    {
        rc = errno ? -errno : -EIO;
        goto out;
    }
    p->slave = open(p->path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if ( p->slave < 0 || tcgetattr(p->slave, &t) )
    {
        rc = -errno;
        goto out;
    }
    cfmakeraw(&t);
    if ( tcsetattr(p->slave, TCSANOW, &t) )
        rc = -errno;

 out:
    if ( rc )
        consd_pty_close(p);
    return rc;
}

void consd_pty_close(struct consd_pty *p)
{
    if ( p->master >= 0 )
        close(p->master);
    if ( p->slave >= 0 )
        close(p->slave);
    p->master = p->slave = -1;
    p->path[0] = '\0';
}

/*
 * Nobody may be reading: a full pty must not stall the guest, whose
 * output the log file keeps anyway.
 */
int consd_pty_put(struct consd_pty *p, const char *buf, size_t len)
{
    ssize_t n;

    while ( len )
    {
        n = write(p->master, buf, len);
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n < 0 )
            return errno == EAGAIN ? 0 : -errno;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}
