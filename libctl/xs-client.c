/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore client: one request at a time on a Unix stream socket,
 * each answered in order; watch events may arrive between a request and
 * its reply, and wait in a queue for xs_read_watch().
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <public/io/xs_wire.h>

#include "xenstore.h"

/* One piece of a request's payload. */
struct piece
{
    const void *p;
    size_t len;
};

struct xs_event
{
    struct xs_event *next;
    char *body;                 /* path NUL token NUL */
    uint32_t len;
};

struct xs_handle
{
    int fd;
    uint32_t req_id;
    struct xs_event *events, **tail;
};

static int connect_to(const char *path)
{
    struct sockaddr_un sa;
    int fd;

    if ( strlen(path) >= sizeof(sa.sun_path) )
        return -ENAMETOOLONG;
    fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if ( fd < 0 )
        return -errno;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    memcpy(sa.sun_path, path, strlen(path));
    if ( connect(fd, (struct sockaddr *)&sa, sizeof(sa)) )
    {
        int rc = -errno;

        close(fd);
        return rc;
    }
    return fd;
}

struct xs_handle *xs_open(unsigned long flags)
{
    const char *path = getenv("XENSTORED_PATH");
    struct xs_handle *h;
    int fd;

    (void)flags;
    fd = connect_to(path ? path : XS_SOCKET_DEFAULT);
    if ( fd == -ENOENT && !path )
        fd = connect_to("/var/run/xenstored/socket");
    if ( fd < 0 )
    {
        errno = -fd;
        return NULL;
    }
    h = calloc(1, sizeof(*h));
    if ( !h )
    {
        close(fd);
        errno = ENOMEM;
        return NULL;
    }
    h->fd = fd;
    h->tail = &h->events;
    return h;
}

void xs_close(struct xs_handle *h)
{
    struct xs_event *e;

    if ( !h )
        return;
    while ( (e = h->events) )
    {
        h->events = e->next;
        free(e->body);
        free(e);
    }
    close(h->fd);
    free(h);
}

int xs_fileno(struct xs_handle *h)
{
    return h->fd;
}

static int io_all(int fd, void *buf, size_t len, bool out)
{
    uint8_t *p = buf;
    ssize_t n;

    while ( len )
    {
        n = out ? send(fd, p, len, MSG_NOSIGNAL) : read(fd, p, len);
        if ( n < 0 && errno == EINTR )
            continue;
        if ( n < 0 )
            return -errno;
        if ( n == 0 )
            return -ECONNRESET;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* One message off the socket; its body gets a NUL after it. */
static int read_msg(struct xs_handle *h, struct xsd_sockmsg *hdr,
                    char **bodyp)
{
    char *body;
    int rc = io_all(h->fd, hdr, sizeof(*hdr), false);

    if ( rc )
        return rc;
    if ( hdr->len > XENSTORE_PAYLOAD_MAX )
        return -E2BIG;
    body = malloc(hdr->len + 1);
    if ( !body )
        return -ENOMEM;
    rc = io_all(h->fd, body, hdr->len, false);
    if ( rc )
    {
        free(body);
        return rc;
    }
    body[hdr->len] = '\0';
    *bodyp = body;
    return 0;
}

static int queue_event(struct xs_handle *h, char *body, uint32_t len)
{
    struct xs_event *e = calloc(1, sizeof(*e));

    if ( !e )
    {
        free(body);
        return -ENOMEM;
    }
    e->body = body;
    e->len = len;
    *h->tail = e;
    h->tail = &e->next;
    return 0;
}

static int error_number(const char *name)
{
    unsigned int i;

    for ( i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++ )
        if ( !strcmp(name, xsd_errors[i].errstring) )
            return xsd_errors[i].errnum;
    return EINVAL;
}

/*
 * Send type with the payload made of iov[0..n), and wait for its reply.
 * Returns the reply body (NUL-terminated) to free(), or NULL with errno.
 */
static char *request(struct xs_handle *h, uint32_t type, xs_transaction_t t,
                     const struct piece *iov,
                     unsigned int n, uint32_t *lenp)
{
    struct xsd_sockmsg hdr = { .type = type, .req_id = ++h->req_id,
                               .tx_id = t };
    char *body = NULL;
    unsigned int i;
    int rc;

    for ( i = 0; i < n; i++ )
        hdr.len += (uint32_t)iov[i].len;
    if ( hdr.len > XENSTORE_PAYLOAD_MAX )
    {
        errno = E2BIG;
        return NULL;
    }
    rc = io_all(h->fd, &hdr, sizeof(hdr), true);
    for ( i = 0; !rc && i < n; i++ )
        rc = io_all(h->fd, (void *)iov[i].p, iov[i].len, true);
    while ( !rc )
    {
        struct xsd_sockmsg reply;

        rc = read_msg(h, &reply, &body);
        if ( rc )
            break;
        if ( reply.type == XS_WATCH_EVENT )
        {
            rc = queue_event(h, body, reply.len);
            body = NULL;
            continue;
        }
        if ( reply.req_id != hdr.req_id )
        {
            free(body);
            body = NULL;
            rc = -EBADMSG;
            break;
        }
        if ( reply.type == XS_ERROR )
        {
            rc = -error_number(body);
            free(body);
            body = NULL;
            break;
        }
        if ( lenp )
            *lenp = reply.len;
        return body;
    }
    errno = -rc;
    return NULL;
}

#define ARG(s)  { (s), strlen(s) + 1 }

static bool request_ok(struct xs_handle *h, uint32_t type,
                       xs_transaction_t t,
                       const struct piece *iov, unsigned int n)
{
    char *reply = request(h, type, t, iov, n, NULL);

    free(reply);
    return reply != NULL;
}

void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
              unsigned int *len)
{
    const struct piece iov[] = { ARG(path) };
    uint32_t n = 0;
    char *v = request(h, XS_READ, t, iov, 1, &n);

    if ( v && len )
        *len = n;
    return v;
}

bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
              const void *data, unsigned int len)
{
    const struct piece iov[] = { ARG(path), { data, len } };

    return request_ok(h, XS_WRITE, t, iov, 2);
}

bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path)
{
    const struct piece iov[] = { ARG(path) };

    return request_ok(h, XS_MKDIR, t, iov, 1);
}

bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path)
{
    const struct piece iov[] = { ARG(path) };

    return request_ok(h, XS_RM, t, iov, 1);
}

/* NUL-separated strings as a vector and the strings, in one block. */
static char **split(const char *body, uint32_t len, unsigned int *num)
{
    unsigned int n = 0, i;
    uint32_t off;
    char **vec, *copy;

    for ( off = 0; off < len; off++ )
        n += body[off] == '\0';
    vec = malloc((n + 1) * sizeof(*vec) + len);
    if ( !vec )
        return NULL;
    copy = (char *)(vec + n + 1);
    memcpy(copy, body, len);
    for ( i = 0, off = 0; i < n; i++ )
    {
        vec[i] = copy + off;
        off += (uint32_t)strlen(copy + off) + 1;
    }
    vec[n] = NULL;
    *num = n;
    return vec;
}

char **xs_directory(struct xs_handle *h, xs_transaction_t t,
                    const char *path, unsigned int *num)
{
    const struct piece iov[] = { ARG(path) };
    uint32_t len = 0;
    char *body = request(h, XS_DIRECTORY, t, iov, 1, &len), **vec;

    if ( !body )
        return NULL;
    vec = split(body, len, num);
    free(body);
    return vec;
}

bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
                        const char *path, struct xs_permissions *perms,
                        unsigned int num_perms)
{
    static const char letter[] = { 'n', 'r', 'w', 'b' };
    struct piece iov[1 + 64];
    char strs[64][16];
    unsigned int i;

    if ( !num_perms || num_perms > 64 )
    {
        errno = EINVAL;
        return false;
    }
    iov[0] = (struct piece)ARG(path);
    for ( i = 0; i < num_perms; i++ )
    {
        snprintf(strs[i], sizeof(strs[i]), "%c%u",
                 letter[perms[i].perms & (XS_PERM_READ | XS_PERM_WRITE)],
                 perms[i].id);
        iov[1 + i] = (struct piece)ARG(strs[i]);
    }
    return request_ok(h, XS_SET_PERMS, t, iov, 1 + num_perms);
}

xs_transaction_t xs_transaction_start(struct xs_handle *h)
{
    const struct piece iov[] = { { "", 1 } };
    char *id = request(h, XS_TRANSACTION_START, XBT_NULL, iov, 1, NULL);
    xs_transaction_t t;

    if ( !id )
        return XBT_NULL;
    t = (xs_transaction_t)strtoul(id, NULL, 10);
    free(id);
    return t;
}

bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort)
{
    const struct piece iov[] = { { abort ? "F" : "T", 2 } };

    return request_ok(h, XS_TRANSACTION_END, t, iov, 1);
}

bool xs_watch(struct xs_handle *h, const char *path, const char *token)
{
    const struct piece iov[] = { ARG(path), ARG(token) };

    return request_ok(h, XS_WATCH, XBT_NULL, iov, 2);
}

bool xs_unwatch(struct xs_handle *h, const char *path, const char *token)
{
    const struct piece iov[] = { ARG(path), ARG(token) };

    return request_ok(h, XS_UNWATCH, XBT_NULL, iov, 2);
}

char **xs_read_watch(struct xs_handle *h, unsigned int *num)
{
    struct xs_event *e = h->events;
    struct xsd_sockmsg hdr;
    char *body, **vec;
    int rc;

    while ( !e )
    {
        rc = read_msg(h, &hdr, &body);
        if ( rc )
        {
            errno = -rc;
            return NULL;
        }
        if ( hdr.type != XS_WATCH_EVENT )
        {
            free(body);
            errno = EBADMSG;
            return NULL;
        }
        if ( queue_event(h, body, hdr.len) )
        {
            errno = ENOMEM;
            return NULL;
        }
        e = h->events;
    }
    h->events = e->next;
    if ( !h->events )
        h->tail = &h->events;
    vec = split(e->body, e->len, num);
    free(e->body);
    free(e);
    return vec;
}

bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
                         unsigned long mfn, unsigned int eventchn)
{
    char d[16], m[24], p[16];
    struct piece iov[3];

    snprintf(d, sizeof(d), "%u", domid);
    snprintf(m, sizeof(m), "%lu", mfn);
    snprintf(p, sizeof(p), "%u", eventchn);
    iov[0] = (struct piece)ARG(d);
    iov[1] = (struct piece)ARG(m);
    iov[2] = (struct piece)ARG(p);
    return request_ok(h, XS_INTRODUCE, XBT_NULL, iov, 3);
}

/* A request whose one argument is a domain id; the reply to free(). */
static char *domid_request(struct xs_handle *h, uint32_t type,
                           unsigned int domid)
{
    char d[16];
    struct piece iov[1];

    snprintf(d, sizeof(d), "%u", domid);
    iov[0] = (struct piece)ARG(d);
    return request(h, type, XBT_NULL, iov, 1, NULL);
}

bool xs_release_domain(struct xs_handle *h, unsigned int domid)
{
    char *reply = domid_request(h, XS_RELEASE, domid);

    free(reply);
    return reply != NULL;
}

char *xs_get_domain_path(struct xs_handle *h, unsigned int domid)
{
    return domid_request(h, XS_GET_DOMAIN_PATH, domid);
}

bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid)
{
    char *reply = domid_request(h, XS_IS_DOMAIN_INTRODUCED, domid);
    bool yes = reply && !strcmp(reply, "T");

    free(reply);
    return yes;
}
