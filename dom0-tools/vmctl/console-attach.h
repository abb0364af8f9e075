/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * `vmctl console`'s client side: the terminal joined to the pty that the
 * console daemon (vmconsoled) serves a domain's console on, named in
 * xenstore at /local/domain/N/console/tty.  Ctrl-] detaches.
 */
#ifndef VMCTL_CONSOLE_ATTACH_H
#define VMCTL_CONSOLE_ATTACH_H

#define CONSOLE_ESCAPE 0x1d     /* Ctrl-] */

struct xs_handle;

/*
 * Relay @in to the pty at @tty and the pty to @out, with @in in raw mode
 * meanwhile if it is a terminal, until Ctrl-] or the end of @in (detach)
 * or until the console goes away (its domain died, or the daemon
 * stopped).  @tty NULL or "" means the domain has no console.  VMCTL_OK
 * or VMCTL_FAILED, having said why on stderr, naming @domain.
 */
int console_attach_tty(const char *tty, const char *domain, int in,
                       int out);

/* The same for domid's console, on stdin and stdout. */
int console_attach_domain(struct xs_handle *xs, unsigned int domid,
                          const char *domain);

#endif /* VMCTL_CONSOLE_ATTACH_H */
