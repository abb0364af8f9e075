/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vmstored's messages: to stderr (or syslog once daemonised), each with
 * the daemon's name in front so that a shared console stays readable.
 */
#ifndef VMSTORED_LOG_H
#define VMSTORED_LOG_H

#include <stdbool.h>

#if defined(__GNUC__)
#define LOG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LOG_PRINTF(a, b)
#endif

extern int log_verbose;

/* Send later messages to syslog instead of stderr. */
void log_to_syslog(bool on);
/* Append later messages to this file instead (NULL: back to stderr). */
int log_to_file(const char *path);

void log_err(const char *fmt, ...) LOG_PRINTF(1, 2);
void log_info(const char *fmt, ...) LOG_PRINTF(1, 2);
/* Printed only with -v: one line per request, for debugging clients. */
void log_debug(const char *fmt, ...) LOG_PRINTF(1, 2);

#endif /* VMSTORED_LOG_H */
