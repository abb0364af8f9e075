/* SPDX-License-Identifier: GPL-2.0-only */
/* vmconsoled's own messages: stderr in the foreground, then syslog or a
 * file once it runs as a daemon; tests may catch them instead. */
#ifndef CONSOLED_MSG_H
#define CONSOLED_MSG_H

#include <stdbool.h>

extern bool consd_msg_verbose;

void consd_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void consd_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Only with consd_msg_verbose. */
void consd_debug(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Send messages to syslog from now on. */
void consd_msg_syslog(void);
/* Append them to path (NULL: back to stderr); 0 or -errno. */
int consd_msg_file(const char *path);
/* Hand each formatted message to fn instead (NULL: stop). */
void consd_msg_hook(void (*fn)(const char *msg));

#endif /* CONSOLED_MSG_H */
