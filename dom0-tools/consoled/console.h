/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One domain's console as vmconsoled serves it: the page and port that
 * xenstore names (console/ring-ref, console/port), a pty whose path goes
 * to console/tty, and a log file.
 */
#ifndef CONSOLED_CONSOLE_H
#define CONSOLED_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

#include "pty.h"
#include "ring.h"

struct consd;

struct consd_dom
{
    struct consd_dom *next;
    unsigned int domid;
    char *name;                 /* xenstore's name for it, or NULL */
    bool seen;                  /* still listed by the last scan */
    int pollidx;                /* its pty's slot in this poll, or -1 */

    /* Connected while ring is mapped. */
    struct xencons_interface *ring;
    int local_port;             /* -1 when unbound */
    struct consd_pty pty;       /* master -1 without a pty */
    bool tty_written;           /* console/tty is ours to remove */
    int log_fd;                 /* -1 without a log */
    char *log_path;
    bool busy;                  /* output was left in the ring */
    char *conn_key;             /* "ring-ref port type" connected to */

    /* What failed last: not tried again until xenstore changes it. */
    char *fail_key;

    /* Each complaint once per connection. */
    bool warned_out, warned_in, warned_log, warned_pty;
};

/* A domain not connected yet; NULL if out of memory. */
struct consd_dom *consd_dom_new(unsigned int domid);
/* Disconnect and forget it. */
void consd_dom_free(struct consd *c, struct consd_dom *d);

/*
 * Serve its console if xenstore describes one for us, or follow it if
 * xenstore moved it.  0 when connected, -ENOENT while xenstore names no
 * console yet, -EALREADY when what it names failed before; any other
 * -errno after saying why.
 */
int consd_dom_connect(struct consd *c, struct consd_dom *d);
void consd_dom_disconnect(struct consd *c, struct consd_dom *d);

/* Move output to the log and the pty, input from the pty; kick the guest. */
void consd_dom_service(struct consd *c, struct consd_dom *d);

/* Whether its pty should be polled for input (the ring has room). */
bool consd_dom_wants_input(const struct consd_dom *d);

/* Close and reopen its log (after rotation). */
void consd_dom_reopen_log(struct consd_dom *d);

#endif /* CONSOLED_CONSOLE_H */
