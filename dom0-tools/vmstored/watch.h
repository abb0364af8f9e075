/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Watches.  A change to a path fires every watch set on that path or on
 * one of its parents, once per change, as an XS_WATCH_EVENT carrying the
 * changed path and the watch's token, to connections allowed to read the
 * node (or its parent, or the node as it was before the change).  Special
 * paths ('@introduceDomain', '@releaseDomain') fire on domain events for
 * the connections their own permissions allow.
 */
#ifndef VMSTORED_WATCH_H
#define VMSTORED_WATCH_H

#include <stdbool.h>

#include "perms.h"

struct conn;
struct vms;

struct watch
{
    struct watch *next;
    char *path;                     /* absolute, or '@' special */
    char *token;
    bool relative;                  /* events drop the domain's home */
};

/* Add a watch: 0, EEXIST, E2BIG (quota), EINVAL, ENOMEM. */
int watch_add(struct conn *c, const char *path, const char *token,
              struct watch **out);
/* Queue w's event for a change at path (absolute). */
void watch_event(struct conn *c, const struct watch *w, const char *path);
/* ENOENT if there is no such watch. */
int watch_remove(struct conn *c, const char *path, const char *token);
void watch_remove_all(struct conn *c);

/*
 * A change to path: fire matching watches everywhere.  exact: only
 * watches on path itself (the nodes below a removed one).  old: the
 * node's permissions before the change, or NULL.
 */
void watch_fire(struct vms *v, const char *path, bool exact,
                const struct perms *old);

#endif /* VMSTORED_WATCH_H */
