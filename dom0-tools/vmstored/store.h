/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The store: a tree of nodes, each with a value, permissions and a
 * generation count.
 *
 * Invariants: every node but the root has a parent that lists it among its
 * children, in creation order; a node's generation is unique and changes
 * whenever its value, permissions or list of children change (transactions
 * detect conflicts by it); 'owned' counts the nodes of each owner (the
 * first permission entry), which is what the per-domain node quota limits.
 */
#ifndef VMSTORED_STORE_H
#define VMSTORED_STORE_H

#include <stdint.h>
#include <stddef.h>

#include "perms.h"

struct node
{
    char *name;                     /* last path component; "" at root */
    struct node *parent;
    struct node **kids;
    unsigned int nkids, kids_cap;
    char *value;                    /* len bytes, may hold NULs */
    unsigned int len;
    struct perms perms;
    uint64_t gen;
};

struct owner_count
{
    unsigned int domid;
    unsigned int nodes;
};

struct tree
{
    struct node *root;
    uint64_t *gen;                  /* shared counter: gens stay unique */
    struct owner_count *owned;
    unsigned int nowned, owned_cap;
};

/* A root "/" owned by dom0, no access for others ("n0"). */
int tree_init(struct tree *t, uint64_t *gen);
void tree_free(struct tree *t);
/* A deep copy sharing the generation counter; 0 or ENOMEM. */
int tree_clone(struct tree *dst, const struct tree *src);

/* The node of a valid absolute path, or NULL. */
struct node *tree_lookup(const struct tree *t, const char *path);
/* The deepest existing node on the way to path (at least the root). */
struct node *tree_nearest(const struct tree *t, const char *path);

/* A new empty child of parent; NULL on ENOMEM. */
struct node *tree_add(struct tree *t, struct node *parent, const char *leaf,
                      const struct perms *perms);

/* Remove node and everything below it (not the root). */
void tree_remove(struct tree *t, struct node *node);

int node_set_value(struct tree *t, struct node *n, const void *value,
                   unsigned int len);
int node_set_perms(struct tree *t, struct node *n, const struct perms *p);
/* Give n a new generation (after a change the tree does not see). */
void node_touch(struct tree *t, struct node *n);

/* Nodes owned by domid. */
unsigned int tree_owned(const struct tree *t, unsigned int domid);

/*
 * The full path of n into buf; returns the length needed without the
 * NUL (the path is complete only if that is below size).
 */
size_t node_path(const struct node *n, char *buf, size_t size);
/* Same, as a new string (NULL on ENOMEM). */
char *node_path_dup(const struct node *n);

/* The NUL-separated child names; returns the bytes needed. */
size_t node_children(const struct node *n, char *buf, size_t size);

/*
 * The size of the node's record in Xen's xenstored (header, permissions,
 * value, child names): the unit of the per-node size quota.
 */
size_t node_record_size(const struct node *n);

#endif /* VMSTORED_STORE_H */
