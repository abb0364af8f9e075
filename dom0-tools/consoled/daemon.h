/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmconsoled's core: which domains have a console to serve, learnt from
 * the hypervisor's domain list and xenstore's watches, and one round of
 * the main loop.  The transports come in from outside, so that tests
 * drive the same code over fakes.
 */
#ifndef CONSOLED_DAEMON_H
#define CONSOLED_DAEMON_H

#include <poll.h>
#include <signal.h>

#include "console.h"
#include "hv.h"
#include "store.h"

/* Where console logs go unless told otherwise. */
#define CONSD_LOG_DIR "/var/log/vm"

struct consd
{
    struct consd_hv *hv;
    struct consd_store *st;
    const char *log_dir;
    struct consd_dom *doms;     /* every live domain but dom0 */
    struct pollfd *fds;
    unsigned int fds_max;
};

/*
 * Watch xenstore for domains coming and going, and connect to the
 * consoles already there.  0, or -errno with a message.
 */
int consd_init(struct consd *c, struct consd_hv *hv, struct consd_store *st,
               const char *log_dir);
/* Disconnect every console (their tty nodes go) and free everything. */
void consd_fini(struct consd *c);

/*
 * Wait up to timeout_ms (-1: no limit) with sigmask (NULL: the current
 * one) in place, then do what is due.  0, also when a signal ended the
 * wait; -errno with a message when the daemon cannot go on.
 */
int consd_step(struct consd *c, int timeout_ms, const sigset_t *sigmask);

/* Reopen every log file, as after a rotation. */
void consd_reopen_logs(struct consd *c);

struct consd_dom *consd_find(struct consd *c, unsigned int domid);

#endif /* CONSOLED_DAEMON_H */
