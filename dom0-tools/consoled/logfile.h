/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-domain console log files: DIR/console-NAME.log, appended to. */
#ifndef CONSOLED_LOGFILE_H
#define CONSOLED_LOGFILE_H

#include <stddef.h>

/*
 * The log's path for a domain called @name (NULL: "dom<domid>"), to
 * free(); characters that could leave @dir become '_'.  NULL if out of
 * memory.
 */
char *consd_log_path(const char *dir, const char *name, unsigned int domid);

/* Open for appending: the descriptor, or -errno. */
int consd_log_open(const char *path);

/* Write all of buf; 0 or -errno. */
int consd_log_put(int fd, const char *buf, size_t len);

/* Make dir and its missing parents; 0 or -errno. */
int consd_log_mkdir(const char *dir);

#endif /* CONSOLED_LOGFILE_H */
