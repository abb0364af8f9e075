/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One domain's console (console.h).  Guest output is consumed as soon as
 * it arrives, whoever listens: it goes to the log file, and to the pty
 * only as far as the pty takes it, so a slow or absent reader never
 * stalls the guest.  Input moves only while the guest's ring has room.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "daemon.h"
#include "logfile.h"
#include "msg.h"

/* The type a toolstack writes for consoles that xenconsoled serves. */
#define OUR_TYPE "xenconsoled"

struct consd_dom *consd_dom_new(unsigned int domid)
{
    struct consd_dom *d = calloc(1, sizeof(*d));

    if ( !d )
        return NULL;
    d->domid = domid;
    d->pollidx = -1;
    d->local_port = -1;
    d->log_fd = -1;
    d->pty.master = d->pty.slave = -1;
    return d;
}

void consd_dom_free(struct consd *c, struct consd_dom *d)
{
    consd_dom_disconnect(c, d);
    free(d->fail_key);
    free(d->name);
    free(d);
}

static const char *label(const struct consd_dom *d)
{
    return d->name ? d->name : "unnamed";
}

/* /local/domain/N/<rel>, read; NULL with errno. */
static char *node_read(struct consd *c, const struct consd_dom *d,
                       const char *rel)
{
    char path[64];

    snprintf(path, sizeof(path), "/local/domain/%u/%s", d->domid, rel);
    return c->st->ops->read(c->st, path);
}

static int node_path(char *buf, size_t len, const struct consd_dom *d,
                     const char *rel)
{
    return snprintf(buf, len, "/local/domain/%u/%s", d->domid, rel);
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;

    if ( *s < '0' || *s > '9' )
        return -EINVAL;
    errno = 0;
    *v = strtoull(s, &end, 10);
    return errno || *end ? -EINVAL : 0;
}

/* The pty goes, and with it the node that sends clients to it. */
static void close_pty(struct consd *c, struct consd_dom *d)
{
    char path[64];

    if ( d->tty_written )
    {
        /* Gone already with the domain's directory, most often. */
        node_path(path, sizeof(path), d, "console/tty");
        c->st->ops->rm(c->st, path);
    }
    d->tty_written = false;
    consd_pty_close(&d->pty);
}

/* Guest output: one ring's worth per call, so that no guest hogs us. */
static bool drain_output(struct consd_dom *d)
{
    char buf[sizeof(d->ring->out)];
    bool insane;
    size_t n = consd_ring_read(d->ring, buf, sizeof(buf), &insane);
    int rc;

    if ( insane && !d->warned_out )
        consd_err("domain %u (%s): console output indices out of range; "
                  "skipping to the guest's producer index (said once)",
                  d->domid, label(d));
    d->warned_out |= insane;
    if ( !n )
        return insane;
    if ( d->log_fd >= 0 && (rc = consd_log_put(d->log_fd, buf, n)) &&
         !d->warned_log )
    {
        consd_err("domain %u (%s): writing %s: %s (said once)", d->domid,
                  label(d), d->log_path, strerror(-rc));
        d->warned_log = true;
    }
    if ( d->pty.master >= 0 && (rc = consd_pty_put(&d->pty, buf, n)) &&
         !d->warned_pty )
    {
        consd_err("domain %u (%s): writing to %s: %s (said once)",
                  d->domid, label(d), d->pty.path, strerror(-rc));
        d->warned_pty = true;
    }
    return true;
}

static bool feed_input(struct consd *c, struct consd_dom *d)
{
    char buf[sizeof(d->ring->in)];
    bool insane;
    size_t room = consd_ring_room(d->ring, &insane);
    ssize_t n;

    if ( d->pty.master < 0 || !room )
        return false;
    n = read(d->pty.master, buf, room < sizeof(buf) ? room : sizeof(buf));
    if ( n < 0 && (errno == EAGAIN || errno == EINTR) )
        return false;
    if ( n <= 0 )
    {
        /* We hold a slave open: this pty is broken, stop polling it. */
        consd_err("domain %u (%s): reading %s: %s; closing it", d->domid,
                  label(d), d->pty.path, n ? strerror(errno) : "end of file");
        close_pty(c, d);
        return false;
    }
    consd_ring_write(d->ring, buf, (size_t)n, &insane);
    if ( insane && !d->warned_in )
        consd_err("domain %u (%s): console input indices out of range; "
                  "restarting the input ring at the guest's consumer "
                  "index (said once)", d->domid, label(d));
    d->warned_in |= insane;
    return true;
}

void consd_dom_service(struct consd *c, struct consd_dom *d)
{
    bool kick;

    if ( !d->ring )
        return;
    kick = drain_output(d);
    kick |= feed_input(c, d);
    if ( kick )
        c->hv->ops->notify(c->hv, d->local_port);
    d->busy = consd_ring_has_output(d->ring);
}

bool consd_dom_wants_input(const struct consd_dom *d)
{
    bool insane;

    return d->ring && d->pty.master >= 0 &&
           consd_ring_room(d->ring, &insane) > 0;
}

void consd_dom_reopen_log(struct consd_dom *d)
{
    int fd;

    if ( !d->log_path )
        return;
    fd = consd_log_open(d->log_path);
    if ( fd < 0 )
    {
        consd_err("domain %u (%s): reopening %s: %s", d->domid, label(d),
                  d->log_path, strerror(-fd));
        return;
    }
    if ( d->log_fd >= 0 )
        close(d->log_fd);
    d->log_fd = fd;
    d->warned_log = false;
}

/* The pty and its xenstore node: without them only the log is served. */
static void open_pty(struct consd *c, struct consd_dom *d)
{
    char path[64];
    int rc = consd_pty_open(&d->pty);

    if ( rc )
    {
        consd_err("domain %u (%s): no pty (%s): its output goes to the log "
                  "only", d->domid, label(d), strerror(-rc));
        return;
    }
    node_path(path, sizeof(path), d, "console/tty");
    rc = c->st->ops->write(c->st, path, d->pty.path);
    if ( rc )
        consd_err("domain %u (%s): writing %s: %s: `vmctl console` will "
                  "not find %s", d->domid, label(d), path, strerror(-rc),
                  d->pty.path);
    d->tty_written = !rc;
}

static void open_log(struct consd *c, struct consd_dom *d)
{
    d->log_path = consd_log_path(c->log_dir, d->name, d->domid);
    d->log_fd = d->log_path ? consd_log_open(d->log_path) : -ENOMEM;
    if ( d->log_fd < 0 )
        consd_err("domain %u (%s): log %s: %s: its output is not logged",
                  d->domid, label(d), d->log_path ? d->log_path : "",
                  strerror(-d->log_fd));
}

/* Map the page and bind the port: the two things a console needs. */
static int attach(struct consd *c, struct consd_dom *d, uint64_t ref,
                  uint64_t port)
{
    struct consd_hv *hv = c->hv;
    int rc = 0;

    d->ring = hv->ops->map(hv, d->domid, ref);
    if ( !d->ring )
    {
        rc = errno ? -errno : -EIO;
        consd_err("domain %u (%s): mapping its console page (frame %#"
                  PRIx64 "): %s", d->domid, label(d), ref, strerror(-rc));
        goto out;
    }
    rc = port > UINT32_MAX ? -EINVAL :
         hv->ops->bind(hv, d->domid, (unsigned int)port);
    if ( rc < 0 )
    {
        consd_err("domain %u (%s): binding its console port %" PRIu64
                  ": %s%s", d->domid, label(d), port, strerror(-rc),
                  rc == -EINVAL || rc == -EBUSY ?
                  " (does another backend serve it?)" : "");
        goto out;
    }
    d->local_port = rc;
    rc = 0;
    open_pty(c, d);
    open_log(c, d);
    consd_info("domain %u (%s): console on %s, logged to %s", d->domid,
               label(d), d->pty.master >= 0 ? d->pty.path : "no pty",
               d->log_fd >= 0 ? d->log_path : "nothing");
    /* What the guest wrote before we came, and a kick for its input. */
    consd_dom_service(c, d);
    c->hv->ops->notify(c->hv, d->local_port);

 out:
    if ( rc )
        consd_dom_disconnect(c, d);
    return rc;
}

int consd_dom_connect(struct consd *c, struct consd_dom *d)
{
    char *ref_s = node_read(c, d, "console/ring-ref");
    char *port_s = node_read(c, d, "console/port");
    char *type = node_read(c, d, "console/type"), *key = NULL;
    uint64_t ref, port;
    int rc = -ENOENT;

    if ( !ref_s || !port_s )
        goto out;
    rc = asprintf(&key, "%s %s %s", ref_s, port_s, type ? type : "") < 0 ?
         -ENOMEM : 0;
    if ( rc )
    {
        key = NULL;
        consd_err("domain %u: out of memory", d->domid);
        goto out;
    }
    if ( d->ring && !strcmp(d->conn_key, key) )
        goto out;
    if ( d->fail_key && !strcmp(d->fail_key, key) )
    {
        rc = -EALREADY;
        goto out;
    }
    if ( d->ring )
    {
        consd_info("domain %u (%s): its console moved (%s); following it",
                   d->domid, label(d), key);
        consd_dom_disconnect(c, d);
    }
    free(d->name);
    d->name = node_read(c, d, "name");
    if ( type && strcmp(type, OUR_TYPE) )
    {
        rc = -EOPNOTSUPP;
        consd_info("domain %u (%s): its console's type is '%s', not '"
                   OUR_TYPE "': leaving it to that backend", d->domid,
                   label(d), type);
        goto out;
    }
    if ( parse_u64(ref_s, &ref) || parse_u64(port_s, &port) )
    {
        rc = -EINVAL;
        consd_err("domain %u (%s): console/ring-ref '%s' and console/port "
                  "'%s' must be numbers", d->domid, label(d), ref_s, port_s);
        goto out;
    }
    rc = attach(c, d, ref, port);
    if ( !rc )
    {
        d->conn_key = key;
        key = NULL;
        free(d->fail_key);
        d->fail_key = NULL;
    }

 out:
    if ( rc && rc != -ENOENT && rc != -EALREADY && key )
    {
        free(d->fail_key);
        d->fail_key = key;
        key = NULL;
    }
    free(key);
    free(type);
    free(port_s);
    free(ref_s);
    return rc;
}

void consd_dom_disconnect(struct consd *c, struct consd_dom *d)
{
    if ( d->ring && d->local_port >= 0 )
        drain_output(d);        /* its last words, if it had any */
    if ( d->local_port >= 0 )
        c->hv->ops->unbind(c->hv, d->local_port);
    if ( d->ring )
        c->hv->ops->unmap(c->hv, d->ring);
    close_pty(c, d);
    if ( d->log_fd >= 0 )
        close(d->log_fd);
    free(d->log_path);
    free(d->conn_key);
    d->ring = NULL;
    d->local_port = d->log_fd = -1;
    d->log_path = d->conn_key = NULL;
    d->busy = false;
    d->warned_out = d->warned_in = d->warned_log = d->warned_pty = false;
}
