/* SPDX-License-Identifier: GPL-2.0-only */
/* Local clients over a Unix stream socket. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "conn.h"
#include "log.h"
#include "sock.h"

/* mkdir -p of path's folder. */
static int make_parent(const char *path)
{
    char *dir = strdup(path), *p;
    int rc = 0;

    if ( !dir )
        return -1;
    p = strrchr(dir, '/');
    if ( p && p != dir )
    {
        *p = '\0';
        for ( p = dir + 1; ; p++ )
        {
            if ( *p == '/' || *p == '\0' )
            {
                char c = *p;

                *p = '\0';
                if ( mkdir(dir, 0755) && errno != EEXIST )
                {
                    rc = -1;
                    break;
                }
                *p = c;
                if ( !c )
                    break;
            }
        }
    }
    free(dir);
    return rc;
}

int sock_listen(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    int fd;

    if ( strlen(path) >= sizeof(addr.sun_path) )
    {
        log_err("%s: socket path too long", path);
        return -1;
    }
    strcpy(addr.sun_path, path);
    if ( make_parent(path) )
    {
        log_err("%s: cannot make its folder: %s", path, strerror(errno));
        return -1;
    }
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if ( fd < 0 )
    {
        log_err("socket: %s", strerror(errno));
        return -1;
    }
    /* A socket left by an earlier run is stale: we are the server. */
    unlink(path);
    if ( bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
         chmod(path, 0600) || listen(fd, 16) )
    {
        log_err("%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static int sock_read(struct conn *c, void *buf, size_t len)
{
    ssize_t n;

    do
        n = read(c->fd, buf, len);
    while ( n < 0 && errno == EINTR );
    if ( n < 0 )
        return errno == EAGAIN ? 0 : -1;
    /* End of file: the client is gone. */
    return n ? (int)n : -1;
}

static int sock_write(struct conn *c, const void *buf, size_t len)
{
    ssize_t n;

    do
        n = send(c->fd, buf, len, MSG_NOSIGNAL);
    while ( n < 0 && errno == EINTR );
    if ( n < 0 )
        return errno == EAGAIN ? 0 : -1;
    return n;
}

static void sock_release(struct conn *c)
{
    if ( c->fd >= 0 )
        close(c->fd);
    c->fd = -1;
}

static const struct conn_ops sock_ops = {
    .read = sock_read,
    .write = sock_write,
    .release = sock_release,
};

struct conn *sock_accept(struct vms *v, int listen_fd)
{
    int fd = accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    struct conn *c;

    if ( fd < 0 )
    {
        if ( errno != EAGAIN && errno != EINTR )
            log_err("accept: %s", strerror(errno));
        return NULL;
    }
    c = conn_new(v, &sock_ops, NULL, fd, NULL);
    if ( !c )
    {
        log_err("out of memory: client refused");
        close(fd);
    }
    return c;
}
