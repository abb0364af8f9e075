/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The store as one request sees it: the live tree, or its transaction's
 * snapshot.  Every change goes through here, so that permissions, quotas,
 * the transaction's notes and watch events are never forgotten.
 */
#ifndef VMSTORED_VIEW_H
#define VMSTORED_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "perms.h"
#include "store.h"

struct conn;
struct req;
struct txn;
struct vms;

struct view
{
    struct vms *v;
    struct conn *c;
    struct tree *t;
    struct txn *txn;
};

void view_init(struct view *vw, const struct req *r);

/* The absolute, valid path a client's argument names; EINVAL, ENOMEM. */
int view_path(const struct view *vw, const char *arg, char **out);

/*
 * The node at path if the client has 'want' access (PERM_* bits).
 * ENOENT if it does not exist and its nearest ancestor grants 'want'
 * (so that a refusal tells nothing about what exists), else EACCES.
 */
int view_get(struct view *vw, const char *path, unsigned int want,
             struct node **out);

/* Create path and missing parents (perms inherited); quotas apply. */
int view_create(struct view *vw, const char *path, struct node **out);
int view_set_value(struct view *vw, const char *path, struct node *n,
                   const void *value, unsigned int len);
int view_set_perms(struct view *vw, const char *path, struct node *n,
                   const struct perms *perms);
/* Remove path and its subtree, firing watches on each node. */
int view_remove(struct view *vw, const char *path, struct node *n);

/* A change to path: fire now, or at commit inside a transaction. */
void view_fire(struct view *vw, const char *path, bool exact,
               const struct perms *old);

#endif /* VMSTORED_VIEW_H */
