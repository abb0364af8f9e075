/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Local clients: a Unix stream socket (where Xen's clients look for it:
 * /run/xenstored/socket, or $XENSTORED_PATH) and the connections accepted
 * on it.  Only root can open the socket, so its clients are privileged.
 */
#ifndef VMSTORED_SOCK_H
#define VMSTORED_SOCK_H

struct conn;
struct vms;

/* Listen on path (making its folder); the descriptor, or -1 (logged). */
int sock_listen(const char *path);
/* Accept a waiting client as a new connection; NULL if none. */
struct conn *sock_accept(struct vms *v, int listen_fd);

#endif /* VMSTORED_SOCK_H */
