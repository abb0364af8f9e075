/* SPDX-License-Identifier: GPL-2.0-only */
/* The daemon's main loop: poll sockets and event channels, serve. */
#ifndef VMSTORED_SERVER_H
#define VMSTORED_SERVER_H

#include <signal.h>

struct vms;

/*
 * Serve until *stop turns non-zero (a signal handler sets it).  lfds:
 * listening sockets.  Returns 0, or -1 if polling failed for good.
 */
int server_run(struct vms *v, const int *lfds, unsigned int nlfds,
               volatile sig_atomic_t *stop);

#endif /* VMSTORED_SERVER_H */
