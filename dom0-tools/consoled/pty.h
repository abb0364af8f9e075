/* SPDX-License-Identifier: GPL-2.0-only */
/* The pseudo-terminal a domain's console is served on. */
#ifndef CONSOLED_PTY_H
#define CONSOLED_PTY_H

#include <stddef.h>

struct consd_pty
{
    int master;                 /* ours: non-blocking */
    int slave;                  /* ours too, held open; see pty.c */
    char path[64];              /* the slave, for clients to open */
};

/* A fresh raw pty; 0 or -errno with both ends closed (-1). */
int consd_pty_open(struct consd_pty *p);
void consd_pty_close(struct consd_pty *p);

/* Write what the master takes now, dropping the rest; 0 or -errno. */
int consd_pty_put(struct consd_pty *p, const char *buf, size_t len);

#endif /* CONSOLED_PTY_H */
