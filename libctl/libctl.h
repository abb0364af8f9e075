/* SPDX-License-Identifier: GPL-2.0-only */
/* What libctl adds to the Xen-compatible API: choosing the backend the
 * handles open (Linux's /dev/xen devices, or an in-process fake for
 * tests) and whether errors are also printed. */
#ifndef LIBCTL_LIBCTL_H
#define LIBCTL_LIBCTL_H

#include <stdbool.h>

struct libctl_backend;

/* The backend every later open uses; NULL restores Linux's. */
void libctl_set_backend(const struct libctl_backend *be);
const struct libctl_backend *libctl_get_backend(void);

/* Also print every recorded error on stderr (default: only record). */
void libctl_set_verbose(bool verbose);

#endif /* LIBCTL_LIBCTL_H */
